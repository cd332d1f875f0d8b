"""The built site as served: only files a visitor loads, each with compressed copies."""

from __future__ import annotations


def test_the_built_site_leaves_out_search_and_source_map_files(built_site):
    published = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")]

    assert not [p for p in published if "lunr" in p or "workers" in p]
    assert not [p for p in published if p.endswith((".map", ".map.gz", ".map.br"))]
    assert not [p for p in published if p.startswith("search/")]


def test_every_page_and_asset_of_the_built_site_has_brotli_and_gzip_copies(
    built_site,
):
    texts = [
        p
        for p in built_site.rglob("*")
        if p.suffix in (".html", ".css", ".js") and p.stat().st_size > 1024
    ]

    assert len(texts) > 10
    missing = [
        str(p.relative_to(built_site))
        for p in texts
        if not (
            p.with_name(p.name + ".br").exists()
            and p.with_name(p.name + ".gz").exists()
        )
    ]
    assert missing == []
