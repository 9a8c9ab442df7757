"""Tests: Linux desktop integration: the shipped files validate, ``annotator install-desktop`` writes
and removes them, and the installed entry runs this Annotator and claims Annotator's file types.

The validators (``desktop-file-validate``, ``appstreamcli``, ``update-mime-database``) are run
where installed and skipped with a reason where not (``apt-get install desktop-file-utils
appstream shared-mime-info``).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import struct
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator import cli
from annotator.cli_desktop import APP_ID, ICON_SIZES, exec_argument, installed_files
from annotator.core.model import Tag
from annotator.formats.base import ExportBundle
from annotator.formats.registry import writer_by_id
from tests.conftest import REPO_ROOT

LINUX = REPO_ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
FLATPAK = REPO_ROOT / "packaging" / "flatpak" / f"{APP_ID}.json"
VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here, so the file is not validated")
    return found


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=120, check=False)


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return folder


def _install(*extra: str) -> int:
    return cli.main(["install-desktop", *extra])


def test_the_shipped_desktop_entry_validates() -> None:
    done = _run(_tool("desktop-file-validate"), DESKTOP)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr
    entry = _entry(DESKTOP)
    assert entry["Exec"] == "annotator %F"
    assert entry["Icon"] == APP_ID
    assert {"application/x-annotator+json", "application/x-refi-qda+zip"} <= set(entry["MimeType"].split(";"))


def test_the_metainfo_validates() -> None:
    done = _run(_tool("appstreamcli"), "validate", "--no-net", METAINFO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_the_entry_the_current_release_and_screenshots_that_exist() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert next(r.get("version") for r in root.iter("release")) == VERSION  # the newest comes first
    images = [i.text or "" for i in root.iter("image")]
    assert images
    for url in images:
        assert url.startswith("https://") and url.endswith(".png")
        assert (REPO_ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    provided = {m.text for m in root.iter("mediatype")}
    declared = {t.get("type") for t in ET.parse(MIME).getroot().iter(f"{MIME_NS}mime-type")}
    assert provided == declared


def test_the_mime_types_compile(tmp_path: Path) -> None:
    tool = _tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME, packages / MIME.name)
    done = _run(tool, "-V", tmp_path / "mime")
    assert done.returncode == 0 and "Error" not in done.stderr + done.stdout, done.stderr
    assert (tmp_path / "mime" / "mime.cache").is_file()


def test_the_flatpak_manifest_installs_the_same_app() -> None:
    manifest = json.loads(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "annotator"
    commands = manifest["modules"][-1]["build-commands"]
    assert "annotator install-desktop --prefix /app" in commands


@pytest.mark.parametrize(
    ("arg", "written"),
    [
        ("/usr/bin/annotator", "/usr/bin/annotator"),
        ("/home/a b/bin/annotator", '"/home/a b/bin/annotator"'),
        ('/o"dd/$x`/annotator', '"/o\\\\"dd/\\\\$x\\\\`/annotator"'),
        ("/100%/annotator", "/100%%/annotator"),
    ],
)
def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_says(arg: str, written: str) -> None:
    assert exec_argument(arg) == written


def test_install_writes_every_file_with_icons_of_each_size(share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _install() == 0
    files = installed_files(share)
    assert all(path.is_file() for path in files.values())
    assert capsys.readouterr().out.split() == [str(p) for p in files.values()]
    for size in ICON_SIZES:
        assert _png_size(files[f"png{size}"]) == (size, size)
    assert files["svg"].read_bytes() == (REPO_ROOT / "resources" / "annotator.svg").read_bytes()
    assert files["metainfo"].read_bytes() == METAINFO.read_bytes()


def test_the_installed_entry_runs_an_existing_executable(share: Path) -> None:
    assert _install() == 0
    entry = _entry(installed_files(share)["desktop"])
    command = shlex.split(entry["Exec"])
    assert command[-1] == "%F"
    assert Path(command[0]).is_absolute() and os.access(command[0], os.X_OK), command
    assert entry["TryExec"] == command[0]
    if shutil.which("desktop-file-validate"):
        done = _run("desktop-file-validate", installed_files(share)["desktop"])
        assert done.returncode == 0, done.stdout


def test_the_entry_runs_the_annotator_script_that_installed_it(
    share: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ``annotator`` in a folder with a space in its name: Exec quotes it, and it runs."""
    script = tmp_path / "my apps" / "annotator"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\nprint('ran')\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "install-desktop"])
    assert _install() == 0
    desktop = installed_files(share)["desktop"]
    exec_line = _entry(desktop)["Exec"]
    assert exec_line == f'"{script}" %F'
    assert _entry(desktop)["TryExec"] == str(script)  # a path, not an Exec argument: never quoted
    assert _run(shlex.split(exec_line)[0]).stdout == "ran\n"
    if shutil.which("desktop-file-validate"):
        assert _run("desktop-file-validate", desktop).returncode == 0


def test_prefix_installs_under_its_share_folder(tmp_path: Path, share: Path) -> None:
    assert _install("--prefix", str(tmp_path / "app")) == 0
    assert all(p.is_file() for p in installed_files(tmp_path / "app" / "share").values())
    assert not share.exists()


def test_uninstall_removes_every_file(share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _install() == 0
    capsys.readouterr()
    assert _install("--uninstall") == 0
    assert not [p for p in installed_files(share).values() if p.exists()]
    assert len(capsys.readouterr().out.split()) == len(installed_files(share))
    assert _install("--uninstall") == 0  # nothing left to remove is no error


def test_install_never_fails_without_the_cache_tools(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert _install() == 0
    assert installed_files(share)["desktop"].is_file()


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert _install("--prefix", str(blocker)) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: error: ") and len(err.splitlines()) == 1, err


DETECT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QMimeDatabase
    db = QMimeDatabase()
    print(" ".join(db.mimeTypeForFile(path).name() for path in sys.argv[1:]))
    """
)


def test_the_installed_mime_types_name_annotator_and_refi_files(share: Path, tmp_path: Path) -> None:
    """Qt reads the freedesktop MIME database, as the desktop's file manager does."""
    _tool("update-mime-database")
    assert _install() == 0
    tag = Tag(id="00000000-0000-4000-8000-000000000001", name="claim", color="#f4a261")
    bundle = ExportBundle(tags=[tag], documents=[], generator="test", exported_at=datetime.now(UTC))

    files = tmp_path / "files"
    files.mkdir()
    for name, format_id in [
        ("a.annotator.json", "json"),
        ("no-extension", "json"),
        ("p.qdpx", "qdpx"),
        ("c.qdc", "qdc"),
    ]:
        with (files / name).open("wb") as out:
            write = writer_by_id(format_id).writer
            assert write is not None
            write(bundle, out)
    env = {**os.environ, "XDG_DATA_HOME": str(share)}
    names = ["a.annotator.json", "no-extension", "p.qdpx", "c.qdc"]
    done = subprocess.run(
        [sys.executable, "-c", DETECT, *(str(files / n) for n in names)],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert done.stdout.split() == [
        "application/x-annotator+json",
        "application/x-annotator+json",
        "application/x-refi-qda+zip",
        "application/x-refi-qda-codebook+xml",
    ]


def test_install_desktop_is_a_command_even_beside_a_file_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "install-desktop").write_text("", encoding="utf-8")
    assert not cli.opens_files(["install-desktop"])
