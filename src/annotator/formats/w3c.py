"""Formats: W3C Web Annotation (JSON-LD AnnotationCollection), export and import."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
