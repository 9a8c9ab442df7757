"""Services: shaping the codebook: create, edit, move, merge, split and delete tags, and undo.

Each function is one user action in one unit of work, saved at once. The
codebook's rules (names unique among siblings, the tree, paths, colours, keys)
live in :mod:`annotator.core.codebook`; here they meet the library as it is now.
Every codebook write first takes the codebook lock (PostgreSQL; SQLite's
``BEGIN IMMEDIATE`` already serialises writers), so what it reads stays current
until it commits.

Another program may change the library at any moment: an edit made on what a
window showed passes that tag as *base*, and is refused with
:class:`~annotator.core.errors.Conflict` (nothing saved) if the fields it is
about changed meanwhile, or the tag was deleted.

Merging, and deleting a tag with ``move_to``, move its annotations with one
UPDATE. An annotation that would then be an exact copy of another (same
document, span, coder and now tag, both placed) is removed only if it says
nothing the other does not: its note is empty or the same. An annotation with a
note of its own stays, so nothing is lost; the removed ones are in
``annotations_deleted`` as they were, so an undo puts them back.

Undo: each action's :class:`Changes` holds what :func:`restore_tags` needs to
reverse it in one call (``tags_deleted``, the tags as the window had them before,
``annotations_before``, ``annotations_deleted`` and their ``anchor_states``, so a
deleted orphan comes back an orphan of the same version and a fuzzy one still
awaiting review); an undone create is a :func:`delete_tag` of the created tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum

from annotator.core import codebook as cb
from annotator.core.anchoring import ORPHANED, UNCHANGED, AnchorState, Reanchorer, follow
from annotator.core.errors import AlreadyTagged, Conflict, InvalidInput, NotFound, SpanError, TagInUse, TagNotFound
from annotator.core.model import Annotation, Tag, new_id, utc_now
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import Session, unit_of_work

CHANGED = "another program changed this tag since it was shown here; nothing was saved"
DELETED = "another program deleted this tag since it was shown here; nothing was saved"
UNDO_CHANGED = "another program changed the codebook since this was done here; nothing was undone"
UNDO_DELETED = "another program deleted a tag this would put back as it was; nothing was undone"
ANNOTATION_CHANGED = "another program changed or deleted an annotation since it was shown here; nothing was saved"


class _Unset(Enum):
    UNSET = 0


#: A field :func:`update_tag` leaves as it is.
UNSET = _Unset.UNSET


@contextmanager
def _codebook(library: Library) -> Iterator[tuple[Session, list[Tag]]]:
    """A unit of work holding the codebook lock, and the tags as it reads them."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.CODEBOOK)
        yield s, repo.list_tags(s)


def _find(tags: Iterable[Tag], tag_id: str, base: object | None = None) -> Tag:
    found = next((t for t in tags if t.id == tag_id), None)
    if found is None:
        raise Conflict(DELETED) if base is not None else TagNotFound(tag_id)
    return found


def _check_base(current: Tag, base: Tag | None, fields: Iterable[str]) -> None:
    if base is not None and any(getattr(base, f) != getattr(current, f) for f in fields):
        raise Conflict(CHANGED)


def _write(s: Session, tags: Iterable[Tag], before: dict[str, Tag]) -> list[Tag]:
    """Write the tags that differ from *before* (by id); those written."""
    written = []
    for tag in tags:
        old = before[tag.id]
        if tag != old:
            if not repo.update_tag(s, tag, expected=old):
                raise Conflict(CHANGED)
            written.append(tag)
    return written


def _clear_names(s: Session, tag_ids: Iterable[str]) -> None:
    """Name tags about to be deleted by their ids (unique), so that no statement before their
    delete meets the unique index on (parent, name) when another tag takes one of their names."""
    for tag_id in tag_ids:
        repo.rename_tag(s, tag_id, tag_id)


def _as_before(updated: Iterable[Tag], before: Mapping[str, Tag]) -> tuple[Tag, ...]:
    """The *updated* tags as they were (``Changes.tags_before``)."""
    return tuple(before[t.id] for t in updated)


def _description(value: str) -> str:
    if "\x00" in value:
        raise InvalidInput("a tag's description cannot hold a NUL character")
    return value


