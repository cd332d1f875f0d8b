"""Lighthouse's mobile profile on our four main pages, in Debian's Chromium.

Lighthouse comes from the npm registry into tests/bench (npm ci); Chromium
is never downloaded. Accessibility, Best Practices and SEO must be 100: the
script exits non-zero after printing when one is not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.common import ROOT, compress, heading, mkdocs_build, table

LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules/lighthouse/cli/index.js"
PAGES = ("/", "/layanan/kunjungan/", "/survei/", "/buku-tamu/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MUST_BE_FULL = ("accessibility", "best-practices", "seo")
TIMINGS = {
    "first-contentful-paint": ("FCP ms", "{:.0f}"),
    "largest-contentful-paint": ("LCP ms", "{:.0f}"),
    "total-blocking-time": ("TBT ms", "{:.0f}"),
    "cumulative-layout-shift": ("CLS", "{:.3f}"),
    "total-byte-weight": ("bytes", "{:.0f}"),
}


def lighthouse(url: str, output: Path) -> dict:
    """Run Lighthouse's default mobile profile on a URL; return its report."""
    from tests.browser.phone import CHROMIUM, CHROMIUM_ARGS

    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
         f"--output-path={output}", f"--chrome-flags={flags}",
         "--max-wait-for-load=30000"],
        check=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        timeout=180,
    )  # fmt: skip

    return json.loads(output.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    """Return the audits that cost a category points."""
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]

    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


def main() -> int:
    """Serve the site under gunicorn, run Lighthouse per page and print the figures."""
    from tests.live import collector_env, gunicorn_command, migrate, serve

    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run 'npm ci' in tests/bench", file=sys.stderr)
        return 1

    heading("Lighthouse, mobile profile (simulated slow 4G, mid-range phone)")
    rows, problems = [], []
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        folder = Path(tmp)
        site = folder / "site"
        mkdocs_build(ROOT / "mkdocs.yml", site)
        compress(site)
        env = collector_env(
            site,
            f"sqlite:///{folder / 'c.sqlite3'}",
            folder / "i",
            MIN_FILL_SECONDS="0",
        )
        migrate(env)
        command = gunicorn_command("collector:create_app()", workers=2)
        with serve(command, env, folder / "gunicorn.log") as server:
            for path in PAGES:
                report = lighthouse(server.url + path, folder / "report.json")
                scores = {c: round(report["categories"][c]["score"] * 100)
                          for c in CATEGORIES}  # fmt: skip
                timings = [
                    shape.format(report["audits"][key]["numericValue"])
                    for key, (_, shape) in TIMINGS.items()
                ]
                rows.append([path, *scores.values(), *timings])
                for category in MUST_BE_FULL:
                    if scores[category] < 100:
                        for audit in failing_audits(report, category):
                            problems.append(f"{path} {category}: {audit}")

    table(["page", "perf", "a11y", "best pr.", "SEO",
           *(label for label, _ in TIMINGS.values())], rows)  # fmt: skip
    for problem in problems:
        print(f"BELOW 100: {problem}")

    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
