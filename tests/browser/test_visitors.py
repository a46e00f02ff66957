"""Issue 13, visitors, in a real browser at a phone (390 px) and a desktop (1366 px) width: the home page's
progress bar, the lightbox caption, wide tables, English pages, search order, and layout shift."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from browser_support import PHONE, Guard, open_context
from search_ui import search

pytestmark = pytest.mark.browser

WIDE = {"width": 1366, "height": 900}
SIZES = {"390": PHONE, "1366": WIDE}


@pytest.fixture(params=["390", "1366"])
def tab(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A page at 390 px and at 1366 px; third-party requests, script errors and CSP violations fail the test."""
    guard = Guard()
    context, page = open_context(browser, guard, SIZES[request.param])
    page.lc_width = request.param
    try:
        yield page
    finally:
        context.close()
    guard.check()


def test_home_progress_bar_draws_with_its_sample_notice(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url(""))
    bar = tab.locator(".lc-home-progress svg.lc-bar")
    box = bar.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 5
    fill = tab.locator(".lc-home-progress .lc-bar__fill").bounding_box()
    track = tab.locator(".lc-home-progress .lc-bar__track").bounding_box()
    assert fill and track and track["width"] > 100, (fill, track)
    # drawn to scale: the fill's share of the track is the percentage it carries (0 for the bundled draft year)
    percent = float(tab.locator(".lc-home-progress .lc-bar__fill").get_attribute("width") or "nan")
    assert abs(fill["width"] - track["width"] * percent / 100) < 2, (fill, track, percent)
    notice = tab.locator(".lc-home-progress .lc-sample")
    assert notice.is_visible() and "ตัวอย่าง" in notice.inner_text()


def test_lightbox_caption_uses_the_site_font_and_size(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url("activities/2023-03-14-no-gift-policy/"))
    tab.wait_for_load_state("load")
    link = tab.locator("a.glightbox[data-description]").first
    caption = link.get_attribute("data-description")
    link.click()
    desc = tab.locator(".gslide.current .gslide-desc")
    desc.wait_for(state="visible")
    assert caption and caption[:10] in desc.inner_text()
    style = desc.evaluate("(e) => { const s = getComputedStyle(e); return [s.fontFamily, parseFloat(s.fontSize)]; }")
    assert style[0].startswith('"Sarabun"') or style[0].startswith("Sarabun"), style
    body = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert style[1] >= 15 and style[1] >= body * 0.95, (style, body)


SPLIT_WORDS = r"""() => {
  // Every line break inside a table cell must fall where the browser's own Thai dictionary (ICU, as
  // Intl.Segmenter exposes it) puts a word boundary: a break anywhere else cut a word ("เฟ|ซบุ๊ก").
  const words = new Intl.Segmenter('th', {granularity: 'word'});
  const letters = new Intl.Segmenter('th', {granularity: 'grapheme'});
  const split = [];
  let checked = 0;
  for (const cell of document.querySelectorAll('.lc-table-scroll td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      if (!/[\u0e01-\u0e5b]/.test(text)) continue;
      const bounds = new Set(Array.from(words.segment(text), (s) => s.index));
      let lastTop = null;
      for (const {index, segment} of letters.segment(text)) {
        if (/\s/.test(segment)) { lastTop = null; continue; }
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + segment.length);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        checked += 1;
        if (lastTop !== null && rect.top > lastTop + 2 && !bounds.has(index)) {
          split.push(text.slice(Math.max(0, index - 8), index) + '|' + text.slice(index, index + 8));
        }
        lastTop = rect.top;
      }
    }
  }
  return {checked, split: split.slice(0, 10)};
}"""


@pytest.mark.parametrize("path", ["plan/2566/measure-1/", "evidence/2566/", "register/", "progress/2566/publicity/"])
def test_wide_tables_fit_and_never_split_a_thai_word(tab: Any, url: Callable[[str], str], path: str) -> None:
    tab.goto(url(path))
    tab.wait_for_load_state("load")
    result = tab.evaluate(SPLIT_WORDS)
    assert result["checked"] > 100, f"/{path}: no Thai text in its tables"
    assert not result["split"], f"/{path} at {tab.lc_width}px splits Thai words across lines: {result['split']}"
    width = tab.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"/{path} scrolls sideways at {tab.lc_width}px: {width}"
    if tab.lc_width == "390":  # one card per row, every value under its column's name
        assert tab.evaluate("() => getComputedStyle(document.querySelector('.lc-table-scroll tr')).display") == "flex"
        label = tab.evaluate("""() => getComputedStyle(document.querySelector(
          '.lc-table-scroll td[data-label]:not(:first-child)'), '::before').content""")
        assert label not in ("none", "normal", '""'), label


STATUS = """() => Array.from(document.querySelectorAll('.lc-table-scroll tbody tr'), (row) => {
  const status = row.querySelector('td[data-label="สถานะ"]').getBoundingClientRect();
  const output = row.querySelector('td[data-label="ผลผลิต"]').getBoundingClientRect();
  return {left: status.left, right: status.right, width: status.width, top: status.top, outputTop: output.top};
})"""


