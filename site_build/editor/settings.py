"""Where the editor saves: the repository, branch and sign-in endpoint, from the environment (never secrets).

``EDITOR_REPO`` (``owner/name``; default: taken from ``REPO_URL`` when that is a GitHub address),
``EDITOR_BRANCH`` (default ``main``), ``EDITOR_AUTH_URL`` (the office's OAuth endpoint host, Decap's
``base_url``), ``EDITOR_AUTH_ENDPOINT`` (its path, default ``auth``). ``EDITOR_LOCAL_BACKEND`` is set only by
``python -m site_build edit`` and the tests: the address of the local ``decap-server``; only then does the
configuration enable ``local_backend``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

PLACEHOLDER_REPO = "OWNER/REPOSITORY"
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class EditorSettings:
    repo: str = PLACEHOLDER_REPO
    branch: str = "main"
    auth_url: str | None = None
    auth_endpoint: str = "auth"
    local_backend: str | None = None  # e.g. "http://127.0.0.1:8081" (origin of decap-server)
    site_url: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, site_url: str | None = None,
                 repo_url: str | None = None) -> EditorSettings:
        repo = env.get("EDITOR_REPO", "").strip()
        if not repo and repo_url and (match := _GITHUB.match(repo_url.strip())):
            repo = match.group(1)
        return cls(repo=repo or PLACEHOLDER_REPO, branch=env.get("EDITOR_BRANCH", "").strip() or "main",
                   auth_url=env.get("EDITOR_AUTH_URL", "").strip() or None,
                   auth_endpoint=env.get("EDITOR_AUTH_ENDPOINT", "").strip() or "auth",
                   local_backend=env.get("EDITOR_LOCAL_BACKEND", "").strip().rstrip("/") or None,
                   site_url=site_url)
