"""Tests: revising a document's text, on SQLite and PostgreSQL.

Revisions of the sample article (paragraphs inserted, removed and reordered,
typos fixed, a quoted sentence reworded, CRLF line endings with one edit) must
keep the old text as a version, delete nothing, keep ``text[start:end] ==
quote`` for every placed annotation, keep orphans pointing into the version
they were made on, and do all of it in one unit of work. Also: reattaching
orphans, accepting fuzzy placements, and the ``revise`` command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
import sqlalchemy as sa

from annotator.cli_revise import add_revise_command, cmd_revise
from annotator.core.anchoring import FUZZY, MOVED, ORPHANED, UNCHANGED, AnchorState
from annotator.core.model import Annotation, Conflict, InvalidInput
from annotator.core.selectors import CONTEXT_LENGTH, SpanError
from annotator.core.text import normalize_text, sha256_text
from annotator.formats.base import FormatError, ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.services import annotating, exporting, importing, revising
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

THESIS = "Kazakhstan imploded"
OPENING = '"We need time to understand better what happened in Kazakhstan, and why"'  # quoted, once
STABILITY = "seemed to be an island of stability in the vast landmass of Eurasia"
UNREST = "Kazakhstan has a history of social unrest"
TITLE = "Opinion: The implosion of Kazakhstan was unexpected"
QUOTES = (THESIS, OPENING, STABILITY, UNREST, TITLE)


class Article:
    """The sample article in a library, with one annotation per quote of QUOTES."""

    def __init__(self, library: Library, text: str, quotes: tuple[str, ...] = QUOTES) -> None:
        self.library = library
        bundle = ImportBundle([ImportedDocument("Opinion", text)])
        self.id = importing.persist(library, [bundle]).documents[0].id
        self.text = text
        self.ids: dict[str, str] = {}
        for n, quote in enumerate(quotes):
            tag = ("claim", "evidence", "speculation")[n % 3]
            changes = annotating.annotate_quote(
                library,
                document_id=self.id,
                tag_id=library.tag_named(tag).id,
                quote=quote,
                note=f"note {n}",
            )
            self.ids[quote] = changes.annotations_created[0].id
        self.before = {a.id: a for a in library.annotations(self.id)}

    def state(self) -> dict[str, tuple[Annotation, AnchorState]]:
        with unit_of_work(self.library.engine) as s:
            return {a.id: (a, st) for a, st in repo.anchored_annotations_of(s, self.id)}

    def of(self, quote: str) -> tuple[Annotation, AnchorState]:
        return self.state()[self.ids[quote]]


@pytest.fixture
def article(library: Library, seed_text: str) -> Article:
    return Article(library, seed_text)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def check_revision(article: Article, new_text: str, result: revising.RevisionResult, old_text: str) -> None:
    """What every revision must leave behind."""
    library, stored = article.library, normalize_text(new_text)
    assert library.text(article.id) == stored  # the cached text was dropped (before document() refills it)
    document = library.document(article.id)
    assert document.text == stored and document.sha256 == sha256_text(stored)
    versions = revising.document_versions(library, article.id)
    assert versions[-1] == result.version
    assert (result.version.text, result.version.sha256) == (old_text, sha256_text(old_text))
    assert [v.version for v in versions] == list(range(1, len(versions) + 1))
    state = article.state()
    assert set(state) == set(article.before)  # nothing deleted, nothing added
    texts = {v.id: v.text for v in versions}
    counts = dict.fromkeys(result.counts, 0)
    for annotation, anchor in state.values():
        counts[anchor.status] += 1
        before = article.before[annotation.id]
        assert (annotation.tag_id, annotation.note, annotation.coder, annotation.created) == (
            before.tag_id, before.note, before.coder, before.created,
        )  # fmt: skip
        if anchor.status == ORPHANED:
            old = texts[anchor.version_id]  # offsets and quote point into a kept version
            assert old[annotation.start : annotation.end] == annotation.quote
            assert (anchor.start, anchor.end) == (annotation.start, annotation.end)
        else:
            assert stored[annotation.start : annotation.end] == annotation.quote
            assert annotation.prefix == stored[max(0, annotation.start - CONTEXT_LENGTH) : annotation.start]
            assert annotation.suffix == stored[annotation.end : annotation.end + CONTEXT_LENGTH]
        if anchor.status == FUZZY:  # where a person put it is kept
            assert texts[anchor.version_id][anchor.start : anchor.end] == before.quote
        if anchor.status in (UNCHANGED, MOVED):
            assert anchor.version_id is None and annotation.quote == before.quote
    assert counts == result.counts == {s: sum(st.status == s for st in result.states.values()) for s in counts}
    assert {a.id for a in result.orphaned} == {i for i, (_, st) in state.items() if st.status == ORPHANED}
    assert {a.id for a in result.fuzzy} == {i for i, (_, st) in state.items() if st.status == FUZZY}


def revise(article: Article, new_text: str, note: str = "") -> revising.RevisionResult:
    old_text = article.library.text(article.id)  # fills the text cache, which must then be refreshed
    result = revising.revise_document(article.library, document_id=article.id, new_text=new_text, note=note)
    check_revision(article, new_text, result, old_text)
    return result


def inserted(text: str) -> str:
    parts = paragraphs(text)
    return "\n\n".join([*parts[:2], "An inserted paragraph.", *parts[2:4], "Another one, later.", *parts[4:]])


def removed(text: str) -> str:
    return "\n\n".join(p for p in paragraphs(text) if THESIS not in p)


def reordered(text: str) -> str:
    parts = paragraphs(text)
    return "\n\n".join([parts[0], *reversed(parts[1:])])


def reworded(text: str) -> str:
    return text.replace(OPENING, '"We need more time to understand what really happened in Kazakhstan and why"')


def crlf_and_one_edit(text: str) -> str:
    return text.replace("\n", "\r\n").replace("surprised many", "surprised nearly everyone")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            inserted,
            {THESIS: MOVED, OPENING: UNCHANGED, STABILITY: MOVED, UNREST: MOVED, TITLE: UNCHANGED},
        ),
        (
            removed,
            {
                THESIS: ORPHANED,
                OPENING: UNCHANGED,
                STABILITY: MOVED,
                UNREST: MOVED,
                TITLE: UNCHANGED,
            },
        ),
        (
            reordered,
            {THESIS: MOVED, OPENING: MOVED, STABILITY: MOVED, UNREST: MOVED, TITLE: UNCHANGED},
        ),
        (
            reworded,
            {THESIS: MOVED, OPENING: FUZZY, STABILITY: MOVED, UNREST: MOVED, TITLE: UNCHANGED},
        ),
        (
            crlf_and_one_edit,
            {THESIS: MOVED, OPENING: UNCHANGED, STABILITY: MOVED, UNREST: MOVED, TITLE: UNCHANGED},
        ),
    ],
    ids=["inserted", "removed", "reordered", "reworded", "crlf+edit"],
)
def test_revision_of_the_article(article: Article, make: Callable[[str], str], expected: dict[str, str]) -> None:
    new_text = make(article.text)
    result = revise(article, new_text, note="second edition")
    assert {q: article.of(q)[1].status for q in QUOTES} == expected
    assert result.version.version == 1 and result.version.note == "second edition"
    moved = {article.ids[q] for q, status in expected.items() if status in (MOVED, FUZZY)}
    assert {a.id for a in result.changes.annotations_updated} >= moved
    assert article.library.annotation(article.ids[TITLE]) == article.before[article.ids[TITLE]]  # untouched


def test_fixed_typos_make_fuzzy_spans_on_the_corrected_words(library: Library, seed_text: str) -> None:
    # The article as if it had been imported with typos, which the revision fixes.
    typos = seed_text.replace("island of stability", "iland of stabilty").replace(THESIS, "Kazakhstan impolded")
    quotes = (
        "Kazakhstan impolded",
        STABILITY.replace("island of stability", "iland of stabilty"),
        OPENING,
    )
    article = Article(library, typos, quotes)

    result = revise(article, seed_text, note="typos fixed")

    statuses = {a.quote: st.status for a, st in article.state().values()}
    assert statuses == {THESIS: FUZZY, STABILITY: FUZZY, OPENING: UNCHANGED}
    assert result.counts == {UNCHANGED: 1, MOVED: 0, FUZZY: 2, ORPHANED: 0}


def test_nothing_but_line_endings_is_refused_as_the_same_text(article: Article) -> None:
    with pytest.raises(InvalidInput, match="same as the document's current text"):
        revising.revise_document(article.library, document_id=article.id, new_text=article.text.replace("\n", "\r\n"))
    with pytest.raises(InvalidInput, match="same"):
        revising.revise_document(article.library, document_id=article.id, new_text="\ufeff" + article.text)
    assert revising.document_versions(article.library, article.id) == []


@pytest.mark.parametrize(
    ("new_text", "error", "message"),
    [
        ("", InvalidInput, "empty"),
        (" \n\t ", InvalidInput, "empty"),
        ("a\x00b", InvalidInput, "NUL"),
    ],
)
def test_bad_new_text_is_refused_and_changes_nothing(
    article: Article, new_text: str, error: type[Exception], message: str
) -> None:
    before = article.state()
    with pytest.raises(error, match=message):
        revising.revise_document(article.library, document_id=article.id, new_text=new_text)
    assert article.state() == before
    assert article.library.document(article.id).text == article.text


def test_unknown_document_is_a_lookup_error(library: Library) -> None:
    with pytest.raises(LookupError, match="no document"):
        revising.revise_document(library, document_id="nope", new_text="text")
    with pytest.raises(LookupError, match="no document"):
        revising.document_versions(library, "nope")


def test_a_failure_half_way_leaves_the_library_exactly_as_it_was(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = article.state()
    article.library.text(article.id)

    def fail(*_args: object) -> None:
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(repo, "update_anchors", fail)
    with pytest.raises(RuntimeError, match="caught fire"):
        revising.revise_document(article.library, document_id=article.id, new_text=removed(article.text))
    monkeypatch.undo()
    assert article.state() == before
    assert article.library.document(article.id).text == article.text
    assert article.library.text(article.id) == article.text
    assert revising.document_versions(article.library, article.id) == []


def test_second_revision_keeps_orphans_and_reverting_finds_them_again(article: Article) -> None:
    original = article.text
    first = revise(article, removed(original), note="cut a paragraph")
    orphan, anchor = article.of(THESIS)
    assert anchor == AnchorState(ORPHANED, first.version.id, orphan.start, orphan.end)

    second = revise(article, inserted(removed(original)), note="added two")
    assert second.version.version == 2
    assert article.of(THESIS) == (orphan, anchor)  # untouched, still pointing into version 1
    assert second.counts[ORPHANED] == 1

    third = revise(article, original, note="back to the first text")
    found, anchor = article.of(THESIS)
    assert anchor == AnchorState(MOVED) and third.counts[ORPHANED] == 0
    assert (found.start, found.end, found.quote) == (
        original.index(THESIS),
        original.index(THESIS) + len(THESIS),
        THESIS,
    )
    assert [v.note for v in revising.document_versions(article.library, article.id)] == [
        "cut a paragraph", "added two", "back to the first text",
    ]  # fmt: skip


def test_fuzzy_stays_flagged_over_revisions_and_an_orphaned_fuzzy_falls_back_to_the_original(
    article: Article,
) -> None:
    first = revise(article, reworded(article.text))
    fuzzy, anchor = article.of(OPENING)
    assert anchor.status == FUZZY and anchor.version_id == first.version.id

    revise(article, inserted(reworded(article.text)))
    moved, again = article.of(OPENING)
    assert again == anchor and moved.quote == fuzzy.quote  # still awaiting review

    gone = "\n\n".join(p for p in paragraphs(inserted(reworded(article.text))) if "really happened" not in p)
    revise(article, gone)
    orphan, last = article.of(OPENING)
    assert last == AnchorState(ORPHANED, first.version.id, anchor.start, anchor.end)
    assert orphan.quote == OPENING  # the words a person selected, in the text they selected them in
    assert (orphan.start, orphan.end) == (
        article.text.index(OPENING),
        article.text.index(OPENING) + len(OPENING),
    )


def test_reattach_an_orphan_to_a_new_selection(article: Article) -> None:
    revise(article, removed(article.text))
    orphan, _ = article.of(THESIS)
    text = article.library.text(article.id)
    start = text.index("Kazakhstan has a history")
    changes = revising.reattach_orphan(article.library, annotation_id=orphan.id, start=start, end=start + 10)
    [placed] = changes.annotations_updated
    assert article.of(THESIS) == (placed, AnchorState(MOVED))
    assert placed.quote == text[start : start + 10] == "Kazakhstan"
    assert (placed.note, placed.tag_id, placed.created) == (
        orphan.note,
        orphan.tag_id,
        orphan.created,
    )
    assert placed.modified >= orphan.modified

    with pytest.raises(InvalidInput, match="placed in the current text"):
        revising.reattach_orphan(article.library, annotation_id=orphan.id, start=0, end=5)
    with pytest.raises(LookupError):
        revising.reattach_orphan(article.library, annotation_id="nope", start=0, end=5)


def test_reattach_to_a_bad_span_changes_nothing(article: Article) -> None:
    revise(article, removed(article.text))
    before = article.state()
    orphan_id = article.ids[THESIS]
    for start, end in [(-1, 4), (5, 5), (0, len(article.library.text(article.id)) + 1)]:
        with pytest.raises(SpanError):
            revising.reattach_orphan(article.library, annotation_id=orphan_id, start=start, end=end)
    assert article.state() == before


def test_accept_fuzzy_clears_the_flag_all_or_nothing(article: Article) -> None:
    revise(article, removed(reworded(article.text)))
    fuzzy_id, orphan_id = article.ids[OPENING], article.ids[THESIS]
    before = article.state()
    with pytest.raises(InvalidInput, match="orphaned"):
        revising.accept_fuzzy(article.library, annotation_ids=[fuzzy_id, orphan_id])
    assert article.state() == before

    changes = revising.accept_fuzzy(article.library, annotation_ids=[fuzzy_id, article.ids[TITLE]])
    [accepted] = changes.annotations_updated
    assert article.of(OPENING) == (accepted, AnchorState(MOVED))
    again = revising.accept_fuzzy(article.library, annotation_ids=[fuzzy_id])
    assert again.empty  # accepting twice changes nothing
    assert set(revising.anchor_states(article.library, article.id)) == {
        article.ids[q] for q in (OPENING, THESIS, STABILITY, UNREST)
    }


def test_accept_fuzzy_refuses_a_placement_other_than_the_one_shown(article: Article) -> None:
    revise(article, reworded(article.text))
    fuzzy_id, other_id = article.ids[OPENING], article.ids[STABILITY]
    shown = {i: article.state()[i][0] for i in (fuzzy_id, other_id)}  # what a window shows
    revise(article, "A new first paragraph.\n\n" + article.library.text(article.id))  # placed further on
    before = article.state()
    assert before[fuzzy_id][1].status == FUZZY and before[fuzzy_id][0].start != shown[fuzzy_id].start
    with pytest.raises(Conflict, match="placed this annotation again"):
        revising.accept_fuzzy(article.library, annotation_ids=[other_id, fuzzy_id], bases=shown)
    assert article.state() == before  # all or nothing
    # Once the window shows where it is now, the placement can be accepted.
    now = {fuzzy_id: before[fuzzy_id][0]}
    [accepted] = revising.accept_fuzzy(article.library, annotation_ids=[fuzzy_id], bases=now).annotations_updated
    assert article.of(OPENING) == (accepted, AnchorState(MOVED))
    annotating.delete_annotation(article.library, annotation_id=other_id)
    with pytest.raises(Conflict, match="deleted"):
        revising.accept_fuzzy(article.library, annotation_ids=[other_id], bases=shown)


def test_orphans_can_still_be_noted_retagged_and_deleted(article: Article) -> None:
    revise(article, removed(article.text))
    orphan_id = article.ids[THESIS]
    [found] = revising.orphans(article.library, article.id)
    orphan, version = found.annotation, found.version
    assert article.library.annotation(orphan_id) == found  # never handed out as a placed annotation
    assert orphan.id == orphan_id and version.text[orphan.start : orphan.end] == THESIS
    annotating.set_note(article.library, annotation_id=orphan_id, note="lost in the second edition")
    annotating.retag_annotation(
        article.library, annotation_id=orphan_id, tag_id=article.library.tag_named("evidence").id
    )
    assert article.of(THESIS)[1].status == ORPHANED
    assert orphan_id not in {a.id for a in article.library.annotations(article.id)}
    annotating.delete_annotation(article.library, annotation_id=orphan_id)
    assert orphan_id not in article.state()


def test_deleting_a_revised_document_removes_its_versions_and_orphans(article: Article) -> None:
    revise(article, removed(article.text))
    with article.library.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM document WHERE id = :id"), {"id": article.id})
        left = [
            conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("annotation", "document_version")
        ]
    assert left == [0, 0]


def test_export_after_a_revision_keeps_offsets_of_placed_annotations(article: Article, tmp_path: Path) -> None:
    revise(article, removed(inserted(article.text)))
    out = tmp_path / "export.json"
    exporting.export_to_path(article.library, out, document_ids=[article.id])
    [document] = orjson.loads(out.read_bytes())["documents"]
    placed = {a.id for a in article.library.annotations(article.id)}
    for exported in document["annotations"]:
        if exported["id"] in placed:
            assert document["text"][exported["start"] : exported["end"]] == exported["quote"]


def test_many_annotations_follow_a_long_revised_text(library: Library, seed_text: str) -> None:
    text = "\n\n".join(paragraphs(seed_text) * 4)
    spans = [
        ImportedAnnotation("claim", m, m + 12)
        for m in range(0, len(text) - 20, 29)
        if not text[m].isspace() and not text[m + 11].isspace()
    ][:2000]
    bundle = ImportBundle([ImportedDocument("Long", text, {}, spans)])
    [row] = importing.persist(library, [bundle]).documents
    new_text = inserted(text).replace("The beginning of 2022", "The start of 2022")
    result = revising.revise_document(library, document_id=row.id, new_text=new_text)
    assert sum(result.counts.values()) == len(spans) > 1500
    assert result.counts[UNCHANGED] + result.counts[MOVED] > 0.95 * len(spans)
    with unit_of_work(library.engine) as s:
        for annotation, anchor in repo.anchored_annotations_of(s, row.id):
            if anchor.status != ORPHANED:
                assert new_text[annotation.start : annotation.end] == annotation.quote


# -- the revise command ---------------------------------------------------------------------------


def run_revise(library: Library, *argv: str) -> None:
    parser = argparse.ArgumentParser(prog="annotator")
    add_revise_command(parser.add_subparsers(dest="command"))
    cmd_revise(parser.parse_args(["revise", *argv]), lambda: library)


def test_revise_command_prints_one_line_per_status(
    article: Article, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "second-edition.txt"
    path.write_bytes(removed(reworded(article.text)).replace("\n", "\r\n").encode("utf-8"))
    run_revise(article.library, article.id, str(path), "--note", "second edition")
    assert capsys.readouterr().out == "unchanged\t1\nmoved\t2\nfuzzy\t1\norphaned\t1\n"
    [version] = revising.document_versions(article.library, article.id)
    assert (version.note, version.text) == ("second edition", article.text)


def test_revise_command_refuses_files_with_annotations_or_several_documents(
    article: Article, library: Library, tmp_path: Path
) -> None:
    with_annotations = tmp_path / "export.json"
    exporting.export_to_path(library, with_annotations, document_ids=[article.id])
    with pytest.raises(FormatError, match="carries 5 annotation"):
        run_revise(library, article.id, str(with_annotations))
    importing.persist(library, [ImportBundle([ImportedDocument("Other", "Another text.")])])
    several = tmp_path / "all.json"
    exporting.export_to_path(library, several)
    with pytest.raises(FormatError, match="holds 2 documents"):
        run_revise(library, article.id, str(several))
    with pytest.raises(FormatError, match="missing.txt: .*nothing was changed"):
        run_revise(library, article.id, str(tmp_path / "missing.txt"))
    assert revising.document_versions(library, article.id) == []


def test_orphans_stay_out_of_placed_views_and_exports(library: Library, tmp_path: Path) -> None:
    """An orphan's offsets point into an older text: lists, counts and exports must not show it."""
    import io

    import orjson

    from annotator.services import annotating, exporting, importing
    from annotator.services.revising import orphans, revise_document

    source = tmp_path / "v1.txt"
    source.write_text("Keep this sentence.\nDrop this other one entirely.\n", encoding="utf-8")
    doc_id = importing.import_paths(library, [source]).documents[0].id
    claim = library.tag_named("claim").id
    kept = annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=0, end=4).annotations_created[
        0
    ]
    gone = annotating.create_annotation(
        library, document_id=doc_id, tag_id=claim, start=20, end=48
    ).annotations_created[0]
    revise_document(library, document_id=doc_id, new_text="Keep this sentence.\nSomething new.\n")
    assert [a.id for a in library.annotations(doc_id)] == [kept.id]
    assert [o.annotation.id for o in orphans(library, doc_id)] == [gone.id]
    (summary,) = library.documents()
    assert summary.counts == {claim: 1}
    out = io.BytesIO()
    exporting.export(library, out)
    (document,) = orjson.loads(out.getvalue())["documents"]
    assert [a["id"] for a in document["annotations"]] == [kept.id]
    for a in document["annotations"]:
        assert document["text"][a["start"] : a["end"]] == a["quote"]


