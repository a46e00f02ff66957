"""Document front matter: every mistake is reported at the file and line a staff member must edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_build.documents.build import plan_item_problems
from site_build.documents.load import load_documents
from site_build.errors import ProblemsFound
from tests.test_documents_support import context, front, write_doc


def problems_of(tmp_path: Path) -> list:
    with pytest.raises(ProblemsFound) as caught:
        load_documents(tmp_path / "content", tmp_path)
    return caught.value.problems


def test_valid_document_loads_with_checksum(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(), original=b"abc")
    docs = load_documents(tmp_path / "content", tmp_path)
    doc = docs.by_id["policy/no-gift/2566"]
    assert doc.url == "policies/no-gift/2566/"
    assert doc.original.size == 3
    assert doc.original.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


RAW = """kind: policy
slug: no-gift
title: นโยบายทดสอบ
fiscal_year: 2566
signed_by:
  name: นายทดสอบ
  position: ผู้อำนวยการ
signed_on: 2566-03-20
effective_on: null
status: in_forse
original:
  file: no-gift-2566.pdf
  discription: สแกน
"""


def test_errors_name_the_file_line_and_fix(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(), raw_front=RAW)
    problems = {p.code: p for p in problems_of(tmp_path)}
    shown = "content/policies/no-gift/2566/index.md"
    # line numbers count the opening '---' as line 1 of index.md
    be = problems["be-year"]
    assert (be.file, be.line) == (shown, 9)
    assert "2023-03-20" in be.fix_th
    status = problems["literal_error"]
    assert status.line == 11 and "in_force" in status.fix_th
    unknown = problems["unknown-key"]
    assert unknown.line == 14 and "description" in unknown.fix_th
    assert problems["missing"].path == "original.description"


def test_unknown_top_level_key_suggests_the_nearest(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(signed_by_name="x"))
    problem = next(p for p in problems_of(tmp_path) if p.code == "unknown-key")
    assert problem.line is not None and "signed_by" in problem.fix_th


def test_folder_must_agree_with_kind_slug_and_year(tmp_path: Path) -> None:
    meta = front(kind="policy", slug="no-gift", fiscal_year=2567)
    write_doc(tmp_path / "content", meta, version="2566")
    problems = problems_of(tmp_path)
    assert any(p.code == "year-folder" and p.line == 6 for p in problems)


def test_missing_original_is_located(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(), original=None)
    problem = next(p for p in problems_of(tmp_path) if p.code == "original-missing")
    assert problem.file.endswith("policies/no-gift/2566/index.md") and problem.line is not None


def test_signed_on_must_be_written_even_when_unknown(tmp_path: Path) -> None:
    meta = front()
    del meta["signed_on"]
    write_doc(tmp_path / "content", meta)
    assert any(p.code == "missing" and p.path == "signed_on" for p in problems_of(tmp_path))


def test_null_dates_and_number_are_allowed(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(signed_on=None, effective_on=None, number=None))
    doc = load_documents(tmp_path / "content", tmp_path).docs[0]
    assert doc.meta.signed_on is None and doc.meta.number is None and doc.dated is None


def test_supersedes_must_point_at_an_existing_version(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(supersedes="policy/no-gift/2565"))
    problem = next(p for p in problems_of(tmp_path) if p.code == "unknown-version")
    assert problem.line is not None and "2565" in problem.message_th


def test_superseded_version_needs_a_successor_and_old_must_say_superseded(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_doc(content, front(year=2565))  # still says in_force
    write_doc(content, front(year=2566, supersedes="policy/no-gift/2565"))
    codes = {p.code for p in problems_of(tmp_path)}
    assert "supersede-status" in codes

    lonely = tmp_path / "other"
    write_doc(lonely / "content", front(status="superseded"))
    with pytest.raises(ProblemsFound) as caught:
        load_documents(lonely / "content", lonely)
    assert any(p.code == "superseded-by-nothing" for p in caught.value.problems)


def test_two_versions_in_force_is_an_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_doc(content, front(year=2565))
    write_doc(content, front(year=2566))
    assert any(p.code == "two-in-force" for p in problems_of(tmp_path))


def test_plan_items_need_a_date_and_must_exist_in_the_plan(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_doc(content, front(signed_on=None, effective_on=None, plan_items=["1.1"]))
    assert any(p.code == "evidence-without-date" for p in problems_of(tmp_path))

    ok = tmp_path / "ok"
    write_doc(ok / "content", front(plan_items=["1.1", "9.9"]))
    docs = load_documents(ok / "content", ok)
    problems = plan_item_problems(docs.docs, context(ok).plan)
    assert [p.message_en for p in problems] == ["plan item '9.9' does not exist in plan.yml"]
    assert problems[0].line is not None


def test_effective_before_signed_is_only_a_warning(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front(signed_on=dt.date(2023, 1, 10), effective_on=dt.date(2023, 1, 1)))
    docs = load_documents(tmp_path / "content", tmp_path)
    assert [p.code for p in docs.warnings] == ["date-order"]
