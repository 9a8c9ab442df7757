"""Tests (UI): the interface is translated.

Every string of a translated module (one with ``resources/i18n/<language>/<module>.ts``) is
in each language's file with a finished translation that keeps its placeholders and
mnemonic, and nothing is left there that the code no longer says (``lupdate`` run afresh is
the oracle); no user-visible literal in such a module bypasses ``tr``; with German or
French chosen, widgets, Qt's own buttons and numbers follow; without a ``.qm``, English.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from annotator.config import ReadingSettings
from annotator.formats.registry import writers
from annotator.services import agreement
from annotator.services.disagreements import Disagreements
from annotator.ui import qt_help, qt_i18n
from annotator.ui.qt_agreement import QtAgreementModel
from annotator.ui.qt_disagreements import QtDisagreementsModel
from annotator.ui.qt_export_dialog import QtExportDialog
from annotator.ui.qt_retrieval import QtSegmentsModel
from annotator.ui.qt_settings import QtSettingsDialog
from annotator.ui.qt_table_tools import QtTableTools, view_table
from tests.ui.conftest import translations
from tests.ui.test_export_dialog import shown_mnemonics

SOURCES, UI, qt_tool = translations.SOURCES, translations.UI, translations.qt_tool

# Keyed (context, source, plural?) -> the translations (one, or the plural forms), None if unfinished.
Messages = dict[tuple[str, str, bool], list[str] | None]

TRANSLATED = sorted({p.stem for p in SOURCES.glob("*/*.ts")})
#: The translated UI modules; the others (``core.coders``, ``formats``) make no widgets.
UI_MODULES = [module for module in TRANSLATED if translations.source(module) == [UI / f"{module}.py"]]
LANGUAGES = translations.languages()  # English among them, with the plural forms only
ENGLISH = translations.SOURCE_LANGUAGE


def _messages(ts: Path) -> Messages:
    found: Messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            finished = translation.get("type") is None and all(forms)
            key = (name, message.findtext("source", ""), message.get("numerus") == "yes")
            found[key] = forms if finished else None
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Messages]:
    """Each translated module's strings, as lupdate finds them in the code now."""
    out = tmp_path_factory.mktemp("lupdate")
    found = {}
    for module in TRANSLATED:
        ts = out / f"{module}.ts"
        subprocess.run(
            [qt_tool("lupdate"), "-silent", "-locations", "none", *translations.source(module), "-ts", ts], check=True
        )
        found[module] = _messages(ts)
    return found


def test_german_and_french_translate_the_same_modules() -> None:
    assert {"de", "en", "fr"} <= set(LANGUAGES)
    assert TRANSLATED, "no module is translated yet"
    for language in LANGUAGES:
        assert sorted(p.stem for p in (SOURCES / language).glob("*.ts")) == TRANSLATED, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_a_translated_module_is_translated(language: str, extracted: dict[str, Messages]) -> None:
    missing, unfinished, obsolete = [], [], []
    for module, every in extracted.items():
        messages = {key: v for key, v in every.items() if language != ENGLISH or key[2]}
        committed = _messages(SOURCES / language / f"{module}.ts")
        missing += [(module, key[:2]) for key in messages if key not in committed]
        unfinished += [(module, key[:2]) for key in messages if key in committed and committed[key] is None]
        obsolete += [(module, key[:2]) for key in committed if key not in messages]
    hint = "run: python packaging/translations.py update MODULE, then translate (docs/translating.md)"
    assert not missing, f"not in resources/i18n/{language} ({hint}): {missing}"
    assert not unfinished, f"untranslated in resources/i18n/{language}: {unfinished}"
    assert not obsolete, f"no longer in the code, still in resources/i18n/{language} ({hint}): {obsolete}"


def _marked(path: Path) -> set[tuple[str, str]]:
    """Every literal the code marks for translation, as (how, source): read with Python's own parser."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name, args = _name(node.func), node.args
            at = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if (
                at is not None
                and len(args) > at
                and isinstance(args[at], ast.Constant)
                and isinstance(args[at].value, str)
            ):
                found.add((name, args[at].value))
    return found


@pytest.mark.parametrize("module", TRANSLATED)
def test_lupdate_finds_every_string_the_code_marks(module: str, extracted: dict[str, Messages]) -> None:
    """lupdate's Python reader misses some calls (translate() with an expression as n): none may be missed."""
    sources = {source for _context, source, _plural in extracted[module]}
    marked = set().union(*(_marked(path) for path in translations.source(module)))
    assert {found for found in marked if found[1] not in sources} == set()


