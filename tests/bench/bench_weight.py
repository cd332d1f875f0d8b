"""First-view bytes of our pages against a plain Material site of the same content.

Both sites are built in this run from the same docs/. The plain one has the
theme's defaults and no hooks, so markers stay comments; it is measured twice:
served as built (no compressed copies, as a plain static host does) and with
the same .gz/.br copies that our site gets.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.bench.common import (
    ROOT,
    compress,
    copy_docs,
    heading,
    mkdocs_build,
    plain_config,
    table,
)

PAGES = ("/", "/layanan/kunjungan/", "/survei/", "/buku-tamu/")


def measure(browser, url: str) -> dict[str, int]:
    """Return the first-view bytes of each page at a server."""
    from tests.browser.phone import PHONE, keep_local
    from tests.browser.weight import first_view

    sizes = {}
    for path in PAGES:
        context = browser.new_context(**PHONE)
        refused = keep_local(context)
        sizes[path] = first_view(context, url + path).total
        for address in refused:
            print(f"  refused (not counted): {address}")
        context.close()

    return sizes


def main() -> None:
    """Build both sites, serve them under gunicorn and print the bytes per page."""
    from playwright.sync_api import sync_playwright

    from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS
    from tests.live import collector_env, gunicorn_command, migrate, serve

    heading("First-view bytes on a phone, compressed as served (bodies, bytes)")
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        folder = Path(tmp)
        ours, plain, plain_br = folder / "ours", folder / "plain", folder / "plain-br"
        mkdocs_build(ROOT / "mkdocs.yml", ours)
        compress(ours)
        docs = copy_docs(folder / "docs")
        mkdocs_build(plain_config(folder, docs), plain, strict=False)
        mkdocs_build(plain_config(folder, docs), plain_br, strict=False)
        compress(plain_br)

        env = collector_env(
            ours,
            f"sqlite:///{folder / 'c.sqlite3'}",
            folder / "i",
            MIN_FILL_SECONDS="0",
        )
        migrate(env)
        static = gunicorn_command("tests.bench.static_site:app()", workers=1)
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            command = gunicorn_command("collector:create_app()", workers=1)
            with serve(command, env, folder / "ours.log") as server:
                results["ours"] = measure(browser, server.url)
            for name, site in (("plain", plain), ("plain_br", plain_br)):
                site_env = {"BENCH_STATIC_ROOT": str(site)}
                with serve(static, site_env, folder / f"{name}.log") as server:
                    results[name] = measure(browser, server.url)
            browser.close()

    rows = []
    for path in PAGES:
        mine, theirs, theirs_br = (
            results[k][path] for k in ("ours", "plain", "plain_br")
        )
        rows.append([path, mine, theirs, f"{mine / theirs:.2f}", theirs_br,
                     f"{mine / theirs_br:.2f}"])  # fmt: skip
    table(
        ["page", "ours", "plain Material", "ratio", "plain + br/gz", "ratio"],
        rows,
    )


if __name__ == "__main__":
    main()
