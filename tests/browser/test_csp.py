"""Every kind of page works under the production Content-Security-Policy (docs/security-headers.md).

The test server sends the same headers as the recommended web-server config; the page fixture fails
any test on a CSP violation. Here each page kind is visited explicitly, including the features that
need script (search with Pagefind's WebAssembly, the gallery lightbox).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from site_build.security_headers import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.browser


def test_server_sends_the_documented_policy(page: Any, url: Callable[[str], str]) -> None:
    response = page.goto(url(""))
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("kind", ["home", "measure", "project", "write-up", "listing", "policy", "register",
                                  "manual", "publicity"])
def test_page_kinds_load_without_violations(page: Any, url: Callable[[str], str],
                                            kinds: dict[str, str | None], kind: str) -> None:
    path = kinds.get(kind)
    if path is None:
        pytest.skip(f"the built site has no page of kind {kind!r}")
    page.goto(url(path))
    page.wait_for_load_state("networkidle")
    # Material's bundle ran (it sets this class) although its bootstrap is no longer inline:
    assert "js" in (page.evaluate("document.documentElement.className") or "")


def test_search_and_lightbox_work_under_the_policy(page: Any, url: Callable[[str], str],
                                                   kinds: dict[str, str | None]) -> None:
    page.goto(url(""))
    box = page.get_by_role("searchbox").first
    box.fill("สินบน")
    box.press("Enter")
    page.locator(".lc-search__results a").first.wait_for(timeout=15_000)
    writeup = kinds.get("write-up")
    if writeup:
        page.goto(url(writeup))
        page.locator("a.glightbox").first.click()
        page.locator(".glightbox-container").wait_for(state="visible", timeout=10_000)
