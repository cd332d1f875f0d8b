"""The built site: what a visitor gets, and what the build refuses."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from collector import kuesioner, layanan, limits, settings
from collector.forms import FORMS
from collector.models import SurveyResponse
from site_src import build
from tests.conftest import ROOT
from tests.helpers import count, survey_answers
from tests.pages import Form, page_text, parse

SERVICES = layanan.load_services(ROOT / "docs")
CODES = [service.kode for service in SERVICES]
FACTS = layanan.unit_facts(layanan.load_site_config(ROOT / "mkdocs.yml"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def read(site: Path, relative: str) -> str:
    """Return one built page as text."""
    return (site / relative).read_text(encoding="utf-8")


def copy_project(tmp_path: Path) -> Path:
    """Copy the content and configuration to a folder the test may change."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "site_src").symlink_to(ROOT / "site_src")

    return project


def try_build(project: Path) -> subprocess.CompletedProcess:
    """Build a copied project strictly and return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )


def form_of(html: str) -> Form:
    """Return the one form of a page that posts to the collector."""
    [form] = [f for f in parse(html).forms if f.action.startswith("/kirim/")]

    return form


def insert_line(path: Path, after: str, line: str) -> int:
    """Insert a line after the first line equal to `after`; return its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    position = lines.index(after) + 1
    lines.insert(position, line)
    path.write_text("\n".join(lines), encoding="utf-8")

    return position + 1


NEW_SERVICE = """\
---
title: Konsultasi Remisi
ringkas: Penjelasan tentang hak remisi warga binaan.
urutan: 5
tempat: Ruang Duta Layanan
jadwal: Senin sampai Jumat
persyaratan:
  - KTP asli
biaya: Gratis
waktu_penyelesaian: 10 menit
langkah:
  - Datang ke ruang Duta Layanan.
---

Tanyakan kepada petugas.
"""


@pytest.mark.parametrize("kode", CODES)
def test_every_service_page_shows_the_facts_of_its_front_matter(built_site, kode):
    service = next(service for service in SERVICES if service.kode == kode)
    facts = build.fill_service(service, FACTS)
    text = page_text(read(built_site, f"layanan/{kode}/index.html"))

    assert service.title in text
    assert f"Tempat: {facts['tempat']}" in text
    assert f"Jadwal: {facts['jadwal']}" in text
    assert f"Biaya: {facts['biaya']}" in text
    assert f"Waktu penyelesaian: {facts['waktu_penyelesaian']}" in text
    for item in (*facts["persyaratan"], *facts["langkah"]):
        assert " ".join(item.split()) in text


def test_there_are_at_least_eight_services_among_them_visits_and_complaints():
    assert len(CODES) >= 8
    assert {"kunjungan", "pengaduan"} <= set(CODES)


def test_every_service_is_listed_in_the_service_index(built_site):
    links = parse(read(built_site, "layanan/index.html")).links

    for service in SERVICES:
        assert (f"{service.kode}/", service.title) in links


@pytest.mark.parametrize("page", ["index.html", "survei/index.html"])
def test_every_service_is_in_the_navigation(built_site, page):
    links = parse(read(built_site, page)).links

    for service in SERVICES:
        assert any(
            href.endswith(f"layanan/{service.kode}/") and text == service.title
            for href, text in links
        ), service.kode


def test_an_empty_unit_fact_is_shown_as_belum_diisi(built_site):
    assert FACTS["jam_kunjungan"] == ""
    visits = page_text(read(built_site, "layanan/kunjungan/index.html"))
    home = page_text(read(built_site, "index.html"))

    assert "Jadwal: belum diisi, tanyakan kepada petugas" in visits
    assert "Telepon: belum diisi, tanyakan kepada petugas" in home


def test_a_known_unit_fact_replaces_its_marker(built_site):
    home = read(built_site, "index.html")

    assert f"Ini situs layanan {FACTS['nama']}" in page_text(home)
    assert "<!-- unit:" not in home


@pytest.mark.parametrize("name", ["survei", "buku-tamu"])
def test_the_embedded_form_has_exactly_the_fields_the_validator_accepts(
    built_site, name
):
    form = form_of(read(built_site, f"{name}/index.html"))
    validator = FORMS[name](tuple(layanan.choices(ROOT / "docs")))()

    accepted = {field.name for field in validator} | {limits.HONEYPOT}

    assert form.names() == accepted
    assert form.action == f"/kirim/{name}"
    assert form.method == "post"


def test_the_survey_elements_are_radio_groups_1_to_4_with_the_reference_labels(
    built_site,
):
    form = form_of(read(built_site, "survei/index.html"))

    for unsur in kuesioner.UNSUR:
        radios = form.radios(unsur.key)
        assert [radio.value for radio in radios] == ["1", "2", "3", "4"]
        assert tuple(radio.label for radio in radios) == unsur.pilihan
        assert all(radio.required for radio in radios)


