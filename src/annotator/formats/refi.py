"""Formats: REFI-QDA projects (.qdpx) and codebooks (.qdc), export and import.

REFI-QDA (www.qdasoftware.org) is the exchange standard of ATLAS.ti, NVivo,
MAXQDA, QualCoder and others. A ``.qdpx`` is a ZIP holding ``project.qde``
(XML in ``urn:QDA-XML:project:1.0``) and a ``sources/`` folder; a ``.qdc`` is a
bare codebook (``urn:QDA-XML:codebook:1.0``).

What we write: one ``User`` per coder (and a ``default`` user for annotations
without one), one ``Code`` per tag, one ``TextSource`` per document whose text
is ``sources/<guid>.txt`` (UTF-8, no BOM, LF line endings: exactly our stored
text), and per annotation a ``PlainTextSelection`` with one ``Coding``. Its
``startPosition``/``endPosition`` are our offsets: code points into that file,
end-exclusive. (The standard, section 10.2, says a selection is "defined by the
first and the last character (Unicode codepoint)", which reads as an inclusive
end; but QualCoder cuts ``text[startPosition:endPosition]``, ATLAS.ti is known
to count the same way, and so do we.) A note becomes a ``Note`` referenced by
``NoteRef`` from the selection, and is repeated as the selection's
``Description``: QualCoder ignores a selection's ``NoteRef`` and reads the
``Description`` as the coding's memo. Document attributes are ``Variables``
(number: ``Integer`` when every value is whole, else ``Float``; date: ``Date``;
text and choice: ``Text``, a choice's list kept in its ``Description`` after
``Annotator choices: ``) with a ``VariableValue`` per value under each
``TextSource``. The library's sets are ``Set`` elements of ``MemberSource`` elements. GUIDs are our own
ids where those are UUIDs (and UUID5s of them otherwise), so exporting twice
gives the same GUIDs and importing an export matches what is already there.

What we read: text sources inside the archive (``internal://``), and the text
representation of PDF sources; codes with colours and descriptions, their
hierarchy kept (a code inside another is a tag inside its tag); users as coder names;
each ``Coding`` of a ``PlainTextSelection`` becomes an annotation (a coding of
a whole source, one spanning the whole text), with the notes it refers to; a
source's ``VariableValue``s become its attribute values (Integer and Float:
number, Date: date, Boolean: a choice of true/false, others: text); sets of
sources become sets of the documents read from them (added to a set of the same
name the library has). Pictures, audio and video are skipped. A selection outside its text, a coding
of an unknown code or a source we cannot read refuses the whole file.

Positions and line breaks: the standard counts code points in the ``.txt``
file. We store LF line endings, so when a source file has CRLF line endings we
convert: each CRLF counted two positions and is one character for us (a
position between CR and LF counts as after the line break). ATLAS.ti is the
known exception: its positions count a CRLF as one character (QualCoder
special-cases it the same way), so for projects whose ``origin`` names
ATLAS.ti the positions are taken as they are. A leading BOM is not counted.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO

from annotator.core.attributes import CHOICE, DATE, NUMBER, TEXT, Attribute, is_integer
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import NAME_MAX, Annotation, Document, Tag, TagSpec
from annotator.core.offsets import RawTextMap
from annotator.core.records import DocumentSet, LibraryExtras
from annotator.core.text import MAX_IMPORT_BYTES, TextDecodeError, decode_bytes, normalize_text
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
from annotator.formats.safety import open_zip, parse_xml, read_member

if TYPE_CHECKING:  # lxml is imported where it is used, keeping it off the window's start
    from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_MEMBER = "project.qde"

#: Namespace of the UUID5s we derive from ids that are not UUIDs themselves.
GUID_NAMESPACE = uuid.UUID("8712e384-22f7-4ce9-ad73-b4f13097c104")
#: The user standing for annotations without a coder; read back as coder "".
DEFAULT_USER_GUID = str(uuid.uuid5(GUID_NAMESPACE, "default-user"))
DEFAULT_USER_NAME = "default"  # QualCoder's own name for an unknown coder

#: How long a selection's ``name`` (a preview of its quote, as ATLAS.ti shows it) may be.
SELECTION_NAME_LENGTH = 80
#: How many refused selections an error message lists.
LISTED_PROBLEMS = 5

_GUID = re.compile(r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?")
_PLAIN_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_COLOR = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
# Characters XML 1.0 cannot carry at all (lxml refuses them); \t, \n, \r are fine.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: How a Variable's Description says it is one of a list (our choice attributes).
CHOICES_PREFIX = "Annotator choices: "
_VARIABLE_KINDS = {"Text": TEXT, "Integer": NUMBER, "Float": NUMBER, "Date": DATE, "Boolean": CHOICE, "DateTime": TEXT}
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


# -- writing ------------------------------------------------------------------------------------


def _guid_for(kind: str, our_id: str) -> str:
    """Our id when it is a UUID (so an import maps back to it), else a UUID5 of it."""
    if _PLAIN_GUID.fullmatch(our_id):
        return our_id
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{our_id}"))


def _derived_guid(kind: str, our_id: str) -> str:
    """A GUID for something we have no id of our own for (a selection, a note, a user)."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{our_id}"))


