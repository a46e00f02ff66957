"""Pages served by the shipped nginx configuration (not the test server) run under its CSP without violations.

The ``page`` fixture fails a test on any Content-Security-Policy violation, script error or third-party
request; here the headers come from nginx itself, so the shipped config and the pages are proven together.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from site_build.security_headers import CONTENT_SECURITY_POLICY
from tests.webserver_support import running_nginx

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_nginx(built_site, tmp_path_factory.mktemp("nginx")) as base:
        yield base


def test_pages_and_search_under_nginx(page: Any, nginx_url: str, kinds: dict[str, str | None]) -> None:
    response = page.goto(nginx_url + "/")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers.get("content-encoding") == "gzip"
    page.wait_for_load_state("networkidle")
    assert "js" in (page.evaluate("document.documentElement.className") or "")
    box = page.get_by_role("searchbox").first
    box.fill("สินบน")
    box.press("Enter")
    page.locator(".lc-search__results a").first.wait_for(timeout=15_000)
    for kind in ("write-up", "policy", "manual"):
        path = kinds.get(kind)
        if path:
            page.goto(f"{nginx_url}/{path}")
            page.wait_for_load_state("networkidle")


def test_missing_page_shows_the_site_404_under_the_policy(page: Any, nginx_url: str) -> None:
    response = page.goto(nginx_url + "/no/such/page/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
