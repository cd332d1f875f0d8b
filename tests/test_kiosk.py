"""The desk PC kiosk: registration, activation, revocation and what it stores."""

from __future__ import annotations

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from collector import kiosk
from collector.db import db, utcnow
from collector.kiosk import COOKIE, KioskDevice
from collector.users import AuditEntry
from tests.helpers import guestbook_answers, guestbook_rows, survey_answers, survey_rows
from tests.test_auth import csrf_token, make_user, sign_in  # noqa: F401

LINK = re.compile(r"https?://\S+/kiosk/aktifkan/([\w-]+)")


def register(runner, name: str = "Meja depan") -> str:
    """Register a kiosk with the command and return its activation path."""
    result = runner.invoke(args=["kiosk", "register", name])
    assert result.exit_code == 0, result.output

    return "/kiosk/aktifkan/" + LINK.search(result.output).group(1)


@pytest.fixture
def desk(client, runner):
    """Return a client that has opened its activation link: a registered desk PC."""
    path = register(runner)
    response = client.post(path)
    assert response.status_code == 303

    return client


def test_the_register_command_prints_a_one_time_link_from_the_site_address(runner):
    result = runner.invoke(args=["kiosk", "register", "Meja depan"])

    assert result.exit_code == 0
    assert "Registered kiosk 'Meja depan'" in result.output
    assert re.search(r"https?://[^/\s]+/kiosk/aktifkan/[\w-]{30,}", result.output)


def test_a_second_kiosk_with_the_same_name_is_refused(runner):
    register(runner)
    result = runner.invoke(args=["kiosk", "register", "Meja depan"])

    assert result.exit_code != 0
    assert "sudah terdaftar" in result.output


def test_opening_the_link_asks_first_and_then_sets_a_long_lived_httponly_cookie(
    app, client, runner
):
    path = register(runner)
    question = client.get(path)

    assert question.status_code == 200
    assert "Aktifkan kiosk “Meja depan”" in question.get_data(as_text=True)
    assert client.get_cookie(COOKIE) is None

    response = client.post(path)
    header = response.headers["Set-Cookie"]

    assert response.status_code == 303
    assert response.headers["Location"] == "/kiosk/"
    assert "HttpOnly" in header
    assert "SameSite=Strict" in header
    assert "Max-Age=34560000" in header


def test_the_start_screen_renews_the_device_cookie_within_chromiums_400_days(desk):
    token = desk.get_cookie(COOKIE).value
    header = desk.get("/kiosk/").headers["Set-Cookie"]

    assert header.startswith(f"{COOKIE}={token};")
    assert "Max-Age=34560000" in header


def test_the_device_token_is_stored_only_as_its_hash(app, desk):
    token = desk.get_cookie(COOKIE).value
    with app.app_context():
        [device] = db.session.scalars(select(KioskDevice)).all()

        assert device.token_hash == kiosk.digest(token)
        assert token not in (device.token_hash, device.tautan_hash)
        assert device.tautan_hash is None
        assert device.status == "aktif"


def test_an_activation_link_works_only_once(client, runner):
    path = register(runner)
    client.post(path)
    other = client.application.test_client()
    again = other.post(path)

    assert again.status_code == 404
    assert "Tautan aktivasi tidak berlaku" in again.get_data(as_text=True)
    assert other.get_cookie(COOKIE) is None


def test_an_expired_activation_link_is_refused(app, client, runner):
    path = register(runner)
    with app.app_context():
        device = db.session.scalars(select(KioskDevice)).one()
        device.tautan_berlaku = utcnow() - timedelta(minutes=1)
        db.session.commit()

    response = client.get(path)

    assert response.status_code == 404
    assert "sudah kedaluwarsa" in response.get_data(as_text=True)


def test_an_unregistered_pc_is_told_how_to_register_and_cannot_post(client):
    page = client.get("/kiosk/")
    post = client.post("/kiosk/survei", data=survey_answers())

    assert page.status_code == 403
    assert "Perangkat ini belum terdaftar sebagai kiosk" in page.get_data(as_text=True)
    assert post.status_code == 403


def test_the_kiosk_walks_from_guestbook_to_survey_to_thanks(app, desk):
    start = desk.get("/kiosk/")
    guest = desk.post("/kiosk/buku-tamu", data=guestbook_answers(durasi="61"))
    survey = desk.post("/kiosk/survei", data=survey_answers(durasi="148"))
    thanks = desk.get("/kiosk/selesai")

    assert 'href="/kiosk/buku-tamu"' in start.get_data(as_text=True)
    assert (guest.status_code, guest.headers["Location"]) == (303, "/kiosk/survei")
    assert (survey.status_code, survey.headers["Location"]) == (303, "/kiosk/selesai")
    assert "Terima kasih" in thanks.get_data(as_text=True)
    with app.app_context():
        device = db.session.scalars(select(KioskDevice)).one()
        [entry] = guestbook_rows()
        [response] = survey_rows()

        assert (entry.sumber, entry.kiosk_id, entry.durasi_detik) == (
            "kiosk",
            device.id,
            61,
        )
        assert (response.sumber, response.kiosk_id, response.durasi_detik) == (
            "kiosk",
            device.id,
            148,
        )


