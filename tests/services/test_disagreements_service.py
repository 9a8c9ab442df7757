"""Tests: disagreements read from a library (SQLite and PostgreSQL) and adjudication into a
consensus coder: the stretches and who coded what (after emoji beyond the BMP), scope and tags,
bad input, accepting one coder, both, neither, refusals when the text or a coder's annotations
changed (nothing written), undo and redo by swapping exactly what changed, and the consensus
coder counted by agreement like any coder."""

from __future__ import annotations

import pytest

from annotator.core.anchoring import FUZZY
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import Annotation, Conflict
from annotator.services import Library, importing
from annotator.services.agreement import PERCENT, agreement
from annotator.services.annotating import create_annotation, delete_annotation, set_note
from annotator.services.disagreements import (
    adjudicate,
    describe_codings,
    disagreements,
    disagreements_table,
    swap_annotations,
)
from annotator.services.revising import anchor_states, revise_document
from annotator.services.searching import Scope

NEWS = "👩‍🔬 Dr. Ames wrote first. The U.S. team refused.\n\nLater, the 😀 team left. Nobody cared."
OTHER = "A second text. It has a claim and evidence."


def code(library: Library, doc: str, text: str, tag_id: str, quote: str, coder: str, note: str = "") -> str:
    start = text.index(quote)
    made = create_annotation(
        library, document_id=doc, tag_id=tag_id, start=start, end=start + len(quote), coder=coder, note=note
    )
    return made.annotations_created[0].id


@pytest.fixture
def coded(library: Library) -> dict[str, str]:
    ids = {t.name: t.id for t in library.tags()}
    news = importing.import_text(library, NEWS, title="News").documents[0].id
    other = importing.import_text(library, OTHER, title="Other").documents[0].id
    made = {
        "news": news, "other": other, "claim": ids["claim"], "evidence": ids["evidence"],
        "ada_claim": code(library, news, NEWS, ids["claim"], "The U.S. team refused", "ada", "ada's note"),
        "bo_claim": code(library, news, NEWS, ids["claim"], "U.S. team refused.", "bo"),
        "ada_left": code(library, news, NEWS, ids["evidence"], "😀 team left", "ada"),
        "bo_left": code(library, news, NEWS, ids["claim"], "😀 team left", "bo"),
        "same_ada": code(library, other, OTHER, ids["claim"], "a claim", "ada"),
        "same_bo": code(library, other, OTHER, ids["claim"], "a claim", "bo"),
    }  # fmt: skip
    return made


def _span(quote: str) -> tuple[int, int]:
    start = NEWS.index(quote)
    return start, start + len(quote)


def test_stretches_say_who_coded_what_in_code_points(library: Library, coded: dict[str, str]) -> None:
    found = disagreements(library, coders=["ada", "bo"])
    assert found.coders == ("ada", "bo") and found.documents == (coded["news"], coded["other"])
    assert [(d.start, d.end) for d in found.stretches] == [
        (NEWS.index("The U.S."), NEWS.index("refused.") + len("refused.")),
        _span("😀 team left"),
    ]
    first, second = found.stretches
    assert first.quote == "The U.S. team refused." and NEWS[first.start : first.end] == first.quote
    assert first.disputed == len("The ") + len(".") and first.tags == ("claim",)
    assert [[c.annotation_id for c in mine] for mine in first.coded] == [[coded["ada_claim"]], [coded["bo_claim"]]]
    assert first.coded[0][0].note == "ada's note" and first.title == "News"
    assert first.before + first.quote + first.after == NEWS  # all of it: shorter than the context each side
    assert second.tags == ("claim", "evidence") and second.disputed == len("😀 team left")
    assert describe_codings(second.coded[0]) == f"evidence {second.start}-{second.end}"
    assert first.sha256 == second.sha256 == library.document(coded["news"]).sha256


def test_tags_and_scope_choose_what_is_compared(library: Library, coded: dict[str, str]) -> None:
    only_evidence = disagreements(library, coders=["ada", "bo"], tags=["evidence"])
    assert [d.tags for d in only_evidence.stretches] == [("evidence",)]
    assert only_evidence.tags == ("evidence",)
    assert disagreements(library, coders=["ada", "bo"], scope=Scope(document_ids=(coded["other"],))).stretches == ()


