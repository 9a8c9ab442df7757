"""Tests: the ``library`` fixtures start from a database migrated once per session; a library
made so must be what :meth:`Library.open` makes of a new database: at head, with the default
tags, and with ids of its own (not the template's, which has no rows)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.model import DEFAULT_TAGS
from annotator.services.library import Library
from annotator.storage.migrate import current_revision, head_revision


def test_a_library_from_the_template_is_at_head_with_default_tags_of_its_own(
    open_library: Callable[[], Library], new_database_url: Callable[[], str]
) -> None:
    first, second = open_library(), open_library()
    with Library.open(new_database_url()) as migrated_here:
        for library in (first, second, migrated_here):
            assert current_revision(library.engine) == head_revision()
            assert [t.name for t in library.tags()] == [spec.name for spec in DEFAULT_TAGS]
        assert [(t.color, t.shortcut) for t in first.tags()] == [(t.color, t.shortcut) for t in migrated_here.tags()]
    assert not {t.id for t in first.tags()} & {t.id for t in second.tags()}
