"""A static site under WhiteNoise alone, as the plain Material baseline is served."""

from __future__ import annotations

import os

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    """Answer every path the static files do not cover with 404."""
    start_response("404 Not Found", [("Content-Type", "text/plain")])

    return [b"not found"]


def app():
    """Return a WSGI app serving BENCH_STATIC_ROOT, compressed when .gz/.br exist."""
    return WhiteNoise(not_found, root=os.environ["BENCH_STATIC_ROOT"], index_file=True)
