"""Guestbook records in the admin pages: list, detail, correction and erasure."""

from __future__ import annotations

import functools
import logging

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField

from . import forms, guestbook, layanan, localdays
from .auth import audit, role_required
from .db import db
from .models import GuestbookEntry
from .reports import Period

log = logging.getLogger(__name__)

bp = Blueprint("buku_tamu", __name__, url_prefix="/admin/buku-tamu")

EDITABLE = ("nama", "layanan", "telepon", "asal", "keperluan", "jumlah_pengikut")
REASON_MAX = 300


def reason_field(label: str) -> TextAreaField:
    """Return the required field for the visitor's request behind a change."""
    return TextAreaField(
        label,
        filters=[forms.multi_line],
        validators=[
            forms.text_required("Tulis alasannya, misalnya permintaan pengunjung."),
            forms.MaxLength(REASON_MAX),
        ],
    )


@functools.lru_cache(maxsize=16)
def correction_form(services: tuple[tuple[str, str], ...]) -> type[FlaskForm]:
    """Build the correction form from the public guestbook form's own fields."""
    public = forms.guestbook_form(services)
    fields = {name: getattr(public, name) for name in EDITABLE}
    fields["alasan"] = reason_field("Alasan koreksi")

    return type("CorrectionForm", (FlaskForm,), fields)


class ErasureForm(FlaskForm):
    alasan = reason_field("Alasan penghapusan")


def services() -> list[tuple[str, str]]:
    """Return the valid services as (code, name) pairs."""
    return layanan.choices(current_app.config["DOCS_DIR"])


def visible_entry(entry_id: int) -> GuestbookEntry:
    """Return an entry the current user may see: admins any, petugas today's."""
    entry = db.session.get(GuestbookEntry, entry_id)
    if entry is None:
        abort(404)

    if current_user.role != "admin" and entry.tanggal != localdays.today():
        abort(403)

    return entry


@bp.get("/")
@role_required("admin", "petugas", "pimpinan")
def index():
    """List guestbook entries: admins any period, petugas today, pimpinan counts."""
    role = current_user.role
    today = localdays.today()
    period, problem = localdays.period_from(request.args, localdays.this_month())
    if role == "petugas":
        period, problem = Period(today, today), None
    if problem:
        flash(problem, "error")

    codes = dict(services())
    service = request.args.get("layanan") or None
    service = service if service in codes else None
    name = " ".join(request.args.get("nama", "").split())[:120] or None
    if role == "pimpinan":
        name = None

    conditions = guestbook.matching(period, service, name)
    rows, total = [], 0
    page = max(request.args.get("halaman", 1, type=int) or 1, 1)
    if role != "pimpinan":
        rows, total = guestbook.entries(conditions, page)

    return render_template(
        "admin/guestbook_list.html",
        period=period,
        service=service,
        name=name or "",
        services=codes,
        counts=guestbook.counts(conditions),
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // guestbook.PAGE_SIZE)),
        local_time=localdays.local_time,
    )


@bp.get("/<int:entry_id>")
@role_required("admin", "petugas")
def detail(entry_id: int):
    """Show one guestbook entry."""
    entry = visible_entry(entry_id)

    return render_template(
        "admin/guestbook_detail.html",
        entry=entry,
        services=dict(services()),
        local_time=localdays.local_time,
    )


@bp.route("/<int:entry_id>/koreksi", methods=["GET", "POST"])
@role_required("admin", "petugas")
def correct(entry_id: int):
    """Correct an entry on the visitor's request, with the public form's rules."""
    entry = visible_entry(entry_id)
    if entry.dihapus_pada:
        flash(
            "Data pribadi entri ini sudah dihapus dan tidak dapat dikoreksi.", "error"
        )
        return redirect(url_for(".detail", entry_id=entry.id))

    current = {name: getattr(entry, name) for name in EDITABLE}
    stored = {k: "" if v is None else str(v) for k, v in current.items()}
    form = correction_form(tuple(services()))(data=stored)
    if not form.validate_on_submit():
        return render_template("admin/guestbook_edit.html", entry=entry, form=form)

    changed = []
    for name in EDITABLE:
        value = getattr(form, name).data or None
        if name == "jumlah_pengikut" and value is not None:
            value = int(value)
        if value != current[name]:
            changed.append(name)
            setattr(entry, name, value)

    if changed:
        audit(
            "koreksi-buku-tamu",
            f"entri #{entry.id}; kolom: {', '.join(changed)}; "
            f"alasan: {form.alasan.data}",
        )
        db.session.commit()
        log.info("corrected guestbook id=%s fields=%s", entry.id, changed)
        flash("Koreksi tersimpan.", "info")
    else:
        flash("Tidak ada yang berubah.", "info")

    return redirect(url_for(".detail", entry_id=entry.id))


@bp.route("/<int:entry_id>/hapus", methods=["GET", "POST"])
@role_required("admin")
def erase(entry_id: int):
    """Erase an entry's personal data on the visitor's request, keeping the count."""
    entry = visible_entry(entry_id)
    form = ErasureForm()
    if entry.dihapus_pada:
        flash("Data pribadi entri ini sudah dihapus.", "info")
        return redirect(url_for(".detail", entry_id=entry.id))

    if not form.validate_on_submit():
        return render_template("admin/guestbook_erase.html", entry=entry, form=form)

    guestbook.erase_personal(entry)
    audit("hapus-buku-tamu", f"entri #{entry.id}; alasan: {form.alasan.data}")
    db.session.commit()
    log.info("erased personal data of guestbook id=%s", entry.id)
    flash(
        "Data pribadi entri ini sudah dihapus. Jumlah kunjungan tetap tercatat.", "info"
    )

    return redirect(url_for(".detail", entry_id=entry.id))
