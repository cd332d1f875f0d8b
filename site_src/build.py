"""Pure build logic: markers, service facts and lists, taking and returning text."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from collector import chart
from collector.layanan import ContentError, Layanan, fill

MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*(?::[a-z0-9_-]+)?)\s*-->")
BLOCK_MARKERS = (
    "formulir:survei",
    "formulir:buku-tamu",
    "hasil-ikm",
    "ikm-terkini",
    "lembar-cetak",
)
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


def lines_before(source: str, markdown: str) -> int:
    """Return how many lines of a file come before its Markdown body."""
    if not source.endswith(markdown):
        return 0

    return source.count("\n", 0, len(source) - len(markdown))


def check_markers(
    markdown: str, where: str, facts: dict[str, str], first_line: int = 0
) -> None:
    """Refuse a page with a marker the build does not know, naming file and line.

    `first_line` is the number of lines, such as front matter, that precede
    the Markdown in its file, so that the line named is the one an editor shows.
    """
    known = {*BLOCK_MARKERS, "daftar-layanan", *(f"unit:{key}" for key in facts)}
    for marker in find_markers(markdown):
        if marker.name not in known:
            line = first_line + marker.line
            raise ContentError(
                f"{where}:{line}: unknown marker <!-- {marker.name} -->; "
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
        f'href="{site_root}survei/{service.kode}/">Nilai layanan ini</a></p>',
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


def _number(value: str | None) -> str:
    return "–" if value is None else html.escape(str(value).replace(".", ","))


def _grade(record: dict[str, Any]) -> str:
    if record.get("ikm") is None:
        return "belum ada data"

    return html.escape(f"{record['mutu']} ({record['kinerja']})")


def ordered(results: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Return the published periods by end day, the latest last."""
    if not results:
        return []

    def order(item: dict[str, Any]) -> tuple[str, int]:
        return item["sampai"], -date.fromisoformat(item["dari"]).toordinal()

    return sorted(results.get("periode") or [], key=order)


def results_html(results: dict[str, Any] | None) -> str:
    """Return the results page block: latest index, its elements, services, trend."""
    published = ordered(results)
    if not published:
        return f'<p class="dl-no-data">{html.escape(NO_DATA)}</p>'

    latest = published[-1]
    parts = [
        latest_html(latest),
        f"<h2 id=\"unsur\">Nilai per unsur, {html.escape(latest['label'])}</h2>",
        _element_table(latest),
        str(_element_chart(latest)),
        "<h2 id=\"per-layanan\">Per layanan</h2>",
        _service_table(latest),
        "<h2 id=\"tren\">Tren dari periode ke periode</h2>",
        _trend_table(published),
    ]

    return "\n".join(parts)


def latest_html(period: dict[str, Any] | None) -> str:
    """Return the latest published figure: index, grade and respondents."""
    if not period or period.get("ikm") is None:
        return f'<p class="dl-no-data">{html.escape(NO_DATA)}</p>'

    label = html.escape(period["label"])
    code = html.escape(period["kode"])
    value = _number(period["ikm"])
    respondents = int(period["respondents"])

    return (
        f'<p class="dl-ikm" data-periode="{code}"><strong>IKM {label}: '
        f'<span class="dl-ikm-nilai">{value}</span></strong>, mutu {_grade(period)}, '
        f'dari <span class="dl-responden">{respondents}</span> responden.</p>'
    )


def _element_table(period: dict[str, Any]) -> str:
    rows = [
        f'<tr data-unsur="{html.escape(item["key"])}"><td>{html.escape(item["nama"])}'
        f'</td><td class="dl-num">{_number(item["nrr"])}</td>'
        f'<td class="dl-num">{_number(item["ikm"])}</td>'
        f"<td>{html.escape(item['mutu'] or '–')}</td></tr>"
        for item in period["unsur"]
    ]

    return (
        '<table><thead><tr><th scope="col">Unsur</th>'
        '<th scope="col">NRR (1–4)</th><th scope="col">Nilai (25–100)</th>'
        '<th scope="col">Mutu</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def _element_chart(period: dict[str, Any]):
    bars = [
        chart.Bar(
            item["nama"],
            None if item["ikm"] is None else Decimal(item["ikm"]),
            item["mutu"],
        )
        for item in period["unsur"]
    ]
    title = f"Nilai per unsur pelayanan, {period['label']}"

    return chart.bar_chart(bars, title, chart_id="grafik-hasil")


def _service_table(period: dict[str, Any]) -> str:
    rows = [
        f"<tr><td>{html.escape(item['nama'])}</td>"
        f'<td class="dl-num">{int(item["respondents"])}</td>'
        f'<td class="dl-num">{_number(item["ikm"])}</td><td>{_grade(item)}</td></tr>'
        for item in period.get("layanan", [])
    ]

    return (
        '<table><thead><tr><th scope="col">Layanan</th>'
        '<th scope="col">Responden</th><th scope="col">IKM</th>'
        '<th scope="col">Mutu</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def _trend_table(published: list[dict[str, Any]]) -> str:
    rows = [
        f'<tr data-periode="{html.escape(item["kode"])}">'
        f"<td>{html.escape(item['label'])}</td>"
        f'<td class="dl-num">{int(item["respondents"])}</td>'
        f'<td class="dl-num">{_number(item["ikm"])}</td><td>{_grade(item)}</td></tr>'
        for item in published
    ]

    return (
        '<table><thead><tr><th scope="col">Periode</th>'
        '<th scope="col">Responden</th><th scope="col">IKM</th>'
        '<th scope="col">Mutu</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


UNUSED_THEME_FILES = re.compile(
    r"^assets/javascripts/(?:lunr|workers)/|\.map$"
)


def unused_theme_file(path: str) -> bool:
    """Tell whether a theme file serves only search or debugging, which we leave out."""
    return bool(UNUSED_THEME_FILES.search(path))


def empty_facts(facts: dict[str, str]) -> list[str]:
    """Return the unit facts that are still empty in mkdocs.yml."""
    return sorted(key for key, value in facts.items() if not value.strip())
