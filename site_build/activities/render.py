"""A write-up's page, as Markdown: sample banner, header facts, plan items served, story, gallery, publicity.

Pure: the build context, the processed photos and the page's URL in; a string out. The hook replaces
the page's Markdown with it, so staff write only the story and the front matter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

from site_build.activities.items import ItemRef, PlanIndex, YearIndexes, index_for
from site_build.activities.load import INLINE_IMAGE, inline_target
from site_build.activities.model import PhotoRef, WriteUp
from site_build.activities.publicity import ChannelState, publicity_states
from site_build.activities.urls import page_url, photo_prefix
from site_build.context import BuildContext
from site_build.markdown_text import md_cell, md_escape, md_table
from site_build.names import nfc
from site_build.pages.plan_pages import item_anchor, project_uri
from site_build.photos import ProcessedPhoto, picture_html
from site_build.photos.geometry import focus_classes
from site_build.status import StatusBook
from site_build.thaidate import Digits, digits, format_date

GALLERY_SIZES = "(min-width: 60em) 15rem, (min-width: 30em) 45vw, 100vw"
HERO_SIZES = "(min-width: 76.25em) 46rem, 100vw"
SCORE_LEVEL_TH = {"full": "คะแนนเต็ม", "partial": "คะแนนบางส่วน"}

SAMPLE_BANNER = (
    '!!! warning "ตัวอย่าง"\n\n'
    "    หน้านี้เป็น**เนื้อหาตัวอย่าง** ใช้แสดงรูปแบบของเว็บไซต์เท่านั้น ไม่ใช่รายงานผลการดำเนินงานจริง "
    "ภาพประกอบสร้างขึ้นด้วยโปรแกรม (This page is sample content, not an official record.)\n"
)


def largest_jpeg_url(photo: ProcessedPhoto, prefix: str) -> str:
    return prefix + max(photo.jpeg, key=lambda r: r.width).rel


def lightbox_picture(photo: ProcessedPhoto, ref: PhotoRef, prefix: str, *, sizes: str, lazy: bool = True,
                     gallery: str = "writeup", css_class: str | None = None) -> str:
    """A picture that opens the full-size JPEG in the lightbox (GLightbox reads ``a.glightbox``)."""
    desc = f' data-description="{html.escape(ref.caption)}"' if ref.caption else ""
    return (f'<a class="glightbox lc-photo" href="{html.escape(largest_jpeg_url(photo, prefix))}" data-type="image" '
            f'data-gallery="{gallery}"{desc}>'
            + picture_html(photo, url_prefix=prefix, alt=ref.alt, sizes=sizes, lazy=lazy, css_class=css_class)
            + "</a>")


class WriteUpView:
    """Renders write-up pages; one per build, and no page's work grows with the number of write-ups."""

    def __init__(self, ctx: BuildContext, index: PlanIndex | YearIndexes, photos: Mapping[Path, ProcessedPhoto], *,
                 directory_urls: bool = True) -> None:
        self.ctx = ctx
        self.index = index
        self.photos = photos
        self.directory_urls = directory_urls
        self.d: Digits = ctx.site.digits

    def n(self, value: int | float | str) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return digits(value, self.d)

    def date(self, day: object) -> str:
        return format_date(day, digit_style=self.d)  # type: ignore[arg-type]

    def photo_for(self, writeup: WriteUp, name: str) -> ProcessedPhoto | None:
        path = writeup.photo_files.get(name)
        return self.photos.get(path) if path is not None else None

    # -- the page --------------------------------------------------------------------------------
    def page(self, writeup: WriteUp) -> str:
        url = page_url(writeup.uri, self.directory_urls)
        prefix = photo_prefix(url)
        meta = writeup.meta
        parts = []
        if meta.sample:
            parts.append(SAMPLE_BANNER)
        parts.append(f"# {md_escape(meta.title)}\n")
        parts.append(f'<p class="lc-writeup-lead">{html.escape(meta.summary)}</p>\n')
        parts.append(self.facts(writeup))
        cover = writeup.cover
        photo = self.photo_for(writeup, cover.file) if cover else None
        if cover is not None and photo is not None:
            hero = lightbox_picture(photo, cover, prefix, sizes=HERO_SIZES, lazy=False, gallery="cover")
            caption = f"<figcaption>{html.escape(cover.caption)}</figcaption>" if cover.caption else ""
            parts.append(f'<figure class="lc-writeup-hero">{hero}{caption}</figure>\n')
        parts.append(self.items_section(writeup))
        story = self.story(writeup, prefix)
        if story.strip():
            parts.append("## เรื่องราวของกิจกรรม {#story}\n")
            parts.append(story.strip() + "\n")
        gallery = self.gallery(writeup, prefix)
        if gallery:
            parts.append("## ภาพกิจกรรม {#gallery}\n")
            parts.append(gallery)
        parts.append(self.publicity_section(writeup))
        return "\n".join(parts)

    def facts(self, writeup: WriteUp) -> str:
        meta = writeup.meta
        rows = [f'<div><dt>วันที่จัดกิจกรรม</dt><dd><time datetime="{meta.date.isoformat()}">'
                f"{self.date(meta.date)}</time></dd></div>"]
        if meta.participants is not None:
            rows.append(f"<div><dt>ผู้เข้าร่วม</dt><dd>{self.n(f'{meta.participants:,}')} คน</dd></div>")
        if meta.staff_percent is not None:
            rows.append(f"<div><dt>บุคลากรที่เข้าร่วม</dt><dd>ร้อยละ {self.n(round(meta.staff_percent, 2))}</dd></div>")
        index = index_for(self.index, writeup.date)
        measures = sorted({ref.measure.number for i in writeup.item_ids if (ref := index.get(i))})
        if measures:
            rows.append("<div><dt>มาตรการ</dt><dd>" + ", ".join(f"มาตรการที่ {self.n(m)}" for m in measures)
                        + "</dd></div>")
        return '<dl class="lc-writeup-facts">' + "".join(rows) + "</dl>\n"

    def items_section(self, writeup: WriteUp) -> str:
        index = index_for(self.index, writeup.date)
        plan = index.plan
        year = self.ctx.year(plan.fiscal_year) if plan.fiscal_year in self.ctx.plan_set else self.ctx
        book: StatusBook = year.status()
        rows = []
        for item_id in writeup.item_ids:
            ref = index.get(item_id)
            if ref is None:
                continue
            anchor = "" if ref.is_project else f"#{item_anchor(ref.id)}"
            link = f"[{self.item_label(ref)}](/{project_uri(plan, ref.project)}{anchor})"
            status = book.status(ref.node)
            level = writeup.meta.score_level.get(ref.id)
            badge = status.badge_html()
            rows.append([link + (f"<br>ระดับหลักฐาน: {SCORE_LEVEL_TH[level]}" if level else ""),
                         self.n(ref.measure.number), self.deadlines(ref.node, book), badge])
        if not rows:
            return ""
        return ("## กิจกรรมตามแผนที่บันทึกนี้เป็นหลักฐาน {#plan-items}\n\n"
                + md_table(["กิจกรรมในแผน", "มาตรการ", "กำหนดส่ง", f"สถานะ ณ {self.date(year.as_of)}"], rows)
                + "\n")

    def item_label(self, ref: ItemRef) -> str:
        if ref.is_project:
            return f"โครงการที่ {self.n(ref.project.number)} {md_cell(ref.node.title)}"
        return f"{self.n(ref.id)} {md_cell(ref.node.title)}"

    def deadlines(self, node: object, book: StatusBook) -> str:
        own = getattr(node, "deadlines", [])
        parts = [(f"{md_cell(d.label)}: " if d.label else "") + self.date(d.date) for d in own]
        if not parts:
            inherited = book.deadline(node)  # type: ignore[arg-type]
            if inherited is not None:
                parts.append(self.date(inherited))
        note = getattr(node, "deadline_note", None)
        if note:
            parts.append(md_cell(note))
        return "<br>".join(parts) or "–"

    def story(self, writeup: WriteUp, prefix: str) -> str:
        """The staff's Markdown, with ``![alt](photo.jpg)`` of listed photos turned into processed pictures."""
        listed = {nfc(p.file): p for p in writeup.meta.photos}

        def replace(match: re.Match[str]) -> str:
            ref = listed.get(inline_target(match))
            name = ref.file if ref else ""
            photo = self.photo_for(writeup, name) if ref else None
            if ref is None or photo is None:
                return match.group(0)
            alt = match.group("alt").strip() or ref.alt
            return lightbox_picture(photo, PhotoRef(file=ref.file, alt=alt, caption=ref.caption), prefix,
                                    sizes=HERO_SIZES, gallery="story")

        return INLINE_IMAGE.sub(replace, writeup.body)

    def gallery(self, writeup: WriteUp, prefix: str) -> str:
        figures = []
        for ref in writeup.meta.photos:
            photo = self.photo_for(writeup, ref.file)
            if photo is None:
                continue
            caption = f"<figcaption>{html.escape(ref.caption)}</figcaption>" if ref.caption else ""
            figures.append(f'<figure class="lc-gallery__item">'
                           f"{self.gallery_picture(photo, ref, prefix)}{caption}</figure>")
        if not figures:
            return ""
        return '<div class="lc-gallery">\n' + "\n".join(figures) + "\n</div>\n"

    @staticmethod
    def gallery_picture(photo: ProcessedPhoto, ref: PhotoRef, prefix: str) -> str:
        """The gallery's 4:3 box is a CSS crop (object-fit): it keeps the same part as the listing's cover file."""
        return lightbox_picture(photo, ref, prefix, sizes=GALLERY_SIZES, css_class=focus_classes(photo.focus))

    def publicity_section(self, writeup: WriteUp) -> str:
        states = publicity_states(writeup, index_for(self.index, writeup.date))
        if not states:
            return ""
        rows = [[md_cell(s.channel.name) + ("" if s.required else " (เพิ่มเติม)"), self.channel_cell(s)]
                for s in states]
        return ("## การเผยแพร่ประชาสัมพันธ์ {#publicity}\n\n"
                + md_table(["ช่องทาง", "การเผยแพร่"], rows) + "\n")

    def channel_cell(self, state: ChannelState) -> str:
        parts: list[str] = []
        record = state.record
        if record is not None:
            if record.url:
                parts.append(f'<a href="{html.escape(record.url)}" rel="noopener">ดูการเผยแพร่</a>')
            if record.date:
                parts.append(f"เมื่อ {self.date(record.date)}")
            if record.note:
                parts.append(md_cell(record.note))
        if state.automatic:
            parts.insert(0, "✅ เผยแพร่บนเว็บไซต์นี้แล้ว (นับอัตโนมัติ)")
        elif record is not None:
            parts.insert(0, "✅")
        else:
            parts.append("ยังไม่มีข้อมูล")
        return " ".join(parts)
