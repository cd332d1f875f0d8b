"""Follow-up records: the state of each saran and the plan (RTL) for weak elements."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, db, utcnow
from .reports import Period

SARAN_STATES = {
    "baru": "Baru",
    "ditindaklanjuti": "Ditindaklanjuti",
    "selesai": "Selesai",
}
RTL_STATES = {
    "rencana": "Direncanakan",
    "berjalan": "Sedang berjalan",
    "selesai": "Selesai",
}


class SaranFollowUp(db.Model):
    """The follow-up state of one visitor's saran, keyed by its survey response."""

    __tablename__ = "saran_tindak"

    survei_id: Mapped[int] = mapped_column(
        ForeignKey("survei.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(20), default="baru")
    catatan: Mapped[str | None] = mapped_column(Text)
    diubah: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pengguna: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        CheckConstraint(
            "status IN ('baru', 'ditindaklanjuti', 'selesai')", name="status_known"
        ),
    )


class Rtl(db.Model):
    """One row of the follow-up plan: an element, an action, who, by when, status."""

    __tablename__ = "rtl"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dari: Mapped[date] = mapped_column(Date, index=True)
    sampai: Mapped[date] = mapped_column(Date)
    unsur: Mapped[str] = mapped_column(String(20))
    tindakan: Mapped[str] = mapped_column(Text)
    penanggung_jawab: Mapped[str] = mapped_column(String(120))
    batas_waktu: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="rencana")
    dibuat: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    diubah: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("sampai >= dari", name="period_ordered"),
        CheckConstraint(
            "status IN ('rencana', 'berjalan', 'selesai')", name="status_known"
        ),
    )


def saran_states(ids: Iterable[int]) -> dict[int, SaranFollowUp]:
    """Return the stored follow-up of each of the survey responses that has one."""
    ids = list(ids)
    if not ids:
        return {}

    query = select(SaranFollowUp).where(SaranFollowUp.survei_id.in_(ids))

    return {row.survei_id: row for row in db.session.scalars(query)}


def plans(period: Period) -> list[Rtl]:
    """Return the RTL rows whose period overlaps the given one, by deadline."""
    query = (
        select(Rtl)
        .where(Rtl.dari <= period.end, Rtl.sampai >= period.start)
        .order_by(Rtl.batas_waktu, Rtl.id)
    )

    return list(db.session.scalars(query))
