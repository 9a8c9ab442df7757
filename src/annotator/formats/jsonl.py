"""Formats: JSONL for NLP pipelines, in the shapes spaCy, doccano and Label Studio take.

``options["flavor"]`` picks the shape (default ``"spacy"``). Every shape has the
stored text exactly (LF line ends, no BOM); what differs is where the spans go
and how offsets count.

``spacy`` (the default; also Prodigy's shape), one JSON object per line and document::

    {"id": "…", "title": "…", "text": "…",
     "spans": [{"start": 3, "end": 9, "label": "claim", "text": "…", "id": "…", "note": "…", "coder": "…"}],
     "meta": {"sha256": "…", "metadata": {…}}}

``start``/``end`` are code points, end-exclusive: Python ``str`` indices, which
is what spaCy's character offsets are, so ``doc.char_span(s["start"], s["end"],
label=s["label"])`` gives the span (it returns None when the span does not fall
on token boundaries; pass ``alignment_mode="expand"`` to widen it). ``note`` and
``coder`` appear only when not empty; spans are sorted by (start, end). This is
the shape :func:`read` takes back.

``doccano`` (sequence labelling import), one line per document::

    {"text": "…", "label": [[start, end, "claim"], …], "document_id": "…", "title": "…"}

doccano keeps the extra keys as metadata; notes are not carried. Offsets are
**UTF-16 code units** by default, because doccano's annotator counts JavaScript
string positions unless the project counts grapheme clusters (then neither
unit fits: create the project without that option). ``options["offsets"] =
"code-points"`` writes Python indices instead, for scripts that read the file.

``label-studio``: a JSON array of tasks (Label Studio imports ``.json`` files,
not JSONL; the file has one task per line inside the brackets, so save it as
``.json``)::

    {"data": {"text": "…", "title": "…", "document_id": "…"},
     "annotations": [{"result": [{"id": "…", "from_name": "label", "to_name": "text", "type": "labels",
                                  "value": {"start": 3, "end": 9, "text": "…", "labels": ["claim"]},
                                  "meta": {"text": ["the note"]}}]}]}

One entry in ``annotations`` per coder. ``from_name``/``to_name`` default to
the names in Label Studio's NER template (``<Labels name="label"
toName="text">``, ``<Text name="text" value="$text">``); ``options["from_name"]``
and ``options["to_name"]`` change them. ``options["predictions"]`` writes
``predictions`` (pre-annotations to review) instead, one per coder as
``model_version``. Offsets are **code points** by default: Label Studio's text
labelling counts code points since it stopped counting JavaScript string
positions (its Text tag documents ``text[start:end]`` in Python; the 2021
versions counted UTF-16 units, as its issue #1347 shows). ``options["offsets"] =
"utf-16"`` writes UTF-16 units for those versions.

In every shape U+0085, U+2028 and U+2029 are written as ``\\u`` escapes, so
readers that split lines with ``str.splitlines()`` still see one line per document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any, BinaryIO

import orjson

from annotator.core.codebook import labels
from annotator.core.gcpause import gc_paused
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import NAME_MAX, Annotation, Document
from annotator.core.offsets import OffsetMap, RawTextMap
from annotator.core.text import sha256_text, title_from_text
from annotator.formats.base import (
    ExportBundle,
    Format,
    FormatError,
    ImportBundle,
    ImportedAnnotation,
    ImportedDocument,
    Option,
    SourceFile,
)
from annotator.formats.safety import check_nesting

FLAVORS = ("spacy", "doccano", "label-studio")
OFFSET_UNITS = ("code-points", "utf-16")
DEFAULT_OFFSETS = {"spacy": "code-points", "doccano": "utf-16", "label-studio": "code-points"}

# Line separators that JSON leaves unescaped but str.splitlines() splits on.
_LINE_SEPARATORS = (("\x85", b"\\u0085"), ("\u2028", b"\\u2028"), ("\u2029", b"\\u2029"))


def _dumps(value: Any) -> bytes:
    """*value* as one line of JSON bytes, safe for readers that split with ``str.splitlines()``."""
    data = orjson.dumps(value)
    for char, escaped in _LINE_SEPARATORS:
        encoded = char.encode("utf-8")
        if encoded in data:  # in valid UTF-8 these bytes are that character and nothing else
            data = data.replace(encoded, escaped)
    return data


def _sorted(annotations: list[Annotation]) -> list[Annotation]:
    """Annotations in the order every shape lists them: (start, end), then id for ties."""
    return sorted(annotations, key=lambda a: (a.start, a.end, a.id))


def _converter(units: str, text: str) -> Callable[[int], int]:
    """Code-point offsets of *text* to *units* (an OffsetMap is built once per document)."""
    return OffsetMap(text).to_utf16 if units == "utf-16" else int


def spacy_line(doc: Document, annotations: list[Annotation], tag_names: dict[str, str]) -> dict[str, Any]:
    """The default shape: code-point spans, as spaCy's ``doc.char_span`` takes them."""
    spans = []
    for a in _sorted(annotations):
        span: dict[str, Any] = {
            "start": a.start,
            "end": a.end,
            "label": tag_names[a.tag_id],
            "text": a.quote,
            "id": a.id,
        }
        if a.note:
            span["note"] = a.note
        if a.coder:
            span["coder"] = a.coder
        spans.append(span)
    return {
        "id": doc.id, "title": doc.title, "text": doc.text, "spans": spans,
        "meta": {"sha256": doc.sha256, "metadata": doc.metadata},
    }  # fmt: skip


