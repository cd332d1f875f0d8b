"""The fill-time figures for the report: median and share within five minutes."""

from __future__ import annotations

from datetime import date

import pytest

from collector import fill_times
from collector.reports import Period
from tests.helpers import survey_answers


@pytest.mark.parametrize(
    ("seconds", "median", "within", "share"),
    [
        ([], None, 0, None),
        ([120], 120, 1, 1.0),
        ([60, 300, 301, 900], 300.5, 2, 0.5),
        ([299, 300, 301], 300, 2, 2 / 3),
    ],
)
def test_the_median_and_the_share_within_five_minutes(seconds, median, within, share):
    result = fill_times.summarise(seconds)

    assert result.measured == len(seconds)
    assert result.median_seconds == median
    assert result.within_standard == within
    assert result.share_within == share
    assert result.standard_seconds == 300


def test_only_measured_survey_rows_of_the_period_count(app, client):
    for sent in ("100", "400", "", "junk"):
        client.post("/kirim/survei", data=survey_answers(durasi=sent))

    with app.app_context():
        seconds = fill_times.durations(Period(date(2000, 1, 1), date(2100, 1, 1)))
        empty = fill_times.durations(Period(date(2000, 1, 1), date(2000, 1, 2)))

    assert sorted(seconds) == [100, 400]
    assert empty == []
