"""UI: the Intercoder agreement dialog (View › Intercoder agreement…, Ctrl+Shift+K).

The choices ``annotator agreement`` takes, as widgets: the coders (a checklist of the library's
coders, two or more; Alt+C), the documents (:class:`~annotator.ui.qt_scope.QtScopeChooser`:
the whole library, the documents selected in the library list, a set, an attribute; Alt+D),
the tags (a checklist in tree order, none checked meaning every tag; Alt+T), the unit (Alt+U),
categorical (Alt+G) and what an uncoded unit is then (Alt+O). Compute (Alt+M) runs
:func:`~annotator.services.agreement.agreement` on a
:class:`~annotator.ui.qt_background.QtWorker` thread, the dialog staying usable; Esc cancels a
run, and closes the dialog otherwise. Once this window or another program changes annotations or
documents, the dialog says the table may be out of date (its rows stay until Compute).

The results table (Alt+R) has the command's fields: measure, tag, category, document, coders,
value, units, reason. A value that cannot be computed shows "undefined" and its reason, never
NaN. The document column shows the title (pooled rows: "pooled"), and Copy and Export give the
id, as the command does. Export… (Alt+P) writes
:func:`~annotator.services.agreement.report_table`: every row, and in HTML and XLSX the
method statement (unit, measures and their sources, coders, documents, tags, what counts as
agreement, library, date). Colours are the palette's own, so light and dark themes read alike.

:meth:`QtAgreementDialog.choices` gives the current choices as one value, for another view
(the disagreements) to start from the same coders, documents and tags.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import agreement as ag
from annotator.core import codebook
from annotator.core.errors import InvalidInput
from annotator.formats.tables import Table
from annotator.services import agreement as service
from annotator.services.progress import Progress
from annotator.services.searching import Scope
from annotator.ui.qt_background import QtWorker
from annotator.ui.qt_i18n import format_count, format_number
from annotator.ui.qt_scope import QtScopeChooser
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_tools import EXPORT_ROLE, QtTableTools

_Index = QModelIndex | QPersistentModelIndex

#: The dialog's title, and the exported table's (the table's stays English, as the report does).
TITLE = "Intercoder agreement"
#: What the dialog says once the library changed after its table was computed.
STALE = QT_TRANSLATE_NOOP(
    "QtAgreementDialog", "The library has changed since; this table may be out of date. Compute again (Alt+M)."
)
#: What the uncoded chooser offers, with the service's names.
UNCODED_TEXT = {
    service.MISSING: QT_TRANSLATE_NOOP("QtAgreementDialog", "missing values"),
    service.CATEGORY: QT_TRANSLATE_NOOP("QtAgreementDialog", "a category of their own"),
}
#: The units as the unit chooser offers them (the exported report says them in English: service.UNIT_TEXT).
UNIT_LABELS = {
    ag.CHARACTER: QT_TRANSLATE_NOOP(
        "QtAgreementDialog", "character: every code point of the stored text, white space included"
    ),
    ag.WORD: QT_TRANSLATE_NOOP("QtAgreementDialog", "word: the words as word frequencies read them"),
    ag.SENTENCE: QT_TRANSLATE_NOOP("QtAgreementDialog", "sentence: the sentences as search splits them"),
    ag.PARAGRAPH: QT_TRANSLATE_NOOP("QtAgreementDialog", "paragraph: the blocks between blank lines"),
}
#: The result columns' headers, by the service's field names (an export keeps the field names).
FIELD_LABELS = {
    "measure": QT_TRANSLATE_NOOP("QtAgreementModel", "measure"),
    "tag": QT_TRANSLATE_NOOP("QtAgreementModel", "tag"),
    "category": QT_TRANSLATE_NOOP("QtAgreementModel", "category"),
    "document": QT_TRANSLATE_NOOP("QtAgreementModel", "document"),
    "coders": QT_TRANSLATE_NOOP("QtAgreementModel", "coders"),
    "value": QT_TRANSLATE_NOOP("QtAgreementModel", "value"),
    "units": QT_TRANSLATE_NOOP("QtAgreementModel", "units"),
    "reason": QT_TRANSLATE_NOOP("QtAgreementModel", "reason"),
}


@dataclass(frozen=True, slots=True)
class AgreementChoices:
    """UI: what the dialog has chosen, as :func:`~annotator.services.agreement.agreement` takes it
    (*tags* None: every tag)."""

    coders: tuple[str, ...]
    scope: Scope
    tags: tuple[str, ...] | None
    unit: str
    categorical: bool
    uncoded: str


class QtAgreementModel(QAbstractTableModel):
    """UI: the result rows of an :class:`~annotator.services.agreement.Agreement`, a row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: service.Agreement | None = None
        self.titles: dict[str, str] = {}

    @property
    def rows(self) -> tuple[service.Row, ...]:
        return () if self.found is None else self.found.results

    def set_results(self, found: service.Agreement | None, titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.found, self.titles = found, titles
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(service.FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(FIELD_LABELS[service.FIELDS[section]])
        if orientation == Qt.Orientation.Horizontal and role == EXPORT_ROLE:
            return service.FIELDS[section]  # the service's field names, as the command line writes them
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, field = self.rows[index.row()], service.FIELDS[index.column()]
        if role == EXPORT_ROLE:
            value = service.fields(row)[index.column()]
            return "" if value is None else value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._shown(row, field)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.tr(FIELD_LABELS[field])}: {self._shown(row, field)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("value", "units"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _shown(self, row: service.Row, field: str) -> str:
        if field == "tag":
            if row.tag is not None:
                return row.tag
            return self.tr("all tags") if row.measure == service.ALPHA_U else self.tr("(categorical)")
        if field == "document":
            return self.tr("pooled") if row.document is None else self.titles.get(row.document, row.document)
        if field == "coders":
            return ", ".join(row.coders)
        if field == "value":
            return self.tr("undefined") if row.value is None else format_number(row.value, 4)
        if field == "units":
            return format_count(row.units)
        value = {"measure": row.measure, "category": row.category, "reason": row.reason}[field]
        return value or ""


class QtAgreementDialog(QDialog):
    """UI: choose coders, documents, tags and unit; compute agreement off the GUI thread; export it.
    Disagreements… (Alt+N) asks for the same coders, documents and tags' disagreements
    (``disagreementsRequested(coders, scope, tag paths)``; no paths: every tag)."""

    disagreementsRequested = Signal(list, object, list)

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Intercoder agreement"))
        self.setAccessibleName(self.windowTitle())
        self._session = session
        self._computed: tuple[AgreementChoices, datetime] | None = None
        self.worker = QtWorker(self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        cancelled = self.tr("Cancelled; the table is that of the last run.")
        self.worker.cancelled.connect(lambda: self._on_worker_failed(cancelled))

        self.coder_list = self._checklist(self.tr("Coders to compare, two or more"))
        self.tag_list = self._checklist(self.tr("Tags to compare; none checked: every tag"))
        self.scope = QtScopeChooser(self, selected_document_ids)
        self.scope.scope_box.setAccessibleName(self.tr("Documents"))
        self.unit_box = QComboBox(self)
        self.unit_box.setAccessibleName(self.tr("Unit"))
        for unit in ag.UNITS:
            self.unit_box.addItem(self.tr(UNIT_LABELS[unit]), unit)
        self.categorical_box = QCheckBox(self.tr("Cate&gorical: the tags are the categories of one variable"), self)
        self.categorical_box.setAccessibleName(self.tr("Categorical: the tags are the categories of one variable"))
        self.uncoded_box = QComboBox(self)
        self.uncoded_box.setAccessibleName(self.tr("Uncoded units are"))
        for uncoded, text in UNCODED_TEXT.items():
            self.uncoded_box.addItem(self.tr(text), uncoded)
        self.uncoded_box.setEnabled(False)
        self.categorical_box.toggled.connect(self.uncoded_box.setEnabled)

        self.compute_button = self._button(self.tr("Co&mpute"), self.tr("Compute agreement"), self.compute)
        self.compute_button.setDefault(True)
        self.cancel_button = self._button(self.tr("Cancel"), self.tr("Cancel computing"), self.cancel)
        self.cancel_button.setVisible(False)
        self.close_button = self._button(self.tr("Close"), self.tr("Close intercoder agreement"), self.reject)
        self.disagreements_button = self._button(
            self.tr("Disagreeme&nts…"), self.tr("List every stretch where the chosen coders differ"),
            self.show_disagreements,
        )  # fmt: skip
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Agreement progress"))
        self.progress_bar.setVisible(False)
        self.status_label = QLabel(self.tr("Choose two coders or more, then Compute."), self)
        self.status_label.setAccessibleName(self.tr("Agreement status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)

        self.model = QtAgreementModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Agreement results"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.tools = QtTableTools(
            self.view, TITLE, lambda: session.library, report, export_table=self.report_table
        )  # fmt: skip
        self._lay_out()
        self.resize(980, 640)
        for signal in (session.tagsChanged, session.libraryReloaded, session.setsChanged, session.attributesChanged):
            signal.connect(self.reload_choices)
        for signal in (session.libraryChanged, session.annotationsChanged, session.tagsChanged,
                       session.libraryReloaded, session.documentsChanged, session.setsChanged,
                       session.attributesChanged, session.refreshed):  # fmt: skip
            signal.connect(lambda *_: self._library_changed())
        session.libraryReloaded.connect(self.cancel)  # a restore: the run reads a library that was replaced
        self.reload_choices()

    def _checklist(self, name: str) -> QListWidget:
        found = QListWidget(self)
        found.setAccessibleName(name)
        found.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return found

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self._label(self.tr("&Coders (two or more)"), self.coder_list), 0, 0)
        grid.addWidget(self._label(self.tr("&Tags (none checked: every tag)"), self.tag_list), 0, 1)
        grid.addWidget(self.coder_list, 1, 0)
        grid.addWidget(self.tag_list, 1, 1)
        options = QGridLayout()
        options.addWidget(self._label(self.tr("&Documents"), self.scope.scope_box), 0, 0)
        options.addWidget(self.scope.scope_box, 0, 1)
        options.addWidget(self._label(self.tr("Attribute &value"), self.scope.value_edit), 1, 0)
        options.addWidget(self.scope.value_edit, 1, 1)
        options.addWidget(self._label(self.tr("&Unit"), self.unit_box), 2, 0)
        options.addWidget(self.unit_box, 2, 1)
        options.addWidget(self.categorical_box, 3, 0, 1, 2)
        options.addWidget(self._label(self.tr("Unc&oded units are"), self.uncoded_box), 4, 0)
        options.addWidget(self.uncoded_box, 4, 1)
        options.setRowStretch(5, 1)
        grid.addLayout(options, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.progress_bar)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.disagreements_button)
        buttons.addWidget(self.tools.copy_button)
        buttons.addWidget(self.tools.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self._label(self.tr("&Results"), self.view))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        chain = [self.coder_list, self.tag_list, self.scope.scope_box, self.scope.value_edit, self.unit_box,
                 self.categorical_box, self.uncoded_box, self.compute_button, self.view, self.cancel_button,
                 self.tools.copy_button, self.tools.export_button, self.close_button]  # fmt: skip
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- choices ------------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Read the library's coders, tags, sets and attributes again, keeping what is checked."""
        try:
            library = self._session.library
            coders = library.coders()
            self.scope.reload_from(library)
        except USER_ERRORS as exc:
            self.say(self.tr("The library cannot be read: {error}").format(error=exc))
            return
        tags = self._session.tags
        paths = {i: codebook.format_path(p) for i, p in codebook.paths(tags).items()}
        self._fill(self.coder_list, [(c, c) for c in coders])
        self._fill(self.tag_list, [("    " * depth + tag.name, paths[tag.id]) for tag, depth in codebook.walk(tags)])

    @staticmethod
    def _fill(checklist: QListWidget, entries: Sequence[tuple[str, str]]) -> None:
        checked = set(_checked(checklist))
        current = checklist.currentItem().data(Qt.ItemDataRole.UserRole) if checklist.currentItem() else None
        checklist.clear()
        for text, value in entries:
            item = QListWidgetItem(text, checklist)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setToolTip(value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
            if value == current:
                checklist.setCurrentItem(item)
        if checklist.currentItem() is None and checklist.count():
            checklist.setCurrentRow(0)

    def show_disagreements(self) -> None:
        """List the disagreements of the chosen coders, documents and tags in the Disagreements view."""
        try:
            choices = self.choices()
        except InvalidInput as exc:
            self.status_label.setText(str(exc))
            return
        self.disagreementsRequested.emit(list(choices.coders), choices.scope, list(choices.tags or ()))

    def choices(self) -> AgreementChoices:
        """What is chosen now; :class:`InvalidInput` for fewer than two coders or a scope of
        selected documents when none is selected."""
        coders = tuple(_checked(self.coder_list))
        if len(coders) < 2:
            raise InvalidInput(self.tr("check two coders or more"))
        tags = tuple(_checked(self.tag_list)) or None
        categorical = self.categorical_box.isChecked()
        return AgreementChoices(
            coders, self.scope.scope(), tags, str(self.unit_box.currentData()), categorical,
            str(self.uncoded_box.currentData()) if categorical else service.MISSING,
        )  # fmt: skip

    # -- running ------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.worker.running

    def compute(self) -> None:
        """Compute with the choices shown, off the GUI thread (a run going on is cancelled; not while blind)."""
        if self._session.blind:
            self.say(self.tr("Not computed: blind coding is on; turn it off (View › Coders) to compare coders."))
            return
        try:
            chosen = self.choices()
        except InvalidInput as exc:
            self.say(self.tr("Not computed: {error}.").format(error=exc))
            return
        library = self._session.library

        def work(progress: Progress) -> object:
            found = service.agreement(
                library, coders=chosen.coders, tags=chosen.tags, scope=chosen.scope, unit=chosen.unit,
                categorical=chosen.categorical, uncoded=chosen.uncoded, progress=progress,
            )  # fmt: skip
            return chosen, found, service.document_titles(library, found.documents)

        self.worker.start(work, name="annotator-agreement")
        self._show_running(True)
        self.say(self.tr("Computing…"))

    def cancel(self) -> bool:
        """Stop a run going on (the table of the last run stays); True if there was one."""
        if not self.worker.cancel():
            return False
        self._show_running(False)
        self.say(self.tr("Cancelled; the table is that of the last run."))
        return True

    def stop(self) -> None:
        """Cancel a run and wait for its thread (the window closes)."""
        self.worker.stop()

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress_bar.setRange(0, 0)

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_worker_finished(self, result: object) -> None:
        self._show_running(False)
        chosen, found, titles = result  # type: ignore[misc]
        self._computed = (chosen, datetime.now(UTC))
        self.model.set_results(found, titles)
        self.view.resizeColumnsToContents()
        undefined = sum(r.value is None for r in found.results)
        results = self.tr("%Ln result(s), {undefined} undefined (the reason is beside each).", None, len(found.results))
        said = results.format(undefined=format_count(undefined))
        if found.conflicts:
            note = self.tr("%Ln unit value(s) were two categories at once, left out.", None, found.conflicts)
            said = f"{said} {note}"
        self.say(said)
        if found.results:
            self.view.setCurrentIndex(self.model.index(0, service.FIELDS.index("value")))

    def _on_worker_failed(self, message: str) -> None:
        self._show_running(False)
        self.say(message)

    def _library_changed(self) -> None:
        if self.model.found is not None and not self.running:
            self.say(self.tr(STALE))

    def report_table(self) -> Table:
        """The rows shown, with the method statement (what Export… writes)."""
        found = self.model.found
        if found is None or self._computed is None:
            return Table(TITLE, service.FIELDS, [])
        chosen, at = self._computed
        return service.report_table(self._session.library, found, scope=chosen.scope, when=at)

    def say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setAccessibleDescription(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.cancel():
            return  # Esc stops a run first; pressed again, it closes
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc (a second time), Close or the title bar: hidden, no run left going."""
        self.worker.cancel()
        self._show_running(False)
        super().reject()


def _checked(checklist: QListWidget) -> list[str]:
    found = []
    for row in range(checklist.count()):
        item = checklist.item(row)
        if item.checkState() == Qt.CheckState.Checked:
            found.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return found


class QtAgreementFlow(QObject):
    """UI: View › Intercoder agreement… (``action``, Ctrl+Shift+K) and its dialog, made the
    first time it is asked for and then kept (``dialog``), so its choices stay."""

    def __init__(
        self,
        window: QMainWindow,
        session: QtLibrarySession,
        selected_document_ids: Callable[[], list[str]],
        report: Callable[[str], None],
        compare: Callable[[list[str], Scope, list[str]], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._session = window, session
        self._selected_document_ids, self._report = selected_document_ids, report
        self._compare = compare  # the Disagreements view's: coders, scope, tag paths (none: every tag)
        self.dialog: QtAgreementDialog | None = None
        self.action = QAction(self.tr("Intercoder &agreement…"), window, shortcut=QKeySequence("Ctrl+Shift+K"))
        self.action.setToolTip(self.tr("Agreement of two or more coders, exported with the method stated"))
        self.action.triggered.connect(lambda _=False: self.show())
        window.addAction(self.action)

    def show(self) -> QtAgreementDialog:
        """Show the dialog, in front, the keyboard in its coder list."""
        if self.dialog is None:
            self.dialog = QtAgreementDialog(
                self._window, self._session, selected_document_ids=self._selected_document_ids, report=self._report
            )
            if self._compare is not None:
                self.dialog.disagreementsRequested.connect(self._compare)
            self.dialog.disagreements_button.setVisible(self._compare is not None)
        else:
            self.dialog.reload_choices()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.coder_list.setFocus()
        return self.dialog

    def stop(self) -> None:
        """Cancel a run and wait for its thread (the window closes)."""
        if self.dialog is not None:
            self.dialog.stop()
