"""UI: whose annotations the window shows (View › Coders), and blind coding.

:class:`QtCoderView` holds the choice (everyone's annotations, only mine, or
coders chosen in :class:`QtChooseCodersDialog`) and the library's blind coding
setting, which overrides it; it offers them as a menu (View › Coders) and as a
compact button above the annotation list that says what is shown. The window
asks it :meth:`QtCoderView.view` and applies that to the text, the list, the
tag counts and the inspector; :attr:`QtCoderView.changed` says when to.

Each coder other than the user is underlined in a style of their own
(:func:`annotator.core.coders.underline_styles`); the chooser and the button's
tooltip are the legend, with each coder's annotations in this document and in
the library.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.coders import (
    CHOSEN,
    CONTEXT,
    EVERYONE,
    MINE,
    STYLE_NAMES,
    CoderView,
    coder_label,
    underline_styles,
)
from annotator.services import coders
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

_CODER = Qt.ItemDataRole.UserRole


def coder_line(coder: str, me: str, styles: dict[str, str], here: int, everywhere: int | None) -> str:
    """One coder as the legend shows them: name, how their annotations are drawn, their counts."""
    translate = QCoreApplication.translate
    drawn = (
        translate(CONTEXT, STYLE_NAMES[styles[coder]]) if coder in styles else translate("QtCoderView", "no underline")
    )
    if everywhere is None:
        line = QCoreApplication.translate("QtCoderView", "{coder} — {drawn} — {here} here")
    else:
        line = QCoreApplication.translate("QtCoderView", "{coder} — {drawn} — {here} here, {library} in the library")
    return line.format(coder=coder_label(coder, me, translate), drawn=drawn, here=here, library=everywhere)


class QtChooseCodersDialog(QDialog):
    """UI: a checklist of the library's coders, each with their style and counts."""

    def __init__(self, parent: QWidget | None, lines: dict[str, str], chosen: frozenset[str]) -> None:
        """*lines*: each coder and how the list shows them; *chosen*: the ones checked."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose coders"))
        self.setAccessibleName(self.tr("Choose coders"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Show the annotations of these &coders:"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Coders"))
        label.setBuddy(self.list)
        for coder, line in lines.items():
            item = QListWidgetItem(line, self.list)
            item.setData(_CODER, coder)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if coder in chosen else Qt.CheckState.Unchecked)
        if self.list.count():
            self.list.setCurrentRow(0)  # Space checks it at once
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> frozenset[str]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return frozenset(item.data(_CODER) for item in items if item.checkState() == Qt.CheckState.Checked)


class QtCoderView(QObject):
    """UI: whose annotations are shown, as View › Coders and a button; ``changed`` when that changes."""

    changed = Signal()

    def __init__(self, window: QWidget, session: QtLibrarySession, me: Callable[[], str]) -> None:
        """*me* gives the user's coder name as it stands (never asking for it)."""
        super().__init__(window)
        self._window = window
        self._session = session
        self._me = me
        self._mode = EVERYONE
        self._chosen: frozenset[str] = frozenset()
        self._library_coders: set[str] = set()
        #: Opens the chooser (a test stands in for the user here).
        self.ask: Callable[[QtChooseCodersDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted

        self.menu = QMenu(self.tr("C&oders"), window)
        self.menu.setAccessibleName(self.tr("Coders"))
        group = QActionGroup(self)
        self.everyone_action = QAction(self.tr("&Everyone's annotations"), self, checkable=True, checked=True)
        self.mine_action = QAction(self.tr("Only &mine"), self, checkable=True)
        self.chosen_action = QAction(self.tr("&Chosen coders…"), self, checkable=True)
        for action in (self.everyone_action, self.mine_action, self.chosen_action):
            group.addAction(action)
            self.menu.addAction(action)
        self.everyone_action.triggered.connect(lambda: self.set_mode(EVERYONE))
        self.mine_action.triggered.connect(lambda: self.set_mode(MINE))
        self.chosen_action.triggered.connect(self.choose)
        self.menu.addSeparator()
        self.blind_action = QAction(self.tr("&Blind coding (this library)"), self, checkable=True)
        self.blind_action.setToolTip(
            self.tr("While on, every window on this library shows only its user's own annotations")
        )
        self.blind_action.triggered.connect(self._on_blind_triggered)
        self.menu.addAction(self.blind_action)
        self.menu.aboutToShow.connect(self.refresh)

        self.button = QToolButton(window)
        self.button.setAccessibleName(self.tr("Whose annotations are shown"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setMenu(self.menu)
        self.button.setToolTip(self.tr("Whose annotations are shown (View › Coders)"))
        session.blindChanged.connect(self._on_blind_changed)
        self._show_state()

    # -- what is shown -------------------------------------------------------------------------

    def view(self) -> CoderView:
        return CoderView(self._mode, self._chosen, self._me(), self._session.blind)

    def styles(self) -> dict[str, str]:
        """Each coder other than the user (of the library and the document shown) and their underline style."""
        return underline_styles(self.known_coders(), self._me())

    def known_coders(self) -> set[str]:
        """The library's coders (as last read) and those of the document shown ("" among them if it has some)."""
        return self._library_coders | {a.coder for a in self._session.annotations.values()}

    def refresh(self) -> None:
        """Read the library's coders again (a coder new to the library gets a style)."""
        with contextlib.suppress(*USER_ERRORS):  # unreadable now: the next refresh reads them again
            self._library_coders = set(self._session.library.coders())
        self._show_state()

    def set_mode(self, mode: str, chosen: frozenset[str] | None = None) -> None:
        """Show everyone's annotations, only mine, or (CHOSEN) those of *chosen*."""
        self._mode = mode
        if chosen is not None:
            self._chosen = chosen
        self._show_state()
        self.changed.emit()

    def choose(self) -> None:
        """Chosen coders…: the checklist; cancelled, what was shown stays."""
        counts = self._counts_everywhere()
        here = Counter(a.coder for a in self._session.annotations.values())
        me, styles = self._me(), self.styles()
        names = sorted(self.known_coders() | {me}, key=lambda c: (c.casefold(), c))
        lines = {c: coder_line(c, me, styles, here[c], counts.get(c, 0) if counts is not None else None) for c in names}
        chosen = self._chosen if self._mode == CHOSEN else frozenset(names)
        dialog = QtChooseCodersDialog(self._window, lines, chosen)
        if self.ask(dialog):
            self.set_mode(CHOSEN, dialog.chosen())
        else:
            self._show_state()  # the radio goes back to what is shown
        dialog.deleteLater()

    def legend(self) -> str:
        """Each coder of the document shown: how their annotations are drawn, and their counts (while
        the library is coded blind, only the user: other coders are not named, nor their work counted)."""
        counts = self._counts_everywhere()
        here = Counter(a.coder for a in self._session.annotations.values())
        me, styles = self._me(), self.styles()
        names = [me] if self._session.blind else sorted(set(here) | {me}, key=lambda c: (c.casefold(), c))
        lines = [coder_line(c, me, styles, here[c], counts.get(c, 0) if counts is not None else None) for c in names]
        return "\n".join([self.view().describe(QCoreApplication.translate), *lines])

    def _counts_everywhere(self) -> dict[str, int] | None:
        try:
            return coders.coder_counts(self._session.library)
        except USER_ERRORS:
            return None

    def _on_blind_triggered(self, on: bool) -> None:
        self._session.set_blind(on)
        self._show_state()  # refused: the action shows the setting as it stands

    def _on_blind_changed(self, _blind: bool) -> None:
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        view = self.view()
        action = {EVERYONE: self.everyone_action, MINE: self.mine_action, CHOSEN: self.chosen_action}[self._mode]
        action.setChecked(True)
        for choice in (self.everyone_action, self.mine_action, self.chosen_action):
            choice.setEnabled(not view.blind)  # blind coding decides; the choice comes back when it is off
        self.blind_action.setChecked(view.blind)
        self.button.setText(view.describe(QCoreApplication.translate))

    def update_legend(self) -> None:
        """The button's tooltip: the legend of the document shown (read when the document changes)."""
        self.button.setToolTip(self.legend())
