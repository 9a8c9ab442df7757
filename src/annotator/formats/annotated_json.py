"""Formats: Annotator's annotated JSON (``annotator-export`` version 1).

The contract is in README and in ``schemas/annotator-export-v1.schema.json``,
against which the reader validates and the tests check every export. Offsets
are code points into ``text``, end-exclusive; ``quote == text[start:end]``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from typing import Any, BinaryIO

import orjson

from annotator.core.gcpause import gc_paused
from annotator.core.model import TagSpec
from annotator.core.text import sha256_text
from annotator.formats.base import (
    ExportBundle,
    Format,
    FormatError,
    ImportBundle,
    ImportedAnnotation,
    ImportedDocument,
    SourceFile,
)
from annotator.formats.safety import check_nesting

FORMAT_NAME = "annotator-export"
VERSION = 1


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of version 1, shipped in the package."""
    loaded: dict[str, Any] = orjson.loads(
        files("annotator.formats").joinpath("schemas/annotator-export-v1.schema.json").read_bytes()
    )
    return loaded


def to_dict(bundle: ExportBundle) -> dict[str, Any]:
    """The export as plain data (what :func:`write` serialises; timestamps are aware datetimes)."""
    tag_names = {t.id: t.name for t in bundle.tags}
    documents = []
    for exported in bundle.documents:
        doc = exported.document
        documents.append(
            {
                "id": doc.id,
                "title": doc.title,
                "text": doc.text,
                "sha256": doc.sha256,
                "metadata": doc.metadata,
                "annotations": [
                    {
                        "id": a.id,
                        "tag": tag_names[a.tag_id],
                        "start": a.start,
                        "end": a.end,
                        "quote": a.quote,
                        "prefix": a.prefix,
                        "suffix": a.suffix,
                        "note": a.note,
                        "coder": a.coder,
                        "created": a.created,
                        "modified": a.modified,
                    }
                    for a in sorted(exported.annotations, key=lambda a: (a.start, a.end, a.id))
                ],
            }
        )
    return {
        "format": FORMAT_NAME,
        "version": VERSION,
        "exported_at": bundle.exported_at,
        "generator": bundle.generator,
        "tags": [{"name": t.name, "color": t.color, "description": t.description} for t in bundle.tags],
        "documents": documents,
    }


def write(bundle: ExportBundle, out: BinaryIO) -> None:
    # orjson writes the (UTC) datetimes itself, as RFC 3339 with a "Z", ~10x faster than isoformat().
    with gc_paused():
        data = orjson.dumps(to_dict(bundle), option=orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z)
    out.write(data)
    out.write(b"\n")


# The member every export has (first, as we write it); a mere mention of the name is not enough,
# since files that match are also read past the import size limit.
_FORMAT_MEMBER = re.compile(rb'"format"\s*:\s*"annotator-export"')


def sniff(data: bytes) -> bool:
    """A JSON object whose first 64 KiB hold ``"format": "annotator-export"``."""
    head = data[:4096].lstrip()
    return head.startswith(b"{") and _FORMAT_MEMBER.search(data[:65536]) is not None


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read(source: SourceFile) -> ImportBundle:
    """Read an export; refuses anything not valid against the schema or whose quotes disagree."""
    import jsonschema

    try:
        payload = orjson.loads(source.data)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON ({exc})") from exc
    check_nesting(payload, "the JSON")
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise FormatError('this JSON is not an Annotator export (no "format": "annotator-export")')
    if payload.get("version") != VERSION:
        raise FormatError(f"this is an Annotator export of version {payload.get('version')!r}; this version reads 1")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(payload))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise FormatError(f"the export is not valid at {where}: {error.message}")
    tags = [TagSpec(t["name"], t["color"], t["description"]) for t in payload["tags"]]
    tag_names = {t.name for t in tags}
    documents = []
    for d_index, d in enumerate(payload["documents"]):
        text = d["text"]
        if sha256_text(text) != d["sha256"]:
            raise FormatError(f"document {d_index + 1} ('{d['title']}'): its text does not match its sha256")
        annotations = []
        for a_index, a in enumerate(d["annotations"]):
            where = f"document {d_index + 1}, annotation {a_index + 1}"
            # JSON Schema's "integer" admits 1.0; offsets must be real ints to slice the text.
            if type(a["start"]) is not int or type(a["end"]) is not int:
                raise FormatError(f"{where}: start and end must be whole numbers")
            if not (0 <= a["start"] < a["end"] <= len(text)) or text[a["start"] : a["end"]] != a["quote"]:
                raise FormatError(f"{where}: its quote is not text[start:end]")
            if a["tag"] not in tag_names:
                raise FormatError(f"{where}: tag '{a['tag']}' is not in the export's tag list")
            try:
                created, modified = _parse_time(a["created"]), _parse_time(a["modified"])
            except ValueError as exc:
                raise FormatError(f"{where}: bad timestamp ({exc})") from exc
            annotations.append(
                ImportedAnnotation(
                    tag=a["tag"],
                    start=a["start"],
                    end=a["end"],
                    quote=a["quote"],
                    note=a["note"],
                    coder=a["coder"],
                    id=a["id"],
                    created=created,
                    modified=modified,
                )
            )
        documents.append(
            ImportedDocument(title=d["title"], text=text, metadata=d["metadata"], annotations=annotations, id=d["id"])
        )
    return ImportBundle(documents=documents, tags=tags)


FORMATS = [Format(id="json", label="Annotated JSON", extensions=(".json",), reader=read, writer=write, sniff=sniff)]
