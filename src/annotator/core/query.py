"""Core: the retrieval query language, parsed and evaluated on one document's annotations.

A query combines tags into the coded segments a person wants to read::

    claim & evidence                 claims that overlap some evidence
    claim | speculation              every claim and every speculation (each segment once)
    claim - evidence                 claims that overlap no evidence
    claim near/1 evidence            claims at most one sentence away from some evidence
    claim near/0 evidence            claims that share a sentence with some evidence
    (claim | "open question") & Attitude/Positive
    =Attitude - Attitude/Negative    Attitude itself, not the tags inside it

- An operand is a tag PATH as the command line takes it (``annotator.core.codebook``:
  a name, or ``Parent/Child``; ``\\/`` is a ``/`` in a name). It stands for the
  annotations of that tag **and of every tag inside it**, as ``export --tag`` does;
  ``=PATH`` means that very tag only (``export --no-subtags``). A PATH holding white
  space, ``&``, ``|``, ``(``, ``)`` or ``"``, or one that reads as an operator
  (``-``, ``near/2``), is written in double quotes: ``"open question"``; inside them
  ``\\"`` is a quote, and every other backslash is kept for the PATH (``"a\\/b"``).
- ``-`` and ``near/N`` are operators only as words of their own: ``A - B`` is a
  difference, ``well-being`` a tag.
- Precedence, tightest first: ``near/N``, then ``&``, then ``-``, then ``|``; each is
  left-associative (``A - B - C`` is ``(A - B) - C``); parentheses group. So
  ``A | B & C near/1 D`` is ``A | (B & (C near/1 D))``.

The result of ``A op B`` is segments of A (for ``|``: of either), so an expression
is itself an operand: ``(A & B) near/0 C`` reads the A segments that overlap a B and
share a sentence with a C. Two segments overlap when they share a character
(``a.start < b.end and b.start < a.end``; touching end to start is no overlap); a
segment overlaps itself, so ``Attitude & Attitude/Positive`` includes the Positive
segments. Sentences are those of :mod:`annotator.core.sentences`; a segment that
spans several sentences is as near as the nearest of them.

Evaluation sorts and sweeps, O(n log n) in the annotations of one document: for
each left segment a bisection over the right segments (sorted by start) and a
running maximum of their ends says whether any of them reaches it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from annotator.core import codebook
from annotator.core.errors import InvalidInput
from annotator.core.model import Tag
from annotator.core.sentences import Segmentation

AND, OR, MINUS, NEAR = "&", "|", "-", "near"
#: Binding strength of each operator: higher binds tighter.
PRECEDENCE = {OR: 1, MINUS: 2, AND: 3, NEAR: 4}

_NEAR = re.compile(r"near/(.*)", re.IGNORECASE)
_SPECIAL = set('&|()"')


class QuerySyntaxError(InvalidInput):
    """A query that cannot be read; the message names the column (1-based) where reading stopped."""


@dataclass(frozen=True, slots=True)
class Operand:
    """Core: a tag PATH in a query; *subtags*: the tags inside it count too."""

    path: str
    subtags: bool
    column: int


@dataclass(frozen=True, slots=True)
class Combined:
    """Core: ``left op right``; *distance* is near's N (sentences)."""

    op: str
    left: Node
    right: Node
    distance: int = 0


Node = Operand | Combined


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "quoted", "(", ")", "&", "|", "end"
    text: str
    column: int  # 1-based


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()&|":
            found.append(_Token(c, c, i + 1))
            i += 1
        elif c == '"':
            start = i
            chars: list[str] = []
            i += 1
            while i < len(text) and text[i] != '"':
                if text[i] == "\\" and i + 1 < len(text):
                    chars.append('"' if text[i + 1] == '"' else text[i : i + 2])
                    i += 2
                else:
                    chars.append(text[i])
                    i += 1
            if i >= len(text):
                raise QuerySyntaxError(f"query: the quote opened at column {start + 1} is never closed")
            found.append(_Token("quoted", "".join(chars), start + 1))
            i += 1
        else:
            start = i
            while i < len(text) and not text[i].isspace() and text[i] not in _SPECIAL:
                i += 2 if text[i] == "\\" and text[i + 1 : i + 2] in ("\\", "/") else 1  # a PATH's escapes
            found.append(_Token("word", text[start:i], start + 1))
    found.append(_Token("end", "", len(text) + 1))
    return found


