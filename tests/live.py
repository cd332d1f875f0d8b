"""Real servers for browser tests and benchmarks: gunicorn on a free port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def listening_socket() -> socket.socket:
    """Return a socket listening on a free port of 127.0.0.1."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)

    return sock


def wait_until_up(url: str, process: subprocess.Popen, log: Path, limit=30.0) -> None:
    """Wait until the server answers at the URL, or raise with its log."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break

        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)

    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise RuntimeError(f"the server at {url} did not start:\n{tail}")


def stop(process: subprocess.Popen, limit: float = 10.0) -> None:
    """Stop a server started here, by its own pid: politely, then for sure."""
    if process.poll() is not None:
        return

    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True)
class Running:
    """A server started here: its address and the pid to stop it by."""

    url: str
    pid: int


@contextmanager
def serve(
    command: list[str], env: dict[str, str], log: Path, probe: str = "/"
) -> Iterator[Running]:
    """Run a server command on a free port passed as '{fd}'; yield where it runs."""
    sock = listening_socket()
    port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [part.replace("{fd}", str(sock.fileno())) for part in command],
            env={**os.environ, **env},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=(sock.fileno(),),
        )
    sock.close()
    try:
        wait_until_up(url + probe, process, log)
        yield Running(url, process.pid)
    finally:
        stop(process)


def gunicorn_command(app: str, workers: int = 2, threads: int = 1) -> list[str]:
    """Return the gunicorn command line for an app, bound to the passed socket."""
    return [
        str(GUNICORN),
        "--bind",
        "fd://{fd}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--graceful-timeout",
        "5",
        app,
    ]


def collector_env(site: Path, database_url: str, instance: Path) -> dict[str, str]:
    """Return the environment of a collector serving a site from a database."""
    return {
        "COLLECTOR_SECRET_KEY": "live-test-secret",
        "COLLECTOR_DATABASE_URL": database_url,
        "COLLECTOR_SITE_DIR": str(site),
        "COLLECTOR_INSTANCE_PATH": str(instance),
        # A scripted phone fills a form in under a second; the fill-time guard
        # has tests of its own.
        "COLLECTOR_MIN_FILL_SECONDS": "0",
    }


def migrate(env: dict[str, str]) -> None:
    """Create the collector's schema in the database the environment names."""
    flask = Path(sys.executable).with_name("flask")
    subprocess.run(
        [str(flask), "--app", "collector", "db", "upgrade"],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
