"""Security headers on every answer, the built site's files included."""

from __future__ import annotations

from flask import Flask

# Scripts only from the site's own files: the theme's inline scripts are moved
# into files by site_src/overrides. Styles may be inline because the theme sets
# style attributes in its markup; a style cannot run code.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def static_headers(headers, path: str, url: str) -> None:
    """Add the security headers to a file of the built site."""
    for name, value in HEADERS.items():
        headers[name] = value


def add_security_headers(response):
    """Add the security headers to an answer of the collector."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)

    return response


def init_app(app: Flask) -> None:
    """Send the security headers and give cookies their flags."""
    if app.config.get("SESSION_COOKIE_SECURE") is None:
        public_url = app.config.get("PUBLIC_URL") or ""
        app.config["SESSION_COOKIE_SECURE"] = public_url.startswith("https://")

    # Flask's own defaults hold None here, so a setdefault would change nothing.
    same_site = app.config["SESSION_COOKIE_SAMESITE"] or "Lax"
    app.config["SESSION_COOKIE_SAMESITE"] = same_site
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    app.after_request(add_security_headers)
