"""Posting the public forms: what is stored, what a visitor is told."""

from __future__ import annotations

import uuid

import pytest

from collector.kuesioner import UNSUR_KEYS
from collector.models import GuestbookEntry, SurveyResponse
from tests.helpers import (
    count,
    guestbook_answers,
    guestbook_rows,
    survey_answers,
    survey_rows,
)
from tests.pages import parse

JSON = {"Accept": "application/json"}


def test_a_valid_survey_is_stored_and_answered_with_a_redirect_to_thanks(app, client):
    response = client.post("/kirim/survei", data=survey_answers(persyaratan="3"))

    assert response.status_code == 303
    assert response.headers["Location"] == "/terima-kasih/"
    with app.app_context():
        [row] = survey_rows()
        assert row.persyaratan == 3
        assert row.prosedur == 4
        assert row.layanan == "kunjungan"
        assert (row.jenis_kelamin, row.usia, row.pendidikan) == ("P", 34, "SMA")
        assert row.sumber == "online"
        assert row.saran is None


def test_a_valid_survey_asked_as_json_is_answered_201(app, client):
    kirim_id = str(uuid.uuid4())
    data = survey_answers(kirim_id=kirim_id)
    response = client.post("/kirim/survei", data=data, headers=JSON)

    assert response.status_code == 201
    assert response.get_json() == {
        "status": "tersimpan",
        "id": kirim_id,
        "terima_kasih": "/terima-kasih/",
    }


def test_optional_profile_answers_left_empty_are_stored_as_null(app, client):
    data = survey_answers(jenis_kelamin=None, usia="", pendidikan="", pekerjaan=None)
    response = client.post("/kirim/survei", data=data)

    assert response.status_code == 303
    with app.app_context():
        [row] = survey_rows()
        assert row.jenis_kelamin is None
        assert row.usia is None
        assert row.pendidikan is None
        assert row.pekerjaan is None


def test_the_survey_stores_nothing_that_identifies_the_visitor(app):
    columns = set(SurveyResponse.__table__.columns.keys())

    assert not columns & {"nama", "telepon", "ip", "alamat_ip", "nik", "buku_tamu_id"}


def test_a_repeated_submission_id_stores_once_and_is_answered_alike(app, client):
    data = survey_answers(kirim_id=str(uuid.uuid4()))
    first = client.post("/kirim/survei", data=data, headers=JSON)
    second = client.post("/kirim/survei", data=data, headers=JSON)

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.get_json() == second.get_json()
    with app.app_context():
        assert count(SurveyResponse) == 1


def test_posts_without_a_submission_id_are_each_stored(app, client):
    client.post("/kirim/survei", data=survey_answers())
    client.post("/kirim/survei", data=survey_answers())

    with app.app_context():
        assert count(SurveyResponse) == 2


SURVEY_ERRORS = [
    ("persyaratan", None, "Pertanyaan 1 belum dijawab"),
    ("pengaduan", "", "Pertanyaan 9 belum dijawab"),
    ("waktu", "5", "Jawaban pertanyaan 3 harus 1, 2, 3 atau 4."),
    ("biaya", "0", "Jawaban pertanyaan 4 harus 1, 2, 3 atau 4."),
    ("sarana", "abc", "Jawaban pertanyaan 8 harus 1, 2, 3 atau 4."),
    ("layanan", None, "Pilih layanan dari daftar."),
    ("layanan", "parkir", "Pilih layanan dari daftar."),
    ("jenis_kelamin", "X", "Pilihan tidak dikenal"),
    ("pendidikan", "None", "Pilihan tidak dikenal"),
    ("usia", "tiga puluh", "Isi usia dengan angka bulat"),
    ("usia", "-5", "Isi usia dengan angka bulat"),
    ("usia", "5", "Usia harus antara 10 dan 110."),
    ("usia", "34.5", "Isi usia dengan angka bulat"),
    ("saran", "x" * 2001, "Terlalu panjang: 2001 karakter. Paling banyak 2000"),
    ("kirim_id", "bukan-uuid", "Formulir ini rusak"),
]


@pytest.mark.parametrize(("field", "value", "message"), SURVEY_ERRORS)
def test_a_bad_survey_answer_is_refused_with_its_message(
    app, client, field, value, message
):
    response = client.post("/kirim/survei", data=survey_answers(**{field: value}))
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert f'id="{field}-error">{message}' in page
    with app.app_context():
        assert count(SurveyResponse) == 0


