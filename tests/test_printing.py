"""The printed pieces: paper sizes, and QR codes that a real decoder reads."""

from __future__ import annotations

import math
import re
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp

from collector.layanan import (
    ContentError,
    load_services,
    load_site_config,
    unit_facts,
)
from site_src import printing, qr, survey_pages
from tests.live import (
    collector_env,
    gunicorn_command,
    migrate,
    serve,
    sqlite_url,
)
from tests.servers import ROOT, build_site, page_images, page_sizes_mm, print_to_pdf

PUBLIC = "https://layanan.example/"
SERVICES = load_services(ROOT / "docs")
CODES = [service.kode for service in SERVICES]
# Chromium lays pages out in whole CSS pixels, so a page may differ by a fraction.
SIZE_TOLERANCE_MM = 1.0
# A symbol this wide (quiet zone not counted) reads from about half a metre.
ARM_LENGTH_SYMBOL_MM = 25


@dataclass(frozen=True)
class Decoded:
    url: str
    side_mm: float
    level: str


@dataclass(frozen=True)
class Format:
    slug: str
    size_mm: tuple[float, float]
    dpi: int


FORMATS = (
    Format("banner", (850, 2000), 40),
    Format("poster", (297, 420), 100),
    Format("brosur", (297, 210), 200),
    Format("kartu", (105, 148), 150),
)


def expected_urls(slug: str) -> list[set[str]]:
    """Return, page by page, the addresses the QR codes of a piece must hold."""
    lists = {PUBLIC + "layanan/", PUBLIC + "survei/"}
    if slug in ("banner", "poster"):
        return [lists]

    if slug == "brosur":
        pages = [PUBLIC + f"layanan/{code}/" for code in CODES]
        flap = printing.BROCHURE_PER_PANEL
        return [lists | set(pages[:flap]), set(pages[flap:])]

    return [{PUBLIC + f"survei/{code}/", PUBLIC + f"layanan/{code}/"} for code in CODES]


def decode(image: Path, dpi: int) -> list[Decoded]:
    """Read every QR code in a greyscale page image, with its printed side in mm."""
    data = image.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    width, height = int(header[1]), int(header[2])
    # The view borrows the pixels, so they stay bound to a name while it is read.
    pixels = data[header.end() :]
    view = zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum)
    found = []
    results = zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)
    for result in results:
        corners = result.position
        side_px = math.dist(
            (corners.top_left.x, corners.top_left.y),
            (corners.top_right.x, corners.top_right.y),
        )
        found.append(Decoded(result.text, side_px * 25.4 / dpi, result.ec_level))

    return found


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    """Return the site built for a public https address."""
    destination = tmp_path_factory.mktemp("public-site")
    build_site(destination, PUBLIC)

    return destination


@pytest.fixture(scope="module")
def server(public_site, tmp_path_factory):
    """Yield the address of gunicorn serving the collector and the built site."""
    instance = tmp_path_factory.mktemp("instance")
    env = collector_env(public_site, sqlite_url(instance), instance)
    migrate(env)
    command = gunicorn_command("collector:create_app()", workers=1)
    with serve(command, env, instance / "gunicorn.log") as running:
        yield running.url


def fetch(server: str, public_url: str) -> str:
    """Open a decoded public address on the local server, the path unchanged."""
    assert public_url.startswith(PUBLIC)
    path = public_url[len(PUBLIC) :]
    with urllib.request.urlopen(f"{server}/{path}", timeout=10) as response:
        assert response.status == 200

        return response.read().decode("utf-8")


def check_target(server: str, url: str) -> None:
    """Check that an address opens the page its QR code promises."""
    page = fetch(server, url)
    path = url[len(PUBLIC) :]
    if path == "layanan/":
        assert "<h1" in page and "Daftar Layanan" in page
        return

    if path == "survei/":
        assert 'data-formulir="survei"' in page
        assert re.search(r'<option value="[^"]+" selected>', page) is None
        return

    section, code = path.strip("/").split("/")
    service = next(s for s in SERVICES if s.kode == code)
    if section == "layanan":
        assert "<h1" in page and service.title in page
    else:
        assert 'data-formulir="survei"' in page
        assert f'<option value="{code}" selected>' in page
        assert page.count(" selected>") == 1


@pytest.mark.slow
@pytest.mark.parametrize("paper", FORMATS, ids=lambda f: f.slug)
def test_a_printed_piece_fills_its_paper_and_every_qr_code_opens_its_page(
    paper, server, tmp_path, capsys
):
    pdf = tmp_path / f"{paper.slug}.pdf"
    print_to_pdf(f"{server}/cetak/{paper.slug}/", pdf)
    expected = expected_urls(paper.slug)

    sizes = page_sizes_mm(pdf)
    assert len(sizes) == len(expected)
    for width, height in sizes:
        assert abs(width - paper.size_mm[0]) <= SIZE_TOLERANCE_MM
        assert abs(height - paper.size_mm[1]) <= SIZE_TOLERANCE_MM

    images = page_images(pdf, paper.dpi, tmp_path)
    measured = []
    for image, urls in zip(images, expected, strict=True):
        decoded = decode(image, paper.dpi)
        assert {code.url for code in decoded} == urls
        assert len(decoded) == len(urls)
        measured.extend(decoded)

    for code in measured:
        check_target(server, code.url)
        assert code.level in ("M", "Q", "H")
        assert code.side_mm >= ARM_LENGTH_SYMBOL_MM

    with capsys.disabled():
        sides = sorted({round(code.side_mm) for code in measured})
        print(f"\n{paper.slug}: {len(measured)} QR codes, symbol sides {sides} mm")


