"""Core: the codebook as a tree, and how a person names a tag in it.

Pure functions over a list of :class:`~annotator.core.model.Tag` (no I/O): the
tree (children ordered by ``sort_order``, then name), descendants, the cycle
check a move needs, counts that roll up, and the names and paths a person types.

A tag's name is unique among its siblings only, so "Positive" can live under two
parents. A PATH names a tag: its name alone, or ``Parent/Child`` (as many levels
as it takes) when the name alone is ambiguous. A literal ``/`` in a name is
written ``\\/`` and a literal backslash ``\\\\``; any other backslash is itself.
A path resolves to the tag whose full path from the root is exactly it, else to
the only tag whose path ends with it; otherwise the error names the candidates'
full paths, so the user can copy one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from annotator.core.errors import InvalidInput, NotFound
from annotator.core.errors import TagInUse as TagInUse
from annotator.core.model import Tag, tag_name

#: Colours a new tag takes in turn when none is given (readable behind dark text).
PALETTE = (
    "#f4a261", "#2a9d8f", "#9b5de5", "#e76f51", "#457b9d", "#e9c46a", "#8ab17d", "#f28482",
    "#6d597a", "#577590", "#bc6c25", "#00bbf9",
)  # fmt: skip
#: The keys new tags are given, lowest free first.
KEYS = tuple("123456789")
#: Keys the window uses itself, so no tag can have them, and what they do.
RESERVED_KEYS = {"/": "opens the quick-pick"}

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class InTree(Protocol):
    """Core: what the tree functions read of a tag: a library's :class:`Tag`, or a tag as a
    file's codebook gives it (:class:`annotator.core.records.CodebookTag`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent_id(self) -> str | None: ...
    @property
    def sort_order(self) -> int: ...


_T = TypeVar("_T", bound=InTree)


# -- names, colours, keys -------------------------------------------------------------------------


def clean_name(raw: str) -> str:
    """A tag name as stored: NFC-normalised and stripped; empty, control characters, line breaks
    and over 200 characters refused (:class:`InvalidInput`)."""
    return tag_name(unicodedata.normalize("NFC", raw))


def sibling_name(raw: str, tags: Iterable[Tag], parent_id: str | None, *, tag_id: str | None = None) -> str:
    """*raw* cleaned (:func:`clean_name`), refused if a sibling under *parent_id* (other than
    *tag_id* itself) already has that name."""
    name = clean_name(raw)
    tags = list(tags)
    for other in tags:
        if other.parent_id == parent_id and other.name == name and other.id != tag_id:
            where = f"under '{format_path(path_of(tags, parent_id))}'" if parent_id else "at the top level"
            raise InvalidInput(f"there is already a tag '{name}' {where}; names are unique among siblings")
    return name


def check_color(value: str) -> str:
    """A colour as stored: ``#rrggbb`` in lower case, else :class:`InvalidInput`."""
    value = value.strip()
    if not _COLOR.fullmatch(value):
        raise InvalidInput(f"a tag colour is written #rrggbb (e.g. #2a9d8f), not {value!r}")
    return value.lower()


def next_color(used: Iterable[str]) -> str:
    """The first palette colour no tag has yet, else the one fewest tags have."""
    counts = {c: 0 for c in PALETTE}
    for color in used:
        if color.lower() in counts:
            counts[color.lower()] += 1
    return min(PALETTE, key=lambda c: counts[c])  # min keeps the palette order among ties


def check_key(value: str) -> str:
    """A tag's key as stored: "" for none, else one character typed with one key (``1``–``9`` for
    the first nine tags, a letter...), NFC-normalised and in lower case (``A`` and ``a`` are one
    key to the window). Refused (:class:`InvalidInput`): more than one character, a control
    character, a space, an emoji or other symbol no keyboard has a key for, and the keys the
    window uses itself (:data:`RESERVED_KEYS`)."""
    stripped = unicodedata.normalize("NFC", value).strip()
    if not stripped:
        if value:
            raise InvalidInput(f"a tag's key cannot be a space, not {value!r}")
        return ""
    if (
        len(stripped) != 1
        or unicodedata.category(stripped)[0] in "CZM"
        or unicodedata.category(stripped) == "So"
        or ord(stripped) > 0xFFFF
    ):
        raise InvalidInput(f"a tag's key is one character typed with one key (1-9, a letter...), not {value!r}")
    if stripped in RESERVED_KEYS:
        raise InvalidInput(f"the key {stripped!r} {RESERVED_KEYS[stripped]} in the window; choose another")
    lower = stripped.lower()
    return lower if len(lower) == 1 else stripped


