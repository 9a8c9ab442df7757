"""Services: importing files into the library.

Reading and persisting are separate steps: :func:`read_files` parses every file
(nothing touches the library), then :func:`persist` writes all bundles in one
unit of work, so an import either lands whole or not at all. What it writes is
planned by :mod:`annotator.core.merging`, which holds the rules: documents are
matched by id, then by the SHA-256 of their text, so importing the same file or
export twice adds nothing; annotations are matched by id within their document
when the id is one of ours (a UUID); other tools' ids are local to their file,
so those annotations get fresh ids and are matched on what they carry (tag,
offsets, note), as are annotations of formats without ids.

The whole use case is :func:`import_paths` (and :func:`import_text` for pasted
text): read every file, offer the trims of web boilerplate to a policy the
caller gives (the CLI's ``--trim`` or a note, the GUI's dialog), then persist.

Before anything is written, :func:`preview_paths` says what an import would do
(:class:`~annotator.core.merging.ImportSummary`: annotations added, unchanged,
placed for review, orphaned; documents matched and new; tags new; per coder),
reading and planning in one read-only unit of work (``annotator import
--dry-run``). A caller that shows it first gives :func:`import_paths` a confirm
policy: the write plans again in its own unit of work and writes only if the
plan is the one confirmed; if the library changed meanwhile
(:class:`SummaryChanged`), the policy is asked again with the new summary.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from annotator.core.anchoring import UNCHANGED, AnchorState, DocumentVersion
from annotator.core.boilerplate import Cut, apply_cuts, find_boilerplate, map_offset
from annotator.core.errors import Conflict, InvalidInput
from annotator.core.i18n import QT_TRANSLATE_NOOP, Translate, english
from annotator.core.merging import NEW_TAG_COLORS as NEW_TAG_COLORS  # callers found it here
from annotator.core.merging import (
    ExtrasPlan,
    HeldAnnotations,
    HeldExtras,
    Holdings,
    ImportPlan,
    ImportSummary,
    PreparedImport,
    plan_extras,
    plan_import,
    prepare_import,
    summarize,
)
from annotator.core.model import Annotation, coder_name, new_id, tag_name
from annotator.core.model import set_name as clean_set_name
from annotator.core.text import MAX_IMPORT_BYTES, UnstorableText, describe_size, stored_text, title_from_text
from annotator.formats import annotated_json
from annotator.formats.base import FolderSource, Format, FormatError, ImportBundle, ImportedDocument, SourceFile
from annotator.formats.registry import folder_readers, format_by_id, format_for_file
from annotator.formats.safety import MAX_MEMBERS, MAX_METADATA_NESTING, check_nesting
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.services.progress import Cancelled, Progress, report
from annotator.storage import attributes as attribute_store
from annotator.storage import documents as document_store
from annotator.storage import journal as journal_store
from annotator.storage import library_dump, locks
from annotator.storage import repository as repo
from annotator.storage.engine import held_here
from annotator.storage.uow import Session, reading, unit_of_work

#: How much of a file format detection looks at.
HEAD_BYTES = 65536

#: Why a confirmed import was not written as confirmed.
CHANGED_SINCE_SUMMARY = "the library changed since the summary was made; nothing was imported"


class SummaryChanged(Conflict):
    """The library changed between the summary a person confirmed and the write, so the import
    would write something else; nothing was written. ``summary``: what it would write now."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__(CHANGED_SINCE_SUMMARY)
        self.summary = summary


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """Services: a file that could not be read, and why, in one line."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class UnreadableFiles(FormatError):
    """Some files could not be read, so nothing was imported; ``failures`` says which and why."""

    def __init__(self, failures: list[ReadFailure]) -> None:
        super().__init__("; ".join(str(f) for f in failures))
        self.failures = failures


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """Services: one document an import brought in (or found already there)."""

    id: str
    title: str
    new: bool


@dataclass(slots=True)
class ImportResult:
    """Services: what an import did."""

    documents: list[ImportedRow] = field(default_factory=list)
    annotations_added: int = 0
    annotations_existing: int = 0
    changes: Changes = field(default_factory=Changes)
    #: files that were not read and were skipped (only with ``skip_unreadable``)
    failures: list[ReadFailure] = field(default_factory=list)
    #: what the import kept aside, a line each (an attribute value the library had otherwise)
    notes: list[str] = field(default_factory=list)
    #: what it wrote, as its summary says it (for a status line, and to compare with a preview)
    summary: ImportSummary = field(default_factory=ImportSummary)
    #: every annotation it added (orphans too) with the anchor state it was written with: what
    #: an undo removes and a redo puts back (:mod:`annotator.services.import_undo`)
    added: tuple[tuple[Annotation, AnchorState], ...] = ()
    #: document id -> the SHA-256 of its text as the import left it, for each document it added
    #: annotations to (a redo puts them back only onto the same texts)
    sha256s: dict[str, str] = field(default_factory=dict)
    #: (id, title) of the library's documents imported earlier from a file of the same name as a
    #: document this import added anew: most likely that file edited since (:data:`EDITED_AGAIN_HINT`)
    same_file: list[tuple[str, str]] = field(default_factory=list)


def read_limited(path: Path, *, own_exports: bool = False) -> bytes:
    """A file's bytes, refused before it is read whole if it is over the import limit.

    With *own_exports*, Annotator's own annotated JSON (recognised by its first
    64 KiB) is read at any size: the limit keeps other tools' files and
    documents to what an import can sensibly hold, but what Annotator wrote it
    must read back, and the exporter has no limit.
    """
    if held_here(path):  # reading it would drop this process's locks on it (see storage.engine)
        raise FormatError("it is a library open in Annotator (or one of its SQLite files), not a file to import")
    try:
        if path.is_dir():
            raise FormatError("it is a folder, not a file")
        size = path.stat().st_size
        with path.open("rb") as fh:
            if size > MAX_IMPORT_BYTES:
                if not (own_exports and annotated_json.sniff(fh.read(HEAD_BYTES))):
                    raise FormatError(
                        f"the file is {describe_size(size)}; files over {describe_size(MAX_IMPORT_BYTES)} "
                        "are not imported"
                    )
                fh.seek(0)
                return fh.read()
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except FormatError:
        raise  # a ValueError too, but one that already says the true reason
    except OSError as exc:
        raise FormatError(exc.strerror or str(exc)) from exc
    except ValueError as exc:  # e.g. a NUL character in the path
        raise FormatError(f"not a usable file name ({exc})") from exc
    if len(data) > MAX_IMPORT_BYTES:
        raise FormatError(f"the file is over {describe_size(MAX_IMPORT_BYTES)} and is not imported")
    return data


def _sibling_reader(folder: Path) -> Callable[[str], bytes | None]:
    """Read companion files from *folder* only (no paths, no links out of it)."""

    def sibling(name: str) -> bytes | None:
        if not name or name != Path(name).name or name in (".", ".."):
            return None
        path = folder / name
        if not path.is_file() or path.is_symlink():
            return None
        try:
            return read_limited(path)
        except FormatError:
            return None

    return sibling


def _folder_files(folder: Path) -> tuple[str, ...]:
    """The files in *folder* and its subfolders as sorted relative POSIX paths.

    Hidden entries (``.git``, macOS's ``._`` files) and links are left out, so
    nothing outside the folder is read; a folder with more entries than an
    archive may have members is refused rather than walked for minutes.
    """
    files: list[str] = []
    pending, seen = [""], 0
    try:
        while pending:
            relative = pending.pop()
            with os.scandir(folder / relative) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or entry.is_symlink():
                        continue
                    seen += 1
                    if seen > MAX_MEMBERS:
                        raise FormatError(
                            f"it is a folder with more than {MAX_MEMBERS:,} files and folders in it; "
                            "only a brat export or collection is imported as a folder"
                        )
                    name = f"{relative}/{entry.name}" if relative else entry.name
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(name)
                    elif entry.is_file(follow_symlinks=False):
                        files.append(name)
    except OSError as exc:
        raise FormatError(f"the folder cannot be read ({exc.strerror or exc})") from exc
    return tuple(sorted(files))


def _folder_format(format_id: str | None) -> Format:
    """The format that imports a folder: brat (the only one whose exports are folders)."""
    if format_id:
        fmt = format_by_id(format_id)
        if fmt.folder_reader is None:
            raise FormatError(f"it is a folder; {fmt.label} is imported from files, so choose the files in it")
        return fmt
    found = folder_readers()
    if not found:
        raise FormatError("it is a folder, not a file")
    return found[0]


def read_file(path: str | os.PathLike[str], format_id: str | None = None) -> ImportBundle:
    """Parse one file into a bundle, or raise :class:`FormatError` with a clear message.

    A folder is read whole by the format whose exports are folders (brat), so
    what the export wrote imports back as it is.
    """
    path = Path(path)
    read: Callable[[], ImportBundle] | None = None  # the format's reader, given this file or folder
    if path.is_dir():
        fmt = _folder_format(format_id)

        def read_in_folder(name: str) -> bytes:
            try:
                return read_limited(path / name)
            except FormatError as exc:
                raise FormatError(f"{name}: {exc}") from exc

        folder = FolderSource(path.resolve().name or str(path), _folder_files(path), read_in_folder)
        if (folder_reader := fmt.folder_reader) is not None:
            read = partial(folder_reader, folder)
    else:
        try:
            data = read_limited(path, own_exports=format_id in (None, "json"))
        except MemoryError as exc:  # only our own exports are read past the limit, at any size
            raise FormatError("there is not enough memory to read the file") from exc
        if not data:
            raise FormatError("the file is empty")
        if not data.strip():  # ASCII white space; other encodings' is the readers' to say
            raise FormatError("the file holds only white space")
        fmt = format_by_id(format_id) if format_id else format_for_file(path.name, data[:HEAD_BYTES])
        # A name with bytes that are not UTF-8 (Python keeps them as lone surrogates) works as a
        # path, but readers make titles and metadata of it, which are stored as text: U+FFFD there.
        name = os.fsencode(path.name).decode("utf-8", "replace")
        source = SourceFile(name, data, _sibling_reader(path.parent))
        if (reader := fmt.reader) is not None:
            read = partial(reader, source)
    if read is None:
        raise FormatError(f"format '{fmt.id}' can be exported but not imported")
    try:
        bundle = read()
        # Metadata is stored as JSON and exported inside our own JSON: refused here, with a
        # message, rather than by the database or the next export with a RecursionError.
        for document in bundle.documents:
            check_nesting(document.metadata, f"the metadata of '{document.title}'", MAX_METADATA_NESTING)
        _check_names(bundle)
        return bundle
    except FormatError:
        raise
    except MemoryError as exc:
        raise FormatError(f"there is not enough memory to read this {fmt.label} file") from exc
    except (
        ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, EOFError, NotImplementedError,
        zipfile.BadZipFile,
    ) as exc:  # fmt: skip
        raise FormatError(f"not a readable {fmt.label} file ({type(exc).__name__}: {exc})") from exc


def _check_names(bundle: ImportBundle) -> None:
    """Refuse (:class:`FormatError`) a file whose tag or coder names the library cannot take
    (:func:`~annotator.core.model.tag_name`), while it is known which file it is; the import
    cleans the names it takes the same way."""
    tags = {name for spec in bundle.tags for name in (*spec.parents, spec.name)}
    if bundle.extras is not None:
        tags.update(t.name for t in bundle.extras.codebook)
    coders = set()
    for document in bundle.documents:
        for annotation in document.annotations:
            tags.update((annotation.tag, *annotation.tag_path))
            coders.add(annotation.coder)
    try:
        for name in tags:
            tag_name(name)
        for name in coders:
            coder_name(name)
    except InvalidInput as exc:
        raise FormatError(str(exc)) from exc


def read_files(
    paths: Iterable[str | os.PathLike[str]], format_id: str | None = None
) -> tuple[list[tuple[str, ImportBundle]], list[ReadFailure]]:
    """Parse every file; returns the bundles that were read and the failures."""
    bundles, failures = [], []
    for path in paths:
        try:
            bundles.append((str(path), read_file(path, format_id)))
        except FormatError as exc:
            failures.append(ReadFailure(str(path), str(exc)))
    return bundles, failures


def _holdings(s: Session, prepared: PreparedImport) -> Holdings:
    """What the library holds that *prepared* is matched against, read in the import's unit of work."""
    shas = repo.document_sha256s(s, prepared.document_ids)
    by_sha = repo.documents_by_sha256(s, prepared.sha256s)
    versions: dict[str, tuple[DocumentVersion, str]] = {}
    for sha in prepared.sha256s:
        if sha not in by_sha and (version := repo.find_version_by_sha256(s, sha)) is not None:
            current = repo.document_text(s, version.document_id)
            if current is not None:  # the foreign key makes this certain
                versions[sha] = (version, current)
    # Every document those lookups found may be matched, so its annotations are what an
    # incoming one is matched against.
    found = dict.fromkeys([*shas, *by_sha.values(), *(v.document_id for v, _ in versions.values())])
    annotations = {
        doc_id: HeldAnnotations(ids, keys) for doc_id, (ids, keys) in repo.annotation_keys_of(s, list(found)).items()
    }
    wanted = prepared.annotation_ids
    existing = repo.existing_annotation_ids(s, wanted) if wanted else set()
    incoming_versions = [v.id for _, docs in prepared.bundles for d in docs for v in d.source.versions]
    return Holdings(
        repo.list_tags(s), shas, by_sha, versions, annotations, existing,
        empty=not library_dump.has_documents(s), versions=library_dump.version_keys(s, list(found)),
        version_ids=library_dump.existing_ids(s, "document_version", incoming_versions),
    )  # fmt: skip


def _held_extras(s: Session, prepared: PreparedImport, plan: ImportPlan) -> HeldExtras:
    """What the library holds that a file's attributes, sets, journal and memos are matched against."""
    bundles = [bundle for bundle, _ in prepared.bundles]
    extras = [bundle.extras for bundle in bundles if bundle.extras is not None]
    declared = [a.id for bundle in bundles for a in bundle.attributes]
    incoming = [d.source for _, docs in prepared.bundles for d in docs]
    valued = any(d.attributes for d in incoming)
    memoed = any(d.memo for d in incoming)
    if not (extras or declared or valued or memoed):
        return HeldExtras()
    matched = [d.id for d in plan.documents if not d.new]
    return HeldExtras(
        attributes=attribute_store.list_attributes(s),
        sets=attribute_store.list_sets(s) if extras else (),
        memos=library_dump.document_memos(s, matched) if memoed else {},
        values=attribute_store.attribute_values(s, matched) if matched else {},
        set_ids=library_dump.existing_ids(s, "document_set", [x.id for e in extras for x in e.sets]),
        attribute_ids=library_dump.existing_ids(s, "attribute", declared),
        journal_ids=library_dump.existing_ids(s, "journal_entry", [x.id for e in extras for x in e.journal]),
    )


def persist(
    library: Library,
    bundles: Iterable[ImportBundle],
    *,
    set_name: str | None = None,
    progress: Progress | None = None,
    expected: ImportSummary | None = None,
) -> ImportResult:
    """Write bundles into the library in one transaction and say what was added.

    What to add is :func:`annotator.core.merging.plan_import`'s plan, made from what
    the library holds as this unit of work reads it. Cancelling through *progress*
    (or any error) rolls the whole import back. With *expected* (the summary a person
    confirmed), a plan whose summary differs raises :class:`SummaryChanged` and writes nothing.
    """
    bundles = list(bundles)
    set_name = clean_set_name(set_name) if set_name else None
    prepared = prepare_import(bundles)
    with unit_of_work(library.engine) as s:
        # Documents are matched by what is stored; two imports of one text at once must not
        # both find nothing and both insert it (PostgreSQL; SQLite already serialises them).
        locks.hold(s, locks.IMPORT)
        holdings = _holdings(s, prepared)
        plan = plan_import(prepared, holdings)
        summary = summarize(plan, holdings.tags)
        if expected is not None and summary != expected:
            raise SummaryChanged(summary)
        rows = [ImportedRow(d.id, d.title, d.new) for d in plan.documents]
        new_docs = [d.document for d in plan.documents if d.new and d.document is not None]
        files = {str(name) for d in new_docs if (name := d.metadata.get("source_file"))}
        same_file = [(i, title) for _name, i, title in repo.documents_from_files(s, files)]
        held = _held_extras(s, prepared, plan)
        extras = plan_extras(prepared, plan, held)
        tags = plan.tags
        if plan.codebook is not None:  # a library with no documents takes a file's codebook whole
            library_dump.delete_all_tags(s)
            for tag in plan.codebook:
                repo.add_tag(s, tag)
            written = {t.id for t in plan.codebook}
            tags = [t for t in plan.tags if t.id not in written]
        for tag in tags:
            repo.add_tag(s, tag)
        for index, documents in enumerate(plan.bundles):
            for planned in documents:
                if planned.document is not None:
                    repo.insert_document(s, planned.document)
                for version in planned.versions:  # before the annotations: orphans point into them
                    repo.insert_document_version(s, version)
                repo.insert_annotations(s, planned.annotations)
                repo.update_anchors(s, planned.anchors)
            report(progress, index + 1, len(plan.bundles))
        _write_extras(s, extras, held)
        if set_name and rows:
            repo.add_to_set(s, set_name, [row.id for row in rows], new_id())
        sha256s = repo.document_sha256s(s, [d.id for d in plan.documents if d.annotations])
    states = {a.id: state for d in plan.documents for a, state in d.anchors}
    added = tuple((a, states.get(a.id, AnchorState())) for d in plan.documents for a in d.annotations)
    new = {d.id for d in plan.documents if d.new}
    changes = Changes(
        annotations_created=tuple(plan.placed_annotations),  # orphans are not placed
        documents_created=tuple(d.id for d in plan.documents if d.new),
        tags_created=tuple(plan.tags),
        documents_updated=tuple(
            d for d in dict.fromkeys([d for d, _ in extras.memos] + [d for d, _, _ in extras.values]) if d not in new
        ),
        sets_changed=bool(extras.sets or extras.members),
        attributes_changed=bool(extras.attributes or extras.choices),
        journal_changed=bool(extras.journal),
        library_reloaded=plan.codebook is not None,  # tags replaced: a view reads them again
        anchor_states=tuple((a.id, state) for a, state in added if state.status != UNCHANGED),
    )
    return ImportResult(
        rows, plan.annotations_added, plan.annotations_existing, changes, notes=extras.notes, summary=summary,
        added=added, sha256s=sha256s, same_file=list(dict.fromkeys(same_file)),
    )  # fmt: skip


#: What an import says of each document the library has from a file of the name of one it added anew.
EDITED_AGAIN_HINT = (
    "“{title}” is already in the library with different text: to keep its annotations on the new text, "
    "use Document › Replace text with a new version… (annotator revise)"
)


def preview_bundles(library: Library, bundles: Iterable[ImportBundle]) -> ImportSummary:
    """What persisting *bundles* would write, planned as :func:`persist` plans it, in one
    read-only unit of work: nothing is written."""
    prepared = prepare_import(list(bundles))
    with reading(library.engine) as s:
        holdings = _holdings(s, prepared)
        plan = plan_import(prepared, holdings)
    return summarize(plan, holdings.tags)


def _write_extras(s: Session, extras: ExtrasPlan, held: HeldExtras) -> None:
    """Write what :func:`~annotator.core.merging.plan_extras` planned (after the documents)."""
    for attribute in extras.attributes:
        attribute_store.insert_attribute(s, attribute)
    for attribute in held.attributes:
        if attribute.id in extras.choices:
            attribute_store.update_attribute(s, attribute, name=attribute.name, choices=extras.choices[attribute.id])
    values: dict[str, dict[str, str]] = {}
    for document_id, attribute_id, value in extras.values:
        values.setdefault(document_id, {})[attribute_id] = value
    for document_id, by_attribute in values.items():
        attribute_store.write_values(s, document_id, by_attribute)
    for document_id, memo in extras.memos:
        document_store.update_document(s, document_id, expected={"memo": held.memos[document_id]}, memo=memo)
    for document_set in extras.sets:
        attribute_store.insert_set(s, document_set.id, document_set.name)
        attribute_store.add_members(s, document_set.id, document_set.document_ids)
    for set_id, document_ids in extras.members:
        attribute_store.add_members(s, set_id, document_ids)
    for entry in extras.journal:
        journal_store.insert_entry(s, entry)


def suggest_trims(bundles: Iterable[ImportBundle]) -> list[tuple[ImportedDocument, list[Cut]]]:
    """Documents that seem to carry web boilerplate (a "Related articles" tail, repeated
    blocks), with the cuts that would remove it. Documents with annotations are left alone."""
    found = []
    for bundle in bundles:
        for document in bundle.documents:
            if not document.annotations and (cuts := find_boilerplate(document.text)):
                found.append((document, cuts))
    return found


def trim_document(document: ImportedDocument, cuts: list[Cut]) -> None:
    """Remove *cuts* from a document before it is stored; what was removed is kept in its
    metadata ("trimmed": original offsets, reason and text), so it can be recovered."""
    if document.annotations:
        raise FormatError(f"'{document.title}' carries annotations, so its text is not trimmed")
    if cuts:
        document.text, removed = apply_cuts(document.text, cuts)
        metadata = {**document.metadata, "trimmed": removed}
        # Page and chapter starts (PDF, EPUB) are offsets too: carry them into the trimmed text.
        if isinstance(metadata.get("pages"), list):
            metadata["pages"] = [map_offset(p, removed) for p in metadata["pages"]]
        if isinstance(metadata.get("chapters"), list):
            metadata["chapters"] = [{**c, "start": map_offset(c["start"], removed)} for c in metadata["chapters"]]
        document.metadata = metadata


def text_bundle(text: str, *, title: str | None = None, source: str = "clipboard") -> ImportBundle:
    """A bundle of one plain-text document, e.g. pasted from the clipboard; empty text is refused."""
    try:
        text = stored_text(text)
    except UnstorableText as exc:
        raise FormatError(str(exc)) from exc
    if not text.strip():
        raise FormatError("there is no text to import")
    document = ImportedDocument(title=title or title_from_text(text), text=text, metadata={"source": source})
    return ImportBundle(documents=[document])


#: What to do with the web boilerplate found in a document about to be imported: given the
#: document and the cuts that would remove it, the cuts to apply ([] keeps the text whole),
#: or None to cancel the whole import.
TrimPolicy = Callable[[ImportedDocument, list[Cut]], list[Cut] | None]

#: The library, or a callable that opens it: a use case calls it only once its input has been
#: read, so a command line with bad input never opens (nor creates) a library.
LibrarySource = Library | Callable[[], Library]


#: The lines of :func:`summary_lines`, filled with the summary's values (the window translates them).
SUMMARY_ANNOTATIONS = QT_TRANSLATE_NOOP(
    "services.importing",
    "annotations: {added} to add ({placed} placed, {for_review} placed for review, {orphaned} orphaned), "
    "{unchanged} unchanged (already there)",
)
SUMMARY_DOCUMENTS = QT_TRANSLATE_NOOP("services.importing", "documents: {matched} matched, {new} new")
SUMMARY_TAGS = QT_TRANSLATE_NOOP("services.importing", "tags: {new} new")
SUMMARY_TAGS_NAMED = QT_TRANSLATE_NOOP("services.importing", "tags: {new} new ({tags})")
SUMMARY_CODER = QT_TRANSLATE_NOOP("services.importing", "coder {coder}: {count} to add")
NO_CODER = QT_TRANSLATE_NOOP("services.importing", "(none)")


def summary_lines(summary: ImportSummary, translate: Translate = english) -> list[str]:
    """What an import would write, in plain lines (the dry run prints them, the window shows them
    in *translate*'s language)."""

    def say(template: str, **values: object) -> str:
        return translate("services.importing", template).format(**values)

    lines = [
        say(
            SUMMARY_ANNOTATIONS, added=summary.added, placed=summary.placed, for_review=summary.for_review,
            orphaned=summary.orphaned, unchanged=summary.unchanged,
        ),
        say(SUMMARY_DOCUMENTS, matched=len(summary.matched), new=summary.documents_new),
        say(SUMMARY_TAGS_NAMED, new=len(summary.tags_new), tags=", ".join(summary.tags_new))
        if summary.tags_new
        else say(SUMMARY_TAGS, new=0),
    ]  # fmt: skip
    lines += [say(SUMMARY_CODER, coder=name or say(NO_CODER), count=count) for name, count in summary.coders]
    return lines


#: Whether to write an import, given its summary and, when asked again because the library
#: changed since the last summary, why (else ""); False cancels it.
ConfirmPolicy = Callable[[ImportSummary, str], bool]


def keep_untrimmed(_document: ImportedDocument, _cuts: list[Cut]) -> list[Cut]:
    """Trim policy: keep every text whole (nothing is ever trimmed silently)."""
    return []


def trim_all(_document: ImportedDocument, cuts: list[Cut]) -> list[Cut]:
    """Trim policy: remove everything detected (``annotator import --trim``)."""
    return cuts


def opened(library: LibrarySource) -> Library:
    """The library of a :data:`LibrarySource`, opening it now if it is an opener."""
    return library if isinstance(library, Library) else library()


def import_paths(
    library: LibrarySource,
    paths: Iterable[str | os.PathLike[str]],
    *,
    format_id: str | None = None,
    set_name: str | None = None,
    trim: TrimPolicy = keep_untrimmed,
    skip_unreadable: bool = False,
    progress: Progress | None = None,
    confirm: ConfirmPolicy | None = None,
) -> ImportResult:
    """Import files: read them all, let *trim* decide about boilerplate, then persist in one unit of work.

    Any unreadable file raises :class:`UnreadableFiles` and nothing is imported,
    unless *skip_unreadable*: then the others are imported and the result lists
    the failures. *progress* hears of each file read, then of each one written;
    cancelling through it, *trim* answering None or *confirm* answering False
    raises :class:`Cancelled` and nothing is imported. With *confirm*, the import's
    summary is shown to it before anything is written (see the module's docstring).
    """
    paths = list(paths)
    bundles: list[ImportBundle] = []
    failures: list[ReadFailure] = []
    for done, path in enumerate(paths, 1):
        read, failed = read_files([path], format_id)
        bundles += [b for _, b in read]
        failures += failed
        report(progress, done, 2 * len(paths))  # each file is read, then written
    if failures and not skip_unreadable:
        raise UnreadableFiles(failures)

    def written(done: int, total: int) -> bool:  # one bar: the files read, then those written
        return progress is None or progress(len(paths) + done, len(paths) + total) is not False

    result = _import_bundles(library, bundles, set_name=set_name, trim=trim, progress=written, confirm=confirm)
    result.failures = failures
    return result


def preview_paths(
    library: LibrarySource,
    paths: Iterable[str | os.PathLike[str]],
    *,
    format_id: str | None = None,
    trim: TrimPolicy = keep_untrimmed,
) -> ImportSummary:
    """What importing *paths* would write (``annotator import --dry-run``); nothing is written.

    Any unreadable file raises :class:`UnreadableFiles`; *trim* answering None raises :class:`Cancelled`.
    """
    bundles, failures = read_files(paths, format_id)
    if failures:
        raise UnreadableFiles(failures)
    if not bundles:
        return ImportSummary()
    return preview_bundles(opened(library), _trimmed([b for _, b in bundles], trim))


def import_text(
    library: LibrarySource,
    text: str,
    *,
    title: str | None = None,
    source: str = "clipboard",
    trim: TrimPolicy = keep_untrimmed,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one plain text (e.g. pasted); a text that is blank or not text raises :class:`FormatError`."""
    bundle = text_bundle(text, title=title, source=source)
    return _import_bundles(library, [bundle], set_name=None, trim=trim, progress=progress)


def _import_bundles(
    library: LibrarySource,
    bundles: list[ImportBundle],
    *,
    set_name: str | None,
    trim: TrimPolicy,
    progress: Progress | None,
    confirm: ConfirmPolicy | None = None,
) -> ImportResult:
    """Trim what *trim* says, let *confirm* see the summary, then persist; nothing read means
    nothing to do (the library is not opened)."""
    if not bundles:
        return ImportResult()
    bundles = _trimmed(bundles, trim)
    if confirm is None:
        return persist(opened(library), bundles, set_name=set_name, progress=progress)
    target = opened(library)
    summary, why = preview_bundles(target, bundles), ""
    while True:
        if not confirm(summary, why):
            raise Cancelled("the import was cancelled; nothing was imported")
        try:
            return persist(target, bundles, set_name=set_name, progress=progress, expected=summary)
        except SummaryChanged as exc:
            summary, why = exc.summary, str(exc)


def _trimmed(bundles: list[ImportBundle], trim: TrimPolicy) -> list[ImportBundle]:
    """*bundles* with the boilerplate *trim* chose removed; *trim* answering None raises :class:`Cancelled`."""
    for document, cuts in suggest_trims(bundles):
        chosen = trim(document, cuts)
        if chosen is None:
            raise Cancelled("the import was cancelled; nothing was imported")
        if chosen:
            trim_document(document, chosen)
    return bundles


def import_bundles(
    library: LibrarySource, bundles: list[ImportBundle], *, confirm: ConfirmPolicy | None = None
) -> ImportResult:
    """Persist bundles a caller built (highlights placed on a document), *confirm* seeing the summary first."""
    return _import_bundles(library, bundles, set_name=None, trim=keep_untrimmed, progress=None, confirm=confirm)
