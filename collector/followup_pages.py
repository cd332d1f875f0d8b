"""Admin pages of the follow-up: visitors' saran and the RTL plan."""

from __future__ import annotations

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

from . import layanan, periods, statistik
from .admin_forms import RtlForm, SaranForm
from .auth import audit, role_required
from .db import db, utcnow
from .followup import RTL_STATES, SARAN_STATES, Rtl, SaranFollowUp, saran_states
from .laporan import UNSUR_NAMES
from .models import SurveyResponse
from .period_choice import choose

log = logging.getLogger(__name__)

bp = Blueprint("tindak", __name__, url_prefix="/admin")


@bp.get("/saran/")
@role_required("admin", "pimpinan")
def saran_list():
    """List the visitors' saran of a period with their follow-up state."""
    services = layanan.choices(current_app.config["DOCS_DIR"])
    choice = choose(request.args, services)
    for message in choice.errors:
        flash(message, "error")

    rows = statistik.suggestions(choice.periode, choice.layanan)
    states = saran_states(row.id for row in rows)

    return render_template(
        "admin/saran.html",
        choice=choice,
        rows=rows,
        states=states,
        labels=SARAN_STATES,
        service_names=dict(services),
        services=services,
        kinds=periods.KIND_NAMES,
    )


@bp.post("/saran/<int:survei_id>")
@role_required("admin")
def saran_update(survei_id: int):
    """Set the follow-up state and note of one saran."""
    if db.session.get(SurveyResponse, survei_id) is None:
        abort(404)

    form = SaranForm()
    back = request.form.get("kembali") or url_for(".saran_list")
    if not back.startswith("/admin/"):
        back = url_for(".saran_list")

    if not form.validate_on_submit():
        for messages in form.errors.values():
            flash(messages[0], "error")
        return redirect(back)

    row = db.session.get(SaranFollowUp, survei_id) or SaranFollowUp(survei_id=survei_id)
    row.status = form.status.data
    row.catatan = form.catatan.data or None
    row.diubah = utcnow()
    row.pengguna = current_user.username
    db.session.add(row)
    audit("tindak lanjut saran", f"survei {survei_id}: {row.status}")
    db.session.commit()
    log.info("saran %s set to %s", survei_id, row.status)
    flash(f"Status saran nomor {survei_id} menjadi {SARAN_STATES[row.status]}.", "info")

    return redirect(back)


@bp.get("/rtl/")
@role_required("admin", "pimpinan")
def rtl_list():
    """List every RTL row, the latest period first."""
    rows = db.session.scalars(
        db.select(Rtl).order_by(Rtl.dari.desc(), Rtl.batas_waktu, Rtl.id)
    ).all()

    return render_template(
        "admin/rtl.html",
        rows=rows,
        names=UNSUR_NAMES,
        states=RTL_STATES,
        period_of=row_period,
        tanggal=periods.tanggal,
    )


def row_period(row: Rtl) -> periods.Periode:
    """Return the period an RTL row belongs to, with its kind when it has one."""
    for jenis in periods.KINDS:
        candidate = periods.current(jenis, row.dari)
        if (candidate.start, candidate.end) == (row.dari, row.sampai):
            return candidate

    return periods.custom(row.dari, row.sampai)


def _save(form: RtlForm, row: Rtl) -> None:
    periode = periods.parse(form.periode.data)
    row.dari, row.sampai = periode.start, periode.end
    row.unsur = form.unsur.data
    row.tindakan = form.tindakan.data.strip()
    row.penanggung_jawab = form.penanggung_jawab.data.strip()
    row.batas_waktu = form.batas_waktu.data
    row.status = form.status.data
    row.diubah = utcnow()
    db.session.add(row)


@bp.route("/rtl/baru", methods=["GET", "POST"])
@role_required("admin")
def rtl_new():
    """Add a row to the follow-up plan."""
    form = RtlForm()
    if request.method == "GET":
        form.periode.data = request.args.get("periode", "")
        form.unsur.data = request.args.get("unsur", "")

    if form.validate_on_submit():
        row = Rtl()
        _save(form, row)
        db.session.flush()
        audit("rtl tambah", f"rtl {row.id}: {row.unsur}, {form.periode.data}")
        db.session.commit()
        log.info("rtl %s added", row.id)
        flash("Rencana tindak lanjut tersimpan.", "info")
        return redirect(url_for(".rtl_list"))

    return render_template("admin/rtl_form.html", form=form, title="RTL baru")


@bp.route("/rtl/<int:rtl_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def rtl_edit(rtl_id: int):
    """Change a row of the follow-up plan."""
    row = db.session.get(Rtl, rtl_id) or abort(404)
    form = RtlForm(obj=row)
    if request.method == "GET":
        form.periode.data = row_period(row).kode

    if form.validate_on_submit():
        _save(form, row)
        audit("rtl ubah", f"rtl {row.id}: {row.unsur}, status {row.status}")
        db.session.commit()
        log.info("rtl %s changed", row.id)
        flash("Rencana tindak lanjut diperbarui.", "info")
        return redirect(url_for(".rtl_list"))

    return render_template("admin/rtl_form.html", form=form, title="Ubah RTL", row=row)


@bp.post("/rtl/<int:rtl_id>/hapus")
@role_required("admin")
def rtl_delete(rtl_id: int):
    """Delete a row of the follow-up plan."""
    row = db.session.get(Rtl, rtl_id) or abort(404)
    if not FlaskForm().validate_on_submit():
        flash("Formulir tidak sah. Muat ulang halaman lalu coba lagi.", "error")
        return redirect(url_for(".rtl_list"))

    db.session.delete(row)
    audit("rtl hapus", f"rtl {rtl_id}: {row.unsur}")
    db.session.commit()
    log.info("rtl %s deleted", rtl_id)
    flash("Rencana tindak lanjut dihapus.", "info")

    return redirect(url_for(".rtl_list"))
