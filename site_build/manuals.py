"""Knowledge manuals (องค์ความรู้): a folder per manual, and a generated "print the whole manual" page.

A manual is ``content/knowledge/<slug>/index.md`` (its overview) plus chapter pages in the same folder, read in
file-name order (``01-….md``, ``02-….md``). Staff edit only those files; the print view
``knowledge/<slug>/print.md`` is generated on every build by concatenating them, so it never goes stale:

- the overview comes first under the manual's title; text between ``<!-- print:skip -->`` and
  ``<!-- /print:skip -->`` (the chapter list, the print link) is left out;
- each chapter starts with a level-2 heading carrying ``.lc-chapter`` (a page break in print.css) and its
  other headings move down one level, so the printed book has one title and an outline that nests;
- the print page lives in the same folder as the chapters, so their relative links and images still resolve.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from site_build.errors import Problem, ProblemsFound, Severity
from site_build.markdown_text import md_escape
from site_build.pages import GeneratedFile
from site_build.textfile import read_text
from site_build.yamlsrc import YamlError, load_yaml

SECTION = "knowledge"
PRINT_NAME = "print.md"
SKIP_START, SKIP_END = "<!-- print:skip -->", "<!-- /print:skip -->"

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^(#{1,6})(\s+.*?)?\s*$")
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")


@dataclass(frozen=True)
class Part:
    """One source file of a manual: its docs-relative URI, front matter, title and Markdown body."""

    uri: str
    meta: Mapping[str, Any]
    title: str
    body: str

    @property
    def sample(self) -> bool:
        return self.meta.get("sample") is True


@dataclass(frozen=True)
class Manual:
    slug: str
    overview: Part
    chapters: tuple[Part, ...]

    @property
    def title(self) -> str:
        return self.overview.title

    @property
    def folder(self) -> str:
        return f"{SECTION}/{self.slug}/"

    @property
    def print_uri(self) -> str:
        return self.folder + PRINT_NAME

    @property
    def sample(self) -> bool:
        return self.overview.sample or any(c.sample for c in self.chapters)


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], str]:
    """(front matter, body). No front matter gives ``{}``; unreadable front matter raises ProblemsFound."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            try:
                loaded = load_yaml("\n".join(lines[1:index]) + "\n", file, line_offset=1)
            except YamlError as exc:
                raise ProblemsFound(exc.problems) from None
            if loaded.problems:
                raise ProblemsFound(loaded.problems)
            data = loaded.data if isinstance(loaded.data, dict) else {}
            return data, "\n".join(lines[index + 1:])
    raise ProblemsFound([Problem(
        file=file, line=1, column=1,
        message_th="ส่วนหัว (front matter) ที่เปิดด้วย --- ในบรรทัดที่ 1 ไม่มีบรรทัด --- ปิดท้าย",
        message_en="front matter opened with '---' on line 1 is never closed",
        fix_th="เพิ่มบรรทัด --- หลังข้อมูลส่วนหัวบรรทัดสุดท้าย", code="unclosed-front-matter")])


def first_heading(body: str) -> str | None:
    """Text of the first level-1 ATX heading outside code fences (attribute lists removed)."""
    for line in _outside_fences(body):
        match = _ATX.match(line)
        if match and len(match.group(1)) == 1 and match.group(2):
            return _ATTRS.sub("", match.group(2)).strip()
    return None


def read_part(path: Path, uri: str, file: str) -> Part:
    meta, body = split_front_matter(read_text(path), file)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return Part(uri=uri, meta=meta, title=(title or first_heading(body) or path.stem).strip(), body=body)


def discover_manuals(content_dir: Path, display_root: str = "content") -> tuple[list[Manual], list[Problem]]:
    """(manuals, warnings) for every ``knowledge/<slug>/`` folder with an ``index.md``.

    Raises ProblemsFound (errors and warnings together) when a manual cannot be built.
    """
    section = content_dir / SECTION
    manuals: list[Manual] = []
    problems: list[Problem] = []
    if not section.is_dir():
        return manuals, problems
    for folder in sorted(p for p in section.iterdir() if p.is_dir()):
        index = folder / "index.md"
        if not index.exists():
            continue
        base = f"{SECTION}/{folder.name}/"
        try:
            overview = read_part(index, base + "index.md", f"{display_root}/{base}index.md")
            chapters = tuple(read_part(p, base + p.name, f"{display_root}/{base}{p.name}")
                             for p in sorted(folder.glob("*.md")) if p.name not in ("index.md", PRINT_NAME))
        except ProblemsFound as exc:
            problems.extend(exc.problems)
            continue
        if (folder / PRINT_NAME).exists():
            problems.append(Problem(
                file=f"{display_root}/{base}{PRINT_NAME}", line=1,
                message_th=f"ชื่อไฟล์ {PRINT_NAME} สงวนไว้สำหรับหน้าพิมพ์ทั้งเล่มที่ระบบสร้างให้",
                message_en=f"{PRINT_NAME} is reserved for the generated whole-manual print page",
                fix_th="เปลี่ยนชื่อไฟล์นี้ (เช่น 09-ภาคผนวก.md → 09-appendix.md)", code="manual-print-reserved"))
        if not chapters:
            problems.append(Problem(
                file=f"{display_root}/{base}index.md", line=1, severity=Severity.WARNING,
                message_th="คู่มือนี้ยังไม่มีบท (ไฟล์ .md อื่นในโฟลเดอร์เดียวกัน) หน้าพิมพ์ทั้งเล่มจะมีเพียงหน้าภาพรวม",
                message_en="this manual has no chapter files; its print view holds only the overview",
                fix_th="เพิ่มไฟล์บท เช่น 01-บทนำ.md ในโฟลเดอร์เดียวกัน", code="manual-no-chapters"))
        manuals.append(Manual(slug=folder.name, overview=overview, chapters=chapters))
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    return manuals, problems


