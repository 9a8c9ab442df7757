"""UI: the Disagreements view (View › Disagreements, Ctrl+Shift+X): every stretch where the chosen
coders differ, each coder's version side by side, and adjudication into a consensus coder.

A dock in the bottom tabs (:class:`~annotator.ui.qt_table_panel.QtTableDock`). Options: the
coders (Alt+O: a list, Space checks one; two or more), the tags (Alt+G: every tag, or one with
the tags inside it), the documents (Alt+I, :class:`~annotator.ui.qt_scope.QtScopeChooser`) and
the consensus coder's name (Alt+C). Run (Alt+U, F5) lists the stretches
(:func:`~annotator.services.disagreements.disagreements`) off the GUI thread, largest first;
Esc cancels. :meth:`QtDisagreementsPanel.compare` sets the choices and runs, for a caller
such as the agreement dialog.

Moving to a row shows the passage in one read-only pane per coder, side by side: the stretch
with the text around it (dimmed, the palette's placeholder colour), each coder's annotations
painted in their tags' colours as the text pane paints them, on the palette's base. The text
is the stored text the list was made from; code points become Qt's UTF-16 positions only here.
Enter (or a double click) shows the stretch in the main text pane (``show_span``, checked
against the text's SHA-256).

Adjudication: Alt+1, Alt+2… accept the first, second… coder's version, Alt+B all of them
(both), Alt+N neither (the buttons say which coder is which). Each is one undo step
(:class:`~annotator.ui.qt_adjudication_commands.AdjudicateCommand`; Ctrl+Z, Ctrl+Shift+Z), and
the row's *settled* column says what was accepted until it is undone. Copy (Alt+Y) and
Export… (Alt+P) write every column of ``annotator disagreements``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook, colours
from annotator.core.errors import InvalidInput
from annotator.core.model import coder_name
from annotator.core.offsets import OffsetMap
from annotator.core.spans import Span, segments
from annotator.services import disagreements as service
from annotator.services.searching import Scope
from annotator.ui.qt_adjudication_commands import AdjudicateCommand
from annotator.ui.qt_background import QtWorker
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_scope import QtScopeChooser
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_panel import STALE, QtTableDock
from annotator.ui.qt_table_tools import EXPORT_ROLE, QtTableTools
from annotator.ui.qt_text_pane import painted, rgb, theme_of

_Index = QModelIndex | QPersistentModelIndex
#: Why nothing is listed while the library is coded blind.
BLIND_REFUSED = QT_TRANSLATE_NOOP(
    "QtDisagreementsPanel", "blind coding is on; turn it off (View › Coders) to compare coders"
)
#: How many coders Alt+1, Alt+2… can accept.
MAX_KEYED = 9


def _key(d: service.Disagreement) -> tuple[str, int, int]:
    return d.document_id, d.start, d.end


#: The last column's header (translated when shown).
SETTLED = QT_TRANSLATE_NOOP("QtDisagreementsModel", "Settled")


class QtDisagreementsModel(QAbstractTableModel):
    """UI: the stretches as rows: document, start, length, disputed, tags, quote, one column per
    coder (what they coded), settled; each cell's exact value under :data:`EXPORT_ROLE`."""

    DOCUMENT, START, LENGTH, DISPUTED, TAGS, QUOTE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Document"),
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Start"),
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Length"),
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Disputed"),
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Tags"),
        QT_TRANSLATE_NOOP("QtDisagreementsModel", "Quote"),
    )  # translated when shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.found = service.Disagreements((), (), (), ())
        self.settled: dict[tuple[str, int, int], str] = {}

    def set_found(self, found: service.Disagreements) -> None:
        self.beginResetModel()
        self.found = found
        self.settled = {}
        self.endResetModel()

    def settle(self, stretch: service.Disagreement, choice: str | None) -> None:
        if choice is None:
            self.settled.pop(_key(stretch), None)
        else:
            self.settled[_key(stretch)] = choice
        for row, d in enumerate(self.found.stretches):
            if _key(d) == _key(stretch):
                column = self.columnCount() - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, column))

    def stretch(self, row: int) -> service.Disagreement:
        return self.found.stretches[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.found.stretches)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS) + len(self.found.coders) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role not in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE):
            return None
        translate = self.tr if role == Qt.ItemDataRole.DisplayRole else str  # exports stay English
        if section < len(self.HEADERS):
            return translate(self.HEADERS[section])
        coders = self.found.coders
        return coders[section - len(self.HEADERS)] if section - len(self.HEADERS) < len(coders) else translate(SETTLED)

    def _value(self, d: service.Disagreement, column: int) -> str | int:
        values: list[str | int] = [d.title, d.start, d.length, d.disputed, "; ".join(d.tags), d.quote]
        values += [service.describe_codings(mine) for mine in d.coded]
        values.append(self.settled.get(_key(d), ""))
        return values[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        d = self.found.stretches[index.row()]
        value = self._value(d, index.column())
        if role == EXPORT_ROLE:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " ".join(value.split()) if isinstance(value, str) else format_count(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and value:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and _key(d) in self.settled:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)  # settled: dimmed
        return None


class QtCoderPane(QPlainTextEdit):
    """UI: one coder's version of a passage: read-only, their annotations in their tags' colours."""

    def __init__(self, parent: QWidget, tag_colour: Callable[[str], QColor]) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setTabChangesFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read with the keyboard (or a screen reader) too
        self._tag_colour = tag_colour
        self.passage = ""
        self.painted: list[tuple[int, int, tuple[str, ...]]] = []  # code points into the passage, per tag set
        self._shown: tuple[service.Disagreement, int] | None = None

    def show_coder(self, stretch: service.Disagreement, coder: int) -> None:
        """Show *stretch* with the text around it, as coder number *coder* coded it."""
        self._shown = (stretch, coder)
        self.passage = stretch.before + stretch.quote + stretch.after
        first = stretch.start - len(stretch.before)
        spans = [Span(c.start - first, c.end - first, c.tag_id, c.annotation_id) for c in stretch.coded[coder]]
        self.painted = segments(spans, 0, len(self.passage))
        self.setPlainText(self.passage)
        name = stretch.coders[coder]
        self.setAccessibleName(self.tr("{coder}'s coding").format(coder=name))
        said = service.describe_codings(stretch.coded[coder]) or self.tr("nothing")
        self.setAccessibleDescription(self.tr("{coder} coded: {codings}").format(coder=name, codings=said))
        self.setToolTip(self.accessibleDescription())
        self._paint()

    def clear_coder(self) -> None:
        self._shown = None
        self.passage = ""
        self.painted = []
        self.setPlainText("")

    def _paint(self) -> None:
        if self._shown is None:
            return
        stretch, _ = self._shown
        offsets = OffsetMap(self.passage)
        theme = theme_of(self.palette())
        selections = []
        dim = QTextCharFormat()
        dim.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        before, after = len(stretch.before), len(stretch.before) + len(stretch.quote)
        for start, end in ((0, before), (after, len(self.passage))):
            selections.append(self._selection(offsets, start, end, dim))
        for start, end, tag_ids in self.painted:
            fmt = QTextCharFormat()
            colors = [self._tag_colour(t) for t in tag_ids]
            if len(colors) == 1:
                look = painted(colors[0], theme, colours.SINGLE_STRENGTH)
            else:
                look = painted(QColor(*colours.average(rgb(c) for c in colors)), theme, colours.OVERLAP_STRENGTH)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colors[-1])
            fmt.setBackground(QColor(*look.background))
            fmt.setForeground(QColor(*look.foreground))
            selections.append(self._selection(offsets, start, end, fmt))
        self.setExtraSelections(selections)
        cursor = self.textCursor()
        cursor.setPosition(offsets.to_utf16(before))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _selection(self, offsets: OffsetMap, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_utf16(start))
        cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[misc]
        selection.format = fmt  # type: ignore[misc]
        return selection

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()  # light or dark: the tints are worked out on the new page


