"""Printed pieces with QR codes, built from the services' front matter."""

from __future__ import annotations

import html
from dataclasses import dataclass

from collector.layanan import Layanan

from .build import fill_service
from .qr import is_development, public_url, qr_block, qr_svg, short_text

BROCHURE_PER_PANEL = 3
BROCHURE_SERVICE_PANELS = 4


@dataclass(frozen=True)
class Piece:
    slug: str
    title: str
    paper: str
    width_mm: float
    height_mm: float
    qr_mm: dict[str, float]
    advice: str


PIECES = (
    Piece(
        "banner",
        "Banner roll-up",
        "850 × 2000 mm (roll-up)",
        850,
        2000,
        {"qr": 240},
        "Cetak pada ukuran asli 850 × 2000 mm. Bagian bawah 150 mm masuk ke "
        "kaki banner dan sengaja dibiarkan kosong.",
    ),
    Piece(
        "poster",
        "Poster A3",
        "A3 tegak (297 × 420 mm)",
        297,
        420,
        {"qr": 90},
        "Cetak pada kertas A3 dengan skala 100% (ukuran sebenarnya).",
    ),
    Piece(
        "brosur",
        "Brosur lipat tiga",
        "A4 mendatar (297 × 210 mm), dua sisi",
        297,
        210,
        {"layanan": 35, "sampul": 45},
        "Cetak A4 mendatar, bolak-balik dengan balik pada sisi pendek, skala "
        "100%. Lipat menjadi tiga: halaman pertama di luar, halaman kedua di "
        "dalam.",
    ),
    Piece(
        "kartu",
        "Kartu meja (A6)",
        "A6 tegak (105 × 148 mm), satu kartu per layanan",
        105,
        148,
        {"survei": 55, "layanan": 40},
        "Cetak pada kertas atau karton A6 dengan skala 100%; satu halaman "
        "untuk setiap layanan.",
    ),
)


def piece(slug: str) -> Piece:
    """Return the printed piece with that slug."""
    return next(item for item in PIECES if item.slug == slug)


def development_notice(site_url: str) -> str:
    """Return a notice printed on every sheet whose QR codes point at a test address."""
    if not is_development(site_url):
        return ""

    return (
        '<p class="dl-dev-notice">CONTOH UJI: kode QR menunjuk ke alamat '
        f"{html.escape(site_url)}. Bangun ulang dengan SITE_URL alamat publik "
        "sebelum mencetak.</p>"
    )


def unit_header(facts: dict[str, str]) -> str:
    """Return the unit's name block that opens every printed piece."""
    return (
        f'<p class="dl-instansi">{html.escape(facts.get("instansi", ""))}</p>'
        f'<h1 class="dl-unit">{html.escape(facts.get("nama", ""))}</h1>'
    )


def contact_lines(facts: dict[str, str]) -> str:
    """Return the unit's filled-in contact facts as a list."""
    labels = (
        ("alamat", "Alamat"),
        ("telepon", "Telepon"),
        ("email", "Surel"),
        ("jam_layanan", "Jam layanan"),
    )
    items = [
        f"<li><strong>{label}:</strong> {html.escape(facts[key])}</li>"
        for key, label in labels
        if facts.get(key, "").strip()
    ]

    return f'<ul class="dl-contact">{"".join(items)}</ul>' if items else ""


def sheet(slug: str, body: str, site_url: str, extra_class: str = "") -> str:
    """Wrap a piece's content in one sheet of its paper size."""
    return (
        f'<section class="dl-sheet dl-sheet--{slug} {extra_class}">'
        f"{development_notice(site_url)}{body}</section>"
    )


def banner_html(
    slug: str, services: tuple[Layanan, ...], facts: dict[str, str], site_url: str
) -> str:
    """Return the banner or the poster: the unit, the services and two QR codes."""
    size = piece(slug).qr_mm["qr"]
    items = "".join(f"<li>{html.escape(s.title)}</li>" for s in services)
    codes = qr_block(
        public_url(site_url, "layanan/"), size, "Pindai: info semua layanan"
    ) + qr_block(public_url(site_url, "survei/"), size, "Pindai: nilai pelayanan kami")
    body = (
        f"{unit_header(facts)}"
        '<p class="dl-lead">Layanan publik kami</p>'
        f'<ol class="dl-services">{items}</ol>'
        '<p class="dl-free">Semua layanan GRATIS. Tolak pungutan liar.</p>'
        f'<div class="dl-codes">{codes}</div>'
        '<p class="dl-ask">Tidak punya HP? Tanyakan kepada Duta Layanan dan '
        "gunakan komputer di meja layanan.</p>"
        f"{contact_lines(facts)}"
    )

    return sheet(slug, body, site_url)


