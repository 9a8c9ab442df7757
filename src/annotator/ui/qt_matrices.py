"""UI: the code matrices as views: Co-occurrence (tags × tags, Ctrl+Shift+O) and Documents × tags
(Ctrl+Shift+D), each a dock of :mod:`annotator.ui.qt_table_panel`.

What a cell counts is :mod:`annotator.core.matrices`' to say and
:mod:`annotator.services.matrices`' to count; the views choose how: Co-occurrence *together
by* overlap, sentence, paragraph or document (Alt+B), Documents × tags the *cell kind* (count,
presence, characters; Alt+K); both whether a tag stands for the tags inside it too (Alt+G),
the coder (all, or one; Alt+O) and the documents (Alt+I). Each change counts again.

Enter (or a double click) on a cell reads the segments behind it
(:func:`~annotator.services.matrices.cooccurrence_pairs`,
:func:`~annotator.services.matrices.document_segments`) with the options the table was
counted with, off the GUI thread, into the segments list beside the table, and puts the
keyboard there: Enter on a segment shows it in its text with the window's ``show_span``,
passing the SHA-256 of the text it was read from, so a text revised since is refused rather
than selected at the wrong place. A co-occurrence cell lists the segments of its pairs, pair
by pair (the row's tag first), each segment once; a row's label opens nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDockWidget, QMainWindow, QWidget

from annotator.core import matrices as m
from annotator.core.matrices import Header, Table
from annotator.services import matrices
from annotator.services.progress import Progress
from annotator.services.retrieving import Segment
from annotator.ui.qt_retrieval import QtSegmentsModel
from annotator.ui.qt_scope import QtCoderChooser
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_panel import QtTableDock, QtTablePanel, with_sha256

#: What "together" means, as the within chooser offers it (translated when shown).
WITHIN_LABELS = {
    m.OVERLAP: QT_TRANSLATE_NOOP("QtCooccurrencePanel", "overlap (share a character)"),
    m.SENTENCE: QT_TRANSLATE_NOOP("QtCooccurrencePanel", "the same sentence"),
    m.PARAGRAPH: QT_TRANSLATE_NOOP("QtCooccurrencePanel", "the same paragraph"),
    m.DOCUMENT: QT_TRANSLATE_NOOP("QtCooccurrencePanel", "the same document"),
}
#: What a documents × tags cell holds, as the measure chooser offers it (translated when shown).
MEASURE_LABELS = {
    m.COUNT: QT_TRANSLATE_NOOP("QtDocumentMatrixPanel", "count of annotations"),
    m.PRESENCE: QT_TRANSLATE_NOOP("QtDocumentMatrixPanel", "presence (1 or 0)"),
    m.CHARACTERS: QT_TRANSLATE_NOOP("QtDocumentMatrixPanel", "characters coded"),
}


class QtMatrixPanel(QtTablePanel):
    """UI: what both matrices share: subtags, coder, the segments list behind a cell."""

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        title: str,
        first: str,
        first_field: str,
        selected_document_ids: Callable[[], list[str]],
        show_span: Callable[[str, int, int, str | None], bool],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(
            parent, session, title=title, first=first, first_field=first_field, heat=True,
            selected_document_ids=selected_document_ids, report=report,
        )  # fmt: skip
        self._show_span = show_span
        self.subtags_box = QCheckBox(self.tr("Subta&gs"), self)
        self.subtags_box.setAccessibleName(self.tr("A tag counts the tags inside it"))
        self.subtags_box.setToolTip(self.tr("A tag stands for itself and the tags inside it (Alt+G)"))
        self.subtags_box.setChecked(True)
        self.subtags_box.toggled.connect(lambda _on: self.rerun())
        self.coder = QtCoderChooser(self, session)
        self.coder.coder_box.currentIndexChanged.connect(lambda _i: self.rerun())
        session.blindChanged.connect(lambda _blind: self.rerun())  # counted again, for the coders shown now
        self.segments_view, self.segments_model, self.segments_tools = self.make_segments_view(
            self.tr("{title} segments").format(title=title)
        )
        self.segments_view.activated.connect(self._on_segment_activated)
        for signal in (session.libraryChanged, session.annotationsChanged, session.tagsChanged,
                       session.libraryReloaded, session.documentsChanged, session.setsChanged,
                       session.attributesChanged, session.refreshed):  # fmt: skip
            signal.connect(self.library_changed)
        for signal in (session.tagsChanged, session.setsChanged, session.attributesChanged, session.libraryReloaded):
            signal.connect(self._on_choices_changed)
        session.libraryReloaded.connect(self.cancel)  # a restore: the run reads a library that was replaced

    def add_common_options(self) -> None:
        self.add_option("", self.subtags_box)
        self.add_option(self.tr("C&oder"), self.coder.coder_box)
        self.finish(self.segments_view, [self.segments_tools.copy_button, self.segments_tools.export_button])

    def reload_choices(self) -> None:
        super().reload_choices()
        try:
            self.coder.reload(self._session.library.coders())
        except USER_ERRORS as exc:
            self.say(self.tr("The library cannot be read: {error}").format(error=exc))

    def _on_choices_changed(self) -> None:
        if self.isVisible():
            self.reload_choices()

    def common_settings(self) -> dict[str, object]:
        return {"subtags": self.subtags_box.isChecked(), "coders": self.coder.coders(), "scope": self.scope.scope()}

    def counted(self, counted: object) -> None:
        self.segments_model.set_segments([])

    def show_segments(self, segments: list[Segment], says: str) -> None:
        """List the segments a cell opened and put the keyboard on the first."""
        self.segments_model.set_segments(segments)
        self.say(says)
        if segments:
            self.segments_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.segments_view.setCurrentIndex(self.segments_model.index(0, QtSegmentsModel.QUOTE))

    def _on_segment_activated(self, index: QModelIndex) -> None:
        s = self.segments_model.segments[index.row()]
        self._show_span(s.document_id, s.start, s.end, s.sha256)


class QtCooccurrencePanel(QtMatrixPanel):
    """UI: tags × tags: how many pairs of annotations (same coder) of two tags are together."""

    def __init__(self, parent: QWidget, session: QtLibrarySession, **kwargs: object) -> None:
        super().__init__(
            parent, session, title=self.tr("Co-occurrence"), first=self.tr("tag"), first_field="tag", **kwargs
        )  # type: ignore[arg-type]
        self.within_box = QComboBox(self)
        self.within_box.setAccessibleName(self.tr("Together by"))
        for within, label in WITHIN_LABELS.items():
            self.within_box.addItem(self.tr(label), within)
        self.within_box.currentIndexChanged.connect(lambda _i: self.rerun())
        self.add_option(self.tr("Together &by"), self.within_box)
        self.add_common_options()

    def settings(self) -> dict[str, object]:
        return {"within": self.within_box.currentData(), **self.common_settings()}

    def count(self, settings: dict[str, object], progress: Progress) -> Table:
        return matrices.cooccurrence_matrix(self._session.library, progress=progress, **settings)  # type: ignore[arg-type]

    def describe(self, table: Table) -> str:
        return self.tr("%Ln tag(s). Enter on a cell lists the pairs it counts.", None, len(table.rows))

    def open_cell(self, row: Header, column: Header | None, settings: dict[str, object]) -> None:
        if column is None:
            self.say(self.tr("Choose a number: Enter on a cell lists the pairs it counts."))
            return
        library = self._session.library

        def read(_progress: Progress) -> object:
            return matrices.cooccurrence_pairs(library, row.id, column.id, **settings)  # type: ignore[arg-type]

        def shown(result: object) -> None:
            assert isinstance(result, matrices.PairsBehind)
            seen: dict[str, Segment] = {}
            for pair in result.pairs:
                for segment in pair:
                    seen.setdefault(segment.annotation_id, segment)
            segments = with_sha256(list(seen.values()), result.sha256)
            pairs = self.tr("%Ln pair(s)", None, len(result.pairs))
            says = self.tr("{pairs} of %Ln segment(s): {row} × {column}.", None, len(segments))
            self.show_segments(segments, says.format(pairs=pairs, row=row.label, column=column.label))

        self.open_in_background(read, shown)


class QtDocumentMatrixPanel(QtMatrixPanel):
    """UI: documents × tags: per document and tag a count, a presence or the characters coded."""

    def __init__(self, parent: QWidget, session: QtLibrarySession, **kwargs: object) -> None:
        super().__init__(
            parent,
            session,
            title=self.tr("Documents × tags"),
            first=self.tr("document"),
            first_field="document",
            **kwargs,
        )  # type: ignore[arg-type]
        self.measure_box = QComboBox(self)
        self.measure_box.setAccessibleName(self.tr("Cell kind"))
        for measure, label in MEASURE_LABELS.items():
            self.measure_box.addItem(self.tr(label), measure)
        self.measure_box.currentIndexChanged.connect(lambda _i: self.rerun())
        self.add_option(self.tr("Cell &kind"), self.measure_box)
        self.add_common_options()

    def settings(self) -> dict[str, object]:
        return {"measure": self.measure_box.currentData(), **self.common_settings()}

    def count(self, settings: dict[str, object], progress: Progress) -> Table:
        return matrices.document_matrix(self._session.library, progress=progress, **settings)  # type: ignore[arg-type]

    def describe(self, table: Table) -> str:
        return self.tr("%Ln document(s). Enter on a cell lists its segments.", None, len(table.rows))

    def open_cell(self, row: Header, column: Header | None, settings: dict[str, object]) -> None:
        if column is None:
            self.say(self.tr("Choose a number: Enter on a cell lists its segments."))
            return
        library = self._session.library
        chosen = {"subtags": settings["subtags"], "coders": settings["coders"]}

        def read(_progress: Progress) -> object:
            return matrices.document_segments(library, row.id, column.id, **chosen)  # type: ignore[arg-type]

        def shown(result: object) -> None:
            assert isinstance(result, matrices.SegmentsBehind)
            segments = with_sha256(result.segments, result.sha256)
            says = self.tr("%Ln segment(s): {row} × {column}.", None, len(segments))
            self.show_segments(segments, says.format(row=row.label, column=column.label))

        self.open_in_background(read, shown)


def cooccurrence_dock(
    window: QMainWindow, session: QtLibrarySession, beside: QDockWidget, **kwargs: object
) -> QtTableDock:
    """The Co-occurrence view (View › Co-occurrence, Ctrl+Shift+O)."""
    return QtTableDock(
        window, lambda dock: QtCooccurrencePanel(dock, session, **kwargs),
        title=QCoreApplication.translate("QtCooccurrencePanel", "Co-occurrence"), object_name="cooccurrence",
        menu_text=QCoreApplication.translate("QtCooccurrencePanel", "&Co-occurrence"), shortcut="Ctrl+Shift+O",
        beside=beside,
    )  # fmt: skip


def document_matrix_dock(
    window: QMainWindow, session: QtLibrarySession, beside: QDockWidget, **kwargs: object
) -> QtTableDock:
    """The Documents × tags view (View › Documents × tags, Ctrl+Shift+D)."""
    return QtTableDock(
        window, lambda dock: QtDocumentMatrixPanel(dock, session, **kwargs),
        title=QCoreApplication.translate("QtDocumentMatrixPanel", "Documents × tags"), object_name="document_matrix",
        menu_text=QCoreApplication.translate("QtDocumentMatrixPanel", "&Documents × tags"), shortcut="Ctrl+Shift+D",
        beside=beside,
    )  # fmt: skip