def doccano_line(doc: Document, annotations: list[Annotation], tag_names: dict[str, str], units: str) -> dict[str, Any]:
    """doccano's sequence-labelling import line: ``label`` is a list of [start, end, label]."""
    convert = _converter(units, doc.text)
    labels = [[convert(a.start), convert(a.end), tag_names[a.tag_id]] for a in _sorted(annotations)]
    return {"text": doc.text, "label": labels, "document_id": doc.id, "title": doc.title}


def label_studio_task(
    doc: Document, annotations: list[Annotation], tag_names: dict[str, str], units: str, options: dict[str, Any]
) -> dict[str, Any]:
    """A Label Studio task with one annotation (or prediction) per coder."""
    convert = _converter(units, doc.text)
    from_name, to_name = str(options.get("from_name") or "label"), str(options.get("to_name") or "text")
    by_coder: dict[str, list[dict[str, Any]]] = {}
    for a in _sorted(annotations):
        value = {"start": convert(a.start), "end": convert(a.end), "text": a.quote, "labels": [tag_names[a.tag_id]]}
        region: dict[str, Any] = {
            "id": a.id,
            "from_name": from_name,
            "to_name": to_name,
            "type": "labels",
            "value": value,
        }
        if a.note:
            region["meta"] = {"text": [a.note]}
        by_coder.setdefault(a.coder, []).append(region)
    task: dict[str, Any] = {"data": {"text": doc.text, "title": doc.title, "document_id": doc.id}}
    if options.get("predictions"):
        task["predictions"] = [
            {"model_version": coder or "annotator", "result": result} for coder, result in sorted(by_coder.items())
        ]
    else:
        task["annotations"] = [{"result": result} for _, result in sorted(by_coder.items())]
    return task


def write(bundle: ExportBundle, out: BinaryIO) -> None:
    """One line per document in the shape ``options["flavor"]`` names (a JSON array for Label Studio)."""
    flavor = bundle.options.get("flavor") or "spacy"
    if flavor not in FLAVORS:
        raise FormatError(f"unknown JSONL flavour {flavor!r} (choose {', '.join(FLAVORS)})")
    units = bundle.options.get("offsets") or DEFAULT_OFFSETS[flavor]
    if units not in OFFSET_UNITS:
        raise FormatError(f"unknown offset unit {units!r} (choose {' or '.join(OFFSET_UNITS)})")
    if flavor == "spacy" and units != "code-points":
        raise FormatError("spaCy's character offsets are code points (Python str indices); utf-16 does not apply")
    tag_names = labels(bundle.tags)  # two tags that share a name are told apart by their paths
    with gc_paused():
        if flavor == "label-studio":
            tasks = [
                _dumps(label_studio_task(d.document, d.annotations, tag_names, units, bundle.options))
                for d in bundle.documents
            ]
            out.write(b"[\n" + b",\n".join(tasks) + b"\n]\n" if tasks else b"[]\n")
            return
        for d in bundle.documents:
            if flavor == "spacy":
                line = spacy_line(d.document, d.annotations, tag_names)
            else:
                line = doccano_line(d.document, d.annotations, tag_names, units)
            out.write(_dumps(line) + b"\n")


