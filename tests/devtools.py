"""Headless Chromium driven over its DevTools pipe: pages, console and network."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time

from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS


class Chromium:
    """One headless browser with one tab, talked to through --remote-debugging-pipe."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        os.set_inheritable(to_browser_r, True)
        os.set_inheritable(from_browser_w, True)
        # The browser reads commands from fd 3 and writes answers to fd 4.
        redirect = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.process = subprocess.Popen(
            ["bash", "-c", redirect, str(CHROMIUM), "--headless", *CHROMIUM_ARGS,
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
             "--disable-extensions", "about:blank"],
            pass_fds=(to_browser_r, from_browser_w),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.replies: dict[int, queue.Queue] = {}
        self.events: queue.Queue = queue.Queue()
        self.messages: list[dict] = []
        self.lock = threading.Lock()
        threading.Thread(target=self.read, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call(
            "Target.attachToTarget", targetId=target, flatten=True
        )["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message and message["id"] in self.replies:
                    self.replies[message["id"]].put(message)
                else:
                    self.messages.append(message)
                    self.events.put(message)

    def call(self, method: str, session: bool = False, timeout: float = 30, **params):
        """Send one DevTools command and return its result."""
        with self.lock:
            self.next_id += 1
            number = self.next_id
            self.replies[number] = queue.Queue()
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        reply = self.replies[number].get(timeout=timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")

        return reply.get("result", {})

    def open(self, url: str, timeout: float = 30) -> None:
        """Load a page and wait for its load event."""
        self.drain()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired", timeout)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        """Return the next event of that kind."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.2)
            except queue.Empty:
                continue
            if event.get("method") == method:
                return event
        raise TimeoutError(method)

    def drain(self) -> None:
        while not self.events.empty():
            self.events.get_nowait()

    def run(self, script: str):
        """Evaluate JavaScript in the page, awaiting a promise, and return the value."""
        result = self.call(
            "Runtime.evaluate", session=True, expression=script,
            awaitPromise=True, returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])

        return result["result"].get("value")

    def wait_until(self, script: str, timeout: float = 20):
        """Return the script's value once it is truthy."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.run(script)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(script)

    def offline(self, offline: bool) -> None:
        """Cut or restore the tab's network as a phone losing signal would."""
        self.call(
            "Network.emulateNetworkConditions", session=True, offline=offline,
            latency=0, downloadThroughput=-1, uploadThroughput=-1,
        )

    def console_errors(self, page: str | None = None) -> list[str]:
        """Return the console and log errors seen so far, CSP violations included.

        The error status of the page itself (a 404 page) is not counted.
        """
        errors = []
        for message in self.messages:
            params = message.get("params", {})
            if message.get("method") == "Log.entryAdded":
                entry = params["entry"]
                own_status = entry["source"] == "network" and entry.get("url") == page
                if entry["level"] == "error" and not own_status:
                    errors.append(entry["text"])
            elif message.get("method") == "Runtime.exceptionThrown":
                errors.append(str(params["exceptionDetails"]))
            elif (message.get("method") == "Runtime.consoleAPICalled"
                  and params["type"] == "error"):
                errors.append(str(params["args"]))

        return errors

    def close(self) -> None:
        """Stop the browser and remove its profile."""
        with contextlib.suppress(Exception):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)
