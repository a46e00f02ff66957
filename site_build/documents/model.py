"""The front matter of a document version, and the loaded document with its original's checksum.

``extra="forbid"`` so a misspelt key is an error with the nearest known key suggested. Dates are
Gregorian ISO (``2023-03-20``); the pages show them in พ.ศ. ``signed_on``/``effective_on`` must be
written even when unknown (``null``), so "the source does not say" is a decision, not an omission.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from site_build.yamlsrc import Loaded

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
VersionRef = Annotated[str, StringConstraints(
    pattern=r"^(policy|declaration|order)/[a-z0-9][a-z0-9-]*/[0-9]{4}(-[0-9]+)?$")]
ItemId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*){0,3}$")]  # as plan.model.ItemId
EvidenceCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9.-]*$")]
OriginalName = Annotated[str, StringConstraints(
    pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(pdf|png|jpg|jpeg|PDF|PNG|JPG|JPEG)$")]

Kind = Literal["policy", "declaration", "order"]
DocStatus = Literal["in_force", "superseded", "withdrawn"]

KIND_DIRS: dict[str, str] = {"policy": "policies", "declaration": "declarations", "order": "orders"}
DIR_KINDS: dict[str, str] = {v: k for k, v in KIND_DIRS.items()}
KIND_LABELS: dict[str, str] = {"policy": "นโยบาย", "declaration": "ประกาศเจตนารมณ์", "order": "คำสั่ง"}
KIND_PLURAL_LABELS: dict[str, str] = {"policy": "ประกาศนโยบาย", "declaration": "ประกาศเจตนารมณ์",
                                      "order": "คำสั่ง"}
STATUS_LABELS: dict[str, str] = {"in_force": "ใช้บังคับ", "superseded": "ถูกแทนที่แล้ว", "withdrawn": "ยกเลิกแล้ว"}
# What a page may claim about an in-force version whose dates the source does not give: not "in force"
# (nobody can check when it started to bind), only what is known. Shown status = the key here.
DATES_UNKNOWN_TH = "ยังไม่ระบุวันที่ลงนาม/วันที่มีผลใช้บังคับ"
EFFECTIVE_UNKNOWN_TH = "ลงนามแล้ว ยังไม่ระบุวันที่มีผลใช้บังคับ"
SHOWN_STATUS_LABELS: dict[str, str] = {**STATUS_LABELS, "dates_unknown": DATES_UNKNOWN_TH,
                                       "effective_unknown": EFFECTIVE_UNKNOWN_TH}
VERSION_DIR = re.compile(r"^(?P<year>[0-9]{4})(-(?P<rev>[2-9]|[1-9][0-9]+))?$")
UNKNOWN_DATE_TH = "ไม่ระบุในเอกสารต้นทาง"
UNKNOWN_NUMBER_TH = "ไม่ระบุ"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Signer(Strict):
    name: Text
    position: Text


class ChangeNote(Strict):
    date: dt.date
    note: Text


class Original(Strict):
    """The signed original (scan/PDF) kept in the version's folder and published as-is."""

    file: OriginalName
    description: Text
    sample: bool = False


class DocumentMeta(Strict):
    """Front matter of ``content/<kind dir>/<slug>/<version>/index.md``."""

    kind: Kind
    slug: Slug
    title: Text
    number: Text | None = None
    fiscal_year: int = Field(ge=2500, le=2700)
    signed_by: Signer
    signed_on: dt.date | None
    effective_on: dt.date | None
    status: DocStatus
    withdrawn_on: dt.date | None = None
    supersedes: VersionRef | None = None
    superseded_by: VersionRef | None = None
    change_notes: list[ChangeNote] = Field(default_factory=list)
    original: Original
    sample: bool = False
    summary: Text | None = None
    evidence: list[EvidenceCode] = Field(default_factory=list)
    plan_items: list[ItemId] = Field(default_factory=list)
    # read by MkDocs/Material themselves
    description: Text | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)
    acknowledge: list[dict[str, object]] = Field(default_factory=list)  # checked in site_build.acknowledge


@dataclass(frozen=True)
class OriginalFile:
    """The original as published: where it is, how big, and its SHA-256 (computed at build time)."""

    path: Path
    uri: str  # docs-relative, e.g. "policies/no-gift/2566/no-gift-2566-sample.pdf"
    size: int
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def media(self) -> str:
        suffix = self.path.suffix.lower()
        return {".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}.get(suffix, suffix.lstrip(".").upper())


@dataclass(frozen=True)
class Document:
    """One version of one document, as loaded from its folder."""

    meta: DocumentMeta
    src_uri: str  # "policies/no-gift/2566/index.md"
    display: str  # "content/policies/no-gift/2566/index.md" (for messages)
    version: str  # "2566" or "2566-2"
    body: str
    body_line: int
    original: OriginalFile
    loaded: Loaded = field(compare=False, repr=False)

    @property
    def kind(self) -> str:
        return self.meta.kind

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def id(self) -> str:
        """The version reference used in ``supersedes`` and the lock file: ``policy/no-gift/2566``."""
        return f"{self.meta.kind}/{self.meta.slug}/{self.version}"

    @property
    def series(self) -> str:
        return f"{self.meta.kind}/{self.meta.slug}"

    @property
    def folder_uri(self) -> str:
        return f"{KIND_DIRS[self.meta.kind]}/{self.meta.slug}/{self.version}/"

    @property
    def url(self) -> str:
        """Site-relative URL of the page (``policies/no-gift/2566/``)."""
        return self.folder_uri

    @property
    def series_uri(self) -> str:
        return f"{KIND_DIRS[self.meta.kind]}/{self.meta.slug}/index.md"

    @property
    def shown_status(self) -> str:
        """The status pages and files state: ``in_force`` only when the version's effective date is known.

        ``status: in_force`` in front matter means "this is the current version"; without an effective
        date that is shown as ``effective_unknown`` (signed, date of effect not given) or
        ``dates_unknown`` (neither date given). Superseded and withdrawn versions are shown as they are.
        """
        meta = self.meta
        if meta.status == "in_force" and meta.effective_on is None:
            return "effective_unknown" if meta.signed_on is not None else "dates_unknown"
        return meta.status

    @property
    def shown_status_th(self) -> str:
        return SHOWN_STATUS_LABELS[self.shown_status]

    @property
    def dated(self) -> dt.date | None:
        """The date that makes it evidence: signing, else taking effect."""
        return self.meta.signed_on or self.meta.effective_on

    def where(self, *path: str | int) -> int | None:
        """File line of a front-matter key (for problems found after validation)."""
        found = self.loaded.where_key(tuple(path))
        return found[0] if found else None


def series_id(ref: str) -> str:
    """``policy/no-gift/2566`` → ``policy/no-gift``."""
    return ref.rsplit("/", 1)[0]


def version_sort_key(version: str) -> tuple[int, int]:
    match = VERSION_DIR.match(version)
    if not match:
        return (0, 0)
    return int(match["year"]), int(match["rev"] or 1)
