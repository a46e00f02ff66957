"""The header search finds exactly the pages whose article contains the query, in Thai, English and numbers.

Expected pages come from the built HTML (search_oracle: the article text of every page, digit forms and case
normalised), so the test stays exact while other features add pages; a few expectations on the plan pages
(generated from plan.yml) are pinned by hand, so the oracle itself cannot drift unnoticed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, SUBPATH, Guard, open_context
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from search_oracle import expected, searchable_pages
from search_ui import INPUT, Result, search, wait_done

from site_build.search.text import normalise

pytestmark = pytest.mark.browser

QUERIES = [
    "ของขวัญ", "สินบน", "รับสินบน", "จิตอาสา", "2566", "๒๕๖๖", "๒๕๖๗", "No Gift Policy", "no gift policy",
    "ITA", "ita", "STRONG", "strong",
    "ราชการ",  # inside ข้าราชการ: one word to Pagefind's segmenter, found through the trigram terms
    "ศูนย์เรียนรู้คุณธรรม",  # segmented ศูนย์|เรียน|รู้คุณ|ธรรม in running text
    "คุณธรรม", "ผลประโยชน์ทับซ้อน", "ธรรมาภิบาล", "เศรษฐกิจพอเพียง", "ป.ป.ช.", "ร้องเรียน", "กตัญญู",
    "มาตรการที่ ๓", "มาตรการที่ 3", "๒๐ มีนาคม ๒๕๖๖", "20 มีนาคม 2566", "ปีงบประมาณ พ.ศ. 2566",
    "Integrity and Transparency Assessment", "Moral & Strong Day",
    "นโยบายคุกกี้",  # in the footer links of every page: only pages whose article has it
    "ลูกศรลง",  # only in the header (the search box's own hint): no page
    "กลับไปด้านบนสุด",  # only in the "back to top" button outside the article: no page
]

# Plan pages (from plan.yml) each query must return, exactly: checked against the oracle's answer too.
PLAN = "/plan/2566/"
PINNED = {
    "จิตอาสา": {f"{PLAN}measure-1/", f"{PLAN}project-1/", f"{PLAN}project-14/"},
    "No Gift Policy": {PLAN, f"{PLAN}measure-3/", f"{PLAN}project-23/"},
    "ITA": {PLAN, f"{PLAN}measure-3/", f"{PLAN}project-1/", f"{PLAN}project-8/", f"{PLAN}project-25/",
            f"{PLAN}project-26/"},
    "ป.ป.ช.": {PLAN, f"{PLAN}measure-3/", f"{PLAN}project-8/"},
    "ศูนย์เรียนรู้คุณธรรม": {f"{PLAN}measure-3/", f"{PLAN}project-27/"},
    "มาตรการที่ ๓": {PLAN, f"{PLAN}measure-3/", *(f"{PLAN}project-{n}/" for n in range(15, 29))},
    "2566": {PLAN, f"{PLAN}open-data/", *(f"{PLAN}measure-{n}/" for n in range(1, 4)),
             *(f"{PLAN}project-{n}/" for n in range(1, 29))},
}
SAME = [("2566", "๒๕๖๖"), ("No Gift Policy", "no gift policy"), ("ITA", "ita"), ("STRONG", "strong"),
        ("มาตรการที่ ๓", "มาตรการที่ 3"), ("๒๐ มีนาคม ๒๕๖๖", "20 มีนาคม 2566")]


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, str]:
    return searchable_pages(built_site)


@pytest.fixture(scope="module")
def results(browser: Any, site_url: str) -> Iterator[dict[str, list[Result]]]:
    """Every query of QUERIES typed into the header box of one page, with everything it listed."""
    guard = Guard()
    context, tab = open_context(browser, guard, DESKTOP)
    try:
        tab.goto(site_url + "plan/2566/")
        yield {query: search(tab, query) for query in QUERIES}
    finally:
        context.close()
    guard.check()


def hrefs(found: list[Result]) -> set[str]:
    return {r.href for r in found}


@pytest.mark.parametrize("query", QUERIES)
def test_returns_exactly_the_pages_whose_article_contains_the_query(
        query: str, results: dict[str, list[Result]], pages: dict[str, str]) -> None:
    found = [r.href for r in results[query]]
    assert len(found) == len(set(found)), f"{query!r}: a page listed twice: {found}"
    want = expected(pages, query)
    assert set(found) == want, (f"{query!r}: missing {sorted(want - set(found))}, "
                                f"not containing it {sorted(set(found) - want)}")


@pytest.mark.parametrize("query", sorted(PINNED))
def test_pinned_plan_pages(query: str, results: dict[str, list[Result]], pages: dict[str, str]) -> None:
    plan_found = {h for h in hrefs(results[query]) if h.startswith(PLAN)}
    assert plan_found == PINNED[query]
    assert {u for u in expected(pages, query) if u.startswith(PLAN)} == PINNED[query]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_both_digit_forms_and_any_letter_case_find_the_same_pages(
        one: str, other: str, results: dict[str, list[Result]]) -> None:
    assert hrefs(results[one]) == hrefs(results[other])
    assert hrefs(results[one])


def test_next_year_does_not_return_pages_with_only_this_year(
        results: dict[str, list[Result]], pages: dict[str, str]) -> None:
    with_2566 = expected(pages, "๒๕๖๖")
    with_2567 = expected(pages, "2567")
    assert with_2566 - with_2567, "the build should have pages with ๒๕๖๖ but not ๒๕๖๗"
    assert hrefs(results["๒๕๖๗"]) == with_2567
    assert not hrefs(results["๒๕๖๗"]) & (with_2566 - with_2567)


def test_compound_internal_word_is_found(results: dict[str, list[Result]], pages: dict[str, str]) -> None:
    """สินบน sits inside รับสินบน; ราชการ inside ข้าราชการ (pages where it never stands alone are found)."""
    assert hrefs(results["รับสินบน"]) <= hrefs(results["สินบน"])
    inside_only = {u for u in expected(pages, "ราชการ")
                   if not re.search(r"(?<!ข้า)ราชการ", normalise(pages[u]))}
    assert inside_only, "the build should have pages where ราชการ only appears inside ข้าราชการ"
    assert inside_only <= hrefs(results["ราชการ"])


def test_chrome_text_is_not_indexed(results: dict[str, list[Result]], pages: dict[str, str],
                                    built_site: Path) -> None:
    """Footer links, the header and the back-to-top button are on every page; only articles count."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    footer = home[home.index('class="lc-footer-links"'):] if 'class="lc-footer-links"' in home else ""
    if "นโยบายคุกกี้" in footer:
        assert len(hrefs(results["นโยบายคุกกี้"])) < len(pages) // 2
    assert "ลูกศรลง" in home and "กลับไปด้านบนสุด" in home
    assert results["ลูกศรลง"] == [] and results["กลับไปด้านบนสุด"] == []


