"""A document version as a page: the accessible text framed by the facts an auditor checks.

The page itself is the document (searchable, readable on a phone); the signed original is the proof,
offered beside its size and SHA-256. Superseded and withdrawn versions carry a banner linking to the
version in force; samples say so before anything else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from site_build.documents.load import DocumentSet
from site_build.documents.model import (
    KIND_PLURAL_LABELS,
    UNKNOWN_DATE_TH,
    UNKNOWN_NUMBER_TH,
    Document,
)
from site_build.documents.originals import LockEntry
from site_build.markdown_text import md_cell, md_escape, md_table, rel_uri
from site_build.thaidate import Digits, digits, format_date


@dataclass
class RenderSettings:
    """What a document page needs from the build besides the documents."""

    digit_style: Digits = "thai"
    absolute: Callable[[str], str] = lambda url: "/" + url
    evidence_years: Collection[int] = ()
    plan_item_uri: Callable[[str, int], str | None] = lambda item_id, fy: None  # (id, doc's FY) → "plan/...md#item-.."
    lock: dict[str, LockEntry] = field(default_factory=dict)


def format_size(size: int, digit_style: Digits) -> str:
    """``12345`` → ``๑๒.๑ กิโลไบต์ หรือ ๑๒,๓๔๕ ไบต์``."""
    exact = digits(f"{size:,}", digit_style) + " ไบต์"
    if size < 1024:
        return exact
    value, unit = (size / 1024, "กิโลไบต์") if size < 1024 * 1024 else (size / 1024 / 1024, "เมกะไบต์")
    return f"{digits(f'{value:.1f}', digit_style)} {unit} หรือ {exact}"


def show_date(day: dt.date | None, digit_style: Digits) -> str:
    return format_date(day, digit_style=digit_style) if day else UNKNOWN_DATE_TH


def doc_label(doc: Document, digit_style: Digits) -> str:
    """Title with its version year, for links: ``ประกาศนโยบายไม่รับของขวัญ (ฉบับปี ๒๕๖๖)``."""
    return f"{doc.meta.title} (ฉบับปี {digits(doc.version, digit_style)})"


def link(from_uri: str, doc: Document, digit_style: Digits) -> str:
    return f"[{md_escape(doc_label(doc, digit_style))}]({rel_uri(from_uri, doc.src_uri)})"


def render_document(doc: Document, docs: DocumentSet, body: str, settings: RenderSettings) -> str:
    """The page's Markdown: title, banners, facts, the text, the original, change notes, other versions."""
    d = settings.digit_style
    meta = doc.meta
    here = doc.src_uri
    out = [f"# {md_escape(meta.title)}\n"]
    out += _banners(doc, docs, settings)
    out.append(_facts(doc, docs, settings))
    if meta.summary:
        out.append(f"\n{md_escape(meta.summary)}\n")
    out.append(f"\n## ข้อความของเอกสาร {{#text}}\n\n{body.strip()}\n")
    out.append(_original_section(doc, settings))
    if meta.change_notes:
        out.append("\n## บันทึกการเปลี่ยนแปลง {#change-notes}\n")
        out.append(md_table(["วันที่", "รายละเอียด"], [
            [format_date(n.date, digit_style=d), md_cell(n.note)]
            for n in sorted(meta.change_notes, key=lambda n: n.date, reverse=True)]))
    versions = docs.versions(doc)
    if len(versions) > 1:
        out.append("\n## ฉบับอื่นของเอกสารนี้ {#versions}\n")
        rows = []
        for other in reversed(versions):
            name = "ฉบับนี้" if other.id == doc.id else link(here, other, d)
            rows.append([name, digits(other.meta.fiscal_year, d), other.shown_status_th,
                         show_date(other.meta.signed_on, d)])
        out.append(md_table(["ฉบับ", "ปีงบประมาณ", "สถานะ", "วันที่ลงนาม"], rows))
    out.append(f"\n[ทะเบียนประกาศ นโยบาย และคำสั่งทั้งหมด]({rel_uri(here, 'register/index.md')}) · "
               f"[ทุกฉบับของเอกสารนี้]({rel_uri(here, doc.series_uri)})\n")
    return "\n".join(out)


