"""Placeholder: owned by the documents work; replaced by its real hook."""

from __future__ import annotations