@pytest.mark.parametrize(("field", "value", "message"), SURVEY_ERRORS)
def test_a_bad_survey_answer_asked_as_json_lists_the_message_per_field(
    app, client, field, value, message
):
    data = survey_answers(**{field: value})
    response = client.post("/kirim/survei", data=data, headers=JSON)

    assert response.status_code == 422
    body = response.get_json()
    assert body["status"] == "ditolak"
    assert list(body["kesalahan"]) == [field]
    assert body["kesalahan"][field][0].startswith(message)


def test_a_refused_survey_page_keeps_every_other_answer(app, client):
    data = survey_answers(persyaratan=None, waktu="2", saran="Antrean <b>lama</b>")
    response = client.post("/kirim/survei", data=data)
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert 'name="waktu" value="2" checked' in page
    assert 'name="prosedur" value="4" checked' in page
    assert '<option value="kunjungan" selected>' in page
    assert 'name="usia" type="text" value="34"' in page
    assert "Antrean &lt;b&gt;lama&lt;/b&gt;</textarea>" in page
    assert "Ada 1 isian yang perlu diperbaiki." in page
    assert 'name="persyaratan" value="4" checked' not in page


def test_the_error_summary_links_every_wrong_field_in_page_order(app, client):
    data = survey_answers(pengaduan=None, layanan="parkir", waktu="7")
    page = client.post("/kirim/survei", data=data).get_data(as_text=True)
    links = [link for link in parse(page).links if link[0].endswith("-error")]

    assert "Ada 3 isian yang perlu diperbaiki." in page
    assert links == [
        ("#layanan-error", "Pilih layanan dari daftar."),
        ("#waktu-error", "Jawaban pertanyaan 3 harus 1, 2, 3 atau 4."),
        ("#pengaduan-error", "Pertanyaan 9 belum dijawab. Pilih salah satu jawaban."),
    ]
    for name in ("layanan", "waktu", "pengaduan"):
        assert f'id="{name}-error"' in page


def test_a_refused_page_is_the_site_page_with_its_layout(app, client):
    response = client.post("/kirim/survei", data=survey_answers(waktu=None))
    page = response.get_data(as_text=True)

    assert '<html lang="id"' in page
    assert '<base href="/survei/">' in page
    assert "Survei Kepuasan Masyarakat" in page


def test_a_valid_guestbook_entry_is_stored_with_a_normal_phone_number(app, client):
    response = client.post("/kirim/buku-tamu", data=guestbook_answers())

    assert response.status_code == 303
    assert response.headers["Location"] == "/terima-kasih/"
    with app.app_context():
        [row] = guestbook_rows()
        assert row.nama == "Siti Rahmah"
        assert row.telepon == "+6281234567890"
        assert row.jumlah_pengikut == 2
        assert row.persetujuan is not None


@pytest.mark.parametrize(
    "raw",
    ["081234567890", "0812 3456 7890", "0812-3456-7890", "+62 812 3456 7890",
     "62812-3456-7890", "+62-812-3456-7890", "6281234567890"],
)
def test_indonesian_phone_numbers_in_any_usual_form_are_stored_alike(
    app, client, raw
):
    client.post("/kirim/buku-tamu", data=guestbook_answers(telepon=raw))

    with app.app_context():
        assert [row.telepon for row in guestbook_rows()] == ["+6281234567890"]


@pytest.mark.parametrize(
    "name",
    ["Sukarno", "Nur'aini", "Nur’aini", "M. Yusuf", "Siti Nurbaya-Hasibuan",
     "Dt. Rajo Nan Sati", "Ni Luh Putu Ayu Kadek Sri Wahyuni Maharani Dewi",
     "Hj. Rosmaniar, S.Pd."],
)
def test_real_names_are_accepted(app, client, name):
    response = client.post("/kirim/buku-tamu", data=guestbook_answers(nama=name))

    assert response.status_code == 303
    with app.app_context():
        assert [row.nama for row in guestbook_rows()] == [name]


def test_whitespace_in_names_is_trimmed_and_collapsed(app, client):
    client.post("/kirim/buku-tamu", data=guestbook_answers(nama="  Budi \t  Santoso "))

    with app.app_context():
        assert [row.nama for row in guestbook_rows()] == ["Budi Santoso"]


