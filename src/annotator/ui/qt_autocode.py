"""UI: Auto-code…: tag every hit of a search (or the hits a person chose) with one tag, after a preview.

:class:`QtAutocodeFlow` is the entry point any view calls:

- ``code_query(query, scope)``: every hit of a :class:`~annotator.core.search.Query` in a
  :class:`~annotator.services.searching.Scope` (the find bar: the document shown; a library
  search view: its scope), optionally with the SHA-256 of each text a window shows, so a
  text revised meanwhile is refused rather than coded unseen;
- ``code_hits(hits)``: the :class:`~annotator.services.autocoding.ChosenHit` rows a search
  view's user selected, each with the SHA-256 of the text it was found in.

Both open a :class:`QtAutocodeDialog`: a tag chooser, an extent chooser (the match, its
sentence, its paragraph) and a preview listing every span, *to create* (checked: Space
unchecks one) or *already coded* (the same tag and span, by any coder), with its text
shortened. Changing the tag or the extent plans again. OK codes the checked spans in one
transaction (:func:`~annotator.services.autocoding.apply`) as **one undo step**: Ctrl+Z
deletes exactly those annotations, Ctrl+Shift+Z or Ctrl+Y puts the very same ones back.
Planning and coding run off the GUI thread (:mod:`annotator.ui.qt_background`) with a
progress dialog and Cancel; a cancelled or refused coding writes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from annotator.core.autocode import MATCH, PARAGRAPH, SENTENCE, preview
from annotator.core.codebook import labels as tag_labels
from annotator.core.model import Tag
from annotator.core.search import Query
from annotator.services import autocoding
from annotator.services.autocoding import AutocodeResult, ChosenHit, Plan
from annotator.services.progress import Cancelled, Progress
from annotator.services.searching import Scope
from annotator.ui.qt_background import run_in_background
from annotator.ui.qt_commands import CommandHost
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

#: The extents offered, as the chooser says them (translated when shown, as are the statuses).
EXTENT_LABELS = (
    (MATCH, QT_TRANSLATE_NOOP("QtAutocodeDialog", "The match")),
    (SENTENCE, QT_TRANSLATE_NOOP("QtAutocodeDialog", "Its sentence")),
    (PARAGRAPH, QT_TRANSLATE_NOOP("QtAutocodeDialog", "Its paragraph")),
)
TO_CREATE = QT_TRANSLATE_NOOP("QtAutocodeDialog", "to create")
ALREADY_CODED = QT_TRANSLATE_NOOP("QtAutocodeDialog", "already coded")
CANCELLED = QT_TRANSLATE_NOOP("QtAutocodeFlow", "Auto-coding cancelled; nothing was coded.")

#: Plans a preview: (tag id, extent, progress) -> the plan.
Planner = Callable[[str, str, Progress], Plan]


class AutocodeCommand(QUndoCommand):
    """UI: one auto-coding as one undo step. The first redo shows what :func:`autocoding.apply`
    already wrote (off the GUI thread); undo deletes exactly those annotations, and a later redo
    puts the very same ones back (ids and times), each checked against what the step left."""

    def __init__(self, session: CommandHost, result: AutocodeResult, plan: Plan, text: str, done: str) -> None:
        """*text* names the step (Edit › Undo …); *done* is what the status bar says once it is shown."""
        super().__init__(text)
        self._session = session
        self._done = done
        self._pending: AutocodeResult | None = result
        self._made = result.changes.annotations_created
        self._sha256s = {p.document_id: p.sha256 for p in plan.spans}

    def redo(self) -> None:
        session, pending = self._session, self._pending
        if pending is not None:
            self._pending = None
            session.run(lambda: pending.changes, self._done)
            return
        made, sha256s = self._made, self._sha256s
        changes = session.run(
            lambda: autocoding.restore_coded(session.library, annotations=made, sha256s=sha256s),
            QCoreApplication.translate("AutocodeCommand", "Redone"),
        )
        if changes is None:
            self.setObsolete(True)
            return
        self._made = changes.annotations_created  # those put back: the next undo deletes only them

    def undo(self) -> None:
        session, made = self._session, self._made
        undone = QCoreApplication.translate("AutocodeCommand", "Undone")
        if session.run(lambda: autocoding.remove_coded(session.library, annotations=made), undone) is None:
            self.setObsolete(True)  # another program changed one since: nothing to undo or redo here


class QtAutocodeDialog(QDialog):
    """UI: choose a tag and an extent, see what will be created and what is already coded, then OK."""

    def __init__(
        self, parent: QWidget, tags: Sequence[Tag], what: str, planner: Planner, *, tag_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auto-code"))
        self.setAccessibleName(self.tr("Auto-code"))
        self._planner = planner
        self.plan: Plan | None = None
        form = QFormLayout(self)
        self.what_label = QLabel(what, self)
        self.what_label.setWordWrap(True)
        self.what_label.setAccessibleName(self.tr("What is coded"))
        self.what_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        form.addRow(self.what_label)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Tag"))
        labels = tag_labels(tags)
        for tag in tags:
            self.tag_box.addItem(labels[tag.id], tag.id)
        if tag_id is not None and self.tag_box.findData(tag_id) >= 0:
            self.tag_box.setCurrentIndex(self.tag_box.findData(tag_id))
        form.addRow(self.tr("&Tag"), self.tag_box)
        self.extent_box = QComboBox(self)
        self.extent_box.setAccessibleName(self.tr("Extent: what each hit codes"))
        for extent, label in EXTENT_LABELS:
            self.extent_box.addItem(self.tr(label), extent)
        form.addRow(self.tr("&Extent"), self.extent_box)
        self.preview_list = QTreeWidget(self)
        self.preview_list.setAccessibleName(self.tr("Preview: spans to create (checked) and already coded"))
        self.preview_list.setHeaderLabels([self.tr("Status"), self.tr("Document"), self.tr("Hits"), self.tr("Text")])
        self.preview_list.setRootIsDecorated(False)
        self.preview_list.setUniformRowHeights(True)
        self.preview_list.setMinimumSize(640, 280)
        self.preview_list.setToolTip(self.tr("Space unchecks a span to leave it uncoded"))
        preview_label = QLabel(self.tr("&Preview"), self)
        preview_label.setBuddy(self.preview_list)
        form.addRow(preview_label, self.preview_list)
        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        form.addRow(self.summary_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = QPushButton(self.tr("&Code"), self)
        self.ok_button.setAccessibleName(self.tr("Code the checked spans"))
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.tag_box.currentIndexChanged.connect(lambda _i: self.replan())
        self.extent_box.currentIndexChanged.connect(lambda _i: self.replan())
        self.preview_list.itemChanged.connect(lambda _item, _column: self._show_summary())

    @property
    def tag_id(self) -> str:
        return str(self.tag_box.currentData())

    @property
    def extent(self) -> str:
        return str(self.extent_box.currentData())

    def replan(self) -> bool:
        """Plan again for the chosen tag and extent and show the preview; False if it failed (said).

        While planning (events still run, for the progress dialog) the tag and extent cannot be
        changed and nothing can be coded: a plan is always the one for the choices shown.
        """
        boxes = (self.tag_box, self.extent_box)
        had_focus = next((box for box in boxes if box.hasFocus()), None)
        for widget in (*boxes, self.ok_button):
            widget.setEnabled(False)
        tag_id, extent = self.tag_id, self.extent
        try:
            plan = run_in_background(self, self.tr("Finding what to code…"), lambda p: self._planner(tag_id, extent, p))
        except Cancelled:
            plan = None
        except USER_ERRORS as exc:
            QMessageBox.warning(self, self.tr("Auto-code"), self.tr("Nothing can be coded: {error}").format(error=exc))
            plan = None
        finally:
            for box in boxes:
                box.setEnabled(True)
            if had_focus is not None:
                had_focus.setFocus()
        self._show(plan)
        return plan is not None

    def _show(self, plan: Plan | None) -> None:
        self.plan = plan
        self.preview_list.blockSignals(True)
        self.preview_list.clear()
        if plan is not None:
            titles = dict(plan.titles)
            items = []
            for p in plan.spans:
                status = self.tr(ALREADY_CODED if p.already_coded else TO_CREATE)
                item = QTreeWidgetItem([status, titles.get(p.document_id, ""), format_count(p.hits), preview(p.quote)])
                if p.already_coded:  # shown, greyed by the palette's own disabled colours
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                else:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Checked)
                item.setToolTip(1, titles.get(p.document_id, ""))
                item.setToolTip(3, p.quote[:2000])
                items.append(item)
            self.preview_list.addTopLevelItems(items)
            for column in range(3):
                self.preview_list.resizeColumnToContents(column)
            # A long title must not push the text coded (what the preview is for) out of sight.
            self.preview_list.setColumnWidth(1, min(self.preview_list.columnWidth(1), 220))
            if items:
                self.preview_list.setCurrentItem(items[0])
        self.preview_list.blockSignals(False)
        self._show_summary()

    def chosen_indices(self) -> list[int]:
        """The plan's spans that are checked (to create and kept)."""
        return [
            i for i in range(self.preview_list.topLevelItemCount())
            if self.preview_list.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        ]  # fmt: skip

    def chosen_plan(self) -> Plan | None:
        """The plan narrowed to the checked spans (and those already coded, to count them)."""
        if self.plan is None or (self.plan.tag_id, self.plan.extent) != (self.tag_id, self.extent):
            return None
        keep = set(self.chosen_indices())
        return self.plan.only(i for i, p in enumerate(self.plan.spans) if i in keep or p.already_coded)

    def _show_summary(self) -> None:
        plan = self.plan
        if plan is None:
            self.summary_label.setText(self.tr("Nothing to code."))
            self.ok_button.setEnabled(False)
            return
        chosen = len(self.chosen_indices())
        left_out = len(plan.to_create) - chosen
        text = self.tr("{to_create} to create, {already} already coded").format(
            to_create=format_count(chosen), already=format_count(len(plan.already_coded))
        )
        if left_out:
            text += self.tr(", {left_out} left out").format(left_out=format_count(left_out))
        hits = self.tr("%Ln hit(s)", None, plan.hits)
        summary = self.tr("{summary} ({hits} in %Ln document(s)).", None, plan.documents)
        self.summary_label.setText(summary.format(summary=text, hits=hits))
        self.summary_label.setAccessibleDescription(self.summary_label.text())
        self.ok_button.setEnabled(chosen > 0)


