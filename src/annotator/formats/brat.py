"""Formats: brat standoff (``.txt`` + ``.ann`` per document, ``annotation.conf``), export and import.

brat (https://brat.nlplab.org/standoff.html) keeps each document's text in
``<name>.txt`` and its annotations beside it in ``<name>.ann``. Export writes a
ZIP archive (the export service unpacks it into a folder unless the path ends
in ``.zip``) holding, per document:

- ``<name>.txt``: the stored text exactly, UTF-8 (LF line ends, no BOM).
  ``<name>`` is a safe ASCII file stem made from the title and the first 8
  characters of the document id, unique in the archive (also ignoring case).
- ``<name>.ann``: one ``T`` line per annotation, ``T1<TAB>type start end<TAB>quote``,
  in (start, end) order, and the note as ``#1<TAB>AnnotatorNotes T1<TAB>note``.
  Offsets are character offsets as brat's (Python) server counts them: code
  points, end-exclusive, the same as ours. A ``.ann`` line cannot hold a line
  break, so a span that crosses one is written as brat itself writes a
  selection over several lines: as fragments ``start end;start end`` around the
  line breaks, with the fragments' texts joined by a space in the quote. No
  fragment is ever empty: line breaks at the start or end of a span are left out
  of it (brat shows an empty fragment as a stray mark, and other readers refuse
  it), and a span of nothing but line breaks (which Annotator no longer lets
  anyone tag) is not written. Line breaks here are every character Python's
  ``str.splitlines()`` splits on (brat reads ``.ann`` files with it): LF, VT,
  FF, U+001C-U+001E, U+0085, U+2028, U+2029. In notes they become spaces.
  Coders are not carried (brat has no place for them).
- ``annotation.conf``: the tag set under ``[entities]``. brat type names may use
  only ASCII letters, digits, ``_`` and ``-``, so a tag name is folded to that
  (accents dropped, anything else becomes ``_``, a name with no letter or digit
  left becomes ``tag``; clashes get ``_2``, ``_3``...). Comment lines
  ``# annotator-tag {json}`` keep each tag's own name, colour and description,
  and ``# annotator-document {json}`` each document's id and title; brat ignores
  them, import reads them back. ``[relations]`` allows any overlap, as ours do.
- ``visual.conf``: the tags' own names as brat's display labels and their colours.

Import takes a ``.ann`` file (its ``.txt`` is read from the same folder, and an
``annotation.conf`` there if present), a folder (what the export writes, or a
brat collection) or a ``.zip`` holding ``.txt``/``.ann`` pairs (in any
subfolders; each pair uses the nearest ``annotation.conf`` at or above it; a
``.txt`` without ``.ann`` comes in without annotations). ``T`` lines
become annotations with their type as tag (or the tag name the conf comments
give back); ``AnnotatorNotes`` become notes. Every ``T`` line's quote must be
the text at its offsets (fragment by fragment, as brat checks it) or the file
is refused naming the line. Fragments separated only by whitespace that
includes a line break are joined into one span; other discontinuous
annotations come in as one annotation per part, listed in the document's
metadata (``brat_discontinuous``), as are the relation, event, attribute and
normalisation lines that have no place here (``brat_skipped``).

Line ends: brat reads ``.txt`` files with universal newlines, so in a text with
CRLF (or CR) line ends its offsets count each line break as one character;
tools that read the file raw count CRLF as two. A ``.txt`` with CR is accepted
when one of those readings (tried in that order, and also with and without a
leading BOM) makes every quote match; the offsets are then mapped onto the
stored text (LF line ends, no BOM). If none does, the file is refused.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, BinaryIO

import orjson

from annotator.core.codebook import labels
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import NAME_MAX, Annotation, Document, TagSpec
from annotator.core.offsets import RawTextMap
from annotator.core.text import MAX_IMPORT_BYTES, UnstorableText, stored_text, title_from_text
from annotator.formats.base import (
    ExportBundle,
    FolderSource,
    Format,
    FormatError,
    ImportBundle,
    ImportedAnnotation,
    ImportedDocument,
    SourceFile,
)
from annotator.formats.safety import open_zip, read_member

CONF_NAME = "annotation.conf"
VISUAL_CONF_NAME = "visual.conf"
TAG_COMMENT = "# annotator-tag "
DOCUMENT_COMMENT = "# annotator-document "

#: What str.splitlines() splits on (brat reads .ann files with it), CR and LF included.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RUN = re.compile(f"[{LINE_BREAKS}]+")
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_COLOR = re.compile("#[0-9a-fA-F]{6}")
# brat: "ID<TAB>TYPE START END[;START END]...". Offsets are capped at 12 digits, far above any
# text we take, so a hostile file cannot make int() work through thousands of digits.
_TEXTBOUND = re.compile(r"(\S+) (\d{1,12} \d{1,12}(?:;\d{1,12} \d{1,12})*)[ \t]*")
_LOCAL_HEADER = b"PK\x03\x04"


# -- writing -------------------------------------------------------------------------------------


def json_line(value: Any) -> str:
    """*value* as one line of JSON: U+0085, U+2028, U+2029 escaped, since str.splitlines() splits on them."""
    text = orjson.dumps(value).decode("utf-8")
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _ascii_fold(name: str) -> str:
    """Accents dropped (café -> cafe), other non-ASCII characters removed."""
    decomposed = unicodedata.normalize("NFKD", name)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def brat_type_names(names: list[str]) -> list[str]:
    """A valid, unique brat type name (``[A-Za-z0-9_-]+``) for each tag name, in order."""
    taken: set[str] = set()
    result = []
    for name in names:
        base = re.sub(r"[^A-Za-z0-9_-]", "_", _ascii_fold(name).replace(" ", "_"))
        if not re.search("[A-Za-z0-9]", base):
            base = "tag"  # brat reads a line of hyphens as a separator, and "" is no name
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def file_stems(documents: list[Document]) -> list[str]:
    """A safe ASCII file stem per document (title + short id), unique even on case-insensitive disks."""
    taken: set[str] = set()
    result = []
    for doc in documents:
        title = re.sub(r"[^A-Za-z0-9]+", "-", _ascii_fold(doc.title)).strip("-")[:40].rstrip("-")
        short_id = re.sub(r"[^A-Za-z0-9]+", "-", doc.id[:8]).strip("-")
        base = "-".join(part for part in (title or "document", short_id) if part)
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut around its line breaks, as brat needs it: the non-empty pieces
    between them (none for a span of line breaks only)."""
    parts, cursor = [], start
    for run in _LINE_BREAK_RUN.finditer(text, start, end):
        parts.append((cursor, run.start()))
        cursor = run.end()
    parts.append((cursor, end))
    return [(s, e) for s, e in parts if s < e]


