"""Formats: Annotator's annotated JSON (``annotator-export``, versions 2 and 1).

The contract is in README and in ``schemas/annotator-export-v<N>.schema.json``,
against which the reader validates and the tests check every export. Offsets
are code points into ``text``, end-exclusive; ``quote == text[start:end]``.

Version 2 (written by default) carries a whole library: the codebook as a tree,
relation types (none yet), coders, whether the library is coded blind
(``blind_coding``, optional when read: files written before it lack it), attribute definitions, sets, and per document
its memo, attribute values, previous texts, placed annotations with their anchor
status (fuzzy ones with where a person last placed them: the review mark),
orphaned annotations (offsets into the previous text they point into), relations
(none yet); and the journal. Version 1 (``options["version"] == "1"``) is the
shape written before: documents, their placed annotations and a flat tag list.
Both are read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from typing import Any, BinaryIO

import orjson

from annotator.core import codebook as cb
from annotator.core.anchoring import FUZZY, ORPHANED, UNCHANGED
from annotator.core.attributes import Attribute, parse_value
from annotator.core.errors import InvalidInput
from annotator.core.gcpause import gc_paused
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.memos import JournalEntry
from annotator.core.model import TagSpec
from annotator.core.records import CodebookTag, DocumentSet, IncomingAnchor, IncomingVersion, LibraryExtras
from annotator.core.text import sha256_text
from annotator.formats.base import (
    ExportBundle,
    ExportedDocument,
    Format,
    FormatError,
    ImportBundle,
    ImportedAnnotation,
    ImportedDocument,
    Option,
    SourceFile,
)
from annotator.formats.safety import check_nesting

FORMAT_NAME = "annotator-export"
#: The version written by default, and every version read.
VERSION = 2
VERSIONS = (1, 2)


@cache
def schema(version: int = VERSION) -> dict[str, Any]:
    """The JSON Schema of *version* (2 or 1), shipped in the package."""
    loaded: dict[str, Any] = orjson.loads(
        files("annotator.formats").joinpath(f"schemas/annotator-export-v{version}.schema.json").read_bytes()
    )
    return loaded


def to_dict(bundle: ExportBundle) -> dict[str, Any]:
    """The export as plain data (what :func:`write` serialises; timestamps are aware datetimes),
    in the version ``bundle.options["version"]`` asks for (default 2)."""
    if str(bundle.options.get("version") or VERSION) == "1":
        return to_dict_v1(bundle)
    return to_dict_v2(bundle)


def to_dict_v1(bundle: ExportBundle) -> dict[str, Any]:
    """Version 1: documents with their placed annotations, and a flat tag list."""
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
        "version": 1,
        "exported_at": bundle.exported_at,
        "generator": bundle.generator,
        "tags": [{"name": t.name, "color": t.color, "description": t.description} for t in bundle.tags],
        "documents": documents,
    }


def _document_v2(exported: ExportedDocument, tag_names: dict[str, str], texts: bool) -> dict[str, Any]:
    doc, anchors = exported.document, exported.anchors
    version_texts = {v.id: v.text for v in exported.versions}
    annotations = []
    for a in sorted(exported.annotations, key=lambda a: (a.start, a.end, a.id)):
        state = anchors.get(a.id)
        review = None
        if state is not None and state.status == FUZZY and state.start is not None and state.end is not None:
            where = version_texts.get(state.version_id or "", "")
            review = {
                "version_id": state.version_id, "start": state.start, "end": state.end,
                "quote": where[state.start : state.end],
            }  # fmt: skip
        annotations.append(
            {
                "id": a.id, "tag": tag_names[a.tag_id], "tag_id": a.tag_id, "start": a.start, "end": a.end,
                "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix, "note": a.note, "coder": a.coder,
                "created": a.created, "modified": a.modified,
                "status": UNCHANGED if state is None else state.status, "review": review,
            }
        )  # fmt: skip
    orphans = []
    for orphan in sorted(exported.orphans, key=lambda o: (o.version.version, o.annotation.start, o.annotation.end)):
        a = orphan.annotation
        orphans.append(
            {
                "id": a.id, "tag": tag_names[a.tag_id], "tag_id": a.tag_id, "start": a.start, "end": a.end,
                "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix, "note": a.note, "coder": a.coder,
                "created": a.created, "modified": a.modified, "status": ORPHANED, "version_id": orphan.version.id,
            }
        )  # fmt: skip
    return {
        "id": doc.id,
        "title": doc.title,
        "text": doc.text,
        "sha256": doc.sha256,
        "metadata": doc.metadata,
        "memo": doc.memo,
        "created": doc.created,
        "attributes": exported.attributes,
        "versions": [
            {
                "id": v.id,
                "version": v.version,
                "sha256": v.sha256,
                "created": v.created,
                "note": v.note,
                "text": v.text if texts else None,
            }
            for v in exported.versions
        ],
        "annotations": annotations,
        "orphans": orphans,
        "relations": [],
    }


def to_dict_v2(bundle: ExportBundle) -> dict[str, Any]:
    """Version 2: the library (see the module's docstring and README)."""
    tags = [t for t, _ in cb.walk(bundle.tags)]  # parents first, in the tree's order
    tag_names = {t.id: t.name for t in tags}
    paths = cb.paths(tags)
    texts = bundle.options.get("previous_texts", True) is not False
    documents = []
    coders: set[str] = set()
    for exported in bundle.documents:
        coders.update(a.coder for a in exported.annotations)
        coders.update(o.annotation.coder for o in exported.orphans)
        documents.append(_document_v2(exported, tag_names, texts))
    coders.discard("")
    return {
        "format": FORMAT_NAME,
        "version": 2,
        "exported_at": bundle.exported_at,
        "generator": bundle.generator,
        "tags": [
            {
                "id": t.id,
                "name": t.name,
                "parent_id": t.parent_id,
                "path": list(paths[t.id]),
                "color": t.color,
                "key": t.shortcut,
                "description": t.description,
                "sort_order": t.sort_order,
            }
            for t in tags
        ],
        "relation_types": [],
        "coders": sorted(coders),
        "blind_coding": bundle.blind_coding,
        "attributes": [
            {"id": a.id, "name": a.name, "kind": a.kind, "choices": list(a.choices), "sort_order": a.sort_order}
            for a in bundle.attributes
        ],
        "sets": [{"id": s.id, "name": s.name, "document_ids": list(s.document_ids)} for s in bundle.sets],
        "documents": documents,
        "journal": [
            {
                "id": e.id,
                "created": e.created,
                "modified": e.modified,
                "author": e.author,
                "title": e.title,
                "body": e.body,
            }
            for e in bundle.journal
        ],
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
    """Read an export of version 1 or 2; refuses anything not valid against its version's schema
    or whose texts, quotes and references disagree."""
    import jsonschema

    try:
        payload = orjson.loads(source.data)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON ({exc})") from exc
    check_nesting(payload, "the JSON")
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise FormatError('this JSON is not an Annotator export (no "format": "annotator-export")')
    version = payload.get("version")
    if type(version) is not int or version not in VERSIONS:
        raise FormatError(f"this is an Annotator export of version {version!r}; this version reads 1 and 2")
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema(version)).iter_errors(payload))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise FormatError(f"the export is not valid at {where}: {error.message}")
    return _read_v1(payload) if version == 1 else _read_v2(payload)


