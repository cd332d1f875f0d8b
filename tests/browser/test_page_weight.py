"""What a phone downloads: page weight budgets, compression and cache lifetimes."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.weight import ACCEPT_ENCODING, first_view

# Bytes of a first view, compressed as served; measured with some headroom
# (about 60 kB, of which the print stylesheet is 1.7 kB).
BUDGETS = {
    "/": 62_000,
    "/layanan/kunjungan/": 62_000,
    "/survei/": 66_000,
    "/buku-tamu/": 66_000,
}
TEXT = re.compile(r"\.(?:html|css|js|svg|json)$|/$")
YEAR = 365 * 24 * 3600


def headers(url: str, accept_encoding: str = ACCEPT_ENCODING):
    """Return the headers a resource is served with."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers


def max_age(cache_control: str) -> int:
    """Return the max-age of a Cache-Control header, 0 when it has none."""
    found = re.search(r"max-age=(\d+)", cache_control or "")

    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("path", BUDGETS)
def test_a_first_view_on_a_phone_stays_within_its_budget(site_server, phone, path):
    view = first_view(phone, site_server.at(path))

    assert phone.refused == []
    listing = "\n".join(f"{r.size:>8} {r.encoding:>3} {r.url}" for r in view.resources)
    assert view.total <= BUDGETS[path], f"{view.total} bytes:\n{listing}"


@pytest.mark.parametrize("path", BUDGETS)
def test_every_text_resource_of_a_first_view_arrives_compressed(
    site_server, phone, path
):
    view = first_view(phone, site_server.at(path))
    texts = [r for r in view.resources if TEXT.search(r.url)]

    assert len(texts) >= 3
    assert {r.url: r.encoding for r in texts} == {r.url: "br" for r in texts}


def test_a_client_without_brotli_gets_gzip_and_caches_keep_them_apart(site_server):
    served = headers(site_server.at("/survei/"), accept_encoding="gzip")

    assert served["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in served["Vary"]


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_are_not(
    site_server, phone
):
    view = first_view(phone, site_server.at("/"))
    fingerprinted = [r.url for r in view.resources if ".min." in r.url]
    assert fingerprinted

    for url in fingerprinted:
        cache = headers(url)["Cache-Control"]
        assert "immutable" in cache
        assert max_age(cache) >= YEAR

    page_cache = headers(site_server.at("/")).get("Cache-Control", "")
    assert "immutable" not in page_cache
    assert max_age(page_cache) <= 3600
