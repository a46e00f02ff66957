"""The only module that knows MkDocs: turns config into :class:`Site`, problems into build errors,
and :class:`GeneratedFile` values into virtual files (``File.generated``, never written to docs/).

Hooks call these helpers so each hook stays a few lines of event translation.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from site_build import acknowledge
from site_build.context import BuildContext, Site, resolve_as_of
from site_build.errors import Problem, ProblemsFound, format_problem, format_problems
from site_build.pages import GeneratedFile
from site_build.plan.years import load_plans

log = get_plugin_logger("learning-center")

_current: BuildContext | None = None


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def site_from_config(config: MkDocsConfig) -> Site:
    extra = config.extra or {}
    return Site(root=project_root(config), content_dir=Path(config.docs_dir),
                site_url=config.site_url or "http://localhost:8000/",
                digits=extra.get("digits", "thai"), repo_url=config.repo_url)


def start_build(config: MkDocsConfig) -> BuildContext:
    """Load the plan once per build (``mkdocs serve`` calls this again on every rebuild)."""
    global _current
    site = site_from_config(config)
    plan_path = Path(os.environ.get("LC_PLAN") or site.root / (config.extra or {}).get("plan_file", "plan.yml"))
    with problems_as_build_error():
        plans = load_plans(site.root, current=plan_path)
    _current = BuildContext(site=site, plan=plans.latest, as_of=resolve_as_of(config.extra.get("as_of")),
                            plan_path=plan_path, plans=plans)
    return _current


def context() -> BuildContext:
    if _current is None:
        raise PluginError("learning-center: the plan hook must run first (check the order of `hooks:`)")
    return _current


@contextlib.contextmanager
def problems_as_build_error() -> Iterator[None]:
    """Turn :class:`ProblemsFound` into one clear MkDocs error; log warnings so --strict counts them."""
    try:
        yield
    except ProblemsFound as exc:
        report(w for w in exc.problems if not w.is_error)
        errors = exc.errors
        raise PluginError(f"พบข้อผิดพลาด {len(errors)} รายการ (found {len(errors)} problem(s)):\n"
                          + format_problems(errors)) from None


def report(problems: Iterable[Problem]) -> None:
    """Notices (and acknowledged notices) are shown at info level: ``--strict`` fails only on MkDocs' own
    warnings (links, anchors) and on errors, so the build's verdict is the verdict of ``check``."""
    found = list(problems)
    if _current is not None and found:
        found = acknowledge.apply(found, _acknowledgements(_current))
    for problem in found:
        (log.error if problem.is_error else log.info)(format_problem(problem))


def _acknowledgements(ctx: BuildContext) -> acknowledge.Acknowledgements:
    """Read once per build (malformed entries are errors reported by the source checks)."""
    acks = ctx.extras.get("acknowledgements")
    if acks is None:
        acks = acknowledge.collect(ctx.site.content_dir, ctx.site.root)
        ctx.extras["acknowledgements"] = acks
    return acks


def config_keys() -> set[str]:
    """Every top-level key MkDocs accepts in mkdocs.yml (its config schema, plus ``INHERIT``)."""
    from mkdocs.config.defaults import MkDocsConfig

    return {name for name, _ in MkDocsConfig._schema} | {"INHERIT"}


def check_mkdocs_yml(config_file: Path, pages: Iterable[str] | None) -> list[Problem]:
    """mkdocs.yml problems at their lines; ``pages=None`` checks the keys only (before MkDocs reads the file)."""
    from site_build.mkdocs_config import check_mkdocs_config

    text = config_file.read_text(encoding="utf-8")
    problems = check_mkdocs_config(text, known_keys=config_keys(), pages=pages or (), display=config_file.name)
    return [p for p in problems if pages is not None or p.code != "mkdocs-nav-missing"]


def add_generated(files: Files, config: MkDocsConfig, generated: Iterable[GeneratedFile]) -> Files:
    for item in generated:
        existing = files.get_file_from_path(item.uri)
        if existing is not None:
            raise PluginError(f"learning-center: generated page '{item.uri}' would replace the source file "
                              f"'{existing.src_uri}'; rename or remove that file")
        files.append(File.generated(config, item.uri, content=item.content))
    return files


def year_marks_meta(src_uri: str, files: Files) -> dict[str, object] | None:
    """Page meta for ``overrides/partials/lc-year.html``: the year switcher and banners of a per-year page,
    with site URLs (the core works with docs-relative sources)."""
    from site_build.pages.years_nav import year_marks

    ctx = context()

    def exists(uri: str) -> bool:
        return files.get_file_from_path(uri) is not None

    def url(uri: str) -> str:
        file = files.get_file_from_path(uri)
        return file.url if file is not None else uri

    marks = year_marks(src_uri, ctx.plan_set, ctx.as_of, ctx.site.digits, exists)
    if marks is None or (len(ctx.plan_set) < 2 and not marks.draft):
        return None
    return {"fy": marks.fiscal_year, "label": marks.label, "latest": marks.is_latest, "draft": marks.draft,
            "draft_note": marks.draft_note, "archive_banner": marks.archive_banner,
            "latest_label": marks.latest_label, "latest_url": url(marks.latest_src_uri),
            "switcher": [{"label": link.label, "url": url(link.src_uri), "current": link.current,
                          "draft": link.draft} for link in marks.switcher]}


def run_mkdocs_build(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """``mkdocs build --strict`` in-process, into ``site_dir``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
