"""Repeated failed sign-ins are slowed down, audited, and the session cookie is safe."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from collector import create_app
from collector.db import db, utcnow
from collector.throttle import LoginFailure
from collector.users import AuditEntry, User
from tests.helpers import csrf_token

PASSWORD = "kata-sandi-panjang"
REFUSED = "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, lalu coba lagi."
WRONG = "Nama pengguna atau kata sandi salah."


@pytest.fixture
def ani(app):
    """Create the admin account 'ani'."""
    with app.app_context():
        user = User(username="ani", role="admin")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()


def attempt(client, username: str, password: str):
    """Post the sign-in form with a fresh CSRF token."""
    token = csrf_token(client.get("/admin/masuk").get_data(as_text=True))
    data = {"username": username, "password": password, "csrf_token": token}

    return client.post("/admin/masuk", data=data)


def from_address(app, address: str):
    """Return a client whose requests come from the given address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address

    return client


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(app, ani):
    client = app.test_client()
    failures = [attempt(client, "ani", f"salah-{n}-sekali") for n in range(5)]
    refused = attempt(client, "ani", PASSWORD)

    assert [r.status_code for r in failures] == [200] * 5
    assert all(WRONG in r.get_data(as_text=True) for r in failures)
    assert refused.status_code == 429
    assert REFUSED in refused.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_a_user_name_is_protected_against_guesses_from_many_addresses(app, ani):
    for n in range(5):
        attempt(from_address(app, f"10.0.0.{n}"), "ani", "salah-sekali-lagi")

    response = attempt(from_address(app, "10.0.0.99"), "ani", PASSWORD)

    assert response.status_code == 429


def test_one_address_guessing_many_user_names_is_refused(app, ani):
    client = from_address(app, "10.0.0.7")
    for n in range(5):
        attempt(client, f"tamu{n}", "salah-sekali-lagi")

    assert attempt(client, "ani", PASSWORD).status_code == 429
    assert attempt(from_address(app, "10.0.0.8"), "ani", PASSWORD).status_code == 302


def test_the_count_is_shared_by_every_worker_on_the_same_database(app, app_config, ani):
    from flask_migrate import upgrade

    other_worker = create_app(app_config)
    with other_worker.app_context():
        upgrade()
    for n in range(3):
        attempt(app.test_client(), "ani", f"salah-{n}-sekali")
    for n in range(2):
        attempt(other_worker.test_client(), "ani", f"salah-{n}-lagi")

    assert attempt(app.test_client(), "ani", PASSWORD).status_code == 429
    with other_worker.app_context():
        db.session.remove()
        db.engine.dispose()


def test_failures_older_than_the_window_no_longer_count(app, ani):
    with app.app_context():
        long_ago = utcnow() - timedelta(minutes=16)
        for _ in range(5):
            db.session.add(
                LoginFailure(waktu=long_ago, username="ani", klien="1.2.3.4")
            )
        db.session.commit()

    assert attempt(from_address(app, "1.2.3.4"), "ani", PASSWORD).status_code == 302


def test_a_good_sign_in_clears_only_that_user_names_failures_from_that_address(
    app, ani
):
    client = app.test_client()
    for n in range(4):
        attempt(client, "ani", f"salah-{n}-sekali")
    attempt(client, "ani", PASSWORD)
    client.post(
        "/admin/keluar",
        data={"csrf_token": csrf_token(client.get("/admin/").get_data(as_text=True))},
    )

    with app.app_context():
        assert db.session.scalars(select(LoginFailure)).all() == []


def test_failed_sign_ins_are_audited_without_the_password(app, ani):
    attempt(app.test_client(), "ani", "rahasia-yang-salah")

    with app.app_context():
        entry = db.session.scalars(select(AuditEntry)).one()
        assert entry.aksi == "gagal-masuk"
        assert "'ani'" in entry.rincian
        assert "rahasia-yang-salah" not in entry.rincian


def session_cookie(response) -> str:
    """Return the Set-Cookie header of the session cookie."""
    cookies = response.headers.getlist("Set-Cookie")

    return next(cookie for cookie in cookies if cookie.startswith("session="))


def test_the_session_cookie_is_httponly_samesite_and_expires(app, ani):
    cookie = session_cookie(attempt(app.test_client(), "ani", PASSWORD))

    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" in cookie
    assert "Secure" not in cookie
    assert app.config["PERMANENT_SESSION_LIFETIME"] == timedelta(hours=8)


@pytest.mark.parametrize(
    "settings",
    [{"PUBLIC_URL": "https://layanan.example.go.id/"}, {"SESSION_COOKIE_SECURE": True}],
)
def test_the_session_cookie_is_secure_when_served_over_https(app_config, settings):
    from flask_migrate import upgrade

    secure_app = create_app({**app_config, **settings})
    with secure_app.app_context():
        upgrade()
        user = User(username="ani", role="admin")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()

    client = secure_app.test_client()
    cookie = session_cookie(attempt(client, "ani", PASSWORD))

    assert "Secure" in cookie
    with secure_app.app_context():
        db.session.remove()
        db.engine.dispose()
