"""Services: the sample article a new user sees on first run."""

from __future__ import annotations

from pathlib import Path

from annotator.services.importing import persist, read_file
from annotator.services.library import Library

SEEDED_KEY = "sample_seeded"


def seed_sample(library: Library, seeds_dir: Path | None) -> list[str]:
    """Import the seed texts once into a library that has never been seeded and is empty.

    Returns the new document ids. A library from which the user deleted the
    sample is not seeded again.
    """
    if seeds_dir is None or library.state(SEEDED_KEY) or library.documents():
        return []
    paths = sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in {".txt", ".md"})
    if not paths:
        return []
    result = persist(library, [read_file(p) for p in paths])
    library.set_state(SEEDED_KEY, "1")
    return [row.id for row in result.documents]
