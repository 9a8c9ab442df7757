"""Formats: W3C Web Annotation Data Model (JSON-LD), export and import.

The export is one ``AnnotationCollection`` (``"@context":
"http://www.w3.org/ns/anno.jsonld"``) whose first and only ``AnnotationPage``
is embedded (without ``partOf``, which embedding implies) and lists every annotation, documents in export order and, within
a document, annotations by (start, end). Every key and every ``type``,
``motivation`` and ``purpose`` value is a term of that context. An annotation:

- ``id``: ``urn:uuid:<our id>``; ids that are not UUIDs (brought in from other
  tools) become a name-based UUID (:func:`uuid.uuid5` in the URL namespace).
- ``motivation`` ``tagging``; ``body``: a ``TextualBody`` with ``purpose``
  ``tagging`` whose ``value`` is the tag name (tag names only: colours and
  descriptions are not carried, an import gives new tags the default colours),
  then, for a non-empty note, a ``TextualBody`` with ``purpose`` ``commenting``.
- ``created``/``modified`` (xsd:dateTime in UTC) and, when there is a coder,
  ``creator``: a ``Person`` with that ``name``.
- ``target``: a ``SpecificResource`` whose ``selector`` lists a
  ``TextPositionSelector`` and a ``TextQuoteSelector`` of the same span.
  ``start``/``end`` count Unicode code points of the stored text (LF line
  endings, no BOM), end-exclusive, as the model says; JavaScript clients such
  as Hypothesis count UTF-16 code units instead, which differ after every
  character outside the BMP (emoji). ``prefix``/``suffix`` hold up to 32 code
  points.

The ``source`` of the target is the document's IRI (``urn:uuid:<document
id>``). The first annotation of each document gives it as an embedded
``TextualBody`` (the model allows a TextualBody as the source of a Specific
Resource) with the document's ``label`` (title), ``format`` text/plain and
its whole text as ``value``; the document's other annotations name the same
IRI, which JSON-LD reads as the same resource, so a text is written once. A
document without annotations has nothing to hang on and is not in the export.
The collection carries ``generator`` (a ``Software`` agent) and ``generated``.

Import reads such files, and W3C annotations from other tools: a single
Annotation, an AnnotationPage, a collection whose pages are embedded, or a
JSON array of annotations. A document's text is the embedded ``value`` of a
target source; when a source is only an IRI, its text is read from a file
beside the imported one: the IRI's last path segment (``…/article.txt`` ->
``article.txt``; a segment without a suffix is also tried with ``.txt`` and
``.md``), then, when only one document is missing, the imported file's own
name with ``.txt`` or ``.md`` (``notes.jsonld`` -> ``notes.txt``). A span is
placed by its ``TextPositionSelector`` when the text there is the quote; then
by the same numbers read as UTF-16 code units (JavaScript clients) or as
counts in the text before CRLF became LF; then by the exact quote (nearest to
the position, best matching prefix and suffix). A position without a quote
is taken as code points; other selectors (XPath, ranges, fragments) are not
read. An annotation that cannot be placed is never guessed at: the whole file
is refused, saying how many could not be anchored and why. Bodies with
``purpose`` ``tagging`` (or any textual body of an annotation whose only
motivation is ``tagging``) give tags, other textual bodies and ``bodyValue``
the note; an annotation with several tags or targets becomes one annotation
per tag and target, one without a tag is tagged with its motivation
(``highlighting``...) or ``untagged``. The coder is the creator's ``name``
(else ``nickname``, else its IRI). ``urn:uuid:`` ids are kept (ours are such);
other ids (``anno1``, ``https://hypothes.is/a/...``) are only unique within
their file or tool, so they are not kept: the import matches those annotations
on tag, offsets and note, and importing the same file again adds nothing.
Timestamps are converted to UTC. Document metadata is not carried.
"""

from __future__ import annotations

import codecs
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

import orjson

from annotator.core.codebook import labels
from annotator.core.gcpause import gc_paused
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import NAME_MAX, Annotation, TagSpec
from annotator.core.offsets import OffsetMap, RawTextMap
from annotator.core.selectors import TextPositionSelector, TextQuoteSelector, anchor
from annotator.core.text import TextDecodeError, decode_bytes, normalize_text, title_from_text
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