# -- reading (the spaCy/Prodigy shape) -------------------------------------------------------------


def _optional_str(obj: dict[str, Any], key: str, where: str) -> str:
    """``obj[key]`` if it is a string, "" if absent or null; anything else is refused."""
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(f'{where}: "{key}" must be a string')
    return value


def _name(obj: dict[str, Any], key: str, where: str, *, required: bool) -> str:
    """A tag or coder name that fits the library's name columns."""
    value = _optional_str(obj, key, where)
    if required and not value.strip():
        raise FormatError(f'{where}: "{key}" is missing or empty')
    if len(value) > NAME_MAX:
        raise FormatError(f"{where}: the {key} is longer than {NAME_MAX} characters")
    return value


def _refuse_other_shapes(payload: Any, where: str) -> None:
    """Say what a line is when it is another tool's shape, rather than a vague "invalid"."""
    if isinstance(payload, list) and payload and isinstance(payload[0], dict) and "data" in payload[0]:
        raise FormatError(
            f"{where}: this looks like a Label Studio task list, which Annotator exports but does not read"
        )
    if not isinstance(payload, dict):
        raise FormatError(f'{where}: each line must be a JSON object with "text" and "spans"')
    if "spans" not in payload and any(k in payload for k in ("label", "labels", "entities")):
        raise FormatError(
            f'{where}: this is doccano\'s shape ("label" lists), which Annotator does not read back: '
            "its offsets may count UTF-16 units or code points, and the file does not say which"
        )


def _read_span(raw: Any, text: str, where: str) -> ImportedAnnotation:
    """One span, checked against the text as the line gives it (code points)."""
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: a span must be an object with start, end and label")
    start, end = raw.get("start"), raw.get("end")
    if type(start) is not int or type(end) is not int:
        raise FormatError(f"{where}: start and end must be whole numbers")
    if not 0 <= start < end <= len(text):
        raise FormatError(f"{where}: {start}..{end} does not fit a text of {len(text)} characters")
    quote = raw.get("text")
    if quote is not None and quote != text[start:end]:
        raise FormatError(f'{where}: its "text" is not the text at {start}..{end} (offsets must be code points)')
    span_id = raw.get("id")
    return ImportedAnnotation(
        tag=_name(raw, "label", where, required=True),
        start=start,
        end=end,
        quote=text[start:end],
        note=_optional_str(raw, "note", where),
        coder=_name(raw, "coder", where, required=False),
        id=span_id if isinstance(span_id, str) and span_id else None,
    )


def _read_line(payload: Any, where: str, source_name: str, number: int) -> ImportedDocument:
    """One document; offsets are checked in the line's text, then mapped onto the stored text."""
    _refuse_other_shapes(payload, where)
    raw_text = payload.get("text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise FormatError(f'{where}: "text" is missing or empty')
    spans = payload.get("spans")
    if spans is None:
        spans = []
    if not isinstance(spans, list):
        raise FormatError(f'{where}: "spans" must be a list')
    annotations = [_read_span(raw, raw_text, f"{where}, span {i + 1}") for i, raw in enumerate(spans)]
    meta = payload.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("sha256"), str) and meta["sha256"] != sha256_text(raw_text):
        raise FormatError(f"{where}: the text does not match its sha256 (it was changed after export)")
    # Offsets were checked against the text as given; stored text has LF line ends and no BOM.
    to_stored = RawTextMap(raw_text)
    text = to_stored.text
    if text != raw_text:
        for i, a in enumerate(annotations):
            a.start, a.end = to_stored(a.start), to_stored(a.end)
            if a.start >= a.end:
                raise FormatError(f"{where}, span {i + 1}: it covers only a line break or byte-order mark")
            a.quote = text[a.start : a.end]
    if isinstance(meta, dict) and isinstance(meta.get("metadata"), dict):
        metadata = dict(meta["metadata"])
    else:
        metadata = {"source_file": source_name, **({"meta": meta} if isinstance(meta, dict) and meta else {})}
    title = _name(payload, "title", where, required=False).strip()
    doc_id = payload.get("id")
    return ImportedDocument(
        title=title or title_from_text(text, fallback=f"{PurePath(source_name).stem or 'Untitled'} {number}"),
        text=text,
        metadata=metadata,
        annotations=annotations,
        id=doc_id if isinstance(doc_id, str) and doc_id else None,
    )