def test_bad_choices_are_refused(library: Library, coded: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match="two coders"):
        disagreements(library, coders=["ada", " ada "])
    with pytest.raises(NotFound, match="'cy'"):
        disagreements(library, coders=["ada", "cy"])
    with pytest.raises(NotFound, match="nope"):
        disagreements(library, coders=["ada", "bo"], tags=["nope"])
    with pytest.raises(NotFound, match="missing-doc"):
        disagreements(library, coders=["ada", "bo"], scope=Scope(document_ids=("missing-doc",)))


def _consensus(library: Library, doc: str) -> list[tuple[str, int, int, str]]:
    return sorted((a.tag_id, a.start, a.end, a.note) for a in library.annotations(doc) if a.coder == "team")


def test_accepting_one_coder_copies_their_annotations_and_agreement_then_agrees(
    library: Library, coded: dict[str, str]
) -> None:
    stretch = disagreements(library, coders=["ada", "bo"]).stretches[0]
    changes = adjudicate(library, stretch=stretch, accept=["ada"], consensus="team")
    start, end = _span("The U.S. team refused")
    assert _consensus(library, coded["news"]) == [(coded["claim"], start, end, "ada's note")]
    assert [a.coder for a in changes.annotations_created] == ["team"] and changes.annotations_deleted == ()
    news = Scope(document_ids=(coded["news"],))
    result = agreement(library, coders=["team", "ada"], tags=["claim"], scope=news)
    pooled = next(r for r in result.results if r.measure == PERCENT and r.document is None)
    assert pooled.value == 100.0  # the news's only claim by ada is now the team's too, character for character
    assert disagreements(library, coders=["ada", "team"], tags=["claim"], scope=news).stretches == ()
    assert disagreements(library, coders=["bo", "team"], tags=["claim"], scope=news).stretches != ()


def test_both_is_the_union_once_and_neither_removes_the_consensus_there(
    library: Library, coded: dict[str, str]
) -> None:
    stretch = disagreements(library, coders=["ada", "bo"]).stretches[1]  # 😀 team left: evidence vs claim
    adjudicate(library, stretch=stretch, accept=["ada", "bo"], consensus="team")
    start, end = _span("😀 team left")
    assert _consensus(library, coded["news"]) == sorted(
        [(coded["evidence"], start, end, ""), (coded["claim"], start, end, "")]
    )
    adjudicate(library, stretch=stretch, accept=["bo"], consensus="team")
    assert _consensus(library, coded["news"]) == [(coded["claim"], start, end, "")]
    again = adjudicate(library, stretch=stretch, accept=["bo"], consensus="team")
    assert again.annotations_created == () and again.annotations_deleted == ()  # already so: kept
    gone = adjudicate(library, stretch=stretch, accept=[], consensus="team")
    assert _consensus(library, coded["news"]) == [] and len(gone.annotations_deleted) == 1


def test_refused_when_the_text_or_a_coders_annotations_changed(library: Library, coded: dict[str, str]) -> None:
    first, second = disagreements(library, coders=["ada", "bo"]).stretches
    with pytest.raises(InvalidInput, match="consensus"):
        adjudicate(library, stretch=first, accept=["ada"], consensus="ada")
    with pytest.raises(InvalidInput, match="'cy'"):
        adjudicate(library, stretch=first, accept=["cy"], consensus="team")
    set_note(library, annotation_id=coded["bo_claim"], note="changed")
    with pytest.raises(Conflict, match="coder 'bo'"):
        adjudicate(library, stretch=first, accept=["ada"], consensus="team")
    delete_annotation(library, annotation_id=coded["ada_left"])
    with pytest.raises(Conflict, match="coder 'ada'"):
        adjudicate(library, stretch=second, accept=["bo"], consensus="team")
    revise_document(library, document_id=coded["news"], new_text=NEWS + " More.")
    fresh = disagreements(library, coders=["ada", "bo"]).stretches[0]
    with pytest.raises(Conflict, match="text of this document changed"):
        adjudicate(library, stretch=first, accept=["ada"], consensus="team")
    assert _consensus(library, coded["news"]) == []
    adjudicate(library, stretch=fresh, accept=["ada"], consensus="team")  # listed again: goes through
    assert len(_consensus(library, coded["news"])) == 1