def ann_text(text: str, annotations: list[Annotation], types: dict[str, str]) -> str:
    """The ``.ann`` file of one document."""
    lines = []
    ordered = sorted(annotations, key=lambda a: (a.start, a.end, a.id))
    written = ((a, parts) for a in ordered if (parts := fragments(text, a.start, a.end)))
    for number, (a, parts) in enumerate(written, 1):
        offsets = ";".join(f"{s} {e}" for s, e in parts)
        quote = " ".join(text[s:e] for s, e in parts)
        lines.append(f"T{number}\t{types[a.tag_id]} {offsets}\t{quote}\n")
        if a.note:
            lines.append(f"#{number}\tAnnotatorNotes T{number}\t{_LINE_BREAK.sub(' ', a.note)}\n")
    return "".join(lines)


def conf_text(bundle: ExportBundle, types: dict[str, str], stems: list[str]) -> str:
    """``annotation.conf``: the entity types, with comments that keep names and documents for import."""
    lines = [
        f"# brat annotation configuration written by {bundle.generator}.\n",
        "# brat type names may only use ASCII letters, digits, '_' and '-'. The 'annotator-tag'\n",
        "# comments keep each tag's own name, colour and description, and the 'annotator-document'\n",
        "# comments each document's id and title, so that Annotator can import this folder back.\n",
    ]
    for tag in bundle.tags:
        record = {"type": types[tag.id], "name": tag.name, "color": tag.color, "description": tag.description}
        lines.append(TAG_COMMENT + json_line(record) + "\n")
    for stem, doc in zip(stems, (e.document for e in bundle.documents)):
        lines.append(DOCUMENT_COMMENT + json_line({"file": stem, "id": doc.id, "title": doc.title}) + "\n")
    lines.append("\n[entities]\n")
    lines.extend(f"{types[tag.id]}\n" for tag in bundle.tags)
    lines.append("\n[relations]\n# Annotator's spans may overlap in any way.\n")
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n")
    lines.append("\n[events]\n\n[attributes]\n")
    return "".join(lines)