def demote_headings(markdown: str, levels: int = 1) -> str:
    """ATX headings (outside code fences) ``levels`` deeper, at most level 6."""
    out = []
    for line, fenced in _lines_with_fence_state(markdown):
        match = None if fenced else _ATX.match(line)
        if match and match.group(2):
            depth = min(6, len(match.group(1)) + levels)
            line = "#" * depth + line[len(match.group(1)):]
        out.append(line)
    return "\n".join(out)


def drop_skipped(markdown: str) -> str:
    """Remove the ``<!-- print:skip -->`` … ``<!-- /print:skip -->`` regions."""
    return re.sub(re.escape(SKIP_START) + r".*?" + re.escape(SKIP_END) + r"\n?", "", markdown, flags=re.DOTALL)


def drop_first_h1(markdown: str) -> str:
    """The body without its first level-1 heading (the print view writes its own chapter heading)."""
    lines = markdown.split("\n")
    for number, (line, fenced) in enumerate(_lines_with_fence_state(markdown)):
        match = None if fenced else _ATX.match(line)
        if match and len(match.group(1)) == 1 and match.group(2):
            return "\n".join(lines[:number] + lines[number + 1:])
    return markdown


def chapter_anchor(number: int) -> str:
    return f"chapter-{number}"


def print_page(manual: Manual) -> str:
    """The whole manual as one Markdown page: overview, contents, then every chapter on a new page."""
    meta: dict[str, Any] = {
        "title": f"{manual.title} (ฉบับพิมพ์ทั้งเล่ม)",
        "description": str(manual.overview.meta.get("description") or manual.title),
        "lc_print_view": True,
        "hide": ["navigation", "toc", "footer"],
    }
    if manual.sample:
        meta["sample"] = True
    head = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()), "---", ""]
    out = [
        '<div class="lc-print-toolbar" data-lc-noindex markdown>',
        "",
        "[กลับไปหน้าคู่มือ](index.md){ .md-button } "
        '<button type="button" class="md-button md-button--primary lc-print-button" '
        'data-lc-print hidden>พิมพ์คู่มือนี้ (A4)</button>',
        "",
        "หน้านี้รวมทุกบทของคู่มือไว้ในหน้าเดียวสำหรับพิมพ์ หรือกด Ctrl+P (บนโทรศัพท์ใช้เมนู \"พิมพ์\" หรือ \"แชร์\")",
        "",
        "</div>",
        "",
        drop_skipped(manual.overview.body).strip(),
        "",
    ]
    if manual.chapters:
        out += ['<nav class="lc-print-contents" aria-label="สารบัญ" markdown>', "",
                "**สารบัญ**", ""]
        out += [f"{n}. [{md_escape(c.title)}](#{chapter_anchor(n)})" for n, c in enumerate(manual.chapters, 1)]
        out += ["", "</nav>", ""]
    for number, chapter in enumerate(manual.chapters, 1):
        body = demote_headings(drop_first_h1(drop_skipped(chapter.body)))
        out += [f"## {md_escape(chapter.title)} {{ #{chapter_anchor(number)} .lc-chapter }}", "",
                body.strip(), ""]
    return "\n".join(head) + "\n".join(out) + "\n"


def generate_print_pages(manuals: list[Manual]) -> Iterator[GeneratedFile]:
    for manual in manuals:
        yield GeneratedFile(manual.print_uri, print_page(manual))


_LINK = re.compile(r'<a\s(?P<attrs>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>')


def annotate_links(page_html: str, page_url: str) -> str:
    """Add ``data-print-url`` (the absolute address) to links, so print.css can print where each one leads.

    In-page anchors and heading permalinks are left alone: on paper they lead nowhere.
    """
    def annotate(match: re.Match[str]) -> str:
        tag, href = match.group(0), html.unescape(match.group("href"))
        if not href or href.startswith("#") or "headerlink" in tag or "data-print-url" in tag:
            return tag
        target = urljoin(page_url, href)
        if urlsplit(target).scheme not in ("http", "https", "mailto", "tel"):
            return tag
        return tag[:-1] + f' data-print-url="{html.escape(target, quote=True)}">'

    return _LINK.sub(annotate, page_html)


def _lines_with_fence_state(markdown: str) -> Iterator[tuple[str, bool]]:
    """Each line with True when it is inside (or opens/closes) a fenced code block."""
    fence: str | None = None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            yield line, True
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) <= {fence[0]}:
                fence = None
            yield line, True
        else:
            yield line, False


def _outside_fences(markdown: str) -> Iterator[str]:
    return (line for line, fenced in _lines_with_fence_state(markdown) if not fenced)
