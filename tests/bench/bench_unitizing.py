"""Benchmark: Krippendorff's unitizing alpha at the size issue 11 asks for. Run by ``./dev bench``.

Generates, deterministically and in memory (α_U is plain core code: no library, no text, only
offsets), 3 coders × 100 documents of 30,000 code points (3 MB) and 30,000 annotations over
10 tags: each coder places each of the document's 106 passages with its own jitter of the
start and end, now and then leaves one out or codes it twice, overlapping. It then times
``alpha_u`` for every document, per tag and overall, and prints the best of three runs
against the goal (5 s). ``ANNOTATOR_BENCH_SMALL=1`` runs a tenth of it, to check it runs.
"""

from __future__ import annotations

import os
import random
import time

from annotator.core.unitizing import CodedSpan, alpha_u

CODERS = ("ada", "bo", "cy")
TAGS = tuple(f"tag{n}" for n in range(10))
GOAL = 5.0


def study(rnd: random.Random, length: int, passages: int) -> list[CodedSpan]:
    """One document's spans: every coder's version of the same passages."""
    spans = []
    for _ in range(passages):
        tag = rnd.choice(TAGS)
        start = rnd.randrange(length - 400)
        end = start + rnd.randint(20, 300)
        for coder in CODERS:
            if rnd.random() < 0.1:
                continue  # this coder missed it
            s = max(0, start + rnd.randint(-15, 15))
            e = min(length, max(s + 1, end + rnd.randint(-15, 15)))
            spans.append(CodedSpan(coder, tag, s, e))
            if rnd.random() < 0.05:
                spans.append(CodedSpan(coder, tag, s + (e - s) // 2, min(length, e + 40)))
    return spans


def main() -> None:
    small = os.environ.get("ANNOTATOR_BENCH_SMALL") == "1"
    documents, length, passages = (10, 30_000, 106) if small else (100, 30_000, 106)
    rnd = random.Random(11)
    corpus = [study(rnd, length, passages) for _ in range(documents)]
    annotations = sum(len(spans) for spans in corpus)
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        results = [alpha_u(length, CODERS, spans, TAGS) for spans in corpus]
        best = min(best, time.perf_counter() - began)
    defined = sum(r.overall.value is not None for r in results)
    print(f"alpha_u: {len(CODERS)} coders, {documents} documents × {length:,} code points, {annotations:,} annotations")
    print(f"{'measure':<44}{'best of 3':>12}{'goal':>8}")
    print(f"{'alpha_u per tag and overall, every document':<44}{best:>11.2f}s{GOAL:>7.0f}s")
    print(f"documents with a value: {defined} of {documents}")


if __name__ == "__main__":
    main()
