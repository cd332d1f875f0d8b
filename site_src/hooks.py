"""MkDocs hooks: thin wiring from the build's events to site_src.build."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import meta

from collector import layanan, render
from collector.layanan import ContentError
from site_src import build, print_pages, printing, qr, survey_pages

log = logging.getLogger("mkdocs.hooks.duta_layanan")

# The collector's `ikm publish` writes this file; SITE_RESULTS_FILE points the
# build at another one (tests, or a collector whose RESULTS_FILE lives elsewhere).
RESULTS_FILE = Path(__file__).resolve().parent / "data" / "hasil-ikm.json"

state: dict = {}


def results_file() -> Path:
    """Return the published results file: SITE_RESULTS_FILE, or the default."""
    return Path(os.environ.get("SITE_RESULTS_FILE") or RESULTS_FILE)


def on_config(config, **kwargs):
    """Read the services and the unit's facts, and list services in the nav."""
    try:
        services = layanan.load_services(config["docs_dir"])
    except ContentError as error:
        raise PluginError(str(error)) from error

    facts = layanan.unit_facts(config)
    for key in build.empty_facts(facts):
        log.info("unit fact extra.unit.%s is still empty in mkdocs.yml", key)

    state.update(
        services=services,
        facts=facts,
        root=layanan.site_root(config),
        results=build.load_results(results_file()),
    )
    if config["nav"]:
        config["nav"] = build.with_service_nav(config["nav"], services)

    problem = qr.address_problem(config["site_url"] or "")
    if problem:
        raise PluginError(f"QR codes cannot be printed: {problem}")

    if qr.is_development(config["site_url"]):
        log.info(
            "QR codes on the printed pages point at the development address %s; "
            "set SITE_URL to the public https address before printing",
            config["site_url"],
        )

    return config


def on_files(files, config, **kwargs):
    """Add the printed and per-service survey pages; drop unused theme files."""
    for file in list(files):
        if file.inclusion.is_included() and build.unused_theme_file(file.src_uri):
            files.remove(file)

    survey = Path(config["docs_dir"]) / "survei" / "index.md"
    survey_markdown, _ = meta.get_data(survey.read_text(encoding="utf-8"))
    existing = {file.src_uri for file in files}
    try:
        pages = survey_pages.generated_pages(
            state["services"], survey_markdown, existing
        )
    except ContentError as error:
        raise PluginError(str(error)) from error

    pages.update(print_pages.generated_pages(config["site_url"]))
    for src_uri, content in pages.items():
        if src_uri not in existing:
            files.append(File.generated(config, src_uri, content=content))

    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Check markers, fill unit facts, and render service facts and lists."""
    where = page.file.src_uri
    facts = state["facts"]
    front_matter_lines = build.lines_before(page.file.content_string, markdown)
    try:
        build.check_markers(markdown, f"docs/{where}", facts, front_matter_lines)
        codes = {service.kode: service for service in state["services"]}
        if where.startswith("layanan/") and Path(where).stem in codes:
            service = codes[Path(where).stem]
            facts_md = build.service_markdown(service, facts, state["root"])
            markdown = f"{facts_md}\n{markdown}"

        if "<!-- daftar-layanan -->" in markdown:
            listing = build.service_list_markdown(state["services"], facts)
            markdown = markdown.replace("<!-- daftar-layanan -->", listing)
    except ContentError as error:
        raise PluginError(str(error)) from error

    return build.fill_unit_markers(markdown, facts)


def on_page_content(html, page, config, files, **kwargs):
    """Put the collector's forms and the published results into the page."""
    services = [(s.kode, s.title) for s in state["services"]]
    chosen = survey_pages.service_of(page.file.src_uri, state["services"])
    for name in ("survei", "buku-tamu"):
        marker = f"<!-- formulir:{name} -->"
        if marker in html:
            form = render.blank_form(name, services)
            if chosen:
                form.layanan.data = chosen
            html = html.replace(
                marker, render.render_form(name, services, state["root"], form)
            )

    slug = print_pages.piece_for(page.file.src_uri)
    if slug and "<!-- lembar-cetak -->" in html:
        try:
            sheets = printing.piece_html(
                slug, state["services"], state["facts"], config["site_url"]
            )
        except ContentError as error:
            raise PluginError(str(error)) from error
        html = html.replace("<!-- lembar-cetak -->", sheets)

    results = state["results"]
    if "<!-- hasil-ikm -->" in html:
        html = html.replace("<!-- hasil-ikm -->", build.results_html(results))

    if "<!-- ikm-terkini -->" in html:
        published = build.ordered(results)
        latest = published[-1] if published else None
        html = html.replace("<!-- ikm-terkini -->", build.latest_html(latest))

    return html
