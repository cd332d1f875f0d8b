"""Registering and revoking kiosk devices: the admin page and the kiosk commands."""

from __future__ import annotations

import logging

import click
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    has_request_context,
    redirect,
    render_template,
    url_for,
)
from flask.cli import AppGroup
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from . import kiosk, localdays
from .auth import audit, role_required
from .db import db
from .kiosk import KioskDevice, KioskError
from .users import AuditEntry

log = logging.getLogger(__name__)

bp = Blueprint("kiosk_admin", __name__, url_prefix="/admin/kiosk")
kiosk_cli = AppGroup("kiosk", help="Register, list and revoke the desk PC kiosks.")


class RegisterForm(FlaskForm):
    nama = StringField(
        "Nama kiosk",
        validators=[
            InputRequired("Isi nama kiosk, misalnya “Meja depan”."),
            Length(max=60, message="Nama kiosk paling banyak 60 karakter."),
        ],
    )


class RevokeForm(FlaskForm):
    """Carries only the CSRF token of a revoke button."""


def devices() -> list[KioskDevice]:
    """Return every registered kiosk, newest first."""
    query = select(KioskDevice).order_by(KioskDevice.dibuat.desc(), KioskDevice.id)

    return list(db.session.scalars(query))


def record(action: str, device: KioskDevice) -> None:
    """Audit a kiosk action by the signed-in admin, or by the command line."""
    detail = f"kiosk id={device.id} nama={device.nama}"
    if has_request_context():
        audit(action, detail)
    else:
        db.session.add(AuditEntry(username="(cli)", aksi=action, rincian=detail))


def register_device(name: str) -> tuple[KioskDevice, str]:
    """Register a kiosk, audit it, commit, and return it with its activation link."""
    device, code = kiosk.register(name, int(current_app.config["KIOSK_LINK_HOURS"]))
    db.session.flush()
    record("kiosk-daftar", device)
    db.session.commit()
    log.info("kiosk registered id=%s", device.id)

    return device, kiosk.activation_url(code)


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def index():
    """List the kiosks and register a new one, showing its one-time link once."""
    form = RegisterForm()
    link = None
    if form.validate_on_submit():
        try:
            device, link = register_device(form.nama.data)
        except KioskError as error:
            db.session.rollback()
            form.nama.errors.append(str(error))
        else:
            form = RegisterForm(formdata=None)
            flash(f"Kiosk “{device.nama}” terdaftar.", "info")

    return render_template(
        "admin/kiosk.html",
        form=form,
        link=link,
        devices=devices(),
        revoke_form=RevokeForm(),
        local_time=localdays.local_time,
    )


@bp.post("/<int:device_id>/cabut")
@role_required("admin")
def revoke(device_id: int):
    """Revoke a kiosk: its posts count as public posts from now on."""
    if not RevokeForm().validate_on_submit():
        abort(400)

    device = db.session.get(KioskDevice, device_id) or abort(404)
    kiosk.revoke(device)
    record("kiosk-cabut", device)
    db.session.commit()
    log.info("kiosk revoked id=%s", device.id)
    flash(f"Kiosk “{device.nama}” dicabut.", "info")

    return redirect(url_for("kiosk_admin.index"))


@kiosk_cli.command("register")
@click.argument("name")
def register_command(name: str) -> None:
    """Register a kiosk and print its one-time activation link."""
    try:
        device, link = register_device(name)
    except KioskError as error:
        raise click.ClickException(str(error)) from None

    hours = current_app.config["KIOSK_LINK_HOURS"]
    click.echo(f"Registered kiosk '{device.nama}' (id {device.id}).")
    click.echo(f"Open this link once on the desk PC within {hours} hours:")
    click.echo(link)


@kiosk_cli.command("list")
def list_command() -> None:
    """List the registered kiosks and their state."""
    for device in devices():
        click.echo(f"{device.id}\t{device.nama}\t{device.status}")


@kiosk_cli.command("revoke")
@click.argument("name")
def revoke_command(name: str) -> None:
    """Revoke a kiosk so that its posts no longer count as kiosk posts."""
    device = kiosk.find(name)
    if device is None:
        raise click.ClickException(f"no kiosk named '{name}'")

    kiosk.revoke(device)
    record("kiosk-cabut", device)
    db.session.commit()
    click.echo(f"Revoked kiosk '{device.nama}'.")
