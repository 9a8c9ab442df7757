"""Formats: REFI-QDA projects (.qdpx) and codebooks (.qdc), export and import."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
