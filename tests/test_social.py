"""Sharing previews (Open Graph, Twitter): rules in site_build.social, and the tags as they come out of a real build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from site_build import social
from site_build.social import MetaTag, PageInfo, SiteInfo

SITE = SiteInfo(site_url="https://example.org/lc/", site_name="ศูนย์เรียนรู้องค์กรคุณธรรมต้นแบบ",
                site_description="คำอธิบายของเว็บไซต์")


def tags_of(page: PageInfo, site: SiteInfo = SITE) -> dict[str, str]:
    return {t.key: t.value for t in social.social_tags(page, site)}


# -- unit: values ---------------------------------------------------------------------------------------

def test_every_required_tag_with_absolute_urls() -> None:
    tags = tags_of(PageInfo(url="plan/2566/", title="แผนบูรณาการ", meta={"description": "คำอธิบาย"}))
    for key in ("og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height", "og:type",
                "og:locale", "og:site_name", "twitter:card", "twitter:title", "twitter:description",
                "twitter:image"):
        assert tags.get(key), key
    assert tags["og:url"] == "https://example.org/lc/plan/2566/"
    assert tags["og:image"] == "https://example.org/lc/assets/images/og-default.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:locale"] == "th_TH"
    assert tags["og:site_name"] == SITE.site_name
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"] and tags["twitter:title"] == tags["og:title"] == "แผนบูรณาการ"


def test_home_page_is_a_website_titled_with_the_site_name() -> None:
    tags = tags_of(PageInfo(url="", title="หน้าแรก", is_homepage=True))
    assert tags["og:type"] == "website"
    assert tags["og:title"] == SITE.site_name
    assert tags["og:url"] == "https://example.org/lc/"
    assert tags["og:description"] == "คำอธิบายของเว็บไซต์"  # nothing else to describe it


def test_other_pages_are_articles() -> None:
    assert tags_of(PageInfo(url="activities/2023-01-26-x/", title="x"))["og:type"] == "article"


def test_description_prefers_front_matter_then_first_paragraph_then_site() -> None:
    body = ('<div class="lc-sample" role="note"><p><strong>ตัวอย่าง</strong> ไม่ใช่คำอธิบาย</p></div>'
            '<div class="admonition note"><p class="admonition-title">หมายเหตุ</p><p>ไม่ใช่เช่นกัน</p></div>'
            "<ul><li><p>ในรายการ</p></li></ul><p>  </p>"
            "<p>ย่อหน้าแรก &amp; ของ<a href='x'>เนื้อหา</a>\nจริง</p><p>ย่อหน้าที่สอง</p>")
    assert tags_of(PageInfo(url="a/", content_html=body, meta={"description": "จากส่วนหัว"}))[
        "og:description"] == "จากส่วนหัว"
    assert tags_of(PageInfo(url="a/", content_html=body))["og:description"] == "ย่อหน้าแรก & ของเนื้อหา จริง"
    assert tags_of(PageInfo(url="a/", content_html="<h1>หัวข้อ</h1>"))["og:description"] == "คำอธิบายของเว็บไซต์"


def test_description_ignores_non_text_front_matter() -> None:
    tags = tags_of(PageInfo(url="a/", content_html="<p>เนื้อหา</p>", meta={"description": ["รายการ"]}))
    assert tags["og:description"] == "เนื้อหา"


def test_long_thai_text_is_cut_without_orphaning_marks() -> None:
    # No spaces: a hard cut must not start or end inside a syllable's stacked marks or leave a leading vowel.
    text = "การต่อต้านการทุจริต" * 20
    cut = social.trim_text(text, 160)
    assert len(cut) <= 160 and cut.endswith("…")
    body = cut[:-1]
    assert text.startswith(body)
    assert not ("\u0e40" <= body[-1] <= "\u0e44")  # not ending with เ แ โ ใ ไ (they precede their consonant)
    import unicodedata
    assert unicodedata.category(text[len(body)]) != "Mn"  # the next character is not a mark torn off its base


def test_long_text_with_spaces_is_cut_at_a_space() -> None:
    text = " ".join(["คุณธรรม จริยธรรม ความโปร่งใส"] * 20)
    cut = social.trim_text(text, 160)
    assert len(cut) <= 160
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "


def test_share_image_from_the_photo_hook() -> None:
    meta = {"share_image": "assets/photos/abc/share.jpg", "share_image_width": 1200, "share_image_height": 630}
    tags = tags_of(PageInfo(url="activities/x/", title="กิจกรรม", meta=meta))
    assert tags["og:image"] == "https://example.org/lc/assets/photos/abc/share.jpg"
    assert tags["og:image:type"] == "image/jpeg"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "กิจกรรม"


def test_share_image_without_size_has_no_size_tags() -> None:
    tags = tags_of(PageInfo(url="a/", meta={"share_image": "/assets/photos/x/share.jpg"}))
    assert tags["og:image"] == "https://example.org/lc/assets/photos/x/share.jpg"
    assert "og:image:width" not in tags and "og:image:height" not in tags


@pytest.mark.parametrize("hostile", ["https://evil.example/x.jpg", "//evil.example/x.jpg", "../../etc/passwd",
                                     "javascript:alert(1)", "assets/a b.jpg", 42, ""])
def test_share_image_that_is_not_a_site_path_falls_back_to_the_default(hostile: object) -> None:
    tags = tags_of(PageInfo(url="a/", meta={"share_image": hostile, "share_image_width": 10}))
    assert tags["og:image"] == "https://example.org/lc/assets/images/og-default.png"
    assert tags["og:image:width"] == "1200"


def test_english_pages_have_an_english_locale() -> None:
    assert tags_of(PageInfo(url="en/", meta={"lang": "en"}))["og:locale"] == "en_US"


# -- unit: escaping ---------------------------------------------------------------------------------------

def test_hostile_front_matter_comes_out_escaped() -> None:
    hostile = '"><script>alert(1)</script><meta x="'
    page = PageInfo(url='a/"><script>/', title=hostile, meta={"title": hostile, "description": hostile,
                                                             "share_image_alt": hostile})
    rendered = social.render_tags(social.social_tags(page, SITE))
    assert "<script>" not in rendered
    assert '"><' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&quot;&gt;" in rendered
    # every line is exactly one well-formed meta element
    for line in rendered.splitlines():
        assert re.fullmatch(r'<meta (property|name)="[^"<>]+" content="[^"<>]*">', line), line


def test_render_tags_escapes_keys_and_values() -> None:
    assert social.render_tags([MetaTag("property", "og:title", "ก & ข <ค> \"ง\" 'จ'")]) == (
        '<meta property="og:title" content="ก &amp; ข &lt;ค&gt; &quot;ง&quot; &#x27;จ&#x27;">')


def test_title_from_heading_html_is_plain_text() -> None:
    assert tags_of(PageInfo(url="a/", title="<em>No Gift</em> &amp; ITA"))["og:title"] == "No Gift & ITA"


def test_language_sitemap_lists_absolute_urls() -> None:
    xml = social.language_sitemap("https://example.org/lc/", ["en/b/", "en/", "en/b/"])
    assert xml.count("<loc>") == 2
    assert "<loc>https://example.org/lc/en/</loc>" in xml and "<loc>https://example.org/lc/en/b/</loc>" in xml


# -- the built site ---------------------------------------------------------------------------------------

class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")


def head_of(site: Path, url: str) -> _Head:
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_url(site: Path) -> str:
    canonical = head_of(site, "").canonical
    assert canonical, "the home page has no canonical link: is site_url set?"
    return canonical


def page_kinds(site: Path) -> dict[str, str]:
    """Representative built pages by kind; write-ups and policies only when the site has them."""
    kinds = {"home": "", "plan overview": "plan/2566/", "project": "plan/2566/project-1/",
             "manual": "knowledge/strong-organization/02-practices/", "english": "en/"}
    writeups = sorted(p.parent for p in (site / "activities").glob("*/index.html")
                      if re.match(r"\d{4}-\d{2}-\d{2}-", p.parent.name))
    if writeups:
        kinds["write-up"] = f"activities/{writeups[0].name}/"
    if (site / "policies/no-gift/2566/index.html").exists():
        kinds["policy"] = "policies/no-gift/2566/"
    return kinds


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html")
                  if p.relative_to(site).parts[0] != "admin")  # the staff editor is not a page to share


@pytest.mark.slow
def test_built_pages_of_every_kind_carry_complete_previews(built_site: Path) -> None:
    base = site_url(built_site)
    host = urlsplit(base).netloc
    for kind, url in page_kinds(built_site).items():
        meta = head_of(built_site, url).meta
        for key in ("og:title", "og:description", "og:url", "og:image", "og:type", "og:locale", "og:site_name",
                    "twitter:card", "twitter:title", "twitter:description", "twitter:image"):
            assert len(meta.get(key, [])) == 1 and meta[key][0].strip(), f"{kind} ({url}): {key}"
        assert meta["og:url"][0] == base + url, kind
        assert urlsplit(meta["og:image"][0]).scheme == "https" or base.startswith("http://"), kind
        assert urlsplit(meta["og:image"][0]).netloc == host, kind
        assert meta["twitter:card"] == ["summary_large_image"]
        assert meta["twitter:image"] == meta["og:image"] and meta["twitter:title"] == meta["og:title"], kind
        assert re.search(r"[\u0e00-\u0e7f]", meta["og:title"][0] + meta["og:description"][0]) or kind == "english"
        assert len(meta["og:description"][0]) <= 161, kind
        # the image exists in the built site and has the size the tags announce
        image = built_site / urlsplit(meta["og:image"][0]).path.removeprefix(urlsplit(base).path)
        assert image.is_file(), f"{kind}: {image}"
        with Image.open(image) as im:
            assert [str(im.width), str(im.height)] == meta["og:image:width"] + meta["og:image:height"], kind


@pytest.mark.slow
def test_home_preview_uses_the_default_image(built_site: Path) -> None:
    meta = head_of(built_site, "").meta
    assert meta["og:image"][0].endswith("/assets/images/og-default.png")
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:locale"] == ["th_TH"] and meta["og:type"] == ["website"]


@pytest.mark.slow
def test_a_writeup_is_shared_with_its_own_photo(built_site: Path) -> None:
    url = page_kinds(built_site).get("write-up")
    if url is None:
        pytest.skip("the built site has no write-up yet")
    meta = head_of(built_site, url).meta
    assert not meta["og:image"][0].endswith("og-default.png"), "a write-up with photos should share its cover"
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]


@pytest.mark.slow
def test_every_built_page_has_a_preview(built_site: Path) -> None:
    missing = [url for url in built_pages(built_site) if "og:image" not in head_of(built_site, url).meta]
    assert not missing, missing[:10]


def test_share_image_size_is_read_from_the_file_when_missing() -> None:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630)).save(buffer, "JPEG")
    files = {"assets/photos/k/share.jpg": buffer.getvalue(), "assets/photos/k/broken.jpg": b"not an image"}
    meta = social.with_image_size({"share_image": "/assets/photos/k/share.jpg"}, files.get)
    assert (meta["share_image_width"], meta["share_image_height"]) == (1200, 630)
    assert "share_image_width" not in social.with_image_size({"share_image": "assets/photos/k/broken.jpg"}, files.get)
    assert "share_image_width" not in social.with_image_size({"share_image": "assets/missing.jpg"}, files.get)
    given = {"share_image": "assets/photos/k/share.jpg", "share_image_width": 600, "share_image_height": 315}
    assert social.with_image_size(given, files.get) is given  # the hook's numbers are trusted, no read