def test_the_reference_labels_are_those_of_permenpanrb_14_2017():
    labels = {unsur.key: unsur.pilihan for unsur in kuesioner.UNSUR}

    assert labels["biaya"] == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert labels["sarana"] == ("Buruk", "Cukup", "Baik", "Sangat baik")
    assert labels["pengaduan"] == (
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    )


@pytest.mark.parametrize("name", ["survei", "buku-tamu"])
def test_the_service_pick_list_offers_every_service(built_site, name):
    form = form_of(read(built_site, f"{name}/index.html"))

    assert form.control("layanan").options[1:] == [(s.kode, s.title) for s in SERVICES]


def test_the_guestbook_consent_is_required_and_links_the_privacy_notice(built_site):
    html = read(built_site, "buku-tamu/index.html")
    page, form = parse(html), form_of(html)

    assert form.control("persetujuan").kind == "checkbox"
    assert form.control("persetujuan").required
    assert ("/privasi/", "Baca pemberitahuan privasi") in page.links


def test_every_optional_survey_question_says_it_may_be_left_empty(built_site):
    text = page_text(read(built_site, "survei/index.html"))

    for label in (
        "Jenis kelamin",
        "Usia dalam tahun",
        "Pendidikan terakhir",
        "Pekerjaan",
        "Saran atau masukan",
    ):
        assert re.search(rf"{label}[^.]{{0,20}}\(boleh dikosongkan\)", text), label


def test_the_results_page_says_there_is_no_data_yet(built_site):
    assert "Belum ada data" in page_text(read(built_site, "survei/hasil/index.html"))


@pytest.mark.parametrize("results", [None, {}, {"periode": []}])
def test_no_published_period_shows_belum_ada_data_on_both_pages(results):
    assert build.ordered(results) == []
    assert "Belum ada data" in build.results_html(results)
    assert "Belum ada data" in build.latest_html(None)


@pytest.mark.parametrize(
    "page", ["buku-tamu", "survei", "terima-kasih", "privasi", "sop", "survei/hasil"]
)
def test_every_visitor_page_is_built_in_indonesian(built_site, page):
    assert '<html lang="id"' in read(built_site, f"{page}/index.html")


URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")
URL_IN_JS = re.compile(r"""\b(?:src|href)\s*[=:]\s*["'`](https?:)?//""")


def external(address: str, allowed_host: str) -> bool:
    """Tell whether an address leaves the site for another host."""
    parts = urlsplit(address.strip())
    if parts.scheme in ("data", "mailto", "tel", "#"):
        return False

    return bool(parts.netloc) and parts.netloc != allowed_host