def _banners(doc: Document, docs: DocumentSet, settings: RenderSettings) -> list[str]:
    d = settings.digit_style
    meta = doc.meta
    out: list[str] = []
    current = docs.current(doc)
    current_text = (f"{current_label(current)}: {link(doc.src_uri, current, d)}" if current and current.id != doc.id
                    else "ขณะนี้ไม่มีฉบับที่ใช้บังคับแทน")
    if meta.status == "superseded":
        newer = docs.superseded_by(doc)
        by = f"โดย {link(doc.src_uri, newer, d)} " if newer else ""
        out.append(f'!!! danger lc-superseded "ฉบับนี้ถูกแทนที่แล้ว"\n\n'
                   f"    เอกสารฉบับนี้ถูกแทนที่{by}และไม่ใช้บังคับแล้ว เก็บไว้เพื่อการตรวจสอบย้อนหลัง  \n"
                   f"    {current_text}\n")
    elif meta.status == "withdrawn":
        when = f"เมื่อ {format_date(meta.withdrawn_on, digit_style=d)} " if meta.withdrawn_on else ""
        out.append(f'!!! danger lc-withdrawn "ยกเลิกแล้ว"\n\n'
                   f"    เอกสารฉบับนี้ถูกยกเลิก{when}และไม่ใช้บังคับแล้ว เก็บไว้เพื่อการตรวจสอบย้อนหลัง  \n"
                   f"    {current_text}\n")
    if doc.shown_status in ("dates_unknown", "effective_unknown"):
        missing = "วันที่ลงนามและวันที่มีผลใช้บังคับ" if doc.shown_status == "dates_unknown" else "วันที่มีผลใช้บังคับ"
        out.append(f'!!! note lc-dates-unknown "{doc.shown_status_th}"\n\n'
                   f"    เอกสารต้นทางไม่ระบุ{missing}ของฉบับนี้ หน้านี้จึงไม่แสดงว่าใช้บังคับแล้ว "
                   "แสดงเฉพาะข้อมูลที่ทราบ เมื่อได้ต้นฉบับที่ลงนามแล้วจะเพิ่มวันที่ตามต้นฉบับ\n")
    if meta.sample:
        out.append('!!! warning lc-sample-banner "ตัวอย่าง: ไม่ใช่ถ้อยคำที่ลงนามจริง"\n\n'
                   "    ข้อความในหน้านี้เป็น**ตัวอย่าง** เอกสารต้นทางระบุเพียงชื่อเรื่อง "
                   "สำนักกรรมาธิการ ๒ ต้องแทนที่ด้วยถ้อยคำตามต้นฉบับที่ลงนามแล้ว "
                   "และเปลี่ยน `sample: true` เป็น `sample: false`\n")
    return out


def _facts(doc: Document, docs: DocumentSet, settings: RenderSettings) -> str:
    d = settings.digit_style
    meta = doc.meta
    status = doc.shown_status_th
    newer = docs.superseded_by(doc)
    if meta.status == "superseded" and newer:
        status += f" โดย {link(doc.src_uri, newer, d)}"
    if meta.status == "withdrawn" and meta.withdrawn_on:
        status += f" เมื่อ {format_date(meta.withdrawn_on, digit_style=d)}"
    rows = [
        ["ประเภท", KIND_PLURAL_LABELS[meta.kind] + (" (ตัวอย่าง)" if meta.sample else "")],
        ["เลขที่", md_cell(digits(meta.number, d)) if meta.number else UNKNOWN_NUMBER_TH],
        ["ปีงบประมาณ", f"พ.ศ. {digits(meta.fiscal_year, d)}"],
        ["ผู้ลงนาม", md_cell(f"{meta.signed_by.name} {meta.signed_by.position}")],
        ["วันที่ลงนาม", show_date(meta.signed_on, d)],
        ["วันที่มีผลใช้บังคับ", show_date(meta.effective_on, d)],
        ["สถานะ", f'<span class="lc-doc-status lc-doc-status--{doc.shown_status}">{status}</span>'],
    ]
    old = docs.by_id.get(meta.supersedes or "")
    if old is not None:
        rows.append(["แทนที่ฉบับ", link(doc.src_uri, old, d)])
    rows.append(["ต้นฉบับที่ลงนาม", _download(doc, d)])
    rows.append(["SHA-256 ของต้นฉบับ", f'<code class="lc-sha256">{doc.original.sha256}</code>'])
    rows.append(["ที่อยู่ถาวรของหน้านี้", f"<{settings.absolute(doc.url)}>"])
    evidence = _evidence_links(doc, settings)
    if evidence:
        rows.append(["ใช้เป็นหลักฐาน", evidence])
    return md_table(["หัวข้อ", "รายละเอียด"], rows) + "\n"


