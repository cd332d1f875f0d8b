"""An accessible SVG bar chart of the nine elements, drawn without any script."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

WIDTH = 760
LABEL_WIDTH = 330
VALUE_WIDTH = 90
ROW = 30
BAR = 18
TOP = 24
SCALE = (0, 25, 50, 75, 100)
COLOURS = {"A": "#2e7d32", "B": "#1565c0", "C": "#ef6c00", "D": "#c62828"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    mutu: str | None


def _number(value: Decimal) -> str:
    return str(value).replace(".", ",")


def bar_chart(
    bars: Sequence[Bar], title: str, chart_id: str = "grafik-unsur"
) -> Markup:
    """Return a horizontal bar chart of values on the 0-100 scale as SVG markup."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + ROW * len(bars) + 8
    described = "; ".join(
        f"{bar.label}: "
        + (
            f"{_number(bar.value)}, mutu {bar.mutu}"
            if bar.value is not None
            else "belum ada data"
        )
        for bar in bars
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" font-family="sans-serif" '
        f'aria-labelledby="{chart_id}-judul {chart_id}-isi">',
        f'<title id="{chart_id}-judul">{escape(title)}</title>',
        f'<desc id="{chart_id}-isi">{escape(described)}</desc>',
    ]

    for mark in SCALE:
        x = LABEL_WIDTH + plot * mark / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 8}" '
            'stroke="#c5c9d3" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{TOP - 10}" font-size="11" text-anchor="middle" '
            f'fill="#444">{mark}</text>'
        )

    for row, bar in enumerate(bars):
        y = TOP + ROW * row
        middle = y + ROW / 2 + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" font-size="12" '
            f'text-anchor="end" fill="#1d1d1f">{escape(bar.label)}</text>'
        )
        if bar.value is None:
            text = "belum ada data"
            end = LABEL_WIDTH
        else:
            length = plot * float(bar.value) / 100
            colour = COLOURS.get(bar.mutu or "", "#555")
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + (ROW - BAR) / 2:.1f}" '
                f'width="{length:.1f}" height="{BAR}" fill="{colour}"/>'
            )
            text = f"{_number(bar.value)} ({bar.mutu})"
            end = LABEL_WIDTH + length

        parts.append(
            f'<text x="{end + 6:.1f}" y="{middle:.1f}" font-size="13" '
            f'fill="#1d1d1f">{escape(text)}</text>'
        )

    parts.append("</svg>")

    return Markup("\n".join(parts))
