"""Admin pages: the dashboard and the sections each role may open."""

from __future__ import annotations

from flask import Blueprint, render_template

from .auth import role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@role_required("admin", "petugas", "pimpinan")
def dashboard():
    """Show the dashboard."""
    return render_template("admin/dashboard.html")
