"""One setting chooses Thai or Arabic digits for generated pages; Material's wrong Thai strings are fixed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import material

from site_build.context import BuildContext, Site
from site_build.pages.plan_pages import generate_plan_pages
from site_build.plan import load_plan
from tests.conftest import ROOT


def _pages(digits: str) -> dict[str, str]:
    plan = load_plan(ROOT / "plans" / "2566.yml")
    ctx = BuildContext(site=Site(root=ROOT, content_dir=ROOT / "content", site_url="https://x.example/",
                                 digits=digits), plan=plan, as_of=dt.date(2023, 6, 30))
    return {f.uri: f.content for f in generate_plan_pages(ctx) if isinstance(f.content, str)}


def test_thai_digits() -> None:
    page = _pages("thai")["plan/2566/project-1.md"]
    assert "๒๐ มีนาคม ๒๕๖๖" in page
    assert "20 มีนาคม 2566" not in page


def test_arabic_digits() -> None:
    page = _pages("arabic")["plan/2566/project-1.md"]
    assert "20 มีนาคม 2566" in page
    assert "๒๐ มีนาคม ๒๕๖๖" not in page


def test_material_thai_strings_fixed_by_our_language_partial() -> None:
    loader = jinja2.FileSystemLoader([str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")])
    env = jinja2.Environment(loader=loader, autoescape=True)
    template = env.from_string('{% import "partials/language.html" as lang with context %}'
                               '{{ lang.t("source.file.date.updated") }}|{{ lang.t("blog.categories.in") }}|'
                               '{{ lang.t("search") }}')
    rendered = template.render(config={"theme": {"language": "th"}})
    assert rendered == "ปรับปรุงล่าสุด|ใน|ค้นหา"
