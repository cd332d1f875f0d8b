"""The pages that hold the printed pieces: /cetak/ and one page per piece."""

from __future__ import annotations

from .printing import PIECES, Piece
from .qr import is_development, public_url


def piece_markdown(item: Piece) -> str:
    """Return the Markdown source of a printed piece's page."""
    sizes = ", ".join(f"{mm:g} mm" for mm in item.qr_mm.values())

    return (
        f"---\ntitle: {item.title}\nhide:\n  - navigation\n  - toc\n"
        "search:\n  exclude: true\n---\n\n"
        f"# {item.title} {{ .dl-screen-only }}\n\n"
        f"Kertas: {item.paper}. Lebar kode QR, termasuk tepi putihnya: {sizes}. "
        f"{item.advice} [Semua bahan cetak](index.md)\n"
        "{ .dl-screen-only }\n\n"
        "<!-- lembar-cetak -->\n"
    )


def index_markdown(site_url: str) -> str:
    """Return the page that lists the printed pieces with how to print each."""
    rows = []
    for item in PIECES:
        sizes = ", ".join(f"{mm:g} mm" for mm in item.qr_mm.values())
        rows.append(
            f"| [{item.title}]({item.slug}.md) | {item.paper} | {sizes} | "
            f"{item.advice} |"
        )

    warning = ""
    if is_development(site_url):
        warning = (
            '!!! warning "Alamat uji"\n'
            f"    Kode QR saat ini menunjuk ke {site_url}. Bangun ulang situs "
            "dengan SITE_URL berisi alamat publik (https) sebelum mencetak.\n\n"
        )

    return (
        "---\ntitle: Bahan cetak\nsearch:\n  exclude: true\n---\n\n# Bahan cetak\n\n"
        "Banner, poster, brosur, dan kartu meja dibuat dari data layanan yang "
        "sama dengan situs ini, jadi setiap perubahan layanan ikut tercetak "
        "pada pembangunan berikutnya. Buka bahannya, lalu cetak dengan skala "
        "100% dan tanpa header/footer peramban.\n\n"
        f"{warning}"
        "| Bahan | Kertas | Ukuran kode QR (dengan tepi putih) | Cara cetak |\n"
        "| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n\n"
        f"Kode QR menunjuk ke {public_url(site_url, '')} dan dapat dipindai "
        "dari jarak satu lengan.\n"
    )


def generated_pages(site_url: str) -> dict[str, str]:
    """Return the Markdown of every printed piece's page, keyed by its source path."""
    pages = {"cetak/index.md": index_markdown(site_url)}
    for item in PIECES:
        pages[f"cetak/{item.slug}.md"] = piece_markdown(item)

    return pages


def piece_for(src_uri: str) -> str | None:
    """Return the slug of the printed piece whose page this is, if any."""
    for item in PIECES:
        if src_uri == f"cetak/{item.slug}.md":
            return item.slug

    return None
