"""UI: the Help menu: About Annotator, the User guide (F1) and the list of Keyboard shortcuts (Ctrl+/).

The guide is ``guide.md`` beside this module, or its translation into the interface's language
(``guide.de.md``, ``guide.fr.md``); they ship in the wheel and are shown offline in a
:class:`QTextBrowser`. The shortcuts list is made from the window's own actions each time
it opens, so it always says what the keys do now (tag keys included).
"""

from __future__ import annotations

import platform
import re
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, metadata
from importlib.resources import files

import PySide6
from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.ui import qt_i18n

GUIDE_RESOURCE = "guide.md"
LICENCE = "MIT"  # as pyproject.toml says, when the installed metadata cannot be read
#: A mnemonic a translation adds after its words when they lack the English letter (docs/translating.md).
_ADDED_MNEMONIC = re.compile(r"\s*\(&[^&\s]\)")


def licence() -> str:
    try:
        return metadata("annotator").get("License") or LICENCE
    except PackageNotFoundError:
        return LICENCE


def guide_text(language: str | None = None) -> str:
    """The user guide, as Markdown, in *language* (None: the interface's) where it is translated, else English.

    A translation is ``guide.<language>.md`` beside ``guide.md``.
    """
    folder = files("annotator.ui")
    translated = folder.joinpath(GUIDE_RESOURCE.replace(".md", f".{language or qt_i18n.interface_language()}.md"))
    return (translated if translated.is_file() else folder.joinpath(GUIDE_RESOURCE)).read_text(encoding="utf-8")


def action_label(action: QAction) -> str:
    """An action's text as a person reads it: no ``&`` mnemonic marks (``&&`` is a real ``&``)."""
    return _plain(action.text())


def _plain(text: str) -> str:
    text = _ADDED_MNEMONIC.sub("", text)  # a translation's "Datei (&F)": "Datei"
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(action, keys, where) for every action in *window* that has a key, sorted by action.

    Keys are in the platform's words (``Ctrl+Shift+K``, ``⇧⌘K`` on macOS); *where* is the
    action's menu, or else the pane whose key it is (F2 renames in the tag tree and in the library).
    """
    rows: dict[tuple[str, str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts() if not key.isEmpty()]
        if keys and action_label(action):
            rows[(action_label(action), ", ".join(keys), _where(action, window))] = None
    return sorted(rows, key=lambda row: (row[0].casefold(), row[2]))


def _where(action: QAction, window: QWidget) -> str:
    places = action.associatedObjects()
    menus = [place.title() for place in places if isinstance(place, QMenu) and place.title()]
    if menus:
        return _plain(menus[0])
    panes = [
        place.accessibleName()
        for place in places
        if isinstance(place, QWidget) and not isinstance(place, QMenu) and place is not window
    ]
    return next((name for name in panes if name), "")


def about_text(library: str) -> str:
    what = QCoreApplication.translate(
        "QtHelpFlow", "A desktop close-reading app: select spans, tag them, export annotated JSON."
    )
    where = QCoreApplication.translate("QtHelpFlow", "Library: {library}").format(library=_escape(library))
    terms = QCoreApplication.translate("QtHelpFlow", "Licence: {licence}").format(licence=_escape(licence()))
    return (
        f"<h3>Annotator {__version__}</h3>"
        f"<p>{what}</p>"
        f"<p>{where}</p>"
        f"<p>Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}</p>"
        f"<p>{terms}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _ShortcutFilter(QLineEdit):
    """UI: the filter over the shortcuts list; Down moves into the list."""

    def __init__(self, table: QTableView, parent: QWidget) -> None:
        super().__init__(parent)
        self._table = table

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down:
            self._table.setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)


class QtShortcutsDialog(QDialog):
    """UI: Help › Keyboard shortcuts: every action with a key and where, filtered by what is typed."""

    def __init__(self, shortcuts: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        for row in shortcuts:
            self.model.appendRow([QStandardItem(text) for text in row])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 160)
        self.filter = _ShortcutFilter(self.table, self)
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.setPlaceholderText(self.tr("Filter by action or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.setFocus()

    def shown(self) -> list[tuple[str, ...]]:
        """The rows the filter leaves, as (action, keys, where)."""
        return [
            tuple(self.proxy.index(row, column).data() for column in range(3)) for row in range(self.proxy.rowCount())
        ]


class QtGuideDialog(QDialog):
    """UI: Help › User guide (F1): the short guide shipped with Annotator, offline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotator user guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.resize(640, 720)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide text"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.setFocus()


class QtHelpFlow:
    """UI: the Help menu of *window*; *library* says where the open library is (never a password)."""

    def __init__(self, window: QMainWindow, library: Callable[[], str]) -> None:
        self.window = window
        self.library = library
        self.menu = QMenu(QCoreApplication.translate("QtHelpFlow", "&Help"), window)
        self.guide_action = QAction(
            QCoreApplication.translate("QtHelpFlow", "User &guide"),
            window,
            shortcut=QKeySequence.StandardKey.HelpContents,
        )
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = QAction(
            QCoreApplication.translate("QtHelpFlow", "&Keyboard shortcuts"), window, shortcut=QKeySequence("Ctrl+/")
        )
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(QCoreApplication.translate("QtHelpFlow", "&About Annotator"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        window.addActions([self.guide_action, self.shortcuts_action])  # wherever the focus is
        self.menu.addActions([self.guide_action, self.shortcuts_action])
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)

    def show_guide(self) -> None:
        _run(QtGuideDialog(self.window))

    def show_shortcuts(self) -> None:
        _run(QtShortcutsDialog(window_shortcuts(self.window), self.window))

    def about_dialog(self) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setWindowTitle(QCoreApplication.translate("QtHelpFlow", "About Annotator"))
        box.setAccessibleName(QCoreApplication.translate("QtHelpFlow", "About Annotator"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_text(self.library()))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # versions to copy
        icon = self.window.windowIcon()
        if not icon.isNull():
            box.setIconPixmap(icon.pixmap(64, 64))
        return box

    def show_about(self) -> None:
        _run(self.about_dialog())


def _run(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()
