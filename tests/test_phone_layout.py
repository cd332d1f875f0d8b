"""The forms as a phone's browser lays them out: Debian's Chromium, 390 px wide."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import REQUIRE_SERVICES

pytestmark = pytest.mark.slow

# Runs in the page after the theme's styles apply and writes what it measured
# into the page, where --dump-dom shows it.
MEASURE = """
<script>
addEventListener("load", () => {
  const box = (element) => element.getBoundingClientRect();
  const options = [...document.querySelectorAll(".dl-form .dl-option")];
  const result = {
    viewport: innerWidth,
    options: options.map((label) => {
      const input = box(label.querySelector("input"));
      const text = box(label.querySelector("span"));
      return {
        name: label.querySelector("input").name,
        height: box(label).height,
        width: box(label).width,
        gap: text.left - input.right,
        centre_offset: Math.abs(
          (input.top + input.bottom) / 2 - (text.top + Math.min(text.height, 32) / 2)
        ),
      };
    }),
    widest: Math.max(...[...document.querySelectorAll(".dl-form *")]
      .map((element) => box(element).right)),
  };
  const out = document.createElement("pre");
  out.id = "ukuran";
  out.textContent = JSON.stringify(result);
  document.body.append(out);
});
</script>
"""


def measure(site: Path, page: str) -> dict:
    """Open a built page in headless Chromium at phone width and measure its form."""
    if not CHROMIUM.exists():
        if REQUIRE_SERVICES:
            pytest.fail("chromium must be installed in CI")
        pytest.skip("chromium is not installed")

    text = (site / page / "index.html").read_text(encoding="utf-8")
    html = site / page / "ukur.html"
    html.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        finished = subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                *CHROMIUM_ARGS,
                f"--user-data-dir={profile}",
                "--window-size=390,1800",
                "--virtual-time-budget=5000",
                "--dump-dom",
                html.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    start = finished.stdout.find('<pre id="ukuran">')
    assert start >= 0, finished.stderr[-2000:]
    end = finished.stdout.index("</pre>", start)

    return json.loads(finished.stdout[start + len('<pre id="ukuran">') : end])


@pytest.fixture(scope="module")
def sizes(built_site, tmp_path_factory) -> dict[str, dict]:
    """Return the measurements of both form pages, on a copy of the built site."""
    copy = tmp_path_factory.mktemp("layout") / "site"
    shutil.copytree(built_site, copy)

    return {page: measure(copy, page) for page in ("survei", "buku-tamu")}


@pytest.mark.parametrize("page", ["survei", "buku-tamu"])
def test_every_choice_is_a_tap_target_of_at_least_44_px(sizes, page):
    options = sizes[page]["options"]
    small = [o for o in options if o["height"] < 44 or o["width"] < 44]

    assert options
    assert small == []


@pytest.mark.parametrize("page", ["survei", "buku-tamu"])
def test_nothing_in_the_form_is_wider_than_the_phone(sizes, page):
    assert sizes[page]["widest"] <= sizes[page]["viewport"]


def test_the_consent_box_sits_beside_its_text_with_room_between(sizes):
    options = sizes["buku-tamu"]["options"]
    [consent] = [o for o in options if o["name"] == "persetujuan"]

    assert consent["gap"] >= 8
    assert consent["centre_offset"] <= 12
