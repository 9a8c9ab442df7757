"""Formats: readable reports: Markdown (read and write) and a self-contained HTML report."""

from __future__ import annotations

from annotator.formats.base import Format
from annotator.formats.plaintext import read_text

FORMATS: list[Format] = [
    Format(id="md", label="Markdown", extensions=(".md", ".markdown"), reader=read_text),
]
