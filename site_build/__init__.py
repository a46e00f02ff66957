"""The learning-center site generator's engine-agnostic core.

Nothing in this package imports MkDocs except the thin adapters in ``site_build.mkdocs_glue``;
the hooks in ``hooks/`` call into it.
"""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
