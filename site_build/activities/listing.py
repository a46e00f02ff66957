"""The completed-activities listing: newest first, cover thumbnails, paged, and one listing per measure.

Every listing page holds at most ``per_page`` cards, so the work and the size of each page stay the
same however many write-ups there are; only the number of pages grows. Write-up pages are not in the
navigation (Material would otherwise render the whole list into every page).

URLs: ``activities/`` (page 1), ``activities/page/2/``…; ``activities/measure-1/``,
``activities/measure-1/page/2/``….
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_build.activities.items import PlanIndex, YearIndexes, index_for
from site_build.activities.model import WriteUp
from site_build.activities.urls import link, page_url, photo_prefix, writeup_target
from site_build.context import BuildContext
from site_build.markdown_text import front_matter
from site_build.pages import GeneratedFile
from site_build.photos import ProcessedPhoto, cover_html
from site_build.thaidate import MONTHS_FULL, be_year, digits, format_date

PER_PAGE = 24
TITLE = "กิจกรรมที่ดำเนินการแล้ว"


@dataclass(frozen=True)
class Listing:
    """One listing (all write-ups, or one measure's), split into pages."""

    key: str  # "all" or "measure-1"
    heading: str  # "{n}" stands for the measure number, written in the site's digits
    first_uri: str
    items: Sequence[WriteUp]
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.items) / self.per_page))

    def uri(self, number: int) -> str:
        if number == 1:
            return self.first_uri
        base = self.first_uri.removesuffix("/index.md").removesuffix(".md")
        return f"{base}/page/{number}.md"

    def chunk(self, number: int) -> Sequence[WriteUp]:
        start = (number - 1) * self.per_page
        return self.items[start:start + self.per_page]


def measure_numbers(writeup: WriteUp, index: PlanIndex | YearIndexes) -> list[int]:
    """Measures of the write-up's items, in the plan of the year its date falls in."""
    mine = index_for(index, writeup.date)
    return sorted({ref.measure.number for i in writeup.item_ids if (ref := mine.get(i)) is not None})


def listings(writeups: Sequence[WriteUp], index: PlanIndex | YearIndexes, *,
             per_page: int = PER_PAGE) -> list[Listing]:
    """All write-ups, then one listing per measure of the latest plan (empty ones too, so nav links never
    break); a write-up is listed under the measure numbers its own year's plan gives it."""
    ordered = sorted(writeups, key=WriteUp.sort_key, reverse=True)
    out = [Listing("all", TITLE, "activities/index.md", ordered, per_page)]
    latest = index.latest if isinstance(index, YearIndexes) else index
    for measure in latest.plan.measures:
        chosen = [w for w in ordered if measure.number in measure_numbers(w, index)]
        out.append(Listing(measure.slug, f"{TITLE}: มาตรการที่ {{n}}", f"activities/{measure.slug}.md", chosen,
                           per_page))
    return out


def generate_listing_pages(ctx: BuildContext, writeups: Sequence[WriteUp], photos: Mapping[Path, ProcessedPhoto],
                           *, directory_urls: bool = True, per_page: int = PER_PAGE) -> Iterator[GeneratedFile]:
    index = YearIndexes(ctx.plan_set)
    view = _ListingView(ctx, index, photos, directory_urls)
    all_listings = listings(writeups, index, per_page=per_page)
    for listing in all_listings:
        for number in range(1, listing.pages + 1):
            yield GeneratedFile(listing.uri(number), view.page(listing, number, all_listings))


