"""Services: exporting documents with their annotations through the format registry.

Files are written to a temporary file beside the target, flushed to disk and
then renamed over it, so an interrupted or cancelled export never leaves a
partial file. An export can keep only some tags or coders (:class:`ExportFilter`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from annotator import __version__
from annotator.core.model import Annotation, utc_now
from annotator.formats.base import ExportBundle, Format, FormatError
from annotator.formats.registry import format_by_id
from annotator.formats.safety import check_member_name
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Services: which annotations an export keeps: by tag name and by coder (None keeps all)."""

    tags: frozenset[str] | None = None
    coders: frozenset[str] | None = None

    def keeps(self, annotation: Annotation, tag_names: dict[str, str]) -> bool:
        if self.tags is not None and tag_names.get(annotation.tag_id) not in self.tags:
            return False
        return self.coders is None or annotation.coder in self.coders


def build_bundle(
    library: Library,
    document_ids: Sequence[str] | None = None,
    *,
    keep: ExportFilter | None = None,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ExportBundle:
    """The codebook and the given documents (all when None) with their (filtered) annotations."""
    with unit_of_work(library.engine) as s:
        if document_ids is None:
            document_ids = [d.id for d in repo.document_summaries(s)]
        wanted = list(dict.fromkeys(document_ids))
        tags = repo.list_tags(s)
        names = {t.id: t.name for t in tags}
        if keep is not None and keep.tags is not None and (unknown := keep.tags - set(names.values())):
            raise LookupError(f"there is no tag {', '.join(sorted(unknown))!r} in this library")
        documents = []
        for done, doc_id in enumerate(wanted, 1):
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise LookupError(f"there is no document '{doc_id}' in this library")
            annotations = repo.annotations_of(s, [doc_id])[doc_id]
            if keep is not None:
                annotations = [a for a in annotations if keep.keeps(a, names)]
            documents.append((doc, annotations))
            report(progress, done, len(wanted))
    return ExportBundle(
        tags=tags,
        documents=documents,
        generator=f"annotator {__version__}",
        exported_at=utc_now(),
        options=dict(options or {}),
    )


def _writer(format_id: str) -> Format:
    fmt = format_by_id(format_id)
    if fmt.writer is None:
        raise FormatError(f"format '{fmt.id}' can be imported but not exported")
    return fmt


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
    fmt = _writer(format_id)
    bundle = build_bundle(library, document_ids, keep=keep, options=options, progress=progress)
    assert fmt.writer is not None
    fmt.writer(bundle, out)
    return len(bundle.documents)


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
    """
    fmt = _writer(format_id)
    target = Path(path)
    as_folder = fmt.writes_archive and target.suffix.lower() != ".zip"
    if as_folder and target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FormatError(f"{target} already exists and is not an empty folder; choose a new folder name")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            count = export(
                library, out, format_id=format_id, document_ids=document_ids, keep=keep, options=options,
                progress=progress,
            )  # fmt: skip
            out.flush()
            os.fsync(out.fileno())
        if as_folder:
            _unpack_into_new_folder(Path(tmp), target)
        else:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return count


def _unpack_into_new_folder(archive: Path, target: Path) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
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
