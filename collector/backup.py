"""The backup command: a consistent copy of a live SQLite database."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import click
from flask.cli import with_appcontext

from .db import db

log = logging.getLogger(__name__)


def copy_sqlite(source: str, destination: Path) -> dict[str, int]:
    """Copy a SQLite database with SQLite's backup API and count the copied rows."""
    partial = destination.with_name(destination.name + ".sebagian")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(source, timeout=30) as live:
        target = sqlite3.connect(partial)
        try:
            # One step: the copy is one snapshot while writers go on in the WAL.
            live.backup(target, pages=-1)
            target.execute("PRAGMA journal_mode=DELETE")
            tables = [
                row[0]
                for row in target.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            counts = {
                table: target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in tables
            }
        finally:
            target.close()
    live.close()
    partial.replace(destination)

    return counts


@click.command("backup")
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite DESTINATION if it exists.")
@with_appcontext
def backup(destination: Path, force: bool) -> None:
    """Copy the live SQLite database to DESTINATION, consistently."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(
            "the database is PostgreSQL: back it up with pg_dump, e.g. "
            "pg_dump -Fc -f collector.dump DBNAME (restore with pg_restore)"
        )

    if destination.exists() and not force:
        raise click.ClickException(
            f"{destination} exists; pass --force to overwrite it"
        )

    if not url.database or not Path(url.database).is_file():
        raise click.ClickException(f"no SQLite database at {url.database!r}")

    counts = copy_sqlite(url.database, destination)
    log.info("backup of %s written to %s", url.database, destination)
    for table, rows in counts.items():
        click.echo(f"{table}: {rows} rows copied")
    click.echo(f"Backup written to {destination}.")
