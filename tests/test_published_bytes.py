"""Every byte that reaches the site has a known, checked origin; text and data files get the Markdown rules."""

from __future__ import annotations

import gzip
import logging
import shutil
from pathlib import Path

import pytest

from site_build.checkall import check_all
from site_build.errors import ProblemsFound
from site_build.safety import is_publishable
from site_build.safety.invisible import BIDI
from site_build.safety.origins import ORIGINS, origin_of, unexplained_outputs
from site_build.sources import check_sources, data_files
from tests.conftest import ROOT
from tests.project_copy import build_quick, copy_project

PASSWORD_LINE = "รหัสผ่านเพจ: Kh0ngDee!2566"  # made up: the seed's real password is never written in a file


def _codes(problems: list, file: str) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in problems if p.file == file]


def test_a_text_file_at_the_root_of_content_is_refused_by_name(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    (root / "content" / "notes.txt").write_text("บันทึก\n" + PASSWORD_LINE + "\n", encoding="utf-8")
    problems = check_sources(root, root / "content")
    found = _codes(problems, "content/notes.txt")
    assert ("file-office-document", None) in found  # refused by name
    assert ("secret-password", 2) in found  # and its bytes were scanned anyway
    assert not is_publishable("notes.txt") and is_publishable("robots.txt")
    found_all = [(p.code, p.line) for p in check_all(root) if p.file == "content/notes.txt"]  # sorts without a crash
    assert found_all == [("file-office-document", None), ("secret-password", 2)]


def test_plan_text_fields_get_the_general_credential_rules(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    lines = (root / "plan.yml").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("deadline_note:"))
    lines[number] += " เข้าเพจด้วยรหัสผ่านคือ Kh0ngDee!2566"
    (root / "plan.yml").write_text("\n".join(lines), encoding="utf-8")
    assert _codes(check_all(root), "plan.yml") == [("secret-password", number + 1)]


@pytest.mark.parametrize(("rel", "text", "code"), [
    ("plans/2567.yml", "fiscal_year: 2567\nnote: |\n  password\n  Hunter-2567x\n", "secret-password"),
    ("data/contacts/people.csv", "ชื่อ,โทร\nสมชาย,081-234-5678\n", "personal-mobile"),
    ("data/people.json", '{"id": "1101700230708"}\n', "personal-thai-id"),
    ("data/evidence/2567.yml", "title: \"ข้อความ\u202eกลับด้าน\"\n", "text-invisible-char"),
    ("content/assets/data/list.csv", "a,b\nuser: admin / pass: Moral#2566\n", "secret-password"),
    ("content/robots.txt", "User-agent: *\n# token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n", "secret-token"),
])
def test_every_data_and_published_text_file_is_scanned(tmp_path: Path, rel: str, text: str, code: str) -> None:
    root = copy_project(tmp_path / "p")
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    assert code in [c for c, _ in _codes(check_sources(root, root / "content"), rel)]


def test_data_files_are_found_by_glob(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    (root / "plans").mkdir(exist_ok=True)
    (root / "plans" / "2570.yml").write_text("x: 1\n", encoding="utf-8")
    (root / "data" / "deep" / "er").mkdir(parents=True)
    (root / "data" / "deep" / "er" / "t.json").write_text("{}", encoding="utf-8")
    found = {p.relative_to(root).as_posix() for p in data_files(root)}
    assert {"plan.yml", "plans/2570.yml", "data/deep/er/t.json", "data/leaked-credentials.yml"} <= found


def test_bidi_controls_in_a_page_body_are_named_with_file_and_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    page = root / "content" / "about" / "contact.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[7] = "ชำระที่บัญชี \u202e1234-567\u202c เท่านั้น"
    lines.append("คำไทย\u200bตัดคำ และอีโมจิ 👩\u200d💻 ไม่ใช่ปัญหา")  # ZWSP and ZWJ are kept
    page.write_text("\n".join(lines), encoding="utf-8")
    found = [p for p in check_sources(root, root / "content") if p.code == "text-invisible-char"]
    assert [(p.file, p.line, p.column) for p in found] == [
        ("content/about/contact.md", 8, 14), ("content/about/contact.md", 8, 23)]
    assert "U+202E" in found[0].message_th


@pytest.mark.slow
def test_a_refused_input_publishes_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """notes.txt, a password in plan.yml and a bidi override: the build fails and no site is written."""
    root = copy_project(tmp_path / "p")
    (root / "content" / "notes.txt").write_text(PASSWORD_LINE + "\n", encoding="utf-8")
    page = root / "content" / "about" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nข้อความ\u202eกลับด้าน\n", encoding="utf-8")
    caplog.set_level(logging.INFO)
    with pytest.raises(Exception) as caught:
        build_quick(root, tmp_path / "site")
    shown = caplog.text + str(caught.value)
    assert "content/notes.txt" in shown and "content/about/contact.md" in shown, (caught.value, caplog.text[-2000:])
    assert not (tmp_path / "site").exists()


def test_every_built_file_has_a_known_checked_origin(built_site: Path) -> None:
    assert unexplained_outputs(built_site, ROOT / "content") == []
    kinds = {origin_of(rel.relative_to(built_site).as_posix(), ROOT / "content").kind
             for rel in built_site.rglob("*") if rel.is_file()}
    assert kinds == {"generated", "package", "npm", "content"}
    assert all(o.checked_by and o.source for o in ORIGINS)


def test_an_unknown_output_is_refused_by_name(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "notes.txt").write_text("x", encoding="utf-8")  # not in content/, not generated
    (site / "activities" / "2023-04-05-honour-good-people" / "sample-01.jpg").write_bytes(b"\xff\xd8")  # original
    problems = unexplained_outputs(site, ROOT / "content")
    assert [p.file for p in problems] == [
        "site/activities/2023-04-05-honour-good-people/sample-01.jpg", "site/notes.txt"]
    from site_build.safety.origins import check_origins
    with pytest.raises(ProblemsFound):
        check_origins(site, ROOT)


def test_no_bidi_control_reaches_pages_or_the_search_index(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".ics"):
            text = path.read_text(encoding="utf-8")
        elif path.suffix == ".pf_fragment":
            text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        else:
            continue
        assert not (set(text) & BIDI), path
