"""Exports read back with openpyxl and with the csv module in Excel's dialect."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from collector import ikm, kuesioner, reports
from collector.db import db
from collector.users import AuditEntry
from tests.helpers import stored_entry, stored_response

BOM = b"\xef\xbb\xbf"
MARCH = {"dari": "2026-03-01", "sampai": "2026-03-31"}


@pytest.fixture
def march(app):
    """Store survey responses and guestbook entries around March 2026."""
    with app.app_context():
        stored_response(date(2026, 2, 28), saran="di luar periode")
        stored_response(
            date(2026, 3, 1),
            saran='=HYPERLINK("http://x","klik")',
            persyaratan=3,
            waktu=None,
        )
        stored_response(
            date(2026, 3, 31),
            saran="-5 menit lebih cepat\x07",
            layanan="pengaduan",
            usia=61,
            prosedur=2,
        )
        stored_response(date(2026, 4, 1), saran="di luar periode")
        stored_entry(date(2026, 3, 1), nama="@Siti", telepon="+6281234567890")
        stored_entry(
            date(2026, 3, 31),
            nama="Budi",
            telepon="+12025550123",
            keperluan="+62 hubungi balik\r\nbesok",
        )
        stored_entry(date(2026, 4, 1), nama="Sesudah")


def read_csv(response, delimiter: str = ";") -> list[dict[str, str]]:
    """Check the byte-order mark and return the rows of a CSV download."""
    body = response.get_data()
    assert body.startswith(BOM)
    text = body[len(BOM) :].decode("utf-8")

    return list(csv.DictReader(io.StringIO(text), dialect="excel", delimiter=delimiter))


def read_xlsx(response):
    """Return the workbook of an XLSX download."""
    return load_workbook(io.BytesIO(response.get_data()))


def test_survey_csv_holds_the_period_with_both_end_days(march, admin_client):
    response = admin_client.get("/admin/ekspor/survei.csv", query_string=MARCH)
    rows = read_csv(response)

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "survei_2026-03-01_2026-03-31.csv" in response.headers["Content-Disposition"]
    assert [row["tanggal"] for row in rows] == ["2026-03-01", "2026-03-31"]
    assert [row["no"] for row in rows] == ["1", "2"]


def test_survey_csv_neutralises_formulas_and_keeps_numbers_plain(march, admin_client):
    rows = read_csv(admin_client.get("/admin/ekspor/survei.csv", query_string=MARCH))

    assert rows[0]["saran"] == '\'=HYPERLINK("http://x","klik")'
    assert rows[1]["saran"] == "'-5 menit lebih cepat "
    assert (rows[0]["persyaratan"], rows[0]["waktu"], rows[1]["usia"]) == (
        "3",
        "",
        "61",
    )
    assert "nama" not in rows[0] and "telepon" not in rows[0]


def test_survey_csv_can_use_commas_and_a_service_filter(march, admin_client):
    query = {**MARCH, "pemisah": "koma", "layanan": "pengaduan"}
    rows = read_csv(
        admin_client.get("/admin/ekspor/survei.csv", query_string=query), ","
    )

    assert [(row["tanggal"], row["layanan"]) for row in rows] == [
        ("2026-03-31", "pengaduan")
    ]


@pytest.mark.parametrize(("decimal", "nrr"), [("koma", "3,5000"), ("titik", "3.5000")])
def test_the_index_csv_writes_the_decimal_mark_asked_for(
    march, admin_client, decimal, nrr
):
    query = {**MARCH, "desimal": decimal}
    rows = read_csv(admin_client.get("/admin/ekspor/ikm.csv", query_string=query))

    assert rows[0]["unsur"] == "persyaratan" and rows[0]["nrr"] == nrr
    assert rows[-1]["unsur"] == "IKM" and rows[-1]["dijawab"] == "2"


def test_guestbook_csv_keeps_phone_numbers_whole_and_never_a_formula(
    march, admin_client
):
    rows = read_csv(admin_client.get("/admin/ekspor/buku-tamu.csv", query_string=MARCH))

    assert [row["telepon"] for row in rows] == ["0812-3456-7890", "001 202-555-0123"]
    assert rows[0]["nama"] == "'@Siti"
    assert rows[1]["keperluan"] == "'+62 hubungi balik\r\nbesok"
    assert rows[1]["jumlah_pengikut"] == "2"


def test_a_reversed_period_is_refused_in_indonesian(admin_client):
    response = admin_client.get(
        "/admin/ekspor/survei.csv",
        query_string={"dari": "2026-03-31", "sampai": "2026-03-01"},
    )

    assert response.status_code == 400
    assert "Tanggal akhir (2026-03-01) sebelum tanggal awal (2026-03-31)." in (
        response.get_data(as_text=True)
    )


def test_survey_xlsx_has_typed_cells_and_neutralised_text(march, admin_client):
    book = read_xlsx(admin_client.get("/admin/ekspor/survei.xlsx", query_string=MARCH))
    data = book["Data"]
    header = [cell.value for cell in data[1]]
    first = {key: cell for key, cell in zip(header, data[2], strict=True)}
    second = {key: cell for key, cell in zip(header, data[3], strict=True)}

    assert book.sheetnames == ["Data", "Ringkasan", "Kode"]
    assert data.max_row == 3
    assert first["persyaratan"].value == 3 and first["persyaratan"].data_type == "n"
    assert first["waktu"].value is None
    assert second["usia"].value == 61
    assert first["saran"].value == '=HYPERLINK("http://x","klik")'
    assert first["saran"].data_type == "s" and first["saran"].quotePrefix
    assert second["saran"].value == "-5 menit lebih cepat "
    assert second["saran"].quotePrefix
    assert first["tanggal"].value.date() == date(2026, 3, 1)


def test_the_summary_sheet_shows_the_reports_index(app, march, admin_client):
    book = read_xlsx(admin_client.get("/admin/ekspor/survei.xlsx", query_string=MARCH))
    facts = {
        row[0].value: row[1].value for row in book["Ringkasan"].iter_rows(max_row=8)
    }
    with app.app_context():
        period = reports.Period(date(2026, 3, 1), date(2026, 3, 31))
        expected = ikm.compute(*reports.survey_totals(period))

    assert facts["Periode"] == "2026-03-01 s.d. 2026-03-31"
    assert facts["Responden survei"] == 2
    assert Decimal(str(facts["IKM"])) == expected.ikm
    assert facts["Mutu"] == expected.mutu


def test_the_codebook_explains_every_column_and_the_score_labels(march, admin_client):
    book = read_xlsx(admin_client.get("/admin/ekspor/survei.xlsx", query_string=MARCH))
    codebook = {row[0].value: row for row in book["Kode"].iter_rows(min_row=2)}
    data_columns = [cell.value for cell in book["Data"][1]]

    assert all(codebook[key][2].value for key in data_columns)
    labels = kuesioner.UNSUR[0].pilihan
    assert codebook["persyaratan"][3].value == (
        f"1 = {labels[0]}; 2 = {labels[1]}; 3 = {labels[2]}; 4 = {labels[3]}"
    )
    assert "kunjungan = " in codebook["layanan"][3].value


def test_guestbook_xlsx_writes_phone_numbers_as_text(march, admin_client):
    book = read_xlsx(
        admin_client.get("/admin/ekspor/buku-tamu.xlsx", query_string=MARCH)
    )
    data = book["Data"]
    column = [cell.value for cell in data[1]].index("telepon")
    phones = [row[column] for row in data.iter_rows(min_row=2)]

    assert [cell.value for cell in phones] == ["0812-3456-7890", "001 202-555-0123"]
    assert all(cell.data_type == "s" for cell in phones)


def test_every_export_is_audited_with_its_row_count(app, march, admin_client):
    admin_client.get("/admin/ekspor/buku-tamu.csv", query_string=MARCH)
    admin_client.get("/admin/ekspor/survei.xlsx", query_string=MARCH)

    with app.app_context():
        details = db.session.scalars(
            select(AuditEntry.rincian).where(AuditEntry.aksi == "ekspor")
        ).all()

    assert details == [
        "buku-tamu.csv 2026-03-01 s.d. 2026-03-31, layanan semua: 2 baris",
        "survei.xlsx 2026-03-01 s.d. 2026-03-31, layanan semua: 2 baris",
    ]


@pytest.mark.parametrize("role", ["petugas", "pimpinan"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_only_admins_may_export_the_guestbook(march, signed_in, role, fmt):
    response = signed_in(role).get(f"/admin/ekspor/buku-tamu.{fmt}", query_string=MARCH)

    assert response.status_code == 403
    assert "Akses ditolak" in response.get_data(as_text=True)
