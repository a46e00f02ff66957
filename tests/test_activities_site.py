"""End to end: the bundled write-ups built into a site (as of 2023-06-30), read as a visitor and an auditor would.

Reads the session's one real build (``built_site`` in tests/conftest.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT, read_page

pytestmark = pytest.mark.slow

WRITEUP = "activities/2023-04-05-honour-good-people/"
ORIGINALS = sorted(p for p in (ROOT / "content" / "activities").rglob("*")
                   if p.is_file() and p.suffix.lower() in {".jpg", ".jpeg", ".png", ".heic", ".webp"})
def urls_in(html: str) -> list[str]:
    """Every image URL in src and srcset attributes."""
    found = re.findall(r'\ssrc="([^"]+)"', html)
    for srcset in re.findall(r'\ssrcset="([^"]+)"', html):
        found += [part.strip().split(" ")[0] for part in srcset.split(",")]
    return [u for u in found if "assets/photos/" in u]


def test_write_up_page_has_responsive_gallery(built_site: Path) -> None:
    html = read_page(built_site, WRITEUP)
    assert "ตัวอย่าง" in html and 'class="admonition warning"' in html
    assert html.count('class="glightbox lc-photo"') == 4  # cover hero + three gallery photos
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 4
    for picture in pictures:
        assert 'type="image/webp"' in picture and " sizes=" in picture
        assert re.search(r'<img [^>]*width="\d+" height="\d+"', picture)
    assert 'loading="lazy"' in html
    assert '<a href="../../plan/2566/project-1/#item-1-6-1"' in html


def test_produced_images_are_upright_and_carry_no_metadata(built_site: Path) -> None:
    html = read_page(built_site, WRITEUP)
    page_dir = built_site / WRITEUP
    urls = set(urls_in(html))
    assert urls
    for url in urls:
        path = (page_dir / url).resolve()
        assert path.is_file(), url
        with Image.open(path) as im:
            assert im.width > im.height, f"{url} is not upright"  # every sample scene is landscape
            assert not im.getexif() and "exif" not in im.info and "xmp" not in im.info, url


def test_original_photos_are_never_published(built_site: Path) -> None:
    assert ORIGINALS, "the bundled sample write-ups have photos"
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in ORIGINALS}
    names = {p.name for p in ORIGINALS}
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".heic"}:
            assert path.name not in names, path
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in digests, path


def test_listing_is_newest_first_with_covers(built_site: Path) -> None:
    html = read_page(built_site, "activities/")
    dates = re.findall(r'<p class="lc-card__meta"><time datetime="([0-9-]+)">', html)
    assert len(dates) == len({p.parent for p in ORIGINALS}) and dates == sorted(dates, reverse=True)
    assert html.count("/cover.webp") == len(dates)
    measure3 = read_page(built_site, "activities/measure-3/")
    assert "ทุกสำนักร่วมประกาศนโยบาย No Gift Policy (ตัวอย่าง)" in measure3
    assert "กิจกรรมจิตอาสาเพื่อสังคม" not in measure3


def test_plan_items_show_status_and_link_to_evidence(built_site: Path) -> None:
    html = read_page(built_site, "plan/2566/project-1/")
    section = html.split('id="item-1-6-1"', 1)[1].split('id="item-1-6-2"', 1)[0]
    assert "lc-status--done" in section
    assert "activities/2023-04-05-honour-good-people/" in section
    later = html.split('id="item-1-6-2"', 1)[1].split('id="item-1-6-3"', 1)[0]
    assert "lc-status--due" in later  # deadline 30 Jul 2566 is after the build's "as of" date


def test_write_up_pages_are_not_in_the_navigation(built_site: Path) -> None:
    html = read_page(built_site, "activities/")
    nav = html.split("md-nav--primary", 1)[1].split("md-nav--secondary", 1)[0]
    assert "measure-1/" in nav  # the listing pages are in the navigation ...
    assert "2023-04-05-honour-good-people" not in nav  # ... the write-ups are not
    writeup_nav = read_page(built_site, WRITEUP).split("md-nav--primary", 1)[1].split("md-nav--secondary", 1)[0]
    assert "2023-03-14-no-gift-policy" not in writeup_nav


def test_lightbox_and_styles_are_served_locally(built_site: Path) -> None:
    html = read_page(built_site, WRITEUP)
    # extra_css files reach the page through the one bundled stylesheet (site_build/page_speed.py)
    assert "assets/css/lc-bundle.css" in html
    bundle = (built_site / "assets" / "css" / "lc-bundle.css").read_text(encoding="utf-8")
    assert "/* ---- assets/css/activities.css ---- */" in bundle, "mkdocs.yml extra_css needs assets/css/activities.css"
    assert "glightbox.min.js" in html, "mkdocs.yml plugins need glightbox (manual: true)"
    assert (built_site / "assets" / "javascripts" / "glightbox.min.js").is_file()
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert not [tag for tag in re.findall(r"<link[^>]+>", html) if "stylesheet" in tag and '="http' in tag]
