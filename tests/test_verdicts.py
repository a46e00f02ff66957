"""One verdict: ``check`` and the build agree on every input; notices pass both and both show them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException
from PIL import Image

from site_build.checkall import check_all
from site_build.cli import main
from site_build.errors import Problem, Severity
from site_build.verdicts import VERDICTS, verdict, verdict_table_markdown
from tests.conftest import ROOT
from tests.project_copy import build_quick, copy_project

CONTACT = "content/about/contact.md"
BUNDLE = "content/activities/2023-04-05-honour-good-people"


def test_the_table_decides_the_severity_whatever_the_check_passed() -> None:
    assert not Problem(file="a.md", code="personal-mobile", severity=Severity.ERROR).is_error
    assert Problem(file="a.md", code="secret-password", severity=Severity.WARNING).is_error
    assert Problem(file="a.md", code="no-such-rule-yet", severity=Severity.WARNING).is_notice
    assert verdict("no-such-rule-yet") == "error"


_CREATORS = ("return ", ".append(", "self.add(", "PhotoFailure(", "problem(")


_CREATORS = ("return ", ".append(", "self.add(", "PhotoFailure(", "problem(")


def test_every_rule_created_as_a_warning_is_a_notice_in_the_table() -> None:
    """A rule that some check creates with Severity.WARNING must be listed as a notice, so the guide shows it."""
    created: set[str] = set()
    for path in (ROOT / "site_build").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"Severity[.]WARNING", text):
            # the statement that creates the problem: from its call to its closing parenthesis
            start = max(text.rfind(token, 0, m.start()) for token in _CREATORS)
            end = min(i for i in (text.find("))", m.end()), text.find(")" + chr(10), m.end()), len(text)) if i >= 0)
            window = text[start:end]
            created.update(re.findall(r'"([a-z]+(?:-[a-z0-9]+)+)"', window))
    warned = {c for c in created if c in VERDICTS}
    assert {"personal-mobile", "unreferenced-photo", "date-outside-fy", "photo-animated",
            "photo-format-mismatch", "photo-icc-ignored", "cookie-statement", "evidence-year",
            "manual-no-chapters", "date-order"} <= warned
    assert all(verdict(c) == "notice" for c in warned), {c: verdict(c) for c in warned}


def test_the_staff_guide_shows_the_verdict_table() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert verdict_table_markdown() in guide


def _add_notices(root: Path, *, acknowledge: str = "") -> None:
    page = root / CONTACT
    text = page.read_text(encoding="utf-8")
    text = text.replace("sample: true\n", "sample: true\n" + acknowledge, 1)
    page.write_text(text.replace("- เวลาทำการ:", "- มือถือผู้ประสานงาน: 081-234-5678\n- เวลาทำการ:", 1),
                    encoding="utf-8")
    (root / BUNDLE / "extra-unused.jpg").write_bytes((root / BUNDLE / "sample-01.jpg").read_bytes())
    # a PNG named .jpg and an animated GIF, listed with alt text: notices from the photo pipeline
    Image.new("RGB", (64, 48), (10, 120, 200)).save(root / BUNDLE / "png-named.jpg", "PNG")
    frames = [Image.new("RGB", (64, 48), c) for c in ((255, 0, 0), (0, 255, 0))]
    frames[0].save(root / BUNDLE / "moving.gif", "GIF", save_all=True, append_images=frames[1:], duration=100)
    index = root / BUNDLE / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "publicity:\n", "  - file: png-named.jpg\n    alt: ภาพทดสอบ\n  - file: moving.gif\n    alt: ภาพเคลื่อนไหวทดสอบ\n"
        "publicity:\n", 1), encoding="utf-8")


@pytest.mark.slow
def test_check_and_build_agree_on_notices_and_mkdocs_warnings_stay_fatal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    root = copy_project(tmp_path / "project")
    _add_notices(root)
    # check: passes (exit 0) and shows both notices
    assert main(["--root", str(root), "check"]) == 0
    err = capsys.readouterr().err
    assert "081" not in err  # masked
    for shown_in_check in (f"{CONTACT}:", "ข้อสังเกต (notice)", "extra-unused.jpg", "photo-format-mismatch",
                           "photo-animated"):
        assert shown_in_check in err, shown_in_check
    # build: passes too, and shows the same notices (info level: --strict does not fail on them)
    caplog.set_level(logging.INFO)
    build_quick(root, tmp_path / "site")
    shown = "\n".join(r.getMessage() for r in caplog.records if r.name.endswith("learning-center"))
    for shown_in_build in (f"{CONTACT}:", "extra-unused.jpg", "photo-format-mismatch", "photo-animated"):
        assert shown_in_build in shown, shown_in_build
    assert (tmp_path / "site" / "about" / "contact" / "index.html").is_file()
    # MkDocs' own warning (a broken link) still fails the build, and the old site stays
    page = root / CONTACT
    page.write_text(page.read_text(encoding="utf-8") + "\n[ลิงก์เสีย](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(MkDocsException):
        build_quick(root, tmp_path / "site")
    assert (tmp_path / "site" / "about" / "contact" / "index.html").is_file()


def test_an_acknowledged_notice_is_listed_with_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    _add_notices(root, acknowledge='acknowledge:\n  - rule: personal-mobile\n'
                                   '    reason: "หมายเลขราชการของผู้ประสานงาน เจ้าของยินยอมแล้ว"\n')
    problems = check_all(root)
    acked = [p for p in problems if p.severity is Severity.ACKNOWLEDGED]
    assert [(p.file, p.code) for p in acked] == [(CONTACT, "personal-mobile")]
    assert not any(p.is_error for p in problems)
    assert main(["--root", str(root), "check"]) == 0
    err = capsys.readouterr().err
    assert "รับทราบแล้ว (acknowledged)" in err and "เจ้าของยินยอมแล้ว" in err and "1 acknowledged" in err


def test_an_error_cannot_be_acknowledged(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _add_notices(root, acknowledge='acknowledge:\n  - rule: secret-password\n    reason: "ไม่เป็นไร เป็นรหัสทดสอบ"\n'
                                   '  - rule: personal-mobile\n    reason: ""\n')
    problems = [p for p in check_all(root) if p.code == "acknowledge-invalid"]
    assert [(p.file, p.line, p.is_error) for p in problems] == [(CONTACT, 6, True), (CONTACT, 8, True)]
