"""Load plan.yml at the start of every build (and every `mkdocs serve` rebuild)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from site_build import mkdocs_glue


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    mkdocs_glue.start_build(config)
    return config
