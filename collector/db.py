"""The database handle, its SQLite tuning and the column types it shares."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Rows stay readable after commit without a second query: a stored submission's
# id is logged and answered right after its commit.
db = SQLAlchemy(
    metadata=MetaData(naming_convention=NAMING),
    session_options={"expire_on_commit": False},
)


class UTCDateTime(TypeDecorator):
    """Store instants as naive UTC and hand them back time-zone aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None

        if value.tzinfo is None:
            raise ValueError(f"refusing a naive datetime: {value!r}")

        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None

        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    """Return the current instant in UTC."""
    return datetime.now(UTC)


def unicode_lower(value):
    """Return text in lower case by Unicode rules, anything else unchanged."""
    return value.lower() if isinstance(value, str) else value


def tune_sqlite(engine: Engine, busy_timeout: float) -> None:
    """Put every new SQLite connection in WAL mode with a busy timeout."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # SQLite's own lower() folds only ASCII; searches must ignore case as
        # PostgreSQL does, for names like "Ümmü" as much as "Siti".
        dbapi_connection.create_function("lower", 1, unicode_lower, deterministic=True)
