"""End to end: the real plan.yml built into a site, read back as HTML, JSON and CSV."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pytest

from site_build.plan import load_plan
from site_build.plan.score import score_summary
from site_build.thaidate import format_date
from tests.conftest import ROOT, read_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "plans" / "2566.yml")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_three_measure_pages_list_their_projects(built_site: Path, plan) -> None:
    for measure in plan.measures:
        html = read_page(built_site, f"plan/2566/measure-{measure.number}/")
        for project in measure.projects:
            assert f'href="../project-{project.number}/"' in html
        for guideline in measure.guidelines:
            assert guideline.title.split()[0] in text_of(html)


def test_every_project_has_a_page_with_its_activities_and_thai_deadlines(built_site: Path, plan) -> None:
    pages = sorted(built_site.glob("plan/2566/project-*/index.html"))
    assert len(pages) == 28
    for _, project in plan.projects():
        html = read_page(built_site, f"plan/2566/project-{project.number}/")
        text = text_of(html)
        for activity in project.all_activities():
            assert f'id="item-{activity.id.replace(".", "-")}"' in html
            for deadline in activity.deadlines:
                assert format_date(deadline.date) in text
        for deadline in project.deadlines:
            assert format_date(deadline.date) in text


def test_known_deadline_in_thai_form(built_site: Path) -> None:
    text = text_of(read_page(built_site, "plan/2566/project-1/"))
    assert "๒๐ มีนาคม ๒๕๖๖" in text
    assert "2023-03-20" not in text


def test_plan_json_matches_plan_yml(built_site: Path, plan) -> None:
    data = json.loads((built_site / "plan/2566/plan.json").read_text(encoding="utf-8"))
    expected = json.loads(plan.model_dump_json(exclude_none=True))
    assert expected.pop("draft") is False  # an adopted plan's open data has no draft mark (as before it existed)
    assert data == expected
    assert data["fiscal_year"] == 2566
    assert len(data["measures"]) == 3
    assert sum(len(m["projects"]) for m in data["measures"]) == 28


def test_activities_csv_is_excel_friendly_and_complete(built_site: Path, plan) -> None:
    raw = (built_site / "plan/2566/activities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    from site_build.status import leaves

    expected = [leaf.id for _, p in plan.projects() for leaf in leaves(p)]
    assert [r["id"] for r in rows] == expected
    assert all(r["status"] in {"done", "due", "overdue"} for r in rows)
    assert any("สำนักกรรมาธิการ ๒" in r["lead_units"] for r in rows)


def test_score_section_shows_computed_sum_and_difference(built_site: Path, plan) -> None:
    summary = score_summary(plan)
    html = read_page(built_site, "plan/2566/")
    assert f'data-plan-sum="{summary.plan_sum}"' in html
    assert 'data-declared="270"' in html


def test_open_data_page_documents_the_files(built_site: Path) -> None:
    html = read_page(built_site, "plan/2566/open-data/")
    assert 'href="../plan.json"' in html and 'href="../activities.csv"' in html


def test_urls_are_stable_and_include_the_fiscal_year(built_site: Path) -> None:
    for url in ["plan/2566/", "plan/2566/measure-1/", "plan/2566/measure-3/", "plan/2566/project-28/",
                "plan/2566/open-data/"]:
        assert (built_site / url / "index.html").is_file(), url


def _forbidden_forms() -> list[re.Pattern[bytes]]:
    # Built from pieces so this file never contains the leaked credential itself.
    word = "".join(reversed("etanes" + "larom"))
    spaced = r"[\s\W_]*".join(re.escape(c) for c in word)
    return [re.compile(spaced.encode(), re.IGNORECASE)]


def _all_text_payloads(site: Path):
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # gzip (sitemap.xml.gz, search index fragments)
            data = gzip.decompress(data)
        yield path, data


def test_leaked_credential_never_reaches_the_built_site(built_site: Path) -> None:
    patterns = _forbidden_forms()
    hits = [p.relative_to(built_site).as_posix() for p, data in _all_text_payloads(built_site)
            if any(pat.search(data) for pat in patterns)]
    assert hits == []


def test_leaked_credential_not_in_plan_yml() -> None:
    for path in (ROOT / "plan.yml", *sorted((ROOT / "plans").glob("*.yml"))):
        raw = path.read_bytes()
        assert not any(p.search(raw) for p in _forbidden_forms()), path


def test_serve_watches_plan_yml() -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert str(ROOT / "plan.yml") in [str(Path(w)) for w in config.watch]
