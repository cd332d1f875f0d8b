"""Tools for the printing tests: the site build, Chromium and poppler."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


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


def print_to_pdf(url: str, pdf: Path) -> None:
    """Print a page to PDF with headless Chromium, as a person printing would."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                *CHROMIUM_ARGS,
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
