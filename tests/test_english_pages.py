"""English for foreign visitors: an English landing page inside a Thai site, and the language switch in the header."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.slow


class _Lang(HTMLParser):
    """Text of the article, each piece with the language in force (nearest ``lang`` attribute)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.html_lang: str | None = None
        self.pieces: list[tuple[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.in_article = 0

    _VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr"})

    def lang(self) -> str:
        return next((lang for _, lang in reversed(self.stack) if lang), self.html_lang or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang")
            return
        if tag == "a":
            self.links.append({**a, "_lang": a.get("lang") or self.lang()})
        if tag in self._VOID:
            return
        self.stack.append((tag, a.get("lang")))
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_article and data.strip():
            self.pieces.append((self.lang(), data.strip()))


def parse(site: Path, url: str) -> _Lang:
    parser = _Lang()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def resolve(page_url: str, href: str) -> str:
    """Site-relative target of ``href`` on the page at ``page_url`` (``""`` is the home page)."""
    return urljoin("http://site/" + page_url, href).removeprefix("http://site/").split("#")[0]


def test_english_landing_page_is_an_english_page(built_site: Path) -> None:
    page = parse(built_site, "en")
    assert page.html_lang == "en"
    english = " ".join(text for lang, text in page.pieces if lang == "en")
    assert "Model Moral Organization Learning Center" in english
    assert "Committee Bureau 2" in english and "No Gift Policy" in english
    # English words are never left in a Thai-marked run, and Thai words inside English are marked Thai
    for lang, text in page.pieces:
        latin_words = re.findall(r"[A-Za-z]{4,}", text)
        if lang == "th" and len(latin_words) > 3:
            pytest.fail(f"English text without lang=en: {text[:80]}")
        if lang == "en" and re.search(r"[\u0e00-\u0e7f]", text) and not re.search(r"[A-Za-z]", text):
            raise AssertionError(f"Thai text marked English: {text}")


def test_english_page_links_policy_summaries_and_thai_originals(built_site: Path) -> None:
    hrefs = {resolve("en/", a.get("href", "")) for a in parse(built_site, "en").links}
    for target in ("en/no-gift-policy/", "en/anti-bribery-policy/", "policies/no-gift/2566/",
                   "policies/anti-bribery/2566/", "plan/2566/"):
        assert target in hrefs, target
        assert (built_site / target / "index.html").is_file(), target


@pytest.mark.parametrize("slug, original", [("no-gift-policy", "policies/no-gift/2566/"),
                                            ("anti-bribery-policy", "policies/anti-bribery/2566/")])
def test_policy_summaries_are_english_samples_pointing_to_the_thai_text(built_site: Path, slug: str,
                                                                        original: str) -> None:
    url = f"en/{slug}/"
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="lc-sample"[^>]*>\s*<p><strong>ตัวอย่าง</strong>', html), "visible sample banner"
    page = parse(built_site, url)
    english = " ".join(text for lang, text in page.pieces if lang == "en")
    assert "Sample" in english and "summary" in english
    assert original in {resolve(url, a.get("href", "")) for a in page.links}


@pytest.mark.parametrize("url", ["", "plan/2566/", "knowledge/", "en/"])
def test_header_language_switch(built_site: Path, url: str) -> None:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    header = html[html.index("<header"):html.index("</header>")]
    switch = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"', header))
    targets = {lang: resolve(url, href) for href, lang in switch.items()}
    assert targets.get("en") == "en/", targets
    assert targets.get("th") in ("", "/"), targets
    assert re.search(r'hreflang="en" lang="en" class="md-select__link">\s*English', header)


def test_english_section_has_its_own_sitemap_for_the_switch(built_site: Path) -> None:
    """Material fetches <alternate>/sitemap.xml on every page; a missing file would be a 404 on every visit."""
    xml = (built_site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/en/no-gift-policy/</loc>" in xml and "/plan/" not in xml
