"""Tests (UI): the PySide6 build we pin does not leak references to None.

PySide6 6.12.0 on Python 3.11 decrements None's refcount on every void method
call and aborts the interpreter after a few thousand calls (none_dealloc).
Short tests pass on it; this one makes enough calls to notice.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_calls_do_not_drain_none_refcount(qapp) -> None:
    document = QTextDocument("x" * 1000)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor.setPosition(i % 1000)
    after = sys.getrefcount(None)
    # Other threads may take or drop a few references; a leak per call would be ~20,000.
    assert after >= before - 100, f"None's refcount fell by {before - after} over 20,000 setPosition calls"