def _times(where: str, *values: str) -> list[datetime]:
    try:
        return [_parse_time(v) for v in values]
    except ValueError as exc:
        raise FormatError(f"{where}: bad timestamp ({exc})") from exc


def _check_span(where: str, text: str, a: dict[str, Any], into: str = "text") -> None:
    # JSON Schema's "integer" admits 1.0; offsets must be real ints to slice the text.
    if type(a["start"]) is not int or type(a["end"]) is not int:
        raise FormatError(f"{where}: start and end must be whole numbers")
    if not (0 <= a["start"] < a["end"] <= len(text)) or text[a["start"] : a["end"]] != a["quote"]:
        raise FormatError(f"{where}: its quote is not {into}[start:end]")


def _read_v1(payload: dict[str, Any]) -> ImportBundle:
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
            _check_span(where, text, a)
            if a["tag"] not in tag_names:
                raise FormatError(f"{where}: tag '{a['tag']}' is not in the export's tag list")
            created, modified = _times(where, a["created"], a["modified"])
            annotations.append(
                ImportedAnnotation(
                    tag=a["tag"], start=a["start"], end=a["end"], quote=a["quote"], note=a["note"], coder=a["coder"],
                    id=a["id"], created=created, modified=modified,
                )
            )  # fmt: skip
        documents.append(
            ImportedDocument(title=d["title"], text=text, metadata=d["metadata"], annotations=annotations, id=d["id"])
        )
    return ImportBundle(documents=documents, tags=tags)


def _unique(what: str, values: list[Any]) -> None:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise FormatError(f"{what} {value!r} is given twice")
        seen.add(value)


