"""Measure what a phone downloads on a first view of a page, compressed as served."""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field

# What Chromium on Android sends; the server picks the smallest it has.
ACCEPT_ENCODING = "gzip, deflate, br"


@dataclass(frozen=True)
class Resource:
    url: str
    size: int
    encoding: str


@dataclass
class FirstView:
    """The resources of one page's first view and their sizes on the wire."""

    url: str
    resources: list[Resource] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Return the body bytes of every resource, compressed as sent."""
        return sum(resource.size for resource in self.resources)


def served(url: str) -> Resource:
    """Fetch a resource as a phone would and return its size as sent."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding", "")

    return Resource(url, len(body), encoding)


def requested_urls(context, url: str) -> list[str]:
    """Load a page in a fresh tab and return every URL it fetched until idle."""
    urls: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: urls.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.close()

    return list(dict.fromkeys(u for u in urls if u.startswith("http://127.0.0.1")))


def first_view(context, url: str) -> FirstView:
    """Return what a first view of a page downloads, each resource as served."""
    view = FirstView(url)
    for address in requested_urls(context, url):
        view.resources.append(served(address))

    return view
