"""Where data lives, and the environment variables that move it.

- ``ANNOTATOR_DATABASE_URL``: the library to open (a path means SQLite; or a
  ``sqlite:///`` or ``postgresql+psycopg://`` URL). ``--database`` on the command
  line wins over it.
- ``ANNOTATOR_DATA_DIR``: the folder for the default library and its backups
  (default: platformdirs' user data dir, e.g. ``~/.local/share/annotator``).
- ``ANNOTATOR_SEEDS_DIR``: where the first-run sample texts are read from.
- ``ANNOTATOR_LOG_DIR``: the folder for the window's log and crash reports
  (default: platformdirs' user log dir, e.g. ``~/.local/state/annotator/log``).
- ``settings.json`` in the data folder: the user's settings that the window and
  the command line share: the coder name stamped on annotations (see
  :func:`coder_name`) and the window's reading settings (see :func:`reading_settings`).
- ``ANNOTATOR_BUSY_TIMEOUT_MS`` and ``ANNOTATOR_CONNECT_TIMEOUT``: how long to wait
  for another program's lock and for a database server (see
  :mod:`annotator.storage.engine`).

:func:`database_url` checks the URL it returns, so a malformed or unsupported
one is refused (:class:`LibraryError`) before anything is opened or created.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields
from importlib.resources import files
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir, user_log_dir

from annotator.core.model import coder_name as clean_coder_name
from annotator.core.themes import HIGHLIGHT_STYLES, THEMES
from annotator.storage.engine import LibraryError, check_database_url

APP_NAME = "annotator"
#: The desktop id: the name of the .desktop entry, the metainfo, the MIME file and the icons.
APP_ID = "io.github.annotator.Annotator"
#: The environment variable naming the library to open (``--database`` wins over it).
DATABASE_URL_ENV = "ANNOTATOR_DATABASE_URL"
LIBRARY_FILENAME = "library.sqlite3"


def data_dir() -> Path:
    """The folder that holds the default library."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The folder for the window's log (``annotator.log``) and crash reports (``faults.log``)."""
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    return Path(override).expanduser() if override else Path(user_log_dir(APP_NAME, appauthor=False))


def ensure_log_dir() -> Path:
    """Make the log folder (private, 0700: tracebacks may quote your texts) and return it. Raises OSError."""
    folder = log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILENAME


def ensure_data_dir() -> Path:
    """Make the default library's folder (private, 0700) if it is missing, and return it.

    Only this folder is ever made for a library; ``exist_ok`` because two programs
    may start for the first time at once.
    """
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def to_database_url(value: str) -> str:
    """A SQLAlchemy URL for *value*: URLs pass through, anything else is a SQLite file path."""
    if "://" in value:
        return value
    path = str(Path(value).expanduser().resolve())
    # make_url() would read "?" as the start of a query string and unescape "%41" to "A".
    return "sqlite:///" + path.replace("%", "%25").replace("?", "%3F")


def database_url(cli_value: str | None = None) -> tuple[str, bool]:
    """The library URL to open, and whether it is the default library.

    *cli_value* (``--database``) wins over ``ANNOTATOR_DATABASE_URL``; an empty
    *cli_value*, or a blank variable, is refused rather than read as "the default
    library", and the URL is checked (:func:`~annotator.storage.engine.check_database_url`).
    """
    if cli_value is not None and not cli_value.strip():
        raise LibraryError("--database needs a file path or a database URL, not an empty string")
    from_env = os.environ.get(DATABASE_URL_ENV)
    if cli_value is None and from_env is not None and not from_env.strip():
        # Like an empty --database: never read as "the default library" (nor as a file named "   ").
        raise LibraryError(
            f"{DATABASE_URL_ENV} is set but blank; give it a file path or a database URL, "
            "or unset it to open the default library"
        )
    chosen = cli_value or from_env
    if chosen:
        url, is_default = to_database_url(chosen), False
    else:
        url, is_default = to_database_url(str(default_library_path())), True
    check_database_url(url)
    return url, is_default


#: A source checkout run in place (``./dev run``, tests): the shipped folders sit at its top.
_CHECKOUT = Path(__file__).resolve().parents[2]


def shipped(name: str) -> Path | None:
    """A file or folder shipped with Annotator (``seeds``, ``resources/annotator.svg``), if present.

    An installed wheel carries them inside the package (the build maps the repository's
    top-level ``seeds/`` and ``resources/`` there), found with :mod:`importlib.resources`;
    a source checkout has them only at its top.
    """
    packaged = files("annotator").joinpath(name)
    if isinstance(packaged, Path) and packaged.exists():  # a zipped install would need extracting: none is made
        return packaged
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / name).exists():
        return _CHECKOUT / name
    return None


