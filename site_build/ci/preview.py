"""Pull-request previews staff can open from disk, and the list of pages a pull request adds or changes.

The preview is the normal build with every relative link to a folder rewritten to that folder's
``index.html``: opened with a double click (``file://``), a folder link would otherwise land on a directory
listing. Rewriting the output (rather than building with ``use_directory_urls: false``) keeps every link the
generators and templates write working, and keeps the preview's pages at the same paths as the public site.
Search needs a web server (Pagefind loads WebAssembly); the search box says so when opened from disk.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

PREVIEW_NOTE = "PREVIEW.txt"
NOTE_TEXT = ("ฉบับตัวอย่างจาก Pull Request (preview)\n"
             "เปิดไฟล์ index.html ในโฟลเดอร์นี้ด้วยเว็บเบราว์เซอร์ แล้วคลิกลิงก์ได้ตามปกติ\n"
             "การค้นหาใช้ได้บนเว็บไซต์ที่เผยแพร่แล้วเท่านั้น ห้ามนำโฟลเดอร์นี้ไปเผยแพร่\n"
             "This is a preview to open from disk; it is never published.\n")
_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def _local_link(value: str) -> bool:
    parts = urlsplit(value)
    return not (parts.scheme or parts.netloc or value.startswith(("/", "#")) or not parts.path)


def rewrite_links(page_html: str, page: Path, site: Path) -> str:
    """``href="../plan/2566/#x"`` → ``href="../plan/2566/index.html#x"`` when that folder has an index."""

    def fix(match: re.Match[str]) -> str:
        value = html.unescape(match.group(2))
        if not _local_link(value):
            return match.group(0)
        parts = urlsplit(value)
        target = (page.parent / unquote(parts.path)).resolve()
        if not target.is_dir() or not (target / "index.html").is_file() or site.resolve() not in \
                (target, *target.parents):
            return match.group(0)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        rebuilt = path + "index.html" + (f"?{parts.query}" if parts.query else "") + \
            (f"#{parts.fragment}" if parts.fragment else "")
        return match.group(1) + html.escape(rebuilt, quote=True) + match.group(3)

    return _ATTR.sub(fix, page_html)


def make_browsable_from_disk(site: Path, root: Path | None = None) -> None:
    """Post-build step of ``build --preview``."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = rewrite_links(text, page, site)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    (site / PREVIEW_NOTE).write_text(NOTE_TEXT, encoding="utf-8")


def is_preview(site: Path) -> bool:
    return (site / PREVIEW_NOTE).is_file()


# --- which pages a pull request adds or changes ------------------------------------------------------------

@dataclass(frozen=True, order=True)
class ChangedPage:
    url: str  # site-relative folder URL, "" for the home page; or a file path for non-page outputs
    status: str  # "added" | "changed" | "removed"
    source: str

    @property
    def preview_path(self) -> str:
        """Where the page is inside the downloaded preview folder."""
        return (self.url + "index.html") if (self.url == "" or self.url.endswith("/")) else self.url


STATUS_TH = {"added": "เพิ่มใหม่", "changed": "แก้ไข", "removed": "ลบออก"}
_GIT_STATUS = {"A": "added", "M": "changed", "D": "removed", "R": "changed", "C": "added", "T": "changed"}


def page_url(source: str, content_dir: str = "content") -> str | None:
    """``content/about/privacy.md`` → ``about/privacy/``; ``content/x/index.md`` → ``x/``; else None."""
    path = PurePosixPath(source)
    if path.suffix != ".md" or not path.is_relative_to(content_dir):
        return None
    rel = path.relative_to(content_dir)
    folder = rel.parent if rel.stem in ("index", "README") else rel.with_suffix("")
    text = folder.as_posix()
    return "" if text == "." else text + "/"


def _bundle_page(source: str, content_dir: str, exists: set[str]) -> str | None:
    """A photo or attachment belongs to the page of the nearest folder with an index.md."""
    path = PurePosixPath(source)
    if not path.is_relative_to(content_dir):
        return None
    for folder in path.parents:
        if not folder.is_relative_to(content_dir):
            break
        candidate = (folder / "index.md").as_posix()
        if candidate in exists:
            return page_url(candidate, content_dir)
    return None


