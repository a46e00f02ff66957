"""The write-ups feed: valid RSS 2.0 (feedparser), one entry per write-up, newest first, escaped, deterministic."""

from __future__ import annotations

import datetime as dt

import feedparser

from site_build.reports.feed import writeups_feed
from tests.test_reports_support import SITE, STAMP, writeup

WRITEUPS = [
    writeup("2023-03-15-declare", ["1.1"], title="ประกาศเจตนารมณ์ <สุจริต> & โปร่งใส", summary="สรุป <b>ตัวหนา</b> & ต่อ"),
    writeup("2023-06-10-volunteer", ["14.1", "14.2"], sample=True, title="จิตอาสา"),
    writeup("2023-04-05-honour", ["1.6.1"], sample=True, title="ยกย่องคนดี (ตัวอย่าง)"),
]


def make_feed(items=WRITEUPS, stamp: dt.datetime = STAMP) -> bytes:
    return writeups_feed(items, title="บันทึกกิจกรรม", description="กิจกรรมของสำนัก",
                         home_url=SITE.absolute("activities/"), absolute=SITE.absolute, stamp=stamp)


def test_feed_is_valid_rss_with_one_entry_per_writeup_newest_first() -> None:
    parsed = feedparser.parse(make_feed())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert len(parsed.entries) == len(WRITEUPS)
    assert [e.link for e in parsed.entries] == [
        "https://lc.example.org/activities/2023-06-10-volunteer/",
        "https://lc.example.org/activities/2023-04-05-honour/",
        "https://lc.example.org/activities/2023-03-15-declare/"]
    published = [dt.datetime(*e.published_parsed[:6], tzinfo=dt.UTC) for e in parsed.entries]
    assert published == sorted(published, reverse=True)
    assert published[0] == dt.datetime(2023, 6, 9, 17, 0, tzinfo=dt.UTC)  # midnight in Bangkok
    assert parsed.feed.title == "บันทึกกิจกรรม" and parsed.feed.language == "th"


def test_titles_and_summaries_are_escaped_and_samples_marked() -> None:
    raw = make_feed()
    assert b"<b>" not in raw and b"&lt;b&gt;" in raw
    entries = {e.link.rsplit("/", 2)[1]: e for e in feedparser.parse(raw).entries}
    assert entries["2023-03-15-declare"].title == "ประกาศเจตนารมณ์ <สุจริต> & โปร่งใส"
    assert entries["2023-06-10-volunteer"].title == "[ตัวอย่าง] จิตอาสา"
    assert entries["2023-04-05-honour"].title == "ยกย่องคนดี (ตัวอย่าง)"  # marked once, not twice
    assert [t.term for t in entries["2023-06-10-volunteer"].tags] == ["14.1", "14.2"]


def test_feed_is_deterministic_and_dated_by_the_build() -> None:
    assert make_feed() == make_feed(list(reversed(WRITEUPS)))
    parsed = feedparser.parse(make_feed())
    assert dt.datetime(*parsed.feed.updated_parsed[:6], tzinfo=dt.UTC) == STAMP
    assert make_feed(stamp=STAMP + dt.timedelta(days=1)) != make_feed()


def test_empty_feed_is_still_valid() -> None:
    parsed = feedparser.parse(make_feed([]))
    assert parsed.bozo == 0 and parsed.entries == []
