"""Collector posts per second, latency and worker memory, against a bare Flask app.

Both apps run under gunicorn with the same workers and store the same survey
row in SQLite at the same durability (WAL, synchronous=FULL).
"""

from __future__ import annotations

import http.client
import os
import sqlite3
import statistics
import tempfile
import threading
import time
import urllib.parse
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tests.bench.common import ROOT, compress, heading, mkdocs_build, table

WORKERS = 4
LEVELS = (1, 8, 32)
POSTS_PER_LEVEL = 2000
SECONDS_PER_LEVEL = 10.0
WARM_UP = 50

COLUMNS = (
    "kirim_id", "unit", "dibuat", "tanggal", "sumber", "versi", "layanan",
    "persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi",
    "perilaku", "sarana", "pengaduan", "jenis_kelamin", "usia", "pendidikan",
    "pekerjaan", "saran",
)  # fmt: skip


def bare_app():
    """Return a Flask app that stores a survey post with the sqlite3 module alone."""
    from flask import Flask, abort, redirect, request

    from collector.kuesioner import UNSUR_KEYS

    app = Flask("bare")
    path = os.environ["BENCH_SQLITE_PATH"]
    local = threading.local()
    insert = (
        f"INSERT INTO survei ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in COLUMNS)})"
    )

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "db"):
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            local.db = db

        return local.db

    @app.post("/kirim/survei")
    def submit():
        form = request.form
        try:
            answers = [int(form[key]) for key in UNSUR_KEYS]
            usia = int(form["usia"]) if form.get("usia") else None
        except (KeyError, ValueError):
            abort(422)

        if not all(1 <= answer <= 4 for answer in answers):
            abort(422)

        now = datetime.now(UTC)
        row = (
            form.get("kirim_id") or None, "rutan-batusangkar",
            now.replace(tzinfo=None).isoformat(" "), now.date().isoformat(),
            "online", form.get("versi") or None, form["layanan"], *answers,
            form.get("jenis_kelamin") or None, usia, form.get("pendidikan") or None,
            form.get("pekerjaan") or None, form.get("saran") or None,
        )  # fmt: skip
        connection().execute(insert, row)

        return redirect("/terima-kasih/", code=303)

    return app


def survey_body() -> bytes:
    """Return one valid survey post with its own submission id."""
    from tests.helpers import survey_answers

    answers = survey_answers(kirim_id=str(uuid.uuid4()), saran="Antrean cukup cepat.")

    return urllib.parse.urlencode(answers).encode()