def test_every_module_outside_the_ui_that_marks_strings_is_translated() -> None:
    """A string marked in core, formats or services is in a translated module's files (else lupdate never reads it)."""
    covered = {path for module in TRANSLATED for path in translations.source(module)}
    marking = {
        path
        for path in translations.PACKAGE.rglob("*.py")
        if UI not in path.parents and any(how == "QT_TRANSLATE_NOOP" for how, _ in _marked(path))
    }
    assert marking - covered == set(), "run: python packaging/translations.py update core/MODULE.py"


def test_a_module_outside_the_ui_is_named_from_the_package() -> None:
    assert translations.module_name("core/coders.py") == "core.coders"
    assert translations.source("core.coders") == [translations.PACKAGE / "core" / "coders.py"]
    assert translations.PACKAGE / "formats" / "jsonl.py" in translations.source("formats")
    assert translations.source("qt_coders") == [UI / "qt_coders.py"]


#: What a translation must carry over: Python's named fields, Qt's %1 and the count %n / %Ln.
PLACEHOLDER = re.compile(r"\{\w*\}|%L?\d+|%L?n")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_mnemonics(language: str) -> None:
    """Same placeholders (a plural form may leave out the count: "un seul"), and a mnemonic if the source has one."""
    wrong = []
    for ts in sorted((SOURCES / language).glob("*.ts")):
        for (context, source, plural), forms in _messages(ts).items():
            wanted = set(PLACEHOLDER.findall(source))
            for form in forms or []:
                has = set(PLACEHOLDER.findall(form))
                if has != wanted and not (plural and has == wanted - {"%n", "%Ln"}):
                    wrong.append((context, source, form))
                if source.replace("&&", "").count("&") != form.replace("&&", "").count("&"):
                    wrong.append((context, source, form))
    assert not wrong


# Qt calls whose string arguments the user reads: a literal there must come through tr/translate.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "setInformativeText",
    "addMenu", "addAction", "addRow", "addTab", "addItem", "addItems", "insertItem", "setTabText", "showMessage",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSpecialValueText",
    "setPrefix", "setSuffix", "setFormat", "information", "warning", "critical", "question", "about",
    "getText", "getItem", "getInt", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
    "QMenu", "QDockWidget", "QMessageBox", "QTreeWidgetItem", "QListWidgetItem", "QStandardItem",
}  # fmt: skip
TRANSLATORS = {"tr", "translate"}
#: Literals that stay as they are in every language.
NAMES = {"Annotator"}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_words(node: ast.expr) -> bool:
    """A literal a person reads: a string (or f-string) with a letter in it."""
    if isinstance(node, ast.JoinedStr):  # words of its own, not only placeholders
        return any(_is_words(part) for part in node.values)
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or node.value in NAMES:
        return False
    return any(c.isalpha() for c in node.value)


def _is_sentence(node: ast.expr | None) -> bool:
    """A string (or f-string) whose own text has two words in a row, tags aside: a message, not a key or markup."""
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    return re.search(r"[^\W\d_]+ [^\W\d_]+", re.sub(r"<[^>]*>", " ", text)) is not None


