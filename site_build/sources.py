"""Check every source staff can edit, once, and return all problems: shared by the build and `check`."""

from __future__ import annotations

from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.frontmatter import parse_front_matter
from site_build.leaks import leak_problems, load_leaked
from site_build.safety import check_content_tree, check_markdown_source, check_plain_text
from site_build.textfile import decode_text


def check_sources(root: Path, content_dir: Path) -> list[Problem]:
    """File kinds, then each Markdown file's text (encoding, secrets, IDs, raw HTML, limits), then plan.yml."""
    leaked = load_leaked(root / "data" / "leaked-credentials.yml")
    problems = check_content_tree(content_dir, display_root=root)
    texts = sorted(content_dir.rglob("*.md"))
    texts += [root / "plan.yml", *sorted((root / "data").rglob("*.yml"))]
    for path in texts:
        if path.is_symlink() or not path.is_file():
            continue  # reported by the tree check
        display = _display(path, root)
        try:
            text = decode_text(path.read_bytes(), display)
        except ProblemsFound as exc:
            problems += exc.problems
            continue
        if path.suffix == ".md":
            problems += check_markdown_source(text, display)
            problems += _front_matter_problems(text, display)
        problems += leak_problems(text, display, leaked)
    return problems


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
