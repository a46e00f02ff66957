"""Tracking views computed from the plan and the write-ups: publicity matrix, progress, award score,
period reports, CSV exports, the deadlines calendar and the write-ups feed.

Every number is computed here from ``plan.yml``, the write-ups and the build's "as of" date, once;
the pages only render what :mod:`site_build.reports.data` and its siblings return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from site_build.activities.model import WriteUp
    from site_build.context import BuildContext

WRITEUPS_KEY = "writeups"


def writeups(ctx: BuildContext) -> list[WriteUp]:
    """The write-ups the activities hook loaded for this build (none before it ran, or without content).

    Read from ``ctx.extras["writeups"]``, else from the activities build (``ctx.extras["activities"]``).
    """
    found = ctx.extras.get(WRITEUPS_KEY)
    if found is None:
        found = getattr(ctx.extras.get("activities"), "writeups", None)
    return list(found or [])
