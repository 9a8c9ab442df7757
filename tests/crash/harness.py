"""Tests: the crash harness. Kill a writing child with SIGKILL, again and again, and check.

Each cycle forks a child (see ``worker.py``) that opens the same library and
edits it through the services, acknowledging every commit on its stdout. The
parent reads the acknowledgements and, at a seeded random moment (after a
random number of acknowledgements, plus a random delay of up to a few
milliseconds, or while the child is still opening the library), kills it
with SIGKILL. Then, with the child gone:

- the library opens (``Library.open``) and ``PRAGMA integrity_check`` is "ok";
- every acknowledged change is there exactly (the whole row, timestamps too),
  and nothing else changed: no lost, no phantom, no stale annotation;
- the one edit in flight, if any, is either wholly applied (every field it sets,
  and nothing else changed) or wholly absent (the row as it was): never a mix.

The next cycle continues on the same library. Kill moments come from one seed,
so a failing run can be repeated (the exact instant also depends on timing).

This exercises process death, which is what a crash, a killed app or a logged-
out session does; a power cut also needs the disk to honour fsync, which
``synchronous=FULL`` asks for but no test in a VM can prove.

``python -m tests.crash.harness --cycles 500 --seed 3`` runs a longer soak.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

DOCUMENT = (
    "Close reading \U0001f50d notes\n\n"
    "The committee\u00a0said the plan would work; critics said it would not. "
    "Caf\u00e9s in the old town (\u05e9\u05dc\u05d5\u05dd) stayed open, and the numbers\u2014"
    "all of them\u2014were revised twice. Nobody knows what happens next \U0001f914.\n"
) * 3

#: Seconds without a line from the worker before the harness gives up (a hang is a failure).
STALL_SECONDS = 60.0


class HarnessError(RuntimeError):
    """The worker misbehaved (crashed on its own, hung, spoke garbage): not a verdict on the library."""


@dataclass
class Intent:
    """An edit the child announced and may or may not have committed when it died."""

    op: int
    kind: str
    id: str
    expect: dict[str, Any] | None  # the fields the edit sets; None: the annotation is gone


@dataclass
class Figures:
    """What a run did and found."""

    cycles: int = 0
    kills: int = 0
    kills_while_opening: int = 0
    acknowledged: int = 0
    in_flight_applied: int = 0
    in_flight_absent: int = 0
    losses: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"crash test: {self.cycles} cycles, {self.kills} SIGKILLs ({self.kills_while_opening} while opening), "
            f"{self.acknowledged} acknowledged changes, in flight at the kill: {self.in_flight_applied} applied "
            f"+ {self.in_flight_absent} absent (none torn), losses: {self.losses}"
        )


def verify(
    model: dict[str, dict[str, Any]],
    actual: dict[str, dict[str, Any]],
    in_flight: Intent | None,
    text: str,
) -> tuple[list[str], str | None]:
    """Compare the library (*actual*) with what was acknowledged (*model*).

    Returns the problems found and what became of the edit in flight
    ("applied", "absent" or None when there was none). On success *model*
    becomes *actual*, ready for the next cycle.
    """
    problems: list[str] = []
    outcome: str | None = None
    ids = set(model) | set(actual)
    if in_flight is not None:
        ids.discard(in_flight.id)
        before, now = model.get(in_flight.id), actual.get(in_flight.id)
        if now == before:
            outcome = "absent"
        elif in_flight.expect is None:
            outcome = "applied" if now is None else None
        elif now is not None and all(now.get(k) == v for k, v in in_flight.expect.items()):
            outcome = "applied"
        if outcome is None:
            problems.append(
                f"op {in_flight.op} ({in_flight.kind} {in_flight.id}) is half-applied: "
                f"before {before}, expected {in_flight.expect}, found {now}"
            )
    for aid in sorted(ids):
        if model.get(aid) != actual.get(aid):
            what = "lost" if aid not in actual else "phantom" if aid not in model else "changed"
            problems.append(f"{what} annotation {aid}: acknowledged {model.get(aid)}, found {actual.get(aid)}")
    for aid, state in actual.items():
        start, end = state["start"], state["end"]
        if (state["quote"], state["prefix"], state["suffix"]) != (
            text[start:end],
            text[max(0, start - 32) : start],
            text[end : end + 32],
        ):
            problems.append(f"annotation {aid}: quote or context does not match the text at {start}..{end}")
    if not problems:
        model.clear()
        model.update(actual)
    return problems, outcome


class Zygote:
    """The worker process that forks one child per cycle; its stdout carries every event."""

    def __init__(self) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.worker", "zygote"],
            cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )  # fmt: skip
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self._fd = self.proc.stdout.fileno()
        self._buffer = b""
        first = self.read()
        if first.get("ev") != "zygote":
            raise HarnessError(f"the worker did not start: {first}")

    def read(self) -> dict[str, Any]:
        """The next event line (waiting at most :data:`STALL_SECONDS`)."""
        deadline = time.monotonic() + STALL_SECONDS
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                raise HarnessError(f"no word from the worker for {STALL_SECONDS:.0f} s")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise HarnessError(f"the worker closed its output (exit status {self.proc.poll()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        event = json.loads(line)
        if event.get("ev") == "error":
            raise HarnessError(f"the child failed on its own:\n{event['message']}")
        return event

    def start_cycle(self, command: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(command) + "\n").encode())
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _open(url: str):  # type: ignore[no-untyped-def]
    from annotator.services.library import Library

    return Library.open(url)


def _states(url: str, document_id: str) -> tuple[dict[str, dict[str, Any]], str, str]:
    """The annotations of the document as states, the integrity check, the text."""
    from tests.crash.worker import state_of

    library = _open(url)
    try:
        with library.engine.connect() as conn:
            integrity = "\n".join(r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check"))
        states = {a.id: state_of(a) for a in library.annotations(document_id)}
        return states, integrity, library.text(document_id)
    finally:
        library.close()


def prepare_library(path: Path) -> tuple[str, str]:
    """A small library with one document; its URL and the document's id."""
    from annotator.services import importing

    source = path.with_suffix(".txt")
    source.write_text(DOCUMENT, encoding="utf-8")
    url = f"sqlite:///{path}"
    library = _open(url)
    try:
        result = importing.import_paths(library, [source])
        return url, result.documents[0].id
    finally:
        library.close()


