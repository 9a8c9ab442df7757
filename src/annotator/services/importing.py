"""Services: importing files into the library.

Reading and persisting are separate steps: :func:`read_files` parses every file
(nothing touches the library), then :func:`persist` writes all bundles in one
unit of work, so an import either lands whole or not at all. Documents are
matched by id, then by the SHA-256 of their text, so importing the same file or
export twice adds nothing. Annotations are matched by id within their document
when the id is one of ours (a UUID); other tools' ids are local to their file,
so those annotations get fresh ids and are matched on what they carry (tag,
offsets, note), as are annotations of formats without ids.

The whole use case is :func:`import_paths` (and :func:`import_text` for pasted
text): read every file, offer the trims of web boilerplate to a policy the
caller gives (the CLI's ``--trim`` or a note, the GUI's dialog), then persist.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.anchoring import FUZZY, ORPHANED, UNCHANGED, AnchorState, DocumentVersion, Reanchorer
from annotator.core.boilerplate import Cut, apply_cuts, find_boilerplate, map_offset
from annotator.core.model import ID_MAX, Annotation, Document, Tag, TagSpec, check_name, new_id, utc_now
from annotator.core.selectors import TextQuoteSelector
from annotator.core.text import MAX_IMPORT_BYTES, UnstorableText, describe_size, sha256_text, stored_text, title_from_text
from annotator.formats import annotated_json
from annotator.formats.base import FolderSource, Format, FormatError, ImportBundle, ImportedDocument, SourceFile
from annotator.formats.registry import folder_readers, format_by_id, format_for_file
from annotator.formats.safety import MAX_MEMBERS, MAX_METADATA_NESTING, check_nesting
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.services.progress import Cancelled, Progress, report
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

#: Colours given to tags that an import brings in without one.
NEW_TAG_COLORS = ("#e76f51", "#457b9d", "#e9c46a", "#8ab17d", "#f28482", "#6d597a", "#577590", "#bc6c25")

#: How much of a file format detection looks at.
HEAD_BYTES = 65536


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


def _read_limited(path: Path, *, own_exports: bool = False) -> bytes:
    """A file's bytes, refused before it is read whole if it is over the import limit.

    With *own_exports*, Annotator's own annotated JSON (recognised by its first
    64 KiB) is read at any size: the limit keeps other tools' files and
    documents to what an import can sensibly hold, but what Annotator wrote it
    must read back, and the exporter has no limit.
    """
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
            return _read_limited(path)
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
    source: SourceFile | FolderSource
    reader: Callable[..., ImportBundle] | None
    if path.is_dir():
        fmt = _folder_format(format_id)

        def read_in_folder(name: str) -> bytes:
            try:
                return _read_limited(path / name)
            except FormatError as exc:
                raise FormatError(f"{name}: {exc}") from exc

        source = FolderSource(path.resolve().name or str(path), _folder_files(path), read_in_folder)
        reader = fmt.folder_reader
    else:
        try:
            data = _read_limited(path, own_exports=format_id in (None, "json"))
        except MemoryError as exc:  # only our own exports are read past the limit, at any size
            raise FormatError("there is not enough memory to read the file") from exc
        if not data:
            raise FormatError("the file is empty")
        fmt = format_by_id(format_id) if format_id else format_for_file(path.name, data[:HEAD_BYTES])
        # A name with bytes that are not UTF-8 (Python keeps them as lone surrogates) works as a
        # path, but readers make titles and metadata of it, which are stored as text: U+FFFD there.
        name = os.fsencode(path.name).decode("utf-8", "replace")
        source = SourceFile(name, data, _sibling_reader(path.parent))
        reader = fmt.reader
    if reader is None:
        raise FormatError(f"format '{fmt.id}' can be exported but not imported")
    try:
        bundle = reader(source)
        # Metadata is stored as JSON and exported inside our own JSON: refused here, with a
        # message, rather than by the database or the next export with a RecursionError.
        for document in bundle.documents:
            check_nesting(document.metadata, f"the metadata of '{document.title}'", MAX_METADATA_NESTING)
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


def _follow_revision(
    annotation: Annotation, version: DocumentVersion, anchorer: Reanchorer, current: str
) -> tuple[Annotation, AnchorState]:
    """An annotation made on a previous *version*, placed in the *current* text.

    Exact places become plain annotations; a fuzzy place is kept for review with
    where it was made; no place makes it an orphan pointing into that version,
    just as a revision treats the library's own annotations.
    """
    found = anchorer.anchor(annotation.start, annotation.end, annotation.quote, annotation.prefix, annotation.suffix)
    if found.start is None or found.end is None:
        return annotation, AnchorState(ORPHANED, version.id, annotation.start, annotation.end)
    selector = TextQuoteSelector.from_span(current, found.start, found.end)
    placed = replace(
        annotation, start=found.start, end=found.end, quote=selector.exact, prefix=selector.prefix,
        suffix=selector.suffix,
    )  # fmt: skip
    if found.status == FUZZY:
        return placed, AnchorState(FUZZY, version.id, annotation.start, annotation.end)
    return placed, AnchorState(found.status)


def _is_our_id(value: str) -> bool:
    """Whether *value* is an id as we make them: a UUID in its canonical (lower-case) form."""
    try:
        return len(value) == ID_MAX and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _drop_foreign_ids(imported: ImportedDocument) -> None:
    """Document ids longer than ours (other tools' IRIs, say) are not stored; fresh ones are made.

    Annotation ids that are not ours (JSONL spans numbered 1, 2, ... in every
    document) are only unique within their file, so they are dropped: such
    annotations get fresh ids and are matched on what they carry.
    """
    if imported.id and len(imported.id) > ID_MAX:
        imported.id = None
    for a in imported.annotations:
        if a.id and not _is_our_id(a.id):
            a.id = None


def persist(
    library: Library,
    bundles: Iterable[ImportBundle],
    *,
    set_name: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Write bundles into the library in one transaction and say what was added.

    Cancelling through *progress* (or any error) rolls the whole import back.
    """
    bundles = list(bundles)
    result = ImportResult()
    created_annotations: list[Annotation] = []
    created_docs: list[str] = []
    created_tags: list[Tag] = []
    with unit_of_work(library.engine) as s:
        # Documents are matched by what is stored; two imports of one text at once must not
        # both find nothing and both insert it (PostgreSQL; SQLite already serialises them).
        locks.hold(s, locks.IMPORT)
        tags = {t.name: t for t in repo.list_tags(s)}

        def ensure_tag(spec: TagSpec) -> Tag:
            if spec.name not in tags:
                check_name("tag", spec.name)
                color = spec.color or NEW_TAG_COLORS[len(created_tags) % len(NEW_TAG_COLORS)]
                tag = Tag(new_id(), spec.name, color, spec.description, "", len(tags))
                repo.add_tag(s, tag)
                tags[spec.name] = tag
                created_tags.append(tag)
            return tags[spec.name]

        for index, bundle in enumerate(bundles):
            for spec in bundle.tags:
                ensure_tag(spec)
            for imported in bundle.documents:
                _drop_foreign_ids(imported)
                try:
                    text = stored_text(imported.text, carries_offsets=bool(imported.annotations))
                except UnstorableText as exc:
                    raise FormatError(f"'{imported.title}': {exc}") from exc
                sha = sha256_text(text)
                doc_id = None
                if imported.id and (existing := repo.get_document(s, imported.id)) is not None:
                    doc_id = imported.id if existing.sha256 == sha else None
                if doc_id is None:
                    doc_id = repo.find_document_by_sha256(s, sha)
                # A file made before a revision of one of our documents: its annotations
                # follow that document's text as the revision's own did.
                follow = None
                if doc_id is None and (version := repo.find_version_by_sha256(s, sha)) is not None:
                    current = repo.get_document(s, version.document_id)
                    if current is not None:
                        doc_id = current.id
                        follow = (version, Reanchorer(text, current.text), current.text)
                is_new = doc_id is None
                if is_new:
                    taken = imported.id and repo.get_document(s, imported.id) is not None
                    doc_id = new_id() if (not imported.id or taken) else imported.id
                    repo.insert_document(
                        s, Document(doc_id, imported.title, text, sha, dict(imported.metadata), utc_now())
                    )
                    created_docs.append(doc_id)
                result.documents.append(ImportedRow(doc_id, imported.title, is_new))
                # An id counts as already imported only in this document (orphans included). The
                # same id on another document is another annotation (a hand-edited export, a text
                # changed in another library): it gets a fresh id, like an annotation without one
                # (brat, CSV-like, other tools' ids), and is matched on what it carries instead,
                # so importing the same file again adds nothing and nothing is silently dropped.
                rows = [] if is_new else repo.anchored_annotations_of(s, doc_id)
                in_document = {a.id for a, _ in rows}
                present = {(a.tag_id, a.start, a.end, a.note) for a, state in rows if state.status != ORPHANED}
                wanted = [a.id for a in imported.annotations if a.id and a.id not in in_document]
                elsewhere = repo.existing_annotation_ids(s, wanted) if wanted else set()
                fresh: list[Annotation] = []
                anchored: list[tuple[Annotation, AnchorState]] = []
                for a in imported.annotations:
                    check_name("coder", a.coder)
                    if a.id in in_document:
                        result.annotations_existing += 1
                        continue
                    keeps_id = a.id is not None and a.id not in elsewhere
                    selector = TextQuoteSelector.from_span(text, a.start, a.end)
                    if a.quote is not None and a.quote != selector.exact:
                        raise FormatError(f"'{imported.title}': an annotation's quote is not text[start:end]")
                    tag = ensure_tag(TagSpec(a.tag, ""))
                    now = utc_now()
                    annotation = Annotation(
                        id=a.id if keeps_id else new_id(), document_id=doc_id, tag_id=tag.id, start=a.start, end=a.end,
                        quote=selector.exact, prefix=selector.prefix, suffix=selector.suffix, note=a.note,
                        coder=a.coder, created=a.created or now, modified=a.modified or a.created or now,
                    )  # fmt: skip
                    state = AnchorState()
                    if follow is not None:
                        annotation, state = _follow_revision(annotation, *follow)
                    if not keeps_id and (tag.id, annotation.start, annotation.end, a.note) in present:
                        result.annotations_existing += 1
                        continue
                    if state.status != UNCHANGED:
                        anchored.append((annotation, state))
                    fresh.append(annotation)
                    in_document.add(annotation.id)
                repo.insert_annotations(s, fresh)
                repo.update_anchors(s, anchored)
                orphaned = {a.id for a, state in anchored if state.status == ORPHANED}
                created_annotations.extend(a for a in fresh if a.id not in orphaned)  # orphans are not placed
                result.annotations_added += len(fresh)
            report(progress, index + 1, len(bundles))
        if set_name and result.documents:
            check_name("set", set_name)
            repo.add_to_set(s, set_name, [d.id for d in result.documents], new_id())
    result.changes = Changes(
        annotations_created=tuple(created_annotations),
        documents_created=tuple(created_docs),
        tags_created=tuple(created_tags),
    )
    return result


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
) -> ImportResult:
    """Import files: read them all, let *trim* decide about boilerplate, then persist in one unit of work.

    Any unreadable file raises :class:`UnreadableFiles` and nothing is imported,
    unless *skip_unreadable*: then the others are imported and the result lists
    the failures. *progress* hears of each file read, then of each one written;
    cancelling through it, or *trim* answering None, raises :class:`Cancelled`
    and nothing is imported.
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

    result = _import_bundles(library, bundles, set_name=set_name, trim=trim, progress=written)
    result.failures = failures
    return result


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
) -> ImportResult:
    """Trim what *trim* says, then persist; nothing read means nothing to do (the library is not opened)."""
    if not bundles:
        return ImportResult()
    for document, cuts in suggest_trims(bundles):
        chosen = trim(document, cuts)
        if chosen is None:
            raise Cancelled("the import was cancelled; nothing was imported")
        if chosen:
            trim_document(document, chosen)
    return persist(opened(library), bundles, set_name=set_name, progress=progress)
