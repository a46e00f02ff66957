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

# --- /admin/: the browser editor (Decap CMS), and only there ---------------------------------------------
ADMIN_PREFIX = "/admin/"
GITHUB_API = "https://api.github.com"


def admin_policy(local_backend: str | None = None) -> str:
    """The editor's policy: the site's policy with exactly what Decap CMS needs added (docs/security-headers.md).

    ``'unsafe-eval'``: Decap validates its configuration with AJV, which compiles schemas with ``new Function``.
    ``style-src 'unsafe-inline'``: its interface is styled by Emotion, which inserts ``<style>`` elements.
    ``img-src blob:``, ``connect-src blob:``: photos chosen for upload are kept as ``blob:`` URLs, previewed
    and read back from them until the entry is saved.
    ``connect-src https://api.github.com``: the GitHub backend reads and writes the repository through the API.
    ``local_backend`` (the ``edit`` command and tests only): the origin of the local ``decap-server``.
    """
    connect = ["'self'", "blob:", GITHUB_API] + ([local_backend.rstrip("/")] if local_backend else [])
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src " + " ".join(connect),
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def admin_headers(local_backend: str | None = None) -> dict[str, str]:
    """Headers for ``/admin/``: the site's, with the editor's policy, and an opener the sign-in pop-up can reach.

    ``Cross-Origin-Opener-Policy: same-origin-allow-popups``: the GitHub sign-in runs in a pop-up on the
    office's authentication endpoint, which hands the token back through ``window.opener``.
    """
    return {**HEADERS, "Content-Security-Policy": admin_policy(local_backend),
            "Cross-Origin-Opener-Policy": "same-origin-allow-popups"}


PATH_HEADERS: dict[str, dict[str, str]] = {ADMIN_PREFIX: admin_headers()}
"""Per-path overrides: URL prefix (``/admin/``) → headers that replace the defaults under it. The web-server
configs (site_build.publish.webconfig), the ``_headers`` file and the test servers all read this (through
:func:`path_headers`), so a relaxation for one area is written here once and reaches every server."""


def path_headers(local_backend: str | None = None) -> list[tuple[str, dict[str, str]]]:
    """``(path prefix, headers)``, most specific first: the first prefix a request path starts with wins.

    ``local_backend`` (the ``edit`` command and tests only) adds the local ``decap-server`` to ``/admin/``.
    """
    overrides = {prefix: {**HEADERS, **headers} for prefix, headers in PATH_HEADERS.items()}
    if local_backend and ADMIN_PREFIX in overrides:
        overrides[ADMIN_PREFIX] = {**overrides[ADMIN_PREFIX],
                                   "Content-Security-Policy": admin_policy(local_backend)}
    return [*sorted(overrides.items(), key=lambda item: -len(item[0])), ("/", dict(HEADERS))]


def headers_for(path: str, local_backend: str | None = None) -> dict[str, str]:
    """The headers a request for ``path`` (``/admin/config.yml``) gets."""
    for prefix, headers in path_headers(local_backend):
        if path.startswith(prefix) or path == prefix.rstrip("/"):
            return headers
    return dict(HEADERS)


def headers_file() -> str:
    """``_headers`` (Netlify / Cloudflare Pages format): every path gets the site's headers; ``/admin/*``
    detaches those it replaces (``! Name``) and sets the editor's values."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    for prefix, headers in path_headers()[:-1]:
        changed = [name for name, value in headers.items() if HEADERS.get(name) != value]
        lines += [prefix + "*"] + [f"  ! {name}" for name in changed]
        lines += [f"  {name}: {headers[name]}" for name in changed]
    return "\n".join(lines) + "\n"


def nginx_snippet(headers: dict[str, str] | None = None) -> str:
    return "\n".join(f'add_header {name} "{value}" always;' for name, value in (headers or HEADERS).items()) + "\n"


def apache_snippet(headers: dict[str, str] | None = None) -> str:
    return "\n".join(f'Header always set {name} "{value}"' for name, value in (headers or HEADERS).items()) + "\n"
