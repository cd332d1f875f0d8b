"""Real servers and tools for the end-to-end tests: gunicorn, Chromium, poppler."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


def build_site(destination: Path, site_url: str) -> subprocess.CompletedProcess:
    """Build the site strictly for a public address, returning the build's output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}

    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def collector_env(site_dir: Path, instance: Path, **settings: str) -> dict[str, str]:
    """Return the environment of a collector on a fresh SQLite file."""
    env = {
        **os.environ,
        "COLLECTOR_SECRET_KEY": "test-secret",
        "COLLECTOR_INSTANCE_PATH": str(instance),
        "COLLECTOR_SITE_DIR": str(site_dir),
        "COLLECTOR_DATABASE_URL": f"sqlite:///{instance / 'collector.sqlite3'}",
    }
    env.update({f"COLLECTOR_{key}": value for key, value in settings.items()})

    return env


def flask(env: dict[str, str], *args: str) -> str:
    """Run a collector command and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "collector", *args],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    return done.stdout


@contextmanager
def gunicorn(env: dict[str, str]) -> Iterator[str]:
    """Run the collector under gunicorn on a free port and yield its address."""
    flask(env, "db", "upgrade")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
            "collector:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = threading.Event()
    address: list[str] = []

    def drain() -> None:
        for line in process.stderr:
            match = LISTENING.search(line)
            if match and not found.is_set():
                address.append(match.group(1))
                found.set()

    threading.Thread(target=drain, daemon=True).start()
    try:
        if not found.wait(30) or not address:
            raise RuntimeError("gunicorn did not start within 30 s")

        yield address[0]
    finally:
        process.terminate()
        process.wait(10)


def print_to_pdf(url: str, pdf: Path) -> None:
    """Print a page to PDF with headless Chromium, as a person printing would."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """Return the width and height in mm of every page of a PDF."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)

    return [(float(w) * 25.4 / 72, float(h) * 25.4 / 72) for w, h in sizes]


def page_images(pdf: Path, dpi: int, folder: Path) -> list[Path]:
    """Turn every page of a PDF into a greyscale image at the given resolution."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(folder / "page")],
        check=True,
        timeout=300,
    )

    return sorted(folder.glob("page-*.pgm"))
