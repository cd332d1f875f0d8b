"""Sign-in, roles, CSRF protection and the audit log of the admin pages."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request
from flask import url_for
from flask_login import LoginManager, current_user, login_required, login_user
from flask_login import logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired

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
    password = PasswordField("Kata sandi", validators=[InputRequired("Isi kata sandi.")])


def audit(action: str, detail: str | None = None, user: User | None = None) -> None:
    """Add an audit entry to the current transaction; the caller commits."""
    user = user or (current_user if current_user.is_authenticated else None)
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
    if form.validate_on_submit():
        query = select(User).where(User.username == form.username.data.strip())
        user = db.session.scalars(query).first()
        if user and user.aktif and user.check_password(form.password.data):
            login_user(user)
            audit("masuk", user=user)
            db.session.commit()
            log.info("login user=%s", user.username)

            return redirect(url_for("admin.dashboard"))

        log.info("failed login username=%s", form.username.data[:40])
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


def init_app(app: Flask) -> None:
    """Install sign-in, CSRF protection and the admin's cookie settings."""
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_blueprint(bp)
