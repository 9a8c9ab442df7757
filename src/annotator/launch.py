"""The ``annotator`` command's entry point, kept light: Ctrl-C while the libraries load (the first
second or so) ends the command as it does later, with one line and status 130, not a traceback."""

from __future__ import annotations

import sys

from annotator import INTERRUPTED


def main() -> int:
    try:
        from annotator.cli import main as run
    except KeyboardInterrupt:
        if "--debug" in sys.argv[1:]:
            raise
        print(INTERRUPTED, file=sys.stderr)
        return 130
    return run()
