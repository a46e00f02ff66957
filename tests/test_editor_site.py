"""The built site's /admin/: served from the site itself, loaded nowhere else, absent from nav, sitemap and search."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow


def test_admin_is_built_from_the_pinned_bundle(built_site: Path, project_root: Path) -> None:
    admin = built_site / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in html and "data-lc-noindex" in html and "noindex" in html
    assert (admin / "decap-cms.js").read_bytes() == (
        project_root / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").read_bytes()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "th" and "local_backend" not in config
    assert 'url("../assets/fonts/sarabun-thai-400-normal.woff2")' in (admin / "preview.css").read_text(
        encoding="utf-8")


def test_public_pages_never_load_the_editor(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        if page.relative_to(built_site).parts[0] != "admin":
            text = page.read_text(encoding="utf-8")
            # (page histories may quote commit messages that mention the editor: only references count)
            assert not re.search(r'<(script|link)[^>]+(decap-cms|admin/)', text), page
            assert not re.search(r'(href|src)="[^"]*admin/', text), page


def test_admin_is_not_in_sitemap_or_search(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap
    gz = built_site / "sitemap.xml.gz"
    if gz.exists():
        assert b"/admin/" not in gzip.decompress(gz.read_bytes())
    for fragment in (built_site / "pagefind").rglob("*.pf_fragment"):
        assert b"/admin/" not in gzip.decompress(fragment.read_bytes())
