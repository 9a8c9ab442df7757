"""Services: the project journal: dated entries, written by a coder, added, edited and deleted.

An edit or a delete says which entry it was based on (*base*, the entry as the
window showed it) and is refused with :class:`Conflict` (nothing saved) if
another program changed or deleted it meanwhile.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.core.memos import JournalEntry, memo_text
from annotator.core.model import check_name, new_id, utc_now
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import journal as rows
from annotator.storage import repository as repo
from annotator.storage.uow import reading, unit_of_work

CHANGED = "another program changed this journal entry since it was shown here; nothing was saved"
DELETED = "another program deleted this journal entry since it was shown here; nothing was saved"


def _title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) > 1000:
        raise InvalidInput(f"a journal entry's title is limited to 1000 characters (this one has {len(title)})")
    return title


def entries(library: Library) -> list[JournalEntry]:
    """The journal, oldest entry first."""
    with reading(library.engine) as s:
        return rows.entries(s)


def add_entry(library: Library, *, title: str = "", body: str = "", author: str = "") -> tuple[JournalEntry, Changes]:
    """Add an entry dated now; returns it and what changed."""
    title, body = _title(title), memo_text("journal entry", body)
    check_name("author", author)
    if not title and not body.strip():
        raise InvalidInput("a journal entry needs a title or some text")
    now = utc_now()
    entry = JournalEntry(new_id(), now, now, author, title, body)
    with unit_of_work(library.engine) as s:
        rows.insert_entry(s, entry)
    return entry, Changes(journal_changed=True)


def edit_entry(
    library: Library, *, entry_id: str, title: str | None = None, body: str | None = None,
    base: JournalEntry | None = None,
) -> tuple[JournalEntry, Changes]:  # fmt: skip
    """Change an entry's title or text (refused if it changed since *base*); returns it as it is now."""
    values = {}
    if title is not None:
        values["title"] = _title(title)
    if body is not None:
        values["body"] = memo_text("journal entry", body)
    with unit_of_work(library.engine) as s:
        current = rows.get_entry(s, entry_id)
        if current is None:
            raise Conflict(DELETED) if base is not None else NotFound(f"there is no journal entry '{entry_id}'")
        if base is not None and base.modified != current.modified:
            raise Conflict(CHANGED)
        if all(getattr(current, k) == v for k, v in values.items()):
            return current, Changes()
        updated = replace(current, modified=repo.next_modified(current.modified), **values)  # type: ignore[arg-type]
        if not rows.update_entry(s, current, modified=updated.modified, **values):
            raise Conflict(CHANGED)
    return updated, Changes(journal_changed=True)


def delete_entry(library: Library, *, entry_id: str, base: JournalEntry | None = None) -> Changes:
    """Delete an entry (refused if it changed since *base*)."""
    with unit_of_work(library.engine) as s:
        current = rows.get_entry(s, entry_id)
        if current is None:
            raise Conflict(DELETED) if base is not None else NotFound(f"there is no journal entry '{entry_id}'")
        if base is not None and base.modified != current.modified:
            raise Conflict(CHANGED)
        if not rows.delete_entry(s, current):
            raise Conflict(CHANGED)
    return Changes(journal_changed=True)