def same_key(a: str, b: str) -> bool:
    """Whether two stored keys are one key to the window (case aside)."""
    return bool(a) and a.lower() == b.lower()


def free_key(tags: Iterable[Tag]) -> str:
    """The lowest of ``1``–``9`` no tag has, or "" if every one is taken."""
    taken = {t.shortcut.lower() for t in tags}
    return next((k for k in KEYS if k not in taken), "")


# -- paths ------------------------------------------------------------------------------------------


def escape_name(name: str) -> str:
    """*name* as one step of a PATH: ``\\`` and ``/`` escaped with a backslash."""
    return name.replace("\\", "\\\\").replace("/", "\\/")


def format_path(names: Sequence[str]) -> str:
    """The PATH of a tag whose names from the root are *names*."""
    return "/".join(escape_name(n) for n in names)


def parse_path(text: str) -> tuple[str, ...]:
    """The names a PATH gives, from the outermost; each cleaned as names are
    (:func:`clean_name`). :class:`InvalidInput` for an empty step (``a//b``)."""
    steps: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "\\/":
            current.append(text[i + 1])
            i += 2
            continue
        if c == "/":
            steps.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    steps.append("".join(current))
    if any(not s.strip() for s in steps):
        raise InvalidInput(f"the tag path {text!r} has an empty step; write Parent/Child (a '/' in a name as '\\/')")
    return tuple(clean_name(s) for s in steps)


def _by_id(tags: Iterable[_T]) -> dict[str, _T]:
    return {t.id: t for t in tags}


def path_of(tags: Iterable[InTree], tag_id: str | None) -> tuple[str, ...]:
    """The names from the root down to the tag *tag_id* (``()`` for None, the top level).

    A parent missing from *tags* ends the path there; a cycle is cut where it closes."""
    return _path(_by_id(tags), tag_id)


def _path(by_id: Mapping[str, InTree], tag_id: str | None) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    while tag_id is not None and tag_id in by_id and tag_id not in seen:
        seen.add(tag_id)
        names.append(by_id[tag_id].name)
        tag_id = by_id[tag_id].parent_id
    return tuple(reversed(names))


def paths(tags: Iterable[InTree]) -> dict[str, tuple[str, ...]]:
    """Every tag's path (names from the root), by tag id (see :func:`path_of`)."""
    by_id = _by_id(tags)
    return {tag_id: _path(by_id, tag_id) for tag_id in by_id}


def cycle_of(tags: Iterable[InTree], tag_id: str) -> bool:
    """Whether following the parents of *tag_id* comes back to a tag already passed."""
    by_id = _by_id(tags)
    seen: set[str] = set()
    current: str | None = tag_id
    while current is not None and current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].parent_id
    return False


def short_path(tags: Iterable[Tag], tag_id: str) -> str:
    """The shortest PATH that names the tag *tag_id*: its name if no other tag has it."""
    all_paths = paths(tags)
    full = all_paths[tag_id]
    for n in range(1, len(full) + 1):
        tail = full[-n:]
        if sum(1 for p in all_paths.values() if p[-n:] == tail) == 1:
            return format_path(tail)
    return format_path(full)


def labels(tags: Iterable[Tag]) -> dict[str, str]:
    """How a reader is shown each tag, by tag id: its name if no other tag has it, else its
    shortest PATH that no other tag's path ends with (``Feelings/Positive``), else its full PATH.

    Every label differs from every other: a name shown as it is that reads like another tag's
    path (a tag literally named ``F/Pos`` beside ``Pos`` under ``F``) is shown escaped (``F\\/Pos``).
    """
    tags = list(tags)
    all_paths = paths(tags)
    tails: dict[tuple[str, ...], int] = {}
    for path in all_paths.values():
        for n in range(1, len(path) + 1):
            tails[path[-n:]] = tails.get(path[-n:], 0) + 1
    out: dict[str, str] = {}
    plain: list[str] = []  # ids shown by their bare name
    for tag in tags:
        full = all_paths[tag.id]
        if tails.get((tag.name,), 0) <= 1:
            out[tag.id] = tag.name
            plain.append(tag.id)
            continue
        n = next((n for n in range(2, len(full) + 1) if tails[full[-n:]] == 1), len(full))
        out[tag.id] = format_path(full[-n:])
    as_paths = {label for tag_id, label in out.items() if tag_id not in plain}
    for tag_id in plain:
        if out[tag_id] in as_paths:
            out[tag_id] = format_path((out[tag_id],))
    return out


