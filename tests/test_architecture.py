"""Tests: the layering that pyproject.toml's import-linter contracts describe.

Only ``annotator.ui`` may import Qt; ``core`` knows no SQL; the layers only
import downwards. Besides the static check, a fresh interpreter imports every
non-GUI package and must end up without PySide6 loaded, so the CLI and the
non-GUI tests run where Qt is not installed.
"""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    assert lint_imports.exists(), f"import-linter is not installed next to {sys.executable}"
    done = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    contracts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    assert re.search(rf"Contracts: {len(contracts)} kept, 0 broken", report), report
    for contract in contracts:
        assert f"{contract['name']} KEPT" in report, report


def non_gui_modules() -> list[str]:
    """Every module of the package outside ``annotator.ui``, found by walking it (not listed by hand).

    Migrations are left out: Alembic loads them, and their ``env.py`` only runs inside
    Alembic; so is ``__main__``, which runs the program.
    """
    import annotator

    found = [
        info.name
        for info in pkgutil.walk_packages(annotator.__path__, "annotator.")
        if not info.name.startswith(("annotator.ui", "annotator.storage.migrations"))
        and not info.name.endswith(".__main__")
    ]
    return ["annotator", *sorted(found)]


def test_the_module_walk_finds_every_layer() -> None:
    modules = non_gui_modules()
    for layer in ("core", "storage", "formats", "services"):
        assert any(m.startswith(f"annotator.{layer}.") for m in modules), layer
    assert "annotator.cli" in modules and not any(m.startswith("annotator.ui") for m in modules)


def test_non_gui_packages_do_not_load_qt() -> None:
    modules = non_gui_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_no_import_cycles() -> None:
    """No module imports itself through others; imports under TYPE_CHECKING count too, as they
    are the same knot in the design (``qt_commands`` and ``qt_session`` once were one)."""
    import grimp

    graph = grimp.build_graph("annotator", cache_dir=None)
    cycles = sorted(
        {
            tuple(sorted((importer, imported)))
            for importer in graph.modules
            for imported in graph.find_modules_directly_imported_by(importer)
            if graph.chain_exists(importer=imported, imported=importer)
        }
    )
    assert cycles == [], f"modules that import each other (directly or through others): {cycles}"
