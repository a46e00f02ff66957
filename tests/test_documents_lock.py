"""A published original never changes silently: the lock file pins each version's SHA-256."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from site_build.documents.load import load_documents
from site_build.documents.originals import LOCK_PATH, check_lock, read_lock, sha256_of, update_lock, write_lock
from site_build.errors import ProblemsFound
from tests.test_documents_support import front, write_doc

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2023, 6, 30)


def test_every_bundled_original_matches_the_lock() -> None:
    """Fails when an original's bytes change while its version (kind/slug/year) stays the same."""
    docs = load_documents(ROOT / "content", ROOT)
    lock = read_lock(ROOT / LOCK_PATH)
    assert docs.docs, "the bundled documents should load"
    assert check_lock(docs.docs, lock) == []
    for doc in docs.docs:
        entry = lock.entries[doc.id]
        assert entry.sha256 == sha256_of(doc.original.path), doc.id
        assert entry.bytes == doc.original.path.stat().st_size
        assert entry.file == doc.original.name


def test_lock_file_is_sorted_json_with_one_entry_per_document() -> None:
    data = json.loads((ROOT / LOCK_PATH).read_text(encoding="utf-8"))
    keys = list(data["originals"])
    assert keys == sorted(keys)
    assert set(keys) == {d.id for d in load_documents(ROOT / "content", ROOT).docs}


def _locked(tmp_path: Path, original: bytes = b"signed scan v1", sample: bool = False) -> Path:
    meta = front(original={"file": "no-gift-2566.pdf", "description": "สแกน", "sample": sample})
    write_doc(tmp_path / "content", meta, original=original)
    docs = load_documents(tmp_path / "content", tmp_path)
    result = update_lock(docs.docs, read_lock(tmp_path / LOCK_PATH), TODAY)
    assert result.added == ["policy/no-gift/2566"] and not result.problems
    write_lock(tmp_path / LOCK_PATH, result.lock)
    return tmp_path / "content/policies/no-gift/2566/no-gift-2566.pdf"


def test_changed_original_with_same_version_fails(tmp_path: Path) -> None:
    original = _locked(tmp_path)
    docs = load_documents(tmp_path / "content", tmp_path)
    assert check_lock(docs.docs, read_lock(tmp_path / LOCK_PATH)) == []
    original.write_bytes(b"signed scan v2 (quietly edited)")
    docs = load_documents(tmp_path / "content", tmp_path)
    problems = check_lock(docs.docs, read_lock(tmp_path / LOCK_PATH))
    assert [p.code for p in problems] == ["original-changed"]
    assert problems[0].file == "content/policies/no-gift/2566/index.md" and problems[0].line is not None
    assert "new-version" in problems[0].fix_th


def test_lock_refuses_to_overwrite_a_real_original(tmp_path: Path) -> None:
    original = _locked(tmp_path)
    original.write_bytes(b"changed")
    docs = load_documents(tmp_path / "content", tmp_path)
    result = update_lock(docs.docs, read_lock(tmp_path / LOCK_PATH), TODAY, replace_sample=True)
    assert [p.code for p in result.problems] == ["original-changed"] and not result.replaced


def test_a_sample_placeholder_may_be_replaced_once_by_the_real_scan(tmp_path: Path) -> None:
    original = _locked(tmp_path, sample=True)
    old = sha256_of(original)
    original.write_bytes(b"the real signed scan")
    docs = load_documents(tmp_path / "content", tmp_path)
    refused = update_lock(docs.docs, read_lock(tmp_path / LOCK_PATH), TODAY)
    assert [p.code for p in refused.problems] == ["original-changed"]
    result = update_lock(docs.docs, read_lock(tmp_path / LOCK_PATH), TODAY, replace_sample=True)
    assert result.replaced == ["policy/no-gift/2566"]
    assert result.lock.entries["policy/no-gift/2566"].replaced_sample_sha256 == old


def test_unlocked_version_and_removed_version_are_errors(tmp_path: Path) -> None:
    _locked(tmp_path)
    write_doc(tmp_path / "content", front(slug="anti-bribery", original={"file": "a.pdf", "description": "x"}))
    docs = load_documents(tmp_path / "content", tmp_path)
    assert [p.code for p in check_lock(docs.docs, read_lock(tmp_path / LOCK_PATH))] == ["original-not-locked"]
    remaining = [d for d in docs.docs if d.slug == "anti-bribery"]
    codes = [p.code for p in check_lock(remaining, read_lock(tmp_path / LOCK_PATH))]
    assert "version-removed" in codes


def test_broken_lock_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / LOCK_PATH).write_text('{"originals": {"policy/x/2566": {"file": "a.pdf", "bytes": 1,\n'
                                      '  "sha256": "nothex", "locked_on": "2023-01-01"}}}\n', encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        read_lock(tmp_path / LOCK_PATH)
    assert caught.value.problems[0].line == 2
