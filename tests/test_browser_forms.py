"""The built site in headless Chromium: its CSP, and the form script on a phone."""

from __future__ import annotations

import json
import os
import uuid

import pytest
import sqlalchemy as sa

from tests.conftest import build_site
from tests.devtools import CHROMIUM, Chromium
from tests.live import (
    Gunicorn,
    collector_env,
    listening_socket,
    migrate,
    sqlite_url,
    url_of,
)

pytestmark = pytest.mark.slow

QUEUE = "duta-layanan.antrean"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Yield a gunicorn serving a site built for its own address, on SQLite."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is needed at {CHROMIUM}")

    folder = tmp_path_factory.mktemp("browser")
    listener = listening_socket()
    url = url_of(listener) + "/"
    os.environ["SITE_URL"] = url
    try:
        build_site(folder / "site")
    finally:
        del os.environ["SITE_URL"]

    database_url = sqlite_url(folder)
    env = collector_env(folder / "site", database_url, folder / "instance")
    migrate(env)
    gunicorn = Gunicorn(listener, env, workers=2).start()
    gunicorn.engine = sa.create_engine(database_url)
    yield gunicorn
    gunicorn.stop()
    gunicorn.engine.dispose()
    listener.close()


@pytest.fixture
def browser():
    chromium = Chromium()
    yield chromium
    chromium.close()


def stored(server, kirim_id: str) -> list[tuple]:
    """Return the survey rows stored under a submission id."""
    with server.engine.connect() as connection:
        query = sa.text("SELECT kirim_id, durasi_detik FROM survei WHERE kirim_id = :k")

        return list(connection.execute(query, {"k": kirim_id}))


FILL_SURVEY = """
(() => {
  const form = document.querySelector("form.dl-form[data-formulir=survei]");
  form.elements.layanan.value = "kunjungan";
  for (const key of %s) {
    const choice = form.querySelector(`input[name=${key}][value="4"]`);
    if (choice) choice.checked = true;
  }
  form.dataset.mulai = String(Date.now() - 90000);
  return form.elements.kirim_id.value;
})()
"""
ALL = json.dumps(["persyaratan", "prosedur", "waktu", "biaya", "produk",
                  "kompetensi", "perilaku", "sarana", "pengaduan"])
SUBMIT = "document.querySelector('form.dl-form').requestSubmit()"


@pytest.mark.parametrize(
    "path", ["", "layanan/", "layanan/kunjungan/", "survei/", "buku-tamu/",
             "survei/hasil/", "tidak-ada/"]
)
def test_the_site_runs_under_its_csp_without_a_single_violation(
    server, browser, path
):
    browser.open(f"{server.url}/{path}")
    browser.wait_until("document.readyState === 'complete'")
    browser.run("new Promise(done => setTimeout(done, 300))")

    assert browser.console_errors(page=f"{server.url}/{path}") == []
    assert browser.run("typeof __md_get === 'function' && !!window.document$")


@pytest.mark.parametrize("name", ["survei", "buku-tamu"])
def test_the_form_script_gives_each_form_fill_an_id(server, browser, name):
    browser.open(f"{server.url}/{name}/")
    kirim_id = browser.wait_until(
        "document.querySelector('form.dl-form[data-siap]')?.elements.kirim_id.value"
    )

    assert str(uuid.UUID(kirim_id)) == kirim_id


def test_a_survey_is_sent_in_the_background_and_the_visitor_thanked(server, browser):
    browser.open(f"{server.url}/survei/")
    browser.wait_until("document.querySelector('form.dl-form[data-siap]')")
    kirim_id = browser.run(FILL_SURVEY % ALL)
    browser.run(SUBMIT)

    browser.wait_until("location.pathname === '/terima-kasih/'")
    [(stored_id, seconds)] = stored(server, kirim_id)
    assert 90 <= seconds <= 120


def test_the_collectors_messages_appear_at_their_fields(server, browser):
    browser.open(f"{server.url}/survei/")
    browser.wait_until("document.querySelector('form.dl-form[data-siap]')")
    kirim_id = browser.run(FILL_SURVEY % json.dumps(["prosedur", "waktu", "biaya",
        "produk", "kompetensi", "perilaku", "sarana", "pengaduan"]))
    browser.run("document.querySelector('form.dl-form').noValidate = true")
    browser.run(SUBMIT)

    text = browser.wait_until(
        "document.querySelector('#isian-persyaratan > legend + #persyaratan-error')"
        "?.textContent"
    )
    assert text == "Pertanyaan 1 belum dijawab. Pilih salah satu jawaban."
    assert browser.run(
        "document.querySelector('#isian-persyaratan').classList"
        ".contains('dl-field--invalid')"
    )
    assert "Ada 1 isian yang perlu diperbaiki." in browser.run(
        "document.querySelector('.dl-summary').textContent"
    )
    assert browser.run("location.pathname") == "/survei/"
    assert stored(server, kirim_id) == []


