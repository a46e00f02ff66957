"""One build's write-ups, engine-neutral: load, register evidence, process photos, plan the output files.

The MkDocs hook (``hooks/activities.py``) calls :func:`prepare` in ``on_files`` and then only moves
files around: it drops every original photo from the site, adds the processed renditions and the
generated listing pages, and swaps each write-up page's Markdown for :meth:`ActivitiesBuild.page_markdown`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath

from site_build.activities.items import YearIndexes
from site_build.activities.listing import generate_listing_pages
from site_build.activities.load import SECTION, evidence_of, is_image_name, load_activities
from site_build.activities.model import WriteUp
from site_build.activities.render import WriteUpView
from site_build.activities.urls import PHOTO_DIR
from site_build.context import BuildContext
from site_build.errors import Problem, ProblemsFound
from site_build.pages import GeneratedFile
from site_build.photos import PhotoSettings, ProcessedPhoto, process_photos

CSS_URI = "assets/css/activities.css"
CACHE_SUBDIR = Path(".cache") / "photos"


@dataclass
class ActivitiesBuild:
    ctx: BuildContext
    writeups: list[WriteUp]
    photos: dict[Path, ProcessedPhoto]
    warnings: list[Problem] = field(default_factory=list)
    directory_urls: bool = True

    def __post_init__(self) -> None:
        self.index = YearIndexes(self.ctx.plan_set)
        self.by_uri = {w.uri: w for w in self.writeups}
        self.view = WriteUpView(self.ctx, self.index, self.photos, directory_urls=self.directory_urls)

    def page_markdown(self, src_uri: str) -> str | None:
        """The full Markdown of a write-up page, or ``None`` when ``src_uri`` is not a write-up."""
        writeup = self.by_uri.get(src_uri)
        return self.view.page(writeup) if writeup is not None else None

    def page_meta(self, src_uri: str) -> dict[str, str | int]:
        """Meta for the theme and the sharing tags (site_build.social): the summary as description, the
        cover's share crop (site-relative path, size, alt) as the preview image."""
        writeup = self.by_uri.get(src_uri)
        if writeup is None:
            return {}
        meta: dict[str, str | int] = {"description": writeup.meta.summary}
        cover = writeup.cover
        photo = self.photos.get(writeup.photo_files.get(cover.file, Path())) if cover else None
        if cover is not None and photo is not None:
            meta.update(share_image=PHOTO_DIR + photo.share.rel, share_image_width=photo.share.width,
                        share_image_height=photo.share.height, share_image_alt=cover.alt)
        return meta

    def rendition_files(self) -> Iterator[tuple[str, Path]]:
        """(site path, cached file) for every processed file, each once."""
        seen: set[str] = set()
        for photo in self.photos.values():
            for rendition in photo.files:
                uri = PHOTO_DIR + rendition.rel
                if uri not in seen:
                    seen.add(uri)
                    yield uri, rendition.path

    def generated_files(self) -> Iterator[GeneratedFile]:
        yield from generate_listing_pages(self.ctx, self.writeups, self.photos, directory_urls=self.directory_urls)
        yield GeneratedFile(CSS_URI, stylesheet())


def is_original_photo(src_uri: str) -> bool:
    """Any image file under ``activities/``: originals (with GPS, serials) are never published."""
    parts = PurePosixPath(src_uri).parts
    return len(parts) >= 2 and parts[0] == SECTION and is_image_name(src_uri)


def stylesheet() -> str:
    return resources.files("site_build.activities").joinpath("activities.css").read_text(encoding="utf-8")


def photo_cache_dir(root: Path) -> Path:
    return root / CACHE_SUBDIR


def prepare(ctx: BuildContext, *, directory_urls: bool = True, settings: PhotoSettings | None = None,
            workers: int | None = None, cache_dir: Path | None = None) -> ActivitiesBuild:
    """Load every write-up, register it as evidence, process its photos. Raises :class:`ProblemsFound`
    with every error (warnings included) when anything is wrong; returns warnings otherwise."""
    root = ctx.site.root
    writeups, problems = load_activities(ctx.site.content_dir, ctx.plan_set, display_root=root)
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    ctx.add_evidence(evidence_of(writeups))
    sources = [path for w in writeups for path in w.photo_files.values()]
    focus = {w.photo_files[p.file]: p.focus for w in writeups for p in w.meta.photos
             if p.focus is not None and p.file in w.photo_files}
    try:
        photos = process_photos(sources, cache_dir or photo_cache_dir(root), settings or PhotoSettings(),
                                workers=workers, display_root=root, focus=focus)
    except ProblemsFound as exc:
        raise ProblemsFound([*problems, *exc.problems]) from None
    warnings = [*problems, *(w for p in photos.values() for w in p.warnings)]
    build = ActivitiesBuild(ctx, writeups, photos, warnings, directory_urls)
    ctx.extras["activities"] = build
    ctx.extras["writeups"] = writeups  # newest first; read by the reports (publicity matrix, feeds, progress)
    return build
