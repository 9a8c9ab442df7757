"""Tests: the code matrices on SQLite and PostgreSQL, on a small library whose every cell is counted
by hand below: two documents, a text with emoji beyond the BMP, overlapping annotations (of one
tag and of several), two coders, a tag with a subtag. Each co-occurrence cell is checked against
the pairs behind it, and against what ``retrieve`` says of ``A & B`` and ``A near/0 B``."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidInput, NotFound
from annotator.core.matrices import WITHIN
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from annotator.services.annotating import create_annotation
from annotator.services.codebook import create_tag
from annotator.services.matrices import cooccurrence_matrix, cooccurrence_pairs, document_matrix, document_segments
from annotator.services.progress import Cancelled
from annotator.services.retrieving import retrieve
from annotator.services.revising import revise_document
from annotator.services.searching import Scope

# Sentences: "👩‍🔬 Dr. Ames wrote first." "The U.S. team refused." | "Later, the 😀 team left." "Nobody cared."
NEWS = "👩‍🔬 Dr. Ames wrote first. The U.S. team refused.\n\nLater, the 😀 team left. Nobody cared."
OTHER = "A second text. It has a claim and evidence."
TAGS = ["claim", "evidence", "speculation", "Attitude", "Attitude/Positive"]


def code(library: Library, doc: str, text: str, tag_id: str, quote: str, coder: str) -> str:
    start = text.index(quote)
    changes = create_annotation(
        library, document_id=doc, tag_id=tag_id, start=start, end=start + len(quote), coder=coder
    )
    return changes.annotations_created[0].id


@pytest.fixture
def coded(library: Library) -> dict[str, str]:
    ids = {t.name: t.id for t in library.tags()}
    ids["Attitude"] = create_tag(library, name="Attitude").tags_created[0].id
    ids["Positive"] = create_tag(library, name="Positive", parent_id=ids["Attitude"]).tags_created[0].id
    news = importing.import_text(library, NEWS, title="News").documents[0].id
    other = importing.import_text(library, OTHER, title="Other").documents[0].id
    found = {**ids, "news": news, "other": other}
    for name, tag, quote, coder in [
        ("a1", "Attitude", "Dr. Ames", "ada"),
        ("e2", "evidence", "Ames wrote", "bo"),
        ("c1", "claim", "The U.S. team refused", "ada"),
        ("c4", "claim", "team refused", "ada"),
        ("e1", "evidence", "U.S. team", "ada"),
        ("p1", "Positive", "U.S.", "ada"),
        ("c2", "claim", "the 😀 team left", "ada"),
        ("e3", "evidence", "😀 team", "bo"),
        ("s1", "speculation", "Nobody cared", "ada"),
    ]:
        found[name] = code(library, news, NEWS, ids[tag], quote, coder)
    found["c_o"] = code(library, other, OTHER, ids["claim"], "a claim", "ada")
    found["e_o"] = code(library, other, OTHER, ids["evidence"], "claim and evidence", "ada")
    return found


def cells(library: Library, **kwargs: object) -> list[list[int]]:
    table = cooccurrence_matrix(library, tags=TAGS, **kwargs)  # type: ignore[arg-type]
    assert [h.label for h in table.rows] == [h.label for h in table.columns] == TAGS
    return [list(row) for row in table.cells]


def test_overlap_counts_pairs_of_one_coder_that_share_a_character(library: Library, coded: dict[str, str]) -> None:
    # ada's overlapping pairs: c1-c4, c1-e1, c1-p1, c4-e1, e1-p1 (News), c_o-e_o (Other); bo's two
    # evidence segments overlap nothing of bo's, and e2/e3 overlap ada's a1/c2, which does not count.
    assert cells(library) == [
        [1, 3, 0, 1, 1],
        [3, 0, 0, 1, 1],
        [0, 0, 0, 0, 0],
        [1, 1, 0, 0, 0],
        [1, 1, 0, 0, 0],
    ]
    own = cells(library, subtags=False)  # Attitude alone: a1, which overlaps no annotation of ada's
    assert own[0] == [1, 3, 0, 0, 1] and own[3] == [0, 0, 0, 0, 0]


def test_sentence_paragraph_and_document_widen_together(library: Library, coded: dict[str, str]) -> None:
    assert cells(library, within="sentence") == [
        [1, 3, 0, 2, 2],
        [3, 0, 0, 1, 1],
        [0, 0, 0, 0, 0],
        [2, 1, 0, 0, 0],
        [2, 1, 0, 0, 0],
    ]
    # Paragraph 1 of News holds a1 c1 c4 e1 p1 (ada) and e2 (bo); paragraph 2 c2 s1 (ada) and e3 (bo).
    assert cells(library, within="paragraph") == [
        [1, 3, 1, 4, 2],
        [3, 0, 0, 2, 1],
        [1, 0, 0, 0, 0],
        [4, 2, 0, 1, 1],
        [2, 1, 0, 1, 0],
    ]
    # The document: ada's 7 annotations of News pair up 21 ways, bo's 2 once, ada's 2 of Other once.
    assert cells(library, within="document") == [
        [3, 4, 3, 6, 3],
        [4, 1, 1, 2, 1],
        [3, 1, 0, 2, 1],
        [6, 2, 2, 1, 1],
        [3, 1, 1, 1, 0],
    ]


@pytest.mark.parametrize("within", WITHIN)
def test_every_cell_is_the_number_of_pairs_behind_it(library: Library, coded: dict[str, str], within: str) -> None:
    table = cooccurrence_matrix(library, within=within)
    for i, row in enumerate(table.rows):
        for j, column in enumerate(table.columns):
            behind = cooccurrence_pairs(library, row.id, column.id, within=within)
            assert len(behind.pairs) == table.cells[i][j], (row.label, column.label)
            for first, second in behind.pairs:
                assert first.annotation_id != second.annotation_id and first.coder == second.coder
                assert first.document_id == second.document_id


def test_pairs_behind_a_cell_have_the_row_tag_first_quotes_and_the_text_sha256(
    library: Library, coded: dict[str, str]
) -> None:
    behind = cooccurrence_pairs(library, coded["Positive"], coded["claim"])
    [(first, second)] = behind.pairs
    assert (first.annotation_id, second.annotation_id) == (coded["p1"], coded["c1"])
    assert (first.tag, second.tag, first.quote, second.quote) == (
        "Attitude/Positive",
        "claim",
        "U.S.",
        "The U.S. team refused",
    )
    assert NEWS[second.start : second.end] == second.quote
    assert behind.sha256 == {coded["news"]: library.document(coded["news"]).sha256}


@pytest.mark.parametrize(("within", "operator"), [("overlap", "&"), ("sentence", "near/0")])
def test_cells_agree_with_retrieve(library: Library, coded: dict[str, str], within: str, operator: str) -> None:
    # For two tags with no tag in common, the row-tag segments of a cell's pairs are what retrieve's
    # "ROW op COLUMN" gives for each coder alone.
    for row, column in [("claim", "evidence"), ("evidence", "claim"), ("claim", "Attitude"), ("Attitude", "evidence")]:
        for coder in ("ada", "bo"):
            behind = cooccurrence_pairs(library, coded[row], coded[column], within=within, coders=[coder])
            mine = {first.annotation_id for first, _ in behind.pairs}
            assert mine == {s.annotation_id for s in retrieve(library, f"{row} {operator} {column}", coders=[coder])}


def test_the_diagonal_counts_two_different_annotations_of_a_tag_never_one_with_itself(
    library: Library, coded: dict[str, str]
) -> None:
    [(first, second)] = cooccurrence_pairs(library, coded["claim"], coded["claim"]).pairs
    assert {first.annotation_id, second.annotation_id} == {coded["c1"], coded["c4"]}
    assert cooccurrence_pairs(library, coded["speculation"], coded["speculation"], within="document").pairs == ()


def test_coders_and_scope_narrow_the_matrix(library: Library, coded: dict[str, str]) -> None:
    assert cells(library, coders=["bo"]) == [[0] * 5 for _ in range(5)]
    assert cells(library, coders=["bo"], within="document")[1][1] == 1
    only_other = cells(library, scope=Scope(document_ids=(coded["other"],)))
    assert only_other[0][1] == 1 and only_other[0][0] == 0
    sets.add_to_set(library, name="Course", document_ids=[coded["news"]])
    assert cells(library, scope=Scope(set_name="Course"))[0][1] == 2
    assert cells(library, scope=Scope(set_name="Course", document_ids=(coded["other"],))) == [[0] * 5 for _ in range(5)]
    attrs.define_attribute(library, name="Genre", kind="text")
    attrs.set_attributes(library, document_id=coded["other"], values={"Genre": "essay"})
    assert cells(library, scope=Scope(where=(("Genre", "ess"),)))[0][1] == 1


def test_every_tag_in_tree_order_when_none_are_named(library: Library, coded: dict[str, str]) -> None:
    table = cooccurrence_matrix(library)
    assert [h.label for h in table.columns] == ["claim", "evidence", "speculation", "Attitude", "Attitude/Positive"]
    assert [h.id for h in table.rows] == [
        coded[t] for t in ("claim", "evidence", "speculation", "Attitude", "Positive")
    ]


def test_documents_by_tags_count_presence_and_characters(library: Library, coded: dict[str, str]) -> None:
    table = document_matrix(library, tags=TAGS)
    assert [(h.id, h.label) for h in table.rows] == [(coded["news"], "News"), (coded["other"], "Other")]
    assert table.cells == ((3, 3, 1, 2, 1), (1, 1, 0, 0, 0))
    assert document_matrix(library, tags=TAGS, measure="presence").cells == ((1, 1, 1, 1, 1), (1, 1, 0, 0, 0))
    # claim: c4 lies inside c1 (21) and counts once; c2 is 15 code points (the emoji is one, two in UTF-16).
    assert document_matrix(library, tags=TAGS, measure="characters").cells == ((36, 25, 12, 12, 4), (7, 18, 0, 0, 0))
    assert document_matrix(library, tags=TAGS, subtags=False).cells[0] == (3, 3, 1, 1, 1)
    assert document_matrix(library, tags=TAGS, coders=["bo"]).cells == ((0, 2, 0, 0, 0), (0, 0, 0, 0, 0))


def test_documents_without_annotations_are_rows_of_zeros_and_rows_follow_the_scope(
    library: Library, coded: dict[str, str]
) -> None:
    empty = importing.import_text(library, "Nothing coded here.", title="Empty").documents[0].id
    table = document_matrix(library, tags=["claim"])
    assert [h.id for h in table.rows] == [coded["news"], coded["other"], empty]
    assert table.cells[2] == (0,)
    sets.add_to_set(library, name="Two", document_ids=[empty, coded["other"]])
    assert [h.label for h in document_matrix(library, scope=Scope(set_name="Two")).rows] == ["Other", "Empty"]


def test_the_segments_behind_a_documents_cell(library: Library, coded: dict[str, str]) -> None:
    behind = document_segments(library, coded["news"], coded["Attitude"])
    assert [s.annotation_id for s in behind.segments] == [coded["a1"], coded["p1"]]
    assert [s.tag for s in behind.segments] == ["Attitude", "Attitude/Positive"]
    assert all(NEWS[s.start : s.end] == s.quote for s in behind.segments)
    assert behind.sha256 == {coded["news"]: library.document(coded["news"]).sha256}
    assert [s.quote for s in document_segments(library, coded["news"], coded["claim"], coders=["ada"]).segments] == [
        "The U.S. team refused",
        "team refused",
        "the 😀 team left",
    ]


def test_orphans_are_not_counted(library: Library, coded: dict[str, str]) -> None:
    revise_document(library, document_id=coded["other"], new_text="Nothing of it is left here.")
    assert document_matrix(library, tags=["claim"]).cells[1] == (0,)
    assert cells(library)[0][1] == 2


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda lib: cooccurrence_matrix(lib, tags=["nope"]), NotFound, "there is no tag 'nope'"),
        (lambda lib: cooccurrence_matrix(lib, within="line"), InvalidInput, "within is one of overlap"),
        (lambda lib: document_matrix(lib, measure="words"), InvalidInput, "measure is one of count"),
        (lambda lib: document_matrix(lib, scope=Scope(set_name="nope")), NotFound, "there is no set 'nope'"),
        (lambda lib: document_matrix(lib, scope=Scope(document_ids=("nope",))), NotFound, "no document 'nope'"),
        (lambda lib: cooccurrence_pairs(lib, "nope", "nope"), NotFound, "there is no tag with id 'nope'"),
        (lambda lib: document_segments(lib, "nope", lib.tags()[0].id), NotFound, "no document 'nope'"),
    ],
)
def test_bad_input_is_one_clear_error(library: Library, call, error: type, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message):
        call(library)


def test_progress_is_told_each_document_and_can_cancel(library: Library, coded: dict[str, str]) -> None:
    seen: list[tuple[int, int]] = []
    cooccurrence_matrix(library, progress=lambda done, total: seen.append((done, total)) is None)
    assert seen == [(1, 2), (2, 2)]
    with pytest.raises(Cancelled):
        document_matrix(library, progress=lambda done, total: False)
