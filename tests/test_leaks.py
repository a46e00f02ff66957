"""The leaked credential is refused in any spacing or case, and the repository never stores it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from site_build.leaks import find_leaks, leak_problems, load_leaked
from tests.conftest import ROOT

SECRETS = load_leaked(ROOT / "data" / "leaked-credentials.yml")
WORD = "".join(reversed("etanes" + "larom"))  # reversed pieces: no run of this file normalises to it


@pytest.mark.parametrize("form", [
    WORD, WORD.upper(), f"{WORD[:5].title()} {WORD[5:].title()}", " ".join(WORD), f"{WORD[:5]}-{WORD[5:]}",
    "_".join([WORD[:3].upper(), WORD[3:]]),
    f"Password : {WORD}", f"รหัสผ่าน {WORD}",
], ids=lambda form: f"form{len(form)}")
def test_every_form_is_found(form: str) -> None:
    assert find_leaks(f"บรรทัดแรก\nเฟซบุ๊ก {form} ท้าย\n", SECRETS) == [2]


def test_split_across_lines_is_found_on_the_line_it_starts() -> None:
    assert find_leaks(f"ก {WORD[:5]}\n{WORD[5:]} ข\n", SECRETS) == [1]


@pytest.mark.parametrize("text", [
    "moral senator", "moral values of the senate", "คุณธรรมข้าราชการ สว.", WORD[:5] + " values"])
def test_near_misses_pass(text: str) -> None:
    assert find_leaks(text, SECRETS) == []


def test_problem_names_file_and_line_without_echoing_the_secret() -> None:
    [p] = leak_problems(f"a\nb\nx {WORD}\n", "content/x.md", SECRETS, line_offset=4)
    assert (p.file, p.line, p.code) == ("content/x.md", 7, "leaked-credential")
    assert WORD not in p.message_th + p.message_en + p.fix_th


def test_repository_sources_never_hold_the_secret() -> None:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    offenders = []
    for path in (ROOT / name for name in listed):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if find_leaks(text, SECRETS):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


def test_digest_file_is_a_digest() -> None:
    raw = (ROOT / "data" / "leaked-credentials.yml").read_text(encoding="utf-8")
    assert WORD not in raw.lower().replace(" ", "")
    assert all(len(s.sha256) == 64 for s in SECRETS)
    assert Path(ROOT / "data" / "leaked-credentials.yml").is_file()
