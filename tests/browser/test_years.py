"""The year switcher and the archive banner in a real browser, on the bundled site as of December 2026
(FY 2566 closed, the FY 2567 draft the latest): desktop and a 390 px phone."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, PHONE, Guard, open_context, serving
from conftest import _QuietHandler

from tests.conftest import build_into

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def closed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_into(tmp_path_factory.mktemp("closed-browser") / "site", as_of="2026-12-07")
    with serving(functools.partial(_QuietHandler, directory=str(site)), "closed-site") as url:
        yield url


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_archive_banner_and_year_switcher(browser: Any, closed_url: str, size: dict[str, int],
                                          tmp_path: Path) -> None:
    guard = Guard()
    context, page = open_context(browser, guard, size)
    try:
        page.goto(closed_url + "plan/2566/measure-1/")
        banner = page.locator(".lc-year-banner--archive")
        assert banner.is_visible()
        assert "ข้อมูลปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งสิ้นสุดแล้ว" in banner.inner_text()
        page.screenshot(path=str(tmp_path / f"archive-{size['width']}.png"))
        box = banner.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
        banner.get_by_role("link").click()
        page.wait_for_url("**/plan/2567/measure-1/")
        assert page.locator(".lc-year-banner--draft").is_visible()
        assert page.locator(".lc-year-banner--archive").count() == 0
        switcher = page.get_by_role("navigation", name="เลือกปีงบประมาณ")
        assert switcher.is_visible()
        assert switcher.locator("[aria-current=page]").inner_text().startswith("๒๕๖๗")
        switcher.get_by_role("link", name="๒๕๖๖").click()
        page.wait_for_url("**/plan/2566/measure-1/")
        assert page.locator(".lc-year-banner--archive").is_visible()
        # another section: the switcher lands on the same page of the other year
        page.goto(closed_url + "progress/2566/score/")
        page.get_by_role("navigation", name="เลือกปีงบประมาณ").get_by_role("link").first.click()
        page.wait_for_url("**/progress/2567/score/")
    finally:
        context.close()
    guard.check()
