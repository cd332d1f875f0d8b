"""Admin pages of the index: the IKM report, the printable Laporan SKM, publishing."""

from __future__ import annotations

import logging

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_wtf import FlaskForm
from wtforms import HiddenField

from . import chart, laporan, layanan, periods, publication
from .auth import audit, role_required
from .db import db
from .followup import RTL_STATES
from .period_choice import choose, local_today

log = logging.getLogger(__name__)

bp = Blueprint("laporan", __name__, url_prefix="/admin/laporan")


class PublishForm(FlaskForm):
    periode = HiddenField()


def services() -> list[tuple[str, str]]:
    """Return the unit's services as (code, name) pairs."""
    return layanan.choices(current_app.config["DOCS_DIR"])


def element_chart(report: laporan.Laporan):
    """Return the SVG bar chart of the report's nine elements."""
    bars = [
        chart.Bar(
            laporan.UNSUR_NAMES[item.key], item.ikm, item.grade and item.grade.mutu
        )
        for item in report.hasil.unsur
    ]
    title = f"Nilai unsur pelayanan (NRR × 25), {report.periode.label}"

    return chart.bar_chart(bars, title)


def context() -> dict:
    """Return what the report and the printed Laporan show for the asked period."""
    listed = services()
    choice = choose(request.args, listed)
    report = laporan.build(choice.periode, listed, choice.layanan)

    return {
        "choice": choice,
        "report": report,
        "services": listed,
        "chart": element_chart(report),
        "names": laporan.UNSUR_NAMES,
        "profile_titles": laporan.PROFILE_TITLES,
        "rtl_states": RTL_STATES,
        "kinds": periods.KIND_NAMES,
        "angka": laporan.angka,
        "tanggal": periods.tanggal,
        "today": local_today(),
    }


@bp.get("/ikm")
@role_required("admin", "pimpinan")
def report():
    """Show the IKM report of a period for the unit and each service."""
    data = context()
    for message in data["choice"].errors:
        flash(message, "error")

    publishable = data["report"].periode.jenis in publication.PUBLISHABLE
    form = PublishForm(periode=data["report"].periode.kode)

    return render_template(
        "admin/laporan.html", publish_form=form, publishable=publishable, **data
    )


@bp.get("/cetak")
@role_required("admin", "pimpinan")
def printable():
    """Show the Laporan SKM of a period laid out for A4 paper."""
    config = current_app.config
    site = layanan.load_site_config(config["MKDOCS_YML"])
    signer = {
        "nama": config["SIGNER_NAME"],
        "jabatan": config["SIGNER_TITLE"],
        "nip": config["SIGNER_NIP"],
    }

    return render_template(
        "admin/laporan_cetak.html",
        unit=layanan.unit_facts(site),
        signer=signer,
        **context(),
    )


@bp.post("/terbitkan")
@role_required("admin")
def publish():
    """Publish a period's index to the site's results file."""
    form = PublishForm()
    if not form.validate_on_submit():
        flash("Formulir tidak sah. Muat ulang halaman lalu coba lagi.", "error")
        return redirect(url_for(".report"))

    try:
        periode = periods.parse(form.periode.data or "")
        record = publication.publish(periode)
    except publication.NothingToPublish:
        flash(
            f"Belum ada data untuk {periode.label}; tidak ada yang diterbitkan.",
            "error",
        )
        return redirect(url_for(".report", periode=periode.kode))
    except ValueError:
        flash(
            "Hanya bulan, triwulan, semester, atau tahun yang dapat diterbitkan.",
            "error",
        )
        return redirect(url_for(".report", periode=form.periode.data or None))

    audit("terbitkan", publication.describe(record))
    db.session.commit()
    flash(
        f"Hasil {periode.label} diterbitkan. Hasil tampil di situs setelah situs "
        "dibangun ulang.",
        "info",
    )

    return redirect(url_for(".report", periode=periode.kode))
