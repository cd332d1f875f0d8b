"""Fixtures in the flaskr shape: a built site, an app on a fresh database, clients."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from collector import create_app
from collector.db import db
from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("COLLECTOR_TEST_POSTGRES_URL")
REQUIRE_SERVICES = os.environ.get("COLLECTOR_TEST_REQUIRE_SERVICES") == "1"



def pytest_configure(config):
    """Build test sites without the operator's published results, if any."""
    absent = ROOT / "site_src" / "data" / "no-results-in-tests.json"
    os.environ.setdefault("SITE_RESULTS_FILE", str(absent))


def build_site(destination: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    """Build the site strictly into a folder, failing the test on any warning."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(config), "-d", str(destination)],
        check=True,
        cwd=ROOT,
        env=env,
    )


def compress_site(folder: Path) -> None:
    """Write the .gz and .br copies that WhiteNoise serves to clients accepting them."""
    subprocess.run(
        [sys.executable, "-m", "whitenoise.compress", "--quiet", str(folder)],
        check=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Return a folder holding the site built from the project's content, as served."""
    destination = tmp_path_factory.mktemp("site")
    build_site(destination)
    compress_site(destination)

    return destination


@pytest.fixture(scope="session")
def postgres_engine():
    """Return an engine for the test PostgreSQL, or skip with the reason."""
    if not POSTGRES_URL:
        if REQUIRE_SERVICES:
            pytest.fail("COLLECTOR_TEST_POSTGRES_URL must be set in CI")
        pytest.skip("set COLLECTOR_TEST_POSTGRES_URL to run the PostgreSQL tests")

    engine = sa.create_engine(POSTGRES_URL)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """Yield the URL of an empty database: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'collector.sqlite3'}"
        return

    engine = request.getfixturevalue("postgres_engine")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    url = sa.make_url(POSTGRES_URL).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    yield url.render_as_string(hide_password=False)

    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def app_config(database_url, built_site, tmp_path, monkeypatch) -> dict:
    """Return the settings of a test collector."""
    monkeypatch.setenv("COLLECTOR_INSTANCE_PATH", str(tmp_path / "instance"))

    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "SITE_DIR": str(built_site),
    }


@pytest.fixture
def app(app_config):
    """Return a collector on a freshly migrated database."""
    from flask_migrate import upgrade

    app = create_app(app_config)
    with app.app_context():
        upgrade()

    yield app

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """Return a test client of the collector."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Return a runner for the collector's commands."""
    return app.test_cli_runner()


TEST_PASSWORD = "kata-sandi-uji-panjang"


@pytest.fixture
def signed_in(app):
    """Return a function that gives a client signed in with an account of a role."""
    from sqlalchemy import select

    from collector.users import User
    from tests.helpers import csrf_token

    def sign_in_as(role: str, username: str | None = None):
        username = username or f"uji-{role}"
        with app.app_context():
            query = select(User).where(User.username == username)
            if db.session.scalars(query).first() is None:
                user = User(username=username, role=role)
                user.set_password(TEST_PASSWORD)
                db.session.add(user)
                db.session.commit()

        client = app.test_client()
        token = csrf_token(client.get("/admin/masuk").get_data(as_text=True))
        data = {"username": username, "password": TEST_PASSWORD, "csrf_token": token}
        response = client.post("/admin/masuk", data=data)
        assert response.status_code == 302, f"{username} could not sign in"

        return client

    return sign_in_as


@pytest.fixture
def admin_client(signed_in):
    """Return a client signed in as an admin."""
    return signed_in("admin")


@pytest.fixture(scope="session")
def chromium():
    """Return Debian's Chromium launched headless through Playwright, once per run."""
    if not CHROMIUM.exists():
        if REQUIRE_SERVICES:
            pytest.fail(f"{CHROMIUM} is missing; CI installs it with apt")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
