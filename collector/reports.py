"""Report queries: plain rows from the database, no arithmetic of the index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from .db import db
from .kuesioner import UNSUR_KEYS
from .models import SurveyResponse


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"the period ends ({self.end}) before it starts ({self.start})"
            )


def survey_totals(
    period: Period, layanan: str | None = None
) -> tuple[int, dict[str, tuple[int, int]]]:
    """Return respondents and (sum, answered) per element, both end days included."""
    columns = [func.count()]
    for key in UNSUR_KEYS:
        column = getattr(SurveyResponse, key)
        columns += [func.coalesce(func.sum(column), 0), func.count(column)]

    query = select(*columns).where(
        SurveyResponse.tanggal >= period.start, SurveyResponse.tanggal <= period.end
    )
    if layanan:
        query = query.where(SurveyResponse.layanan == layanan)

    row = db.session.execute(query).one()
    totals = {
        key: (int(row[1 + 2 * i]), int(row[2 + 2 * i]))
        for i, key in enumerate(UNSUR_KEYS)
    }

    return int(row[0]), totals


def respondents_per_service(period: Period) -> dict[str, int]:
    """Return the number of respondents of each service in the period."""
    query = (
        select(SurveyResponse.layanan, func.count())
        .where(
            SurveyResponse.tanggal >= period.start,
            SurveyResponse.tanggal <= period.end,
        )
        .group_by(SurveyResponse.layanan)
    )

    return {code: int(count) for code, count in db.session.execute(query)}
