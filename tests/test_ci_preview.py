"""Previews from disk (folder links → index.html) and the Thai list of pages a pull request adds or changes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from site_build.build import post_build_steps
from site_build.ci.preview import (
    PREVIEW_NOTE,
    ChangedPage,
    changed_pages,
    git_changes,
    main,
    make_browsable_from_disk,
    page_url,
    rewrite_links,
    summary,
)


def small_site(root: Path) -> Path:
    for rel in ("index.html", "plan/2566/index.html", "about/index.html", "about/privacy/index.html"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"<title>{rel} - site</title>", encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "site.css").write_text("", encoding="utf-8")
    return root


def test_folder_links_gain_index_html(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    page = site / "about" / "privacy" / "index.html"
    html = ('<a href="../../plan/2566/#item-1-6-1">p</a> <a href="../">up</a> <a href="./">self</a> '
            '<a href="../../">home</a> <link href="../../assets/site.css"> <a href="https://x.org/a/">out</a> '
            '<a href="/about/">abs</a> <a href="#top">top</a> <a href="../../missing/">gone</a> '
            '<a href="../../about?x=1&amp;y=2">q</a>')
    assert rewrite_links(html, page, site) == (
        '<a href="../../plan/2566/index.html#item-1-6-1">p</a> <a href="../index.html">up</a> '
        '<a href="./index.html">self</a> <a href="../../index.html">home</a> <link href="../../assets/site.css"> '
        '<a href="https://x.org/a/">out</a> <a href="/about/">abs</a> <a href="#top">top</a> '
        '<a href="../../missing/">gone</a> <a href="../../about/index.html?x=1&amp;y=2">q</a>')


def test_preview_step_marks_the_folder(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    (site / "index.html").write_text('<a href="about/">a</a>', encoding="utf-8")
    make_browsable_from_disk(site)
    assert (site / "index.html").read_text(encoding="utf-8") == '<a href="about/index.html">a</a>'
    assert "ห้ามนำโฟลเดอร์นี้ไปเผยแพร่" in (site / PREVIEW_NOTE).read_text(encoding="utf-8")
    assert make_browsable_from_disk in post_build_steps(preview=True)
    assert make_browsable_from_disk not in post_build_steps()


def test_preview_is_never_published(tmp_path: Path) -> None:
    from site_build.publish.manifest import write_manifest
    from site_build.publish.releases import PublishError, publish
    from site_build.publish.targets import LocalTarget

    site = small_site(tmp_path / "site")
    make_browsable_from_disk(site)
    write_manifest(site)
    with pytest.raises(PublishError, match="ฉบับตัวอย่าง"):
        publish(site, LocalTarget(tmp_path / "www"))


@pytest.mark.parametrize(("source", "url"), [
    ("content/index.md", ""), ("content/about/privacy.md", "about/privacy/"), ("content/about/index.md", "about/"),
    ("content/activities/2023-04-05-x/index.md", "activities/2023-04-05-x/"), ("plan.yml", None),
    ("content/assets/css/site.css", None), ("docs/x.md", None)])
def test_page_urls(source: str, url: str | None) -> None:
    assert page_url(source) == url


def test_changed_pages(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    bundle = "content/activities/2023-04-05-x"
    changes = [("A", f"{bundle}/index.md"), ("A", f"{bundle}/IMG_1.jpg"), ("M", "content/about/privacy.md"),
               ("D", "content/about/old.md"), ("M", "plan.yml"), ("M", "site_build/cli.py"),
               ("M", "content/activities/2023-01-01-y/photo.jpg")]
    sources = {f"{bundle}/index.md", "content/activities/2023-01-01-y/index.md"}
    pages = changed_pages(changes, site=site, sources=sources)
    assert pages == [ChangedPage("activities/2023-04-05-x/", "added", f"{bundle}/index.md"),
                     ChangedPage("about/old/", "removed", "content/about/old.md"),
                     ChangedPage("about/privacy/", "changed", "content/about/privacy.md"),
                     ChangedPage("activities/2023-01-01-y/", "changed", "content/activities/2023-01-01-y/photo.jpg"),
                     ChangedPage("plan/2566/", "changed", "plan.yml")]
    text = summary(pages, site=site)
    assert "## หน้าที่ Pull Request นี้เพิ่มหรือแก้ไข" in text
    row = "| about/privacy/index.html | แก้ไข | `site-preview/about/privacy/index.html` | `content/about/privacy.md` |"
    assert row in text
    assert "| about/old/ | ลบออก | - |" in text and "เพิ่มใหม่" in text
    assert "ไม่ได้เพิ่มหรือแก้ไขหน้าเว็บ" in summary([])


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


def test_from_git_to_job_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "content" / "about").mkdir(parents=True)
    (repo / "content" / "about" / "index.md").write_text("# a", encoding="utf-8")
    (repo / "content" / "old.md").write_text("# o", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    (repo / "content" / "about" / "index.md").write_text("# a2", encoding="utf-8")
    git(repo, "mv", "content/old.md", "content/new.md")
    (repo / "content" / "ใหม่.md").write_text("# n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    assert sorted(git_changes(repo, "HEAD^1")) == [("A", "content/ใหม่.md"), ("M", "content/about/index.md"),
                                                   ("R100", "content/new.md")]
    small_site(repo / "site-preview")
    out = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(out))
    assert main(["--root", str(repo), "--site", "site-preview"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| about/index.html | แก้ไข | `site-preview/about/index.html` |" in text
    assert "`site-preview/ใหม่/index.html`" in text and "`content/new.md`" in text
    assert text.strip() in capsys.readouterr().out


def test_contributing_describes_what_ci_produces() -> None:
    """CONTRIBUTING.md's preview steps name the artifact, the summary tables and the search notice that exist."""
    from site_build.ci.annotations import summary_table
    from tests.conftest import ROOT

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    workflow = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    assert "name: site-preview" in workflow and "**site-preview**" in guide and "`site-preview.zip`" in guide
    assert "หน้าที่ Pull Request นี้เพิ่มหรือแก้ไข" in guide and "หน้าที่ Pull Request นี้เพิ่มหรือแก้ไข" in summary([])
    assert "ผลการตรวจเนื้อหา" in guide and "ผลการตรวจเนื้อหา" in summary_table([])
    search_js = (ROOT / "content" / "assets" / "js" / "search.js").read_text(encoding="utf-8")
    assert "ใช้ได้บนเว็บไซต์ที่เผยแพร่แล้วเท่านั้น" in guide and "ใช้ได้บนเว็บไซต์ที่เผยแพร่แล้วเท่านั้น" in search_js
    example = "site-preview/activities/2023-04-05-honour-good-people/index.html"
    assert example in guide and page_url("content/activities/2023-04-05-honour-good-people/index.md") + \
        "index.html" == example.removeprefix("site-preview/")
