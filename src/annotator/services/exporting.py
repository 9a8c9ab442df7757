"""Services: exporting documents with their annotations through the format registry.

Files are written to a temporary file beside the target, flushed to disk and
then renamed over it, so an interrupted export never leaves a partial file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from annotator import __version__
from annotator.core.model import utc_now
from annotator.formats.base import ExportBundle, FormatError
from annotator.formats.registry import format_by_id
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work


def build_bundle(library: Library, document_ids: Sequence[str] | None = None) -> ExportBundle:
    """The codebook and the given documents (all when None) with their annotations."""
    with unit_of_work(library.engine) as s:
        if document_ids is None:
            document_ids = [d.id for d in repo.document_summaries(s)]
        docs = []
        for doc_id in dict.fromkeys(document_ids):
            doc = repo.get_document(s, doc_id)
            if doc is None:
                raise LookupError(f"there is no document '{doc_id}' in this library")
            docs.append(doc)
        annotations = repo.annotations_of(s, [d.id for d in docs])
        tags = repo.list_tags(s)
    return ExportBundle(
        tags=tags,
        documents=[(d, annotations[d.id]) for d in docs],
        generator=f"annotator {__version__}",
        exported_at=utc_now(),
    )


def export(library: Library, out: BinaryIO, *, format_id: str = "json", document_ids: Sequence[str] | None = None) -> int:
    """Write the export to a binary stream; returns how many documents it holds."""
    fmt = format_by_id(format_id)
    if fmt.writer is None:
        raise FormatError(f"format '{fmt.id}' can be imported but not exported")
    bundle = build_bundle(library, document_ids)
    fmt.writer(bundle, out)
    return len(bundle.documents)


def export_to_path(
    library: Library, path: str | os.PathLike[str], *, format_id: str = "json", document_ids: Sequence[str] | None = None
) -> int:
    """Export to a file atomically (temporary file, fsync, rename)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            count = export(library, out, format_id=format_id, document_ids=document_ids)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
