"""The built site, as an auditor meets it: stable URLs, checksums that match, the register, evidence exports,
the DGA pages and footer, page history, and the No Gift and anti-bribery policies two clicks from home.

Reads the session build (``built_site`` in conftest.py). ``LC_BUILT_SITE=<dir>`` points these tests at an
existing build instead (useful while iterating on content).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import posixpath
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Auditors cite these URLs: a refactor must never move them. Add new versions; never edit this list's entries.
DOCUMENT_URLS = {
    "policies/no-gift/2566/": "no-gift-2566-sample.pdf",
    "policies/anti-bribery/2566/": "anti-bribery-2566-sample.pdf",
    "policies/ethics-transparency/2566/": "ethics-transparency-2566-sample.pdf",
    "policies/reward-penalty/2566/": "reward-penalty-2566-sample.pdf",
    "policies/hr-governance/2566/": "hr-governance-2566-sample.pdf",
    "declarations/model-moral-organization/2566/": "model-moral-organization-2566-sample.pdf",
    "declarations/integrity/2566/": "integrity-2566-sample.pdf",
    "orders/strong-working-group/2566/": "strong-working-group-2566-sample.pdf",
}
OTHER_URLS = [
    "register/", "register/documents.csv", "register/documents.json", "policies/", "declarations/", "orders/",
    "policies/no-gift/", "policies/anti-bribery/", "orders/strong-working-group/",
    "evidence/", "evidence/2566/", "evidence/2566/evidence.csv", "evidence/2566/evidence.json",
    "about/", "about/website-policy/", "about/privacy/", "about/cookies/", "about/accessibility/",
    "about/security/", "about/contact/", "about/sitemap/", "assets/css/documents.css",
]
FOOTER_URLS = ["register/", "evidence/", "about/website-policy/", "about/privacy/", "about/cookies/",
               "about/accessibility/", "about/security/", "about/contact/", "about/sitemap/"]


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    prebuilt = os.environ.get("LC_BUILT_SITE")
    return Path(prebuilt) if prebuilt else request.getfixturevalue("built_site")


def page(site: Path, url: str) -> str:
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    return path.read_text(encoding="utf-8")


def text_of(html: str) -> str:
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_from(site: Path, url: str) -> list[str]:
    """Site-relative URLs of the internal links on a page."""
    parser = Links()
    parser.feed(page(site, url))
    out = []
    base = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
    for href in parser.hrefs:
        if re.match(r"^[a-z]+:|^//|^#", href):
            continue
        target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
        target = "" if target == "." else target
        if href.split("#")[0].endswith("/") and target:
            target += "/"
        out.append(target)
    return out


def test_document_and_original_urls_are_exactly_the_documented_ones(site: Path) -> None:
    for url, original in DOCUMENT_URLS.items():
        assert (site / url / "index.html").is_file(), url
        assert (site / url / original).is_file(), url + original
    for url in OTHER_URLS:
        assert (site / url / "index.html").is_file() if url.endswith("/") else (site / url).is_file(), url
    published = sorted(p.relative_to(site).parent.as_posix() + "/" for kind in ("policies", "declarations", "orders")
                       for p in (site / kind).glob("*/*/index.html"))
    assert published == sorted(DOCUMENT_URLS), "a new document version needs its URL pinned above"


def test_shown_sha256_equals_the_published_and_source_file(site: Path) -> None:
    for url, original in DOCUMENT_URLS.items():
        html = page(site, url)
        shown = set(re.findall(r'class="lc-sha256">([0-9a-f]{64})<', html))
        published = hashlib.sha256((site / url / original).read_bytes()).hexdigest()
        source = hashlib.sha256((ROOT / "content" / url / original).read_bytes()).hexdigest()
        assert shown == {published} and published == source, url
        assert f'href="{original}"' in html, "download link next to the checksum"


def test_pages_show_signer_and_thai_dates(site: Path) -> None:
    order = text_of(page(site, "orders/strong-working-group/2566/"))
    assert "วันที่ลงนาม ๒๐ ตุลาคม ๒๕๖๕" in order
    assert "นายอุสาห์ ชูสินธุ์ ผู้อำนวยการสำนักกรรมาธิการ ๒" in order
    no_gift = text_of(page(site, "policies/no-gift/2566/"))
    assert "วันที่ลงนาม ไม่ระบุในเอกสารต้นทาง" in no_gift and "เลขที่ ไม่ระบุ" in no_gift
    assert "ตัวอย่าง: ไม่ใช่ถ้อยคำที่ลงนามจริง" in no_gift and "ไฟล์ตัวอย่าง ไม่ใช่ต้นฉบับจริง" in no_gift


def test_order_keeps_the_seed_text_with_ocr_fixed_and_says_what_is_missing(site: Path) -> None:
    text = text_of(page(site, "orders/strong-working-group/2566/"))
    assert "ลำดับที่ ๑–๗ ไม่ปรากฏในเอกสารต้นทาง" in text
    assert "๑๓ นางสาวสรญา โสภางรีวงศ์ หัวหน้าคณะทำงาน" in text
    assert "๓๓ นางสาวกัญญาดา อินแสง คณะทำงานและผู้ช่วยเลขานุการ" in text
    for n in "๑๒๓๔๕๖๗๘":
        assert f"{n}. " in text
    assert "การเป็นองค์กรต้นแบบจิตพอเพียงต้านทุจริต" in text
    assert "ภายในสำนักกรรมาธิการ ๒" in text
    body = text.split("คำที่แก้จากการแปลงเอกสาร")[0]
    assert "สำนักกรรมการ ๒" not in body and "กรรมการธิการ" not in body and "ด้านทุจริต" not in body


def test_register_lists_every_document_with_status(site: Path) -> None:
    html = page(site, "register/")
    for url in DOCUMENT_URLS:
        assert f'href="../{url}"' in html, url
    # issue 13 point 14: only the order, whose source gives its dates, is shown as in force; the seven sample
    # documents without dates say so instead of claiming "ใช้บังคับ"
    assert html.count("lc-doc-status--in_force") == 1
    assert html.count("lc-doc-status--dates_unknown") == len(DOCUMENT_URLS) - 1
    rows = list(csv.DictReader(io.StringIO((site / "register/documents.csv").read_bytes().decode("utf-8-sig"))))
    assert {r["url"].split("/", 3)[3] for r in rows} == set(DOCUMENT_URLS)


def test_no_gift_and_anti_bribery_are_two_clicks_from_home(site: Path) -> None:
    goals = {"policies/no-gift/2566/", "policies/anti-bribery/2566/"}
    seen = {"": 0}
    queue = deque([""])
    while queue:
        url = queue.popleft()
        if seen[url] == 2 or (not url.endswith("/") and url):
            continue
        for target in links_from(site, url):
            if target not in seen and (site / target / "index.html").is_file():
                seen[target] = seen[url] + 1
                queue.append(target)
    assert all(goal in seen and seen[goal] <= 2 for goal in goals), {g: seen.get(g) for g in goals}


def test_footer_links_on_every_page_resolve(site: Path) -> None:
    pages = [p for p in site.rglob("index.html") if "search" not in p.parts][:400]
    assert pages
    for path in pages:
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        html = path.read_text(encoding="utf-8")
        if "md-footer" not in html:
            continue  # not a themed page
        assert 'class="lc-footer-links"' in html, url
    for target in FOOTER_URLS:
        assert target in links_from(site, "plan/2566/")
        assert (site / target / "index.html").is_file()


def test_history_block_under_content_pages(site: Path) -> None:
    for url in ("policies/no-gift/2566/", "about/privacy/", ""):
        html = page(site, url)
        block = re.search(r'<aside class="lc-history".*?</aside>', html, re.S)
        assert block, url
        assert ("เผยแพร่ครั้งแรก" in block.group(0)) or ("ประวัติ" in block.group(0))


def test_dga_pages_mark_samples_and_cookie_statement(site: Path) -> None:
    for url in ("about/website-policy/", "about/privacy/", "about/accessibility/", "about/security/",
                "about/contact/"):
        html = page(site, url)
        assert 'class="lc-sample"' in html and "ตัวอย่าง" in text_of(html), url
    privacy = text_of(page(site, "about/privacy/"))
    assert "GPS" in privacy and "ขอให้นำภาพหรือชื่อออก" in privacy
    assert "เว็บไซต์นี้ไม่ใช้คุกกี้" in text_of(page(site, "about/cookies/"))
    assert "WCAG 2.1 ระดับ AA" in text_of(page(site, "about/accessibility/"))


def test_sitemap_lists_every_page_by_section(site: Path) -> None:
    targets = set(links_from(site, "about/sitemap/"))
    for url in [*DOCUMENT_URLS, "register/", "evidence/2566/", "about/privacy/", "plan/2566/"]:
        assert url in targets, url
    assert "เมนูหลัก" in text_of(page(site, "about/sitemap/"))


def test_evidence_exports_parse_and_point_at_published_pages(site: Path) -> None:
    raw = (site / "evidence/2566/evidence.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))  # BOM stays on the first header name
    assert rows[0]["\ufefffiscal_year"] == "2566"
    assert sum(r["scheme"] == "oit" for r in rows) == 43
    assert sum(r["scheme"] == "model-moral-organization" for r in rows) == 9
    by_code = {r["code"]: r for r in rows}
    assert by_code["O31"]["title"].startswith("ประกาศเจตนารมณ์นโยบาย No Gift Policy")
    assert by_code["O31"]["urls"].endswith("/policies/no-gift/2566/") and by_code["O31"]["status"] == "sample"
    assert by_code["O1"]["status"] == "missing"
    data = json.loads((site / "evidence/2566/evidence.json").read_text(encoding="utf-8"))
    for scheme in data["schemes"]:
        for item in scheme["items"]:
            for url in item["urls"]:
                rel = url.split("/", 3)[3].split("#")[0]
                assert (site / rel / "index.html").is_file() or (site / rel).is_file(), url
