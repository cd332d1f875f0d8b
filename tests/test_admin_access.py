"""Which role may open which admin page: one table, checked for every role."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers import csrf_token, jakarta_today, stored_entry

TODAY, OLD = 1, 2

# (method, url, status for admin, petugas, pimpinan); TODAY and OLD are the ids of
# a guestbook entry from today and one from last week. Posts carry a valid CSRF
# token and no answers, so an allowed post shows the form again with its errors.
ACCESS = [
    ("GET", "/admin/", 200, 200, 200),
    ("GET", "/admin/buku-tamu/", 200, 200, 200),
    ("GET", f"/admin/buku-tamu/{TODAY}", 200, 200, 403),
    ("GET", f"/admin/buku-tamu/{OLD}", 200, 403, 403),
    ("GET", f"/admin/buku-tamu/{TODAY}/koreksi", 200, 200, 403),
    ("GET", f"/admin/buku-tamu/{OLD}/koreksi", 200, 403, 403),
    ("POST", f"/admin/buku-tamu/{OLD}/koreksi", 200, 403, 403),
    ("GET", f"/admin/buku-tamu/{TODAY}/hapus", 200, 403, 403),
    ("POST", f"/admin/buku-tamu/{TODAY}/hapus", 200, 403, 403),
    ("GET", "/admin/audit/", 200, 403, 403),
    ("GET", "/admin/ekspor/", 200, 403, 200),
    ("GET", "/admin/ekspor/survei.csv", 200, 403, 200),
    ("GET", "/admin/ekspor/survei.xlsx", 200, 403, 200),
    ("GET", "/admin/ekspor/ikm.csv", 200, 403, 200),
    ("GET", "/admin/ekspor/ikm.xlsx", 200, 403, 200),
    ("GET", "/admin/ekspor/buku-tamu.csv", 200, 403, 403),
    ("GET", "/admin/ekspor/buku-tamu.xlsx", 200, 403, 403),
]
ROLES = ("admin", "petugas", "pimpinan")


@pytest.fixture
def two_entries(app):
    """Store one guestbook entry from today (id 1) and one from last week (id 2)."""
    with app.app_context():
        today = stored_entry(jakarta_today())
        old = stored_entry(jakarta_today() - timedelta(days=7), nama="Budi")
        assert (today.id, old.id) == (TODAY, OLD)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_pages_of_the_table(role, signed_in, two_entries):
    client = signed_in(role)
    token = {"csrf_token": csrf_token(client.get("/admin/").get_data(as_text=True))}
    expected = {(m, url): row[ROLES.index(role)] for m, url, *row in ACCESS}
    got = {
        (m, url): client.open(
            url, method=m, data=token if m == "POST" else None
        ).status_code
        for m, url in expected
    }

    assert got == expected


def test_a_stranger_is_sent_to_the_sign_in_page_from_every_admin_page(client):
    for method, url, *_ in ACCESS:
        response = client.open(url, method=method)

        if method == "GET":
            assert response.status_code == 302, url
            assert response.headers["Location"].startswith("/admin/masuk"), url
        else:
            assert response.status_code == 400, url
            assert "Sesi formulir sudah kedaluwarsa" in response.get_data(as_text=True)


def test_a_refusal_in_the_admin_pages_is_an_indonesian_page_in_the_admin_layout(
    signed_in,
):
    response = signed_in("petugas").get("/admin/audit/")
    page = response.get_data(as_text=True)

    assert response.status_code == 403
    assert "Akses ditolak" in page
    assert "Anda tidak memiliki izin untuk membuka halaman ini." in page
    assert "Duta Layanan · Admin" in page
    assert "Forbidden" not in page


def test_an_unknown_admin_address_is_an_indonesian_page_in_the_admin_layout(
    admin_client,
):
    response = admin_client.get("/admin/buku-tamu/999")
    page = response.get_data(as_text=True)

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in page
    assert "Duta Layanan · Admin" in page


def test_the_menu_shows_each_role_only_its_sections(signed_in):
    menus = {
        role: signed_in(role).get("/admin/").get_data(as_text=True) for role in ROLES
    }

    assert all("Buku tamu</a>" in menu for menu in menus.values())
    assert ["Log audit</a>" in menus[role] for role in ROLES] == [True, False, False]
    assert ["Ekspor</a>" in menus[role] for role in ROLES] == [True, False, True]
