"""Run Annotator with ``python -m annotator``."""

from __future__ import annotations

from annotator.cli import main

raise SystemExit(main())
