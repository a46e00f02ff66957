"""``check --format github``: each problem as a GitHub annotation on its line and a row of a Thai summary table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from site_build.ci.annotations import annotation, emit_github, summary_table
from site_build.errors import Problem, Severity
from tests.test_activities_support import make_project

ERR = Problem(file="content/activities/2023-04-05-x/index.md", line=3, column=7, message_th="ไม่มีชื่อเรื่อง",
              message_en="title is missing", fix_th="ใส่ title: ชื่อกิจกรรม", path="title")
WARN = Problem(file="plan.yml", line=None, message_th="บรรทัดยาว 100%\nมาก", severity=Severity.WARNING)


def test_annotation_lines() -> None:
    assert annotation(ERR) == ("::error file=content/activities/2023-04-05-x/index.md,line=3,col=7,"
                               "title=ข้อผิดพลาดในเนื้อหา::ไม่มีชื่อเรื่อง [title]%0Aวิธีแก้: ใส่ title: ชื่อกิจกรรม"
                               "%0A(English: title is missing)")
    # a file-level warning annotates the file; % and newlines are escaped so one problem stays one command
    assert annotation(WARN) == "::warning file=plan.yml,title=คำเตือนเนื้อหา::บรรทัดยาว 100%25%0Aมาก"
    odd = Problem(file="content/a,b:c.md", line=1, message_th="x")
    assert annotation(odd).startswith("::error file=content/a%2Cb%3Ac.md,line=1,")


def test_summary_table_in_thai() -> None:
    table = summary_table([WARN, ERR, ERR])
    assert "พบข้อผิดพลาด 1 รายการ และคำเตือน 1 รายการ" in table
    assert "| ไฟล์ | บรรทัด | ระดับ | ปัญหา | วิธีแก้ |" in table
    assert "| `content/activities/2023-04-05-x/index.md` | 3 | ❌ ข้อผิดพลาด | ไม่มีชื่อเรื่อง [title] |" in table
    assert "บรรทัดยาว 100%<br>มาก" in table and table.count("\n| ") == 4  # header, separator, one row each (ERR once)
    pipes = summary_table([Problem(file="a|b.md", line=1, message_th="x|y")])
    assert "`a\\|b.md`" in pipes and "x\\|y" in pipes
    assert "ไม่พบปัญหา" in summary_table([])


def test_emit_writes_stdout_and_appends_summary(tmp_path: Path) -> None:
    out = io.StringIO()
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    emit_github([ERR, WARN], out=out, summary_path=str(summary))
    assert out.getvalue().splitlines() == [annotation(ERR), annotation(WARN)]  # sorted by file
    assert summary.read_text(encoding="utf-8").startswith("# earlier step\n## ผลการตรวจเนื้อหา")


def test_cli_check_format_github(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from site_build.cli import main

    root, _ = make_project(tmp_path)
    (root / "mkdocs.yml").write_text("site_name: test\ndocs_dir: content\n", encoding="utf-8")
    assert main(["--root", str(root), "new", "--item", "1.1", "--slug", "declaration", "--date", "2023-03-15"]) == 0
    capsys.readouterr()
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    captured = capsys.readouterr()
    annotations = [line for line in captured.out.splitlines() if line.startswith("::")]
    where = "::error file=content/activities/2023-03-15-declaration/index.md,line="
    assert annotations and all(line.startswith(where) for line in annotations)
    assert "ข้อผิดพลาด" in captured.err  # the plain report is still there for people reading the log
    table = summary.read_text(encoding="utf-8")
    assert table.count("❌ ข้อผิดพลาด") == len(annotations)
