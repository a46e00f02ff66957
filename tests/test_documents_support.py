"""Helpers for the documents tests: tiny document folders written into a temporary project (no tests here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from site_build.context import BuildContext, Site
from site_build.documents.model import KIND_DIRS
from site_build.plan.load import load_plan

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PLAN = FIXTURES / "mini_plan.yml"


def front(kind: str = "policy", slug: str = "no-gift", year: int = 2566, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": kind, "slug": slug, "title": f"นโยบายทดสอบ {slug}", "number": f"ที่ ๑/{year}",
        "fiscal_year": year, "signed_by": {"name": "นายทดสอบ ใจดี", "position": "ผู้อำนวยการสำนักทดสอบ"},
        "signed_on": dt.date(year - 543 - 1, 12, 1), "effective_on": dt.date(year - 543 - 1, 12, 1),
        "status": "in_force", "original": {"file": f"{slug}-{year}.pdf", "description": "ไฟล์สแกนทดสอบ"},
    }
    data.update(overrides)
    return data


def write_doc(content: Path, meta: dict[str, Any], *, version: str | None = None, body: str = "ข้อความของเอกสาร\n",
              original: bytes | None = b"%PDF-1.4 test original\n", raw_front: str | None = None) -> Path:
    """``content/<kind dir>/<slug>/<version>/index.md`` plus its original; returns the index path."""
    folder = content / KIND_DIRS[meta["kind"]] / meta["slug"] / (version or str(meta["fiscal_year"]))
    folder.mkdir(parents=True, exist_ok=True)
    text = raw_front if raw_front is not None else yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    (folder / "index.md").write_text(f"---\n{text}---\n{body}", encoding="utf-8")
    if original is not None and isinstance(meta.get("original"), dict):
        (folder / meta["original"]["file"]).write_bytes(original)
    return folder / "index.md"


def context(root: Path, *, as_of: dt.date = dt.date(2023, 6, 30), repo_url: str | None = None) -> BuildContext:
    plan = load_plan(MINI_PLAN, display_name="plan.yml")
    site = Site(root=root, content_dir=root / "content", site_url="https://example.org/", repo_url=repo_url)
    return BuildContext(site=site, plan=plan, as_of=as_of)
