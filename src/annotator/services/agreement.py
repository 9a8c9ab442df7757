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

**Unitizing** (:data:`ALPHA_U`, per tag only): Krippendorff's α_U
(:mod:`annotator.core.unitizing`) compares the coders' spans on the code-point continuum, so
*unit* does not apply to it and its ``units`` is the continuum's length in code points. A row
per tag and one over the tags (``tag`` None), per document; pooled, the documents are laid end
to end as one continuum (in library order), a document's offsets shifted by the lengths before
it. With *categorical* there is no α_U row: the tags as categories of one variable would need
Krippendorff's c|u-alpha (2016), which is not implemented.

:func:`method_statement` states, for a report, how the numbers were made.

Everything is read in one snapshot (:func:`~annotator.storage.uow.reading`): the annotations as
tuples, the texts (for their length in code points and their units) in chunks, never kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import combinations

from annotator.core import agreement as ag
from annotator.core import codebook, unitizing
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import Tag, coder_name
from annotator.formats.tables import Table
from annotator.services.library import Library
from annotator.services.locating import describe_library
from annotator.services.progress import Progress, report
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading

PERCENT, COHEN, FLEISS, ALPHA = "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"
ALPHA_U = unitizing.ALPHA_U
#: The measures, in the order the results give them (α_U per tag only, after the others).
MEASURES = (PERCENT, COHEN, FLEISS, ALPHA, ALPHA_U)

#: The fields of a result row, as the command's CSV and JSON and the report's table give them.
FIELDS = ("measure", "tag", "category", "document", "coders", "value", "units", "reason")

#: What each measure is and where its formula comes from, as the report states it.
SOURCES = {
    PERCENT: "percent_agreement: the share (0-100) of the units every coder gave a value to on which all of them "
    "gave the same value.",
    COHEN: "cohen_kappa (Cohen 1960, Educational and Psychological Measurement 20: 37-46): each pair of coders, over "
    "the units both coded; kappa = (p_o - p_e) / (1 - p_e), p_e from each coder's own proportions.",
    FLEISS: "fleiss_kappa (Fleiss 1971, Psychological Bulletin 76: 378-382): all coders, over the units every coder "
    "coded, chance from the pooled proportions; categorical: also Fleiss's kappa_j of each category.",
    ALPHA: "krippendorff_alpha (Krippendorff 2004, Content Analysis, 2nd ed., ch. 11; nominal): alpha = 1 - D_o/D_e "
    "from the coincidence matrix of every unit with two values or more (missing values allowed).",
    ALPHA_U: "alpha_u (Krippendorff 1995, Sociological Methodology 25: 47-76; 2004, section 12.4; as DKPro "
    "Agreement's KrippendorffAlphaUnitizingAgreement): where the coders' spans start and end on the text in code "
    "points (the unit does not apply; its units are code points); over the tags 1 - sum D_o / sum D_e; a coder's "
    "overlapping spans of a tag count as their union.",
}

#: How each unit is read, as the report states it.
UNIT_TEXT = {
    ag.CHARACTER: "character: every code point of the stored text, white space included",
    ag.WORD: "word: the words as word frequencies read them",
    ag.SENTENCE: "sentence: the sentences as search splits them",
    ag.PARAGRAPH: "paragraph: the blocks between blank lines",
}

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
    uncoded: str | None = None  # categorical: what an uncoded unit is (MISSING or CATEGORY)


def coder_names(coders: Sequence[str]) -> list[str]:
    """*coders* as stored, each once; :class:`InvalidInput` for fewer than two."""
    names = list(dict.fromkeys(coder_name(c) for c in coders))
    if len(names) < 2:
        raise InvalidInput("comparing coders needs two coders or more")
    return names


def check_coders(s: Session, names: Sequence[str]) -> None:
    """:class:`NotFound` naming the first of *names* who coded nothing in this library."""
    known = set(repo.list_coders(s))
    missing = next((c for c in names if c not in known), None)
    if missing is not None:
        raise NotFound(f"no annotation in this library is by coder '{missing}'")


