"""Shared pieces of the benchmarks: building sites, printing tables, timing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent


def heading(text: str) -> None:
    """Print a section heading."""
    print(f"\n## {text}\n", flush=True)


def table(headers: list[str], rows: list[list[object]]) -> None:
    """Print rows as an aligned plain-text table."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for number, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if i else c.ljust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * w for w in widths))
    print(flush=True)


def mkdocs_build(config: Path, destination: Path, strict: bool = True) -> float:
    """Build a site with MkDocs and return the seconds it took."""
    command = [str(BIN / "mkdocs"), "build", "--quiet", "-f", str(config)]
    command += ["-d", str(destination), *(["--strict"] if strict else [])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=env)

    return time.perf_counter() - started


def compress(folder: Path) -> float:
    """Write the .gz/.br copies of a built site; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "whitenoise.compress", "--quiet", str(folder)],
        check=True,
    )

    return time.perf_counter() - started


def our_config(folder: Path, docs: Path) -> Path:
    """Write a configuration that builds the project's site from another docs copy."""
    config = folder / "mkdocs-ours.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT / 'site_src' / 'overrides'}\n"
        f"hooks: [{ROOT / 'site_src' / 'hooks.py'}]\n",
        encoding="utf-8",
    )

    return config


def plain_config(folder: Path, docs: Path) -> Path:
    """Write a plain Material for MkDocs configuration: defaults, no hooks.

    Only the web font is off: its default comes from Google's servers, which
    neither the build nor the benchmark may reach; a real plain site would
    download it too, so the plain figures are, if anything, too low.
    """
    config = folder / "mkdocs-plain.yml"
    config.write_text(
        "site_name: Layanan Rutan Kelas IIB Batusangkar\n"
        f"docs_dir: {docs}\n"
        "theme:\n"
        "  name: material\n"
        "  font: false\n",
        encoding="utf-8",
    )

    return config


def copy_docs(destination: Path, extra_services: int = 0) -> Path:
    """Copy docs/ and add generated copies of a service page; return the copy."""
    shutil.copytree(ROOT / "docs", destination)
    template = (ROOT / "docs" / "layanan" / "kunjungan.md").read_text(encoding="utf-8")
    for number in range(1, extra_services + 1):
        text = template.replace(
            "title: Kunjungan Keluarga", f"title: Layanan Contoh {number:03d}"
        ).replace("urutan: 10", f"urutan: {1000 + number}")
        page = destination / "layanan" / f"contoh-{number:03d}.md"
        page.write_text(text, encoding="utf-8")

    return destination
