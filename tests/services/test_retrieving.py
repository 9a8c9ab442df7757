"""Tests: retrieving coded segments with a query across the library, on SQLite and PostgreSQL:
nested tags, overlapping spans, near/N across sentence boundaries, filters by coder, document,
set and attribute, context, orphans left out, and bad input refused before anything is read."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidInput, NotFound
from annotator.formats.base import FormatError
from annotator.formats.tables import TABLE_FORMATS, table_bytes
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from annotator.services.annotating import create_annotation
from annotator.services.backups import library_file
from annotator.services.codebook import create_tag
from annotator.services.progress import Cancelled
from annotator.services.retrieving import COLUMNS, retrieve, segments_table
from annotator.services.revising import revise_document
from annotator.services.tables import export_table

NEWS = "Mr. Lee spoke first. The U.S. envoy replied in Jan. with a plan. Nobody agreed.\n\nThen J. R. Doe left."
OTHER = "A second text. It has a claim and evidence."


def tag(library: Library, name: str, parent: str | None = None) -> str:
    return create_tag(library, name=name, parent_id=parent).tags_created[0].id


def document(library: Library, text: str, title: str) -> str:
    return importing.import_text(library, text, title=title).documents[0].id


def code(library: Library, doc: str, text: str, tag_id: str, quote: str, *, coder: str = "", note: str = "") -> str:
    start = text.index(quote)
    changes = create_annotation(
        library, document_id=doc, tag_id=tag_id, start=start, end=start + len(quote), coder=coder, note=note
    )
    return changes.annotations_created[0].id


@pytest.fixture
def coded(library: Library) -> dict[str, str]:
    """Two documents; Attitude/{Positive, Negative}; claims, evidence and attitudes that overlap."""
    ids = {t.name: t.id for t in library.tags()}
    att = tag(library, "Attitude")
    ids.update(Attitude=att, Positive=tag(library, "Positive", att), Negative=tag(library, "Negative", att))
    news, other = document(library, NEWS, "News"), document(library, OTHER, "Other")
    found = {"news": news, "other": other}
    found["c_envoy"] = code(library, news, NEWS, ids["claim"], "The U.S. envoy replied", coder="ada", note="key")
    found["e_plan"] = code(library, news, NEWS, ids["evidence"], "a plan", coder="bo")
    found["p_envoy"] = code(library, news, NEWS, ids["Positive"], "envoy replied in Jan.", coder="ada")
    found["c_nobody"] = code(library, news, NEWS, ids["claim"], "Nobody agreed", coder="bo")
    found["s_doe"] = code(library, news, NEWS, ids["speculation"], "Doe left", coder="ada")
    found["a_first"] = code(library, news, NEWS, ids["Attitude"], "spoke first", coder="ada")
    found["c_other"] = code(library, other, OTHER, ids["claim"], "a claim", coder="ada")
    found["e_other"] = code(library, other, OTHER, ids["evidence"], "claim and evidence", coder="bo")
    return found


def ids(segments: list) -> list[str]:  # type: ignore[type-arg]
    return [s.annotation_id for s in segments]


def test_overlap_keeps_the_left_segments_in_document_then_text_order(library: Library, coded: dict[str, str]) -> None:
    found = retrieve(library, "claim & (evidence | Attitude)")
    assert ids(found) == [coded["c_envoy"], coded["c_other"]]
    first = found[0]
    assert (first.document_id, first.title, first.tag, first.quote, first.note, first.coder) == (
        coded["news"],
        "News",
        "claim",
        "The U.S. envoy replied",
        "key",
        "ada",
    )
    assert NEWS[first.start : first.end] == first.quote


def test_a_parent_tag_stands_for_the_tags_inside_it_unless_written_with_an_equals_sign(
    library: Library, coded: dict[str, str]
) -> None:
    assert ids(retrieve(library, "Attitude")) == [coded["a_first"], coded["p_envoy"]]
    assert ids(retrieve(library, "=Attitude")) == [coded["a_first"]]
    assert [s.tag for s in retrieve(library, "Attitude/Positive")] == ["Attitude/Positive"]
    assert ids(retrieve(library, "claim - Attitude")) == [coded["c_nobody"], coded["c_other"]]


def test_near_counts_sentences_that_abbreviations_do_not_end(library: Library, coded: dict[str, str]) -> None:
    # "U.S." and "Jan." do not end the envoy's sentence, so the plan is in it.
    assert ids(retrieve(library, "claim near/0 evidence")) == [coded["c_envoy"], coded["c_other"]]
    assert ids(retrieve(library, "speculation near/1 claim")) == [coded["s_doe"]]
    assert ids(retrieve(library, "speculation near/0 claim")) == []
    # "Mr." does not end the first sentence either: its attitude is one sentence from the claim.
    assert ids(retrieve(library, "=Attitude near/1 claim")) == [coded["a_first"]]
    assert ids(retrieve(library, "=Attitude near/0 claim")) == []


def test_filters_by_coder_document_set_and_attribute(library: Library, coded: dict[str, str]) -> None:
    assert ids(retrieve(library, "claim", coders=["bo"])) == [coded["c_nobody"]]
    assert ids(retrieve(library, "claim & evidence", coders=["ada"])) == []  # the evidence is bo's
    assert ids(retrieve(library, "claim", document_ids=[coded["other"]])) == [coded["c_other"]]
    sets.add_to_set(library, name="Course", document_ids=[coded["other"]])
    assert ids(retrieve(library, "claim", set_name="Course")) == [coded["c_other"]]
    assert len(retrieve(library, "claim", set_name="Course", document_ids=[coded["news"]])) == 3
    attrs.define_attribute(library, name="Genre", kind="choice", choices=["news", "essay"])
    attrs.define_attribute(library, name="Source", kind="text")
    attrs.set_attributes(library, document_id=coded["news"], values={"Genre": "news", "Source": "The Daily Post"})
    attrs.set_attributes(library, document_id=coded["other"], values={"Genre": "essay"})
    assert ids(retrieve(library, "claim", where=[("Genre", "essay")])) == [coded["c_other"]]
    assert ids(retrieve(library, "claim", where=[("Source", "daily")])) == [coded["c_envoy"], coded["c_nobody"]]
    assert ids(retrieve(library, "claim", where=[("Source", "")])) == [coded["c_envoy"], coded["c_nobody"]]
    assert retrieve(library, "claim", where=[("Genre", "essay"), ("Source", "daily")]) == []


def test_context_gives_the_characters_around_each_segment(library: Library, coded: dict[str, str]) -> None:
    [found] = retrieve(library, "speculation", context=8)
    assert (found.before, found.quote, found.after) == ("n J. R. ", "Doe left", ".")
    assert retrieve(library, "speculation")[0].before == ""


def test_orphans_are_not_retrieved(library: Library, coded: dict[str, str]) -> None:
    revise_document(library, document_id=coded["other"], new_text="Nothing of it is left here.")
    assert coded["c_other"] not in ids(retrieve(library, "claim"))


def test_nothing_selected_is_an_empty_list(library: Library, coded: dict[str, str]) -> None:
    assert retrieve(library, "speculation & evidence") == []
    assert retrieve(library, "claim", coders=["nobody"]) == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"query": "claim &"}, InvalidInput, "query: expected a tag PATH or '(' at column 8"),
        ({"query": "claim & nope"}, NotFound, "there is no tag 'nope'"),
        ({"query": "Positive"}, NotFound, "there is no tag 'Positive'"),
        ({"query": "claim", "document_ids": ["nope"]}, NotFound, "there is no document 'nope'"),
        ({"query": "claim", "set_name": "nope"}, NotFound, "there is no set 'nope'"),
        ({"query": "claim", "where": [("nope", "x")]}, NotFound, "there is no attribute 'nope'"),
        ({"query": "claim", "context": -1}, InvalidInput, "0 or more"),
    ],
)
def test_bad_input_is_one_clear_error(library: Library, kwargs: dict, error: type, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(error, match=message.replace("(", r"\(").replace("'", "'")):
        retrieve(library, **kwargs)


def test_an_ambiguous_path_names_the_tags_it_could_be(library: Library) -> None:
    a, b = tag(library, "A"), tag(library, "B")
    tag(library, "Same", a)
    tag(library, "Same", b)
    with pytest.raises(InvalidInput, match="ambiguous: it could be A/Same, B/Same"):
        retrieve(library, "Same")
    assert retrieve(library, "A/Same | B/Same") == []


def test_a_value_its_attribute_cannot_have_is_refused(library: Library, coded: dict[str, str]) -> None:
    attrs.define_attribute(library, name="Published", kind="date")
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        retrieve(library, "claim", where=[("Published", "31/03/2020")])


def test_every_segment_carries_the_sha256_of_the_text_its_offsets_point_into(
    library: Library, coded: dict[str, str]
) -> None:
    sha = {doc: library.document(doc).sha256 for doc in (coded["news"], coded["other"])}
    for kwargs in ({}, {"context": 5}, {"query": "claim near/1 evidence"}):
        found = retrieve(library, **{"query": "claim", **kwargs})  # type: ignore[arg-type]
        assert found and all(s.sha256 == sha[s.document_id] for s in found)
    revise_document(library, document_id=coded["news"], new_text=NEWS + " More.")
    [envoy] = [s for s in retrieve(library, "claim") if s.annotation_id == coded["c_envoy"]]
    assert envoy.sha256 == library.document(coded["news"]).sha256 != sha[coded["news"]]


def test_progress_hears_each_document_and_can_cancel(library: Library, coded: dict[str, str]) -> None:
    heard: list[tuple[int, int]] = []
    retrieve(library, "claim", progress=lambda done, total: heard.append((done, total)) is None)
    assert heard == [(0, 2), (1, 2), (2, 2)]
    with pytest.raises(Cancelled):
        retrieve(library, "claim", progress=lambda done, _total: done < 1)


def test_segments_table_has_the_command_lines_columns_with_exact_values(
    library: Library, coded: dict[str, str]
) -> None:
    found = retrieve(library, "speculation", context=8)
    table = segments_table(found, with_context=True)
    assert table.columns == (*COLUMNS, "before", "after")
    [segment] = found
    assert list(table.rows) == [
        (coded["news"], "News", coded["s_doe"], "speculation", segment.start, segment.end, "ada", "Doe left", "",
         "n J. R. ", ".")
    ]  # fmt: skip
    assert segments_table(found, with_context=False).columns == COLUMNS


def _same_table(written: bytes, expected: bytes, format_id: str) -> bool:
    """A workbook is a zip whose members carry the second they were written: compare its cells."""
    if format_id != "xlsx":
        return written == expected
    import io

    from openpyxl import load_workbook

    def cells(data: bytes) -> list[list[tuple[object, ...]]]:
        book = load_workbook(io.BytesIO(data), read_only=True)
        return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]

    return cells(written) == cells(expected)


def test_export_table_writes_each_format_and_never_over_the_library(
    library: Library, coded: dict[str, str], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    table = segments_table(retrieve(library, "claim"), with_context=False)
    for format_id in TABLE_FORMATS:
        path = tmp_path / f"segments.{format_id}"
        assert export_table(library, path, table, format_id) == 3
        assert _same_table(path.read_bytes(), table_bytes(table, format_id), format_id)
    own = library_file(library)
    if own is not None:  # a server library has no file of ours to protect
        before = own.read_bytes()
        with pytest.raises(FormatError, match="the library's own file"):
            export_table(library, own, table, "csv")
        assert own.read_bytes() == before


def test_segments_of_many_documents_come_in_library_order(
    library: Library, coded: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past one IN list of ids (storage.repository._IN_CHUNK) the titles are read in one walk in the
    library's order instead: the same order as a few documents get, as ``annotator list`` shows."""
    from annotator.storage import repository

    claim = next(t.id for t in library.tags() if t.name == "claim")
    for title in ("Zeta", "Alpha", "Mid"):
        doc = document(library, f"{title} makes a claim.", title)
        code(library, doc, f"{title} makes a claim.", claim, "a claim")
    order = [d.id for d in library.documents()]
    few = [s.document_id for s in retrieve(library, "claim")]
    monkeypatch.setattr(repository, "_IN_CHUNK", 2)
    many = [s.document_id for s in retrieve(library, "claim")]
    assert many == few and list(dict.fromkeys(many)) == [d for d in order if d in set(many)] and len(set(many)) == 5
