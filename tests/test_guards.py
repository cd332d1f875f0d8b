"""Guards on the public posts: origins, honeypot, fill time, sizes and rate limits."""

from __future__ import annotations

import logging
import os
import re
import uuid

import pytest

from collector import create_app
from collector.models import GuestbookEntry, SurveyResponse
from tests.helpers import count, guestbook_answers, survey_answers, survey_rows

JSON = {"Accept": "application/json"}
REDIS_URL = os.environ.get("COLLECTOR_TEST_REDIS_URL")
REQUIRE_SERVICES = os.environ.get("COLLECTOR_TEST_REQUIRE_SERVICES") == "1"
FOREIGN = "Formulir dari situs lain ditolak"


def make_client(app_config, **settings):
    """Return a client of a collector with the given settings changed."""
    from flask_migrate import upgrade

    app = create_app({**app_config, **settings})
    with app.app_context():
        upgrade()

    return app, app.test_client()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Origin": "http://localhost"}, 303),
        ({"Origin": "http://LOCALHOST:80"}, 303),
        ({"Referer": "http://localhost/survei/"}, 303),
        ({}, 303),
        ({"Origin": "https://penipu.example"}, 403),
        ({"Origin": "null"}, 403),
        ({"Origin": "http://localhost.penipu.example"}, 403),
        ({"Origin": "http://localhost:8001"}, 403),
        ({"Referer": "https://penipu.example/formulir"}, 403),
    ],
)
def test_posts_are_accepted_from_the_sites_own_origin_only(
    app, client, headers, status
):
    response = client.post("/kirim/survei", data=survey_answers(), headers=headers)

    assert response.status_code == status
    with app.app_context():
        assert count(SurveyResponse) == (1 if status == 303 else 0)
    if status == 403:
        assert FOREIGN in response.get_data(as_text=True)


def test_a_foreign_post_asked_as_json_gets_an_indonesian_message(app, client):
    headers = {"Origin": "https://penipu.example", **JSON}
    data = guestbook_answers()
    response = client.post("/kirim/buku-tamu", data=data, headers=headers)

    assert response.status_code == 403
    assert response.get_json()["judul"] == FOREIGN
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_configured_public_address_may_post(app_config):
    app, client = make_client(app_config, PUBLIC_URL="https://layanan.example.go.id/")
    headers = {"Origin": "https://layanan.example.go.id"}

    assert client.post("/kirim/survei", data=survey_answers(), headers=headers)\
        .status_code == 303


def test_a_configured_second_origin_may_post_and_read_the_json_answers(app_config):
    second = "https://rutan-batusangkar.example.id"
    app, client = make_client(app_config, ALLOWED_ORIGINS=f"{second}, https://lain.id")
    headers = {"Origin": second, **JSON}

    stored = client.post("/kirim/survei", data=survey_answers(), headers=headers)
    refused = client.post(
        "/kirim/survei", data=survey_answers(waktu=None), headers=headers
    )

    assert stored.status_code == 201
    assert refused.status_code == 422
    for response in (stored, refused):
        assert response.headers["Access-Control-Allow-Origin"] == second
        assert "Origin" in response.headers["Vary"]


def test_the_sites_own_posts_carry_no_cors_header(client):
    headers = {"Origin": "http://localhost", **JSON}
    response = client.post("/kirim/survei", data=survey_answers(), headers=headers)

    assert response.status_code == 201
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(("headers", "status"), [({}, 303), (JSON, 201)])
def test_a_filled_honeypot_is_answered_like_success_but_nothing_is_stored(
    app, client, caplog, headers, status
):
    caplog.set_level(logging.INFO, logger="collector.limits")
    posts = (("survei", survey_answers()), ("buku-tamu", guestbook_answers()))
    for name, data in posts:
        data["situs_web"] = "http://murah.example"
        response = client.post(f"/kirim/{name}", data=data, headers=headers)
        assert response.status_code == status

    with app.app_context():
        assert count(SurveyResponse) + count(GuestbookEntry) == 0
    assert caplog.text.count("honeypot filled") == 2
    assert "murah.example" not in caplog.text


def test_the_built_forms_carry_a_honeypot_that_people_do_not_see(client):
    for name in ("survei", "buku-tamu"):
        page = client.get(f"/{name}/").get_data(as_text=True)
        assert '<div class="dl-hp" aria-hidden="true">' in page
        assert 'name="situs_web" type="text" value="" tabindex="-1"' in page


TOO_FAST = "Formulir terkirim terlalu cepat. Periksa kembali jawaban Anda"


def test_a_form_sent_too_fast_is_refused_with_the_answers_kept(app, client):
    data = survey_answers(durasi="1", saran="Ruang tunggu sejuk")
    response = client.post("/kirim/survei", data=data)
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert f'id="durasi-error">{TOO_FAST}' in page
    assert "Ruang tunggu sejuk</textarea>" in page
    with app.app_context():
        assert count(SurveyResponse) == 0


def test_a_form_sent_too_fast_asked_as_json_names_the_problem(client):
    response = client.post("/kirim/buku-tamu", data=guestbook_answers(durasi="2"),
                           headers=JSON)

    assert response.status_code == 422
    assert response.get_json()["kesalahan"]["durasi"][0].startswith(TOO_FAST)


