"""The ``annotator install-desktop`` command: a menu entry, icons and file types for this user (Linux).

::

    annotator install-desktop [--prefix PREFIX] [--uninstall]   # prints each file written or removed

Writes, under ``$XDG_DATA_HOME`` (``~/.local/share``) or ``PREFIX/share``, the
files shipped in ``packaging/linux``: the ``.desktop`` entry (its ``Exec`` is the
``annotator`` that runs this command), the AppStream metainfo, the MIME types of
Annotator's JSON and of REFI-QDA files, and the icon as SVG and as PNGs in the
hicolor sizes, drawn from the SVG by Qt. Then it refreshes the desktop's caches
with ``update-desktop-database``, ``update-mime-database`` and
``gtk-update-icon-cache`` where they are installed (a missing one is skipped).
``--uninstall`` removes the same files. The library is never opened.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator import config
from annotator.cli_text import terminal_safe

APP_ID = config.APP_ID
#: The hicolor sizes a desktop looks for (menus, docks, app stores).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SHIPPED_FOLDER = "packaging/linux"
_CACHE_TIMEOUT = 60
#: Characters that make the desktop entry spec require an Exec argument in double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def add_install_desktop_command(subparsers: Any) -> None:
    """Add ``install-desktop`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser(
        "install-desktop", help="add Annotator to this user's application menu and file types (Linux)"
    )
    p.add_argument(
        "--prefix",
        metavar="PREFIX",
        help="install under PREFIX/share (default: $XDG_DATA_HOME, else ~/.local/share)",
    )
    p.add_argument("--uninstall", action="store_true", help="remove what install-desktop wrote")


def data_home(prefix: str | None) -> Path:
    """Where the files go: ``PREFIX/share``, else ``$XDG_DATA_HOME``, else ``~/.local/share``."""
    if prefix:
        return Path(prefix).expanduser() / "share"
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and Path(xdg).is_absolute():  # the spec says a relative value is to be ignored
        return Path(xdg)
    return Path.home() / ".local" / "share"


def shipped_file(name: str) -> Path:
    """A file of ``packaging/linux`` as shipped (in the package, or in a source checkout)."""
    found = config.shipped(f"{SHIPPED_FOLDER}/{name}")
    if found is None or not found.is_file():
        raise FileNotFoundError(f"{SHIPPED_FOLDER}/{name} is not in this installation of Annotator")
    return found


def icon_svg() -> Path:
    found = config.resource_path("annotator.svg")
    if found is None:
        raise FileNotFoundError("resources/annotator.svg is not in this installation of Annotator")
    return found


def annotator_command() -> list[str]:
    """The command that runs this Annotator: the frozen binary, the ``annotator`` script
    that is running, the one on ``PATH``, or else this Python with ``-m annotator``."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem == "annotator" and script.is_file() and os.access(script, os.X_OK):
        return [os.path.abspath(script)]  # not resolved: pipx's link survives upgrades, its target may not
    found = shutil.which("annotator")
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "annotator"]


def exec_argument(arg: str) -> str:
    """*arg* quoted for a desktop entry's ``Exec`` value (quoting, then the string escapes)."""
    if _RESERVED.intersection(arg):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        arg = f'"{escaped}"'
    return arg.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(template: str, command: Sequence[str]) -> str:
    """The shipped entry with ``Exec`` (and ``TryExec``) pointing at *command*."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))  # a path (a string value): never quoted
            line = "Exec=" + " ".join(exec_argument(a) for a in command) + " %F"
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(share: Path) -> dict[str, Path]:
    """Every file install-desktop writes under *share*, by what it is."""
    icons = share / "icons" / "hicolor"
    files = {
        "desktop": share / "applications" / f"{APP_ID}.desktop",
        "metainfo": share / "metainfo" / f"{APP_ID}.metainfo.xml",
        "mime": share / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": icons / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        files[f"png{size}"] = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return files


def install(share: Path, render_png: Callable[[Path, int, Path], None]) -> list[Path]:
    """Write every file under *share*; the PNGs are drawn with *render_png(svg, size, target)*."""
    files = installed_files(share)
    sources = {
        "desktop": shipped_file(f"{APP_ID}.desktop"),
        "metainfo": shipped_file(f"{APP_ID}.metainfo.xml"),
        "mime": shipped_file(f"{APP_ID}.mime.xml"),
        "svg": icon_svg(),
    }
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    entry = desktop_entry(sources["desktop"].read_text(encoding="utf-8"), annotator_command())
    files["desktop"].write_text(entry, encoding="utf-8")
    for key in ("metainfo", "mime", "svg"):
        shutil.copyfile(sources[key], files[key])
    for size in ICON_SIZES:
        render_png(sources["svg"], size, files[f"png{size}"])
    return list(files.values())


def uninstall(share: Path) -> list[Path]:
    """Remove what :func:`install` wrote under *share*; returns what was there."""
    removed = []
    for path in installed_files(share).values():
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def refresh_caches(share: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; returns a note for each that failed."""
    tools = [
        ["update-desktop-database", "-q", str(share / "applications")],
        ["update-mime-database", str(share / "mime")],
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(share / "icons" / "hicolor")],
    ]
    notes = []
    for tool in tools:
        if shutil.which(tool[0]) is None or not Path(tool[-1]).is_dir():
            continue
        try:
            done = subprocess.run(tool, capture_output=True, text=True, timeout=_CACHE_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            notes.append(f"{tool[0]} did not run ({exc})")
            continue
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            notes.append(f"{tool[0]} failed: {last}")
    return notes


def run_install_desktop(args: argparse.Namespace) -> int:
    """``annotator install-desktop``: exit status 0, or 1 with one line when a file cannot be written."""
    share = data_home(args.prefix)
    try:
        if args.uninstall:
            changed = uninstall(share)
        else:
            from annotator.ui.qt_icon_render import render_png

            changed = install(share, render_png)
    except OSError as exc:
        if args.debug:
            raise
        message = f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)
        print(f"annotator: error: {terminal_safe(message)}", file=sys.stderr)
        return 1
    for path in changed:
        print(terminal_safe(str(path)))
    for note in refresh_caches(share):
        print(f"annotator: note: {terminal_safe(note)}", file=sys.stderr)
    return 0
