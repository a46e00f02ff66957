"""Driving the header search box the way a visitor does, and reading what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

INPUT = "#lc-search-input"
DONE = """(q) => {
  const box = document.querySelector('[data-lc-search]');
  return box.dataset.query === q && box.querySelector('.lc-search__results').getAttribute('aria-busy') === 'false';
}"""
READ = """() => Array.from(document.querySelectorAll('.lc-search__result a'), (a) => ({
  href: a.getAttribute('href'),
  title: a.querySelector('.lc-search__title').textContent,
  excerpt: a.querySelector('.lc-search__excerpt').textContent,
  marks: Array.from(a.querySelectorAll('mark'), (m) => m.textContent),
}))"""


@dataclass(frozen=True)
class Result:
    href: str
    title: str
    excerpt: str
    marks: tuple[str, ...]


def search(page: Any, query: str, *, all_results: bool = True) -> list[Result]:
    """Type ``query`` into the header box, press Enter, wait for the results (every page of them)."""
    page.fill(INPUT, query)
    page.press(INPUT, "Enter")
    wait_done(page, query)
    while all_results and page.is_visible(".lc-search__more"):
        page.click(".lc-search__more")
        wait_done(page, query)
    return [Result(r["href"], r["title"], r["excerpt"], tuple(r["marks"])) for r in page.evaluate(READ)]


def wait_done(page: Any, query: str) -> None:
    page.wait_for_function(DONE, arg=query.strip())
