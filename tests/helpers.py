"""Small builders shared by the tests: valid answers and row queries."""

from __future__ import annotations

from sqlalchemy import func, select

from collector.db import db
from collector.kuesioner import UNSUR_KEYS
from collector.models import GuestbookEntry, SurveyResponse


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
