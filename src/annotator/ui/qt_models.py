"""UI: Qt item models for the library list and the annotation list."""

from __future__ import annotations

from bisect import bisect_left
from html import escape
from operator import attrgetter

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.documents import distinct_titles
from annotator.core.memos import preview
from annotator.core.model import Annotation, DocumentSummary, Tag
from annotator.services import Changes
from annotator.ui import qt_i18n

_Index = QModelIndex | QPersistentModelIndex

#: What a drag of documents from the library list carries: their ids, one per line.
DOCUMENT_IDS_MIME = "application/x-annotator-document-ids"


class QtDocumentListModel(QAbstractListModel):
    """UI: the library's documents, in import order."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._shown: list[str] = []  # titles as listed: shared ones told apart ("Report (2)")
        self._labels: dict[str, str] = {}  # tag id -> how the tooltip names it (codebook.labels)

    def set_tag_labels(self, labels: dict[str, str]) -> None:
        """How the tooltips name each tag (by tag id): counts are per tag, not per name."""
        self._labels = dict(labels)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_documents(self, rows: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = distinct_titles([r.title for r in rows])
        self.endResetModel()

    def update_counts(self, rows: list[DocumentSummary]) -> None:
        """Refresh counts in place when the set of documents is unchanged (keeps the selection)."""
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.set_documents(rows)
            return
        self._rows = list(rows)
        self._shown = distinct_titles([r.title for r in rows])
        if rows:
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:  # type: ignore[no-untyped-def]
        """The dragged documents' ids, one per line (dropped onto a set, they join it)."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(DOCUMENT_IDS_MIME, QByteArray("\n".join(self._rows[r].id for r in rows).encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def row_of(self, document_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == document_id), -1)

    def document_id(self, row: int) -> str:
        return self._rows[row].id

    def title(self, document_id: str) -> str | None:
        """A listed document's title; None if it is not in the list."""
        row = self.row_of(document_id)
        return self._rows[row].title if row >= 0 else None

    def shown_title(self, document_id: str) -> str | None:
        """A listed document's title as the list shows it (a shared one told apart: "Report (2)")."""
        row = self.row_of(document_id)
        return self._shown[row] if row >= 0 else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            deleted = self.tr("(deleted tag)")
            named = sorted((self._labels.get(tag_id, deleted), n) for tag_id, n in row.counts.items())
            detail = ", ".join(f"{qt_i18n.format_count(n)} {label}" for label, n in named)
            tip = self.tr("{title}\n{characters} · {annotations}").format(
                title=row.title,
                characters=self.tr("%Ln character(s)", None, row.length),
                annotations=self.tr("%Ln annotation(s)", None, sum(row.counts.values())),
            )
            return tip + (f" ({detail})" if detail else "")
        if role == self.IdRole:
            return row.id
        return None


class QtAnnotationTableModel(QAbstractTableModel):
    """UI: the current document's annotations in text order: tag, quote, note.

    The note column is editable in place; edits are handed to
    ``on_note_edited(annotation_id, note, base)`` (which pushes an undo command)
    rather than written here.
    """

    #: The columns' headers (translated when shown).
    COLUMNS = (
        QT_TRANSLATE_NOOP("QtAnnotationTableModel", "Tag"),
        QT_TRANSLATE_NOOP("QtAnnotationTableModel", "Quote"),
        QT_TRANSLATE_NOOP("QtAnnotationTableModel", "Note"),
    )
    TAG, QUOTE, NOTE = range(3)
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._keys: list[tuple[int, int, str]] = []
        self._key_of: dict[str, tuple[int, int, str]] = {}  # id -> sort key, to find rows by bisection
        self._tags: dict[str, Tag] = {}
        self.on_note_edited = lambda annotation_id, note, base: None
        self.fuzzy: set[str] = set()  # shown with a warning sign until reviewed

    def set_tags(self, tags: list[Tag]) -> None:
        self._tags = {t.id: t for t in tags}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.TAG))

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        keyed = sorted((_key(a), a) for a in annotations) if annotations else []
        self._rows = [a for _, a in keyed]
        self._keys = [k for k, _ in keyed]
        self._key_of = {a.id: k for k, a in keyed}
        self.endResetModel()

    def row_of(self, annotation_id: str) -> int:
        key = self._key_of.get(annotation_id)
        return -1 if key is None else bisect_left(self._keys, key)

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def apply(self, changes: Changes, document_id: str | None) -> None:
        """Insert, update and remove rows for *changes* without resetting the view."""
        for a in changes.annotations_deleted:
            self._remove(a.id)
        for a in (*changes.annotations_created, *changes.annotations_updated):
            if a.document_id != document_id:
                continue
            row = self.row_of(a.id)
            if row >= 0 and self._keys[row] == _key(a):
                self._rows[row] = a
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                continue
            if row >= 0:
                self._remove(a.id)
            row = bisect_left(self._keys, _key(a))
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, a)
            self._keys.insert(row, _key(a))
            self._key_of[a.id] = _key(a)
            self.endInsertRows()

    def _remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row], self._keys[row], self._key_of[annotation_id]
            self.endRemoveRows()

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.NOTE else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == self.IdRole:
            return a.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.TAG:
                tag = self._tags.get(a.tag_id)
                name = tag.name if tag else "?"
                return f"⚠ {name}" if a.id in self.fuzzy and role == Qt.ItemDataRole.DisplayRole else name
            if column == self.QUOTE:
                return " ".join(a.quote.split())
            return a.note
        if role == Qt.ItemDataRole.DecorationRole and column == self.TAG:
            tag = self._tags.get(a.tag_id)
            return QColor(tag.color) if tag else None
        if role == Qt.ItemDataRole.ToolTipRole:
            review = (
                "\n\n" + self.tr("Placed on changed text by a revision: check it, then choose Accept placement.")
                if a.id in self.fuzzy
                else ""
            )
            # Rich text, every part escaped: a quote or memo holding "<b>" is shown as typed.
            quote = escape(preview(a.quote, chars=300, lines=4)).replace("\n", "<br>")
            memo = escape(preview(a.note)).replace("\n", "<br>")
            return (
                f"{quote}<br><br>[{a.start}–{a.end}]"
                + ("<br><b>{}</b> {}".format(escape(self.tr("Memo:")), memo) if a.note else "")
                + escape(review).replace("\n", "<br>")
            )
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NOTE:
            return False
        annotation = self._rows[index.row()]
        if str(value) != annotation.note:
            self.on_note_edited(annotation.id, str(value), annotation)
        return True


_key = attrgetter("start", "end", "id")
