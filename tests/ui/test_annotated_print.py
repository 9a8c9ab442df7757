"""Tests (UI): the annotated print and PDF (File › Print…, File › Export PDF…, ``export --format pdf``).

The PDF is read back with pypdf, as a reader would search it. Qt's PDFs label the space glyph
as a tab (see :mod:`annotator.formats.pdf`), so spaces and line breaks are compared as one space.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog

from annotator.core import themes
from annotator.core.text import expand_ligatures
from annotator.formats.report import Codebook
from annotator.services import annotating, exporting
from annotator.services.library import Library
from annotator.ui import qt_print

EMOJI = "A smile \U0001f600 breaks no offset here."
NBSP = "Prices rose by 12\u00a0% in the north."
TEXT = (
    "Opening words of the essay.\n"
    + "\n".join(f"Paragraph {i} says something worth reading twice, and then a little more." for i in range(160))
    + f"\n{EMOJI}\n{NBSP}\nThe closing sentence stands alone.\n"
)


def _flat(text: str) -> str:
    """Spaces, tabs, em spaces and line breaks as one space (a no-break space kept), ligatures
    spelt out (as the PDF reader does)."""
    return re.sub(r"[\t\n \u2003]+", " ", expand_ligatures(text))


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), _flat("\n".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def annotated(library_path: Path, import_text: Callable[..., str]) -> str:
    """The long document, with three annotations with notes and two without; returns its id."""
    doc_id = import_text(TEXT, "essay.txt")
    with Library.open(f"sqlite:///{library_path}") as library:
        tags = {t.name: t.id for t in library.tags()}
        for quote, tag, note in (
            ("Paragraph 3 says", "claim", "first note"),
            ("breaks no offset", "evidence", "after the emoji"),
            ("12\u00a0%", "claim", ""),
            ("Paragraph 7 says", "claim", ""),
            ("closing sentence", "evidence", "last of all"),
        ):
            annotating.annotate_quote(library, document_id=doc_id, tag_id=tags[tag], quote=quote, note=note)
    return doc_id


def _export(library_path: Path, target: Path, **options: object) -> None:
    qt_print.install_pdf_writer()
    with Library.open(f"sqlite:///{library_path}") as library:
        exporting.export_to_path(library, target, format_id="pdf", options=options)


def test_the_pdf_holds_the_text_page_numbers_legend_and_one_endnote_per_note(
    qapp, library_path: Path, annotated: str, tmp_path: Path
) -> None:
    target = tmp_path / "essay.pdf"
    _export(library_path, target)
    pages, text = _pdf_text(target)

    assert pages > 1
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert "Paragraph 3 says 1 something" in text  # the note's number, raised, after its quote
    assert "Paragraph 150 says something worth reading twice, and then a little more." in text
    assert NBSP in text
    # Qt writes no text for characters beyond U+FFFF: the emoji is drawn but not searchable.
    assert "A smile" in text and "breaks no offset 2 here." in text
    assert "The closing sentence 3 stands alone." in text
    assert "Tags claim 3 evidence 2" in text
    notes = text[text.rindex("Notes") :]
    assert "1. claim “Paragraph 3 says” — first note" in notes
    assert "2. evidence “breaks no offset” — after the emoji" in notes
    assert "3. evidence “closing sentence” — last of all" in notes
    assert "4." not in notes


def _formats_at(document, at: int, text: str, quote: str) -> list[QTextCharFormat]:
    """The character formats of *quote*'s first and last characters and of the one after it,
    found by their UTF-16 positions in the stored text (which starts at *at*)."""
    start = len(text[: text.index(quote)].encode("utf-16-le")) // 2
    end = start + len(quote.encode("utf-16-le")) // 2
    cursor = QTextCursor(document)
    found = []
    for position in (start + 1, end, end + 1):  # a cursor's format is that of the character before it
        cursor.setPosition(at + position)
        found.append(cursor.charFormat())
    return found


@pytest.mark.parametrize("black_and_white", [False, True])
def test_each_highlight_lands_on_its_quote_after_an_emoji_in_colour_or_in_patterns(
    qapp, library_path: Path, annotated: str, black_and_white: bool
) -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        bundle = exporting.build_bundle(library, [annotated])
    (exported,) = bundle.documents
    # Without notes no number is put into the text, so Qt's positions are the stored text's.
    exported = replace(exported, annotations=[replace(a, note="") for a in exported.annotations])
    codebook = Codebook(bundle.tags)
    document = qt_print.build_document(exported, codebook, black_and_white=black_and_white)
    at = document.toPlainText().index(TEXT[:40])  # where the stored text starts (BMP before it)

    evidence = next(t for t in bundle.tags if t.name == "evidence")
    first, last, after = _formats_at(document, at, TEXT, "breaks no offset")  # after the emoji
    for fmt in (first, last):
        if black_and_white:
            expected = qt_print._UNDERLINES[themes.tag_pattern(codebook[evidence.id].index)]
            assert fmt.underlineStyle() == expected
            assert not fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)
        else:
            assert fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)
    assert not after.hasProperty(QTextCharFormat.Property.BackgroundBrush)
    assert after.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_print_and_export_pdf_from_the_file_menu_by_keys(
    qtbot, open_window, annotated: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    window.open_document(annotated)
    printed = tmp_path / "printed.pdf"

    class ToFile(QPrintDialog):
        def exec(self) -> int:
            self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer().setOutputFileName(str(printed))
            return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(qt_print, "QPrintDialog", ToFile)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(printed.exists)
    assert "Paragraph 150 says something" in _pdf_text(printed)[1]

    exported = tmp_path / "exported.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(exported.exists)
    assert "Opening words of the essay." in _pdf_text(exported)[1]
    assert window.print_action.text().replace("&", "") and window.export_pdf_action.shortcut().toString() == (
        "Ctrl+Shift+P"
    )


def test_the_command_line_writes_the_pdf_without_a_display(library_path: Path, annotated: str, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--database", str(library_path), "export", "-o", str(target),
         "--option", "black_and_white=true"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    pages, text = _pdf_text(target)
    assert pages > 1 and "Paragraph 150 says something" in text and f"Page {pages} of {pages}" in text
