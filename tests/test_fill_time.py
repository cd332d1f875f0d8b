"""The fill time a browser sends with a form: kept when sane, dropped silently."""

from __future__ import annotations

import pytest

from tests.helpers import guestbook_answers, guestbook_rows, survey_answers, survey_rows


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("212", 212),
        ("3", 3),
        ("86400", 86400),
        (" 45 ", 45),
        (None, None),
        ("", None),
        ("86401", None),
        ("-5", None),
        ("12.5", None),
        ("3e2", None),
        ("dua menit", None),
        ("9" * 40, None),
        ("2026-12-04T10:00:00+07:00", None),
    ],
)
def test_a_survey_stores_whole_seconds_within_a_day_and_drops_the_rest(
    app, client, sent, stored
):
    response = client.post("/kirim/survei", data=survey_answers(durasi=sent))

    assert response.status_code == 303
    with app.app_context():
        [row] = survey_rows()
        assert row.durasi_detik == stored


def test_a_guestbook_entry_stores_its_fill_time_too(app, client):
    response = client.post("/kirim/buku-tamu", data=guestbook_answers(durasi="40"))

    assert response.status_code == 303
    with app.app_context():
        [row] = guestbook_rows()
        assert row.durasi_detik == 40


def test_a_bad_fill_time_never_shows_the_visitor_a_message(client):
    data = survey_answers(durasi="lama", persyaratan=None)
    page = client.post("/kirim/survei", data=data).get_data(as_text=True)

    assert "Pertanyaan 1 belum dijawab" in page
    assert "Ada 1 isian yang perlu diperbaiki" in page
