"""Every tracking file of one build, from the build context: pages, CSV, the calendar and the feed.

:func:`report_files` is the pure entry point (plan data, site settings, timestamp); the hook calls
:func:`generate_report_files` with the build context and :func:`home_markdown` for the home page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from site_build.activities.model import WriteUp
from site_build.context import BuildContext, Site, YearContext, build_timestamp
from site_build.pages import GeneratedFile
from site_build.reports import writeups
from site_build.reports.award import Award, award
from site_build.reports.csvfiles import period_csv, publicity_csv, score_csv
from site_build.reports.data import ReportData
from site_build.reports.feed import FEED_URI, writeups_feed
from site_build.reports.ics import deadlines_ics
from site_build.reports.period_pages import period_page, reports_index
from site_build.reports.periods import PeriodReport, period_report, periods
from site_build.reports.progress import Progress, progress
from site_build.reports.progress_page import home_block, home_chart, progress_page
from site_build.reports.publicity import Matrix, publicity_matrix
from site_build.reports.publicity_page import publicity_page
from site_build.reports.render import Renderer, Uris
from site_build.reports.score_page import score_page

HOME_MARKER = "<!-- progress -->"


@dataclass(frozen=True)
class Views:
    """Everything computed once per build, shared by pages, CSV and the home block."""

    data: ReportData
    matrix: Matrix
    award: Award
    progress: Progress
    reports: list[PeriodReport]


def compute(data: ReportData) -> Views:
    matrix = publicity_matrix(data.plan, data.writeups)
    return Views(data=data, matrix=matrix, award=award(data, matrix), progress=progress(data),
                 reports=[period_report(data, p) for p in periods(data.plan.fiscal_year)])


def data_of(ctx: BuildContext | YearContext) -> ReportData:
    return ReportData.build(ctx.plan, writeups(ctx), ctx.as_of, book=ctx.status())


def report_files(views: Views, *, site: Site, stamp: dt.datetime,
                 feed_writeups: Sequence[WriteUp] | None = None, feed: bool = True) -> Iterator[GeneratedFile]:
    """One fiscal year's tracking files; the feed (all years' write-ups) only when ``feed``."""
    data = views.data
    uris = Uris(data.plan.fiscal_year)
    style = site.digits

    def page(uri: str) -> Renderer:
        return Renderer(data, uri, style)

    yield GeneratedFile(uris.progress, progress_page(page(uris.progress), views.progress))
    yield GeneratedFile(uris.publicity, publicity_page(page(uris.publicity), views.matrix, views.award))
    yield GeneratedFile(uris.publicity_csv, publicity_csv(views.matrix, site.absolute))
    yield GeneratedFile(uris.score, score_page(page(uris.score), views.award))
    yield GeneratedFile(uris.score_csv, score_csv(data.plan, views.award, site.absolute))
    yield GeneratedFile(uris.reports, reports_index(page(uris.reports), views.reports))
    for report in views.reports:
        key = report.period.key
        yield GeneratedFile(uris.report(key), period_page(page(uris.report(key)), report))
        yield GeneratedFile(uris.report_csv(key), period_csv(data.plan, report, site.absolute))
    yield GeneratedFile(uris.ics, deadlines_ics(data, site_url=site.site_url, absolute=site.absolute, stamp=stamp,
                                                digit_style=style))
    if not feed:
        return
    bureau = data.plan.organization.bureau.th
    yield GeneratedFile(FEED_URI, writeups_feed(
        data.writeups if feed_writeups is None else feed_writeups,
        title=f"บันทึกกิจกรรม ศูนย์เรียนรู้องค์กรคุณธรรมต้นแบบ {bureau}",
        description=f"กิจกรรมด้านคุณธรรม จริยธรรม ความโปร่งใส และการต่อต้านการทุจริตของ{bureau}",
        home_url=site.absolute("activities/"), absolute=site.absolute, stamp=stamp))


VIEWS_KEY = "report_views"


def views_of(ctx: BuildContext | YearContext) -> Views:
    """Computed once per build and year (kept in ``ctx.extras``), after every evidence source has registered.
    A :class:`BuildContext` means its latest year."""
    year = ctx if isinstance(ctx, YearContext) else ctx.year(ctx.plan.fiscal_year)
    cache = ctx.extras.setdefault(VIEWS_KEY, {})
    views = cache.get(year.fiscal_year)
    if not isinstance(views, Views):
        views = cache[year.fiscal_year] = compute(data_of(year))
    return views


def generate_report_files(ctx: BuildContext) -> Iterator[GeneratedFile]:
    """Every year's tracking files, the landing pages listing the years, and the feed (once)."""
    from site_build.pages.years_pages import progress_years_page, reports_years_page

    stamp = build_timestamp()
    yield GeneratedFile("progress/index.md", progress_years_page(ctx))
    yield GeneratedFile("reports/index.md", reports_years_page(ctx))
    years = ctx.years()
    for year in years:
        yield from report_files(views_of(year), site=ctx.site, stamp=stamp, feed_writeups=writeups(ctx),
                                feed=year.is_latest)


def home_markdown(ctx: BuildContext, markdown: str) -> str:
    """Replace :data:`HOME_MARKER` in the home page's Markdown with the progress block (the latest year)."""
    if HOME_MARKER not in markdown:
        return markdown
    views = views_of(ctx)
    block = home_block(Renderer(views.data, "index.md", ctx.site.digits), views.progress, views.award,
                       notice=home_year_note(ctx))
    return markdown.replace(HOME_MARKER, block + home_archive_links(ctx), 1)


def home_year_note(ctx: BuildContext) -> str:
    """A draft latest plan says so above its figures (they are a sample until the office adopts the plan)."""
    if not ctx.plan.draft:
        return ""
    from site_build.thaidate import digits

    return (f'<p class="lc-sample"><strong>ร่าง / ตัวอย่าง:</strong> แผนปีงบประมาณ พ.ศ. '
            f"{digits(ctx.plan.fiscal_year, ctx.site.digits)} ยังเป็นร่าง ยังไม่ได้รับอนุมัติ</p>\n\n")


def home_archive_links(ctx: BuildContext) -> str:
    """Links from the home page (which shows the latest year) to every earlier year."""
    from site_build.thaidate import digits

    earlier = [y for y in reversed(ctx.years()) if not y.is_latest]
    if not earlier:
        return ""
    links = " · ".join(f"[ปีงบประมาณ พ.ศ. {digits(y.fiscal_year, ctx.site.digits)}](plan/{y.fiscal_year}/index.md)"
                       for y in earlier)
    return f"\nปีงบประมาณที่ผ่านมา: {links} · [ทุกปีงบประมาณ](plan/index.md)\n"


def home_html(ctx: BuildContext, html: str) -> str:
    """The home page's HTML after sanitising: its progress bar drawn (see :func:`home_chart`)."""
    return home_chart(html, views_of(ctx).progress)
