"""The retention rule: personal data of old guestbook entries is erased."""

from __future__ import annotations

import logging
from datetime import date

import click
from flask import current_app
from flask.cli import with_appcontext

from . import guestbook, localdays
from .db import db
from .users import AuditEntry

log = logging.getLogger(__name__)


def cutoff() -> date:
    """Return the first local day whose entries keep their personal data."""
    months = int(current_app.config["RETENTION_MONTHS"])

    return localdays.months_before(localdays.today(), months)


@click.command("purge")
@with_appcontext
@click.option("--dry-run", is_flag=True, help="Only report what would be erased.")
def purge_command(dry_run: bool) -> None:
    """Erase names, phones, origins and purposes of guestbook entries past retention."""
    first_kept = cutoff()
    months = current_app.config["RETENTION_MONTHS"]
    if dry_run:
        count = guestbook.count_purgeable(first_kept)
        click.echo(
            f"Would erase personal data of {count} guestbook entries dated before "
            f"{first_kept} (RETENTION_MONTHS={months}). Nothing changed."
        )
        return

    count = guestbook.purge(first_kept)
    detail = f"data pribadi {count} entri buku tamu sebelum {first_kept} dihapus"
    db.session.add(AuditEntry(username="(perintah)", aksi="purge", rincian=detail))
    db.session.commit()
    log.info("purged %d guestbook entries before %s", count, first_kept)
    click.echo(
        f"Erased personal data of {count} guestbook entries dated before "
        f"{first_kept} (RETENTION_MONTHS={months})."
    )