def _xml_safe(value: str) -> str:
    """*value* without the control characters XML 1.0 cannot represent (lxml refuses them)."""
    return _NOT_XML.sub("", value)


def _xml_time(moment: datetime) -> str:
    # Whole seconds in UTC with a "Z", as ATLAS.ti and the standard's examples write them.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rgb(color: str) -> str | None:
    """A tag colour as ``#rrggbb`` (the schema's RGBType), or None if it is not a hex colour."""
    if not _COLOR.fullmatch(color or ""):
        return None
    digits = color[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.lower()


def _preview(quote: str) -> str:
    return quote if len(quote) <= SELECTION_NAME_LENGTH else quote[: SELECTION_NAME_LENGTH - 1] + "…"


def _serialise(root: etree._Element) -> bytes:
    # Written by hand so it reads as in the standard's examples (lxml's own uses single quotes).
    from lxml import etree

    return b'<?xml version="1.0" encoding="utf-8"?>\n' + bytes(
        etree.tostring(root, encoding="utf-8", pretty_print=True)
    )


def _sub(parent: etree._Element, ns: str, name: str, attrs: Mapping[str, str | None] | None = None) -> etree._Element:
    from lxml import etree

    element = etree.SubElement(parent, f"{{{ns}}}{name}")
    for key, value in (attrs or {}).items():
        if value is not None:
            element.set(key, _xml_safe(value))
    return element


def _sub_text(parent: etree._Element, ns: str, name: str, text: str) -> etree._Element:
    element = _sub(parent, ns, name)
    element.text = _xml_safe(text)
    return element


def _parent_of(tag: Tag) -> str | None:
    """The id of a tag's parent tag (None: top level)."""
    return tag.parent_id


def _add_codes(parent: etree._Element, ns: str, tags: list[Tag]) -> None:
    """Append ``Code`` elements for *tags* under *parent*, children nested inside their parent's code."""
    known = {t.id for t in tags}
    children: dict[str | None, list[Tag]] = {}
    for tag in tags:
        parent_id = _parent_of(tag)
        children.setdefault(parent_id if parent_id in known else None, []).append(tag)

    written: set[str] = set()

    def add(under: etree._Element, tag: Tag) -> None:
        written.add(tag.id)
        attrs = {"guid": _guid_for("tag", tag.id), "name": tag.name, "isCodable": "true", "color": _rgb(tag.color)}
        code = _sub(under, ns, "Code", attrs)
        if tag.description:
            _sub_text(code, ns, "Description", tag.description)
        for child in children.get(tag.id, []):
            if child.id not in written:
                add(code, child)

    for tag in children.get(None, []):
        add(parent, tag)
    for tag in tags:  # tags whose parents form a cycle have no root to hang from: put them at the top
        if tag.id not in written:
            add(parent, tag)


@dataclass(slots=True)
class _Users:
    """Writing: the project's users, one per coder name, with stable GUIDs."""

    guids: dict[str, str] = field(default_factory=dict)

    def guid(self, coder: str) -> str:
        if not coder:
            return DEFAULT_USER_GUID
        return self.guids.setdefault(coder, _derived_guid("user", coder))


def project_xml(bundle: ExportBundle, text_paths: dict[str, str]) -> bytes:
    """The ``project.qde`` of *bundle*; *text_paths* maps document id -> its file name in ``sources/``."""
    ns = PROJECT_NS
    users = _Users()
    for exported in bundle.documents:
        for a in exported.annotations:
            users.guid(a.coder)
    from lxml import etree

    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns})
    root.set("name", _xml_safe(str(bundle.options.get("project_name") or "Annotator export")))
    root.set("origin", _xml_safe(bundle.generator))
    root.set("creatingUserGUID", DEFAULT_USER_GUID)
    root.set("creationDateTime", _xml_time(bundle.exported_at))

    users_el = _sub(root, ns, "Users")
    _sub(users_el, ns, "User", {"guid": DEFAULT_USER_GUID, "name": DEFAULT_USER_NAME})
    for name, guid in sorted(users.guids.items()):
        _sub(users_el, ns, "User", {"guid": guid, "name": name})

    if bundle.tags:
        _add_codes(_sub(_sub(root, ns, "CodeBook"), ns, "Codes"), ns, bundle.tags)

    variables = _add_variables(root, bundle)
    tag_guids = {t.id: _guid_for("tag", t.id) for t in bundle.tags}
    tag_names = {t.id: t.name for t in bundle.tags}
    notes: list[tuple[str, Annotation]] = []
    if bundle.documents:
        sources = _sub(root, ns, "Sources")
        for exported in bundle.documents:
            doc = exported.document
            source = _add_source(sources, doc, exported.annotations, text_paths[doc.id], users, tag_guids, notes)
            _add_values(source, exported.attributes, variables)
    if notes:
        notes_el = _sub(root, ns, "Notes")
        for guid, a in notes:
            attrs = {
                "guid": guid,
                "name": f"{tag_names.get(a.tag_id, '')}: {_preview(a.quote)}",
                "creatingUser": users.guid(a.coder),
                "creationDateTime": _xml_time(a.created),
                "modifyingUser": users.guid(a.coder),
                "modifiedDateTime": _xml_time(a.modified),
            }
            _sub_text(_sub(notes_el, ns, "Note", attrs), ns, "PlainTextContent", a.note)
    _add_sets(root, bundle)
    return _serialise(root)


