"""Formats: what readers produce and writers consume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from annotator.core.model import Annotation, Document, Tag, TagSpec


class FormatError(ValueError):
    """Input a reader cannot accept, with a message for the user."""


@dataclass(slots=True)
class ImportedAnnotation:
    """Formats: an annotation as a file describes it (tag by name)."""

    tag: str
    start: int
    end: int
    quote: str | None = None
    note: str = ""
    coder: str = ""
    id: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


@dataclass(slots=True)
class ImportedDocument:
    """Formats: a document read from a file, with any annotations it carries."""

    title: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    annotations: list[ImportedAnnotation] = field(default_factory=list)
    id: str | None = None


@dataclass(slots=True)
class ImportBundle:
    """Formats: everything one file brought in."""

    documents: list[ImportedDocument]
    tags: list[TagSpec] = field(default_factory=list)


@dataclass(slots=True)
class ExportBundle:
    """Formats: what a writer writes: the codebook and documents with their annotations."""

    tags: list[Tag]
    documents: list[tuple[Document, list[Annotation]]]
    generator: str
    exported_at: datetime


Reader = Callable[[bytes, str], ImportBundle]
Writer = Callable[[ExportBundle, BinaryIO], None]


@dataclass(frozen=True, slots=True)
class Format:
    """Formats: a registered format: id (for --format), label, file extensions, reader and/or writer."""

    id: str
    label: str
    extensions: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[bytes], bool] | None = None

    @property
    def default_extension(self) -> str:
        return self.extensions[0]
