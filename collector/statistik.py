"""Report queries beside the index: visits, respondent profile, fill times, saran."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select

from .db import db
from .models import GuestbookEntry, SurveyResponse
from .reports import Period

PROFILE_COLUMNS = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")


def _within(query: Select, model, period: Period, layanan: str | None) -> Select:
    query = query.where(model.tanggal >= period.start, model.tanggal <= period.end)
    if layanan:
        query = query.where(model.layanan == layanan)

    return query


def visits(period: Period, layanan: str | None = None) -> int:
    """Return the number of guestbook entries in the period, both end days included."""
    query = _within(select(func.count()), GuestbookEntry, period, layanan)

    return int(db.session.scalar(query.select_from(GuestbookEntry)))


def visits_on(day: date) -> int:
    """Return the number of guestbook entries of one local day."""
    return visits(Period(day, day))


def responses(period: Period, layanan: str | None = None) -> int:
    """Return the number of survey responses in the period."""
    query = _within(select(func.count()), SurveyResponse, period, layanan)

    return int(db.session.scalar(query.select_from(SurveyResponse)))


def sources(period: Period, layanan: str | None = None) -> dict[str, int]:
    """Return the number of responses per source: online, kertas, kiosk."""
    column = SurveyResponse.sumber
    query = _within(select(column, func.count()), SurveyResponse, period, layanan)

    return {
        name: int(number) for name, number in db.session.execute(query.group_by(column))
    }


def profile(period: Period, layanan: str | None = None) -> dict[str, dict]:
    """Return, per profile column, the number of respondents for each stored value."""
    counts: dict[str, dict] = {}
    for name in PROFILE_COLUMNS:
        column = getattr(SurveyResponse, name)
        query = _within(select(column, func.count()), SurveyResponse, period, layanan)
        rows = db.session.execute(query.group_by(column))
        counts[name] = {value: int(number) for value, number in rows}

    return counts


def fill_times(period: Period, layanan: str | None = None) -> list[int]:
    """Return the recorded fill times in seconds, smallest first."""
    column = SurveyResponse.durasi_detik
    query = _within(select(column), SurveyResponse, period, layanan)
    query = query.where(column.is_not(None)).order_by(column)

    return [int(value) for value in db.session.scalars(query)]


def suggestions(period: Period, layanan: str | None = None) -> list:
    """Return (id, tanggal, layanan, sumber, saran) of responses with a suggestion."""
    query = select(
        SurveyResponse.id,
        SurveyResponse.tanggal,
        SurveyResponse.layanan,
        SurveyResponse.sumber,
        SurveyResponse.saran,
    )
    query = _within(query, SurveyResponse, period, layanan)
    query = query.where(SurveyResponse.saran.is_not(None), SurveyResponse.saran != "")

    return list(db.session.execute(query.order_by(SurveyResponse.id)))