def _shown(token: _Token) -> str:
    if token.kind == "end":
        return "the end of the query"
    return f'"{token.text}"' if token.kind == "quoted" else f"'{token.text}'"


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def operator(self) -> tuple[str, int] | None:
        """The operator at this point and its N (near), or None at the end or before ``)``."""
        token = self.peek()
        if token.kind in ("end", ")"):
            return None
        if token.kind in (AND, OR):
            return token.kind, 0
        if token.kind == "word" and token.text == MINUS:
            return MINUS, 0
        if token.kind == "word" and (near := _NEAR.fullmatch(token.text)):
            if not near.group(1).isascii() or not near.group(1).isdigit():
                raise QuerySyntaxError(
                    f"query: near/N takes a whole number of sentences (near/0: the same sentence), "
                    f"not '{token.text}' at column {token.column}"
                )
            return NEAR, int(near.group(1))
        hint = "; write a PATH that holds spaces in double quotes" if token.kind in ("word", "quoted") else ""
        raise QuerySyntaxError(
            f"query: expected an operator (&, |, -, near/N) at column {token.column}, found {_shown(token)}{hint}"
        )

    def expression(self, weakest: int) -> Node:
        left = self.operand()
        while (found := self.operator()) is not None and PRECEDENCE[found[0]] >= weakest:
            op, distance = found
            self.take()
            right = self.expression(PRECEDENCE[op] + 1)  # left-associative
            left = Combined(op, left, right, distance)
        return left

    def operand(self) -> Node:
        token = self.take()
        if token.kind == "(":
            inner = self.expression(1)
            closing = self.take()
            if closing.kind != ")":
                if closing.kind == "end":
                    raise QuerySyntaxError(f"query: '(' at column {token.column} is never closed")
                raise QuerySyntaxError(f"query: expected ')' at column {closing.column}, found {_shown(closing)}")
            return inner
        subtags = True
        text, column, kind = token.text, token.column, token.kind
        if kind == "word" and text.startswith("=") and len(text) > 1:
            subtags, text = False, text[1:]
        elif kind == "word" and text == "=" and self.peek().kind == "quoted":
            subtags, text, kind = False, self.take().text, "quoted"
        if kind == "quoted" and text.strip():
            return Operand(text, subtags, column)
        if kind == "word" and text != MINUS and not _NEAR.fullmatch(text):
            return Operand(text, subtags, column)
        raise QuerySyntaxError(f"query: expected a tag PATH or '(' at column {token.column}, found {_shown(token)}")


def parse(text: str) -> Node:
    """The query *text* as a tree; :class:`QuerySyntaxError` (one line, with the column) if it
    cannot be read."""
    if not text.strip():
        raise QuerySyntaxError("query: the query is empty; give a tag PATH, e.g. claim & evidence")
    parser = _Parser(text)
    try:
        tree = parser.expression(1)
    except RecursionError:  # parentheses inside parentheses, hundreds deep
        raise QuerySyntaxError("query: the parentheses are nested too deeply") from None
    extra = parser.peek()
    if extra.kind == ")":
        raise QuerySyntaxError(f"query: ')' at column {extra.column} has no '(' to close")
    assert extra.kind == "end", extra  # operator() refuses anything else
    if (count := _operators(tree)) > MAX_OPERATORS:
        raise QuerySyntaxError(f"query: {count} operators; a query takes at most {MAX_OPERATORS}")
    return tree


#: The most operators a query may hold (each is a level of the evaluation, which recurses).
MAX_OPERATORS = 200


def _operators(tree: Node) -> int:
    count, stack = 0, [tree]
    while stack:  # without recursion: the tree may be deep
        node = stack.pop()
        if not isinstance(node, Operand):
            count += 1
            stack.extend((node.left, node.right))
    return count


