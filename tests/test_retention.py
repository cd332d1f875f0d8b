"""The retention purge erases old personal data and keeps what the counts need."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from collector.db import db
from collector.localdays import months_before
from collector.models import GuestbookEntry
from collector.users import AuditEntry
from tests.helpers import jakarta_today, stored_entry


def a_year_before(day: date) -> date:
    """Return the same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@pytest.fixture
def entries(app) -> dict[str, int]:
    """Store an entry before, on and after the first day that keeps its data."""
    first_kept = a_year_before(jakarta_today())
    with app.app_context():
        return {
            "old": stored_entry(first_kept - timedelta(days=1), nama="Lama").id,
            "boundary": stored_entry(first_kept, nama="Batas").id,
            "recent": stored_entry(jakarta_today(), nama="Baru").id,
        }


def stored(app) -> dict[int, GuestbookEntry]:
    """Return every entry by id, loaded fresh."""
    with app.app_context():
        rows = db.session.scalars(select(GuestbookEntry)).all()
        db.session.expunge_all()

    return {row.id: row for row in rows}


def test_a_dry_run_reports_and_changes_nothing(app, runner, entries):
    result = runner.invoke(args=["purge", "--dry-run"])

    assert result.exit_code == 0, result.output
    assert "Would erase personal data of 1 guestbook entries dated before " in (
        result.output
    )
    assert f"before {a_year_before(jakarta_today())} " in result.output
    assert stored(app)[entries["old"]].nama == "Lama"


def test_the_purge_erases_old_personal_data_keeps_counts_and_is_audited(
    app, runner, entries
):
    result = runner.invoke(args=["purge"])
    rows = stored(app)
    old = rows[entries["old"]]

    assert result.exit_code == 0, result.output
    assert result.output.startswith("Erased personal data of 1 guestbook entries")
    assert [old.nama, old.telepon, old.asal, old.keperluan] == [None] * 4
    assert (old.layanan, old.jumlah_pengikut, old.sumber) == ("kunjungan", 2, "online")
    assert old.tanggal == a_year_before(jakarta_today()) - timedelta(days=1)
    assert old.dihapus_pada is not None
    assert rows[entries["boundary"]].nama == "Batas"
    assert rows[entries["recent"]].nama == "Baru"
    with app.app_context():
        audit = db.session.scalars(select(AuditEntry)).one()
        assert (audit.username, audit.aksi) == ("(perintah)", "purge")
        assert audit.rincian.startswith("data pribadi 1 entri buku tamu sebelum ")


def test_a_second_purge_finds_nothing_to_do(app, runner, entries):
    runner.invoke(args=["purge"])
    erased_at = stored(app)[entries["old"]].dihapus_pada
    second = runner.invoke(args=["purge"])

    assert second.exit_code == 0
    assert "Erased personal data of 0 guestbook entries" in second.output
    assert stored(app)[entries["old"]].dihapus_pada == erased_at


def test_the_retention_period_is_a_setting(app, runner, entries):
    app.config["RETENTION_MONTHS"] = 0
    result = runner.invoke(args=["purge"])

    assert "Erased personal data of 2 guestbook entries" in result.output
    assert stored(app)[entries["recent"]].nama == "Baru"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 4), 12, date(2025, 12, 4)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
        (date(2026, 5, 1), 0, date(2026, 5, 1)),
    ],
)
def test_months_before_stays_in_the_target_month(day, months, expected):
    assert months_before(day, months) == expected
