"""The pull-request preview works as CONTRIBUTING.md says: unzip, double-click index.html, click around.

The preview is the real build plus the preview step (what ``build --preview`` runs), opened over ``file://``
in Chromium: clicking links lands on pages (never a folder listing), and the search box says that search
needs the published site. Any request leaving the folder fails the test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP

from site_build.ci.preview import make_browsable_from_disk

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def preview(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("preview") / "site-preview"
    shutil.copytree(built_site, folder)
    make_browsable_from_disk(folder)
    return folder


@pytest.fixture
def disk_page(browser: Any) -> Iterator[Any]:
    outside: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport=DESKTOP, locale="th-TH")
    context.set_default_timeout(15_000)

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield tab
    finally:
        context.close()
    assert not outside, f"the preview asked for files outside its folder: {outside}"
    assert not errors, f"script errors in the preview: {errors}"


def test_links_open_pages_from_disk(disk_page: Any, preview: Path) -> None:
    disk_page.goto((preview / "index.html").as_uri())
    visited = []
    for tab in range(1, 4):  # the navigation tabs: plan, activities, progress
        disk_page.locator("nav.md-tabs a.md-tabs__link").nth(tab).click()
        disk_page.wait_for_load_state("load")
        assert disk_page.url.startswith("file://") and disk_page.url.split("#")[0].endswith("index.html")
        assert "Index of" not in disk_page.content()
        assert disk_page.locator("h1").first.is_visible()
        visited.append(disk_page.url)
    assert len(set(visited)) == 3
    disk_page.goto((preview / "about" / "index.html").as_uri())
    disk_page.locator("main a[href$='privacy/index.html']").first.click()
    assert disk_page.url.endswith("about/privacy/index.html")


def test_search_says_it_needs_the_published_site(disk_page: Any, preview: Path) -> None:
    disk_page.goto((preview / "index.html").as_uri())
    box = disk_page.get_by_role("searchbox").first
    box.fill("สินบน")
    box.press("Enter")
    status = disk_page.locator(".lc-search__status").first
    status.filter(has_text="ใช้ได้บนเว็บไซต์ที่เผยแพร่แล้ว").wait_for(timeout=15_000)
