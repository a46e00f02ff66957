"""The plan as pages: overview, one page per measure, one per project, and open data.

URLs carry the fiscal year (``plan/2566/measure-1/``) so an auditor's link never moves.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from site_build.context import BuildContext, YearContext
from site_build.markdown_text import front_matter, md_cell, md_escape, md_lines, md_table, rel_uri
from site_build.pages import GeneratedFile
from site_build.plan.model import Activity, Measure, Plan, Project, ScoreComponent
from site_build.plan.score import score_summary
from site_build.status import Node, Status, StatusBook, children, leaves
from site_build.thaidate import digits, format_date


def plan_base(plan: Plan) -> str:
    return f"plan/{plan.fiscal_year}/"


def project_uri(plan: Plan, project: Project) -> str:
    return f"{plan_base(plan)}project-{project.number}.md"


def item_anchor(item_id: str) -> str:
    return "item-" + item_id.replace(".", "-")


def item_url(plan: Plan, project: Project, node: Node) -> str:
    """Site-relative URL of a plan item (a project page, or an anchor on it)."""
    url = f"{plan_base(plan)}project-{project.number}/"
    return url if isinstance(node, Project) else f"{url}#{item_anchor(node.id)}"


def generate_plan_pages(ctx: BuildContext) -> Iterator[GeneratedFile]:
    """Every year's plan pages and open data, and ``plan/index.md`` listing the years."""
    from site_build.pages.years_pages import plan_years_page

    yield GeneratedFile("plan/index.md", plan_years_page(ctx))
    for year in ctx.years():
        yield from generate_year_plan_pages(year)


def generate_year_plan_pages(ctx: YearContext) -> Iterator[GeneratedFile]:
    plan = ctx.plan
    view = _View(ctx)
    yield GeneratedFile(plan_base(plan) + "index.md", view.overview())
    for measure in plan.measures:
        yield GeneratedFile(f"{plan_base(plan)}{measure.slug}.md", view.measure_page(measure))
        for project in measure.projects:
            yield GeneratedFile(project_uri(plan, project), view.project_page(measure, project))
    yield GeneratedFile(plan_base(plan) + "open-data.md", view.open_data_page())
    yield GeneratedFile(plan_base(plan) + "plan.json", plan_json(plan))
    yield GeneratedFile(plan_base(plan) + "activities.csv", activities_csv(ctx))


