"""The shipped nginx config and Apache .htaccess, run for real on the built site.

Both are generated from site_build/security_headers.py (one source of truth); the files under deploy/ must
equal the generator's output. Then Debian's nginx and apache2 serve the real build (nginx directly, Apache
behind `current` after a real `publish`) and every promise is checked over HTTP: the documented headers on
pages, assets and error pages, compression, long cache for fingerprinted files and revalidation for HTML,
the site's own 404 page, no directory listings, no dot-files.
"""

from __future__ import annotations

import gzip
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_build import security_headers
from site_build.publish import webconfig
from site_build.publish.releases import publish
from site_build.publish.targets import LocalTarget
from tests.conftest import ROOT
from tests.webserver_support import fetch, running_apache, running_nginx

pytestmark = pytest.mark.slow


def test_shipped_files_are_generated_from_the_headers_module() -> None:
    for rel, make in webconfig.SHIPPED.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == make(), \
            f"{rel} is stale: run python -m site_build.publish.webconfig"
    for name, value in security_headers.HEADERS.items():
        assert f'add_header {name} "{value}" always;' in webconfig.nginx_server()
        assert f'Header always set {name} "{value}"' in webconfig.htaccess()


def test_every_nginx_location_repeats_every_header() -> None:
    """nginx forgets server-level add_header in a location with its own: each location must carry them all."""
    conf = webconfig.nginx_server()
    blocks = re.findall(r"location [^{]+\{(.*?)\n    \}", conf, flags=re.S)
    serving = [b for b in blocks if "try_files" in b]
    assert len(serving) == 2 + len(security_headers.PATH_HEADERS)  # fingerprinted, pages, each override
    for block in serving:
        assert all(f"add_header {name} " in block for name in security_headers.HEADERS)


def test_htaccess_structure() -> None:
    text = webconfig.htaccess()
    assert "Options -Indexes" in text and "ErrorDocument 404 /404.html" in text
    assert 'RedirectMatch 404 "/\\.(?!well-known/)"' in text
    assert "AddOutputFilterByType DEFLATE text/html" in text
    assert text.count("<IfModule") == text.count("</IfModule>") and text.count("<If ") == text.count("</If>")
    assert f'Header always set Cache-Control "{webconfig.IMMUTABLE}"' in text


def test_per_path_overrides_reach_both_configs(monkeypatch: pytest.MonkeyPatch) -> None:
    relaxed = {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-eval'"}
    monkeypatch.setattr(security_headers, "PATH_HEADERS", {"/admin/": relaxed})
    assert security_headers.headers_for("/admin/index.html")["Content-Security-Policy"] == relaxed[
        "Content-Security-Policy"]
    assert security_headers.headers_for("/plan/") == security_headers.HEADERS
    assert "location /admin/ {" in webconfig.nginx_server()
    assert "'unsafe-eval'" in webconfig.nginx_server() and "'unsafe-eval'" in webconfig.htaccess()


FINGERPRINTED_CSS = re.compile(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$")


def css_path(site: Path) -> str:
    found = [p for p in (site / "assets" / "stylesheets").iterdir() if FINGERPRINTED_CSS.search(p.as_posix())]
    return "/" + found[0].relative_to(site).as_posix()


def check_server(base: str, site: Path, *, hsts: bool = True) -> None:
    """What nginx and Apache must both do with the shipped configuration."""
    expected = dict(security_headers.HEADERS)
    status, headers, body = fetch(base, "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    for name, value in expected.items():
        assert headers.get(name.lower()) == value, name
    assert headers["cache-control"] == webconfig.REVALIDATE
    assert "<html" in body.decode("utf-8")
    # revalidation really works: the validator comes back as 304 Not Modified, with the headers
    validator = {"If-None-Match": headers["etag"]} if "etag" in headers else \
        {"If-Modified-Since": headers["last-modified"]}
    status, headers, _ = fetch(base, "/", validator)
    assert status == 304 and headers["cache-control"] == webconfig.REVALIDATE

    # every kind of fingerprinted file is cached for a year; the files that name them are revalidated
    photo = next(p for p in sorted((site / "assets" / "photos").rglob("*")) if p.is_file())
    fragment = next(iter(sorted((site / "pagefind" / "fragment").iterdir())))
    for path in (photo, fragment):
        assert fetch(base, "/" + path.relative_to(site).as_posix())[1]["cache-control"] == webconfig.IMMUTABLE
    for path in ("/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/assets/javascripts/lc-print.js"):
        assert fetch(base, path)[1]["cache-control"] == webconfig.REVALIDATE, path

    # compression for text, a year of immutable cache for fingerprinted files
    css = css_path(site)
    status, headers, body = fetch(base, css, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (site / css.lstrip("/")).read_bytes()
    assert "accept-encoding" in headers.get("vary", "").lower()
    assert headers["cache-control"] == webconfig.IMMUTABLE
    assert headers["content-security-policy"] == expected["Content-Security-Policy"]
    status, headers, _ = fetch(base, "/", {"Accept-Encoding": "gzip"})
    assert headers.get("content-encoding") == "gzip"

    # a folder URL without its slash is redirected on the same host; with it, the page
    status, headers, _ = fetch(base, "/plan/2566")
    assert status == 301 and headers["location"] in ("/plan/2566/", base + "/plan/2566/")
    assert fetch(base, "/plan/2566/")[0] == 200

    # the site's own 404 page, with the headers
    status, headers, body = fetch(base, "/no-such-page/")
    assert status == 404 and body == (site / "404.html").read_bytes()
    assert headers["content-security-policy"] == expected["Content-Security-Policy"]

    # no listings, no dot-files, no trace of the server's files
    for path in ("/assets/", "/assets/photos/"):
        status, _, body = fetch(base, path)
        assert status in (403, 404) and b"Index of" not in body, path
    for path in ("/.htaccess", "/.git/config", "/assets/.hidden"):
        assert fetch(base, path)[0] == 404, path


@pytest.fixture(scope="module")
def readable_release(built_site: Path) -> Iterator[Path]:
    """The built site published into a world-readable folder (Apache's workers run as www-data)."""
    dest = Path(tempfile.mkdtemp(prefix="lc-www-"))
    dest.chmod(0o755)
    publish(built_site, LocalTarget(dest))
    try:
        yield dest
    finally:
        import shutil

        shutil.rmtree(dest, ignore_errors=True)


def test_nginx_serves_the_built_site(built_site: Path, tmp_path: Path) -> None:
    assert (built_site / ".htaccess").read_text(encoding="utf-8") == webconfig.htaccess()
    with running_nginx(built_site, tmp_path / "nginx") as base:
        check_server(base, built_site)


def test_nginx_applies_per_path_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    relaxed = "default-src 'self'; script-src 'self' 'unsafe-eval'"
    monkeypatch.setattr(security_headers, "PATH_HEADERS", {"/admin/": {"Content-Security-Policy": relaxed}})
    root = tmp_path / "root"
    (root / "admin").mkdir(parents=True)
    for page in ("index.html", "404.html", "admin/index.html"):
        (root / page).write_text(f"<html>{page}</html>", encoding="utf-8")
    with running_nginx(root, tmp_path / "nginx") as base:
        assert fetch(base, "/admin/")[1]["content-security-policy"] == relaxed
        assert fetch(base, "/")[1]["content-security-policy"] == security_headers.CONTENT_SECURITY_POLICY


def test_apache_serves_the_release_behind_current(readable_release: Path, tmp_path: Path) -> None:
    site = readable_release / "current"
    assert os.path.islink(site)
    with running_apache(readable_release, tmp_path / "apache") as base:
        check_server(base, site)