def post_once(host: str, port: int, origin: str) -> tuple[int, float]:
    """Post one survey on a new connection; return the status and the seconds."""
    body = survey_body()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": origin,
        "Accept": "text/html",
    }
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("POST", "/kirim/survei", body, headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()

    return status, time.perf_counter() - started


def load(url: str, clients: int, posts: int, seconds: float) -> dict:
    """Post from several clients at once, bounded in count and time."""
    parts = urllib.parse.urlsplit(url)
    results: list[tuple[int, float]] = []
    lock = threading.Lock()
    sent = [0]
    deadline = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= posts:
                    return
                sent[0] += 1

            outcome = post_once(parts.hostname, parts.port, url)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    latencies = sorted(seconds for status, seconds in results if status == 303)
    accepted = len(latencies)

    return {
        "clients": clients,
        "sent": len(results),
        "accepted": accepted,
        "per_second": accepted / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else None,
        "p99_ms": latencies[int(0.99 * (accepted - 1))] * 1000 if latencies else None,
    }


def stored_rows(database: Path) -> int:
    """Return the number of survey rows in a SQLite file."""
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM survei").fetchone()[0]


def worker_pids(master: int) -> list[int]:
    """Return the pids of a gunicorn master's workers."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text()

    return [int(pid) for pid in children.split()]


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

    return 0.0


def fsync_ms(folder: Path, count: int = 200) -> tuple[float, float]:
    """Return the p50 and p99 of appending 4 kB to a file and syncing it to disk."""
    times = []
    with (folder / "fsync.bin").open("ab") as out:
        for _ in range(count):
            started = time.perf_counter()
            out.write(b"\0" * 4096)
            out.flush()
            os.fsync(out.fileno())
            times.append((time.perf_counter() - started) * 1000)
    times.sort()

    return statistics.median(times), times[int(0.99 * (count - 1))]


@contextmanager
def running(name: str, app: str, folder: Path, site: Path):
    """Serve one app on a fresh database; yield its URL, database and master pid."""
    from tests.live import collector_env, gunicorn_command, migrate, serve

    database = folder / f"{name}.sqlite3"
    env = collector_env(site, f"sqlite:///{database}", folder / f"{name}-instance")
    env["BENCH_SQLITE_PATH"] = str(database)
    # The load comes from one address as fast as it can: keep the guards running
    # (their cost is part of the figure) but let every post through them.
    env["COLLECTOR_RATELIMIT_PUBLIC"] = "1000000 per minute"
    env["COLLECTOR_MIN_FILL_SECONDS"] = "0"
    migrate(env)
    command = gunicorn_command(app, workers=WORKERS)
    with serve(command, env, folder / f"{name}.log", probe="/terima-kasih/") as server:
        load(server.url, 4, WARM_UP, SECONDS_PER_LEVEL)
        yield server.url, database, server.pid


def measured_level(url: str, database: Path, clients: int) -> dict:
    """Load one app at one level and count the rows it stored meanwhile."""
    before = stored_rows(database)
    level = load(url, clients, POSTS_PER_LEVEL, SECONDS_PER_LEVEL)
    level["stored"] = stored_rows(database) - before

    return level


def compare(folder: Path, site: Path) -> tuple[list[tuple[dict, dict]], dict]:
    """Load both apps at every level in A-B-B-A order; keep each app's better run.

    Other work on a shared machine comes and goes; interleaving the two apps
    lets both meet the same conditions.
    """
    ours_app = "collector:create_app()"
    bare_app_name = "tests.bench.bench_collector:bare_app()"
    pairs = []
    with (
        running("collector", ours_app, folder, site) as ours,
        running("bare", bare_app_name, folder, site) as bare,
    ):
        for clients in LEVELS:
            runs = {"ours": [], "bare": []}
            for name, target in (("ours", ours), ("bare", bare), ("bare", bare),
                                 ("ours", ours)):  # fmt: skip
                runs[name].append(measured_level(target[0], target[1], clients))
            best = {name: max(found, key=lambda r: r["per_second"])
                    for name, found in runs.items()}  # fmt: skip
            pairs.append((best["ours"], best["bare"]))
            print(f"  {clients} clients done", flush=True)

        memory = {pid: peak_rss_mb(pid) for pid in worker_pids(ours[2])}

    return pairs, memory


def main() -> None:
    """Print posts per second and latency of the collector and of the bare app."""
    heading(
        f"Collector under gunicorn ({WORKERS} sync workers), SQLite WAL + "
        f"synchronous=FULL; each run at most {POSTS_PER_LEVEL} posts or "
        f"{SECONDS_PER_LEVEL:.0f} s; the better of two runs per app and level"
    )
    with tempfile.TemporaryDirectory(prefix="bench-collector-") as tmp:
        folder = Path(tmp)
        site = folder / "site"
        mkdocs_build(ROOT / "mkdocs.yml", site)
        compress(site)

        sync_p50, sync_p99 = fsync_ms(folder)
        print(
            f"the disk syncs 4 kB in {sync_p50:.1f} ms (p50), {sync_p99:.1f} ms (p99): "
            f"at most about {1000 / sync_p50:.0f} durable commits per second\n"
        )
        pairs, memory = compare(folder, site)

    rows = []
    for mine, theirs in pairs:
        ratio = mine["per_second"] / theirs["per_second"] if theirs["per_second"] else 0
        rows.append([
            mine["clients"],
            f"{mine['per_second']:.0f}", f"{theirs['per_second']:.0f}", f"{ratio:.2f}",
            f"{mine['p50_ms']:.1f}", f"{mine['p99_ms']:.1f}",
            f"{theirs['p50_ms']:.1f}", f"{theirs['p99_ms']:.1f}",
            f"{mine['stored']}/{mine['accepted']}/{mine['sent']}",
            f"{theirs['stored']}/{theirs['accepted']}/{theirs['sent']}",
        ])  # fmt: skip
    table(
        ["clients", "posts/s", "bare posts/s", "ratio", "p50 ms", "p99 ms",
         "bare p50", "bare p99", "stored/accepted/sent", "bare stored/acc/sent"],
        rows,
    )  # fmt: skip

    heading("Collector worker memory after the load (peak RSS, VmHWM)")
    table(
        ["worker pid", "peak RSS MB"],
        [[pid, f"{mb:.1f}"] for pid, mb in sorted(memory.items())],
    )
    print(f"largest worker: {max(memory.values(), default=0):.1f} MB", flush=True)


if __name__ == "__main__":
    main()
