"""Sign-in, roles, CSRF protection and the audit log of the admin pages."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import (
    LoginManager,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy import select
from werkzeug.exceptions import HTTPException
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired

from . import site, throttle
from .db import db
from .users import AuditEntry, User

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__, url_prefix="/admin")
login_manager = LoginManager()
csrf = CSRFProtect()


class LoginForm(FlaskForm):
    username = StringField(
        "Nama pengguna", validators=[InputRequired("Isi nama pengguna.")]
    )
    password = PasswordField(
        "Kata sandi", validators=[InputRequired("Isi kata sandi.")]
    )


def audit(action: str, detail: str | None = None, user: User | None = None) -> None:
    """Add an audit entry to the current transaction; the caller commits."""
    if user is None and has_request_context() and current_user.is_authenticated:
        user = current_user
    db.session.add(
        AuditEntry(
            pengguna_id=user.id if user else None,
            username=user.username if user else "-",
            aksi=action,
            rincian=detail,
        )
    )


def role_required(*roles: str) -> Callable:
    """Allow a view only to signed-in users with one of the roles."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)

            return view(*args, **kwargs)

        return wrapped

    return decorator


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the signed-in user of a session, if the account still exists."""
    return db.session.get(User, int(user_id))


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    """Sign an admin in."""
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("admin/login.html", form=form)

    username = form.username.data.strip()[:40]
    client = request.remote_addr or "-"
    wait = throttle.minutes_to_wait(username, client)
    if wait:
        log.info("refused login username=%s client=%s: too many", username, client)
        flash(
            "Terlalu banyak percobaan masuk yang gagal. Tunggu "
            f"{wait} menit, lalu coba lagi.",
            "error",
        )

        return render_template("admin/login.html", form=form), 429

    user = db.session.scalars(select(User).where(User.username == username)).first()
    if user and user.aktif and user.check_password(form.password.data):
        throttle.forget_failures(username, client)
        session.clear()
        login_user(user)
        session.permanent = True
        audit("masuk", user=user)
        db.session.commit()
        log.info("login user=%s", user.username)

        return redirect(url_for("admin.dashboard"))

    throttle.record_failure(username, client)
    audit("gagal-masuk", f"nama pengguna {username!r} dari {client}")
    db.session.commit()
    log.info("failed login username=%s client=%s", username, client)
    flash("Nama pengguna atau kata sandi salah.", "error")

    return render_template("admin/login.html", form=form)


@bp.post("/keluar")
@login_required
def logout():
    """Sign the current admin out."""
    audit("keluar")
    db.session.commit()
    logout_user()
    flash("Anda sudah keluar.", "info")

    return redirect(url_for("auth.login"))


def csrf_failed(error: CSRFError):
    """Answer an expired or missing CSRF token with an Indonesian page."""
    flash("Sesi formulir sudah kedaluwarsa. Silakan ulangi.", "error")

    return render_template("admin/message.html", title="Sesi kedaluwarsa"), 400


def admin_error(error: HTTPException):
    """Answer a refusal inside the admin pages in their layout, elsewhere the site's."""
    if not request.path.startswith("/admin/"):
        return site.handle_http_error(error)

    title, text = site.MESSAGES.get(error.code, site.MESSAGES[400])
    page = render_template("admin/message.html", title=title, text=text)

    return page, error.code


def init_app(app: Flask) -> None:
    """Install sign-in, CSRF protection and the admin session's lifetime."""
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(
        hours=float(app.config["ADMIN_SESSION_HOURS"])
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    app.register_error_handler(CSRFError, csrf_failed)
    for code in (403, 404):
        app.register_error_handler(code, admin_error)
    app.register_blueprint(bp)
