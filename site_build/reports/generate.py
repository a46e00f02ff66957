"""Every tracking file of one build, from the build context: pages, CSV, the calendar and the feed.

:func:`report_files` is the pure entry point (plan data, site settings, timestamp); the hook calls
:func:`generate_report_files` with the build context and :func:`home_markdown` for the home page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from site_build.activities.model import WriteUp
from site_build.context import BuildContext, Site, build_timestamp
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


def data_of(ctx: BuildContext) -> ReportData:
    return ReportData.build(ctx.plan, writeups(ctx), ctx.as_of, book=ctx.status())


def report_files(views: Views, *, site: Site, stamp: dt.datetime,
                 feed_writeups: Sequence[WriteUp] | None = None) -> Iterator[GeneratedFile]:
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
    bureau = data.plan.organization.bureau.th
    yield GeneratedFile(FEED_URI, writeups_feed(
        data.writeups if feed_writeups is None else feed_writeups,
        title=f"บันทึกกิจกรรม ศูนย์เรียนรู้องค์กรคุณธรรมต้นแบบ {bureau}",
        description=f"กิจกรรมด้านคุณธรรม จริยธรรม ความโปร่งใส และการต่อต้านการทุจริตของ{bureau}",
        home_url=site.absolute("activities/"), absolute=site.absolute, stamp=stamp))


VIEWS_KEY = "report_views"


def views_of(ctx: BuildContext) -> Views:
    """Computed once per build (kept in ``ctx.extras``), after every evidence source has registered."""
    views = ctx.extras.get(VIEWS_KEY)
    if not isinstance(views, Views):
        views = ctx.extras[VIEWS_KEY] = compute(data_of(ctx))
    return views


def generate_report_files(ctx: BuildContext) -> Iterator[GeneratedFile]:
    yield from report_files(views_of(ctx), site=ctx.site, stamp=build_timestamp(), feed_writeups=writeups(ctx))


def home_markdown(ctx: BuildContext, markdown: str) -> str:
    """Replace :data:`HOME_MARKER` in the home page's Markdown with the progress block."""
    if HOME_MARKER not in markdown:
        return markdown
    views = views_of(ctx)
    block = home_block(Renderer(views.data, "index.md", ctx.site.digits), views.progress, views.award)
    return markdown.replace(HOME_MARKER, block, 1)


def home_html(ctx: BuildContext, html: str) -> str:
    """The home page's HTML after sanitising: its progress bar drawn (see :func:`home_chart`)."""
    return home_chart(html, views_of(ctx).progress)
