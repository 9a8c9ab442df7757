"""Tests (UI): a damaged window settings file (window.ini) never stops the window from opening."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage",
        b"[window]\ngeometry=@ByteArray(\\x01\\x02)\nsplitter=not bytes\n",
        b"[layout]\nlibrary_width=wide\nlibrary_folded=maybe\nside_width=-5\ncolumn=not bytes\n",
        b"[[[\n=\n",
    ],
    ids=["binary", "wrong values", "wrong layout", "malformed"],
)
def test_a_damaged_settings_file_is_ignored(qtbot, tmp_path: Path, content: bytes, data_dir: Path) -> None:
    from annotator.services import Library
    from annotator.ui.app import create_main_window

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "window.ini").write_bytes(content)
    with Library.open(f"sqlite:///{tmp_path / 'lib.sqlite3'}") as library:
        window = create_main_window(library)
        qtbot.addWidget(window)
        window.show()
        assert window.isVisible() and window.width() > 100
        window.close()
