"""UI: the reading pane: a read-only QPlainTextEdit with tag highlights.

This is the one place where Qt's UTF-16 positions meet our code-point offsets:
an :class:`~annotator.core.offsets.OffsetMap` built once per document converts
at the widget boundary. Quotes are never read back from the widget; the pane
only reports offsets, and services cut quotes from the stored text.

Highlights come from a QSyntaxHighlighter that asks a
:class:`~annotator.core.spans.SpanIndex` for the spans of each block, on-screen
blocks first and the rest when idle, and nothing is written into the document
(no undo entries, no modified flag).
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core import colours, themes, words
from annotator.core.coders import CONTEXT as CODERS
from annotator.core.coders import STYLE_NAMES, coder_label
from annotator.core.memos import preview
from annotator.core.model import Annotation, Tag
from annotator.core.offsets import OffsetMap
from annotator.core.sentences import segment
from annotator.core.spans import Span, SpanIndex, last_coder, segments

_WHITESPACE = " \t\n\u00a0\u2028\u2029\u3000\u200b"


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a selection so it neither starts nor ends with whitespace; None if nothing is left."""
    while start < end and text[start] in _WHITESPACE:
        start += 1
    while end > start and text[end - 1] in _WHITESPACE:
        end -= 1
    return (start, end) if start < end else None


#: The pane's font until the settings (Edit › Settings…) name another.
DEFAULT_FAMILY = "Serif"
DEFAULT_POINT_SIZE = 12.5

#: How each coder style of :mod:`annotator.core.coders` is drawn.
UNDERLINES = {
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dash-dot": QTextCharFormat.UnderlineStyle.DashDotLine,
    "dash-dot-dot": QTextCharFormat.UnderlineStyle.DashDotDotLine,
}
#: How each tag pattern of :data:`annotator.core.themes.TAG_PATTERNS` is drawn.
PATTERNS = {"solid": QTextCharFormat.UnderlineStyle.SingleUnderline, **UNDERLINES}


def annotation_span(annotation: Annotation) -> Span:
    return Span(annotation.start, annotation.end, annotation.tag_id, annotation.id, annotation.coder)


def rgb(color: QColor) -> colours.RGB:
    return color.red(), color.green(), color.blue()


def theme_of(palette: QPalette) -> tuple[colours.RGB, colours.RGB]:
    """The page and text colours a palette gives the pane (Base and Text)."""
    return rgb(palette.color(QPalette.ColorRole.Base)), rgb(palette.color(QPalette.ColorRole.Text))


def painted(color: QColor, theme: tuple[colours.RGB, colours.RGB], strength: float) -> colours.Highlight:
    """A tag colour as the pane paints it on this theme's page: text on it stays readable (≥ 4.5:1)."""
    base, text = theme
    return colours.highlight(rgb(color), base=base, text=text, strength=strength)


