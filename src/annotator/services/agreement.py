"""Services: intercoder agreement of chosen coders over documents and tags, per document and pooled.

What is computed, and over which units, is :mod:`annotator.core.agreement`'s to say; this module
reads what it needs and lays out the results as rows a table, JSON or CSV can hold.

- **Coders**: two or more names (as stored: NFC, stripped); one no annotation in the library
  carries is :class:`NotFound` naming it.
- **Documents**: a :class:`~annotator.services.searching.Scope` (ids, a set; empty: the whole
  library), as the search takes it.
- **Tags**: PATHs (default: every tag, in tree order), each standing for itself and the tags
  inside it, as a retrieval reads a PATH. Per tag, each tag is present or absent in each unit;
  with *categorical*, the tags are the categories of one variable.

**Pooled** results add the documents' units together (a unit is a unit of one document), so a
long document weighs more than a short one, as it does when every character counts.

Everything is read in one snapshot (:func:`~annotator.storage.uow.reading`): the annotations as
tuples, the texts (for their length in code points and their units) in chunks, never kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.core import agreement as ag
from annotator.core import codebook
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import coder_name
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import repository as repo
from annotator.storage.uow import reading

PERCENT, COHEN, FLEISS, ALPHA = "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"
#: The measures, in the order the results give them.
MEASURES = (PERCENT, COHEN, FLEISS, ALPHA)

MISSING, CATEGORY = "missing", "category"
#: What an uncoded unit is when the tags are categories.
UNCODED = (MISSING, CATEGORY)


@dataclass(frozen=True, slots=True)
class Row:
    """Services: one value: which measure, of which tag (None: across the tags, categorical),
    category (per-category kappa only), document (None: pooled) and coders."""

    measure: str
    tag: str | None
    category: str | None
    document: str | None
    coders: tuple[str, ...]
    value: float | None
    units: int
    reason: str | None


@dataclass(frozen=True, slots=True)
class Agreement:
    """Services: what was compared (unit, coders, document ids in library order, tag PATHs) and the
    results; *conflicts*: how many (unit, coder) values were two categories at once, left out as
    missing."""

    unit: str
    categorical: bool
    coders: tuple[str, ...]
    documents: tuple[str, ...]
    tags: tuple[str, ...]
    results: tuple[Row, ...]
    conflicts: int = 0


def agreement(
    library: Library,
    *,
    coders: Sequence[str],
    tags: Sequence[str] | None = None,
    scope: Scope | None = None,
    unit: str = ag.CHARACTER,
    categorical: bool = False,
    uncoded: str = MISSING,
    progress: Progress | None = None,
) -> Agreement:
    """The agreement of *coders* (see the module). :class:`InvalidInput` for fewer than two coders,
    an unknown unit or *uncoded*; :class:`NotFound` for an unknown coder, tag, document or set."""
    names = list(dict.fromkeys(coder_name(c) for c in coders))
    if len(names) < 2:
        raise InvalidInput("agreement needs two coders or more")
    if unit not in ag.UNITS:
        raise InvalidInput(f"unit is one of {', '.join(ag.UNITS)}, not '{unit}'")
    if uncoded not in UNCODED:
        raise InvalidInput(f"uncoded is one of {', '.join(UNCODED)}, not '{uncoded}'")
    with reading(library.engine) as s:
        known = set(repo.list_coders(s))
        missing = next((c for c in names if c not in known), None)
        if missing is not None:
            raise NotFound(f"no annotation in this library is by coder '{missing}'")
        every = repo.list_tags(s)
        chosen = (
            [t for t, _ in codebook.walk(every)]
            if tags is None
            else list({t.id: t for t in (codebook.resolve(every, p) for p in tags)}.values())
        )
        paths = {i: codebook.format_path(p) for i, p in codebook.paths(every).items()}
        labels = [paths[t.id] for t in chosen]
        members = [frozenset({t.id} | codebook.descendants(every, t.id)) for t in chosen]
        documents = [doc_id for doc_id, _ in documents_in_scope(s, scope or Scope())]
        spans = _spans(repo.coded_spans(s, sorted(set().union(*members)), coders=names), documents, names)
        tallies: dict[str | None, list[ag.Tally]] = {}
        for done, (doc_id, text, sha256) in enumerate(library.current_texts(s, documents), start=1):
            units = None if unit == ag.CHARACTER else ag.unit_spans(text, unit, sha256)
            by_coder = spans.get(doc_id, [[] for _ in names])
            if categorical:
                empty = None if uncoded == MISSING else ag.UNCODED
                codings = [
                    [(a, b, labels[k]) for a, b, t in mine for k, m in enumerate(members) if t in m]
                    for mine in by_coder
                ]
                tallies.setdefault(doc_id, []).append(_tally(len(text), units, codings, empty))
            else:
                for m in members:
                    codings = [[(a, b, ag.PRESENT) for a, b, t in mine if t in m] for mine in by_coder]
                    tallies.setdefault(doc_id, []).append(_tally(len(text), units, codings, ag.ABSENT))
            report(progress, done, len(documents))
    return _results(unit, categorical, tuple(names), tuple(documents), tuple(labels), tallies)


def _spans(
    rows: Sequence[tuple[str, str, str, int, int, str]], documents: Sequence[str], coders: Sequence[str]
) -> dict[str, list[list[tuple[int, int, str]]]]:
    """Per document, per coder (in *coders*' order): (start, end, tag id) of their annotations."""
    wanted = set(documents)
    place = {c: i for i, c in enumerate(coders)}
    found: dict[str, list[list[tuple[int, int, str]]]] = {}
    for doc_id, _, tag_id, start, end, coder in rows:
        if doc_id in wanted and coder in place:
            found.setdefault(doc_id, [[] for _ in coders])[place[coder]].append((start, end, tag_id))
    return found


def _tally(
    length: int, units: list[tuple[int, int]] | None, codings: Sequence[ag.Coding], empty: str | None
) -> ag.Tally:
    if units is None:
        return ag.character_tally(length, codings, empty)
    return ag.units_tally(units, codings, empty)


def _results(
    unit: str,
    categorical: bool,
    coders: tuple[str, ...],
    documents: tuple[str, ...],
    labels: tuple[str, ...],
    tallies: dict[str | None, list[ag.Tally]],
) -> Agreement:
    """Rows per tag (or once, categorical), per document in library order, then pooled."""
    width = 1 if categorical else len(labels)
    pooled: list[ag.Tally] = [Counter() for _ in range(width)]
    for doc_id in documents:
        for k, tally in enumerate(tallies.get(doc_id, [])):
            pooled[k] += tally
    conflicts = sum(ag.conflicts(t) for t in pooled) if categorical else 0
    rows: list[Row] = []
    for k in range(width):
        tag = None if categorical else labels[k]
        for doc_id in [d for d in documents if d in tallies]:
            rows.extend(_measures(ag.without_conflicts(tallies[doc_id][k]), tag, doc_id, coders, categorical))
        rows.extend(_measures(ag.without_conflicts(pooled[k]), tag, None, coders, categorical))
    return Agreement(unit, categorical, coders, documents, labels, tuple(rows), conflicts)


def _measures(
    tally: ag.Tally, tag: str | None, doc_id: str | None, coders: tuple[str, ...], categorical: bool
) -> list[Row]:
    def row(measure: str, result: ag.Result, who: tuple[str, ...] = coders, category: str | None = None) -> Row:
        return Row(measure, tag, category, doc_id, who, result.value, result.units, result.reason)

    found = [row(PERCENT, ag.percent_agreement(tally))]
    for a, b in combinations(range(len(coders)), 2):
        found.append(row(COHEN, ag.cohen_kappa(ag.pair(tally, a, b)), (coders[a], coders[b])))
    found.append(row(FLEISS, ag.fleiss_kappa(tally)))
    found.append(row(ALPHA, ag.krippendorff_alpha(tally)))
    if categorical:
        for category, result in ag.fleiss_category_kappas(tally).items():
            found.append(row(FLEISS, result, category=category))
    return found
