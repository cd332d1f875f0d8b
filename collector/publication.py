"""Publish a period's index into the site's results file for the next build."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext

from . import laporan, layanan, periods
from .db import db, utcnow
from .users import AuditEntry

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
PUBLISHABLE = ("bulan", "triwulan", "semester", "tahun")


class NothingToPublish(ValueError):
    """A period whose index cannot be computed yet."""


def read(path: Path) -> dict[str, Any]:
    """Return the results file, or an empty one before the first publication."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}

    return {"versi": FORMAT_VERSION, "periode": list(data.get("periode", []))}


def merged(data: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Return the results with the period's record added or replaced, in date order."""
    kept = [item for item in data["periode"] if item["kode"] != record["kode"]]
    kept.append(record)

    def order(item: dict[str, Any]) -> tuple[str, int]:
        # Among periods ending the same day the longest comes last, so a year
        # published after its December is still the latest figure.
        return item["sampai"], -date.fromisoformat(item["dari"]).toordinal()

    return {**data, "periode": sorted(kept, key=order)}


def write(path: Path, data: dict[str, Any]) -> None:
    """Replace the results file in one step, so a build never reads half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".hasil-", text=True)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)

    os.replace(temporary, path)


def publish(periode: periods.Periode) -> dict[str, Any]:
    """Write the period's results into RESULTS_FILE and return the written record."""
    if periode.jenis not in PUBLISHABLE:
        raise ValueError(
            "only a month, quarter, half-year or year can be published, "
            f"not {periode.kode}"
        )

    config = current_app.config
    services = layanan.choices(config["DOCS_DIR"])
    report = laporan.build(periode, services)
    if report.hasil.ikm is None:
        raise NothingToPublish(
            f"{periode.kode} has no index yet ({report.hasil.respondents} respondents, "
            "or an element nobody answered); nothing was published"
        )

    record = laporan.publication(report, utcnow())
    path = Path(config["RESULTS_FILE"])
    write(path, merged(read(path), record))
    log.info(
        "published %s: respondents=%s ikm=%s to %s",
        periode.kode,
        record["respondents"],
        record["ikm"],
        path,
    )

    return record


def describe(record: dict[str, Any]) -> str:
    """Return the audit line of a publication."""
    return (
        f"{record['kode']}: IKM {record['ikm'] or 'belum ada data'}, "
        f"{record['respondents']} responden"
    )


@click.command("publish")
@click.option(
    "--period",
    "code",
    required=True,
    help="YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY, e.g. 2026-Q1.",
)
@with_appcontext
def publish_command(code: str) -> None:
    """Write a period's index into the site's results file for the next build."""
    try:
        periode = periods.parse(code)
        record = publish(periode)
    except ValueError as error:
        raise click.UsageError(str(error)) from None

    db.session.add(
        AuditEntry(
            username="(baris perintah)", aksi="terbitkan", rincian=describe(record)
        )
    )
    db.session.commit()
    click.echo(
        f"Published {periode.kode} ({record['respondents']} respondents, "
        f"IKM {record['ikm'] or 'no data'}) to {current_app.config['RESULTS_FILE']}. "
        "Rebuild the site to show it."
    )
