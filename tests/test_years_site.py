"""End to end over several fiscal years: the FY 2566 URLs of the single-year site never move (pinned list),
a three-year build keeps FY 2566's pages and open data byte for byte, a closed year reads as final, and a
structurally different bureau's plan builds with no code change."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_build.plan.newyear import new_year
from tests.conftest import ROOT, build_into, read_page
from tests.test_activities_support import write_bundle

PINNED = Path(__file__).parent / "fixtures" / "fy2566-urls.txt"
OPEN_DATA = re.compile(r"\.(csv|json|ics)$")


def pinned_urls() -> list[str]:
    return [line for line in PINNED.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_pinned_list_is_the_whole_fy2566_set() -> None:
    urls = pinned_urls()
    assert len(urls) == 73 and len(set(urls)) == 73
    for section in ("plan/2566/", "progress/2566/", "reports/2566/", "evidence/2566/", "policies/no-gift/2566/"):
        assert any(u.startswith(section) for u in urls), section
    assert {"plan/2566/plan.json", "plan/2566/activities.csv", "plan/2566/deadlines.ics",
            "evidence/2566/evidence.csv", "evidence/2566/evidence.json", "reports/2566/q1.csv"} <= set(urls)


def test_every_fy2566_url_still_resolves(built_site: Path) -> None:
    missing = [u for u in pinned_urls() if not (built_site / u).is_file()]
    assert missing == []


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """FY 2566 (archived), FY 2567 (the bundled draft, adopted), FY 2568 drafted by ``plan new-year``."""
    plans = tmp_path_factory.mktemp("three-years")
    (plans / "plans").mkdir()
    shutil.copy2(ROOT / "plans" / "2566.yml", plans / "plans" / "2566.yml")
    adopted = (ROOT / "plan.yml").read_text(encoding="utf-8")
    adopted = re.sub(r"(?m)^draft(_note)?:.*\n", "", adopted)  # what a person does when the plan is approved
    (plans / "plan.yml").write_text(adopted, encoding="utf-8")
    new_year(plans)
    assert sorted(p.name for p in (plans / "plans").iterdir()) == ["2566.yml", "2567.yml"]
    saved = os.environ.get("LC_PLAN")
    os.environ["LC_PLAN"] = str(plans / "plan.yml")
    try:
        site = build_into(plans / "site")
    finally:
        if saved is None:
            os.environ.pop("LC_PLAN", None)
        else:
            os.environ["LC_PLAN"] = saved
    yield site


PROVENANCE_FIELDS = ("last_changed", "paths")
"""Evidence-index fields that say where a page comes from in git (repository paths, last commit), not what the
evidence is: the fixture's plans live outside the repository, so these alone may differ."""


def same_data(path: Path) -> bytes | object:
    """The file's bytes; for the evidence index, its rows without the git-provenance fields."""
    if path.name == "evidence.json":
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in (item for scheme in data["schemes"] for item in scheme["items"]):
            for row in (item, *item["targets"]):
                for key in PROVENANCE_FIELDS:
                    row.pop(key, None)
        return data
    if path.name == "evidence.csv":
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        return [{k: v for k, v in row.items() if k not in PROVENANCE_FIELDS} for row in rows]
    return path.read_bytes()


def test_three_years_keep_every_fy2566_url_and_its_data(three_years: Path, built_site: Path) -> None:
    urls = pinned_urls()
    assert [u for u in urls if not (three_years / u).is_file()] == []
    changed = [u for u in urls if OPEN_DATA.search(u) and same_data(three_years / u) != same_data(built_site / u)]
    assert changed == []
    assert sum(1 for u in urls if OPEN_DATA.search(u)) == 13
    # pages too: same text in the content area, apart from the year switcher/banner the other years add
    for url in ("plan/2566/measure-1/index.html", "progress/2566/score/index.html", "reports/2566/q3/index.html"):
        def article(site: Path, url: str = url) -> str:
            html = (site / url).read_text(encoding="utf-8")
            body = html[html.index("<article"):html.index("</article>")]
            text = text_of(re.sub(r'<div class="lc-year-banner.*?</nav>', "", body, flags=re.S))
            # the git page history differs: the fixture's plans are not in git
            return re.split("เผยแพร่ครั้งแรก|ยังไม่มีประวัติในคลังโค้ด", text)[0]
        assert article(three_years) == article(built_site), url