def _add_sets(root: etree._Element, bundle: ExportBundle) -> None:
    """The library's sets as REFI ``Set`` elements of sources (members among the documents exported)."""
    exported = {e.document.id for e in bundle.documents}
    if not bundle.sets:
        return
    sets_el = _sub(root, PROJECT_NS, "Sets")
    for found in bundle.sets:
        set_el = _sub(sets_el, PROJECT_NS, "Set", {"guid": _guid_for("set", found.id), "name": found.name})
        for doc_id in found.document_ids:
            if doc_id in exported:
                _sub(set_el, PROJECT_NS, "MemberSource", {"targetGUID": _guid_for("document", doc_id)})


def _add_source(
    sources: etree._Element,
    doc: Document,
    annotations: list[Annotation],
    text_path: str,
    users: _Users,
    tag_guids: dict[str, str],
    notes: list[tuple[str, Annotation]],
) -> etree._Element:
    ns = PROJECT_NS
    attrs = {
        "guid": _guid_for("document", doc.id),
        "name": doc.title,
        "plainTextPath": f"internal://{text_path}",
        "creatingUser": DEFAULT_USER_GUID,
        "creationDateTime": _xml_time(doc.created),
    }
    source = _sub(sources, ns, "TextSource", attrs)
    for a in sorted(annotations, key=lambda a: (a.start, a.end, a.id)):
        user = users.guid(a.coder)
        selection = _sub(
            source, ns, "PlainTextSelection",
            {
                "guid": _derived_guid("selection", a.id), "name": _preview(a.quote),
                "startPosition": str(a.start), "endPosition": str(a.end),
                "creatingUser": user, "creationDateTime": _xml_time(a.created),
                "modifyingUser": user, "modifiedDateTime": _xml_time(a.modified),
            },
        )  # fmt: skip
        if a.note:
            _sub_text(selection, ns, "Description", a.note)
        coding = _sub(
            selection, ns, "Coding",
            {"guid": _guid_for("annotation", a.id), "creatingUser": user, "creationDateTime": _xml_time(a.created)},
        )  # fmt: skip
        _sub(coding, ns, "CodeRef", {"targetGUID": tag_guids[a.tag_id]})
        if a.note:
            note_guid = _derived_guid("note", a.id)
            _sub(selection, ns, "NoteRef", {"targetGUID": note_guid})
            notes.append((note_guid, a))
    return source


def _variable_type(attribute: Attribute, bundle: ExportBundle) -> str:
    if attribute.kind == NUMBER:
        values = [e.attributes.get(attribute.name, "") for e in bundle.documents]
        return "Integer" if all(is_integer(v) for v in values if v) else "Float"
    return {DATE: "Date"}.get(attribute.kind, "Text")


def _add_variables(root: etree._Element, bundle: ExportBundle) -> dict[str, tuple[str, str]]:
    """Declare the attributes as ``Variables``; returns name -> (GUID, typeOfVariable).

    A choice attribute is a Text variable whose ``Description`` lists its choices
    (``CHOICES_PREFIX`` and a JSON list), which our reader turns back into choices.
    """
    declared: dict[str, tuple[str, str]] = {}
    if not bundle.attributes:
        return declared
    ns = PROJECT_NS
    variables = _sub(root, ns, "Variables")
    for attribute in bundle.attributes:
        guid, kind = _guid_for("attribute", attribute.id), _variable_type(attribute, bundle)
        variable = _sub(variables, ns, "Variable", {"guid": guid, "name": attribute.name, "typeOfVariable": kind})
        if attribute.kind == CHOICE:
            _sub_text(variable, ns, "Description", CHOICES_PREFIX + json.dumps(list(attribute.choices)))
        declared[attribute.name] = (guid, kind)
    return declared


