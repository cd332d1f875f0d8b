"""Guestbook records in the admin pages: filters, roles, correction and erasure."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from collector.db import db
from collector.models import GuestbookEntry
from collector.users import AuditEntry
from tests.helpers import JAKARTA, csrf_token, jakarta_today, stored_entry


def names_listed(page: str) -> list[str]:
    """Return the names in the entries table, in order."""
    return re.findall(r'<a href="/admin/buku-tamu/\d+">([^<]*)</a>', page)


def test_the_date_filter_includes_both_end_days_and_nothing_outside(app, admin_client):
    with app.app_context():
        stored_entry(date(2026, 2, 28), nama="Sebelum")
        stored_entry(date(2026, 3, 1), nama="Awal")
        stored_entry(date(2026, 3, 31), nama="Akhir")
        stored_entry(date(2026, 4, 1), nama="Sesudah")

    page = admin_client.get(
        "/admin/buku-tamu/?dari=2026-03-01&sampai=2026-03-31"
    ).get_data(as_text=True)

    assert sorted(names_listed(page)) == ["Akhir", "Awal"]


def test_a_reversed_date_range_is_explained_in_indonesian(admin_client):
    page = admin_client.get(
        "/admin/buku-tamu/?dari=2026-03-31&sampai=2026-03-01"
    ).get_data(as_text=True)

    assert "Tanggal akhir (2026-03-01) sebelum tanggal awal (2026-03-31)." in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("siti", ["SITI AMINAH", "Siti Rahmah"]),
        ("RAHMAH", ["Siti Rahmah"]),
        ("ʼAisyah", []),
        ("ümmü", ["ÜMMÜ Kalsum"]),
        ("%", ["50% Diskon"]),
        ("_", []),
    ],
)
def test_search_by_name_ignores_case_and_treats_wildcards_as_text(
    app, admin_client, query, expected
):
    with app.app_context():
        for name in ("Siti Rahmah", "SITI AMINAH", "Budi", "50% Diskon", "ÜMMÜ Kalsum"):
            stored_entry(date(2026, 3, 5), nama=name)

    page = admin_client.get(
        "/admin/buku-tamu/", query_string={"dari": "2026-03-01", "nama": query}
    ).get_data(as_text=True)

    assert sorted(names_listed(page)) == expected


def test_counts_per_service_include_companions(app, signed_in):
    with app.app_context():
        stored_entry(date(2026, 3, 5), layanan="kunjungan", jumlah_pengikut=2)
        stored_entry(date(2026, 3, 6), layanan="kunjungan", jumlah_pengikut=0)
        stored_entry(date(2026, 3, 6), layanan="pengaduan", jumlah_pengikut=None)

    page = (
        signed_in("pimpinan")
        .get("/admin/buku-tamu/?dari=2026-03-01&sampai=2026-03-31")
        .get_data(as_text=True)
    )
    cells = re.findall(r'<td class="num">(\d+)</td>', page)

    assert cells == ["2", "2", "1", "0"]
    assert "Siti Rahmah" not in page
    assert 'name="nama"' not in page


def test_the_desk_sees_only_todays_entries_whatever_it_asks_for(app, signed_in):
    with app.app_context():
        stored_entry(jakarta_today(), nama="Hari Ini")
        stored_entry(jakarta_today() - timedelta(days=1), nama="Kemarin")

    page = (
        signed_in("petugas")
        .get("/admin/buku-tamu/?dari=2000-01-01&sampai=2100-01-01")
        .get_data(as_text=True)
    )

    assert names_listed(page) == ["Hari Ini"]
    assert "Petugas melihat entri hari ini saja" in page


def test_what_a_visitor_typed_is_shown_as_text(app, admin_client):
    script = "<script>alert('x')</script>"
    with app.app_context():
        entry = stored_entry(
            jakarta_today(), nama=script, keperluan=script, asal=script
        )
        url = f"/admin/buku-tamu/{entry.id}"

    pages = [
        admin_client.get(url).get_data(as_text=True)
        for url in (
            "/admin/buku-tamu/",
            url,
            url + "/koreksi",
        )
    ]

    for page in pages:
        assert "<script>" not in page
        assert "&lt;script&gt;" in page


def correction(client, entry_id: int, **changes):
    """Post the correction form with the entry's values and the changes."""
    url = f"/admin/buku-tamu/{entry_id}/koreksi"
    page = client.get(url).get_data(as_text=True)
    data = {
        "csrf_token": csrf_token(page),
        "nama": "Siti Rahmah",
        "layanan": "kunjungan",
        "telepon": "+6281234567890",
        "asal": "Batusangkar",
        "keperluan": "Menjenguk adik",
        "jumlah_pengikut": "2",
        "alasan": "Permintaan pengunjung di meja layanan",
    }
    data.update(changes)

    return client.post(url, data=data)


