"""Tests: the built wheel ships everything the app reads at run time, and an install of it alone works.

The wheel is built with the backend the test environment already has (no build isolation,
so nothing is fetched). The slow test installs it into a fresh virtual environment whose
dependencies come from this one (a ``.pth`` line, so nothing is downloaded), then runs the
``annotator`` command there, away from the repository, on an empty user data folder.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR

PACKAGE = REPO_ROOT / "src" / "annotator"
VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            out,
            REPO_ROOT,
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("annotator-*.whl")
    yield built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_sample_texts_and_the_icon(wheel: Path) -> None:
    names = _names(wheel)
    seeds = [p.name for p in SEEDS_DIR.iterdir() if p.is_file()]
    assert seeds
    assert {f"annotator/seeds/{name}" for name in seeds} <= names
    assert "annotator/resources/annotator.svg" in names
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read(f"annotator/seeds/{seeds[0]}") == (SEEDS_DIR / seeds[0]).read_bytes()


def test_the_wheel_carries_the_desktop_files(wheel: Path) -> None:
    """What ``annotator install-desktop`` writes, from packaging/linux."""
    shipped = [p for p in (REPO_ROOT / "packaging" / "linux").iterdir() if p.is_file()]
    assert len(shipped) == 3
    assert {f"annotator/packaging/linux/{p.name}" for p in shipped} <= _names(wheel)


def test_the_wheel_carries_the_translations(wheel: Path) -> None:
    """One .qm per language of resources/i18n, built by lrelease (hatch_build.py); not the .ts sources."""
    languages = sorted(p.name for p in (REPO_ROOT / "resources" / "i18n").iterdir() if p.is_dir())
    assert {"de", "fr"} <= set(languages)
    names = _names(wheel)
    assert {n for n in names if n.startswith("annotator/i18n/")} == {
        f"annotator/i18n/annotator_{x}.qm" for x in languages
    }
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("annotator/i18n/annotator_de.qm").startswith(bytes.fromhex("3cb86418caef9c95"))  # a .qm
    assert not [n for n in names if n.endswith(".ts")]


def test_the_wheel_carries_every_file_of_the_package(wheel: Path) -> None:
    """Schemas, migrations and their template, and any data file added later: all of src/annotator."""
    names = _names(wheel)
    in_tree = {
        "annotator/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert "annotator/formats/schemas/annotator-export-v2.schema.json" in in_tree
    assert "annotator/storage/migrations/script.py.mako" in in_tree
    assert "annotator/ui/guide.md" in in_tree  # Help › User guide
    assert in_tree <= names
    migrations = {n for n in names if n.startswith("annotator/storage/migrations/versions/") and n.endswith(".py")}
    assert len(migrations) == len(list((PACKAGE / "storage" / "migrations" / "versions").glob("*.py")))


def test_the_wheel_carries_nothing_else(wheel: Path) -> None:
    names = _names(wheel)
    dist_info = f"annotator-{VERSION}.dist-info/"
    assert all(n.startswith(("annotator/", dist_info)) for n in names), sorted(names)
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".sqlite3", ".db"))]
    assert not [n for n in names if "screenshots" in n]  # README's pictures, not the app's
    with zipfile.ZipFile(wheel) as archive:
        entry_points = archive.read(dist_info + "entry_points.txt").decode()
    assert "annotator = annotator.launch:main" in entry_points


def _fresh_environment(tmp_path: Path, wheel: Path) -> Path:
    """A virtual environment holding only the wheel; its dependencies are this environment's."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Appended after the fresh site-packages, so the installed annotator is the one imported
    # (the .pth files of the folders added here, like an editable install's, are not read).
    Path(purelib, "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return venv


def _user_environment(home: Path) -> dict[str, str]:
    """A new user's environment: an empty home, no repository on the path, no Annotator variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANNOTATOR_", "PYTHON", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env.update(XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the user data folder is set through XDG variables")
def test_an_install_of_the_wheel_alone_seeds_the_sample_on_first_run(
    wheel: Path, tmp_path: Path, seed_text: str
) -> None:
    venv = _fresh_environment(tmp_path, wheel)
    home = tmp_path / "home"
    home.mkdir()
    env = _user_environment(home)

    def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*argv], cwd=home, env=env, capture_output=True, text=True, timeout=120)

    where = run(
        venv / "bin" / "python",
        "-c",
        "import annotator; from annotator import config; "
        "print(annotator.__file__); print(config.seeds_dir()); print(config.resource_path('annotator.svg'))",
    )
    assert where.returncode == 0, where.stderr
    module, seeds, icon = where.stdout.splitlines()
    assert all(Path(p).is_relative_to(venv) for p in (module, seeds, icon)), where.stdout
    drawn = run(
        venv / "bin" / "python",
        "-c",
        "from PySide6.QtGui import QIcon; from PySide6.QtWidgets import QApplication; from annotator import config; "
        "app = QApplication([]); print(QIcon(str(config.resource_path('annotator.svg'))).pixmap(32, 32).isNull())",
    )
    assert (drawn.returncode, drawn.stdout.strip()) == (0, "False"), drawn.stderr
    spoken = run(
        venv / "bin" / "python",
        "-c",
        "from annotator.ui import qt_i18n; print(qt_i18n.translations_dir()); print(qt_i18n.available_languages())",
    )
    folder, languages = spoken.stdout.splitlines()
    assert Path(folder).is_relative_to(venv) and "'de'" in languages and "'fr'" in languages, spoken.stderr

    version = run(venv / "bin" / "annotator", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"annotator {VERSION}")

    seeded = run(  # as the window does on its first run (the command line never seeds)
        venv / "bin" / "python",
        "-c",
        "from annotator import config; from annotator.services import Library; "
        "from annotator.services.sample import seed_sample; config.ensure_data_dir(); "
        "library = Library.open(config.database_url(None)[0]); seed_sample(library, config.seeds_dir()); "
        "print(*[d.title for d in library.documents()], sep='\\n'); library.close()",
    )
    assert seeded.returncode == 0, seeded.stderr
    assert seeded.stdout.splitlines() == [seed_text.split("\n", 1)[0].strip()]
    assert (home / "data" / "annotator" / "library.sqlite3").is_file()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="desktop integration is for Linux desktops")
def test_an_install_of_the_wheel_alone_installs_its_desktop_entry(wheel: Path, tmp_path: Path) -> None:
    venv = _fresh_environment(tmp_path, wheel)
    home = tmp_path / "home"
    home.mkdir()
    annotator = venv / "bin" / "annotator"
    done = subprocess.run(
        [annotator, "install-desktop"], cwd=home, env=_user_environment(home),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    share = home / "data"
    entry = (share / "applications" / "io.github.annotator.Annotator.desktop").read_text(encoding="utf-8")
    assert f"\nExec={annotator} %F\n" in entry
    assert (share / "icons" / "hicolor" / "512x512" / "apps" / "io.github.annotator.Annotator.png").is_file()