def _take_key(tags: list[Tag], key: str, tag_id: str) -> list[Tag]:
    """The tags other than *tag_id* that hold *key*, without it (a key belongs to one tag)."""
    return [replace(t, shortcut="") for t in tags if cb.same_key(key, t.shortcut) and t.id != tag_id]


# -- create and edit ---------------------------------------------------------------------------------


def create_tag(
    library: Library,
    *,
    name: str,
    parent_id: str | None = None,
    color: str | None = None,
    description: str = "",
    shortcut: str | None = None,
    position: int | None = None,
    tag_id: str | None = None,
) -> Changes:
    """Add a tag under *parent_id* (None: top level) at *position* among its siblings (None: last).

    *color* None: the next palette colour. *shortcut* None: the lowest free key of 1-9 (none if
    all are taken); "": no key; a key another tag has is taken from it (both in ``tags_updated``).
    *tag_id*: the id it gets (a redo of an undone create makes the very same tag again, placed
    among the tags as they are now); refused if a tag has it.
    """
    color = cb.check_color(color) if color is not None else None
    key = cb.check_key(shortcut) if shortcut is not None else None
    description = _description(description)
    with _codebook(library) as (s, tags):
        if parent_id is not None:
            _find(tags, parent_id)
        clean = cb.sibling_name(name, tags, parent_id)
        if tag_id is not None and any(t.id == tag_id for t in tags):
            raise Conflict(f"there is already a tag with id '{tag_id}'; nothing was saved")
        if key is None:
            key = cb.free_key(tags)
        tag = Tag(
            tag_id or new_id(), clean, color or cb.next_color(t.color for t in tags), description, key, 0, parent_id
        )
        before = {t.id: t for t in tags}
        order = cb.placed(cb.children(tags).get(parent_id, []), tag, position)
        tag = next(t for t in order if t.id == tag.id)
        repo.add_tag(s, tag)
        updated = _write(s, [t for t in order if t.id != tag.id], before)
        updated += _write(s, _take_key(tags, key, tag.id), before)
    return Changes(tags_created=(tag,), tags_updated=tuple(updated), tags_before=_as_before(updated, before))


def update_tag(
    library: Library,
    *,
    tag_id: str,
    base: Tag | None = None,
    name: str | _Unset = UNSET,
    color: str | _Unset = UNSET,
    description: str | _Unset = UNSET,
    shortcut: str | _Unset = UNSET,
    parent_id: str | _Unset | None = UNSET,
    position: int | None = None,
) -> Changes:
    """Rename, recolour, describe, give a key to or move a tag (only the fields given), all at
    once: one unit of work, so it is done whole or not at all.

    *parent_id* moves it, with everything below it, under that tag (None: top level) at
    *position* among its siblings there (None: last), as :func:`move_tag` does. With *base*,
    refused if another program changed one of the fields given since (a move: its parent or
    name). A key given to this tag is taken from the tag that had it (both in ``tags_updated``);
    "" clears it.
    """
    given: dict[str, str | None] = {}
    if not isinstance(color, _Unset):
        given["color"] = cb.check_color(color)
    if not isinstance(description, _Unset):
        given["description"] = _description(description)
    if not isinstance(shortcut, _Unset):
        given["shortcut"] = cb.check_key(shortcut)
    if not isinstance(name, _Unset):
        given["name"] = cb.clean_name(name)
    moving = not isinstance(parent_id, _Unset)
    with _codebook(library) as (s, tags):
        current = _find(tags, tag_id, base)
        _check_base(current, base, [*given, *(("parent_id", "name") if moving else ())])
        new_parent = current.parent_id if isinstance(parent_id, _Unset) else parent_id
        if moving:
            if new_parent is not None:
                _find(tags, new_parent)
            cb.check_move(tags, tag_id, new_parent)
            given["parent_id"] = new_parent
        if "name" in given or new_parent != current.parent_id:
            cb.sibling_name(str(given.get("name", current.name)), tags, new_parent, tag_id=tag_id)
        tag = replace(current, **given)  # type: ignore[arg-type]
        before = {t.id: t for t in tags}
        updated = _write(s, _take_key(tags, tag.shortcut, tag_id) if "shortcut" in given else [], before)
        if moving:
            updated += _write(s, cb.placed(cb.children(tags).get(new_parent, []), tag, position), before)
        else:
            updated += _write(s, [tag], before)
    return Changes(tags_updated=tuple(updated), tags_before=_as_before(updated, before))


