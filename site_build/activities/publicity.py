"""Where a write-up was publicised, per channel of plan.yml: recorded, automatic (this website), or missing.

The same answer feeds the write-up page and any publicity matrix, so "published on the website" is
counted automatically in one place and never typed by staff.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_build.activities.items import PlanIndex
from site_build.activities.model import PublicityRecord, WriteUp
from site_build.plan.model import Channel


@dataclass(frozen=True)
class ChannelState:
    channel: Channel
    record: PublicityRecord | None
    required: bool  # the plan asks this channel of one of the write-up's items

    @property
    def automatic(self) -> bool:
        """Publishing the write-up on this site satisfies the channel (the plan's website channel)."""
        return self.channel.automatic

    @property
    def done(self) -> bool:
        return self.automatic or self.record is not None


def required_channels(writeup: WriteUp, index: PlanIndex) -> set[str]:
    """Channels the plan names for the write-up's items; every channel when they name none, because the
    plan's general publicity rule asks every activity to be publicised on all of them."""
    wanted: set[str] = set()
    for item_id in writeup.item_ids:
        wanted.update(index.required_channels(item_id))
    return wanted or {c.id for c in index.plan.channels}


def publicity_states(writeup: WriteUp, index: PlanIndex) -> list[ChannelState]:
    """Channels the plan requires of the write-up's items, channels it recorded, and automatic ones; plan order."""
    required = required_channels(writeup, index)
    recorded = writeup.meta.publicity
    return [ChannelState(channel=c, record=recorded.get(c.id), required=c.id in required)
            for c in index.plan.channels if c.id in required or c.id in recorded or c.automatic]
