"""Serve the built static site beside the collector, and reuse it for messages."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from whitenoise import WhiteNoise

from . import headers, layanan
from .db import db

log = logging.getLogger(__name__)

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
MESSAGE_START = "<!-- pesan:mulai -->"
MESSAGE_END = "<!-- pesan:selesai -->"

MESSAGES = {
    400: ("Permintaan tidak dapat diproses", "Muat ulang halaman lalu coba lagi."),
    403: ("Akses ditolak", "Anda tidak memiliki izin untuk membuka halaman ini."),
    404: (
        "Halaman tidak ditemukan",
        "Alamat ini tidak ada. Kembali ke beranda untuk mencari layanan.",
    ),
    405: (
        "Cara pengiriman tidak didukung",
        "Buka formulir dari halamannya lalu kirim.",
    ),
    413: (
        "Isian terlalu besar",
        "Data yang dikirim melebihi batas. Persingkat isian yang panjang, "
        "lalu kirim lagi.",
    ),
    429: (
        "Terlalu banyak pengiriman",
        "Tunggu sebentar, lalu kirim lagi. Jawaban Anda tidak hilang.",
    ),
    500: (
        "Terjadi gangguan",
        "Maaf, data Anda belum tersimpan. Coba kirim lagi beberapa saat lagi "
        "atau hubungi petugas.",
    ),
}


def root() -> str:
    """Return the path the site is served under, ending in '/'."""
    return current_app.config["SITE_ROOT"]


def built_page(relative: str) -> str | None:
    """Return a page of the built site, or None when the site is not built."""
    path = Path(current_app.config["SITE_DIR"]) / relative
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def with_base(page: str, folder: str) -> str:
    """Make a built page's relative links resolve as they do at its own address."""
    base = f'<base href="{html.escape(root() + folder)}">'

    return page.replace("<head>", f"<head>{base}", 1)


def page_with_form(name: str, form_html: str) -> str:
    """Return the form's built page with the given rendering of the form in it."""
    from .render import replace_form

    page = built_page(f"{name}/index.html")
    if page is not None:
        replaced = replace_form(page, name, form_html)
        if replaced is not None:
            return with_base(replaced, f"{name}/")

    return render_template("pages/bare.html", title="Formulir", body=form_html)


def message_page(code: int, title: str, text: str) -> str:
    """Return an Indonesian message page in the site's own layout."""
    body = f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(text)}</p>"
    body += f'\n<p><a href="{html.escape(root())}">Kembali ke beranda</a></p>'
    page = built_page("404.html")
    start = page.find(MESSAGE_START) if page else -1
    end = page.find(MESSAGE_END) if page else -1
    if page and 0 <= start < end:
        page = page[:start] + body + page[end + len(MESSAGE_END) :]

        return with_base(page, "")

    return render_template("pages/bare.html", title=title, body=body)


def wants_json() -> bool:
    """Tell whether the client asked for JSON rather than a page."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])

    return best == "application/json"


def message(code: int, title: str, text: str):
    """Answer with an Indonesian message, as a page or as JSON when asked."""
    if wants_json():
        return jsonify({"status": "gagal", "judul": title, "pesan": text}), code

    return message_page(code, title, text), code


def handle_http_error(error: HTTPException):
    """Answer a framework error with an Indonesian page, never an English one."""
    code = error.code or 500
    title, text = MESSAGES.get(code, MESSAGES[400])
    response = error.get_response()
    answer, code = message(code, title, text)
    answer = current_app.make_response((answer, code))
    for name in ("Retry-After", "Allow"):
        if name in response.headers:
            answer.headers[name] = response.headers[name]

    return answer


def handle_unexpected(error: Exception):
    """Roll back the failed transaction, log the error once and answer politely."""
    db.session.rollback()
    log.exception("unhandled error")
    title, text = MESSAGES[500]

    return message(500, title, text)


def init_app(app: Flask) -> None:
    """Serve the built site at the collector's address and install error pages."""
    config = layanan.load_site_config(app.config["MKDOCS_YML"])
    app.config.setdefault("SITE_ROOT", layanan.site_root(config))
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)

    site_dir = Path(app.config["SITE_DIR"])
    if not site_dir.is_dir():
        log.warning("site folder %s is missing: run 'make site'", site_dir)
        return

    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=str(site_dir),
        prefix=app.config["SITE_ROOT"],
        index_file=True,
        # The site is rebuilt in place (after 'ikm publish', after content edits)
        # while the collector runs: look files up per request, never serve stale
        # lengths or ETags. The site is small, so the cost is a few stat calls.
        autorefresh=True,
        immutable_file_test=lambda path, url: bool(FINGERPRINTED.search(url)),
        add_headers_function=headers.static_headers,
    )
