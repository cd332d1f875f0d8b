"""Security headers on every answer, cookie flags, and a site without inline script."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from collector import create_app
from collector.db import db
from collector.users import User
from tests.helpers import survey_answers
from tests.test_auth import sign_in

ANSWERS = [
    ("get", "/"),
    ("get", "/survei/"),
    ("get", "/assets/javascripts/formulir.js"),
    ("get", "/assets/stylesheets/duta.css"),
    ("get", "/tidak-ada/"),
    ("get", "/admin/masuk"),
    ("get", "/kirim/survei"),
    ("post", "/kirim/survei"),
]


def directives(policy: str) -> dict[str, list[str]]:
    """Split a Content-Security-Policy into its directives."""
    parts = (part.split() for part in policy.split(";") if part.strip())

    return {name: values for name, *values in parts}


@pytest.mark.parametrize(("method", "path"), ANSWERS)
def test_every_answer_carries_the_security_headers(client, method, path):
    data = survey_answers() if method == "post" else None
    response = getattr(client, method)(path, data=data)
    policy = directives(response.headers["Content-Security-Policy"])

    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


class InlineScripts(HTMLParser):
    """Collect the inline scripts and event-handler attributes of a page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.found += [name for name in attributes if name.startswith("on")]
        kind = attributes.get("type", "text/javascript")
        self.inside = tag == "script" and "src" not in attributes and "json" not in kind

    def handle_data(self, data):
        if self.inside and data.strip():
            self.found.append(data.strip()[:60])

    def handle_endtag(self, tag):
        self.inside = False


def test_no_page_of_the_built_site_holds_inline_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    found = {}
    for page in pages:
        parser = InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[str(page.relative_to(built_site))] = parser.found

    assert len(pages) > 10
    assert found == {}


def test_every_page_loads_the_form_script(built_site):
    for name in ("index.html", "survei/index.html", "buku-tamu/index.html"):
        assert "assets/javascripts/formulir.js" in (built_site / name).read_text()


def make_admin(app) -> None:
    with app.app_context():
        user = User(username="ani", role="admin")
        user.set_password("kata-sandi-panjang")
        db.session.add(user)
        db.session.commit()


def session_cookie(response) -> str:
    [cookie] = [c for c in response.headers.getlist("Set-Cookie")
                if c.startswith("session=")]

    return cookie


def test_the_session_cookie_is_http_only_and_same_site(app, client):
    make_admin(app)
    cookie = session_cookie(sign_in(client, "ani"))

    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_behind_https_the_session_cookie_is_secure(app_config):
    from flask_migrate import upgrade

    app = create_app({**app_config, "PUBLIC_URL": "https://layanan.example.go.id/"})
    with app.app_context():
        upgrade()
    make_admin(app)
    client = app.test_client()
    cookie = session_cookie(sign_in(client, "ani"))

    assert "Secure" in cookie
    assert "HttpOnly" in cookie
