"""Services: exporting documents with their annotations through the format registry.

Files are written to a temporary file beside the target, flushed to disk and
then renamed over it, so an interrupted or cancelled export never leaves a
partial file. A symbolic link is followed (the temporary file is made beside
the file it names, which is replaced; the link stays). A new file gets the mode
the user's umask gives (as any program's output does); a replaced file keeps
its permission bits, and a read-only one is refused. Only a regular file is
replaced that way: a FIFO, a pipe (``>(cmd)``), ``/dev/stdout``, ``/dev/null``
or a terminal is written straight into and stays what it is, and a disk (block
device) is never written. An export never replaces the library it reads, its
journal files or a backup (:func:`check_target`). An export can keep only some
tags or coders (:class:`ExportFilter`).
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import zipfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from annotator import __version__
from annotator.core import codebook as cb
from annotator.core.coders import BLIND_KEY, BLIND_ON
from annotator.core.errors import NotFound
from annotator.core.model import Annotation, Tag, nfc, utc_now
from annotator.formats.base import ExportBundle, ExportedDocument, FormatError
from annotator.formats.registry import writer_by_id
from annotator.formats.safety import check_member_name
from annotator.services.backups import library_file
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.storage import attributes as attribute_store
from annotator.storage import journal as journal_store
from annotator.storage import library_dump
from annotator.storage import repository as repo
from annotator.storage.backup_files import backups_dir
from annotator.storage.uow import reading

#: SQLite's companions of a library file: losing one loses committed edits.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Services: which annotations an export keeps (None keeps all): by tag name (*tags*: every
    tag of that name), by tag id (*tag_ids*: those tags and, with *subtags*, every tag inside
    them, as a researcher exporting a parent code expects its sub-codes) and by coder."""

    tags: frozenset[str] | None = None
    coders: frozenset[str] | None = None
    tag_ids: frozenset[str] | None = None
    subtags: bool = True

    def __post_init__(self) -> None:
        if self.coders is not None:  # "José" typed either way finds both
            object.__setattr__(self, "coders", frozenset(nfc(c).strip() for c in self.coders))

    def kept_tag_ids(self, tags: Sequence[Tag]) -> set[str] | None:
        """The ids of the tags whose annotations are kept, of *tags* (None: all); a name or id
        that is not a tag is :class:`NotFound`."""
        kept: set[str] | None = None
        if self.tags is not None:
            if unknown := self.tags - {t.name for t in tags}:
                raise NotFound(f"there is no tag {', '.join(sorted(unknown))!r} in this library")
            kept = {t.id for t in tags if t.name in self.tags}
        if self.tag_ids is not None:
            if unknown := self.tag_ids - {t.id for t in tags}:
                raise NotFound(f"there is no tag with id {', '.join(sorted(unknown))!r} in this library")
            chosen = set(self.tag_ids)
            if self.subtags:
                for tag_id in self.tag_ids:
                    chosen |= cb.descendants(tags, tag_id)
            kept = chosen if kept is None else kept & chosen
        return kept

    def keeps(self, annotation: Annotation, kept_tag_ids: set[str] | None) -> bool:
        if kept_tag_ids is not None and annotation.tag_id not in kept_tag_ids:
            return False
        return self.coders is None or nfc(annotation.coder) in self.coders