class QtAutocodeFlow(QObject):
    """UI: the Auto-code… entry point: a preview dialog for a query in a scope, or for chosen hits."""

    def __init__(self, window: QMainWindow, session: QtLibrarySession) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._tag_id: str | None = None  # the tag last coded with: offered first next time
        #: The dialog open now (tests drive it; a view may raise it).
        self.dialog: QtAutocodeDialog | None = None

    def code_query(
        self, query: Query, scope: Scope | None = None, *, expected_sha256s: dict[str, str] | None = None,
        what: str | None = None,
    ) -> QtAutocodeDialog | None:  # fmt: skip
        """Offer to code every hit of *query* in *scope* (default: the whole library). *expected_sha256s*:
        the texts a window shows, by document id (refused if one changed); *what* describes it."""
        library = self._session.library

        def planner(tag_id: str, extent: str, progress: Progress) -> Plan:
            return autocoding.plan(
                library, query, tag_id=tag_id, extent=extent, scope=scope, expected_sha256s=expected_sha256s,
                progress=progress,
            )  # fmt: skip

        return self._open(
            what or self.tr("Every hit of “{pattern}”").format(pattern=preview(query.pattern, 60)), planner
        )

    def code_in_document(self, query: Query) -> QtAutocodeDialog | None:
        """Offer to code every hit of *query* in the document shown (the find bar's Auto-code…),
        in its text as shown: if another program revised it meanwhile, nothing is coded."""
        document = self._session.document
        if document is None:
            return None
        return self.code_query(
            query, Scope(document_ids=(document.id,)), expected_sha256s={document.id: document.sha256},
            what=self.tr("Every hit of “{pattern}” in this document").format(pattern=preview(query.pattern, 60)),
        )  # fmt: skip

    def code_hits(self, hits: Sequence[ChosenHit], *, what: str | None = None) -> QtAutocodeDialog | None:
        """Offer to code the chosen *hits* (each with the SHA-256 of the text it was found in)."""
        library, chosen = self._session.library, list(hits)

        def planner(tag_id: str, extent: str, progress: Progress) -> Plan:
            return autocoding.plan_hits(library, chosen, tag_id=tag_id, extent=extent, progress=progress)

        return self._open(what or self.tr("The %Ln chosen hit(s)", None, len(chosen)), planner)

    def _open(self, what: str, planner: Planner) -> QtAutocodeDialog | None:
        tags = self._session.tags
        if not tags:
            self._status(self.tr("The codebook has no tags: add one first (Ctrl+Shift+T)."))
            return None
        dialog = QtAutocodeDialog(self._window, tags, what, planner, tag_id=self._tag_id)
        dialog.finished.connect(lambda result: self._closed(dialog, result))
        self.dialog = dialog
        dialog.open()
        dialog.replan()
        dialog.preview_list.setFocus()
        return dialog

    def _closed(self, dialog: QtAutocodeDialog, result: int) -> None:
        """The dialog was closed: with OK, code what it kept; then it goes."""
        if self.dialog is dialog:
            self.dialog = None
        try:
            if result == QDialog.DialogCode.Accepted:
                self._code(dialog)
        finally:
            dialog.deleteLater()

    def _code(self, dialog: QtAutocodeDialog) -> None:
        plan = dialog.chosen_plan()
        if plan is None or not plan.to_create:
            return
        self._tag_id = plan.tag_id
        session = self._session
        coder = session.coder_name()  # asked here, on the GUI thread, the first time ever
        library = session.library
        try:
            result = run_in_background(
                self._window,
                self.tr("Coding…"),
                lambda progress: autocoding.apply(library, plan, coder=coder, progress=progress),
            )
        except Cancelled:
            self._status(self.tr(CANCELLED))
            return
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._window, self.tr("Auto-code"), self.tr("Nothing was coded: {error}").format(error=exc)
            )
            with contextlib.suppress(*USER_ERRORS):
                session.refresh()  # a text changed since the preview: show it as it is now
            return
        if not result.added:
            self._status(self.tr("Nothing to code: %Ln span(s) already coded.", None, result.already_coded))
            return
        tag = session.tag(plan.tag_id)
        text = self.tr("Auto-code %Ln span(s) as {tag}", None, result.added).format(
            tag=tag.name if tag else self.tr("tag")
        )
        done = self.tr("Auto-coded %Ln span(s)", None, result.added)
        if result.already_coded:
            done += self.tr("; %Ln already coded", None, result.already_coded)
        session.push([AutocodeCommand(session, result, plan, text, done)])

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 6000)
