"""Readers never see a mix of two releases or a missing page while releases switch under a real nginx.

nginx serves ``DEST/current`` (the shipped server block); four threads fetch every page as fast as they
can while ``publish`` switches releases repeatedly. Each page is stamped with its release id at its start
and its end: a response must carry one id twice (no page assembled from two releases), be 200 (no
missing page), and come from a release that was actually published.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

from site_build.publish.releases import publish
from site_build.publish.targets import LocalTarget
from tests.publish_support import PAGES, stamps, tiny_site
from tests.webserver_support import running_nginx

URLS = ["/", "/a/", "/b/", "/c/deep/", "/404.html", "/a/index.html"]


def test_switching_releases_under_load(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    published = {"r00"}
    publish(tiny_site(tmp_path / "s00", "r00"), LocalTarget(dest), keep=3)
    seen: list[tuple[str, int, str, str]] = []
    stop = threading.Event()

    def reader(base: str) -> None:
        while not stop.is_set():
            for url in URLS:
                try:
                    with urllib.request.urlopen(base + url, timeout=10) as response:
                        body = response.read().decode("utf-8")
                        seen.append((url, response.status, *stamps(body)))
                except urllib.error.HTTPError as exc:
                    seen.append((url, exc.code, "", ""))

    with running_nginx(dest / "current", tmp_path / "nginx") as base:
        threads = [threading.Thread(target=reader, args=(base,)) for _ in range(4)]
        for t in threads:
            t.start()
        try:
            i = 0
            while i < 15 or (len(seen) < 300 and i < 200):  # enough switches and enough reads, even on a slow machine
                i += 1
                name = f"r{i:03d}"
                publish(tiny_site(tmp_path / f"s{i:03d}", name), LocalTarget(dest), keep=3)
                published.add(name)
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=30)
    assert len(PAGES) == 5 and len(seen) >= 300, f"too few fetches to prove anything: {len(seen)}"
    bad_status = [s for s in seen if s[1] != 200]
    assert bad_status == [], f"missing pages during switches: {bad_status[:5]}"
    mixed = [s for s in seen if s[2] != s[3]]
    assert mixed == [], f"pages mixing two releases: {mixed[:5]}"
    assert {s[2] for s in seen} <= published
    assert len({s[2] for s in seen}) >= 3, "the readers should have seen several releases go live"
    assert len(list((dest / "releases").iterdir())) == 3  # old releases pruned while being read
