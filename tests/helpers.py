"""Small builders shared by the tests: valid answers and row queries."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from collector.db import db
from collector.kuesioner import UNSUR_KEYS
from collector.models import GuestbookEntry, SurveyResponse

JAKARTA = ZoneInfo("Asia/Jakarta")


def survey_answers(**overrides) -> dict[str, str]:
    """Return a complete, valid survey post with the given answers changed."""
    answers = {key: "4" for key in UNSUR_KEYS}
    answers.update(
        layanan="kunjungan",
        jenis_kelamin="P",
        usia="34",
        pendidikan="SMA",
        pekerjaan="Wirausaha",
        saran="",
    )
    answers.update(overrides)

    return {key: value for key, value in answers.items() if value is not None}


def guestbook_answers(**overrides) -> dict[str, str]:
    """Return a complete, valid guestbook post with the given answers changed."""
    answers = {
        "nama": "Siti Rahmah",
        "layanan": "kunjungan",
        "telepon": "0812-3456-7890",
        "asal": "Batusangkar",
        "keperluan": "Menjenguk adik",
        "jumlah_pengikut": "2",
        "persetujuan": "y",
    }
    answers.update(overrides)

    return {key: value for key, value in answers.items() if value is not None}


def count(model) -> int:
    """Return the number of stored rows of a model."""
    return db.session.scalar(select(func.count()).select_from(model))


def survey_rows() -> list[SurveyResponse]:
    """Return every stored survey response."""
    return list(db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id)))


def guestbook_rows() -> list[GuestbookEntry]:
    """Return every stored guestbook entry."""
    return list(db.session.scalars(select(GuestbookEntry).order_by(GuestbookEntry.id)))


def csrf_token(page: str) -> str:
    """Return the CSRF token of the first form of a page."""
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def stored_entry(tanggal: date, **fields) -> GuestbookEntry:
    """Store a guestbook entry on a local day directly, as old data would be."""
    values = {
        "unit": "rutan-batusangkar",
        "dibuat": datetime.combine(tanggal, time(9, 30), JAKARTA),
        "tanggal": tanggal,
        "layanan": "kunjungan",
        "nama": "Siti Rahmah",
        "telepon": "+6281234567890",
        "asal": "Batusangkar",
        "keperluan": "Menjenguk adik",
        "jumlah_pengikut": 2,
        "sumber": "online",
    }
    values.update(fields)
    entry = GuestbookEntry(**values)
    db.session.add(entry)
    db.session.commit()

    return entry


def stored_response(tanggal: date, **fields) -> SurveyResponse:
    """Store a survey response on a local day directly."""
    values = {key: 4 for key in UNSUR_KEYS}
    values.update(
        unit="rutan-batusangkar",
        dibuat=datetime.combine(tanggal, time(10, 0), JAKARTA),
        tanggal=tanggal,
        layanan="kunjungan",
        sumber="online",
        jenis_kelamin="P",
        usia=34,
    )
    values.update(fields)
    response = SurveyResponse(**values)
    db.session.add(response)
    db.session.commit()

    return response


def jakarta_today() -> date:
    """Return today's date in the unit's default time zone."""
    return datetime.now(JAKARTA).date()