def build_bundle(
    library: Library,
    document_ids: Sequence[str] | None = None,
    *,
    keep: ExportFilter | None = None,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
    whole_library: bool = False,
) -> ExportBundle:
    """The codebook and the given documents (all when None) with their (filtered) annotations.

    Every bundle holds the attribute definitions and each document's values, and the
    library's sets (their members among the documents exported; with some documents
    only, the sets that hold one of them). With *whole_library* (a writer that
    ``carries_library``) it holds also each document's previous texts, orphans and
    anchor states, and the journal.
    """
    extras: dict[str, Any] = {}
    with reading(library.engine) as s:  # one snapshot: no revision between a text and its offsets
        everything = document_ids is None
        if document_ids is None:
            document_ids = [d.id for d in repo.document_summaries(s)]
        wanted = list(dict.fromkeys(document_ids))
        tags = repo.list_tags(s)
        kept = keep.kept_tag_ids(tags) if keep is not None else None
        attributes = attribute_store.list_attributes(s)
        values = attribute_store.attribute_values(s, wanted)
        if whole_library:
            versions = library_dump.versions(s, wanted)
            orphans = library_dump.orphans(s, wanted, versions)
            anchors = library_dump.anchor_states(s, wanted)
            extras = {"journal": journal_store.entries(s)}
        exported = set(wanted)
        sets = []
        for found in attribute_store.list_sets(s):
            members = tuple(d for d in found.document_ids if d in exported)
            if everything or members:
                sets.append(replace(found, document_ids=members))
        extras["sets"] = sets
        extras["blind_coding"] = repo.get_state(s, BLIND_KEY) == BLIND_ON
        documents = []
        for done, doc_id in enumerate(wanted, 1):
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise NotFound(f"there is no document '{doc_id}' in this library")
            annotations = repo.annotations_of(s, [doc_id])[doc_id]
            if keep is not None:
                annotations = [a for a in annotations if keep.keeps(a, kept)]
            own = values[doc_id]
            named = {a.name: own[a.id] for a in attributes if a.id in own}
            if whole_library:
                placeless = orphans[doc_id]
                if keep is not None:
                    placeless = [o for o in placeless if keep.keeps(o.annotation, kept)]
                documents.append(
                    ExportedDocument(
                        doc, annotations, named, anchors=anchors[doc_id], orphans=placeless, versions=versions[doc_id]
                    )
                )
            else:
                documents.append(ExportedDocument(doc, annotations, named))
            report(progress, done, len(wanted))
    return ExportBundle(
        tags=tags,
        documents=documents,
        generator=f"annotator {__version__}",
        exported_at=utc_now(),
        options=dict(options or {}),
        attributes=attributes,
        **extras,
    )


