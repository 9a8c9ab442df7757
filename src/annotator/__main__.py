"""Run Annotator with ``python -m annotator``."""

from __future__ import annotations

from annotator.launch import main

raise SystemExit(main())