def seeds_dir() -> Path | None:
    """The folder of sample texts shipped with Annotator (or ``ANNOTATOR_SEEDS_DIR``), if it can be found."""
    override = os.environ.get("ANNOTATOR_SEEDS_DIR")
    if override and Path(override).is_dir():
        return Path(override)
    found = shipped("seeds")
    return found if found is not None and found.is_dir() else None


def resource_path(name: str) -> Path | None:
    """A file from the shipped ``resources/`` folder (icons), if present."""
    found = shipped(f"resources/{name}")
    return found if found is not None and found.is_file() else None


#: The settings file the window and the command line share (beside the default library).
SETTINGS_FILENAME = "settings.json"
SETTINGS_SCHEMA_VERSION = 1
_CODER_KEY = "coder"


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILENAME


def read_settings() -> dict[str, Any]:
    """The settings as stored; a missing, unreadable or damaged file reads as no settings."""
    try:
        loaded = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_settings(changes: dict[str, Any]) -> None:
    """Store *changes* over the settings, atomically (a reader never sees half a file). Raises OSError."""
    settings = {**read_settings(), **changes, "schema_version": SETTINGS_SCHEMA_VERSION}
    folder = ensure_data_dir()
    fd, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(settings, out, ensure_ascii=False, indent=2)
        os.replace(temporary, settings_path())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def coder_name() -> str | None:
    """The name the user codes under (stamped as ``coder`` on what they annotate).

    None: never asked (the window asks once); "": asked, and the user gave none.
    """
    value = read_settings().get(_CODER_KEY)
    return value if isinstance(value, str) else None


def save_coder_name(name: str) -> str:
    """Keep the user's coder name (NFC, white space around it dropped); returns it as kept.

    A name with a control character is refused (:class:`InvalidInput`)."""
    name = " ".join(clean_coder_name(name).split())
    write_settings({_CODER_KEY: name})
    return name


#: A language setting: a code as Qt's QLocale reads it ("de", "pt_BR"); which ones have a
#: translation is the window's to know (whatever ``resources/i18n`` holds), not this file's.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
#: The bounds of the numeric reading settings (a value outside is clamped to them).
FONT_SIZE_RANGE = (6.0, 48.0)
ZOOM_RANGE = (50, 300)
LINE_WIDTH_RANGE = (30, 200)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class ReadingSettings:
    """How the window shows text (Edit › Settings…), as kept in ``settings.json`` under these very keys.

    The one place the file's window settings are checked: every value is already clamped to its
    range (a word to its choices, :mod:`annotator.core.themes`'s for the theme and highlight style),
    so a hand-edited file never makes the window fail.
    There is no line spacing: the text pane (a QPlainTextEdit, for speed on long texts) lays
    out every line at the font's own height and ignores a block's line height.
    """

    font_family: str = ""  # "" = the default serif
    font_size: float = 0.0  # points; 0 = the default size
    zoom: int = 100  # percent of the font size
    line_width: int = 75  # average characters in the text column; 0 = the pane's whole width
    theme: str = "system"
    highlight_style: str = "fill"
    tag_patterns: bool = False  # a pattern per tag under its colour (colour is not the only cue)
    language: str = ""  # "" = the system's
    coding_stripes: bool = False  # a bar per annotation beside the text (View › Coding stripes)

    def clamped(self) -> ReadingSettings:
        """These settings with each value brought into its range (a wrong word: the default)."""
        size = 0.0 if self.font_size <= 0 else _clamp(float(self.font_size), *FONT_SIZE_RANGE)
        width = 0 if self.line_width <= 0 else int(_clamp(int(self.line_width), *LINE_WIDTH_RANGE))
        return ReadingSettings(
            font_family=self.font_family.strip(),
            font_size=size,
            zoom=int(_clamp(int(self.zoom), *ZOOM_RANGE)),
            line_width=width,
            theme=self.theme if self.theme in THEMES else THEMES[0],
            highlight_style=self.highlight_style if self.highlight_style in HIGHLIGHT_STYLES else HIGHLIGHT_STYLES[0],
            tag_patterns=bool(self.tag_patterns),
            coding_stripes=bool(self.coding_stripes),
            language=self.language if LANGUAGE_CODE.fullmatch(self.language) else "",
        )

    def as_settings(self) -> dict[str, Any]:
        """The keys and values to store (:func:`write_settings`)."""
        return asdict(self)


def reading_settings() -> ReadingSettings:
    """The reading settings as stored; a value missing or of the wrong type reads as its default."""
    stored = read_settings()
    defaults = ReadingSettings()
    values: dict[str, Any] = {}
    for field in fields(ReadingSettings):
        default = getattr(defaults, field.name)
        value = stored.get(field.name, default)
        if isinstance(default, bool):
            values[field.name] = value if isinstance(value, bool) else default
        elif isinstance(default, (int, float)):
            number = isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # not NaN
            values[field.name] = type(default)(value) if number and abs(value) < 1e6 else default
        else:
            values[field.name] = value if isinstance(value, str) else default
    return ReadingSettings(**values).clamped()
