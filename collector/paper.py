"""The desk's form for typing in paper questionnaires, stored as sumber 'kertas'."""

from __future__ import annotations

import logging
import uuid

from flask import Blueprint, current_app, flash, redirect, render_template, url_for

from . import kuesioner, layanan, submissions
from .admin_forms import not_in_future, paper_form
from .auth import audit, role_required
from .db import utcnow
from .kuesioner import UNSUR_KEYS
from .models import SurveyResponse
from .period_choice import local_today

log = logging.getLogger(__name__)

bp = Blueprint("kertas", __name__, url_prefix="/admin")


def record(form) -> SurveyResponse:
    """Turn a validated paper questionnaire into an unsaved survey response."""
    answers = form.answers()
    for name in ("csrf_token", "tanggal"):
        answers.pop(name, None)

    for key in ("usia", *UNSUR_KEYS):
        if answers.get(key) is not None:
            answers[key] = int(answers[key])

    return SurveyResponse(
        **answers,
        unit=current_app.config["UNIT_CODE"],
        dibuat=utcnow(),
        tanggal=form.tanggal.data,
        sumber="kertas",
    )


def save(row: SurveyResponse) -> tuple[SurveyResponse, bool]:
    """Store a questionnaire and its audit entry together, once per submission id."""

    def audited(stored: SurveyResponse) -> None:
        audit("kuesioner kertas", f"survei {stored.id}, tanggal {stored.tanggal}")

    return submissions.store("survei", row, audited)


@bp.route("/kuesioner-kertas", methods=["GET", "POST"])
@role_required("admin", "petugas")
def paper_entry():
    """Type in one paper questionnaire."""
    services = tuple(layanan.choices(current_app.config["DOCS_DIR"]))
    form = paper_form(services)()
    extra = {"tanggal": [not_in_future(local_today())]}

    if form.validate_on_submit(extra_validators=extra):
        row, created = save(record(form))
        if created:
            log.info("paper questionnaire stored id=%s", row.id)
            flash(f"Kuesioner kertas tersimpan sebagai nomor {row.id}.", "info")
        else:
            flash(f"Kuesioner ini sudah tersimpan sebagai nomor {row.id}.", "info")
        return redirect(url_for(".paper_entry"))

    if not form.kirim_id.data:
        form.kirim_id.data = str(uuid.uuid4())

    return render_template(
        "admin/kertas.html", form=form, unsur=kuesioner.UNSUR, today=local_today()
    )
