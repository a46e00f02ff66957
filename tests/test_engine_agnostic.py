"""The core does not need MkDocs: only site_build.mkdocs_glue (and the CLI's build/serve) import it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CORE = ["site_build.plan", "site_build.thaidate", "site_build.status", "site_build.pages.plan_pages",
        "site_build.activities.load", "site_build.activities.scaffold", "site_build.photos",
        "site_build.documents.load",
        "site_build.reports.generate", "site_build.safety", "site_build.search.indexer", "site_build.social",
        "site_build.manuals", "site_build.checkall", "site_build.build", "site_build.cli",
        "site_build.provenance", "site_build.publish.releases", "site_build.publish.webconfig",
        "site_build.publish.live", "site_build.ci.annotations", "site_build.ci.preview"]


def test_core_modules_import_without_mkdocs() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE)
            + "loaded = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material')))\n"
            + "print(loaded)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
