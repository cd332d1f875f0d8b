"""The kiosk in a real browser: it forgets the visitor when left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from collector.kuesioner import UNSUR_KEYS
from tests.live import (
    collector_env,
    flask,
    gunicorn_command,
    migrate,
    serve,
    sqlite_url,
)

IDLE_SECONDS = 2
# Long enough that a slow machine never resets the kiosk in the middle of a test.
PATIENT_IDLE_SECONDS = 600
# Generous: the kiosk must get back on its own, however slow the machine.
WAIT_MS = 30_000


@contextmanager
def desk_pc(site: Path, instance: Path, idle: int, chromium) -> Iterator[tuple]:
    """Yield gunicorn's address, its environment and a page on an activated kiosk."""
    env = collector_env(
        site,
        sqlite_url(instance),
        instance,
        KIOSK_IDLE_SECONDS=str(idle),
        MIN_FILL_SECONDS="0",
    )
    migrate(env)
    command = gunicorn_command("collector:create_app()", workers=1)
    with serve(command, env, instance / "gunicorn.log") as server:
        address = server.url
        output = flask(env, "kiosk", "register", "Meja depan")
        path = re.search(r"/kiosk/aktifkan/[\w-]+", output).group(0)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(address + path)
        page.get_by_role("button", name="Aktifkan komputer ini").click()
        page.wait_for_url(f"{address}/kiosk/")
        yield address, env, page
        context.close()


@pytest.fixture(scope="module")
def quick_desk(built_site, tmp_path_factory, chromium):
    """Yield a kiosk that resets after two idle seconds."""
    instance = tmp_path_factory.mktemp("quick-kiosk")
    with desk_pc(built_site, instance, IDLE_SECONDS, chromium) as running:
        yield running


@pytest.fixture(scope="module")
def patient_desk(built_site, tmp_path_factory, chromium):
    """Yield a kiosk that waits ten minutes before it resets."""
    instance = tmp_path_factory.mktemp("patient-kiosk")
    with desk_pc(built_site, instance, PATIENT_IDLE_SECONDS, chromium) as running:
        yield running


def storage(page) -> dict:
    """Return what the page's origin keeps in the browser."""
    return {
        "local": page.evaluate("window.localStorage.length"),
        "session": page.evaluate("window.sessionStorage.length"),
        "cookies": sorted(c["name"] for c in page.context.cookies()),
    }


def stored_rows(env: dict, table: str) -> list[tuple]:
    """Return (sumber, kiosk_id, durasi_detik) of every stored row of a table."""
    engine = sa.create_engine(env["COLLECTOR_DATABASE_URL"])
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(f"SELECT sumber, kiosk_id, durasi_detik FROM {table}")
        ).all()
    engine.dispose()

    return [tuple(row) for row in rows]


@pytest.mark.slow
def test_a_half_filled_guestbook_is_forgotten_after_the_idle_time(quick_desk):
    address, _, desk = quick_desk
    desk.get_by_role("link", name="Mulai").click()
    desk.wait_for_url(f"{address}/kiosk/buku-tamu")
    desk.fill("#nama", "Siti Rahmah")
    desk.fill("#telepon", "0812 3456 7890")
    desk.evaluate("window.localStorage.setItem('draf', 'Siti Rahmah')")
    desk.evaluate("window.sessionStorage.setItem('draf', 'Siti Rahmah')")

    desk.wait_for_url(f"{address}/kiosk/", timeout=WAIT_MS)

    assert desk.locator("h1").inner_text() == "Selamat datang"
    assert "Siti" not in desk.content()
    assert storage(desk) == {"local": 0, "session": 0, "cookies": ["kiosk_perangkat"]}
    [cookie] = desk.context.cookies()
    assert cookie["httpOnly"] is True
    assert "Siti" not in cookie["value"] and "0812" not in cookie["value"]

    desk.go_back()
    desk.wait_for_load_state()
    assert "Siti" not in desk.content()


@pytest.mark.slow
def test_a_visitor_goes_through_guestbook_survey_and_thanks_and_is_forgotten(
    patient_desk,
):
    address, env, desk = patient_desk
    desk.get_by_role("link", name="Mulai").click()
    desk.fill("#nama", "Yusuf bin Ahmad")
    desk.select_option("#layanan", "kunjungan")
    desk.check("input[name=persetujuan]")
    desk.get_by_role("button", name="Simpan di buku tamu").click()
    desk.wait_for_url(f"{address}/kiosk/survei")

    desk.select_option("#layanan", "kunjungan")
    for key in UNSUR_KEYS:
        desk.check(f"input[name={key}][value='4']")
    desk.get_by_role("button", name="Kirim penilaian").click()
    desk.wait_for_url(f"{address}/kiosk/selesai")
    assert desk.locator("h1").inner_text() == "Terima kasih"

    desk.get_by_role("link", name="Selesai").click()
    desk.wait_for_url(f"{address}/kiosk/")

    assert storage(desk)["local"] == storage(desk)["session"] == 0
    [(source, kiosk_id, seconds)] = stored_rows(env, "buku_tamu")
    assert (source, kiosk_id) == ("kiosk", 1)
    assert isinstance(seconds, int) and 0 <= seconds <= 86400
    [(source, kiosk_id, seconds)] = stored_rows(env, "survei")
    assert (source, kiosk_id) == ("kiosk", 1)
    assert isinstance(seconds, int) and 0 <= seconds <= 86400


@pytest.mark.slow
def test_every_kiosk_control_is_a_large_touch_target(patient_desk):
    address, _, desk = patient_desk
    small = []
    for path in ("/kiosk/", "/kiosk/buku-tamu", "/kiosk/survei"):
        desk.goto(address + path)
        controls = desk.locator(
            ".kiosk-button, .dl-option, .dl-form input[type=text], .dl-form select, "
            ".dl-submit"
        )
        assert controls.count() > 0
        for control in controls.all():
            box = control.bounding_box()
            if box["height"] < 56:
                small.append((path, control.inner_text()[:30], box["height"]))

    desk.goto(f"{address}/kiosk/")

    assert small == []