def chosen_tags(every: Sequence[Tag], tags: Sequence[str] | None) -> list[Tag]:
    """The tags the PATHs *tags* name, each once (None: every tag, in tree order);
    :class:`NotFound` for a PATH no tag has."""
    if tags is None:
        return [t for t, _ in codebook.walk(every)]
    return list({t.id: t for t in (codebook.resolve(every, p) for p in tags)}.values())


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
    names = coder_names(coders)
    if unit not in ag.UNITS:
        raise InvalidInput(f"unit is one of {', '.join(ag.UNITS)}, not '{unit}'")
    if uncoded not in UNCODED:
        raise InvalidInput(f"uncoded is one of {', '.join(UNCODED)}, not '{uncoded}'")
    with reading(library.engine) as s:
        check_coders(s, names)
        every = repo.list_tags(s)
        chosen = chosen_tags(every, tags)
        paths = {i: codebook.format_path(p) for i, p in codebook.paths(every).items()}
        labels = [paths[t.id] for t in chosen]
        members = [frozenset({t.id} | codebook.descendants(every, t.id)) for t in chosen]
        documents = [doc_id for doc_id, _ in documents_in_scope(s, scope or Scope())]
        spans = _spans(repo.coded_spans(s, sorted(set().union(*members)), coders=names), documents, names)
        tallies: dict[str | None, list[ag.Tally]] = {}
        continua: list[tuple[str, int, list[unitizing.CodedSpan]]] = []
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
                continua.append((doc_id, len(text), _coded_spans(len(text), by_coder, names, labels, members)))
            report(progress, done, len(documents))
    unitized = [] if categorical else unitizing_rows(continua, tuple(names), tuple(labels))
    found = _results(unit, categorical, tuple(names), tuple(documents), tuple(labels), tallies, unitized)
    return replace(found, uncoded=uncoded) if categorical else found


def unitizing_rows(
    continua: Sequence[tuple[str, int, Sequence[unitizing.CodedSpan]]], coders: tuple[str, ...], tags: tuple[str, ...]
) -> list[Row]:
    """α_U rows of *coders* from each document's (id, length, spans): per tag (in *tags*' order),
    each document then pooled, then the same over the tags (``tag`` None). Pooled, the documents
    are one continuum, each laid after the one before (see the module)."""
    per_document = [(doc_id, unitizing.alpha_u(length, coders, found, tags)) for doc_id, length, found in continua]
    laid: list[unitizing.CodedSpan] = []
    at = 0
    for _, length, found in continua:
        laid.extend(unitizing.CodedSpan(c.coder, c.tag, c.start + at, c.end + at) for c in found)
        at += length
    results = [*per_document, (None, unitizing.alpha_u(at, coders, laid, tags))]

    def row(doc_id: str | None, length: int, alpha: unitizing.UnitizingAlpha) -> Row:
        return Row(ALPHA_U, alpha.tag, None, doc_id, coders, alpha.value, length, alpha.reason)

    rows = [row(doc_id, r.length, r.tags[k]) for k in range(len(tags)) for doc_id, r in results]
    rows.extend(row(doc_id, r.length, r.overall) for doc_id, r in results)
    return rows


def _coded_spans(
    length: int,
    by_coder: Sequence[Sequence[tuple[int, int, str]]],
    coders: Sequence[str],
    labels: Sequence[str],
    members: Sequence[frozenset[str]],
) -> list[unitizing.CodedSpan]:
    """What α_U reads of one document: each coder's spans under each chosen tag PATH, cut to the text."""
    found: list[unitizing.CodedSpan] = []
    for coder, mine in zip(coders, by_coder, strict=True):
        for start, end, tag_id in mine:
            start, end = max(0, start), min(length, end)
            if start < end:
                found.extend(
                    unitizing.CodedSpan(coder, labels[k], start, end) for k, m in enumerate(members) if tag_id in m
                )
    return found


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
    unitized: Sequence[Row] = (),
) -> Agreement:
    """Rows per tag (or once, categorical), per document in library order, then pooled; each
    tag's α_U rows after its others, and α_U over the tags last."""
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
        rows.extend(r for r in unitized if r.tag is not None and r.tag == tag)
    rows.extend(r for r in unitized if r.tag is None)
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


