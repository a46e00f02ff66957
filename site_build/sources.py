"""Check every source staff can edit, once, and return all problems: shared by the build and `check`."""

from __future__ import annotations

from pathlib import Path

from site_build.acknowledge import read_acknowledgements
from site_build.errors import Problem, ProblemsFound
from site_build.frontmatter import parse_front_matter
from site_build.leaks import leak_problems, load_leaked
from site_build.safety import (
    check_content_tree,
    check_markdown_limits,
    check_markdown_source,
    check_plain_text,
    check_text_file,
)
from site_build.safety.files import TEXT_SUFFIXES
from site_build.textfile import decode_text


def check_sources(root: Path, content_dir: Path) -> list[Problem]:
    """File kinds, then each Markdown file's text (encoding, secrets, IDs, raw HTML, limits), then plan.yml."""
    leaked = load_leaked(root / "data" / "leaked-credentials.yml")
    problems = check_content_tree(content_dir, display_root=root)
    texts = sorted(content_dir.rglob("*.md"))
    # Text files are scanned even when refused by kind: staff see every problem of the file in one run.
    texts += [p for p in sorted(content_dir.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES]
    texts += data_files(root)
    for path in texts:
        if path.is_symlink() or not path.is_file():
            continue  # reported by the tree check
        display = _display(path, root)
        try:
            text = decode_text(path.read_bytes(), display)
        except ProblemsFound as exc:
            problems += exc.problems
            continue
        if path.suffix == ".md" and len(text) > SCAN_LIMIT:
            problems += check_markdown_limits(text, display)  # refused for its size; scanned once it is split
            continue
        if path.suffix == ".md":
            problems += check_markdown_source(text, display)
            problems += _front_matter_problems(text, display)
            problems += read_acknowledgements(text, display)[1]
        else:
            problems += check_text_file(text, display)
        problems += leak_problems(text, display, leaked)
    return problems


# A page this large is refused by the size limit (markdown-too-large, 512 KB); scanning megabytes more would only
# make staff wait. Its secrets and characters are scanned once it is split into pages below this size.
SCAN_LIMIT = 4 * 512 * 1024
DATA_SUFFIXES = frozenset({".yml", ".yaml", ".csv", ".json", ".txt", ".md"})


def data_files(root: Path) -> list[Path]:
    """Every data file the site is made from, by glob so new ones are scanned without a code change:
    ``plan.yml``, ``plans/**`` (one file per fiscal year) and ``data/**``."""
    found = [root / "plan.yml"] if (root / "plan.yml").is_file() else []
    for folder in ("plans", "data"):
        found += [p for p in sorted((root / folder).rglob("*")) if p.suffix.lower() in DATA_SUFFIXES]
    return found


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


_PLAIN_FIELDS = ("title", "description", "summary", "author")


def _front_matter_problems(text: str, display: str) -> list[Problem]:
    """Every page's front matter is read with the strict YAML rules; its text fields must be plain text."""
    if not text.startswith("---"):
        return []
    try:
        loaded, _ = parse_front_matter(text, display)
    except ProblemsFound as exc:
        return exc.problems
    problems = list(loaded.problems)
    for field in _PLAIN_FIELDS:
        value = loaded.data.get(field)
        if isinstance(value, str):
            line, column = loaded.where((field,)) or (None, None)
            problems += check_plain_text(value, display, line, column, field)
    return problems