def test_a_double_tap_sends_the_form_once(server, browser):
    log_before = server.log.read_text().count('"POST /kirim/survei')
    browser.open(f"{server.url}/survei/")
    browser.wait_until("document.querySelector('form.dl-form[data-siap]')")
    kirim_id = browser.run(FILL_SURVEY % ALL)
    disabled = browser.run(
        SUBMIT + "; document.querySelector('.dl-submit').disabled"
        " && (document.querySelector('form.dl-form').requestSubmit(), true)"
    )

    browser.wait_until("location.pathname === '/terima-kasih/'")
    assert disabled is True
    assert server.log.read_text().count('"POST /kirim/survei') == log_before + 1
    assert len(stored(server, kirim_id)) == 1


def test_answers_sent_without_signal_wait_on_the_phone_and_go_when_it_returns(
    server, browser
):
    browser.open(f"{server.url}/survei/")
    browser.wait_until("document.querySelector('form.dl-form[data-siap]')")
    kirim_id = browser.run(FILL_SURVEY % ALL)
    browser.offline(True)
    browser.run(SUBMIT)

    status = browser.wait_until(
        "document.querySelector('.dl-status').textContent.includes('tidak hilang')"
        " && document.querySelector('.dl-status').textContent"
    )
    assert "1 jawaban belum terkirim" in status
    assert browser.run(f"JSON.parse(localStorage['{QUEUE}'])[0].id") == kirim_id
    assert browser.run("document.querySelector('form.dl-form').elements.kirim_id"
                       ".value") != kirim_id
    assert stored(server, kirim_id) == []

    browser.offline(False)
    browser.wait_until(f"JSON.parse(localStorage['{QUEUE}']).length === 0")
    assert len(stored(server, kirim_id)) == 1
    assert "sudah terkirim" in browser.run(
        "document.querySelector('.dl-status').textContent"
    )


def test_answers_kept_on_the_phone_are_sent_on_the_next_page_load(server, browser):
    browser.open(f"{server.url}/")
    kirim_id = str(uuid.uuid4())
    body = (f"kirim_id={kirim_id}&layanan=kunjungan&durasi=40&"
            + "&".join(f"{key}=3" for key in json.loads(ALL)))
    item = {"id": kirim_id, "url": f"{server.url}/kirim/survei", "body": body}
    browser.run(f"localStorage['{QUEUE}'] = JSON.stringify([{json.dumps(item)}])")

    browser.open(f"{server.url}/layanan/")
    browser.wait_until(f"JSON.parse(localStorage['{QUEUE}']).length === 0")
    assert stored(server, kirim_id) == [(kirim_id, 40)]


def test_the_form_script_starts_after_instant_navigation(server, browser):
    browser.open(f"{server.url}/")
    # The theme takes over links once it has read the sitemap of the site.
    browser.wait_until(
        "performance.getEntriesByType('resource')"
        ".some(entry => entry.name.endsWith('/sitemap.xml') && entry.responseEnd > 0)"
    )
    browser.run("new Promise(done => setTimeout(done, 200))")
    browser.run("window.halamanPertama = true")
    browser.run("document.querySelector('a[href$=\"survei/\"]').click()")

    browser.wait_until("location.pathname === '/survei/'")
    ready = browser.wait_until(
        "document.querySelector('form.dl-form[data-siap]')?.elements.kirim_id.value"
    )
    assert browser.run("window.halamanPertama === true")
    assert uuid.UUID(ready)


def test_a_sent_form_restored_from_the_back_cache_starts_a_new_fill(server, browser):
    browser.open(f"{server.url}/survei/")
    browser.wait_until("document.querySelector('form.dl-form[data-siap]')")
    sent_id = browser.run(FILL_SURVEY % ALL)
    browser.run("window.halamanLama = true")
    browser.run(SUBMIT)
    browser.wait_until("location.pathname === '/terima-kasih/'")

    browser.run("history.back()")
    browser.wait_until("location.pathname === '/survei/'")
    form = "document.querySelector('form.dl-form')"
    new_id = browser.wait_until(
        f"{form}.elements.kirim_id.value !== '{sent_id}' && {form}.elements.kirim_id"
        ".value"
    )

    assert browser.run("window.halamanLama === true")
    assert uuid.UUID(new_id)
    assert browser.run(f"{form}.elements.layanan.value") == ""
    assert browser.run(f"{form}.querySelector('.dl-submit').disabled") is False
