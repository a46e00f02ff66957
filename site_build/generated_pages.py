"""Which pages the build generates, without building: so ``check`` can verify the nav in mkdocs.yml like the build.

Calls the same pure generators the hooks call (in the hooks' order: write-ups and documents register their
evidence before the plan and report views), and keeps only the URIs. A generator that fails here fails the
build too, and its problems are reported by the other checks, so it simply contributes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from site_build.context import BuildContext, Site, resolve_as_of
from site_build.errors import ProblemsFound
from site_build.pages import GeneratedFile
from site_build.plan.years import PlanSet


def generated_page_uris(root: Path, plans: PlanSet) -> set[str]:
    from site_build.activities.listing import generate_listing_pages
    from site_build.activities.load import evidence_of, load_activities
    from site_build.documents.build import prepare as prepare_documents
    from site_build.manuals import discover_manuals, generate_print_pages
    from site_build.pages.plan_pages import generate_plan_pages
    from site_build.reports.generate import generate_report_files

    content = root / "content"
    ctx = BuildContext(site=Site(root=root, content_dir=content, site_url="http://localhost/"), plan=plans.latest,
                       as_of=resolve_as_of(), plan_path=root / "plan.yml", plans=plans)
    uris: set[str] = set()

    def add(make: Callable[[], Iterable[GeneratedFile]]) -> None:
        with contextlib.suppress(ProblemsFound, ValueError, KeyError, OSError, TypeError):
            uris.update(g.uri for g in make())

    def activities() -> Iterable[GeneratedFile]:
        writeups, _ = load_activities(content, plans, display_root=root)
        ctx.add_evidence(evidence_of(writeups))
        return list(generate_listing_pages(ctx, writeups, {}))

    def documents() -> Iterable[GeneratedFile]:
        sources = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
        state = prepare_documents(ctx, sources, plan_file=root / "plan.yml", extra={})
        ctx.add_evidence(state.plan_evidence())
        return list(state.generated_files())

    add(activities)
    add(documents)
    add(lambda: generate_print_pages(discover_manuals(content, display_root=content.name)[0]))
    add(lambda: generate_plan_pages(ctx))
    add(lambda: generate_report_files(ctx))
    return uris
