"""The survey with a keyboard alone: Tab, Space, arrow keys and Enter."""

from __future__ import annotations

from collector.kuesioner import UNSUR
from tests.browser.phone import arrive
from tests.helpers import survey_rows

TAB_LIMIT = 200


def focused(page) -> dict:
    """Return the name, type and tag of the element that has the focus."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {name: e.name || '', type: e.type || '', tag: e.tagName}; }"
    )


def tab_until(page, predicate) -> dict:
    """Press Tab until the focused element matches, failing after many presses."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element

    raise AssertionError(f"Tab never reached the element; focus ended on {element}")


def test_the_survey_can_be_completed_with_the_keyboard_alone(live_server, page):
    page.goto(live_server.at("/survei/"))

    tab_until(page, lambda e: e["name"] == "layanan")
    page.keyboard.press("ArrowDown")
    for unsur in UNSUR:
        tab_until(page, lambda e, key=unsur.key: e["name"] == key)
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
    tab_until(page, lambda e: e["tag"] == "BUTTON" and e["type"] == "submit")
    page.keyboard.press("Enter")

    arrive(page, "/terima-kasih/")
    with live_server.app.app_context():
        [row] = survey_rows()
        assert row.layanan == "kunjungan"
        assert [getattr(row, unsur.key) for unsur in UNSUR] == [2] * 9
