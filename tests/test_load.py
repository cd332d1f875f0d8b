"""The collector under gunicorn: concurrent posts, repeated ids, and a SIGKILL."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa

from tests.helpers import guestbook_answers, survey_answers
from tests.live import Gunicorn, collector_env, listening_socket, migrate

pytestmark = pytest.mark.slow

POSTS = 300
THREADS = 16


@pytest.fixture
def served(database_url, built_site, tmp_path):
    """Yield a function that starts gunicorn on a migrated database, and its engine."""
    env = collector_env(
        built_site, database_url, tmp_path / "instance", RATELIMIT_ENABLED="false"
    )
    migrate(env)
    listener = listening_socket()
    servers: list[Gunicorn] = []

    def start(workers: int = 3) -> Gunicorn:
        server = Gunicorn(listener, env, workers=workers).start()
        servers.append(server)

        return server

    engine = sa.create_engine(database_url)
    start.engine = engine
    yield start
    for server in servers:
        server.stop()
    listener.close()
    engine.dispose()


def post(url: str, data: bytes, headers: dict[str, str] | None = None,
         timeout: float = 30) -> tuple[int, bytes]:
    """Post a form body and return the status and the body, errors included."""
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        **(headers or {}),
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def body(name: str, kirim_id: str | None) -> bytes:
    answers = survey_answers() if name == "survei" else guestbook_answers()
    if kirim_id:
        answers["kirim_id"] = kirim_id

    return urlencode(answers).encode()


def rows_by_id(engine, table: str) -> dict[str | None, int]:
    """Return how many rows each submission id has in a table."""
    query = sa.text(f"SELECT kirim_id, count(*) FROM {table} GROUP BY kirim_id")
    with engine.connect() as connection:
        return dict(connection.execute(query).all())


def test_hundreds_of_concurrent_posts_are_each_stored_exactly_once(served):
    server = served(workers=3)
    first = []
    for n in range(POSTS - 60):
        name = "survei" if n % 3 else "buku-tamu"
        first.append((name, None if n % 10 == 0 else str(uuid.uuid4())))
    # Sixty of them sent again, as phones retrying after a lost answer do.
    plan = first + [item for item in first if item[1]][:60]
    random.Random(5).shuffle(plan)

    def send(item):
        name, kirim_id = item
        status, answer = post(f"{server.url}/kirim/{name}", body(name, kirim_id))

        return name, kirim_id, status, answer

    started = time.monotonic()
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(send, plan, timeout=120))
    elapsed = time.monotonic() - started
    print(f"\n{POSTS} posts with {THREADS} threads in {elapsed:.1f} s "
          f"({POSTS / elapsed:.0f} posts/s)")

    assert sorted({status for *_, status, _ in results}) == [201]
    answers: dict[str, set[bytes]] = {}
    for _, kirim_id, _, answer in results:
        if kirim_id:
            answers.setdefault(kirim_id, set()).add(answer)
    assert all(len(bodies) == 1 for bodies in answers.values())

    for table, name in (("survei", "survei"), ("buku_tamu", "buku-tamu")):
        stored = rows_by_id(served.engine, table)
        sent_ids = {kirim_id for n, kirim_id in plan if n == name and kirim_id}
        without_id = sum(1 for n, kirim_id in plan if n == name and not kirim_id)
        assert stored.pop(None, 0) == without_id
        assert stored == dict.fromkeys(sent_ids, 1)


def test_two_posts_with_one_id_at_the_same_moment_store_one_row(served):
    server = served(workers=3)
    pairs = [str(uuid.uuid4()) for _ in range(20)]
    results: dict[str, list] = {kirim_id: [] for kirim_id in pairs}

    def send(kirim_id: str, barrier: threading.Barrier) -> None:
        barrier.wait(timeout=30)
        results[kirim_id].append(post(f"{server.url}/kirim/survei",
                                      body("survei", kirim_id)))

    for kirim_id in pairs:
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=send, args=(kirim_id, barrier))
                   for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    for kirim_id, answers in results.items():
        assert [status for status, _ in answers] == [201, 201]
        assert answers[0][1] == answers[1][1]
        assert json.loads(answers[0][1])["id"] == kirim_id
    assert rows_by_id(served.engine, "survei") == dict.fromkeys(pairs, 1)


def test_a_failed_transaction_does_not_poison_the_next_request(served):
    server = served(workers=1)
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    url = f"{server.url}/kirim/survei"

    statuses = [
        post(url, body("survei", first))[0],
        post(url, body("survei", first))[0],
        post(url, urlencode(survey_answers(waktu="9")).encode())[0],
        post(url, body("survei", second))[0],
    ]

    assert statuses == [201, 201, 422, 201]
    assert rows_by_id(served.engine, "survei") == {first: 1, second: 1}


def test_every_post_answered_before_a_sigkill_survives_it(served, database_url):
    server = served(workers=3)
    acknowledged: list[str] = []
    stop = threading.Event()

    def stream() -> None:
        for _ in range(200):
            if stop.is_set():
                return
            kirim_id = str(uuid.uuid4())
            try:
                status, _ = post(f"{server.url}/kirim/survei", body("survei", kirim_id),
                                 timeout=30)
            except (OSError, http.client.HTTPException):
                return
            if 200 <= status < 300:
                acknowledged.append(kirim_id)

    threads = [threading.Thread(target=stream) for _ in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()
    stop.set()
    killed_at = len(acknowledged)

    restarted = served(workers=3)
    for thread in threads:
        thread.join(timeout=60)
    print(f"\n{killed_at} posts answered before the kill, {len(acknowledged)} in all")

    assert killed_at >= 60
    stored = rows_by_id(served.engine, "survei")
    assert set(acknowledged) <= set(stored)
    assert set(stored.values()) == {1}
    if database_url.startswith("sqlite"):
        with served.engine.connect() as connection:
            check = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        assert check == "ok"
    after = str(uuid.uuid4())
    assert post(f"{restarted.url}/kirim/survei", body("survei", after))[0] == 201
