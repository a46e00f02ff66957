"""The plan's deadlines as an iCalendar file staff can subscribe to.

One all-day event per deadline the plan states (projects, activities and parts) and one per plan
milestone. UIDs are stable across builds (``<item-id>-<yyyymmdd>@<site host>``) so a calendar app
updates an event instead of duplicating it; DTSTAMP is the build timestamp (``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from site_build.pages.plan_pages import item_url, plan_base
from site_build.reports.data import DeadlineEntry, ReportData
from site_build.thaidate import Digits, digits, format_date

SUMMARY_MAX = 120


def _short(text: str, limit: int = SUMMARY_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def host_of(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


def deadline_uid(entry: DeadlineEntry, host: str, seen: dict[str, int]) -> str:
    base = f"{entry.item.id}-{entry.date:%Y%m%d}"
    seen[base] = seen.get(base, 0) + 1
    suffix = f"-{seen[base]}" if seen[base] > 1 else ""
    return f"{base}{suffix}@{host}"


def deadlines_ics(data: ReportData, *, site_url: str, absolute: Callable[[str], str], stamp: dt.datetime,
                  digit_style: Digits = "thai") -> bytes:
    plan = data.plan
    host = host_of(site_url)
    d = partial(digits, style=digit_style)
    cal = Calendar()
    cal.add("prodid", f"-//{host}//learning-center plan deadlines//TH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"กำหนดส่งตามแผนบูรณาการ ปีงบประมาณ พ.ศ. {d(plan.fiscal_year)} {plan.organization.bureau.th}"
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", plan.title)
    cal.add("x-wr-timezone", "Asia/Bangkok")
    seen: dict[str, int] = {}
    for entry in data.deadlines():
        ref = entry.item
        label = f"โครงการที่ {d(ref.project.number)}" if ref.is_project else f"ข้อ {d(ref.id)}"
        url = absolute(item_url(plan, ref.project, ref.node))
        lines = [f"{label} {ref.node.title}"]
        if not ref.is_project:
            lines.append(f"โครงการที่ {d(ref.project.number)} {ref.project.title}")
        if entry.deadline.label:
            lines.append(f"กำหนด: {entry.deadline.label}")
        lines += [f"วันที่ {format_date(entry.date, digit_style=digit_style)}", url]
        event = _all_day(entry.date, stamp, deadline_uid(entry, host, seen),
                         _short(f"กำหนดส่ง {label}: {entry.deadline.label or ref.node.title}"), "\n".join(lines))
        event.add("url", url)
        cal.add_component(event)
    for milestone in plan.milestones:
        url = absolute(plan_base(plan))
        event = _all_day(milestone.date, stamp, f"milestone-{milestone.id}@{host}",
                         _short(f"เป้าหมายของแผน: {milestone.label}"),
                         f"{milestone.label}\nวันที่ {format_date(milestone.date, digit_style=digit_style)}\n{url}")
        event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()


def _all_day(day: dt.date, stamp: dt.datetime, uid: str, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event
