"""A write-up: the front matter schema staff fill in, and the loaded write-up the pages are made from.

Named ``WriteUp`` (not Activity) so it never clashes with :class:`site_build.plan.model.Activity`,
the plan item a write-up is evidence for. Cross-references (plan ids, channels, photo files) are
checked in :mod:`site_build.activities.checks`, where each problem gets its line in ``index.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, field_validator, model_validator

from site_build.activities.items import normalize_item_id
from site_build.photos.geometry import NAMED_FOCUS

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SUMMARY_MAX = 300
TITLE_MAX = 300
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


FOCUS_WORDS = {"top": "top", "center": "center", "centre": "center", "bottom": "bottom",
               "บน": "top", "กลาง": "center", "ล่าง": "bottom"}
FOCUS_HELP = ("เขียน focus: top (ส่วนบน), focus: center (กึ่งกลาง), focus: bottom (ส่วนล่าง) "
              "หรือจุดที่ต้องการเป็นร้อยละจากซ้ายและจากบน เช่น focus: [50, 20]")


class PhotoRef(_Strict):
    """A photo in the bundle: the file beside ``index.md``, its alt text (required), a caption, and where
    the 4:3 gallery and listing crops should keep the picture (``focus``, see site_build.photos.geometry)."""

    file: Text
    alt: Text
    caption: Text | None = None
    focus: tuple[float, float] | None = None

    @field_validator("focus", mode="before")
    @classmethod
    def _focus(cls, value: object) -> object:
        """``top|center|bottom`` (or บน|กลาง|ล่าง) or ``[x, y]`` percent → (x, y) percent."""
        if value is None:
            return None
        if isinstance(value, str):
            word = FOCUS_WORDS.get(value.strip().lower())
            if word is None:
                raise ValueError(f"ไม่รู้จักตำแหน่งจุดสนใจของรูป '{value}': {FOCUS_HELP}")
            return NAMED_FOCUS[word]
        if (isinstance(value, (list, tuple)) and len(value) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            x, y = float(value[0]), float(value[1])
            if 0 <= x <= 100 and 0 <= y <= 100:
                return (x, y)
            raise ValueError(f"จุดสนใจของรูป [{value[0]}, {value[1]}] ต้องเป็นร้อยละ 0 ถึง 100 ทั้งสองค่า "
                             "(ค่าแรกวัดจากซ้าย ค่าที่สองวัดจากบน)")
        raise ValueError(f"จุดสนใจของรูป (focus) เขียนไม่ถูกรูปแบบ: {FOCUS_HELP}")


class PublicityRecord(_Strict):
    """Where the activity was publicised on one channel: a link, a date, or a note (e.g. e-office no.)."""

    url: Text | None = None
    date: dt.date | None = None
    note: Text | None = None

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and (not value.startswith("https://") or len(value) <= len("https://") or " " in value):
            raise ValueError("ลิงก์ต้องเป็นที่อยู่เต็มที่ขึ้นต้นด้วย https:// และไม่มีช่องว่าง")
        return value

    @model_validator(mode="after")
    def _something(self) -> PublicityRecord:
        if self.url is None and self.date is None and self.note is None:
            raise ValueError("ต้องมีอย่างน้อยหนึ่งอย่าง: url (ลิงก์), date (วันที่) หรือ note (หมายเหตุ เช่น เลขที่หนังสือ)")
        return self


class FrontMatter(_Strict):
    """What staff write between the ``---`` lines of ``index.md``."""

    title: Text
    # The folder's English short name (``<date>-<slug>``): the browser editor names new bundles from it.
    slug: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] | None = None
    date: dt.date
    plan_items: list[Text] = Field(min_length=1)
    summary: Text
    cover: Text | None = None
    photos: list[PhotoRef] = Field(default_factory=list)
    participants: int | None = Field(default=None, ge=0)
    staff_percent: float | None = Field(default=None, ge=0, le=100)
    publicity: dict[str, PublicityRecord] = Field(default_factory=dict)
    score_level: dict[str, Literal["full", "partial"]] = Field(default_factory=dict)
    sample: StrictBool = False
    acknowledge: list[dict[str, object]] = Field(default_factory=list)  # checked in site_build.acknowledge

    @field_validator("plan_items", mode="before")
    @classmethod
    def _ids_as_text(cls, value: object) -> object:
        if isinstance(value, list):
            return [normalize_item_id(v) if isinstance(v, (str, int)) and not isinstance(v, bool) else v
                    for v in value]
        return value

    @field_validator("score_level", mode="before")
    @classmethod
    def _keys_as_ids(cls, value: object) -> object:
        if isinstance(value, dict):
            return {normalize_item_id(k): v for k, v in value.items()}
        return value

    @field_validator("participants", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError("จำนวนผู้เข้าร่วมต้องเป็นจำนวนเต็ม เช่น 45")
        return value


@dataclass
class WriteUp:
    """One loaded, validated write-up bundle."""

    folder: str  # "2023-03-20-moral-day"
    directory: Path
    source: Path  # .../index.md
    display: str  # "content/activities/2023-03-20-moral-day/index.md", as staff see it
    meta: FrontMatter
    body: str
    body_line: int
    photo_files: dict[str, Path] = field(default_factory=dict)  # PhotoRef.file → absolute path
    photo_lines: dict[str, int] = field(default_factory=dict)  # PhotoRef.file → line in index.md
    inline_photos: list[tuple[int, str, str]] = field(default_factory=list)  # (line, alt, file) in the body

    @property
    def uri(self) -> str:
        """Docs-relative source path, as MkDocs names the page."""
        return f"activities/{self.folder}/index.md"

    @property
    def url(self) -> str:
        return f"activities/{self.folder}/"

    @property
    def date(self) -> dt.date:
        return self.meta.date

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def sample(self) -> bool:
        return self.meta.sample

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(self.meta.plan_items)

    @property
    def cover(self) -> PhotoRef | None:
        """The declared cover, else the first photo."""
        photos = self.meta.photos
        if self.meta.cover:
            return next((p for p in photos if p.file == self.meta.cover), None)
        return photos[0] if photos else None

    def sort_key(self) -> tuple[dt.date, str]:
        return (self.meta.date, self.folder)
