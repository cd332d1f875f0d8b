"""Signing in to the admin pages, roles and the account commands."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from collector.db import db
from collector.users import AuditEntry, User

PASSWORD = "kata-sandi-panjang"


def csrf_token(page: str) -> str:
    """Return the CSRF token of the first form of a page."""
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


@pytest.fixture
def make_user(app):
    """Return a function that creates an account with a role."""

    def make(username: str, role: str, password: str = PASSWORD) -> None:
        with app.app_context():
            user = User(username=username, role=role)
            user.set_password(password)
            db.session.add(user)
            db.session.commit()

    return make


def sign_in(client, username: str, password: str = PASSWORD):
    """Post the sign-in form as a browser would, CSRF token included."""
    token = csrf_token(client.get("/admin/masuk").get_data(as_text=True))
    data = {"username": username, "password": password, "csrf_token": token}

    return client.post("/admin/masuk", data=data)


def test_the_admin_pages_send_a_stranger_to_the_sign_in_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/masuk")


def test_a_user_signs_in_with_the_right_password_and_it_is_audited(
    app, client, make_user
):
    make_user("ani", "admin")
    response = sign_in(client, "ani")

    assert response.status_code == 302
    assert "Selamat datang, ani." in client.get("/admin/").get_data(as_text=True)
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry)).all()
        assert [(e.username, e.aksi) for e in entries] == [("ani", "masuk")]


def test_a_wrong_password_is_refused_in_indonesian(client, make_user):
    make_user("ani", "admin")
    response = sign_in(client, "ani", "salah-sekali-ini")

    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_a_sign_in_without_csrf_token_is_refused(client, make_user):
    make_user("ani", "admin")
    data = {"username": "ani", "password": PASSWORD}
    response = client.post("/admin/masuk", data=data)

    assert response.status_code == 400
    assert "Sesi formulir sudah kedaluwarsa" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_a_disabled_account_cannot_sign_in(app, client, runner, make_user):
    make_user("budi", "petugas")
    result = runner.invoke(args=["users", "disable", "budi"])

    assert result.exit_code == 0
    assert "Nama pengguna atau kata sandi salah." in sign_in(client, "budi").get_data(
        as_text=True
    )


def test_users_create_stores_a_hash_not_the_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "citra", "--role", "pimpinan", "--password", PASSWORD]
    )

    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert (user.username, user.role) == ("citra", "pimpinan")
        assert PASSWORD not in user.password_hash
        assert user.check_password(PASSWORD)


def test_users_create_refuses_an_unknown_role_and_a_short_password(runner):
    unknown = runner.invoke(args=["users", "create", "x", "--role", "raja"])
    short = runner.invoke(
        args=["users", "create", "x", "--role", "admin", "--password", "pendek"]
    )

    assert unknown.exit_code != 0 and "raja" in unknown.output
    assert short.exit_code != 0 and "at least 10 characters" in short.output


def test_set_password_replaces_the_old_one(client, runner, make_user):
    make_user("ani", "admin")
    new = "yang-baru-dan-panjang"
    result = runner.invoke(args=["users", "set-password", "ani", "--password", new])

    assert result.exit_code == 0
    assert sign_in(client, "ani").status_code == 200
    assert sign_in(client, "ani", new).status_code == 302


def test_signing_out_ends_the_session(client, make_user):
    make_user("ani", "admin")
    sign_in(client, "ani")
    page = client.get("/admin/").get_data(as_text=True)
    client.post("/admin/keluar", data={"csrf_token": csrf_token(page)})

    assert client.get("/admin/").status_code == 302
