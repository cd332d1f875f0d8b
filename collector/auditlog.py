"""The audit log page: who did what, and when in the unit's local time."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import func, select

from . import localdays
from .auth import role_required
from .db import db
from .users import AuditEntry

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

PAGE_SIZE = 100


@bp.get("/")
@role_required("admin")
def index():
    """List audit entries, newest first."""
    page = max(request.args.get("halaman", 1, type=int) or 1, 1)
    total = int(db.session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    query = (
        select(AuditEntry)
        .order_by(AuditEntry.waktu.desc(), AuditEntry.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )

    return render_template(
        "admin/audit.html",
        entries=db.session.scalars(query).all(),
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        local_time=localdays.local_time,
    )
