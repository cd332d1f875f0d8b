"""MkDocs hooks: thin wiring from the build's events to site_src.build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from collector import layanan, render
from collector.layanan import ContentError
from site_src import build

log = logging.getLogger("mkdocs.hooks.duta_layanan")

RESULTS_FILE = Path(__file__).resolve().parent / "data" / "hasil-ikm.json"

state: dict = {}


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
        results=build.load_results(RESULTS_FILE),
    )
    if config["nav"]:
        config["nav"] = build.with_service_nav(config["nav"], services)

    return config


def on_files(files, config, **kwargs):
    """Leave out the theme's search and source-map files: nothing loads them."""
    for file in list(files):
        if file.inclusion.is_included() and build.unused_theme_file(file.src_uri):
            files.remove(file)

    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Check markers, fill unit facts, and render service facts and lists."""
    where = page.file.src_uri
    facts = state["facts"]
    try:
        build.check_markers(markdown, f"docs/{where}", facts)
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
    for name in ("survei", "buku-tamu"):
        marker = f"<!-- formulir:{name} -->"
        if marker in html:
            form = render.render_form(name, services, state["root"])
            html = html.replace(marker, form)

    results = state["results"]
    if "<!-- hasil-ikm -->" in html:
        html = html.replace("<!-- hasil-ikm -->", build.results_html(results))

    if "<!-- ikm-terkini -->" in html:
        latest = (results or {}).get("periode", [None])[-1] if results else None
        html = html.replace("<!-- ikm-terkini -->", build.latest_html(latest))

    return html
