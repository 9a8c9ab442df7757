"""Services: saying where a library is, in words for the person using it."""

from __future__ import annotations

from annotator.storage.engine import describe_library

__all__ = ["describe_library"]
