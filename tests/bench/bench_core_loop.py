"""Benchmark: the core loop on a big document. Run with ``./dev bench`` (not part of the tests).

Generates a ~3 MB text (with NBSPs and emoji, so offsets need real mapping) and
10,000 annotations in a temporary library, then measures, in a real main
window (offscreen unless QT_QPA_PLATFORM says otherwise):

- import: bulk-inserting the document and its 10,000 annotations
- open: opening the document until its first paint
- add: one annotation, from key press to repaint and commit (median of 50)
- scroll: jumping to the end and painting
- export: writing the document as annotated JSON
- peak RSS of the process

and prints a table with the goals. Numbers vary by machine; the goals are for
the 2-core machines this project is built on.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TEXT_SIZE = 3_000_000
ANNOTATIONS = 10_000
ADDS = 50


def make_text(seed: int = 7) -> str:
    rng = random.Random(seed)
    words = ["claim", "evidence", "speculation", "reading", "archive", "source", "witness", "report", "minister", "council", "border", "treaty", "election", "protest", "market", "uranium", "pipeline", "reform", "garrison"]  # fmt: skip
    extras = ["\u00a0", " 👍 ", " café ", " “quoted” ", " 🇫🇷 "]
    parts, size = [], 0
    while size < TEXT_SIZE:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
        if rng.random() < 0.2:
            sentence += rng.choice(extras)
        paragraph = sentence.capitalize() + ". " + ("\n\n" if rng.random() < 0.15 else "")
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)[:TEXT_SIZE]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    from annotator.core.text import title_from_text
    from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument
    from annotator.services import Library, exporting, importing
    from annotator.ui.qt_main_window import QtMainWindow
    from annotator.ui.qt_session import QtLibrarySession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp
        text = make_text()
        rng = random.Random(11)
        annotations = []
        for _ in range(ANNOTATIONS):
            start = rng.randrange(0, len(text) - 300)
            end = start + rng.randint(5, 250)
            annotations.append(
                ImportedAnnotation(tag=rng.choice(["claim", "evidence", "speculation"]), start=start, end=end)
            )
        library = Library.open(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        t0 = time.perf_counter()
        result = importing.persist(
            library, [ImportBundle([ImportedDocument(title_from_text(text), text, {}, annotations)])]
        )
        t_import = time.perf_counter() - t0
        doc_id = result.documents[0].id

        window = QtMainWindow(QtLibrarySession(library))
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        app.processEvents()

        pane = window.pane
        t0 = time.perf_counter()
        window.open_document(doc_id)
        pane.viewport().repaint()
        t_open = time.perf_counter() - t0

        pane.setFocus()
        window.session.tags[0]
        adds = []
        for i in range(ADDS):
            start = 1000 + i * 997
            pane.select_span(start, start + 40)
            app.processEvents()
            t0 = time.perf_counter()
            QTest.keyClick(pane, Qt.Key.Key_1)
            pane.viewport().repaint()
            adds.append(time.perf_counter() - t0)
        saved = len(library.annotations(doc_id))
        assert saved == ANNOTATIONS + ADDS, f"expected {ANNOTATIONS + ADDS} saved annotations, found {saved}"

        bar = pane.verticalScrollBar()
        t0 = time.perf_counter()
        bar.setValue(bar.maximum())
        pane.viewport().repaint()
        t_scroll = time.perf_counter() - t0

        out = Path(tmp) / "export.json"
        t0 = time.perf_counter()
        exporting.export_to_path(library, out, document_ids=[doc_id])
        t_export = time.perf_counter() - t0
        export_mb = out.stat().st_size / 1e6

        window.close()
        library.close()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("import 3 MB + 10,000 annotations", ms(t_import), ""),
        ("open document to first paint", ms(t_open), "< 150 ms"),
        (f"add one annotation (median of {ADDS})", ms(statistics.median(adds)), "< 16 ms"),
        ("  add, slowest", ms(max(adds)), ""),
        ("scroll to end and paint", ms(t_scroll), ""),
        (f"export JSON ({export_mb:.1f} MB)", ms(t_export), "< 200 ms"),
        ("peak RSS", f"{rss_mb:8.0f} MB", ""),
    ]
    print(f"Annotator benchmark: {len(text):,} characters, {ANNOTATIONS:,} annotations, "
          f"Qt platform {QApplication.platformName()}")  # fmt: skip
    print(f"{'measure':<40} {'result':>12}  goal")
    print("-" * 64)
    for name, value, goal in rows:
        print(f"{name:<40} {value:>12}  {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
