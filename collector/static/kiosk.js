/* The kiosk: return to the start screen when idle, leaving nothing behind, and
   send each form's fill time. Loaded from a file: the pages allow no inline script. */
(function () {
  "use strict";

  var body = document.body;
  var idleMs = (parseInt(body.getAttribute("data-idle"), 10) || 0) * 1000;
  var start = body.getAttribute("data-start") || "/kiosk/";
  var timer = null;

  function forget() {
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (error) {
      /* Storage may be switched off; then there is nothing to clear. */
    }
    Array.prototype.forEach.call(document.forms, function (form) {
      form.reset();
    });
  }

  function restart() {
    forget();
    window.location.replace(start);
  }

  function arm() {
    window.clearTimeout(timer);
    if (idleMs > 0 && !body.hasAttribute("data-home")) {
      timer = window.setTimeout(restart, idleMs);
    }
  }

  function submissionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16),
      hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function hidden(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    return input;
  }

  function prepare(form) {
    var id = hidden(form, "kirim_id");
    if (!id.value) {
      id.value = submissionId();
    }
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-terkirim")) {
        event.preventDefault();
        return;
      }
      /* Seconds since this page opened, from the browser's monotonic clock. */
      var seconds = Math.round(window.performance.now() / 1000);
      hidden(form, "durasi").value = String(Math.min(Math.max(seconds, 0), 86400));
      form.setAttribute("data-terkirim", "1");
    });
  }

  ["pointerdown", "keydown", "input", "touchstart", "wheel", "scroll"].forEach(
    function (type) {
      window.addEventListener(type, arm, { capture: true, passive: true });
    }
  );

  /* A page brought back from the back-forward cache may show the last visitor. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      restart();
    }
  });

  if (body.hasAttribute("data-home")) {
    forget();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.dl-form"), prepare);
  arm();
})();
