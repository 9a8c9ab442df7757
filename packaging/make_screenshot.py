"""Make README's screenshots: the main window on the sample article, with a few annotations.

Run under a real X server (e.g. ``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python
packaging/make_screenshot.py``) or with ``QT_QPA_PLATFORM=offscreen``; it works in a temporary
library and writes ``resources/screenshots/main-window.png``. With ``--themes`` it writes
``resources/screenshots/theme-<name>.png`` instead, the window at 1200×750 in each explicit
theme (View › Theme), compressed as hard as Qt's PNG writer goes (a 256-colour palette would shift the
themes' colours).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "resources" / "screenshots"


def main() -> int:
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    themes_too = "--themes" in sys.argv[1:]
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp
        from annotator import config
        from annotator.core import themes
        from annotator.services import Library
        from annotator.services.sample import seed_sample
        from annotator.ui.app import create_main_window
        from annotator.ui.qt_themes import apply_theme

        config.save_coder_name("")  # asked once, at the first annotation: answered, so no dialog waits
        library = Library.open(config.database_url(None)[0])
        seed_sample(library, ROOT / "seeds")
        window = create_main_window(library)
        window.resize(1200, 750) if themes_too else window.resize(1360, 820)
        window.show()
        QTest.qWaitForWindowExposed(window)
        text = window.pane.text
        claim, evidence, speculation = window.session.tags[:3]
        marks = [
            (claim, "Kazakhstan imploded"),
            (evidence, "huge reserves of oil, uranium, and other minerals"),
            (speculation, "seemed to be an island of stability"),
            (claim, "President Nursultan Nazarbayev had ruled the country since its independence"),
            (evidence, "Nazarbayev had ruled the country"),
            (speculation, "seemed to be an excellent choice for Nazarbayev"),
        ]
        for tag, quote in marks:
            start = text.index(quote)
            window.session.tag_span(tag.id, start, start + len(quote))
        first = window.annotations_model.annotation(0).id
        window.session.set_note(first, "The thesis, stated early")
        window.select_annotation(first)
        window.pane.clear_selection()
        window.pane.verticalScrollBar().setValue(0)
        QTest.qWait(300)
        if themes_too:
            for name in themes.PALETTES:  # the system theme is the desktop's own: main-window.png
                apply_theme(name)
                QTest.qWait(300)  # the new palette reaches the widgets as posted events
                target = SCREENSHOTS / f"theme-{name}.png"
                image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
                image.save(str(target), "PNG", 0)  # 0: the smallest file (zlib's strongest compression)
                print(f"wrote {target}")
        else:
            target = SCREENSHOTS / "main-window.png"
            window.grab().save(str(target))
            print(f"wrote {target}")
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
