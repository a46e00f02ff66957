"""One build's inputs, loaded once and shared by every generated view.

The "as of" date is an input: ``SITE_AS_OF`` (ISO date) overrides today in Asia/Bangkok, so builds
and tests are reproducible. ``SOURCE_DATE_EPOCH`` fixes timestamps written into outputs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from site_build.errors import Problem
from site_build.plan.model import Plan
from site_build.status import Evidence, StatusBook
from site_build.thaidate import Digits

BANGKOK = ZoneInfo("Asia/Bangkok")


def resolve_as_of(value: str | dt.date | None = None) -> dt.date:
    """Explicit value, else ``SITE_AS_OF``, else today in Bangkok."""
    if isinstance(value, dt.date):
        return value
    raw = value or os.environ.get("SITE_AS_OF", "").strip()
    if raw:
        return dt.date.fromisoformat(raw)
    return dt.datetime.now(BANGKOK).date()


def build_timestamp() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now; always timezone-aware."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Site:
    """Settings that come from the site configuration, engine-neutral."""

    root: Path
    content_dir: Path
    site_url: str
    digits: Digits = "thai"
    repo_url: str | None = None

    def absolute(self, rel_url: str) -> str:
        return self.site_url.rstrip("/") + "/" + rel_url.lstrip("/")


@dataclass
class BuildContext:
    """Everything generated views read; filled by the loaders in hook order (plan first)."""

    site: Site
    plan: Plan
    as_of: dt.date
    plan_path: Path | None = None
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    _status: StatusBook | None = None

    @property
    def fiscal_year(self) -> int:
        return self.plan.fiscal_year

    def status(self) -> StatusBook:
        """Computed on first use, after every evidence source has registered."""
        if self._status is None:
            self._status = StatusBook.build(self.plan, self.as_of, self.evidence)
        return self._status

    def add_evidence(self, items: list[Evidence]) -> None:
        self.evidence.extend(items)
        self._status = None