def visual_conf_text(bundle: ExportBundle, types: dict[str, str]) -> str:
    """``visual.conf``: the tags' labels (their names; their shortest paths where two share a
    name) as display labels, and their colours."""
    lines = ["[labels]\n"]
    shown = labels(bundle.tags)  # two tags that share a name are told apart by their paths
    for tag in bundle.tags:
        # [labels] lines are TAB-separated and split on "|"; a label cannot hold either, nor a line break.
        label = re.sub(f"[|\t{LINE_BREAKS}]", " ", shown[tag.id]).strip() or types[tag.id]
        lines.append(f"{types[tag.id]} | {label}\n")
    lines.append("\n[drawing]\n")
    for tag in bundle.tags:
        if _COLOR.fullmatch(tag.color):
            lines.append(f"{types[tag.id]}\tbgColor:{tag.color}\n")
    return "".join(lines)


def write(bundle: ExportBundle, out: BinaryIO) -> None:
    """A ZIP of ``annotation.conf``, ``visual.conf``, then every ``.ann`` and every ``.txt``.

    The ``.ann`` members come before the texts so that the first 64 KiB (what
    format sniffing sees) show an ``.ann`` name however long the texts are.
    """
    types = dict(zip([t.id for t in bundle.tags], brat_type_names([t.name for t in bundle.tags])))
    stems = file_stems([e.document for e in bundle.documents])
    stamp = bundle.exported_at.timetuple()[:6]

    def add(archive: zipfile.ZipFile, name: str, text: str) -> None:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, text.encode("utf-8"))

    with zipfile.ZipFile(out, "w") as archive:
        add(archive, CONF_NAME, conf_text(bundle, types, stems))
        add(archive, VISUAL_CONF_NAME, visual_conf_text(bundle, types))
        for stem, exported in zip(stems, bundle.documents):
            add(archive, f"{stem}.ann", ann_text(exported.document.text, exported.annotations, types))
        for stem, exported in zip(stems, bundle.documents):
            add(archive, f"{stem}.txt", exported.document.text)


# -- reading -------------------------------------------------------------------------------------


@dataclass(slots=True)
class BratConf:
    """Formats: what an ``annotation.conf`` tells an import: entity types, and our comments."""

    entity_types: list[str] = field(default_factory=list)
    tags: dict[str, TagSpec] = field(default_factory=dict)  # brat type -> the tag it stands for
    documents: dict[str, dict[str, str]] = field(default_factory=dict)  # file stem -> id, title

    def tag_name(self, brat_type: str) -> str:
        """The tag a brat type stands for: the name our comment kept, else the type itself."""
        spec = self.tags.get(brat_type)
        return spec.name if spec is not None else brat_type

    def tag_specs(self) -> list[TagSpec]:
        """The codebook: every ``[entities]`` type as a tag (with its kept name and colour if known)."""
        specs = [self.tags.get(t) or TagSpec(t, "") for t in self.entity_types]
        return list({spec.name: spec for spec in specs}.values())


def _comment_record(line: str, prefix: str) -> dict[str, Any] | None:
    """The JSON object after one of our comment prefixes, or None."""
    try:
        record = orjson.loads(line[len(prefix) :])
    except orjson.JSONDecodeError:
        return None  # brat ignores comments; so does the import when one is damaged
    return record if isinstance(record, dict) else None


def parse_conf(data: bytes) -> BratConf:
    """Read an ``annotation.conf``: ``[entities]`` types and the ``annotator-`` comments."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{CONF_NAME} is not UTF-8 text") from exc
    conf, section = BratConf(), ""
    for line in content.splitlines():
        stripped = line.strip()
        if line.startswith(TAG_COMMENT):
            record = _comment_record(line, TAG_COMMENT)
            if record is None:
                continue
            brat_type, name = record.get("type"), record.get("name")
            color, description = record.get("color"), record.get("description")
            if isinstance(brat_type, str) and isinstance(name, str) and name.strip() and len(name) <= NAME_MAX:
                conf.tags[brat_type] = TagSpec(
                    name,
                    color if isinstance(color, str) and _COLOR.fullmatch(color) else "",
                    description if isinstance(description, str) else "",
                )
        elif line.startswith(DOCUMENT_COMMENT):
            record = _comment_record(line, DOCUMENT_COMMENT)
            if record is not None and isinstance(record.get("file"), str):
                conf.documents[record["file"]] = {k: v for k, v in record.items() if isinstance(v, str)}
        elif not stripped or stripped.startswith("#"):
            continue
        elif stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
        elif section == "entities" and not re.fullmatch("-+", stripped) and not stripped.startswith("<"):
            term = re.split(r"[\s|]", stripped, maxsplit=1)[0].lstrip("!")
            if term and len(term) <= NAME_MAX and term not in conf.entity_types:
                conf.entity_types.append(term)
    return conf


@dataclass(slots=True)
class _TextBound:
    """Formats: one ``T`` line as written: its fragments in the file's own counting."""

    line: int
    id: str
    type: str
    spans: list[tuple[int, int]]
    quote: str | None  # None: the line has no text (brat fills it in)


