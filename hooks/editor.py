"""The browser editor at /admin/ (Decap CMS): adds its generated files. All logic is in site_build.editor."""

from __future__ import annotations

import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site_build import mkdocs_glue
from site_build.editor.admin import admin_files
from site_build.editor.plans import newest_first  # the build's plans, loaded once
from site_build.editor.settings import EditorSettings

_THEME_CSS = re.compile(r"^assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    ctx = mkdocs_glue.context()
    site = ctx.site
    settings = EditorSettings.from_env(os.environ, site_url=config.site_url, repo_url=config.repo_url)
    styles = sorted("../" + f.src_uri for f in files if _THEME_CSS.match(f.src_uri))
    with mkdocs_glue.problems_as_build_error():
        generated = admin_files(site.root, site.content_dir, newest_first(ctx.plan_set), settings,
                                site_name=config.site_name, styles=styles)
    return mkdocs_glue.add_generated(files, config, generated)