def test_a_correction_is_stored_normalised_and_audited_without_the_values(
    app, admin_client
):
    with app.app_context():
        entry_id = stored_entry(jakarta_today()).id

    response = correction(
        admin_client, entry_id, nama="  Siti   Rahmah Putri ", telepon="0813-1111-2222"
    )

    assert response.status_code == 302
    with app.app_context():
        entry = db.session.get(GuestbookEntry, entry_id)
        assert (entry.nama, entry.telepon) == ("Siti Rahmah Putri", "+6281311112222")
        audit = db.session.scalars(
            select(AuditEntry).where(AuditEntry.aksi == "koreksi-buku-tamu")
        ).one()
        assert audit.rincian.startswith(f"entri #{entry_id}; kolom: nama, telepon;")
        assert "Putri" not in audit.rincian and "1111" not in audit.rincian


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"nama": "   "}, "Nama belum diisi. Tulis nama lengkap Anda."),
        ({"telepon": "12ab"}, "Nomor telepon “12ab” tidak dikenali."),
        ({"jumlah_pengikut": "-1"}, "Isi jumlah pengikut dengan angka bulat"),
        ({"layanan": "pesta"}, "Pilih layanan dari daftar."),
        ({"alasan": ""}, "Tulis alasannya, misalnya permintaan pengunjung."),
    ],
)
def test_a_bad_correction_is_refused_with_the_public_forms_message(
    app, admin_client, changes, message
):
    with app.app_context():
        entry_id = stored_entry(jakarta_today()).id

    response = correction(admin_client, entry_id, **changes)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(GuestbookEntry, entry_id).nama == "Siti Rahmah"


@pytest.mark.parametrize("action", ["koreksi", "hapus"])
def test_a_change_without_csrf_token_is_refused(app, admin_client, action):
    with app.app_context():
        entry_id = stored_entry(jakarta_today()).id

    response = admin_client.post(
        f"/admin/buku-tamu/{entry_id}/{action}",
        data={"nama": "Orang Lain", "alasan": "Diminta"},
    )

    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(GuestbookEntry, entry_id).nama == "Siti Rahmah"


def test_erasing_on_request_keeps_the_count_and_audits_the_reason(app, admin_client):
    with app.app_context():
        entry_id = stored_entry(jakarta_today()).id

    url = f"/admin/buku-tamu/{entry_id}/hapus"
    token = csrf_token(admin_client.get(url).get_data(as_text=True))
    response = admin_client.post(url, data={"csrf_token": token, "alasan": "Diminta"})

    assert response.status_code == 302
    with app.app_context():
        entry = db.session.get(GuestbookEntry, entry_id)
        assert [entry.nama, entry.telepon, entry.asal, entry.keperluan] == [None] * 4
        assert (entry.layanan, entry.jumlah_pengikut) == ("kunjungan", 2)
        assert entry.dihapus_pada is not None
        audit = db.session.scalars(
            select(AuditEntry).where(AuditEntry.aksi == "hapus-buku-tamu")
        ).one()
        assert audit.rincian == f"entri #{entry_id}; alasan: Diminta"

    listing = admin_client.get("/admin/buku-tamu/").get_data(as_text=True)
    assert "(data pribadi dihapus)" in listing


def test_the_audit_page_shows_who_when_in_local_time_and_what(app, admin_client):
    page = admin_client.get("/admin/audit/").get_data(as_text=True)
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry)).one()
        local = entry.waktu.astimezone(JAKARTA).strftime("%Y-%m-%d %H:%M")

    assert f"<td>{local}</td><td>uji-admin</td>" in page
    assert "<td>masuk</td>" in page


def test_a_long_list_is_shown_a_hundred_entries_a_page(app, admin_client):
    with app.app_context():
        for n in range(101):
            stored_entry(date(2026, 3, 5), nama=f"Tamu {n}")

    query = {"dari": "2026-03-01", "sampai": "2026-03-31"}
    first = admin_client.get("/admin/buku-tamu/", query_string=query)
    second = admin_client.get("/admin/buku-tamu/", query_string={**query, "halaman": 2})

    assert len(names_listed(first.get_data(as_text=True))) == 100
    assert "Halaman 1 dari 2" in first.get_data(as_text=True)
    assert names_listed(second.get_data(as_text=True)) == ["Tamu 0"]
