"""Landing pages that list every fiscal year: ``plan/``, ``progress/`` and ``reports/`` (the evidence
landing page is the evidence index overview). The years come from the plans present."""

from __future__ import annotations

from site_build.context import BuildContext, YearContext
from site_build.markdown_text import front_matter, md_cell, md_table
from site_build.status import Status
from site_build.thaidate import digits, format_date


def year_state(year: YearContext) -> str:
    """How a year stands: draft, in progress (latest), or ended with its final result."""
    if year.draft:
        return "ร่าง / ตัวอย่าง (ยังไม่ได้รับอนุมัติ)"
    if year.closed:
        return "สิ้นสุดแล้ว (ผลสุดท้าย)"
    return "ปีงบประมาณปัจจุบัน" if year.is_latest else "ยังไม่สิ้นสุด"


def _done_text(year: YearContext) -> str:
    counts = year.status().counts()
    total = sum(counts.values())
    return f"{digits(counts[Status.DONE], year.site.digits)} จาก {digits(total, year.site.digits)}"


def _years_page(ctx: BuildContext, *, title: str, intro: str, link: str, link_label: str) -> str:
    d = ctx.site.digits
    rows = []
    for year in reversed(ctx.years()):
        fy = digits(year.fiscal_year, d)
        rows.append([f"[{link_label} ปีงบประมาณ พ.ศ. {fy}]({link.format(fy=year.fiscal_year)})",
                     md_cell(year_state(year)), _done_text(year), format_date(year.as_of, digit_style=d)])
    latest = digits(ctx.plan.fiscal_year, d)
    return "\n".join([
        front_matter(title=title, description=f"{title} ทุกปีงบประมาณ ปีล่าสุด พ.ศ. {latest}"),
        f"# {title}\n", intro + "\n",
        md_table(["ปีงบประมาณ", "สถานะของปี", "กิจกรรมย่อยที่ดำเนินการแล้ว", "ข้อมูล ณ วันที่"], rows), "",
        "ปีที่สิ้นสุดแล้วแสดงผลสุดท้ายของปีนั้น: กิจกรรมย่อยแต่ละรายการ \"ดำเนินการแล้ว\" (มีหลักฐานลงวันที่ภายในปี) "
        "หรือ \"ไม่ได้ดำเนินการภายในปีงบประมาณ\" ที่อยู่ของหน้าแต่ละปีไม่เปลี่ยน จึงอ้างอิงได้ถาวร\n",
    ])


def plan_years_page(ctx: BuildContext) -> str:
    return _years_page(ctx, title="แผนบูรณาการทุกปีงบประมาณ",
                       intro="แผนบูรณาการส่งเสริมคุณธรรม จริยธรรม ความโปร่งใส และการต่อต้านการทุจริต แยกตามปีงบประมาณ",
                       link="{fy}/index.md", link_label="แผนบูรณาการ")


def progress_years_page(ctx: BuildContext) -> str:
    return _years_page(ctx, title="ความก้าวหน้าตามแผนทุกปีงบประมาณ",
                       intro="ความก้าวหน้า การเผยแพร่ และคะแนน แยกตามปีงบประมาณ",
                       link="{fy}/index.md", link_label="ความก้าวหน้า")


def reports_years_page(ctx: BuildContext) -> str:
    return _years_page(ctx, title="รายงานผลการดำเนินงานทุกปีงบประมาณ",
                       intro="รายงานรายไตรมาส รอบ ๖ เดือน และรอบ ๑๒ เดือน แยกตามปีงบประมาณ",
                       link="{fy}/index.md", link_label="รายงาน")
