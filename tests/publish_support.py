"""Tiny built sites for the publishing tests: every page stamps its release id at its start and its end."""

from __future__ import annotations

from pathlib import Path

from site_build.publish.manifest import write_manifest

PAGES = ("index.html", "a/index.html", "b/index.html", "c/deep/index.html", "404.html")


def tiny_site(folder: Path, release: str, *, extra: str = "", padding: int = 20_000) -> Path:
    """A site whose every page reads ``<!--release:ID-->…<!--/release:ID-->``; big enough that a copy takes time."""
    for rel in PAGES:
        page = folder / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        body = f"<p>{rel} {extra}</p>" + "x" * padding
        page.write_text(f"<!--release:{release}-->{body}<!--/release:{release}-->", encoding="utf-8")
    write_manifest(folder)
    return folder


def stamps(html: str) -> tuple[str, str]:
    start = html.split("<!--release:", 1)[1].split("-->", 1)[0]
    end = html.rsplit("<!--/release:", 1)[1].split("-->", 1)[0]
    return start, end