def run(path: Path, *, cycles: int, seed: int, max_acks: int = 14, max_delay: float = 0.008) -> Figures:
    """Run *cycles* kill cycles on a new library at *path*; the figures (problems are listed, not raised)."""
    url, document_id = prepare_library(path)
    model, integrity, _ = _states(url, document_id)
    assert integrity == "ok" and model == {}
    plan = random.Random(seed)
    figures = Figures()
    zygote = Zygote()
    try:
        for cycle in range(cycles):
            while_opening = plan.random() < 0.1
            wanted_acks = plan.randint(0, max_acks)
            delay = plan.uniform(0, max_delay)
            zygote.start_cycle({"url": url, "document_id": document_id, "cycle": cycle, "seed": seed})
            started = zygote.read()
            if started.get("ev") != "started":
                raise HarnessError(f"expected the child to start, got {started}")
            pid = started["pid"]
            in_flight: Intent | None = None
            acks = 0
            killed = False

            def take(event: dict[str, Any]) -> None:
                nonlocal in_flight, acks
                if event["ev"] == "intent":
                    in_flight = Intent(event["op"], event["kind"], event["id"], event["expect"])
                elif event["ev"] == "ack":
                    assert in_flight is not None and in_flight.op == event["op"], (in_flight, event)
                    in_flight = None
                    acks += 1
                    figures.acknowledged += 1
                    if event["state"] is None:
                        model.pop(event["id"], None)
                    else:
                        model[event["id"]] = event["state"]

            if while_opening:
                time.sleep(delay)
                os.kill(pid, signal.SIGKILL)
                killed = True
            while not killed:
                event = zygote.read()
                take(event)
                if event["ev"] == "exited":
                    break  # ran out of script: not expected, but not wrong
                if acks >= wanted_acks and event["ev"] in ("ready", "ack"):
                    time.sleep(delay)
                    os.kill(pid, signal.SIGKILL)
                    killed = True
            while True:  # what the child wrote before it died, then the zygote's word
                event = zygote.read()
                if event["ev"] == "exited":
                    if killed and not (
                        os.WIFSIGNALED(event["status"]) and os.WTERMSIG(event["status"]) == signal.SIGKILL
                    ):
                        raise HarnessError(f"the child ended on its own (status {event['status']}) before the kill")
                    break
                take(event)
            figures.cycles += 1
            if killed:
                figures.kills += 1
                figures.kills_while_opening += while_opening
            actual, integrity, text = _states(url, document_id)
            problems: list[str] = []
            if integrity != "ok":
                problems.append(f"integrity check: {integrity}")
            found, outcome = verify(model, actual, in_flight, text)
            problems += found
            if outcome == "applied":
                figures.in_flight_applied += 1
            elif outcome == "absent":
                figures.in_flight_absent += 1
            if problems:
                figures.losses += len(problems)
                figures.problems += [f"cycle {cycle}: {p}" for p in problems]
                break  # the model no longer matches: later cycles would only repeat it
    finally:
        zygote.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--library", type=Path, help="where to put the library (default: a temporary folder)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        figures = run(args.library or Path(tmp) / "crash.sqlite3", cycles=args.cycles, seed=args.seed)
    print(figures.summary())
    for problem in figures.problems:
        print(problem)
    raise SystemExit(1 if figures.problems else 0)


if __name__ == "__main__":
    main()
