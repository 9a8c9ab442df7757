"""Tests: Hypothesis and Zotero annotations placed on a text by their quotes.

Hypothesis counts positions in UTF-16 units, so an emoji before a quote moves
them one unit per emoji from our code points; a quote whose position is wrong
is still found by its context; one that is not in the text is reported. A
Zotero export's page index picks the occurrence on that page.
"""

from __future__ import annotations

import orjson
import pytest

from annotator.formats.base import FormatError
from annotator.formats.highlights import parse_mapping
from annotator.formats.hypothesis import coder_of, read_hypothesis
from annotator.formats.zotero import read_zotero, tag_for_colour

TEXT = (
    "Voters 🗳🗳 came early. The bridge was closed for repairs.\n"
    "Later the council said the bridge was closed for repairs again, quietly.\n"
)


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def _row(
    rid: str, quote: str, *, start: int | None = None, prefix: str = "", suffix: str = "", **extra: object
) -> dict:
    selectors: list[dict[str, object]] = [
        {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix}
    ]
    if start is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": start + len(quote)})
    selectors.append({"type": "RangeSelector", "startContainer": "/p[1]", "endContainer": "/p[1]"})
    row = {"id": rid, "user": "acct:ada@hypothes.is", "created": "2024-03-01T10:00:00+00:00", "text": "", "tags": []}
    row.update(target=[{"source": "https://example.org/a", "selector": selectors}], **extra)
    return row


def test_utf16_positions_after_emoji_anchor_exactly() -> None:
    quote = "The bridge was closed"
    at = TEXT.index(quote)
    data = orjson.dumps({"rows": [_row("a1", quote, start=_utf16(TEXT, at), tags=["hyp-claim"], text="why?")]})
    found = read_hypothesis(data, TEXT, tag_map={"hyp-claim": "claim"})
    [a] = found.annotations
    assert (a.start, a.end) == (at, at + len(quote)) and TEXT[a.start : a.end] == quote
    assert (a.tag, a.note, a.coder) == ("claim", "why?", "ada")
    assert found.unplaced == []


def test_utf16_position_decides_between_repeats_without_context() -> None:
    text = "🗳" * 40 + " yes, yes, yes and yes.\n"
    at = text.index("yes", text.index("yes") + 1)  # the second "yes"
    data = orjson.dumps([_row("a1", "yes", start=_utf16(text, at))])
    [a] = read_hypothesis(data, text).annotations
    assert (a.start, a.end) == (at, at + 3)


def test_a_wrong_position_is_only_a_hint_the_context_decides() -> None:
    quote = "bridge was closed for repairs"
    first, second = TEXT.index(quote), TEXT.rindex(quote)
    # The position holds the quote in the first sentence (the page changed); the context names the second.
    start = _utf16(TEXT, first)
    data = orjson.dumps([_row("a1", quote, start=start, prefix="the council said the ", suffix=" again, quietly")])
    [a] = read_hypothesis(data, TEXT).annotations
    assert (a.start, TEXT[a.start : a.end]) == (second, quote)


def test_an_unplaceable_annotation_is_reported_not_dropped() -> None:
    data = orjson.dumps([_row("gone", "a sentence the page no longer has", start=3)])
    found = read_hypothesis(data, TEXT)
    assert found.annotations == []
    [missing] = found.unplaced
    assert "gone" in missing.label and "not in the text" in missing.reason


