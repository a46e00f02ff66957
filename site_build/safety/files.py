"""What may be published from ``content/``: an allow-list of file kinds per place, nothing else.

MkDocs copies every file in the docs folder to the site, so a Word draft, an editor backup, a copy of
plan.yml or a symlink to a private folder would be published as-is. :func:`check_content_tree` names
each such file with its fix; :func:`is_publishable` is the same rule for the build to skip files, and
:func:`ignored_patterns` gives the junk patterns in gitignore form (MkDocs ``exclude_docs``).
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from pathlib import Path, PurePosixPath

from site_build.errors import Problem

from ._common import problem

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"})
FONT_SUFFIXES = frozenset({".woff2", ".woff", ".ttf", ".otf"})
DATA_SUFFIXES = frozenset({".csv", ".json", ".ics", ".txt"})
OFFICE_SUFFIXES = frozenset({
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".pages", ".numbers",
    ".key", ".txt",
})
JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".localized"})
JUNK_SUFFIXES = (".bak", "~", ".swp", ".swo", ".orig", ".rej", ".tmp", ".temp", ".part", ".crdownload")
OTHER_MARKDOWN = frozenset({".markdown", ".mdown", ".mkdn", ".mkd"})
ASSETS = "assets"
# Text files published as they are (scanned like Markdown by site_build.sources) ...
TEXT_SUFFIXES = frozenset({".txt", ".csv", ".json", ".ics", ".css", ".js", ".svg", ".webmanifest"})
# ... and the only ones allowed at the root of content/ (a notes.txt there would be published raw).
ROOT_FILES = frozenset({"robots.txt"})

# The same junk in gitignore form, for MkDocs ``exclude_docs`` (kept beside the rules they mirror).
_IGNORED_PATTERNS = (
    ".*", "~$*", "*.bak", "*~", "*.swp", "*.swo", "*.orig", "*.rej", "*.tmp", "*.temp", "*.part",
    "*.crdownload", "Thumbs.db", "desktop.ini", "ehthumbs.db", "*.yml", "*.yaml",
)

Verdict = tuple[str, str, str, str]  # code, Thai message, English message, Thai fix


def ignored_patterns() -> tuple[str, ...]:
    """Gitignore-style patterns of files never published (junk, hidden, YAML)."""
    return _IGNORED_PATTERNS


def _verdict(rel: PurePosixPath) -> Verdict | None:
    """Why the file at ``rel`` (relative to content/) must not be published, or None when it may."""
    name = rel.name
    low = name.lower()
    suffix = PurePosixPath(low).suffix
    top = rel.parts[0] if len(rel.parts) > 1 else ""
    in_assets = top == ASSETS
    at_root = len(rel.parts) == 1
    if low.startswith("~$") or (low.startswith(".~lock.") and low.endswith("#")):
        return ("file-office-lock", f"ไฟล์ {name} เป็นไฟล์ล็อกชั่วคราวของโปรแกรม Office ไม่ใช่เอกสาร",
                f"{name} is an office lock file", "ปิดโปรแกรม Office แล้วลบไฟล์นี้ออก (ไม่ต้องส่งขึ้นมา)")
    if low in JUNK_NAMES or low.endswith(JUNK_SUFFIXES) or low.startswith(".#") or (
            low.startswith("#") and low.endswith("#")):
        return ("file-junk", f"ไฟล์ {name} เป็นไฟล์สำรองหรือไฟล์ขยะของโปรแกรม ไม่ควรเผยแพร่",
                f"{name} is a backup/editor/system junk file", "ลบไฟล์นี้ออก")
    if suffix in (".yml", ".yaml"):
        th = (f"ไฟล์ {name} ดูเหมือนสำเนาของ plan.yml ซึ่งต้องมีเพียงไฟล์เดียวที่ราก (นอกโฟลเดอร์ content)"
              if low.startswith("plan") else f"ไฟล์ {name} เป็นไฟล์ตั้งค่า YAML ซึ่งห้ามอยู่ในโฟลเดอร์ content")
        return ("file-yaml-in-content", th, f"YAML file {name} must not be inside content/",
                "ลบไฟล์นี้ออก แก้ข้อมูลแผนใน plan.yml ที่รากของโครงการเท่านั้น")
    if low.startswith("."):
        return ("file-hidden", f"ไฟล์ซ่อน {name} จะไม่ถูกเผยแพร่และไม่ควรอยู่ในโฟลเดอร์ content",
                f"hidden file {name} is not allowed in content/", "ลบไฟล์นี้ออก")
    if suffix == ".md" or suffix in IMAGE_SUFFIXES or suffix == ".pdf":
        return None
    if suffix in OTHER_MARKDOWN:
        return ("file-kind-not-allowed", f"ไฟล์ {name} ใช้นามสกุลที่ระบบไม่รองรับ",
                f"{name}: Markdown files must end in .md", "เปลี่ยนนามสกุลไฟล์เป็น .md")
    if suffix == ".svg":
        if in_assets:
            return None
        return ("file-svg-outside-assets", f"ไฟล์ภาพ SVG ({name}) อนุญาตเฉพาะในโฟลเดอร์ assets ที่ผู้พัฒนาดูแล",
                f"SVG file {name} is only allowed under content/assets/ (SVG can carry scripts)",
                "ส่งออก (export) ภาพเป็นไฟล์ PNG หรือ JPEG แล้วใช้ไฟล์นั้นแทน")
    if suffix in (".css", ".js") or suffix in FONT_SUFFIXES or suffix in (".ico", ".webmanifest"):
        fonts_ok = suffix not in FONT_SUFFIXES or rel.parts[:2] == (ASSETS, "fonts")
        if in_assets and fonts_ok:
            return None
        place = "assets/fonts" if suffix in FONT_SUFFIXES else "assets"
        return ("file-asset-outside-assets", f"ไฟล์ {name} อนุญาตเฉพาะในโฟลเดอร์ content/{place} ที่ผู้พัฒนาดูแล",
                f"{name} is only allowed under content/{place}/",
                "ลบไฟล์นี้ออก ถ้าต้องการปรับหน้าตาเว็บไซต์ให้แจ้งผู้พัฒนา")
    if suffix in DATA_SUFFIXES and (in_assets or (at_root and low in ROOT_FILES)):
        return None
    if suffix in OFFICE_SUFFIXES:
        return ("file-office-document", f"ไฟล์ {name} เป็นเอกสาร/บันทึกที่เผยแพร่โดยตรงไม่ได้",
                f"{name}: office documents and notes are not published as-is",
                "แปลงเป็น PDF (File > Save As > PDF) แล้วแนบไฟล์ PDF แทน หรือคัดลอกข้อความลงในไฟล์ .md")
    return ("file-kind-not-allowed", f"ไฟล์ {name} เป็นชนิดที่ไม่อนุญาตให้เผยแพร่",
            f"{name}: this kind of file is not published",
            "ใช้ได้เฉพาะ .md รูปภาพ (.jpg .jpeg .png .webp .heic .gif) และ .pdf หากจำเป็นต้องใช้ไฟล์ชนิดอื่นให้แจ้งผู้พัฒนา")


def is_publishable(rel: str | PurePosixPath) -> bool:
    """The file at ``rel`` (posix, relative to content/) may be copied to the site."""
    path = PurePosixPath(rel)
    if any(part.startswith(".") for part in path.parts[:-1]):
        return False
    return _verdict(path) is None


def _page_url(rel: PurePosixPath) -> str | None:
    """The URL a Markdown source becomes with directory URLs (``foo.md`` → ``foo/``), case-folded."""
    if rel.suffix.lower() != ".md":
        return None
    stem = rel.stem
    parent = rel.parent.as_posix()
    parent = "" if parent == "." else parent + "/"
    url = parent if stem in ("index", "README") else f"{parent}{stem}/"
    return unicodedata.normalize("NFC", url).casefold()


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def check_content_tree(content_dir: Path, *, display_root: Path) -> list[Problem]:
    """Every file under ``content_dir`` that must not be published, plus name and URL collisions."""
    found: list[Problem] = []

    root = display_root.resolve()

    def shown(path: Path) -> str:
        # Resolve the folder only (errors.relpath resolves the file, which shows a symlink's target).
        full = path.parent.resolve() / path.name
        return full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()

    urls: dict[str, list[Path]] = defaultdict(list)
    for current, dirs, files in os.walk(content_dir, followlinks=False):
        here = Path(current)
        names_by_fold: dict[str, list[str]] = defaultdict(list)
        for name in dirs + files:
            names_by_fold[_fold(name)].append(name)
        for group in names_by_fold.values():
            if len(group) > 1:
                listed = " กับ ".join(sorted(group))
                found.append(problem(
                    shown(here / sorted(group)[0]), None, "file-case-collision",
                    f"ชื่อไฟล์/โฟลเดอร์ซ้ำกันเมื่อไม่สนใจตัวพิมพ์เล็ก-ใหญ่: {listed} (เว็บเซิร์ฟเวอร์และ Windows/macOS ถือว่าเป็นชื่อเดียวกัน)",
                    f"names differ only by case: {', '.join(sorted(group))}",
                    "เปลี่ยนชื่อให้ต่างกันชัดเจน หรือลบไฟล์ที่ซ้ำออก"))
        keep_dirs = []
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                found.append(_symlink_problem(shown(path)))
            elif name.startswith("."):
                found.append(problem(
                    shown(path), None, "file-hidden", f"โฟลเดอร์ซ่อน {name} ไม่ควรอยู่ในโฟลเดอร์ content",
                    f"hidden folder {name} is not allowed in content/", "ลบโฟลเดอร์นี้ออก"))
            else:
                keep_dirs.append(name)
        dirs[:] = keep_dirs
        for name in sorted(files):
            path = here / name
            rel = PurePosixPath(path.relative_to(content_dir).as_posix())
            if path.is_symlink():
                found.append(_symlink_problem(shown(path)))
                continue
            verdict = _verdict(rel)
            if verdict is not None:
                code, th, en, fix = verdict
                found.append(problem(shown(path), None, code, th, en, fix))
                continue
            url = _page_url(rel)
            if url is not None:
                urls[url].append(path)
    for url, sources in sorted(urls.items()):
        if len(sources) > 1:
            names = sorted(shown(p) for p in sources)
            found.append(problem(
                names[0], None, "file-url-collision",
                f"ไฟล์ {' และ '.join(names)} จะกลายเป็นหน้าเว็บที่อยู่เดียวกัน (/{url}) หน้าใดหน้าหนึ่งจะหายไป",
                f"{' and '.join(names)} map to the same URL /{url}",
                "เก็บไว้เพียงไฟล์เดียว: รวมเนื้อหาเข้าด้วยกัน หรือเปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง"))
    return sorted(found, key=lambda p: (p.file, p.code))


def _symlink_problem(file: str) -> Problem:
    return problem(
        file, None, "file-symlink",
        "ห้ามใช้ลิงก์สัญลักษณ์ (symlink/shortcut) ในโฟลเดอร์ content เพราะอาจดึงไฟล์นอกโครงการขึ้นเว็บ",
        "symbolic links are not allowed in content/",
        "ลบลิงก์นี้ออก แล้วคัดลอกไฟล์จริงมาวางแทน")
