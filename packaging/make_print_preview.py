"""Make README's picture of the annotated print: the first page of the sample article's PDF export.

Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_print_preview.py``. It codes
the sample article in a temporary library as two coders would (as make_view_screenshots.py does),
adds a note to two annotations, lays it out exactly as File › Export PDF… does
(:func:`annotator.ui.qt_print.printable`) and paints its first page at 110 dpi into
``resources/screenshots/print-page.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "screenshots" / "print-page.png"
DPI = 110
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 20 / 25.4  # the PDF export's margins: 20 mm


def main() -> int:
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QGuiApplication, QImage, QPainter

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt lays text out only with an application)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp
        from annotator import config
        from annotator.core.search import Query
        from annotator.services import Library, autocoding, exporting
        from annotator.services.annotating import set_note
        from annotator.services.importing import persist, read_file
        from annotator.ui.qt_print import printable

        library = Library.open(config.database_url(None)[0])
        [document] = persist(library, [read_file(ROOT / "seeds" / "kazakhstan-implosion-op-ed.txt")]).documents
        tags = {tag.name: tag.id for tag in library.tags()}
        for pattern, tag in (("Kazakhstan", "claim"), ("CSTO", "evidence"), ("may|might|seems?", "speculation")):
            plan = autocoding.plan(library, Query(pattern, regex="|" in pattern, word=True), tag_id=tags[tag],
                                   extent="sentence")  # fmt: skip
            autocoding.apply(library, plan, coder="Ana")
        annotations = sorted(library.annotations(document.id), key=lambda a: a.start)
        set_note(library, annotation_id=annotations[0].id, note="The thesis: compare with the 2019 protests.")
        set_note(library, annotation_id=annotations[2].id, note="Who says so? No source given.")
        bundle = exporting.build_bundle(library, [document.id])
        library.close()

        (_title, text) = printable(bundle)[0]
        width, height = (round(inches * DPI) for inches in A4_INCHES)
        margin = round(MARGIN_INCHES * DPI)
        body = QSizeF(width - 2 * margin, height - 2 * margin)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(DPI / 0.0254))
        image.setDotsPerMeterY(round(DPI / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text.documentLayout().setPaintDevice(image)
        text.setPageSize(body)
        painter.translate(margin, margin)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, body.width(), body.height())
        painter.setClipRect(context.clip)
        text.documentLayout().draw(painter, context)
        painter.end()
        image.save(str(TARGET))
        print(f"wrote {TARGET} (A4, page 1 of {text.pageCount()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
