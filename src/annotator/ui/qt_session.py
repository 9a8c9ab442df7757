"""UI: the open library as the widgets see it, and the user's intents as undo commands.

:class:`QtLibrarySession` owns the :class:`~annotator.services.Library`, the
document being read and its annotations. User intents (tag this span, delete
that annotation...) become QUndoCommands pushed on one undo stack; commands call
back into :meth:`QtLibrarySession.run`, which calls a service, and broadcasts
the returned :class:`~annotator.services.Changes` so each widget redraws only
what changed. A failed service call is reported and the command is dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Annotation, Document, InvalidInput, Tag
from annotator.core.selectors import SpanError
from annotator.formats.base import FormatError
from annotator.core.anchoring import FUZZY, ORPHANED, AnchorState
from annotator.services import Changes, Library, revising
from annotator.storage.engine import LibraryError
from annotator.ui.qt_commands import CreateAnnotationCommand, DeleteAnnotationCommand, UpdateAnnotationCommand

#: Errors a service reports to the user rather than crashing the app.
USER_ERRORS = (LibraryError, SpanError, InvalidInput, LookupError, FormatError, OSError)


class QtLibrarySession(QObject):
    """UI: the open library, the current document, and the undo stack."""

    documentOpened = Signal(object)  # Document | None
    annotationsChanged = Signal(object)  # Changes
    libraryChanged = Signal()  # documents added/removed or counts changed
    errorRaised = Signal(str)
    saved = Signal(str)  # a short description of what was just committed
    refused = Signal(str, str)  # why an intent was not carried out, and the annotation it concerns

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.tags: list[Tag] = library.tags()
        self.document: Document | None = None
        self.annotations: dict[str, Annotation] = {}
        self.tag_counts: Counter[str] = Counter()  # tag id -> annotations in the current document
        self.fuzzy: set[str] = set()  # annotations placed on changed text by a revision, awaiting review
        self.anchor_states: dict[str, AnchorState] = {}  # how revisions left annotations (not "unchanged")
        self.orphans: list[Annotation] = []  # annotations a revision left without a place

    # -- reading -------------------------------------------------------------------------------

    def tag(self, tag_id: str) -> Tag | None:
        return next((t for t in self.tags if t.id == tag_id), None)

    def open_document(self, document_id: str | None) -> bool:
        """Load a document and its annotations; None closes the current one."""
        if document_id is None:
            self.document, self.annotations = None, {}
            self.tag_counts = Counter()
            self.documentOpened.emit(None)
            return True
        try:
            document = self.library.document(document_id)
            annotations = self.library.annotations(document_id)
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
            return False
        self.document = document
        self.annotations = {a.id: a for a in annotations}
        self.tag_counts = Counter(a.tag_id for a in annotations)
        self._load_anchor_states()
        self.documentOpened.emit(document)
        return True

    def refresh_tags(self) -> None:
        self.tags = self.library.tags()

    def _load_anchor_states(self) -> None:
        if self.document is None:
            self.fuzzy, self.orphans, self.anchor_states = set(), [], {}
            return
        try:
            states = revising.anchor_states(self.library, self.document.id)
            self.orphans = []
            if any(state.status == ORPHANED for state in states.values()):  # only revised documents have any
                self.orphans = [a for a, _version in revising.orphans(self.library, self.document.id)]
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
            states, self.orphans = {}, []
        self.anchor_states = states
        self.fuzzy = {i for i, state in states.items() if state.status == FUZZY}

    def reload(self) -> None:
        """Read the current document and the tags again (another program changed the library)."""
        self.refresh_tags()
        document_id = self.document.id if self.document else None
        self.document = None
        self.open_document(document_id)

    def replace_library(self, library: Library) -> None:
        """Work on another open library (after a restore); the undo history refers to the old one."""
        self.undo_stack.clear()
        self.library = library
        self.document, self.annotations = None, {}
        self.refresh_tags()

    # -- writing -------------------------------------------------------------------------------

    def run(self, action: Callable[[], Changes], saved_message: str = "Saved") -> Changes | None:
        """Call a service; broadcast what it changed, or report why it failed (None)."""
        try:
            changes = action()
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
            return None
        self.apply(changes)
        self.saved.emit(saved_message)
        return changes

    def apply(self, changes: Changes) -> None:
        """Bring the session up to date with *changes* and tell the widgets."""
        if changes.tags_created:
            self.refresh_tags()
        touched = {
            a.document_id
            for group in (changes.annotations_created, changes.annotations_updated, changes.annotations_deleted)
            for a in group
        }
        if self.document is not None and touched and self.document.id not in touched and len(touched) == 1:
            # An undo or redo of an edit in another document: show that document.
            self.open_document(touched.pop())
            self.libraryChanged.emit()
            return
        current = self.document.id if self.document else None
        for a in (*changes.annotations_deleted, *changes.annotations_updated):
            gone = self.annotations.pop(a.id, None)
            if gone is not None:
                self.tag_counts[gone.tag_id] -= 1
        for a in (*changes.annotations_created, *changes.annotations_updated):
            if a.document_id == current:
                self.annotations[a.id] = a
                self.tag_counts[a.tag_id] += 1
        self.annotationsChanged.emit(changes)
        self.libraryChanged.emit()

    # -- intents (each one undoable) -------------------------------------------------------------

    def tag_span(self, tag_id: str, start: int, end: int) -> None:
        """Tag code points [start, end) of the current document, unless that annotation exists already."""
        if self.document is None:
            return
        existing = self.duplicate_of(tag_id, start, end)
        if existing is not None:
            # An exact copy says nothing new and would double the counts in every export.
            tag = self.tag(tag_id)
            self.refused.emit(f"This text is already tagged {tag.name if tag else 'so'}.", existing.id)
            return
        self.undo_stack.push(CreateAnnotationCommand(self, self.document.id, tag_id, start, end))

    def duplicate_of(self, tag_id: str, start: int, end: int, coder: str = "") -> Annotation | None:
        """The loaded annotation with this tag, span and coder ("" is this window's), if there is one."""
        return next(
            (a for a in self.annotations.values()
             if a.start == start and a.end == end and a.tag_id == tag_id and a.coder == coder),
            None,
        )  # fmt: skip

    def retag(self, annotation_id: str, tag_id: str) -> None:
        current = self.annotations.get(annotation_id)
        if current is not None and current.tag_id != tag_id:
            self.undo_stack.push(UpdateAnnotationCommand(self, current, tag_id=tag_id))

    def set_note(self, annotation_id: str, note: str) -> None:
        current = self.annotations.get(annotation_id)
        if current is not None and current.note != note:
            self.undo_stack.push(UpdateAnnotationCommand(self, current, note=note))

    # -- revisions (not on the undo stack: a revision keeps the old text as a version) ----------

    def revise(self, new_text: str, note: str = "") -> revising.RevisionResult | None:
        """Replace the current document's text; annotations follow it. None if refused."""
        if self.document is None:
            return None
        try:
            result = revising.revise_document(
                self.library, document_id=self.document.id, new_text=new_text, note=note
            )
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
            return None
        self.undo_stack.clear()  # earlier edits refer to offsets in the old text
        self.reload()
        self.libraryChanged.emit()
        self.saved.emit("Saved the new version")
        return result

    def accept_placements(self, annotation_ids: list[str]) -> None:
        """A person agrees with where a revision placed these (fuzzy) annotations."""
        chosen = [i for i in annotation_ids if i in self.fuzzy]
        if chosen and self.run(lambda: revising.accept_fuzzy(self.library, annotation_ids=chosen)) is not None:
            self.fuzzy -= set(chosen)
            self.annotationsChanged.emit(Changes())

    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        """Place an orphan (or a fuzzy annotation) on text the user selected."""
        changes = self.run(
            lambda: revising.reattach_orphan(self.library, annotation_id=annotation_id, start=start, end=end)
        )
        if changes is not None:
            self.undo_stack.clear()
            self.reload()

    def delete(self, annotation_ids: list[str]) -> None:
        targets = [self.annotations[i] for i in annotation_ids if i in self.annotations]
        if not targets:
            return
        if len(targets) == 1:
            self.undo_stack.push(DeleteAnnotationCommand(self, targets[0]))
            return
        self.undo_stack.beginMacro(f"Delete {len(targets)} annotations")
        for annotation in targets:
            self.undo_stack.push(DeleteAnnotationCommand(self, annotation))
        self.undo_stack.endMacro()


def _message(exc: BaseException) -> str:
    if isinstance(exc, LookupError) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)
