"""Tests: shaping the codebook through the services, on SQLite and PostgreSQL.

Every action is checked in the library afterwards (not only in what it returns),
and undone with the one :func:`restore_tags` (or :func:`delete_tag`) call the
window makes, which must give back the library as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from annotator.core import codebook as cb
from annotator.core.anchoring import FUZZY, MOVED, ORPHANED, AnchorState
from annotator.core.errors import AlreadyTagged, Conflict, InvalidInput, NotFound, SpanError, TagInUse
from annotator.core.model import Annotation, Tag
from annotator.services import annotating, importing, revising
from annotator.services import codebook as svc
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

TEXT = "Alpha beta gamma delta. Epsilon zeta eta theta.\n"


def _doc(library: Library, text: str = TEXT) -> str:
    return importing.persist(library, [importing.text_bundle(text, title="T")]).documents[0].id


def _tag(library: Library, path: str) -> Tag:
    return cb.resolve(library.tags(), path)


def _tag_quote(library: Library, doc_id: str, tag: Tag, quote: str, note: str = "", coder: str = "") -> Annotation:
    made = annotating.annotate_quote(library, document_id=doc_id, tag_id=tag.id, quote=quote, note=note, coder=coder)
    return made.annotations_created[0]


def _snapshot(library: Library, doc_id: str) -> tuple[list[Tag], list[tuple[str, str, str]]]:
    tags = sorted(library.tags(), key=lambda t: t.id)
    return tags, sorted((a.id, a.tag_id, a.note) for a in library.annotations(doc_id))


def test_a_new_tag_takes_the_next_colour_and_the_lowest_free_key(library: Library) -> None:
    made = svc.create_tag(library, name=" Theme ")
    (tag,) = made.tags_created
    assert (tag.name, tag.shortcut) == ("Theme", "4")  # claim, evidence, speculation have 1-3
    assert tag.color not in {t.color for t in library.tags() if t.id != tag.id}
    assert tag in library.tags()
    keyless = svc.create_tag(library, name="Quiet", shortcut="").tags_created[0]
    assert keyless.shortcut == ""


def test_children_go_where_they_are_put_and_names_are_unique_among_siblings(library: Library) -> None:
    feelings = svc.create_tag(library, name="Feelings").tags_created[0]
    outcome = svc.create_tag(library, name="Outcome").tags_created[0]
    svc.create_tag(library, name="Positive", parent_id=feelings.id)
    svc.create_tag(library, name="Positive", parent_id=outcome.id)
    first = svc.create_tag(library, name="Negative", parent_id=feelings.id, position=0)
    assert [t.name for t in first.tags_updated] == ["Positive"]  # moved one down
    assert [t.name for t in cb.children(library.tags())[feelings.id]] == ["Negative", "Positive"]
    with pytest.raises(InvalidInput, match="already a tag 'Positive' under 'Feelings'"):
        svc.create_tag(library, name="Positive", parent_id=feelings.id)
    with pytest.raises(NotFound):
        svc.create_tag(library, name="x", parent_id="no-such-tag")


def test_bad_input_changes_nothing(library: Library) -> None:
    before = library.tags()
    for bad in ({"name": ""}, {"name": "a\nb"}, {"name": "ok", "color": "red"}, {"name": "ok", "shortcut": "F12"}):
        with pytest.raises(InvalidInput):
            svc.create_tag(library, **bad)  # type: ignore[arg-type]
    assert library.tags() == before


def test_editing_a_tag_and_taking_a_key_from_another(library: Library) -> None:
    claim, evidence = _tag(library, "claim"), _tag(library, "evidence")
    changes = svc.update_tag(
        library, tag_id=claim.id, base=claim, name="Claim", color="#112233", description="Rules:\nline 2", shortcut="2"
    )
    now = {t.id: t for t in library.tags()}
    assert now[claim.id] == Tag(claim.id, "Claim", "#112233", "Rules:\nline 2", "2", claim.sort_order)
    assert now[evidence.id].shortcut == ""
    assert set(changes.tags_updated) == {now[claim.id], now[evidence.id]}
    undone = svc.restore_tags(library, tags=[claim, evidence])
    assert sorted(library.tags(), key=lambda t: t.id) == sorted(
        [*(t for t in now.values() if t.id not in (claim.id, evidence.id)), claim, evidence], key=lambda t: t.id
    )
    assert not undone.tags_created


def test_an_edit_based_on_a_changed_tag_is_refused(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        shown = _tag(window, "claim")
        svc.update_tag(other, tag_id=shown.id, name="assertion")  # the command line, meanwhile
        with pytest.raises(Conflict, match="another program changed this tag"):
            svc.update_tag(window, tag_id=shown.id, base=shown, name="Claim")
        svc.update_tag(window, tag_id=shown.id, base=shown, color="#abcdef")  # the name is not what it edits
        assert _tag(window, "assertion").color == "#abcdef"
        svc.delete_tag(other, tag_id=shown.id)
        with pytest.raises(Conflict, match="deleted this tag"):
            svc.move_tag(window, tag_id=shown.id, parent_id=None, base=shown)


def test_moving_refuses_cycles_and_clashes_and_renumbers(library: Library) -> None:
    a = svc.create_tag(library, name="A").tags_created[0]
    b = svc.create_tag(library, name="B", parent_id=a.id).tags_created[0]
    c = svc.create_tag(library, name="C", parent_id=b.id).tags_created[0]
    svc.create_tag(library, name="C")
    with pytest.raises(InvalidInput, match="inside itself"):
        svc.move_tag(library, tag_id=a.id, parent_id=c.id)
    with pytest.raises(InvalidInput, match="already a tag 'C' at the top level"):
        svc.move_tag(library, tag_id=c.id, parent_id=None)
    before = library.tags()
    moved = svc.move_tag(library, tag_id=b.id, parent_id=None, position=0, base=b)
    top = cb.children(library.tags())[None]
    assert [t.name for t in top][:2] == ["B", "claim"] and [t.sort_order for t in top] == list(range(len(top)))
    assert {t.id for t in moved.tags_updated} == {t.id for t in top}  # every one renumbered
    assert _tag(library, "B/C").id == c.id  # its children came with it
    svc.restore_tags(library, tags=[t for t in before if t.id in {u.id for u in moved.tags_updated}])
    assert sorted(library.tags(), key=lambda t: t.id) == sorted(before, key=lambda t: t.id)


def test_several_tags_move_together_to_one_place_in_one_step(library: Library) -> None:
    top = lambda: [t.name for t in cb.children(library.tags())[None]]  # noqa: E731
    claim, evidence, speculation = (_tag(library, n) for n in ("claim", "evidence", "speculation"))
    d = svc.create_tag(library, name="D").tags_created[0]
    # position counts the siblings that stay: after "evidence" among [evidence, D] is 1
    svc.move_tags(library, tag_ids=[speculation.id, claim.id], parent_id=None, position=1)
    assert top() == ["evidence", "speculation", "claim", "D"]
    svc.move_tags(library, tag_ids=[evidence.id, claim.id], parent_id=d.id)
    assert top() == ["speculation", "D"]
    assert [t.name for t in cb.children(library.tags())[d.id]] == ["evidence", "claim"]
    same = svc.create_tag(library, name="claim").tags_created[0]
    with pytest.raises(InvalidInput, match="already a tag 'claim' at the top level"):
        svc.move_tags(library, tag_ids=[speculation.id, _tag(library, "D/claim").id], parent_id=None)
    other = svc.create_tag(library, name="evidence", parent_id=same.id).tags_created[0]
    with pytest.raises(InvalidInput, match="two of the tags moved are named 'evidence'"):
        svc.move_tags(library, tag_ids=[other.id, evidence.id], parent_id=None)
    assert top() == ["speculation", "D", "claim"]  # a refused move changes nothing


def test_merging_moves_annotations_and_children_and_undo_gives_everything_back(library: Library) -> None:
    doc = _doc(library)
    claim, evidence, spec = (_tag(library, n) for n in ("claim", "evidence", "speculation"))
    kid = svc.create_tag(library, name="Kid", parent_id=evidence.id).tags_created[0]
    same = svc.create_tag(library, name="Same", parent_id=evidence.id).tags_created[0]
    claim_same = svc.create_tag(library, name="Same", parent_id=claim.id).tags_created[0]
    _tag_quote(library, doc, claim, "Alpha")
    kept_note = _tag_quote(library, doc, claim, "beta", note="mine")
    _tag_quote(library, doc, evidence, "beta", note="theirs")  # a copy with a note of its own: kept
    dropped = _tag_quote(library, doc, evidence, "Alpha")  # an exact copy saying nothing new: removed
    moved = _tag_quote(library, doc, spec, "gamma")
    _tag_quote(library, doc, same, "delta")
    before = _snapshot(library, doc)

    changes = svc.merge_tags(library, tag_ids=[evidence.id, spec.id], into_id=claim.id)

    assert {t.id for t in changes.tags_deleted} == {evidence.id, spec.id, same.id}  # Same merged into claim/Same
    assert {t.id: t.parent_id for t in changes.tags_updated if t.id != claim.id} == {kid.id: claim.id}
    merged_into = next(t for t in changes.tags_updated if t.id == claim.id)
    assert merged_into.description.endswith(f"From speculation:\n{spec.description}")
    assert [a.id for a in changes.annotations_deleted] == [dropped.id]
    assert {a.id for a in changes.annotations_updated} == {a.id for a in changes.annotations_before}
    rows = {a.id: a for a in library.annotations(doc)}
    assert rows[moved.id].tag_id == claim.id and rows[moved.id] == next(
        a for a in changes.annotations_updated if a.id == moved.id
    )
    assert sorted(a.note for a in rows.values() if a.quote == "beta") == ["mine", "theirs"]
    assert rows[kept_note.id].tag_id == claim.id
    assert [a.tag_id for a in rows.values() if a.quote == "delta"] == [claim_same.id]
    assert _tag(library, "claim/Kid").id == kid.id

    # Undo: the tags as the window had them, the annotations as they were.
    shown = {t.id: t for t in before[0]}
    svc.restore_tags(
        library,
        tags=[*changes.tags_deleted, *(shown[t.id] for t in changes.tags_updated)],
        annotations=[*changes.annotations_before, *changes.annotations_deleted],
    )
    assert _snapshot(library, doc) == before


def test_merging_ten_thousand_annotations_is_one_update(library: Library) -> None:
    doc = _doc(library, "word " * 10_000)
    claim, evidence = _tag(library, "claim"), _tag(library, "evidence")
    from annotator.core.model import annotation_on_span, new_id, utc_now
    from annotator.storage import repository as repo
    from annotator.storage.uow import unit_of_work

    text, now = library.text(doc), utc_now()
    made = [
        annotation_on_span(text, i * 5, i * 5 + 4, id=new_id(), document_id=doc, tag_id=evidence.id, note="",
                           coder="", created=now, modified=now)
        for i in range(10_000)
    ]  # fmt: skip
    with unit_of_work(library.engine) as s:
        repo.insert_annotations(s, made)
    changes = svc.merge_tags(library, tag_ids=[evidence.id], into_id=claim.id)
    assert len(changes.annotations_updated) == 10_000
    assert library.tag_counts([claim.id]) == {claim.id: 10_000}


def test_a_used_tag_is_deleted_only_with_a_choice(library: Library) -> None:
    doc = _doc(library)
    claim, evidence = _tag(library, "claim"), _tag(library, "evidence")
    child = svc.create_tag(library, name="Child", parent_id=claim.id).tags_created[0]
    made = [_tag_quote(library, doc, claim, q) for q in ("Alpha", "beta")]
    with pytest.raises(TagInUse, match="used by 2 annotation") as caught:
        svc.delete_tag(library, tag_id=claim.id)
    assert caught.value.count == 2 and svc.tag_usage(library, [claim.id]) == {claim.id: 2}
    with pytest.raises(InvalidInput, match="not both"):
        svc.delete_tag(library, tag_id=claim.id, move_to=evidence.id, delete_annotations=True)
    before = _snapshot(library, doc)

    gone = svc.delete_tag(library, tag_id=claim.id, delete_annotations=True, base=claim)
    assert sorted(a.id for a in gone.annotations_deleted) == sorted(a.id for a in made)
    assert library.annotations(doc) == []
    assert next(t for t in library.tags() if t.id == child.id).parent_id is None  # moved up
    svc.restore_tags(library, tags=[*gone.tags_deleted, child], annotations=gone.annotations_deleted)
    assert _snapshot(library, doc) == before

    moved = svc.delete_tag(library, tag_id=claim.id, move_to=evidence.id)
    assert {a.tag_id for a in library.annotations(doc)} == {evidence.id}
    assert {a.tag_id for a in moved.annotations_before} == {claim.id}
    svc.restore_tags(library, tags=[*moved.tags_deleted, child], annotations=moved.annotations_before)
    assert _snapshot(library, doc) == before


def test_an_unused_tag_is_deleted_and_an_undone_create_is_a_delete(library: Library) -> None:
    made = svc.create_tag(library, name="Spare").tags_created[0]
    assert svc.delete_tag(library, tag_id=made.id, base=made).tags_deleted == (made,)
    assert made.id not in {t.id for t in library.tags()}
    assert svc.restore_tags(library, tags=[made]).tags_created == (made,)
    assert made in library.tags()


def test_splitting_moves_the_chosen_annotations_to_a_new_tag(library: Library) -> None:
    doc = _doc(library)
    claim = _tag(library, "claim")
    a, b = (_tag_quote(library, doc, claim, q) for q in ("Alpha", "beta"))
    new = svc.create_tag(library, name="Sub", parent_id=claim.id).tags_created[0]
    split = svc.retag_annotations(library, annotation_ids=[b.id], tag_id=new.id, bases=[b])
    assert [x.tag_id for x in split.annotations_updated] == [new.id] and split.annotations_before == (b,)
    assert {x.id: x.tag_id for x in library.annotations(doc)} == {a.id: claim.id, b.id: new.id}
    with pytest.raises(Conflict):  # b's tag changed since the window showed it
        svc.retag_annotations(library, annotation_ids=[b.id], tag_id=claim.id, bases=[b])
    copy = _tag_quote(library, doc, claim, "beta")
    with pytest.raises(AlreadyTagged):
        svc.retag_annotations(library, annotation_ids=[copy.id], tag_id=new.id)
    svc.restore_tags(library, annotations=split.annotations_before, tags=[])
    assert {x.id: x.tag_id for x in library.annotations(doc)}[b.id] == claim.id


def test_a_merge_takes_annotations_committed_just_before_it_and_its_tags_take_no_more(
    new_database_url: Callable[[], str],
) -> None:
    url = new_database_url()
    with Library.open(url) as window, Library.open(url) as other:
        doc = _doc(window)
        claim, evidence = _tag(window, "claim"), _tag(window, "evidence")
        _tag_quote(other, doc, evidence, "Alpha")  # another program, just before the merge
        svc.merge_tags(window, tag_ids=[evidence.id], into_id=claim.id)
        assert [a.tag_id for a in other.annotations(doc)] == [claim.id]
        with pytest.raises(Exception, match="no tag|database error|FOREIGN KEY|foreign key"):
            _tag_quote(other, doc, evidence, "beta")


# -- annotations a revision left fuzzy or orphaned -------------------------------------------------------

OLD_TEXT = (
    "The first sentence stays here as it was.\n"
    "A doomed sentence that will be cut entirely from the text.\n"
    "The quick brown fox jumps over the lazy dog every single morning.\n"
)
REVISED_TEXT = (
    "A line put before the rest, so that what stays moves.\n"
    "The first sentence stays here as it was.\n"
    "The quick brown fax jumps over the lazy dog every single morning.\n"
)


def _anchored(library: Library, doc_id: str) -> dict[str, tuple[Annotation, AnchorState]]:
    """Every annotation of the document exactly as stored, orphans included, with its anchor state."""
    with unit_of_work(library.engine) as s:
        return {a.id: (a, state) for a, state in repo.anchored_annotations_of(s, doc_id)}


def _revised(library: Library, tag: Tag) -> tuple[str, dict[str, str]]:
    """A document revised so that one of its annotations with *tag* is an orphan and one fuzzy."""
    doc = _doc(library, OLD_TEXT)
    ids = {
        quote: _tag_quote(library, doc, tag, quote, note=f"on {quote}").id
        for quote in ("doomed sentence", "quick brown fox jumps over the lazy dog", "first sentence")
    }
    revising.revise_document(library, document_id=doc, new_text=REVISED_TEXT)
    statuses = {quote: _anchored(library, doc)[i][1].status for quote, i in ids.items()}
    assert statuses == {
        "doomed sentence": ORPHANED, "quick brown fox jumps over the lazy dog": FUZZY, "first sentence": MOVED,
    }  # fmt: skip
    return doc, ids


def test_deleting_a_tag_with_its_orphaned_and_fuzzy_annotations_is_undone_exactly(library: Library) -> None:
    claim = _tag(library, "claim")
    doc, ids = _revised(library, claim)
    before, tags_before = _anchored(library, doc), library.tags()

    gone = svc.delete_tag(library, tag_id=claim.id, delete_annotations=True)
    assert _anchored(library, doc) == {}
    assert {i: st.status for i, st in gone.anchor_states} == {
        ids["doomed sentence"]: ORPHANED, ids["quick brown fox jumps over the lazy dog"]: FUZZY,
        ids["first sentence"]: MOVED,
    }  # fmt: skip

    shown = {t.id: t for t in tags_before}  # the tags as the window had them: siblings renumbered
    back = svc.restore_tags(
        library,
        tags=[*gone.tags_deleted, *(shown[t.id] for t in gone.tags_updated)],
        annotations=gone.annotations_deleted,
        anchor_states=gone.anchor_states,
    )
    assert _anchored(library, doc) == before  # spans, quotes, times and anchor states, orphans included
    assert library.tags() == tags_before
    assert dict(back.anchor_states) == dict(gone.anchor_states)  # so a window does not show the orphan as placed
    assert [o.annotation.id for o in revising.orphans(library, doc)] == [ids["doomed sentence"]]


def test_an_orphan_is_restored_only_into_the_version_it_points_into(library: Library) -> None:
    claim = _tag(library, "claim")
    doc, ids = _revised(library, claim)
    gone = svc.delete_tag(library, tag_id=claim.id, delete_annotations=True)
    orphan = next(a for a in gone.annotations_deleted if a.id == ids["doomed sentence"])
    states = dict(gone.anchor_states)
    wrong = replace(orphan, quote="doomed sentencE")
    with pytest.raises(SpanError, match="version it points into"):
        svc.restore_tags(library, tags=gone.tags_deleted, annotations=[wrong], anchor_states=states)
    assert _anchored(library, doc) == {} and claim.id not in {t.id for t in library.tags()}  # nothing changed


def test_a_merge_that_drops_a_fuzzy_copy_is_undone_with_its_review_mark(library: Library) -> None:
    claim, evidence = _tag(library, "claim"), _tag(library, "evidence")
    doc = _doc(library, OLD_TEXT)
    fuzzy = _tag_quote(library, doc, evidence, "quick brown fox jumps over the lazy dog")
    orphan = _tag_quote(library, doc, evidence, "doomed sentence")
    revising.revise_document(library, document_id=doc, new_text=REVISED_TEXT)
    placed = _anchored(library, doc)[fuzzy.id][0]
    _tag_quote(library, doc, claim, placed.quote)  # the target holds the same span: the fuzzy one is a copy
    before = _anchored(library, doc)
    assert (before[fuzzy.id][1].status, before[orphan.id][1].status) == (FUZZY, ORPHANED)

    changes = svc.merge_tags(library, tag_ids=[evidence.id], into_id=claim.id)
    assert [a.id for a in changes.annotations_deleted] == [fuzzy.id]  # orphans are never dropped as copies
    assert dict(changes.anchor_states) == {fuzzy.id: before[fuzzy.id][1], orphan.id: before[orphan.id][1]}
    assert _anchored(library, doc)[orphan.id][1] == before[orphan.id][1]  # moved, still an orphan

    svc.restore_tags(
        library,
        tags=changes.tags_deleted,
        annotations=[*changes.annotations_before, *changes.annotations_deleted],
        anchor_states=changes.anchor_states,
    )
    after = _anchored(library, doc)
    assert {i: (a.tag_id, state) for i, (a, state) in after.items()} == {
        i: (a.tag_id, state) for i, (a, state) in before.items()
    }
    assert after[fuzzy.id] == before[fuzzy.id]


def test_one_edit_renames_moves_and_rekeys_a_tag_at_once(library: Library) -> None:
    feelings = svc.create_tag(library, name="Feelings").tags_created[0]
    first = svc.create_tag(library, name="First", parent_id=feelings.id).tags_created[0]
    loose = svc.create_tag(library, name="Loose", shortcut="").tags_created[0]
    changes = svc.update_tag(
        library, tag_id=loose.id, base=loose, name="Happy", parent_id=feelings.id, position=0, shortcut="1"
    )
    now = {t.id: t for t in library.tags()}
    assert (now[loose.id].name, now[loose.id].parent_id, now[loose.id].sort_order) == ("Happy", feelings.id, 0)
    assert now[loose.id].shortcut == "1" and _tag(library, "claim").shortcut == ""
    assert now[first.id].sort_order == 1
    assert {t.id for t in changes.tags_updated} == {loose.id, first.id, _tag(library, "claim").id}
    before = library.tags()
    with pytest.raises(InvalidInput, match="already a tag 'First'"):
        svc.update_tag(library, tag_id=now[loose.id].id, name="First", color="#123456", parent_id=feelings.id)
    with pytest.raises(InvalidInput, match="inside itself"):
        svc.update_tag(library, tag_id=feelings.id, name="Moods", parent_id=loose.id)
    with pytest.raises(Conflict):  # moved meanwhile by another program: its base is stale
        svc.update_tag(library, tag_id=loose.id, base=loose, color="#123456", parent_id=None)
    assert library.tags() == before


# -- undo based on what the action left ------------------------------------------------------------------


def test_an_undone_edit_is_refused_if_another_program_changed_the_tag_since(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        claim = _tag(window, "claim")
        recoloured = svc.update_tag(window, tag_id=claim.id, base=claim, color="#123456")
        svc.update_tag(other, tag_id=claim.id, name="assertion", description="their rule")  # meanwhile
        with pytest.raises(Conflict, match="another program changed the codebook"):
            svc.restore_tags(window, tags=[claim], base=recoloured)
        now = _tag(window, "assertion")
        assert (now.name, now.description, now.color) == ("assertion", "their rule", "#123456")


def test_an_undone_edit_keeps_the_place_another_program_gave_the_tag(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        claim, spec = _tag(window, "claim"), _tag(window, "speculation")
        recoloured = svc.update_tag(window, tag_id=spec.id, base=spec, color="#123456")
        svc.move_tag(other, tag_id=claim.id, parent_id=None, position=2)  # renumbers its siblings
        order = [t.id for t in cb.children(window.tags())[None]]
        svc.restore_tags(window, tags=[spec], base=recoloured)
        assert _tag(window, "speculation").color == spec.color
        assert [t.id for t in cb.children(window.tags())[None]] == order


def test_undone_merges_and_deletes_are_refused_on_what_another_program_changed(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        doc = _doc(window)
        claim, evidence, spec = (_tag(window, n) for n in ("claim", "evidence", "speculation"))
        made = _tag_quote(window, doc, evidence, "Alpha")
        merged = svc.merge_tags(window, tag_ids=[evidence.id], into_id=claim.id)
        svc.retag_annotations(other, annotation_ids=[made.id], tag_id=spec.id)  # moved on meanwhile
        with pytest.raises(Conflict, match="another program changed or deleted an annotation"):
            svc.restore_tags(window, tags=merged.tags_deleted, annotations=merged.annotations_before, base=merged)
        assert [a.tag_id for a in window.annotations(doc)] == [spec.id]
        assert evidence.id not in {t.id for t in window.tags()}

        keyed = svc.create_tag(window, name="Keyed", shortcut="7").tags_created[0]
        gone = svc.delete_tag(window, tag_id=keyed.id, base=keyed)
        svc.update_tag(other, tag_id=claim.id, shortcut="7")  # another program gave its key away
        with pytest.raises(Conflict, match="another program changed the codebook"):
            svc.restore_tags(window, tags=gone.tags_deleted, base=gone)
        assert _tag(window, "claim").shortcut == "7" and keyed.id not in {t.id for t in window.tags()}


def test_an_undone_delete_puts_back_annotations_of_a_text_another_program_revised_since(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        claim = _tag(window, "claim")
        doc = _doc(window, OLD_TEXT)
        ids = {
            quote: _tag_quote(window, doc, claim, quote, note=f"on {quote}").id
            for quote in ("doomed sentence", "quick brown fox jumps over the lazy dog", "first sentence")
        }
        gone = svc.delete_tag(window, tag_id=claim.id, delete_annotations=True, base=claim)
        revised = revising.revise_document(other, document_id=doc, new_text=REVISED_TEXT)  # meanwhile

        back = svc.restore_tags(
            window, tags=gone.tags_deleted, annotations=gone.annotations_deleted,
            anchor_states=gone.anchor_states, base=gone,
        )  # fmt: skip

        stored = _anchored(window, doc)
        assert set(stored) == set(ids.values())  # nothing lost
        assert {a.note for a, _ in stored.values()} == {f"on {q}" for q in ids}
        first, first_state = stored[ids["first sentence"]]
        assert first_state.status == MOVED and REVISED_TEXT[first.start : first.end] == "first sentence"
        fox, fox_state = stored[ids["quick brown fox jumps over the lazy dog"]]
        assert fox_state.status == FUZZY and REVISED_TEXT[fox.start : fox.end] == fox.quote
        doomed, doomed_state = stored[ids["doomed sentence"]]
        assert (doomed_state.status, doomed_state.version_id) == (ORPHANED, revised.version.id)
        assert revised.version.text[doomed.start : doomed.end] == "doomed sentence"
        assert [o.annotation.id for o in revising.orphans(window, doc)] == [ids["doomed sentence"]]
        assert {i: s.status for i, s in back.anchor_states} == {i: s.status for i, (_, s) in stored.items()}


def test_merging_keeps_the_merged_tags_descriptions_in_the_targets(library: Library) -> None:
    claim, evidence, spec = (_tag(library, n) for n in ("claim", "evidence", "speculation"))
    svc.update_tag(library, tag_id=claim.id, description="Claim rule.")
    svc.update_tag(library, tag_id=evidence.id, description="Evidence rule.\nLine two.")
    svc.update_tag(library, tag_id=spec.id, description="Claim rule.")  # the same: added once
    kid = svc.create_tag(library, name="Kid", parent_id=claim.id).tags_created[0]
    svc.create_tag(library, name="Kid", parent_id=evidence.id, description="Kid rule.")
    before = {t.id: t for t in library.tags()}

    changes = svc.merge_tags(library, tag_ids=[evidence.id, spec.id], into_id=claim.id)

    now = {t.id: t for t in library.tags()}
    assert now[claim.id].description == "Claim rule.\n\nFrom evidence:\nEvidence rule.\nLine two."
    assert now[kid.id].description == "From evidence/Kid:\nKid rule."  # a child merged by name
    assert {t.id for t in changes.tags_updated} == {claim.id, kid.id}
    svc.restore_tags(
        library, tags=[*changes.tags_deleted, *(before[t.id] for t in changes.tags_updated)],
        annotations=changes.annotations_before, base=changes,
    )  # fmt: skip
    assert {t.id: t for t in library.tags()} == before


def test_a_merge_based_on_tags_another_program_changed_is_refused(database_url: str) -> None:
    with Library.open(database_url) as window, Library.open(database_url) as other:
        doc = _doc(window)
        claim, evidence = _tag(window, "claim"), _tag(window, "evidence")
        _tag_quote(window, doc, evidence, "Alpha")
        svc.update_tag(other, tag_id=evidence.id, name="proof", description="their rule")  # meanwhile
        with pytest.raises(Conflict, match="another program changed this tag"):
            svc.merge_tags(window, tag_ids=[evidence.id], into_id=claim.id, bases=[evidence, claim])
        assert _tag(window, "proof").description == "their rule"
        assert [a.tag_id for a in window.annotations(doc)] == [evidence.id]
        spec = _tag(window, "speculation")
        svc.delete_tag(other, tag_id=spec.id)
        with pytest.raises(Conflict, match="deleted this tag"):
            svc.merge_tags(window, tag_ids=[spec.id], into_id=claim.id, bases=[spec, claim])


def test_a_key_is_one_key_to_the_window_whatever_its_case_or_normal_form(library: Library) -> None:
    claim = _tag(library, "claim")
    upper = svc.create_tag(library, name="Upper", shortcut="Q").tags_created[0]
    assert upper.shortcut == "q"
    changes = svc.update_tag(library, tag_id=claim.id, base=claim, shortcut="Q")
    now = {t.id: t for t in library.tags()}
    assert (now[claim.id].shortcut, now[upper.id].shortcut) == ("q", "")
    assert {t.id for t in changes.tags_updated} == {claim.id, upper.id}
    assert svc.create_tag(library, name="Accent", shortcut="E\u0301").tags_created[0].shortcut == "\u00e9"
    before = library.tags()
    for bad in ("/", "\U0001f600", "\u2603", " ", "\x07", "ab"):
        with pytest.raises(InvalidInput):
            svc.create_tag(library, name="Bad", shortcut=bad)
        with pytest.raises(InvalidInput):
            svc.update_tag(library, tag_id=claim.id, shortcut=bad)
    assert library.tags() == before


def test_a_child_takes_the_name_of_the_tag_merged_or_deleted_above_it(library: Library) -> None:
    """Found by an attack: merging P/A into P, or deleting P/A, moved P/A/A up beside P/A, which still
    held the name "A" then: a raw database error instead of the move."""
    p = svc.create_tag(library, name="P").tags_created[0]
    a = svc.create_tag(library, name="A", parent_id=p.id).tags_created[0]
    inner = svc.create_tag(library, name="A", parent_id=a.id).tags_created[0]
    before = library.tags()
    merged = svc.merge_tags(library, tag_ids=[a.id], into_id=p.id)
    assert _tag(library, "P/A").id == inner.id
    svc.restore_tags(library, tags=[*merged.tags_deleted, *merged.tags_before], base=merged)
    assert sorted(library.tags(), key=lambda t: t.id) == sorted(before, key=lambda t: t.id)
    deleted = svc.delete_tag(library, tag_id=a.id)
    assert _tag(library, "P/A").id == inner.id and len(library.tags()) == len(before) - 1
    svc.restore_tags(library, tags=[*deleted.tags_deleted, *deleted.tags_before], base=deleted)
    assert sorted(library.tags(), key=lambda t: t.id) == sorted(before, key=lambda t: t.id)
