"""`flask backup`: a consistent copy of the live SQLite database, and its restore."""

from __future__ import annotations

import sqlite3
import threading
import uuid

import pytest
from flask_migrate import upgrade

from collector import create_app
from collector.db import db
from tests.helpers import survey_rows

INSERT = (
    "INSERT INTO survei (kirim_id, unit, dibuat, tanggal, sumber, layanan, "
    "persyaratan, saran) VALUES (?, 'u', '2026-01-05 01:00:00', '2026-01-05', "
    "'online', 'kunjungan', 4, ?)"
)


@pytest.fixture
def sqlite_app(built_site, tmp_path, monkeypatch):
    """Return a collector on a migrated SQLite file, whatever the database tests use."""
    monkeypatch.setenv("COLLECTOR_INSTANCE_PATH", str(tmp_path / "instance"))
    database = tmp_path / "live.sqlite3"
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SITE_DIR": str(built_site),
        "DATABASE_URL": f"sqlite:///{database}",
    })
    with app.app_context():
        upgrade()
    app.database = database
    yield app
    with app.app_context():
        db.engine.dispose()


def write_rows(database, ids: list[str], stop: threading.Event | None = None) -> None:
    """Commit survey rows one by one, as visitors' posts do."""
    connection = sqlite3.connect(database, timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    try:
        while stop is None or not stop.is_set():
            kirim_id = str(uuid.uuid4())
            connection.execute(INSERT, (kirim_id, "s" * 1500))
            connection.commit()
            ids.append(kirim_id)
            if stop is None and len(ids) >= 3000:
                return
    finally:
        connection.close()


def test_a_backup_of_a_live_database_holds_every_row_committed_before_it(
    sqlite_app, tmp_path
):
    before: list[str] = []
    write_rows(sqlite_app.database, before)
    during: list[str] = []
    stop = threading.Event()
    writer = threading.Thread(
        target=write_rows, args=(sqlite_app.database, during, stop)
    )
    writer.start()
    destination = tmp_path / "salinan.sqlite3"
    try:
        result = sqlite_app.test_cli_runner().invoke(args=["backup", str(destination)])
    finally:
        stop.set()
        writer.join()

    assert result.exit_code == 0, result.output
    copied = int(result.output.split("survei: ")[1].split(" rows")[0])
    assert 3000 <= copied <= 3000 + len(during)
    assert len(during) > 0
    with sqlite3.connect(destination) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()

    restored = create_app({
        **sqlite_app.config,
        "DATABASE_URL": f"sqlite:///{destination}",
        "SQLALCHEMY_DATABASE_URI": None,
    })
    with restored.app_context():
        ids = {row.kirim_id for row in survey_rows()}
        db.engine.dispose()
    assert set(before) <= ids
    assert len(ids) == copied


def test_a_backup_refuses_to_overwrite_a_file_unless_forced(sqlite_app, tmp_path):
    destination = tmp_path / "ada.sqlite3"
    destination.write_bytes(b"berkas lama")
    runner = sqlite_app.test_cli_runner()

    refused = runner.invoke(args=["backup", str(destination)])
    assert refused.exit_code != 0
    assert "exists; pass --force" in refused.output
    assert destination.read_bytes() == b"berkas lama"

    forced = runner.invoke(args=["backup", "--force", str(destination)])
    assert forced.exit_code == 0, forced.output
    assert "survei: 0 rows copied" in forced.output


def test_the_backup_command_copies_sqlite_and_points_postgresql_to_pg_dump(
    app, runner, tmp_path
):
    result = runner.invoke(args=["backup", str(tmp_path / "salinan")])

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        assert result.exit_code == 0, result.output
        assert "buku_tamu: 0 rows copied" in result.output
    else:
        assert result.exit_code != 0
        assert "pg_dump -Fc" in result.output
        assert not (tmp_path / "salinan").exists()
