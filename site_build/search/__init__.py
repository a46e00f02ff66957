"""Thai-aware site search, built on Pagefind.

``indexer.index_site`` is the post-build step (site_build.build): it writes index-only copies of the
pages (``pages``: the article text, with the extra terms of ``terms``) and runs Pagefind (``pagefind``)
into ``<site>/pagefind/``. ``text`` is the matching rule shared with the browser (assets/js/search.js);
``bundle`` reads the index back for tests and measurements.
"""

from __future__ import annotations
