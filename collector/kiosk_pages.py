"""The kiosk on the desk PC: guestbook, then survey, then thanks, then forget."""

from __future__ import annotations

import logging
import re

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from . import layanan, site, submissions
from .auth import csrf
from .forms import FORMS
from .kiosk import COOKIE, COOKIE_DAYS, activate, current_device, pending
from .render import render_form

log = logging.getLogger(__name__)

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

NEXT_STEP = {"buku-tamu": "kiosk.survey", "survei": "kiosk.done"}
STEP_TITLES = {"buku-tamu": "Buku tamu", "survei": "Survei kepuasan"}
ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
THANKS_IDLE_SECONDS = 20


@bp.after_request
def leave_no_trace(response):
    """Keep every kiosk page out of the browser's cache and history restores."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"

    return response


def unit_name() -> str:
    """Return the unit's name from the site's configuration."""
    config = layanan.load_site_config(current_app.config["MKDOCS_YML"])

    return layanan.unit_facts(config).get("nama", "")


def kiosk_page(template: str, status: int = 200, idle: int | None = None, **context):
    """Render a kiosk page with the idle time its script obeys."""
    seconds = current_app.config["KIOSK_IDLE_SECONDS"] if idle is None else idle
    body = render_template(
        f"kiosk/{template}", idle=int(seconds), unit=unit_name(), **context
    )

    return body, status


def not_registered():
    """Tell someone at an unregistered PC how to register it."""
    log.info("kiosk page refused: no registered device")

    return kiosk_page(
        "message.html",
        403,
        idle=0,
        title="Perangkat ini belum terdaftar sebagai kiosk",
        text="Minta admin mendaftarkan kiosk di halaman admin, lalu buka tautan "
        "aktivasinya di komputer ini.",
    )


@bp.get("/")
def start():
    """Show the start screen; clear what the browser holds of the last visitor."""
    if current_device() is None:
        return not_registered()

    body, status = kiosk_page("start.html", home=True)
    response = make_response(body, status)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    remember_device(response, request.cookies[COOKIE])

    return response


def form_step(name: str):
    """Show a kiosk form, or store it and go on to the next step."""
    device = current_device()
    if device is None:
        return not_registered()

    services = submissions.services()
    form_class = FORMS[name](tuple(services))
    form, status = None, 200
    if request.method == "POST":
        form = form_class(request.form)
        if form.validate():
            record = submissions.build_record(name, form, "kiosk", device.id)
            record, created = submissions.store(name, record)
            log.info(
                "kiosk %s %s %s id=%s",
                device.id,
                "accepted" if created else "repeat",
                name,
                record.id,
            )
            return redirect(url_for(NEXT_STEP[name]), code=303)

        fields = sorted(form.errors)
        log.info("kiosk %s rejected %s: invalid fields %s", device.id, name, fields)
        status = 422

    html = render_form(
        name,
        services,
        site.root(),
        form,
        action=url_for(request.endpoint),
        privacy_url=url_for("kiosk.privacy"),
        autofill=False,
    )

    return kiosk_page(
        "form.html", status, name=name, title=STEP_TITLES[name], form_html=Markup(html)
    )


@bp.route("/buku-tamu", methods=["GET", "POST"])
def guestbook():
    """Show or store the kiosk's guestbook step."""
    return form_step("buku-tamu")


@bp.route("/survei", methods=["GET", "POST"])
def survey():
    """Show or store the kiosk's survey step."""
    return form_step("survei")


@bp.get("/selesai")
def done():
    """Thank the visitor, then return to the start screen soon."""
    if current_device() is None:
        return not_registered()

    idle = min(THANKS_IDLE_SECONDS, current_app.config["KIOSK_IDLE_SECONDS"])

    return kiosk_page("done.html", idle=idle)


@bp.get("/privasi")
def privacy():
    """Show the privacy notice inside the kiosk, so the visitor can come back."""
    if current_device() is None:
        return not_registered()

    page = site.built_page("privasi/index.html") or ""
    found = ARTICLE.search(page)
    notice = Markup(found.group(1)) if found else Markup("")

    return kiosk_page("privacy.html", notice=notice)


@bp.route("/aktifkan/<code>", methods=["GET", "POST"])
def activation(code: str):
    """Make this PC a kiosk with a one-time link from an admin."""
    device = pending(code)
    if device is None:
        log.info("kiosk activation refused: unknown, spent or expired link")
        return kiosk_page(
            "message.html",
            404,
            idle=0,
            title="Tautan aktivasi tidak berlaku",
            text="Tautan ini sudah dipakai, sudah kedaluwarsa, atau kiosknya "
            "dicabut. Minta admin membuat tautan baru.",
        )

    if request.method == "GET":
        return kiosk_page("activate.html", idle=0, device=device)

    activated = activate(code)
    if activated is None:
        abort(404)

    device, token = activated
    response = redirect(url_for("kiosk.start"), code=303)
    remember_device(response, token)

    return response


def remember_device(response, token: str) -> None:
    """Keep the device token on the desk PC for another COOKIE_DAYS days."""
    response.set_cookie(
        COOKIE,
        token,
        max_age=COOKIE_DAYS * 86400,
        httponly=True,
        samesite="Strict",
        secure=request.is_secure,
        path="/",
    )


def init_app(app: Flask) -> None:
    """Serve the kiosk; its posts need a registered device instead of a CSRF token."""
    csrf.exempt(bp)
    app.register_blueprint(bp)