def test_three_years_in_nav_switcher_and_landing_pages(three_years: Path) -> None:
    for fy in (2566, 2567, 2568):
        assert (three_years / f"plan/{fy}/index.html").is_file()
        assert (three_years / f"progress/{fy}/score/index.html").is_file()
        assert (three_years / f"evidence/{fy}/index.html").is_file()
    html = read_page(three_years, "plan/2566/measure-2/")
    switcher = html[html.index('class="lc-year-switcher"'):]
    switcher = switcher[:switcher.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', switcher) == ["../../2568/measure-2/", "../../2567/measure-2/"]
    assert "๒๕๖๘ (ร่าง)" in switcher
    landing = text_of(read_page(three_years, "plan/"))
    assert landing.index("พ.ศ. ๒๕๖๘") < landing.index("พ.ศ. ๒๕๖๗") < landing.index("พ.ศ. ๒๕๖๖")
    # no scheme is invented for years without data/evidence/<FY>.yml
    none_yet = text_of(read_page(three_years, "evidence/2568/"))
    assert "ยังไม่มีดัชนีหลักฐานของปีนี้" in none_yet and "O31" not in none_yet


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled site (FY 2566 + the FY 2567 draft) as of December 2026: FY 2566 long closed."""
    return build_into(tmp_path_factory.mktemp("closed") / "site", as_of="2026-12-07")


def test_closed_year_is_final_and_carries_the_archive_banner(closed: Path) -> None:
    html = read_page(closed, "plan/2566/")
    banner = html[html.index('class="lc-year-banner lc-year-banner--archive"'):]
    assert "ข้อมูลปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งสิ้นสุดแล้ว" in banner[:400]
    assert 'href="../2567/"' in banner[:600]
    for url in ("plan/2566/measure-1/", "progress/2566/", "reports/2566/12-months/"):
        page = read_page(closed, url)
        content = page[page.index("<article"):page.index("</article>")]
        assert "lc-status--overdue" not in content and "เลยกำหนด ยังไม่มีหลักฐาน" not in content, url
        assert "ไม่ได้ดำเนินการภายในปีงบประมาณ" in text_of(content), url
    progress = text_of(read_page(closed, "progress/2566/"))
    assert "ข้อมูล ณ วันที่ ๓๐ กันยายน ๒๕๖๖" in progress  # final: as of the year's last day, not today
    csv = (closed / "plan/2566/activities.csv").read_text(encoding="utf-8-sig")
    states = {line.split(",")[8] for line in csv.splitlines()[1:] if line.count(",") >= 10}
    assert states <= {"done", "not-done"} and "not-done" in states


def test_draft_year_is_visibly_a_sample_and_home_shows_it(closed: Path) -> None:
    page = read_page(closed, "plan/2567/measure-1/")
    assert "lc-year-banner--draft" in page and "ร่าง / ตัวอย่าง" in text_of(page)
    assert "ซึ่งสิ้นสุดแล้ว" not in text_of(page)
    home = text_of(read_page(closed, ""))
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๗" in home and "ร่าง / ตัวอย่าง" in home
    assert 'href="plan/2566/"' in read_page(closed, "") and 'href="plan/"' in read_page(closed, "")


def test_mkdocs_yml_names_no_fiscal_year() -> None:
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    config = "\n".join(line.split(" #")[0] for line in lines if not line.lstrip().startswith("#"))
    assert not re.search(r"25[6-9][0-9]|๒๕[๖-๙][๐-๙]", config)


def _second_bureau(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    shutil.copy2(Path(__file__).parent / "fixtures" / "second_bureau" / "plan.yml", root / "plan.yml")
    (root / "content" / "index.md").write_text("# สำนักทดสอบ\n\n<!-- progress -->\n", encoding="utf-8")
    write_bundle(root, "2025-01-10-deep", """\
        title: กิจกรรมชั้นที่สาม
        date: 2025-01-10
        plan_items: ["1.1.1.1"]
        summary: กิจกรรมตัวอย่างของสำนักทดสอบ
        publicity:
          youtube: {url: "https://video.example.org/v/1", date: 2025-01-11}
        sample: true
        """, body="เรื่องราวของกิจกรรมตัวอย่าง\n")
    from site_build.documents.originals import LOCK_PATH, Lock, write_lock

    write_lock(root / LOCK_PATH, Lock())
    hooks = "\n".join(f"  - {ROOT / 'hooks' / name}" for name in
                      ("plan.py", "safety.py", "activities.py", "documents.py", "views.py", "reports.py", "links.py"))
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: สำนักทดสอบ
        site_url: https://example.org/
        docs_dir: content
        use_directory_urls: true
        strict: true
        theme: {{name: material, language: th, custom_dir: {ROOT / 'overrides'}, font: false,
                features: [navigation.tabs, navigation.indexes, navigation.prune]}}
        extra: {{plan_file: plan.yml, digits: arabic}}
        markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables, toc]
        validation: {{omitted_files: info, absolute_links: relative_to_docs, unrecognized_links: warn, anchors: warn}}
        nav:
          - index.md
          - แผน: [plan/index.md]
          - ความก้าวหน้า: [progress/index.md, reports/index.md]
          - หลักฐาน: [evidence/index.md]
        hooks:
        """) + hooks + "\n", encoding="utf-8")
    return root


