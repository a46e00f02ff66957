"""The register of documents (ทะเบียนประกาศ นโยบาย และคำสั่ง) and the pages that index them.

- ``register/index.md``: every version with number, title, dates, signer and status; plus
  ``register/documents.csv`` (UTF-8 with BOM) and ``register/documents.json`` with checksums.
- ``policies/index.md``, ``declarations/index.md``, ``orders/index.md``: one kind, current versions first.
- ``<kind dir>/<slug>/index.md``: one document's stable "current version" page with every version.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from site_build.documents.load import DocumentSet
from site_build.documents.model import (
    KIND_DIRS,
    KIND_PLURAL_LABELS,
    UNKNOWN_NUMBER_TH,
    Document,
)
from site_build.documents.render import RenderSettings, current_label, format_size, link, show_date
from site_build.markdown_text import front_matter, md_cell, md_escape, md_table, rel_uri
from site_build.pages import GeneratedFile
from site_build.thaidate import Digits, digits

REGISTER_URI = "register/index.md"
REGISTER_CSV = "register/documents.csv"
REGISTER_JSON = "register/documents.json"
KIND_ORDER = ("policy", "declaration", "order")


def generate_register_pages(docs: DocumentSet, settings: RenderSettings) -> Iterator[GeneratedFile]:
    yield GeneratedFile(REGISTER_URI, register_page(docs, settings))
    yield GeneratedFile(REGISTER_CSV, register_csv(docs, settings))
    yield GeneratedFile(REGISTER_JSON, register_json(docs, settings))
    for kind in KIND_ORDER:
        yield GeneratedFile(f"{KIND_DIRS[kind]}/index.md", kind_page(docs, kind, settings))
    for versions in docs.series().values():
        yield GeneratedFile(versions[0].series_uri, series_page(docs, versions, settings))


def _number(doc: Document, d: Digits) -> str:
    return md_cell(digits(doc.meta.number, d)) if doc.meta.number else UNKNOWN_NUMBER_TH


def _status(doc: Document, here: str, docs: DocumentSet, d: Digits) -> str:
    text = f'<span class="lc-doc-status lc-doc-status--{doc.shown_status}">{doc.shown_status_th}</span>'
    newer = docs.superseded_by(doc)
    if doc.meta.status == "superseded" and newer:
        text += f"<br>แทนที่โดย {link(here, newer, d)}"
    if doc.meta.sample:
        text += "<br>ข้อความตัวอย่าง"
    return text


def _rows(docs: list[Document], here: str, all_docs: DocumentSet, d: Digits) -> list[list[str]]:
    return [[_number(doc, d), link(here, doc, d), KIND_PLURAL_LABELS[doc.kind],
             show_date(doc.meta.signed_on, d), show_date(doc.meta.effective_on, d),
             md_cell(f"{doc.meta.signed_by.name} {doc.meta.signed_by.position}"), _status(doc, here, all_docs, d)]
            for doc in docs]


HEADERS = ["เลขที่", "เรื่อง", "ประเภท", "วันที่ลงนาม", "วันที่มีผล", "ผู้ลงนาม", "สถานะ"]


def register_page(docs: DocumentSet, settings: RenderSettings) -> str:
    d = settings.digit_style
    here = REGISTER_URI
    ordered = sorted(docs.docs, key=lambda x: (-x.meta.fiscal_year, KIND_ORDER.index(x.kind), x.meta.title))
    out = [front_matter(title="ทะเบียนประกาศ นโยบาย และคำสั่ง",
                        description="ทะเบียนประกาศเจตนารมณ์ นโยบาย และคำสั่งของสำนักกรรมาธิการ ๒ ทุกฉบับ "
                                    "พร้อมเลขที่ วันที่ ผู้ลงนาม สถานะ และต้นฉบับที่ลงนาม"),
           "# ทะเบียนประกาศ นโยบาย และคำสั่ง\n",
           "เอกสารทุกฉบับของสำนักกรรมาธิการ ๒ ทั้งฉบับที่ใช้บังคับ ฉบับที่ถูกแทนที่ และฉบับที่ยกเลิก "
           "แต่ละฉบับมีที่อยู่ถาวรตามปีงบประมาณ (เช่น `/policies/no-gift/2566/`) ซึ่งไม่เปลี่ยนแปลง "
           "ฉบับเก่าเก็บไว้เสมอ ไม่เขียนทับ\n",
           f"ข้อมูลเดียวกันในรูปแบบที่เครื่องอ่านได้ (รวม SHA-256 ของต้นฉบับ): "
           f"[documents.csv]({rel_uri(here, REGISTER_CSV)}) (UTF-8, เปิดใน Excel ได้) · "
           f"[documents.json]({rel_uri(here, REGISTER_JSON)})\n"]
    if not ordered:
        out.append("ยังไม่มีเอกสาร\n")
        return "\n".join(out)
    for year in sorted({doc.meta.fiscal_year for doc in ordered}, reverse=True):
        out.append(f"## ปีงบประมาณ พ.ศ. {digits(year, d)}\n")
        out.append('<div class="lc-table-scroll" markdown>\n')
        out.append(md_table(HEADERS, _rows([x for x in ordered if x.meta.fiscal_year == year], here, docs, d)))
        out.append("\n</div>\n")
    samples = sum(1 for doc in ordered if doc.meta.sample or doc.meta.original.sample)
    if samples:
        out.append(f"หมายเหตุ: เอกสาร {digits(samples, d)} ฉบับยังมีข้อความหรือไฟล์ต้นฉบับเป็น**ตัวอย่าง** "
                   "(ระบุไว้ในหน้าของแต่ละฉบับ) สำนักกรรมาธิการ ๒ ต้องนำถ้อยคำและไฟล์สแกนที่ลงนามจริงมาแทน\n")
    return "\n".join(out)


def kind_page(docs: DocumentSet, kind: str, settings: RenderSettings) -> str:
    d = settings.digit_style
    here = f"{KIND_DIRS[kind]}/index.md"
    label = KIND_PLURAL_LABELS[kind]
    mine = [doc for doc in docs.docs if doc.kind == kind]
    out = [front_matter(title=label, description=f"{label}ของสำนักกรรมาธิการ ๒ ทุกเรื่อง ฉบับที่ใช้บังคับและฉบับก่อนหน้า"),
           f"# {label}\n",
           f"[ทะเบียนประกาศ นโยบาย และคำสั่งทั้งหมด]({rel_uri(here, REGISTER_URI)})\n"]
    if not mine:
        out.append(f"ยังไม่มี{label}ในเว็บไซต์นี้\n")
        return "\n".join(out)
    rows = []
    for versions in docs.series().values():
        if versions[0].kind != kind:
            continue
        current = docs.in_force(versions[0].series)
        shown = current or versions[-1]
        now = "ไม่มีฉบับที่ใช้บังคับ"
        if current is not None:
            now = link(here, current, d) + ("" if current.shown_status == "in_force"
                                            else f" ({current.shown_status_th})")
        rows.append([f"[{md_escape(shown.meta.title)}]({rel_uri(here, shown.series_uri)})", now,
                     digits(len(versions), d)])
    out.append(md_table(["เรื่อง", "ฉบับปัจจุบัน", "จำนวนฉบับ"], rows))
    return "\n".join(out) + "\n"


def series_page(docs: DocumentSet, versions: list[Document], settings: RenderSettings) -> str:
    d = settings.digit_style
    first = versions[0]
    here = first.series_uri
    current = docs.in_force(first.series)
    shown = current or versions[-1]
    out = [front_matter(title=f"{shown.meta.title} (ทุกฉบับ)",
                        description=f"{shown.meta.title}: ฉบับที่ใช้บังคับและทุกฉบับที่เคยประกาศ"),
           f"# {md_escape(shown.meta.title)}\n",
           f"[{KIND_PLURAL_LABELS[first.kind]}ทั้งหมด]({rel_uri(here, KIND_DIRS[first.kind] + '/index.md')}) · "
           f"[ทะเบียนประกาศ นโยบาย และคำสั่ง]({rel_uri(here, REGISTER_URI)})\n"]
    if current is None:
        out.append("!!! danger \"ไม่มีฉบับที่ใช้บังคับ\"\n\n    ทุกฉบับของเอกสารนี้ถูกยกเลิกหรือถูกแทนที่แล้ว\n")
    else:
        out.append(f"## {current_label(current).removesuffix('ในปัจจุบัน')}: {link(here, current, d)}\n")
        out.append(md_table(["หัวข้อ", "รายละเอียด"], [
            ["สถานะ", _status(current, here, docs, d)],
            ["เลขที่", _number(current, d)],
            ["ผู้ลงนาม", md_cell(f"{current.meta.signed_by.name} {current.meta.signed_by.position}")],
            ["วันที่ลงนาม", show_date(current.meta.signed_on, d)],
            ["วันที่มีผลใช้บังคับ", show_date(current.meta.effective_on, d)],
            ["ต้นฉบับที่ลงนาม",
             f"[{md_escape(current.original.name)}]({rel_uri(here, current.original.uri)}) "
             f"{current.original.media} ขนาด {format_size(current.original.size, d)}"
             + (" — ไฟล์ตัวอย่าง ไม่ใช่ต้นฉบับจริง" if current.meta.original.sample else "")],
            ["SHA-256", f'<code class="lc-sha256">{current.original.sha256}</code>'],
        ]))
        if current.meta.sample:
            out.append("\n!!! warning \"ตัวอย่าง\"\n\n    ข้อความของฉบับนี้ยังเป็นตัวอย่าง "
                       "ไม่ใช่ถ้อยคำที่ลงนามจริง\n")
        out.append("")
    out.append("## ทุกฉบับ\n")
    rows = [[link(here, v, d), digits(v.meta.fiscal_year, d), _status(v, here, docs, d),
             show_date(v.meta.signed_on, d)] for v in reversed(versions)]
    out.append(md_table(["ฉบับ", "ปีงบประมาณ", "สถานะ", "วันที่ลงนาม"], rows))
    return "\n".join(out) + "\n"


CSV_COLUMNS = ["id", "kind", "title", "number", "fiscal_year", "signed_by", "signed_by_position", "signed_on",
               "effective_on", "status", "status_th", "declared_status", "supersedes", "superseded_by", "sample", "url",
               "original_url",
               "original_bytes", "original_sha256", "original_sample"]


def _record(doc: Document, docs: DocumentSet, settings: RenderSettings) -> dict[str, object]:
    newer = docs.superseded_by(doc)
    return {
        "id": doc.id, "kind": doc.kind, "title": doc.meta.title, "number": doc.meta.number or "",
        "fiscal_year": doc.meta.fiscal_year, "signed_by": doc.meta.signed_by.name,
        "signed_by_position": doc.meta.signed_by.position,
        "signed_on": doc.meta.signed_on.isoformat() if doc.meta.signed_on else "",
        "effective_on": doc.meta.effective_on.isoformat() if doc.meta.effective_on else "",
        # status: what is known (in_force only with a known effective date, see Document.shown_status);
        # declared_status: the front matter's value (in_force = the current version of its series)
        "status": doc.shown_status, "status_th": doc.shown_status_th, "declared_status": doc.meta.status,
        "supersedes": doc.meta.supersedes or "",
        "superseded_by": newer.id if newer else "", "sample": doc.meta.sample,
        "url": settings.absolute(doc.url), "original_url": settings.absolute(doc.original.uri),
        "original_bytes": doc.original.size, "original_sha256": doc.original.sha256,
        "original_sample": doc.meta.original.sample,
    }


def register_csv(docs: DocumentSet, settings: RenderSettings) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for doc in docs.docs:
        record = _record(doc, docs, settings)
        writer.writerow(["true" if record[c] is True else "false" if record[c] is False else record[c]
                         for c in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def register_json(docs: DocumentSet, settings: RenderSettings) -> str:
    data = {"documents": [_record(doc, docs, settings) for doc in docs.docs]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
