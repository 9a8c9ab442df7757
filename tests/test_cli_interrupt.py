"""Tests: a database server that never answers (issue 7, point 14), run as real processes.

The "server" is a listening TCP socket on 127.0.0.1 that accepts and never says a
word, so a client waits for its first reply. The command gives up after
``ANNOTATOR_CONNECT_TIMEOUT`` with one line, and Ctrl-C (SIGINT) ends it with
exit status 130 and one line, never a traceback.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests._cli import COMMAND, annotator, error_line, user_env

CONNECT_TIMEOUT_ENV = "ANNOTATOR_CONNECT_TIMEOUT"


@pytest.fixture
def silent_server() -> Iterator[socket.socket]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(60)
        yield server


def _url(server: socket.socket) -> str:
    return f"postgresql+psycopg://annotator@127.0.0.1:{server.getsockname()[1]}/library"


def test_an_unresponsive_server_is_given_up_after_the_connect_timeout(silent_server: socket.socket) -> None:
    # Without a timeout this would wait forever; 45 s is the generous bound for a 1 s (libpq: 2 s) timeout.
    done = annotator("--database", _url(silent_server), "list", env={CONNECT_TIMEOUT_ENV: "1"}, timeout=45)
    error_line(done, 1, "127.0.0.1", "timeout")


def test_a_bad_connect_timeout_is_one_line(silent_server: socket.socket) -> None:
    done = annotator("--database", _url(silent_server), "list", env={CONNECT_TIMEOUT_ENV: "soon"})
    error_line(done, 1, CONNECT_TIMEOUT_ENV)


def test_ctrl_c_ends_the_command_with_130_and_one_line(silent_server: socket.socket) -> None:
    proc = subprocess.Popen(
        [*COMMAND, "--database", _url(silent_server), "list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=user_env(**{CONNECT_TIMEOUT_ENV: "0"}),  # wait forever
    )  # fmt: skip
    try:
        connection, _ = silent_server.accept()  # the command is now waiting for the server's reply
        with connection:
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert err.decode().splitlines() == ["annotator: interrupted"]
    assert out == b""


#: Ctrl-C while the command's libraries are still loading, made certain: the import of the services
#: (the heavy part of starting) raises KeyboardInterrupt as SIGINT would.
INTERRUPTED_WHILE_LOADING = """
import runpy
import sys

class CtrlC:
    def find_spec(self, name, *args):
        if name == "annotator.services":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["annotator", "list"]
runpy.run_module("annotator", run_name="__main__")  # python -m annotator list
"""


def test_ctrl_c_while_loading_ends_the_command_with_130_and_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_LOADING], capture_output=True, env=user_env(), timeout=60, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.decode().splitlines() == ["annotator: interrupted"]
