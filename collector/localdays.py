"""The unit's local days: today, local clock times and inclusive date ranges."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

from .db import utcnow
from .reports import Period


def zone() -> ZoneInfo:
    """Return the unit's time zone."""
    return ZoneInfo(current_app.config["TIMEZONE"])


def today() -> date:
    """Return the unit's local calendar day now."""
    return utcnow().astimezone(zone()).date()


def local_time(instant: datetime | None) -> str:
    """Return an instant as the unit's local date and time, e.g. 2026-12-04 08:15."""
    if instant is None:
        return ""

    return instant.astimezone(zone()).strftime("%Y-%m-%d %H:%M")


def months_before(day: date, months: int) -> date:
    """Return the same day of the month `months` earlier, clamped to that month."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]

    return date(year, month + 1, min(day.day, last))


def parse_day(text: str | None) -> date | None:
    """Return the date of a YYYY-MM-DD text, or None when it is empty or wrong."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def period_from(args, default: Period) -> tuple[Period, str | None]:
    """Return the period asked for with 'dari' and 'sampai', or the default and why."""
    raw_start, raw_end = args.get("dari"), args.get("sampai")
    start = parse_day(raw_start) if raw_start else default.start
    end = parse_day(raw_end) if raw_end else default.end
    if start is None or end is None:
        return default, "Tanggal tidak dikenali. Tulis seperti 2026-01-31."

    if end < start:
        return default, (
            f"Tanggal akhir ({end}) sebelum tanggal awal ({start}). "
            "Tukar kedua tanggal lalu tampilkan lagi."
        )

    return Period(start, end), None


def this_month() -> Period:
    """Return the period from the first day of this local month to today."""
    day = today()

    return Period(day.replace(day=1), day)
