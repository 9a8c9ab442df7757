"""UI: the choosers a view over the library shares: which documents (a scope) and whose annotations (a coder).

A table computed across the library (a matrix, word frequencies) reads the documents the user
chooses, as the search and ``annotator matrix --doc/--set/--where`` take them: the whole
library, the documents selected in the library list (read when the view runs, not when chosen),
a set, or the documents where an attribute has a value (as the library's filter matches it: a
part of a text value, case aside; blank: any value). One combo box holds the kinds, sets and
attributes, and a field the attribute's value; the coder chooser is "All coders" or one. The
Retrieved segments view and the counted tables (:mod:`annotator.ui.qt_table_panel`) use them. Both keep what is chosen when their entries are read
again (another program added a set), and say in one line why a scope cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from annotator.core.errors import InvalidInput
from annotator.services import attributes, sets
from annotator.services.library import Library
from annotator.services.searching import Scope

if TYPE_CHECKING:
    from annotator.ui.qt_session import QtLibrarySession

#: Scope kinds (the scope list's item data is (kind, name)).
LIBRARY, SELECTED, SET, ATTRIBUTE = "library", "selected", "set", "attribute"


class QtScopeChooser(QObject):
    """UI: ``scope_box`` (the whole library, the documents selected in the library list, a set,
    an attribute) and ``value_edit`` (that attribute's value), for the caller to lay out."""

    def __init__(self, parent: QWidget, selected_document_ids: Callable[[], list[str]]) -> None:
        super().__init__(parent)
        self._selected_document_ids = selected_document_ids
        self.scope_box = QComboBox(parent)
        self.scope_box.setAccessibleName(self.tr("Scope: which documents"))
        self.value_edit = QLineEdit(parent)
        self.value_edit.setAccessibleName(self.tr("Attribute value"))
        self.value_edit.setPlaceholderText(self.tr("any value"))
        self.scope_box.currentIndexChanged.connect(lambda _i: self._update_value_edit())
        self.reload([], [])

    def reload(self, set_names: Sequence[str], attribute_names: Sequence[str]) -> None:
        """Offer these sets and attributes; keep the entry chosen while it is still there."""
        chosen = self.scope_box.currentData()
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("Whole library"), (LIBRARY, ""))
        self.scope_box.addItem(self.tr("Documents selected in the library"), (SELECTED, ""))
        for name in set_names:
            self.scope_box.addItem(self.tr("Set: {name}").format(name=name), (SET, name))
        for name in attribute_names:
            self.scope_box.addItem(self.tr("Attribute: {name}").format(name=name), (ATTRIBUTE, name))
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(chosen)))
        self.scope_box.blockSignals(False)
        self._update_value_edit()

    def reload_from(self, library: Library) -> None:
        """Read the library's sets and attributes (raises what the library raises)."""
        self.reload([s.name for s in sets.list_sets(library)], [a.name for a in attributes.definitions(library)])

    def kind(self) -> str:
        return str((self.scope_box.currentData() or (LIBRARY, ""))[0])

    def scope(self) -> Scope:
        """The documents chosen now; :class:`InvalidInput` when "selected" has none selected."""
        kind, name = self.scope_box.currentData() or (LIBRARY, "")
        if kind == SELECTED:
            chosen = self._selected_document_ids()
            if not chosen:
                raise InvalidInput(self.tr("select some documents in the library list first, or choose another scope"))
            return Scope(document_ids=tuple(chosen))
        if kind == SET:
            return Scope(set_name=name)
        if kind == ATTRIBUTE:
            return Scope(where=((name, self.value_edit.text()),))
        return Scope()

    def _update_value_edit(self) -> None:
        self.value_edit.setEnabled(self.kind() == ATTRIBUTE)


class QtCoderChooser(QObject):
    """UI: ``coder_box``: "All coders", or one of the library's coders. While the library of
    *session* is coded blind, it offers the user alone, and :meth:`coders` is the user whatever
    was chosen before."""

    def __init__(self, parent: QWidget, session: QtLibrarySession | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._coders: list[str] = []
        self._chosen_before_blind: str | None = None  # chosen again when blind coding is turned off
        self.coder_box = QComboBox(parent)
        self.coder_box.setAccessibleName(self.tr("Coder"))
        self.reload([])
        if session is not None:
            session.blindChanged.connect(lambda _blind: self.reload(self._coders))

    def _blind(self) -> list[str] | None:
        return None if self._session is None else self._session.blind_coders()

    def reload(self, coders: Sequence[str]) -> None:
        """Offer these coders; keep the one chosen while it is still there."""
        self._coders = list(coders)
        blind = self._blind()
        was_blind = not self.coder_box.isEnabled()
        if blind is not None and not was_blind:
            self._chosen_before_blind = self.coder_box.currentData()
        chosen = (
            blind[0] if blind is not None else self._chosen_before_blind if was_blind else self.coder_box.currentData()
        )
        self.coder_box.blockSignals(True)
        self.coder_box.clear()
        if blind is None:
            self.coder_box.addItem(self.tr("All coders"), None)
        for coder in coders if blind is None else blind:
            self.coder_box.addItem(coder or self.tr("(no name)"), coder)
        self.coder_box.setCurrentIndex(max(0, self.coder_box.findData(chosen)))
        self.coder_box.setEnabled(blind is None)
        self.coder_box.setToolTip(self.tr("Blind coding: only your own annotations") if blind is not None else "")
        self.coder_box.blockSignals(False)

    def coders(self) -> list[str] | None:
        """The coder chosen, as the services take coders (None: all of them)."""
        blind = self._blind()
        if blind is not None:
            return blind
        coder = self.coder_box.currentData()
        return None if coder is None else [coder]