@dataclass(slots=True)
class _AnnFile:
    """Formats: what a ``.ann`` file holds that an import can use, and what it had to leave."""

    textbounds: list[_TextBound] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


def parse_ann(content: str, name: str) -> _AnnFile:
    """The ``T`` and ``#`` lines of a ``.ann`` file; other brat lines are counted, anything else refused."""
    parsed = _AnnFile()
    seen: set[str] = set()
    note_lines: list[tuple[int, str, str]] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        ann_id, tab, rest = line.partition("\t")
        where = f"{name}, line {number}"
        if not tab or not ann_id or ann_id[0] not in "TRENAM*#":
            raise FormatError(f"{where} is not a brat annotation line")
        if ann_id in seen and ann_id != "*":
            raise FormatError(f"{where}: the id {ann_id} is used twice")
        seen.add(ann_id)
        data, tab, tail = rest.partition("\t")
        if ann_id[0] == "T":
            match = _TEXTBOUND.fullmatch(data)
            if match is None:
                raise FormatError(f"{where} ({ann_id}) is not 'T<id><TAB>type start end<TAB>text'")
            spans = [(int(s), int(e)) for s, e in (pair.split(" ") for pair in match.group(2).split(";"))]
            if any(s > e for s, e in spans):
                raise FormatError(f"{where} ({ann_id}): a fragment ends before it starts")
            quote = tail if tab and tail.strip() else None
            parsed.textbounds.append(_TextBound(number, ann_id, match.group(1), spans, quote))
        elif ann_id[0] == "#" and data.split(" ")[0] == "AnnotatorNotes":
            note_lines.append((number, data.partition(" ")[2].strip(), tail))
        else:
            kind = ann_id[0]
            parsed.skipped[kind] = parsed.skipped.get(kind, 0) + 1
    textbound_ids = {t.id for t in parsed.textbounds}
    for number, target, note in note_lines:
        if target in textbound_ids:
            parsed.notes.setdefault(target, []).append(note)
        elif target in seen:  # a note on a relation or event, which do not come in
            parsed.skipped["#"] = parsed.skipped.get("#", 0) + 1
        else:
            raise FormatError(f"{name}, line {number}: the note is on {target or 'nothing'}, which is not in the file")
    return parsed


def _views(raw: str) -> list[tuple[str, str]]:
    """The texts a tool may have counted offsets in, most likely first: (description, text)."""
    if "\r" in raw:
        universal = raw.replace("\r\n", "\n").replace("\r", "\n")  # how brat reads a .txt
        bases = [("as brat reads it (a CRLF line break is one character)", universal), ("counting CRLF as two", raw)]
    else:
        bases = [("as written", raw)]
    views: list[tuple[str, str]] = []
    for label, text in bases:
        views.append((label, text))
        if text.startswith("\ufeff"):
            views.append((label + ", without the byte-order mark", text[1:]))
    return views


def _check(view: str, ann: _AnnFile, name: str) -> str | None:
    """Why the ``T`` lines do not fit *view*, or None when every offset and quote does."""
    for t in ann.textbounds:
        where = f"{name}, line {t.line} ({t.id})"
        for _s, e in t.spans:
            if e > len(view):
                return f"{where}: offset {e} is beyond the end of the text ({len(view)} characters)"
        if t.quote is None:
            continue
        expected = " ".join(view[s:e] for s, e in t.spans)
        written, rest = t.quote[: len(expected)], t.quote[len(expected) :]
        if written != expected or (rest and not rest[0].isspace()):
            shown = expected if len(expected) <= 60 else expected[:57] + "..."
            return (
                f"{where}: its text {t.quote[:60]!r} is not the text at its offsets ({shown!r}); "
                "the .ann does not belong to this .txt, or its offsets do not count characters"
            )
    return None


