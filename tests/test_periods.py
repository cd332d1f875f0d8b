"""Report periods: presets, codes, labels and the periods before them."""

from __future__ import annotations

from datetime import date

import pytest

from collector import periods


@pytest.mark.parametrize(
    ("jenis", "year", "ke", "start", "end", "kode", "label"),
    [
        (
            "bulan",
            2026,
            2,
            date(2026, 2, 1),
            date(2026, 2, 28),
            "2026-02",
            "Februari 2026",
        ),
        (
            "bulan",
            2028,
            2,
            date(2028, 2, 1),
            date(2028, 2, 29),
            "2028-02",
            "Februari 2028",
        ),
        (
            "bulan",
            2026,
            12,
            date(2026, 12, 1),
            date(2026, 12, 31),
            "2026-12",
            "Desember 2026",
        ),
        (
            "triwulan",
            2026,
            1,
            date(2026, 1, 1),
            date(2026, 3, 31),
            "2026-Q1",
            "Triwulan I 2026",
        ),
        (
            "triwulan",
            2026,
            2,
            date(2026, 4, 1),
            date(2026, 6, 30),
            "2026-Q2",
            "Triwulan II 2026",
        ),
        (
            "triwulan",
            2026,
            3,
            date(2026, 7, 1),
            date(2026, 9, 30),
            "2026-Q3",
            "Triwulan III 2026",
        ),
        (
            "triwulan",
            2026,
            4,
            date(2026, 10, 1),
            date(2026, 12, 31),
            "2026-Q4",
            "Triwulan IV 2026",
        ),
        (
            "semester",
            2026,
            1,
            date(2026, 1, 1),
            date(2026, 6, 30),
            "2026-S1",
            "Semester I 2026",
        ),
        (
            "semester",
            2026,
            2,
            date(2026, 7, 1),
            date(2026, 12, 31),
            "2026-S2",
            "Semester II 2026",
        ),
        ("tahun", 2026, 1, date(2026, 1, 1), date(2026, 12, 31), "2026", "Tahun 2026"),
    ],
)
def test_each_preset_runs_from_its_first_to_its_last_day(
    jenis, year, ke, start, end, kode, label
):
    periode = periods.preset(jenis, year, ke)

    assert (periode.start, periode.end) == (start, end)
    assert (periode.kode, periode.label) == (kode, label)
    assert periods.parse(kode) == periode


def test_a_custom_range_keeps_both_end_days_and_has_a_code_and_label():
    periode = periods.parse("2026-01-05..2026-02-10")

    assert (periode.start, periode.end, periode.days) == (
        date(2026, 1, 5),
        date(2026, 2, 10),
        37,
    )
    assert periode.label == "5 Januari 2026 s.d. 10 Februari 2026"
    assert periods.parse(periode.kode) == periode


@pytest.mark.parametrize(
    ("code", "previous"),
    [
        ("2026-01", "2025-12"),
        ("2026-03", "2026-02"),
        ("2026-Q1", "2025-Q4"),
        ("2026-Q3", "2026-Q2"),
        ("2026-S1", "2025-S2"),
        ("2026", "2025"),
        ("2026-01-11..2026-01-20", "2026-01-01..2026-01-10"),
    ],
)
def test_the_previous_period_is_the_one_of_the_same_kind_just_before(code, previous):
    assert periods.parse(code).previous().kode == previous


def test_history_lists_earlier_periods_oldest_first_ending_with_the_period():
    codes = [p.kode for p in periods.history(periods.parse("2026-Q2"), 4)]

    assert codes == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]


def test_the_current_period_holds_the_day():
    day = date(2026, 8, 17)

    assert [periods.current(kind, day).kode for kind in periods.KINDS] == [
        "2026-08",
        "2026-Q3",
        "2026-S2",
        "2026",
    ]


@pytest.mark.parametrize(
    "code",
    [
        "",
        "2026-13",
        "2026-Q5",
        "2026-S3",
        "26-01",
        "2026-1",
        "maret",
        "2026-02-30..2026-03-01",
        "2026-03-10..2026-03-01",
    ],
)
def test_a_code_that_names_no_period_is_refused(code):
    with pytest.raises(ValueError):
        periods.parse(code)