def move_tag(
    library: Library, *, tag_id: str, parent_id: str | None, position: int | None = None, base: Tag | None = None
) -> Changes:
    """Put a tag under *parent_id* (None: top level), with *position* the index it will have among
    its siblings there (None: last), with everything below it. Refused if that puts it inside itself, or a sibling there
    has its name; with *base*, if another program moved or renamed it since. The new siblings
    are numbered again; every tag whose place changed is in ``tags_updated``."""
    return move_tags(library, tag_ids=[tag_id], parent_id=parent_id, position=position,
                     bases=[base] if base is not None else None)  # fmt: skip


def move_tags(
    library: Library,
    *,
    tag_ids: Sequence[str],
    parent_id: str | None,
    position: int | None = None,
    bases: Sequence[Tag] | None = None,
) -> Changes:
    """Put several tags, in the order given, under *parent_id* (None: top level) from *position* on:
    the index the first will have among the siblings there that do not move (None: last). One
    action, refused whole as :func:`move_tag` refuses one (*bases*: the tags as shown, by id)."""
    with _codebook(library) as (s, tags):
        moving = [_find(tags, tag_id, bases) for tag_id in dict.fromkeys(tag_ids)]
        shown = {b.id: b for b in bases or ()}
        if parent_id is not None:
            _find(tags, parent_id)
        moved_ids = {t.id for t in moving}
        staying_tags = [t for t in tags if t.id not in moved_ids]
        names: set[str] = set()
        for current in moving:
            _check_base(current, shown.get(current.id), ("parent_id", "name"))
            cb.check_move(tags, current.id, parent_id)
            cb.sibling_name(current.name, staying_tags, parent_id)
            if current.name in names:
                raise InvalidInput(f"two of the tags moved are named '{current.name}'; names are unique among siblings")
            names.add(current.name)
        before = {t.id: t for t in tags}
        staying = [t for t in cb.children(tags).get(parent_id, []) if t.id not in moved_ids]
        at = len(staying) if position is None else max(0, min(position, len(staying)))
        order = [*staying[:at], *(replace(t, parent_id=parent_id) for t in moving), *staying[at:]]
        renumbered = [t if t.sort_order == i else replace(t, sort_order=i) for i, t in enumerate(order)]
        updated = _write(s, renumbered, before)
    return Changes(tags_updated=tuple(updated), tags_before=_as_before(updated, before))


# -- annotations moving between tags -----------------------------------------------------------------


def _later_than(annotations: Iterable[Annotation]) -> datetime:
    """Now, but later than every one of *annotations* was modified (see ``repo.next_modified``)."""
    now = utc_now()
    latest = max((a.modified for a in annotations), default=now)
    return now if now > latest else latest + timedelta(milliseconds=1)


def _key(a: Annotation) -> tuple[str, int, int, str]:
    return (a.document_id, a.start, a.end, a.coder)


def _states(found: Iterable[tuple[Annotation, AnchorState]]) -> list[tuple[str, AnchorState]]:
    """(id, state) of those of *found* that are not "unchanged": what ``Changes.anchor_states`` holds."""
    return [(a.id, state) for a, state in found if state.status != UNCHANGED]


def _move_annotations(
    s: Session, targets: dict[str, str]
) -> tuple[list[Annotation], list[Annotation], list[Annotation], list[tuple[str, AnchorState]]]:
    """Give the annotations of each tag in *targets* (tag id -> tag id) the target tag, one UPDATE
    per target; drop those that become copies saying nothing new (see the module's text).

    Returns (moved ones as they were, moved ones as they are now, dropped ones as they were,
    the anchor states of all of them that are not "unchanged": a moved one may be an orphan,
    a dropped one fuzzy, awaiting review).
    """
    found = repo.anchored_annotations_of_tags(s, list(targets))
    if not found:
        return [], [], [], []
    modified = _later_than(a for a, _ in found)
    by_target: dict[str, list[str]] = {}
    for source, target in targets.items():
        by_target.setdefault(target, []).append(source)
    for target, sources in by_target.items():
        repo.move_annotations_to_tag(s, sources, target, modified=modified)
    placed = [a for a, state in found if state.status != ORPHANED]
    moved_ids = {a.id for a in placed}
    # What the targets held on the spans that moved: a moved annotation is compared with those first.
    held = repo.placed_annotation_keys(s, list(by_target), sorted({a.document_id for a in placed}))
    kept: dict[tuple[str, str, int, int, str], list[str]] = {}
    for annotation_id, tag_id, *key, note in held:
        if annotation_id not in moved_ids:
            kept.setdefault((tag_id, *key), []).append(note)  # type: ignore[arg-type]
    dropped: list[Annotation] = []
    for a in sorted(placed, key=lambda a: (a.created, a.id)):
        notes = kept.setdefault((targets[a.tag_id], *_key(a)), [])
        if notes and (not a.note or a.note in notes):
            dropped.append(a)
        else:
            notes.append(a.note)
    repo.delete_annotations(s, [a.id for a in dropped])
    gone = {a.id for a in dropped}
    before = [a for a, _ in found if a.id not in gone]
    after = [_retagged(a, targets[a.tag_id], modified) for a in before]
    return before, after, dropped, _states(found)


