"""Services: the coders of a library, their counts, and blind coding.

Blind coding is a setting of the library (kept in its ``app_state``, like the
reading positions), so every window and every colleague on a shared library
codes blind together: while it is on, a window shows only its user's own
annotations, and exports state it. Changing it tells the windows watching the
library (PostgreSQL: a notification, as the triggers send for other tables).
"""

from __future__ import annotations

from annotator.core.coders import BLIND_KEY, BLIND_OFF, BLIND_ON
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import reading, unit_of_work


def blind_coding(library: Library) -> bool:
    """True while the library is coded blind."""
    return library.state(BLIND_KEY) == BLIND_ON


def set_blind_coding(library: Library, on: bool) -> bool:
    """Turn blind coding on or off; True if that changed the setting."""
    value = BLIND_ON if on else BLIND_OFF
    with unit_of_work(library.engine) as s:
        if (repo.get_state(s, BLIND_KEY) or BLIND_OFF) == value:
            return False
        repo.set_state(s, BLIND_KEY, value)
        repo.announce_change(s, "app_state")
    return True


def coder_counts(library: Library, document_id: str | None = None) -> dict[str, int]:
    """How many annotations each coder has ("" for none), in one document or in the whole library."""
    with reading(library.engine) as s:
        return repo.coder_counts(s, document_id)
