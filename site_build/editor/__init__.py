"""The browser editor at ``/admin/`` (Decap CMS): its configuration, generated from the write-up schema and the
plans, the files served under ``/admin/``, and the local editing session (``python -m site_build edit``).

Engine-agnostic like the rest of the core: the MkDocs side only adds :func:`admin_files` as virtual files.
"""

from __future__ import annotations