def _retagged(a: Annotation, tag_id: str, modified: datetime) -> Annotation:
    # What dataclasses.replace makes, at a fifth of its cost on 10,000 annotations.
    return Annotation(
        a.id, a.document_id, tag_id, a.start, a.end, a.quote, a.prefix, a.suffix, a.note, a.coder, a.created, modified
    )


def merge_tags(
    library: Library, *, tag_ids: Sequence[str], into_id: str, bases: Sequence[Tag] | None = None
) -> Changes:
    """Merge the tags *tag_ids* into the tag *into_id*: their annotations move to it, their
    children move under it, and they are deleted.

    A child whose name a child of the target already has is merged into that one in the same
    way (by name path), so no name clashes and nothing is lost. Each merged tag's description
    (coding rules) is added to its target's, after a blank line and "From PATH:" (the merged
    tag's path), unless it is empty or the same; the targets so changed are in ``tags_updated``. Refused if the target is inside
    one of the merged tags. With *bases* (the merged tags and the target as the window showed
    them), refused (:class:`Conflict`) if another program changed or deleted one of them since
    (its place among siblings aside).
    """
    sources = list(dict.fromkeys(tag_ids))
    if not sources:
        raise InvalidInput("name at least one tag to merge")
    with _codebook(library) as (s, tags):
        for shown in bases or ():
            _check_base(_find(tags, shown.id, shown), shown, ("name", "color", "description", "shortcut", "parent_id"))
        into = _find(tags, into_id)
        merged = [_find(tags, t) for t in sources]
        if into_id in sources:
            raise InvalidInput(f"cannot merge the tag '{cb.short_path(tags, into_id)}' into itself")
        for tag in merged:
            if into_id in cb.descendants(tags, tag.id):
                raise InvalidInput(
                    f"cannot merge '{cb.short_path(tags, tag.id)}' into '{cb.short_path(tags, into_id)}', "
                    "which is inside it; move that tag out first"
                )
        repo.lock_tags(s, [*sources, into.id])
        targets, moved = _merge_plan(tags, sources, into_id)
        before = {t.id: t for t in tags}
        _clear_names(s, targets)  # a child may take a merged tag's name among its new siblings
        updated = _write(s, _with_descriptions(tags, targets, moved), before)
        annotations_before, after, dropped, states = _move_annotations(s, targets)
        repo.delete_tags(s, list(targets))
    return Changes(
        tags_updated=tuple(updated),
        tags_before=_as_before(updated, before),
        tags_deleted=tuple(before[t] for t in targets),
        annotations_updated=tuple(after),
        annotations_before=tuple(annotations_before),
        annotations_deleted=tuple(dropped),
        anchor_states=tuple(states),
    )


def _with_descriptions(tags: list[Tag], targets: dict[str, str], moved: list[Tag]) -> list[Tag]:
    """*moved*, and the targets of a merge whose description takes in their merged tags' (each
    after a blank line and "From PATH:"; an empty one, or one the target has already, adds nothing)."""
    by_id = {t.id: t for t in tags}
    final = {t.id: t for t in moved}
    held: dict[str, set[str]] = {}  # the descriptions each target has already, stripped
    for source, target in targets.items():
        into, extra = final.get(target, by_id[target]), by_id[source].description
        has = held.setdefault(target, {by_id[target].description.strip()})
        if not extra.strip() or extra.strip() in has:
            continue
        has.add(extra.strip())
        added = f"From {cb.format_path(cb.path_of(tags, source))}:\n{extra.strip(chr(10))}"
        final[target] = replace(
            into, description=f"{into.description.rstrip()}\n\n{added}" if into.description.strip() else added
        )
    return list(final.values())


