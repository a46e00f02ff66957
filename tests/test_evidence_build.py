"""Through MkDocs itself: a tiny project with the real hooks. A dangling evidence target fails the build with
its file and line; a superseded version gets its banner; generated pages land at their stable URLs."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from site_build.documents.load import load_documents
from site_build.documents.originals import LOCK_PATH, Lock, update_lock, write_lock
from site_build.mkdocs_glue import run_mkdocs_build
from tests.test_documents_support import MINI_PLAN, front, write_doc

ROOT = Path(__file__).resolve().parent.parent

EVIDENCE = """schema_version: 1
fiscal_year: 2566
title: ดัชนีทดสอบ
schemes:
  - id: oit
    title: OIT
    items:
      - code: O31
        title: No Gift
      - code: O36
        title: แผน
        targets: [plan/2566/index.md]
      - code: O1
        title: โครงสร้าง
"""


def project(tmp_path: Path, evidence: str = EVIDENCE) -> Path:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    shutil.copy(MINI_PLAN, root / "plan.yml")
    (root / "content/index.md").write_text("# หน้าแรก\n", encoding="utf-8")
    hooks = "\n".join(f"  - {ROOT / 'hooks' / name}" for name in ("plan.py", "documents.py", "views.py"))
    (root / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: ทดสอบ
        site_url: https://example.org/
        docs_dir: content
        use_directory_urls: true
        theme: {name: mkdocs}
        extra: {plan_file: plan.yml, digits: thai}
        validation: {omitted_files: info, absolute_links: relative_to_docs, unrecognized_links: warn, anchors: warn}
        hooks:
        """) + hooks + "\n", encoding="utf-8")
    content = root / "content"
    write_doc(content, front(year=2565, status="superseded", signed_on=dt.date(2021, 11, 1),
                             effective_on=dt.date(2021, 11, 1)))
    write_doc(content, front(year=2566, supersedes="policy/no-gift/2565", evidence=["O31"]))
    docs = load_documents(content, root)
    write_lock(root / LOCK_PATH, update_lock(docs.docs, Lock(), dt.date(2023, 1, 1)).lock)
    (root / "data/evidence").mkdir(parents=True)
    (root / "data/evidence/2566.yml").write_text(evidence, encoding="utf-8")
    return root


def build(root: Path, site: Path) -> Path:
    run_mkdocs_build(root / "mkdocs.yml", site, strict=True)
    return site


def failed_build(root: Path, site: Path, caplog: pytest.LogCaptureFixture) -> str:
    """MkDocs logs a hook's error and aborts; return what it logged."""
    with caplog.at_level("ERROR"), pytest.raises(Abort):
        build(root, site)
    return caplog.text


def test_strict_build_fails_when_an_entry_points_at_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = project(tmp_path, EVIDENCE + "        targets: [about/structure.md]\n")
    message = failed_build(root, tmp_path / "site", caplog)
    assert "data/evidence/2566.yml:15" in message and "about/structure.md" in message


def test_build_publishes_versions_register_and_evidence(tmp_path: Path) -> None:
    site = build(project(tmp_path), tmp_path / "site")
    old = (site / "policies/no-gift/2565/index.html").read_text(encoding="utf-8")
    assert "lc-superseded" in old and 'href="../2566/"' in old
    assert "lc-superseded" not in (site / "policies/no-gift/2566/index.html").read_text(encoding="utf-8")
    assert (site / "policies/no-gift/2566/no-gift-2566.pdf").read_bytes() == b"%PDF-1.4 test original\n"
    register = (site / "register/index.html").read_text(encoding="utf-8")
    assert register.count("lc-doc-status--superseded") == 1 and register.count("lc-doc-status--in_force") == 1
    evidence = (site / "evidence/2566/index.html").read_text(encoding="utf-8")
    assert 'id="ev-o31"' in evidence and "lc-evidence--missing" in evidence and "lc-evidence--present" in evidence
    assert (site / "evidence/2566/evidence.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_changed_original_fails_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = project(tmp_path)
    (root / "content/policies/no-gift/2566/no-gift-2566.pdf").write_bytes(b"edited after publication")
    message = failed_build(root, tmp_path / "site", caplog)
    assert "content/policies/no-gift/2566/index.md:14" in message
    assert "ถูกเปลี่ยน" in message
