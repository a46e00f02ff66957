"""Check every source staff can edit, once, and return all problems: shared by the build and `check`."""

from __future__ import annotations

from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.leaks import leak_problems, load_leaked
from site_build.safety import check_content_tree, check_markdown_source
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
        problems += leak_problems(text, display, leaked)
    return problems


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
