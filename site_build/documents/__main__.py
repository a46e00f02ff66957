"""``python -m site_build.documents``: see :mod:`site_build.documents.cli`."""

from __future__ import annotations

from site_build.documents.cli import main

raise SystemExit(main())