def resolve(tags: Iterable[Tag], path: str | Sequence[str]) -> Tag:
    """The tag a PATH (text, or the names it gives) names; :class:`NotFound` if none does,
    :class:`InvalidInput` if several do (naming their full paths)."""
    tags = list(tags)
    steps = parse_path(path) if isinstance(path, str) else tuple(clean_name(s) for s in path)
    shown = path if isinstance(path, str) else format_path(steps)
    all_paths = paths(tags)
    exact = [t for t in tags if all_paths[t.id] == steps]
    if exact:
        return exact[0]  # names are unique among siblings, so a full path names one tag
    matches = [t for t in tags if all_paths[t.id][-len(steps) :] == steps]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"there is no tag '{shown}'")
    candidates = ", ".join(sorted(format_path(all_paths[t.id]) for t in matches))
    raise InvalidInput(f"the tag '{shown}' is ambiguous: it could be {candidates}; give more of its path")


# -- the tree ---------------------------------------------------------------------------------------


def children(tags: Iterable[_T]) -> dict[str | None, list[_T]]:
    """Each parent id's children (None: the top level), ordered by sort_order, then name (case folded).

    A tag whose parent is not in *tags* counts as top level, so no tag is ever hidden.
    """
    tags = list(tags)
    ids = {t.id for t in tags}
    out: dict[str | None, list[_T]] = {}
    for tag in tags:
        out.setdefault(tag.parent_id if tag.parent_id in ids else None, []).append(tag)
    for siblings in out.values():
        siblings.sort(key=lambda t: (t.sort_order, t.name.casefold(), t.name, t.id))
    return out


def walk(tags: Iterable[_T]) -> list[tuple[_T, int]]:
    """Every tag with its depth (0: top level), parents before their children, in tree order
    (tags in a cycle of parents, which no library holds, are left out)."""
    kids = children(tags)
    out: list[tuple[_T, int]] = []
    seen: set[str] = set()
    stack = [(t, 0) for t in reversed(kids.get(None, []))]
    while stack:
        tag, depth = stack.pop()
        if tag.id in seen:  # a cycle cannot be stored through the services; never loop on one
            continue
        seen.add(tag.id)
        out.append((tag, depth))
        stack.extend((c, depth + 1) for c in reversed(kids.get(tag.id, [])))
    return out


def descendants(tags: Iterable[Tag], tag_id: str) -> set[str]:
    """The ids of every tag below *tag_id* (not itself)."""
    kids = children(tags)
    found: set[str] = set()
    todo = [tag_id]
    while todo:
        for child in kids.get(todo.pop(), []):
            if child.id not in found:
                found.add(child.id)
                todo.append(child.id)
    return found


def check_move(tags: Iterable[Tag], tag_id: str, parent_id: str | None) -> None:
    """Refuse (:class:`InvalidInput`) to put a tag under itself or under one of its descendants."""
    tags = list(tags)
    if parent_id is None:
        return
    if parent_id == tag_id or parent_id in descendants(tags, tag_id):
        what = format_path(path_of(tags, tag_id))
        under = format_path(path_of(tags, parent_id))
        raise InvalidInput(f"cannot move '{what}' under '{under}': a tag cannot be inside itself")


def rolled_up(tags: Iterable[Tag], counts: Mapping[str, int]) -> dict[str, int]:
    """Each tag's count with all its descendants' (*counts*: each tag's own)."""
    order = walk(tags)
    total = {t.id: counts.get(t.id, 0) for t, _ in order}
    for tag, _ in reversed(order):  # children come after their parents: add them up from the bottom
        if tag.parent_id in total:
            total[tag.parent_id] += total[tag.id]
    return total


def placed(siblings: Sequence[Tag], tag: Tag, position: int | None) -> list[Tag]:
    """*siblings* (in order, without *tag*) with *tag* put at *position* (None or past the end:
    last), each renumbered ``sort_order`` 0, 1, 2... (a tag whose order changes is a new value)."""
    order = [t for t in siblings if t.id != tag.id]
    at = len(order) if position is None else max(0, min(position, len(order)))
    order.insert(at, tag)
    return [t if t.sort_order == i else replace(t, sort_order=i) for i, t in enumerate(order)]
