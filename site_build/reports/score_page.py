"""The award score page: earned so far, still possible, how to earn it, and the declared split checked."""

from __future__ import annotations

from site_build.markdown_text import md_cell, md_escape, md_table
from site_build.reports import charts
from site_build.reports.award import Award, ComponentScore
from site_build.reports.labels import CONFIRM_TH, LEVEL_TH
from site_build.reports.render import Renderer


def score_page(r: Renderer, result: Award) -> str:
    fy = r.n(r.plan.fiscal_year)
    s = result.summary
    out = r.header(f"คะแนนสำนักดีเด่น ปีงบประมาณ พ.ศ. {fy}",
                   "คะแนนสำนักดีเด่นที่ได้ตามหลักฐานบนเว็บไซต์ คะแนนที่ยังได้อีก และหลักฐานที่ต้องมี")
    if r.plan.scoring is None and not result.components:
        return "\n".join([*out, "แผนของปีงบประมาณนี้ไม่มีเกณฑ์คะแนน จึงไม่มีคะแนนให้แสดง\n"])
    percent = 100 * result.earned / result.possible if result.possible else 0.0
    out += ["## สรุป\n",
            f'<div class="lc-progress-overall">{charts.bar(percent)}</div>\n',
            f"- ได้ตามหลักฐานแล้ว **{r.n(result.earned)}** คะแนน จากคะแนนเต็มของรายการในแผน "
            f"{r.n(result.possible)} คะแนน · ยังได้อีก {r.n(result.remaining)} คะแนน",
            f"- คะแนนการมีส่วนร่วม {r.n(result.participation_points)} คะแนน: {CONFIRM_TH} "
            "(บันทึกกิจกรรมแสดงหลักฐานส่วนนี้ไม่ได้ จึงยังนับเป็น ๐)",
            f"- คะแนนเต็มที่ประกาศ {r.n(s.declared_total)} คะแนน", "",
            _denominators(r, result), ""]
    out += _check(r, result)
    out += ["## รายการคะแนนตามแผน\n",
            "“ได้แล้ว” นับจากบันทึกกิจกรรมที่อ้างถึงข้อนั้น (คะแนนบางส่วนเมื่อบันทึกระบุ score_level: partial) "
            "และข้อที่ใช้เกณฑ์การเผยแพร่นับจาก[ตารางสถานะการเผยแพร่]"
            f"({r.link(r.uris.publicity)})\n",
            '<div class="lc-table-scroll" markdown>\n',
            md_table(["ข้อในแผน", "รายการ", "เต็ม", "ได้แล้ว", "ยังได้อีก", "หลักฐาน", "จะได้คะแนนเมื่อ"],
                     [_row(r, c) for c in result.components]
                     + [["**รวม**", "", f"**{r.n(result.possible)}**", f"**{r.n(result.earned)}**",
                         f"**{r.n(result.remaining)}**", "", ""]]),
            "\n</div>\n"]
    out += ["## คะแนนการมีส่วนร่วม\n",
            md_table(["รายการ", "เงื่อนไข", "คะแนน", "ได้แล้ว", "สถานะ"],
                     [[md_cell(p.label), md_cell(p.condition), r.n(p.points), r.n(0), CONFIRM_TH]
                      for p in result.participation]), "",
            f"ดาวน์โหลด: [score.csv]({r.link(r.uris.score_csv)}) (CSV, UTF-8 เปิดใน Excel ได้)\n"]
    return "\n".join(out)


