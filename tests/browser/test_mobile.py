"""A phone-sized screen (390 x 844): nothing scrolls sideways, and the header search still works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browser_support import PHONE, need
from search_ui import search

pytestmark = pytest.mark.browser

OVERFLOW = """() => ({scroll: document.documentElement.scrollWidth, width: window.innerWidth,
  wide: Array.from(document.querySelectorAll('body *'))
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1
      && !e.closest('.md-sidebar, [hidden]') && getComputedStyle(e).position !== 'fixed')
    .slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0])})"""


@pytest.mark.parametrize(("kind", "shot"), [("home", True), ("write-up", True), ("measure", False)])
def test_no_horizontal_overflow_on_a_phone(kind: str, shot: bool, page: Any, url: Callable[[str], str],
                                           kinds: dict[str, str | None], tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url(need(kinds, kind)))
    page.wait_for_load_state("load")
    if shot:
        picture = tmp_path / f"{kind}-390x844.png"
        page.screenshot(path=str(picture), full_page=True)
        assert picture.stat().st_size > 10_000
    sizes = page.evaluate(OVERFLOW)
    assert sizes["scroll"] <= sizes["width"], f"/{kinds[kind]} scrolls sideways on a phone: {sizes}"


def test_search_on_a_phone(page: Any, url: Callable[[str], str], tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url(""))
    assert page.locator("header #lc-search-input").is_visible()
    found = search(page, "สินบน")
    assert found
    panel = page.locator("#lc-search-panel").bounding_box()
    assert panel and panel["x"] >= 0 and panel["x"] + panel["width"] <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "search-390x844.png"))
    sizes = page.evaluate(OVERFLOW)
    assert sizes["scroll"] <= sizes["width"], sizes
