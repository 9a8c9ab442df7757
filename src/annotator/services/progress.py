"""Services: reporting progress of long imports and exports, and cancelling them.

A long use case takes ``progress``: a callable given (done, total) after each
step that returns False to cancel. Cancelling raises :class:`Cancelled` inside
the use case, whose unit of work then rolls back, so a cancelled import leaves
no half-imported document and a cancelled export leaves no partial file.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user cancelled a long import or export; nothing was changed or written."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell *progress* how far we are; raise :class:`Cancelled` if it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled("cancelled; nothing was changed")
