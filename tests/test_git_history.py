"""Page history from one ``git log``: known commit dates in a temporary repository, renames, shallow clones."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from site_build.documents.git_history import collect_history, parse_log, render_history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "ทดสอบ", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    out = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return out.stdout


def commit(repo: Path, path: str, text: str, message: str, when: str) -> None:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    git(root, "init", "-q", "-b", "main")
    # 23:30 UTC on 4 Jan is already 5 Jan in Bangkok: dates are shown in Bangkok time
    commit(root, "content/policies/no-gift/2566/index.md", "v1", "เพิ่มนโยบายไม่รับของขวัญ", "2023-01-04T23:30:00+00:00")
    commit(root, "content/about/privacy.md", "p1", "add privacy notice", "2023-02-01T09:00:00+07:00")
    commit(root, "content/policies/no-gift/2566/index.md", "v2", "แก้คำผิด <ข้อ ๒>", "2023-03-20T10:00:00+07:00")
    git(root, "mv", "content/about/privacy.md", "content/about/privacy-notice.md")
    git(root, "commit", "-q", "-m", "rename privacy page", when="2023-04-01T10:00:00+07:00")
    for n in range(7):
        commit(root, "content/index.md", f"home {n}", f"home edit {n}", f"2023-05-{n + 1:02d}T10:00:00+07:00")
    return root


def test_dates_come_from_commits_in_bangkok_time(repo: Path) -> None:
    history = collect_history(repo)
    assert history.state == "ok"
    page = history.for_paths([repo / "content/policies/no-gift/2566/index.md"])
    assert page.first == dt.date(2023, 1, 5)
    assert page.last == dt.date(2023, 3, 20)
    assert [c.note for c in page.recent] == ["ปรับปรุงเนื้อหา", "เผยแพร่ครั้งแรก"]  # no Change-note trailers here


def test_history_follows_a_rename(repo: Path) -> None:
    page = collect_history(repo).for_paths([repo / "content/about/privacy-notice.md"])
    assert (page.first, page.last, page.total) == (dt.date(2023, 2, 1), dt.date(2023, 4, 1), 2)


def test_only_the_five_latest_commits_are_listed(repo: Path) -> None:
    page = collect_history(repo).for_paths([repo / "content/index.md"])
    assert page.total == 7 and len(page.recent) == 5
    assert page.recent[0].date == dt.date(2023, 5, 7)


def test_rendered_block_in_thai_with_escaped_subjects_and_links(repo: Path) -> None:
    page = collect_history(repo).for_paths([repo / "content/policies/no-gift/2566/index.md"])
    html = render_history(page, digit_style="thai", repo_url="https://github.com/example/site")
    assert 'เผยแพร่ครั้งแรก <time datetime="2023-01-05">๕ มกราคม ๒๕๖๖</time>' in html
    assert 'ปรับปรุงล่าสุด <time datetime="2023-03-20">๒๐ มีนาคม ๒๕๖๖</time>' in html
    assert "แก้คำผิด" not in html  # the commit message is the developers'; readers get a change note
    assert "— ปรับปรุงเนื้อหา" in html and "— เผยแพร่ครั้งแรก" in html
    assert 'href="https://github.com/example/site/commits/HEAD/content/policies/no-gift/2566/index.md"' in html
    assert f'href="https://github.com/example/site/commit/{page.recent[0].sha}"' in html


def test_uncommitted_file_says_it_has_no_history_yet(repo: Path) -> None:
    new = repo / "content/new.md"
    new.write_text("x", encoding="utf-8")
    page = collect_history(repo).for_paths([new])
    assert page.state == "no-commits" and page.first is None
    assert "ยังไม่มีประวัติในคลังโค้ด" in render_history(page)


def test_shallow_clone_says_history_is_incomplete_instead_of_wrong_dates(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   capture_output=True, env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull})
    history = collect_history(clone)
    assert history.state == "shallow"
    page = history.for_paths([clone / "content/policies/no-gift/2566/index.md"])
    html = render_history(page, repo_url="https://gitlab.com/example/site")
    assert "ประวัติไม่สมบูรณ์: สำเนาโค้ดแบบตื้น" in html
    assert "<time" not in html  # no dates rather than wrong ones
    assert "https://gitlab.com/example/site/-/commits/HEAD/content/policies/no-gift/2566/index.md" in html


def test_outside_git_says_so(tmp_path: Path) -> None:
    history = collect_history(tmp_path)
    assert history.state == "no-git"
    html = render_history(history.for_paths([tmp_path / "x.md"]))
    assert "ไม่ได้สร้างจากคลังโค้ด git" in html and "<time" not in html


def test_one_git_log_for_the_whole_build(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def spy(args, **kwargs):
        calls.append(list(args))
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    history = collect_history(repo)
    for name in ("content/index.md", "content/about/privacy-notice.md", "content/policies/no-gift/2566/index.md"):
        history.for_paths([repo / name])
    assert len(calls) == 2 and sum("log" in c for c in calls) == 1


def test_parse_log_handles_quoted_paths_and_copies() -> None:
    text = ("\x1eaaa\x1f2023-01-02T10:00:00+07:00\x1fsecond\n\nM\t\"content/a\\\"b.md\"\nC100\tx.md\ty.md\n"
            "\x1ebbb\x1f2023-01-01T10:00:00+07:00\x1ffirst\n\nA\tx.md\n")
    history = parse_log(text)
    assert history.by_path == {'content/a"b.md': [0], "y.md": [0], "x.md": [1]}


def test_change_notes_from_trailers_and_code_only_commits_never_shown(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    page = "content/about/contact.md"
    commit(root, page, "v1", "Add contact page", "2023-01-10T10:00:00+07:00")
    commit(root, "site_build/guard.py", "x", "Leaked-credential guard, build integrity tests, CLI error reporting",
           "2023-02-01T10:00:00+07:00")
    commit(root, page, "v2", "Fix phone\n\nChange-note: แก้ไขหมายเลขโทรศัพท์ <สำนักงาน>", "2023-03-01T10:00:00+07:00")
    commit(root, page, "v3", "Reformat front matter\n\nChange-note: none", "2023-04-01T10:00:00+07:00")
    commit(root, page, "v4", "Refactor headings across pages", "2023-05-01T10:00:00+07:00")
    history = collect_history(root, pathspec=["content"])
    assert {c.subject for c in history.commits} == {"Add contact page", "Fix phone", "Reformat front matter",
                                                    "Refactor headings across pages"}  # code never even read
    shown = history.for_paths([root / page])
    assert [(c.date.month, c.note) for c in shown.recent] == [
        (5, "ปรับปรุงเนื้อหา"), (3, "แก้ไขหมายเลขโทรศัพท์ <สำนักงาน>"), (1, "เผยแพร่ครั้งแรก")]
    assert shown.total == 3 and shown.last == dt.date(2023, 5, 1)
    html = render_history(shown, repo_url=None)
    assert "แก้ไขหมายเลขโทรศัพท์ &lt;สำนักงาน&gt;" in html and "ประวัติการเปลี่ยนแปลงเนื้อหา" in html
    for english in ("Add contact", "Fix phone", "Reformat", "Refactor", "Leaked-credential", "guard"):
        assert english not in html
    assert "<code>" not in html  # no bare hashes without somewhere to look them up
    linked = render_history(shown, repo_url="https://github.com/example/site")
    assert 'href="https://github.com/example/site/commits/HEAD/content/about/contact.md"' in linked
    assert shown.first == dt.date(2023, 1, 10)


def test_pages_in_the_real_build_show_no_developer_messages(built_site: Path) -> None:
    import re

    subjects = {line for line in subprocess.run(["git", "log", "--format=%s"], cwd=Path(__file__).parent,
                                                capture_output=True, text=True).stdout.splitlines() if len(line) > 20}
    checked = 0
    for path in [built_site / "index.html", built_site / "about" / "contact" / "index.html",
                 built_site / "policies" / "no-gift" / "2566" / "index.html"]:
        html = path.read_text("utf-8")
        block = re.search(r'<aside class="lc-history".*?</aside>', html, re.S)
        if block is None:
            continue
        checked += 1
        for subject in subjects:
            assert subject[:40] not in block.group(0), (path, subject)
        assert not re.search(r"<li>[^<]*<time[^>]*>[^<]*</time> — [A-Za-z]", block.group(0)), path
    assert checked


def test_a_minor_change_is_not_the_last_updated_date() -> None:
    text = ("\x1ebbb\x1f2023-04-01T10:00:00+07:00\x1fTypo\x1fnone\n\nM\tcontent/a.md\n"
            "\x1eaaa\x1f2023-01-01T10:00:00+07:00\x1fFirst\x1fเพิ่มหน้า\x1dพร้อมแผนที่\n\nA\tcontent/a.md\n")
    history = parse_log(text)
    history.toplevel = Path("/repo")
    page = history.for_paths([Path("/repo/content/a.md")])
    assert page.last == dt.date(2023, 1, 1) and page.total == 1
    assert [c.note for c in page.recent] == ["เพิ่มหน้า พร้อมแผนที่"]


def test_a_file_moved_out_and_replaced_hands_its_history_to_the_copy() -> None:
    """``plan new-year``: plan.yml is copied to plans/2566.yml and rewritten in one commit; the archive keeps
    the older commits and the new plan.yml starts there (git log -C reports the copy)."""
    text = ("\x1eccc\x1f2023-10-01T10:00:00+07:00\x1fnew year\n\nM\tplan.yml\nC100\tplan.yml\tplans/2566.yml\n"
            "\x1ebbb\x1f2023-03-01T10:00:00+07:00\x1fedit\n\nM\tplan.yml\n"
            "\x1eaaa\x1f2023-01-01T10:00:00+07:00\x1ffirst\n\nA\tplan.yml\n")
    history = parse_log(text)
    assert history.by_path == {"plan.yml": [0], "plans/2566.yml": [0, 1, 2]}
