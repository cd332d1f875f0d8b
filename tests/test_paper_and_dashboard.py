"""The desk's paper-questionnaire form and the dashboard every role opens."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from collector.db import db
from collector.models import SurveyResponse
from collector.users import AuditEntry

from .admin_helpers import add_response, add_visit, page_token, signed_in


def local_today() -> date:
    """Return today in the unit's time zone."""
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


def paper(token: str, **changes) -> dict[str, str]:
    """Return a paper questionnaire with one element left blank, as on paper."""
    data = {
        "csrf_token": token,
        "kirim_id": "6f1c2b1e-8d4e-4a8e-9a4e-2b7b3c1d0e11",
        "tanggal": "2026-03-02",
        "layanan": "kunjungan",
        "persyaratan": "3",
        "prosedur": "3",
        "waktu": "2",
        "biaya": "4",
        "produk": "3",
        "kompetensi": "3",
        "perilaku": "4",
        "sarana": "",
        "pengaduan": "2",
        "jenis_kelamin": "L",
        "usia": "45",
        "pendidikan": "SMP",
        "pekerjaan": "Lainnya",
        "saran": "Tolong tambah kursi",
    }
    data.update(changes)

    return data


def test_petugas_types_in_a_paper_questionnaire_stored_as_kertas(app):
    client = signed_in(app, "petugas")
    token = page_token(client.get("/admin/kuesioner-kertas").get_data(as_text=True))
    response = client.post("/admin/kuesioner-kertas", data=paper(token))

    assert response.status_code == 302
    page = client.get("/admin/kuesioner-kertas").get_data(as_text=True)
    assert "Kuesioner kertas tersimpan sebagai nomor 1." in page
    with app.app_context():
        row = db.session.scalars(select(SurveyResponse)).one()
        assert (row.sumber, row.tanggal, row.layanan) == (
            "kertas",
            date(2026, 3, 2),
            "kunjungan",
        )
        assert (row.waktu, row.sarana, row.pengaduan, row.usia) == (2, None, 2, 45)
        assert row.saran == "Tolong tambah kursi" and row.durasi_detik is None
        entries = db.session.scalars(
            select(AuditEntry).where(AuditEntry.aksi != "masuk")
        )
        assert [(e.username, e.aksi, e.rincian) for e in entries] == [
            ("akun-petugas", "kuesioner kertas", "survei 1, tanggal 2026-03-02")
        ]


def test_a_paper_questionnaire_sent_twice_is_stored_once(app):
    client = signed_in(app, "admin")
    token = page_token(client.get("/admin/kuesioner-kertas").get_data(as_text=True))
    client.post("/admin/kuesioner-kertas", data=paper(token))
    client.post("/admin/kuesioner-kertas", data=paper(token))
    page = client.get("/admin/kuesioner-kertas").get_data(as_text=True)

    assert "Kuesioner ini sudah tersimpan sebagai nomor 1." in page
    with app.app_context():
        assert len(db.session.scalars(select(SurveyResponse)).all()) == 1


def test_each_blank_form_carries_a_fresh_submission_id(app):
    client = signed_in(app, "petugas")
    first = client.get("/admin/kuesioner-kertas").get_data(as_text=True)
    second = client.get("/admin/kuesioner-kertas").get_data(as_text=True)

    def submission_id(page: str) -> str:
        return page.split('name="kirim_id" value="', 1)[1].split('"', 1)[0]

    assert len(submission_id(first)) == 36
    assert submission_id(first) != submission_id(second)


TOMORROW = (local_today() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tanggal": ""}, "Isi tanggal kuesioner diisi."),
        (
            {"tanggal": "2/3/2026"},
            "“2/3/2026” bukan tanggal. Tulis seperti 2026-03-31.",
        ),
        ({"tanggal": TOMORROW}, f"Tanggal {TOMORROW} belum terjadi."),
        ({"layanan": ""}, "Pilih layanan dari daftar."),
        ({"layanan": "rahasia"}, "Pilih layanan dari daftar."),
        ({"persyaratan": "5"}, "Jawaban pertanyaan 1 harus 1, 2, 3 atau 4."),
        ({"usia": "tua"}, "Isi usia dengan angka bulat, misalnya 35."),
        ({"usia": "7"}, "Usia harus antara 10 dan 110."),
        (
            {"saran": "x" * 2001},
            "Terlalu panjang: 2001 karakter. Paling banyak 2000 karakter.",
        ),
    ],
)
def test_a_bad_paper_questionnaire_is_shown_again_with_its_answers(
    app, changes, message
):
    client = signed_in(app, "petugas")
    token = page_token(client.get("/admin/kuesioner-kertas").get_data(as_text=True))
    response = client.post("/admin/kuesioner-kertas", data=paper(token, **changes))
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert message in page
    assert 'name="pengaduan" value="2" checked' in page
    with app.app_context():
        assert db.session.scalars(select(SurveyResponse)).all() == []


def test_the_dashboard_counts_today_the_period_and_the_coverage(app):
    today = local_today()
    with app.app_context():
        add_visit(today)
        add_visit(today, layanan="titipan-barang")
        add_visit(today - timedelta(days=400))
        for day in (1, 5, 31):
            add_visit(date(2026, 3, day))
        add_response(date(2026, 3, 1), 4)
        add_response(date(2026, 3, 31), 3)
        add_response(date(2026, 4, 1), 1)
    client = signed_in(app, "petugas")
    page = client.get("/admin/?periode=2026-03").get_data(as_text=True)

    assert '<dd id="pengunjung-hari-ini">2</dd>' in page
    assert '<dd id="pengunjung-periode">3</dd>' in page
    assert '<dd id="responden">2</dd>' in page
    assert '<dd id="ikm">87,50 · mutu B (Baik)</dd>' in page
    assert "2 dari minimum 3 responden untuk 3 pengunjung" in page
    assert "kurang 1" in page


def test_the_dashboard_defaults_to_this_month_and_says_belum_ada_data(app):
    client = signed_in(app, "pimpinan")
    page = client.get("/admin/").get_data(as_text=True)
    month = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ][local_today().month - 1]

    assert f"Periode: <strong>{month} {local_today().year}</strong>" in page
    assert '<dd id="ikm">belum ada data</dd>' in page