class QtSpanHighlighter(QSyntaxHighlighter):
    """UI: paints each block's annotation spans in their tags' colours.

    One tag: a light tint of its colour. Overlapping tags: their colours
    blended, a little stronger, and underlined in the colour of the tag that
    starts last, so both can be told apart. An annotation by a coder who has a
    style (:meth:`set_coder_styles`: other coders than the user) is underlined
    in that style (dashed, dotted, wavy...), the fill still its tag's colour.

    The highlight style (:meth:`set_highlight_style`, see :mod:`annotator.core.themes`)
    trades the tint for a line in the tag's colour (``underline``) or adds that line to it
    (``both``); every line is darkened or lightened to 3:1 against what it is drawn on (the
    page, or the tint). In ``underline`` an overlap keeps its blended tint under the line of
    the tag that starts last: a line alone would look like that one tag. With
    tag patterns on (:meth:`set_tag_patterns`) each tag's line has the pattern of its place
    in the codebook. Coder styles and tag patterns would both speak through the underline,
    so while coder styles are in use (other coders' annotations shown) they win: tag
    patterns wait until no coder style is set (View › Coders showing only the user's).

    Highlighting is lazy. A new text is laid out in a fresh document with no
    highlighter attached (a highlighter is called for every block as Qt lays
    them out: ~15 ms for 8,000 blocks even when it does nothing); then
    :meth:`attach` takes it, the pane asks for the blocks on screen first
    (:meth:`ensure`), and the rest are done in small slices when the event loop
    is idle. Qt's own full pass after attaching skips blocks not yet due.
    """

    SLICE_SECONDS = 0.006

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._index = SpanIndex()
        self._map = OffsetMap("")
        self._colors: dict[str, QColor] = {}
        self._theme: tuple[colours.RGB, colours.RGB] = (colours.WHITE, colours.BLACK)  # page, text
        self._formats: dict[tuple[tuple[str, ...], str | None], QTextCharFormat] = {}
        self._coder_styles: dict[str, str] = {}  # coder -> a style of UNDERLINES
        self._order: dict[str, int] = {}  # tag id -> its place in the codebook (its pattern)
        self._style = themes.FILL
        self._patterns = False
        self._forcing = False  # set while we ask for a block (Qt's own passes skip blocks not yet due)
        self._done = bytearray()
        self._next_block = 0
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._on_idle_timeout)

    @property
    def index(self) -> SpanIndex:
        return self._index

    @property
    def pending(self) -> bool:
        """True while some blocks have not been highlighted yet."""
        return self._idle.isActive()

    def attach(self, document: QTextDocument, offset_map: OffsetMap, spans: list[Span], tags: list[Tag]) -> None:
        """Highlight *document* (already laid out) with *spans*; blocks come through :meth:`ensure`."""
        self._idle.stop()
        self._map = offset_map
        self._index = SpanIndex(spans)
        self.setDocument(document)
        self.set_tags(tags)  # the tags' colours and order, fresh formats, and the blocks due again

    def _restart(self) -> None:
        document = self.document()
        self._done = bytearray(document.blockCount()) if document is not None else bytearray()
        self._next_block = 0
        if len(self._index) and document is not None:  # e.g. a palette change as the window closes
            self._idle.start()

    def set_tags(self, tags: list[Tag]) -> None:
        self._colors = {t.id: QColor(t.color) for t in tags}
        self._order = {t.id: position for position, t in enumerate(tags)}
        self._formats.clear()
        self._restart()

    @property
    def coder_styles(self) -> dict[str, str]:
        return self._coder_styles

    def set_coder_styles(self, styles: dict[str, str]) -> None:
        """Underline each coder's annotations in their style (coder -> a key of :data:`UNDERLINES`)."""
        if styles != self._coder_styles:
            self._coder_styles = dict(styles)
            self._formats.clear()
            self._restart()

    @property
    def highlight_style(self) -> str:
        return self._style

    @property
    def tag_patterns(self) -> bool:
        return self._patterns

    def set_highlight_style(self, style: str) -> None:
        """Show tags as a tint, a line in their colour, or both (a key of :data:`themes.HIGHLIGHT_STYLES`)."""
        if style not in themes.HIGHLIGHT_STYLES:
            raise ValueError(f"not a highlight style: {style!r}")
        if style != self._style:
            self._style = style
            self._formats.clear()
            self._restart()

    def set_tag_patterns(self, on: bool) -> None:
        """Give each tag's underline a pattern of its own (while no coder style is in use)."""
        if on != self._patterns:
            self._patterns = on
            self._formats.clear()
            self._restart()

    def pattern_of(self, tag_id: str) -> str | None:
        """The pattern (:data:`themes.TAG_PATTERNS`) *tag_id*'s line is drawn in; None while tag
        patterns are off or coder styles take the underline."""
        if not self._patterns or self._coder_styles:
            return None
        return themes.tag_pattern(self._order.get(tag_id, 0))

    def replace_spans(self, spans: list[Span]) -> None:
        """Highlight these spans instead (whose annotations are shown changed), lazily as after :meth:`attach`."""
        self._index = SpanIndex(spans)
        self.redo_all()

    def redo_all(self) -> None:
        """Highlight every block again (the index changed wholesale), lazily as after :meth:`attach`.

        Even with no span left: each block's old highlights are cleared when its turn comes.
        """
        document = self.document()
        if document is None:
            return
        self._done = bytearray(document.blockCount())
        self._next_block = 0
        self._idle.start()

    def set_theme(self, theme: tuple[colours.RGB, colours.RGB]) -> None:
        """Paint on a page of these (base, text) colours from now on (the palette changed: light or dark)."""
        if theme != self._theme:
            self._theme = theme
            self._formats.clear()
            self._restart()

    def ensure(self, block: QTextBlock) -> None:
        """Highlight *block* now if it has not been yet."""
        number = block.blockNumber()
        if number < len(self._done) and not self._done[number]:
            self._force(block)

    def _force(self, block: QTextBlock) -> None:
        self._forcing = True
        try:
            self.rehighlightBlock(block)
        finally:
            self._forcing = False

    def _on_idle_timeout(self) -> None:
        deadline = time.perf_counter() + self.SLICE_SECONDS
        if self.document() is None:  # the pane's document is gone (the window closed)
            self._idle.stop()
            return
        block = self.document().findBlockByNumber(self._next_block)
        while block.isValid():
            self.ensure(block)
            block = block.next()
            if time.perf_counter() > deadline:
                break
        if block.isValid():
            self._next_block = block.blockNumber()
        else:
            self._idle.stop()

    def _format(self, tag_ids: tuple[str, ...], style: str | None = None) -> QTextCharFormat:
        fmt = self._formats.get((tag_ids, style))
        if fmt is None:
            fmt = self._formats[(tag_ids, style)] = self._new_format(tag_ids, style)
        return fmt

    def _new_format(self, tag_ids: tuple[str, ...], style: str | None) -> QTextCharFormat:
        colors = [self._colors.get(t, QColor("#999999")) for t in tag_ids]
        fmt = QTextCharFormat()
        under = self._theme[0]  # what a line is drawn on: the page, or the tint when there is one
        overlap = len(colors) > 1
        if self._style != themes.UNDERLINE or overlap:  # an overlap is tinted in every style
            if overlap:
                mixed = colours.average(rgb(c) for c in colors)
                look = painted(QColor(*mixed), self._theme, colours.OVERLAP_STRENGTH)
            else:
                look = painted(colors[0], self._theme, colours.SINGLE_STRENGTH)
            fmt.setBackground(QColor(*look.background))
            fmt.setForeground(QColor(*look.foreground))
            under = look.background
        line = QColor(*colours.visible_on(rgb(colors[-1]), under))
        if style is not None:  # another coder's annotation: their style wins
            fmt.setUnderlineStyle(UNDERLINES[style])
            if self._style == themes.FILL and len(colors) == 1:
                fmt.setUnderlineColor(fmt.foreground().color())
            else:
                fmt.setUnderlineColor(line)
        elif (pattern := self.pattern_of(tag_ids[-1])) is not None:
            fmt.setUnderlineStyle(PATTERNS[pattern])
            fmt.setUnderlineColor(line)
        elif self._style != themes.FILL or overlap:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(line)
        return fmt

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        number = block.blockNumber()
        if number >= len(self._done):
            return
        if not self._forcing and not self._done[number]:
            return  # Qt's full pass after attach: this block's turn comes (on screen or when idle)
        self._done[number] = 1
        if not len(self._index):
            return
        u_block = block.position()
        cp_start = self._map.from_utf16(u_block)
        cp_end = cp_start + len(text)
        spans = self._index.overlapping(cp_start, cp_end)
        if not spans:
            return
        to_utf16, styles = self._map.to_utf16, self._coder_styles
        for a, b, tag_ids in segments(spans, cp_start, cp_end):
            ua = to_utf16(a)
            coder = last_coder(spans, a, b, styles) if styles else None
            style = styles[coder] if coder is not None else None
            self.setFormat(ua - u_block, to_utf16(b) - ua, self._format(tag_ids, style))

    def rehighlight_span(self, start: int, end: int) -> None:
        """Repaint only the blocks that code points [start, end) touch."""
        doc = self.document()
        block = doc.findBlock(self._map.to_utf16(start))
        last = doc.findBlock(self._map.to_utf16(max(start, end - 1)))
        while block.isValid():
            self._force(block)
            if block == last:
                break
            block = block.next()


