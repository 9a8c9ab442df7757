"""UI: the annotated print and PDF (File › Print…, File › Export PDF…, ``annotator export --format pdf``).

Each document becomes a :class:`QTextDocument`: its title and source, a legend of the tags used
with their counts, the stored text with the highlights as character formats, and the notes as
numbered endnotes. Pages are painted one by one so each carries the title at the top and "Page n
of N" at the bottom. The text is inserted as plain text and every highlight is placed at the
UTF-16 positions :class:`~annotator.core.offsets.OffsetMap` gives for its code-point offsets,
so nothing is read back from Qt; Qt's PDF engine writes real text, which a reader can select and
search (except characters beyond U+FFFF, such as emoji, which Qt leaves out of the text layer).

Tags are shown as tints of their colours, or with the option ``black_and_white`` as underlines in
each tag's pattern (:func:`annotator.core.themes.tag_pattern`, in codebook order), which the
legend shows too. Formats import no Qt, so the ``pdf`` format's writer is handed to the registry
from above: by the window at start (:func:`install_pdf_writer`), and by the command line as a
stand-in that imports this module only when a PDF is written (Qt is slow to load).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core import colours, themes
from annotator.core.model import Annotation
from annotator.core.offsets import OffsetMap
from annotator.core.spans import Span
from annotator.formats import registry
from annotator.formats.base import ExportBundle, ExportedDocument
from annotator.formats.report import (
    METADATA_SEPARATOR,
    Codebook,
    excerpt,
    highlight_pieces,
    in_text_order,
    metadata_items,
)
from annotator.services import exporting
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

#: Printed on white paper in black ink, whatever the window's theme.
PAPER, INK = colours.WHITE, colours.BLACK
_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dash-dot": QTextCharFormat.UnderlineStyle.DashDotLine,
    "dash-dot-dot": QTextCharFormat.UnderlineStyle.DashDotDotLine,
}


def _qcolor(rgb: colours.RGB) -> QColor:
    return QColor(*rgb)


class _Marks:
    """How each tag is marked on paper: a tint of its colour, or an underline in its pattern."""

    def __init__(self, codebook: Codebook, black_and_white: bool) -> None:
        self.codebook = codebook
        self.black_and_white = black_and_white

    def format(self, tag_ids: list[str]) -> QTextCharFormat:
        """The mark of a piece covered by *tag_ids* (in order of start; the last one draws the line)."""
        fmt = QTextCharFormat()
        last = self.codebook[tag_ids[-1]]
        if self.black_and_white:
            fmt.setUnderlineStyle(_UNDERLINES[themes.tag_pattern(last.index)])
            fmt.setUnderlineColor(_qcolor(INK))
            if len(tag_ids) > 1:  # overlaps stay visible without colour
                fmt.setFontWeight(QFont.Weight.Bold)
            return fmt
        tints = [colours.parse(self.codebook[t].color) for t in tag_ids]
        strength = colours.SINGLE_STRENGTH if len(tints) == 1 else colours.OVERLAP_STRENGTH
        shown = colours.highlight(colours.average(tints), base=PAPER, text=INK, strength=strength)
        fmt.setBackground(_qcolor(shown.background))
        fmt.setForeground(_qcolor(shown.foreground))
        if len(tag_ids) > 1:  # as in the window: the tag that starts last draws the line
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(_qcolor(colours.visible_on(colours.parse(last.color), PAPER)))
        return fmt


def build_document(exported: ExportedDocument, codebook: Codebook, *, black_and_white: bool = False) -> QTextDocument:
    """The printable document of *exported*: title, source, legend, marked text, endnotes."""
    exported = in_text_order(exported)
    doc, anns, text = exported.document, exported.annotations, exported.document.text
    marks = _Marks(codebook, black_and_white)
    document = QTextDocument()
    document.setDefaultFont(QFont("Serif", 11))
    cursor = QTextCursor(document)
    plain = QTextCharFormat()

    heading = QTextCharFormat()
    heading.setFontPointSize(16)
    heading.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(doc.title or QCoreApplication.translate("AnnotatedPrint", "Untitled"), heading)
    source = METADATA_SEPARATOR.join(f"{key}: {value}" for key, value in metadata_items(doc.metadata))
    if source:
        cursor.insertBlock(QTextBlockFormat(), plain)
        cursor.insertText(source, plain)

    counts = Counter(a.tag_id for a in anns)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertBlock(QTextBlockFormat(), plain)
    cursor.insertBlock(QTextBlockFormat(), bold)
    cursor.insertText(QCoreApplication.translate("AnnotatedPrint", "Tags"), bold)
    if not counts:
        cursor.insertBlock(QTextBlockFormat(), plain)
        cursor.insertText(QCoreApplication.translate("AnnotatedPrint", "No annotations."), plain)
    for tag_id in sorted(counts, key=lambda t: codebook[t].index):
        cursor.insertBlock(QTextBlockFormat(), plain)
        cursor.insertText(codebook[tag_id].name, marks.format([tag_id]))
        cursor.insertText(f"\u2003{counts[tag_id]}", plain)

    cursor.insertBlock(QTextBlockFormat(), plain)
    cursor.insertBlock(QTextBlockFormat(), plain)
    text_start = cursor.position()
    cursor.insertText(text, plain)
    utf16 = OffsetMap(text)
    _mark_text(document, text_start, utf16, len(text), anns, marks)

    noted = sorted((a for a in anns if a.note), key=lambda a: (a.end, a.start, a.id))
    if noted:
        _number_notes(document, text_start, utf16, noted)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(QTextBlockFormat(), plain)
        cursor.insertBlock(QTextBlockFormat(), bold)
        cursor.insertText(QCoreApplication.translate("AnnotatedPrint", "Notes"), bold)
        for number, a in enumerate(noted, 1):
            cursor.insertBlock(QTextBlockFormat(), plain)
            cursor.insertText(f"{number}. ", plain)
            cursor.insertText(codebook[a.tag_id].name, marks.format([a.tag_id]))
            cursor.insertText(f" \u201c{excerpt(a.quote)}\u201d \u2014 {a.note}", plain)
    return document


def _mark_text(
    document: QTextDocument, at: int, utf16: OffsetMap, length: int, anns: list[Annotation], marks: _Marks
) -> None:
    """Give each piece of the text (*length* code points, inserted at *at*) covered by the same
    annotations its mark."""
    spans = [Span(a.start, a.end, str(i), str(i)) for i, a in enumerate(anns)]  # keys: list positions
    cursor = QTextCursor(document)
    for start, end, keys in highlight_pieces(spans, length):
        covering = sorted((anns[int(k)] for k in keys), key=lambda a: (a.start, a.end, a.id))
        cursor.setPosition(at + utf16.to_utf16(start))
        cursor.setPosition(at + utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(marks.format([a.tag_id for a in covering]))


def _number_notes(document: QTextDocument, at: int, utf16: OffsetMap, noted: list[Annotation]) -> None:
    """Put each note's number, raised, after the end of its annotation; from the last one back, so
    the positions of those before stay where they were."""
    raised = QTextCharFormat()
    raised.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    cursor = QTextCursor(document)
    for number, a in reversed(list(enumerate(noted, 1))):
        cursor.setPosition(at + utf16.to_utf16(a.end))
        cursor.insertText(str(number), raised)


def paint_pages(documents: list[tuple[str, QTextDocument]], device: QPagedPaintDevice) -> int:
    """Paint each (title, document) on *device*, each from a new page, with the title at the top
    of every page and its page numbers at the bottom; returns the number of pages painted."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("AnnotatedPrint", "Cannot start printing."))
    try:
        rect = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
        page = QRectF(0, 0, rect.width(), rect.height())
        small = QFont("Serif", 8)
        line = small.pointSizeF() * device.resolution() / 72 * 2
        body = QSizeF(page.width(), page.height() - 2 * line)
        painted = 0
        for title, document in documents:
            document.documentLayout().setPaintDevice(device)
            document.setPageSize(body)
            pages = document.pageCount()
            for number in range(pages):
                if painted:
                    device.newPage()
                painted += 1
                painter.save()
                painter.translate(0, line - number * body.height())
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = QRectF(0, number * body.height(), body.width(), body.height())
                painter.setClipRect(context.clip)
                document.documentLayout().draw(painter, context)
                painter.restore()
                painter.setFont(small)
                painter.setPen(_qcolor(INK))
                painter.drawText(QRectF(0, 0, page.width(), line), Qt.AlignmentFlag.AlignLeft, title)
                footer = QCoreApplication.translate("AnnotatedPrint", "Page {page} of {pages}").format(
                    page=number + 1, pages=pages
                )
                painter.drawText(
                    QRectF(0, page.height() - line / 2, page.width(), line / 2), Qt.AlignmentFlag.AlignRight, footer
                )
        return painted
    finally:
        painter.end()


