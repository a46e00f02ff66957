"""The documented headers, the built `_headers` file and the code agree; the policy has no inline escape hatch."""

from __future__ import annotations

from pathlib import Path

from site_build.security_headers import CONTENT_SECURITY_POLICY, HEADERS, apache_snippet, headers_file, nginx_snippet
from tests.conftest import ROOT


def test_docs_show_exactly_the_policy_in_code() -> None:
    doc = (ROOT / "docs" / "security-headers.md").read_text(encoding="utf-8")
    assert nginx_snippet().strip() in doc
    assert apache_snippet().strip() in doc


def test_policy_is_strict() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert "'unsafe-inline'" not in directives["script-src"] + directives["style-src"]
    assert directives["style-src-attr"] == "'unsafe-inline'"  # GLightbox's slide markup; attributes only
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", "")
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert {"Referrer-Policy", "X-Content-Type-Options", "Content-Security-Policy"} <= set(HEADERS)


def test_built_site_ships_the_headers_file_and_no_inline_scripts(built_site: Path) -> None:
    assert (built_site / "_headers").read_text(encoding="utf-8") == headers_file()
    offenders = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<script>" in html or " onclick=" in html or " onload=" in html:
            offenders.append(page.relative_to(built_site).as_posix())
    assert offenders == []


def test_inline_code_becomes_content_addressed_files() -> None:
    from site_build.inline_assets import externalize

    html = ('<head><style id="s">.a{color:red}</style><script id="__config" type="application/json">{"a":1}</script>'
            '<script src="x.js"></script></head><body><script id="init">go()</script><script>go()</script></body>')
    out, files = externalize(html, "../../")
    assert '<script id="__config" type="application/json">{"a":1}</script>' in out
    assert '<script src="x.js"></script>' in out
    assert "go()" not in out and ".a{color:red}" not in out
    assert sorted(files.values()) == [".a{color:red}", "go()"]  # the same code twice → one file
    [js] = [p for p in files if p.endswith(".js")]
    assert f'<script id="init" src="../../{js}"></script>' in out