def read(source: SourceFile) -> ImportBundle:
    """Read JSONL in the spaCy/Prodigy shape (``text`` and ``spans`` with code-point offsets)."""
    try:
        content = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"the file is not UTF-8 text (byte {exc.start})") from exc
    documents: list[ImportedDocument] = []
    with gc_paused():
        for number, line in enumerate(content.split("\n"), 1):
            if not line.strip():
                continue
            where = f"line {number}"
            try:
                payload = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                if number == 1 and line.strip() in ("[", "[]"):
                    raise FormatError(
                        "this is a JSON array (Label Studio's task list?), not JSONL with one document per line"
                    ) from exc
                raise FormatError(f"{where} is not valid JSON ({exc})") from exc
            check_nesting(payload, f"{where}: its JSON")
            documents.append(_read_line(payload, where, source.name, len(documents) + 1))
    if not documents:
        raise FormatError("the file holds no documents")
    return ImportBundle(documents=documents)


#: The writer options :func:`write` reads.
_LABEL_STUDIO = ("flavor", ("label-studio",))
OPTIONS = (
    Option("flavor", "choice", QT_TRANSLATE_NOOP("formats", "the shape to write"), FLAVORS, "spacy", label=QT_TRANSLATE_NOOP("formats", "Shape"),
           choice_labels=(QT_TRANSLATE_NOOP("formats", "spaCy spans"), "doccano", "Label Studio")),
    Option(
        "offsets", "choice", QT_TRANSLATE_NOOP("formats", "how offsets count (default: utf-16 for doccano, code "
        "points otherwise; spacy takes code points only)"), OFFSET_UNITS, label=QT_TRANSLATE_NOOP("formats", "Offsets"),
        choice_labels=(QT_TRANSLATE_NOOP("formats", "code points (Python)"),
                       QT_TRANSLATE_NOOP("formats", "UTF-16 units (JavaScript)")),
        default_label=QT_TRANSLATE_NOOP("formats", "as the tool counts (see README)"), applies_if=("flavor", ("doccano", "label-studio")),
    ),
    Option("from_name", "str", QT_TRANSLATE_NOOP("formats", "label-studio: the Labels tag's name"), default="label", label=QT_TRANSLATE_NOOP("formats", "Labels tag"),
           applies_if=_LABEL_STUDIO),
    Option("to_name", "str", QT_TRANSLATE_NOOP("formats", "label-studio: the Text tag's name"), default="text", label=QT_TRANSLATE_NOOP("formats", "Text tag"),
           applies_if=_LABEL_STUDIO),
    Option("predictions", "bool", QT_TRANSLATE_NOOP("formats", "label-studio: write predictions to review instead of annotations"), default=False,
           label=QT_TRANSLATE_NOOP("formats", "Predictions to review, not annotations"), applies_if=_LABEL_STUDIO),
)  # fmt: skip

FORMATS = [
    Format(
        id="jsonl",
        label=QT_TRANSLATE_NOOP("formats", "JSONL for NLP (spaCy, doccano, Label Studio)"),
        extensions=(".jsonl",),
        reader=read,
        writer=write,
        options=OPTIONS,
    )
]
