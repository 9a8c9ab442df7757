"""Benchmark: intercoder agreement at character level. Run with ``./dev bench`` (not part of the tests).

The issue's size: 3 coders, 100 documents of 30,000 code points (3 MB), 30,000
annotations of 10 tags; all four per-tag measures (percent agreement, Cohen's kappa of each pair,
Fleiss's kappa, Krippendorff's alpha) for every tag, per document and pooled. What is timed is
:mod:`annotator.core.agreement` from the spans to the values (the service adds one read of the
annotations and of the texts' lengths). Goal: under 2 s.

Then Krippendorff's α_U of the same spans as the service computes its rows
(:func:`annotator.services.agreement.unitizing_rows`): per tag and over the tags, per document
and on the documents laid end to end. Goal: under 5 s.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from itertools import combinations

from annotator.core import agreement as ag
from annotator.core.unitizing import CodedSpan
from annotator.services.agreement import unitizing_rows

#: ANNOTATOR_BENCH_SMALL=1: a small run that only shows the benchmark still runs to its end.
SMALL = os.environ.get("ANNOTATOR_BENCH_SMALL") == "1"
CODERS, DOCUMENTS, LENGTH, ANNOTATIONS, TAGS = 3, (5 if SMALL else 100), 30_000, (1_500 if SMALL else 30_000), 10
GOAL_S, ALPHA_U_GOAL_S = 2.0, 5.0


def _codings(rng: random.Random) -> list[list[list[tuple[int, int, str]]]]:
    """Per document, per coder: (start, end, tag) spans, 10 to 400 code points long."""
    per_document = ANNOTATIONS // DOCUMENTS // CODERS
    found = []
    for _ in range(DOCUMENTS):
        coders = []
        for _ in range(CODERS):
            spans = []
            for _ in range(per_document):
                start = rng.randrange(LENGTH - 10)
                spans.append((start, min(LENGTH, start + rng.randrange(10, 400)), f"tag{rng.randrange(TAGS)}"))
            coders.append(spans)
        found.append(coders)
    return found


def _measure(documents: list[list[list[tuple[int, int, str]]]]) -> int:
    values = 0
    for tag in (f"tag{k}" for k in range(TAGS)):
        pooled: ag.Tally = Counter()
        for coders in documents:
            codings = [[(s, e, ag.PRESENT) for s, e, t in spans if t == tag] for spans in coders]
            tally = ag.character_tally(LENGTH, codings, ag.ABSENT)
            pooled += tally
            values += _all_measures(tally)
        values += _all_measures(pooled)
    return values


def _all_measures(tally: ag.Tally) -> int:
    results = [ag.percent_agreement(tally), ag.fleiss_kappa(tally), ag.krippendorff_alpha(tally)]
    results += [ag.cohen_kappa(ag.pair(tally, a, b)) for a, b in combinations(range(CODERS), 2)]
    return len(results)


def _unitizing(documents: list[list[list[tuple[int, int, str]]]]) -> int:
    coders = tuple(f"coder{c}" for c in range(CODERS))
    continua = [
        (f"doc{d}", LENGTH, [CodedSpan(coders[c], t, s, e) for c, spans in enumerate(doc) for s, e, t in spans])
        for d, doc in enumerate(documents)
    ]
    return len(unitizing_rows(continua, coders, tuple(f"tag{k}" for k in range(TAGS))))


def main() -> None:
    documents = _codings(random.Random(11))
    started = time.perf_counter()
    values = _measure(documents)
    took = time.perf_counter() - started
    started = time.perf_counter()
    unitized = _unitizing(documents)
    took_u = time.perf_counter() - started
    print(f"agreement: {CODERS} coders, {DOCUMENTS} documents × {LENGTH:,} code points, {ANNOTATIONS:,} annotations")
    print("measure                                   took      goal")
    print(f"all four per-tag measures, characters  {took * 1000:8.1f} ms  < {GOAL_S:.0f} s   ({values:,} values)")
    print(f"alpha_u per tag and overall, pooled    {took_u * 1000:8.1f} ms  < {ALPHA_U_GOAL_S:.0f} s   "
          f"({unitized:,} values)")  # fmt: skip


if __name__ == "__main__":
    main()
