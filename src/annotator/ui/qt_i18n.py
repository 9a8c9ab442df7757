"""UI: the interface's language, and numbers and dates in the user's locale.

The language is the setting ``"language"`` in settings.json (``"de"``, ``"fr"``, ``"en"``)
or, when empty or absent, the system's. Annotator's strings come from
``annotator_<language>.qm`` (built from ``resources/i18n``, see docs/translating.md) and
Qt's own (standard buttons, context menus) from the ``qtbase`` translations PySide6 ships;
Qt's are used only with Annotator's, so a language Annotator lacks is English throughout.
English has a file too, with only the plural forms ("1 hit", "5 hits" for ``%Ln hit(s)``).
No ``.qm`` file means English, never an error. The chosen locale becomes Qt's default,
so :func:`format_count` and :func:`format_date` write ``12.345`` and ``31.12.2026`` in German.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator import config

# Installed translators stay referenced here: Qt does not own them.
_installed: list[QTranslator] = []


def translations_dir() -> Path | None:
    """The folder of ``annotator_<language>.qm``: in the package when installed, ``build/i18n`` in a checkout."""
    return config.shipped("i18n") or config.shipped("build/i18n")


def available_languages(folder: Path | None = None) -> list[str]:
    """The language codes Annotator speaks: English and every built translation (``["de", "en", "fr"]``)."""
    folder = folder or translations_dir()
    found = {p.stem.removeprefix("annotator_") for p in folder.glob("annotator_*.qm")} if folder else set()
    return sorted(found | {"en"})


def language_name(code: str) -> str:
    """A language as its speakers name it (``Deutsch``, ``français``): how a language menu lists it."""
    return QLocale(code).nativeLanguageName()


def install_translations(language: str | None = None, folder: Path | None = None) -> QLocale:
    """Translate the interface into *language* (None: the setting; ``""``: the system's); the locale used.

    Replaces translators installed by an earlier call. Call it before the windows are
    built: their strings are translated once, when they are made.
    """
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication comes first"
    remove_translations()
    if language is None:
        language = config.reading_settings().language
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    folder = folder or translations_dir()
    if folder is None:
        return locale
    ours = QTranslator(app)
    translators = [ours]
    if ours.load(locale, "annotator", "_", str(folder)) and ours.language() != "en":
        qts = QTranslator(app)
        if qts.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qts)
    elif not ours.load("annotator_en", str(folder)):  # a language Annotator lacks: English throughout
        return locale
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    return locale


def interface_language() -> str:
    """The language the interface speaks: that of Annotator's installed translation (``"de"``), else ``"en"``."""
    return _installed[0].language().split("_")[0] if _installed else "en"


def remove_translations() -> None:
    """Back to English (the locale stays as it is)."""
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def format_count(n: int) -> str:
    """*n* with the locale's digit grouping (``12,345``; ``12.345`` in German)."""
    return QLocale().toString(n)


def format_number(x: float, decimals: int) -> str:
    """*x* with *decimals* decimals and the locale's decimal sign (``0.85``; ``0,85`` in German)."""
    return QLocale().toString(x, "f", decimals)


def format_date(when: dt.date | dt.datetime) -> str:
    """A date (and time) in the locale's short format (``12/31/26``; ``31.12.26`` in German)."""
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)
