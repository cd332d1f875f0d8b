"""Pure build logic: markers, service facts and lists, taking and returning text."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collector.layanan import ContentError, Layanan, fill

MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*(?::[a-z0-9_-]+)?)\s*-->")
BLOCK_MARKERS = ("formulir:survei", "formulir:buku-tamu", "hasil-ikm", "ikm-terkini")
MISSING = "belum diisi, tanyakan kepada petugas"
NO_DATA = "Belum ada data: hasil survei belum diumumkan."


@dataclass(frozen=True)
class Marker:
    name: str
    line: int
    start: int
    end: int


def find_markers(markdown: str) -> list[Marker]:
    """Return every marker-shaped comment of a page with its line number."""
    return [
        Marker(m.group(1), markdown.count("\n", 0, m.start()) + 1, m.start(), m.end())
        for m in MARKER.finditer(markdown)
    ]


def check_markers(markdown: str, where: str, facts: dict[str, str]) -> None:
    """Refuse a page with a marker the build does not know, naming file and line."""
    known = {*BLOCK_MARKERS, "daftar-layanan", *(f"unit:{key}" for key in facts)}
    for marker in find_markers(markdown):
        if marker.name not in known:
            raise ContentError(
                f"{where}:{marker.line}: unknown marker <!-- {marker.name} -->; "
                f"known markers: {', '.join(sorted(known))}"
            )


def fill_unit_markers(markdown: str, facts: dict[str, str]) -> str:
    """Replace <!-- unit:KEY --> markers with the unit's facts as plain text."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if not name.startswith("unit:"):
            return match.group(0)

        value = facts.get(name[5:]) or MISSING

        return html.escape(value, quote=False)

    return MARKER.sub(replace, markdown)


def fill_service(service: Layanan, facts: dict[str, str]) -> dict[str, Any]:
    """Return a service's facts with every placeholder filled in."""
    where = str(service.path)

    def text(value: str) -> str:
        return fill(value, facts, where, MISSING)

    return {
        "ringkas": text(service.ringkas),
        "tempat": text(service.tempat),
        "jadwal": text(service.jadwal),
        "biaya": text(service.biaya),
        "waktu_penyelesaian": text(service.waktu_penyelesaian),
        "persyaratan": [text(item) for item in service.persyaratan],
        "langkah": [text(item) for item in service.langkah],
    }


def service_markdown(service: Layanan, facts: dict[str, str], site_root: str) -> str:
    """Return the Markdown of a service page's facts, built from its front matter."""
    data = fill_service(service, facts)
    lines = [
        data["ringkas"],
        "",
        f"- **Tempat:** {data['tempat']}",
        f"- **Jadwal:** {data['jadwal']}",
        f"- **Biaya:** {data['biaya']}",
        f"- **Waktu penyelesaian:** {data['waktu_penyelesaian']}",
        "",
        "## Persyaratan",
        "",
        *(f"- {item}" for item in data["persyaratan"]),
        "",
        "## Langkah",
        "",
        *(f"{number}. {step}" for number, step in enumerate(data["langkah"], 1)),
        "",
        f'<p class="dl-actions"><a class="md-button" '
        f'href="{site_root}buku-tamu/">Isi buku tamu</a> '
        f'<a class="md-button md-button--primary" '
        f'href="{site_root}survei/?layanan={service.kode}">Nilai layanan ini</a></p>',
        "",
    ]

    return "\n".join(lines)


def service_list_markdown(services: tuple[Layanan, ...], facts: dict[str, str]) -> str:
    """Return the Markdown list of services linking each page, for the index."""
    items = []
    for service in services:
        summary = fill(service.ringkas, facts, str(service.path), MISSING)
        items.append(f"- **[{service.title}]({service.kode}.md)**  \n  {summary}")

    return "\n".join(items)


def with_service_nav(nav: list[Any], services: tuple[Layanan, ...]) -> list[Any]:
    """Return the navigation with every service page under its Layanan section."""
    entries = [{service.title: f"layanan/{service.kode}.md"} for service in services]
    result = []
    for item in nav:
        if isinstance(item, dict) and list(item) == ["Layanan"]:
            children = [c for c in item["Layanan"] if c not in entries]
            item = {"Layanan": [*children, *entries]}

        result.append(item)

    return result


def load_results(path: Path) -> dict[str, Any] | None:
    """Return the published IKM results, or None before the first publication."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def results_html(results: dict[str, Any] | None) -> str:
    """Return the results block of the results page."""
    if not results or not results.get("periode"):
        return f'<p class="dl-no-data">{html.escape(NO_DATA)}</p>'

    latest = results["periode"][-1]

    return latest_html(latest) + f"\n<!-- periode: {len(results['periode'])} -->"


def latest_html(period: dict[str, Any] | None) -> str:
    """Return the latest published figure for the home page."""
    if not period or period.get("ikm") is None:
        return f'<p class="dl-no-data">{html.escape(NO_DATA)}</p>'

    label = html.escape(f"{period['label']}: IKM {period['ikm']}")
    grade = html.escape(f"mutu {period['mutu']} ({period['kinerja']})")

    return f'<p class="dl-ikm"><strong>{label}</strong>, {grade}</p>'


UNUSED_THEME_FILES = re.compile(
    r"^assets/javascripts/(?:lunr|workers)/|\.map$"
)


def unused_theme_file(path: str) -> bool:
    """Tell whether a theme file serves only search or debugging, which we leave out."""
    return bool(UNUSED_THEME_FILES.search(path))


def empty_facts(facts: dict[str, str]) -> list[str]:
    """Return the unit facts that are still empty in mkdocs.yml."""
    return sorted(key for key, value in facts.items() if not value.strip())