def export(
    library: Library,
    out: BinaryIO,
    *,
    format_id: str = "json",
    document_ids: Sequence[str] | None = None,
    keep: ExportFilter | None = None,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the export to a binary stream; returns how many documents it holds."""
    fmt = writer_by_id(format_id)
    bundle = build_bundle(
        library, document_ids, keep=keep, options=options, progress=progress, whole_library=fmt.carries_library
    )
    assert fmt.writer is not None
    fmt.writer(bundle, out)
    return len(bundle.documents)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # a hard link to the file, too
    except (OSError, ValueError):
        return False


def check_target(library: Library, target: Path) -> None:
    """Refuse (:class:`FormatError`) to export onto *library*'s own file, its ``-wal``,
    ``-shm`` or ``-journal``, or anything in its backups folder.

    Paths are compared resolved (a symbolic link to the library counts) and, for
    files that exist, as files (a hard link counts too).
    """
    library_path = library_file(library)
    if library_path is None:  # a server database: no file of ours to overwrite
        return
    resolved = target.resolve()
    for own in (library_path, *(Path(f"{library_path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        if resolved == own.resolve() or _same_file(target, own):
            what = "the library's own file" if own == library_path else f"part of the library ({own.name})"
            raise FormatError(f"{target} is {what}; an export never replaces it, choose another file name")
    folder = backups_dir(library_path).resolve()
    in_backups = resolved == folder or folder in resolved.parents
    if not in_backups and target.exists() and folder.is_dir():
        in_backups = any(_same_file(target, backup) for backup in folder.iterdir())
    if in_backups:
        raise FormatError(f"{target} is in the library's backups folder ({folder}); choose another place")


def _create_beside(target: Path, suffix: str, make: Callable[[str], _T]) -> tuple[Path, _T]:
    """A new, hidden name beside *target* made with *make* (which must fail if it exists)."""
    for _ in range(100):
        candidate = target.parent / f".{target.name}.{secrets.token_hex(4)}{suffix}"
        try:
            return candidate, make(str(candidate))
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _new_file(path: str) -> int:
    # Mode 0666 less the umask, as a shell redirection would make it (mkstemp would give 0600).
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)


def _new_folder(path: str) -> None:
    os.mkdir(path, 0o777)  # less the umask (mkdtemp would give 0700)


def _through_links(target: Path) -> Path | None:
    """The file a symbolic link at *target* finally names (*target* itself if it is no link), or
    None if the way there passes through ``/proc`` (``/dev/stdout``, ``/dev/fd/N``: a file this
    program was handed open, to be written into, not replaced)."""
    path = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on links followed
        path = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        if path == "/proc" or path.startswith("/proc/"):
            return None
        if not os.path.islink(path):
            return Path(path)
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(target))


def export_to_path(
    library: Library,
    path: str | os.PathLike[str],
    *,
    format_id: str = "json",
    document_ids: Sequence[str] | None = None,
    keep: ExportFilter | None = None,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> int:
    """Export to a file atomically (temporary file, fsync, rename); returns the document count.

    A format that writes an archive (brat) goes to a folder at *path* unless
    *path* ends in ``.zip``; the folder is filled under a temporary name and
    renamed into place, and an existing non-empty folder is never overwritten.
    A symbolic link is followed: the file it names is replaced (the temporary
    file is made beside that file) and the link stays a link. A file that is
    replaced keeps its permission bits (and, where allowed, its owner); a file
    with no write permission is refused as read-only. An existing FIFO, pipe or
    character device at *path*, or a file handed over as ``/dev/stdout`` or
    ``/dev/fd/N``, is written straight into, never replaced; a block device or
    socket is refused, as are the library's own files (:func:`check_target`).
    """
    fmt = writer_by_id(format_id)
    options = fmt.options_named(os.fspath(path), dict(options or {}))
    settings: dict[str, Any] = {
        "format_id": format_id, "document_ids": document_ids, "keep": keep, "options": options, "progress": progress,
    }  # fmt: skip
    return write_to_path(library, path, lambda out: export(library, out, **settings), archive=fmt.writes_archive)


def write_to_path(
    library: Library, path: str | os.PathLike[str], write: Callable[[BinaryIO], _T], *, archive: bool = False
) -> _T:
    """Write a file at *path* with *write* the way :func:`export_to_path` writes an export (the
    library's own files refused, a temporary file renamed over *path*, links followed, a FIFO
    written into); returns what *write* returns. *archive*: *write* makes a ZIP, which goes to
    a new folder at *path* unless *path* ends in ``.zip``."""
    check_target(library, Path(path))
    try:
        existing: os.stat_result | None = os.stat(path)  # follows links: /dev/stdout is a link to the real thing
    except FileNotFoundError:
        existing = None
    mode = existing.st_mode if existing is not None else None
    # A FIFO, a pipe or a character device: the reader (or the device) takes the bytes as they come.
    write_into = mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
    target = Path(path)
    if not write_into:
        final = _through_links(target)
        if final is not None:
            if target.is_symlink():
                target = final  # what a link names is replaced, not the link
        elif mode is not None and stat.S_ISREG(mode):
            write_into = True  # a file handed over open (`-o /dev/stdout > file`): never replaced
    as_folder = archive and target.suffix.lower() != ".zip"
    if as_folder and mode is not None and (not stat.S_ISDIR(mode) or any(target.iterdir())):
        raise FormatError(f"{target} already exists and is not an empty folder; choose a new folder name")
    if write_into:
        if mode is not None and (stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)):
            raise FormatError(f"{target} is a {'disk' if stat.S_ISBLK(mode) else 'socket'}, not a file to export to")
        with open(path, "wb") as out:
            return write(out)
    if mode is not None and stat.S_ISDIR(mode) and not as_folder:
        raise FormatError(f"{target} is a folder; give the name of a file to export to")
    if existing is not None and stat.S_ISREG(existing.st_mode):
        shown = f"{path} (a link to {target})" if Path(path).is_symlink() else str(path)
        if not existing.st_mode & 0o222:
            raise FormatError(f"{shown} is read-only; nothing was exported (choose another file name)")
        if not os.access(target, os.W_OK):
            raise FormatError(f"you may not write {shown}; nothing was exported (choose another file name)")
    if not target.parent.is_dir():
        what = "is not a folder" if target.parent.exists() else "does not exist"
        raise FormatError(f"cannot export to {target}: the folder {target.parent} {what}")
    tmp, fd = _create_beside(target, ".part", _new_file)
    try:
        with os.fdopen(fd, "wb") as out:
            if existing is not None and stat.S_ISREG(existing.st_mode):
                _keep_owner_and_mode(out.fileno(), existing)
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        if as_folder:
            _unpack_into_new_folder(tmp, target)
        else:
            os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _keep_owner_and_mode(fd: int, existing: os.stat_result) -> None:
    """Give the file replacing *existing* its permission bits, and its owner and group where
    this user may (root may; a user may keep a group they belong to)."""
    with suppress(OSError):
        os.fchown(fd, existing.st_uid, existing.st_gid)
    os.fchmod(fd, stat.S_IMODE(existing.st_mode) & 0o777)


def _unpack_into_new_folder(archive: Path, target: Path) -> None:
    staging, _ = _create_beside(target, "", _new_folder)
    try:
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                check_member_name(name)
            zf.extractall(staging)
        if target.exists():
            target.rmdir()  # checked empty above
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
