"""Formats: JSONL for NLP pipelines (spaCy, doccano, Label Studio)."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
