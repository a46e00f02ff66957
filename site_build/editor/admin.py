"""The files served under ``/admin/``: the page, the generated configuration, Decap's bundle from
``node_modules`` (pinned in package-lock.json), our small script and the preview stylesheet.

Nothing comes from another host. The page is a plain HTML file, not a site page: it is not in the
navigation, the sitemap or the search index (``data-lc-noindex``), and no public page loads the bundle.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from site_build.editor.config import config_yaml
from site_build.editor.settings import EditorSettings
from site_build.errors import Problem, ProblemsFound
from site_build.pages import GeneratedFile
from site_build.plan.model import Plan

ADMIN_DIR = "admin"
BUNDLE = "decap-cms.js"
_CHUNK = re.compile(r"^(\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$")
SITE_CSS = ("assets/css/site.css",)  # the site's own stylesheet: fonts (Sarabun) and colours


def decap_dist(root: Path) -> Path:
    return root / "node_modules" / "decap-cms" / "dist"


def bundle_files(root: Path) -> list[GeneratedFile]:
    """``decap-cms.js`` and the chunks and WebAssembly it loads on demand from its own folder."""
    dist = decap_dist(root)
    if not (dist / BUNDLE).is_file():
        raise ProblemsFound([Problem(
            file="package.json", message_th="ไม่พบ decap-cms ใน node_modules (ตัวแก้ไขเนื้อหาที่ /admin/)",
            message_en="decap-cms is not installed in node_modules (needed for /admin/)",
            fix_th="สั่ง npm ci ในโฟลเดอร์โครงการ แล้วสร้างเว็บไซต์ใหม่", code="editor-no-bundle")])
    names = [BUNDLE, *sorted(p.name for p in dist.iterdir() if _CHUNK.match(p.name))]
    return [GeneratedFile(f"{ADMIN_DIR}/{name}", (dist / name).read_bytes()) for name in names]


def preview_css(content_dir: Path) -> str:
    """The site's stylesheet with its font URLs made relative to ``/admin/``, plus the preview's layout."""
    parts = ["/* Generated from the site's own stylesheets (site_build/editor/admin.py): do not edit. */"]
    for rel in SITE_CSS:
        css = (content_dir / rel).read_text(encoding="utf-8")
        parts.append(css.replace('url("../fonts/', 'url("../assets/fonts/'))
    parts.append((resources.files("site_build.activities") / "activities.css").read_text(encoding="utf-8"))
    parts.append((resources.files("site_build.editor") / "assets" / "preview.css").read_text(encoding="utf-8"))
    return "\n".join(parts)


def admin_css(content_dir: Path) -> str:
    """The editor's own screens in the site's Thai font (Sarabun, self-hosted) instead of the system's."""
    css = (content_dir / SITE_CSS[0]).read_text(encoding="utf-8").replace('url("../fonts/', 'url("../assets/fonts/')
    faces = re.findall(r"@font-face\s*\{[^}]*\}", css)
    rule = 'body, body * { font-family: "Sarabun", system-ui, sans-serif !important; }'
    return "\n".join([*faces, rule])


def index_html(site_name: str, styles: Sequence[str]) -> str:
    data = html.escape(" ".join([*styles, "preview.css"]), quote=True)
    return f"""<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>แก้ไขเนื้อหา · {html.escape(site_name)}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="admin.css">
</head>
<body data-lc-noindex>
<noscript>ตัวแก้ไขเนื้อหาต้องเปิด JavaScript (the editor needs JavaScript)</noscript>
<script src="{BUNDLE}"></script>
<script src="lc-admin.js" data-styles="{data}"></script>
</body>
</html>
"""


def admin_files(root: Path, content_dir: Path, plans: Sequence[Plan], settings: EditorSettings, *,
                site_name: str, styles: Sequence[str] = ()) -> list[GeneratedFile]:
    """Everything under ``/admin/``. ``styles``: the theme's stylesheets, relative to ``/admin/``."""
    script = (resources.files("site_build.editor") / "assets" / "lc-admin.js").read_text(encoding="utf-8")
    return [
        GeneratedFile(f"{ADMIN_DIR}/index.html", index_html(site_name, styles)),
        GeneratedFile(f"{ADMIN_DIR}/config.yml", config_yaml(plans, settings)),
        GeneratedFile(f"{ADMIN_DIR}/lc-admin.js", script),
        GeneratedFile(f"{ADMIN_DIR}/preview.css", preview_css(content_dir)),
        GeneratedFile(f"{ADMIN_DIR}/admin.css", admin_css(content_dir)),
        *bundle_files(root),
    ]
