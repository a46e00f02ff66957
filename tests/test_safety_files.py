"""Only allowed kinds of files are published from content/; junk, notes, symlinks and collisions fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_build.errors import Severity
from site_build.safety import check_content_tree, ignored_patterns, is_publishable

LEGIT_FILES = [
    "index.md",
    "robots.txt",
    "news/2566-01-20-อบรมคุณธรรม/index.md",
    "news/2566-01-20-อบรมคุณธรรม/IMG_0001.JPG",
    "news/2566-01-20-อบรมคุณธรรม/photo.jpeg",
    "news/2566-01-20-อบรมคุณธรรม/chart.png",
    "news/2566-01-20-อบรมคุณธรรม/x.webp",
    "news/2566-01-20-อบรมคุณธรรม/iphone.HEIC",
    "news/2566-01-20-อบรมคุณธรรม/iphone2.heif",
    "news/2566-01-20-อบรมคุณธรรม/anim.gif",
    "policies/ประกาศเจตนารมณ์.md",
    "policies/ประกาศเจตนารมณ์.pdf",
    "assets/logo.svg",
    "assets/stylesheets/extra.css",
    "assets/javascripts/extra.js",
    "assets/fonts/Sarabun-Regular.woff2",
    "assets/data/plan.csv",
    "assets/data/plan.json",
    "assets/data/calendar.ics",
    "assets/favicon.ico",
]


def make_tree(root: Path, files: list[str]) -> Path:
    content = root / "content"
    for rel in files:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    content.mkdir(exist_ok=True)
    return content


def test_legit_tree_passes(tmp_path: Path) -> None:
    content = make_tree(tmp_path, LEGIT_FILES)
    assert check_content_tree(content, display_root=tmp_path) == []
    assert all(is_publishable(rel) for rel in LEGIT_FILES)


HOSTILE = [
    # (id, file under content/, code)
    ("stray-note-txt", "news/a/notes.txt", "file-office-document"),
    ("word", "news/a/รายงาน.docx", "file-office-document"),
    ("old-word", "policies/คำสั่ง.doc", "file-office-document"),
    ("excel", "data.xlsx", "file-office-document"),
    ("powerpoint", "news/a/slides.pptx", "file-office-document"),
    ("word-lock", "news/a/~$รายงาน.docx", "file-office-lock"),
    ("libreoffice-lock", "news/a/.~lock.report.docx#", "file-office-lock"),
    ("bak", "index.md.bak", "file-junk"),
    ("tilde-backup", "news/a/index.md~", "file-junk"),
    ("emacs-lock", "news/a/.#index.md", "file-junk"),
    ("vim-swap", "news/a/.index.md.swp", "file-junk"),
    ("merge-orig", "index.md.orig", "file-junk"),
    ("tmp", "upload.tmp", "file-junk"),
    ("ds-store", "news/.DS_Store", "file-junk"),
    ("thumbs-db", "news/a/Thumbs.db", "file-junk"),
    ("desktop-ini", "desktop.ini", "file-junk"),
    ("plan-copy", "plan.yml", "file-yaml-in-content"),
    ("plan-copy-nested", "news/plan (1).yaml", "file-yaml-in-content"),
    ("other-yaml", "news/a/meta.yml", "file-yaml-in-content"),
    ("hidden", "news/a/.secret", "file-hidden"),
    ("svg-by-staff", "news/a/chart.svg", "file-svg-outside-assets"),
    ("css-outside-assets", "news/a/style.css", "file-asset-outside-assets"),
    ("js-outside-assets", "news/a/app.js", "file-asset-outside-assets"),
    ("font-outside-fonts", "assets/Sarabun.woff2", "file-asset-outside-assets"),
    ("csv-in-write-up", "news/a/data.csv", "file-kind-not-allowed"),
    ("raw-html-page", "news/a/page.html", "file-kind-not-allowed"),
    ("zip", "news/a/photos.zip", "file-kind-not-allowed"),
    ("other-markdown-ext", "news/a/index.markdown", "file-kind-not-allowed"),
    ("no-extension", "news/a/README", "file-kind-not-allowed"),
]


@pytest.mark.parametrize(("rel", "code"), [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_refused_file_is_named(tmp_path: Path, rel: str, code: str) -> None:
    content = make_tree(tmp_path, ["index.md", rel])
    problems = check_content_tree(content, display_root=tmp_path)
    assert [(p.code, p.file) for p in problems] == [(code, f"content/{rel}")]
    assert problems[0].severity is Severity.ERROR
    assert Path(rel).name in problems[0].message_th
    assert problems[0].fix_th
    assert not is_publishable(rel)


def test_office_documents_are_told_to_become_pdf(tmp_path: Path) -> None:
    [p] = check_content_tree(make_tree(tmp_path, ["a/report.docx"]), display_root=tmp_path)
    assert "PDF" in p.fix_th


def test_svg_by_staff_is_told_to_export_png(tmp_path: Path) -> None:
    [p] = check_content_tree(make_tree(tmp_path, ["a/x.svg"]), display_root=tmp_path)
    assert "PNG" in p.fix_th and "JPEG" in p.fix_th


def test_symlinks_refused_and_not_followed(tmp_path: Path) -> None:
    content = make_tree(tmp_path, ["index.md", "news/a/index.md"])
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.md").write_text("password=xyz")
    os.symlink(private, content / "news" / "linked-dir")
    os.symlink(private / "secret.md", content / "news" / "a" / "linked.md")
    os.symlink(tmp_path / "missing", content / "dangling.jpg")
    problems = check_content_tree(content, display_root=tmp_path)
    assert sorted((p.code, p.file) for p in problems) == [
        ("file-symlink", "content/dangling.jpg"),
        ("file-symlink", "content/news/a/linked.md"),
        ("file-symlink", "content/news/linked-dir"),
    ]


def test_hidden_folder_refused_once_and_not_entered(tmp_path: Path) -> None:
    content = make_tree(tmp_path, ["index.md", ".obsidian/workspace.json", ".obsidian/x/y.md"])
    problems = check_content_tree(content, display_root=tmp_path)
    assert [(p.code, p.file) for p in problems] == [("file-hidden", "content/.obsidian")]
    assert not is_publishable(".obsidian/x/y.md")


def test_case_only_collision(tmp_path: Path) -> None:
    content = make_tree(tmp_path, ["news/a/IMG_1.JPG", "news/a/img_1.jpg", "news/a/index.md"])
    [p] = check_content_tree(content, display_root=tmp_path)
    assert (p.code, p.file) == ("file-case-collision", "content/news/a/IMG_1.JPG")
    assert "IMG_1.JPG" in p.message_th and "img_1.jpg" in p.message_th


def test_case_only_collision_of_folders(tmp_path: Path) -> None:
    content = make_tree(tmp_path, ["News/index.md", "news/x.md"])
    problems = check_content_tree(content, display_root=tmp_path)
    assert [p.code for p in problems] == ["file-case-collision"]


@pytest.mark.parametrize(("first", "second"), [
    ("news/foo.md", "news/foo/index.md"),
    ("policies/README.md", "policies/index.md"),
    ("README.md", "index.md"),
    ("news/Foo.md", "news/foo/index.md"),
])
def test_two_sources_for_one_url(tmp_path: Path, first: str, second: str) -> None:
    content = make_tree(tmp_path, [first, second])
    problems = [p for p in check_content_tree(content, display_root=tmp_path) if p.code == "file-url-collision"]
    assert len(problems) == 1
    assert f"content/{first}" in problems[0].message_th and f"content/{second}" in problems[0].message_th
    assert problems[0].file == min(f"content/{first}", f"content/{second}")


def test_ignored_patterns_cover_the_junk() -> None:
    patterns = ignored_patterns()
    for pattern in (".*", "~$*", "*.bak", "*~", "*.swp", "*.orig", "*.tmp", "Thumbs.db", "desktop.ini", "*.yml"):
        assert pattern in patterns