def test_page_notes_replies_and_tags() -> None:
    quote = "came early"
    rows = [
        _row("a1", quote, tags=["turnout", "hyp-claim"], text="Note."),
        {"id": "p1", "user": "acct:bo@hypothes.is", "text": "About the whole page.", "target": [{"source": "x"}]},
        {
            "id": "r2",
            "user": "acct:cy@hypothes.is",
            "text": "Second reply",
            "references": ["a1", "r1"],
            "created": "2024-03-02T00:00:00+00:00",
            "target": [{"source": "x"}],
        },
        {
            "id": "r1",
            "user": "acct:bo@hypothes.is",
            "text": "I agree",
            "references": ["a1"],
            "created": "2024-03-01T12:00:00+00:00",
            "target": [{"source": "x"}],
        },
        {"id": "r3", "user": "acct:ada@hypothes.is", "text": "On the page", "references": ["p1"], "target": [{}]},
        {"id": "r4", "user": "acct:ada@hypothes.is", "text": "Lost", "references": ["nowhere"], "target": [{}]},
    ]
    found = read_hypothesis(orjson.dumps({"rows": rows}), TEXT, tag_map={"hyp-claim": "claim"}, known_tags={"claim"})
    assert [a.tag for a in found.annotations] == ["turnout", "claim"]
    assert {a.note for a in found.annotations} == {"Note.\nreply by bo: I agree\nreply by cy: Second reply"}
    assert found.memo_lines == ["Hypothesis page note by bo: About the whole page.", "reply by ada: On the page"]
    assert found.unknown_tags == ["turnout"]
    assert [u.label for u in found.unplaced] == ["Hypothesis reply r4"]


def test_coder_and_mapping_parsing() -> None:
    assert coder_of("acct:jane.doe@hypothes.is") == "jane.doe"
    assert parse_mapping(["a=b", " x = y "], "tag") == {"a": "b", "x": "y"}
    with pytest.raises(FormatError):
        parse_mapping(["nothing"], "tag")


PAGES_TEXT = "Page one says the same words here.\n\nPage two also says the same words here.\n"
PAGES = [0, PAGES_TEXT.index("Page two")]


def _zotero(*annotations: dict) -> bytes:
    items = [{"key": "PARENT", "itemType": "attachment", "contentType": "application/pdf"}]
    for n, fields in enumerate(annotations):
        item = {"key": f"K{n}", "itemType": "annotation", "parentItem": "PARENT", "annotationType": "highlight"}
        item.update(fields)
        items.append({"key": item["key"], "data": item} if n % 2 else item)  # the API wraps items in "data"
    return orjson.dumps(items)


def test_zotero_page_index_picks_the_occurrence_on_that_page() -> None:
    data = _zotero(
        {
            "annotationText": "the same words",
            "annotationColor": "#ffd400",
            "annotationPosition": orjson.dumps({"pageIndex": 1, "rects": [[1, 2, 3, 4]]}).decode(),
            "annotationComment": "second page",
            "annotationAuthorName": "ada",
        },
        {
            "annotationText": "the same\nwords",
            "annotationColor": "#5fb236",
            "annotationPosition": {"pageIndex": 0, "rects": []},
        },
        {"annotationType": "note", "annotationComment": "Read again", "annotationPosition": {"pageIndex": 1}},
        {"annotationType": "image", "annotationPosition": {"pageIndex": 0}},
    )
    tags = [("claim", "#f4a261"), ("evidence", "#2a9d8f")]
    found = read_zotero(data, PAGES_TEXT, pages=PAGES, tags=tags)
    second, first = found.annotations
    assert second.start == PAGES_TEXT.index("the same words", PAGES[1])
    assert first.start == PAGES_TEXT.index("the same words")
    assert PAGES_TEXT[second.start : second.end] == "the same words"
    assert (second.tag, second.note, second.coder, first.tag) == ("claim", "second page", "ada", "evidence")
    assert found.memo_lines == ["Zotero note on page 2: Read again"]
    assert ["image" in u.reason for u in found.unplaced] == [True]


def test_colour_defaults_nearest_and_overrides() -> None:
    tags = [("claim", "#f4a261"), ("evidence", "#2a9d8f"), ("danger", "#e63946")]
    assert tag_for_colour("#ffd400", tags) == "claim"  # Zotero's yellow, by default
    assert tag_for_colour("#FF6666", tags) == "danger"  # red: the nearest tag colour
    assert tag_for_colour("#ffd400", tags, {"#FFD400": "danger"}) == "danger"
    assert tag_for_colour("#ffd400", [("other", "#2a9d8f")]) == "other"  # no claim tag: the nearest
    assert tag_for_colour("#2ea8e5", []) == "blue"  # no tags at all: Zotero's name for it
