"""Tests: agreement read from a library, on SQLite and PostgreSQL: two documents (one with emoji
beyond the BMP), three coders, a tag with a subtag; each value is checked against the tally the
core counts from the same spans written out here by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.core import agreement as ag
from annotator.core import unitizing
from annotator.core.errors import InvalidInput, NotFound
from annotator.services import Library, importing, sets
from annotator.services.agreement import (
    ALPHA,
    ALPHA_U,
    COHEN,
    FLEISS,
    PERCENT,
    agreement,
    method_statement,
    report_table,
)
from annotator.services.annotating import create_annotation
from annotator.services.codebook import create_tag
from annotator.services.searching import Scope

NEWS = "👩‍🔬 Dr. Ames wrote first. The U.S. team refused.\n\nLater, the 😀 team left. Nobody cared."
OTHER = "A second text. It has a claim and evidence."


def code(library: Library, doc: str, text: str, tag_id: str, quote: str, coder: str) -> tuple[int, int]:
    start = text.index(quote)
    create_annotation(library, document_id=doc, tag_id=tag_id, start=start, end=start + len(quote), coder=coder)
    return start, start + len(quote)


@pytest.fixture
def coded(library: Library) -> dict[str, object]:
    ids = {t.name: t.id for t in library.tags()}
    ids["Firm"] = create_tag(library, name="Firm", parent_id=ids["claim"]).tags_created[0].id
    news = importing.import_text(library, NEWS, title="News").documents[0].id
    other = importing.import_text(library, OTHER, title="Other").documents[0].id
    spans: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for doc, text, tag, quote, coder in [
        (news, NEWS, "claim", "The U.S. team refused", "ada"),
        (news, NEWS, "Firm", "U.S. team refused", "bo"),  # a subtag: claim, read as retrieve reads it
        (news, NEWS, "claim", "the 😀 team left", "bo"),
        (news, NEWS, "evidence", "😀 team", "ada"),
        (news, NEWS, "evidence", "Nobody", "cy"),
        (other, OTHER, "claim", "a claim", "ada"),
        (other, OTHER, "claim", "claim and", "bo"),
        (other, OTHER, "evidence", "evidence", "bo"),
    ]:
        found = code(library, doc, text, ids[tag], quote, coder)
        spans.setdefault((doc, "evidence" if tag == "evidence" else "claim", coder), []).append(found)
    return {"news": news, "other": other, "spans": spans}


def _expected(coded: dict[str, object], doc: str, tag: str, coders: list[str], length: int) -> ag.Tally:
    spans = coded["spans"]
    assert isinstance(spans, dict)
    codings = [[(s, e, ag.PRESENT) for s, e in spans.get((doc, tag, c), [])] for c in coders]
    return ag.character_tally(length, codings, ag.ABSENT)


def test_per_tag_results_per_document_and_pooled(library: Library, coded: dict[str, object]) -> None:
    news, other = str(coded["news"]), str(coded["other"])
    found = agreement(library, coders=["ada", "bo"], tags=["claim"])
    assert found.documents == (news, other) and found.coders == ("ada", "bo") and found.tags == ("claim",)
    rows = {(r.measure, r.document): r for r in found.results if r.measure != ALPHA_U}
    assert len(rows) == len(found.results) - 2 * 3 == 4 * 3  # α_U: the tag's and over the tags, 3 each
    by_doc = {news: _expected(coded, news, "claim", ["ada", "bo"], len(NEWS)),
              other: _expected(coded, other, "claim", ["ada", "bo"], len(OTHER))}  # fmt: skip
    by_doc[None] = by_doc[news] + by_doc[other]  # type: ignore[index]
    for doc, tally in by_doc.items():
        assert rows[(PERCENT, doc)].value == ag.percent_agreement(tally).value
        assert rows[(COHEN, doc)].value == ag.cohen_kappa(tally).value
        assert rows[(ALPHA, doc)].value == ag.krippendorff_alpha(tally).value
        assert rows[(COHEN, doc)].units == (
            len(NEWS) + len(OTHER) if doc is None else len(NEWS if doc == news else OTHER)
        )
    assert rows[(COHEN, news)].value is not None and 0 < rows[(COHEN, news)].value < 1


def test_three_coders_give_every_pair_and_all(library: Library, coded: dict[str, object]) -> None:
    found = agreement(
        library, coders=["ada", "bo", "cy"], tags=["evidence"], scope=Scope(document_ids=(str(coded["news"]),))
    )
    pairs = [r.coders for r in found.results if r.measure == COHEN and r.document is None]
    assert pairs == [("ada", "bo"), ("ada", "cy"), ("bo", "cy")]
    fleiss = next(r for r in found.results if r.measure == FLEISS and r.document is None)
    tally = _expected(coded, str(coded["news"]), "evidence", ["ada", "bo", "cy"], len(NEWS))
    assert fleiss.value == ag.fleiss_kappa(tally).value and fleiss.coders == ("ada", "bo", "cy")


def test_categorical_with_per_category_kappa_and_uncoded_as_a_category(
    library: Library, coded: dict[str, object]
) -> None:
    found = agreement(library, coders=["ada", "bo"], tags=["claim", "evidence"], categorical=True, unit=ag.WORD)
    assert all(r.tag is None for r in found.results)
    categories = {r.category for r in found.results if r.document is None and r.category}
    assert categories == {"claim", "evidence"}
    missing = next(r for r in found.results if r.measure == ALPHA and r.document is None)
    counted = agreement(
        library, coders=["ada", "bo"], tags=["claim", "evidence"], categorical=True, unit=ag.WORD, uncoded="category"
    )
    as_category = next(r for r in counted.results if r.measure == ALPHA and r.document is None)
    assert as_category.units > missing.units  # uncoded words are now values too
    assert ag.UNCODED in {r.category for r in counted.results if r.category}


def test_a_set_chooses_the_documents(library: Library, coded: dict[str, object]) -> None:
    sets.create_set(library, name="pilot", document_ids=[str(coded["other"])])
    found = agreement(library, coders=["ada", "bo"], tags=["claim"], scope=Scope(set_name="pilot"))
    assert found.documents == (str(coded["other"]),)


def test_unknown_coder_tag_or_document_is_named(library: Library, coded: dict[str, object]) -> None:
    with pytest.raises(NotFound, match="'zed'"):
        agreement(library, coders=["ada", "zed"])
    with pytest.raises(NotFound, match="nope"):
        agreement(library, coders=["ada", "bo"], tags=["nope"])
    with pytest.raises(NotFound, match="'missing-id'"):
        agreement(library, coders=["ada", "bo"], scope=Scope(document_ids=("missing-id",)))
    with pytest.raises(InvalidInput, match="two coders"):
        agreement(library, coders=["ada", " ada "])


def test_agreement_is_read_from_a_current_text(library: Library, coded: dict[str, object]) -> None:
    found = agreement(library, coders=["ada", "bo"], tags=["claim"], unit=ag.SENTENCE)
    sentences = next(r for r in found.results if r.measure == PERCENT and r.document == coded["news"])
    assert sentences.units == 4
    assert Counter(r.measure for r in found.results) == Counter({PERCENT: 3, COHEN: 3, FLEISS: 3, ALPHA: 3, ALPHA_U: 6})


def test_a_unit_one_coder_gave_two_categories_is_a_conflict_left_out(
    library: Library, coded: dict[str, object]
) -> None:
    # bo's "U.S. team refused" is tagged claim/Firm: with subtags it is both "claim" and "claim/Firm".
    found = agreement(library, coders=["ada", "bo"], tags=["claim", "claim/Firm"], categorical=True)
    assert found.conflicts == len("U.S. team refused")
    alone = agreement(library, coders=["ada", "bo"], tags=["claim/Firm"], categorical=True)
    assert alone.conflicts == 0


def _coded_spans(coded: dict[str, object], doc: str, shift: int = 0) -> list[unitizing.CodedSpan]:
    spans = coded["spans"]
    assert isinstance(spans, dict)
    return [
        unitizing.CodedSpan(coder, tag, s + shift, e + shift)
        for (d, tag, coder), found in spans.items()
        if d == doc
        for s, e in found
    ]


def test_alpha_u_rows_equal_the_core_per_document_and_on_the_documents_laid_end_to_end(
    library: Library, coded: dict[str, object]
) -> None:
    news, other = str(coded["news"]), str(coded["other"])
    coders, tags = ("ada", "bo", "cy"), ("claim", "evidence")
    found = agreement(library, coders=list(coders), tags=list(tags))
    rows = {(r.tag, r.document): r for r in found.results if r.measure == ALPHA_U}
    assert list(rows) == [(t, d) for t in (*tags, None) for d in (news, other, None)]
    laid = _coded_spans(coded, news) + _coded_spans(coded, other, shift=len(NEWS))
    for doc, length, spans in [
        (news, len(NEWS), _coded_spans(coded, news)),
        (other, len(OTHER), _coded_spans(coded, other)),
        (None, len(NEWS) + len(OTHER), laid),
    ]:
        wanted = unitizing.alpha_u(length, coders, spans, tags)
        for alpha in (*wanted.tags, wanted.overall):
            row = rows[(alpha.tag, doc)]
            assert (row.value, row.reason, row.units, row.coders) == (alpha.value, alpha.reason, length, coders)
    assert rows[("claim", None)].value is not None
    pooled_apart = unitizing.alpha_u(len(NEWS) + len(OTHER) + 1, coders, laid, tags).overall.value
    assert rows[(None, None)].value != pooled_apart  # the continuum's length is the documents', nothing more


def test_alpha_u_ignores_the_unit_and_categorical_has_none(library: Library, coded: dict[str, object]) -> None:
    def alpha_u_rows(**options: object) -> list[object]:
        found = agreement(library, coders=["ada", "bo"], tags=["claim", "evidence"], **options)  # type: ignore[arg-type]
        return [r for r in found.results if r.measure == ALPHA_U]

    assert alpha_u_rows(unit=ag.PARAGRAPH) == alpha_u_rows() != []
    assert alpha_u_rows(categorical=True) == []


def test_an_emoji_before_a_span_changes_no_alpha_u(library: Library) -> None:
    claim = next(t.id for t in library.tags() if t.name == "claim")
    values = []
    for first in ("😀", "x"):  # one code point each; two UTF-16 units for the emoji
        text = f"{first} The team refused. The team left. Nobody cared."
        doc = importing.import_text(library, text, title=first).documents[0].id
        code(library, doc, text, claim, "The team refused", "ada")
        code(library, doc, text, claim, "team refused. The", "bo")
        code(library, doc, text, claim, "Nobody", "bo")
        found = agreement(library, coders=["ada", "bo"], tags=["claim"], scope=Scope(document_ids=(doc,)))
        values.append([(r.value, r.units) for r in found.results if r.measure == ALPHA_U])
    assert values[0] == values[1] and values[0][0][0] is not None


def test_the_method_statement_and_the_report_table(library: Library, coded: dict[str, object]) -> None:
    found = agreement(library, coders=["ada", "bo"], tags=["claim"], unit=ag.WORD)
    method = dict(method_statement(library, found, scope=Scope(set_name="pilot")))
    assert (
        method["Coders"].startswith("ada, bo") and "News (" in method["Documents"] and "'pilot'" in method["Documents"]
    )
    assert method["Unit"].startswith("word") and "not for alpha_u" in method["Unit"]
    assert "Cohen 1960" in method["Measures"] and "Krippendorff 1995" in method["Measures"]
    assert "present or absent" in method["Agreement"] and "end to end" in method["Pooled"]
    categorical = agreement(
        library, coders=["ada", "bo"], tags=["claim", "evidence"], categorical=True, uncoded="category"
    )
    said = dict(method_statement(library, categorical))
    assert "category of its own" in said["Agreement"] and "alpha_u" not in said["Measures"]
    table = report_table(library, found)
    assert len(table.rows) == len(found.results) and dict(table.notes)["Coders"] == method["Coders"]
    pooled = next(r for r in table.rows if r[0] == ALPHA_U and r[3] == "" and r[1] == "claim")
    assert pooled[4] == "ada;bo" and pooled[5] == next(
        r.value for r in found.results if r.measure == ALPHA_U and r.document is None and r.tag == "claim"
    )
