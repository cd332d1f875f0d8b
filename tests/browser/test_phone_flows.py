"""A visitor on a phone: from a service page to the survey, the guestbook, errors."""

from __future__ import annotations

from collector.kuesioner import UNSUR, UNSUR_KEYS
from collector.models import GuestbookEntry, SurveyResponse
from tests.browser.phone import (
    ANSWERS,
    answer_survey,
    arrive,
    content,
    follow_menu,
    question,
)
from tests.helpers import count, guestbook_rows, survey_rows


def stored_answers(row) -> dict[str, int]:
    """Return the nine element answers of a stored row."""
    return {key: getattr(row, key) for key in UNSUR_KEYS}


def test_a_visitor_rates_a_service_from_its_page_and_the_answers_are_stored(
    live_server, page
):
    page.goto(live_server.at("/"))
    content(page).get_by_role("link", name="Cari layanan").tap()
    arrive(page, "/layanan/")
    content(page).get_by_role("link", name="Kunjungan Keluarga").tap()
    arrive(page, "/layanan/kunjungan/")
    content(page).get_by_role("link", name="Nilai layanan ini").tap()
    arrive(page, "/survei/kunjungan/")
    assert page.get_by_label("Layanan yang Anda terima").input_value() == "kunjungan"

    answer_survey(page, ANSWERS)
    page.get_by_role("button", name="Kirim penilaian").tap()

    arrive(page, "/terima-kasih/")
    assert page.get_by_role("heading", level=1).inner_text() == "Terima kasih"
    with live_server.app.app_context():
        [row] = survey_rows()
        assert row.layanan == "kunjungan"
        assert stored_answers(row) == ANSWERS
        assert row.sumber == "online"


def test_the_survey_works_after_moving_between_pages_with_the_menu(
    navigating_server, page
):
    page.goto(navigating_server.at("/"))
    follow_menu(page, "Buku tamu")
    arrive(page, "/buku-tamu/")
    follow_menu(page, "Layanan", "Penitipan Barang dan Makanan")
    arrive(page, "/layanan/titipan-barang/")
    follow_menu(page, "Survei", "Survei Kepuasan Masyarakat")
    arrive(page, "/survei/")

    answer_survey(page, ANSWERS, layanan="Penitipan Barang dan Makanan")
    page.get_by_role("button", name="Kirim penilaian").tap()

    arrive(page, "/terima-kasih/")
    with navigating_server.app.app_context():
        [row] = survey_rows()
        assert row.layanan == "titipan-barang"
        assert stored_answers(row) == ANSWERS


def test_a_visitor_signs_the_guestbook_from_the_home_page(live_server, page):
    page.goto(live_server.at("/"))
    content(page).get_by_role("link", name="Isi buku tamu").tap()
    arrive(page, "/buku-tamu/")

    page.get_by_label("Nama lengkap").fill("Nur'aini Siregar")
    page.get_by_label("Keperluan layanan").select_option(label="Kunjungan Keluarga")
    page.get_by_label("Nomor telepon/WhatsApp").fill("0812-3456-7890")
    page.get_by_label("Asal").fill("Tanah Datar")
    page.get_by_label("Jumlah pengikut").fill("0")
    page.get_by_text("Saya setuju data ini disimpan").tap()
    page.get_by_role("button", name="Simpan di buku tamu").tap()

    arrive(page, "/terima-kasih/")
    with live_server.app.app_context():
        [row] = guestbook_rows()
        assert (row.nama, row.telepon, row.asal) == (
            "Nur'aini Siregar",
            "+6281234567890",
            "Tanah Datar",
        )
        assert row.jumlah_pengikut == 0
        assert row.persetujuan is not None


def test_the_browser_keeps_a_survey_with_an_unanswered_question_on_the_phone(
    live_server, page
):
    page.goto(live_server.at("/survei/"))
    answer_survey(page, {k: v for k, v in ANSWERS.items() if k != "produk"})
    page.get_by_role("button", name="Kirim penilaian").tap()

    first_unanswered = question(page, "produk").locator("input").first
    assert first_unanswered.evaluate("input => input.validity.valueMissing")
    assert page.url.endswith("/survei/")
    with live_server.app.app_context():
        assert count(SurveyResponse) == 0


def test_a_survey_sent_with_an_unanswered_question_is_shown_again_with_the_message(
    live_server, page
):
    page.goto(live_server.at("/survei/"))
    # Some phone browsers send forms without checking required fields.
    page.locator("form.dl-form").evaluate("form => { form.noValidate = true; }")
    answer_survey(page, {k: v for k, v in ANSWERS.items() if k != "produk"})
    page.get_by_label("Saran atau masukan").fill("Ruang tunggu perlu kipas.")
    page.get_by_role("button", name="Kirim penilaian").tap()

    unanswered = question(page, "produk")
    message = "Pertanyaan 5 belum dijawab. Pilih salah satu jawaban."
    unanswered.get_by_text(message).wait_for()
    assert unanswered.locator("input:checked").count() == 0
    for unsur in UNSUR:
        if unsur.key != "produk":
            kept = unsur.pilihan[ANSWERS[unsur.key] - 1]
            assert question(page, unsur.key).get_by_label(kept, exact=True).is_checked()
    assert page.get_by_label("Saran atau masukan").input_value() == (
        "Ruang tunggu perlu kipas."
    )
    with live_server.app.app_context():
        assert count(SurveyResponse) == 0
        assert count(GuestbookEntry) == 0
