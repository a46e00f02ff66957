"""The build's source check (site_build.sources) on a hostile tree: every problem, each with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_build.errors import Severity
from site_build.sources import check_sources
from tests.conftest import ROOT

SECRET = "".join(reversed("etanes" + "larom"))  # the leaked credential, never spelled in this file


def make_tree(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "leaked-credentials.yml", root / "data" / "leaked-credentials.yml")
    shutil.copy2(ROOT / "plan.yml", root / "plan.yml")
    content = root / "content"
    (content / "news").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: หน้าแรก\n---\n# หน้าแรก\n\nข้อความปกติ\n", encoding="utf-8")
    (content / "news" / "leak.md").write_text(
        f"# ข่าว\n\nเฟซบุ๊กของสำนัก\nPassword : {SECRET}\n", encoding="utf-8")
    (content / "news" / "id.md").write_text("# บุคคล\n\nเลขประจำตัว 1-1017-00230-12-1 ครับ\n", encoding="utf-8")
    (content / "news" / "xss.md").write_text(
        '---\ntitle: "ข่าว <script>alert(1)</script>"\n---\n\n<img src=x onerror="alert(1)">\n', encoding="utf-8")
    (content / "news" / "yaml.md").write_text("---\ntitle: ข่าว\npublished: no\nphone: 0812345678\n---\n",
                                              encoding="utf-8")
    (content / "news" / "tis.md").write_bytes("# ข่าว\n".encode("cp874"))
    (content / "news" / "bom.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: \xe0\xb8\x82\r\n---\r\n# ok\r\n")
    (content / "news" / "~$draft.docx").write_bytes(b"lock")
    (content / "news" / "plan-copy.yml").write_text("a: 1\n", encoding="utf-8")
    (content / "news" / "outside.md").symlink_to(ROOT / "README.md")
    return content


def test_every_hostile_source_is_named_with_its_line(tmp_path: Path) -> None:
    content = make_tree(tmp_path)
    problems = check_sources(tmp_path, content)
    by_file: dict[str, set[tuple[str, int | None]]] = {}
    for p in problems:
        by_file.setdefault(p.file, set()).add((p.code, p.line))
    leak = by_file["content/news/leak.md"]
    assert ("leaked-credential", 4) in leak and ("secret-password", 4) in leak
    assert ("personal-thai-id", 3) in by_file["content/news/id.md"]
    xss = {code for code, _ in by_file["content/news/xss.md"]}
    assert {"plain-text-markup", "html-event-handler"} <= xss
    assert ("yaml11-bool", 3) in by_file["content/news/yaml.md"]
    assert ("leading-zero", 4) in by_file["content/news/yaml.md"]
    assert ("not-utf8", 1) in by_file["content/news/tis.md"]
    assert "content/news/bom.md" not in by_file  # a BOM and CRLF just work
    assert "content/index.md" not in by_file
    files = {p.file for p in problems}
    assert any(f.endswith("~$draft.docx") for f in files)
    assert any(f.endswith("plan-copy.yml") for f in files)
    assert any(f.endswith("outside.md") for f in files)
    warnings = [(p.file, p.line, p.code) for p in problems if p.severity is Severity.WARNING]
    assert warnings == [("content/news/yaml.md", 4, "personal-mobile")]  # a mobile number warns, masked
    # the secret itself is never repeated in any message
    assert not any(SECRET in (p.message_th + p.message_en + p.fix_th).lower() for p in problems)


def test_check_reports_a_field_checked_twice_only_once(tmp_path: Path) -> None:
    """The page-wide plain-text check and the write-up schema both cover `title`: staff see the line once."""
    from site_build.checkall import check_all

    for name in ("content", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy2(ROOT / "plan.yml", tmp_path / "plan.yml")
    page = tmp_path / "content" / "activities" / "2023-04-05-honour-good-people" / "index.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[number] = 'title: "ข่าว <b>ตัวหนา</b>"'
    page.write_text("\n".join(lines), encoding="utf-8")
    problems = [p for p in check_all(tmp_path) if p.code == "plain-text-markup"]
    assert [(p.file, p.line) for p in problems] == [(page.relative_to(tmp_path).as_posix(), number + 1)]
