"""The collector: stores the guestbook and the IKM survey posted from the site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class ConfigurationError(RuntimeError):
    """A setting the collector cannot start without."""


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the collector from defaults, instance config and COLLECTOR_ variables."""
    from flask_migrate import Migrate

    from . import (
        admin,
        auditlog,
        auth,
        cli,
        downloads,
        followup_pages,
        headers,
        kiosk_admin,
        kiosk_pages,
        limits,
        paper,
        records,
        report_pages,
        settings,
        site,
        submissions,
    )
    from .db import db, tune_sqlite

    app = Flask(
        __name__,
        instance_path=os.environ.get("COLLECTOR_INSTANCE_PATH") or None,
        instance_relative_config=True,
    )
    app.config.from_mapping(settings.defaults())
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("COLLECTOR")
    if test_config:
        app.config.from_mapping(test_config)

    if not app.config["SECRET_KEY"]:
        raise ConfigurationError(
            "COLLECTOR_SECRET_KEY is not set: set it in the environment or as "
            f"SECRET_KEY in {Path(app.instance_path) / 'config.py'} "
            "('make run' writes one for you)."
        )

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    database_url = app.config["DATABASE_URL"] or (
        f"sqlite:///{Path(app.instance_path) / 'collector.sqlite3'}"
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    db.init_app(app)
    Migrate(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            tune_sqlite(db.engine, float(app.config["SQLITE_BUSY_TIMEOUT"]))

    site.init_app(app)
    limits.init_app(app, submissions.bp)
    headers.init_app(app)
    auth.init_app(app)
    auth.csrf.exempt(submissions.bp)
    app.register_blueprint(submissions.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(records.bp)
    app.register_blueprint(auditlog.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(report_pages.bp)
    app.register_blueprint(followup_pages.bp)
    app.register_blueprint(paper.bp)
    app.register_blueprint(kiosk_admin.bp)
    kiosk_pages.init_app(app)
    cli.init_app(app)

    return app