def _codebook_v2(payload: dict[str, Any]) -> list[CodebookTag]:
    """The file's codebook, parents first; refused unless every tag's parent is in it, its
    parents hold no cycle and its path is the names of its parents and itself."""
    raw = payload["tags"]
    keys = []
    for index, t in enumerate(raw):
        try:
            cb.clean_name(t["name"])
            key = cb.check_key(t["key"])
        except InvalidInput as exc:
            raise FormatError(f"tag {index + 1}: {exc}") from exc
        if key != t["key"]:
            raise FormatError(f"tag {index + 1} ('{t['name']}'): its key {t['key']!r} is not as Annotator writes keys")
        keys.append(key.casefold())
    _unique("the tag id", [t["id"] for t in raw])
    _unique("the tag key", [k for k in keys if k])  # a key is one tag's: two would answer neither
    codebook = [
        CodebookTag(t["id"], t["name"], t["parent_id"], t["color"], t["description"], t["key"], t["sort_order"])
        for t in raw
    ]
    ids = {t.id for t in codebook}
    for index, t in enumerate(codebook):
        if t.parent_id is not None and t.parent_id not in ids:
            raise FormatError(f"tag {index + 1} ('{t.name}'): its parent {t.parent_id!r} is not in the export")
        if cb.cycle_of(codebook, t.id):
            raise FormatError(f"tag {index + 1} ('{t.name}'): it is inside itself (its parents form a cycle)")
    paths = cb.paths(codebook)
    for index, t in enumerate(raw):
        if list(paths[t["id"]]) != t["path"]:
            raise FormatError(
                f"tag {index + 1} ('{t['name']}'): its path {t['path']!r} is not the names of its parents and itself"
            )
    _unique("the tag path", [tuple(t["path"]) for t in raw])
    return [t for t, _ in cb.walk(codebook)]


def _attributes_v2(payload: dict[str, Any]) -> dict[str, Attribute]:
    raw = payload["attributes"]
    _unique("the attribute id", [a["id"] for a in raw])
    _unique("the attribute name", [a["name"] for a in raw])
    return {a["name"]: Attribute(a["id"], a["name"], a["kind"], tuple(a["choices"]), a["sort_order"]) for a in raw}


def _document_v2_in(
    d_index: int, d: dict[str, Any], tags: dict[str, CodebookTag], paths: dict[str, tuple[str, ...]],
    coders: set[str], attributes: dict[str, Attribute],
) -> ImportedDocument:  # fmt: skip
    where_doc = f"document {d_index + 1} ('{d['title']}')"
    text = d["text"]
    if sha256_text(text) != d["sha256"]:
        raise FormatError(f"{where_doc}: its text does not match its sha256")
    (created,) = _times(where_doc, d["created"])
    versions: dict[str, IncomingVersion] = {}
    _unique(f"{where_doc}: the version number", [v["version"] for v in d["versions"]])
    for v_index, v in enumerate(d["versions"]):
        where = f"{where_doc}, version {v_index + 1}"
        if v["id"] in versions:
            raise FormatError(f"{where}: the version id {v['id']!r} is given twice")
        if v["text"] is not None and sha256_text(v["text"]) != v["sha256"]:
            raise FormatError(f"{where}: its text does not match its sha256")
        (v_created,) = _times(where, v["created"])
        versions[v["id"]] = IncomingVersion(v["id"], v["version"], v["sha256"], v_created, v["note"], v["text"])

    def annotation(where: str, a: dict[str, Any], anchor: IncomingAnchor | None) -> ImportedAnnotation:
        tag = tags.get(a["tag_id"])
        if tag is None:
            raise FormatError(f"{where}: tag id {a['tag_id']!r} is not in the export's tags")
        if tag.name != a["tag"]:
            raise FormatError(f"{where}: tag '{a['tag']}' is not the name of tag {a['tag_id']!r} ('{tag.name}')")
        if a["coder"] and a["coder"] not in coders:
            raise FormatError(f"{where}: coder '{a['coder']}' is not in the export's coders")
        created, modified = _times(where, a["created"], a["modified"])
        return ImportedAnnotation(
            tag=a["tag"], start=a["start"], end=a["end"], quote=a["quote"], note=a["note"], coder=a["coder"],
            id=a["id"], created=created, modified=modified, tag_path=paths[tag.id], anchor=anchor,
        )  # fmt: skip

    def version_text(where: str, version_id: str, what: str) -> str:
        version = versions.get(version_id)
        if version is None:
            raise FormatError(f"{where}: {what} version {version_id!r}, which is not among the document's versions")
        if version.text is None:
            raise FormatError(
                f"{where}: {what} version {version.version}, whose text this export leaves out "
                "(exported with previous_texts=false), so it cannot be imported without losing it"
            )
        return version.text

    annotations = []
    for a_index, a in enumerate(d["annotations"]):
        where = f"{where_doc}, annotation {a_index + 1}"
        _check_span(where, text, a)
        anchor = None
        review = a["review"]
        if (review is not None) != (a["status"] == FUZZY):
            raise FormatError(f"{where}: a review is given with a fuzzy placement, and only then")
        if review is not None:
            placed_in = version_text(where, review["version_id"], "its review points into")
            _check_span(f"{where}, review", placed_in, review, "the version's text")
            anchor = IncomingAnchor(FUZZY, review["version_id"], review["start"], review["end"])
        elif a["status"] != UNCHANGED:
            anchor = IncomingAnchor(a["status"])
        annotations.append(annotation(where, a, anchor))
    for o_index, o in enumerate(d["orphans"]):
        where = f"{where_doc}, orphan {o_index + 1}"
        _check_span(where, version_text(where, o["version_id"], "it points into"), o, "the version's text")
        anchor = IncomingAnchor(ORPHANED, o["version_id"], o["start"], o["end"])
        annotations.append(annotation(where, o, anchor))
    for name, value in d["attributes"].items():
        if name not in attributes:
            raise FormatError(f"{where_doc}: attribute '{name}' is not in the export's attributes")
        try:  # as the file declares it; the import parses it again for the library's attribute
            parse_value(attributes[name], value)
        except InvalidInput as exc:
            raise FormatError(f"{where_doc}, attribute '{name}': {exc}") from exc
    return ImportedDocument(
        title=d["title"], text=text, metadata=d["metadata"], annotations=annotations, id=d["id"], memo=d["memo"],
        created=created, versions=list(versions.values()), attributes=dict(d["attributes"]),
    )  # fmt: skip


