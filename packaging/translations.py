"""Annotator's translations: extract strings into the ``.ts`` files, and build the ``.qm`` files.

The sources are ``resources/i18n/<language>/<module>.ts``: one file per UI module per
language, so people translating different modules never edit the same file. A module is a UI
module (``qt_agreement``), or, for the few strings made outside ``ui/`` that the window shows
(marked with :func:`annotator.core.i18n.QT_TRANSLATE_NOOP`), a module or package named from
``annotator`` (``core.coders``, ``formats``: every module in it). English is the
source language: its files hold only the plural forms (``%Ln hit(s)`` as "1 hit", "5 hits"). ``build``
merges each language's files into one ``annotator_<language>.qm`` with Qt's ``lrelease``;
``update`` refreshes ``.ts`` files from the code with ``lupdate``. Both tools come with
PySide6 (a dependency), found without importing it, so this runs with the standard
library alone: from ``./dev``, the wheel's build hook (``hatch_build.py``) and a frozen
build, which can call :func:`build` and ship the folder as ``annotator/i18n``.

    python packaging/translations.py build OUT_DIR      # only when a .ts is newer than its .qm
    python packaging/translations.py update [MODULE...]  # e.g. qt_agreement, core/coders.py (new: starts its .ts files)
    python packaging/translations.py add LANGUAGE         # start a language: every module's .ts
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "resources" / "i18n"
PACKAGE = REPO / "src" / "annotator"
UI = PACKAGE / "ui"
#: The language the code is written in: translated only where a count needs plural forms.
SOURCE_LANGUAGE = "en"


def qt_tool(name: str) -> Path:
    """PySide6's copy of a Qt tool (``lrelease``, ``lupdate``), or one on PATH. Raises FileNotFoundError."""
    exe = name + (".exe" if os.name == "nt" else "")
    # PySide6's folder on the path, found without importing Qt (nor asking the import system,
    # which a run that keeps Qt out of the process refuses).
    for entry in sys.path:
        if (Path(entry or ".") / "PySide6" / exe).is_file():
            return Path(entry or ".") / "PySide6" / exe
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"Qt's {name} was not found: install PySide6")
    return Path(found)


def languages(sources: Path = SOURCES) -> list[str]:
    """The languages with translations: the folders under ``resources/i18n``."""
    return sorted(p.name for p in sources.iterdir() if p.is_dir()) if sources.is_dir() else []


def module_name(name: str) -> str:
    """The translation module a command line names: ``core/coders.py`` is ``core.coders``."""
    return name.removesuffix(".py").replace("/", ".").replace("\\", ".")


def source(module: str) -> list[Path]:
    """The code of a translation module: a UI module (``qt_agreement``), or a module or package
    of ``annotator`` named with dots (``core.coders``, ``formats``: its modules)."""
    if "." not in module and (UI / f"{module}.py").is_file():
        return [UI / f"{module}.py"]
    path = PACKAGE.joinpath(*module.split("."))
    return sorted(path.glob("*.py")) if path.is_dir() else [path.with_suffix(".py")]


def build(out_dir: Path, sources: Path = SOURCES) -> list[Path]:
    """``out_dir/annotator_<language>.qm`` for every language, rebuilt only where a ``.ts`` is newer."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for language in languages(sources):
        inputs = sorted((sources / language).glob("*.ts"))
        qm = out_dir / f"annotator_{language}.qm"
        if not inputs:
            continue
        if not qm.is_file() or qm.stat().st_mtime < max(p.stat().st_mtime for p in inputs):
            subprocess.run([qt_tool("lrelease"), "-silent", *inputs, "-qm", qm], check=True)
        built.append(qm)
    return built


def update(modules: list[str], sources: Path = SOURCES) -> None:
    """Refresh (or start) the ``.ts`` files of *modules* in every language from the code; none: all translated ones.

    No line numbers are written (``-locations none``): moving code does not change a
    ``.ts`` file, so translations merge cleanly. Strings gone from the code are dropped.
    """
    names = [module_name(m) for m in modules] or sorted({p.stem for p in sources.glob("*/*.ts")})
    for language in languages(sources):
        for module in names:
            ts = sources / language / f"{module}.ts"
            plural_only = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
            subprocess.run(
                [qt_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *plural_only,
                 "-target-language", language, *source(module), "-ts", ts],
                check=True,
            )  # fmt: skip


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"] and len(argv) == 2:
        for qm in build(Path(argv[1])):
            print(qm)
        return 0
    if argv[:1] == ["update"]:
        update(argv[1:])
        return 0
    if argv[:1] == ["add"] and len(argv) == 2:
        (SOURCES / argv[1]).mkdir(parents=True, exist_ok=True)
        update([])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