class QtDisagreementsPanel(QWidget):
    """UI: choices, the stretches, the coders' panes side by side and the accept buttons; see the module."""

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        show_span: Callable[[str, int, int, str | None], bool],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Disagreements")
        self.setAccessibleName(self.title)
        self._session = session
        self._show_span = show_span
        self._report = report
        self.stale = False
        self._changed_while_running = False
        self.own_change = False  # an adjudication of this view is being written: the list stays right
        self.counted_settings: dict[str, object] | None = None
        self._scope_given: Scope | None = None  # a scope :meth:`compare` was given, until another is chosen
        self.worker = QtWorker(self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.cancelled.connect(lambda: self._on_worker_failed(""))
        self._pending: dict[str, object] = {}

        self.coders_list = QListWidget(self)
        self.coders_list.setAccessibleName(self.tr("Coders to compare"))
        self.coders_list.setToolTip(self.tr("Check two coders or more (Space)"))
        self.coders_list.setMaximumHeight(70)
        self.coders_list.itemChanged.connect(lambda _item: self.rerun())
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Tags compared"))
        self.tag_box.currentIndexChanged.connect(lambda _i: self.rerun())
        self.scope = QtScopeChooser(self, selected_document_ids)
        self.scope.value_edit.returnPressed.connect(self.run)
        self.scope.scope_box.currentIndexChanged.connect(self._on_scope_chosen)
        self.consensus_edit = QLineEdit(self)
        self.consensus_edit.setAccessibleName(self.tr("Consensus coder"))
        self.consensus_edit.setPlaceholderText(self.tr("consensus"))
        self.consensus_edit.setToolTip(self.tr("The coder an accepted version is copied to"))
        self.run_button = QPushButton(self.tr("R&un"), self)
        self.run_button.setAccessibleName(self.tr("List the disagreements"))
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.run)

        self.model = QtDisagreementsModel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Disagreements table"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._on_view_activated)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_row(current.row()))
        self.tools = QtTableTools(
            self.view, self.title, lambda: session.library, report,
            export_table=lambda: service.disagreements_table(self.model.found, self.title),
        )  # fmt: skip

        self.panes_box = QWidget(self)
        self.panes_box.setAccessibleName(self.tr("Each coder's version"))
        self.panes_layout = QHBoxLayout(self.panes_box)
        self.panes_layout.setContentsMargins(0, 0, 0, 0)
        self.panes: list[QtCoderPane] = []
        self.pane_labels: list[QLabel] = []
        self.accept_row = QHBoxLayout()
        self.accept_buttons: list[QPushButton] = []
        self.both_button = self._button(self.tr("&Both"), self.tr("Accept every coder's version"), self.accept_all)
        self.neither_button = self._button(
            self.tr("&Neither"), self.tr("Accept no coder's version"), lambda: self.accept([])
        )
        for k in range(1, MAX_KEYED + 1):
            accept = self.tr("Accept coder {number}").format(number=k)
            self._panel_action(accept, f"Alt+{k}", lambda k=k: self.accept_coder(k - 1))

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Disagreements status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Disagreements progress"))
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel listing the disagreements"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self._panel_action(self.tr("List the disagreements again"), "F5", self.run)
        self.cancel_action = self._panel_action(self.tr("Cancel"), "Esc", self.cancel)
        self.cancel_action.setEnabled(False)
        self._lay_out()
        for signal in (session.libraryChanged, session.annotationsChanged, session.tagsChanged,
                       session.libraryReloaded, session.documentsChanged, session.refreshed):  # fmt: skip
            signal.connect(self.library_changed)
        for signal in (session.tagsChanged, session.setsChanged, session.attributesChanged, session.libraryReloaded):
            signal.connect(self._on_choices_changed)
        session.libraryReloaded.connect(self.cancel)

    # -- building ------------------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _panel_action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _labelled(self, layout: QHBoxLayout | QVBoxLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget)

    def _lay_out(self) -> None:
        options = QHBoxLayout()
        self._labelled(options, self.tr("C&oders"), self.coders_list)
        self._labelled(options, self.tr("Ta&gs"), self.tag_box)
        self._labelled(options, self.tr("&In"), self.scope.scope_box)
        options.addWidget(QLabel("=", self))
        options.addWidget(self.scope.value_edit)
        self._labelled(options, self.tr("&Consensus coder"), self.consensus_edit)
        options.addWidget(self.run_button)
        options.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.panes_box, 1)
        self.accept_row.addWidget(QLabel(self.tr("Accept:"), self))
        self.accept_row.addStretch(1)
        self.accept_row.addWidget(self.both_button)
        self.accept_row.addWidget(self.neither_button)
        right_layout.addLayout(self.accept_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        last = QHBoxLayout()
        last.addWidget(self.status_label, 1)
        last.addWidget(self.progress_bar)
        last.addWidget(self.cancel_button)
        last.addWidget(self.tools.copy_button)
        last.addWidget(self.tools.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(last)
        self._chain()

    def _chain(self) -> None:
        """Tab goes as the eye reads: the options, the table, the panes, the accept buttons, the rest."""
        chain: list[QWidget] = [
            self.coders_list, self.tag_box, self.scope.scope_box, self.scope.value_edit, self.consensus_edit,
            self.run_button, self.view, *self.panes, *self.accept_buttons, self.both_button, self.neither_button,
            self.cancel_button, self.tools.copy_button, self.tools.export_button,
        ]  # fmt: skip
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _set_coders_shown(self, coders: Sequence[str]) -> None:
        """One pane and one accept button per coder of the list shown."""
        if [label.text() for label in self.pane_labels] == list(coders):
            return
        for widget in (*self.panes, *self.pane_labels, *self.accept_buttons):
            widget.deleteLater()
        self.panes, self.pane_labels, self.accept_buttons = [], [], []
        while self.panes_layout.count():
            self.panes_layout.takeAt(0)
        for k, coder in enumerate(coders):
            column = QVBoxLayout()
            label = QLabel(coder, self.panes_box)
            label.setTextFormat(Qt.TextFormat.PlainText)
            pane = QtCoderPane(self.panes_box, self._tag_colour)
            pane.setAccessibleName(self.tr("{coder}'s coding").format(coder=coder))
            column.addWidget(label)
            column.addWidget(pane, 1)
            self.panes_layout.addLayout(column, 1)
            self.panes.append(pane)
            self.pane_labels.append(label)
            keyed = f" (Alt+{k + 1})" if k < MAX_KEYED else ""
            accept = self.tr("Accept {coder}'s version").format(coder=coder)
            button = self._button(coder, accept, lambda k=k: self.accept_coder(k))
            button.setToolTip(f"{accept}{keyed}")
            self.accept_row.insertWidget(1 + k, button)
            self.accept_buttons.append(button)
            for widget in (label, pane, button):
                widget.show()  # made after the panel was shown: not shown with it
        # Still Alt+B (a key of the panel's own), so no mnemonic shown.
        self.both_button.setText(self.tr("Both") if len(coders) == 2 else self.tr("All"))
        self._chain()

    def _tag_colour(self, tag_id: str) -> QColor:
        tag = self._session.tag(tag_id)
        return QColor(tag.color) if tag is not None else self.palette().color(QPalette.ColorRole.Text)

    # -- choices ---------------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Read the coders, tags, sets and attributes again; keep what is chosen while it is there."""
        try:
            coders = self._session.library.coders()
            self.scope.reload_from(self._session.library)
        except USER_ERRORS as exc:
            self.say(self.tr("The library cannot be read: {error}").format(error=exc))
            return
        checked = self.chosen_coders() or coders[:2]
        current = self.coders_list.currentItem()
        at = current.text() if current is not None else None
        self.coders_list.blockSignals(True)
        self.coders_list.clear()
        for coder in coders:
            item = QListWidgetItem(coder, self.coders_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if coder in checked else Qt.CheckState.Unchecked)
        if coders:
            self.coders_list.setCurrentRow(coders.index(at) if at in coders else 0)
        self.coders_list.blockSignals(False)
        chosen = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(self.tr("All tags"), None)
        for path in self._tag_paths():
            self.tag_box.addItem(path, [path])
        if isinstance(chosen, list) and len(chosen) > 1:
            self.tag_box.addItem("; ".join(chosen), chosen)
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(chosen)))
        self.tag_box.blockSignals(False)

    def _tag_paths(self) -> list[str]:
        tags = self._session.tags
        paths = codebook.paths(tags)
        return [codebook.format_path(paths[t.id]) for t, _ in codebook.walk(tags)]

    def _on_choices_changed(self) -> None:
        if self.isVisible():
            self.reload_choices()

    def _on_scope_chosen(self) -> None:
        self._scope_given = None
        self.rerun()

    def chosen_coders(self) -> list[str]:
        return [
            self.coders_list.item(i).text()
            for i in range(self.coders_list.count())
            if self.coders_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def compare(self, coders: Sequence[str], *, scope: Scope | None = None, tags: Sequence[str] | None = None) -> None:
        """Choose these coders, documents (None: the whole library) and tag PATHs (None: every tag),
        and list their disagreements (for a caller such as the agreement dialog)."""
        self.reload_choices()
        self.coders_list.blockSignals(True)
        for i in range(self.coders_list.count()):
            item = self.coders_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in coders else Qt.CheckState.Unchecked)
        self.coders_list.blockSignals(False)
        self.tag_box.blockSignals(True)
        wanted = None if not tags else list(tags)
        if wanted is not None and self.tag_box.findData(wanted) < 0:
            self.tag_box.addItem("; ".join(wanted), wanted)
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(wanted)))
        self.tag_box.blockSignals(False)
        self.scope.scope_box.blockSignals(True)
        self.scope.scope_box.setCurrentIndex(0)
        self.scope.scope_box.blockSignals(False)
        self._scope_given = scope
        self.run()

    def settings(self) -> dict[str, object]:
        """The choices now; :class:`InvalidInput` when fewer than two coders are checked or the scope cannot be read."""
        coders = self.chosen_coders()
        if len(coders) < 2:
            raise InvalidInput(self.tr("check two coders or more (Alt+O, then Space)"))
        scope = self._scope_given if self._scope_given is not None else self.scope.scope()
        return {"coders": coders, "tags": self.tag_box.currentData(), "scope": scope}

    # -- running ---------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.worker.running

    def run(self) -> None:
        """List the disagreements with the choices shown, off the GUI thread (not while blind)."""
        if self._session.blind:
            self.hide_results()
            self.say(self.tr("Not listed: {error}.").format(error=self.tr(BLIND_REFUSED)))
            return
        try:
            settings = self.settings()
        except InvalidInput as exc:
            if self.worker.cancel():
                self._show_running(False)
            self.say(self.tr("Not listed: {error}.").format(error=exc))
            return
        self._pending = settings
        self._changed_while_running = False
        library = self._session.library
        self.worker.start(
            lambda progress: service.disagreements(library, progress=progress, **settings),  # type: ignore[arg-type]
            name="annotator-disagreements",
        )
        self._show_running(True)
        self.say(self.tr("Comparing…"))

    def hide_results(self) -> None:
        """Blind coding was turned on: stop a run, and show no coder's work (listed again when asked)."""
        if self.worker.cancel():
            self._show_running(False)
        self.counted_settings = None
        self.model.set_found(service.Disagreements((), (), (), ()))
        for pane in self.panes:
            pane.clear_coder()

    def rerun(self) -> None:
        if self.counted_settings is not None or self.running:
            self.run()

    def cancel(self) -> None:
        if self.worker.cancel():
            self._show_running(False)
            self.say(self.tr("Cancelled; the list is that of the last run."))

    def stop(self) -> None:
        self.worker.stop()

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)
        if running:
            self.progress_bar.setRange(0, 0)

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_worker_finished(self, result: object) -> None:
        self._show_running(False)
        assert isinstance(result, service.Disagreements)
        self.counted_settings = self._pending
        self.stale = self._changed_while_running
        self._set_coders_shown(result.coders)
        self.model.set_found(result)
        for pane in self.panes:
            pane.clear_coder()
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(
            QtDisagreementsModel.QUOTE, min(300, self.view.columnWidth(QtDisagreementsModel.QUOTE))
        )
        self.say(QCoreApplication.translate("QtTablePanel", STALE) if self.stale else self.describe(result))
        if result.stretches:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _on_worker_failed(self, message: str) -> None:
        self._show_running(False)
        self.say(message or self.tr("Cancelled; the list is that of the last run."))

    def describe(self, found: service.Disagreements) -> str:
        if not found.stretches:
            return self.tr("{coders} agree everywhere compared.").format(coders=", ".join(found.coders))
        listed = self.tr(
            "%Ln stretch(es) where {coders} differ, largest first. "
            "Enter shows one in the text; Alt+1, Alt+2… accept a coder's version, Alt+B all, Alt+N neither.",
            None,
            len(found.stretches),
        )
        return listed.format(coders=", ".join(found.coders))

    # -- a row ---------------------------------------------------------------------------------------

    def current_stretch(self) -> service.Disagreement | None:
        row = self.view.currentIndex().row()
        return self.model.stretch(row) if 0 <= row < self.model.rowCount() else None

    def _show_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        stretch = self.model.stretch(row)
        for k, pane in enumerate(self.panes):
            pane.show_coder(stretch, k)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            d = self.model.stretch(index.row())
            self._show_span(d.document_id, d.start, d.end, d.sha256)

    # -- adjudication -----------------------------------------------------------------------------------

    def consensus(self) -> str | None:
        """The consensus coder's name as stored, or None after saying why it will not do."""
        try:
            name = coder_name(self.consensus_edit.text())
        except InvalidInput as exc:
            self.say(self.tr("Not accepted: {error}.").format(error=exc))
            return None
        if not name:
            self.say(self.tr("Not accepted: type a name for the consensus coder first (Alt+C)."))
            return None
        if name in self.model.found.coders:
            self.say(
                self.tr(
                    "Not accepted: the consensus coder must be another name than the coders compared, not '{name}'."
                ).format(name=name)
            )
            return None
        return name

    def accept_coder(self, k: int) -> None:
        coders = self.model.found.coders
        if k < len(coders):
            self.accept([coders[k]])

    def accept_all(self) -> None:
        self.accept(list(self.model.found.coders))

    def accept(self, coders: Sequence[str]) -> None:
        """Accept *coders*' version of the current stretch (none: neither) into the consensus coder, one undo step."""
        stretch = self.current_stretch()
        if stretch is None:
            self.say(self.tr("Choose a stretch in the list first."))
            return
        name = self.consensus()
        if name is None:
            return
        self._session.push([AdjudicateCommand(self._session, stretch, coders, name, self)])

    def settled(self, stretch: service.Disagreement, choice: str | None) -> None:
        self.model.settle(stretch, choice)
        where = f"{stretch.title} {stretch.start}-{stretch.end}"
        if choice is not None:
            self.say(self.tr("Accepted {choice} for {where}.").format(choice=choice, where=where))
        else:
            self.say(self.tr("Undone: {where} is open again.").format(where=where))

    # -- the library changed ------------------------------------------------------------------------------

    def library_changed(self, *_args: object) -> None:
        """Something listed may have changed: say the list may be out of date (not for an adjudication)."""
        if self.own_change:
            return
        if self.running:
            self._changed_while_running = True
        elif self.counted_settings is not None and not self.stale:
            self.stale = True
            self.say(QCoreApplication.translate("QtTablePanel", STALE))

    def say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setToolTip(message)
        self.status_label.setAccessibleDescription(message)


def disagreements_dock(
    window: QMainWindow, session: QtLibrarySession, beside: QDockWidget, **kwargs: object
) -> QtTableDock:
    """The Disagreements view (View › Disagreements, Ctrl+Shift+X)."""
    return QtTableDock(
        window, lambda dock: QtDisagreementsPanel(dock, session, **kwargs),  # type: ignore[arg-type,return-value]
        title=QCoreApplication.translate("QtDisagreementsPanel", "Disagreements"), object_name="disagreements",
        menu_text=QCoreApplication.translate("QtDisagreementsPanel", "Disa&greements"), shortcut="Ctrl+Shift+X",
        beside=beside,
    )  # fmt: skip


def compare_in(
    dock: QtTableDock, coders: Sequence[str], *, scope: Scope | None = None, tags: Sequence[str] | None = None
) -> None:
    """Bring the Disagreements view to the front and list the disagreements of *coders* over
    *scope* and *tags* (see :meth:`QtDisagreementsPanel.compare`): for the agreement dialog."""
    if dock.isHidden() or not dock.in_front:
        dock.toggle_action.trigger()
    panel = dock.panel
    assert isinstance(panel, QtDisagreementsPanel)
    panel.compare(coders, scope=scope, tags=tags)