def test_measure_status_is_always_in_sight_and_deadlines_name_their_item(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url("plan/2566/measure-1/"))
    tab.wait_for_load_state("load")
    width = SIZES[tab.lc_width]["width"]
    rows = tab.evaluate(STATUS)
    assert rows
    for row in rows:
        assert row["width"] > 0 and row["left"] >= 0 and row["right"] <= width, row
        assert row["top"] <= row["outputTop"], f"status should come before the long cells: {row}"
    header = tab.locator('.lc-table-scroll th:text-is("สถานะ")')
    box = header.bounding_box() if tab.lc_width == "1366" else None
    if box is not None:
        assert box["x"] + box["width"] <= width
    deadline = tab.locator('td[data-label="กำหนดส่ง"]').first.inner_text()
    assert "ข้อ " in deadline or "โครงการ:" in deadline, deadline


def test_english_page_is_english_with_a_way_back_to_thai(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url("en/no-gift-policy/"))
    assert tab.evaluate("() => document.documentElement.lang") == "en"
    assert tab.locator("#lc-search-input").get_attribute("placeholder") == "Search"
    back = tab.locator('a.md-select__link[hreflang="th"]')
    assert back.get_attribute("href").endswith("policies/no-gift/2566/")
    if tab.lc_width == "1366":
        assert "Table of contents" in tab.locator(".md-sidebar--secondary").inner_text()
    tab.goto(back.evaluate("(a) => a.href"))
    assert tab.evaluate("() => document.documentElement.lang") == "th"
    assert "/policies/no-gift/2566/" in tab.url


def _hrefs(results: list[Any]) -> list[str]:
    return [r.href for r in results]


@pytest.mark.parametrize("query", ["2566", "๒๕๖๖", "No Gift"])
def test_thai_pages_come_first_for_a_thai_visitor(tab: Any, url: Callable[[str], str], query: str) -> None:
    tab.goto(url("knowledge/"))
    hrefs = _hrefs(search(tab, query))
    english = [i for i, h in enumerate(hrefs) if "/en/" in h]
    thai = [i for i, h in enumerate(hrefs) if "/en/" not in h]
    assert english and thai, hrefs
    assert max(thai) < min(english), f"{query!r}: English pages before Thai ones: {hrefs}"
    assert any("/plan/2566/" in h for h in hrefs[:3]) or any("/policies/" in h for h in hrefs[:3]), hrefs[:5]


def test_english_pages_come_first_for_an_english_visitor(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url("en/"))
    hrefs = _hrefs(search(tab, "No Gift"))
    english = [i for i, h in enumerate(hrefs) if "/en/" in h]
    assert english and english == list(range(len(english))), hrefs


def test_same_titles_show_their_section_and_year(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url(""))
    search(tab, "ไม่รับของขวัญ")
    rows = tab.evaluate("""() => Array.from(document.querySelectorAll('.lc-search__result a'), (a) => ({
      href: a.getAttribute('href'), title: a.querySelector('.lc-search__title').textContent,
      context: a.querySelector('.lc-search__context').textContent,
      shown: a.querySelector('.lc-search__context').checkVisibility()}))""")
    titles: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        titles.setdefault(row["title"], []).append(row)
    shared = [group for group in titles.values() if len(group) > 1]
    assert shared, f"the query should find a document and its yearly version: {rows}"
    for group in shared:
        assert all(r["shown"] for r in group), group
        assert len({r["context"] for r in group}) == len(group), group
    assert any("๒๕๖๖" in r["context"] for group in shared for r in group)
    assert all(not r["shown"] for group in titles.values() if len(group) == 1 for r in group)


LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("path", ["", "knowledge/", "plan/2566/measure-1/", "policies/no-gift/2566/",
                                  "activities/2023-03-14-no-gift-policy/"])
def test_pages_do_not_shift_while_loading(tab: Any, url: Callable[[str], str], path: str) -> None:
    tab.goto(url(path))
    tab.wait_for_load_state("load")
    shift = tab.evaluate(LAYOUT_SHIFT)
    assert shift <= 0.02, f"/{path} at {tab.lc_width}px: cumulative layout shift {shift:.3f}"


def test_footer_shows_the_office_details_marked_as_samples(tab: Any, url: Callable[[str], str]) -> None:
    tab.goto(url("knowledge/"))
    block = tab.locator("footer .lc-agency")
    block.scroll_into_view_if_needed()
    assert block.is_visible()
    text = block.inner_text()
    assert "สำนักกรรมาธิการ ๒" in text and "ยังไม่ได้รับข้อมูล" in text and "©" in text
    samples = tab.locator("footer .lc-agency__sample")
    assert samples.count() == 4 and all(samples.nth(i).is_visible() for i in range(4))
    logo = tab.locator("header img[src$='logo.svg']")
    assert logo.get_attribute("alt") not in (None, "", "logo")