@pytest.mark.slow
def test_the_service_list_and_each_service_page_link_the_preselected_survey(server):
    for service in SERVICES:
        page = fetch(server, PUBLIC + f"layanan/{service.kode}/")

        assert f'href="/survei/{service.kode}/"' in page


def test_a_qr_code_is_black_on_white_with_a_four_module_quiet_zone():
    svg = qr.qr_svg("https://layanan.example/survei/", 40, "Kode QR")
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))

    assert 'width="40mm" height="40mm"' in svg
    assert f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>' in svg
    assert 'stroke="#000"' in svg
    assert re.search(r'd="M4 4\.5h7', svg), "the first dark module sits 4 modules in"


@pytest.mark.parametrize(
    ("site_url", "problem"),
    [
        ("https://layanan.example/", None),
        ("http://127.0.0.1:8000/", None),
        ("http://localhost/", None),
        ("http://layanan.example/", "is public but not https"),
        ("layanan.example", "is not an absolute address"),
    ],
)
def test_only_https_or_a_development_address_may_go_into_qr_codes(site_url, problem):
    found = qr.address_problem(site_url)

    assert (found is None) if problem is None else (problem in found)


@pytest.mark.slow
def test_a_build_for_a_development_address_says_so_in_the_log_and_on_paper(tmp_path):
    done = build_site(tmp_path / "site", "http://127.0.0.1:8000/")
    banner = (tmp_path / "site" / "cetak" / "banner" / "index.html").read_text()

    assert "QR codes on the printed pages point at the development address" in (
        done.stderr
    )
    assert "CONTOH UJI: kode QR menunjuk ke alamat http://127.0.0.1:8000/" in banner


@pytest.mark.slow
def test_a_public_build_prints_no_development_notice(public_site):
    for slug in ("banner", "poster", "brosur", "kartu"):
        page = (public_site / "cetak" / slug / "index.html").read_text()

        assert "CONTOH UJI" not in page
        assert "127.0.0.1" not in page


OUTSIDE_THE_SHEET = """() => {
  const out = [];
  for (const box of document.querySelectorAll('.dl-sheet, .dl-panel')) {
    const edge = box.getBoundingClientRect();
    for (const el of box.querySelectorAll('*:not(svg *)')) {
      const r = el.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      if (r.left < edge.left - .5 || r.right > edge.right + .5 ||
          r.top < edge.top - .5 || r.bottom > edge.bottom + .5)
        out.push(`${box.className} > ${el.tagName}: `
                 + (el.textContent || '').trim().slice(0, 40));
    }
  }
  return out;
}"""


@pytest.mark.slow
@pytest.mark.parametrize("paper", FORMATS, ids=lambda f: f.slug)
def test_nothing_on_a_printed_sheet_runs_past_its_edge(paper, server, chromium):
    page = chromium.new_page()
    page.goto(f"{server}/cetak/{paper.slug}/")
    page.emulate_media(media="print")

    assert page.locator(".dl-sheet").count() == len(expected_urls(paper.slug))
    assert page.evaluate(OUTSIDE_THE_SHEET) == []
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-footer").is_hidden()
    assert page.locator(".dl-screen-only").first.is_hidden()
    page.close()


@pytest.mark.slow
def test_qr_codes_printed_in_the_dark_colour_scheme_still_decode(
    server, chromium, tmp_path
):
    page = chromium.new_page(color_scheme="dark")
    page.goto(f"{server}/cetak/kartu/")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.dl-qr')).backgroundColor"
    )
    pdf = tmp_path / "dark.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()

    assert background == "rgb(255, 255, 255)"
    found = set()
    for image in page_images(pdf, 150, tmp_path):
        found |= {code.url for code in decode(image, 150)}
    assert found == set.union(*expected_urls("kartu"))


def test_a_survey_page_in_docs_that_would_hide_a_services_survey_is_refused():
    with pytest.raises(ContentError, match="docs/survei/kunjungan.md exists"):
        survey_pages.generated_pages(SERVICES, "# Survei\n", {"survei/kunjungan.md"})


def test_a_service_survey_page_keeps_the_survey_text_under_its_own_heading():
    [service] = [s for s in SERVICES if s.kode == "kunjungan"]
    page = survey_pages.page_markdown(service, "# Survei\n\nTanpa nama.\n")

    assert page.count("\n# ") == 1
    assert "Anda menilai layanan **Kunjungan Keluarga**." in page
    assert page.endswith("Tanpa nama.\n")


def test_more_services_than_one_tri_fold_holds_go_on_further_inside_sheets():
    facts = unit_facts(load_site_config(ROOT / "mkdocs.yml"))
    one = printing.brochure_html(SERVICES, facts, PUBLIC)
    many = printing.brochure_html(SERVICES * 3, facts, PUBLIC)

    assert one.count("dl-side--inside") == 1
    assert many.count("dl-side--inside") == 3
    service = 'class="dl-brochure-service"'
    assert many.count(service) == one.count(service) * 3 == len(SERVICES) * 3
