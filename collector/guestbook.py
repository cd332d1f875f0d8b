"""Guestbook queries for the admin pages, and the erasure of personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select, update

from .db import db, utcnow
from .models import GuestbookEntry
from .reports import Period

PERSONAL = ("nama", "telepon", "asal", "keperluan")
PAGE_SIZE = 100


@dataclass(frozen=True)
class ServiceCount:
    layanan: str
    entries: int
    companions: int


def matching(period: Period, service: str | None = None, name: str | None = None):
    """Return the conditions of entries in the period, of a service, with a name."""
    conditions = [
        GuestbookEntry.tanggal >= period.start,
        GuestbookEntry.tanggal <= period.end,
    ]
    if service:
        conditions.append(GuestbookEntry.layanan == service)
    if name:
        conditions.append(GuestbookEntry.nama.icontains(name, autoescape=True))

    return conditions


def entries(conditions, page: int = 1) -> tuple[list[GuestbookEntry], int]:
    """Return one page of matching entries, newest first, and how many match."""
    total = db.session.scalar(select(func.count()).where(*conditions))
    query: Select = (
        select(GuestbookEntry)
        .where(*conditions)
        .order_by(GuestbookEntry.dibuat.desc(), GuestbookEntry.id.desc())
        .offset((max(page, 1) - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )

    return list(db.session.scalars(query)), int(total or 0)


def counts(conditions) -> list[ServiceCount]:
    """Return entries and companions of each service among the matching entries."""
    query = (
        select(
            GuestbookEntry.layanan,
            func.count(),
            func.coalesce(func.sum(GuestbookEntry.jumlah_pengikut), 0),
        )
        .where(*conditions)
        .group_by(GuestbookEntry.layanan)
        .order_by(GuestbookEntry.layanan)
    )

    return [
        ServiceCount(code, int(n), int(c)) for code, n, c in db.session.execute(query)
    ]


def erase_personal(entry: GuestbookEntry) -> None:
    """Erase an entry's personal fields, keeping what the counts need."""
    for field in PERSONAL:
        setattr(entry, field, None)
    entry.dihapus_pada = utcnow()


def purgeable(cutoff: date):
    """Return the conditions of entries before the cut-off with personal data."""
    return (GuestbookEntry.tanggal < cutoff, GuestbookEntry.dihapus_pada.is_(None))


def count_purgeable(cutoff: date) -> int:
    """Return how many entries the purge would erase."""
    query = select(func.count()).where(*purgeable(cutoff))

    return int(db.session.scalar(query) or 0)


def purge(cutoff: date) -> int:
    """Erase the personal fields of entries dated before the cut-off; caller commits."""
    values = {field: None for field in PERSONAL}
    statement = (
        update(GuestbookEntry)
        .where(*purgeable(cutoff))
        .values(**values, dihapus_pada=utcnow())
    )

    return db.session.execute(statement).rowcount
