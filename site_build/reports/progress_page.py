"""The progress page and the home-page block: share done, targets, overdue and upcoming deadlines."""

from __future__ import annotations

from site_build.markdown_text import md_cell, md_table
from site_build.reports import charts
from site_build.reports.award import Award
from site_build.reports.labels import SAMPLE_TH, TARGET_STATE_TH
from site_build.reports.progress import Progress, Share, TargetCheck
from site_build.reports.render import Renderer
from site_build.reports.targets import ProgressTarget, implied_by
from site_build.thaidate import fiscal_year_bounds


def target_text(r: Renderer, target: ProgressTarget) -> str:
    if target.source == "plan":
        return md_cell(target.label)
    return (f"เกณฑ์องค์กรคุณธรรมต้นแบบ: ดำเนินการตามแผนอย่างน้อยร้อยละ {r.n(target.percent)} "
            f"(รอบ {r.n(target.months)} เดือน)")


def check_text(r: Renderer, check: TargetCheck) -> str:
    text = TARGET_STATE_TH[check.state]
    if check.state == "open":
        text += f" (ต้องทำอีก {r.n(check.share.needed(check.target.percent))} กิจกรรมย่อย)"
    return text


def share_text(r: Renderer, share: Share) -> str:
    return f"{r.n(share.done)} จาก {r.n(share.total)} กิจกรรมย่อย (ร้อยละ {r.pct(share.percent)})"


def progress_page(r: Renderer, result: Progress) -> str:
    fy = r.plan.fiscal_year
    markers = sorted({c.target.percent for c in result.targets})
    out = r.header(f"ความก้าวหน้าตามแผนบูรณาการ ปีงบประมาณ พ.ศ. {r.n(fy)}",
                   "สัดส่วนกิจกรรมย่อยที่มีหลักฐานการดำเนินการ เทียบกับเป้าหมายของแผนและเกณฑ์องค์กรคุณธรรมต้นแบบ")
    out += ["## ภาพรวม\n",
            f'<div class="lc-progress-overall">{charts.bar(result.overall.percent, markers)}</div>\n',
            f"ดำเนินการแล้ว (มีหลักฐาน) **{share_text(r, result.overall)}** · "
            f"{result.late_th} {r.n(len(result.overdue))} รายการ · "
            f"ครบกำหนดใน {r.n(result.window_days)} วันข้างหน้า {r.n(len(result.upcoming))} รายการ\n",
            "“ดำเนินการแล้ว” หมายถึงมีบันทึกกิจกรรมหรือหลักฐานบนเว็บไซต์นี้ที่อ้างถึงกิจกรรมย่อยนั้น "
            "ขีดสีทองบนแถบคือเป้าหมายร้อยละ " + " ".join(r.n(m) for m in markers) + "\n"]
    implied = implied_by([c.target for c in result.targets])
    out += ["## เทียบกับเป้าหมาย {#targets}\n", _timeline(r, result), "",
            md_table(["วันที่", "เป้าหมาย", "ผล ณ วันนั้น (หรือ ณ วันนี้)", "สถานะ"],
                     [[r.date(c.target.date, abbr=True), target_text(r, c.target) + _implied_note(r, implied, c),
                       share_text(r, c.share), check_text(r, c)] for c in result.targets]), "",
            "จุดบนกราฟคือเป้าหมาย (จุดทึบ = บรรลุแล้ว) เส้นประคือวันที่ของข้อมูล\n"]
    out += ["## รายมาตรการ {#measures}\n",
            md_table(["มาตรการ", "ความก้าวหน้า", "ดำเนินการแล้ว", "ร้อยละ", result.late_th],
                     [[f"[มาตรการที่ {r.n(m.measure.number)}]({r.link(f'plan/{fy}/{m.measure.slug}.md')}) "
                       f"{md_cell(m.measure.title)}",
                       charts.bar(m.share.percent, markers),
                       f"{r.n(m.share.done)}/{r.n(m.share.total)}", r.pct(m.share.percent), r.n(m.overdue)]
                      for m in result.measures]), ""]
    out += _overdue(r, result) + _upcoming(r, result)
    out += ["## ดูเพิ่มเติม\n",
            f"- [สถานะการเผยแพร่ประชาสัมพันธ์]({r.link(r.uris.publicity)})",
            f"- [คะแนนสำนักดีเด่น]({r.link(r.uris.score)})",
            f"- [รายงานรายไตรมาส รอบ ๖ และ ๑๒ เดือน]({r.link(r.uris.reports)})",
            f"- [ปฏิทินกำหนดส่ง (.ics)]({r.link(r.uris.ics)}): เพิ่มในปฏิทินของโทรศัพท์หรือ Outlook "
            "แบบสมัครรับ (subscribe) เพื่อให้อัปเดตเอง", ""]
    return "\n".join(out)


def _implied_note(r: Renderer, implied: dict[str, ProgressTarget], check: TargetCheck) -> str:
    stricter = implied.get(check.target.key)
    if stricter is None:
        return ""
    return (f" (ไม่แสดงบนกราฟ: เป้าหมายร้อยละ {r.n(stricter.percent)} ภายใน {r.date(stricter.date, abbr=True)} "
            "สูงกว่าและถึงก่อน)")


