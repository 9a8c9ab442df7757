"""Formats: CSV and XLSX, one row per annotation."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
