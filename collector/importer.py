"""Paper questionnaires typed into a spreadsheet, imported whole or not at all."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from werkzeug.datastructures import MultiDict

from .db import db, utcnow
from .forms import survey_form
from .kuesioner import UNSUR_KEYS
from .models import SurveyResponse

PROFILE = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran")
REQUIRED_COLUMNS = ("tanggal", "layanan", *UNSUR_KEYS)


@dataclass
class ImportResult:
    rows: list[SurveyResponse] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]
    extra: bool


def read_rows(raw: bytes) -> tuple[list[str], list[Row]]:
    """Decode a CSV file from Excel or LibreOffice, comma or semicolon separated."""
    text = raw.decode("utf-8-sig")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [name.strip().lower() for name in next(reader, [])]

    rows = []
    start = reader.line_num + 1
    for cells in reader:
        # A record's number is the line it starts on: a quoted suggestion may
        # span several lines of the file.
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue

        values = {
            name: cell.strip() for name, cell in zip(columns, cells, strict=False)
        }
        extra = any(cell.strip() for cell in cells[len(columns) :])
        rows.append(Row(line, values, extra))

    return columns, rows


def parse_date(value: str, today: date) -> date:
    """Parse a YYYY-MM-DD local date that is not in the future."""
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"'{value}' is not a date like 2026-01-31") from None

    if day > today:
        raise ValueError(f"{day} is in the future")

    return day


def column_errors(columns: list[str]) -> list[str]:
    """Return what is wrong with the header row, or nothing."""
    allowed = (*REQUIRED_COLUMNS, *PROFILE)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in allowed]
    repeated = sorted({name for name in columns if columns.count(name) > 1})

    errors = []
    if missing:
        errors.append(f"missing columns: {', '.join(missing)}")
    if unknown:
        errors.append(
            f"unknown columns: {', '.join(unknown)}; allowed: {', '.join(allowed)}"
        )
    if repeated:
        errors.append(f"repeated columns: {', '.join(repeated)}")

    return errors


def check(
    raw: bytes, services: list[tuple[str, str]], unit: str, timezone: str
) -> ImportResult:
    """Validate every row of a paper-questionnaire CSV and build its records."""
    result = ImportResult()
    try:
        columns, rows = read_rows(raw)
    except UnicodeDecodeError:
        result.errors.append("the file is not UTF-8 text; save it as CSV UTF-8")
        return result
    except csv.Error as error:
        result.errors.append(f"the file is not readable as CSV: {error}")
        return result

    result.errors += column_errors(columns)
    if result.errors:
        return result

    form_class = survey_form(tuple(services), paper=True)
    today = utcnow().astimezone(ZoneInfo(timezone)).date()
    for row in rows:
        problems = []
        if row.extra:
            problems.append("more cells than columns")

        try:
            day = parse_date(row.cells.get("tanggal", ""), today)
        except ValueError as error:
            problems.append(f"tanggal: {error}")

        form = form_class(MultiDict(row.cells))
        if not form.validate():
            problems += [f"{name}: {msgs[0]}" for name, msgs in form.errors.items()]

        if problems:
            result.errors.append(f"row {row.line}: " + "; ".join(problems))
            continue

        answers = form.answers()
        answers.pop("kirim_id", None)
        for key in ("usia", *UNSUR_KEYS):
            if answers.get(key) is not None:
                answers[key] = int(answers[key])

        result.rows.append(
            SurveyResponse(**answers, unit=unit, tanggal=day, sumber="kertas")
        )

    if not rows:
        result.errors.append("the file has no rows")

    return result


def save(result: ImportResult) -> int:
    """Store every row of a checked import in one transaction."""
    db.session.add_all(result.rows)
    db.session.commit()

    return len(result.rows)
