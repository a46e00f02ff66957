"""First-published and last-updated dates of every page, from ONE ``git log`` per build.

Dates are commit dates in Asia/Bangkok, shown in พ.ศ. Renames are followed (a moved page keeps its
history). In a shallow clone or outside git the history would be wrong (every file would look new),
so the page says plainly that the history is incomplete instead of showing wrong dates.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from site_build.thaidate import Digits, digits, format_date

BANGKOK = ZoneInfo("Asia/Bangkok")
State = Literal["ok", "shallow", "no-git", "no-commits"]
RECENT = 5

_RECORD = "\x1e"
_FIELD = "\x1f"

MESSAGES_TH: dict[str, str] = {
    "shallow": "ประวัติไม่สมบูรณ์: สำเนาโค้ดแบบตื้น (shallow clone) จึงไม่แสดงวันที่เผยแพร่และวันที่ปรับปรุง "
               "เพื่อไม่ให้แสดงวันที่ที่ผิด",
    "no-git": "ไม่มีประวัติการแก้ไข: เว็บไซต์นี้ไม่ได้สร้างจากคลังโค้ด git จึงไม่แสดงวันที่เผยแพร่และวันที่ปรับปรุง",
    "no-commits": "ยังไม่มีประวัติในคลังโค้ด: หน้านี้ยังไม่ได้บันทึก (commit) ลงคลังโค้ด",
}


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.date
    subject: str


@dataclass(frozen=True)
class FileHistory:
    """What one page (one or more source files) shows: dates, a few recent commits, or why not."""

    state: State
    first: dt.date | None = None
    last: dt.date | None = None
    recent: tuple[Commit, ...] = ()
    total: int = 0
    paths: tuple[str, ...] = ()  # relative to the repository's top level


@dataclass
class GitHistory:
    """Commits per file for the whole build, parsed once."""

    state: State
    toplevel: Path | None = None
    commits: list[Commit] = field(default_factory=list)
    by_path: dict[str, list[int]] = field(default_factory=dict)  # path -> commit indexes, newest first
    detail: str = ""

    def rel(self, path: Path) -> str | None:
        if self.toplevel is None:
            return None
        try:
            return path.resolve().relative_to(self.toplevel).as_posix()
        except ValueError:
            return None

    def for_paths(self, paths: Iterable[Path]) -> FileHistory:
        rels = tuple(r for r in (self.rel(p) for p in paths) if r is not None)
        if self.state != "ok":
            return FileHistory(state=self.state, paths=rels)
        indexes = sorted({i for r in rels for i in self.by_path.get(r, [])})
        if not indexes:
            return FileHistory(state="no-commits", paths=rels)
        chosen = [self.commits[i] for i in indexes]  # newest first (git log order)
        return FileHistory(state="ok", first=min(c.date for c in chosen), last=max(c.date for c in chosen),
                           recent=tuple(chosen[:RECENT]), total=len(chosen), paths=rels)


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None


def collect_history(root: Path, pathspec: Sequence[str] = ()) -> GitHistory:
    """Two git processes for the whole build: where/what the repository is, then one ``git log``."""
    probe = _git(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-toplevel"], root)
    if probe is None or probe.returncode != 0:
        return GitHistory(state="no-git", detail=(probe.stderr.strip() if probe else "git not available"))
    lines = probe.stdout.splitlines()
    if len(lines) < 3 or lines[0].strip() != "true":
        return GitHistory(state="no-git", detail=probe.stdout.strip())
    toplevel = Path(lines[2].strip()).resolve()
    if lines[1].strip() == "true":
        return GitHistory(state="shallow", toplevel=toplevel)
    spec = [s for s in pathspec if s]
    log = _git(["-c", "core.quotepath=false", "-c", "log.showSignature=false", "log", "--no-color", "-M",
                "--name-status", f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%s", "--", *spec], toplevel)
    if log is None:
        return GitHistory(state="no-git", toplevel=toplevel, detail="git log failed")
    if log.returncode != 0:
        # a repository without any commit yet ("does not have any commits yet")
        return GitHistory(state="no-commits", toplevel=toplevel, detail=log.stderr.strip())
    history = parse_log(log.stdout)
    history.toplevel = toplevel
    return history


def parse_log(text: str) -> GitHistory:
    """Parse ``git log --name-status --format=<RS>%H<US>%cI<US>%s`` output, newest commit first."""
    history = GitHistory(state="ok")
    alias: dict[str, str] = {}  # an older name -> the file's name today (renames, walking back in time)
    for record in text.split(_RECORD):
        if not record.strip():
            continue
        head, _, rest = record.partition("\n")
        sha, date_text, subject = ([*head.split(_FIELD), "", "", ""])[:3]
        when = dt.datetime.fromisoformat(date_text.strip()).astimezone(BANGKOK).date()
        index = len(history.commits)
        history.commits.append(Commit(sha=sha.strip(), date=when, subject=subject.strip()))
        for line in rest.splitlines():
            if not line.strip():
                continue
            parts = line.split("\t")
            status = parts[0]
            if status[:1] in ("R", "C") and len(parts) >= 3:
                old, new = _unquote(parts[1]), _unquote(parts[2])
                final = alias.get(new, new)
                _add(history, final, index)
                if status[0] == "R":
                    alias[old] = final
            elif len(parts) >= 2:
                path = _unquote(parts[1])
                _add(history, alias.get(path, path), index)
    return history


def _add(history: GitHistory, path: str, index: int) -> None:
    seen = history.by_path.setdefault(path, [])
    if not seen or seen[-1] != index:
        seen.append(index)


def _unquote(path: str) -> str:
    """Undo git's C-style quoting (only left for quotes, backslashes and control characters here)."""
    if len(path) >= 2 and path[0] == path[-1] == '"':
        body = path[1:-1]
        out, i = [], 0
        while i < len(body):
            ch = body[i]
            if ch == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)
    return path