#: The Web Annotation JSON-LD context every export names.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CONTEXTS = frozenset({CONTEXT, "https://www.w3.org/ns/anno.jsonld"})
_UUID_URN = "urn:uuid:"
#: The tag of an imported annotation that has neither a tagging body nor a motivation.
UNTAGGED = "untagged"

_SNIFF = re.compile(rb'"@context"\s*:\s*(?:\[[^\]]{0,4000}?)?"https?://www\.w3\.org/ns/anno\.jsonld"')


# --------------------------------------------------------------------------- ids


def iri_for(identifier: str) -> str:
    """The ``urn:uuid:`` IRI of one of our ids (a name-based UUID when the id is not a UUID)."""
    try:
        canonical = str(uuid.UUID(identifier))
    except ValueError:
        canonical = ""
    if canonical != identifier:
        canonical = str(uuid.uuid5(uuid.NAMESPACE_URL, identifier))
    return _UUID_URN + canonical


def _uuid_of(iri: str) -> str | None:
    """The UUID in a ``urn:uuid:`` IRI (lower case, canonical), or None."""
    if iri[: len(_UUID_URN)].lower() != _UUID_URN:
        return None
    try:
        return str(uuid.UUID(iri[len(_UUID_URN) :]))
    except ValueError:
        return None


def _annotation_id(iri: str | None, variant: int) -> str | None:
    """Our id for an imported annotation: the UUID of a ``urn:uuid:`` IRI, else None.

    Another tool's id (``anno1`` in two files about two texts) says nothing
    about another file's annotations, so it is not made into ours; the import
    matches such annotations on what they carry. An annotation split in
    several (more tags or targets than one) keeps its id on the first part.
    """
    if iri is None or variant:
        return None
    return _uuid_of(iri)


# --------------------------------------------------------------------------- export


def _utc(moment: datetime) -> datetime:
    """An aware UTC datetime (what orjson writes with a "Z"); a naive one is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _annotation(a: Annotation, tag: str, text: str, source: str | dict[str, Any]) -> dict[str, Any]:
    # Quote and context are cut from the stored text here, so the file tells the truth about it.
    quote = TextQuoteSelector.from_span(text, a.start, a.end)
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "tagging", "value": tag}]
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/plain",
                "value": a.note,
            }
        )
    out: dict[str, Any] = {
        "id": iri_for(a.id),
        "type": "Annotation",
        "motivation": "tagging",
        "created": _utc(a.created),
        "modified": _utc(a.modified),
    }
    if a.coder:
        out["creator"] = {"type": "Person", "name": a.coder}
    out["body"] = body
    out["target"] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            {
                "type": "TextQuoteSelector",
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
            },
        ],
    }
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def to_dict(bundle: ExportBundle) -> dict[str, Any]:
    """The export as plain data (what :func:`write` serialises; timestamps are aware datetimes)."""
    tag_names = labels(bundle.tags)  # two tags that share a name are told apart by their paths
    items: list[dict[str, Any]] = []
    documents = 0
    for exported in bundle.documents:
        if not exported.annotations:
            continue
        doc = exported.document
        documents += 1
        doc_iri = iri_for(doc.id)
        source: str | dict[str, Any] = {
            "id": doc_iri,
            "type": "TextualBody",
            "format": "text/plain",
            "label": doc.title,
            "value": doc.text,
        }
        for a in sorted(exported.annotations, key=lambda a: (a.start, a.end, a.id)):
            items.append(_annotation(a, tag_names[a.tag_id], doc.text, source))
            source = doc_iri  # the text is embedded once per document
    collection_iri = _UUID_URN + str(uuid.uuid4())
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_iri,
        "type": "AnnotationCollection",
        "label": f"Annotator export: {_count(len(items), 'annotation')} of {_count(documents, 'document')}",
        "generator": {"type": "Software", "name": bundle.generator},
        "generated": _utc(bundle.exported_at),
        "total": len(items),
    }
    if items:  # a page must hold at least one annotation; an empty collection has none
        page_iri = _UUID_URN + str(uuid.uuid4())
        # No "partOf": embedded in the collection, the page is part of it already, and the
        # test suite's page assertions (3.3.1, 3.3.6, 5.2) require partOf to be an object.
        collection["first"] = {
            "id": page_iri,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
        collection["last"] = page_iri
    return collection


def write(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write the bundle as one AnnotationCollection (documents without annotations are left out)."""
    with gc_paused():
        data = orjson.dumps(to_dict(bundle), option=orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z)
    out.write(data)
    out.write(b"\n")


