"""Accounts, sign-in and stored rows for the report and follow-up tests."""

from __future__ import annotations

import re
from datetime import date

from collector.db import db, utcnow
from collector.kuesioner import UNSUR_KEYS
from collector.models import GuestbookEntry, SurveyResponse
from collector.users import User

PASSWORD = "kata-sandi-panjang"
ROLES = ("admin", "petugas", "pimpinan")


def page_token(page: str) -> str:
    """Return the CSRF token of the first form of a page."""
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def add_account(app, username: str, role: str) -> None:
    """Store an account with a role and the test password."""
    with app.app_context():
        user = User(username=username, role=role)
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()


def signed_in(app, role: str):
    """Return a test client signed in with a new account of the role."""
    add_account(app, f"akun-{role}", role)
    client = app.test_client()
    token = page_token(client.get("/admin/masuk").get_data(as_text=True))
    data = {"username": f"akun-{role}", "password": PASSWORD, "csrf_token": token}
    response = client.post("/admin/masuk", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)

    return client


def add_response(day: date, scores: dict[str, int | None] | int = 4, **fields) -> int:
    """Store a survey response of a local day; an int gives every element that score."""
    if isinstance(scores, int):
        scores = dict.fromkeys(UNSUR_KEYS, scores)

    values = {"layanan": "kunjungan", "sumber": "online", **fields}
    row = SurveyResponse(unit="test", dibuat=utcnow(), tanggal=day, **scores, **values)
    db.session.add(row)
    db.session.commit()

    return row.id


def add_visit(day: date, layanan: str = "kunjungan") -> None:
    """Store a guestbook entry of a local day."""
    db.session.add(
        GuestbookEntry(
            unit="test", dibuat=utcnow(), tanggal=day, layanan=layanan, nama="X"
        )
    )
    db.session.commit()
