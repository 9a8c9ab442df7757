"""UI: undo commands. Each captures ids and prior state; redo and undo each make one service call.

Undo and redo are saved like any other edit. A command whose service call
fails marks itself obsolete, so the undo stack never holds an edit that did not
happen. Each call says what it is based on (the text's SHA-256, the annotation
as this command left it), so an undo never overwrites what another program
changed since: it is refused, and the window shows the library as it now is.

Commands know the session only as a :class:`CommandHost`, the little of it they
use: the session creates and pushes them, so this module does not import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.anchoring import FUZZY, AnchorState
from annotator.core.documents import DocumentSnapshot, document_title
from annotator.core.errors import USER_ERRORS
from annotator.core.model import Annotation, Document, Tag, new_id
from annotator.services import Changes, Library, annotating, documents


class CommandHost(Protocol):
    """UI: what a command needs of the session that pushes it (:class:`~annotator.ui.qt_session.QtLibrarySession`).

    ``run`` calls a service and applies the :class:`Changes` it returns, or
    reports why it failed and returns None.
    """

    library: Library
    tags: list[Tag]
    anchor_states: dict[str, AnchorState]
    fuzzy: set[str]

    def tag(self, tag_id: str) -> Tag | None: ...

    def run(self, action: Callable[[], Changes], saved_message: str | None = None) -> Changes | None: ...


def _preview(annotation_quote: str, limit: int = 30) -> str:
    quote = " ".join(annotation_quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


class CreateAnnotationCommand(QUndoCommand):
    """UI: tag a span. Redo after an undo restores the very same annotation (same id, same times)."""

    def __init__(
        self, session: CommandHost, document: Document, tag_id: str, start: int, end: int, *, coder: str = ""
    ) -> None:
        tag = session.tag(tag_id)
        name = tag.name if tag else QCoreApplication.translate("CreateAnnotationCommand", "tag")
        super().__init__(QCoreApplication.translate("CreateAnnotationCommand", "Tag as {tag}").format(tag=name))
        self._session = session
        # The span was selected in this text: if it was revised meanwhile, nothing is stored.
        self._args = {"document_id": document.id, "tag_id": tag_id, "start": start, "end": end,
                      "expected_sha256": document.sha256, "coder": coder}  # fmt: skip
        self._id = new_id()
        self._created: Annotation | None = None

    def redo(self) -> None:
        session = self._session
        if self._created is None:
            changes = session.run(
                lambda: annotating.create_annotation(session.library, annotation_id=self._id, **self._args)
            )
            if changes is None:
                self.setObsolete(True)
                return
            self._created = changes.annotations_created[0]
            tagged = QCoreApplication.translate("CreateAnnotationCommand", "Tag “{quote}”")
            self.setText(tagged.format(quote=_preview(self._created.quote)))
        else:
            created = self._created
            # Refused (the text was revised, the span is another's now): this step can never be
            # redone, so it leaves the stack rather than be offered again and refused again.
            if session.run(lambda: annotating.restore_annotation(session.library, annotation=created)) is None:
                self.setObsolete(True)

    def undo(self) -> None:
        session, created = self._session, self._created
        if created is not None:
            delete = lambda: annotating.delete_annotation(session.library, annotation_id=created.id, base=created)  # noqa: E731
            if session.run(delete, QCoreApplication.translate("CreateAnnotationCommand", "Undone")) is None:
                self.setObsolete(True)  # another program changed or deleted it: nothing to undo or redo here


class DeleteAnnotationCommand(QUndoCommand):
    """UI: delete an annotation; undo puts it back exactly as it was."""

    def __init__(self, session: CommandHost, annotation: Annotation) -> None:
        text = QCoreApplication.translate("DeleteAnnotationCommand", "Delete “{quote}”")
        super().__init__(text.format(quote=_preview(annotation.quote)))
        self._session = session
        self._annotation = annotation
        self._anchor = session.anchor_states.get(annotation.id)  # e.g. still awaiting review

    def redo(self) -> None:
        session, target = self._session, self._annotation
        delete = lambda: annotating.delete_annotation(session.library, annotation_id=target.id, base=target)  # noqa: E731
        if session.run(delete) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        session, target, anchor = self._session, self._annotation, self._anchor
        fuzzy = anchor is not None and anchor.status == FUZZY
        if fuzzy:
            session.fuzzy.add(target.id)  # before the list redraws the restored row
        restore = lambda: annotating.restore_annotation(session.library, annotation=target, anchor=anchor)  # noqa: E731
        if session.run(restore, QCoreApplication.translate("DeleteAnnotationCommand", "Undone")) is None:
            if fuzzy:
                session.fuzzy.discard(target.id)
            self.setObsolete(True)  # it cannot come back as it was: the step leaves the stack


class UpdateAnnotationCommand(QUndoCommand):
    """UI: change an annotation's tag or note; undo sets the old value back.

    Each step is based on the annotation as the previous step left it: undoing a
    note that another program has changed since would throw their note away.
    """

    def __init__(self, session: CommandHost, before: Annotation, *, tag_id: str | None = None,
                 note: str | None = None) -> None:  # fmt: skip
        if tag_id is not None:
            tag = session.tag(tag_id)
            name = tag.name if tag else QCoreApplication.translate("UpdateAnnotationCommand", "tag")
            text = QCoreApplication.translate("UpdateAnnotationCommand", "Change tag to {tag}").format(tag=name)
            self._new, self._old = {"tag_id": tag_id}, {"tag_id": before.tag_id}
        else:
            text = QCoreApplication.translate("UpdateAnnotationCommand", "Edit note")
            self._new, self._old = {"note": note or ""}, {"note": before.note}
        super().__init__(text)
        self._session = session
        self._id = before.id
        self._base = before  # the annotation as the next step finds it

    def _set(self, values: dict[str, str], message: str) -> bool:
        session, annotation_id, base = self._session, self._id, self._base
        edit = annotating.retag_annotation if "tag_id" in values else annotating.set_note
        changes = session.run(
            lambda: edit(session.library, annotation_id=annotation_id, base=base, **values),  # type: ignore[operator]
            message,
        )
        if changes is None:
            return False
        if changes.annotations_updated:
            self._base = changes.annotations_updated[0]
        return True

    def redo(self) -> None:
        if not self._set(self._new, QCoreApplication.translate("UpdateAnnotationCommand", "Saved")):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._set(self._old, QCoreApplication.translate("UpdateAnnotationCommand", "Undone")):
            self.setObsolete(True)  # another program changed it since: the step leaves the stack


class UpdateDocumentCommand(QUndoCommand):
    """UI: rename a document or change its memo; undo sets the old value back, based on what redo left."""

    def __init__(self, session: CommandHost, before: Document, *, title: str | None = None,
                 memo: str | None = None) -> None:  # fmt: skip
        if title is not None:
            text = QCoreApplication.translate("UpdateDocumentCommand", "Rename to “{title}”")
            super().__init__(text.format(title=_preview(title)))
            self._field, self._new, self._old = "title", title, before.title
        else:
            super().__init__(QCoreApplication.translate("UpdateDocumentCommand", "Edit document memo"))
            self._field, self._new, self._old = "memo", memo or "", before.memo
        self._session = session
        self._base = before

    def _set(self, value: str, message: str) -> None:
        session, base, field = self._session, self._base, self._field
        edit = documents.rename_document if field == "title" else documents.set_document_memo
        changes = session.run(lambda: edit(session.library, document_id=base.id, base=base, **{field: value}), message)  # type: ignore[operator]
        if changes is None:
            self.setObsolete(True)
            return
        self._base = replace(base, **{field: document_title(value) if field == "title" else value})

    def redo(self) -> None:
        self._set(self._new, QCoreApplication.translate("UpdateDocumentCommand", "Saved"))

    def undo(self) -> None:
        self._set(self._old, QCoreApplication.translate("UpdateDocumentCommand", "Undone"))


class DeleteDocumentCommand(QUndoCommand):
    """UI: delete a document; undo puts it back whole (same id, versions, annotations, sets, attributes)."""

    def __init__(self, session: CommandHost, document: Document) -> None:
        text = QCoreApplication.translate("DeleteDocumentCommand", "Delete document “{title}”")
        super().__init__(text.format(title=_preview(document.title)))
        self._session = session
        self._document = document
        self._snapshot: DocumentSnapshot | None = None

    def redo(self) -> None:
        session, shown = self._session, self._document
        deleted = session.run(  # type: ignore[type-var]
            lambda: documents.delete_document(session.library, document_id=shown.id, base=shown),
            QCoreApplication.translate("DeleteDocumentCommand", "Deleted"),
        )
        if deleted is None:
            self.setObsolete(True)
            return
        self._snapshot = deleted.snapshot  # type: ignore[attr-defined]

    def undo(self) -> None:
        session, snapshot = self._session, self._snapshot
        if snapshot is None:
            return
        document = snapshot.document
        try:  # another program may have imported the same file meanwhile: both are kept, and said so
            twins = documents.same_text(session.library, document.sha256, excluding=document.id)
        except USER_ERRORS:
            twins = []
        said = QCoreApplication.translate("DeleteDocumentCommand", "Undone")
        if twins:
            said = QCoreApplication.translate(
                "DeleteDocumentCommand", "Undone; “{title}” has the same text (imported meanwhile): both are kept"
            ).format(title=_preview(twins[0][1]))
        if session.run(lambda: documents.restore_document(session.library, snapshot=snapshot), said) is None:
            self.setObsolete(True)
