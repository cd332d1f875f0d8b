"""Render the public forms to HTML, for the site build and for error pages alike."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from . import kuesioner
from .forms import FORMS, PublicForm

MARK_START = "<!-- formulir:{name}:mulai -->"
MARK_END = "<!-- formulir:{name}:selesai -->"

_env = Environment(
    loader=PackageLoader("collector", "templates/forms"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


def blank_form(name: str, services: list[tuple[str, str]]) -> PublicForm:
    """Return an empty instance of a public form."""
    return FORMS[name](tuple(services))()


def render_form(
    name: str,
    services: list[tuple[str, str]],
    site_root: str,
    form: PublicForm | None = None,
    action: str | None = None,
    privacy_url: str | None = None,
    autofill: bool = True,
) -> str:
    """Return the form's HTML wrapped in markers that locate it in a built page.

    The kiosk posts elsewhere and turns the browser's autofill off, so that no
    visitor's name is offered to the next one.
    """
    form = form or blank_form(name, services)
    template = _env.get_template(f"{name}.html")
    body = template.render(
        form=form,
        action=action or f"{site_root}kirim/{name}",
        privacy_url=privacy_url or f"{site_root}privasi/",
        autofill=autofill,
        versi=kuesioner.version(services),
        unsur=kuesioner.UNSUR,
    )

    return f"{MARK_START.format(name=name)}\n{body}\n{MARK_END.format(name=name)}"


def replace_form(page: str, name: str, form_html: str) -> str | None:
    """Swap the form inside a built page for another rendering of it."""
    start = page.find(MARK_START.format(name=name))
    end_marker = MARK_END.format(name=name)
    end = page.find(end_marker)
    if start < 0 or end < start:
        return None

    return page[:start] + form_html + page[end + len(end_marker) :]
