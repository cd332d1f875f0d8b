"""A real gunicorn running the collector on a free port, for load and crash tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_socket() -> socket.socket:
    """Return a listening socket on a free loopback port, to hand to gunicorn."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.set_inheritable(True)

    return listener


class Gunicorn:
    """One gunicorn master and its workers, started in their own process group."""

    def __init__(self, listener: socket.socket, env: dict[str, str], workers: int = 3):
        self.listener = listener
        self.env = {**os.environ, **env}
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log = Path(env["COLLECTOR_INSTANCE_PATH"]) / "gunicorn.log"

    @property
    def url(self) -> str:
        host, port = self.listener.getsockname()

        return f"http://{host}:{port}"

    def start(self) -> Gunicorn:
        """Start the server and wait until it answers."""
        fd = self.listener.fileno()
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--bind", f"fd://{fd}",
                 "--workers", str(self.workers), "--timeout", "60",
                 "--access-logfile", "-",
                 "collector:create_app()"],
                cwd=ROOT, env=self.env, pass_fds=(fd,), start_new_session=True,
                stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/kirim/survei", timeout=5):
                    pass
            except urllib.error.HTTPError:
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """Kill the master and its workers at once, as a power cut would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server gracefully if it still runs."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)


def post(url: str, data: bytes, headers: dict[str, str] | None = None,
         timeout: float = 30) -> tuple[int, bytes]:
    """Post a form body and return the status and the body, errors included."""
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        **(headers or {}),
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