def test_no_built_page_style_or_script_loads_anything_from_another_host(built_site):
    site_url = layanan.load_site_config(ROOT / "mkdocs.yml")["site_url"]
    host = urlsplit(site_url).netloc
    found = []
    for path in sorted(built_site.rglob("*")):
        relative = path.relative_to(built_site)
        if path.suffix == ".html":
            page = parse(path.read_text(encoding="utf-8"))
            addresses = page.addresses + [
                match.group(1)
                for style in page.styles
                for match in URL_IN_CSS.finditer(style)
            ]
        elif path.suffix == ".css":
            addresses = URL_IN_CSS.findall(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js":
            text = path.read_text(encoding="utf-8")
            addresses = [m.group(0) for m in URL_IN_JS.finditer(text)]
            addresses += URL_IN_CSS.findall(text)
        else:
            continue

        found += [f"{relative}: {a}" for a in addresses if external(a, host)]

    assert found == []


def test_the_theme_is_told_not_to_fetch_fonts():
    config = layanan.load_site_config(ROOT / "mkdocs.yml")

    assert config["theme"]["font"] is False


def test_an_unknown_marker_fails_the_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    line = insert_line(
        project / "docs" / "index.md", "<!-- ikm-terkini -->", "<!-- nomor-antrean -->"
    )

    result = try_build(project)

    assert result.returncode != 0
    assert f"docs/index.md:{line}: unknown marker <!-- nomor-antrean -->" in (
        result.stderr
    )


def test_an_unknown_marker_under_front_matter_is_named_by_its_line_in_the_file(
    tmp_path,
):
    project = copy_project(tmp_path)
    page = project / "docs" / "layanan" / "pengaduan.md"
    last = page.read_text(encoding="utf-8").rstrip("\n").split("\n")[-1]
    line = insert_line(page, last, "<!-- unit:faks -->")

    result = try_build(project)

    assert result.returncode != 0
    assert f"docs/layanan/pengaduan.md:{line}: unknown marker <!-- unit:faks -->" in (
        result.stderr
    )


@pytest.mark.parametrize("key", ["tempat", "persyaratan", "langkah"])
def test_a_service_page_missing_a_front_matter_key_fails_naming_the_file(tmp_path, key):
    project = copy_project(tmp_path)
    page = project / "docs" / "layanan" / "baru.md"
    page.write_text(
        re.sub(rf"^{key}:.*?(?=^\w|^---)", "", NEW_SERVICE, flags=re.M | re.S),
        encoding="utf-8",
    )

    result = try_build(project)

    assert result.returncode != 0
    assert f"layanan/baru.md: front matter lacks {key}" in result.stderr


def test_an_unknown_placeholder_in_front_matter_fails_naming_the_file(tmp_path):
    project = copy_project(tmp_path)
    text = NEW_SERVICE.replace("Senin sampai Jumat", '"{jam_remisi}"')
    (project / "docs" / "layanan" / "baru.md").write_text(text, encoding="utf-8")

    result = try_build(project)

    assert result.returncode != 0
    assert "layanan/baru.md: unknown placeholder {jam_remisi}" in result.stderr


def test_a_placeholder_left_unquoted_in_front_matter_fails_with_the_fix(tmp_path):
    project = copy_project(tmp_path)
    text = NEW_SERVICE.replace("Senin sampai Jumat", "{jam_kunjungan}")
    (project / "docs" / "layanan" / "baru.md").write_text(text, encoding="utf-8")

    result = try_build(project)

    assert result.returncode != 0
    assert "layanan/baru.md: 'jadwal' must be text" in result.stderr
    assert 'jadwal: "{jam_kunjungan}"' in result.stderr


def test_a_requirement_left_unquoted_around_a_colon_fails_with_the_fix(tmp_path):
    project = copy_project(tmp_path)
    text = NEW_SERVICE.replace("  - KTP asli", "  - KTP asli\n  - Anak: didampingi")
    (project / "docs" / "layanan" / "baru.md").write_text(text, encoding="utf-8")

    result = try_build(project)

    assert result.returncode != 0
    assert "layanan/baru.md: line 2 of 'persyaratan' must be text" in result.stderr


@pytest.fixture(scope="module")
def project_with_a_new_service(tmp_path_factory) -> Path:
    """Return a copied project with one service page added, already built."""
    project = copy_project(tmp_path_factory.mktemp("baru"))
    (project / "docs" / "layanan" / "konsultasi-remisi.md").write_text(
        NEW_SERVICE, encoding="utf-8"
    )
    result = try_build(project)
    assert result.returncode == 0, result.stderr

    return project


def test_a_new_service_file_adds_the_service_to_index_nav_and_forms(
    project_with_a_new_service,
):
    site = project_with_a_new_service / "site"
    index = parse(read(site, "layanan/index.html"))
    home = parse(read(site, "index.html"))
    survey = form_of(read(site, "survei/index.html"))
    guestbook = form_of(read(site, "buku-tamu/index.html"))
    entry = ("konsultasi-remisi", "Konsultasi Remisi")

    assert ("konsultasi-remisi/", "Konsultasi Remisi") in index.links
    assert any(href.endswith("layanan/konsultasi-remisi/") for href, _ in home.links)
    assert entry in survey.control("layanan").options
    assert entry in guestbook.control("layanan").options
    assert "Ruang Duta Layanan" in page_text(
        read(site, "layanan/konsultasi-remisi/index.html")
    )


def test_the_collector_accepts_a_new_service_code_from_the_same_files(
    app, client, project_with_a_new_service
):
    data = survey_answers(layanan="konsultasi-remisi")
    assert client.post("/kirim/survei", data=data).status_code == 422

    app.config["DOCS_DIR"] = str(project_with_a_new_service / "docs")
    response = client.post("/kirim/survei", data=data)

    assert response.status_code == 303
    with app.app_context():
        assert count(SurveyResponse) == 1


def readme_table(heading: str) -> str:
    """Return the README section under a '## heading', up to the next one."""
    section = README.split(f"\n## {heading}\n", 1)[1]

    return section.split("\n## ", 1)[0]


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_the_readme_settings_table(setting):
    assert f"| `{setting.env}` |" in readme_table("Settings")


def test_the_readme_documents_no_setting_that_does_not_exist():
    documented = re.findall(
        r"^\| `COLLECTOR_([A-Z_]+)` \|", readme_table("Settings"), re.M
    )
    known = {setting.name for setting in settings.SETTINGS} | {"INSTANCE_PATH"}

    assert set(documented) <= known


@pytest.mark.parametrize("marker", [*build.BLOCK_MARKERS, "daftar-layanan", "unit:KEY"])
def test_every_content_marker_is_documented_in_the_readme(marker):
    assert f"| `<!-- {marker} -->` |" in README


def project_commands(app) -> list[str]:
    """Return 'group command' for every command the project adds to flask."""
    names = ["db upgrade"]
    for group_name, group in app.cli.commands.items():
        if group_name == "db":
            continue

        names += [f"{group_name} {name}" for name in getattr(group, "commands", {})]

    return names


def test_every_command_is_documented_in_the_readme(app):
    commands = readme_table("Commands")
    missing = [name for name in project_commands(app) if f"| `{name}" not in commands]

    assert missing == []
