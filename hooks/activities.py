"""Placeholder: owned by the activities work; replaced by its real hook."""

from __future__ import annotations
