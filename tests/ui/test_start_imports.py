"""UI: what the window's start leaves unimported. Each library here costs a start time whether or
not it is used, so one needed only by a rarely used feature is imported where that feature is."""

from __future__ import annotations

import subprocess
import sys

#: Alembic (with Mako and Pygments): only to migrate a library, see annotator.storage.migrate.
#: lxml: only to read or write XML formats (REFI-QDA, Word, EPUB).
NOT_AT_START = ("alembic", "mako", "pygments", "lxml")


def test_the_window_module_imports_no_library_it_needs_only_later() -> None:
    code = (
        "import sys\n"
        "import annotator.ui.app\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({NOT_AT_START!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
