"""QR codes for paper: addresses from site_url, SVG of a size in millimetres."""

from __future__ import annotations

import html
from urllib.parse import urljoin, urlsplit

import segno

DEVELOPMENT_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})
QUIET_ZONE = 4
# M survives the scuffs of a counter card; segno raises the level further
# whenever that costs no extra modules.
ERROR_LEVEL = "m"


def is_development(site_url: str) -> bool:
    """Tell whether an address points at the machine the site was built on."""
    return (urlsplit(site_url).hostname or "") in DEVELOPMENT_HOSTS


def address_problem(site_url: str) -> str | None:
    """Return why the QR codes' address cannot go on paper, or None when it can."""
    parts = urlsplit(site_url or "")
    if not parts.scheme or not parts.hostname:
        return f"site_url '{site_url}' is not an absolute address"

    if is_development(site_url):
        return None

    if parts.scheme != "https":
        return f"site_url '{site_url}' is public but not https; set an https address"

    return None


def public_url(site_url: str, path: str) -> str:
    """Return the absolute address of a site path, from the configured site_url."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"

    return urljoin(base, path)


def short_text(url: str) -> str:
    """Return an address as a person would type it, without the scheme."""
    parts = urlsplit(url)

    return f"{parts.netloc}{parts.path}"


def qr_svg(url: str, size_mm: float, label: str) -> str:
    """Return an inline SVG QR code of a URL, printed size_mm wide with quiet zone."""
    code = segno.make(url, error=ERROR_LEVEL, micro=False)
    svg = code.svg_inline(
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="dl-qr",
        lineclass=None,
        title=label,
    )
    size = f'width="{size_mm:g}mm" height="{size_mm:g}mm" role="img" '
    attributes = (
        f'data-url="{html.escape(url)}" data-mm="{size_mm:g}" '
        f'data-qr="{code.designator}" '
    )

    return svg.replace("<svg ", f"<svg {size}{attributes}", 1)


def qr_block(url: str, size_mm: float, caption: str, css: str = "") -> str:
    """Return a QR code with its caption and the address written out under it."""
    label = f"Kode QR: {caption}"

    return (
        f'<figure class="dl-qr-block {css}">'
        f"{qr_svg(url, size_mm, label)}"
        f"<figcaption><strong>{html.escape(caption)}</strong>"
        f'<span class="dl-url">{html.escape(short_text(url))}</span>'
        f"</figcaption></figure>"
    )
