"""Report pages per fiscal quarter and for 6 and 12 months, and the reports hub; printable on A4."""

from __future__ import annotations

from site_build.markdown_text import md_cell, md_table
from site_build.reports.labels import ROW_STATE_ICON, ROW_STATE_TH
from site_build.reports.periods import ROW_STATES, Period, PeriodReport, RowState
from site_build.reports.progress_page import check_text, share_text, target_text
from site_build.reports.render import Renderer
from site_build.thaidate import MONTHS_ABBR, MONTHS_FULL, be_year

PRINT_HINT = "พิมพ์หรือบันทึกเป็น PDF ได้จากเมนูพิมพ์ของเบราว์เซอร์ (Ctrl+P) หน้ากระดาษ A4"


def period_title(r: Renderer, period: Period) -> str:
    if period.kind == "quarter":
        return f"รายงานผลการดำเนินงาน ไตรมาสที่ {r.n(period.number)}"
    return f"รายงานผลการดำเนินงาน รอบ {r.n(period.number)} เดือน"


def period_span(r: Renderer, period: Period, *, short: bool = False) -> str:
    if short:
        if period.kind == "quarter":
            first, last = MONTHS_ABBR[period.start.month - 1], MONTHS_ABBR[period.end.month - 1]
            return f"{first} – {last} {r.n(be_year(period.end.year))}"
        return f"{r.date(period.start, abbr=True)} – {r.date(period.end, abbr=True)}"
    if period.kind == "quarter":
        first, last = MONTHS_FULL[period.start.month - 1], MONTHS_FULL[period.end.month - 1]
        return f"{first} – {last} {r.n(be_year(period.end.year))} ({r.date(period.start)} – {r.date(period.end)})"
    return f"{r.date(period.start)} – {r.date(period.end)}"


def _states(r: Renderer) -> list[RowState]:
    """A closed year's rows are done or not done within the year (site_build.status.YearClock)."""
    if r.data.book.closed:
        return [s for s in ROW_STATES if s not in ("overdue", "due")]
    return [s for s in ROW_STATES if s != "not-done"]


def period_page(r: Renderer, report: PeriodReport) -> str:
    p = report.period
    fy = r.n(r.plan.fiscal_year)
    title = f"{period_title(r, p)} ปีงบประมาณ พ.ศ. {fy}"
    out = r.header(title, f"กิจกรรมย่อยตามแผนบูรณาการที่ครบกำหนดในช่วง {period_span(r, p)} สถานะและหลักฐาน")
    out += [f"**{r.plan.organization.bureau.th}** {r.plan.organization.secretariat.th}  ",
            f"ช่วงเวลา: {period_span(r, p)}  ",
            f"ดาวน์โหลด: [{p.key}.csv]({r.link(r.uris.report_csv(p.key))}) (CSV, UTF-8 เปิดใน Excel ได้) · "
            f"[รายงานทั้งหมด]({r.link(r.uris.reports)})\n",
            f'<p class="lc-print-hint">{PRINT_HINT}</p>\n']
    if not report.started:
        out.append("!!! note \"ยังไม่ถึงช่วงเวลานี้\"\n\n    รายการด้านล่างคือกิจกรรมย่อยที่จะครบกำหนดในช่วงนี้\n")
    out += ["## สรุป\n",
            md_table(["สถานะ", "จำนวน"], [[f"{ROW_STATE_ICON[s]} {ROW_STATE_TH[s]}", r.n(report.count(s))]
                                          for s in _states(r)] + [["**รวมที่ครบกำหนดในช่วงนี้**",
                                                                   f"**{r.n(len(report.rows))}**"]]), "",
            f"ทั้งแผนดำเนินการแล้ว {share_text(r, report.share)} "
            f"ณ วันที่ {r.date(min(p.end, report.as_of))}\n"]
    for check in report.checks:
        out.append(f"- {target_text(r, check.target)}: ภายใน {r.date(check.target.date)} "
                   f"→ **{check_text(r, check)}** ({share_text(r, check.share)})")
    if report.checks:
        out.append("")
    out += ["## กิจกรรมย่อยที่ครบกำหนดในช่วงนี้\n"]
    if report.rows:
        out += ['<div class="lc-table-scroll lc-report-table" markdown>\n',
                md_table(["ข้อ", "กิจกรรมย่อย", "กำหนดส่ง", "สถานะ", "หลักฐาน"],
                         [[r.item_link(row.item, r.item_id(row.item)), md_cell(row.item.node.title),
                           r.date(row.deadline.date, abbr=True)
                           + (f"<br>{md_cell(row.deadline.label)}" if row.deadline.label else ""),
                           f"{ROW_STATE_ICON[row.state]} {ROW_STATE_TH[row.state]}", r.evidence(row.evidence)]
                          for row in report.rows]),
                "\n</div>\n"]
    else:
        out.append("ไม่มีกิจกรรมย่อยที่ครบกำหนดในช่วงนี้\n")
    if report.undated:
        out += ["## กิจกรรมย่อยที่แผนไม่ระบุกำหนดส่ง\n",
                '<div class="lc-table-scroll lc-report-table" markdown>\n',
                md_table(["ข้อ", "กิจกรรมย่อย", "สถานะ", "หลักฐาน"],
                         [[r.item_link(u.item, r.item_id(u.item)), md_cell(u.item.node.title),
                           "ดำเนินการแล้ว" if u.done else "ยังไม่มีหลักฐาน", r.evidence(u.evidence)]
                          for u in report.undated]),
                "\n</div>\n"]
    out += ["## กิจกรรมที่ดำเนินการในช่วงนี้\n"]
    if report.carried_out:
        out += [f"- {r.date(w.date, abbr=True)} {r.writeup_link(w)} (ข้อ "
                + ", ".join(r.n(i) for i in w.item_ids) + ")" for w in report.carried_out] + [""]
    else:
        out.append("ยังไม่มีบันทึกกิจกรรมในช่วงนี้\n")
    return "\n".join(out)


def reports_index(r: Renderer, reports: list[PeriodReport]) -> str:
    fy = r.n(r.plan.fiscal_year)
    out = r.header(f"รายงานผลการดำเนินงานตามแผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}",
                   "รายงานรายไตรมาส รอบ ๖ เดือน และรอบ ๑๒ เดือน พิมพ์ได้และดาวน์โหลดเป็น CSV")
    rows = [[f"[{period_title(r, rep.period).removeprefix('รายงานผลการดำเนินงาน ')}]"
             f"({r.link(r.uris.report(rep.period.key))})",
             period_span(r, rep.period, short=True), r.n(len(rep.rows)),
             r.n(rep.count("done") + rep.count("done-late")), r.n(rep.count("overdue") + rep.count("not-done")),
             r.n(rep.count("due")),
             f"[CSV]({r.link(r.uris.report_csv(rep.period.key))})"] for rep in reports]
    out += ['<div class="lc-table-scroll" markdown>\n',
            md_table(["รายงาน", "ช่วงเวลา", "ครบกำหนด", "ดำเนินการแล้ว",
                              "ไม่ได้ดำเนินการภายในปีงบประมาณ" if r.data.book.closed else "เลยกำหนด",
                              "ยังไม่ถึงกำหนด", "ดาวน์โหลด"],
                     rows), "\n</div>\n",
            f"{PRINT_HINT}\n",
            f"ปฏิทินกำหนดส่งทั้งปี: [deadlines.ics]({r.link(r.uris.ics)}) · "
            f"[ความก้าวหน้าตามแผน]({r.link(r.uris.progress)})\n"]
    return "\n".join(out)
