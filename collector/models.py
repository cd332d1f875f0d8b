"""The stored records: survey responses and guestbook entries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, db, utcnow
from .kiosk import KioskDevice
from .kuesioner import UNSUR_KEYS

SOURCES = ("online", "kertas", "kiosk")


class Submission:
    """Columns that every stored form carries."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kirim_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    unit: Mapped[str] = mapped_column(String(40))
    dibuat: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    tanggal: Mapped[date] = mapped_column(Date, index=True)
    sumber: Mapped[str] = mapped_column(String(10), default="online")
    versi: Mapped[str | None] = mapped_column(String(20))
    durasi_detik: Mapped[int | None] = mapped_column(Integer)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey(KioskDevice.id), index=True)
    layanan: Mapped[str] = mapped_column(String(60), index=True)


class SurveyResponse(Submission, db.Model):
    """One anonymous answer sheet of the satisfaction survey."""

    __tablename__ = "survei"

    persyaratan: Mapped[int | None] = mapped_column(SmallInteger)
    prosedur: Mapped[int | None] = mapped_column(SmallInteger)
    waktu: Mapped[int | None] = mapped_column(SmallInteger)
    biaya: Mapped[int | None] = mapped_column(SmallInteger)
    produk: Mapped[int | None] = mapped_column(SmallInteger)
    kompetensi: Mapped[int | None] = mapped_column(SmallInteger)
    perilaku: Mapped[int | None] = mapped_column(SmallInteger)
    sarana: Mapped[int | None] = mapped_column(SmallInteger)
    pengaduan: Mapped[int | None] = mapped_column(SmallInteger)
    jenis_kelamin: Mapped[str | None] = mapped_column(String(1))
    usia: Mapped[int | None] = mapped_column(SmallInteger)
    pendidikan: Mapped[str | None] = mapped_column(String(10))
    pekerjaan: Mapped[str | None] = mapped_column(String(20))
    saran: Mapped[str | None] = mapped_column(Text)

    __table_args__ = tuple(
        CheckConstraint(f"{key} BETWEEN 1 AND 4", name=f"{key}_range")
        for key in UNSUR_KEYS
    )


class GuestbookEntry(Submission, db.Model):
    """One visitor's line in the guestbook."""

    __tablename__ = "buku_tamu"

    nama: Mapped[str | None] = mapped_column(String(120))
    telepon: Mapped[str | None] = mapped_column(String(20))
    asal: Mapped[str | None] = mapped_column(String(120))
    keperluan: Mapped[str | None] = mapped_column(Text)
    jumlah_pengikut: Mapped[int | None] = mapped_column(SmallInteger)
    persetujuan: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dihapus_pada: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("jumlah_pengikut >= 0", name="pengikut_not_negative"),
    )


MODELS = {"survei": SurveyResponse, "buku-tamu": GuestbookEntry}
