"""Services: the value every use case returns, saying what it changed."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Annotation, Tag


@dataclass(frozen=True, slots=True)
class Changes:
    """Services: what one use case changed; annotations as they are after the change.

    ``annotations_deleted`` holds the annotations as they were before deletion,
    which is what an undo needs to restore them. ``documents_revised`` are
    documents whose text was replaced: offsets into the old text mean nothing
    now, so a view shows them again whole. ``library_reloaded`` says anything may
    have changed (a backup was restored): a view reads the whole library again.
    """

    annotations_created: tuple[Annotation, ...] = ()
    annotations_updated: tuple[Annotation, ...] = ()
    annotations_deleted: tuple[Annotation, ...] = ()
    documents_created: tuple[str, ...] = ()
    documents_revised: tuple[str, ...] = ()
    tags_created: tuple[Tag, ...] = ()
    library_reloaded: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.annotations_created
            or self.annotations_updated
            or self.annotations_deleted
            or self.documents_created
            or self.documents_revised
            or self.tags_created
            or self.library_reloaded
        )
