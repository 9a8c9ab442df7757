"""Tests: a private, throwaway PostgreSQL server for the storage and service tests.

The suite runs every storage and service test on SQLite and on PostgreSQL. The
server is started once per test session from the ``initdb``/``pg_ctl`` found on
PATH or in ``/usr/lib/postgresql/*/bin``, in a temporary folder (in RAM when
there is room), on a free port of 127.0.0.1 only, with trust authentication and
fsync off (its data is thrown away). Each test gets a fresh database on it.

``initdb`` refuses to run as root, so as root the server runs as the ``postgres``
system user through ``runuser``. Without the binaries the PostgreSQL tests are
skipped, except under CI (env ``CI`` set), where they must run and fail instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

MISSING_BINARIES = "PostgreSQL server binaries (initdb, pg_ctl) not found; install the postgresql package"
START_TIMEOUT_S = 60


def running_under_ci() -> bool:
    """True when env CI says so (CI=true, CI=1...); CI must run the PostgreSQL tests."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def unavailable(reason: str) -> None:
    """Skip the PostgreSQL tests for *reason*, or fail them under CI."""
    if running_under_ci():
        pytest.fail(f"{reason} (CI is set, so the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


def find_binaries() -> tuple[Path, Path] | None:
    """``initdb`` and ``pg_ctl`` of one installation: PATH first, else the newest Debian one."""
    on_path = shutil.which("initdb"), shutil.which("pg_ctl")
    if all(on_path):
        return Path(on_path[0]), Path(on_path[1])  # type: ignore[arg-type]

    def version(bin_dir: str) -> tuple[int, ...]:
        name = Path(bin_dir).parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit())

    for bin_dir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        initdb, pg_ctl = Path(bin_dir, "initdb"), Path(bin_dir, "pg_ctl")
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return initdb, pg_ctl
    return None


def scratch_dir() -> str:
    """Where the throwaway cluster lives: RAM (/dev/shm) when it has room, else /tmp.

    On a disk, CREATE DATABASE takes ~0.3 s even with fsync off; in RAM ~0.02 s,
    and every PostgreSQL test creates one. ``ANNOTATOR_TEST_PG_DIR`` overrides.
    """
    override = os.environ.get("ANNOTATOR_TEST_PG_DIR")
    if override:
        return override
    shm = "/dev/shm"
    try:
        stat = os.statvfs(shm)
        if os.access(shm, os.W_OK | os.X_OK) and stat.f_bavail * stat.f_frsize >= 1 << 30:
            return shm
    except OSError:
        pass
    return "/tmp"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    """Tests: a running throwaway server; hands out fresh databases."""

    root: Path
    port: int
    pg_ctl: Path
    run_as: list[str]
    host: str = "127.0.0.1"
    _databases: list[str] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{database}"

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(host=self.host, port=self.port, user="postgres", dbname="postgres", autocommit=True)

    def create_database(self, template: str = "template0") -> str:
        """A new database with a unique name, a copy of *template* (empty by default); its SQLAlchemy URL."""
        name = f"annotator_test_{uuid.uuid4().hex[:16]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"')
        self._databases.append(name)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def start(self) -> subprocess.CompletedProcess[str]:
        """Start the server on its port (again, after :meth:`stop`); the finished ``pg_ctl start``."""
        options = (
            f"-F -p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c full_page_writes=off -c synchronous_commit=off -c max_connections=50"
        )
        return subprocess.run(
            [*self.run_as, str(self.pg_ctl), "start", "-D", str(self.data_dir), "-l", str(self.log), "-w",
             "-t", str(START_TIMEOUT_S), "-o", options],
            capture_output=True, text=True, timeout=START_TIMEOUT_S + 10, check=False,
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> subprocess.CompletedProcess[bytes]:
        """Stop the server: "immediate" (it is thrown away) or "fast", which keeps what was committed."""
        return subprocess.run(
            [*self.run_as, str(self.pg_ctl), "stop", "-D", str(self.data_dir), "-m", mode, "-w"],
            capture_output=True, timeout=START_TIMEOUT_S, check=False,
        )  # fmt: skip


def _run(argv: list[str], what: str, log: Path | None = None) -> None:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} did not finish within {START_TIMEOUT_S} s: {' '.join(argv)}", pytrace=False)
    if done.returncode != 0:
        details = (done.stderr or done.stdout).strip()
        if log is not None and log.exists():
            details += "\n--- server log ---\n" + log.read_text(errors="replace")[-4000:]
        pytest.fail(f"{what} failed (exit {done.returncode}): {' '.join(argv)}\n{details}", pytrace=False)


def start_server() -> PostgresServer:
    """Start a server in a new temporary folder; skip (or fail under CI) if that cannot be done."""
    binaries = find_binaries()
    if binaries is None:
        unavailable(MISSING_BINARIES)
    initdb, pg_ctl = binaries  # type: ignore[misc]
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed; install Annotator with its [test] extra")

    run_as: list[str] = []
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        # initdb refuses to run as root; run the server as the postgres system user instead.
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root, and there is no 'postgres' user to run the PostgreSQL server as")
        runuser = shutil.which("runuser")
        if runuser is None:
            unavailable("running as root, and there is no 'runuser' to run the PostgreSQL server as 'postgres'")
        run_as = [runuser, "-u", "postgres", "--"]

    root = Path(tempfile.mkdtemp(prefix="annotator-pg-", dir=scratch_dir()))
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    root.chmod(0o700)
    server = PostgresServer(root=root, port=0, pg_ctl=pg_ctl, run_as=run_as)
    try:
        _run(
            [*run_as, str(initdb), "-D", str(server.data_dir), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            "initdb",
        )  # fmt: skip
        log = server.log
        # A port found free can be taken before the server binds it; try a few.
        for attempt in range(5):
            server.port = free_port()
            started = server.start()
            if started.returncode == 0:
                return server
            if attempt == 4:
                tail = log.read_text(errors="replace")[-4000:] if log.exists() else ""
                pytest.fail(
                    f"pg_ctl start failed (exit {started.returncode}): {started.stderr.strip()}\n{tail}",
                    pytrace=False,
                )
    except BaseException:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    raise AssertionError("unreachable")