# --------------------------------------------------------------------------- import


def sniff(head: bytes) -> bool:
    """JSON (an object or an array) whose ``@context`` names the Web Annotation context."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    return start[:1] in (b"{", b"[") and _SNIFF.search(head) is not None


def _as_list(value: Any) -> list[Any]:
    """A JSON-LD value as a list (a single value, an array, or nothing)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _strings(value: Any) -> list[str]:
    return [v for v in _as_list(value) if isinstance(v, str)]


def _first_string(value: Any) -> str:
    found = _strings(value)
    return found[0] if found else ""


def _has_context(node: Any) -> bool:
    return isinstance(node, dict) and any(c in _CONTEXTS for c in _strings(node.get("@context")))


# The context's terms for the classes a file may hold, and the compact IRIs they stand for.
_CLASSES = {
    "Annotation": {"Annotation", "oa:Annotation"},
    "AnnotationPage": {"AnnotationPage", "as:OrderedCollectionPage"},
    "AnnotationCollection": {"AnnotationCollection", "as:OrderedCollection"},
}


def _is_a(node: Any, kind: str) -> bool:
    return isinstance(node, dict) and not _CLASSES[kind].isdisjoint(_strings(node.get("type")))


def _load(data: bytes) -> Any:
    data = data.removeprefix(codecs.BOM_UTF8)
    if not data.strip():
        raise FormatError("the file holds only white space" if data else "the file is empty")
    try:
        payload = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON ({exc})") from exc
    check_nesting(payload, "the JSON")
    return payload


