"""UI: the find bar under the text pane (Edit › Find, Ctrl+F).

Typing searches the document's stored text with :mod:`annotator.core.search` (never the
widget's text: offsets stay code points, converted only by the pane), marks every hit in
the pane and selects the first hit at or after the cursor, so a tag key then tags it.
Enter or F3 goes to the next hit, Shift+Enter or Shift+F3 to the previous one (both wrap
around); the label says "3 of 17". Alt+C, Alt+W, Alt+R and Alt+L toggle case, whole word,
regular expression and loose matching. A pattern that cannot be searched (a bad or
refused regex) is said in the bar in one line, and nothing is marked. Esc closes the bar,
clears the marks and gives the keyboard back to the text with the hit still selected.
Auto-code… (Alt+A) asks the window to code every hit (``autocodeRequested(query)``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.errors import InvalidInput
from annotator.core.search import Query, compile_query
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_query_options import QtQueryOptions
from annotator.ui.qt_text_pane import QtTextPane

#: The most hits the bar marks and steps through (the search stops there): a pattern that matches
#: nearly everything ("." as a regex) stays a keystroke's work.
MOST_HITS = 20_000


class _PatternEdit(QLineEdit):
    """The bar's line edit: Enter and Shift+Enter step through hits."""

    def __init__(self, bar: QtFindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._bar.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        super().keyPressEvent(event)


class QtFindBar(QWidget):
    """UI: find in the current document; speaks code points to the pane.

    ``hitSelected(start, end)``: a hit was selected in the pane, as text to tag (code points).
    ``autocodeRequested(query)``: Auto-code… was asked for, for the hits of this :class:`Query`.
    """

    hitSelected = Signal(int, int)
    autocodeRequested = Signal(object)  # Query

    def __init__(self, pane: QtTextPane, text_of: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self._text_of = text_of  # the stored text of the document shown
        self._spans: list[tuple[int, int]] = []
        self._current = -1
        self.setAccessibleName(self.tr("Find in document"))
        self.edit = _PatternEdit(self)
        self.edit.setAccessibleName(self.tr("Find"))
        self.edit.setPlaceholderText(self.tr("Find in this document"))
        self.edit.setClearButtonEnabled(True)
        self.options = QtQueryOptions(self)  # Alt+C, Alt+W, Alt+R, Alt+L
        self.options.changed.connect(self.search)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("↑")
        self.previous_button.setAccessibleName(self.tr("Previous hit"))
        self.previous_button.setToolTip(self.tr("Previous hit (Shift+F3, Shift+Enter)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("↓")
        self.next_button.setAccessibleName(self.tr("Next hit"))
        self.next_button.setToolTip(self.tr("Next hit (F3, Enter)"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.autocode_button = QToolButton(self)
        self.autocode_button.setText(self.tr("Auto-code…"))
        self.autocode_button.setAccessibleName(self.tr("Auto-code hits"))
        self.autocode_button.setToolTip(
            self.tr("Tag every hit, its sentence or its paragraph, after a preview (Alt+A)")
        )
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Hits"))
        for button in (self.previous_button, self.next_button, self.autocode_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.count_label)
        for box in self.options.boxes:
            row.addWidget(box)
        row.addWidget(self.autocode_button)
        row.addWidget(self.close_button)
        autocode = QAction(self.tr("Auto-code hits"), self, shortcut=QKeySequence("Alt+A"))
        autocode.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        autocode.triggered.connect(self.request_autocode)
        self.addAction(autocode)
        self.autocode_button.clicked.connect(self.request_autocode)
        close = QAction(self.tr("Close find bar"), self, shortcut=QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # from a switch too
        close.triggered.connect(self.close_bar)
        self.addAction(close)
        self.edit.textChanged.connect(lambda _text: self.search())
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    # -- what the window calls ---------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the keyboard in its field (its text selected, to type over)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the text gets the keyboard, the hit stays selected."""
        self.hide()
        self.pane.mark_found([])
        self.pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) hit, wrapping around."""
        if not self.isVisible():
            self.open_bar()
            return
        if not self._spans:
            return
        if self._current < 0:
            self._current = self._first_from(direction)
        else:
            self._current = (self._current + direction) % len(self._spans)
        self._select_current()

    def search(self, *, select: bool = True) -> None:
        """Search the stored text again (the pattern or a switch changed) and select the first hit
        from the cursor on; without *select* (another document opened) only mark the hits."""
        self._spans, self._current = [], -1
        if not self.isVisible():
            return
        query = self.query()
        if query is None:
            self._show_count("")
            self.pane.mark_found([])
            return
        try:
            finder = compile_query(query)
        except InvalidInput as exc:
            self._show_count(str(exc))
            self.pane.mark_found([])
            return
        self._spans = finder.spans(self._text_of(), limit=MOST_HITS)  # "." over 8 MB: not gigabytes a keystroke
        self.pane.mark_found(self._spans)
        if not self._spans:
            self._show_count(self.tr("No hits"))
            return
        if not select:  # a document just opened keeps its reading position; F3 goes to a hit
            capped = len(self._spans) >= MOST_HITS
            hits = self.tr("{count}+ hits") if capped else self.tr("%Ln hit(s)", None, len(self._spans))
            self._show_count(hits.format(count=format_count(MOST_HITS)))
            return
        self._current = self._first_from(1)
        self._select_current()

    @property
    def hits(self) -> list[tuple[int, int]]:
        return self._spans

    def query(self) -> Query | None:
        """What the bar searches for, as typed and switched (None: nothing typed)."""
        pattern = self.edit.text()
        if not pattern:
            return None
        return self.options.query(pattern)

    def request_autocode(self) -> None:
        """Auto-code…: ask for the hits of the bar's query to be coded (said in the bar if there are none)."""
        query = self.query()
        if query is None or not self._spans:
            self._show_count(
                self.tr("No hits to auto-code") if query is not None else self.tr("Type what to find first")
            )
            return
        self.autocodeRequested.emit(query)

    # -- inside ------------------------------------------------------------------------------------

    def _first_from(self, direction: int) -> int:
        """The hit at or after the cursor (going forward), or the last one before it (backward)."""
        offsets = self.pane.selection_offsets()
        here = offsets[0] if offsets else self.pane.offset_map.from_utf16(self.pane.textCursor().position())
        starts = [start for start, _ in self._spans]
        if direction > 0:
            return bisect_left(starts, here) % len(self._spans)
        return (bisect_right(starts, here) - 1) % len(self._spans)

    def _select_current(self) -> None:
        start, end = self._spans[self._current]
        self.pane.select_span(start, end)
        self.hitSelected.emit(start, end)
        self._show_count(
            self.tr("{current} of {total}").format(current=format_count(self._current + 1), total=self._total())
        )

    def _total(self) -> str:
        """How many hits, as the bar says it: the first :data:`MOST_HITS` are all it keeps."""
        return format_count(MOST_HITS) + "+" if len(self._spans) >= MOST_HITS else format_count(len(self._spans))

    def _show_count(self, text: str) -> None:
        self.count_label.setText(text)
        self.count_label.setAccessibleDescription(text)  # a screen reader hears the count change
