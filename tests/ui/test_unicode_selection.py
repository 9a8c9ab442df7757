"""Tests (UI): real selections over text where Qt's positions and ours differ.

Emoji (astral, ZWJ sequences, skin tones, flags), combining marks, NBSP, RTL
and CJK text, in a file that arrived with CRLF line endings: whatever the user
selects with keyboard or mouse, the saved quote is ``text[start:end]`` of the
stored text, and it is exactly what was meant.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.text import normalize_text
from annotator.services import Library, exporting, importing
from tests.ui.conftest import select_by_keyboard, select_by_mouse, stored_annotations

RAW = (
    "\ufeffFamily 👨\u200d👩\u200d👧 came first.\r\n"
    "Thumbs 👍🏽 and flags 🇫🇷🇩🇪 follow.\r\n"
    "Cafe\u0301 au lait, na\u0308ive reading.\r\n"
    "Price:\u00a0100\u00a0€ exactly.\r"
    "مرحبا بالعالم and שלום עולם here.\r\n"
    "漢字とかな 🀄 mixed 𝄞 music.\r\n"
    "Tabbed\tcell\tvalues and a line\u2028separator, a paragraph\u2029separator.\n"
)
TEXT = normalize_text(RAW)

TARGETS = [
    "👨\u200d👩\u200d👧 came",
    "👍🏽 and flags 🇫🇷🇩🇪",
    "Cafe\u0301 au lait",
    "na\u0308ive",
    "100\u00a0€",
    "مرحبا",
    "שלום עולם",
    "漢字とかな 🀄",
    "𝄞 music",
    "cell\tvalues",
    "line\u2028separator",
    "paragraph\u2029separator",
]


def test_stored_text_is_normalised_once() -> None:
    assert "\r" not in TEXT and TEXT.count("\n") == 7 and not TEXT.startswith("\ufeff")
    assert "\u00a0" in TEXT


@pytest.mark.parametrize("how", ["keyboard", "mouse"])
def test_saved_quote_is_stored_text_slice(qtbot, open_window, import_text, library_path, tmp_path, how) -> None:
    doc_id = import_text(RAW, "torture.txt")
    window = open_window()
    assert window.pane.text == TEXT
    select = select_by_keyboard if how == "keyboard" else select_by_mouse
    expected = []
    for i, target in enumerate(TARGETS):
        start = TEXT.index(target)
        select(qtbot, window, start, start + len(target))
        qtbot.keyClick(window.pane, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3][i % 3])
        expected.append((start, start + len(target), target))
    saved = stored_annotations(library_path, doc_id)
    assert sorted((a.start, a.end, a.quote) for a in saved) == sorted(expected)
    for a in saved:
        assert TEXT[a.start : a.end] == a.quote
        assert TEXT[max(0, a.start - 32) : a.start] == a.prefix
        assert TEXT[a.end : a.end + 32] == a.suffix

    # and so in every export format that can be read back
    made = sorted((a.start, a.end, a.quote) for a in saved)
    with Library.open(f"sqlite:///{library_path}") as library:
        for format_id in ("json", "w3c", "qdpx", "brat", "jsonl"):
            target = tmp_path / f"gui-{how}-{format_id}.{'zip' if format_id == 'brat' else format_id}"
            exporting.export_to_path(library, target, format_id=format_id, document_ids=[doc_id])
            with Library.open(f"sqlite:///{tmp_path / f'fresh-{how}-{format_id}.sqlite3'}") as fresh:
                (row,) = importing.import_paths(fresh, [target]).documents
                assert fresh.document(row.id).text == TEXT, format_id
                back = sorted((a.start, a.end, a.quote) for a in fresh.annotations(row.id))
                assert back == made, format_id


def test_highlights_sit_on_the_right_characters_after_emoji(qtbot, open_window, import_text) -> None:
    """After astral characters Qt's positions run ahead of ours; the highlight must not drift."""
    import_text(RAW, "torture.txt")
    window = open_window()
    target = "𝄞 music"
    start = TEXT.index(target)
    window.session.tag_span(window.session.tags[0].id, start, start + len(target))
    pane = window.pane
    u_start, u_end = pane.offset_map.to_utf16(start), pane.offset_map.to_utf16(start + len(target))
    assert u_start > start  # there are astral characters before it
    block = pane.document().findBlock(u_start)
    ranges = [(r.start + block.position(), r.start + block.position() + r.length) for r in block.layout().formats()]
    assert ranges == [(u_start, u_end)]
