"""Thai headings get readable, stable anchors that keep every vowel and tone mark."""

from __future__ import annotations

import markdown
import pytest

from site_build.safety import slugify


@pytest.mark.parametrize(("heading", "slug"), [
    ("ประกาศเจตนารมณ์", "ประกาศเจตนารมณ์"),
    ("แผนปฏิบัติการ ปี ๒๕๖๖ (ฉบับปรับปรุง)", "แผนปฏิบัติการ-ปี-๒๕๖๖-ฉบับปรับปรุง"),
    ("ข้อ ๑.๑ การประชุม", "ข้อ-๑-๑-การประชุม"),
    ("ตัวชี้วัดที่ 1: <b>ITA</b>", "ตัวชี้วัดที่-1-ita"),
    ("ITA/OIT O1 ข้อมูลพื้นฐาน", "ita-oit-o1-ข้อมูลพื้นฐาน"),
    ("Hello World!", "hello-world"),
    ("  มี   ช่องว่าง  ", "มี-ช่องว่าง"),
])
def test_slug(heading: str, slug: str) -> None:
    assert slugify(heading, "-") == slug


def test_every_thai_mark_is_kept() -> None:
    heading = "กั กิ กี กึ กื กุ กู ก่ ก้ ก๊ ก๋ ก็ ก์ กํ"
    assert slugify(heading, "-") == heading.replace(" ", "-")


def test_invisible_typing_differences_give_one_anchor() -> None:
    assert slugify("น\u0e33\u0e49", "-") == slugify("น\u0e49\u0e33", "-") == "น้ำ"  # tone mark before/after SARA AM
    assert slugify("กิจ\u200bกรรม", "-") == "กิจกรรม"  # zero-width space
    assert slugify("กิจกรรม", "-") == slugify("กิจกรรม", "-")


@pytest.mark.parametrize("hostile", [
    '"><script>alert(1)</script>หัวข้อ',
    "หัวข้อ\" onmouseover=\"alert(1)",
    "หัวข้อ' autofocus onfocus='x",
])
def test_hostile_heading_gives_inert_slug(hostile: str) -> None:
    slug = slugify(hostile, "-")
    assert not set(slug) & set("<>\"'=() ")


def test_toc_uses_it_and_stays_unique() -> None:
    html = markdown.markdown("## ประกาศเจตนารมณ์\n\n## ประกาศเจตนารมณ์\n\n## !!!\n",
                             extensions=["toc"], extension_configs={"toc": {"slugify": slugify}})
    assert 'id="ประกาศเจตนารมณ์"' in html
    assert 'id="ประกาศเจตนารมณ์_1"' in html
    assert 'id="_1"' in html  # nothing readable left: toc's own fallback
