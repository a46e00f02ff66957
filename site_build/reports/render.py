"""Shared pieces of the tracking pages: where each page lives, and how numbers, dates, plan items,
write-ups and evidence are written into generated Markdown (links to source files, so MkDocs checks them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from site_build.activities.model import PublicityRecord, WriteUp
from site_build.markdown_text import md_cell, md_escape, rel_uri
from site_build.pages.plan_pages import item_anchor, project_uri
from site_build.plan.model import Plan
from site_build.reports.data import ItemRef, ReportData
from site_build.reports.labels import SAMPLE_TH
from site_build.status import Evidence
from site_build.thaidate import Digits, digits, format_date


@dataclass(frozen=True)
class Uris:
    """Docs-relative sources of every generated tracking file, by fiscal year (stable URLs)."""

    fy: int

    @property
    def progress(self) -> str:
        return f"progress/{self.fy}/index.md"

    @property
    def publicity(self) -> str:
        return f"progress/{self.fy}/publicity.md"

    @property
    def publicity_csv(self) -> str:
        return f"progress/{self.fy}/publicity.csv"

    @property
    def score(self) -> str:
        return f"progress/{self.fy}/score.md"

    @property
    def score_csv(self) -> str:
        return f"progress/{self.fy}/score.csv"

    @property
    def reports(self) -> str:
        return f"reports/{self.fy}/index.md"

    def report(self, key: str) -> str:
        return f"reports/{self.fy}/{key}.md"

    def report_csv(self, key: str) -> str:
        return f"reports/{self.fy}/{key}.csv"

    @property
    def ics(self) -> str:
        return f"plan/{self.fy}/deadlines.ics"

    @property
    def plan(self) -> str:
        return f"plan/{self.fy}/index.md"


def safe_url(url: str) -> str:
    """An external link usable inside Markdown link syntax (parentheses and brackets percent-encoded)."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


class Renderer:
    """Formatting bound to one page: digit style, and the page's own source for relative links."""

    def __init__(self, data: ReportData, page_uri: str, digit_style: Digits) -> None:
        self.data = data
        self.plan: Plan = data.plan
        self.page_uri = page_uri
        self.style = digit_style
        self.uris = Uris(data.plan.fiscal_year)

    def n(self, value: int | str) -> str:
        return digits(value, self.style)

    def pct(self, value: float) -> str:
        text = f"{value:.1f}".removesuffix(".0")
        return self.n(text)

    def date(self, day: dt.date, *, abbr: bool = False) -> str:
        return format_date(day, style="abbr" if abbr else "full", digit_style=self.style)

    def link(self, to_uri: str, anchor: str = "") -> str:
        target = rel_uri(self.page_uri, to_uri)
        return f"{target}#{anchor}" if anchor else target

    def item_id(self, ref: ItemRef) -> str:
        """``ข้อ ๑.๘`` or ``โครงการที่ ๕``: short enough for a narrow table column."""
        return f"โครงการที่ {self.n(ref.project.number)}" if ref.is_project else f"ข้อ {self.n(ref.id)}"

    def item_label(self, ref: ItemRef) -> str:
        if ref.is_project:
            return f"โครงการที่ {self.n(ref.project.number)} {ref.node.title}"
        return f"ข้อ {self.n(ref.id)} {ref.node.title}"

    def item_link(self, ref: ItemRef, text: str | None = None) -> str:
        anchor = "" if ref.is_project else item_anchor(ref.id)
        return f"[{md_cell(text or self.item_label(ref))}]({self.link(project_uri(self.plan, ref.project), anchor)})"

    def writeup_link(self, writeup: WriteUp) -> str:
        text = f"[{md_cell(writeup.title)}]({self.link(writeup.uri)})"
        return text + (f" ({SAMPLE_TH})" if writeup.sample and SAMPLE_TH not in writeup.title else "")

    def evidence(self, items: Iterable[Evidence]) -> str:
        out = [f"[{md_cell(e.title)}]({self.link(e.source())}) ({self.date(e.date, abbr=True)})"
               + (f" — {SAMPLE_TH}" if e.sample and SAMPLE_TH not in e.title else "") for e in items]
        return "<br>".join(out) or "–"

    def record(self, record: PublicityRecord) -> str:
        """A publicity record as cell text: its date (as the link when there is one) and its note."""
        label = self.date(record.date, abbr=True) if record.date else "ลิงก์"
        parts = [f"[{label}]({safe_url(record.url)})" if record.url else (label if record.date else "")]
        if record.note:
            parts.append(md_cell(record.note))
        return "<br>".join(p for p in parts if p)

    def header(self, title: str, description: str) -> list[str]:
        from site_build.markdown_text import front_matter

        lines = [front_matter(title=title, description=description), f"# {md_escape(title)}\n",
                 f"ข้อมูล ณ วันที่ {self.date(self.data.as_of)} · คำนวณจากแผนบูรณาการและบันทึกกิจกรรมบนเว็บไซต์นี้\n"]
        samples = self.samples()
        if samples:
            lines.append(f'<p class="lc-sample"><strong>{SAMPLE_TH}:</strong> ตัวเลขในหน้านี้รวมหลักฐานตัวอย่าง '
                         f"{self.n(samples)} รายการ ซึ่งไม่ใช่ผลการดำเนินงานจริง</p>\n")
        return lines

    def samples(self) -> int:
        urls = {w.url for w in self.data.writeups if w.sample}
        urls |= {e.url for items in self.data.book.evidence.values() for e in items if e.sample}
        return len(urls)
