"""Migrations upgrade a database of an older schema without losing its rows."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from collector import create_app
from collector.db import db

ROWS = {
    "survei": (
        "INSERT INTO survei (kirim_id, unit, dibuat, tanggal, sumber, layanan, "
        "persyaratan, prosedur, saran) VALUES (:k, 'rutan-batusangkar', "
        "'2026-01-05 01:00:00', '2026-01-05', 'online', 'kunjungan', 4, :n, :s)"
    ),
    "buku_tamu": (
        "INSERT INTO buku_tamu (kirim_id, unit, dibuat, tanggal, sumber, layanan, "
        "nama, jumlah_pengikut) VALUES (:k, 'rutan-batusangkar', "
        "'2026-01-05 01:00:00', '2026-01-05', 'kertas', 'kunjungan', :s, :n)"
    ),
}


@pytest.fixture
def fresh_app(app_config):
    """Return a collector whose database has no tables yet."""
    app = create_app(app_config)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def snapshot(table: str) -> list[dict]:
    """Return every row of a table as a mapping of column to value."""
    query = sa.text(f"SELECT * FROM {table} ORDER BY id")
    rows = [dict(row) for row in db.session.execute(query).mappings()]
    # End the read so that a migration's ALTER TABLE does not wait for its lock.
    db.session.rollback()

    return rows


def head() -> str:
    """Return the revision the database is at."""
    query = sa.text("SELECT version_num FROM alembic_version")
    revision = db.session.execute(query).scalar_one()
    db.session.rollback()

    return revision


def test_rows_of_the_first_schema_survive_every_later_migration(fresh_app):
    with fresh_app.app_context():
        upgrade(revision="0001")
        for insert in ROWS.values():
            for n in range(1, 4):
                db.session.execute(sa.text(insert), {
                    "k": f"00000000-0000-4000-8000-00000000000{n}",
                    "n": n, "s": f"Isian ke-{n} “ketik” <b>",
                })
        db.session.commit()
        before = {table: snapshot(table) for table in ROWS}

        upgrade()
        after = {table: snapshot(table) for table in ROWS}
        latest = head()

        downgrade(revision="0001")
        upgrade()
        again = {table: snapshot(table) for table in ROWS}

    assert len(before["survei"]) == len(before["buku_tamu"]) == 3
    old_columns = {table: set(rows[0]) for table, rows in before.items()}
    assert {
        table: [{key: row[key] for key in old_columns[table]} for row in rows]
        for table, rows in after.items()
    } == before
    assert again == after
    assert latest != "0001"
