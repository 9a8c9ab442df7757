"""Services: the use cases, shared by the GUI and the CLI.

Each use case is a function that takes the open :class:`Library` and keyword
arguments, does its work in one unit of work, and returns a :class:`Changes`
value saying what changed, from which each screen decides what to redraw.
"""

from annotator.services.changes import Changes
from annotator.services.library import Library

__all__ = ["Changes", "Library"]
