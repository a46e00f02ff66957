"""Browser tests in Debian's headless Chromium (Playwright drives it through ``executable_path``).

The session's real build (``built_site``) is served on 127.0.0.1 at a random free port, both at ``/`` and
under the sub-path :data:`SUBPATH` (as on a host that publishes the site in a folder). One browser per
session; every test gets a fresh context and page in which any request to another host is aborted and
reported as a failure, so a passing test also proves the page makes no third-party request.

No browser is downloaded: without Chromium the tests are skipped with the reason, unless
``LC_REQUIRE_BROWSER=1`` (CI), where a missing browser fails them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    DESKTOP,
    SUBPATH,
    Guard,
    chromium_path,
    no_browser,
    open_context,
    page_kinds,
    serving,
)

from site_build.security_headers import HEADERS


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site at / and at SUBPATH with the production security headers; no request log."""

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            if name != "Strict-Transport-Security":  # HSTS is meaningless over plain HTTP on 127.0.0.1
                self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        if path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH):]
        return super().translate_path(path)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/``: the built site over HTTP, stopped at the end of the session."""
    with serving(functools.partial(_QuietHandler, directory=str(built_site)), "site-server") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        no_browser("Chromium not found (install Debian's chromium: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        no_browser("the playwright Python package is not installed (pip install -e '.[test]')")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Exception as exc:
        playwright.stop()
        no_browser(f"Chromium at {path} did not start: {exc}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized page; third-party requests and script errors fail the test."""
    guard = Guard()
    context, tab = open_context(browser, guard, DESKTOP)
    try:
        yield tab
    finally:
        context.close()
    guard.check()


@pytest.fixture
def url(site_url: str) -> Callable[[str], str]:
    """``url("plan/2566/")`` → the absolute address on the test server."""
    return lambda path: site_url + path.lstrip("/")


@pytest.fixture(scope="session")
def kinds(built_site: Path) -> dict[str, str | None]:
    return page_kinds(built_site)


