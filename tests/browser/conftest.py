"""Browser fixtures: Debian's Chromium at a phone's size, against real gunicorn."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

from collector import create_app
from collector.db import db
from tests.browser.phone import PHONE, keep_local
from tests.conftest import REQUIRE_SERVICES, ROOT, build_site, compress_site
from tests.live import collector_env, gunicorn_command, migrate, serve

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    """Mark every test of this folder as a slow browser test."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def phone(chromium):
    """Return a fresh phone context whose requests cannot leave 127.0.0.1."""
    context = chromium.new_context(**PHONE)
    context.refused = keep_local(context)
    yield context
    context.close()


@pytest.fixture
def page(phone):
    """Return a new tab on the phone."""
    tab = phone.new_page()
    tab.set_default_timeout(10_000)

    return tab


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """Return the path of axe-core, installed by 'npm ci' in tests/browser."""
    if not AXE.exists():
        message = f"{AXE} is missing: run 'npm ci' in tests/browser"
        if REQUIRE_SERVICES:
            pytest.fail(message)
        pytest.skip(message)

    return AXE


class LiveServer:
    """A collector under gunicorn, with an app object to query its database."""

    def __init__(self, url: str, app):
        self.url = url
        self.app = app

    def at(self, path: str) -> str:
        """Return the absolute URL of a path on this server."""
        return self.url + path


def run_collector(site: Path, folder: Path):
    """Serve a site and a freshly migrated SQLite database; yield a LiveServer."""
    database_url = f"sqlite:///{folder / 'collector.sqlite3'}"
    env = collector_env(site, database_url, folder / "instance", MIN_FILL_SECONDS="0")
    migrate(env)
    with mock.patch.dict(os.environ, {"COLLECTOR_INSTANCE_PATH": str(folder)}):
        app = create_app(
            {"SECRET_KEY": "query", "DATABASE_URL": database_url, "SITE_DIR": str(site)}
        )
    command = gunicorn_command("collector:create_app()", workers=2)
    try:
        with serve(command, env, folder / "gunicorn.log") as server:
            yield LiveServer(server.url, app)
    finally:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def live_server(built_site, tmp_path):
    """Return the built site and the collector under gunicorn, on an empty database."""
    yield from run_collector(built_site, tmp_path)


@pytest.fixture(scope="module")
def site_server(built_site, tmp_path_factory):
    """Return one server for tests that only read pages, shared by a module."""
    yield from run_collector(built_site, tmp_path_factory.mktemp("site-server"))


@pytest.fixture(scope="session")
def instant_site(tmp_path_factory) -> Path:
    """Return the site built with Material's instant navigation switched on."""
    folder = tmp_path_factory.mktemp("instant")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT / 'site_src' / 'overrides'}\n"
        "  features: [navigation.instant, navigation.top]\n"
        f"hooks: [{ROOT / 'site_src' / 'hooks.py'}]\n",
        encoding="utf-8",
    )
    destination = folder / "site"
    build_site(destination, config)
    compress_site(destination)

    return destination


@pytest.fixture(params=["pages", "instant"])
def navigating_server(request, tmp_path):
    """Return a live server of the site as built, and of it with instant navigation."""
    site = request.getfixturevalue("built_site")
    if request.param == "instant":
        site = request.getfixturevalue("instant_site")

    yield from run_collector(site, tmp_path)
