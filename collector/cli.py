"""Command-line tools: the index report and the import of paper questionnaires."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select

from . import (
    backup,
    ikm,
    importer,
    kiosk_admin,
    layanan,
    publication,
    reports,
    retention,
)
from .db import db
from .users import ROLES, User

log = logging.getLogger(__name__)

ikm_cli = AppGroup("ikm", help="Compute, report and import the satisfaction index.")


def parse_day(ctx, param, value: str | None) -> date | None:
    """Parse a YYYY-MM-DD option into a date."""
    if value is None:
        return None

    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2026-01-31") from None


def format_table(result: ikm.IkmResult, period: reports.Period, service: str) -> str:
    """Return the report as a readable text table."""
    lines = [
        f"IKM {period.start} to {period.end} ({service})",
        f"Respondents: {result.respondents}",
        "",
        f"{'unsur':<12} {'answered':>8} {'NRR':>7} {'IKM':>7} mutu",
    ]
    for item in result.unsur:
        nrr = item.nrr_rounded if item.nrr is not None else "-"
        value = item.ikm if item.ikm is not None else "-"
        mutu = item.grade.mutu if item.grade else "-"
        row = f"{item.key:<12} {item.answered:>8} {nrr!s:>7} {value!s:>7} {mutu}"
        lines.append(row)

    lines.append("")
    if result.ikm is None:
        lines.append("IKM: belum ada data")
    else:
        lines.append(f"IKM: {result.ikm} ({result.mutu}, {result.kinerja})")

    return "\n".join(lines)


@ikm_cli.command("report")
@click.option("--from", "start", required=True, callback=parse_day, help="First day.")
@click.option("--to", "end", required=True, callback=parse_day, help="Last day.")
@click.option("--layanan", "service", default=None, help="Only this service code.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def report(start: date, end: date, service: str | None, as_json: bool) -> None:
    """Print the index for a period, both end days included."""
    try:
        period = reports.Period(start, end)
    except ValueError as error:
        raise click.UsageError(str(error)) from None

    codes = [code for code, _ in layanan.choices(current_app.config["DOCS_DIR"])]
    if service and service not in codes:
        raise click.UsageError(
            f"unknown service '{service}'; known: {', '.join(codes)}"
        )

    respondents, totals = reports.survey_totals(period, service)
    result = ikm.compute(respondents, totals)
    if as_json:
        data = result.as_dict()
        data.update({"from": str(start), "to": str(end), "layanan": service})
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, period, service or "all services"))


@ikm_cli.command("import")
@click.argument(
    "csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def import_paper(csv_file: Path) -> None:
    """Import paper questionnaires from a CSV file, all rows or none."""
    config = current_app.config
    result = importer.check(
        csv_file.read_bytes(),
        layanan.choices(config["DOCS_DIR"]),
        config["UNIT_CODE"],
        config["TIMEZONE"],
    )
    if result.errors:
        for message in result.errors:
            click.echo(message, err=True)
        raise click.ClickException(
            f"{csv_file}: {len(result.errors)} problem(s); nothing was imported"
        )

    count = importer.save(result)
    log.info("imported %d paper questionnaires from %s", count, csv_file)
    click.echo(f"Imported {count} paper questionnaires from {csv_file}.")


users_cli = AppGroup("users", help="Manage the accounts of the admin pages.")


def find_user(username: str) -> User:
    """Return the account with that name, or stop with a clear message."""
    user = db.session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise click.ClickException(f"no user named '{username}'")

    return user


def new_password(password: str | None) -> str:
    """Return the given password, or ask for one twice without echoing it."""
    return password or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(sorted(ROLES)), required=True)
@click.option("--password", help="The password; asked for when left out.")
def create_user(username: str, role: str, password: str | None) -> None:
    """Create an account with a role."""
    if db.session.scalars(select(User).where(User.username == username)).first():
        raise click.ClickException(f"a user named '{username}' already exists")

    user = User(username=username, role=role)
    try:
        user.set_password(new_password(password))
    except ValueError as error:
        raise click.ClickException(str(error)) from None

    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {username} with role {role}.")


@users_cli.command("set-password")
@click.argument("username")
@click.option("--password", help="The new password; asked for when left out.")
def set_password(username: str, password: str | None) -> None:
    """Set a new password for an account."""
    user = find_user(username)
    try:
        user.set_password(new_password(password))
    except ValueError as error:
        raise click.ClickException(str(error)) from None

    db.session.commit()
    click.echo(f"Password of {username} changed.")


@users_cli.command("disable")
@click.argument("username")
def disable_user(username: str) -> None:
    """Stop an account from signing in."""
    user = find_user(username)
    user.aktif = False
    db.session.commit()
    click.echo(f"Disabled {username}.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(ikm_cli)
    ikm_cli.add_command(publication.publish_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(retention.purge_command)
    app.cli.add_command(kiosk_admin.kiosk_cli)
    app.cli.add_command(backup.backup)
