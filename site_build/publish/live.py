"""Is the fresh build different from what the public sees? Compare manifests before uploading anything.

For GitHub Pages (no SSH, no release folders) the live site's ``build-manifest.json`` is fetched over HTTPS;
the own-server path compares inside ``publish``. Used by the publish workflow: it writes ``changed=true`` or
``changed=false`` to ``$GITHUB_OUTPUT``, so a daily rebuild whose output equals the live site deploys nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from site_build.publish.manifest import MANIFEST_NAME, Manifest, read_manifest


def fetch_manifest(site_url: str, *, timeout: float = 30) -> Manifest | None:
    """The live site's manifest, or None when it has none yet (first publication) or cannot be read."""
    url = site_url.rstrip("/") + "/" + MANIFEST_NAME
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return Manifest.from_json(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def has_changed(site: Path, site_url: str | None) -> bool:
    built = read_manifest(site)
    if built is None or not site_url:
        return True
    return not built.same_site(fetch_manifest(site_url))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m site_build.publish.live")
    p.add_argument("--site", default="site")
    p.add_argument("--url", default=os.environ.get("SITE_URL", ""), help="the public address (default: $SITE_URL)")
    p.add_argument("--target", default="github-pages", help="server: publish compares itself; always 'changed'")
    args = p.parse_args(argv)
    changed = True if args.target == "server" else has_changed(Path(args.site), args.url or None)
    if changed:
        print("เนื้อหาต่างจากเว็บไซต์ที่เผยแพร่อยู่ (หรือยังตรวจไม่ได้) จะเผยแพร่รุ่นใหม่ (changed)")
    else:
        print("ผลการสร้างตรงกับเว็บไซต์ที่เผยแพร่อยู่ทุกไฟล์ จึงไม่เผยแพร่ซ้ำ (unchanged: nothing to publish)")
    out = os.environ.get("GITHUB_OUTPUT")
    if out:
        with Path(out).open("a", encoding="utf-8") as handle:
            handle.write(f"changed={'true' if changed else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
