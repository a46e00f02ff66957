from __future__ import annotations

from site_build.cli import main

raise SystemExit(main())
