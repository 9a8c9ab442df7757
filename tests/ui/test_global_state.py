"""Tests (UI): what one test changes in the shared application does not reach the next.

The tests of a file run in order on one worker (``./dev test`` runs ``--dist loadfile``):
the first leaves German, a German locale and the sepia theme behind, as a test starting
the whole app or choosing a language or theme does; the second finds English and Qt's own
look again (tests/ui/conftest.py puts them back)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from annotator.ui import qt_i18n
from annotator.ui.qt_themes import applied_theme, apply_theme

SYSTEM_STYLE = "annotatorSystemStyle"  # the application property qt_themes keeps Qt's own style in


def _results(n: int) -> str:
    """An English plural form: only with English's own translations installed."""
    source = "%Ln result(s), {undefined} undefined (the reason is beside each)."
    return QCoreApplication.translate("QtAgreementDialog", source, None, n).split(",")[0]


def test_the_tests_run_in_the_c_locale_whatever_the_developer_s() -> None:
    assert [os.environ[name] for name in ("LC_ALL", "LANG", "LANGUAGE")] == ["C.UTF-8"] * 3


def test_a_test_leaves_german_and_sepia_behind(qapp) -> None:  # type: ignore[no-untyped-def]
    qt_i18n.install_translations("de")
    apply_theme("sepia")
    assert qt_i18n.interface_language() == "de" and QLocale().language() == QLocale.Language.German
    assert applied_theme() == "sepia" and qapp.style().name() == "fusion"


def test_the_next_test_finds_english_and_qt_s_own_look(qapp) -> None:  # type: ignore[no-untyped-def]
    assert qt_i18n.interface_language() == "en" and QLocale().language() == QLocale.Language.English
    assert applied_theme() == "system" and qapp.palette().resolveMask() == 0
    assert qapp.style().name() == QApplication.instance().property(SYSTEM_STYLE)
    assert QLocale().toString(12345) == "12,345" and _results(2) == "2 results"
