"""Real servers for tests and benchmarks: gunicorn on a free port, its own group."""

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
FLASK = Path(sys.executable).with_name("flask")


def listening_socket() -> socket.socket:
    """Return a socket listening on a free port of 127.0.0.1."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)

    return sock


def url_of(sock: socket.socket) -> str:
    """Return the base address of a listening socket."""
    host, port = sock.getsockname()

    return f"http://{host}:{port}"


def launch(
    command: list[str], env: dict[str, str], sock: socket.socket, log: Path
) -> subprocess.Popen:
    """Start a server command on a passed socket ('{fd}'), in its own process group."""
    fd = sock.fileno()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen(
            [part.replace("{fd}", str(fd)) for part in command],
            env={**os.environ, **env},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            pass_fds=(fd,),
            start_new_session=True,
        )


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
    """Stop a server's group started here, by its pid: politely, then for sure."""
    if process.poll() is not None:
        return

    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
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
    url = url_of(sock)
    process = launch(command, env, sock, log)
    sock.close()
    try:
        wait_until_up(url + probe, process, log)
        yield Running(url, process.pid)
    finally:
        stop(process)


def gunicorn_command(
    app: str, workers: int = 2, threads: int = 1, *options: str
) -> list[str]:
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
        *options,
        app,
    ]


class Gunicorn:
    """The collector under gunicorn on a socket kept open, so it can be restarted."""

    def __init__(self, sock: socket.socket, env: dict[str, str], workers: int = 3):
        self.sock = sock
        self.env = env
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log = Path(env["COLLECTOR_INSTANCE_PATH"]) / "gunicorn.log"

    @property
    def url(self) -> str:
        return url_of(self.sock)

    def start(self) -> Gunicorn:
        """Start the server, logging every request, and wait until it answers."""
        command = gunicorn_command(
            "collector:create_app()",
            self.workers,
            1,
            "--timeout",
            "60",
            "--access-logfile",
            "-",
        )
        self.process = launch(command, self.env, self.sock, self.log)
        wait_until_up(f"{self.url}/kirim/survei", self.process, self.log, limit=60)

        return self

    def kill(self) -> None:
        """Kill the master and its workers at once, as a power cut would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server gracefully if it still runs."""
        if self.process:
            stop(self.process, limit=30)


def collector_env(
    site: Path, database_url: str, instance: Path, **settings: str
) -> dict[str, str]:
    """Return the environment of a collector serving a site, with extra settings.

    A test that scripts a phone passes MIN_FILL_SECONDS="0": it fills a form in
    under a second, and the fill-time guard has tests of its own.
    """
    return {
        "COLLECTOR_SECRET_KEY": "live-test-secret",
        "COLLECTOR_DATABASE_URL": database_url,
        "COLLECTOR_SITE_DIR": str(site),
        "COLLECTOR_INSTANCE_PATH": str(instance),
        **{f"COLLECTOR_{key}": value for key, value in settings.items()},
    }


def sqlite_url(folder: Path) -> str:
    """Return the address of a fresh SQLite file in a folder."""
    return f"sqlite:///{folder / 'collector.sqlite3'}"


def flask(env: dict[str, str], *args: str) -> str:
    """Run a collector command and return what it printed."""
    done = subprocess.run(
        [str(FLASK), "--app", "collector", *args],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )

    return done.stdout


def migrate(env: dict[str, str]) -> None:
    """Create the collector's schema in the database the environment names."""
    flask(env, "db", "upgrade")