def repo_links(repo_url: str | None, path: str | None, sha: str | None = None) -> str | None:
    """History page of a file (or one commit) on the repository host; ``None`` without ``repo_url``."""
    if not repo_url:
        return None
    base = repo_url.rstrip("/")
    gitlab = "gitlab" in base
    if sha:
        return f"{base}/-/commit/{sha}" if gitlab else f"{base}/commit/{sha}"
    if path:
        return f"{base}/-/commits/HEAD/{path}" if gitlab else f"{base}/commits/HEAD/{path}"
    return base


def render_history(history: FileHistory, *, digit_style: Digits = "thai", repo_url: str | None = None) -> str:
    """The HTML block shown under a page's content (escaped; no JavaScript needed)."""
    def day(value: dt.date) -> str:
        return f'<time datetime="{value.isoformat()}">{format_date(value, digit_style=digit_style)}</time>'

    main_path = history.paths[0] if history.paths else None
    all_link = repo_links(repo_url, main_path)
    link_html = (f' <a href="{html.escape(all_link)}">ดูประวัติทั้งหมดในคลังโค้ด</a>' if all_link else "")
    out = ['<aside class="lc-history" aria-label="ประวัติของหน้านี้" data-pagefind-ignore>']
    if history.state != "ok" or history.first is None or history.last is None:
        out.append(f'<p class="lc-history__note">{html.escape(MESSAGES_TH[history.state])}{link_html}</p>')
        out.append("</aside>")
        return "\n".join(out)
    out.append(f'<p class="lc-history__dates">เผยแพร่ครั้งแรก {day(history.first)} · '
               f'ปรับปรุงล่าสุด {day(history.last)}</p>')
    count = digits(len(history.recent), digit_style)
    total = digits(history.total, digit_style)
    out.append(f"<details><summary>ประวัติการแก้ไข ({count} ครั้งล่าสุด จากทั้งหมด {total} ครั้ง)</summary>")
    out.append('<ul class="lc-history__list">')
    for commit in history.recent:
        sha = html.escape(commit.sha[:7])
        link = repo_links(repo_url, None, commit.sha)
        ref = f' <a href="{html.escape(link)}"><code>{sha}</code></a>' if link else f" <code>{sha}</code>"
        subject = html.escape(commit.subject)
        if not any("\u0e01" <= c <= "\u0e5b" for c in commit.subject):  # an English message: say so (WCAG 3.1.2)
            subject = f'<span lang="en">{subject}</span>'
        out.append(f"<li>{day(commit.date)} — {subject}{ref}</li>")
    out.append("</ul>")
    if link_html:
        out.append(f"<p>{link_html.strip()}</p>")
    out.append("</details>")
    out.append("</aside>")
    return "\n".join(out)
