"""Admin pages: the dashboard and the sections each role may open."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, render_template, request

from . import ikm, laporan, layanan, periods, statistik
from .auth import role_required
from .period_choice import choose, local_today

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@role_required("admin", "petugas", "pimpinan")
def dashboard():
    """Show today's visits and the period's responses, index and coverage."""
    services = layanan.choices(current_app.config["DOCS_DIR"])
    today = local_today()
    choice = choose(request.args, services, today)
    for message in choice.errors:
        flash(message, "error")

    hasil = laporan.result_of(choice.periode)
    population = statistik.visits(choice.periode)

    return render_template(
        "admin/dashboard.html",
        periode=choice.periode,
        today=periods.tanggal(today),
        visits_today=statistik.visits_on(today),
        visits=population,
        hasil=hasil,
        minimum=ikm.minimum_sample(population),
        angka=laporan.angka,
    )