def describe(node: Node) -> str:
    """*node* written back as a query, fully parenthesised: what the parser understood."""
    if isinstance(node, Operand):
        path = node.path if not _needs_quotes(node.path) else '"' + node.path.replace('"', '\\"') + '"'
        return ("" if node.subtags else "=") + path
    op = f"near/{node.distance}" if node.op == NEAR else node.op
    return f"({describe(node.left)} {op} {describe(node.right)})"


def _needs_quotes(path: str) -> bool:
    return any(c.isspace() or c in _SPECIAL for c in path) or path == MINUS or bool(_NEAR.fullmatch(path))


def operands(node: Node) -> list[Operand]:
    """The operands of *node*, left to right."""
    if isinstance(node, Operand):
        return [node]
    return operands(node.left) + operands(node.right)


def uses_sentences(node: Node) -> bool:
    """Whether evaluating *node* needs the document's sentences (it has a ``near``)."""
    return isinstance(node, Combined) and (node.op == NEAR or uses_sentences(node.left) or uses_sentences(node.right))


def resolve(node: Node, tags: Sequence[Tag]) -> dict[Operand, frozenset[str]]:
    """The tag ids each operand stands for (with the tags inside it, unless ``=PATH``).

    A PATH that names no tag is :class:`~annotator.core.errors.NotFound` and an ambiguous
    one :class:`InvalidInput`, as everywhere a PATH is typed."""
    found: dict[Operand, frozenset[str]] = {}
    for operand in operands(node):
        tag = codebook.resolve(tags, operand.path)
        ids = {tag.id} | (codebook.descendants(tags, tag.id) if operand.subtags else set())
        found[operand] = frozenset(ids)
    return found


class Coded(Protocol):
    """Core: what the evaluator reads of an annotation."""

    @property
    def id(self) -> str: ...
    @property
    def tag_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_C = TypeVar("_C", bound=Coded)


def evaluate(
    node: Node,
    tag_ids: Mapping[Operand, frozenset[str]],
    annotations: Iterable[_C],
    sentences: Segmentation | None = None,
) -> list[_C]:
    """The segments of one document's *annotations* that *node* selects, by (start, end, id).

    *tag_ids* is what :func:`resolve` gave; *sentences* (the document's) is needed when
    :func:`uses_sentences` says so."""
    annotations = list(annotations)

    def run(n: Node) -> list[_C]:
        if isinstance(n, Operand):
            wanted = tag_ids[n]
            return [a for a in annotations if a.tag_id in wanted]
        left = run(n.left)
        if n.op == OR:
            return list({a.id: a for a in left + run(n.right)}.values())
        if not left:
            return []
        right = run(n.right)
        if n.op == AND:
            return [a for a, hit in zip(left, _reaches(left, right, _chars)) if hit]
        if n.op == MINUS:
            return [a for a, hit in zip(left, _reaches(left, right, _chars)) if not hit]
        if sentences is None:
            raise ValueError("near needs the document's sentences")
        return [a for a, hit in zip(left, _reaches(left, right, _around(sentences, n.distance))) if hit]

    return sorted(run(node), key=lambda a: (a.start, a.end, a.id))


def _chars(a: Coded, *, widen: bool) -> tuple[int, int]:
    return (a.start, a.end)


def _around(sentences: Segmentation, distance: int) -> Callable[..., tuple[int, int]]:
    """A segment as the half-open run of sentence indexes it touches; a left segment's widened by
    *distance* on both sides, so "within N sentences" becomes "overlaps"."""

    def interval(a: Coded, *, widen: bool) -> tuple[int, int]:
        first, last = sentences.sentence_range(a.start, a.end)
        pad = distance if widen else 0
        return (first - pad, last + 1 + pad)

    return interval


def _reaches(left: Sequence[Coded], right: Sequence[Coded], interval: Callable[..., tuple[int, int]]) -> list[bool]:
    """For each of *left*: whether its interval overlaps that of any of *right* (half-open)."""
    spans = sorted(interval(b, widen=False) for b in right)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # reach[i]: the furthest end among spans[0..i]
    furthest = -(2**63)
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    hits: list[bool] = []
    for a in left:
        start, end = interval(a, widen=True)
        k = bisect_left(starts, end)  # the right spans that start before this one ends
        hits.append(k > 0 and reach[k - 1] > start)
    return hits
