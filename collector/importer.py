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


def read_rows(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Decode a CSV file from Excel or LibreOffice, comma or semicolon separated."""
    text = raw.decode("utf-8-sig")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)

    return [name.strip() for name in reader.fieldnames or []], rows


def parse_date(value: str, today: date) -> date:
    """Parse a YYYY-MM-DD local date that is not in the future."""
    day = datetime.strptime(value.strip(), "%Y-%m-%d").date()
    if day > today:
        raise ValueError(f"tanggal {day} belum terjadi")

    return day


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

    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in (*REQUIRED_COLUMNS, *PROFILE)]
    if missing or unknown:
        if missing:
            result.errors.append(f"missing columns: {', '.join(missing)}")
        if unknown:
            result.errors.append(f"unknown columns: {', '.join(unknown)}")
        return result

    form_class = survey_form(tuple(services), paper=True)
    today = utcnow().astimezone(ZoneInfo(timezone)).date()
    for line, row in enumerate(rows, start=2):
        values = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        form = form_class(MultiDict(values))
        problems = []
        try:
            day = parse_date(values["tanggal"], today)
        except ValueError as error:
            problems.append(f"tanggal: {error}")

        if not form.validate():
            problems += [f"{name}: {msgs[0]}" for name, msgs in form.errors.items()]

        if problems:
            result.errors.append(f"row {line}: " + "; ".join(problems))
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
