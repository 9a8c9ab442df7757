"""UI: the four switches of a text query (match case, whole words, regex, loose), as the find bar
and Search the library both show them, with Alt+C, Alt+W, Alt+R and Alt+L.

The keys are actions, not mnemonics ("&"): a mnemonic is window-wide, so while both the find bar
and the library search are shown their letters would meet and neither would work. An action
with a widget-with-children context works wherever the focus is in its owner, and only there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QWidget

from annotator.core.search import Query


class QtQueryOptions(QObject):
    """UI: the query switches of *owner* (their keys work inside it); ``changed`` when one is switched."""

    changed = Signal()

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.case_box = QCheckBox(self.tr("Match case"), owner)
        self.word_box = QCheckBox(self.tr("Whole words"), owner)
        self.regex_box = QCheckBox(self.tr("Regex"), owner)
        self.loose_box = QCheckBox(self.tr("Loose"), owner)
        self.case_box.setAccessibleName(self.tr("Match case"))
        self.word_box.setAccessibleName(self.tr("Whole words only"))
        self.regex_box.setAccessibleName(self.tr("Regular expression"))
        self.loose_box.setAccessibleName(self.tr("Loose: any white space, curly or straight quotes"))
        self.case_box.setToolTip(self.tr("Match case (Alt+C)"))
        self.word_box.setToolTip(self.tr("Whole words only: no letter, digit, _ or combining mark either side (Alt+W)"))
        self.regex_box.setToolTip(self.tr("A regular expression, as Python writes them (Alt+R)"))
        self.loose_box.setToolTip(
            self.tr(
                "White space matches any run of white space (NBSP, line breaks); quotes match curly or straight (Alt+L)"
            )
        )
        for box, key in zip(self.boxes, ("Alt+C", "Alt+W", "Alt+R", "Alt+L"), strict=True):
            action = QAction(box.text(), owner, shortcut=QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(box.toggle)
            owner.addAction(action)
            box.toggled.connect(lambda _on: self.changed.emit())

    @property
    def boxes(self) -> tuple[QCheckBox, QCheckBox, QCheckBox, QCheckBox]:
        """The switches in the order they are shown."""
        return self.case_box, self.word_box, self.regex_box, self.loose_box

    def query(self, pattern: str) -> Query:
        """*pattern* with the switches as they are now."""
        return Query(
            pattern,
            regex=self.regex_box.isChecked(),
            case=self.case_box.isChecked(),
            word=self.word_box.isChecked(),
            loose=self.loose_box.isChecked(),
        )

    def show_query(self, query: Query) -> None:
        """Switch the boxes as *query* has them, without ``changed`` (the caller searches once)."""
        for box, on in zip(self.boxes, (query.case, query.word, query.regex, query.loose), strict=True):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
