"""The real server, the built pages and the command line, used as people use them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from urllib.error import HTTPError
from urllib.parse import urljoin
from urllib.request import HTTPRedirectHandler, Request, build_opener
from zoneinfo import ZoneInfo

import pytest

from tests.live import (
    collector_env,
    flask,
    gunicorn_command,
    migrate,
    serve,
    sqlite_url,
)
from tests.pages import Form, fill_like_a_phone, parse

pytestmark = pytest.mark.slow

PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Mobile Safari/537.36"


class NoRedirect(HTTPRedirectHandler):
    """Hand redirects back to the caller instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = build_opener(NoRedirect)


@pytest.fixture(scope="module")
def server_env(built_site, tmp_path_factory) -> dict[str, str]:
    """Return the environment of a collector on a migrated SQLite file."""
    folder = tmp_path_factory.mktemp("e2e")
    env = collector_env(built_site, sqlite_url(folder), folder / "instance")
    migrate(env)

    return env


@pytest.fixture(scope="module")
def server(server_env, tmp_path_factory):
    """Run gunicorn with two workers on a free port; yield its base URL."""
    log = tmp_path_factory.mktemp("e2e-log") / "gunicorn.log"
    command = gunicorn_command(
        "collector:create_app()", 2, 1, "--access-logfile", "-"
    )
    with serve(command, server_env, log) as running:
        yield running.url


def get(url: str):
    """GET a page as a phone does and return the response."""
    return OPENER.open(Request(url, headers={"User-Agent": PHONE}), timeout=30)


def post(url: str, body: str, origin: str) -> HTTPError:
    """POST a filled form as a browser does and return the unfollowed answer."""
    request = Request(
        url,
        data=body.encode(),
        method="POST",
        headers={
            "User-Agent": PHONE,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Accept": "text/html,application/xhtml+xml",
        },
    )
    try:
        response = OPENER.open(request, timeout=30)
    except HTTPError as answer:
        return answer

    pytest.fail(f"expected a redirect, got {response.status}: {response.read()[:500]}")


def the_form(server: str, page: str) -> Form:
    """Read a built page from the server and return its form to the collector."""
    with get(f"{server}/{page}/") as response:
        assert response.status == 200
        html = response.read().decode("utf-8")

    [form] = [f for f in parse(html).forms if f.action.startswith("/kirim/")]

    return form


def report(env: dict[str, str]) -> dict:
    """Run `flask ikm report --json` over the days around today, as an operator."""
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    period = [str(today - timedelta(days=1)), str(today + timedelta(days=1))]
    output = flask(
        env, "ikm", "report", "--from", period[0], "--to", period[1], "--json"
    )

    return json.loads(output)


def test_a_phone_fills_both_forms_and_the_report_counts_the_survey(server, server_env):
    survey = the_form(server, "survei")
    body = fill_like_a_phone(survey, {"persyaratan": "3", "layanan": "pengaduan"})
    answer = post(urljoin(server, survey.action), body, server)

    assert answer.code == 303
    assert answer.headers["Location"] == "/terima-kasih/"
    with get(urljoin(server, answer.headers["Location"])) as thanks:
        assert thanks.status == 200
        assert "Terima kasih" in thanks.read().decode("utf-8")

    guestbook = the_form(server, "buku-tamu")
    body = fill_like_a_phone(
        guestbook,
        {"nama": "Siti Rahmah", "telepon": "0812 3456 7890", "jumlah_pengikut": "0"},
    )
    answer = post(urljoin(server, guestbook.action), body, server)

    assert answer.code == 303
    assert answer.headers["Location"] == "/terima-kasih/"

    data = report(server_env)
    assert data["respondents"] == 1
    assert data["ikm"] == "97.22"
    assert (data["mutu"], data["kinerja"]) == ("A", "Sangat Baik")
    assert data["unsur"][0]["nrr"] == "3.0000"


def test_a_phone_that_skips_a_question_gets_the_page_back_with_the_message(server):
    survey = the_form(server, "survei")
    body = fill_like_a_phone(survey).replace("waktu=4&", "")
    answer = post(urljoin(server, survey.action), body, server)
    page = answer.read().decode("utf-8")

    assert answer.code == 422
    assert "Pertanyaan 3 belum dijawab. Pilih salah satu jawaban." in page
    assert 'name="persyaratan" value="4" checked' in page
