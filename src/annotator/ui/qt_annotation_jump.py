"""UI: Jump to annotation (Ctrl+J): the open document's annotations in text order, typed to filter.

The quick-pick popup (:mod:`annotator.ui.qt_quick_pick`) listing annotations instead of tags:
each row says its tag, the first words of its quote, its note and its coder. Every word typed
must appear in a row for it to stay (the rows keep their text order; the first
:data:`~annotator.ui.qt_quick_pick.LIMIT` are listed); Enter shows the chosen one
as clicking its row in the annotation list does. Only the annotations the window shows are
listed (View › Coders, blind coding).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QWidget

from annotator.core.codebook import labels as tag_labels
from annotator.core.model import Annotation, Tag
from annotator.ui.qt_quick_pick import LIMIT, QtQuickPick
from annotator.ui.qt_tag_tree import swatch

#: How many words of a quote or a note a row shows.
WORDS = 8


def first_words(text: str, count: int = WORDS) -> str:
    """The first *count* words of *text* on one line, "…" when there were more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def row_text(annotation: Annotation, tag_label: str) -> str:
    """What a row of the picker says about *annotation* (and what typing is matched against)."""
    parts = [tag_label, f"“{first_words(annotation.quote)}”"]
    if annotation.note.strip():
        parts.append(first_words(annotation.note))
    if annotation.coder:
        parts.append(annotation.coder)
    return " — ".join(parts)


def matches(query: str, folded: str) -> bool:
    """Every word of *query* is in *folded* (a row's text already case-folded), ignoring case."""
    return all(word in folded for word in query.casefold().split())


class QtAnnotationJump(QtQuickPick):
    """UI: the Jump to annotation popup and its action. ``picked(annotation_id)`` on Enter.

    *annotations* gives the ones shown, *tags* the codebook; *report* says why nothing opened.
    """

    def __init__(
        self,
        window: QWidget,
        annotations: Callable[[], list[Annotation]],
        tags: Callable[[], list[Tag]],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.setAccessibleName(self.tr("Jump to an annotation"))
        self.edit.setPlaceholderText(self.tr("Type a tag, words, a note or a coder; Enter goes there"))
        self.edit.setAccessibleName(self.tr("Annotation to jump to"))
        self.list.setAccessibleName(self.tr("Matching annotations"))
        self.resize(520, 320)
        self._window = window
        self._annotations = annotations
        self._tags = tags
        self._report = report
        # (text, its case-folded form, annotation id, colour), in text order; folded once per opening
        self._rows: list[tuple[str, str, str, str]] = []
        self.action = QAction(self.tr("&Jump to annotation…"), window, shortcut=QKeySequence("Ctrl+J"))
        self.action.setToolTip(self.tr("Choose one of this document's annotations by typing, and go to it"))
        self.action.triggered.connect(lambda _checked=False: self.open_jump())
        window.addAction(self.action)

    def open_jump(self) -> None:
        """List the shown annotations, in text order, over the middle of the window."""
        annotations = sorted(self._annotations(), key=lambda a: (a.start, a.end))
        if not annotations:
            self._report(self.tr("No annotations shown in this document to jump to."))
            return
        tags = {tag.id: tag for tag in self._tags()}
        labels = tag_labels(list(tags.values()))  # a name two tags share: their paths
        self._rows = []
        for annotation in annotations:
            tag = tags.get(annotation.tag_id)
            text = row_text(annotation, labels.get(annotation.tag_id, "?"))
            self._rows.append((text, text.casefold(), annotation.id, tag.color if tag else "#999999"))
        self.pop_up(self._window)

    def _on_edit_text_changed(self, text: str) -> None:
        self.list.clear()
        shown = 0
        for row, folded, annotation_id, color in self._rows:
            if shown == LIMIT:
                break
            if matches(text, folded):
                item = QListWidgetItem(swatch(color), row)
                item.setData(Qt.ItemDataRole.UserRole, annotation_id)
                self.list.addItem(item)
                shown += 1
        self.list.setCurrentRow(0 if shown else -1)
