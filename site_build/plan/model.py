"""The schema of plan.yml: what the office's integrated plan says, as typed data.

Pydantic models with ``extra="forbid"`` so a misspelt key is an error (the loader suggests the nearest
known key). Cross-references (unit and channel ids, deadlines inside the fiscal year, unique ids) are
checked in :mod:`site_build.plan.checks`, where every problem gets its place in the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
# up to three levels of sub-activities under a project (1.2.3.4): other bureaus nest deeper than this one
ItemId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*){0,3}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Named(Strict):
    th: Text
    en: Text | None = None


class Person(Strict):
    name: Text
    position: Text


class Organization(Strict):
    bureau: Named
    secretariat: Named
    parliament: Named | None = None
    director: Person
    working_group: Text


class Milestone(Strict):
    """A dated target of the plan itself, e.g. 95% done with report by 30 Jul 2566."""

    id: Id
    date: dt.date
    label: Text
    target_percent: int | None = Field(default=None, ge=0, le=100)


class Unit(Strict):
    """A responsible unit (สำนัก/หน่วยงาน) referenced by id from lead/support lists."""

    id: Id
    name: Text
    short: Text | None = None


class Channel(Strict):
    """A required publicity channel. ``automatic`` ones are satisfied by publishing on this site."""

    id: Id
    name: Text
    kind: Literal["public", "internal"]
    platform: Literal["facebook", "facebook-page", "line", "website", "intranet", "e-office", "other"]
    automatic: bool = False
    url: str | None = None


class Target(Strict):
    """A numeric target the document states, e.g. ร้อยละ ๘๐ of staff take part."""

    value: float
    unit: Literal["percent", "count"]
    text: Text


class Deadline(Strict):
    date: dt.date
    label: Text | None = None


class ScoreComponent(Strict):
    """One scored part of the outstanding-bureau award (คะแนนสำนักดีเด่น), as the document states it.

    ``rule`` says how evidence earns it: ``evidence`` (a write-up for the item earns ``full``; one that
    declares the partial form earns ``partial``) or ``publicity`` (all required channels: full; some:
    partial). Where the document prints an amount that cannot be read, ``full`` is null and
    ``uncertain`` says why: the item is shown as scored-but-unknown, never guessed.
    """

    id: Id
    label: Text
    full: int | None = Field(ge=0)
    full_when: Text
    partial: int | None = Field(default=None, ge=0)
    partial_when: Text | None = None
    rule: Literal["evidence", "publicity"] = "evidence"
    uncertain: Text | None = None

    @model_validator(mode="after")
    def _unknown_amount_is_explained(self) -> ScoreComponent:
        if self.full is None and self.uncertain is None:
            raise ValueError("คะแนนเต็ม (full) ว่างได้เฉพาะเมื่อมี uncertain อธิบายว่าอ่านต้นฉบับไม่ออก "
                             "(full may be null only with an 'uncertain' explanation)")
        return self

    @property
    def points(self) -> int:
        """Full points as counted in sums (an unreadable amount counts as 0 and is reported apart)."""
        return self.full or 0


class Responsible(Strict):
    lead: list[Id] = Field(default_factory=list)
    support: list[Id] = Field(default_factory=list)
    note: Text | None = None


class _Item(Strict):
    """What every plan item states, whether a project or one of its sub-activities."""

    title: Text
    details: list[Text] = Field(default_factory=list)
    outputs: list[Text] = Field(default_factory=list)
    outcomes: list[Text] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    deadline_note: Text | None = None
    responsible: Responsible | None = None
    score: list[ScoreComponent] = Field(default_factory=list)
    publicity: list[Id] = Field(default_factory=list)
    note: Text | None = None


class Activity(_Item):
    """A sub-activity (e.g. ๑.๖, or part ๑) of project ๒). Leaf activities are what evidence names."""

    id: ItemId
    parts: list[Activity] = Field(default_factory=list)

    def walk(self) -> Iterator[Activity]:
        yield self
        for part in self.parts:
            yield from part.walk()

    def leaves(self) -> Iterator[Activity]:
        if not self.parts:
            yield self
        for part in self.parts:
            yield from part.leaves()


class Project(_Item):
    """A numbered project/activity (๑–๒๘). Without ``activities`` the project itself is the leaf."""

    number: int = Field(ge=1)
    activities: list[Activity] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.number)

    def all_activities(self) -> Iterator[Activity]:
        for activity in self.activities:
            yield from activity.walk()


class Guideline(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]$")]
    title: Text


class Measure(Strict):
    number: int = Field(ge=1)
    title: Text
    guidelines: list[Guideline]
    projects: list[Project]

    @property
    def slug(self) -> str:
        return f"measure-{self.number}"


class ParticipationItem(Strict):
    id: Id
    label: Text
    points: int = Field(ge=0)
    condition: Text


class Scoring(Strict):
    """The award's declared split: total = plan items + participation."""

    total: int
    plan: int
    participation: list[ParticipationItem]
    note: Text | None = None


class Correction(Strict):
    """One OCR fix made while encoding the seed document, kept for the record."""

    seed: Text
    meaning: Text
    where: Text


class Plan(Strict):
    schema_version: Literal[1]
    fiscal_year: int = Field(ge=2500, le=2700)
    title: Text
    organization: Organization
    start: dt.date
    end: dt.date
    milestones: list[Milestone]
    units: list[Unit]
    channels: list[Channel]
    measures: list[Measure]
    scoring: Scoring | None = None
    """The award's declared split; a plan without score rules (another bureau's) leaves it out."""
    publicity_rule: Text
    corrections: list[Correction] = Field(default_factory=list)
    draft: bool = False
    """Set by ``plan new-year`` on the drafted plan; a person removes it once the office adopts the plan.
    Every page of a draft year carries a "ร่าง / ตัวอย่าง" banner."""
    draft_note: Text | None = None

    def projects(self) -> Iterator[tuple[Measure, Project]]:
        for measure in self.measures:
            for project in measure.projects:
                yield measure, project