def _innermost_first(spans: list[Span]) -> list[Span]:
    """Spans around one place, the shortest (the innermost) first."""
    return sorted(spans, key=lambda s: (s.end - s.start, s.start))


class QtTextPane(QPlainTextEdit):
    """UI: the read-only text pane. Speaks code-point offsets to everyone else.

    Signals: ``spanClicked(str)`` with the id of the annotation under a plain
    click ("" for none); ``selectionSpanChanged()`` when the text selection changes;
    ``tagsAtCursorChanged(str)`` with what :meth:`tags_at_cursor` says, when that changes.
    """

    spanClicked = Signal(str)
    #: Ctrl+mouse wheel: zoom by this many steps (the window's zoom, saved; not Qt's own).
    zoomRequested = Signal(int)
    tagsAtCursorChanged = Signal(str)
    #: What a screen reader says of the pane where the caret is in no annotation.
    HELP = QT_TRANSLATE_NOOP(
        "QtTextPane",
        "The text being read: select with Shift and the arrows, ] and [ go to the next and previous annotation",
    )
    FOCUS_WIDTH = 2  # pixels of the focus outline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Document text"))  # what a screen reader says on reaching the pane
        self.setAccessibleDescription(self.tr(self.HELP))
        self._said = ""  # what the description last said of the annotations at the caret
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)  # file drops go to the main window
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(DEFAULT_FAMILY)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(DEFAULT_POINT_SIZE)
        self.setFont(font)
        self.setCenterOnScroll(False)
        self._line_width = 0  # the text column's width in average characters; 0 = the pane's
        # The code point kept at the top by the last font change, and the scroll bar's value then:
        # each change keeps the start of the top line, which would creep up over several zoom steps.
        self._reading_anchor: tuple[int, int] | None = None
        self._wheel_steps = 0.0  # a touchpad's small Ctrl+wheel deltas, summed to whole zoom steps
        self._text = ""
        self._map = OffsetMap("")
        self._tags: dict[str, Tag] = {}
        self._notes: dict[str, str] = {}
        self._focused: str | None = None
        self._focus_selection: list[QTextEdit.ExtraSelection] = []
        self._find_spans: list[tuple[int, int]] = []  # the find bar's hits, code points, in order
        self._find_starts: list[int] = []
        # A reading position asked for before the text was laid out at its width (the window
        # not shown yet): lines are only known then, so it is applied on the next resize.
        self._pending_top: int | None = None
        #: A selection dragged with the mouse takes in whole words (a setting, see the Edit menu).
        self.snap_to_words = True
        self._press_position: QPoint | None = None
        self._gutter: QWidget | None = None  # see set_gutter
        self.highlighter = QtSpanHighlighter(None)
        self.highlighter.set_theme(theme_of(self.palette()))
        # The side margins' colour: the page's, as the text column's (see _fit_column).
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.verticalScrollBar().valueChanged.connect(self._highlight_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._show_extra_selections())
        # A Shift+arrow or a drag moves the caret and the selection at once: both signals, one look.
        self._announce_soon = QTimer(self, singleShot=True, interval=0)
        self._announce_soon.timeout.connect(self._announce_tags)
        self.cursorPositionChanged.connect(self._announce_soon.start)
        self.selectionChanged.connect(self._announce_soon.start)
        self.show_document("", [], [])

    # -- content -----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The stored text being shown (never read back from the widget)."""
        return self._text

    @property
    def offset_map(self) -> OffsetMap:
        return self._map

    def show_document(self, text: str, annotations: list[Annotation], tags: list[Tag]) -> None:
        """Show *text* with its annotations highlighted."""
        self._text = text
        self._map = OffsetMap(text)
        self._tags = {t.id: t for t in tags}
        self._notes = {a.id: a.note for a in annotations}
        self._focused = None
        self._pending_top = None
        self._reading_anchor = None
        self._focus_selection = []
        self._find_spans, self._find_starts = [], []
        # The extra selections (find hits, the outline) go with the old document: setDocument
        # clears them. Clearing them first made Qt measure the old outline, which crashed on texts
        # over ~2 million characters read far below it (tests/ui/test_large_document_close.py).
        spans = [annotation_span(a) for a in annotations]
        document = QTextDocument(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.font())  # laid out once, in the pane's font
        document.setDocumentMargin(18)
        document.setUndoRedoEnabled(False)
        document.setPlainText(text)
        previous = self.document()
        ours = previous is not None and previous.parent() is self  # Qt deletes its own first one
        self.setDocument(document)
        if ours:
            previous.deleteLater()
        self.highlighter.attach(document, self._map, spans, tags)
        self._highlight_visible()
        self._announce_tags()

    def clear_document(self) -> None:
        self.show_document("", [], list(self._tags.values()))

    def set_tags(self, tags: list[Tag]) -> None:
        self._tags = {t.id: t for t in tags}
        self.highlighter.set_tags(tags)
        self._highlight_visible()
        self._announce_tags()

    def _highlight_visible(self) -> None:
        """Highlight the blocks on screen now; the highlighter does the rest when idle."""
        if not self.highlighter.pending:
            return
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            self.highlighter.ensure(block)
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            block = block.next()

    def put_annotation(self, annotation: Annotation) -> None:
        """Add or update one annotation's highlight, repainting only what it touches."""
        old = self.highlighter.index.get(annotation.id)
        self.highlighter.index.add(annotation_span(annotation))
        self._notes[annotation.id] = annotation.note
        if old is not None:
            self.highlighter.rehighlight_span(old.start, old.end)
        self.highlighter.rehighlight_span(annotation.start, annotation.end)
        if self._focused == annotation.id:
            self.focus_annotation(annotation.id)
        elif self._find_spans:  # a hit now inside an annotation keeps its tint: marked anew
            self._show_extra_selections()
        self._announce_tags()

    #: More annotations than this changed at once (a merge, an undone delete of many): the
    #: highlights are redone lazily, on screen now and the rest when idle, instead of
    #: repainting every block each one touches (seconds for 10,000).
    BULK = 64

    def update_annotations(self, removed: Sequence[str], put: Sequence[Annotation]) -> None:
        """Remove the highlights of *removed* (ids), then add or update those of *put*."""
        if len(removed) + len(put) <= self.BULK:
            for annotation_id in removed:
                self.remove_annotation(annotation_id)
            for annotation in put:
                self.put_annotation(annotation)
            return
        index = self.highlighter.index
        for annotation_id in removed:
            index.remove(annotation_id)
            self._notes.pop(annotation_id, None)
        for a in put:
            index.add(annotation_span(a))
            self._notes[a.id] = a.note
        self.highlighter.redo_all()
        self._highlight_visible()
        if self._focused is not None:
            self.focus_annotation(self._focused if index.get(self._focused) is not None else None)
        elif self._find_spans:
            self._show_extra_selections()
        self._announce_tags()

    def show_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Highlight these annotations of the text shown instead of those highlighted (whose are shown
        changed): the text stays laid out, the highlights are redone on screen now and the rest when idle."""
        self._notes = {a.id: a.note for a in annotations}
        self.highlighter.replace_spans([annotation_span(a) for a in annotations])
        self._highlight_visible()
        if self._focused is not None:
            self.focus_annotation(self._focused if self._focused in self.highlighter.index else None)
        elif self._find_spans:
            self._show_extra_selections()
        self._announce_tags()

    def set_coder_styles(self, styles: dict[str, str]) -> None:
        """Underline each coder's annotations in their style (see :meth:`QtSpanHighlighter.set_coder_styles`)."""
        self.highlighter.set_coder_styles(styles)
        self._highlight_visible()

    def set_highlight_style(self, style: str) -> None:
        """Show tags as a tint, a line in their colour, or both (see :mod:`annotator.core.themes`)."""
        self.highlighter.set_highlight_style(style)
        self._highlight_visible()

    def set_tag_patterns(self, on: bool) -> None:
        """Give each tag's underline a pattern of its own (see :class:`QtSpanHighlighter`)."""
        self.highlighter.set_tag_patterns(on)
        self._highlight_visible()

    def remove_annotation(self, annotation_id: str) -> None:
        span = self.highlighter.index.remove(annotation_id)
        self._notes.pop(annotation_id, None)
        if span is not None:
            self.highlighter.rehighlight_span(span.start, span.end)
        if self._focused == annotation_id:
            self.focus_annotation(None)
        elif self._find_spans:
            self._show_extra_selections()
        self._announce_tags()

    # -- offsets in and out ------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code points into the stored text, trimmed of surrounding whitespace."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.from_utf16(cursor.selectionStart())
        end = self._map.from_utf16(cursor.selectionEnd())
        return trim_span(self._text, start, end)

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selection as code points exactly as it is (not trimmed); None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.from_utf16(cursor.selectionStart()), self._map.from_utf16(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) and scroll them into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def extend_by_sentence(self, step: int) -> None:
        """Move the selection's moving end to the next sentence's end (*step* > 0) or the previous
        one's start (*step* < 0), its other end staying put (Alt+Shift+Right / Alt+Shift+Left)."""
        cursor = self.textCursor()
        position = self._map.from_utf16(cursor.position())
        found = segment(self._text)
        if step > 0:
            target = found.sentence_end_after(position)
            target = len(self._text) if target is None else target
        else:
            target = found.sentence_start_before(position) or 0
        cursor.setPosition(self._map.to_utf16(target), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def adjacent_annotation(self, step: int) -> Span | None:
        """The annotation after (*step* > 0) or before (*step* < 0) where the reader is, in text order.

        Where the reader is: the outlined annotation while its span is the selection (so several
        starting at one place are visited one by one) or, with nothing selected, while the caret is
        in it (as after tagging a selection, which leaves the caret at its end), else the caret.
        """
        index = self.highlighter.index
        focused = index.get(self._focused) if self._focused else None
        selection = self.selection_offsets()
        caret = self._map.from_utf16(self.textCursor().position())
        if focused is not None and (
            selection == (focused.start, focused.end) or (selection is None and focused.start <= caret <= focused.end)
        ):
            key = (focused.start, focused.end, focused.annotation_id)
        else:
            key = (caret, -1, "")
        return index.neighbour(key, step)

    def _snap_selection(self) -> None:
        """Widen the selection to the words its ends cut through, keeping which end moves."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        anchor, position = self._map.from_utf16(cursor.anchor()), self._map.from_utf16(cursor.position())
        start, end = words.snap(self._text, min(anchor, position), max(anchor, position))
        if (start, end) == (min(anchor, position), max(anchor, position)):
            return
        first, last = (start, end) if anchor <= position else (end, start)
        cursor.setPosition(self._map.to_utf16(first))
        cursor.setPosition(self._map.to_utf16(last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def focus_annotation(self, annotation_id: str | None, *, scroll: bool = False) -> None:
        """Outline one annotation (the one selected in the list) without touching the selection."""
        self._focused = annotation_id
        span = self.highlighter.index.get(annotation_id) if annotation_id else None
        if span is None:
            self._focus_selection = []
            self._show_extra_selections()
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(span.start))
        cursor.setPosition(self._map.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        tag = self._tags.get(span.tag_id)
        color = QColor(tag.color if tag else "#999999")
        look = painted(color, theme_of(self.palette()), colours.FOCUS_STRENGTH)
        fmt.setBackground(QColor(*look.background))
        fmt.setForeground(QColor(*look.foreground))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color.darker(160))
        selection.format = fmt
        self._focus_selection = [selection]
        self._show_extra_selections()
        if scroll:
            self._scroll_to_utf16(self._map.to_utf16(span.start))

    # -- the find bar's hits -------------------------------------------------------------------

    def mark_found(self, spans: list[tuple[int, int]]) -> None:
        """Mark every hit of a search (code-point spans, in text order; [] clears them).

        Hits are extra selections, laid over the highlighter's formats without replacing
        them: a hit inside an annotation is underlined in the palette's highlight colour and
        keeps its tag's tint; elsewhere it also gets a tint of that colour, text readable on
        it in light and dark themes. Only the hits on screen are handed to Qt (which looks
        at every extra selection on every paint): 30,000 hits cost what 30 do.
        """
        self._find_spans = spans
        self._find_starts = [start for start, _ in spans]
        self._show_extra_selections()

    @property
    def found_spans(self) -> list[tuple[int, int]]:
        return self._find_spans

    def _visible_range(self) -> tuple[int, int]:
        """Code points [first, last) of the blocks on screen."""
        first = self.firstVisibleBlock()
        if not first.isValid():
            return 0, 0
        block, offset, bottom = first, self.contentOffset(), self.viewport().height()
        while block.next().isValid() and self.blockBoundingGeometry(block).translated(offset).bottom() < bottom:
            block = block.next()
        end = block.position() + block.length()
        return self._map.from_utf16(first.position()), self._map.from_utf16(min(end, self._map.utf16_length))

    def _found_selections(self) -> list[QTextEdit.ExtraSelection]:
        if not self._find_spans:
            return []
        low, high = self._visible_range()
        first = max(0, bisect_left(self._find_starts, low) - 1)  # one that began above may reach down
        last = bisect_right(self._find_starts, high)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        look = painted(accent, theme_of(palette), colours.SINGLE_STRENGTH)
        selections = []
        for start, end in self._find_spans[first:last]:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(accent)
            if not self.highlighter.index.overlapping(start, end):
                fmt.setBackground(QColor(*look.background))
                fmt.setForeground(QColor(*look.foreground))
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(start))
            cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        return selections

    def _show_extra_selections(self) -> None:
        self.setExtraSelections(self._found_selections() + self._focus_selection)

    def _scroll_to_utf16(self, position: int) -> None:
        block = self.document().findBlock(position)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        if top < 0 or top > self.viewport().height() * 0.8:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + int(top) - 40)

    def offset_at(self, point: QPoint) -> int | None:
        """The code point under *point* (viewport coordinates), or None past the text."""
        if not self._text:
            return None
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the click fell on the character before the nearest cursor position
        offset = self._map.from_utf16(position)
        return offset if offset < len(self._text) else None

    def annotations_at(self, point: QPoint) -> list[Span]:
        offset = self.offset_at(point)
        if offset is None:
            return []
        return _innermost_first(self.highlighter.index.at(offset))

    def spans_at_cursor(self) -> list[Span]:
        """The annotations the caret is in or, with a selection, that hold all of it; innermost first.

        Asked after every caret move: the span index's query for one code point (a bisection, then
        the spans that start at most the longest short span's length before it, and the few long
        ones: :class:`~annotator.core.spans.SpanIndex`), never the widget's text.
        """
        cursor = self.textCursor()
        start = self._map.from_utf16(cursor.selectionStart())
        end = self._map.from_utf16(cursor.selectionEnd())
        if start >= len(self._text):
            return []
        return _innermost_first([s for s in self.highlighter.index.at(start) if s.end >= end])

    def tags_at_cursor(self) -> str:
        """The annotations at the caret in words, e.g. "claim, evidence (Ann) — note: why"; "" outside any."""
        spans = self.spans_at_cursor()
        by_coder: dict[str, dict[str, None]] = {}  # each coder's tag names, in order, once each
        for span in spans:
            tag = self._tags.get(span.tag_id)
            by_coder.setdefault(span.coder, {})[tag.name if tag else "?"] = None
        said = "; ".join(
            self.tr("{tags} ({coder})").format(tags=", ".join(names), coder=coder_label(coder))
            if coder
            else ", ".join(names)
            for coder, names in by_coder.items()
        )
        notes = [preview(note).replace("\n", " ") for s in spans if (note := self._notes.get(s.annotation_id))]
        return self.tr("{tags} — note: {notes}").format(tags=said, notes="; ".join(notes)) if notes else said

    def _announce_tags(self) -> None:
        """Say the annotations at the caret in the pane's accessible description (and tell a screen
        reader it changed) when they differ from the last ones said; the status bar shows them too."""
        said = self.tags_at_cursor()
        if said == self._said:
            return
        self._said = said
        self.setAccessibleDescription(self.tr("Tagged {tags}").format(tags=said) if said else self.tr(self.HELP))
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        self.tagsAtCursorChanged.emit(said)

    def top_offset(self) -> int:
        """The code point that starts the first line visible at the top of the view.

        QPlainTextEdit scrolls by lines, its scroll bar counting the lines of all
        blocks; a long paragraph wraps over many lines, so the line (not the block
        it is in) is what the reader was looking at.
        """
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        position = block.position()
        self._ensure_layout(block)
        layout = block.layout()
        line = self.verticalScrollBar().value() - block.firstLineNumber()
        if layout is not None and 0 <= line < layout.lineCount():
            position += layout.lineAt(line).textStart()
        return self._map.from_utf16(position)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding code point *offset* is at the top of the view."""
        offset = max(0, min(offset, len(self._text)))
        position = self._map.to_utf16(offset)
        block = self.document().findBlock(position)
        self._ensure_layout(block)
        line = block.firstLineNumber()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            text_line = layout.lineForTextPosition(position - block.position())
            if text_line.isValid():
                line += text_line.lineNumber()
        self.verticalScrollBar().setValue(line)
        # Hidden, the pane has no final width yet, so the lines will change: place it again then.
        self._pending_top = None if self.isVisible() else offset

    def _ensure_layout(self, block: QTextBlock) -> None:
        """Wrap *block* into lines now: Qt lays out a new or re-wrapped text lazily, as it is painted."""
        layout = self.document().documentLayout()
        if isinstance(layout, QPlainTextDocumentLayout):
            layout.ensureBlockLayout(block)

    # -- how the text is shown -----------------------------------------------------------------

    def set_reading(self, font: QFont, line_width: int) -> None:
        """Show the text in *font*, in a centred column at most *line_width* average characters
        wide (0: the pane's width), with the line that was at the top still there.

        Only the layout changes: offsets, highlights and the selection stay as they were. The
        text is wrapped again lazily (a block as it is needed), so a long text costs little.
        """
        top = self._pending_top if self._pending_top is not None else self.top_offset()
        if self._reading_anchor is not None and self._reading_anchor[1] == self.verticalScrollBar().value():
            top = self._reading_anchor[0]  # not scrolled since the last change: zooming back returns there
        self._line_width = line_width
        self.setFont(font)  # QPlainTextEdit gives its document the font, and lays the text out again
        self._fit_column()
        self.scroll_to_offset(top)
        self._reading_anchor = (top, self.verticalScrollBar().value())
        self._highlight_visible()
        self._show_extra_selections()

    def set_gutter(self, gutter: QWidget | None) -> None:
        """Keep *gutter* (a child of the pane: the coding stripes) just left of the text column, in
        the left margin of a centred column or widening it; its width is its size hint's, none while
        it is hidden. Called again when that width changes."""
        self._gutter = gutter
        self._fit_column()

    def _fit_column(self) -> None:
        """Centre the text in a column no wider than the line width, with side margins of the viewport
        (the left one at least as wide as the gutter, which is placed in it)."""
        side = 0
        if self._line_width > 0:
            column = QFontMetricsF(self.font()).averageCharWidth() * self._line_width
            column += 2 * self.document().documentMargin()
            available = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
            side = max(0, int((available - column) / 2))
        gutter = self._gutter
        width = gutter.sizeHint().width() if gutter is not None and not gutter.isHidden() else 0
        left = max(side, width)
        margins = self.viewportMargins()
        if (margins.left(), margins.right()) != (left, side):
            self.setViewportMargins(left, 0, side, 0)
        if gutter is not None:
            area = self.contentsRect()
            gutter.setGeometry(area.left() + left - width, area.top(), width, self.viewport().height())

    # -- events ------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            spans = self.annotations_at(event.pos())
            if spans:
                lines = []
                for span in spans:
                    tag = self._tags.get(span.tag_id)
                    note = self._notes.get(span.annotation_id, "")
                    line = f"<b>{escape(tag.name if tag else '?')}</b>"
                    if (pattern := self.highlighter.pattern_of(span.tag_id)) is not None:
                        line += f" <i>{escape(QCoreApplication.translate(themes.CONTEXT, themes.PATTERN_NAMES[pattern]))}</i>"
                    if span.coder or span.coder in self.highlighter.coder_styles:
                        style = self.highlighter.coder_styles.get(span.coder)
                        coder = escape(coder_label(span.coder, None, QCoreApplication.translate))
                        by = (
                            self.tr("by {coder}, {style}").format(
                                coder=coder, style=QCoreApplication.translate(CODERS, STYLE_NAMES[style])
                            )
                            if style
                            else self.tr("by {coder}").format(coder=coder)
                        )
                        line += f" <i>{by}</i>"
                    # A memo of many lines or pages: its start, as text (never as markup).
                    memo = escape(preview(note)).replace("\n", "<br>")
                    lines.append(line + (f": {memo}" if note else ""))
                QToolTip.showText(event.globalPos(), "<br>".join(lines), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the pane draws no focus frame of its own: one in the theme's accent, 3:1 on the page
            painter = QPainter(self.viewport())
            page = theme_of(self.palette())[0]
            accent = colours.visible_on(rgb(self.palette().color(QPalette.ColorRole.Highlight)), page)
            pen = QPen(QColor(*accent), self.FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = self.FOCUS_WIDTH // 2
            painter.drawRect(self.viewport().rect().adjusted(half, half, -half - 1, -half - 1))
            painter.end()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # e.g. the system switched to a dark theme
            self.highlighter.set_theme(theme_of(self.palette()))
            self._highlight_visible()
            self.focus_annotation(self._focused)  # shows the find bar's hits again too, in the new colours

    def resizeEvent(self, event) -> None:
        # A new width re-wraps the text; Qt keeps the top line's number, which then holds other
        # text. Keep the text that was at the top there instead (this also places a reading
        # position restored before the window was first shown, at its final width).
        top = self._pending_top if self._pending_top is not None else self.top_offset()
        super().resizeEvent(event)
        self._fit_column()
        if self._pending_top is not None or event.oldSize().width() != event.size().width():
            self.scroll_to_offset(top)
        self._highlight_visible()
        if self._find_spans:
            self._show_extra_selections()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:  # over the side margins, outside the viewport: scroll all the same
            self.wheelEvent(event)
            return True
        return super().event(event)

    def wheelEvent(self, event) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        # Ctrl+wheel zooms through the window (in steps it saves), not with Qt's own zoomIn.
        self._wheel_steps += event.angleDelta().y() / 120
        steps = int(self._wheel_steps)
        if steps:
            self._wheel_steps -= steps
            self.zoomRequested.emit(steps)
        event.accept()

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        self._press_position = event.position().toPoint()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        dragged = self._press_position is not None and self._press_position != event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and dragged and self.snap_to_words:
            self._snap_selection()
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            spans = self.annotations_at(event.position().toPoint())
            self.spanClicked.emit(spans[0].annotation_id if spans else "")
