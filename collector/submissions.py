"""Public endpoints that store guestbook entries and survey responses."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, jsonify, redirect, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from . import layanan, limits, site
from .db import db, utcnow
from .forms import FORMS, PublicForm
from .kiosk import current_device
from .kuesioner import UNSUR_KEYS
from .models import MODELS
from .render import render_form

log = logging.getLogger(__name__)

bp = Blueprint("kirim", __name__)
bp.before_request(limits.check_origin)
bp.after_request(limits.add_cors)

FORM_NAMES = tuple(FORMS)


def services() -> list[tuple[str, str]]:
    """Return the valid services, read from the site's Markdown."""
    return layanan.choices(current_app.config["DOCS_DIR"])


def local_date(instant: datetime):
    """Return the unit's local calendar day of an instant."""
    return instant.astimezone(ZoneInfo(current_app.config["TIMEZONE"])).date()


def build_record(
    name: str, form: PublicForm, source: str = "online", kiosk_id: int | None = None
):
    """Turn a validated form into an unsaved database row."""
    answers = form.answers()
    now = utcnow()
    if name == "buku-tamu":
        answers["persetujuan"] = now if answers.pop("persetujuan") else None

    for key in ("usia", "jumlah_pengikut", *UNSUR_KEYS):
        if answers.get(key) is not None:
            answers[key] = int(answers[key])

    return MODELS[name](
        **answers,
        unit=current_app.config["UNIT_CODE"],
        dibuat=now,
        tanggal=local_date(now),
        sumber=source,
        kiosk_id=kiosk_id,
        versi=form.versi.data or None,
    )


def store(
    name: str, record, with_row: Callable[[object], None] | None = None
) -> tuple[object, bool]:
    """Commit a row once; a repeated submission id returns the row stored first.

    with_row adds what must be committed together with the new row, such as
    its audit entry, once the row has its id.
    """
    db.session.add(record)
    try:
        if with_row:
            db.session.flush()
            with_row(record)

        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if not record.kirim_id:
            raise

        model = MODELS[name]
        query = select(model).where(model.kirim_id == record.kirim_id)
        existing = db.session.scalars(query).first()
        if existing is None:
            raise

        return existing, False

    return record, True


def accepted(name: str, record, created: bool):
    """Answer a stored submission: 303 to the thank-you page, or 201 JSON."""
    thanks = f"{site.root()}terima-kasih/"
    if site.wants_json():
        body = {"status": "tersimpan", "id": record.kirim_id or str(record.id)}
        body["terima_kasih"] = thanks

        return jsonify(body), 201

    return redirect(thanks, code=303)


def rejected(name: str, form: PublicForm):
    """Answer an invalid submission with 422 and every message at its field."""
    if site.wants_json():
        errors = {field: messages for field, messages in form.errors.items()}

        return jsonify({"status": "ditolak", "kesalahan": errors}), 422

    html = render_form(name, services(), site.root(), form)

    return site.page_with_form(name, html), 422


def decoy(name: str):
    """Answer a post caught by the honeypot as if it were stored."""
    kirim_id = request.form.get("kirim_id", "")[:36] or str(uuid.uuid4())

    return accepted(name, type("Decoy", (), {"kirim_id": kirim_id}), True)


@bp.post("/kirim/<any(survei, 'buku-tamu'):name>")
def submit(name: str):
    """Validate a posted form and store it in one transaction."""
    if limits.caught_by_honeypot():
        return decoy(name)

    form = FORMS[name](tuple(services()))(request.form)
    if not form.validate():
        log.info("rejected %s: invalid fields %s", name, sorted(form.errors))

        return rejected(name, form)

    device = current_device()
    source, kiosk_id = ("kiosk", device.id) if device else ("online", None)
    record, created = store(name, build_record(name, form, source, kiosk_id))
    if created:
        log.info("accepted %s id=%s kirim_id=%s", name, record.id, record.kirim_id)
    else:
        log.info("repeat %s id=%s kirim_id=%s", name, record.id, record.kirim_id)

    return accepted(name, record, created)
