"""Who may open each report, follow-up and paper page, and CSRF on their forms."""

from __future__ import annotations

from datetime import date

import pytest

from collector.db import db
from collector.followup import Rtl

from .admin_helpers import add_response, page_token, signed_in


@pytest.fixture
def app_config(app_config, tmp_path):
    """Return the test settings with the results file in the test's folder."""
    return {**app_config, "RESULTS_FILE": str(tmp_path / "hasil-ikm.json")}


@pytest.fixture
def records(app):
    """Store one survey response with a saran and one RTL row."""
    with app.app_context():
        survey = add_response(date(2026, 3, 2), 3, saran="Antrean terlalu panjang")
        row = Rtl(
            dari=date(2026, 1, 1),
            sampai=date(2026, 3, 31),
            unsur="waktu",
            tindakan="Tambah loket",
            penanggung_jawab="Kasubsi",
            status="rencana",
            batas_waktu=date(2026, 6, 30),
        )
        db.session.add(row)
        db.session.commit()

        return {"survei": survey, "rtl": row.id}


def paper_post() -> dict[str, str]:
    """Return a complete paper questionnaire."""
    answers = {
        "tanggal": "2026-03-02",
        "layanan": "kunjungan",
        "persyaratan": "3",
        "prosedur": "3",
        "waktu": "3",
        "biaya": "4",
        "produk": "3",
        "kompetensi": "3",
        "perilaku": "4",
        "sarana": "",
        "pengaduan": "2",
    }

    return answers


ROUTES = [
    # method, url, form data, statuses for (admin, petugas, pimpinan)
    ("GET", "/admin/", None, (200, 200, 200)),
    ("GET", "/admin/laporan/ikm", None, (200, 403, 200)),
    ("GET", "/admin/laporan/ikm?periode=2026-Q1", None, (200, 403, 200)),
    ("GET", "/admin/laporan/cetak?periode=2026-Q1", None, (200, 403, 200)),
    ("POST", "/admin/laporan/terbitkan", {"periode": "2026-Q1"}, (302, 403, 403)),
    ("GET", "/admin/saran/?periode=2026-03", None, (200, 403, 200)),
    ("POST", "/admin/saran/{survei}", {"status": "selesai"}, (302, 403, 403)),
    ("GET", "/admin/rtl/", None, (200, 403, 200)),
    ("GET", "/admin/rtl/baru", None, (200, 403, 403)),
    ("GET", "/admin/rtl/{rtl}/ubah", None, (200, 403, 403)),
    ("POST", "/admin/rtl/{rtl}/hapus", {}, (302, 403, 403)),
    ("GET", "/admin/kuesioner-kertas", None, (200, 200, 403)),
    ("POST", "/admin/kuesioner-kertas", paper_post(), (302, 302, 403)),
]


@pytest.mark.parametrize(
    ("role_index", "role"), list(enumerate(("admin", "petugas", "pimpinan")))
)
@pytest.mark.parametrize(("method", "url", "data", "statuses"), ROUTES)
def test_each_role_gets_its_pages_and_a_403_elsewhere(
    app, records, role_index, role, method, url, data, statuses
):
    client = signed_in(app, role)
    url = url.format(**records)
    if method == "GET":
        response = client.get(url)
    else:
        token = page_token(client.get("/admin/").get_data(as_text=True))
        response = client.post(url, data={**data, "csrf_token": token})

    assert response.status_code == statuses[role_index]


@pytest.mark.parametrize(("method", "url", "data", "statuses"), ROUTES)
def test_a_stranger_is_sent_to_the_sign_in_page_and_cannot_post(
    app, client, records, method, url, data, statuses
):
    url = url.format(**records)
    if method == "GET":
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/admin/masuk")
    else:
        token = page_token(client.get("/admin/masuk").get_data(as_text=True))
        response = client.post(url, data={**data, "csrf_token": token})
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/admin/masuk")


@pytest.mark.parametrize(
    ("url", "data"),
    [(url, data) for method, url, data, _ in ROUTES if method == "POST"],
)
def test_every_admin_form_refuses_a_post_without_its_csrf_token(
    app, records, url, data
):
    client = signed_in(app, "admin")
    response = client.post(url.format(**records), data=data)

    assert response.status_code == 400
    assert "Sesi formulir sudah kedaluwarsa" in response.get_data(as_text=True)