def test_zero_companions_is_stored_as_zero_and_empty_as_null(app, client):
    client.post("/kirim/buku-tamu", data=guestbook_answers(jumlah_pengikut="0"))
    client.post("/kirim/buku-tamu", data=guestbook_answers(jumlah_pengikut=""))

    with app.app_context():
        assert [row.jumlah_pengikut for row in guestbook_rows()] == [0, None]


GUESTBOOK_ERRORS = [
    ("nama", None, "Nama belum diisi."),
    ("nama", "   ", "Nama belum diisi."),
    ("nama", "x" * 121, "Terlalu panjang: 121 karakter. Paling banyak 120"),
    ("nama", "<script>alert(1)</script>", "Nama hanya boleh berisi huruf"),
    ("nama", "Budi 123", "Nama hanya boleh berisi huruf"),
    ("layanan", "", "Pilih layanan dari daftar."),
    ("telepon", "12345", "Nomor telepon “12345” tidak dikenali."),
    ("telepon", "0812-ABCD-7890", "Nomor telepon “0812-ABCD-7890” tidak dikenali."),
    ("jumlah_pengikut", "-1", "Isi jumlah pengikut dengan angka bulat"),
    ("jumlah_pengikut", "51", "Jumlah pengikut harus antara 0 dan 50."),
    ("asal", "a" * 121, "Terlalu panjang: 121 karakter. Paling banyak 120"),
    ("keperluan", "a" * 501, "Terlalu panjang: 501 karakter. Paling banyak 500"),
    ("persetujuan", None, "Centang persetujuan agar data buku tamu dapat disimpan."),
    ("persetujuan", "no", "Centang persetujuan agar data buku tamu dapat disimpan."),
    ("persetujuan", "tidak", "Centang persetujuan agar data buku tamu dapat disimpan."),
]


@pytest.mark.parametrize(("field", "value", "message"), GUESTBOOK_ERRORS)
def test_a_bad_guestbook_answer_is_refused_with_its_message(
    app, client, field, value, message
):
    data = guestbook_answers(**{field: value})
    response = client.post("/kirim/buku-tamu", data=data)
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert f'id="{field}-error">{message}' in page
    with app.app_context():
        assert count(GuestbookEntry) == 0


def test_a_refused_guestbook_page_keeps_the_other_answers_escaped(app, client):
    data = guestbook_answers(persetujuan=None, asal='Lima "Puluh" <Kota>')
    page = client.post("/kirim/buku-tamu", data=data).get_data(as_text=True)

    assert 'value="Siti Rahmah"' in page
    assert 'value="Lima &#34;Puluh&#34; &lt;Kota&gt;"' in page
    assert "<Kota>" not in page


def test_an_oversized_body_gets_a_friendly_indonesian_page(app, client):
    data = survey_answers(saran="x" * (app.config["MAX_CONTENT_LENGTH"] + 10))
    response = client.post("/kirim/survei", data=data)

    assert response.status_code == 413
    assert "Isian terlalu besar" in response.get_data(as_text=True)
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_a_get_on_a_submission_address_gets_an_indonesian_page(client):
    response = client.get("/kirim/survei")

    assert response.status_code == 405
    assert "Cara pengiriman tidak didukung" in response.get_data(as_text=True)


def test_an_unknown_address_gets_the_sites_not_found_page(client):
    response = client.get("/tidak-ada/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_all_nine_elements_are_stored_under_their_own_keys(app, client):
    scores = dict(zip(UNSUR_KEYS, "123412341", strict=True))
    client.post("/kirim/survei", data=survey_answers(**scores))

    with app.app_context():
        [row] = survey_rows()
        assert {key: getattr(row, key) for key in UNSUR_KEYS} == {
            key: int(value) for key, value in scores.items()
        }


def test_a_rebuilt_page_is_served_whole_without_a_restart(
    app_config, built_site, tmp_path
):
    import shutil

    from collector import create_app

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    client = create_app({**app_config, "SITE_DIR": str(site)}).test_client()
    first = client.get("/terima-kasih/")
    page = site / "terima-kasih" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<p>Hasil baru</p>" * 50)
    for copy in (page.with_suffix(".html.gz"), page.with_suffix(".html.br")):
        copy.unlink(missing_ok=True)
    second = client.get("/terima-kasih/")

    assert first.status_code == second.status_code == 200
    assert second.get_data(as_text=True).endswith("<p>Hasil baru</p>")
    assert int(second.headers["Content-Length"]) == len(second.get_data())
    assert second.headers["ETag"] != first.headers["ETag"]
