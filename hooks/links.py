"""Check every source page's links once all generated pages exist, naming the line of each broken one."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from site_build import mkdocs_glue
from site_build.errors import raise_if_errors
from site_build.links import broken_links
from site_build.textfile import decode_text


@event_priority(-90)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    known = {f.src_uri for f in files}
    known |= {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}  # photo originals
    problems = []
    for file in files.documentation_pages():
        if file.generated_by is not None or file.abs_src_path is None:
            continue
        display = f"{docs.name}/{file.src_uri}"
        text = decode_text(Path(file.abs_src_path).read_bytes(), display)
        problems += broken_links(file.src_uri, display, text, known)
    with mkdocs_glue.problems_as_build_error():
        raise_if_errors(problems)
    return files
