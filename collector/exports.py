"""Write datasets as CSV and XLSX files that open cleanly in Indonesian Excel.

Text cells that a spreadsheet would run as a formula (starting with =, +, -,
@, a tab or a carriage return) are neutralised: in CSV by a leading
apostrophe, which Excel hides; in XLSX by a string cell with Excel's own
quote-prefix flag, so the text itself is unchanged. Numeric columns are
written as numbers and never touched. Phone numbers are written so that they
start with a digit and keep every digit: 0812-3456-7890 for Indonesian
numbers, 00 in place of + for others.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import phonenumbers
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from .datasets import Column, Dataset
from .ikm import IkmResult
from .reports import Period

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Summary:
    period: Period
    service: str
    index: IkmResult
    per_service: list[tuple[str, int, str]]


def clean(text: str) -> str:
    """Replace the control characters that spreadsheet files cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", text)


def phone_text(value: str) -> str:
    """Return a stored E.164 number as text that starts with a digit."""
    try:
        number = phonenumbers.parse(value, "ID")
    except phonenumbers.NumberParseException:
        return value

    text = phonenumbers.format_out_of_country_calling_number(number, "ID")

    return "00" + text[1:] if text.startswith("+") else text


def text_value(column: Column, value: Any) -> str | None:
    """Return the text a text or phone cell shows, cleaned, or None when empty."""
    if value is None or value == "":
        return None

    text = clean(str(value))

    return phone_text(text) if column.kind == "phone" else text


def csv_cell(column: Column, value: Any, decimal_comma: bool) -> str:
    """Return one CSV field: numbers plain, formula-like text neutralised."""
    if value is None:
        return ""

    if column.kind in ("int", "decimal"):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text

    if column.kind == "date":
        return value.isoformat()

    text = text_value(column, value) or ""

    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def to_csv(
    dataset: Dataset, rows: list[dict], delimiter: str = ";", decimal_comma: bool = True
) -> bytes:
    """Return the rows as UTF-8 CSV with a byte-order mark, Excel's dialect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", delimiter=delimiter)
    writer.writerow([column.key for column in dataset.columns])
    for row in rows:
        writer.writerow(
            [csv_cell(c, row.get(c.key), decimal_comma) for c in dataset.columns]
        )

    return buffer.getvalue().encode("utf-8-sig")


def put(sheet, row: int, col: int, value: Any, column: Column | None = None):
    """Write one XLSX cell: numbers as numbers, text always as a string."""
    cell = sheet.cell(row=row, column=col)
    kind = column.kind if column else "text"
    if value is None:
        return cell

    if kind in ("int", "decimal") or isinstance(value, int | Decimal):
        cell.value = value
        places = -value.as_tuple().exponent if isinstance(value, Decimal) else 0
        if places > 0:
            cell.number_format = "0." + "0" * places
        return cell

    if isinstance(value, date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
        return cell

    text = text_value(column, value) if column else clean(str(value))
    cell.value = text
    # Assigning text that starts with '=' makes openpyxl write a formula.
    cell.data_type = "s"
    if text and text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True

    return cell


def header(sheet, row: int, titles: list[str]) -> None:
    """Write a bold header row."""
    for col, title in enumerate(titles, 1):
        put(sheet, row, col, title).font = BOLD


def data_sheet(sheet, dataset: Dataset, rows: list[dict]) -> None:
    """Fill the data sheet, one row per record."""
    header(sheet, 1, [column.key for column in dataset.columns])
    for r, row in enumerate(rows, 2):
        for c, column in enumerate(dataset.columns, 1):
            put(sheet, r, c, row.get(column.key), column)
    sheet.freeze_panes = "A2"


def summary_sheet(sheet, dataset: Dataset, summary: Summary, rows: int) -> None:
    """Fill the summary sheet: the period, the index and the counts per service."""
    result = summary.index
    facts = [
        ("Data", dataset.title),
        ("Periode", f"{summary.period.start} s.d. {summary.period.end}"),
        ("Layanan", summary.service),
        ("Baris data", rows),
        ("Responden survei", result.respondents),
        ("IKM", result.ikm),
        ("Mutu", result.mutu),
        ("Kinerja", result.kinerja),
    ]
    for r, (label, value) in enumerate(facts, 1):
        put(sheet, r, 1, label).font = BOLD
        put(sheet, r, 2, value if value is not None else "belum ada data")

    start = len(facts) + 2
    header(sheet, start, ["Unsur", "Dijawab", "NRR", "Nilai (NRR x 25)", "Mutu"])
    for r, item in enumerate(result.unsur, start + 1):
        values = [
            item.key,
            item.answered,
            item.nrr_rounded,
            item.ikm,
            item.grade.mutu if item.grade else None,
        ]
        for c, value in enumerate(values, 1):
            put(sheet, r, c, value)

    start += len(result.unsur) + 2
    header(sheet, start, ["Layanan", "Jumlah", "Keterangan"])
    for r, (code, count, note) in enumerate(summary.per_service, start + 1):
        for c, value in enumerate((code, count, note), 1):
            put(sheet, r, c, value)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 30


def codebook_sheet(sheet, dataset: Dataset, services: dict[str, str]) -> None:
    """Fill the codebook: every column, what it means and what its codes stand for."""
    header(sheet, 1, ["Kolom", "Jenis", "Arti", "Kode"])
    kinds = {
        "int": "angka",
        "decimal": "angka desimal",
        "date": "tanggal",
        "text": "teks",
        "phone": "teks (nomor telepon)",
    }
    for r, column in enumerate(dataset.columns, 2):
        codes = column.codes
        if column.key == "layanan":
            codes = "; ".join(f"{code} = {title}" for code, title in services.items())
        values = (column.key, kinds[column.kind], column.meaning, codes)
        for c, value in enumerate(values, 1):
            put(sheet, r, c, value).alignment = WRAP
    note_row = len(dataset.columns) + 3
    put(sheet, note_row, 1, "Catatan").font = BOLD
    put(
        sheet,
        note_row,
        3,
        "Sel teks yang diawali =, +, -, @ ditandai sebagai teks "
        "agar tidak dijalankan sebagai rumus; isinya tidak diubah.",
    ).alignment = WRAP
    for letter, width in zip("ABCD", (18, 14, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width


def to_xlsx(
    dataset: Dataset, rows: list[dict], summary: Summary, services: dict[str, str]
) -> bytes:
    """Return an XLSX workbook with the data, a summary and a codebook sheet."""
    book = Workbook()
    data = book.active
    data.title = "Data"
    data_sheet(data, dataset, rows)
    summary_sheet(book.create_sheet("Ringkasan"), dataset, summary, len(rows))
    codebook_sheet(book.create_sheet("Kode"), dataset, services)
    buffer = io.BytesIO()
    book.save(buffer)

    return buffer.getvalue()
