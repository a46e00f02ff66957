"""Shared by the browser tests: where Chromium is, the request guard, the kinds of page in the build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

from bench.gzip_server import running

ROOT = Path(__file__).resolve().parents[2]
serving = running  # one threaded HTTP server (start, stop, free port) for the benchmarks and the browser tests
SUBPATH = "/sub/site/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def no_browser(reason: str) -> NoReturn:
    """Skip with ``reason``; fail instead when CI requires the browser (LC_REQUIRE_BROWSER=1)."""
    if os.environ.get("LC_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (LC_REQUIRE_BROWSER=1: a missing browser is a failure)", pytrace=False)
    pytest.skip(reason)


class Guard:
    """What a page did that a test must not allow: requests to other hosts, uncaught script errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []

    def console(self, message: Any) -> None:
        """The server sends the production Content-Security-Policy: any violation fails the test."""
        if message.type == "error" and "Content Security Policy" in message.text:
            self.csp.append(message.text)

    def route(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def check(self) -> None:
        assert not self.outside, f"requests to other hosts (blocked): {self.outside}"
        assert not self.errors, f"uncaught JavaScript errors: {self.errors}"
        assert not self.csp, f"Content-Security-Policy violations: {self.csp}"


def open_context(browser: Any, guard: Guard, viewport: dict[str, int]) -> tuple[Any, Any]:
    context = browser.new_context(viewport=viewport, locale="th-TH", service_workers="block")
    context.set_default_timeout(15_000)
    context.route("**/*", guard.route)
    page = context.new_page()
    page.on("pageerror", lambda error: guard.errors.append(str(error)))
    page.on("console", guard.console)
    return context, page


# --- the kinds of page the site has, found in the build (other features add pages over time) ---------------

def _first(site: Path, *patterns: str) -> str | None:
    for pattern in patterns:
        found = sorted(p for p in site.glob(pattern) if p.name == "index.html")
        if found:
            return found[0].parent.relative_to(site).as_posix() + "/"
    return None


def page_kinds(site: Path) -> dict[str, str | None]:
    """Kind of page → its site path (None when the build has no page of that kind yet)."""
    return {
        "home": "",
        "measure": _first(site, "plan/*/measure-1/index.html"),
        "project": _first(site, "plan/*/project-1/index.html"),
        "write-up": _first(site, "activities/2*/index.html"),
        "listing": _first(site, "activities/index.html"),
        "publicity": _first(site, "progress/*/publicity/index.html", "**/publicity/index.html"),
        "policy": _first(site, "policies/*/2*/index.html", "policies/*/index.html"),
        "register": _first(site, "register/index.html"),
        "manual": _first(site, "knowledge/*/01-*/index.html", "knowledge/*/index.html"),
        "english": _first(site, "en/index.html"),
    }


def need(kinds: dict[str, str | None], kind: str) -> str:
    """The path of a page of ``kind``, or a skip that says which kind the build lacks."""
    path = kinds.get(kind)
    if path is None:
        pytest.skip(f"the build has no {kind} page yet")
    return path