def _read_v2(payload: dict[str, Any]) -> ImportBundle:
    codebook = _codebook_v2(payload)
    tags = {t.id: t for t in codebook}
    paths = cb.paths(codebook)
    coders = set(payload["coders"])
    attributes = _attributes_v2(payload)
    _unique("the document id", [d["id"] for d in payload["documents"]])
    documents = [_document_v2_in(i, d, tags, paths, coders, attributes) for i, d in enumerate(payload["documents"])]
    document_ids = {d.id for d in documents}
    _unique("the set id", [s["id"] for s in payload["sets"]])
    _unique("the set name", [s["name"] for s in payload["sets"]])
    sets = []
    for s_index, s in enumerate(payload["sets"]):
        missing = [i for i in s["document_ids"] if i not in document_ids]
        if missing:
            raise FormatError(f"set {s_index + 1} ('{s['name']}'): document {missing[0]!r} is not in the export")
        sets.append(DocumentSet(s["id"], s["name"], tuple(s["document_ids"])))
    _unique("the journal entry id", [e["id"] for e in payload["journal"]])
    journal = []
    for e_index, e in enumerate(payload["journal"]):
        created, modified = _times(f"journal entry {e_index + 1}", e["created"], e["modified"])
        journal.append(JournalEntry(e["id"], created, modified, e["author"], e["title"], e["body"]))
    extras = LibraryExtras(codebook, sets, journal)
    return ImportBundle(documents=documents, attributes=list(attributes.values()), extras=extras)


#: The writer options :func:`write` reads.
OPTIONS = (
    Option(
        "version", "choice", QT_TRANSLATE_NOOP("formats", "2: the library (codebook tree, sets, attributes, memos, "
        "journal, previous texts, orphans); 1: the shape written before version 2, for its consumers"), ("2", "1"), "2", label=QT_TRANSLATE_NOOP("formats", "Version"),
        choice_labels=(QT_TRANSLATE_NOOP("formats", "2: the whole library"),
                       QT_TRANSLATE_NOOP("formats", "1: documents and annotations (older shape)")),
    ),
    Option(
        "previous_texts", "bool", QT_TRANSLATE_NOOP("formats", "version 2: write the texts of revised documents' "
        "previous versions (without them a file is smaller, but orphans and fuzzy marks pointing into them cannot "
        "be imported)"), default=True,
        label=QT_TRANSLATE_NOOP("formats", "Previous texts of revised documents"), applies_if=("version", ("2",)),
    ),
)  # fmt: skip


FORMATS = [
    Format(
        id="json",
        label=QT_TRANSLATE_NOOP("formats", "Annotated JSON"),
        extensions=(".json",),
        reader=read,
        writer=write,
        sniff=sniff,
        options=OPTIONS,
        carries_library=True,
    )
]
