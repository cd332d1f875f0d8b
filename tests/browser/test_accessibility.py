"""axe-core in the browser finds no accessibility violation on any page."""

from __future__ import annotations

import pytest

from collector import layanan
from collector.settings import PROJECT_ROOT
from tests.browser.phone import PHONE, answer_survey, keep_local

SERVICES = [s.kode for s in layanan.load_services(PROJECT_ROOT / "docs")]
PAGES = [
    "/",
    "/layanan/",
    *(f"/layanan/{kode}/" for kode in SERVICES),
    "/sop/",
    "/survei/",
    "/survei/hasil/",
    "/buku-tamu/",
    "/terima-kasih/",
    "/privasi/",
    "/halaman-yang-tidak-ada/",
    "/admin/masuk",
]


@pytest.fixture
def phone(chromium):
    """Return a phone context that lets the injected axe-core run despite the CSP."""
    context = chromium.new_context(**PHONE, bypass_csp=True)
    context.refused = keep_local(context)
    yield context
    context.close()


def violations(page, axe_script) -> list[str]:
    """Run axe-core on the loaded page; return one line per violating node."""
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("async () => await axe.run(document)")

    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_has_no_accessibility_violations(site_server, page, axe_script, path):
    page.goto(site_server.at(path))

    assert violations(page, axe_script) == []


def test_the_survey_shown_again_with_messages_has_no_violations(
    site_server, page, axe_script
):
    page.goto(site_server.at("/survei/"))
    page.locator("form.dl-form").evaluate("form => { form.noValidate = true; }")
    answer_survey(page, {"persyaratan": 4})
    page.get_by_role("button", name="Kirim penilaian").tap()
    page.get_by_text("Pertanyaan 2 belum dijawab").wait_for()

    assert violations(page, axe_script) == []


def test_the_menu_opened_on_a_phone_has_no_violations(site_server, page, axe_script):
    page.goto(site_server.at("/layanan/kunjungan/"))
    page.locator("label.md-header__button[for='__drawer']").tap()

    assert violations(page, axe_script) == []
