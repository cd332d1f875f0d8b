"""Fill times against the procedure's standard: the median and the share on time."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from sqlalchemy import select

from .db import db
from .models import GuestbookEntry, SurveyResponse
from .reports import Period

# The SOP Duta Layanan gives the survey five minutes.
SURVEY_STANDARD_SECONDS = 5 * 60
MODELS = {"survei": SurveyResponse, "buku-tamu": GuestbookEntry}


@dataclass(frozen=True)
class FillTimes:
    measured: int
    median_seconds: float | None
    within_standard: int
    standard_seconds: int

    @property
    def share_within(self) -> float | None:
        """Return the share of measured forms filled within the standard, 0 to 1."""
        return self.within_standard / self.measured if self.measured else None


def summarise(seconds: list[int], standard: int = SURVEY_STANDARD_SECONDS) -> FillTimes:
    """Return the median fill time and how many forms kept to the standard."""
    within = sum(1 for value in seconds if value <= standard)
    median = statistics.median(seconds) if seconds else None

    return FillTimes(len(seconds), median, within, standard)


def durations(
    period: Period, form: str = "survei", layanan: str | None = None
) -> list[int]:
    """Return the measured fill times in seconds of a form's rows in the period."""
    model = MODELS[form]
    query = select(model.durasi_detik).where(
        model.tanggal >= period.start,
        model.tanggal <= period.end,
        model.durasi_detik.is_not(None),
    )
    if layanan:
        query = query.where(model.layanan == layanan)

    return [int(value) for value in db.session.scalars(query)]
