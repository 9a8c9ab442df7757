"""UI: Word frequencies as a view (View › Word frequencies, Ctrl+Shift+W), a dock of
:mod:`annotator.ui.qt_table_panel`.

The table is :func:`~annotator.services.frequencies.word_frequencies`' (a row per word: how
often, in how many documents), with its options: the language whose stop words are left out
("none", or any Stopwords ISO list, named in the user's words by ``QLocale``; Alt+J), the
minimum length (Alt+N), how many of the most frequent words to keep (Alt+K: "all" or N) and
the documents (Alt+I). Each change counts again.

Enter on a word lists its occurrences in context beside the table, in the Search the library
view's keyword-in-context form (:class:`~annotator.ui.qt_library_search.QtSearchResultsModel`:
a row per document, a row per hit under it), read by
:func:`~annotator.services.frequencies.keyword_in_context` in the documents the table was
counted in: exactly the occurrences the row counts (every spelling, ``Straße`` for
``strasse``, not ``well`` inside ``well-being``), which a whole-word search alone would not
find. Enter on a hit shows it in its text with the SHA-256 of the text it was found in.

Word counts do not change when annotations do, so the table is marked out of date only when a
text in the library changed since it was counted (the SHA-256 of every text is compared, as
Search the library does) or the set or attribute it was counted in changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDockWidget, QMainWindow, QSpinBox, QTreeView, QWidget

from annotator.core.matrices import Header, Table
from annotator.core.words import stop_word_languages
from annotator.services import frequencies
from annotator.services.progress import Progress
from annotator.services.searching import DocumentHits, Scope, text_stamps
from annotator.ui.qt_library_search import QtSearchResultsModel, hit_table_tools
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_panel import QtTableDock, QtTablePanel


def language_label(code: str) -> str:
    """A stop word list's entry: the language's name and its ISO code (``German (de)``)."""
    name = QLocale.languageToString(QLocale(code).language())
    return f"{name} ({code})" if name and name != "C" else code


class QtFrequenciesPanel(QtTablePanel):
    """UI: word frequencies, and a word's occurrences in context."""

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        show_span: Callable[[str, int, int, str | None], bool],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(
            parent, session, title=self.tr("Word frequencies"), first=self.tr("word"), first_field="word", heat=False,
            selected_document_ids=selected_document_ids, report=report,
        )  # fmt: skip
        self._show_span = show_span
        self._stamps: dict[str, str] = {}  # every text's SHA-256 when the table shown was counted
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Leave out the stop words of"))
        self.language_box.addItem(self.tr("none"), None)
        languages = sorted(stop_word_languages(), key=lambda code: language_label(code).casefold())
        for code in languages:
            self.language_box.addItem(language_label(code), code)
        self.language_box.currentIndexChanged.connect(lambda _i: self.rerun())
        self.min_length_box = QSpinBox(self)
        self.min_length_box.setAccessibleName(self.tr("Minimum length, characters"))
        self.min_length_box.setRange(1, 100)
        self.top_box = QSpinBox(self)
        self.top_box.setAccessibleName(self.tr("Keep the most frequent words, 0 for all"))
        self.top_box.setRange(0, 1_000_000)
        self.top_box.setSpecialValueText(self.tr("all"))
        for box in (self.min_length_box, self.top_box):
            box.findChild(QWidget, "qt_spinbox_lineedit").setAccessibleName(box.accessibleName())  # what Tab reaches
            box.valueChanged.connect(lambda _v: self.rerun())
        self.add_option(self.tr("Stop words of (&J)"), self.language_box)
        self.add_option(self.tr("Mi&n. length"), self.min_length_box)
        self.add_option(self.tr("&Keep top"), self.top_box)

        self.kwic_model = QtSearchResultsModel(lambda _id: None, self)
        self.kwic_view = QTreeView(self)
        self.kwic_view.setModel(self.kwic_model)
        self.kwic_view.setAccessibleName(self.tr("The word in context"))
        self.kwic_view.setUniformRowHeights(True)
        self.kwic_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.kwic_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kwic_view.setTextElideMode(Qt.TextElideMode.ElideLeft)  # the left context keeps what is next to the hit
        self.kwic_view.header().setStretchLastSection(True)
        self.kwic_view.setColumnWidth(0, 220)
        self.kwic_view.setColumnWidth(1, 90)
        self.kwic_view.activated.connect(self._on_hit_activated)
        self.kwic_tools = hit_table_tools(self.kwic_view, self.kwic_model, self.tr("Word in context"), lambda: session.library,
                                          report)  # fmt: skip
        for button in (self.kwic_tools.copy_button, self.kwic_tools.export_button):
            button.setText(button.text().replace("&", ""))  # Alt+Y and Alt+P are the table's
        self.kwic_tools.copy_button.setAccessibleName(self.tr("Copy the selected occurrences"))
        self.finish(self.kwic_view, [self.kwic_tools.copy_button, self.kwic_tools.export_button])
        for signal in (session.refreshed, session.documentsChanged, session.libraryReloaded):
            signal.connect(self._check_texts)
        for signal in (session.setsChanged, session.attributesChanged):
            signal.connect(self._on_sets_or_attributes_changed)
        session.libraryReloaded.connect(self.cancel)  # a restore: the run reads a library that was replaced

    def settings(self) -> dict[str, object]:
        return {
            "scope": self.scope.scope(),
            "stopwords": self.language_box.currentData(),
            "top": self.top_box.value() or None,
            "min_length": self.min_length_box.value(),
        }

    def count(self, settings: dict[str, object], progress: Progress) -> object:
        library = self._session.library
        stamps = text_stamps(library)  # before the texts are read: a change meanwhile shows when compared
        return stamps, frequencies.word_frequencies(library, progress=progress, **settings)  # type: ignore[arg-type]

    def table_of(self, counted: object) -> Table:
        return counted[1]  # type: ignore[index,no-any-return]

    def counted(self, counted: object) -> None:
        self._stamps = counted[0]  # type: ignore[index]
        self.kwic_model.clear()
        self._check_texts()

    def describe(self, table: Table) -> str:
        return self.tr("%Ln word(s). Enter on a word lists it in context.", None, len(table.rows))

    def open_cell(self, row: Header, column: Header | None, settings: dict[str, object]) -> None:
        library, scope = self._session.library, settings["scope"]

        def read(progress: Progress) -> object:
            found = frequencies.keyword_in_context(library, row.id, scope=scope, progress=progress)  # type: ignore[arg-type]
            return [DocumentHits(w.document_id, w.title, w.hits, w.sha256) for w in found]

        def shown(result: object) -> None:
            assert isinstance(result, list)
            self.kwic_model.clear()
            self.kwic_model.add(result)
            for number in range(len(result)):
                self.kwic_view.setFirstColumnSpanned(number, QModelIndex(), True)
                self.kwic_view.expand(self.kwic_model.index(number, 0))
            hits = self.kwic_model.hit_count
            occurrences = self.tr("%Ln occurrence(s)", None, hits)
            says = self.tr("“{word}”: {occurrences} in %Ln document(s).", None, len(result))
            self.say(says.format(word=row.label, occurrences=occurrences))
            if result:
                self.kwic_view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.kwic_view.setCurrentIndex(self.kwic_model.index(0, 1, self.kwic_model.index(0, 0)))

        self.open_in_background(read, shown)

    def _on_hit_activated(self, index: QModelIndex) -> None:
        hit = self.kwic_model.hit_at(index)
        if hit is None:  # a document row: its first hit
            if index.internalId() != 0 or not self.kwic_model.documents:
                return
            hit = self.kwic_model.hits_of(index.row())[0]
        self._show_span(hit.document_id, hit.start, hit.end, hit.sha256)

    # -- the library changed ---------------------------------------------------------------------------

    def _check_texts(self) -> None:
        """Compare every text's SHA-256 with the table's; say so when one changed (a table being
        counted is compared when it is shown: its stamps were read before its texts)."""
        if self.counted_settings is None or self.stale or (self.running and self._job == "table"):
            return
        try:
            now = text_stamps(self._session.library)
        except USER_ERRORS:
            return  # the library cannot be read just now: the watcher says so
        if now != self._stamps:
            self.library_changed()

    def _on_sets_or_attributes_changed(self) -> None:
        if self.isVisible():
            self.reload_choices()
        scope = (self.counted_settings or {}).get("scope")
        if isinstance(scope, Scope) and (scope.set_name is not None or scope.where):
            self.library_changed()


def frequencies_dock(
    window: QMainWindow, session: QtLibrarySession, beside: QDockWidget, **kwargs: object
) -> QtTableDock:
    """The Word frequencies view (View › Word frequencies, Ctrl+Shift+W)."""
    return QtTableDock(
        window, lambda dock: QtFrequenciesPanel(dock, session, **kwargs),  # type: ignore[arg-type]
        title=QCoreApplication.translate("QtFrequenciesPanel", "Word frequencies"), object_name="word_frequencies",
        menu_text=QCoreApplication.translate("QtFrequenciesPanel", "&Word frequencies"), shortcut="Ctrl+Shift+W",
        beside=beside,
    )  # fmt: skip
