"""UI: the user's name as a coder: asked once, changed in Edit › Settings, stamped on what they annotate.

The name is kept in the settings file the command line reads too
(:func:`annotator.config.coder_name`), so ``annotator annotate`` stamps the same
name. :class:`QtCoderIdentity` asks for it the first time this user tags a span
(no dialog at start-up stands between a reader and the text), and never again:
a dialog closed without a name is remembered as "no name".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from annotator import config
from annotator.core.errors import InvalidInput
from annotator.core.model import NAME_MAX, coder_name


class QtCoderDialog(QDialog):
    """UI: a small dialog asking for the name to code under, the first time it is needed."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)
        why = QLabel(
            self.tr(
                "Your name is saved with each annotation you make (as its coder), so a team's "
                "exports say who tagged what. You can change it later in Edit ▸ Settings (Ctrl+,)."
            ),
            self,
        )
        why.setWordWrap(True)
        form.addRow(why)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setAccessibleName(self.tr("Your name as a coder"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Ann Smith (leave empty for none)"))
        form.addRow(self.tr("&Name"), self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())


class QtCoderIdentity:
    """UI: the window's coder name: asked the first time it is needed, changeable in Settings (:meth:`keep`)."""

    def __init__(self, parent: QWidget, report: Callable[[str], None]) -> None:
        self._parent = parent
        self._report = report  # a message for the status bar (the settings could not be saved)
        self._name: str | None = config.coder_name()
        #: Called when the name changed (what "only mine" shows changes with it).
        self.on_changed: Callable[[], None] = lambda: None

    def current(self) -> str:
        """The name as it stands, without asking for it ("" until given)."""
        return self._name or ""

    def name(self) -> str:
        """The name to stamp; the first time ever, the user is asked for it."""
        if self._name is None:
            dialog = QtCoderDialog(self._parent)
            given = dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else ""
            self.keep(given)  # asked once: closing the dialog means "no name"
        return self._name or ""

    def keep(self, name: str) -> bool:
        """Keep *name* (NFC, trimmed; Settings, or the first ask); a name with a control character
        is refused with one line. True when kept."""
        try:
            name = " ".join(coder_name(name).split())
        except InvalidInput as exc:
            self._report(
                QCoreApplication.translate("QtCoderIdentity", "Your name was not changed: {error}").format(error=exc)
            )
            return False
        changed, self._name = name != self._name, name
        if changed:
            self.on_changed()
        try:
            config.save_coder_name(name)
        except OSError as exc:
            self._report(
                QCoreApplication.translate(
                    "QtCoderIdentity",
                    "Your name could not be saved in the settings ({error}); it is used until you quit.",
                ).format(error=exc.strerror or exc)
            )
        return True