def printable(bundle: ExportBundle) -> list[tuple[str, QTextDocument]]:
    """Each document of *bundle* as (title, printable document)."""
    codebook = Codebook(bundle.tags)
    black_and_white = bool(bundle.options.get("black_and_white", False))
    return [
        (
            d.document.title or QCoreApplication.translate("AnnotatedPrint", "Untitled"),
            build_document(d, codebook, black_and_white=black_and_white),
        )
        for d in bundle.documents
    ]


def write_pdf(bundle: ExportBundle, out: BinaryIO) -> None:
    """The ``pdf`` export's writer: the annotated print of every document of *bundle*, as a PDF.

    Makes a Qt application (offscreen unless a platform is chosen) when none runs, as on the
    command line, since Qt lays text out only with one.
    """
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication([]))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator(bundle.generator)
    if len(bundle.documents) == 1:
        writer.setTitle(bundle.documents[0].document.title)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    paint_pages(printable(bundle), writer)  # the painter's end wrote the whole file
    data: QByteArray = buffer.data()
    out.write(data.data())


#: The application :func:`write_pdf` made, kept alive while the process runs.
_keep: list[QGuiApplication] = []


def install_pdf_writer() -> None:
    """Hand :func:`write_pdf` to the formats registry as the ``pdf`` format's writer."""
    registry.provide_writer("pdf", write_pdf)


class QtPrintFlow(QObject):
    """File › Print…: the open document's annotated print, through the system's print dialog."""

    def __init__(self, window: QWidget, session: QtLibrarySession) -> None:
        super().__init__(window)
        self._window = window
        self._session = session

    def print_document(self) -> bool:
        """Ask for a printer, then print the open document; False when nothing was printed."""
        document = self._session.document
        if document is None:
            QMessageBox.information(self._window, self.tr("Print"), self.tr("Open a document to print it."))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document.title)
        dialog = QPrintDialog(printer, self._window)
        dialog.setAccessibleName(self.tr("Print the annotated document"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the open document's annotated print on *printer* (as chosen)."""
        document = self._session.document
        if document is None:
            return False
        try:
            bundle = exporting.build_bundle(self._session.library, [document.id])
            paint_pages(printable(bundle), printer)
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._window, self.tr("Print"), self.tr("Nothing was printed: {error}").format(error=exc)
            )
            return False
        return True
