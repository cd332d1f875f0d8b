"""Site build time against the number of service pages, ours against plain Material.

Service pages are generated copies of docs/layanan/kunjungan.md, so every
count builds the same kind of page; each build runs once.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.bench.common import (
    compress,
    copy_docs,
    heading,
    mkdocs_build,
    our_config,
    plain_config,
    table,
)

BUILT_IN = 9
COUNTS = (9, 50, 200)


def main() -> None:
    """Print the build time of both sites for each number of service pages."""
    heading("Site build time (seconds, one build each)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for count in COUNTS:
            folder = Path(tmp) / str(count)
            folder.mkdir()
            docs = copy_docs(folder / "docs", extra_services=count - BUILT_IN)
            ours = mkdocs_build(our_config(folder, docs), folder / "ours")
            squeeze = compress(folder / "ours")
            plain = mkdocs_build(plain_config(folder, docs), folder / "plain", False)
            both = ours + squeeze
            rows.append([count, f"{ours:.2f}", f"{squeeze:.2f}", f"{plain:.2f}",
                         f"{ours / plain:.2f}", f"{both / plain:.2f}"])  # fmt: skip
            print(f"  {count} service pages built", flush=True)

    table(
        ["service pages", "ours", "+ compress", "plain Material", "ratio",
         "ratio with compress"],
        rows,
    )  # fmt: skip


if __name__ == "__main__":
    main()
