"""Guards on the public posts: allowed origins, the honeypot and rate limits."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, request
from flask_limiter import Limiter
from werkzeug.middleware.proxy_fix import ProxyFix

from . import site

log = logging.getLogger(__name__)

HONEYPOT = "situs_web"
FOREIGN_ORIGIN = (
    "Formulir dari situs lain ditolak",
    "Formulir ini hanya dapat dikirim dari situs layanan kami. Buka formulirnya "
    "dari situs resmi, lalu kirim lagi.",
)
DEFAULT_PORTS = {"http": 80, "https": 443}



def client_address() -> str:
    """Return the address that counts as the client for the rate limit."""
    return request.remote_addr or "unknown"


def exempt() -> bool:
    """Spare the rate limit to a registered desk kiosk, used by a queue in turn."""
    from .kiosk import current_device

    return current_device() is not None


def public_limit() -> str:
    """Return the configured rate limit of the public posts."""
    return current_app.config["RATELIMIT_PUBLIC"]


def origin_of(url: str | None) -> str | None:
    """Return scheme://host[:port] of a URL, lower-cased, default port dropped."""
    if not url:
        return None

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None

    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None

    origin = f"{parts.scheme}://{parts.hostname.lower()}"
    if port and port != DEFAULT_PORTS[parts.scheme]:
        origin += f":{port}"

    return origin


def extra_origins() -> set[str]:
    """Return the configured second origins that may post the forms."""
    listed = re.split(r"[\s,]+", current_app.config["ALLOWED_ORIGINS"] or "")

    return {origin for origin in map(origin_of, listed) if origin}


def allowed_origins() -> set[str]:
    """Return every origin whose pages may post the forms."""
    allowed = {origin_of(request.host_url), origin_of(current_app.config["PUBLIC_URL"])}

    return {origin for origin in allowed if origin} | extra_origins()


def check_origin():
    """Refuse a post whose Origin, or else Referer, names a foreign site."""
    sent = request.headers.get("Origin")
    if sent is None:
        sent = request.headers.get("Referer")
        if not sent:
            return None

    if origin_of(sent) in allowed_origins():
        return None

    log.info("refused post to %s from origin %s", request.path, sent[:100])

    return site.message(403, *FOREIGN_ORIGIN)


def add_cors(response):
    """Let a configured second origin read the JSON answers of the posts."""
    origin = origin_of(request.headers.get("Origin"))
    if origin and origin in extra_origins():
        response.headers["Access-Control-Allow-Origin"] = origin
        response.vary.add("Origin")

    return response


def caught_by_honeypot() -> bool:
    """Tell whether the hidden field that people never see was filled in."""
    if not request.form.get(HONEYPOT):
        return False

    log.info("honeypot filled on %s; nothing stored", request.path)

    return True


def init_app(app: Flask, public: Blueprint) -> None:
    """Trust the configured proxies and count the public posts per client."""
    hops = int(app.config["PROXY_HOPS"])
    if hops > 0:
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops
        )

    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # An unreachable Redis must not turn visitors away: posts go on unlimited.
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "duta-layanan")
    # One limiter per app: a limiter keeps the settings of the app it first saw.
    limiter = Limiter(client_address)
    limiter.limit(public_limit, exempt_when=exempt)(public)
    limiter.init_app(app)