def test_a_kiosk_form_with_a_mistake_is_shown_again_in_the_kiosk(desk):
    response = desk.post("/kiosk/buku-tamu", data=guestbook_answers(nama="   "))
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert "Nama belum diisi. Tulis nama lengkap Anda." in page
    assert 'action="/kiosk/buku-tamu"' in page
    assert 'value="0812-3456-7890"' in page or 'value="+6281234567890"' in page


def test_kiosk_forms_turn_autofill_off_so_no_name_is_offered_to_the_next_visitor(desk):
    page = desk.get("/kiosk/buku-tamu").get_data(as_text=True)

    assert 'autocomplete="name"' not in page
    assert 'autocomplete="tel"' not in page
    assert re.search(r'<form class="dl-form"[^>]*autocomplete="off"', page)


def test_kiosk_pages_are_never_cached_and_run_no_inline_script(desk):
    for path in ("/kiosk/", "/kiosk/buku-tamu", "/kiosk/survei", "/kiosk/selesai"):
        response = desk.get(path)
        page = response.get_data(as_text=True)

        assert response.headers["Cache-Control"] == "no-store"
        assert re.findall(r"<script[^>]*>", page) == [
            '<script src="/static/kiosk.js" defer>'
        ]
    start = desk.get("/kiosk/")
    assert start.headers["Clear-Site-Data"] == '"cache", "storage"'


def test_a_public_post_from_a_registered_kiosk_is_marked_as_kiosk(app, desk):
    response = desk.post("/kirim/survei", data=survey_answers())

    assert response.status_code == 303
    with app.app_context():
        [row] = survey_rows()
        assert row.sumber == "kiosk"
        assert row.kiosk_id is not None


def test_current_device_names_the_kiosk_behind_a_request(app, desk):
    token = desk.get_cookie(COOKIE).value
    with app.test_request_context(headers={"Cookie": f"{COOKIE}={token}"}):
        assert kiosk.current_device().nama == "Meja depan"

    with app.test_request_context(headers={"Cookie": f"{COOKIE}=palsu-{token}"}):
        assert kiosk.current_device() is None


@pytest.fixture
def admin(app, make_user):  # noqa: F811
    """Return a client signed in as an admin."""
    make_user("ani", "admin")
    client = app.test_client()
    sign_in(client, "ani")

    return client


def test_an_admin_registers_a_kiosk_on_the_admin_page_and_sees_its_link_once(
    app, admin
):
    form = admin.get("/admin/kiosk/").get_data(as_text=True)
    data = {"nama": "Meja depan", "csrf_token": csrf_token(form)}
    page = admin.post("/admin/kiosk/", data=data).get_data(as_text=True)
    later = admin.get("/admin/kiosk/").get_data(as_text=True)

    assert LINK.search(page)
    assert not LINK.search(later)
    assert "menunggu aktivasi" in later
    assert "UTC" not in later
    with app.app_context():
        actions = db.session.scalars(select(AuditEntry.aksi)).all()
        assert "kiosk-daftar" in actions
        registered = db.session.scalars(select(KioskDevice.dibuat)).one()
    jakarta = registered.astimezone(ZoneInfo("Asia/Jakarta"))
    assert jakarta.strftime("%Y-%m-%d %H:%M") in later


def test_a_revoked_kiosk_is_refused_and_its_public_posts_count_as_online(
    app, admin, desk
):
    with app.app_context():
        device_id = db.session.scalars(select(KioskDevice.id)).one()

    page = admin.get("/admin/kiosk/").get_data(as_text=True)
    url = f"/admin/kiosk/{device_id}/cabut"
    revoked = admin.post(url, data={"csrf_token": csrf_token(page)})

    assert revoked.status_code == 302
    assert desk.get("/kiosk/").status_code == 403
    assert desk.post("/kiosk/survei", data=survey_answers()).status_code == 403
    desk.post("/kirim/survei", data=survey_answers())
    with app.app_context():
        [row] = survey_rows()
        assert (row.sumber, row.kiosk_id) == ("online", None)
        assert db.session.get(KioskDevice, device_id).status == "dicabut"


def test_a_desk_clerk_cannot_open_the_kiosk_admin_page(app, make_user):  # noqa: F811
    make_user("budi", "petugas")
    client = app.test_client()
    sign_in(client, "budi")

    assert client.get("/admin/kiosk/").status_code == 403


def test_the_revoke_command_revokes_by_name(runner):
    register(runner)
    result = runner.invoke(args=["kiosk", "revoke", "Meja depan"])
    listing = runner.invoke(args=["kiosk", "list"])

    assert result.exit_code == 0
    assert "Meja depan\tdicabut" in listing.output


def test_the_privacy_notice_opens_inside_the_kiosk_with_a_way_back(desk):
    form = desk.get("/kiosk/buku-tamu").get_data(as_text=True)
    page = desk.get("/kiosk/privasi").get_data(as_text=True)

    assert 'href="/kiosk/privasi"' in form
    assert "Pemberitahuan Privasi" in page
    assert 'href="/kiosk/buku-tamu">Kembali ke buku tamu</a>' in page
    assert '<script src="/static/kiosk.js" defer>' in page