def _denominators(r: Renderer, result: Award) -> str:
    """One sentence that ties the page's three totals together, from the plan's data (FY 2566: 300 = 270 + 30,
    and the items add up to 240 because project 2's two amounts are unreadable in the seed)."""
    s = result.summary
    text = (f"คะแนนเต็ม {r.n(s.declared_total)} คะแนน คือคะแนนโครงการ/กิจกรรมตามแผน {r.n(s.declared_plan)} คะแนน "
            f"รวมกับคะแนนการมีส่วนร่วม {r.n(s.declared_total - s.declared_plan)} คะแนน")
    if s.plan_sum == s.declared_plan:
        return text + f" และรายการคะแนนในแผนรวมได้ {r.n(s.plan_sum)} คะแนนตรงกับที่ประกาศ"
    unknown = [c for c in result.components if c.unknown]
    projects = sorted({c.item.project.number for c in unknown})
    where = " ".join(f"ที่ {r.n(n)}" for n in projects)
    text += f" ส่วนรายการคะแนนในแผนรวมได้ {r.n(s.plan_sum)} คะแนน"
    if unknown:
        text += (f" ต่างจากที่ประกาศ {r.n(abs(s.difference))} คะแนน เพราะต้นฉบับพิมพ์จำนวนคะแนนของ "
                 f"{r.n(len(unknown))} รายการในโครงการ{where} ไม่ชัด จึงยังไม่นับ")
    else:
        text += f" ต่างจากที่ประกาศ {r.n(abs(s.difference))} คะแนน"
    return text + f" คะแนนที่ได้ตามหลักฐานจึงคิดจาก {r.n(result.possible)} คะแนน"


def _check(r: Renderer, result: Award) -> list[str]:
    s = result.summary
    declared_participation = s.declared_total - s.declared_plan

    def diff(value: int) -> str:
        return "ตรงกัน" if value == 0 else f"ต่าง {'+' if value > 0 else '−'}{r.n(abs(value))}"

    rows = [["โครงการ/กิจกรรมตามแผน", r.n(s.declared_plan), r.n(s.plan_sum), diff(s.difference)],
            ["การมีส่วนร่วม", r.n(declared_participation), r.n(s.participation),
             diff(s.participation - declared_participation)],
            ["**รวม**", f"**{r.n(s.declared_total)}**", f"**{r.n(result.computed_total)}**",
             f"**{diff(result.total_difference)}**"]]
    out = ["## ตรวจสอบคะแนนที่ประกาศกับผลรวมรายการ\n",
           md_table(["ส่วน", "ที่ประกาศในแผน", "ผลรวมจากรายการในแผน", "ผล"], rows), ""]
    if s.difference or result.total_difference:
        out += ['!!! warning "ผลรวมไม่ตรงกับที่ประกาศ"\n',
                f"    รายการคะแนนที่บันทึกในแผนรวมได้ {r.n(s.plan_sum)} คะแนน แต่แผนประกาศ {r.n(s.declared_plan)} "
                f"คะแนน (ต่าง {r.n(abs(s.difference))} คะแนน) ดูหมายเหตุของแต่ละข้อใน"
                f"[แผนบูรณาการ]({r.link(r.uris.plan)})\n"]
        if s.unreadable:
            out += [f"    รายการที่ต้นฉบับพิมพ์จำนวนคะแนนไม่ชัด จึงยังไม่นับรวม ({r.n(len(s.unreadable))} รายการ):\n"]
            out += [f"    - {md_cell(label)}: {md_cell(why)}" for label, why in s.unreadable] + [""]
    if r.plan.scoring is not None and r.plan.scoring.note:
        out.append(f"หมายเหตุของแผน: {md_escape(r.plan.scoring.note)}\n")
    return out


def _points(r: Renderer, c: ComponentScore) -> str:
    return "ไม่ทราบ" if c.unknown else r.n(c.component.points)


def _row(r: Renderer, c: ComponentScore) -> list[str]:
    comp = c.component
    if c.level == "full" and not c.unknown:
        how = "ได้ครบแล้ว"
    else:
        how = md_cell(comp.full_when) + f" ({_points(r, c)} คะแนน)"
        if comp.partial is not None and c.level == "none":
            how += f"<br>หรือ {md_cell(comp.partial_when or '')} ({r.n(comp.partial)} คะแนน)"
        if comp.rule == "publicity":
            how += f"<br>ดู[ช่องทางที่ยังขาด]({r.link(r.uris.publicity)})"
    if c.unknown:
        how += f"<br>คะแนนเต็มอ่านไม่ออกในต้นฉบับ: {md_cell(comp.uncertain or '')}"
    evidence = r.evidence(c.evidence) if comp.rule == "evidence" else LEVEL_TH[c.level]
    earned = "ไม่ทราบ" if c.unknown and c.level != "none" else r.n(c.earned)
    remaining = "ไม่ทราบ" if c.unknown else r.n(c.remaining)
    return [r.item_link(c.item, r.item_id(c.item)), md_cell(comp.label), _points(r, c), f"**{earned}**", remaining,
            evidence, how]