def test_swapping_undoes_and_redoes_exactly(library: Library, coded: dict[str, str]) -> None:
    stretch = disagreements(library, coders=["ada", "bo"]).stretches[1]
    adjudicate(library, stretch=stretch, accept=["ada"], consensus="team")
    before = _consensus(library, coded["news"])
    changed = adjudicate(library, stretch=stretch, accept=["bo"], consensus="team")
    after = _consensus(library, coded["news"])
    undone = swap_annotations(library, remove=changed.annotations_created, restore=changed.annotations_deleted)
    assert _consensus(library, coded["news"]) == before
    assert {a.id for a in undone.annotations_created} == {a.id for a in changed.annotations_deleted}
    swap_annotations(library, remove=changed.annotations_deleted, restore=changed.annotations_created)
    assert _consensus(library, coded["news"]) == after
    kept: list[Annotation] = [a for a in library.annotations(coded["news"]) if a.coder == "team"]
    set_note(library, annotation_id=kept[0].id, note="someone else")
    with pytest.raises(Conflict, match="take away"):
        swap_annotations(library, remove=changed.annotations_created, restore=changed.annotations_deleted)
    assert [a.note for a in library.annotations(coded["news"]) if a.coder == "team"] == ["someone else"]


def test_the_table_has_a_row_per_stretch_and_columns_per_coder(library: Library, coded: dict[str, str]) -> None:
    found = disagreements(library, coders=["ada", "bo"])
    table = disagreements_table(found)
    assert table.columns[:8] == ("document", "title", "start", "end", "length", "disputed", "tags", "quote")
    assert table.columns[8:] == ("ada: coded", "ada: annotations", "bo: coded", "bo: annotations")
    assert [row[2] for row in table.rows] == [d.start for d in found.stretches]
    assert table.rows[0][9] == coded["ada_claim"] and table.rows[0][11] == coded["bo_claim"]


def test_settling_a_stretch_keeps_the_consensus_outside_it(library: Library) -> None:
    text = "".join(f"Sentence {n:02d} of a long passage. " for n in range(5))  # 150 code points
    claim = {t.name: t.id for t in library.tags()}["claim"]
    doc = importing.import_text(library, text, title="Long").documents[0].id

    def span(start: int, end: int, coder: str) -> None:
        create_annotation(library, document_id=doc, tag_id=claim, start=start, end=end, coder=coder)

    span(20, 100, "ada")
    span(20, 100, "bo")  # the long passage both coded alike
    span(10, 30, "ada")  # ada begins it earlier
    span(90, 110, "bo")  # bo ends it later
    early, late = sorted(disagreements(library, coders=["ada", "bo"]).stretches, key=lambda d: d.start)
    assert [(early.start, early.end), (late.start, late.end)] == [(10, 30), (90, 110)]
    adjudicate(library, stretch=early, accept=["ada"], consensus="agreed")
    settled = adjudicate(library, stretch=late, accept=[], consensus="agreed")  # neither: no claim there
    kept = sorted((a.start, a.end) for a in library.annotations(doc) if a.coder == "agreed")
    assert kept == [(10, 30), (20, late.start)]
    assert all(a.quote == text[a.start : a.end] for a in library.annotations(doc))
    swap_annotations(library, remove=settled.annotations_created, restore=settled.annotations_deleted)
    assert sorted((a.start, a.end) for a in library.annotations(doc) if a.coder == "agreed") == [(10, 30), (20, 100)]


def test_undoing_a_settlement_puts_back_a_consensus_annotation_still_awaiting_review(
    library: Library, coded: dict[str, str]
) -> None:
    news = coded["news"]
    team = code(library, news, NEWS, coded["claim"], "😀 team left", "team")
    revised = NEWS.replace("team left", "team had left")  # the three spans there now await review
    revise_document(library, document_id=news, new_text=revised)
    waiting = anchor_states(library, news)[team]
    assert waiting.status == FUZZY
    stretch = next(d for d in disagreements(library, coders=["ada", "bo"]).stretches if "left" in d.quote)

    settled = adjudicate(library, stretch=stretch, accept=["ada"], consensus="team")
    assert [a.id for a in settled.annotations_deleted] == [team]
    undone = swap_annotations(
        library,
        remove=settled.annotations_created,
        restore=settled.annotations_deleted,
        states=settled.anchor_states,
    )

    assert anchor_states(library, news)[team] == waiting
    assert dict(undone.anchor_states) == {team: waiting}