def _merge(text: str, spans: list[tuple[int, int]], where: str) -> list[tuple[int, int]]:
    """Fragments joined where only whitespace with a line break lies between them."""
    spans = sorted(spans)
    merged = [spans[0]]
    for s, e in spans[1:]:
        last_s, last_e = merged[-1]
        if s < last_e:
            raise FormatError(f"{where}: its fragments overlap")
        gap = text[last_e:s]
        if not gap or (gap.isspace() and _LINE_BREAK.search(gap)):
            merged[-1] = (last_s, e)
        else:
            merged.append((s, e))
    return [(s, e) for s, e in merged if s < e]


def read_document(stem: str, txt: bytes, ann: bytes, conf: BratConf | None, source_file: str) -> ImportedDocument:
    """One document from its ``.txt`` and ``.ann`` bytes; *source_file* goes into its metadata."""
    try:
        raw = txt.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{stem}.txt is not UTF-8 text (brat texts are UTF-8; byte {exc.start})") from exc
    try:
        content = ann.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{stem}.ann is not UTF-8 text (byte {exc.start})") from exc
    if not raw.strip():
        raise FormatError(f"{stem}.txt is empty")
    try:
        stored_text(raw)
    except UnstorableText as exc:
        raise FormatError(f"{stem}.txt: {exc}") from exc
    parsed = parse_ann(content, f"{stem}.ann")
    conf = conf or BratConf()

    problems = []
    for label, view in _views(raw):
        problem = _check(view, parsed, f"{stem}.ann")
        if problem is None:
            to_stored = RawTextMap(view)
            stored = to_stored.text
            break
        problems.append((label, problem))
    else:
        tried = f" (offsets tried {'; '.join(label for label, _ in problems)})" if len(problems) > 1 else ""
        raise FormatError(problems[0][1] + tried)

    annotations, discontinuous, empty = [], [], []
    for t in parsed.textbounds:
        where = f"{stem}.ann, line {t.line} ({t.id})"
        tag = conf.tag_name(t.type)
        if len(tag) > NAME_MAX:
            raise FormatError(f"{where}: the type name is longer than {NAME_MAX} characters")
        parts = _merge(stored, [(to_stored(s), to_stored(e)) for s, e in t.spans], where)
        if not parts:
            empty.append(t.id)
            continue
        if len(parts) > 1:
            discontinuous.append(t.id)
        note = "\n".join(parsed.notes.get(t.id, []))
        for s, e in parts:
            annotations.append(ImportedAnnotation(tag=tag, start=s, end=e, quote=stored[s:e], note=note))

    metadata: dict[str, Any] = {"source_file": source_file}
    if parsed.skipped:
        metadata["brat_skipped"] = dict(sorted(parsed.skipped.items()))
    if discontinuous:
        metadata["brat_discontinuous"] = discontinuous
    if empty:
        metadata["brat_empty_spans"] = empty
    known = conf.documents.get(stem, {})
    title = known.get("title", "").strip() or title_from_text(stored, fallback=stem)
    doc_id = known.get("id") or None
    return ImportedDocument(title=title, text=stored, metadata=metadata, annotations=annotations, id=doc_id)


def _read_zip(source: SourceFile) -> ImportBundle:
    """Every ``.txt``/``.ann`` pair in an archive (and each ``.txt`` without one), in name order."""
    archive = open_zip(source.data)
    names = {}
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        # macOS adds __MACOSX/ and "._name" resource forks to the archives it makes: not documents.
        if info.is_dir() or path.parts[0] == "__MACOSX" or path.name.startswith("._"):
            continue
        names[info.filename] = path
    if not any(p.suffix.lower() == ".ann" for p in names.values()):
        raise FormatError("the archive holds no brat .ann files")
    return _read_collection(
        names, lambda member: read_member(archive, member, MAX_IMPORT_BYTES), "archive", source.name
    )


def read_folder(folder: FolderSource) -> ImportBundle:
    """A folder as the export writes it, or as brat keeps a collection: read as the archive is."""
    names = {name: PurePosixPath(name) for name in folder.files}
    if not any(p.suffix.lower() == ".ann" for p in names.values()):
        raise FormatError(
            "it is a folder and not a brat export: it holds no .ann files "
            "(to import the documents in it, choose the files themselves)"
        )
    return _read_collection(names, folder.read, "folder", folder.name)


