"""The ``annotator coders`` and ``annotator blind`` commands: who coded, and blind coding.

::

    annotator coders [--doc ID]          # coder<TAB>annotations, "(no name)" for none
    annotator blind [on|off|status]      # status (the default) prints "on" or "off"

Blind coding is a setting of the library: while it is on, every window on the
library shows only its user's own annotations, and exports say so. A window
open on the library picks a change up at its next poll.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from annotator.cli_text import tsv_line
from annotator.core.coders import coder_label
from annotator.services import coders
from annotator.services.library import Library

Opener = Callable[[], Library]


def add_coders_commands(subparsers: Any) -> None:
    """Add ``coders`` and ``blind`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser("coders", help="list the coders and how many annotations each has")
    p.add_argument("--doc", dest="document_id", metavar="ID", help="count in this document only")
    p = subparsers.add_parser(
        "blind",
        help="blind coding: on, off, or status (default)",
        description="While blind coding is on, each window on this library shows only its user's own "
        "annotations, and exports state that the library is coded blind.",
    )
    p.add_argument("state", nargs="?", choices=("on", "off", "status"), default="status")


def cmd_coders(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator coders``."""
    opened = library()
    if args.document_id is not None:
        opened.document(args.document_id)  # an unknown id: NotFound, one line
    counts = coders.coder_counts(opened, args.document_id)
    for coder in sorted(counts, key=lambda c: (c.casefold(), c)):
        print(tsv_line([coder_label(coder), str(counts[coder])]))


def cmd_blind(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator blind``."""
    opened = library()
    if args.state != "status":
        coders.set_blind_coding(opened, args.state == "on")
    print("on" if coders.blind_coding(opened) else "off")