def test_an_export_made_before_a_revision_merges_into_the_revised_document(library: Library, tmp_path: Path) -> None:
    """A colleague's coding of the old text follows the revision instead of duplicating the document."""
    import io

    from annotator.services import annotating, exporting, importing
    from annotator.services.revising import anchor_states, orphans, revise_document

    old = "Intro line.\nThe vote passed narrowly on Tuesday.\nA paragraph that the correction removes.\n"
    source = tmp_path / "old.txt"
    source.write_text(old, encoding="utf-8")
    doc_id = importing.import_paths(library, [source]).documents[0].id
    claim = library.tag_named("claim").id
    for quote in ("vote passed narrowly", "paragraph that the correction removes"):
        start = old.index(quote)
        annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=start, end=start + len(quote))
    out = io.BytesIO()
    exporting.export(library, out)
    colleague = tmp_path / "colleague.json"
    colleague.write_bytes(out.getvalue())
    # the colleague's copy has other annotation ids: drop ours so they count as new work
    import orjson

    payload = orjson.loads(colleague.read_bytes())
    for a in payload["documents"][0]["annotations"]:
        a["id"] = a["id"][:-4] + "beef"
    colleague.write_bytes(orjson.dumps(payload))

    new = "New intro.\nThe vote passed narrowly on Tuesday.\n"
    revise_document(library, document_id=doc_id, new_text=new)
    result = importing.import_paths(library, [colleague])
    assert [row.id for row in result.documents] == [doc_id] and not result.documents[0].new
    assert len(library.documents()) == 1
    placed = library.annotations(doc_id)
    for a in placed:
        assert new[a.start : a.end] == a.quote
    assert sorted(a.quote for a in placed) == ["vote passed narrowly", "vote passed narrowly"]
    orphan_quotes = sorted(o.annotation.quote for o in orphans(library, doc_id))
    assert orphan_quotes == ["paragraph that the correction removes"] * 2
    assert all(state.status in ("moved", "orphaned") for state in anchor_states(library, doc_id).values())