def _pages(collection: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The embedded pages of a collection, following ``next``; a page only named by IRI is refused."""
    page, number = collection.get("first"), 1
    while page is not None:
        if isinstance(page, str):
            raise FormatError(
                f"page {number} of the collection is not in the file (only its address {page!r} is), "
                "so its annotations cannot be imported"
            )
        if not _is_a(page, "AnnotationPage"):
            raise FormatError(f"page {number} of the collection is not an AnnotationPage")
        yield page
        page, number = page.get("next"), number + 1


def _items(page: dict[str, Any], where: str) -> list[Any]:
    items = page.get("items")
    if not isinstance(items, list):
        raise FormatError(f'{where} has no list of annotations ("items")')
    return items


def _annotations_of(payload: Any) -> list[dict[str, Any]]:
    """Every annotation the file holds, in file order; anything else is refused."""
    if isinstance(payload, list):
        if not payload or not _has_context(payload[0]):
            raise FormatError(f'this JSON array is not a list of W3C Web Annotations (no "@context": "{CONTEXT}")')
        found = payload
    elif isinstance(payload, dict):
        if not _has_context(payload):
            raise FormatError(f'this JSON is not W3C Web Annotation JSON-LD (no "@context": "{CONTEXT}")')
        if _is_a(payload, "AnnotationCollection"):
            found = []
            for number, page in enumerate(_pages(payload), 1):
                found.extend(_items(page, f"page {number} of the collection"))
            total = payload.get("total")
            if type(total) is int and total > len(found):
                raise FormatError(
                    f"the collection holds {total} annotations but only {len(found)} are in the file "
                    "(its other pages are not embedded)"
                )
        elif _is_a(payload, "AnnotationPage"):
            found = _items(payload, "the page")
            if payload.get("next") is not None:
                raise FormatError("this is one page of a longer collection; import a file with every page")
        elif _is_a(payload, "Annotation"):
            found = [payload]
        else:
            raise FormatError("this JSON-LD is not an Annotation, an AnnotationPage or an AnnotationCollection")
    else:
        raise FormatError("this JSON is not W3C Web Annotation JSON-LD")
    for number, item in enumerate(found, 1):
        if isinstance(item, str):
            raise FormatError(f"annotation {number} is not in the file (only its address {item!r} is)")
        if not _is_a(item, "Annotation"):
            raise FormatError(f"item {number} of the file is not an Annotation")
    return found


@dataclass(slots=True)
class _Text:
    """A document's text as we store it, and how to read other tools' offsets into it."""

    text: str
    title: str
    metadata: dict[str, Any]
    id: str | None
    raw: RawTextMap | None = None  # counts in the text as written (CRLF as two), when they differ
    _utf16: OffsetMap | None = None

    def readings(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The numbers as code points (the model), as UTF-16 units (JavaScript), as raw CRLF counts."""
        yield start, end
        if self._utf16 is None:
            self._utf16 = OffsetMap(self.text)
        units = self._utf16
        if not units.is_identity and end <= units.utf16_length:
            yield units.from_utf16(start), units.from_utf16(end)
        if self.raw is not None and not self.raw.is_identity:
            yield self.raw(start), self.raw(end)


def _raw_text(raw: str) -> RawTextMap:
    """*raw* as stored (LF, no BOM), and a map of offsets counted in it (without its BOM: tools skip it)."""
    return RawTextMap(raw.removeprefix("\ufeff"))


def _embedded_text(source: dict[str, Any], iri: str | None) -> _Text:
    raw = _raw_text(source["value"])
    label = _first_string(source.get("label"))
    title = label or title_from_text(raw.text, fallback=iri or "Untitled")
    return _Text(raw.text, title, {}, _uuid_of(iri) if iri else None, raw)


def _source_of(target: Any) -> tuple[Any, dict[str, Any] | None]:
    """The key of a target's document (its IRI, or the embedded object) and the embedded source, if any."""
    if not isinstance(target, dict) or "source" not in target:
        return None, None
    source = target["source"]
    if isinstance(source, str):
        return source, None
    if isinstance(source, dict):
        iri = source.get("id")
        return (iri if isinstance(iri, str) else ("embedded", id(source))), source
    return None, None


def _sibling_names(iri: str, own_name: str, only_missing: bool) -> list[str]:
    """The files beside the imported one that may hold the text of *iri* (see the module docstring)."""
    names = []
    try:
        segment = unquote(urlsplit(iri).path).rsplit("/", 1)[-1]
    except ValueError:
        segment = ""
    if segment and segment not in (".", "..") and not any(c in segment for c in ":\\\x00"):
        names.append(segment)
        if not PurePosixPath(segment).suffix:
            names += [segment + ".txt", segment + ".md"]
    if only_missing:
        stem = PurePath(own_name).stem
        names += [stem + ".txt", stem + ".md"]
    return [n for n in dict.fromkeys(names) if n != own_name]


def _sibling_text(source: SourceFile, iri: str, names: list[str]) -> _Text | None:
    for name in names:
        data = source.sibling(name)
        if not data:
            continue
        try:
            decoded = decode_bytes(data)
        except TextDecodeError as exc:
            raise FormatError(f"the text of {iri!r} should be in '{name}', but {exc}") from exc
        raw_map: RawTextMap | None = None
        if len(decoded.text) != len(data):  # cheap check first: most files are plain ASCII with LF
            try:
                raw = data.decode({"utf-8": "utf-8-sig"}.get(decoded.encoding, decoded.encoding))
            except (LookupError, UnicodeDecodeError):
                raw = ""
            raw_map = _raw_text(raw)
            if raw_map.text != decoded.text:
                raw_map = None
        title = title_from_text(decoded.text, fallback=PurePath(name).stem or name)
        metadata = {"source_file": name, "encoding": decoded.encoding, "source": iri}
        return _Text(decoded.text, title, metadata, _uuid_of(iri), raw_map)
    return None


def _selectors(target: Any) -> tuple[TextPositionSelector | None, TextQuoteSelector | None]:
    """The first usable position and quote selectors of a target (others, e.g. XPath, are ignored)."""
    position = quote = None
    selectors = target.get("selector") if isinstance(target, dict) else None
    for selector in _as_list(selectors):
        if not isinstance(selector, dict):
            continue
        kinds = _strings(selector.get("type"))
        if position is None and "TextPositionSelector" in kinds:
            start, end = selector.get("start"), selector.get("end")
            if type(start) is int and type(end) is int and 0 <= start < end:
                position = TextPositionSelector(start, end)
        elif quote is None and "TextQuoteSelector" in kinds:
            exact = selector.get("exact")
            if isinstance(exact, str) and exact:
                # Our stored text has LF line endings, so a quote copied from CRLF text is made to match.
                quote = TextQuoteSelector(
                    normalize_text(exact),
                    *(normalize_text(_first_string(selector.get(k))) for k in ("prefix", "suffix")),
                )
    return position, quote


def _place(
    doc: _Text, position: TextPositionSelector | None, quote: TextQuoteSelector | None
) -> tuple[int, int] | None:
    """Where a span is in the text: a reading of its position that gives the quote, else :func:`anchor`."""
    text = doc.text
    if position is not None and quote is not None:
        for start, end in doc.readings(position.start, position.end):
            if 0 <= start < end <= len(text) and text[start:end] == quote.exact:
                return start, end
    return anchor(text, position, quote)


def _time(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FormatError(f"{where}: a timestamp is not a string")
    try:
        return _utc(datetime.fromisoformat(value))
    except (ValueError, OverflowError) as exc:  # OverflowError: year 1 with an offset east of UTC
        raise FormatError(f"{where}: bad timestamp {value[:40]!r}") from exc


def _bodies(annotation: dict[str, Any]) -> tuple[list[str], str]:
    """Tag names (tagging bodies) and the note (other textual bodies and ``bodyValue``)."""
    motivations = _strings(annotation.get("motivation"))
    tags: list[str] = []
    notes: list[str] = []
    if isinstance(annotation.get("bodyValue"), str):  # the model's plain-text comment
        notes.append(annotation["bodyValue"])
    for body in _as_list(annotation.get("body")):
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, str):
            continue  # an external resource (IRI), a Choice...: nothing textual to take
        purposes = _strings(body.get("purpose"))
        if "tagging" in purposes or (not purposes and motivations == ["tagging"]):
            if value.strip() and value not in tags:
                tags.append(value)
        elif value:
            notes.append(value)
    if not tags:
        tags.append(motivations[0] if motivations and motivations[0].strip() else UNTAGGED)
    return tags, "\n\n".join(notes)


def _coder(annotation: dict[str, Any]) -> str:
    creators = _as_list(annotation.get("creator"))
    creator = creators[0] if creators else None
    if isinstance(creator, str):
        return creator
    if isinstance(creator, dict):
        for key in ("name", "nickname", "id"):
            if found := _first_string(creator.get(key)):
                return found
    return ""


def _check_name(kind: str, value: str, where: str) -> str:
    if len(value) > NAME_MAX:
        raise FormatError(f"{where}: its {kind} name has {len(value)} characters; at most {NAME_MAX} are kept")
    return value


def _why(reason: str, count: int, tried: list[str]) -> str:
    """One reason annotations could not be anchored, with how many it concerns."""
    one = count == 1
    if reason == "no selector":
        return f"{count} {'has' if one else 'have'} no text position or quote selector of a span"
    if reason == "no text":
        names = ", ".join(repr(n) for n in tried[:6]) + (f" and {len(tried) - 6} more" if len(tried) > 6 else "")
        where = f"looked for {names}" if tried else "there was no file name to look for"
        return f"{count} {'points' if one else 'point'} at a document whose text is neither in the file nor beside it ({where})"
    if reason == "out of range":
        return (
            f"{count} {'has' if one else 'have'} a text position beyond the end of {'its' if one else 'their'} document"
        )
    return f"{count} {'quotes' if one else 'quote'} text that is not in {'its' if one else 'their'} document"


def _document_texts(source: SourceFile, annotations: list[dict[str, Any]]) -> tuple[dict[Any, _Text], list[str]]:
    """Every document's text, by key: embedded ones, then files beside this one for the rest.

    Also returns the file names looked for in vain (for the refusal message).
    """
    texts: dict[Any, _Text] = {}
    for annotation in annotations:
        for target in _as_list(annotation.get("target")):
            key, embedded = _source_of(target)
            if embedded is None or not isinstance(embedded.get("value"), str):
                continue
            found = _embedded_text(embedded, key if isinstance(key, str) else None)
            if key in texts and texts[key].text != found.text:
                raise FormatError(f"the file gives two different texts for the document {key!r}")
            texts.setdefault(key, found)
    missing = dict.fromkeys(
        key
        for annotation in annotations
        for target in _as_list(annotation.get("target"))
        if isinstance(key := _source_of(target)[0], str) and key not in texts
    )
    looked_for: list[str] = []
    for iri in missing:
        names = _sibling_names(iri, source.name, len(missing) == 1)
        if (found_text := _sibling_text(source, iri, names)) is not None:
            texts[iri] = found_text
        else:
            looked_for += names
    return texts, list(dict.fromkeys(looked_for))


def _spans(annotation: dict[str, Any], texts: dict[Any, _Text]) -> list[tuple[Any, int, int]] | str:
    """The (document key, start, end) of each target, or why the annotation cannot be anchored."""
    targets = _as_list(annotation.get("target"))
    if not targets:
        return "no selector"
    spans = []
    for target in targets:
        key = _source_of(target)[0]
        position, quote = _selectors(target)
        if key is None or (position is None and quote is None):
            return "no selector"
        if key not in texts:
            return "no text"
        if (span := _place(texts[key], position, quote)) is None:
            return "not found" if quote is not None else "out of range"
        spans.append((key, *span))
    return spans


def read(source: SourceFile) -> ImportBundle:
    """Read W3C annotations whose document texts are embedded or beside the file; all or nothing."""
    annotations = _annotations_of(_load(source.data))
    texts, looked_for = _document_texts(source, annotations)
    placed: dict[Any, list[ImportedAnnotation]] = {}
    failures: Counter[str] = Counter()
    for number, annotation in enumerate(annotations, 1):
        where = f"annotation {number}"
        tags, note = _bodies(annotation)
        for tag in tags:
            _check_name("tag", tag, where)
        coder = _check_name("coder", _coder(annotation), where)
        created = _time(annotation.get("created"), where)
        modified = _time(annotation.get("modified"), where) or created
        iri = annotation.get("id") if isinstance(annotation.get("id"), str) else None
        spans = _spans(annotation, texts)
        if isinstance(spans, str):
            failures[spans] += 1
            continue
        # One of ours has one target and one tag; other tools' may have more: one annotation each.
        parts = [(key, start, end, tag) for key, start, end in spans for tag in tags]
        for variant, (key, start, end, tag) in enumerate(parts):
            placed.setdefault(key, []).append(
                ImportedAnnotation(
                    tag=tag,
                    start=start,
                    end=end,
                    quote=texts[key].text[start:end],
                    note=note,
                    coder=coder,
                    id=_annotation_id(iri, variant),
                    created=created,
                    modified=modified,
                )
            )
    if failures:
        reasons = "; ".join(_why(reason, count, looked_for) for reason, count in sorted(failures.items()))
        raise FormatError(
            f"{sum(failures.values())} of {len(annotations)} annotations could not be anchored in "
            f"their document's text, so nothing was imported: {reasons}"
        )
    documents = [
        ImportedDocument(
            title=texts[key].title,
            text=texts[key].text,
            metadata=texts[key].metadata,
            annotations=found,
            id=texts[key].id,
        )
        for key, found in placed.items()
    ]
    tag_order = dict.fromkeys(a.tag for d in documents for a in d.annotations)
    return ImportBundle(documents=documents, tags=[TagSpec(name, "") for name in tag_order])


FORMATS = [
    Format(
        id="w3c",
        label=QT_TRANSLATE_NOOP("formats", "W3C Web Annotation (JSON-LD)"),
        extensions=(".jsonld",),
        reader=read,
        writer=write,
        sniff=sniff,
    )
]
