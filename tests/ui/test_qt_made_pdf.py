"""Tests (UI): importing a PDF that Qt itself wrote (QPdfWriter through QTextDocument.print_).

Qt's PDFs label the space glyph as a tab and start a new text object at each
font change; the PDF reader must give back words separated by spaces, on the
lines the page shows, with a one-line title. Lives here because it needs Qt to
make the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from annotator.formats.base import SourceFile
from annotator.formats.pdf import read_pdf


def test_a_pdf_written_by_qt_reads_with_spaces_and_unbroken_lines(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "qt.pdf"
    document = QTextDocument()
    document.setHtml(
        "<h1>PDF Title</h1><p>The final office was efficient.</p>"
        "<p>Plain words <b>bold words</b> and <i>italic</i> end.</p>"
    )
    writer = QPdfWriter(str(path))  # no title: the first line names the document
    document.print_(writer)

    (imported,) = read_pdf(SourceFile("qt.pdf", path.read_bytes())).documents

    assert "\t" not in imported.text
    assert imported.title == "PDF Title"
    lines = imported.text.split("\n")
    assert lines[:3] == ["PDF Title", "The final office was efficient.", "Plain words bold words and italic end."]