def brochure_service(service: Layanan, facts: dict[str, str], site_url: str) -> str:
    """Return one service in short, with its QR code, for a brochure panel."""
    data = fill_service(service, facts)
    size = piece("brosur").qr_mm["layanan"]
    url = public_url(site_url, f"layanan/{service.kode}/")

    return (
        '<article class="dl-brochure-service">'
        f"{qr_svg(url, size, f'Kode QR: {service.title}')}"
        f"<div><h2>{html.escape(service.title)}</h2>"
        f"<p>{html.escape(data['ringkas'])}</p>"
        f'<p class="dl-meta"><strong>Biaya:</strong> {html.escape(data["biaya"])}</p>'
        f'<p class="dl-url">{html.escape(short_text(url))}</p></div>'
        "</article>"
    )


def brochure_html(
    services: tuple[Layanan, ...], facts: dict[str, str], site_url: str
) -> str:
    """Return the tri-fold brochure: the outside sheet, then the inside sheets.

    Twelve services fill one tri-fold; more go on further inside sheets of
    three panels each, printed and folded in the same way.
    """
    blocks = [brochure_service(s, facts, site_url) for s in services]
    capacity = BROCHURE_PER_PANEL * BROCHURE_SERVICE_PANELS
    slots = max(capacity, len(blocks))
    panels = [
        "".join(blocks[i : i + BROCHURE_PER_PANEL])
        for i in range(0, slots, BROCHURE_PER_PANEL)
    ]
    while (len(panels) - 1) % 3:
        panels.append("")

    big = piece("brosur").qr_mm["sampul"]
    cover = (
        f"{unit_header(facts)}"
        '<p class="dl-lead">Panduan layanan bagi pengunjung</p>'
        + qr_block(public_url(site_url, "layanan/"), big, "Pindai: semua layanan")
        + '<p class="dl-free">Semua layanan GRATIS.</p>'
    )
    back = (
        "<h2>Nilai pelayanan kami</h2>"
        "<p>Survei tanpa nama, 3–5 menit. Jawaban Anda dipakai untuk "
        "memperbaiki pelayanan.</p>"
        + qr_block(public_url(site_url, "survei/"), big, "Pindai: isi survei")
        + "<h2>Kontak</h2>"
        + contact_lines(facts)
        + "<p>Ada yang meminta bayaran? Jangan bayar, sampaikan pengaduan.</p>"
    )

    def panel(content: str, css: str = "") -> str:
        return f'<div class="dl-panel {css}">{content}</div>'

    outside = (
        panel(panels[0])
        + panel(back, "dl-panel--back")
        + panel(cover, "dl-panel--cover")
    )
    help_text = (
        '<div class="dl-help"><h2>Butuh bantuan?</h2>'
        "<p>Duta Layanan di pintu masuk siap menyambut, menjelaskan layanan, dan "
        "mengantar Anda ke loket yang tepat.</p>"
        "<p>Tidak punya HP? Isi buku tamu dan survei di komputer meja layanan.</p>"
        "</div>"
    )
    insides = [
        "".join(panel(content or help_text) for content in panels[i : i + 3])
        for i in range(1, len(panels), 3)
    ]

    return sheet("brosur", outside, site_url, "dl-side--outside") + "".join(
        sheet("brosur", inside, site_url, "dl-side--inside") for inside in insides
    )


def card_html(service: Layanan, facts: dict[str, str], site_url: str) -> str:
    """Return one counter card: a QR code to the service's survey and its page."""
    sizes = piece("kartu").qr_mm
    survey = public_url(site_url, f"survei/{service.kode}/")
    page = public_url(site_url, f"layanan/{service.kode}/")
    body = (
        f'<p class="dl-instansi">{html.escape(facts.get("nama", ""))}</p>'
        f'<h2 class="dl-card-title">{html.escape(service.title)}</h2>'
        + qr_block(survey, sizes["survei"], "Nilai layanan ini (3–5 menit)")
        + qr_block(page, sizes["layanan"], "Syarat dan langkah layanan", "dl-small")
    )

    return sheet("kartu", body, site_url)


def cards_html(
    services: tuple[Layanan, ...], facts: dict[str, str], site_url: str
) -> str:
    """Return the counter cards, one sheet per service."""
    return "".join(card_html(service, facts, site_url) for service in services)


def piece_html(
    slug: str, services: tuple[Layanan, ...], facts: dict[str, str], site_url: str
) -> str:
    """Return the HTML of a printed piece, ready to go into its page."""
    if slug in ("banner", "poster"):
        return banner_html(slug, services, facts, site_url)

    if slug == "brosur":
        return brochure_html(services, facts, site_url)

    return cards_html(services, facts, site_url)
