"""Annotator: a desktop close-reading app.

Read a text, select spans, tag them (claim, evidence, speculation by default),
and export the annotated documents. The package is layered: ``core`` (plain
Python domain), ``storage`` (SQLModel tables, engine, migrations), ``formats``
(importers and exporters), ``services`` (use cases shared by GUI and CLI) and
``ui`` (the only package that imports Qt).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("annotator")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

#: What the ``annotator`` command prints when Ctrl-C stops it (status 130), whether while it
#: loads (:mod:`annotator.launch`) or while it works (:mod:`annotator.cli`).
INTERRUPTED = "annotator: interrupted"