@pytest.mark.parametrize("query", ["ของขวัญ", "สินบน", "จิตอาสา", "2566", "๒๕๖๖", "No Gift Policy", "STRONG"])
def test_results_have_thai_excerpts_with_the_match_highlighted(
        query: str, results: dict[str, list[Result]]) -> None:
    found = results[query]
    assert found, f"{query!r} found nothing"
    for result in found:
        assert result.marks, f"{result.href}: no <mark> in the excerpt {result.excerpt!r}"
        assert {normalise(m) for m in result.marks} == {normalise(query)}, result
        if not result.href.startswith("/en/"):  # the English pages' excerpts are English
            assert re.search(r"[ก-๙]", result.excerpt), f"{result.href}: excerpt without Thai: {result.excerpt!r}"
        assert "⟦" not in result.excerpt + result.title and "\u200b" not in result.excerpt, result
        assert result.title.strip()


def test_search_box_in_the_header_and_pagefind_loaded_only_on_use(
        page: Any, url: Callable[[str], str], kinds: dict[str, str | None]) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for path in [p for p in kinds.values() if p is not None]:
        page.goto(url(path))
        box = page.locator(f"header {INPUT}")
        assert box.is_visible(), f"/{path}: no visible search box in the header"
        assert page.locator("label[for=lc-search-input]").text_content().strip()
    assert not [a for a in asked if "/pagefind/" in a], "Pagefind must load only when the box is used"
    page.focus(INPUT)
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('pagefind.js'))")


def test_works_under_a_sub_path(page: Any, site_url: str) -> None:
    """Result links carry the sub-path, and a click on one opens exactly that page.

    Material treats a click on any link into /en/… as a language switch once it has read the English
    sitemap before the root one (it then opens the English home page instead). The root sitemap is held
    back here so that this happens for certain; the search results must still open what was clicked.
    """
    held: list[Any] = []
    page.route(f"**{SUBPATH}sitemap.xml", lambda route: held.append(route))
    page.goto(site_url + SUBPATH.lstrip("/") + "plan/2566/measure-3/")
    found = search(page, "No Gift Policy")
    assert found and all(r.href.startswith(SUBPATH) for r in found), [r.href for r in found]
    target = next((r.href for r in found if r.href.startswith(SUBPATH + "en/")), found[0].href)
    # Pages that are not language homes no longer name /en/ as their alternate, so Material may not read
    # the English sitemap at all; when it does, give it time to, so the click meets the worst case.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("() => performance.getEntriesByType('resource')"
                               ".some((e) => e.name.endsWith('/en/sitemap.xml') && e.responseEnd > 0)",
                               timeout=3_000)
    page.wait_for_timeout(100)
    page.click(f".lc-search__link[href='{target}']")
    page.wait_for_url(site_url.rstrip("/") + target)
    assert page.locator("article h1").count() == 1
    for route in held:
        route.abort()


def test_keyboard_only_search(page: Any, url: Callable[[str], str]) -> None:
    page.goto(url(""))
    page.focus(INPUT)
    page.keyboard.type("จิตอาสา")
    page.keyboard.press("Enter")
    wait_done(page, "จิตอาสา")
    links = page.locator(".lc-search__link")
    assert links.count() >= 2
    active = "() => document.activeElement && document.activeElement.getAttribute('href')"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(active) == links.nth(0).get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(active) == links.nth(1).get_attribute("href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.id") == "lc-search-input"
    page.keyboard.press("Escape")
    assert page.locator("#lc-search-panel").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "lc-search-input"
    page.keyboard.press("Enter")
    wait_done(page, "จิตอาสา")
    assert page.locator("#lc-search-panel").is_visible()
    page.keyboard.press("Tab")  # Tab also walks into the results
    target = page.evaluate(active)
    assert target == links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)
    assert "จิตอาสา" in page.locator("article").inner_text()


def test_no_results_message(page: Any, url: Callable[[str], str]) -> None:
    page.goto(url(""))
    assert search(page, "คำที่ไม่มีในเว็บไซต์นี้แน่นอน") == []
    assert "ไม่พบ" in page.locator(".lc-search__status").inner_text()
