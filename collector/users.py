"""Admin accounts, their roles, and the audit log of what they did."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from .db import UTCDateTime, db, utcnow

ROLES = {
    "admin": "Admin: semua, termasuk data pribadi buku tamu dan ekspornya",
    "petugas": "Petugas meja: buku tamu hari ini, input kuesioner kertas",
    "pimpinan": "Pimpinan: membaca laporan dan hasil",
}
MIN_PASSWORD = 10


class User(UserMixin, db.Model):
    """A person who may sign in to the admin pages."""

    __tablename__ = "pengguna"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    dibuat: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def is_active(self) -> bool:
        """Tell Flask-Login whether this account may sign in."""
        return self.aktif

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of the password."""
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")

        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Tell whether the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)


class AuditEntry(db.Model):
    """One logged action: who, when, what, on which record."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    waktu: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    pengguna_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))
    username: Mapped[str] = mapped_column(String(40))
    aksi: Mapped[str] = mapped_column(String(40))
    rincian: Mapped[str | None] = mapped_column(Text)
