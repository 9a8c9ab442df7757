"""UI: undo commands that shape the codebook: create, edit, move, merge and delete tags.

As in :mod:`annotator.ui.qt_commands`, each command captures ids and prior
state, and redo and undo each make one service call. Every codebook action's
:class:`Changes` says what :func:`~annotator.services.codebook.restore_tags`
needs to put things back (the tags as they were, the annotations as they were),
so one command class covers editing, moving, merging and deleting; a created
tag is undone by deleting it (refused, and the step dropped, if annotations
use it by then: another program's, since this window's own are undone first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.model import Annotation, Tag
from annotator.services import Changes
from annotator.services import codebook as codebook_service
from annotator.ui.qt_commands import CommandHost


class CreateTagCommand(QUndoCommand):
    """UI: add a tag. Redo after an undo makes the very same tag (same id) again, among the tags as
    they are then: what another program changed meanwhile stays as it changed it."""

    def __init__(self, session: CommandHost, *, name: str, parent_id: str | None = None, color: str | None = None,
                 description: str = "") -> None:  # fmt: skip
        super().__init__(QCoreApplication.translate("CreateTagCommand", "New tag {name}").format(name=name))
        self._session = session
        self._args = {"name": name, "parent_id": parent_id, "color": color, "description": description}
        self._created: Tag | None = None

    @property
    def created(self) -> Tag | None:
        """The tag, once made (a macro's next step tags a span with it)."""
        return self._created

    def redo(self) -> None:
        session, args = self._session, dict(self._args)
        if self._created is not None:  # again: the same id, name, place and colour
            created = self._created
            args.update(name=created.name, parent_id=created.parent_id, color=created.color, tag_id=created.id)
        changes = session.run(lambda: codebook_service.create_tag(session.library, **args))  # type: ignore[arg-type]
        if changes is None:
            self.setObsolete(True)
            return
        self._created = changes.tags_created[0]

    def undo(self) -> None:
        session, created = self._session, self._created
        if created is not None:
            delete = lambda: codebook_service.delete_tag(session.library, tag_id=created.id, base=created)  # noqa: E731
            if session.run(delete, QCoreApplication.translate("CreateTagCommand", "Undone")) is None:
                self.setObsolete(True)


class TagEditCommand(QUndoCommand):
    """UI: one codebook action (*action*: a service call returning :class:`Changes`); undo restores.

    Undo gives back the tags as they were before (those the action updated or
    deleted) and the annotations it moved or deleted, in one call of
    :func:`~annotator.services.codebook.restore_tags`, based on what the action left (refused,
    and the step dropped, if another program changed that since); redo runs the action again,
    based on the tags as the undo left them, which is as they were.
    """

    def __init__(self, session: CommandHost, text: str, action: Callable[[], Changes]) -> None:
        super().__init__(text)
        self._session = session
        self._action = action
        self._tags: list[Tag] = []
        self._annotations: list[Annotation] = []
        self._done = Changes()  # what the action left: the undo's base

    def redo(self) -> None:
        changes = self._session.run(self._action)
        if changes is None:
            self.setObsolete(True)
            return
        # As the action's own transaction read them, not as this window last showed them: another
        # program's change committed just before is not undone with it.
        self._tags = [*changes.tags_deleted, *changes.tags_before]
        self._annotations = [*changes.annotations_before, *changes.annotations_deleted]
        self._done = changes

    def undo(self) -> None:
        session, tags, annotations, done = self._session, self._tags, self._annotations, self._done

        def restore() -> Changes:
            return codebook_service.restore_tags(
                session.library, tags=tags, annotations=annotations, anchor_states=done.anchor_states, base=done
            )

        if session.run(restore, QCoreApplication.translate("TagEditCommand", "Undone")) is None:
            self.setObsolete(True)
