"""Document pages, the register and series pages, rendered from tiny document sets (no MkDocs)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from site_build.documents.load import DocumentSet, load_documents
from site_build.documents.register import generate_register_pages, register_page
from site_build.documents.render import RenderSettings, format_size, render_document
from site_build.markdown_text import md_escape
from tests.test_documents_support import front, write_doc

SETTINGS = RenderSettings(digit_style="thai", absolute=lambda url: "https://example.org/" + url,
                          evidence_years={2566}, plan_item_uri=lambda i, fy: "plan/2566/project-1.md#item-1-1")


def label(year: str) -> str:
    return md_escape(f"นโยบายทดสอบ no-gift (ฉบับปี {year})")


def three_versions(tmp_path: Path) -> DocumentSet:
    content = tmp_path / "content"
    write_doc(content, front(year=2565, status="superseded", signed_on=dt.date(2021, 12, 1)))
    write_doc(content, front(year=2566, status="superseded", supersedes="policy/no-gift/2565"))
    write_doc(content, front(year=2567, supersedes="policy/no-gift/2566", evidence=["O31"], plan_items=["1.1"],
                             change_notes=[{"date": dt.date(2023, 12, 5), "note": "ปรับถ้อยคำข้อ ๒"}]))
    write_doc(content, front(slug="old-rule", status="withdrawn", withdrawn_on=dt.date(2023, 1, 31)))
    return load_documents(content, tmp_path)


def test_superseded_version_has_banner_linking_to_the_current_one(tmp_path: Path) -> None:
    docs = three_versions(tmp_path)
    old = docs.by_id["policy/no-gift/2565"]
    page = render_document(old, docs, old.body, SETTINGS)
    banner = page.split('!!! danger lc-superseded "ฉบับนี้ถูกแทนที่แล้ว"', 1)[1].split("\n\n", 2)[1]
    assert "(../2566/index.md)" in banner  # the version that replaced it
    assert f"ฉบับที่ใช้บังคับในปัจจุบัน: [{label('๒๕๖๗')}](../2567/index.md)" in banner
    current = docs.by_id["policy/no-gift/2567"]
    assert "lc-superseded" not in render_document(current, docs, current.body, SETTINGS)


def test_withdrawn_version_says_so_with_its_date(tmp_path: Path) -> None:
    docs = three_versions(tmp_path)
    doc = docs.by_id["policy/old-rule/2566"]
    page = render_document(doc, docs, doc.body, SETTINGS)
    assert 'lc-withdrawn "ยกเลิกแล้ว"' in page and "๓๑ มกราคม ๒๕๖๖" in page
    assert "ขณะนี้ไม่มีฉบับที่ใช้บังคับแทน" in page


def test_document_page_shows_facts_in_thai_dates_and_the_checksum(tmp_path: Path) -> None:
    docs = three_versions(tmp_path)
    doc = docs.by_id["policy/no-gift/2567"]
    page = render_document(doc, docs, "เนื้อความ **สำคัญ**", SETTINGS)
    assert page.startswith("# นโยบายทดสอบ no\\-gift\n")
    assert "| เลขที่ | ที่ ๑/๒๕๖๗ |" in page
    assert "| วันที่ลงนาม | ๑ ธันวาคม ๒๕๖๖ |" in page
    assert f'<code class="lc-sha256">{doc.original.sha256}</code>' in page
    assert "[ดาวน์โหลด no\\-gift\\-2567.pdf](no-gift-2567.pdf)" in page
    assert f"| แทนที่ฉบับ | [{label('๒๕๖๖')}](../2566/index.md) |" in page
    assert "](../../../evidence/2566/index.md#ev-o31)" not in page  # 2567 has no index in SETTINGS
    assert "| ๕ ธันวาคม ๒๕๖๖ | ปรับถ้อยคำข้อ ๒ |" in page
    assert "เนื้อความ **สำคัญ**" in page and "https://example.org/policies/no-gift/2567/" in page


def test_unknown_dates_and_number_are_said_plainly(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(number=None, signed_on=None, effective_on=None, sample=True))
    docs = load_documents(tmp_path / "content", tmp_path)
    page = render_document(docs.docs[0], docs, "", SETTINGS)
    assert "| เลขที่ | ไม่ระบุ |" in page
    assert "| วันที่ลงนาม | ไม่ระบุในเอกสารต้นทาง |" in page
    assert 'lc-sample-banner "ตัวอย่าง' in page and "sample: false" in page


def test_register_lists_every_version_with_its_status(tmp_path: Path) -> None:
    docs = three_versions(tmp_path)
    page = register_page(docs, SETTINGS)
    for year in ("๒๕๖๕", "๒๕๖๖", "๒๕๖๗"):
        assert f"[{label(year)}](../policies/no-gift/" in page
    assert page.count("lc-doc-status--superseded") == 2
    assert page.count("lc-doc-status--in_force") == 1
    assert page.count("lc-doc-status--withdrawn") == 1
    assert f"แทนที่โดย [{label('๒๕๖๗')}](../policies/no-gift/2567/index.md)" in page


def test_register_files_kind_and_series_pages(tmp_path: Path) -> None:
    docs = three_versions(tmp_path)
    files = {f.uri: f.content for f in generate_register_pages(docs, SETTINGS)}
    assert set(files) == {"register/index.md", "register/documents.csv", "register/documents.json",
                          "policies/index.md", "declarations/index.md", "orders/index.md",
                          "policies/no-gift/index.md", "policies/old-rule/index.md"}
    series = files["policies/no-gift/index.md"]
    assert f"## ฉบับที่ใช้บังคับ: [{label('๒๕๖๗')}](2567/index.md)" in series
    assert "ไม่มีฉบับที่ใช้บังคับ" in files["policies/old-rule/index.md"]
    raw = files["register/documents.csv"]
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows][:3] == ["policy/no-gift/2565", "policy/no-gift/2566", "policy/no-gift/2567"]
    assert rows[0]["superseded_by"] == "policy/no-gift/2566" and rows[0]["title"] == "นโยบายทดสอบ no-gift"
    data = json.loads(str(files["register/documents.json"]))
    assert data["documents"][2]["original_sha256"] == docs.by_id["policy/no-gift/2567"].original.sha256


def test_size_is_human_and_exact() -> None:
    assert format_size(900, "arabic") == "900 ไบต์"
    assert format_size(36655, "thai") == "๓๕.๘ กิโลไบต์ หรือ ๓๖,๖๕๕ ไบต์"
