"""UI: the undo command of one adjudication (a disagreement settled into the consensus coder).

Redo first calls :func:`~annotator.services.disagreements.adjudicate` (checked against the text
and the coders' annotations the list was made on) and keeps what it added and deleted; undo
deletes exactly what it added and puts back exactly what it deleted, and a later redo the
reverse (:func:`~annotator.services.disagreements.swap_annotations`, one transaction each,
refused when another program changed one of them since). A step that changed nothing, or
failed, leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.anchoring import AnchorState
from annotator.core.model import Annotation
from annotator.services.changes import Changes
from annotator.services.disagreements import Disagreement, adjudicate, swap_annotations
from annotator.ui.qt_commands import CommandHost, _preview


class AdjudicationView(Protocol):
    """UI: what the command tells the view it came from: *own_change* while it writes (the list
    stays right: only the consensus coder changes), and which stretch is settled how (None: no longer)."""

    own_change: bool

    def settled(self, stretch: Disagreement, choice: str | None) -> None: ...


def accepted_text(accept: Sequence[str]) -> str:
    """How a choice reads: ``ada``, ``ada + bo``, ``neither``."""
    return " + ".join(accept) if accept else QCoreApplication.translate("AdjudicateCommand", "neither")


class AdjudicateCommand(QUndoCommand):
    """UI: accept *accept* coders' version (none: neither) of *stretch* into *consensus*; see the module."""

    def __init__(
        self,
        session: CommandHost,
        stretch: Disagreement,
        accept: Sequence[str],
        consensus: str,
        view: AdjudicationView,
    ) -> None:
        self.choice = accepted_text(accept)
        text = QCoreApplication.translate("AdjudicateCommand", "Accept {choice} for “{quote}”")
        super().__init__(text.format(choice=self.choice, quote=_preview(stretch.quote)))
        self._session = session
        self._stretch = stretch
        self._accept = tuple(accept)
        self._consensus = consensus
        self._view = view
        self._created: tuple[Annotation, ...] | None = None
        self._deleted: tuple[Annotation, ...] = ()
        self._states: tuple[tuple[str, AnchorState], ...] = ()

    def redo(self) -> None:
        session, stretch = self._session, self._stretch
        if self._created is None:
            changes = self._run(
                lambda: adjudicate(session.library, stretch=stretch, accept=self._accept, consensus=self._consensus)
            )
            if changes is None or changes.empty:
                self.setObsolete(True)
                if changes is not None:
                    self._view.settled(stretch, self.choice)  # already so: settled, with nothing to undo
                return
            self._created, self._deleted = changes.annotations_created, changes.annotations_deleted
            self._states = changes.anchor_states  # of those deleted: an undo puts them back awaiting review
        else:
            created, deleted = self._created, self._deleted
            if self._run(lambda: swap_annotations(session.library, remove=deleted, restore=created)) is None:
                self.setObsolete(True)
                return
        self._view.settled(stretch, self.choice)

    def undo(self) -> None:
        session, created, deleted, states = self._session, self._created or (), self._deleted, self._states
        changes = self._run(
            lambda: swap_annotations(session.library, remove=created, restore=deleted, states=states),
            QCoreApplication.translate("AdjudicateCommand", "Undone"),
        )
        if changes is None:
            self.setObsolete(True)  # another program changed what it added: nothing to undo or redo here
            return
        self._view.settled(self._stretch, None)

    def _run(self, action: Callable[[], Changes], said: str | None = None) -> Changes | None:
        self._view.own_change = True
        try:
            return self._session.run(action, said)
        finally:
            self._view.own_change = False
