"""CSV exports of the tracking views: UTF-8 with a BOM and CRLF line ends, so Excel shows Thai.

Dates are ISO 8601 (machine-readable); states are given as a code and in Thai.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from site_build.pages.plan_pages import item_url
from site_build.plan.model import Plan
from site_build.reports.award import Award
from site_build.reports.data import ItemRef
from site_build.reports.labels import CELL_STATE_TH, CONFIRM_TH, LEVEL_TH, ROW_STATE_TH
from site_build.reports.periods import PeriodReport
from site_build.reports.publicity import Matrix, cell_state

Absolute = Callable[[str], str]
"""Site-relative URL → absolute URL (``Site.absolute``)."""


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _item_link(plan: Plan, ref: ItemRef, absolute: Absolute) -> str:
    return absolute(item_url(plan, ref.project, ref.node))


PERIOD_COLUMNS = ("period", "period_start", "period_end", "item_id", "measure", "project", "title", "deadline",
                  "deadline_label", "status", "status_th", "evidence_titles", "evidence_dates", "evidence_urls",
                  "item_url", "as_of")


def period_csv(plan: Plan, report: PeriodReport, absolute: Absolute) -> bytes:
    p = report.period
    rows = [[p.key, p.start.isoformat(), p.end.isoformat(), r.item.id, r.item.measure.number, r.item.project.number,
             r.item.node.title, r.deadline.date.isoformat(), r.deadline.label or "", r.state, ROW_STATE_TH[r.state],
             " ; ".join(e.title for e in r.evidence), ";".join(e.date.isoformat() for e in r.evidence),
             ";".join(absolute(e.url) for e in r.evidence), _item_link(plan, r.item, absolute),
             report.as_of.isoformat()]
            for r in report.rows]
    rows += [[p.key, p.start.isoformat(), p.end.isoformat(), u.item.id, u.item.measure.number,
              u.item.project.number, u.item.node.title, "", "", "no-deadline-done" if u.done else "no-deadline",
              "ไม่มีกำหนดส่งในแผน: " + ("ดำเนินการแล้ว" if u.done else "ยังไม่มีหลักฐาน"),
              " ; ".join(e.title for e in u.evidence), ";".join(e.date.isoformat() for e in u.evidence),
              ";".join(absolute(e.url) for e in u.evidence), _item_link(plan, u.item, absolute),
              report.as_of.isoformat()] for u in report.undated]
    return csv_bytes(PERIOD_COLUMNS, rows)


def publicity_csv(matrix: Matrix, absolute: Absolute) -> bytes:
    """One row per write-up; per channel a state code column and an evidence column."""
    header = ["date", "title", "url", "plan_items", "sample", "required", "done", "missing_channels"]
    for channel in matrix.channels:
        header += [f"{channel.id}", f"{channel.id}_evidence"]
    rows = []
    for row in matrix.rows:
        w = row.writeup
        line: list[object] = [w.date.isoformat(), w.title, absolute(w.url), ";".join(w.item_ids),
                              "yes" if w.sample else "", row.required, row.done,
                              ";".join(c.id for c in row.missing)]
        for cell in row.cells:
            record = cell.record
            parts = [] if record is None else [x for x in (record.date and record.date.isoformat(), record.url,
                                                           record.note) if x]
            if cell.automatic and not parts:
                parts = [absolute(w.url)]
            state = cell_state(cell)
            line += [f"{state} ({CELL_STATE_TH[state]})", " ".join(parts)]
        rows.append(line)
    return csv_bytes(header, rows)


SCORE_COLUMNS = ("item_id", "project", "component", "label", "rule", "full", "partial", "earned", "remaining",
                 "level", "level_th", "full_when", "partial_when", "evidence_urls", "item_url", "uncertain")


def score_csv(plan: Plan, result: Award, absolute: Absolute) -> bytes:
    rows: list[list[object]] = [
        [c.item.id, c.item.project.number, c.component.id, c.component.label, c.component.rule,
         "" if c.component.full is None else c.component.full,
         "" if c.component.partial is None else c.component.partial, c.earned, c.remaining, c.level,
         LEVEL_TH[c.level], c.component.full_when, c.component.partial_when or "",
         ";".join(absolute(e.url) for e in c.evidence), _item_link(plan, c.item, absolute),
         c.component.uncertain or ""]
        for c in result.components]
    rows += [["participation", "", p.id, p.label, "participation", p.points, "", 0, p.points, "unconfirmed",
              CONFIRM_TH, p.condition, "", "", "", ""] for p in result.participation]
    return csv_bytes(SCORE_COLUMNS, rows)
