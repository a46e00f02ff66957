"""Running Pagefind, the search indexer installed by ``npm ci`` (pinned in package.json / package-lock.json).

Pagefind segments Thai words when it indexes and when it searches (the page language is Thai), and it
writes a static, chunked index that the browser loads piece by piece. It runs locally, with no network.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from site_build.errors import Problem, ProblemsFound

LANGUAGE = "th"
"""One index for the whole site, segmented as Thai (English words are still split on spaces)."""

UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces: the site has its own (assets/js/search.js), so these are removed."""


def pagefind_binary(root: Path) -> Path:
    """The project's own Pagefind (``node_modules/.bin/pagefind``); a clear error when it is missing."""
    binary = root / "node_modules" / ".bin" / "pagefind"
    if binary.is_file() and os.access(binary, os.X_OK):
        return binary
    raise ProblemsFound([Problem(
        file="package.json",
        message_th="ไม่พบโปรแกรม Pagefind สำหรับสร้างดัชนีค้นหา (node_modules/.bin/pagefind)",
        message_en="Pagefind (the search indexer) is not installed: node_modules/.bin/pagefind is missing",
        fix_th="สั่ง npm ci ในโฟลเดอร์โครงการหนึ่งครั้ง (ต้องมี Node.js) แล้วสร้างเว็บไซต์ใหม่",
        code="search-pagefind-missing",
    )])


def run_pagefind(binary: Path, source: Path, output: Path, *, exclude_selectors: Sequence[str] = (),
                 timeout: float = 600) -> None:
    """Index the HTML under ``source`` into ``output``; any failure becomes one located problem."""
    command = [str(binary), "--site", str(source), "--output-path", str(output),
               "--force-language", LANGUAGE, "--quiet"]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _failed(str(exc)) from exc
    if done.returncode != 0:
        raise _failed((done.stderr or done.stdout).strip()[-2000:] or f"exit status {done.returncode}")
    if not (output / "pagefind.js").is_file():
        raise _failed("pagefind.js was not written")


def remove_unused(output: Path) -> None:
    for name in UNUSED_FILES:
        (output / name).unlink(missing_ok=True)


def _failed(detail: str) -> ProblemsFound:
    return ProblemsFound([Problem(
        file="package.json",
        message_th="สร้างดัชนีค้นหา (Pagefind) ไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ",
        message_en=f"Pagefind failed: {detail}",
        fix_th="ลองสั่ง npm ci ใหม่ให้ได้ Pagefind รุ่นที่กำหนดไว้ใน package-lock.json แล้วสร้างเว็บไซต์อีกครั้ง",
        code="search-pagefind-failed",
    )])
