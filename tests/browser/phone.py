"""What a visitor does with a phone, in small steps the browser tests share."""

from __future__ import annotations

import re
from pathlib import Path

from collector.kuesioner import UNSUR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# A cheap Android phone: the visitors' usual device.
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 11; SM-A022F) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
}

LOCAL = re.compile(r"^(?:https?://127\.0\.0\.1[:/]|data:|blob:|about:)")


def keep_local(context) -> list[str]:
    """Refuse every request that leaves 127.0.0.1; return the list of refused URLs."""
    refused: list[str] = []

    def guard(route) -> None:
        url = route.request.url
        if LOCAL.match(url):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", guard)

    return refused


# One answer per element, 1–4, varied so a mixed-up column shows.
ANSWERS = dict(zip((u.key for u in UNSUR), (4, 3, 4, 4, 2, 3, 4, 1, 3), strict=True))


def open_menu(page) -> None:
    """Open the navigation drawer with the header's menu button."""
    page.locator("label.md-header__button[for='__drawer']").tap()


def follow_menu(page, *names: str) -> None:
    """Open the drawer, go back to its top, and tap through sections to a link."""
    open_menu(page)
    menu = page.locator("nav.md-nav--primary")
    opened = menu.locator("input.md-nav__toggle:checked:not(#__toc)")
    for toggle in reversed(opened.all()):
        back = toggle.get_attribute("id")
        menu.locator(f"label.md-nav__title[for='{back}']").tap()
    for section in names[:-1]:
        menu.locator("label.md-nav__link", has_text=section).first.tap()

    link = menu.get_by_role("link", name=names[-1], exact=True).last
    link.tap()


def arrive(page, path: str) -> None:
    """Wait until the browser shows the page at a path, loaded or swapped in."""
    page.wait_for_url(re.compile(re.escape(path) + r"(\?.*)?$"))
    page.wait_for_load_state()


def content(page):
    """Return the page's article, without the menu and the header."""
    return page.locator("article.md-content__inner")


def question(page, key: str):
    """Return the block of one survey question."""
    return page.locator(f"#isian-{key}")


def answer_survey(page, answers: dict[str, int], layanan: str = "Kunjungan Keluarga"):
    """Pick the service if it is not picked yet and tap one answer per element."""
    picker = page.locator("select[name='layanan']")
    if not picker.input_value():
        picker.select_option(label=layanan)

    for unsur in UNSUR:
        if unsur.key in answers:
            label = unsur.pilihan[answers[unsur.key] - 1]
            question(page, unsur.key).get_by_label(label, exact=True).tap()
