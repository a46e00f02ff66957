"""The stylesheet of the documents feature (``assets/css/documents.css``), generated so it needs no package data.

Checksums wrap on phones; status labels use the same palette as the plan's status badges; the footer
links and page history sit quietly under the content.
"""

from __future__ import annotations

CSS_URI = "assets/css/documents.css"

CSS = """\
/* Documents, evidence index, page history and footer links (site_build/documents/style.py). */
.md-typeset .lc-sha256 { word-break: break-all; font-size: .8em; }
.lc-doc-status, .lc-evidence { display: inline-block; padding: 0 .4em; border-radius: .2em; white-space: nowrap; }
.lc-doc-status--in_force, .lc-evidence--present { background: #e3f4e5; color: #14532d; }
.lc-doc-status--dates_unknown, .lc-doc-status--effective_unknown { background: #fff4d6; color: #5c3d00;
  white-space: normal; }
.lc-doc-status--superseded, .lc-doc-status--withdrawn, .lc-evidence--missing { background: #fde8e8; color: #8a1010; }
.lc-evidence--partial, .lc-evidence--sample { background: #fff8e6; color: #4a3000; }
.lc-history { margin-top: 2rem; padding-top: .6rem; border-top: .05rem solid var(--md-default-fg-color--lightest);
  font-size: .7rem; color: var(--md-default-fg-color--light); }
.lc-history p { margin: .3em 0; }
.lc-history ul { margin: .3em 0 .3em 1.2em; }
.lc-footer-links { border-top: .05rem solid var(--md-default-fg-color--lightest);
  background: var(--md-default-bg-color); }
.lc-footer-links ul { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; margin: 0;
  padding: .8rem .8rem; font-size: .7rem; }
.lc-footer-links a { color: var(--md-typeset-a-color); text-decoration: underline; }
.lc-sitemap ul { margin-top: .2em; }
@media print { .lc-footer-links, .lc-history details { display: none; } }
"""
