"""Formats: what readers produce and writers consume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO, Literal

from annotator.core.anchoring import AnchorState, DocumentVersion, Orphan
from annotator.core.attributes import Attribute

# FormatError and OptionError are AnnotatorErrors, defined with the others in core.errors.
from annotator.core.errors import FormatError as FormatError
from annotator.core.errors import OptionError as OptionError
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.memos import JournalEntry
from annotator.core.model import Annotation, Document, Tag, TagSpec
from annotator.core.records import DocumentSet, IncomingAnchor, IncomingVersion, LibraryExtras


@dataclass(slots=True)
class ImportedAnnotation:
    """Formats: an annotation as a file describes it (tag by name; ``tag_path``, when the
    format has a hierarchy, the names from the top down to ``tag``)."""

    tag: str
    start: int
    end: int
    quote: str | None = None
    note: str = ""
    coder: str = ""
    id: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    #: the names from the top down to its tag (a codebook with a hierarchy); () for a plain name
    tag_path: tuple[str, ...] = ()
    #: how it stood after its document's revisions (None: plainly placed); an orphan's offsets
    #: and quote point into that version's text
    anchor: IncomingAnchor | None = None


@dataclass(slots=True)
class ImportedDocument:
    """Formats: a document read from a file, with any annotations it carries."""

    title: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    annotations: list[ImportedAnnotation] = field(default_factory=list)
    id: str | None = None
    #: Attribute name -> value as the file gives it; the import parses it for the attribute's kind.
    attributes: dict[str, str] = field(default_factory=dict)
    memo: str = ""
    created: datetime | None = None
    #: previous texts, oldest first (annotated JSON version 2)
    versions: list[IncomingVersion] = field(default_factory=list)


@dataclass(slots=True)
class ImportBundle:
    """Formats: everything one file brought in; ``extras`` what a whole library's export
    carries besides (the codebook as a tree, sets, attributes, the journal)."""

    documents: list[ImportedDocument]
    tags: list[TagSpec] = field(default_factory=list)
    #: The attributes the file declares (an id of ours is kept for a new one): names not declared
    #: are imported as text.
    attributes: list[Attribute] = field(default_factory=list)
    extras: LibraryExtras | None = None


@dataclass(frozen=True, slots=True)
class ExportedDocument:
    """Formats: one document of an export and what belongs to it: its annotations (those the
    export keeps, filtered by tag and coder), in no particular order.

    One record per document, so that what an export carries can grow (relations, memos,
    attributes) as fields with defaults, which writers that do not carry them never see.
    """

    document: Document
    annotations: list[Annotation] = field(default_factory=list)
    #: Attribute name -> canonical value (:mod:`annotator.core.attributes`), only those it has.
    attributes: dict[str, str] = field(default_factory=dict)
    #: anchor states of those of ``annotations`` that are not plainly placed (moved, fuzzy)
    anchors: dict[str, AnchorState] = field(default_factory=dict)
    #: annotations a revision left without a place, each with the version it points into
    orphans: list[Orphan] = field(default_factory=list)
    #: previous texts, oldest first
    versions: list[DocumentVersion] = field(default_factory=list)


@dataclass(slots=True)
class ExportBundle:
    """Formats: what a writer writes: the codebook and the documents, each an :class:`ExportedDocument`.

    ``options`` carries writer options chosen by the user (e.g. ``{"excel": True}``
    for CSV), typed as the format's :class:`Option` declarations say; a writer
    ignores the ones it does not know.
    """

    tags: list[Tag]
    documents: list[ExportedDocument]
    generator: str
    exported_at: datetime
    options: dict[str, Any] = field(default_factory=dict)
    #: The library's attribute definitions, in display order (every one, used or not).
    attributes: list[Attribute] = field(default_factory=list)
    sets: list[DocumentSet] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    #: The library is coded blind (each coder sees only their own annotations): exports say so.
    blind_coding: bool = False


def _no_siblings(_name: str) -> bytes | None:
    return None


@dataclass(frozen=True, slots=True)
class SourceFile:
    """Formats: one file handed to a reader.

    ``name`` is the file's name (no folders), ``data`` its bytes (already checked
    against the import size limit). Formats whose files come in groups (brat's
    ``.ann`` beside its ``.txt``) ask for a companion with ``sibling(name)``,
    which returns its bytes, or None if there is no such file (or it is too large).
    """

    name: str
    data: bytes
    sibling: Callable[[str], bytes | None] = _no_siblings


@dataclass(frozen=True, slots=True)
class FolderSource:
    """Formats: a folder handed to a reader whose exports are folders (brat).

    ``name`` is the folder's name; ``files`` the relative POSIX paths of the
    files in it and its subfolders (hidden ones and links left out), sorted;
    ``read(path)`` returns one's bytes, or raises :class:`FormatError` (a file
    over the import size limit, say). Only the files a reader asks for are read.
    """

    name: str
    files: tuple[str, ...]
    read: Callable[[str], bytes]


#: Words a yes/no option accepts (case-insensitive), and what they mean.
BOOL_WORDS = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}


#: The translation context of the formats' labels and option words (the UI translates them in it).
CONTEXT = "formats"


@dataclass(frozen=True, slots=True)
class Option:
    """Formats: a writer option a format declares, so a value typed as text can be checked
    (the CLI's ``--option``) and a dialog can offer it (the GUI's Export dialog).

    ``kind`` is ``"bool"`` (true/false, yes/no, on/off, 1/0), ``"str"`` (any text)
    or ``"choice"`` (one of ``choices``). ``default`` is what the writer does
    without the option (None: it depends on other options, as ``help`` says, and
    ``default_label`` says in a few words). ``label`` names the option in a dialog
    (a yes/no option's checkbox text), ``choice_labels`` its choices there, in the
    order of ``choices``. ``applies_if`` = (other option, its values): the option
    means something only when the other one has one of those values.
    """

    name: str
    kind: Literal["bool", "str", "choice"]
    help: str
    choices: tuple[str, ...] = ()
    default: bool | str | None = None
    label: str = ""
    choice_labels: tuple[str, ...] = ()
    default_label: str = QT_TRANSLATE_NOOP("formats", "default")
    applies_if: tuple[str, tuple[str, ...]] | None = None

    @property
    def title(self) -> str:
        """How a dialog names the option: ``label``, else the name in words."""
        return self.label or self.name.replace("_", " ").capitalize()

    def choice_title(self, choice: str) -> str:
        """How a dialog shows one of ``choices``."""
        labels = dict(zip(self.choices, self.choice_labels))
        return labels.get(choice, choice)

    def allowed(self) -> str:
        """The values this option takes, for messages."""
        if self.kind == "bool":
            return "true or false (yes/no, on/off, 1/0)"
        if self.kind == "choice":
            return ", ".join(self.choices)
        return "any text"

    def parse(self, text: str) -> bool | str:
        """The typed value of *text*, or :class:`OptionError` naming the option and what it takes."""
        if self.kind == "bool":
            value = BOOL_WORDS.get(text.strip().lower())
            if value is None:
                raise OptionError(f"option '{self.name}' takes {self.allowed()}, not {text!r}")
            return value
        if self.kind == "choice" and text not in self.choices:
            raise OptionError(f"option '{self.name}' takes one of {self.allowed()}, not {text!r}")
        return text


Reader = Callable[[SourceFile], ImportBundle]
FolderReader = Callable[[FolderSource], ImportBundle]
Writer = Callable[[ExportBundle, BinaryIO], None]


#: Files that are not text whatever writes them (zip containers: Word, Excel, REFI projects; PDF).
BINARY_EXTENSIONS = frozenset({".docx", ".xlsx", ".zip", ".qdpx", ".pdf"})


@dataclass(frozen=True, slots=True)
class Format:
    """Formats: a registered format: id (for --format), label, file extensions, reader and/or writer.

    ``sniff(head)`` recognises the format from a file's first 64 KiB, so content
    wins over a misleading extension. A writer with ``writes_archive`` writes a
    ZIP archive; the export service unpacks it into a folder when the target path
    does not end in ``.zip`` (brat's standoff folders), and ``folder_reader``
    imports such a folder back. ``binary`` output is not text, so the CLI will
    not write it to a terminal. ``options`` declares the writer options the
    writer reads (:meth:`parse_options` checks text values against them);
    ``codebook_only`` says the writer writes the tags and no documents
    (REFI-QDA's ``.qdc``). A writer with ``carries_library`` writes what a whole
    library holds besides (previous texts, orphans, anchor states, sets, attributes,
    the journal: annotated JSON version 2), which the export then reads for it.
    A ``named_only`` format writes files whose extensions other formats claim (study
    notes as ``.md``): it is used when named, never inferred from a file name.
    ``options_for_name(name, options)`` fills in what a file name implies (its style)
    and ``extension_for(options)`` gives the extension those options write; the Export
    dialog remembers a ``remember_options`` format's options per library.
    """

    id: str
    label: str
    extensions: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    folder_reader: FolderReader | None = None
    sniff: Callable[[bytes], bool] | None = None
    writes_archive: bool = False
    binary: bool = False  # the writer's output is not text (ZIP, XLSX): never sent to a terminal
    options: tuple[Option, ...] = ()
    codebook_only: bool = False
    carries_library: bool = False
    named_only: bool = False
    remember_options: bool = False
    options_for_name: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None
    extension_for: Callable[[dict[str, Any]], str] | None = None

    @property
    def default_extension(self) -> str:
        return self.extensions[0]

    def extension(self, options: dict[str, Any]) -> str:
        """The extension a file written with *options* gets."""
        return self.extension_for(options) if self.extension_for is not None else self.default_extension

    def writes_binary(self, options: dict[str, Any]) -> bool:
        """Whether what it writes with *options* is not text (never sent to a terminal): a binary
        format, or a style of one that writes such a file (study notes as a Word document)."""
        return self.binary or self.extension(options) in BINARY_EXTENSIONS

    def options_named(self, name: str, options: dict[str, Any]) -> dict[str, Any]:
        """*options* with what the file *name* implies for this format (:class:`OptionError` if they disagree)."""
        return self.options_for_name(name, options) if self.options_for_name is not None else options

    def option(self, name: str) -> Option:
        """The declared writer option *name*, or :class:`OptionError` listing the ones there are."""
        for option in self.options:
            if option.name == name:
                return option
        if not self.options:
            raise OptionError(f"format '{self.id}' has no option '{name}' (it takes no options)")
        known = ", ".join(o.name for o in self.options)
        raise OptionError(f"format '{self.id}' has no option '{name}' (its options: {known})")

    def parse_options(self, raw: dict[str, str]) -> dict[str, bool | str]:
        """Writer options given as text (``KEY=VALUE`` on a command line), typed; unknown keys
        and values the option does not take raise :class:`OptionError`."""
        return {name: self.option(name).parse(text) for name, text in raw.items()}
