"""Formats: brat standoff (.txt + .ann, annotation.conf), export and import."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