def _read_collection(
    names: dict[str, PurePosixPath], load: Callable[[str], bytes], container: str, origin: str
) -> ImportBundle:
    """Every ``.txt``/``.ann`` pair among *names* (and each ``.txt`` without one), in name order.

    *load* gives a member's bytes; *container* ("archive", "folder") and *origin*
    (its name) say where the documents came from, in messages and metadata.
    """
    anns = {n: p for n, p in names.items() if p.suffix.lower() == ".ann"}
    txt_by_stem = {str(p.with_suffix("")): n for n, p in names.items() if p.suffix.lower() == ".txt"}
    ann_stems = {str(p.with_suffix("")) for p in anns.values()}
    confs = {str(p.parent): n for n, p in names.items() if p.name == CONF_NAME}
    parsed_confs: dict[str, BratConf] = {}

    def conf_for(path: PurePosixPath) -> BratConf | None:
        for folder in [path.parent, *path.parent.parents]:
            member = confs.get(str(folder))
            if member is not None:
                if member not in parsed_confs:
                    parsed_confs[member] = parse_conf(load(member))
                return parsed_confs[member]
        return None

    documents: list[ImportedDocument] = []
    tags: dict[str, TagSpec] = {}
    for member, path in sorted(names.items()):
        if path.suffix.lower() not in (".ann", ".txt"):
            continue
        stem_path = str(path.with_suffix(""))
        if path.suffix.lower() == ".txt" and stem_path in ann_stems:
            continue  # read with its .ann
        conf = conf_for(path)
        if path.suffix.lower() == ".ann":
            txt_member = txt_by_stem.get(stem_path)
            if txt_member is None:
                raise FormatError(f"{member} has no {path.stem}.txt beside it in the {container}")
            txt, ann = load(txt_member), load(member)
        else:
            txt, ann = load(member), b""
        documents.append(read_document(path.stem, txt, ann, conf, f"{origin}/{member}"))
        for spec in conf.tag_specs() if conf else []:
            tags.setdefault(spec.name, spec)
    return ImportBundle(documents=documents, tags=list(tags.values()))


def read(source: SourceFile) -> ImportBundle:
    """A ``.ann`` file with its ``.txt`` (and ``annotation.conf``) beside it, or a ``.zip`` of such pairs."""
    if source.data.startswith(_LOCAL_HEADER) or source.name.lower().endswith(".zip"):
        return _read_zip(source)
    path = PurePosixPath(source.name)
    suffix = path.suffix.lower()
    if suffix not in (".ann", ".txt"):
        raise FormatError("a brat import takes a .ann file (with its .txt beside it) or a .zip of them")
    stem = path.stem
    other = ".txt" if suffix == ".ann" else ".ann"
    companion = source.sibling(stem + other)
    if companion is None:
        raise FormatError(
            f"{stem}{other} is not beside {source.name}; brat keeps the .txt and .ann of a document together"
        )
    txt, ann = (companion, source.data) if suffix == ".ann" else (source.data, companion)
    conf_data = source.sibling(CONF_NAME)
    conf = parse_conf(conf_data) if conf_data else None
    doc = read_document(stem, txt, ann, conf, f"{stem}.ann")
    return ImportBundle(documents=[doc], tags=conf.tag_specs() if conf else [])


def sniff(head: bytes) -> bool:
    """A ZIP archive whose local headers (in the first 64 KiB) name a ``.ann`` file."""
    if not head.startswith(_LOCAL_HEADER):
        return False
    position = 0
    while (position := head.find(_LOCAL_HEADER, position)) != -1 and position + 30 <= len(head):
        name_length = int.from_bytes(head[position + 26 : position + 28], "little")
        name = head[position + 30 : position + 30 + name_length]
        if name.lower().endswith(b".ann") and not name.startswith(b"__MACOSX/"):
            return True
        position += 4
    return False


FORMATS = [
    Format(
        id="brat",
        label=QT_TRANSLATE_NOOP("formats", "brat standoff (folder or .zip of .txt/.ann)"),
        extensions=(".zip", ".ann"),
        reader=read,
        writer=write,
        folder_reader=read_folder,
        sniff=sniff,
        writes_archive=True,
        binary=True,
    )
]
