"""Tests: highlights made in a PDF reader become annotations on the PDF's extracted text.

The PDFs are written here with pypdf: Courier text (every glyph 0.6 em wide, so
each word's box is known exactly) and markup annotations whose QuadPoints cover
chosen words, as a PDF reader would write them.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, StreamObject, TextStringObject

from annotator.cli import main
from annotator.core.highlight_colours import colour_table, parse_mapping, tag_for_colour
from annotator.formats.base import ImportedDocument, SourceFile
from annotator.formats.pdf import read_pdf
from annotator.formats.pdf_highlights import Unplaced, place, read_highlights
from annotator.services.library import Library
from tests.formats.documents.builders import build_pdf

SIZE = 12
GLYPH = 0.6 * SIZE  # Courier's advance
TAGS = [("claim", "#f4a261"), ("evidence", "#2a9d8f"), ("speculation", "#9b5de5")]

Line = tuple[float, float, str]  # x, y of the baseline start, text


def box(line: Line, word: str) -> list[float]:
    """QuadPoints (Acrobat's corner order) around *word* on *line*."""
    x, y, text = line
    x0 = x + text.index(word) * GLYPH
    x1 = x0 + len(word) * GLYPH
    return [x0, y + 0.8 * SIZE, x1, y + 0.8 * SIZE, x0, y - 0.2 * SIZE, x1, y - 0.2 * SIZE]


Mark = tuple[list[float], str, str, str, str]  # quads, subtype, colour (hex), note, author


def with_marks(data: bytes, marks: dict[int, list[Mark]]) -> bytes:
    """*data* with markup annotations added to pages (0-based), as a PDF reader saves them."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for number, page_marks in marks.items():
        for quads, subtype, colour, note, author in page_marks:
            xs, ys = quads[0::2], quads[1::2]
            mark = Highlight(
                rect=(min(xs), min(ys), max(xs), max(ys)),
                quad_points=ArrayObject(FloatObject(v) for v in quads),
                highlight_color=colour,
            )
            mark[NameObject("/Subtype")] = NameObject(subtype)
            mark[NameObject("/Contents")] = TextStringObject(note)
            mark[NameObject("/T")] = TextStringObject(author)
            writer.add_annotation(number, mark)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(
    pages: list[tuple[list[Line], list[Mark]]], rotate: int = 0, font_name: str = "/Courier", state: str = ""
) -> bytes:
    """A PDF showing each page's lines in Courier (or *font_name*, after text *state* operators),
    with its markup annotations."""
    writer = PdfWriter()
    font = DictionaryObject(
        {NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
         NameObject("/BaseFont"): NameObject(font_name)}
    )  # fmt: skip
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    for lines, _ in pages:
        page = writer.add_blank_page(612, 792)
        stream = StreamObject()
        stream.set_data(
            "\n".join(f"BT /F1 {SIZE} Tf {state} {x} {y} Td ({t}) Tj ET" for x, y, t in lines).encode("latin-1")
        )
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        if rotate:
            page.rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return with_marks(out.getvalue(), {n: marks for n, (_, marks) in enumerate(pages)})


L1: Line = (72, 700, "The quick brown fox jumps over")
L2: Line = (72, 686, "the lazy dog and an exam-")
L3: Line = (72, 672, "ple of hyphenation here.")


def imported(data: bytes) -> tuple[ImportedDocument, list[Unplaced]]:
    """The PDF read as an import, with its highlights placed, and those that were not."""
    document = read_pdf(SourceFile("marked.pdf", data)).documents[0]
    unplaced = place(document, read_highlights(data), lambda c: tag_for_colour(c, TAGS))
    return document, unplaced


def spans(document: ImportedDocument) -> list[tuple[str, str, str, str]]:
    return [(document.text[a.start : a.end], a.tag, a.note, a.coder) for a in document.annotations]


def test_highlights_on_one_line_across_lines_and_across_a_hyphen_become_annotations() -> None:
    data = make_pdf(
        [
            (
                [L1, L2, L3],
                [
                    (box(L1, "brown fox"), "/Highlight", "ffff00", "colour word", "Ann"),
                    (box(L1, "jumps over") + box(L2, "the lazy"), "/Underline", "00ff00", "", "Bo"),
                    (box(L2, "exam-") + box(L3, "ple"), "/StrikeOut", "a28ae5", "split", "Cy"),
                ],
            )
        ]
    )
    document, unplaced = imported(data)
    assert unplaced == []
    assert spans(document) == [
        ("brown fox", "claim", "colour word", "Ann"),
        ("jumps over\nthe lazy", "evidence", "", "Bo"),
        ("exam-\nple", "speculation", "split", "Cy"),
    ]
    assert all(a.quote == document.text[a.start : a.end] for a in document.annotations)


def test_a_highlight_on_a_later_page_is_placed_in_that_page_not_on_the_same_words_earlier() -> None:
    line: Line = (72, 700, "the same words again")
    data = make_pdf([([line], []), ([line], [(box(line, "same words"), "/Squiggly", "ffff00", "p2", "Di")])])
    document, unplaced = imported(data)
    assert unplaced == []
    (annotation,) = document.annotations
    assert annotation.start >= document.metadata["pages"][1]
    assert document.text[annotation.start : annotation.end] == "same words"


def test_highlights_in_a_cid_font_are_placed_and_one_on_right_to_left_text_is_reported() -> None:
    """The documents' test PDF (a Type0 font, 500/1000 em per glyph, lines 14 points apart from y=720)."""
    lines = ["Caf\u00e9 noir \U0001f469\u200d\U0001f4bb here", "\u05dd\u05d5\u05dc\u05e9 and more"]
    at = [(72.0, 720.0 - 14 * i, line) for i, line in enumerate(lines)]

    def cid_box(line: Line, word: str) -> list[float]:
        x, y, text = line
        x0 = x + text.index(word) * 6
        x1 = x0 + len(word) * 6
        return [x0, y + 9.6, x1, y + 9.6, x0, y - 2.4, x1, y - 2.4]

    emoji = "\U0001f469\u200d\U0001f4bb"
    data = with_marks(
        build_pdf([lines]),
        {0: [(cid_box(at[0], f"noir {emoji}"), "/Highlight", "ffff00", "", "Ha"),
             (cid_box(at[1], "\u05dd\u05d5\u05dc\u05e9"), "/Highlight", "ffff00", "", "Ha")]},
    )  # fmt: skip
    document, unplaced = imported(data)
    assert [s[0] for s in spans(document)] == [f"noir {emoji}"]
    (miss,) = unplaced  # pypdf reorders right-to-left text, so where its glyphs are is unknown
    assert "covers no text" in str(miss)


def test_a_proportional_font_with_character_and_word_spacing() -> None:
    """Helvetica (its AFM widths written out here), 0.5 pt between letters, 10 pt more at spaces."""
    widths = {"i": 222, "l": 222, " ": 278, "w": 722, "f": 278}
    tc, tw = 0.5, 10.0
    line: Line = (72, 700, "ill will fill")

    def x_at(index: int) -> float:
        before = line[2][:index]
        return line[0] + sum(widths[c] * SIZE / 1000 + tc + (tw if c == " " else 0) for c in before)

    def span_box(word: str) -> list[float]:
        i = line[2].index(word)
        x0, x1, y = x_at(i), x_at(i + len(word)) - tc, line[1]
        return [x0, y + 0.8 * SIZE, x1, y + 0.8 * SIZE, x0, y - 0.2 * SIZE, x1, y - 0.2 * SIZE]

    data = make_pdf(
        [
            (
                [line],
                [
                    (span_box("fill"), "/Highlight", "ffff00", "", "Ja"),
                    (span_box("will"), "/Highlight", "ffff00", "", "Ja"),
                ],
            )
        ],
        font_name="/Helvetica",
        state=f"{tc} Tc {tw} Tw",
    )
    document, unplaced = imported(data)
    assert unplaced == []
    assert [s[0] for s in spans(document)] == ["fill", "will"]


def test_a_highlight_a_little_off_its_words_takes_the_words_it_mostly_covers() -> None:
    """As a kerned line's glyphs lie slightly off their estimated places: rounded to whole words."""
    shifted = [v + 0.6 * GLYPH if i % 2 == 0 else v for i, v in enumerate(box(L1, "brown fox"))]
    document, unplaced = imported(make_pdf([([L1], [(shifted, "/Highlight", "ffff00", "", "Ka")])]))
    assert unplaced == []
    assert [s[0] for s in spans(document)] == ["brown fox"]


def test_a_rotated_page_keeps_its_highlights() -> None:
    data = make_pdf([([L1, L2], [(box(L1, "quick brown"), "/Highlight", "ffff00", "", "Ed")])], rotate=90)
    document, unplaced = imported(data)
    assert unplaced == []
    assert spans(document) == [("quick brown", "claim", "", "Ed")]


def test_two_columns_each_highlight_stays_in_its_column() -> None:
    left = [(72.0, 700.0 - 14 * i, t) for i, t in enumerate(["alpha beta", "gamma delta"])]
    right = [(320.0, 700.0 - 14 * i, t) for i, t in enumerate(["one two", "three four"])]
    marks = [
        (box(left[0], "beta") + box(left[1], "gamma"), "/Highlight", "ffff00", "", "Fa"),
        (box(right[1], "four"), "/Highlight", "ffff00", "", "Fa"),
    ]
    document, unplaced = imported(make_pdf([(left + right, marks)]))
    assert unplaced == []
    assert [s[0] for s in spans(document)] == ["beta\ngamma", "four"]


def test_a_highlight_over_no_text_is_reported_not_dropped() -> None:
    empty = [300.0, 300.0, 350.0, 300.0, 300.0, 280.0, 350.0, 280.0]
    document, unplaced = imported(make_pdf([([L1], [(empty, "/Highlight", "ffff00", "lost?", "Gu")])]))
    assert document.annotations == []
    (miss,) = unplaced
    assert miss.highlight.note == "lost?"
    assert "page 1" in str(miss) and "covers no text" in str(miss)


def test_colours_become_tags_by_mapping_then_named_default_then_nearest_tag() -> None:
    assert tag_for_colour("#ffd400", TAGS) == "claim"  # Zotero's yellow: the named default
    assert tag_for_colour(None, TAGS) == "claim"  # no colour: yellow
    assert tag_for_colour("#5fb236", TAGS) == "evidence"  # Zotero's green
    assert tag_for_colour("#2a9d90", [("a", "#f4a261"), ("b", "#2a9d8f")]) == "b"  # nearest tag colour
    assert tag_for_colour("#ffff00", []) == "highlight"
    mapping = parse_mapping(["#FF0=doubt"])
    assert tag_for_colour("#ffff00", TAGS, mapping) == "doubt"
    assert colour_table(["#ffff00", None, "#5fb236"], TAGS) == {"#ffff00": "claim", "#5fb236": "evidence"}
    with pytest.raises(ValueError):
        parse_mapping(["yellow"])


def test_cli_imports_highlights_with_a_colour_mapping_and_reports_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = [300.0, 300.0, 350.0, 300.0, 300.0, 280.0, 350.0, 280.0]
    marks = [
        (box(L1, "brown fox"), "/Highlight", "ff0000", "red one", "Ann"),
        (empty, "/Highlight", "ffff00", "", "Ann"),
    ]
    pdf = tmp_path / "marked.pdf"
    pdf.write_bytes(make_pdf([([L1, L2], marks)]))
    db = str(tmp_path / "lib.sqlite3")
    assert main(["--database", db, "import", str(pdf), "--highlights", "--dry-run"]) == 1  # no library yet
    capsys.readouterr()
    code = main(["--database", db, "import", str(pdf), "--highlights", "--map-color", "#ff0000=doubt"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "colour #ff0000 -> tag doubt" in err
    assert "not placed:" in err and "covers no text" in err
    doc_id = out.split("\t")[0]
    assert main(["--database", db, "import", str(pdf), "--highlights", "--dry-run"]) == 0  # red: nearest tag
    out_dry, err = capsys.readouterr()
    assert "colour #ff0000 -> tag doubt" not in err and "dry run: nothing was written" in err
    assert "annotations: 1 to add" in out_dry  # the default tag differs from the one written: a new annotation
    assert main(["--database", db, "import", str(pdf), "--highlights", "--map-color", "#ff0000=doubt"]) == 0
    assert "imported 0 highlight annotation(s) (1 already there); 1 not placed" in capsys.readouterr().err
    with Library.open(f"sqlite:///{db}") as library:
        (annotation,) = library.annotations(doc_id)
        text = library.document(doc_id).text
        names = {t.id: t.name for t in library.tags()}
    assert text[annotation.start : annotation.end] == "brown fox"
    assert annotation.note == "red one" and annotation.coder == "Ann"
    assert names[annotation.tag_id] == "doubt"


@pytest.mark.parametrize(
    "argv", [["--map-color", "#ff0000=doubt"], ["--highlights", "--trim"], ["--highlights", "--map-color", "red"]]
)
def test_cli_refuses_highlight_options_that_do_not_go_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    pdf = tmp_path / "marked.pdf"
    pdf.write_bytes(make_pdf([([L1], [])]))
    assert main(["--database", str(tmp_path / "lib.sqlite3"), "import", str(pdf), *argv]) == 2
    assert "usage:" in capsys.readouterr().err
    assert not (tmp_path / "lib.sqlite3").exists()
