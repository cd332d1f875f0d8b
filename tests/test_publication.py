"""Publishing a period's index, and the next site build showing exactly it."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import select

from collector.db import db
from collector.kuesioner import UNSUR_KEYS
from collector.users import AuditEntry

from .admin_helpers import add_response, page_token, signed_in
from .conftest import ROOT, build_site


@pytest.fixture
def results_file(tmp_path):
    """Return the path of a results file private to the test."""
    return tmp_path / "hasil-ikm.json"


@pytest.fixture
def app_config(app_config, results_file):
    """Return the test settings with the results file in the test's folder."""
    return {**app_config, "RESULTS_FILE": str(results_file)}


def store_quarter() -> None:
    """Store answers in the first quarter of 2026, one on its last day, and before."""
    add_response(date(2025, 12, 31), 3)
    add_response(date(2026, 1, 2), 4)
    add_response(date(2026, 2, 14), {**dict.fromkeys(UNSUR_KEYS, 3), "sarana": 2})
    add_response(date(2026, 3, 30), {**dict.fromkeys(UNSUR_KEYS, 4), "waktu": None})
    add_response(date(2026, 3, 31), 4, layanan="titipan-barang")
    add_response(date(2026, 4, 1), 1)


def test_publish_writes_the_period_and_republishing_replaces_it(
    app, runner, results_file
):
    with app.app_context():
        store_quarter()
    first = runner.invoke(args=["ikm", "publish", "--period", "2026-Q1"])
    with app.app_context():
        add_response(date(2026, 3, 30), 1)
    again = runner.invoke(args=["ikm", "publish", "--period", "2026-Q1"])
    runner.invoke(args=["ikm", "publish", "--period", "2025-Q4"])
    data = json.loads(results_file.read_text(encoding="utf-8"))

    assert first.exit_code == 0 and "Published 2026-Q1 (4 respondents" in first.output
    assert again.exit_code == 0 and "Published 2026-Q1 (5 respondents" in again.output
    assert [p["kode"] for p in data["periode"]] == ["2025-Q4", "2026-Q1"]
    latest = data["periode"][-1]
    assert (latest["label"], latest["respondents"]) == ("Triwulan I 2026", 5)
    assert (latest["dari"], latest["sampai"]) == ("2026-01-01", "2026-03-31")
    assert [u["key"] for u in latest["unsur"]] == list(UNSUR_KEYS)
    assert latest["unsur"][0]["nama"] == "Persyaratan"
    titipan = next(s for s in latest["layanan"] if s["kode"] == "titipan-barang")
    assert (titipan["respondents"], titipan["mutu"]) == (1, "A")
    with app.app_context():
        actions = db.session.scalars(select(AuditEntry.aksi)).all()
        assert actions == ["terbitkan"] * 3


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2026-13", "'2026-13' is not a period"),
        ("2026-01-01..2026-01-31", "only a month, quarter, half-year or year"),
        ("2020", "2020 has no index yet (0 respondents"),
    ],
)
def test_publish_refuses_what_is_not_a_publishable_period(
    runner, results_file, code, message
):
    result = runner.invoke(args=["ikm", "publish", "--period", code])

    assert result.exit_code == 2 and message in result.output
    assert not results_file.exists()


def test_the_publish_button_writes_the_file_and_is_audited(app, results_file):
    with app.app_context():
        store_quarter()
    client = signed_in(app, "admin")
    page = client.get("/admin/laporan/ikm?periode=2026-Q1").get_data(as_text=True)
    assert "Terbitkan hasil Triwulan I 2026 ke situs" in page

    response = client.post(
        "/admin/laporan/terbitkan",
        data={"periode": "2026-Q1", "csrf_token": page_token(page)},
        follow_redirects=True,
    )

    assert "Hasil Triwulan I 2026 diterbitkan." in response.get_data(as_text=True)
    assert json.loads(results_file.read_text())["periode"][0]["kode"] == "2026-Q1"
    with app.app_context():
        entry = db.session.scalars(
            select(AuditEntry).where(AuditEntry.aksi == "terbitkan")
        ).one()
        assert entry.username == "akun-admin"
        assert entry.rincian.startswith("2026-Q1: IKM ")


def test_the_publish_button_refuses_a_period_without_data(app, results_file):
    client = signed_in(app, "admin")
    page = client.get("/admin/laporan/ikm?periode=2020-Q1").get_data(as_text=True)
    response = client.post(
        "/admin/laporan/terbitkan",
        data={"periode": "2020-Q1", "csrf_token": page_token(page)},
        follow_redirects=True,
    )

    text = response.get_data(as_text=True)
    assert "Belum ada data untuk Triwulan I 2020; tidak ada yang diterbitkan." in text
    assert not results_file.exists()


def test_a_custom_range_has_no_publish_button(app):
    client = signed_in(app, "admin")
    page = client.get("/admin/laporan/ikm?periode=2026-01-01..2026-01-31").get_data(
        as_text=True
    )

    assert "Terbitkan hasil" not in page


def text_of(fragment: str) -> str:
    """Return the visible text of an HTML fragment with its spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.mark.slow
def test_the_next_build_shows_exactly_the_published_figures(
    app, runner, results_file, tmp_path, monkeypatch
):
    with app.app_context():
        store_quarter()
    runner.invoke(args=["ikm", "publish", "--period", "2025-Q4"])
    published = runner.invoke(args=["ikm", "publish", "--period", "2026-Q1"])
    assert published.exit_code == 0, published.output
    report = json.loads(
        runner.invoke(
            args=[
                "ikm",
                "report",
                "--from",
                "2026-01-01",
                "--to",
                "2026-03-31",
                "--json",
            ]
        ).output
    )

    monkeypatch.setenv("SITE_RESULTS_FILE", str(results_file))
    site = tmp_path / "site"
    build_site(site, ROOT / "mkdocs.yml")
    results = (site / "survei" / "hasil" / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")

    comma = report["ikm"].replace(".", ",")
    headline = (
        f"IKM Triwulan I 2026: {comma}, mutu {report['mutu']} ({report['kinerja']}), "
    )
    headline += f"dari {report['respondents']} responden."
    assert headline in text_of(results)
    assert headline in text_of(home)
    for item in report["unsur"]:
        row = re.search(rf'<tr data-unsur="{item["key"]}">(.*?)</tr>', results).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        nrr = (item["nrr"] or "–").replace(".", ",")
        value = (item["ikm"] or "–").replace(".", ",")
        assert cells[1:] == [nrr, value, item["mutu"] or "–"]
    trend = re.findall(r'<tr data-periode="([^"]+)">', results)
    assert trend == ["2025-Q4", "2026-Q1"]
    assert "Triwulan IV 2025" in results and 'role="img"' in results

    admin_page = signed_in(app, "pimpinan").get("/admin/laporan/ikm?periode=2026-Q1")
    assert f'<dd class="ikm">{comma} (mutu {report["mutu"]},' in admin_page.get_data(
        as_text=True
    )


def test_without_a_results_file_the_pages_say_no_results_yet(built_site):
    results = (built_site / "survei" / "hasil" / "index.html").read_text(
        encoding="utf-8"
    )

    assert "Belum ada data: hasil survei belum diumumkan." in results
