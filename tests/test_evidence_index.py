"""The evidence index: data file → status per item, a dangling target is a located error, CSV/JSON exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from site_build.documents.evidence_index import (
    TargetInfo,
    index_csv,
    index_json,
    index_page,
    load_index,
    load_indexes,
    resolve_index,
    unknown_codes,
)
from site_build.documents.load import DocumentSet, load_documents
from site_build.errors import ProblemsFound
from tests.test_documents_support import front, write_doc

ROOT = Path(__file__).resolve().parent.parent

DATA = """schema_version: 1
fiscal_year: 2566
title: ดัชนีหลักฐานทดสอบ
schemes:
  - id: oit
    title: OIT
    items:
      - code: O5
        title: ข้อมูลการติดต่อ
        targets: [about/contact.md]
      - code: O8
        title: "Q&A"
      - code: O31
        title: ประกาศ No Gift
      - code: O36
        title: แผนปฏิบัติการ
        targets:
          - {path: plan/2566/index.md, label: แผนบูรณาการ}
        partial: true
        date: 2023-01-15
      - code: O40
        title: ขับเคลื่อนจริยธรรม
        targets:
          - plan/2566/index.md#item-1-1
          - about/missing-page.md
"""

KNOWN = {
    "about/contact.md": TargetInfo(url="about/contact/", title="ติดต่อเรา", sample=True),
    "plan/2566/index.md": TargetInfo(url="plan/2566/", title="แผน"),
    "policies/no-gift/2566/index.md": TargetInfo(url="policies/no-gift/2566/", title="No Gift",
                                                 date=dt.date(2023, 3, 1)),
}


def write_index(tmp_path: Path, text: str = DATA) -> Path:
    folder = tmp_path / "data" / "evidence"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2566.yml").write_text(text, encoding="utf-8")
    return folder / "2566.yml"


def with_no_gift(tmp_path: Path) -> DocumentSet:
    write_doc(tmp_path / "content", front(evidence=["O31"]))
    return load_documents(tmp_path / "content", tmp_path)


def test_dangling_target_is_an_error_at_its_line_and_missing_entry_is_status_missing(tmp_path: Path) -> None:
    index = load_index(write_index(tmp_path), "data/evidence/2566.yml")
    resolved, problems = resolve_index(index, KNOWN.get, with_no_gift(tmp_path))
    assert [(p.code, p.file, p.line) for p in problems] == [
        ("evidence-target-missing", "data/evidence/2566.yml", 25)]
    assert "about/missing-page.md" in problems[0].message_th
    status = {r.item.code: r.status for r in resolved.items}
    assert status == {"O5": "sample", "O8": "missing", "O31": "present", "O36": "partial", "O40": "present"}


def test_documents_join_the_index_through_their_evidence_codes(tmp_path: Path) -> None:
    index = load_index(write_index(tmp_path), "data/evidence/2566.yml")
    resolved, _ = resolve_index(index, KNOWN.get, with_no_gift(tmp_path))
    o31 = next(r for r in resolved.items if r.item.code == "O31")
    assert [t.path for t in o31.targets] == ["policies/no-gift/2566/index.md"]
    assert o31.date == dt.date(2023, 3, 1)
    o36 = next(r for r in resolved.items if r.item.code == "O36")
    assert o36.date == dt.date(2023, 1, 15) and o36.targets[0].label == "แผนบูรณาการ"
    o40 = next(r for r in resolved.items if r.item.code == "O40")
    assert o40.targets[0].url == "plan/2566/#item-1-1"


def test_unknown_code_in_a_document_is_located(tmp_path: Path) -> None:
    index = load_index(write_index(tmp_path), "data/evidence/2566.yml")
    write_doc(tmp_path / "content", front(evidence=["O31", "O99"]))
    docs = load_documents(tmp_path / "content", tmp_path)
    problems = unknown_codes(docs, [index])
    assert [(p.code, p.line) for p in problems] == [("evidence-code", 18)]  # line of "- O99" in index.md
    assert [p.severity for p in unknown_codes(docs, [])] == ["warning", "warning"]


def test_data_file_errors_are_located(tmp_path: Path) -> None:
    bad = DATA.replace("      - code: O8\n", "      - code: O5\n").replace("partial: true", "partal: true")
    with pytest.raises(ProblemsFound) as caught:
        load_index(write_index(tmp_path, bad), "data/evidence/2566.yml")
    found = {(p.code, p.line) for p in caught.value.problems}
    assert ("unknown-key", 19) in found


def test_duplicate_codes_are_refused(tmp_path: Path) -> None:
    bad = DATA.replace("      - code: O8\n", "      - code: O5\n")
    with pytest.raises(ProblemsFound) as caught:
        load_index(write_index(tmp_path, bad), "data/evidence/2566.yml")
    assert [(p.code, p.line) for p in caught.value.problems] == [("duplicate-id", 11)]


def test_csv_is_utf8_with_bom_and_thai_intact_and_json_parses(tmp_path: Path) -> None:
    index = load_index(write_index(tmp_path), "data/evidence/2566.yml")
    known = {k: v for k, v in KNOWN.items()}
    known["about/missing-page.md"] = TargetInfo(url="about/missing-page/")
    resolved, problems = resolve_index(index, known.get, with_no_gift(tmp_path))
    assert problems == []
    raw = index_csv(resolved, lambda url: "https://example.org/" + url)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["title"] == "ข้อมูลการติดต่อ" and rows[0]["status_th"] == "มีเฉพาะตัวอย่าง"
    assert rows[0]["urls"] == "https://example.org/about/contact/"
    assert rows[1]["status"] == "missing" and rows[1]["urls"] == ""
    data = json.loads(index_json(resolved, lambda url: "https://example.org/" + url, dt.date(2023, 6, 30)))
    assert data["fiscal_year"] == 2566 and data["counts"]["missing"] == 1
    assert data["schemes"][0]["items"][2]["urls"] == ["https://example.org/policies/no-gift/2566/"]
    page = index_page(resolved, digit_style="thai", as_of=dt.date(2023, 6, 30))
    assert '<span id="ev-o31"></span>O31' in page and "๑๕ มกราคม ๒๕๖๖" in page
    assert "[ติดต่อเรา](../../about/contact.md) (ตัวอย่าง)" in page


def test_bundled_index_loads_and_covers_o1_to_o43_and_nine_sections() -> None:
    indexes = load_indexes(ROOT)
    index = next(ix for ix in indexes if ix.year == 2566)
    codes = [item.code for scheme in index.index.schemes for item in scheme.items]
    assert [c for c in codes if c.startswith("O")] == [f"O{n}" for n in range(1, 44)]
    assert [c for c in codes if c.startswith("M")] == [f"M{n}" for n in range(1, 10)]
    assert unknown_codes(load_documents(ROOT / "content", ROOT), indexes) == []