def _untranslated(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        # A message returned for a caller to show (``return f"the tag '{name}' was deleted"``).
        if isinstance(node, ast.Return) and _is_sentence(node.value):
            found.append(f"{path.name}:{node.lineno} return: a message returned untranslated")
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in TEXT_CALLS:
            found += [
                f"{path.name}:{a.lineno} {name}"
                for a in [*node.args, *(k.value for k in node.keywords)]
                if _is_words(a)
            ]
        if name == "translate" and len(node.args) + len(node.keywords) > 3:
            found.append(f"{path.name}:{node.lineno} translate(…, n): lupdate reads no plural there, use self.tr")
        if name in TRANSLATORS and any(isinstance(a, ast.JoinedStr) for a in node.args):
            found.append(f"{path.name}:{node.lineno} {name}(f'…'): use placeholders")  # an f-string is never found
    return found


@pytest.mark.parametrize("module", UI_MODULES)
def test_no_user_visible_literal_bypasses_translation(module: str) -> None:
    assert not _untranslated(UI / f"{module}.py")


def test_the_literal_check_catches_an_unwrapped_string(tmp_path: Path) -> None:
    code = tmp_path / "qt_x.py"
    code.write_text(
        'label.setText("Hello")\nQPushButton(self.tr("&OK"), self)\nbox.setTitle(f"{n} hits")\n'
        'self.tr(f"{n} hits")\nview.setAccessibleName(self.tr("Hits"))\nbox.addItem("—", None)\n'
        'QCoreApplication.translate("X", "%n hits", None, n)\n'
        "def why(tag):\n    return f\"the tag '{tag}' was deleted\"\n"
        'def key(n):\n    return f"position:{n}"\ndef page(n):\n    return f"<p style=\'x\'>{n}</p>"\n',
        encoding="utf-8",
    )
    assert [line.split()[0] for line in _untranslated(code)] == [
        "qt_x.py:1", "qt_x.py:3", "qt_x.py:4", "qt_x.py:7", "qt_x.py:9"
    ]  # fmt: skip


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qm")
    assert {p.name for p in translations.build(out)} >= {"annotator_de.qm", "annotator_en.qm", "annotator_fr.qm"}
    return out


@pytest.fixture
def language(qapp, qm_dir: Path):  # type: ignore[no-untyped-def]
    """Install a language for one test (English and its locale come back after it: tests/ui/conftest.py)."""
    return lambda code, folder=qm_dir: qt_i18n.install_translations(code, folder)


def _cancel_text() -> str:
    """What Qt's own Cancel button says (a qtbase translation), without its mnemonic."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")


@pytest.mark.parametrize(
    ("code", "cancel", "count"),
    [("de", "Abbrechen", "12.345"), ("fr", "Annuler", "12\u202f345"), ("en", "Cancel", "12,345")],
)
def test_a_chosen_language_translates_qt_and_formats_numbers(language, code: str, cancel: str, count: str) -> None:  # type: ignore[no-untyped-def]
    language(code)
    assert _cancel_text() == cancel
    assert qt_i18n.format_count(12345) == count


def test_without_a_qm_file_the_interface_is_english(language, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    language("de", tmp_path)
    assert _cancel_text() == "Cancel"
    assert qt_i18n.available_languages(tmp_path) == ["en"]


def test_the_language_setting_is_read_when_none_is_given(language, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(qt_i18n.config, "read_settings", lambda: {"language": "fr"})
    assert language(None).language() == QLocale.Language.French
    assert _cancel_text() == "Annuler"


@pytest.mark.parametrize(
    ("code", "retrieval", "cooccurrence", "run", "file_menu"),
    [("de", "Abgerufene Segmente", "Kookkurrenz (&C)", "Abfrage ausführen", "Datei (&F)"),
     ("fr", "Segments extraits", "&Cooccurrence", "Exécuter la requête", "&Fichier"),
     ("en", "Retrieved segments", "&Co-occurrence", "Run query", "&File")],
)  # fmt: skip
def test_a_window_made_in_a_language_speaks_it(
    language, open_window, code, retrieval, cooccurrence, run, file_menu
) -> None:  # type: ignore[no-untyped-def]
    language(code)
    window = open_window()
    assert window.menuBar().actions()[0].text() == file_menu
    assert window.retrieval.windowTitle() == retrieval
    assert window.cooccurrence.toggle_action.text() == cooccurrence
    assert window.retrieval.panel.run_action.text() == run
    label_header = window.cooccurrence.panel.model.headerData(0, Qt.Orientation.Horizontal)
    assert label_header == {"de": "Tag", "fr": "étiquette", "en": "tag"}[code]


@pytest.mark.parametrize(
    ("code", "export", "where"),
    [("de", "Exportieren …", "Datei"), ("fr", "Exporter…", "Fichier"), ("en", "Export…", "File")],
)
def test_the_shortcuts_list_says_the_actions_in_the_window_language(language, open_window, code, export, where) -> None:  # type: ignore[no-untyped-def]
    """Help › Keyboard shortcuts lists the actions as the menus say them, a mnemonic the translation added left out."""
    language(code)
    window = open_window()
    keys = QKeySequence("Ctrl+E").toString(QKeySequence.SequenceFormat.NativeText)
    assert (export, keys, where) in qt_help.window_shortcuts(window)
    dialog = qt_help.QtShortcutsDialog([], window)
    headers = [dialog.model.headerData(column, Qt.Orientation.Horizontal) for column in range(3)]
    assert (
        headers
        == {"de": ["Aktion", "Tasten", "Wo"], "fr": ["Action", "Touches", "Où"], "en": ["Action", "Keys", "Where"]}[
            code
        ]
    )


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("de", "Annotator-Benutzerhandbuch"),
        ("fr", "Guide de l’utilisateur d’Annotator"),
        ("en", "Annotator user guide"),
    ],
)
def test_the_user_guide_is_in_the_interface_language(language, open_window, code, title) -> None:  # type: ignore[no-untyped-def]
    language(code)
    dialog = qt_help.QtGuideDialog(open_window())
    assert dialog.browser.toPlainText().startswith(title)


def test_the_user_guide_is_english_where_it_is_not_translated(language, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    language("de", tmp_path)  # German asked for, but no .qm: the interface is English, so is the guide
    assert qt_help.guide_text().startswith("# Annotator user guide")
    assert qt_help.guide_text("es").startswith("# Annotator user guide")


def _guide_keys(text: str) -> set[str]:
    """The keys a guide names in backticks, read in the installed language's words (``Strg+Umschalt+V``)."""
    found = set()
    for quoted in re.findall(r"`([^`]+)`", text):
        key = QKeySequence.fromString(quoted, QKeySequence.SequenceFormat.NativeText)
        if not key.isEmpty() and key.toString(QKeySequence.SequenceFormat.NativeText) == quoted:
            found.add(key.toString(QKeySequence.SequenceFormat.PortableText))
    return found


@pytest.mark.parametrize("code", ["de", "fr"])
def test_a_translated_guide_names_the_keys_the_english_one_does(language, code: str) -> None:  # type: ignore[no-untyped-def]
    """Written as the shortcuts list says them in that language, the keys are the English guide's, none lost."""
    english = _guide_keys(qt_help.guide_text("en"))
    assert len(english) >= 30  # the reading finds the guide's keys
    language(code)
    assert _guide_keys(qt_help.guide_text(code)) == english


@pytest.mark.parametrize(("code", "default"), [("de", "Standard (12,5 pt)"), ("en", "Default (12.5 pt)")])
def test_the_settings_write_the_default_size_as_the_language_does(language, code: str, default: str) -> None:  # type: ignore[no-untyped-def]
    language(code)
    dialog = QtSettingsDialog(None, ReadingSettings(), "")
    assert dialog.size_spin.specialValueText() == default
    assert dialog.language_combo.itemText(2) == "Deutsch"  # a language keeps its own name


@pytest.mark.parametrize("code", ["de", "fr"])
def test_menu_letters_stay_unique_in_every_language(language, open_window, code: str) -> None:  # type: ignore[no-untyped-def]
    """A translation keeps the English letter or adds it as (&X), so each menu's letters stay apart (as in English:
    tests/ui/test_help_menu.py)."""
    language(code)
    bar = open_window().menuBar()
    clashes, menus = [], [bar]
    while menus:
        menu = menus.pop()
        entries = [action for action in menu.actions() if not action.isSeparator()]
        menus += [action.menu() for action in entries if action.menu() is not None]
        letters = [key for action in entries if (key := QKeySequence.mnemonic(action.text()).toString())]
        if len(letters) != len(set(letters)):
            clashes.append((menu.title() if menu is not bar else "menu bar", sorted(letters)))
    assert clashes == []


@pytest.mark.parametrize(
    ("code", "shown", "style", "json", "trimmed", "summary"),
    [("de", "Nur Ihre", "gestrichelte Unterstreichung", "Annotiertes JSON (*.json)",
      "wiederholt die Zeile in Zeile 3", "Dokumente: 0 zugeordnet, 1 neu"),
     ("fr", "Les vôtres seulement", "soulignement en tirets", "JSON annoté (*.json)",
      "répète la ligne 3", "documents : 0 appariés, 1 nouveaux"),
     ("en", "Only yours", "dashed underline", "Annotated JSON (*.json)",
      "repeats the line at line 3", "documents: 0 matched, 1 new")],
)  # fmt: skip
def test_words_made_outside_the_ui_are_shown_in_the_window_s_language(  # type: ignore[no-untyped-def]
    language, open_window, code, shown, style, json, trimmed, summary
) -> None:
    """Core, formats and services mark them (no Qt there); the window translates them as it shows them."""
    from annotator.core.boilerplate import REPEATED_LINE, Cut
    from annotator.core.coders import MINE
    from annotator.core.merging import ImportSummary
    from annotator.ui.qt_coders import coder_line
    from annotator.ui.qt_export_dialog import QtExportDialog
    from annotator.ui.qt_import_review import QtImportSummaryDialog
    from annotator.ui.qt_trim_dialog import QtTrimDialog

    language(code)
    window = open_window()
    window.coder_view.set_mode(MINE)
    assert window.coder_view.button.text() == shown
    assert style in coder_line("ann", "me", {"ann": "dash"}, 2, None)
    export = QtExportDialog(has_document=True, selected_count=0, tags=[], coders=[], parent=window)
    assert export.format_box.itemText(export.format_box.findData("json")) == json
    cut = Cut(0, 5, REPEATED_LINE, "repeat", (("line", 3),))
    assert QtTrimDialog("Page", "Menu\n\nText.\n", [cut], window).cut_list.item(0).text().startswith(trimmed)
    assert summary in QtImportSummaryDialog(ImportSummary(documents_new=1), "", window).summary_label.text()


@pytest.mark.parametrize("code", ["de", "fr"])
def test_the_export_dialog_letters_stay_unique_in_every_language(language, qtbot, code: str) -> None:  # type: ignore[no-untyped-def]
    """The dialog's own letters as translated and the options' picked around them never clash."""
    language(code)
    dialog = QtExportDialog(has_document=True, selected_count=1, tags=[("t1", "claim")], coders=[])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.scope_group.buttons()[0].text() != "&Current document"  # translated
    for fmt in writers():
        dialog.set_format(fmt.id)
        assert len(shown_mnemonics(dialog)) >= 7 + len(fmt.options) - sum(
            not dialog.option_widget(fmt.id, o.name).isVisible() for o in fmt.options
        )


def test_copied_and_exported_columns_keep_their_english_names_in_a_german_window(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Copy and Export… name a column by its header's EXPORT_ROLE: a file reads the same in every language."""
    language("de")
    disagreements = QtDisagreementsModel()
    disagreements.set_found(Disagreements(("ann", "bo"), (), (), ()))
    from annotator.core.matrices import Header, Table
    from annotator.ui.qt_table_panel import QtCountsModel

    word = QCoreApplication.translate("QtFrequenciesPanel", "word")
    counts = QtCountsModel(word, "word", heat=False)  # as Word frequencies makes it
    counts.set_table(Table((Header("rose", "rose"),), (Header("d1", "Erster Text"),), ((2,),)))
    for model, english in (
        (counts, ("word", "Erster Text")),  # a document's title is data: as it is
        (QtAgreementModel(), agreement.FIELDS),
        (disagreements, (*QtDisagreementsModel.HEADERS, "ann", "bo", "Settled")),
        (QtSegmentsModel(), QtSegmentsModel.HEADERS),
    ):
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        shown = tuple(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))
        assert shown != english  # the window speaks German
        tools = QtTableTools(view, "t", lambda: None, lambda _said: None)  # type: ignore[arg-type,return-value]
        assert tools.copy().splitlines()[0].split("\t") == list(english)  # Ctrl+C
        assert view_table(view, "t").columns == english  # Export… writes what the view shows
