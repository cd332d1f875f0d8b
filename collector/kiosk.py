"""Kiosk devices: the desk PC's registration, its token, and who is posting."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from urllib.parse import urljoin

from flask import current_app, g, has_request_context, request
from sqlalchemy import Integer, String, select, update
from sqlalchemy.orm import Mapped, mapped_column

from . import layanan
from .db import UTCDateTime, db, utcnow

log = logging.getLogger(__name__)

COOKIE = "kiosk_perangkat"
# Chromium keeps a cookie at most 400 days; the start screen renews it each day.
COOKIE_DAYS = 400


class KioskDevice(db.Model):
    """A desk PC allowed to post the forms as a kiosk."""

    __tablename__ = "kiosk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(60), unique=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    tautan_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    tautan_berlaku: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dibuat: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    diaktifkan: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dicabut: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def status(self) -> str:
        """Return the device's state in the admin's words."""
        if self.dicabut:
            return "dicabut"

        if self.diaktifkan:
            return "aktif"

        if self.tautan_berlaku and self.tautan_berlaku < utcnow():
            return "tautan kedaluwarsa"

        return "menunggu aktivasi"


class KioskError(ValueError):
    """A kiosk registration that cannot be done, with the reason."""


def digest(secret: str) -> str:
    """Return the stored form of a random secret: its SHA-256, in hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def find(name: str) -> KioskDevice | None:
    """Return the device registered under a name."""
    query = select(KioskDevice).where(KioskDevice.nama == name)

    return db.session.scalars(query).first()


def register(name: str, link_hours: int) -> tuple[KioskDevice, str]:
    """Register a device and return it with its one-time activation code."""
    name = " ".join(name.split())
    if not 1 <= len(name) <= 60:
        raise KioskError("Nama kiosk harus 1 sampai 60 karakter.")

    if find(name):
        raise KioskError(f"Kiosk bernama “{name}” sudah terdaftar. Pilih nama lain.")

    code = secrets.token_urlsafe(24)
    device = KioskDevice(
        nama=name,
        tautan_hash=digest(code),
        tautan_berlaku=utcnow() + timedelta(hours=link_hours),
    )
    db.session.add(device)

    return device, code


def activation_url(code: str) -> str:
    """Return the public address that activates a device, from the site's address."""
    config = layanan.load_site_config(current_app.config["MKDOCS_YML"])
    base = config.get("site_url") or "/"

    return urljoin(base if base.endswith("/") else f"{base}/", f"kiosk/aktifkan/{code}")


def pending(code: str) -> KioskDevice | None:
    """Return the device a still-valid activation code belongs to."""
    query = select(KioskDevice).where(
        KioskDevice.tautan_hash == digest(code),
        KioskDevice.dicabut.is_(None),
        KioskDevice.tautan_berlaku > utcnow(),
    )

    return db.session.scalars(query).first()


def activate(code: str) -> tuple[KioskDevice, str] | None:
    """Spend an activation code once and return the device with its new token."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    spent = db.session.execute(
        update(KioskDevice)
        .where(
            KioskDevice.tautan_hash == digest(code),
            KioskDevice.dicabut.is_(None),
            KioskDevice.tautan_berlaku > now,
        )
        .values(token_hash=digest(token), tautan_hash=None, diaktifkan=now)
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount != 1:
        db.session.rollback()
        return None

    db.session.commit()
    device = db.session.scalars(
        select(KioskDevice).where(KioskDevice.token_hash == digest(token))
    ).one()
    log.info("kiosk activated id=%s", device.id)

    return device, token


def revoke(device: KioskDevice) -> None:
    """Stop a device from posting as a kiosk; the caller commits."""
    device.dicabut = device.dicabut or utcnow()
    device.tautan_hash = None


def current_device() -> KioskDevice | None:
    """Return the registered, unrevoked kiosk making this request, if any."""
    if not has_request_context():
        return None

    if "kiosk_device" not in g:
        token = request.cookies.get(COOKIE, "")
        device = None
        if 20 <= len(token) <= 100:
            query = select(KioskDevice).where(
                KioskDevice.token_hash == digest(token), KioskDevice.dicabut.is_(None)
            )
            device = db.session.scalars(query).first()
        g.kiosk_device = device

    return g.kiosk_device
