"""The HTTP security headers recommended for the web server, defined once.

Used for the deployment docs (docs/security-headers.md), the ``_headers`` file in the built site
(for hosts that read it), and the browser test that loads pages under exactly this policy.
Pagefind runs WebAssembly, hence ``'wasm-unsafe-eval'``; Material's CSS icons are ``data:`` images;
the lightbox (GLightbox) builds its slides from HTML with ``style`` attributes, hence
``style-src-attr 'unsafe-inline'`` (attributes only: no ``<style>`` elements, no scripts).
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Cross-Origin-Opener-Policy": "same-origin",
}

PATH_HEADERS: dict[str, dict[str, str]] = {}
"""Per-path overrides: URL prefix (``/admin/``) → headers that replace the defaults under it. The web-server
configs (site_build.publish.webconfig) are generated from :data:`HEADERS` and this, so a relaxation for one
area is written here once and reaches nginx, Apache and the tests."""


def headers_for(path: str) -> dict[str, str]:
    """The headers a URL path gets: the defaults, with the longest matching override applied."""
    merged = dict(HEADERS)
    for prefix in sorted((p for p in PATH_HEADERS if path.startswith(p)), key=len)[-1:]:
        merged.update(PATH_HEADERS[prefix])
    return merged


def headers_file() -> str:
    """``_headers`` (Netlify / Cloudflare Pages format): every path gets the same headers."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet() -> str:
    return "\n".join(f'add_header {name} "{value}" always;' for name, value in HEADERS.items()) + "\n"


def apache_snippet() -> str:
    return "\n".join(f'Header always set {name} "{value}"' for name, value in HEADERS.items()) + "\n"
