"""UI: View › Coding stripes: a bar per annotation beside the text, as MAXQDA and NVivo show them.

Each annotation the text shows (so only those View › Coders shows) has a bar in its tag's colour
(made to stand out on the page, ≥ 3:1) from the line where it starts to the line where it ends,
in the left margin of the text column. Annotations that overlap stand in columns side by side:
each gets the lowest column free where it starts (interval-graph colouring, greedy by start: as
few columns as the most annotations over one place). With a few columns each is wide enough to
name its tag beside the top of the bar, where the bar is tall enough for it; with many the bars
are thin and the tooltip names them. A click on a bar shows its annotation as clicking its row
does; hovering says its tag, coder and note.

The columns are worked out once per change of the annotations shown (the span index's
``version``), not per paint; a paint asks the span index only for the annotations on screen.
Shown or not is saved in ``settings.json`` (``coding_stripes``). The menu entry is the keyboard
path; the Outline and the inspector say what the bars say.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core import colours
from annotator.core.coders import coder_label
from annotator.core.memos import preview
from annotator.core.model import Tag
from annotator.core.spans import Span, SpanIndex, columns
from annotator.ui.qt_session import QtLibrarySession
from annotator.ui.qt_settings import QtSettingsFlow
from annotator.ui.qt_text_pane import QtTextPane, rgb, theme_of

# Pixels of a bar, and of the gap between columns.
BAR = 4
GAP = 2
# The stripes are at most this wide; a column with a label is this many average characters wide.
MAX_WIDTH = 180
LABEL_CHARS = 10


class QtCodingStripes(QWidget):
    """UI: the coding stripes (see the module's docstring), a child of *pane* placed by it
    (:meth:`QtTextPane.set_gutter`); ``toggle_action`` is View › Coding stripes."""

    def __init__(
        self, session: QtLibrarySession, pane: QtTextPane, settings: QtSettingsFlow, jump: Callable[[str], None]
    ) -> None:
        super().__init__(pane)
        self.setAccessibleName(self.tr("Coding stripes"))
        self.setAccessibleDescription(
            self.tr("A bar per annotation in its tag's colour; click one to select it. The Outline lists them.")
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._session = session
        self._pane = pane
        self._settings = settings
        self._jump = jump
        self._index: SpanIndex | None = None  # the index the columns were worked out for, and its version
        self._version = -1
        self._columns: dict[str, int] = {}
        self._count = 0
        self._width = 0
        self._colors: dict[str, QColor] = {}  # tag id -> its bar's colour on this palette
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit)
        self.toggle_action = QAction(self.tr("Codi&ng stripes"), self, checkable=True)
        self.toggle_action.setToolTip(self.tr("A bar per annotation beside the text, in its tag's colour"))
        self.toggle_action.setChecked(settings.settings.coding_stripes)
        self.toggle_action.toggled.connect(self._on_toggled)
        session.tagsChanged.connect(self._on_tags_changed)
        for signal in (session.annotationsChanged, session.documentOpened):
            signal.connect(lambda *_args: self._refit.start())  # once the pane has its annotations
        pane.updateRequest.connect(self._on_update_request)
        self.setVisible(settings.settings.coding_stripes)
        pane.set_gutter(self)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        """The text scrolled or was repainted whole (new highlights): the bars follow; not for the caret's blink."""
        if dy or rect.contains(self._pane.viewport().rect()):
            self.update()

    # -- shown or not ---------------------------------------------------------------------------

    def _on_toggled(self, on: bool) -> None:
        self.setVisible(on)
        self._fit()
        if self._settings.settings.coding_stripes != on:
            self._settings.change(coding_stripes=on)

    def sizeHint(self) -> QSize:
        self._update_columns()
        return QSize(self._width, 100)

    def _fit(self) -> None:
        """Give the stripes the width their columns need (the pane widens its margin if it must)."""
        self._update_columns()
        self._pane.set_gutter(self)
        self.update()

    # -- the columns ----------------------------------------------------------------------------

    def _update_columns(self) -> None:
        """Work the columns out again if the annotations shown changed since; a new width is fitted
        at once (after this paint, when asked by one)."""
        index = self._pane.highlighter.index
        if index is self._index and index.version == self._version:
            return
        self._index, self._version = index, index.version
        self._columns, self._count = columns(index.overlapping(0, len(self._pane.text) + 1))
        width = min(MAX_WIDTH, self._count * self.column_width(self._count)) if self._count else 0
        if width != self._width:
            self._width = width
            self._refit.start()

    def column_width(self, count: int) -> int:
        """Pixels per column for *count* columns: room for a label while they fit, else thinner."""
        labelled = self.fontMetrics().averageCharWidth() * LABEL_CHARS + BAR + GAP
        if count * labelled <= MAX_WIDTH:
            return labelled
        return max(1, MAX_WIDTH // max(1, count))

    def column_of(self, annotation_id: str) -> int | None:
        self._update_columns()
        return self._columns.get(annotation_id)

    @property
    def column_count(self) -> int:
        self._update_columns()
        return self._count

    # -- colours --------------------------------------------------------------------------------

    def _on_tags_changed(self) -> None:
        self._colors.clear()
        self.update()

    def bar_color(self, tag: Tag | None) -> QColor:
        """A tag's colour made to stand out on the page (≥ 3:1), as the pane's lines are."""
        tag_id = tag.id if tag is not None else ""
        color = self._colors.get(tag_id)
        if color is None:
            base = theme_of(self.palette())[0]
            mid = rgb(self.palette().color(QPalette.ColorRole.Mid))
            color = QColor(*colours.visible_on(colours.parse(tag.color) if tag is not None else mid, base))
            self._colors[tag_id] = color
        return color

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # a theme: the page and the bars' contrast
            self._colors.clear()
        super().changeEvent(event)

    # -- painting -------------------------------------------------------------------------------

    def bars(self) -> list[tuple[QRect, Span]]:
        """The bars of the annotations on screen, in the stripes' coordinates, in text order."""
        self._update_columns()
        pane = self._pane
        block = pane.firstVisibleBlock()
        if not block.isValid() or not self._count:
            return []
        offset = pane.contentOffset()
        bottom = pane.viewport().height()
        first = block
        while block.next().isValid() and pane.blockBoundingGeometry(block).translated(offset).bottom() < bottom:
            block = block.next()
        offsets = pane.offset_map
        low = offsets.from_utf16(first.position())
        high = offsets.from_utf16(min(block.position() + block.length(), offsets.utf16_length))
        step = self.column_width(self._count)
        bar = min(BAR, step)
        found = []
        for span in pane.highlighter.index.overlapping(low, high):
            column = self._columns.get(span.annotation_id)
            if column is None:
                continue
            top = self._line_y(span.start, top=True) if span.start >= low else -1
            end = self._line_y(max(span.start, span.end - 1), top=False) if span.end <= high else bottom + 1
            x = self._width - (column + 1) * step  # the first column nearest the text
            if x < 0:
                continue  # more columns than room: the Outline lists it
            found.append((QRect(x + step - bar, top, bar, max(1, end - top)), span))
        return found

    def _line_y(self, offset: int, *, top: bool) -> int:
        """The top (or bottom) of the laid-out line holding code point *offset*, in the viewport's rows."""
        pane = self._pane
        position = pane.offset_map.to_utf16(offset)
        block = pane.document().findBlock(position)
        geometry = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
        if line is None or not line.isValid():
            return int(geometry.top() if top else geometry.bottom())
        y = geometry.top() + line.y() + (0 if top else line.height())
        return int(y)

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            tags = {t.id: t for t in self._session.tags}
            labelled = self.column_width(self._count) > self.fontMetrics().averageCharWidth() * 3
            height = self.fontMetrics().height()
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            for rect, span in self.bars():
                tag = tags.get(span.tag_id)
                painter.fillRect(rect, self.bar_color(tag))
                if labelled and tag is not None and rect.height() >= height and rect.top() >= 0:
                    room = QRect(rect.left() - self.column_width(self._count) + BAR + GAP, rect.top(), 0, height)
                    room.setRight(rect.left() - GAP)
                    name = self.fontMetrics().elidedText(tag.name, Qt.TextElideMode.ElideRight, room.width())
                    painter.drawText(room, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, name)
        finally:
            painter.end()

    # -- pointing -------------------------------------------------------------------------------

    def annotation_at(self, x: int, y: int) -> str | None:
        """The annotation whose bar (or its column's width beside it) is at (*x*, *y*)."""
        step = self.column_width(self._count)
        for rect, span in reversed(self.bars()):
            if rect.top() <= y <= rect.bottom() and rect.right() - step < x <= rect.right() + GAP:
                return span.annotation_id
        return None

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        point = event.position().toPoint()
        found = self.annotation_at(point.x(), point.y())
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self._jump(found)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            found = self.annotation_at(event.pos().x(), event.pos().y())  # type: ignore[attr-defined]
            if found is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(found), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def describe(self, annotation_id: str) -> str:
        """What hovering a bar says: its tag, coder and the start of its note (as rich text)."""
        annotation = self._session.annotations.get(annotation_id)
        if annotation is None:
            return ""
        tag = self._session.tag(annotation.tag_id)
        said = f"<b>{escape(tag.name if tag is not None else '?')}</b>"
        if annotation.coder:
            said += (
                " <i>"
                + escape(
                    self.tr("by {coder}").format(coder=coder_label(annotation.coder, None, QCoreApplication.translate))
                )
                + "</i>"
            )
        if annotation.note:
            said += "<br>" + escape(preview(annotation.note)).replace("\n", "<br>")
        return said