def current_label(doc: Document) -> str:
    """How a series names its current version: "in force" only when its effective date is known."""
    return "ฉบับที่ใช้บังคับในปัจจุบัน" if doc.shown_status == "in_force" else "ฉบับล่าสุด"


def _download(doc: Document, d: Digits) -> str:
    sample = " — ไฟล์ตัวอย่าง ไม่ใช่ต้นฉบับจริง" if doc.meta.original.sample else ""
    return (f"[ดาวน์โหลด {md_escape(doc.original.name)}]({doc.original.name}) "
            f"{doc.original.media} ขนาด {format_size(doc.original.size, d)}{sample}")


def _evidence_links(doc: Document, settings: RenderSettings) -> str:
    parts: list[str] = []
    year = doc.meta.fiscal_year
    for code in doc.meta.evidence:
        if year in settings.evidence_years:
            target = rel_uri(doc.src_uri, f"evidence/{year}/index.md") + f"#{evidence_anchor(code)}"
            parts.append(f"[{md_escape(code)} ({digits(year, settings.digit_style)})]({target})")
        else:
            parts.append(md_escape(code))
    for item_id in doc.meta.plan_items:
        uri = settings.plan_item_uri(item_id, doc.meta.fiscal_year)
        text = f"แผนข้อ {digits(item_id, settings.digit_style)}"
        if uri:
            page, _, anchor = uri.partition("#")
            parts.append(f"[{text}]({rel_uri(doc.src_uri, page)}{'#' + anchor if anchor else ''})")
        else:
            parts.append(text)
    return " · ".join(parts)


def evidence_anchor(code: str) -> str:
    return "ev-" + "".join(ch if ch.isalnum() else "-" for ch in code.lower())


def _original_section(doc: Document, settings: RenderSettings) -> str:
    d = settings.digit_style
    original = doc.original
    out = ["\n## ต้นฉบับที่ลงนาม {#original}\n"]
    if doc.meta.original.sample:
        out.append('!!! warning lc-sample-banner "ไฟล์ตัวอย่าง: ไม่ใช่ต้นฉบับจริง"\n\n'
                   "    ยังไม่มีไฟล์สแกนต้นฉบับที่ลงนามแล้วในเว็บไซต์นี้ ไฟล์ด้านล่างเป็นไฟล์ตัวอย่างที่ระบบสร้างขึ้น "
                   "เพื่อแสดงรูปแบบเท่านั้น สำนักกรรมาธิการ ๒ ต้องนำไฟล์สแกนต้นฉบับจริงมาแทน\n")
    out.append(f"{md_escape(doc.meta.original.description)}\n")
    out.append(f"- {_download(doc, d)}")
    out.append(f'- SHA-256: <code class="lc-sha256">{original.sha256}</code>')
    entry = settings.lock.get(doc.id)
    if entry is not None:
        out.append(f"- บันทึกลายนิ้วมือ (SHA-256) ของไฟล์นี้ไว้เมื่อ {format_date(entry.locked_on, digit_style=d)} "
                   "ระบบสร้างเว็บไซต์คำนวณใหม่ทุกครั้งและจะไม่เผยแพร่หากไฟล์ถูกเปลี่ยน")
    out.append("\nตรวจสอบไฟล์ที่ดาวน์โหลดว่าตรงกับต้นฉบับ: บน Windows ใช้คำสั่ง "
               f"`certutil -hashfile {original.name} SHA256` บน macOS หรือ Linux ใช้คำสั่ง "
               f"`shasum -a 256 {original.name}` แล้วเทียบกับค่า SHA-256 ข้างต้น\n")
    return "\n".join(out)
