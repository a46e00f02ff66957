"""RSS 2.0 feed of new write-ups, generated here so it is deterministic and needs no plugin.

Sorted newest first; item dates are the activity dates (midnight, Bangkok time) and the channel's
``lastBuildDate`` is the build timestamp (``SOURCE_DATE_EPOCH``), so the same content gives the same
bytes. ElementTree escapes titles and summaries; sample write-ups say so in their title.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable

from site_build.activities.model import WriteUp
from site_build.context import BANGKOK
from site_build.reports.labels import SAMPLE_TH

ATOM = "http://www.w3.org/2005/Atom"
FEED_URI = "feed.xml"


def rfc822(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment)


def activity_moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BANGKOK)


def writeups_feed(writeups: Iterable[WriteUp], *, title: str, description: str, home_url: str,
                  absolute: Callable[[str], str], stamp: dt.datetime, feed_uri: str = FEED_URI) -> bytes:
    """The feed document; ``home_url`` is the channel link (the write-ups list), absolute."""
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", home_url)
    _text(channel, "description", description)
    _text(channel, "language", "th")
    _text(channel, "lastBuildDate", rfc822(stamp))
    ET.SubElement(channel, f"{{{ATOM}}}link",
                  {"href": absolute(feed_uri), "rel": "self", "type": "application/rss+xml"})
    for writeup in sorted(writeups, key=WriteUp.sort_key, reverse=True):
        item = ET.SubElement(channel, "item")
        marked = writeup.sample and SAMPLE_TH not in writeup.title
        _text(item, "title", f"[{SAMPLE_TH}] {writeup.title}" if marked else writeup.title)
        link = absolute(writeup.url)
        _text(item, "link", link)
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = link
        _text(item, "pubDate", rfc822(activity_moment(writeup.date)))
        _text(item, "description", writeup.meta.summary)
        for item_id in writeup.item_ids:
            _text(item, "category", item_id)
    ET.indent(rss, space=" ")
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value
