"""The publicity status page: the plan's rule, its score, the write-up × channel matrix and totals."""

from __future__ import annotations

from site_build.markdown_text import md_cell, md_escape, md_table
from site_build.reports.award import Award
from site_build.reports.labels import CELL_STATE_TH, LEVEL_TH
from site_build.reports.publicity import Cell, Matrix, Row, cell_state
from site_build.reports.render import Renderer

KIND_TH = {"public": "สาธารณะ", "internal": "ภายใน"}
MARK = {"done": "✅", "missing": "❌", "not-required": "–", "extra": "✅"}


def publicity_page(r: Renderer, matrix: Matrix, result: Award) -> str:
    fy = r.n(r.plan.fiscal_year)
    out = r.header(f"สถานะการเผยแพร่ประชาสัมพันธ์ ปีงบประมาณ พ.ศ. {fy}",
                   "กิจกรรมที่ดำเนินการแล้วเทียบกับช่องทางเผยแพร่ที่แผนบูรณาการกำหนด")
    out += ["ข้อกำหนดของแผน:\n", f"> {md_escape(r.plan.publicity_rule)}\n",
            "ช่องทาง “เว็บไซต์” นับให้โดยอัตโนมัติเมื่อบันทึกกิจกรรมเผยแพร่บนเว็บไซต์นี้ "
            "ช่องทางอื่นนับเมื่อบันทึกกิจกรรมระบุลิงก์ วันที่ หรือเลขที่หนังสือ (เช่น เลขที่ e-office) ไว้ในหัวข้อ publicity\n"]
    out += _rule_section(r, matrix, result)
    if not matrix.rows:
        out.append("ยังไม่มีบันทึกกิจกรรมในปีงบประมาณนี้\n")
        return "\n".join(out)
    out += _missing_list(r, matrix)
    out += ["## ตารางสถานะรายกิจกรรม\n",
            "กิจกรรมที่ยังขาดช่องทางอยู่ด้านบน ในแต่ละช่อง: ✅ เผยแพร่แล้ว (พร้อมหลักฐาน) · ❌ ยังไม่มี · "
            "– แผนไม่ได้กำหนดช่องทางนี้สำหรับกิจกรรมนี้\n",
            '<div class="lc-table-scroll lc-matrix" markdown>\n',
            md_table(["กิจกรรม", *[md_cell(c.name) for c in matrix.channels], "ครบ"],
                     [_row(r, row) for row in matrix.rows]
                     + [["**รวม**", *[f"**{r.n(t.done)}/{r.n(t.required)}**" for t in matrix.totals],
                         f"**{r.n(matrix.done)}/{r.n(matrix.required)}**"]]),
            "\n</div>\n"]
    out += ["## สรุปรายช่องทาง\n",
            md_table(["ช่องทาง", "ประเภท", "กิจกรรมที่ต้องเผยแพร่", "เผยแพร่แล้ว", "ยังไม่มี"],
                     [[md_cell(t.channel.name) + (" (อัตโนมัติ)" if t.channel.automatic else ""),
                       KIND_TH[t.channel.kind], r.n(t.required), r.n(t.done), r.n(t.missing)]
                      for t in matrix.totals]), "",
            f"ดาวน์โหลดตารางนี้: [publicity.csv]({r.link(r.uris.publicity_csv)}) (CSV, UTF-8 เปิดใน Excel ได้)\n"]
    return "\n".join(out)


def _rule_section(r: Renderer, matrix: Matrix, result: Award) -> list[str]:
    scored = [c for c in result.components if c.component.rule == "publicity"]
    out = ["## ผลตามเกณฑ์คะแนนการเผยแพร่\n",
           f"กิจกรรมที่เผยแพร่ครบทุกช่องทางที่กำหนด **{r.n(matrix.complete_rows)} จาก {r.n(len(matrix.rows))}** "
           f"กิจกรรม · ช่องทางที่เผยแพร่แล้ว {r.n(matrix.done)} จาก {r.n(matrix.required)} ช่อง "
           f"→ ผล: **{LEVEL_TH[matrix.level]}**\n"]
    rows = []
    for c in scored:
        rule = f"ครบ: {r.n(c.component.points)} คะแนน ({md_cell(c.component.full_when)})"
        if c.component.partial is not None:
            rule += f"<br>ไม่ครบ: {r.n(c.component.partial)} คะแนน ({md_cell(c.component.partial_when or '')})"
        rule += "<br>ไม่มีการเผยแพร่: ๐ คะแนน" if r.style == "thai" else "<br>ไม่มีการเผยแพร่: 0 คะแนน"
        rows.append([r.item_link(c.item, r.item_id(c.item)), md_cell(c.component.label), rule,
                     f"**{r.n(c.earned)}** / {r.n(c.component.points)}"])
    if rows:
        out += [md_table(["ข้อในแผน", "คะแนน", "เกณฑ์", "ได้ตามหลักฐาน"], rows), ""]
    return out


def _missing_list(r: Renderer, matrix: Matrix) -> list[str]:
    incomplete = [row for row in matrix.rows if not row.complete]
    if not incomplete:
        return ["ทุกกิจกรรมเผยแพร่ครบทุกช่องทางที่กำหนดแล้ว\n"]
    lines = [f"## กิจกรรมที่ยังขาดช่องทาง ({r.n(len(incomplete))})\n"]
    for row in incomplete:
        lines.append(f"- {r.writeup_link(row.writeup)} ({r.date(row.writeup.date, abbr=True)}): ขาด "
                     + ", ".join(md_cell(c.name) for c in row.missing))
    return [*lines, ""]


def _row(r: Renderer, row: Row) -> list[str]:
    w = row.writeup
    first = f"{r.writeup_link(w)}<br>{r.date(w.date, abbr=True)}"
    status = f"{r.n(row.done)}/{r.n(row.required)}" + ("" if row.complete else f" (ขาด {r.n(len(row.missing))})")
    return [first, *[_cell(r, row, cell) for cell in row.cells], status]


def _cell(r: Renderer, row: Row, cell: Cell) -> str:
    state = cell_state(cell)
    text = f'<span class="lc-pub lc-pub--{state}">{MARK[state]} {CELL_STATE_TH[state]}</span>'
    if cell.record is not None:
        text += "<br>" + r.record(cell.record)
    elif cell.automatic and state == "done":
        text += f"<br>[อัตโนมัติ]({r.link(row.writeup.uri)})"
    return text
