"""Tests: the processes the crash harness kills, and the writers of the two-instance test.

Run as ``python -m tests.crash.worker zygote``: imports the services once, then
reads one JSON command per line on stdin. For each ``cycle`` command it forks a
child that opens the library (``Library.open``) and performs a seeded, endless
script of annotation edits through the services (create, retag, set_note,
delete, and restore of a deletion as undo does). Forking from an imported
parent keeps a cycle to milliseconds instead of half a second of imports; the
child is a separate process all the same, with its own SQLite connections, and
dies by SIGKILL like any other.

Protocol: JSON lines written to stdout with one ``os.write`` each (lines stay
under PIPE_BUF, so they are atomic even when the writer is killed):

- ``{"ev": "started", "pid": ...}``: the child exists (before opening the library);
- ``{"ev": "ready"}``: the library is open;
- ``{"ev": "intent", "op": n, "kind": ..., "id": ..., "expect": {...} | null}``
  before a service call: what the annotation will look like if it is applied
  (``null``: gone), the fields that call decides;
- ``{"ev": "ack", "op": n, "id": ..., "state": {...} | null}`` after the service
  returned, i.e. after its commit: the annotation's whole state, or null;
- ``{"ev": "exited", "pid": ..., "status": ...}`` from the zygote once the child
  is reaped, so every line the child wrote comes before it.

A state is :func:`state_of` an annotation: every column, with the note as a
digest so lines stay short while notes grow to several pages.

Run as ``python -m tests.crash.worker writer URL DOCUMENT-ID NAME COUNT``: one
of the two instances of the two-instance test (see ``test_two_instances.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import traceback
from collections.abc import Iterable
from typing import Any

from annotator.core.model import Annotation
from annotator.services import annotating
from annotator.services.library import Library

#: Never reached: the parent kills every child long before.
MAX_OPS = 100_000


def emit(event: dict[str, Any]) -> None:
    """Write one JSON line to stdout with a single write (atomic below PIPE_BUF)."""
    line = (json.dumps(event, ensure_ascii=True, separators=(",", ":")) + "\n").encode()
    assert len(line) < 4096, "protocol lines must stay under PIPE_BUF"
    os.write(1, line)


def note_digest(note: str) -> str:
    return f"{len(note)}:{hashlib.sha256(note.encode()).hexdigest()[:16]}"


def state_of(annotation: Annotation) -> dict[str, Any]:
    """What the harness compares: every column; the note as a digest, times in ISO form."""
    return {
        "id": annotation.id, "document_id": annotation.document_id, "tag_id": annotation.tag_id,
        "start": annotation.start, "end": annotation.end, "quote": annotation.quote,
        "prefix": annotation.prefix, "suffix": annotation.suffix, "note": note_digest(annotation.note),
        "coder": annotation.coder, "created": annotation.created.isoformat(),
        "modified": annotation.modified.isoformat(),
    }  # fmt: skip


def _a_note(rng: random.Random, cycle: int, op: int) -> str:
    # Sometimes pages long, so one commit spans overflow pages: more places for a kill to land.
    filler = "\u00e9t\u00e9 \U0001f600 " * rng.choice((0, 0, 1, 10, 400, 1200))
    return f"note {cycle}.{op} {filler}".strip()


def _a_new_span(
    rng: random.Random, text: str, tags: list[str], live: Iterable[Annotation]
) -> tuple[int, int, str, str]:
    """(start, end, tag, coder) of an annotation the service takes: not white space only, and
    not a copy of one the document has (same tag, span and coder)."""
    taken = {(a.start, a.end, a.tag_id, a.coder) for a in live}
    while True:
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 40))
        tag, coder = rng.choice(tags), rng.choice(("", "ana", "b\u00f8rge"))
        if not text[start:end].isspace() and (start, end, tag, coder) not in taken:
            return start, end, tag, coder


def run_cycle(command: dict[str, Any]) -> None:
    """The child: open the library and edit it forever, acknowledging each commit."""
    emit({"ev": "started", "pid": os.getpid()})
    library = Library.open(command["url"])
    doc_id = command["document_id"]
    cycle = command["cycle"]
    rng = random.Random(f"{command['seed']}/{cycle}")
    tags = [t.id for t in library.tags()]
    text = library.text(doc_id)
    live: dict[str, Annotation] = {a.id: a for a in library.annotations(doc_id)}
    graveyard: list[Annotation] = []  # deleted in this cycle, for undo
    emit({"ev": "ready"})
    for op in range(MAX_OPS):
        kinds = ["create"] * 4 + ["retag", "set_note"] * 2 + ["delete"] * 2
        if graveyard:
            kinds += ["restore"] * 3
        if len(live) < 5:
            kinds = ["create"]
        elif len(live) > 80:
            kinds = ["delete"]
        kind = rng.choice(kinds)
        if kind == "create":
            start, end, tag, coder = _a_new_span(rng, text, tags, live.values())
            aid = f"c{cycle}-{op}-{rng.getrandbits(32):08x}"
            note = _a_note(rng, cycle, op)
            expect = {"document_id": doc_id, "tag_id": tag, "start": start, "end": end,
                      "quote": text[start:end], "note": note_digest(note), "coder": coder}  # fmt: skip
            emit({"ev": "intent", "op": op, "kind": kind, "id": aid, "expect": expect})
            changes = annotating.create_annotation(
                library, document_id=doc_id, tag_id=tag, start=start, end=end, note=note, coder=coder,
                annotation_id=aid,
            )  # fmt: skip
            after: Annotation | None = changes.annotations_created[0]
        elif kind == "retag":
            aid = rng.choice(sorted(live))
            tag = rng.choice([t for t in tags if t != live[aid].tag_id])
            expect = {**state_of(live[aid]), "tag_id": tag}
            del expect["modified"]
            emit({"ev": "intent", "op": op, "kind": kind, "id": aid, "expect": expect})
            after = annotating.retag_annotation(library, annotation_id=aid, tag_id=tag).annotations_updated[0]
        elif kind == "set_note":
            aid = rng.choice(sorted(live))
            note = _a_note(rng, cycle, op)
            expect = {**state_of(live[aid]), "note": note_digest(note)}
            del expect["modified"]
            emit({"ev": "intent", "op": op, "kind": kind, "id": aid, "expect": expect})
            after = annotating.set_note(library, annotation_id=aid, note=note).annotations_updated[0]
        elif kind == "delete":
            aid = rng.choice(sorted(live))
            emit({"ev": "intent", "op": op, "kind": kind, "id": aid, "expect": None})
            graveyard.append(annotating.delete_annotation(library, annotation_id=aid).annotations_deleted[0])
            after = None
        else:  # restore: undo the latest deletion, the very same annotation
            gone = graveyard.pop()
            aid = gone.id
            emit({"ev": "intent", "op": op, "kind": kind, "id": aid, "expect": state_of(gone)})
            after = annotating.restore_annotation(library, annotation=gone).annotations_created[0]
        if after is None:
            live.pop(aid)
        else:
            live[aid] = after
        emit({"ev": "ack", "op": op, "id": aid, "state": None if after is None else state_of(after)})
    emit({"ev": "done"})
    library.close()


def zygote() -> None:
    """Import once, then fork a child per command line and report when it is gone."""
    emit({"ev": "zygote", "pid": os.getpid()})
    for line in sys.stdin:
        command = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: never returns into the zygote's loop
            code = 0
            try:
                run_cycle(command)
            except BaseException:
                emit({"ev": "error", "message": traceback.format_exc()[-3000:]})
                code = 1
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        emit({"ev": "exited", "pid": pid, "status": status})


def writer(url: str, document_id: str, name: str, count: int) -> None:
    """One of two programs editing one library at once (``test_two_instances``).

    Waits for "go" on stdin (so both start together), then for i in range(count):
    creates annotation ``<name>-<i>``, notes it, retags it, and edits a field of
    the shared annotation ``shared-<i>``: this instance's field (its note, or its
    tag), which the other instance's edits must not undo. Prints one JSON line
    per finished step, then "done".
    """
    library = Library.open(url)
    tags = [t.id for t in library.tags()]
    length = len(library.text(document_id))
    emit({"ev": "ready"})
    sys.stdin.readline()
    for i in range(count):
        start = (i * 7) % (length - 10)
        aid = f"{name}-{i}"
        annotating.create_annotation(
            library, document_id=document_id, tag_id=tags[0], start=start, end=start + 5, coder=name, annotation_id=aid
        )
        annotating.set_note(library, annotation_id=aid, note=f"{name} note {i}")
        annotating.retag_annotation(library, annotation_id=aid, tag_id=tags[1])
        if name == "left":
            annotating.set_note(library, annotation_id=f"shared-{i}", note=f"left wrote {i}")
        else:
            annotating.retag_annotation(library, annotation_id=f"shared-{i}", tag_id=tags[2])
        emit({"ev": "step", "i": i})
    library.close()
    emit({"ev": "done"})


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote()
    elif sys.argv[1] == "writer":
        writer(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        raise SystemExit(f"unknown mode {sys.argv[1]!r}")