def changed_pages(changes: list[tuple[str, str]], *, site: Path | None = None, content_dir: str = "content",
                  sources: set[str] | None = None) -> list[ChangedPage]:
    """``changes``: (git status letter, path) pairs. Pages from Markdown sources; photos and attachments count
    as a change to their write-up; plan.yml changes the plan pages (those found in ``site``)."""
    out: dict[str, ChangedPage] = {}
    existing = sources if sources is not None else set()
    for letter, source in changes:
        status = _GIT_STATUS.get(letter[:1], "changed")
        url = page_url(source, content_dir)
        if url is None:
            url = _bundle_page(source, content_dir, existing)
            status = "changed" if url is not None else status
        if url is not None:
            if url not in out or out[url].status == "changed":
                out[url] = ChangedPage(url, status, source)
        elif source == "plan.yml" and site is not None:
            for index in sorted(site.glob("plan/*/index.html")):
                rel = index.parent.relative_to(site).as_posix() + "/"
                out.setdefault(rel, ChangedPage(rel, "changed", source))
    return sorted(out.values(), key=lambda p: (p.status != "added", p.url))


def _title(site: Path | None, page: ChangedPage) -> str:
    if site is None:
        return ""
    path = site / page.preview_path
    if not path.is_file():
        return ""
    found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(found.group(1)).split(" - ")[0].strip() if found else ""


def summary(pages: list[ChangedPage], *, site: Path | None = None, artifact: str = "site-preview") -> str:
    """The job summary: in Thai, each added or changed page and where to open it in the preview."""
    lines = ["## หน้าที่ Pull Request นี้เพิ่มหรือแก้ไข", ""]
    if not pages:
        return "\n".join([*lines, "Pull Request นี้ไม่ได้เพิ่มหรือแก้ไขหน้าเว็บโดยตรง", ""])
    lines += [f"ดาวน์โหลด **{artifact}** จากส่วน Artifacts ด้านล่างของหน้านี้ แตกไฟล์ zip "
              "แล้วเปิดไฟล์ตามที่อยู่ในตาราง (ดับเบิลคลิกเพื่อเปิดในเว็บเบราว์เซอร์)", "",
              "| หน้า | การเปลี่ยนแปลง | เปิดในฉบับตัวอย่าง | ไฟล์ต้นฉบับ |", "| --- | --- | --- | --- |"]
    for page in pages:
        title = _title(site, page).replace("|", "\\|") or ("หน้าแรก" if page.url == "" else page.url)
        where = "-" if page.status == "removed" else f"`{artifact}/{page.preview_path}`"
        lines.append(f"| {title} | {STATUS_TH[page.status]} | {where} | `{page.source}` |")
    return "\n".join(lines) + "\n"


def git_changes(root: Path, base: str) -> list[tuple[str, str]]:
    out = subprocess.run(["git", "diff", "--name-status", "-z", "--find-renames", base, "HEAD"], cwd=root,
                         capture_output=True, check=True).stdout.decode("utf-8")
    fields = [f for f in out.split("\0") if f]
    changes: list[tuple[str, str]] = []
    i = 0
    while i < len(fields):
        letter = fields[i]
        if letter[:1] in "RC":
            changes.append((letter, fields[i + 2]))
            i += 3
        else:
            changes.append((letter, fields[i + 1]))
            i += 2
    return changes


def tracked_sources(root: Path) -> set[str]:
    out = subprocess.run(["git", "ls-files", "-z", "content"], cwd=root, capture_output=True, check=True)
    return {f for f in out.stdout.decode("utf-8").split("\0") if f}


def main(argv: list[str] | None = None) -> int:
    """``python -m site_build.ci.preview --site site-preview --base HEAD^1``: append the Thai page list to
    ``$GITHUB_STEP_SUMMARY`` (or print it)."""
    p = argparse.ArgumentParser(prog="python -m site_build.ci.preview")
    p.add_argument("--site", default="site-preview")
    p.add_argument("--base", default="HEAD^1", help="the commit to compare with (a PR merge commit's first parent)")
    p.add_argument("--root", default=".")
    p.add_argument("--artifact", default="site-preview")
    args = p.parse_args(argv)
    root = Path(args.root).resolve()
    site = (root / args.site).resolve()
    pages = changed_pages(git_changes(root, args.base), site=site, sources=tracked_sources(root))
    text = summary(pages, site=site, artifact=args.artifact)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
