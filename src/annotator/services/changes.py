"""Services: the value every use case returns, saying what it changed."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.anchoring import AnchorState
from annotator.core.model import Annotation, Tag


@dataclass(frozen=True, slots=True)
class Changes:
    """Services: what one use case changed; annotations as they are after the change.

    ``annotations_deleted`` holds the annotations as they were before deletion,
    which is what an undo needs to restore them. ``documents_revised`` are
    documents whose text was replaced: offsets into the old text mean nothing
    now, so a view shows them again whole. ``library_reloaded`` says anything may
    have changed (a backup was restored): a view reads the whole library again.

    ``anchor_states`` says how revisions had left those annotations of
    ``annotations_created``, ``annotations_updated`` and ``annotations_deleted``
    that are not plain "unchanged" (moved; fuzzy, awaiting review; orphaned, with
    span and quote pointing into a previous version's text), as (annotation id,
    state) pairs. The codebook's services and those of
    :mod:`~annotator.services.annotating` fill it (an annotation they do not name
    there is "unchanged"); a revision's states are in its ``RevisionResult``. An
    undo that puts deleted annotations back passes these on (see
    ``services.codebook.restore_tags``), and a view never takes an orphan for a
    placed annotation.
    """

    annotations_created: tuple[Annotation, ...] = ()
    annotations_updated: tuple[Annotation, ...] = ()
    annotations_deleted: tuple[Annotation, ...] = ()
    # The annotations of annotations_updated as they were before, where the window cannot know
    # them (a merge or a tag's delete moves annotations of documents it does not show): for undo.
    annotations_before: tuple[Annotation, ...] = ()
    documents_created: tuple[str, ...] = ()
    documents_revised: tuple[str, ...] = ()
    tags_created: tuple[Tag, ...] = ()
    tags_updated: tuple[Tag, ...] = ()  # as they are now (renamed, recoloured, moved, new key ...)
    # The tags of tags_updated as they were before, read in the same transaction (a window's own
    # copy may be older than another program's last commit): what an undo gives back.
    tags_before: tuple[Tag, ...] = ()
    tags_deleted: tuple[Tag, ...] = ()  # as they were
    documents_updated: tuple[str, ...] = ()  # title, memo or attributes changed, not the text
    documents_deleted: tuple[str, ...] = ()
    sets_changed: bool = False  # a set was made, renamed or deleted, or its members changed
    attributes_changed: bool = False  # an attribute was defined, changed or deleted
    journal_changed: bool = False
    saved_searches_changed: bool = False  # a saved search was saved, renamed or deleted
    library_reloaded: bool = False
    anchor_states: tuple[tuple[str, AnchorState], ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.annotations_created
            or self.annotations_updated
            or self.annotations_deleted
            or self.documents_created
            or self.documents_revised
            or self.tags_created
            or self.tags_updated
            or self.tags_deleted
            or self.documents_updated
            or self.documents_deleted
            or self.sets_changed
            or self.attributes_changed
            or self.journal_changed
            or self.saved_searches_changed
            or self.library_reloaded
        )
