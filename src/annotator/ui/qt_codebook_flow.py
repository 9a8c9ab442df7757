"""UI: shaping the codebook in the window: new, rename, edit, move, merge, delete, split, quick-pick, in-vivo.

Every action is one undo step, saved at once, and reachable by keyboard (the
Tags menu, keys in the tag tree) and by the tree's context menu. Names, targets
and choices are asked with small standard dialogs (``QInputDialog``), whose
first line says what is at stake (how many annotations a delete touches). A
colour hard to tell apart from another tag's is said in the status bar and in
the Edit dialog. In-vivo coding names a new tag after the selected words, cut
from the stored text (never read back from the widget).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStatusBar,
    QWidget,
)

from annotator.core import codebook as cb
from annotator.core import colours
from annotator.core.errors import InvalidInput
from annotator.core.model import Tag
from annotator.services import Changes
from annotator.services import codebook as codebook_service
from annotator.ui.qt_codebook_commands import CreateTagCommand, TagEditCommand
from annotator.ui.qt_commands import CreateAnnotationCommand
from annotator.ui.qt_quick_pick import QtQuickPick
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_tag_tree import QtTagTree, swatch
from annotator.ui.qt_text_pane import QtTextPane

#: The longest tag name in-vivo coding makes from a selection (longer selections are cut at a word).
IN_VIVO_MAX = 60
TOP_LEVEL = QT_TRANSLATE_NOOP("QtCodebookFlow", "(top level)")


def in_vivo_name(text: str, limit: int = IN_VIVO_MAX) -> str:
    """A tag name from selected words: white space collapsed, trimmed, cut at a word under *limit*."""
    name = " ".join(text.split())
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"


def confusable_note(tag_id: str | None, color: str, tags: list[Tag]) -> str:
    """ "" or what is wrong with *color*: too close to the page to show (:func:`colours.page_note`),
    and the tags whose colour is hard to tell apart from it."""
    notes = [colours.page_note(color, QCoreApplication.translate)]
    names = colours.confusable_with(color, [(t.name, t.color) for t in tags if t.id != tag_id])
    if names:
        said = ", ".join(f"“{n}”" for n in names)
        notes.append(
            QCoreApplication.translate("QtTagDialog", "This colour is hard to tell apart from {tags}.").format(
                tags=said
            )
        )
    return " ".join(n for n in notes if n)


class QtTagDialog(QDialog):
    """UI: Edit tag: name, colour (the palette, or any), key, and a multi-line description (coding rules)."""

    def __init__(self, parent: QWidget, tag: Tag, tags: list[Tag]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit tag {tag}").format(tag=tag.name))
        self.setAccessibleName(self.tr("Edit tag"))
        self._tag, self._tags = tag, tags
        form = QFormLayout(self)
        self.name_edit = QLineEdit(tag.name, self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.color_box = QComboBox(self)
        self.color_box.setAccessibleName(self.tr("Colour"))
        for color in dict.fromkeys([tag.color.lower(), *colours.PALETTE]):
            self.color_box.addItem(swatch(color), color, color)
        choose = QPushButton(self.tr("&Other colour…"), self)
        choose.setAccessibleName(self.tr("Other colour"))
        choose.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout()
        row.addWidget(self.color_box, 1)
        row.addWidget(choose)
        self.key_edit = QLineEdit(tag.shortcut, self)
        self.key_edit.setMaxLength(1)
        self.key_edit.setAccessibleName(self.tr("Key"))
        self.description_edit = QPlainTextEdit(tag.description, self)
        self.description_edit.setAccessibleName(self.tr("Description and coding rules"))
        self.description_edit.setTabChangesFocus(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Colour warning"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Colour"), row)
        form.addRow(self.tr("&Key"), self.key_edit)
        form.addRow(self.tr("&Description"), self.description_edit)
        form.addRow("", self.warning)
        form.addRow(buttons)
        self.color_box.currentIndexChanged.connect(self._on_color_box_changed)
        self._on_color_box_changed()

    def color(self) -> str:
        return str(self.color_box.currentData())

    def set_color(self, color: str) -> None:
        index = self.color_box.findData(color.lower())
        if index < 0:
            self.color_box.addItem(swatch(color), color.lower(), color.lower())
            index = self.color_box.count() - 1
        self.color_box.setCurrentIndex(index)

    def values(self) -> dict[str, str]:
        """The fields the user changed (as ``update_tag`` takes them)."""
        now = {"name": self.name_edit.text().strip(), "color": self.color(), "shortcut": self.key_edit.text().strip(),
               "description": self.description_edit.toPlainText()}  # fmt: skip
        was = {"name": self._tag.name, "color": self._tag.color.lower(), "shortcut": self._tag.shortcut,
               "description": self._tag.description}  # fmt: skip
        return {k: v for k, v in now.items() if v != was[k]}

    def _on_choose_clicked(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color()), self, self.tr("Tag colour"))
        if chosen.isValid():
            self.set_color(chosen.name())

    def _on_color_box_changed(self, *_args: object) -> None:
        self.warning.setText(confusable_note(self._tag.id, self.color(), self._tags))


class CodebookWindow(Protocol):
    """UI: what the flow needs of the main window (:class:`~annotator.ui.qt_main_window.QtMainWindow`)."""

    tag_panel: QtTagTree
    pane: QtTextPane

    def statusBar(self) -> QStatusBar: ...

    def addAction(self, action: QAction) -> None: ...

    def apply_tag(self, tag_id: str) -> None: ...

    def retag_selected(self, tag_id: str) -> None: ...

    def selected_annotation_ids(self) -> list[str]: ...


class QtCodebookFlow(QObject):
    """UI: the codebook actions of one main window (the Tags menu, the tag tree's keys and context menu).

    A QObject (owned by the main window) for ``self.tr``, whose plurals only a QObject can look up.
    """

    def __init__(self, window: CodebookWindow, session: QtLibrarySession) -> None:
        super().__init__(window.pane.window())
        self.window, self.session = window, session
        self.widget = window.pane.window()  # the main window itself: the parent of dialogs and actions
        self.tree = window.tag_panel
        self.quick_pick = QtQuickPick(self.widget)
        self.quick_pick.picked.connect(window.apply_tag)

        def action(text: str, slot, *keys: str, tree_only: bool = False) -> QAction:  # type: ignore[no-untyped-def]
            made = QAction(text, self.widget)
            made.setShortcuts([QKeySequence(k) for k in keys])
            made.triggered.connect(slot)
            if tree_only:  # keys that mean something else elsewhere (Delete, F2, Insert)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.tree.tree.addAction(made)
            else:
                window.addAction(made)
            return made

        self.new_action = action(self.tr("&New tag…"), self.new_tag, "Ctrl+Shift+T")
        self.new_child_action = action(self.tr("New &child tag…"), self.new_child_tag, "Shift+Insert", tree_only=True)
        self.rename_action = action(self.tr("&Rename"), self.rename, "F2", tree_only=True)
        self.edit_action = action(self.tr("&Edit tag…"), self.edit, "Alt+Return", tree_only=True)
        self.move_action = action(self.tr("&Move under…"), self.move_under, "Ctrl+M", tree_only=True)
        self.move_up_action = action(self.tr("Move u&p"), self.move_up, "Ctrl+Shift+Up", tree_only=True)
        self.move_down_action = action(self.tr("Move do&wn"), self.move_down, "Ctrl+Shift+Down", tree_only=True)
        self.merge_action = action(self.tr("Mer&ge into…"), self.merge_into, "Ctrl+Shift+G", tree_only=True)
        self.delete_action = action(self.tr("&Delete tag…"), self.delete, "Del", tree_only=True)
        self.quick_pick_action = action(self.tr("&Quick pick…"), self.open_quick_pick, "Ctrl+K")
        self.in_vivo_action = action(self.tr("New tag from &selection"), self.in_vivo, "Ctrl+Shift+N")
        insert = QAction(self.tree.tree)  # Insert in the tree: a new tag (beside the window-wide key)
        insert.setShortcut(QKeySequence("Insert"))
        insert.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.triggered.connect(self.new_tag)
        self.tree.tree.addAction(insert)
        slash = QAction(window.pane)  # "/" in the text: the quick-pick, as in many editors
        slash.setShortcut(QKeySequence("/"))
        slash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        slash.triggered.connect(self.open_quick_pick)
        window.pane.addAction(slash)
        self.tree_actions = [self.new_action, self.new_child_action, self.rename_action, self.edit_action,
                             self.move_action, self.move_up_action, self.move_down_action, self.merge_action,
                             self.delete_action]  # fmt: skip
        self.tree.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        window.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.pane.customContextMenuRequested.connect(self._on_pane_context_menu_requested)
        self.tree.moveRequested.connect(self.move)
        self.tree.renameRequested.connect(self.rename_to)

    def menu_actions(self) -> list[QAction]:
        return [*self.tree_actions, self.quick_pick_action, self.in_vivo_action]

    # -- helpers ------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    def _paths(self, exclude: set[str] = frozenset()) -> list[tuple[str, Tag]]:  # type: ignore[assignment]
        tags = self.session.tags
        return [(cb.format_path(cb.path_of(tags, t.id)), t) for t, _depth in cb.walk(tags) if t.id not in exclude]

    def _pick(self, title: str, label: str, choices: list[tuple[str, str | None]]) -> tuple[bool, str | None]:
        """Ask for one of *choices* ((text, value) pairs); (False, None) if cancelled."""
        if not choices:
            return False, None
        texts = [text for text, _ in choices]
        text, ok = QInputDialog.getItem(self.widget, title, label, texts, 0, False)
        if not ok or text not in texts:
            return False, None
        return True, choices[texts.index(text)][1]

    def _selected(self) -> list[Tag]:
        return [t for t in map(self.session.tag, self.tree.selected_ids()) if t is not None]

    def _current(self) -> Tag | None:
        current = self.tree.current_id()
        tag = self.session.tag(current) if current else None
        if tag is None:
            self._say(self.tr("Choose a tag in the tag list first."))
        return tag

    def _warn_if_confusable(self, tag_id: str | None, color: str) -> None:
        note = confusable_note(tag_id, color, self.session.tags)
        if note:
            self._say(note)

    # -- actions ------------------------------------------------------------------------------

    def new_tag(self, *, parent_id: str | None = None) -> None:
        parent = self.session.tag(parent_id) if parent_id else None
        label = (
            self.tr("Name of the new tag under “{parent}”:").format(parent=parent.name) if parent is not None
            else self.tr("Name of the new tag:")
        )  # fmt: skip
        name, ok = QInputDialog.getText(self.widget, self.tr("New tag"), label)
        if ok and name.strip():
            color = colours.next_colour(t.color for t in self.session.tags)
            self.session.push([CreateTagCommand(self.session, name=name.strip(), parent_id=parent_id, color=color)])
            self._select_named(name.strip(), parent_id)

    def new_child_tag(self) -> None:
        parent = self._current()
        if parent is not None:
            self.new_tag(parent_id=parent.id)

    def rename(self) -> None:
        index = self.tree.tree.currentIndex()
        if index.isValid():
            self.tree.tree.edit(index.siblingAtColumn(self.tree.NAME))

    def rename_to(self, tag_id: str, name: str) -> None:
        tag = self.session.tag(tag_id)
        if tag is not None and name != tag.name:
            self._update(tag, {"name": name}, self.tr("Rename {tag} to {name}").format(tag=tag.name, name=name))

    def edit(self) -> None:
        tag = self._current()
        if tag is None:
            return
        dialog = QtTagDialog(self.widget, tag, self.session.tags)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if values:
            self._update(tag, values, self.tr("Edit tag {tag}").format(tag=tag.name))
            if "color" in values:
                self._warn_if_confusable(tag.id, values["color"])

    def _update(self, tag: Tag, values: dict[str, str], text: str) -> None:
        library = self.session.library
        command = TagEditCommand(
            self.session,
            text,
            lambda: codebook_service.update_tag(library, tag_id=tag.id, base=tag, **values),  # type: ignore[arg-type]
        )
        self.session.push([command])

    def move_under(self) -> None:
        moving = self._selected()
        if not moving:
            self._say(self.tr("Choose the tags to move in the tag list first."))
            return
        inside = set().union(*(cb.descendants(self.session.tags, t.id) | {t.id} for t in moving))
        choices: list[tuple[str, str | None]] = [(self.tr(TOP_LEVEL), None)]
        choices += [(path, t.id) for path, t in self._paths(exclude=inside)]
        names = ", ".join(t.name for t in moving)
        ok, parent_id = self._pick(self.tr("Move under"), self.tr("Move {tags} under:").format(tags=names), choices)
        if ok:
            self.move([t.id for t in moving], parent_id, -1)

    def move(self, tag_ids: list[str], parent_id: str | None, row: int) -> None:
        """Move tags under *parent_id* (None: top level), to *row* among its children as shown (-1: last)."""
        moving = [t for t in (self.session.tag(i) for i in tag_ids) if t is not None]
        if not moving:
            return
        position = None
        if row >= 0:  # a row counts the moving tags shown above it; the service counts those that stay
            ids = {t.id for t in moving}
            shown = cb.children(self.session.tags).get(parent_id, [])
            position = row - sum(1 for t in shown[:row] if t.id in ids)
        library, bases = self.session.library, moving

        def act() -> Changes:
            return codebook_service.move_tags(
                library, tag_ids=[t.id for t in bases], parent_id=parent_id, position=position, bases=bases
            )

        if len(moving) == 1:
            text = self.tr("Move {tag}").format(tag=moving[0].name)
        else:
            text = self.tr("Move %Ln tag(s)", None, len(moving))
        self.session.push([TagEditCommand(self.session, text, act)])
        self.tree.select([t.id for t in moving])

    def move_up(self) -> None:
        self._move_by(-1)

    def move_down(self) -> None:
        self._move_by(1)

    def _move_by(self, step: int) -> None:
        """Move the current tag one place up or down among its siblings (the keyboard's reorder)."""
        tag = self._current()
        if tag is None:
            self._say(self.tr("Choose a tag in the tag list first."))
            return
        parent = tag.parent_id if self.session.tag(tag.parent_id or "") is not None else None
        siblings = [t.id for t in cb.children(self.session.tags).get(parent, [])]
        at = siblings.index(tag.id) + step
        if not 0 <= at < len(siblings):
            return  # first or last already
        self.move([tag.id], parent, at + (1 if step > 0 else 0))

    def merge_into(self) -> None:
        merging = self._selected()
        if not merging:
            self._say(self.tr("Choose the tags to merge in the tag list first (Ctrl+click for several)."))
            return
        inside = set().union(*(cb.descendants(self.session.tags, t.id) | {t.id} for t in merging))
        names = ", ".join(f"“{t.name}”" for t in merging)
        label = self.tr("Merge {tags} into:").format(tags=names)
        ok, into = self._pick(self.tr("Merge tags"), label, self._choices(exclude=inside))
        if ok and into is not None:
            self.merge([t.id for t in merging], into)

    def merge(self, tag_ids: list[str], into_id: str) -> None:
        library, into = self.session.library, self.session.tag(into_id)
        bases = [t for t in map(self.session.tag, [*tag_ids, into_id]) if t is not None]  # as shown here

        def action() -> Changes:
            return codebook_service.merge_tags(library, tag_ids=tag_ids, into_id=into_id, bases=bases)

        text = self.tr("Merge into {tag}").format(tag=into.name if into else self.tr("tag"))
        self.session.push([TagEditCommand(self.session, text, action)])

    def _choices(self, exclude: set[str]) -> list[tuple[str, str | None]]:
        return [(path, t.id) for path, t in self._paths(exclude=exclude)]

    def delete(self) -> None:
        tag = self._current()
        if tag is None:
            return
        try:
            count = codebook_service.tag_usage(self.session.library, [tag.id]).get(tag.id, 0)
        except USER_ERRORS as exc:
            self._say(str(exc))
            return
        move_to: str | None = None
        delete_annotations = False
        if count:
            move, remove = (
                self.tr("Move them to another tag…"),
                self.tr("Delete the %Ln annotation(s) too", None, count),
            )
            label = self.tr("“{tag}” is used by %Ln annotation(s). What should happen to them?", None, count)
            title = self.tr("Delete tag")
            ok, choice = self._pick(title, label.format(tag=tag.name), [(move, "move"), (remove, "delete")])
            if not ok:
                return
            if choice == "move":
                label = self.tr("Move the %Ln annotation(s) of “{tag}” to:", None, count).format(tag=tag.name)
                ok, move_to = self._pick(title, label, self._choices(exclude={tag.id}))
                if not ok or move_to is None:
                    return
            else:
                delete_annotations = True
        library = self.session.library
        action = lambda: codebook_service.delete_tag(  # noqa: E731
            library, tag_id=tag.id, move_to=move_to, delete_annotations=delete_annotations, base=tag
        )
        self.session.push([TagEditCommand(self.session, self.tr("Delete tag {tag}").format(tag=tag.name), action)])

    # -- split: annotations to another tag ------------------------------------------------------

    def add_annotation_actions(self, menu: QMenu) -> None:
        """Split: the annotation list's "Move to tag…" and "Move to new tag…"."""
        menu.addAction(self.tr("&Move to tag…"), self.move_annotations_to_tag)
        menu.addAction(self.tr("Move to &new tag…"), self.move_annotations_to_new_tag)

    def move_annotations_to_tag(self) -> None:
        ids = self.window.selected_annotation_ids()
        label = self.tr("Move %Ln annotation(s) to:", None, len(ids))
        ok, tag_id = self._pick(self.tr("Move to tag"), label, self._choices(exclude=set()))
        if ok and tag_id is not None:
            self.window.retag_selected(tag_id)

    def move_annotations_to_new_tag(self) -> None:
        ids = self.window.selected_annotation_ids()
        if not ids:
            return
        spans = [(a.start, a.end, a.coder) for i in ids if (a := self.session.annotations.get(i)) is not None]
        if len(set(spans)) < len(spans):  # two would become one span of the new tag: ask for nothing
            self._say(self.tr("Two of the selected annotations are of one span: under one tag they would be copies."))
            return
        label = self.tr("Move %Ln annotation(s) to a new tag:", None, len(ids))
        name, ok = QInputDialog.getText(self.widget, self.tr("Move to new tag"), label)
        if not ok or not name.strip():
            return
        color = colours.next_colour(t.color for t in self.session.tags)
        create = CreateTagCommand(self.session, name=name.strip(), color=color)
        intent = self.tr("Move %Ln annotation(s) to the new tag {tag}", None, len(ids)).format(tag=name.strip())
        with self.session.intent(intent):
            self.session.undo_stack.push(create)
            if create.created is not None:
                self.session.retag_all(ids, create.created.id)

    # -- quick-pick and in-vivo ----------------------------------------------------------------------

    def open_quick_pick(self) -> None:
        self.quick_pick.open(self._paths(), self.window.pane)

    def in_vivo(self) -> None:
        """Tag the selected words with a new tag named after them (an existing top-level tag of that name: it)."""
        document, span = self.session.document, self.window.pane.selected_span()
        if document is None or span is None:
            self._say(self.tr("Select some words first: they become the new tag's name."))
            return
        start, end = span
        name = in_vivo_name(document.text[start:end])  # the stored text, never the widget's
        try:
            name = cb.clean_name(name)  # as a tag's name is stored (NFC): "café" is one name however typed
        except InvalidInput as exc:
            self._say(str(exc))
            return
        existing = next((t for t in self.session.tags if t.parent_id is None and t.name == name), None)
        self.window.pane.clear_selection()
        if existing is not None:
            self._say(self.tr("There is a tag “{tag}” already: the words are tagged with it.").format(tag=name))
            self.session.tag_span(existing.id, start, end)
            return
        coder = self.session.coder_name()  # asked the first time ever: before anything is made
        color = colours.next_colour(t.color for t in self.session.tags)
        create = CreateTagCommand(self.session, name=name, color=color)
        intent = self.tr("New tag {tag} from the selection").format(tag=name)
        with self.session.intent(intent):  # one undo step: both go
            self.session.undo_stack.push(create)
            if create.created is not None:
                self.session.undo_stack.push(
                    CreateAnnotationCommand(self.session, document, create.created.id, start, end, coder=coder)
                )

    # -- menus ------------------------------------------------------------------------------------

    def _on_tree_context_menu_requested(self, point: QPoint) -> None:
        menu = QMenu(self.tree.tree)
        menu.setAccessibleName(self.tr("Tag actions"))
        menu.addActions(self.tree_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.tree.viewport().mapToGlobal(point))

    def _on_pane_context_menu_requested(self, point: QPoint) -> None:
        pane = self.window.pane
        menu = pane.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addActions([self.in_vivo_action, self.quick_pick_action])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pane.viewport().mapToGlobal(point))

    def _select_named(self, name: str, parent_id: str | None) -> None:
        tag = next((t for t in self.session.tags if t.parent_id == parent_id and t.name == name), None)
        if tag is not None:
            self.tree.select([tag.id])
