"""Build provenance: which commit, when, "as of" which date and with which tools a site was built.

Written into every site as ``build-info.json`` (machine-readable, for auditors and the administrator)
and described in Thai on the about page, so anyone can say which version of the site they saw.
Every field follows the build's inputs (``built_at`` is ``SOURCE_DATE_EPOCH`` when set, as in every CI
build), so equal inputs give a byte-identical file and the daily rebuild can tell "nothing changed".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from site_build.context import BANGKOK, build_timestamp
from site_build.thaidate import Digits, digits, format_date

FILE_NAME = "build-info.json"
MARKER = "<!-- build-info -->"
PACKAGES = ("learning-center-site", "mkdocs", "mkdocs-material", "pymdown-extensions", "pillow")


@dataclass(frozen=True)
class BuildInfo:
    commit: str | None
    commit_uncommitted_changes: bool
    built_at: str
    built_at_source: str
    as_of: str
    tools: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def tool_versions(root: Path) -> dict[str, str]:
    tools = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            tools[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    pagefind = root / "node_modules" / "pagefind" / "package.json"
    if pagefind.is_file():
        tools["pagefind"] = str(json.loads(pagefind.read_text(encoding="utf-8")).get("version", ""))
    return tools


def collect(root: Path, as_of: dt.date) -> BuildInfo:
    """``GITHUB_SHA`` or ``git rev-parse HEAD``; a working tree with uncommitted edits says so."""
    commit = _git(root, "rev-parse", "HEAD") or os.environ.get("GITHUB_SHA") or None
    status = _git(root, "status", "--porcelain", "--untracked-files=no")
    source = "SOURCE_DATE_EPOCH" if os.environ.get("SOURCE_DATE_EPOCH") else "clock"
    return BuildInfo(commit=commit, commit_uncommitted_changes=bool(status), as_of=as_of.isoformat(),
                     built_at=build_timestamp().isoformat().replace("+00:00", "Z"), built_at_source=source,
                     tools=tool_versions(root))


def describe_th(info: BuildInfo, *, digit_style: Digits = "thai", repo_url: str | None = None) -> str:
    """The about page's paragraph (Markdown)."""
    built = dt.datetime.fromisoformat(info.built_at.replace("Z", "+00:00")).astimezone(BANGKOK)
    clock = digits(built.strftime("%H:%M"), digit_style)
    when = f"{format_date(built.date(), digit_style=digit_style)} เวลา {clock} น."
    as_of = format_date(dt.date.fromisoformat(info.as_of), digit_style=digit_style)
    if info.commit:
        short = info.commit[:12]
        version = f"[`{short}`]({repo_url.rstrip('/')}/commit/{info.commit})" if repo_url else f"`{short}`"
        if info.commit_uncommitted_changes:
            version += " (มีการแก้ไขที่ยังไม่บันทึกเข้าระบบ)"
    else:
        version = "ไม่ทราบ (สร้างนอกระบบควบคุมเวอร์ชัน)"
    stamp_note = " (เวลาบันทึกของต้นฉบับรุ่นนี้ เพื่อให้สร้างซ้ำได้ผลตรงกัน)" \
        if info.built_at_source == "SOURCE_DATE_EPOCH" else ""
    tools = ", ".join(f"`{k} {v}`" for k, v in sorted(info.tools.items()))  # identifiers: as written
    return ("## รุ่นของเว็บไซต์นี้\n\n"
            f"เว็บไซต์ที่ท่านเห็นสร้างจากต้นฉบับรุ่น {version} ประทับเวลาสร้าง {when}{stamp_note} "
            f"สถานะของกิจกรรมคำนวณ ณ วันที่ {as_of} "
            f"ข้อมูลเดียวกันสำหรับเครื่องอ่านอยู่ที่ [{FILE_NAME}](/{FILE_NAME}) "
            f"(เครื่องมือ: {tools})\n")


def replace_marker(markdown: str, info: BuildInfo, *, digit_style: Digits = "thai",
                   repo_url: str | None = None) -> str:
    return markdown.replace(MARKER, describe_th(info, digit_style=digit_style, repo_url=repo_url))