class _View:
    def __init__(self, ctx: YearContext) -> None:
        self.ctx = ctx
        self.plan = ctx.plan
        self.d = ctx.site.digits
        self.book: StatusBook = ctx.status()
        self.units = {u.id: u.name for u in self.plan.units}
        self.channels = {c.id: c.name for c in self.plan.channels}
        self.page_uri = plan_base(self.plan) + "index.md"

    # -- small renderers -------------------------------------------------------------------------
    def n(self, value: int | str) -> str:
        return digits(value, self.d)

    def date(self, day: object) -> str:
        return format_date(day, digit_style=self.d)  # type: ignore[arg-type]

    def deadlines(self, node: Node) -> str:
        parts = []
        for deadline in node.deadlines:
            text = self.date(deadline.date)
            if deadline.label:
                text = f"{deadline.label}: {text}"
            parts.append(text)
        if node.deadline_note:
            parts.append(node.deadline_note)
        return md_lines(parts) if parts else "–"

    def responsible(self, node: Node) -> str:
        r = node.responsible
        if r is None:
            return "–"
        lines = []
        if r.lead:
            lines.append("หลัก: " + ", ".join(self.units[u] for u in r.lead))
        if r.support:
            lines.append("สนับสนุน: " + ", ".join(self.units[u] for u in r.support))
        if r.note:
            lines.append(r.note)
        return md_lines(lines)

    def score_text(self, component: ScoreComponent) -> str:
        amount = f"{self.n(component.full)} คะแนน" if component.full is not None else "อ่านจำนวนคะแนนในต้นฉบับไม่ออก"
        text = f"{component.label}: {amount} ({component.full_when})"
        if component.partial is not None:
            text += f"; {self.n(component.partial)} คะแนน ({component.partial_when})"
        return text

    def status_badge(self, node: Node) -> str:
        status = self.book.status(node)
        return status.badge_html()

    def label(self, node: Node) -> str:
        if isinstance(node, Project):
            return f"{self.n(node.number)}. {node.title}"
        return f"{self.n(node.id)} {node.title}"

    # -- pages -----------------------------------------------------------------------------------
    def overview(self) -> str:
        plan = self.plan
        fy = self.n(plan.fiscal_year)
        all_leaves = [leaf for _, p in plan.projects() for leaf in leaves(p)]
        counts = self.book.counts(all_leaves)
        late, late_th = (Status.NOT_DONE, "ไม่ได้ดำเนินการภายในปีงบประมาณ") if self.book.closed else (
            Status.OVERDUE, "เลยกำหนด")
        out = [front_matter(title=f"แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}",
                            description=f"{plan.title} ของ{plan.organization.bureau.th} ปีงบประมาณ พ.ศ. {fy}"),
               f"# แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}\n", md_escape(plan.title) + "\n",
               f"**{md_escape(plan.organization.bureau.th)}** {md_escape(plan.organization.secretariat.th)}  ",
               f"ระยะเวลาของแผน: {self.date(plan.start)} – {self.date(plan.end)}  ",
               f"ข้อมูล ณ วันที่ {self.date(self.ctx.as_of)}\n",
               "## ภาพรวม\n",
               md_table(["มาตรการ", "โครงการ/กิจกรรม", "กิจกรรมย่อย", "ดำเนินการแล้ว", late_th], [
                   [f"[มาตรการที่ {self.n(m.number)}]({m.slug}.md) {md_cell(m.title)}",
                    self.n(len(m.projects)),
                    self.n(sum(len(leaves(p)) for p in m.projects)),
                    self.n(self.book.counts([lf for p in m.projects for lf in leaves(p)])[Status.DONE]),
                    self.n(self.book.counts([lf for p in m.projects for lf in leaves(p)])[late])]
                   for m in plan.measures]),
               "",
               f"รวม {self.n(len(plan.measures))} มาตรการ "
               f"{self.n(sum(len(m.projects) for m in plan.measures))} โครงการ/กิจกรรม "
               f"{self.n(len(all_leaves))} กิจกรรมย่อย · ดำเนินการแล้ว {self.n(counts[Status.DONE])} · "
               f"{late_th} {self.n(counts[late])}\n",
               "## เป้าหมายของแผน\n",
               md_table(["วันที่", "เป้าหมาย"], [
                   [self.date(m.date), md_cell(m.label)] for m in plan.milestones]),
               "", self.score_section(),
               "## ข้อมูลเปิด\n",
               "แผนทั้งฉบับในรูปแบบที่เครื่องอ่านได้: [plan.json](plan.json) · "
               "[กิจกรรมย่อย (CSV)](activities.csv) · [คำอธิบายข้อมูล](open-data.md)\n"]
        return "\n".join(out)

    def score_section(self) -> str:
        if self.plan.scoring is None:
            return ""  # a plan without score rules (site_build.plan.model.Plan.scoring)
        summary = score_summary(self.plan)
        d = self.n
        verdict = ("ตรงกับที่ประกาศไว้" if summary.difference == 0 else
                   f"ต่างจากที่ประกาศไว้ {d(abs(summary.difference))} คะแนน "
                   f"({'มากกว่า' if summary.difference > 0 else 'น้อยกว่า'})")
        # One row per project with score items, numbered and linked like every other project list (the
        # summary's own labels are plain text with Arabic digits: they are for the check, not for display).
        rows = []
        for _, project in self.plan.projects():
            components = [*project.score, *(c for a in project.all_activities() for c in a.score)]
            if components:
                rows.append([f"[{md_cell(self.label(project))}](project-{project.number}.md)",
                             d(sum(c.points for c in components))])
        unreadable = "".join(
            f"\n- {md_escape(label)}: {md_escape(why)}" for label, why in summary.unreadable)
        if unreadable:
            unreadable = ("\nรายการที่มีคะแนนแต่อ่านจำนวนในเอกสารต้นฉบับไม่ออก (ยังไม่นับรวม รอสำนักยืนยัน):\n"
                          + unreadable + "\n")
        lines = ["## คะแนนสำนักดีเด่น\n",
                 f"คะแนนเต็ม {d(self.plan.scoring.total)} คะแนน ประกอบด้วยโครงการ/กิจกรรมตามแผน "
                 f"{d(self.plan.scoring.plan)} คะแนน และคะแนนการมีส่วนร่วม {d(summary.participation)} คะแนน\n",
                 f'<p class="lc-score-check" data-plan-sum="{summary.plan_sum}" '
                 f'data-declared="{self.plan.scoring.plan}">'
                 f"ผลรวมคะแนนเต็มของรายการในแผนที่คำนวณจากข้อมูล: <strong>{d(summary.plan_sum)}</strong> คะแนน "
                 f"เทียบกับที่ประกาศ {d(self.plan.scoring.plan)} คะแนน: {verdict}</p>\n",
                 unreadable,
                 md_table(["โครงการ", "คะแนนเต็ม"], rows), "",
                 md_table(["คะแนนการมีส่วนร่วม", "คะแนน"],
                          [[md_cell(f"{p.label} ({p.condition})"), d(p.points)]
                           for p in self.plan.scoring.participation]), ""]
        return "\n".join(lines)

    def measure_page(self, measure: Measure) -> str:
        fy = self.n(self.plan.fiscal_year)
        rows = []
        for project in measure.projects:
            rows.append([
                f"[{md_cell(self.label(project))}](project-{project.number}.md)",
                self.status_badge(project),  # beside the name: visible without scrolling, on any screen
                md_lines(project.outputs or _collect(project, "outputs")),
                md_lines(project.outcomes or _collect(project, "outcomes")),
                self.deadlines_all(project),
                self.responsible_all(project),
                md_lines(self.score_text(c) for c in _scores(project)) or "–",
            ])
        out = [front_matter(title=f"มาตรการที่ {self.n(measure.number)} (ปีงบประมาณ {fy})",
                            description=measure.title),
               f"# มาตรการที่ {self.n(measure.number)} {md_escape(measure.title)}\n",
               f"แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy} · [ภาพรวมแผน](index.md)\n",
               "## แนวทางการดำเนินการตามมาตรการ\n",
               *[f"- **{self.n(g.id)}** {md_escape(g.title)}" for g in measure.guidelines], "",
               "## โครงการ/กิจกรรม\n",
               '<div class="lc-table-scroll lc-table-cards" markdown>\n',
               md_table(["โครงการ/กิจกรรม", "สถานะ", "ผลผลิต", "ผลลัพธ์", "กำหนดส่ง", "ผู้รับผิดชอบ",
                         "คะแนนสำนักดีเด่น"], rows),
               "\n</div>\n"]
        return "\n".join(out)

    def deadlines_all(self, project: Project) -> str:
        """Each deadline with the item it belongs to ("ข้อ ๑.๖.๑: ๗ เม.ย. ๒๕๖๖"), in date order."""
        lines: list[tuple[object, str]] = []
        for node in _walk(project):
            who = "โครงการ" if isinstance(node, Project) else f"ข้อ {self.n(node.id)}"
            for deadline in node.deadlines:
                lines.append((deadline.date, f"{who}: {self.date(deadline.date)}"))
            if node.deadline_note:
                lines.append((None, f"{who}: {node.deadline_note}"))
        ordered = sorted((x for x in lines if x[0] is not None), key=lambda x: (x[0], x[1]))
        ordered += [x for x in lines if x[0] is None]
        return md_lines(dict.fromkeys(text for _, text in ordered)) or "–"

    def responsible_all(self, project: Project) -> str:
        ids: list[str] = []
        for node in _walk(project):
            if node.responsible:
                for u in (*node.responsible.lead, *node.responsible.support):
                    if u not in ids:
                        ids.append(u)
        return md_lines(self.units[u] for u in ids) or "–"

    def project_page(self, measure: Measure, project: Project) -> str:
        fy = self.n(self.plan.fiscal_year)
        out = [front_matter(title=f"โครงการที่ {self.n(project.number)} {project.title}",
                            description=f"มาตรการที่ {measure.number} แผนบูรณาการ ปีงบประมาณ พ.ศ. "
                                        f"{self.plan.fiscal_year}: {project.title}"),
               f"# {md_escape(self.label(project))}\n",
               f"[มาตรการที่ {self.n(measure.number)}]({measure.slug}.md) · แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy} · "
               f"สถานะ: {self.status_badge(project)}\n"]
        self.page_uri = project_uri(self.plan, project)
        out.append(self.node_body(project, level=2, heading=False))
        for activity in project.activities:
            out.append(self.activity_section(activity, level=2))
        return "\n".join(out)

    def activity_section(self, activity: Activity, level: int) -> str:
        hashes = "#" * min(level, 6)
        lines = [f"{hashes} {md_escape(self.label(activity))} {{#{item_anchor(activity.id)}}}\n",
                 f"สถานะ: {self.status_badge(activity)}\n",
                 self.node_body(activity, level=level + 1, heading=True)]
        for part in activity.parts:
            lines.append(self.activity_section(part, level + 1))
        return "\n".join(lines)

    def node_body(self, node: Node, *, level: int, heading: bool) -> str:
        lines: list[str] = []
        if node.details:
            lines += [f"- {md_escape(x)}" for x in node.details] + [""]
        facts: list[list[str]] = []
        if node.outputs:
            facts.append(["ผลผลิต", md_lines(node.outputs)])
        if node.outcomes:
            facts.append(["ผลลัพธ์", md_lines(node.outcomes)])
        if node.targets:
            facts.append(["ตัวชี้วัด/เป้าหมาย", md_lines(t.text for t in node.targets)])
        if node.deadlines or node.deadline_note:
            facts.append(["กำหนดส่ง", self.deadlines(node)])
        if node.responsible:
            facts.append(["ผู้รับผิดชอบ", self.responsible(node)])
        if node.score:
            facts.append(["คะแนนสำนักดีเด่น", md_lines(self.score_text(c) for c in node.score)])
        if node.publicity:
            facts.append(["ช่องทางเผยแพร่ที่กำหนด", md_lines(self.channels[c] for c in node.publicity)])
        if node.note:
            facts.append(["หมายเหตุ", md_cell(node.note)])
        if facts:
            lines += [md_table(["หัวข้อ", "รายละเอียด"], facts), ""]
        if not children(node):
            lines.append(self.evidence_block(node))
        return "\n".join(lines)

    def evidence_block(self, node: Node) -> str:
        items = self.book.evidence_for(node)
        if not items:
            return "หลักฐานการดำเนินการ: ยังไม่มี\n"
        links = [f"- [{md_escape(e.title)}]({rel_uri(self.page_uri, e.source())}) ({self.date(e.date)})"
                 + (" — ตัวอย่าง" if e.sample else "") for e in items]
        return "หลักฐานการดำเนินการ:\n\n" + "\n".join(links) + "\n"

    def open_data_page(self) -> str:
        fy = self.n(self.plan.fiscal_year)
        return "\n".join([
            front_matter(title=f"ข้อมูลเปิด: แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}",
                         description="แผนบูรณาการในรูปแบบ JSON และ CSV สำหรับนำไปใช้ต่อ"),
            f"# ข้อมูลเปิด: แผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}\n",
            "แผนทั้งฉบับเผยแพร่เป็นข้อมูลที่เครื่องอ่านได้ สร้างจากแหล่งข้อมูลเดียวกับหน้าเว็บ "
            "จึงตรงกันเสมอ\n",
            md_table(["ไฟล์", "รูปแบบ", "เนื้อหา"], [
                ["[plan.json](plan.json)", "JSON (UTF-8)",
                 "แผนทั้งฉบับ: หน่วยงาน มาตรการ แนวทาง โครงการ กิจกรรมย่อย ผลผลิต ผลลัพธ์ กำหนดส่ง (ISO 8601) "
                 "ผู้รับผิดชอบ เกณฑ์คะแนน ช่องทางเผยแพร่"],
                ["[activities.csv](activities.csv)", "CSV (UTF-8 with BOM, เปิดใน Excel ได้)",
                 "หนึ่งแถวต่อกิจกรรมย่อย: รหัส ชื่อ มาตรการ โครงการ กำหนดส่ง ผู้รับผิดชอบ คะแนนเต็ม สถานะ"],
            ]), "",
            "## คอลัมน์ของ activities.csv\n",
            md_table(["คอลัมน์", "ความหมาย"], [[md_cell(k), md_cell(v) + (f" เช่น `{CSV_EXAMPLES[k]}` (ในไฟล์เป็นเลขอารบิก)"
                                                                         if k in CSV_EXAMPLES else "")]
                                         for k, v in CSV_COLUMNS]), "",
            "วันที่ในไฟล์ข้อมูลใช้ปี ค.ศ. รูปแบบ ISO 8601 (YYYY-MM-DD); สถานะคำนวณ ณ วันที่สร้างเว็บไซต์\n",
        ])


