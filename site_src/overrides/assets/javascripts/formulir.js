/* The forms, improved when scripts run: sent in the background, messages shown
   at their fields, and answers that could not be sent kept on the phone and sent
   again when the network returns. Without this file the forms post as usual. */
(function () {
  "use strict";

  var QUEUE = "duta-layanan.antrean";
  var RETRY_MS = 30000;
  var TIMEOUT_MS = 20000;
  var flushing = false;
  var OFFLINE = "Jaringan sedang terputus atau terlalu lambat.";
  var BROKEN = "Server sedang mengalami gangguan.";
  var BUSY = "Server sedang menerima terlalu banyak kiriman.";

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16), h = [], i;
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(b);
    else for (i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    for (i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    h = h.join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch (e) { return []; }
  }

  function store(items) {
    try { localStorage.setItem(QUEUE, JSON.stringify(items)); } catch (e) { /* full or blocked */ }
  }

  function keep(item) {
    var items = load().filter(function (old) { return old.id !== item.id; });
    items.push(item);
    store(items);
  }

  function drop(id) {
    store(load().filter(function (old) { return old.id !== id; }));
  }

  function encode(form) {
    var parts = [], i, el, j;
    for (i = 0; i < form.elements.length; i++) {
      el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) continue;
      if (el.tagName === "SELECT" && el.multiple) {
        for (j = 0; j < el.options.length; j++) {
          if (el.options[j].selected) parts.push([el.name, el.options[j].value]);
        }
        continue;
      }
      parts.push([el.name, el.value]);
    }
    return parts.map(function (p) {
      return encodeURIComponent(p[0]) + "=" + encodeURIComponent(p[1]);
    }).join("&");
  }

  /* Post one kept submission; resolve with {status, body}, or reject when the
     network, a timeout or the server (5xx) failed, so it stays for a retry. */
  function send(item) {
    var abort = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (abort) abort.abort(); }, TIMEOUT_MS);
    return fetch(item.url, {
      method: "POST",
      body: item.body,
      headers: {
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"
      },
      credentials: "same-origin",
      signal: abort ? abort.signal : undefined
    }).then(function (response) {
      clearTimeout(timer);
      if (response.status === 429) throw new Error(BUSY);
      if (response.status >= 500) throw new Error(BROKEN);
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }, function () {
      clearTimeout(timer);
      throw new Error(OFFLINE);
    });
  }

  function waitingText() {
    var n = load().length;
    if (!n) return "";
    return n + " jawaban belum terkirim karena jaringan terputus. Jawaban itu " +
      "tersimpan di ponsel ini dan akan dikirim otomatis saat sinyal kembali; " +
      "jangan hapus data browser sebelum terkirim.";
  }

  function status(form, text) {
    var box = form.querySelector(".dl-status");
    if (!box) {
      box = document.createElement("p");
      box.className = "dl-status";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      form.insertBefore(box, form.querySelector(".dl-submit") ? form.querySelector(".dl-submit").parentNode : null);
    }
    box.textContent = text || waitingText();
  }

  function everyForm(fn) {
    var forms = document.querySelectorAll("form.dl-form[data-formulir]");
    for (var i = 0; i < forms.length; i++) fn(forms[i]);
  }

  function clearErrors(form) {
    var old = form.querySelectorAll(".dl-error, .dl-summary"), i;
    for (i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    old = form.querySelectorAll(".dl-field--invalid");
    for (i = 0; i < old.length; i++) old[i].classList.remove("dl-field--invalid");
    old = form.querySelectorAll("[aria-invalid]");
    for (i = 0; i < old.length; i++) {
      old[i].removeAttribute("aria-invalid");
      old[i].removeAttribute("aria-describedby");
    }
  }

  /* Mirror collector/templates/forms/_fields.html: the message right after the
     field's legend or label, the field marked invalid, a summary on top. */
  function showErrors(form, errors) {
    var names = Object.keys(errors || {}), loose = [], first = null;
    clearErrors(form);
    names.forEach(function (name) {
      var box = document.getElementById("isian-" + name);
      var p = document.createElement("p");
      p.className = "dl-error";
      p.id = name + "-error";
      p.textContent = [].concat(errors[name])[0];
      if (!box || !form.contains(box)) { loose.push(p); return; }
      box.classList.add("dl-field--invalid");
      var head = null;
      for (var c = box.firstElementChild; c && !head; c = c.nextElementSibling) {
        if (c.tagName === "LEGEND" || (c.tagName === "LABEL" && c.htmlFor)) head = c;
      }
      box.insertBefore(p, head ? head.nextSibling : box.firstChild);
      var inputs = box.querySelectorAll("input, select, textarea");
      for (var i = 0; i < inputs.length; i++) {
        inputs[i].setAttribute("aria-invalid", "true");
        inputs[i].setAttribute("aria-describedby", p.id);
      }
      first = first || box;
    });
    var summary = document.createElement("div");
    summary.className = "dl-summary";
    summary.setAttribute("role", "alert");
    summary.tabIndex = -1;
    summary.innerHTML = "<p><strong></strong> Jawaban Anda yang lain tetap ada di " +
      "formulir ini; perbaiki isian yang ditandai lalu kirim lagi.</p>";
    summary.querySelector("strong").textContent =
      "Ada " + names.length + " isian yang perlu diperbaiki.";
    loose.forEach(function (p) { summary.appendChild(p); });
    form.insertBefore(summary, form.firstChild);
    (loose.length || !first ? summary : first).scrollIntoView({ block: "center" });
    summary.focus({ preventScroll: true });
  }

  function busy(form, on) {
    var buttons = form.querySelectorAll("[type=submit]");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    form.dataset.mengirim = on ? "1" : "";
  }

  /* Give the form a fresh id and start timing a new fill. */
  function freshFill(form) {
    form.elements.kirim_id.value = newId();
    form.dataset.mulai = String(Date.now());
    form.dataset.terkirim = "";
  }

  function onSubmit(event) {
    var form = event.target;
    event.preventDefault();
    if (form.dataset.mengirim) return;
    if (form.elements.durasi) {
      var seconds = Math.round((Date.now() - Number(form.dataset.mulai)) / 1000);
      form.elements.durasi.value = String(Math.max(0, Math.min(seconds, 86400)));
    }
    var item = { id: form.elements.kirim_id.value, url: form.action, body: encode(form),
      formulir: form.dataset.formulir, disimpan: Date.now() };
    busy(form, true);
    status(form, "Mengirim…");
    send(item).then(function (answer) {
      busy(form, false);
      if (answer.status === 201) {
        form.dataset.terkirim = "1";
        location.href = answer.body.terima_kasih || form.action.replace(/kirim\/.*$/, "terima-kasih/");
      } else if (answer.status === 422) {
        status(form, "");
        showErrors(form, answer.body.kesalahan);
      } else {
        status(form, (answer.body && answer.body.pesan) ||
          "Formulir tidak dapat dikirim. Muat ulang halaman lalu coba lagi.");
      }
    }, function (error) {
      busy(form, false);
      keep(item);
      form.reset();
      clearErrors(form);
      freshFill(form);
      status(form, error.message + " Jawaban Anda tidak hilang: sudah disimpan di " +
        "ponsel ini dan akan dikirim otomatis nanti. " + waitingText());
    });
  }

  /* Send every kept submission once; keep those that still cannot be sent. */
  function flush() {
    var items = load();
    if (flushing || !items.length || navigator.onLine === false) return;
    flushing = true;
    var chain = Promise.resolve(), sent = 0, refused = "";
    items.forEach(function (item) {
      chain = chain.then(function () {
        return send(item).then(function (answer) {
          drop(item.id);
          if (answer.status === 201) sent++;
          else {
            refused = "Satu jawaban yang tersimpan di ponsel ini ditolak (" +
              ((answer.body && answer.body.pesan) || "isiannya tidak lengkap") +
              "). Silakan isi formulirnya lagi. ";
          }
        }, function () { /* stays kept for the next try */ });
      });
    });
    chain.then(function () {
      flushing = false;
      var done = sent ? sent + " jawaban yang tertunda sudah terkirim. Terima kasih. " : "";
      everyForm(function (form) {
        if (!form.dataset.mengirim) status(form, done + refused + waitingText());
      });
    });
  }

  function start() {
    everyForm(function (form) {
      if (form.dataset.siap) return;
      form.dataset.siap = "1";
      if (!form.elements.kirim_id.value) freshFill(form);
      else form.dataset.mulai = String(Date.now());
      form.addEventListener("submit", onSubmit);
      status(form, "");
    });
    flush();
  }

  window.addEventListener("online", flush);
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    everyForm(function (form) {
      busy(form, false);
      if (form.dataset.terkirim) { form.reset(); clearErrors(form); freshFill(form); }
    });
    start();
  });
  setInterval(flush, RETRY_MS);
  if (window.document$ && document$.subscribe) document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
