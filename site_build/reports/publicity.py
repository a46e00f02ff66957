"""Publicity status: every write-up of the year against every channel the plan requires of it.

Per write-up and channel the state comes from :mod:`site_build.activities.publicity` (the same answer
the write-up page shows: recorded, automatic for this website, or missing). Required channels are the
``publicity`` lists of the items a write-up names and their parents; a write-up whose items list none
falls under the plan's general rule (``publicity_rule``: every activity is publicised on the bureau's
own channels and the public ones), i.e. every channel of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from site_build.activities.items import PlanIndex
from site_build.activities.model import WriteUp
from site_build.activities.publicity import ChannelState
from site_build.activities.publicity import required_channels as item_channels
from site_build.plan.model import Channel, Plan

Level = Literal["full", "partial", "none"]
CellState = Literal["done", "missing", "not-required", "extra"]
Cell = ChannelState


def cell_state(cell: Cell) -> CellState:
    if cell.required:
        return "done" if cell.done else "missing"
    return "extra" if cell.record is not None else "not-required"


@dataclass(frozen=True)
class Row:
    writeup: WriteUp
    cells: list[Cell]
    """One per channel of the plan, in plan order."""

    @property
    def required(self) -> int:
        return sum(1 for c in self.cells if c.required)

    @property
    def done(self) -> int:
        return sum(1 for c in self.cells if c.required and c.done)

    @property
    def missing(self) -> list[Channel]:
        return [c.channel for c in self.cells if cell_state(c) == "missing"]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ChannelTotal:
    channel: Channel
    required: int
    done: int

    @property
    def missing(self) -> int:
        return self.required - self.done


@dataclass(frozen=True)
class Matrix:
    channels: list[Channel]
    rows: list[Row]
    """Write-ups still missing a channel first; newest first within each group."""
    totals: list[ChannelTotal]

    @property
    def required(self) -> int:
        return sum(r.required for r in self.rows)

    @property
    def done(self) -> int:
        return sum(r.done for r in self.rows)

    @property
    def complete_rows(self) -> int:
        return sum(1 for r in self.rows if r.complete)

    @property
    def level(self) -> Level:
        """The plan's publicity rule: every required channel of every activity → full; some → partial."""
        if self.rows and all(r.complete for r in self.rows):
            return "full"
        return "partial" if self.done else "none"


def required_channel_ids(plan: Plan, writeup: WriteUp, index: PlanIndex | None = None) -> set[str]:
    """The channels the plan asks of this write-up (every channel when its items name none)."""
    return item_channels(writeup, index or PlanIndex(plan))


def publicity_matrix(plan: Plan, writeups: list[WriteUp]) -> Matrix:
    """The matrix for ``writeups`` (pass them newest first; :class:`ReportData` does)."""
    index = PlanIndex(plan)
    rows: list[Row] = []
    for writeup in writeups:
        required = required_channel_ids(plan, writeup, index)
        rows.append(Row(writeup, [Cell(channel=c, record=writeup.meta.publicity.get(c.id), required=c.id in required)
                                  for c in plan.channels]))
    rows = [r for r in rows if not r.complete] + [r for r in rows if r.complete]
    totals = [ChannelTotal(channel, sum(1 for r in rows if r.cells[i].required),
                           sum(1 for r in rows if r.cells[i].required and r.cells[i].done))
              for i, channel in enumerate(plan.channels)]
    return Matrix(channels=list(plan.channels), rows=rows, totals=totals)
