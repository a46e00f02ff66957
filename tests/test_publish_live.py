"""The daily rebuild on GitHub Pages: fetch the live manifest over HTTP and publish only when it differs."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from site_build.publish.live import fetch_manifest, has_changed, main
from site_build.publish.manifest import read_manifest
from tests.publish_support import tiny_site


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tiny_site(tmp_path / "live", "r1")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_same_build_is_unchanged(live: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, folder = live
    assert fetch_manifest(url) == read_manifest(folder)
    same = tiny_site(tmp_path / "same", "r1")
    assert not has_changed(same, url)
    assert has_changed(tiny_site(tmp_path / "new", "r2"), url)
    out = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(out))
    main(["--site", str(same), "--url", url])
    main(["--site", str(same), "--url", url, "--target", "server"])
    assert out.read_text(encoding="utf-8") == "changed=false\nchanged=true\n"


def test_first_publication_or_unreachable_site_counts_as_changed(tmp_path: Path, live: tuple[str, Path]) -> None:
    site = tiny_site(tmp_path / "s", "r1")
    assert has_changed(site, None)
    assert has_changed(site, live[0] + "nothing-here/")
    assert fetch_manifest("http://127.0.0.1:9/") is None
