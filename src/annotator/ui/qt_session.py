"""UI: the open library as the widgets see it, and the user's intents as undo commands.

:class:`QtLibrarySession` owns the :class:`~annotator.services.Library`, the
document being read and its annotations. User intents (tag this span, delete
that annotation...) become QUndoCommands pushed on one undo stack; commands call
back into :meth:`QtLibrarySession.run`, which calls a service, and broadcasts
the returned :class:`~annotator.services.Changes` so each widget redraws only
what changed. A failed service call is reported and the command is dropped.
Whatever a use case changed (an edit, an import, a revision, a restore, another
program's commit) reaches the widgets through one method, :meth:`QtLibrarySession.apply`.

Another program may change the library at any moment. Every edit tells the
service what it was based on (the SHA-256 of the text shown, the annotation as
shown), so an edit made on a stale view is refused (:class:`Conflict`) rather
than stored against an old text or over someone else's change; the session
then shows the library as it is (:meth:`QtLibrarySession.refresh`), which the
window also calls whenever its watcher hears of a commit.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.anchoring import FUZZY, MOVED, ORPHANED, UNCHANGED, AnchorState
from annotator.core.errors import USER_ERRORS as USER_ERRORS  # the window's modules import it from here
from annotator.core.errors import TagNotFound
from annotator.core.model import Annotation, Conflict, Document, Tag
from annotator.services import Changes, Library, coders, revising, watching
from annotator.services import codebook as codebook_service
from annotator.services.annotating import REVISED
from annotator.ui.qt_codebook_commands import TagEditCommand
from annotator.ui.qt_commands import (
    CreateAnnotationCommand,
    DeleteAnnotationCommand,
    DeleteDocumentCommand,
    UpdateAnnotationCommand,
    UpdateDocumentCommand,
)

#: What a use case returns: :class:`Changes`, or a result that carries them as ``changes``.
Outcome = TypeVar("Outcome")

#: Library state: the document open when the library was last left.
LAST_DOCUMENT_KEY = "last_document"

#: Why an edit was refused when the document itself went away meanwhile.
DOCUMENT_DELETED = QT_TRANSLATE_NOOP(
    "QtLibrarySession", "the document was deleted in another program since it was shown here; nothing was saved"
)


def position_key(document_id: str) -> str:
    """Library state: where the reader was in a document (the code point at the top of the view)."""
    return f"position:{document_id}"


class QtLibrarySession(QObject):
    """UI: the open library, the current document, and the undo stack."""

    documentOpened = Signal(object)  # Document | None
    annotationsChanged = Signal(object)  # Changes
    libraryChanged = Signal()  # documents added/removed or counts changed
    documentsChanged = Signal()  # documents added, renamed or deleted: the library list reads them now
    documentUpdated = Signal(object)  # the open Document's title or memo changed (not its text)
    journalChanged = Signal()  # a journal entry was added, edited or deleted
    libraryReloaded = Signal()  # anything may have changed (a restore): every view reads the library again
    tagsChanged = Signal()  # tags added (an import), or added, renamed or recoloured by another program
    orphansChanged = Signal()  # the open document's orphans are not those shown
    setsChanged = Signal()  # a set was made, renamed or deleted, or who is in one changed
    attributesChanged = Signal()  # attribute definitions, or documents' values of them, changed
    # A poll found commits (another program's, or this window's own): views of what a poll does
    # not compare (sets, attributes) read again now, not on every libraryChanged of an edit.
    refreshed = Signal()
    errorRaised = Signal(str)
    saved = Signal(str)  # a short description of what was just committed
    refused = Signal(str, str)  # why an intent was not carried out, and the annotation it concerns
    createdHere = Signal(str)  # this window tagged a span (not another program): the new annotation's id
    blindChanged = Signal(bool)  # blind coding was turned on or off (here, or by another program)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.tags: list[Tag] = library.tags()
        self.document: Document | None = None
        self.annotations: dict[str, Annotation] = {}
        self.tag_counts: Counter[str] = Counter()  # tag id -> annotations in the current document
        self.fuzzy: set[str] = (
            set()
        )  # annotations placed on changed text by a revision, awaiting review (kept as one set)
        self.anchor_states: dict[str, AnchorState] = {}  # how revisions left annotations (not "unchanged")
        self.orphans: list[Annotation] = []  # annotations a revision left without a place
        #: The name stamped as ``coder`` on what this window annotates (the window asks for it once).
        self.coder_name: Callable[[], str] = lambda: ""
        #: The user's coder name as it stands, never asking for it (what blind coding shows).
        self.me: Callable[[], str] = lambda: ""
        #: The library is coded blind: the window shows only the user's own annotations.
        self.blind = False
        self._update_blind()
        # What failed in the user's current intent (one key press may make several service calls,
        # e.g. a macro's steps): said once, and the view refreshed once, when the intent ends.
        self._acting = 0  # how many of the session's own intents are running (they may nest)
        self._conflicts: list[str] = []  # edits refused as based on what another program changed
        self._failures: list[str] = []  # other failures
        # Undo and Redo run commands from the undo stack itself, not from an intent: what they
        # refused is settled just after, once the stack is done with the command.
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle)

    # -- reading -------------------------------------------------------------------------------

    def tag(self, tag_id: str) -> Tag | None:
        return next((t for t in self.tags if t.id == tag_id), None)

    def open_document(self, document_id: str | None) -> bool:
        """Load a document and its annotations; None closes the current one. False if it cannot be read."""
        try:
            self._show_document(document_id)
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
            return False
        return True

    def _show_document(self, document_id: str | None) -> None:
        """Read a document, its annotations and how revisions left them, and show it (None: show none).

        Raises what the library raises when it cannot be read; then what was shown stays.
        """
        document: Document | None = None
        annotations: list[Annotation] = []
        states: dict[str, AnchorState] = {}
        orphans: list[Annotation] = []
        if document_id is not None:
            view = self.library.document_view(document_id)  # one snapshot of text, spans and review marks
            document, annotations = view.document, view.annotations
            states, orphans = view.anchor_states, [o.annotation for o in view.orphans]
        self.document = document
        self.annotations = {a.id: a for a in annotations}
        self.tag_counts = Counter(a.tag_id for a in annotations)
        self._set_anchor_states(states, orphans)
        self.documentOpened.emit(document)
        if document is not None:
            self._remember(LAST_DOCUMENT_KEY, document.id)

    # -- where the reader is (kept in the library: each library reopens where it was left) ------

    def last_document_id(self) -> str | None:
        """The document that was open when this library was last left, if any."""
        return self.library.state(LAST_DOCUMENT_KEY)

    def reading_position(self) -> int | None:
        """Where the reader was in the open document: the code point at the top of the view."""
        value = self.library.state(position_key(self.document.id)) if self.document else None
        return int(value) if value and value.isdigit() else None

    def remember_reading_position(self, offset: int) -> None:
        """Keep where the reader is in the open document (*offset*: the code point at the top of the view)."""
        if self.document is not None:
            self._remember(position_key(self.document.id), str(offset))

    def _remember(self, key: str, value: str) -> None:
        with contextlib.suppress(*USER_ERRORS):  # a convenience; an edit's failure is reported where it happens
            # Reopening where it was left writes nothing, so the window's start never waits for
            # the library's quick check, which every write waits for (Library.open).
            if self.library.state(key) != value:
                self.library.set_state(key, value)

    def _read_blind(self) -> bool:
        with contextlib.suppress(*USER_ERRORS):  # unreadable now: the next refresh reads it again
            return coders.blind_coding(self.library)
        return self.blind

    def _update_blind(self) -> bool:
        """Read the blind coding setting again; True (and blindChanged) if it changed."""
        blind = self._read_blind()
        if blind == self.blind:
            return False
        self.blind = blind
        self.blindChanged.emit(blind)
        return True

    def blind_coders(self) -> list[str] | None:
        """While the library is coded blind, the only coder whose annotations may be shown: the
        user ([the name], or [""] with none); None otherwise."""
        return [self.me()] if self.blind else None

    def set_blind(self, on: bool) -> None:
        """Turn blind coding of the library on or off (a setting, not an undo step)."""
        try:
            coders.set_blind_coding(self.library, on)
        except USER_ERRORS as exc:
            self.errorRaised.emit(_message(exc))
        self._update_blind()

    def refresh_tags(self) -> None:
        self.tags = self.library.tags()

    def _read_anchor_states(self, document_id: str) -> tuple[dict[str, AnchorState], list[Annotation]]:
        """How revisions left a document's annotations, and its orphans (one snapshot)."""
        states, orphans = self.library.anchors(document_id)
        return states, [o.annotation for o in orphans]

    def _set_anchor_states(self, states: dict[str, AnchorState], orphans: list[Annotation]) -> None:
        self.anchor_states = states
        self.orphans = orphans
        # Updated in place: the annotation list holds on to the set of fuzzy ids.
        self.fuzzy.clear()
        self.fuzzy.update(i for i, state in states.items() if state.status == FUZZY)

    def reload(self) -> None:
        """Read the current document and the tags again (another program changed the library)."""
        self.refresh_tags()
        document_id = self.document.id if self.document else None
        self.document = None
        self.open_document(document_id)

    def refresh(self) -> bool:
        """Show what other programs changed; True if anything shown changed.

        Tags, the open document's text (a revision elsewhere reloads it whole and
        clears the undo history, whose offsets point into the text replaced) and
        its annotations, added, changed, deleted or orphaned, applied like this
        program's own edits. Counts in the library list follow (libraryChanged).

        Raises what the library raises when it cannot be read (a server gone
        away): nothing was being saved, so the caller says so its own way, and
        the next call compares again from what is shown.
        """
        changed = self._update_blind()
        tags = self.library.tags()
        if tags != self.tags:
            self.tags = tags
            self.tagsChanged.emit()
            changed = True
        document = self.document
        if document is not None:
            delta = watching.document_delta(self.library, document.id, self._shown_stamps())
            if delta.sha256 != document.sha256:  # revised, or deleted (None)
                self._reopen(document.id if delta.sha256 is not None else None)
                changed = True
            elif not delta.empty:
                self._apply_delta(document.id, delta)
                changed = True
        self.libraryChanged.emit()
        self.refreshed.emit()
        return changed

    def _shown_stamps(self) -> dict[str, watching.Stamp]:
        states = self.anchor_states
        stamps = {i: (a.modified, states[i].status if i in states else UNCHANGED) for i, a in self.annotations.items()}
        stamps.update((a.id, (a.modified, ORPHANED)) for a in self.orphans)
        return stamps

    def _apply_delta(self, document_id: str, delta: watching.DocumentDelta) -> None:
        shown_states = {i: state.status for i, state in self.anchor_states.items()}
        placed = {a.id: a for a in delta.annotations if delta.statuses[a.id] != ORPHANED}
        leaving = [*delta.gone, *(i for i, status in delta.statuses.items() if status == ORPHANED)]
        changes = Changes(
            annotations_created=tuple(a for i, a in placed.items() if i not in self.annotations),
            annotations_updated=tuple(a for i, a in placed.items() if i in self.annotations),
            annotations_deleted=tuple(self.annotations[i] for i in leaving if i in self.annotations),
        )
        orphan_ids = {a.id for a in self.orphans}
        if any(shown_states.get(i, UNCHANGED) != status for i, status in delta.statuses.items()) or any(
            i in orphan_ids for i in (*delta.gone, *delta.statuses)
        ):
            self._set_anchor_states(*self._read_anchor_states(document_id))  # before the views redraw
            self.orphansChanged.emit()
        self.apply(changes, foreign=True)

    def _reopen(self, document_id: str | None) -> None:
        """Show a document again whole (its text was revised), or nothing (it was deleted).

        The undo history goes: its offsets point into the text that was replaced.
        Raises what the library raises when it cannot be read.
        """
        self.undo_stack.clear()
        self._show_document(document_id)

    def replace_library(self, library: Library, changes: Changes) -> None:
        """Work on another open library (reopened after a restore), and show what *changes* says changed.

        The undo history goes: it refers to the library as it was.
        """
        self.undo_stack.clear()
        self.library = library
        self._update_blind()
        self.apply(changes)

    # -- writing -------------------------------------------------------------------------------

    def run(self, action: Callable[[], Outcome], saved_message: str | None = None) -> Outcome | None:
        """Call a use case; apply what it changed, or report why it failed (None).

        *action* returns :class:`Changes`, or a result carrying them as ``changes``
        (a revision's). An edit refused because another program changed what it
        was based on is reported, and the views then show what the library holds
        now; both wait until the user's intent (or the undo stack's Undo or Redo)
        has ended, so an intent of many calls says why once (see :meth:`intent`).
        """
        try:
            outcome = action()
        except Conflict as exc:
            self._conflicts.append(_message(exc))
        except USER_ERRORS as exc:
            self._failures.append(self._explained(exc))
        else:
            self.apply(outcome if isinstance(outcome, Changes) else outcome.changes)
            self.saved.emit(self.tr("Saved") if saved_message is None else saved_message)
            return outcome
        if not self._acting:
            self._settle_timer.start()
        return None

    @contextlib.contextmanager
    def intent(self, macro: str | None = None) -> Iterator[None]:
        """One thing the user asked for; with *macro*, its undo commands make one undo step.

        When it ends, what its calls refused or failed is said once, and after a
        refusal (:class:`Conflict`) the views show the library as it is now. Not
        before: showing it may clear the undo stack, which must not happen inside
        a macro or while the stack runs a command.
        """
        self._acting += 1
        if macro is not None:
            self.undo_stack.beginMacro(macro)
        try:
            yield
        finally:
            if macro is not None:
                self._end_macro()
            self._acting -= 1
        if not self._acting:
            self._settle()

    def _end_macro(self) -> None:
        self.undo_stack.endMacro()
        # A macro whose every step was refused did nothing: it leaves no step to undo.
        stack = self.undo_stack
        step = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if step is not None and step.childCount() == 0:
            step.setObsolete(True)
            stack.undo()  # drops an obsolete step without running it

    def _explained(self, exc: BaseException) -> str:
        """Why a use case failed, for the user: a tag this window still shows by name, not by id."""
        if isinstance(exc, TagNotFound) and (tag := self.tag(exc.tag_id)) is not None:
            return self.tr("the tag '{name}' was deleted by another program").format(name=tag.name)
        return _message(exc)

    def _settle(self) -> None:
        """Say why the calls of the intent just ended failed, once; after a refusal, show what is stored now."""
        self._settle_timer.stop()
        conflicts, failures = self._conflicts, self._failures
        self._conflicts, self._failures = [], []
        if conflicts:
            shown = self.document
            try:
                self.refresh()
            except USER_ERRORS as exc:
                failures.append(self.tr("what is stored now cannot be shown: {error}").format(error=_message(exc)))
            if shown is not None and self.document is None:
                conflicts = [self.tr(DOCUMENT_DELETED)]
            elif shown is not None and self.document is not None and self.document.sha256 != shown.sha256:
                # Every span and placement shown was in the old text: that, not each row, is why.
                conflicts = [REVISED]
        problems = list(dict.fromkeys([*conflicts, *failures]))
        if problems:
            self.errorRaised.emit("\n".join(problems))

    def apply(self, changes: Changes, *, foreign: bool = False) -> None:
        """Bring the session up to date with *changes* and tell the widgets.

        The one place where what a use case did reaches the views: edits, undo and
        redo, imports (documents and tags added), revisions (the text shown again
        whole), restores (everything read again) and, *foreign*, other programs'
        commits (which must not move the selection from what the user works on).
        """
        if changes.library_reloaded:
            self.undo_stack.clear()
            self.open_document(None)  # nothing of the library as it was stays shown
            self.refresh_tags()
            self.tagsChanged.emit()
            self.libraryReloaded.emit()
            return
        if changes.tags_created or changes.tags_updated or changes.tags_deleted:
            self.refresh_tags()
            self.tagsChanged.emit()
        if changes.sets_changed:
            self.setsChanged.emit()
        if changes.attributes_changed or changes.documents_updated:
            self.attributesChanged.emit()
        if changes.journal_changed:
            self.journalChanged.emit()
        if changes.documents_deleted and self.document is not None and self.document.id in changes.documents_deleted:
            self._show_document(None)  # its annotations went with it
        if changes.documents_updated and self.document is not None and self.document.id in changes.documents_updated:
            with contextlib.suppress(*USER_ERRORS):  # its title or memo: the text and spans are as shown
                # Only those: a text another program revised meanwhile is the watcher's to show
                # (it compares the SHA-256 shown with the stored one).
                stored = self.library.document(self.document.id)
                self.document = dataclasses.replace(self.document, title=stored.title, memo=stored.memo)
                self.documentUpdated.emit(self.document)
        if changes.documents_created or changes.documents_updated or changes.documents_deleted:
            self.documentsChanged.emit()  # before a document is opened, so the list has its row
        if changes.documents_revised:  # their annotations are shown only by reading them again
            if self.document is not None and self.document.id in changes.documents_revised:
                # With the orphans and review marks the revision left; the undo history's offsets
                # point into the text replaced.
                self.undo_stack.clear()
                self.open_document(self.document.id)
            self.libraryChanged.emit()
            return
        if changes.anchor_states:
            changes = self._placed_only(changes)
        touched = {
            a.document_id
            for group in (changes.annotations_created, changes.annotations_updated, changes.annotations_deleted)
            for a in group
        }
        if (
            self.document is not None and touched and self.document.id not in touched and len(touched) == 1
            and not changes.documents_created and not (changes.tags_updated or changes.tags_deleted)
        ):  # fmt: skip
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
        if (
            not foreign
            and len(changes.annotations_created) == 1
            and changes.annotations_created[0].document_id == current
        ):
            self.createdHere.emit(changes.annotations_created[0].id)
        self.libraryChanged.emit()

    def _placed_only(self, changes: Changes) -> Changes:
        """*changes* without the orphans it put back or changed (they have no place in the text shown);
        the open document's review marks and orphans read again if it gives one of its annotations a
        state other than the one shown (e.g. an undone delete of a tag puts back orphans)."""
        states = dict(changes.anchor_states)
        orphans = {i for i, state in states.items() if state.status == ORPHANED}
        current = self.document.id if self.document else None
        if current is not None and any(
            a.document_id == current and a.id in states and states[a.id] != self.anchor_states.get(a.id)
            for group in (changes.annotations_created, changes.annotations_updated)
            for a in group
        ):
            self._set_anchor_states(*self._read_anchor_states(current))  # before the views redraw
            self.orphansChanged.emit()
        if not orphans:
            return changes
        return dataclasses.replace(
            changes,
            annotations_created=tuple(a for a in changes.annotations_created if a.id not in orphans),
            annotations_updated=tuple(a for a in changes.annotations_updated if a.id not in orphans),
            annotations_deleted=(
                *changes.annotations_deleted,
                *(a for a in changes.annotations_updated if a.id in orphans and a.id in self.annotations),
            ),
        )

    # -- intents (each one undoable) -------------------------------------------------------------

    def tag_span(self, tag_id: str, start: int, end: int) -> None:
        """Tag code points [start, end) of the text shown, unless that annotation exists already."""
        if self.document is None:
            return
        coder = self.coder_name()
        existing = self.duplicate_of(tag_id, start, end, coder)
        if existing is not None:
            # An exact copy says nothing new and would double the counts in every export.
            tag = self.tag(tag_id)
            said = self.tr("This text is already tagged {tag}.").format(tag=tag.name) if tag else None
            self.refused.emit(said or self.tr("This text is already tagged so."), existing.id)
            return
        with self.intent():
            self.undo_stack.push(CreateAnnotationCommand(self, self.document, tag_id, start, end, coder=coder))

    def duplicate_of(self, tag_id: str, start: int, end: int, coder: str = "") -> Annotation | None:
        """The loaded annotation with this tag, span and coder ("" is this window's), if there is one."""
        return next(
            (a for a in self.annotations.values()
             if a.start == start and a.end == end and a.tag_id == tag_id and a.coder == coder),
            None,
        )  # fmt: skip

    def retag(self, annotation_id: str, tag_id: str) -> None:
        """Give one annotation another tag (the inspector's tag box), as :meth:`retag_all` does."""
        self.retag_all([annotation_id], tag_id)

    def retag_all(self, annotation_ids: list[str], tag_id: str) -> bool:
        """Give these annotations another tag, as one undo step and one transaction; False if each has
        that tag already. Refused whole if one would become a copy of an annotation its document has
        (same span, coder and tag), or if another program changed the tag of one meanwhile."""
        bases = [a for i in annotation_ids if (a := self.annotations.get(i)) is not None and a.tag_id != tag_id]
        if not bases:
            return False
        library, tag = self.library, self.tag(tag_id)
        if len(bases) > 1 and tag is not None:
            text = self.tr("Change the tag of %Ln annotation(s) to {tag}", None, len(bases)).format(tag=tag.name)
        elif len(bases) > 1:
            text = self.tr("Change the tag of %Ln annotation(s)", None, len(bases))
        elif tag is not None:
            text = self.tr("Change the tag to {tag}").format(tag=tag.name)
        else:
            text = self.tr("Change the tag")

        def action() -> Changes:
            return codebook_service.retag_annotations(
                library, annotation_ids=[a.id for a in bases], tag_id=tag_id, bases=bases
            )

        with self.intent():
            self.undo_stack.push(TagEditCommand(self, text, action))
        return True

    def set_note(self, annotation_id: str, note: str, base: Annotation | None = None) -> None:
        """Give an annotation this note, as one undo step.

        *base* is the annotation as it was when the user began writing the note
        (by default, as shown now): if another program changed the note since,
        the edit is refused rather than overwrite theirs.
        """
        current = self.annotations.get(annotation_id)
        before = base or current
        if before is None or (current is not None and current.note == note):
            return
        with self.intent():
            self.undo_stack.push(UpdateAnnotationCommand(self, before, note=note))

    # -- documents --------------------------------------------------------------------------------

    def rename_document(self, base: Document, title: str) -> None:
        """Give a document another title, as one undo step (refused if *base* is no longer its title)."""
        if title != base.title:
            with self.intent():
                self.undo_stack.push(UpdateDocumentCommand(self, base, title=title))

    def set_document_memo(self, base: Document, memo: str) -> None:
        """Give a document this memo, as one undo step (refused if *base*'s memo is no longer its memo)."""
        if memo != base.memo:
            with self.intent():
                self.undo_stack.push(UpdateDocumentCommand(self, base, memo=memo))

    def delete_document(self, base: Document) -> None:
        """Delete a document whole (a SQLite library is backed up first), as one undo step."""
        with self.intent():
            self.undo_stack.push(DeleteDocumentCommand(self, base))

    # -- revisions (not on the undo stack: a revision keeps the old text as a version) ----------

    def revise_from_file(self, path: str) -> revising.RevisionResult | None:
        """Replace the current document's text with the one in *path*; annotations follow it. None if refused.

        Based on the text shown: if another program revised it meanwhile, the
        revision is refused and the document shown as it is now.
        """
        document = self.document
        if document is None:
            return None
        with self.intent():
            return self.run(
                lambda: revising.revise_from_file(
                    self.library, document_id=document.id, path=path, note=f"from {Path(path).name}",
                    expected_sha256=document.sha256,
                ),
                self.tr("Saved the new version"),
            )  # fmt: skip

    def accept_placements(self, annotation_ids: list[str]) -> None:
        """A person agrees with where a revision placed these (fuzzy) annotations, as shown.

        If another program's revision placed one again meanwhile, the accept is
        refused and the new placement shown: nobody accepts a placement unseen.
        """
        shown = {i: self.annotations[i] for i in annotation_ids if i in self.fuzzy and i in self.annotations}
        chosen = list(shown)
        accept = lambda: revising.accept_fuzzy(self.library, annotation_ids=chosen, bases=shown)  # noqa: E731
        with self.intent():
            if chosen and self.run(accept) is not None:
                self.fuzzy -= set(chosen)
                for annotation_id in chosen:  # so an undone delete of one does not bring the mark back
                    self.anchor_states[annotation_id] = AnchorState(MOVED)
                self.annotationsChanged.emit(Changes())

    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        """Place an orphan (or a fuzzy annotation) on text the user selected."""
        if self.document is None:
            return
        sha256 = self.document.sha256
        with self.intent():
            changes = self.run(
                lambda: revising.reattach_orphan(
                    self.library, annotation_id=annotation_id, start=start, end=end, expected_sha256=sha256
                )
            )
            if changes is not None:
                self.undo_stack.clear()
                self.reload()

    def push(self, commands: list[QUndoCommand], macro: str | None = None) -> None:
        """Run undo commands as one intent and keep them on the undo stack; with *macro*, as one
        undo step (a codebook edit, in-vivo coding). Views of their own (the attributes table,
        the codebook flow) push their commands through here."""
        with self.intent(macro):
            for command in commands:
                self.undo_stack.push(command)

    def delete(self, annotation_ids: list[str]) -> None:
        targets = [self.annotations[i] for i in annotation_ids if i in self.annotations]
        if not targets:
            return
        with self.intent(self.tr("Delete %Ln annotation(s)", None, len(targets)) if len(targets) > 1 else None):
            for annotation in targets:
                self.undo_stack.push(DeleteAnnotationCommand(self, annotation))


def _message(exc: BaseException) -> str:
    if isinstance(exc, LookupError) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)