def test_second_bureau_plan_builds_with_no_code_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from site_build.mkdocs_glue import run_mkdocs_build

    root = _second_bureau(tmp_path / "bureau")
    monkeypatch.setenv("SITE_AS_OF", "2025-07-01")
    monkeypatch.delenv("LC_PLAN", raising=False)
    site = tmp_path / "site"
    run_mkdocs_build(root / "mkdocs.yml", site, strict=True)  # MkDocs with the real hooks (no search indexer here)
    project = text_of(read_page(site, "plan/2568/project-1/"))
    for item in ("1.1.1.1 ชั้นที่สาม ก", "1.1.1.2 ชั้นที่สาม ข", "1.1.1 ชั้นที่สอง", "1.2 กิจกรรมเดี่ยว"):
        assert item in project, item
    assert "15 มกราคม 2568" in project  # Arabic digits, as this bureau configured
    assert "ดำเนินการแล้ว" in project and (site / "activities/2025-01-10-deep/index.html").is_file()
    overview = text_of(read_page(site, "plan/2568/"))
    assert "คะแนนสำนักดีเด่น" not in overview  # no score rules: no score section
    assert "ไม่มีเกณฑ์คะแนน" in text_of(read_page(site, "progress/2568/score/"))
    publicity = text_of(read_page(site, "progress/2568/publicity/"))
    assert "ช่องวิดีโอของสำนัก" in publicity and "ไลน์" not in publicity
    assert (site / "plan/2568/measure-2/index.html").is_file() and not (site / "plan/2568/measure-3").exists()
    assert "ยังไม่มีดัชนีหลักฐานของปีนี้" in text_of(read_page(site, "evidence/2568/"))
    assert 'class="lc-year-switcher"' not in read_page(site, "plan/2568/")  # one year: nothing to switch


def test_closed_year_targets_are_final(closed: Path) -> None:
    progress = text_of(read_page(closed, "progress/2566/"))
    assert "ยังไม่บรรลุ" not in progress and "ไม่บรรลุ" in progress
    home = text_of(read_page(closed, ""))
    assert "เป้าหมายถัดไป" not in home  # FY 2567 (the latest) is over too as of December 2026
