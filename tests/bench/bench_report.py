"""The IKM report's time for 10 thousand to 1 million stored responses.

Rows are bulk-inserted (executemany on SQLite, COPY on PostgreSQL) into a
freshly migrated database, then the report runs as the command line runs it:
collector.reports.survey_totals and collector.ikm.compute.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from unittest import mock

from tests.bench.common import ROOT, heading, table

SIZES = (10_000, 100_000, 1_000_000)
REPEATS = 3
YEAR = date(2026, 1, 1)
COLUMNS = (
    "unit", "dibuat", "tanggal", "sumber", "layanan", "persyaratan", "prosedur",
    "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan",
)  # fmt: skip
POSTGRES_URL = os.environ.get(
    "COLLECTOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def responses(count: int, seed: int):
    """Yield survey rows in the order they arrive: day by day through a year."""
    from collector import layanan

    services = [code for code, _ in layanan.choices(ROOT / "docs")]
    rng = random.Random(seed)
    for offset in range(365):
        day = YEAR + timedelta(days=offset)
        today = count // 365 + (offset < count % 365)
        for second in sorted(rng.randrange(86_400) for _ in range(today)):
            instant = datetime(day.year, day.month, day.day) + timedelta(seconds=second)
            answers = [rng.choice((1, 2, 3, 3, 4, 4, 4)) for _ in range(9)]
            if rng.random() < 0.02:
                answers[rng.randrange(9)] = None
            yield ("rutan-batusangkar", instant, day, "online", rng.choice(services),
                   *answers)  # fmt: skip


def insert_sqlite(path: Path, count: int, seed: int) -> None:
    """Append rows to the SQLite survey table with executemany."""
    placeholders = ", ".join("?" for _ in COLUMNS)
    sql = f"INSERT INTO survei ({', '.join(COLUMNS)}) VALUES ({placeholders})"
    with sqlite3.connect(path) as db:
        db.executemany(
            sql,
            ((u, d.isoformat(" "), t.isoformat(), *rest)
             for u, d, t, *rest in responses(count, seed)),
        )  # fmt: skip


def insert_postgres(url: str, count: int, seed: int) -> None:
    """Append rows to the PostgreSQL survey table with COPY."""
    import psycopg
    import sqlalchemy as sa

    parts = sa.make_url(url)
    dsn = parts.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as connection, connection.cursor() as cursor:
        copy = f"COPY survei ({', '.join(COLUMNS)}) FROM STDIN"
        with cursor.copy(copy) as writer:
            for row in responses(count, seed):
                writer.write_row(row)


def vacuum(path: Path) -> None:
    """Give an emptied SQLite file back its space, as a fresh database would be."""
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")


def timed_report(app, start: date, end: date, service: str | None) -> float:
    """Return the best of a few runs of the report, in milliseconds."""
    from collector import ikm, reports

    period = reports.Period(start, end)
    runs = []
    with app.app_context():
        for _ in range(REPEATS + 1):
            started = time.perf_counter()
            respondents, totals = reports.survey_totals(period, service)
            ikm.compute(respondents, totals)
            runs.append(time.perf_counter() - started)

    return min(runs[1:]) * 1000


@contextmanager
def postgres_schema():
    """Yield the URL of an empty PostgreSQL schema, dropped afterwards."""
    import sqlalchemy as sa

    engine = sa.create_engine(POSTGRES_URL)
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(POSTGRES_URL).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def postgres_reachable() -> bool:
    """Tell whether the benchmark's PostgreSQL answers."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect():
            pass
        engine.dispose()
    except Exception:
        return False

    return True


def measure(name: str, url: str, insert, empty, folder: Path) -> list[list[object]]:
    """Fill one database to each size in arrival order and time the report."""
    from collector import create_app
    from collector.db import db
    from tests.live import collector_env, migrate

    env = collector_env(folder, url, folder / f"{name}-instance")
    migrate(env)
    with mock.patch.dict(os.environ, {"COLLECTOR_INSTANCE_PATH": str(folder)}):
        app = create_app(
            {"SECRET_KEY": "bench", "DATABASE_URL": url, "SITE_DIR": str(folder)}
        )

    rows = []
    for size in SIZES:
        empty()
        started = time.perf_counter()
        insert(size)
        loading = time.perf_counter() - started
        year = timed_report(app, YEAR, date(2026, 12, 31), None)
        month = timed_report(app, date(2026, 6, 1), date(2026, 6, 30), None)
        service = timed_report(app, YEAR, date(2026, 12, 31), "kunjungan")
        rows.append([name, f"{size:,}", f"{loading:.1f}", f"{year:.1f}",
                     f"{month:.1f}", f"{service:.1f}"])  # fmt: skip
        print(f"  {name} {size:,}: year {year:.1f} ms", flush=True)

    with app.app_context():
        db.engine.dispose()

    return rows


def execute(url: str, sql: str) -> None:
    """Run one statement on a database and commit it."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text(sql))
    engine.dispose()


def growth(rows: list[list[object]]) -> list[str]:
    """Describe how the year report's time grows with each tenfold of rows."""
    lines = []
    for before, after in zip(rows, rows[1:], strict=False):
        if before[0] == after[0]:
            factor = float(after[3]) / float(before[3])
            lines.append(
                f"{after[0]}: {before[1]} -> {after[1]} rows: time x{factor:.1f}"
            )

    return lines


def main() -> None:
    """Print the report's time for each database and size."""
    heading(f"IKM report (survey_totals + ikm.compute), best of {REPEATS} runs, in ms")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        database = folder / "report.sqlite3"
        sqlite_url = f"sqlite:///{database}"
        rows += measure(
            "sqlite",
            sqlite_url,
            lambda count: insert_sqlite(database, count, seed=count),
            lambda: execute(sqlite_url, "DELETE FROM survei") or vacuum(database),
            folder,
        )
        if postgres_reachable():
            with postgres_schema() as url:
                rows += measure(
                    "postgresql",
                    url,
                    lambda count: insert_postgres(url, count, seed=count),
                    lambda: execute(url, "TRUNCATE survei RESTART IDENTITY CASCADE"),
                    folder,
                )
        else:
            print(f"PostgreSQL at {POSTGRES_URL} does not answer: skipped")

    table(
        ["database", "rows", "load s", "year ms", "one month ms", "one service ms"],
        rows,
    )
    for line in growth(rows):
        print(line)


if __name__ == "__main__":
    main()
