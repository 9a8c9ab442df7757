"""Hatchling build hook: the wheel ships the translations, built from resources/i18n by Qt's lrelease.

PySide6 (which carries lrelease) is this hook's build dependency, see pyproject.toml. An
editable install builds nothing: ``./dev`` builds them into build/i18n, where a checkout
looks (annotator.ui.qt_i18n.translations_dir).
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        spec = importlib.util.spec_from_file_location("translations", Path(self.root, "packaging", "translations.py"))
        assert spec is not None and spec.loader is not None
        translations = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(translations)
        out = Path(tempfile.mkdtemp(prefix="annotator-i18n-"))
        self._out = out
        for qm in translations.build(out, Path(self.root, "resources", "i18n")):
            build_data["force_include"][str(qm)] = f"annotator/i18n/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            for qm in out.iterdir():
                qm.unlink()
            out.rmdir()
