"""Saran with their follow-up state, and the RTL plan shown in the report."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from collector.db import db
from collector.followup import Rtl, SaranFollowUp
from collector.users import AuditEntry

from .admin_helpers import add_response, page_token, signed_in

SCRIPT = '<script>alert("x")</script> & <b>tebal</b>'


def audit_actions(app) -> list[tuple[str, str, str]]:
    """Return (who, action, detail) of every audit entry after the sign-ins."""
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(e.username, e.aksi, e.rincian) for e in entries if e.aksi != "masuk"]


def test_saran_are_listed_per_period_and_shown_as_text(app):
    with app.app_context():
        add_response(date(2026, 3, 2), 3, saran=SCRIPT)
        add_response(
            date(2026, 3, 3), 3, saran="Ruang tunggu panas", layanan="titipan-barang"
        )
        add_response(date(2026, 4, 1), 3, saran="Bulan berikutnya")
        add_response(date(2026, 3, 4), 3, saran=None)
    client = signed_in(app, "pimpinan")
    page = client.get("/admin/saran/?periode=2026-03").get_data(as_text=True)

    assert SCRIPT not in page
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"
        in page
    )
    assert "Ruang tunggu panas" in page and "Penitipan Barang dan Makanan" in page
    assert "Bulan berikutnya" not in page
    assert "2 saran." in page
    assert 'method="post" action="/admin/saran/' not in page


def test_saran_can_be_filtered_by_service(app):
    with app.app_context():
        add_response(date(2026, 3, 2), 3, saran="Tentang kunjungan")
        add_response(
            date(2026, 3, 3), 3, saran="Tentang titipan", layanan="titipan-barang"
        )
    client = signed_in(app, "admin")
    page = client.get("/admin/saran/?periode=2026-03&layanan=titipan-barang").get_data(
        as_text=True
    )

    assert "Tentang titipan" in page and "Tentang kunjungan" not in page


def test_an_admin_sets_the_follow_up_of_a_saran_and_it_is_audited(app):
    with app.app_context():
        survey = add_response(date(2026, 3, 2), 3, saran="Perlu kursi")
    client = signed_in(app, "admin")
    page = client.get("/admin/saran/?periode=2026-03").get_data(as_text=True)
    assert "Baru" in page

    data = {
        "status": "ditindaklanjuti",
        "catatan": "Kursi dipesan <segera>",
        "csrf_token": page_token(page),
        "kembali": "/admin/saran/?periode=2026-03",
    }
    response = client.post(f"/admin/saran/{survey}", data=data)
    page = client.get(response.headers["Location"]).get_data(as_text=True)

    assert response.status_code == 302
    assert "Ditindaklanjuti: Kursi dipesan &lt;segera&gt;" in page
    with app.app_context():
        row = db.session.get(SaranFollowUp, survey)
        assert (row.status, row.pengguna) == ("ditindaklanjuti", "akun-admin")
    assert audit_actions(app) == [
        ("akun-admin", "tindak lanjut saran", f"survei {survey}: ditindaklanjuti")
    ]


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("", "Pilih status tindak lanjut."),
        ("hilang", "Pilihan tidak dikenal. Pilih salah satu yang tersedia."),
    ],
)
def test_a_saran_state_must_be_one_of_the_three(app, status, message):
    with app.app_context():
        survey = add_response(date(2026, 3, 2), 3, saran="Perlu kursi")
    client = signed_in(app, "admin")
    token = page_token(client.get("/admin/").get_data(as_text=True))
    response = client.post(
        f"/admin/saran/{survey}",
        data={"status": status, "csrf_token": token},
        follow_redirects=True,
    )

    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(SaranFollowUp, survey) is None


def rtl_post(token: str, **changes) -> dict[str, str]:
    """Return a complete RTL form."""
    data = {
        "periode": "2026-Q1",
        "unsur": "pengaduan",
        "tindakan": "Sediakan kotak saran",
        "penanggung_jawab": "Kasubsi Pelayanan",
        "batas_waktu": "2026-06-30",
        "status": "rencana",
        "csrf_token": token,
    }
    data.update(changes)

    return data


def test_an_rtl_row_is_added_changed_shown_in_the_report_and_deleted(app):
    client = signed_in(app, "admin")
    form = client.get("/admin/rtl/baru?periode=2026-Q1&unsur=waktu").get_data(
        as_text=True
    )
    assert 'value="2026-Q1"' in form and '<option selected value="waktu">' in form

    response = client.post("/admin/rtl/baru", data=rtl_post(page_token(form)))
    assert response.status_code == 302
    with app.app_context():
        row = db.session.scalars(select(Rtl)).one()
        rtl_id = row.id
        assert (row.dari, row.sampai) == (date(2026, 1, 1), date(2026, 3, 31))

    report = client.get("/admin/laporan/ikm?periode=2026-03").get_data(as_text=True)
    printed = client.get("/admin/laporan/cetak?periode=2026-Q1").get_data(as_text=True)
    assert "Sediakan kotak saran" in report and "30 Juni 2026" in report
    assert "Sediakan kotak saran" in printed and "Direncanakan" in printed
    other = client.get("/admin/laporan/ikm?periode=2026-04").get_data(as_text=True)
    assert "Sediakan kotak saran" not in other

    edit = client.get(f"/admin/rtl/{rtl_id}/ubah").get_data(as_text=True)
    assert 'value="2026-Q1"' in edit
    client.post(
        f"/admin/rtl/{rtl_id}/ubah", data=rtl_post(page_token(edit), status="selesai")
    )
    listing = client.get("/admin/rtl/").get_data(as_text=True)
    assert "Selesai" in listing and "Triwulan I 2026" in listing

    client.post(f"/admin/rtl/{rtl_id}/hapus", data={"csrf_token": page_token(listing)})
    with app.app_context():
        assert db.session.scalars(select(Rtl)).all() == []
    assert [action for _, action, _ in audit_actions(app)] == [
        "rtl tambah",
        "rtl ubah",
        "rtl hapus",
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"periode": "kuartal satu"},
            "Tulis periode seperti 2026-03, 2026-Q1, 2026-S1 atau 2026.",
        ),
        ({"tindakan": ""}, "Tulis tindakan yang akan dilakukan."),
        ({"penanggung_jawab": ""}, "Isi penanggung jawab."),
        ({"batas_waktu": ""}, "Isi batas waktu."),
        (
            {"batas_waktu": "30/06/2026"},
            "“30/06/2026” bukan tanggal. Tulis seperti 2026-03-31.",
        ),
        ({"unsur": "harga"}, "Pilihan tidak dikenal. Pilih salah satu yang tersedia."),
        ({"status": "batal"}, "Pilihan tidak dikenal. Pilih salah satu yang tersedia."),
        ({"tindakan": "x" * 1001}, "Tindakan paling banyak 1000 karakter."),
    ],
)
def test_a_bad_rtl_form_is_shown_again_with_an_indonesian_message(
    app, changes, message
):
    client = signed_in(app, "admin")
    token = page_token(client.get("/admin/rtl/baru").get_data(as_text=True))
    response = client.post("/admin/rtl/baru", data=rtl_post(token, **changes))

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Rtl)).all() == []


def test_rtl_text_is_shown_escaped(app):
    client = signed_in(app, "admin")
    token = page_token(client.get("/admin/rtl/baru").get_data(as_text=True))
    client.post("/admin/rtl/baru", data=rtl_post(token, tindakan=SCRIPT))
    listing = client.get("/admin/rtl/").get_data(as_text=True)
    report = client.get("/admin/laporan/cetak?periode=2026-Q1").get_data(as_text=True)

    assert SCRIPT not in listing and SCRIPT not in report
    assert "&lt;script&gt;" in listing and "&lt;script&gt;" in report
