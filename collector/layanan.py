"""The unit's services, read from the front matter of docs/layanan/*.md."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.utils import meta, yaml_load

REQUIRED_KEYS = (
    "title",
    "ringkas",
    "tempat",
    "jadwal",
    "persyaratan",
    "biaya",
    "waktu_penyelesaian",
    "langkah",
)
LIST_KEYS = ("persyaratan", "langkah")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
INDEX_PAGE = "index.md"


class ContentError(ValueError):
    """A content file the build and the collector cannot use, with its place."""


@dataclass(frozen=True)
class Layanan:
    kode: str
    title: str
    ringkas: str
    urutan: int
    tempat: str
    jadwal: str
    persyaratan: tuple[str, ...]
    biaya: str
    waktu_penyelesaian: str
    langkah: tuple[str, ...]
    path: Path


def parse_service(path: Path) -> Layanan:
    """Read one service page's front matter, naming the file in any error."""
    _, data = meta.get_data(path.read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise ContentError(f"{path}: front matter lacks {', '.join(missing)}")

    for key in LIST_KEYS:
        if not isinstance(data[key], list):
            raise ContentError(f"{path}: '{key}' must be a list of lines")

        for number, item in enumerate(data[key], start=1):
            if isinstance(item, dict | list):
                # YAML reads an unquoted "Label: text" line as a mapping.
                raise ContentError(
                    f"{path}: line {number} of '{key}' must be text; put a line "
                    'that contains ": " in quotes'
                )

    texts = [key for key in REQUIRED_KEYS if key not in LIST_KEYS]
    for key in texts:
        if isinstance(data[key], dict | list):
            # YAML reads an unquoted {placeholder} as a mapping, not as text.
            raise ContentError(
                f"{path}: '{key}' must be text; a value that starts with {{ "
                f'needs quotes, e.g. {key}: "{{jam_kunjungan}}"'
            )

    return Layanan(
        kode=path.stem,
        title=str(data["title"]),
        ringkas=str(data["ringkas"]),
        urutan=int(data.get("urutan", 1000)),
        tempat=str(data["tempat"]),
        jadwal=str(data["jadwal"]),
        persyaratan=tuple(str(item) for item in data["persyaratan"]),
        biaya=str(data["biaya"]),
        waktu_penyelesaian=str(data["waktu_penyelesaian"]),
        langkah=tuple(str(item) for item in data["langkah"]),
        path=path,
    )


def service_files(docs_dir: str | Path) -> list[Path]:
    """Return the service pages of a docs folder, the index page left out."""
    folder = Path(docs_dir) / "layanan"

    return sorted(p for p in folder.glob("*.md") if p.name != INDEX_PAGE)


def load_services(docs_dir: str | Path) -> tuple[Layanan, ...]:
    """Return every service of a docs folder in display order."""
    files = service_files(docs_dir)
    signature = tuple((str(p), p.stat().st_mtime_ns) for p in files)

    return _load(signature)


@functools.lru_cache(maxsize=8)
def _load(signature: tuple[tuple[str, int], ...]) -> tuple[Layanan, ...]:
    services = [parse_service(Path(name)) for name, _ in signature]

    return tuple(sorted(services, key=lambda s: (s.urutan, s.title)))


def choices(docs_dir: str | Path) -> list[tuple[str, str]]:
    """Return (code, name) pairs of the services for pick-lists."""
    return [(s.kode, s.title) for s in load_services(docs_dir)]


def load_site_config(mkdocs_yml: str | Path) -> dict[str, Any]:
    """Read mkdocs.yml the way MkDocs does, !ENV tags included."""
    with open(mkdocs_yml, encoding="utf-8") as stream:
        return yaml_load(stream)


def site_root(site_config: dict[str, Any]) -> str:
    """Return the path the site is served under, from site_url, ending in '/'."""
    path = urlsplit(site_config.get("site_url") or "/").path or "/"

    return path if path.endswith("/") else f"{path}/"


def unit_facts(site_config: dict[str, Any]) -> dict[str, str]:
    """Return the unit's facts block (extra.unit) with every value as text."""
    facts = (site_config.get("extra") or {}).get("unit") or {}

    return {key: "" if value is None else str(value) for key, value in facts.items()}


def fill(text: str, facts: dict[str, str], where: str, missing: str) -> str:
    """Replace {placeholders} with unit facts; unknown names raise ContentError."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in facts:
            known = ", ".join(sorted(facts))
            raise ContentError(
                f"{where}: unknown placeholder {{{name}}}; known: {known}"
            )

        return facts[name] or missing

    return PLACEHOLDER.sub(replace, text)
