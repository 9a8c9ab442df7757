"""Where data lives, and the environment variables that move it.

- ``ANNOTATOR_DATABASE_URL``: the library to open (a path means SQLite; any
  SQLAlchemy URL works). ``--database`` on the command line wins over it.
- ``ANNOTATOR_DATA_DIR``: the folder for the default library and its backups
  (default: platformdirs' user data dir, e.g. ``~/.local/share/annotator``).
- ``ANNOTATOR_SEEDS_DIR``: where the first-run sample texts are read from.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "annotator"
LIBRARY_FILENAME = "library.sqlite3"


def data_dir() -> Path:
    """The folder that holds the default library."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILENAME


def to_database_url(value: str) -> str:
    """A SQLAlchemy URL for *value*: URLs pass through, anything else is a SQLite file path."""
    if "://" in value:
        return value
    path = str(Path(value).expanduser().resolve())
    # make_url() would read "?" as the start of a query string and unescape "%41" to "A".
    return "sqlite:///" + path.replace("%", "%25").replace("?", "%3F")


def database_url(cli_value: str | None = None) -> tuple[str, bool]:
    """The library URL to open, and whether it is the default library."""
    chosen = cli_value or os.environ.get("ANNOTATOR_DATABASE_URL")
    if chosen:
        return to_database_url(chosen), False
    return to_database_url(str(default_library_path())), True


def seeds_dir() -> Path | None:
    """The folder of sample texts shipped with Annotator, if it can be found."""
    override = os.environ.get("ANNOTATOR_SEEDS_DIR")
    candidates = [Path(override)] if override else []
    here = Path(__file__).resolve()
    candidates += [here.parent / "seeds", here.parents[2] / "seeds"]  # installed package / source tree
    return next((c for c in candidates if c.is_dir()), None)


def resource_path(name: str) -> Path | None:
    """A file from the shipped ``resources/`` folder (icons), if present."""
    here = Path(__file__).resolve()
    for folder in (here.parent / "resources", here.parents[2] / "resources"):
        if (folder / name).is_file():
            return folder / name
    return None