@pytest.mark.parametrize(
    ("sent", "stored"),
    [("3", 3), ("245", 245), ("86400", 86400), ("86401", None), ("abc", None),
     ("-4", None), ("1e3", None), ("", None), ("9" * 40, None)],
)
def test_the_fill_time_is_stored_in_whole_seconds_and_junk_as_null(
    app, client, sent, stored
):
    assert client.post("/kirim/survei", data=survey_answers(durasi=sent)).status_code\
        == 303
    with app.app_context():
        assert [row.durasi_detik for row in survey_rows()] == [stored]


def test_a_minimum_fill_time_of_zero_turns_the_check_off(app_config):
    app, client = make_client(app_config, MIN_FILL_SECONDS=0)

    assert client.post("/kirim/survei", data=survey_answers(durasi="0")).status_code\
        == 303


def test_an_oversized_body_asked_as_json_gets_an_indonesian_message(app, client):
    data = guestbook_answers(keperluan="x" * (app.config["MAX_CONTENT_LENGTH"] + 1))
    response = client.post("/kirim/buku-tamu", data=data, headers=JSON)

    assert response.status_code == 413
    assert response.get_json()["judul"] == "Isian terlalu besar"
    with app.app_context():
        assert count(GuestbookEntry) == 0


def test_the_default_limit_lets_a_busy_wifi_network_post_sixty_times_a_minute(app):
    client = app.test_client()
    statuses = [
        client.post("/kirim/survei", data=survey_answers()).status_code
        for _ in range(61)
    ]

    assert statuses == [303] * 60 + [429]


def test_too_many_posts_get_an_indonesian_page_that_says_nothing_is_lost(app_config):
    app, client = make_client(app_config, RATELIMIT_PUBLIC="2 per minute")
    for _ in range(2):
        client.post("/kirim/survei", data=survey_answers())
    page = client.post("/kirim/survei", data=survey_answers())
    as_json = client.post("/kirim/survei", data=survey_answers(), headers=JSON)

    assert page.status_code == 429
    assert "Jawaban Anda tidak hilang" in page.get_data(as_text=True)
    assert int(page.headers["Retry-After"]) > 0
    assert as_json.status_code == 429
    assert "Jawaban Anda tidak hilang" in as_json.get_json()["pesan"]


def post_from(client, forwarded_for: str):
    """Post a survey as if it came through a proxy with that X-Forwarded-For."""
    headers = {"X-Forwarded-For": forwarded_for}

    return client.post("/kirim/survei", data=survey_answers(), headers=headers)


def test_behind_one_proxy_each_real_client_has_its_own_count(app_config):
    app, client = make_client(app_config, RATELIMIT_PUBLIC="2 per minute", PROXY_HOPS=1)

    assert [post_from(client, "10.0.0.1").status_code for _ in range(3)] == [
        303, 303, 429]
    assert post_from(client, "10.0.0.2").status_code == 303


def test_a_forged_forwarded_header_does_not_escape_the_limit(app_config):
    app, client = make_client(app_config, RATELIMIT_PUBLIC="2 per minute", PROXY_HOPS=1)
    statuses = [post_from(client, f"192.0.2.{n}, 10.0.0.1").status_code
                for n in range(3)]

    assert statuses == [303, 303, 429]


def test_without_trusted_proxies_forwarded_headers_are_ignored(app_config):
    app, client = make_client(app_config, RATELIMIT_PUBLIC="2 per minute")
    statuses = [post_from(client, f"10.0.0.{n}").status_code for n in range(3)]

    assert statuses == [303, 303, 429]


def test_a_registered_desk_kiosk_is_not_counted(app_config):
    app, client = make_client(app_config, RATELIMIT_PUBLIC="1 per minute")
    result = app.test_cli_runner().invoke(args=["kiosk", "register", "Meja depan"])
    code = re.search(r"/kiosk/aktifkan/([\w-]+)", result.output).group(1)
    assert client.post(f"/kiosk/aktifkan/{code}").status_code == 303

    assert [client.post("/kirim/survei", data=survey_answers()).status_code
            for _ in range(3)] == [303, 303, 303]


@pytest.fixture
def redis_url():
    """Return the URL of the test Redis, or skip with the reason."""
    if not REDIS_URL:
        if REQUIRE_SERVICES:
            pytest.fail("COLLECTOR_TEST_REDIS_URL must be set in CI")
        pytest.skip("set COLLECTOR_TEST_REDIS_URL to run the Redis tests")

    return REDIS_URL


def test_processes_sharing_redis_share_one_count(app_config, redis_url):
    shared = {
        "RATELIMIT_PUBLIC": "3 per minute",
        "RATELIMIT_STORAGE_URI": redis_url,
        "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "RATELIMIT_SWALLOW_ERRORS": False,
    }
    first_app, first = make_client(app_config, **shared)
    statuses = [first.post("/kirim/survei", data=survey_answers()).status_code
                for _ in range(2)]
    second_app, second = make_client(app_config, **shared)
    statuses += [second.post("/kirim/survei", data=survey_answers()).status_code
                 for _ in range(2)]

    assert statuses == [303, 303, 303, 429]
