"""Services: the value every use case returns, saying what it changed."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Annotation, Tag


@dataclass(frozen=True, slots=True)
class Changes:
    """Services: what one use case changed; annotations as they are after the change.

    ``annotations_deleted`` holds the annotations as they were before deletion,
    which is what an undo needs to restore them.
    """

    annotations_created: tuple[Annotation, ...] = ()
    annotations_updated: tuple[Annotation, ...] = ()
    annotations_deleted: tuple[Annotation, ...] = ()
    documents_created: tuple[str, ...] = ()
    tags_created: tuple[Tag, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.annotations_created
            or self.annotations_updated
            or self.annotations_deleted
            or self.documents_created
            or self.tags_created
        )
