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
    assert [c.subject for c in page.recent] == ["แก้คำผิด <ข้อ ๒>", "เพิ่มนโยบายไม่รับของขวัญ"]


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
    assert "แก้คำผิด &lt;ข้อ ๒&gt;" in html and "<ข้อ" not in html
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