class _ListingView:
    def __init__(self, ctx: BuildContext, index: PlanIndex | YearIndexes, photos: Mapping[Path, ProcessedPhoto],
                 directory_urls: bool) -> None:
        self.ctx, self.index, self.photos, self.directory_urls = ctx, index, photos, directory_urls
        self.d = ctx.site.digits

    def n(self, value: int | str) -> str:
        return digits(value, self.d)

    def page(self, listing: Listing, number: int, all_listings: Sequence[Listing]) -> str:
        uri = listing.uri(number)
        url = page_url(uri, self.directory_urls)
        years = self.ctx.plan_set.years
        fy = self.n(years[-1]) if len(years) == 1 else f"{self.n(years[0])}–{self.n(years[-1])}"  # every year listed
        heading = listing.heading.replace("{n}", self.n(listing.key.split("-")[-1]))
        title = heading + (f" (หน้า {self.n(number)})" if number > 1 else "")
        measure_title = ""
        if listing.key != "all":
            measure = next(m for m in self.ctx.plan.measures if m.slug == listing.key)
            measure_title = measure.title
        out = [front_matter(title=title,
                            description=(f"บันทึกกิจกรรมที่ดำเนินการแล้วตามแผนบูรณาการ ปีงบประมาณ พ.ศ. {fy}"
                                         + (f" มาตรการที่ {self.n(listing.key.split('-')[1])} {measure_title}"
                                            if measure_title else ""))),
               f"# {html.escape(title)}\n"]
        if measure_title:
            out.append(f"{html.escape(measure_title)}\n")
        out.append(self.filters(listing, all_listings))
        total = len(listing.items)
        if not total:
            out.append('<p class="lc-empty">ยังไม่มีบันทึกกิจกรรมในหมวดนี้</p>\n')
            return "\n".join(out)
        out.append(f'<p class="lc-listing-count">บันทึกกิจกรรม {self.n(total)} เรื่อง'
                   + (f" · หน้า {self.n(number)} จาก {self.n(listing.pages)}" if listing.pages > 1 else "")
                   + "</p>\n")
        month: tuple[int, int] | None = None
        cards: list[str] = []
        for writeup in listing.chunk(number):
            this = (writeup.date.year, writeup.date.month)
            if this != month:
                if cards:
                    out.append(self.cards(cards))
                    cards = []
                month = this
                out.append(f"## {MONTHS_FULL[this[1] - 1]} {self.n(be_year(this[0]))} {{#m-{this[0]}-{this[1]:02d}}}\n")
            cards.append(self.card(writeup, url))
        if cards:
            out.append(self.cards(cards))
        out.append(self.pager(listing, number))
        return "\n".join(out)

    def cards(self, cards: list[str]) -> str:
        return '<div class="lc-cards">\n' + "\n".join(cards) + "\n</div>\n"

    def filters(self, current: Listing, all_listings: Sequence[Listing]) -> str:
        links = []
        for listing in all_listings:
            label = "ทั้งหมด" if listing.key == "all" else f"มาตรการที่ {self.n(listing.key.split('-')[1])}"
            label += f" ({self.n(len(listing.items))})"
            if listing.key == current.key:
                links.append(f'<strong aria-current="page">{label}</strong>')
            else:
                links.append(f"[{label}](/{listing.first_uri})")
        return '<nav class="lc-filter" aria-label="เลือกตามมาตรการ" markdown>\n' + " · ".join(links) + "\n</nav>\n"

    def pager(self, listing: Listing, number: int) -> str:
        if listing.pages == 1:
            return ""
        parts = []
        if number > 1:
            parts.append(f"[← ใหม่กว่า](/{listing.uri(number - 1)})")
        parts.append(f"หน้า {self.n(number)} จาก {self.n(listing.pages)}")
        if number < listing.pages:
            parts.append(f"[เก่ากว่า →](/{listing.uri(number + 1)})")
        return '<nav class="lc-pager" aria-label="เลือกหน้า" markdown>\n' + " · ".join(parts) + "\n</nav>\n"

    def card(self, writeup: WriteUp, from_url: str) -> str:
        href = html.escape(link(from_url, writeup_target(writeup.folder, self.directory_urls)))
        cover = writeup.cover
        photo = self.photos.get(writeup.photo_files[cover.file]) if cover and cover.file in writeup.photo_files \
            else None
        media = (cover_html(photo, url_prefix=photo_prefix(from_url), alt=cover.alt)
                 if photo is not None and cover is not None else '<span class="lc-card__placeholder"></span>')
        badges = [f'<span class="lc-badge lc-badge--measure-{m}">มาตรการที่ {self.n(m)}</span>'
                  for m in measure_numbers(writeup, self.index)]
        if writeup.sample:
            badges.append('<span class="lc-badge lc-badge--sample">ตัวอย่าง</span>')
        return (f'<article class="lc-card">'
                f'<a class="lc-card__media" href="{href}" tabindex="-1" aria-hidden="true">{media}</a>'
                f'<div class="lc-card__body">'
                f'<h3 class="lc-card__title"><a href="{href}">{html.escape(writeup.title)}</a></h3>'
                f'<p class="lc-card__meta"><time datetime="{writeup.date.isoformat()}">'
                f"{format_date(writeup.date, digit_style=self.d)}</time></p>"
                f'<p class="lc-card__summary">{html.escape(writeup.meta.summary)}</p>'
                f'<p class="lc-card__badges">{" ".join(badges)}</p>'
                "</div></article>")
