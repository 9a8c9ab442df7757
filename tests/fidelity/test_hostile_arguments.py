"""Tests: hostile command lines and a damaged settings file never crash Annotator."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.services.library import Library

WORDS = st.sampled_from([
    "import", "list", "annotate", "export", "tags", "formats", "db", "check", "backup", "--tag", "--quote",
    "--start", "--end", "--occurrence", "--format", "-o", "--set", "--doc", "--json", "--note", "--coder",
    "--excel", "--flavor", "--option", "--trim", "claim", "-1", "0", "99999999999999999999", "x=y", "=",
    "", "\x00", "👍", "../../etc/passwd", "--", "-", "nan",
    "caf\udce9", "\x1b[2J", "offsets=utf-16", "excel=no", "postgres://", "mysql://x",
])  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(["import", "list", "annotate", "export", "tags", "formats", "db"]),
    argv=st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=7),
)
def test_any_command_line_exits_cleanly(
    command: str, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `export -o <anything>` writes where it runs: never into the checkout
    # Always a subcommand: without one, `annotator` opens the GUI, which is tested elsewhere.
    database = tmp_path / "fuzz.sqlite3"
    if not database.exists():  # a library made by the command would be announced on stderr first
        Library.open(f"sqlite:///{database}").close()
    try:
        code = main(["--database", str(database), command, *argv])
    except SystemExit as exc:  # argparse: usage errors and --help
        code = exc.code if isinstance(exc.code, int) else 2
    _out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in err, (argv, err)
    if code == 1:
        assert err.startswith("annotator: error: "), (argv, err)


@pytest.mark.parametrize("command", [["import", "a\x00b"], ["export", "-o", "x\x00y"], ["revise", "id", "p\x00"]])
def test_nul_in_an_argument_is_a_usage_error(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzzer above: a NUL in a path crashed with "embedded null byte"."""
    with pytest.raises(SystemExit) as exit_:
        main(["--database", str(tmp_path / "n.sqlite3"), *command])
    assert exit_.value.code == 2
    assert "NUL" in capsys.readouterr().err


def test_nul_in_a_path_is_refused_by_the_import_service(tmp_path: Path) -> None:
    from annotator.formats.base import FormatError
    from annotator.services import importing

    with pytest.raises(FormatError, match="not a usable file name"):
        importing.read_file(str(tmp_path / "bad\x00name.txt"))
