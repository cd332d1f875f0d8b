"""Survey pages with a service already chosen: /survei/<kode>/, for QR codes."""

from __future__ import annotations

import re

from collector.layanan import ContentError, Layanan

FIRST_HEADING = re.compile(r"\A\s*#\s+[^\n]*\n")


def source_path(service: Layanan) -> str:
    """Return the source path of a service's survey page."""
    return f"survei/{service.kode}.md"


def page_markdown(service: Layanan, survey_markdown: str) -> str:
    """Return the survey page for one service, from the survey page's own text."""
    body = FIRST_HEADING.sub("", survey_markdown, count=1)
    title = service.title.replace('"', "'")

    return (
        f'---\ntitle: "Survei: {title}"\nsearch:\n  exclude: true\n---\n\n'
        "# Survei Kepuasan Masyarakat\n\n"
        f"Anda menilai layanan **{service.title}**. Layanan lain? Pilih dari "
        "daftar di formulir, atau buka [survei umum](index.md).\n\n"
        f"{body}"
    )


def generated_pages(
    services: tuple[Layanan, ...], survey_markdown: str, existing: set[str]
) -> dict[str, str]:
    """Return every per-service survey page, refusing one that hides a real page."""
    pages = {}
    for service in services:
        path = source_path(service)
        if path in existing:
            raise ContentError(
                f"docs/{path} exists, but the survey page of service "
                f"'{service.kode}' goes there; rename one of them"
            )

        pages[path] = page_markdown(service, survey_markdown)

    return pages


def service_of(src_uri: str, services: tuple[Layanan, ...]) -> str | None:
    """Return the service code whose survey page this is, if any."""
    for service in services:
        if src_uri == source_path(service):
            return service.kode

    return None
