"""Make README's screenshots of the working views: find, Search the library, Auto-code, Retrieved
segments, the two matrices, word frequencies, and the Outline with the coding stripes and mini-map.

Run under a real X server (e.g. ``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python
packaging/make_view_screenshots.py``). It works in a temporary library holding the sample article
cut at its blank lines into four parts (so there is a library to search across), codes it with
Auto-code as two coders would, and writes ``resources/screenshots/view-*.png`` (with ``--study``,
only ``view-outline-stripes.png``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "screenshots"

#: (pattern, tag, extent, coder): what the two coders auto-coded.
CODING = [
    ("Kazakhstan", "claim", "sentence", "Ana"),
    ("Russia", "evidence", "sentence", "Ana"),
    ("CSTO", "evidence", "sentence", "Ben"),
    ("may|might|could|seems?|seemed", "speculation", "sentence", "Ben"),
    ("Tokayev", "claim", "sentence", "Ben"),
]


def _parts(text: str, folder: Path) -> list[Path]:
    """The article cut into four files at blank lines, about the same length each."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    size = sum(map(len, paragraphs)) // 4 + 1
    parts: list[list[str]] = [[]]
    for paragraph in paragraphs:
        if sum(map(len, parts[-1])) > size and len(parts) < 4:
            parts.append([])
        parts[-1].append(paragraph)
    paths = []
    for number, part in enumerate(parts, start=1):
        path = folder / f"kazakhstan-part-{number}.txt"
        path.write_text("\n\n".join(part) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp
        from annotator import config
        from annotator.core.search import Query
        from annotator.services import Library, autocoding
        from annotator.services.importing import persist, read_file
        from annotator.ui.app import create_main_window

        library = Library.open(config.database_url(None)[0])
        sample = (ROOT / "seeds" / "kazakhstan-implosion-op-ed.txt").read_text(encoding="utf-8")
        persist(library, [read_file(p) for p in _parts(sample, Path(tmp))])
        tags = {tag.name: tag.id for tag in library.tags()}
        for pattern, tag, extent, coder in CODING:
            plan = autocoding.plan(library, Query(pattern, regex="|" in pattern, word=True), tag_id=tags[tag],
                                   extent=extent)  # fmt: skip
            autocoding.apply(library, plan, coder=coder)

        window = create_main_window(library)
        window.resize(1360, 900)
        window.show()
        QTest.qWaitForWindowExposed(window)

        def settle(condition: Callable[[], bool] = lambda: True) -> None:
            for _ in range(200):
                app.processEvents()
                if condition():
                    break
                QTest.qWait(50)
            QTest.qWait(300)

        def save(name: str, widget: QWidget | None = None) -> None:
            path = TARGET / f"view-{name}.png"
            (widget or window).grab().save(str(path))
            print(f"wrote {path}")

        first = window.documents_model.document_id(0)
        window.open_document(first)
        window.activateWindow()  # without a window manager, keys go nowhere until it is active
        if "--study" in sys.argv:  # only the Outline, the coding stripes and the mini-map
            window.resize(1700, 900)  # room for the Outline beside the side panels
            window.outline.toggle_action.trigger()
            window.stripes.toggle_action.trigger()
            settle()
            save("outline-stripes")
            window.stripes.toggle_action.trigger()  # the setting goes back as it was
            window.close()
            library.close()
            return 0
        window.find_action.trigger()
        QTest.keyClicks(window.find_bar.edit, "Kazakh")
        settle()
        save("find")
        window.find_bar.hide()

        window.search_library_action.trigger()
        QTest.keyClicks(window.library_search.edit, "Nazarbayev")
        QTest.keyClick(window.library_search.edit, Qt.Key.Key_Return)
        settle(lambda: not window.library_search.running())
        save("search")

        dialog = window.autocoder.code_query(Query("Nazarbayev", word=True))
        if dialog is not None:
            dialog.resize(900, 520)
            settle(lambda: dialog.preview_list.topLevelItemCount() > 0)
            save("autocode", dialog)
            dialog.reject()

        window.retrieval.toggle_action.trigger()
        window.retrieval.panel.query_edit.setText("claim & evidence")
        window.retrieval.panel.run_query()
        settle(lambda: not window.retrieval.panel.running)
        save("retrieve")

        for name, dock in (("cooccurrence", window.cooccurrence), ("documents-tags", window.document_matrix),
                           ("frequencies", window.frequencies)):  # fmt: skip
            dock.toggle_action.trigger()
            settle(lambda dock=dock: not dock.panel.running)
            if name == "frequencies":
                window.frequencies.panel.language_box.setCurrentIndex(
                    window.frequencies.panel.language_box.findData("en")
                )
                settle(lambda: not window.frequencies.panel.running)
            view = dock.panel.view
            cell = view.model().index(0, 1 if name != "frequencies" else 0)
            view.setCurrentIndex(cell)
            view.activated.emit(cell)  # Enter: the cell's segments, or the word in context
            settle(lambda dock=dock: not dock.panel.running)
            save(name)
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
