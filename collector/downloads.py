"""Export pages: survey responses, the index and the guestbook as CSV or XLSX."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_login import current_user

from . import datasets, exports, guestbook, layanan, localdays, reports
from .auth import audit, role_required
from .db import db

log = logging.getLogger(__name__)

bp = Blueprint("ekspor", __name__, url_prefix="/admin/ekspor")

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SEPARATORS = {"titik-koma": ";", "koma": ","}


def services() -> dict[str, str]:
    """Return the valid services by code."""
    return dict(layanan.choices(current_app.config["DOCS_DIR"]))


def allowed() -> list[datasets.Dataset]:
    """Return the datasets the current user may export."""
    return [d for d in datasets.DATASETS.values() if current_user.role in d.roles]


def summary(
    dataset: datasets.Dataset, period: reports.Period, service: str | None
) -> exports.Summary:
    """Gather the summary sheet's figures: the index and the counts per service."""
    if dataset.name == "buku-tamu":
        counts = guestbook.counts(guestbook.matching(period, service))
        per_service = [
            (c.layanan, c.entries, f"{c.companions} pengikut") for c in counts
        ]
    else:
        respondents = reports.respondents_per_service(period)
        per_service = [
            (code, count, "responden")
            for code, count in sorted(respondents.items())
            if service in (None, code)
        ]

    return exports.Summary(
        period=period,
        service=service or "semua layanan",
        index=datasets.index_result(period, service),
        per_service=per_service,
    )


@bp.get("/")
@role_required("admin", "pimpinan")
def index():
    """Show the export form."""
    return render_template(
        "admin/exports.html",
        datasets=allowed(),
        period=localdays.this_month(),
        services=services(),
    )


@bp.get("/<any(survei, ikm, 'buku-tamu'):name>.<any(csv, xlsx):fmt>")
@role_required("admin", "pimpinan")
def download(name: str, fmt: str):
    """Send one dataset for a period, both end days included, and audit it."""
    dataset = datasets.DATASETS[name]
    if current_user.role not in dataset.roles:
        abort(403)

    period, problem = localdays.period_from(request.args, localdays.this_month())
    known = services()
    service = request.args.get("layanan") or None
    if service and service not in known:
        problem = f"Layanan “{service[:40]}” tidak dikenal. Pilih dari daftar."
    if problem:
        page = render_template(
            "admin/exports.html",
            datasets=allowed(),
            period=period,
            services=known,
            problem=problem,
        )
        return page, 400

    rows = dataset.rows(period, service)
    if fmt == "csv":
        separator = SEPARATORS.get(request.args.get("pemisah", ""), ";")
        decimal_comma = request.args.get("desimal", "koma") != "titik"
        body = exports.to_csv(dataset, rows, separator, decimal_comma)
    else:
        body = exports.to_xlsx(dataset, rows, summary(dataset, period, service), known)

    audit(
        "ekspor",
        f"{name}.{fmt} {period.start} s.d. {period.end}, layanan "
        f"{service or 'semua'}: {len(rows)} baris",
    )
    db.session.commit()
    log.info(
        "export %s.%s rows=%d user=%s", name, fmt, len(rows), current_user.username
    )

    filename = (
        f"{name}_{period.start}_{period.end}{'_' + service if service else ''}.{fmt}"
    )
    response = Response(body, content_type=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"

    return response
