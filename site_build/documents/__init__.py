"""Official documents (policies, declarations, orders) for auditors, their register, evidence index and history.

A document version is a folder ``content/<policies|declarations|orders>/<slug>/<version>/`` holding
``index.md`` (validated front matter + the accessible text) and the signed original (PDF or image),
published byte-for-byte next to the page. Its URL never moves: ``/policies/no-gift/2566/``.

Modules, one concern each (none imports MkDocs):

- :mod:`.model`: front-matter schema and the loaded :class:`~.model.Document`.
- :mod:`.load`: read and cross-check every document; problems name ``file:LINE``.
- :mod:`.originals`: SHA-256 of originals and the lock file that forbids silent changes.
- :mod:`.render`: a document page's Markdown (facts, banners, download with checksum).
- :mod:`.register`: register, per-kind and per-series pages; register CSV/JSON.
- :mod:`.git_history`: first-published/last-updated dates from one ``git log`` per build.
- :mod:`.evidence_index`: the per-year ITA/OIT and model-organization evidence index from ``data/evidence``.
- :mod:`.sitemap`: the human-readable sitemap.
- :mod:`.scaffold`: start a new version of a document (``python -m site_build.documents new-version``).
- :mod:`.style`: the feature's stylesheet, generated as ``assets/css/documents.css``.
- :mod:`.cli`: ``python -m site_build.documents check | lock | new-version``.
- :mod:`.build`: what the MkDocs hook calls, in event order.
"""

from __future__ import annotations