def method_statement(
    library: Library, found: Agreement, *, scope: Scope | None = None, when: datetime | None = None
) -> tuple[tuple[str, str], ...]:
    """How *found* was computed, as (label, text) pairs a report puts above its table: the
    library, the date, the coders, documents (titles and ids; *scope* as chosen), tags, unit,
    what counts as agreement, the uncoded choice, the measures and their sources."""
    titles = document_titles(library, found.documents)
    chosen = "the whole library" if scope is None or scope == Scope() else _scope_text(scope)
    documents = "; ".join(f"{titles.get(d, '(deleted)')} ({d})" for d in found.documents)
    measures = dict.fromkeys(r.measure for r in found.results)
    statement = [
        ("Library", describe_library(library.url)),
        ("Computed", (when or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")),
        ("Coders", f"{', '.join(found.coders)} ({len(found.coders)})"),
        ("Documents", f"{len(found.documents)}, {chosen}: {documents}" if documents else f"none ({chosen})"),
        ("Tags", f"{', '.join(found.tags)}; each stands for the tag and the tags inside it"),
        ("Unit", UNIT_TEXT[found.unit] + ("" if ALPHA_U not in measures else " (not for alpha_u)")),
        ("Agreement", _agreement_text(found)),
        ("Pooled", "the rows without a document add the documents' units together"
         + ("; for alpha_u the documents are laid end to end as one continuum" if ALPHA_U in measures else "")),
        ("Measures", " ".join(SOURCES[m] for m in MEASURES if m in measures)),
        ("Undefined", "a value that cannot be computed (no variation, one category, nothing to compare) is left "
         "empty with the reason, never NaN or 1"),
    ]  # fmt: skip
    return tuple(statement)


def document_titles(library: Library, documents: Sequence[str]) -> dict[str, str]:
    """The titles of those of *documents* still in the library, by id."""
    with reading(library.engine) as s:
        return dict(repo.document_titles(s, list(documents)))


def _scope_text(scope: Scope) -> str:
    parts = []
    if scope.document_ids:
        parts.append("documents chosen by id")
    if scope.set_name is not None:
        parts.append(f"the set '{scope.set_name}'")
    parts.extend(f"attribute '{name}' = '{value}'" if value else f"attribute '{name}' with any value"
                 for name, value in scope.where)  # fmt: skip
    return " and ".join(parts)


def _agreement_text(found: Agreement) -> str:
    covered = (
        "a unit is coded with a tag by a coder when any of its characters is in one of that coder's annotations "
        "with the tag (or a tag inside it)"
    )
    if not found.categorical:
        return (
            f"per tag, each tag is present or absent in every unit, coded or not; {covered}; two coders agree on a "
            "unit when both give it the same one (present or absent)"
        )
    uncoded = (
        f"an uncoded unit is a category of its own, '{ag.UNCODED}'"
        if found.uncoded == CATEGORY
        else "an uncoded unit is a missing value"
    )
    return (
        f"categorical: the tags are the categories of one variable; {covered}; a unit's value is the one tag "
        f"covering it and two coders agree when they give it the same tag; {uncoded}; a unit one coder gave two "
        f"tags is a conflict, left out as a missing value ({found.conflicts} such values); no alpha_u (it would "
        "need c|u-alpha, not implemented)"
    )


def report_table(
    library: Library, found: Agreement, *, scope: Scope | None = None, when: datetime | None = None
) -> Table:
    """*found* as a table to export: a row per result (:data:`FIELDS`; coders joined by ``;``,
    an empty cell for null) with the :func:`method_statement` as its notes."""
    rows = [tuple("" if v is None else v for v in fields(r)) for r in found.results]
    return Table("Intercoder agreement", FIELDS, rows, method_statement(library, found, scope=scope, when=when))


def fields(row: Row) -> tuple[str | float | int | None, ...]:
    """*row*'s :data:`FIELDS` (coders joined by :func:`join_coders`), as a CSV or table row holds them."""
    return (row.measure, row.tag, row.category, row.document, join_coders(row.coders), row.value, row.units, row.reason)


def join_coders(coders: Sequence[str]) -> str:
    """*coders* in one cell, ``;``-joined; a ``;`` (or ``\\``) in a name is escaped with ``\\``,
    as a ``/`` in a tag's name is in its PATH, so the cell splits back into the same names."""
    return ";".join(c.replace("\\", "\\\\").replace(";", "\\;") for c in coders)
