"""UI: bringing a colleague's work in: the summary to confirm before writing, and the undo step.

When an import would add annotations to documents the library already has (a
colleague's export of the same documents), :class:`QtImportSummaryDialog` shows
what it would write (:func:`~annotator.services.importing.summary_lines`:
annotations added, unchanged, placed for review, orphaned; documents matched and
new; tags new; per coder) before anything is written: Enter imports, Esc
cancels. If the library changed since the summary, the write refuses and the
dialog is shown again with what the import would do now.

:class:`ImportCommand` makes such an import one undo step: undo removes exactly the
annotations it added (:func:`~annotator.services.import_undo.remove_imported`,
refused with one line if one was edited since), redo puts the very same ones back.
Documents and tags the import created stay (each can be deleted, and that undone).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from annotator.core.merging import ImportSummary
from annotator.services import import_undo
from annotator.services.importing import ImportResult, summary_lines
from annotator.ui.qt_commands import CommandHost

INTRO = QT_TRANSLATE_NOOP(
    "QtImportSummaryDialog",
    "This import adds annotations to documents already in the library. Nothing has been written yet.",
)
CHANGED = QT_TRANSLATE_NOOP(
    "QtImportSummaryDialog", "The library changed since the last summary; this is what the import would do now."
)


class QtImportSummaryDialog(QDialog):
    """UI: what an import would write; Import (Enter) writes it, Cancel (Esc) writes nothing."""

    def __init__(self, summary: ImportSummary, why: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a colleague's work?"))
        self.setAccessibleName(self.tr("Import summary"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(CHANGED if why else INTRO), self)
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("Changed since the last summary") if why else self.tr("About this import"))
        layout.addWidget(intro)
        self.summary_label = QLabel(
            "\n".join(f"• {line}" for line in summary_lines(summary, QCoreApplication.translate)), self
        )
        self.summary_label.setAccessibleName(self.tr("What the import would write"))
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.summary_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel the import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.import_button.setFocus()


class ImportCommand(QUndoCommand):
    """UI: an import that added annotations, as one undo step. The first redo shows what the import
    already wrote; undo removes exactly those annotations, a later redo puts the very same back."""

    def __init__(self, session: CommandHost, result: ImportResult, text: str) -> None:
        """*text* names the step (Edit › Undo …): the flow that imports counts in the user's language."""
        super().__init__(text)
        self._session = session
        self._pending: ImportResult | None = result
        self._added = result.added
        self._sha256s = result.sha256s

    def redo(self) -> None:
        session, pending = self._session, self._pending
        if pending is not None:
            self._pending = None
            session.run(lambda: pending.changes, QCoreApplication.translate("ImportCommand", "Imported"))
            return
        added, sha256s = self._added, self._sha256s
        changes = session.run(
            lambda: import_undo.restore_imported(session.library, added=added, sha256s=sha256s),
            QCoreApplication.translate("ImportCommand", "Redone"),
        )
        if changes is None:
            self.setObsolete(True)
            return
        put = {a.id for a in changes.annotations_created}
        self._added = tuple(x for x in added if x[0].id in put)  # the next undo removes only these

    def undo(self) -> None:
        session, added = self._session, self._added
        undone = QCoreApplication.translate("ImportCommand", "Undone")
        changes = session.run(lambda: import_undo.remove_imported(session.library, added=added), undone)
        if changes is None:
            self.setObsolete(True)  # edited since: nothing to undo or redo here
            return
        taken = {a.id for a in changes.annotations_deleted}
        self._added = tuple(x for x in added if x[0].id in taken)  # the next redo puts back only these
