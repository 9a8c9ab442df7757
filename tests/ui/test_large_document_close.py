"""Tests (UI): closing a large document (over 2 million characters) after tagging in it and reading on.

Clearing the pane's extra selections (the outlined annotation) by hand before giving it the
next document crashed Qt inside ``setExtraSelections`` (a segmentation fault while it measured
the old outline) once the text passed about 2 million characters and the reader had scrolled
far below the outline; replacing the document clears them itself."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt

from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.services import importing
from annotator.services.library import Library


def _text(size: int) -> str:
    """Sentences of common words, some with a no-break space or an emoji, few paragraph breaks."""
    rng = random.Random(7)
    words = ["claim", "evidence", "report", "minister", "council", "border", "treaty", "reform", "market"]
    parts, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
        if rng.random() < 0.2:
            sentence += rng.choice(["\u00a0", " 👍 ", " café "])
        part = sentence.capitalize() + ". " + ("\n\n" if rng.random() < 0.15 else "")
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


TEXT = _text(2_500_000)


def test_a_large_document_closes_after_tagging_by_key(qtbot, open_window, library_path) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(11)
    starts = [rng.randrange(0, len(TEXT) - 300) for _ in range(100)]
    annotations = [ImportedAnnotation(tag="claim", start=s, end=s + rng.randint(5, 250)) for s in starts]
    with Library.open(f"sqlite:///{library_path}") as library:
        bundle = ImportBundle([ImportedDocument("Long", TEXT, {}, annotations)])
        document_id = importing.persist(library, [bundle]).documents[0].id
    window = open_window()
    window.open_document(document_id)
    window.pane.setFocus()
    for step in range(3):
        start = 1000 + step * 997
        window.pane.select_span(start, start + 40)
        qtbot.keyClick(window.pane, Qt.Key.Key_1)
    assert len(window.session.annotations) == 103 and window.pane.extraSelections()  # one outlined
    bar = window.pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # reading on, far below the outlined annotation
    window.open_document(None)
    assert window.pane.text == "" and window.pane.extraSelections() == []
    window.open_document(document_id)
    assert window.pane.text == TEXT and len(window.session.annotations) == 103