def _add_values(source: etree._Element, values: Mapping[str, str], variables: dict[str, tuple[str, str]]) -> None:
    """A source's ``VariableValue`` per attribute value it has, in declaration order."""
    for name, (guid, kind) in variables.items():
        if value := values.get(name):
            element = _sub(source, PROJECT_NS, "VariableValue")
            _sub(element, PROJECT_NS, "VariableRef", {"targetGUID": guid})
            _sub_text(element, PROJECT_NS, f"{kind}Value", value)


def write_project(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write a ``.qdpx``: ``project.qde`` and each document's text as ``sources/<guid>.txt``."""
    text_paths = {e.document.id: f"{_guid_for('document', e.document.id)}.txt" for e in bundle.documents}
    qde = project_xml(bundle, text_paths)
    stamp = bundle.exported_at.astimezone(UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        add(PROJECT_MEMBER, qde)  # first, so the format is recognised from the file's head
        for exported in bundle.documents:
            add(f"sources/{text_paths[exported.document.id]}", exported.document.text.encode("utf-8"))
    out.write(buffer.getvalue())


def codebook_xml(bundle: ExportBundle) -> bytes:
    """A REFI-QDA codebook (``.qdc``) of the bundle's tags."""
    if not bundle.tags:
        raise FormatError("there are no tags, and a REFI-QDA codebook must hold at least one code")
    from lxml import etree

    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", _xml_safe(bundle.generator))
    _add_codes(_sub(root, CODEBOOK_NS, "Codes"), CODEBOOK_NS, bundle.tags)
    return _serialise(root)


def write_codebook(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write a ``.qdc`` codebook: the tags only, no documents."""
    out.write(codebook_xml(bundle))


# -- reading ------------------------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    from lxml import etree

    return str(etree.QName(element).localname)


def _children(element: etree._Element, ns: str, name: str) -> Iterator[etree._Element]:
    # iterchildren(tag=...) skips processing instructions, whose .tag is not a string.
    yield from element.iterchildren(f"{{{ns}}}{name}")


def _child_text(element: etree._Element, ns: str, name: str) -> str:
    for child in _children(element, ns, name):
        return child.text or ""
    return ""


def _normal_guid(value: str | None) -> str | None:
    """A GUID as we store ids (lowercase, no braces), or None if *value* is not one."""
    if value is None:
        return None
    match = _GUID.fullmatch(value.strip())
    return match.group(1).lower() if match else None


def _parse(data: bytes) -> etree._Element:
    """:func:`parse_xml`, also refusing entity declarations: libxml2 expands them inside attribute values."""
    root = parse_xml(data)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError("the XML declares entities, which REFI-QDA files never need; it was not read")
    return root


def _namespace(root: etree._Element, kind: str, root_name: str) -> str:
    """The root's namespace if it is a REFI-QDA *kind* (project/codebook) root, else FormatError."""
    from lxml import etree

    qname = etree.QName(root)
    if qname.localname != root_name or not (qname.namespace or "").startswith(f"urn:QDA-XML:{kind}:"):
        raise FormatError(
            f"this XML is not a REFI-QDA {kind} (its root is <{qname.localname}> "
            f"in {qname.namespace or 'no namespace'!r}, not <{root_name}> in 'urn:QDA-XML:{kind}:1.0')"
        )
    return qname.namespace or ""


def _parse_time(value: str | None) -> datetime | None:
    """An xsd:dateTime as an aware datetime (no zone means UTC); None if absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None  # a timestamp is not worth refusing a project for
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _color(value: str | None) -> str:
    rgb = _rgb((value or "").strip())
    return rgb or ""


def _code_name(code: etree._Element) -> str:
    """A code's name as a tag's is stored (NFC, no white space around it), so that two codes whose
    names differ only so are told apart as two siblings of one name ("" for none)."""
    return unicodedata.normalize("NFC", code.get("name") or "").strip()


@dataclass(slots=True)
class _Codebook:
    """Reading: codes by GUID, and the tags they become, each with its parents' names (its path)."""

    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code GUID -> tag path
    specs: dict[tuple[str, ...], TagSpec] = field(default_factory=dict)  # tag path -> spec, parents first
    codable: set[tuple[str, ...]] = field(default_factory=set)  # tag paths of codable codes
    owners: dict[tuple[str, ...], str] = field(default_factory=dict)  # tag path -> the GUID of its code

    def read(self, codes: etree._Element, ns: str) -> None:
        def group(
            parent: etree._Element, path: tuple[str, ...]
        ) -> list[tuple[etree._Element, tuple[str, ...], set[str]]]:
            """The codes inside *parent*, last first (for the stack), each with its siblings' names."""
            inside = list(_children(parent, ns, "Code"))
            names = {_code_name(code) for code in inside}
            return [(code, path, names) for code in reversed(inside)]

        stack = group(codes, ())
        while stack:  # iterative: a deep hierarchy must not exhaust Python's stack
            code, parents, sibling_names = stack.pop()
            guid = _normal_guid(code.get("guid"))
            own = _code_name(code) or f"code {(guid or '?')[:8]}"
            if len(own) > NAME_MAX:
                raise FormatError(
                    f"the code '{own[:60]}…' has a name of {len(own)} characters; the limit is {NAME_MAX}"
                )
            path = self._own_path(parents, own, guid, sibling_names)
            if guid is not None:
                self.names.setdefault(guid, path)
            if path not in self.specs:
                color, description = _color(code.get("color")), _child_text(code, ns, "Description")
                self.specs[path] = TagSpec(path[-1], color, description, parents=parents)
            if (code.get("isCodable") or "true").strip().lower() not in ("false", "0"):
                self.codable.add(path)
            stack.extend(group(code, path))

    def _own_path(
        self, parents: tuple[str, ...], name: str, guid: str | None, sibling_names: set[str]
    ) -> tuple[str, ...]:
        """The tag path of a code: its parents' path and its name, told apart from a sibling of the same
        name that is another code (another GUID) as "Name (2)", "Name (3)"... (skipping a name a sibling
        has): tags are unique among siblings, and two codes must not become one."""
        path = (*parents, name)
        n = 1
        while (owner := self.owners.get(path)) is not None and guid is not None and owner != guid:
            n += 1
            while f"{name} ({n})" in sibling_names:
                n += 1
            path = (*parents, f"{name} ({n})")
        if guid is not None:
            self.owners.setdefault(path, guid)
        return path

    def tags(self, used: set[tuple[str, ...]]) -> list[TagSpec]:
        """Codable codes, any code a coding uses, and the codes they are inside (categories nobody
        codes with are left out unless they hold one), parents first."""
        kept = {path for path in self.specs if path in self.codable or path in used}
        kept.update(path[:n] for path in list(kept) for n in range(1, len(path)))
        return [spec for path, spec in self.specs.items() if path in kept]


def read_codebook(source: SourceFile) -> ImportBundle:
    """Read a ``.qdc``: its codes become tags; a codebook has no documents."""
    root = _parse(source.data)
    ns = _namespace(root, "codebook", "CodeBook")
    codebook = _Codebook()
    for codes in _children(root, ns, "Codes"):
        codebook.read(codes, ns)
    return ImportBundle(documents=[], tags=codebook.tags(set()))


def _decode_source(data: bytes, where: str) -> str:
    """A source file's text as written (BOM removed, line endings kept), or FormatError."""
    try:
        decoded = decode_bytes(data)
    except TextDecodeError as exc:
        raise FormatError(f"{where}: {exc}") from exc
    try:
        raw = data.decode(decoded.encoding)
    except (LookupError, UnicodeDecodeError):
        raw = None
    if raw is not None and raw.startswith("\ufeff"):
        raw = raw[1:]
    if raw is None or normalize_text(raw) != decoded.text:
        # Without the text as written we cannot tell where its CRLFs were, so offsets cannot be converted.
        raise FormatError(f"{where}: its encoding ({decoded.encoding}) could not be read reliably; save it as UTF-8")
    return raw


@dataclass(slots=True)
class _Project:
    """Reading: one ``project.qde`` and the archive it came in."""

    archive: zipfile.ZipFile
    root: etree._Element
    ns: str
    source_name: str
    users: dict[str, str] = field(default_factory=dict)  # user GUID -> coder name
    codebook: _Codebook = field(default_factory=_Codebook)
    notes: dict[str, etree._Element] = field(default_factory=dict)  # note GUID -> Note
    linked_notes: dict[str, list[str]] = field(default_factory=dict)  # selection GUID -> note GUIDs
    cases: set[str] = field(default_factory=set)
    note_texts: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)  # lowercased member name -> name
    used_tags: set[tuple[str, ...]] = field(default_factory=set)
    annotation_ids: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    atlas: bool = False
    variables: dict[str, Attribute] = field(default_factory=dict)  # variable GUID -> attribute
    read_as: dict[str, str] = field(default_factory=dict)  # a PDF source's GUID -> its text representation's

    def sets(self, documents: list[ImportedDocument]) -> list[DocumentSet]:
        """The project's sets of sources, with the documents imported from them (by their GUIDs).

        Sets of codes or notes are not kept (a library's sets hold documents); a member
        that is not a text (a picture, say) is left out.
        """
        imported = {d.id for d in documents if d.id is not None}
        found: list[DocumentSet] = []
        for sets in _children(self.root, self.ns, "Sets"):
            for set_el in _children(sets, self.ns, "Set"):
                name = (set_el.get("name") or "").strip()
                guid = _normal_guid(set_el.get("guid"))
                if not name or guid is None:
                    continue
                members = []
                for member in _children(set_el, self.ns, "MemberSource"):
                    target = _normal_guid(member.get("targetGUID")) or ""
                    target = self.read_as.get(target, target)
                    if target in imported:
                        members.append(target)
                found.append(DocumentSet(guid, name, tuple(dict.fromkeys(members))))
        return found

    def read_header(self) -> None:
        ns = self.ns
        self.atlas = "atlas.ti" in (self.root.get("origin") or "").lower()
        self.members = {info.filename.lower(): info.filename for info in self.archive.infolist()}
        for users in _children(self.root, ns, "Users"):
            for user in _children(users, ns, "User"):
                guid = _normal_guid(user.get("guid"))
                if guid is not None:
                    self.users[guid] = "" if guid == DEFAULT_USER_GUID else (user.get("name") or user.get("id") or "")
        for book in _children(self.root, ns, "CodeBook"):
            for codes in _children(book, ns, "Codes"):
                self.codebook.read(codes, ns)
        for variables in _children(self.root, ns, "Variables"):
            for variable in _children(variables, ns, "Variable"):
                self.read_variable(variable)
        for notes in _children(self.root, ns, "Notes"):
            for note in _children(notes, ns, "Note"):
                if (guid := _normal_guid(note.get("guid"))) is not None:
                    self.notes.setdefault(guid, note)
        for cases in _children(self.root, ns, "Cases"):
            for case in _children(cases, ns, "Case"):
                if (guid := _normal_guid(case.get("guid"))) is not None:
                    self.cases.add(guid)
        # NVivo ties a note to a selection with a Link instead of a NoteRef.
        for links in _children(self.root, ns, "Links"):
            for link in _children(links, ns, "Link"):
                ends = [_normal_guid(link.get("originGUID")), _normal_guid(link.get("targetGUID"))]
                for this, other in (ends, ends[::-1]):
                    if this in self.notes and other is not None and other not in self.notes:
                        self.linked_notes.setdefault(other, []).append(this)

    def read_variable(self, variable: etree._Element) -> None:
        guid, name = _normal_guid(variable.get("guid")), (variable.get("name") or "").strip()
        if guid is None or not name:
            return
        kind = _VARIABLE_KINDS.get(variable.get("typeOfVariable") or "", TEXT)
        choices: tuple[str, ...] = ("true", "false") if variable.get("typeOfVariable") == "Boolean" else ()
        description = _child_text(variable, self.ns, "Description")
        if kind == TEXT and description.startswith(CHOICES_PREFIX):
            try:
                listed = json.loads(description.removeprefix(CHOICES_PREFIX))
            except ValueError:
                listed = None
            if isinstance(listed, list) and listed and all(isinstance(c, str) for c in listed):
                kind, choices = CHOICE, tuple(listed)
        self.variables[guid] = Attribute("", name, kind, choices)

    def values_of(self, element: etree._Element) -> dict[str, str]:
        """A source's attribute values (its ``VariableValue`` elements of declared variables)."""
        values: dict[str, str] = {}
        for holder in _children(element, self.ns, "VariableValue"):
            ref = next(_children(holder, self.ns, "VariableRef"), None)
            attribute = self.variables.get(_normal_guid(ref.get("targetGUID")) or "") if ref is not None else None
            value = next((c for c in holder.iterchildren() if _local(c).endswith("Value")), None)
            if attribute is None or value is None or not (value.text or "").strip():
                continue
            text = value.text or ""
            if _local(value) == "DateValue":
                text = text.strip()[:10]  # xsd:date may carry a time zone
            elif _local(value) == "BooleanValue":
                text = "true" if text.strip() in ("true", "1") else "false"
            values[attribute.name] = text
        return values

    def member(self, path: str | None, where: str) -> bytes:
        """The bytes of an ``internal://`` file in ``sources/`` (NVivo writes ``Sources/``)."""
        if not path or not path.startswith("internal://"):
            raise FormatError(
                f"{where} is stored outside the project ({path!r}); only sources inside the .qdpx can be imported"
            )
        name = path.removeprefix("internal://").lstrip("/")
        if not name or "/" in name or "\\" in name or name in (".", ".."):
            raise FormatError(f"{where} has an unusable file name {path!r}")
        actual = self.members.get(f"sources/{name}".lower())
        if actual is None:
            raise FormatError(f"{where} refers to {path!r}, which is not in the archive")
        return read_member(self.archive, actual, limit=MAX_IMPORT_BYTES)

    def coder(self, *elements: etree._Element) -> str:
        for element in elements:
            for attr in ("creatingUser", "modifyingUser"):
                guid = _normal_guid(element.get(attr))
                if guid is not None and guid in self.users:
                    name = self.users[guid]
                    if len(name) > NAME_MAX:
                        raise FormatError(f"the user '{name[:60]}…' has a name longer than {NAME_MAX} characters")
                    return name
        return ""

    def note_text(self, guid: str) -> str:
        if guid not in self.note_texts:
            note = self.notes[guid]
            text = _child_text(note, self.ns, "PlainTextContent")
            if not text and note.get("plainTextPath"):
                where = f"note '{note.get('name') or guid}'"
                text = _decode_source(self.member(note.get("plainTextPath"), where), where)
            self.note_texts[guid] = normalize_text(text)
        return self.note_texts[guid]

    def notes_of(self, *elements: etree._Element) -> str:
        """The texts of the notes *elements* refer to, once each, in order."""
        guids: list[str] = []
        for element in elements:
            for ref in _children(element, self.ns, "NoteRef"):
                guid = _normal_guid(ref.get("targetGUID"))
                if guid in self.notes:
                    guids.append(guid)
            own = _normal_guid(element.get("guid"))
            guids.extend(self.linked_notes.get(own or "", []))
        texts = [t for t in dict.fromkeys(self.note_text(g) for g in dict.fromkeys(guids)) if t]
        return "\n\n".join(texts)

    def tag_of(self, coding: etree._Element, where: str) -> tuple[str, ...] | None:
        """The tag a Coding applies; None for a case (NVivo codes sources to cases)."""
        for ref in _children(coding, self.ns, "CodeRef"):
            guid = _normal_guid(ref.get("targetGUID"))
            if guid in self.codebook.names:
                self.used_tags.add(self.codebook.names[guid])
                return self.codebook.names[guid]
            if guid in self.cases:
                return None
            self.problems.append(f"{where} is coded with {ref.get('targetGUID')!r}, which is not a code")
            return None
        self.problems.append(f"{where} has a coding without a code")
        return None

    def annotation_id(self, coding: etree._Element) -> str | None:
        guid = _normal_guid(coding.get("guid"))
        if guid is None or guid in self.annotation_ids:
            return None
        self.annotation_ids.add(guid)
        return guid

    def documents(self) -> list[ImportedDocument]:
        documents: list[ImportedDocument] = []
        for sources in _children(self.root, self.ns, "Sources"):
            for element in sources.iterchildren(f"{{{self.ns}}}TextSource", f"{{{self.ns}}}PDFSource"):
                if _local(element) == "TextSource":
                    documents.append(self.text_source(element, element.get("name")))
                else:
                    # A PDF's codings of areas are lost; its text representation is what we can annotate.
                    for representation in _children(element, self.ns, "Representation"):
                        documents.append(self.text_source(representation, element.get("name")))
                        pdf, text = _normal_guid(element.get("guid")), _normal_guid(representation.get("guid"))
                        if pdf is not None and text is not None:
                            self.read_as.setdefault(pdf, text)
        return documents

    def text_source(self, element: etree._Element, name: str | None) -> ImportedDocument:
        ns = self.ns
        guid = _normal_guid(element.get("guid"))
        path = element.get("plainTextPath")
        title = (name or "").strip() or (PurePosixPath(path).stem if path else "") or "Untitled"
        where = f"source '{title}'"
        if path:
            raw = _decode_source(self.member(path, where), where)
        elif any(True for _ in _children(element, ns, "PlainTextContent")):
            raw = _child_text(element, ns, "PlainTextContent").removeprefix("\ufeff")
        else:
            raise FormatError(f"{where} has neither a plainTextPath nor a PlainTextContent")
        # The standard counts code points in the file (a CRLF is two; a position between its CR
        # and LF is after the line break); ATLAS.ti counts a line break as one, as we store it.
        positions = RawTextMap(raw, inside_crlf="after")
        text = positions.text
        to_text: Callable[[int], int] = int if self.atlas else positions
        annotations: list[ImportedAnnotation] = []
        for selection in _children(element, ns, "PlainTextSelection"):
            annotations.extend(self.selection(selection, text, to_text, title))
        if text:
            # A coding of the whole source becomes an annotation of the whole text.
            for coding in _children(element, ns, "Coding"):
                tag = self.tag_of(coding, where)
                if tag is not None:
                    whole = ImportedAnnotation(tag[-1], 0, len(text), text, note=self.notes_of(coding), tag_path=tag)
                    whole.coder, whole.id = self.coder(coding, element), self.annotation_id(coding)
                    whole.created = _parse_time(coding.get("creationDateTime"))
                    annotations.append(whole)
        metadata: dict[str, Any] = {"source_file": self.source_name}
        if description := _child_text(element, ns, "Description").strip():
            metadata["description"] = normalize_text(description)
        if origin := self.root.get("origin"):
            metadata["refi_origin"] = origin
        return ImportedDocument(
            title=title, text=text, metadata=metadata, annotations=annotations, id=guid,
            attributes=self.values_of(element),
        )  # fmt: skip

    def selection(
        self, selection: etree._Element, text: str, to_text: Callable[[int], int], title: str
    ) -> list[ImportedAnnotation]:
        raw_start, raw_end = selection.get("startPosition") or "", selection.get("endPosition") or ""
        where = f"'{title}', selection {raw_start}..{raw_end}"
        codings = list(_children(selection, self.ns, "Coding"))
        if not codings:
            return []  # a selection without a code (a MAXQDA memo) has no tag to become
        if not (_INTEGER.fullmatch(raw_start.strip()) and _INTEGER.fullmatch(raw_end.strip())):
            self.problems.append(f"{where} does not have whole-number positions")
            return []
        start, end = to_text(int(raw_start)), to_text(int(raw_end))
        if not (0 <= start < end <= len(text)):
            self.problems.append(f"{where} does not fit the text of {len(text)} characters")
            return []
        # Notes referred to win; QualCoder (and MAXQDA, QualCoder's code says) keep a comment in the Description.
        shared_note = self.notes_of(selection) or normalize_text(_child_text(selection, self.ns, "Description"))
        modified = _parse_time(selection.get("modifiedDateTime"))
        out = []
        for coding in codings:
            tag = self.tag_of(coding, where)
            if tag is None:
                continue
            annotation = ImportedAnnotation(tag[-1], start, end, text[start:end], tag_path=tag)
            annotation.note = "\n\n".join(t for t in dict.fromkeys([shared_note, self.notes_of(coding)]) if t)
            annotation.coder, annotation.id = self.coder(coding, selection), self.annotation_id(coding)
            created = _parse_time(coding.get("creationDateTime")) or _parse_time(selection.get("creationDateTime"))
            annotation.created = created
            annotation.modified = modified if modified and created and modified >= created else None
            out.append(annotation)
        return out


def _project_member(archive: zipfile.ZipFile) -> str:
    """``project.qde``, or the one ``.qde`` at the top of the archive (some tools name it after the project)."""
    names = [info.filename for info in archive.infolist()]
    if PROJECT_MEMBER in names:
        return PROJECT_MEMBER
    qde = [n for n in names if "/" not in n and n.lower().endswith(".qde")]
    if len(qde) == 1:
        return qde[0]
    raise FormatError("this archive has no project.qde, so it is not a REFI-QDA project (.qdpx)")


def read_project(source: SourceFile) -> ImportBundle:
    """Read a ``.qdpx`` project: text sources with their codings, the codebook, users and notes."""
    archive = open_zip(source.data)
    with archive:
        root = _parse(read_member(archive, _project_member(archive), limit=MAX_IMPORT_BYTES))
        project = _Project(archive, root, _namespace(root, "project", "Project"), source.name)
        project.read_header()
        documents = project.documents()
    if project.problems:
        listed = "; ".join(project.problems[:LISTED_PROBLEMS])
        more = len(project.problems) - LISTED_PROBLEMS
        raise FormatError(
            f"{len(project.problems)} coded selection(s) cannot be imported, so nothing was: {listed}"
            + (f"; and {more} more" if more > 0 else "")
        )
    declared = list({a.name: a for a in project.variables.values()}.values())
    sets = project.sets(documents)
    return ImportBundle(
        documents=documents, tags=project.codebook.tags(project.used_tags), attributes=declared,
        extras=LibraryExtras(sets=sets) if sets else None,
    )  # fmt: skip


def sniff_project(head: bytes) -> bool:
    """A ZIP whose members (in its first 64 KiB) include ``project.qde``."""
    return head.startswith(b"PK\x03\x04") and b"project.qde" in head


def sniff_codebook(head: bytes) -> bool:
    """XML in the REFI-QDA codebook namespace."""
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and b"urn:QDA-XML:codebook:" in head


FORMATS = [
    Format(
        id="qdpx", label=QT_TRANSLATE_NOOP("formats", "REFI-QDA project"), extensions=(".qdpx",), reader=read_project, writer=write_project,
        sniff=sniff_project,
        options=(Option("project_name", "str", QT_TRANSLATE_NOOP("formats", "the project's name"), default="Annotator export", label=QT_TRANSLATE_NOOP("formats", "Project name")),),
    ),
    Format(
        id="qdc", label=QT_TRANSLATE_NOOP("formats", "REFI-QDA codebook"), extensions=(".qdc",), reader=read_codebook, writer=write_codebook,
        sniff=sniff_codebook, codebook_only=True,
    ),
]  # fmt: skip
