"""Staff tools: starting a new version, the lock command, the cookie-statement guard."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from site_build.documents.build import cookie_statement_problems
from site_build.documents.cli import check_documents, main
from site_build.documents.load import load_documents
from site_build.documents.originals import LOCK_PATH
from site_build.documents.scaffold import new_version
from tests.test_documents_support import front, write_doc


def test_new_version_supersedes_the_old_one_without_touching_its_original(tmp_path: Path) -> None:
    content = tmp_path / "content"
    old_index = write_doc(content, front(evidence=["O31"], change_notes=[{"date": dt.date(2023, 1, 2), "note": "x"}]))
    old_original = (old_index.parent / "no-gift-2566.pdf").read_bytes()
    assert main(["--root", str(tmp_path), "lock"]) == 0
    created = new_version(content, "policy/no-gift/2566", "2567")
    assert created == content / "policies/no-gift/2567/index.md"
    (created.parent / "no-gift-2567.pdf").write_bytes(b"new signed scan")
    docs = load_documents(content, tmp_path)
    old, new = docs.by_id["policy/no-gift/2566"], docs.by_id["policy/no-gift/2567"]
    assert old.meta.status == "superseded" and docs.superseded_by(old) is new
    assert new.meta.supersedes == "policy/no-gift/2566" and new.meta.status == "in_force"
    assert new.meta.signed_on is None and new.meta.change_notes == [] and new.meta.fiscal_year == 2567
    assert (old_index.parent / "no-gift-2566.pdf").read_bytes() == old_original
    assert [p.code for p in check_documents(tmp_path) if p.is_error] == ["original-not-locked"]
    assert main(["--root", str(tmp_path), "lock"]) == 0
    assert [p for p in check_documents(tmp_path) if p.is_error] == []
    lock = json.loads((tmp_path / LOCK_PATH).read_text(encoding="utf-8"))
    assert set(lock["originals"]) == {"policy/no-gift/2566", "policy/no-gift/2567"}


def test_new_version_refuses_an_existing_folder_or_bad_reference(tmp_path: Path) -> None:
    write_doc(tmp_path / "content", front())
    assert main(["--root", str(tmp_path), "new-version", "policy/no-gift/2566", "2566"]) == 1
    assert main(["--root", str(tmp_path), "new-version", "no-gift", "2567"]) == 1
    assert main(["--root", str(tmp_path), "new-version", "policy/no-gift/2566", "๒๕๖๗"]) == 0  # Thai digits work


def test_cookie_statement_warns_when_analytics_is_configured() -> None:
    assert cookie_statement_problems({}) == []
    problems = cookie_statement_problems({"analytics": {"provider": "google", "property": "G-X"}})
    assert [p.severity for p in problems] == ["warning"] and "about/cookies.md" in problems[0].message_th