def _timeline(r: Renderer, result: Progress) -> str:
    start, end = fiscal_year_bounds(r.plan.fiscal_year)
    title = f"ร้อยละของกิจกรรมย่อยที่ดำเนินการแล้ว ปีงบประมาณ พ.ศ. {r.n(r.plan.fiscal_year)}"
    desc = (f"ณ วันที่ {r.date(result.as_of)} ดำเนินการแล้ว {r.n(result.overall.done)} จาก "
            f"{r.n(result.overall.total)} กิจกรรมย่อย (ร้อยละ {r.pct(result.overall.percent)}); "
            + "; ".join(f"เป้าหมายร้อยละ {r.n(c.target.percent)} วันที่ {r.date(c.target.date)}: "
                        f"{TARGET_STATE_TH[c.state]}" for c in result.targets))
    implied = implied_by([c.target for c in result.targets])  # drawn targets rise over the year
    svg = charts.timeline(result.timeline, result.overall.total, start=start, end=end, as_of=result.as_of,
                          targets=[(c.target.date, c.target.percent, c.state == "met") for c in result.targets
                                   if c.target.key not in implied],
                          title=title, description=desc, digit_style=r.style)
    return f'<figure class="lc-chart">{svg}<figcaption>{title} (รายละเอียดในตารางด้านล่าง)</figcaption></figure>\n'


def _overdue(r: Renderer, result: Progress) -> list[str]:
    out = [f"## {result.late_th} ({r.n(len(result.overdue))}) {{#overdue}}\n"]
    if not result.overdue:
        return [*out, f"ไม่มีกิจกรรมย่อยที่{result.late_th}\n"]
    return [*out, md_table(["กิจกรรมย่อย", "กำหนดส่ง", "เลยมา", "โครงการ"],
                           [[r.item_link(o.item), r.date(o.deadline, abbr=True), f"{r.n(o.days_late)} วัน",
                             f"โครงการที่ {r.n(o.item.project.number)}"] for o in result.overdue]), ""]


def _upcoming(r: Renderer, result: Progress) -> list[str]:
    out = [f"## ครบกำหนดใน {r.n(result.window_days)} วันข้างหน้า ({r.n(len(result.upcoming))}) {{#upcoming}}\n"]
    if not result.upcoming:
        return [*out, f"ไม่มีกำหนดส่งในอีก {r.n(result.window_days)} วันข้างหน้า\n"]
    rows = []
    for u in result.upcoming:
        when = "วันนี้" if u.days_left == 0 else f"อีก {r.n(u.days_left)} วัน"
        rows.append([r.date(u.entry.date, abbr=True), when, r.item_link(u.entry.item),
                     md_cell(u.entry.deadline.label or "")])
    return [*out, md_table(["วันที่", "เหลือเวลา", "รายการ", "หมายเหตุ"], rows), ""]


HOME_BAR_ID = "lc-home-bar"


def home_chart(html: str, result: Progress) -> str:
    """Draw the home block's progress bar into its (sanitised, empty) container."""
    empty = f'<div class="lc-progress-overall" id="{HOME_BAR_ID}"></div>'
    markers = sorted({c.target.percent for c in result.targets})
    return html.replace(empty, f'<div class="lc-progress-overall" id="{HOME_BAR_ID}">'
                               f"{charts.bar(result.overall.percent, markers)}</div>", 1)


def home_block(r: Renderer, result: Progress, award_result: Award, notice: str = "") -> str:
    """Markdown for the home page (links relative to ``index.md``): the plan at a glance. ``notice``: HTML shown
    under the date (a draft plan says so there, beside the bar it qualifies)."""
    fy = r.n(r.plan.fiscal_year)
    upcoming_targets = [] if result.closed else [c for c in result.targets if c.target.date >= result.as_of]
    lines = ['<div class="lc-home-progress" markdown>\n',
             f"## ความก้าวหน้าตามแผน ปีงบประมาณ พ.ศ. {fy}\n",
             f"ข้อมูล ณ วันที่ {r.date(result.as_of)}\n",
             # The bar is drawn after the page's HTML is sanitised (home_chart): the home page is a staff
             # source page, and the sanitiser keeps <svg> but not <rect>/<line>, which left it empty.
             f'<div class="lc-progress-overall" id="{HOME_BAR_ID}"></div>\n',
             f"- ดำเนินการแล้ว **{share_text(r, result.overall)}**",
             f"- [{result.late_th} {r.n(len(result.overdue))} รายการ]({r.link(r.uris.progress, 'overdue')}) · "
             f"[ครบกำหนดใน {r.n(result.window_days)} วันข้างหน้า {r.n(len(result.upcoming))} รายการ]"
             f"({r.link(r.uris.progress, 'upcoming')})"]
    if upcoming_targets:
        nxt = upcoming_targets[0]
        lines.append(f"- เป้าหมายถัดไป: ร้อยละ {r.n(nxt.target.percent)} ภายใน {r.date(nxt.target.date)} "
                     f"({check_text(r, nxt)})")
    samples = r.samples()
    if samples:
        lines.insert(3, f'<p class="lc-sample"><strong>{SAMPLE_TH}:</strong> ตัวเลขเหล่านี้รวมหลักฐานตัวอย่าง '
                        f"{r.n(samples)} รายการ ซึ่งไม่ใช่ผลการดำเนินงานจริง</p>\n")
    if notice:
        lines.insert(3, notice)
    matrix = award_result.publicity
    if matrix.rows:
        lines.append(f"- [เผยแพร่ยังไม่ครบทุกช่องทาง {r.n(len(matrix.rows) - matrix.complete_rows)} จาก "
                     f"{r.n(len(matrix.rows))} กิจกรรม]({r.link(r.uris.publicity)})")
    lines += [f"- คะแนนสำนักดีเด่นตามหลักฐาน: {r.n(award_result.earned)} จาก {r.n(award_result.possible)} คะแนน "
              f"(ไม่รวมคะแนนการมีส่วนร่วม)",
              "",
              f"[ความก้าวหน้า]({r.link(r.uris.progress)}) · [การเผยแพร่]({r.link(r.uris.publicity)}) · "
              f"[คะแนน]({r.link(r.uris.score)}) · [รายงาน]({r.link(r.uris.reports)})\n",
              "</div>\n"]
    return "\n".join(lines)