def _merge_plan(tags: list[Tag], sources: list[str], into_id: str) -> tuple[dict[str, str], list[Tag]]:
    """Which tag each merged tag goes into, and the children that move (as they will be)."""
    kids = cb.children(tags)
    targets = dict.fromkeys(sources, into_id)
    names = {(t.parent_id, t.name): t.id for t in tags if t.id not in targets}
    last = {p: max((c.sort_order for c in cs), default=-1) for p, cs in kids.items()}
    moved: list[Tag] = []
    todo = [(source, into_id) for source in sources]
    while todo:
        source, target = todo.pop(0)
        for child in kids.get(source, []):
            if child.id in targets:
                continue  # itself merged (into the target), with its own children
            same = names.get((target, child.name))
            if same is not None and same != child.id:
                targets[child.id] = same
                todo.append((child.id, same))
            else:
                last[target] = last.get(target, -1) + 1
                moved.append(replace(child, parent_id=target, sort_order=last[target]))
                names[(target, child.name)] = child.id
    return targets, moved


def retag_annotations(
    library: Library, *, annotation_ids: Sequence[str], tag_id: str, bases: Sequence[Annotation] | None = None
) -> Changes:
    """Give the annotations *annotation_ids* the tag *tag_id* (split a tag: select some of its
    annotations, move them to another, e.g. a new one).

    With *bases* (the annotations as the window showed them), refused if another program
    changed the tag of one of them or deleted it. Refused (:class:`AlreadyTagged`) if one
    would become an exact copy of an annotation the document has.
    """
    ids = list(dict.fromkeys(annotation_ids))
    with _codebook(library) as (s, tags):
        _find(tags, tag_id)
        found = {a.id: (a, state) for a, state in repo.anchored_annotations_by_id(s, ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            if bases is not None:
                raise Conflict(ANNOTATION_CHANGED)
            raise NotFound(f"there is no annotation '{missing[0]}'")
        for base in bases or ():
            if base.id in found and found[base.id][0].tag_id != base.tag_id:
                raise Conflict(ANNOTATION_CHANGED)
        moving = [found[i][0] for i in ids if found[i][0].tag_id != tag_id]
        if not moving:
            return Changes()
        _refuse_copies(s, tags, [found[a.id] for a in moving], tag_id)
        modified = _later_than(moving)
        by_tag: dict[str, list[str]] = {}
        for a in moving:
            by_tag.setdefault(a.tag_id, []).append(a.id)
        for source, chosen in by_tag.items():
            if repo.retag_annotations(s, chosen, from_id=source, to_id=tag_id, modified=modified) != len(chosen):
                raise Conflict(ANNOTATION_CHANGED)  # PostgreSQL: retagged meanwhile by another program
    after = tuple(replace(a, tag_id=tag_id, modified=modified) for a in moving)
    states = _states(found[a.id] for a in moving)
    return Changes(annotations_updated=after, annotations_before=tuple(moving), anchor_states=tuple(states))


def _refuse_copies(s: Session, tags: list[Tag], moving: list[tuple[Annotation, AnchorState]], tag_id: str) -> None:
    placed = [a for a, state in moving if state.status != ORPHANED]
    held = {
        (doc, start, end, coder): annotation_id
        for annotation_id, _, doc, start, end, coder, _ in repo.placed_annotation_keys(
            s, [tag_id], sorted({a.document_id for a in placed})
        )
    }
    for a in placed:
        existing = held.setdefault(_key(a), a.id)
        if existing != a.id:
            name = cb.short_path(tags, tag_id)
            raise AlreadyTagged(
                f"the span {a.start}..{a.end} is already tagged '{name}': annotation {existing}; nothing was saved",
                existing,
            )


# -- delete -------------------------------------------------------------------------------------------


def delete_tag(
    library: Library,
    *,
    tag_id: str,
    move_to: str | None = None,
    delete_annotations: bool = False,
    base: Tag | None = None,
) -> Changes:
    """Delete a tag; its children move up to its parent.

    While annotations use it, refused (:class:`TagInUse`, with their count) unless they move to
    the tag *move_to* (as in a merge) or *delete_annotations* deletes them too (placed and
    orphaned; in ``annotations_deleted`` as they were). With *base*, refused if another program
    changed the tag since (its place among siblings aside).
    """
    if move_to is not None and delete_annotations:
        raise InvalidInput("either move the tag's annotations to another tag or delete them, not both")
    with _codebook(library) as (s, tags):
        current = _find(tags, tag_id, base)
        _check_base(current, base, ("name", "color", "description", "shortcut", "parent_id"))
        if move_to is not None:
            _find(tags, move_to)
            if move_to == tag_id:
                raise InvalidInput("a tag's annotations cannot move to the tag being deleted")
        repo.lock_tags(s, [tag_id] if move_to is None else [tag_id, move_to])
        count = repo.tag_counts(s, [tag_id])[tag_id]
        if count and move_to is None and not delete_annotations:
            raise TagInUse(
                f"the tag '{cb.short_path(tags, tag_id)}' is used by {count} annotation(s); "
                "move them to another tag or delete them with it",
                count,
            )
        before = {t.id: t for t in tags}
        kids = cb.children(tags).get(tag_id, [])
        for child in kids:
            if any(t.parent_id == current.parent_id and t.name == child.name and t.id != tag_id for t in tags):
                where = cb.short_path(tags, current.parent_id) if current.parent_id else "the top level"
                raise InvalidInput(
                    f"cannot delete '{cb.short_path(tags, tag_id)}': its child '{child.name}' would move up to "
                    f"{where}, which has a tag of that name; rename or move it first"
                )
        siblings = [t for t in cb.children(tags).get(current.parent_id, []) if t.id != tag_id]
        at = next((i for i, t in enumerate(siblings) if t.sort_order > current.sort_order), len(siblings))
        order = siblings[:at] + [replace(c, parent_id=current.parent_id) for c in kids] + siblings[at:]
        _clear_names(s, [tag_id])  # a child moving up may have its name ("A" out of "P/A")
        updated = _write(s, [replace(t, sort_order=i) for i, t in enumerate(order)], before)
        annotations_before: list[Annotation] = []
        after: list[Annotation] = []
        deleted: list[Annotation] = []
        states: list[tuple[str, AnchorState]] = []
        if move_to is not None:
            annotations_before, after, deleted, states = _move_annotations(s, {tag_id: move_to})
        elif delete_annotations:
            found = repo.anchored_annotations_of_tags(s, [tag_id])
            deleted, states = [a for a, _ in found], _states(found)
            repo.delete_annotations_of_tag(s, tag_id)
        if repo.delete_tags(s, [tag_id]) != 1:
            raise Conflict(DELETED)
    return Changes(
        tags_updated=tuple(updated),
        tags_before=_as_before(updated, before),
        tags_deleted=(current,),
        annotations_updated=tuple(after),
        annotations_before=tuple(annotations_before),
        annotations_deleted=tuple(deleted),
        anchor_states=tuple(states),
    )


# -- reading and undo ----------------------------------------------------------------------------------


def tag_usage(library: Library, tag_ids: Sequence[str]) -> dict[str, int]:
    """How many annotations (placed and orphaned) each of *tag_ids* has, its children's not counted."""
    return library.tag_counts(tag_ids)


def restore_tags(
    library: Library,
    *,
    tags: Sequence[Tag],
    annotations: Sequence[Annotation] = (),
    anchor_states: Mapping[str, AnchorState] | Iterable[tuple[str, AnchorState]] = (),
    base: Changes | None = None,
) -> Changes:
    """Put *tags* back exactly as given (ids, name, parent, place, key, colour, description),
    re-creating those deleted since, and *annotations* back with their tags: one existing is
    given its tag back, one deleted is inserted again as it was, in the anchor state
    *anchor_states* gives it (the action's ``Changes.anchor_states``; one not in it is placed
    and reviewed: "unchanged"). Its quote is checked against the text it points into: the document's, or
    for an orphan the previous version's. One placed when it was deleted, whose document another
    program revised since, is placed in the current text as that revision would have placed it
    (moved, fuzzy) or else put back as an orphan of the version it was made on: nothing is lost.
    The undo of every codebook action is one call of this (a create's is :func:`delete_tag`).

    A key one of *tags* gets is taken from any other tag that has it. Refused (:class:`Conflict`)
    if a tag's parent is gone, or another program gave a sibling one of their names meanwhile.

    *base* (an undo: the ``Changes`` of the action undone) says what the action left, which is
    what the undo is based on: each of *tags* it updated must still be stored as it left it
    (its place among siblings aside, unless the action changed that), each it deleted still
    gone, each annotation it moved still on the tag it moved it to, and no tag other than
    *tags* may hold a key they get back; otherwise refused (:class:`Conflict`), nothing saved,
    so another program's changes are never overwritten.
    """
    given = {t.id: t for t in tags}
    with _codebook(library) as (s, current):
        held = {t.id: t for t in current}
        if base is not None:
            given = _check_restore_base(s, given, held, base)
        final = {**held, **given}
        for tag in given.values():
            if tag.parent_id is not None and tag.parent_id not in final:
                raise Conflict(f"the parent of the tag '{tag.name}' was deleted in another program; nothing was saved")
            cb.check_move(list(final.values()), tag.id, tag.parent_id)
            clash = [
                t for t in final.values() if t.parent_id == tag.parent_id and t.name == tag.name and t.id != tag.id
            ]
            if clash:
                raise Conflict(f"another program made a tag '{tag.name}' there meanwhile; nothing was saved")
        # Names move between siblings (an undone rename or move): clear them first, so no
        # statement in between meets the unique index on (parent, name).
        changing = [t for t in given.values() if t.id in held and held[t.id] != t]
        for tag in changing:
            repo.rename_tag(s, tag.id, tag.id)
        created = []
        for tag in _parents_first([t for t in given.values() if t.id not in held], final):
            repo.add_tag(s, tag)
            created.append(tag)
        for tag in changing:
            repo.update_tag(s, tag)
        keys = {t.shortcut.lower() for t in given.values() if t.shortcut}
        losing = [replace(t, shortcut="") for t in current if t.id not in given and t.shortcut.lower() in keys]
        if base is not None and losing:
            raise Conflict(UNDO_CHANGED)
        for tag in losing:
            repo.update_tag(s, tag)
        states = dict(anchor_states)
        annotations_created, annotations_updated, held_states = _restore_annotations(
            library, s, annotations, set(final), states
        )
    return Changes(
        tags_created=tuple(created),
        tags_updated=tuple(changing + losing),
        tags_before=_as_before(changing + losing, held),
        annotations_created=tuple(annotations_created),
        annotations_updated=tuple(annotations_updated),
        anchor_states=(
            *_states((a, states[a.id]) for a in annotations_created if a.id in states),
            *held_states,
        ),
    )


def _check_restore_base(s: Session, given: dict[str, Tag], held: dict[str, Tag], base: Changes) -> dict[str, Tag]:
    """*given* checked against what the action *base* left (see :func:`restore_tags`); each tag whose
    place the action did not change keeps the place it has now."""
    after = {t.id: t for t in base.tags_updated}
    deleted = {t.id for t in base.tags_deleted}
    fields = ("name", "color", "description", "shortcut", "parent_id")
    checked: dict[str, Tag] = {}
    for tag_id, tag in given.items():
        stored, left = held.get(tag_id), after.get(tag_id)
        if tag_id in deleted and left is None:
            if stored is not None:
                raise Conflict(UNDO_CHANGED)
        elif left is not None:
            if stored is None:
                raise Conflict(UNDO_DELETED)
            placed = left.sort_order != tag.sort_order
            if any(getattr(stored, f) != getattr(left, f) for f in (*fields, *(("sort_order",) if placed else ()))):
                raise Conflict(UNDO_CHANGED)
            if not placed:
                tag = replace(tag, sort_order=stored.sort_order)
        checked[tag_id] = tag
    moved = {a.id: a for a in base.annotations_updated}
    if moved:
        stored_now = {a.id: a for a, _ in repo.anchored_annotations_by_id(s, list(moved))}
        for annotation_id, left_annotation in moved.items():
            now = stored_now.get(annotation_id)
            if now is None or now.tag_id != left_annotation.tag_id:
                raise Conflict(ANNOTATION_CHANGED)
    return checked


def _follow_revisions(
    s: Session, a: Annotation, state: AnchorState, text: str, now: datetime
) -> tuple[Annotation, AnchorState]:
    """A deleted annotation being put back, placed in *text*, its document's text since a revision
    (as that revision would have placed it), or an orphan of the version it was made on.

    That version is the first one replaced after the annotation was last modified whose text holds
    its quote at its span (else the newest that does); :class:`SpanError` if none does.
    """
    versions = repo.document_versions(s, a.document_id)
    holding = [v for v in versions if v.text[a.start : a.end] == a.quote]
    made_on = next((v for v in holding if v.created >= a.modified), holding[-1] if holding else None)
    if made_on is None:
        raise SpanError(f"the quote of annotation {a.id} matches neither its document's text nor a previous version")
    texts = {v.id: v.text for v in versions}

    def text_of(version_id: str) -> str:
        if version_id not in texts:
            raise SpanError(f"annotation {a.id} points into a version its document does not have")
        return texts[version_id]

    return follow(a, state, Reanchorer(made_on.text, text), made_on.id, now=now, text_of=text_of)


def _parents_first(new: list[Tag], final: dict[str, Tag]) -> list[Tag]:
    new_ids = {t.id for t in new}

    def depth(tag: Tag) -> int:
        n, parent = 0, tag.parent_id
        while parent is not None and parent in new_ids and n <= len(new_ids):
            n, parent = n + 1, final[parent].parent_id
        return n

    return sorted(new, key=depth)


def _restore_annotations(
    library: Library, s: Session, annotations: Sequence[Annotation], tag_ids: set[str], states: dict[str, AnchorState]
) -> tuple[list[Annotation], list[Annotation], list[tuple[str, AnchorState]]]:
    """Inserted, retagged and the anchor states of the retagged that are not "unchanged"."""
    if not annotations:
        return [], [], []
    for a in annotations:
        if a.tag_id not in tag_ids:
            raise Conflict("an annotation's tag was deleted in another program; nothing was saved")
    stored = repo.anchored_annotations_by_id(s, [a.id for a in annotations])
    found = {a.id: a for a, _ in stored}
    retag = [a for a in annotations if a.id in found and found[a.id].tag_id != a.tag_id]
    insert = [a for a in annotations if a.id not in found]
    updated: list[Annotation] = []
    if retag:
        modified = _later_than(found[a.id] for a in retag)
        pairs: dict[tuple[str, str], list[str]] = {}
        for a in retag:
            pairs.setdefault((found[a.id].tag_id, a.tag_id), []).append(a.id)
        for (source, target), chosen in pairs.items():
            repo.retag_annotations(s, chosen, from_id=source, to_id=target, modified=modified)
        updated = [replace(found[a.id], tag_id=a.tag_id, modified=modified) for a in retag]
    repo.lock_documents(s, {a.document_id for a in insert})
    unchanged = AnchorState()
    followed: dict[str, tuple[Annotation, AnchorState]] = {}
    now = utc_now()
    for doc_id in sorted({a.document_id for a in insert}):
        text, _ = library.current_text(s, doc_id)
        versions: dict[str, str | None] = {}
        for a in insert:
            if a.document_id != doc_id:
                continue
            state = states.get(a.id, unchanged)
            if state.status == ORPHANED:  # its span and quote point into a previous version's text
                version_id = state.version_id or ""
                if version_id not in versions:
                    version = repo.get_document_version(s, version_id)
                    versions[version_id] = version.text if version and version.document_id == doc_id else None
                old = versions[version_id]
                if old is None or old[a.start : a.end] != a.quote:
                    raise SpanError(f"the quote of annotation {a.id} no longer matches the version it points into")
            elif text[a.start : a.end] != a.quote:
                followed[a.id] = _follow_revisions(s, a, state, text, now)
                states[a.id] = followed[a.id][1]
    insert = [followed[a.id][0] if a.id in followed else a for a in insert]
    repo.insert_annotations(s, insert)
    repo.update_anchors(s, [(a, states[a.id]) for a in insert if states.get(a.id, unchanged).status != UNCHANGED])
    retagged = {a.id for a in updated}
    return insert, updated, _states((a, state) for a, state in stored if a.id in retagged)