CSV_COLUMNS = [
    ("id", "รหัสกิจกรรมย่อย"),
    ("measure", "เลขมาตรการ"),
    ("project", "เลขโครงการ/กิจกรรม"),
    ("title", "ชื่อกิจกรรมย่อย"),
    ("deadlines", "กำหนดส่ง (ISO 8601, คั่นด้วย ;)"),
    ("lead_units", "หน่วยงานหลัก"),
    ("support_units", "หน่วยงานสนับสนุน"),
    ("score_full", "คะแนนเต็มของกิจกรรมนี้"),
    ("status", "done / due / overdue / not-done (ปีที่สิ้นสุดแล้ว: ไม่ได้ดำเนินการภายในปีงบประมาณ)"),
    ("evidence_urls", "หน้าหลักฐานบนเว็บไซต์นี้ (คั่นด้วย ;)"),
    ("url", "หน้าของกิจกรรมบนเว็บไซต์นี้"),
]


CSV_EXAMPLES = {"id": "1.6.1"}
"""Literal values of the file, shown as code: the data is machine-readable, so its digits are Arabic."""


def plan_json(plan: Plan) -> str:
    data = plan.model_dump(mode="json", exclude_none=True)
    if not data.get("draft"):
        data.pop("draft", None)  # an adopted plan's open data reads as it always did
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def activities_csv(ctx: BuildContext | YearContext) -> bytes:
    plan, book = ctx.plan, ctx.status()
    units = {u.id: u.name for u in plan.units}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c for c, _ in CSV_COLUMNS])
    for measure, project in plan.projects():
        for leaf in leaves(project):
            resp = leaf.responsible
            writer.writerow([
                leaf.id, measure.number, project.number, leaf.title,
                ";".join(d.date.isoformat() for d in leaf.deadlines),
                ";".join(units[u] for u in resp.lead) if resp else "",
                ";".join(units[u] for u in resp.support) if resp else "",
                sum(c.points for c in leaf.score),
                book.leaf_status(leaf).value,
                ";".join(ctx.site.absolute(e.url) for e in book.evidence_for(leaf)),
                ctx.site.absolute(item_url(plan, project, leaf)),
            ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _walk(project: Project) -> Iterator[Node]:
    yield project
    yield from project.all_activities()


def _collect(project: Project, attr: str) -> list[str]:
    return [x for a in project.all_activities() for x in getattr(a, attr)]


def _scores(project: Project) -> list[ScoreComponent]:
    return [c for node in _walk(project) for c in node.score]
