"""Tests: the frozen build's spec (packaging/annotator.spec) bundles what the app reads at run time.

Freezing takes minutes, so ``./dev package`` builds and smoke-tests the program itself; these
tests run the spec with PyInstaller's build steps replaced by recorders, and compare what it
would bundle with what the wheel ships, so a resource added to the wheel but not the bundle fails.
"""

from __future__ import annotations

import re
import runpy
import sys
import tomllib
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from annotator.config import APP_ID
from tests.conftest import REPO_ROOT
from tests.test_wheel import wheel as wheel  # the built wheel, as that module's fixture

SPEC = REPO_ROOT / "packaging" / "annotator.spec"
SRC = REPO_ROOT / "src" / "annotator"


class _Step:
    """Stands for one of PyInstaller's build steps: records its arguments."""

    def __init__(self, calls: dict[str, _Step], step: str, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.scripts = [], []
        self.datas: list[tuple[str, str]] = list(kwargs.get("datas", []))
        self.binaries: list[tuple[str, str]] = []
        calls[step] = self


def _run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str = sys.platform) -> dict[str, Any]:
    calls: dict[str, _Step] = {}
    steps = {name: (lambda *a, _n=name, **k: _Step(calls, _n, *a, **k))
             for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}  # fmt: skip
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts src/ first
    spec_globals = {**steps, "SPECPATH": str(SPEC.parent), "workpath": str(tmp_path), "DISTPATH": str(tmp_path)}
    namespace = runpy.run_path(str(SPEC), init_globals=spec_globals)
    return {"calls": calls, **namespace}


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    return _run_spec(monkeypatch, tmp_path)


def _bundled(spec: dict[str, Any]) -> set[str]:
    """The bundle's data files, as paths inside it."""
    return {f"{Path(folder).as_posix()}/{Path(source).name}" for source, folder in spec["calls"]["Analysis"].datas}


def test_the_bundle_carries_every_data_file_the_wheel_ships(spec: dict[str, Any], wheel: Path) -> None:
    """Seeds, the icon, packaging/linux, schemas, the guide, translations: all config.shipped and importlib.resources read."""
    with zipfile.ZipFile(wheel) as archive:
        shipped = {n for n in archive.namelist() if n.startswith("annotator/") and not n.endswith(".py")}
    assert {"annotator/seeds", "annotator/resources/annotator.svg", "annotator/ui/guide.md"} <= {
        *shipped,
        *(str(Path(n).parent) for n in shipped),
    }
    assert shipped <= _bundled(spec)
    assert all(Path(source).is_file() for source, _ in spec["calls"]["Analysis"].datas)


def test_the_migrations_ship_as_files_with_what_they_import(spec: dict[str, Any]) -> None:
    """Alembic runs them from their folder by file path, so PyInstaller's analysis never sees them."""
    migrations = SRC / "storage" / "migrations"
    wanted = {f"annotator/storage/migrations/{p.relative_to(migrations).as_posix()}"
              for p in migrations.rglob("*.py") if "__pycache__" not in p.parts}  # fmt: skip
    assert "annotator/storage/migrations/versions/0001_baseline.py" in wanted
    assert wanted <= _bundled(spec)
    assert {"alembic", "sqlalchemy", "annotator.storage.tables"} <= set(
        spec["calls"]["Analysis"].kwargs["hiddenimports"]
    )


def _qt_modules_imported_by_src() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        found |= set(re.findall(r"^\s*(?:from|import) PySide6\.(\w+)", path.read_text(encoding="utf-8"), re.M))
    return found


def test_only_the_qt_modules_the_app_imports_are_bundled(spec: dict[str, Any]) -> None:
    used = _qt_modules_imported_by_src()
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg"} <= used
    excluded = set(spec["calls"]["Analysis"].kwargs["excludes"])
    assert not {f"PySide6.{m}" for m in used} & excluded
    assert {
        f"PySide6.{m}" for m in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtCharts")
    } <= excluded
    keep = spec["_keep"]
    assert all(keep((f"PySide6/Qt/lib/libQt6{m[2:]}.so.6", "/x")) for m in used)
    assert not any(keep((f"PySide6/Qt/lib/libQt6{m}.so.6", "/x")) for m in ("Qml", "Quick", "Pdf", "Network"))
    assert keep(("PySide6/Qt/lib/libQt6OpenGL.so.6", "/x"))  # Wayland's EGL plugin needs it
    assert not keep(("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/x"))


def test_the_window_and_the_command_line_are_one_program(spec: dict[str, Any]) -> None:
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"annotator": "annotator.launch:main"}
    (entry,) = spec["calls"]["Analysis"].args[0]
    assert Path(entry) == SRC / "__main__.py"
    assert "from annotator.launch import main" in Path(entry).read_text(encoding="utf-8")  # the script's own
    assert spec["calls"]["EXE"].kwargs["name"] == "annotator"
    assert spec["calls"]["EXE"].kwargs["console"]  # Linux: a terminal program that opens a window
    assert "BUNDLE" not in spec["calls"]


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_windows_and_macos_get_a_windowed_app_with_its_icon(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str
) -> None:
    drawn: list[tuple[Path, int, Path]] = []
    qt = SimpleNamespace(QGuiApplication=SimpleNamespace(instance=lambda: object()))  # no Qt in this half of the suite
    monkeypatch.setitem(sys.modules, "PySide6", SimpleNamespace(QtGui=qt))
    monkeypatch.setitem(sys.modules, "PySide6.QtGui", qt)
    render = SimpleNamespace(render_png=lambda svg, size, target: drawn.append((svg, size, target)))
    monkeypatch.setitem(sys.modules, "annotator.ui.qt_icon_render", render)
    spec = _run_spec(monkeypatch, tmp_path, platform)
    [(svg, size, target)] = drawn
    assert svg == REPO_ROOT / "resources" / "annotator.svg" and size >= 256
    exe = spec["calls"]["EXE"].kwargs
    assert (exe["console"], exe["icon"]) == (False, str(target))
    if platform == "darwin":
        bundle = spec["calls"]["BUNDLE"].kwargs
        assert (bundle["bundle_identifier"], bundle["icon"]) == (APP_ID, str(target))
        assert (
            bundle["version"]
            == tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        )
    else:
        assert "BUNDLE" not in spec["calls"]
