"""Reporting periods: month, quarter, half-year, year or a custom range of days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .reports import Period

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ROMAWI = ("I", "II", "III", "IV")

# Months per period of each kind; a year is one period of twelve months.
KINDS = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}
KIND_NAMES = {
    "bulan": "Bulan",
    "triwulan": "Triwulan",
    "semester": "Semester",
    "tahun": "Tahun",
    "rentang": "Rentang tanggal",
}
CODE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})|-Q(?P<quarter>[1-4])|-S(?P<half>[12]))?"
    r"|(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})"
)


@dataclass(frozen=True)
class Periode(Period):
    """A period with its kind, so that it has a code, a label and a predecessor."""

    jenis: str = "rentang"
    ke: int = 1

    @property
    def kode(self) -> str:
        """Return the short code: 2026-03, 2026-Q1, 2026-S1, 2026 or a..b."""
        year = self.start.year
        if self.jenis == "bulan":
            return f"{year}-{self.ke:02d}"
        if self.jenis == "triwulan":
            return f"{year}-Q{self.ke}"
        if self.jenis == "semester":
            return f"{year}-S{self.ke}"
        if self.jenis == "tahun":
            return str(year)

        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """Return the period's name in Indonesian, e.g. 'Triwulan I 2026'."""
        year = self.start.year
        if self.jenis == "bulan":
            return f"{BULAN[self.ke - 1]} {year}"
        if self.jenis in ("triwulan", "semester"):
            return f"{KIND_NAMES[self.jenis]} {ROMAWI[self.ke - 1]} {year}"
        if self.jenis == "tahun":
            return f"Tahun {year}"

        return f"{tanggal(self.start)} s.d. {tanggal(self.end)}"

    @property
    def days(self) -> int:
        """Return the number of days, both end days counted."""
        return (self.end - self.start).days + 1

    def previous(self) -> Periode:
        """Return the period of the same kind just before this one."""
        if self.jenis == "rentang":
            end = self.start - timedelta(days=1)
            return custom(end - timedelta(days=self.days - 1), end)

        count = 12 // KINDS[self.jenis]
        if self.ke > 1:
            return preset(self.jenis, self.start.year, self.ke - 1)

        return preset(self.jenis, self.start.year - 1, count)


def tanggal(day: date) -> str:
    """Return a day written the Indonesian way, e.g. '31 Maret 2026'."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def preset(jenis: str, year: int, ke: int = 1) -> Periode:
    """Return the ke-th month, quarter or half-year of a year, or the year itself."""
    if jenis not in KINDS:
        raise ValueError(f"unknown kind of period {jenis!r}; use {', '.join(KINDS)}")

    months = KINDS[jenis]
    count = 12 // months
    if not 1 <= ke <= count:
        raise ValueError(f"a year has {count} period(s) of kind {jenis}, not {ke}")

    first_month = (ke - 1) * months + 1
    start = date(year, first_month, 1)
    next_start = (
        date(year + 1, 1, 1) if ke == count else date(year, first_month + months, 1)
    )

    return Periode(start, next_start - timedelta(days=1), jenis, ke)


def custom(start: date, end: date) -> Periode:
    """Return a custom range of days, both end days included."""
    return Periode(start, end, "rentang", 1)


def parse(code: str) -> Periode:
    """Return the period named by a code like 2026-03, 2026-Q1, 2026-S2 or 2026."""
    match = CODE.fullmatch(code.strip())
    if not match:
        raise ValueError(
            f"'{code}' is not a period; use YYYY-MM, YYYY-Qn, YYYY-Sn, YYYY "
            "or YYYY-MM-DD..YYYY-MM-DD"
        )

    try:
        return _from_match(match)
    except ValueError as error:
        raise ValueError(f"'{code}' is not a period: {error}") from None


def _from_match(match: re.Match[str]) -> Periode:
    if match["start"]:
        return custom(
            date.fromisoformat(match["start"]), date.fromisoformat(match["end"])
        )

    year = int(match["year"])
    if match["month"]:
        return preset("bulan", year, int(match["month"]))
    if match["quarter"]:
        return preset("triwulan", year, int(match["quarter"]))
    if match["half"]:
        return preset("semester", year, int(match["half"]))

    return preset("tahun", year)


def current(jenis: str, today: date) -> Periode:
    """Return the period of a kind that holds the day."""
    months = KINDS[jenis]

    return preset(jenis, today.year, (today.month - 1) // months + 1)


def history(periode: Periode, count: int) -> list[Periode]:
    """Return the count periods before this one and the period itself, oldest first."""
    periods = [periode]
    for _ in range(count):
        periods.append(periods[-1].previous())

    return periods[::-1]
