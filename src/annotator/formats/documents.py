"""Formats: documents to read: saved web pages (HTML), DOCX, PDF, ODT and EPUB."""

from __future__ import annotations

from annotator.formats.base import Format

FORMATS: list[Format] = []
