"""Core: finding a pattern in a stored text, with offsets that are exact code points.

A :class:`Query` is what a person typed and how to read it: plain text or a regular
expression (Python's ``re``), case-sensitive or not, whole words only, and "loose".
:func:`compile_query` turns it into one compiled pattern, or refuses it with an
:class:`~annotator.core.errors.InvalidInput` of one line, as a :class:`Finder` that
runs over the text itself, so every hit satisfies
``text[start:end] == match`` (end exclusive).

- **Case**: without it, the pattern is matched with ``re.IGNORECASE`` on the text as
  stored. Lowercasing both sides first would search a different string: ``'İ'.lower()``
  is two code points, and every offset after it would be off by one.
- **Whole word**: the hit is neither preceded nor followed by a word character: a
  letter, a digit, ``_`` or a combining mark (so ``cafe`` is not a whole word of
  ``cafe`` + U+0301, and a Devanagari vowel sign stays part of its word). Unlike
  ``\\b``, this also holds for patterns that begin or end with punctuation (``U.S.``).
- **Loose** (plain patterns only): white space in the pattern matches any run of white
  space (spaces, NBSP, tabs, line breaks), and a straight or curly quote or apostrophe
  matches any of its kind (``'`` ``‘`` ``’``; ``"`` ``“`` ``”``).
- **The regex guard**: ``re`` cannot be interrupted, and a pattern such as ``(a+)+$``
  takes exponential time on a line of ``a``. So a regex is refused, before it runs, when
  a repeated part holds another repeat (``(a+)+``, ``(\\w+\\s?)*``) or alternatives
  that can begin with the same character (``(a|ab)*``); an atomic group ``(?>...)`` or
  a possessive quantifier (``a++``) says the same without the backtracking and is
  accepted. Polynomial cases (``.*.*x`` on one very long line) are not refused.

Empty matches (``x*`` where there is no ``x``) are not hits: a hit is a span.
Context is up to N characters each side of a hit, cut at the nearest line break so a
hit's context is always one line.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from annotator.core.errors import InvalidInput

#: How many characters of context each side of a hit, unless asked otherwise.
CONTEXT = 40

_SINGLE_QUOTES = "'‘’‚‛′ʼ"
_DOUBLE_QUOTES = '"“”„‟″'
_LINE_BREAKS = re.compile("[\n\r\u2028\u2029]")
_NOT_WORD = re.compile(r"\W")  # nor a combining mark, which re's \w leaves out (see _is_word_char)
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")  # "(?i)(?s)" opening a regex

# The parser behind re.compile: private, but the same in every Python the project supports
# (3.11+), and the only way to see a pattern's structure without writing a second parser.
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")


@dataclass(frozen=True, slots=True)
class Query:
    """Core: what to look for, and how (see the module's description of each switch)."""

    pattern: str
    regex: bool = False
    case: bool = False
    word: bool = False
    loose: bool = False


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """Core: a search kept by name in the library: the query and where to look (the documents
    ``document_ids``, the set ``set_name``, documents with each attribute value of ``where``;
    all empty: the whole library). ``modified``: when it was last saved."""

    id: str
    name: str
    query: Query
    document_ids: tuple[str, ...] = ()
    set_name: str | None = None
    where: tuple[tuple[str, str], ...] = ()
    modified: datetime | None = None


@dataclass(slots=True)
class Hit:
    """Core: one match: code points [start, end) of the stored text, and its context. A value
    (not frozen: tens of thousands are made per search, and a frozen one takes twice as long)."""

    start: int
    end: int
    match: str
    before: str
    after: str


# -- compiling ------------------------------------------------------------------------------------


def compile_query(query: Query) -> Finder:
    """The compiled pattern of *query*; :class:`InvalidInput` (one line) if it cannot be searched.

    For a whole-word query the pattern refuses a letter, digit or ``_`` after a hit (so
    ``cat|cats`` backtracks to ``cats`` in "cats."); the :class:`Finder` checks the
    character before (a look-behind tried at every position of a 3 MB text costs ten
    times the search) and a combining mark after (``re``'s ``\\w`` has none, and a class
    of them all takes a scan of Unicode to build).
    """
    if not query.pattern:
        raise InvalidInput("the search pattern is empty")
    if query.regex and query.loose:
        raise InvalidInput("loose matching is for plain text; in a regular expression write the alternatives out")
    flags = 0 if query.case else re.IGNORECASE
    # Python warns on stderr of syntax whose meaning may change ("[[:alpha:]]", "[a&&b]"): a search says
    # nothing but its hits or one line of error, so the warnings are not shown.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return _compile(query, flags)


def _compile(query: Query, flags: int) -> Finder:
    if query.regex:
        source = query.pattern
        _check_regex(source, flags)
    elif query.loose:
        source = _loose(query.pattern)
    else:
        source = re.escape(query.pattern)
    if query.word:
        source = _whole_word(source)
    try:
        return Finder(re.compile(source, flags), word=query.word)
    except re.error as exc:  # a plain pattern is escaped: only a regex gets here
        raise InvalidInput(f"not a valid regular expression: {_regex_error(exc)}") from None
    except (OverflowError, RecursionError):
        raise InvalidInput("the regular expression is too large") from None


def _whole_word(source: str) -> str:
    """*source* that a word character may not follow. A regex's global flags (``(?i)``) must stay at
    its very start, so they go before the group; under ``(?x)`` the group closes on a line of its
    own, so that a ``# comment`` ending the pattern does not swallow it."""
    flags = _GLOBAL_FLAGS.match(source)
    head = flags.group() if flags else ""
    end = "\n)" if "x" in head else ")"
    return f"{head}(?:{source[len(head) :]}{end}(?!\\w)"


def _regex_error(exc: re.error) -> str:
    where = f" at position {exc.pos}" if exc.pos is not None else ""
    return f"{exc.msg}{where}"


def _loose(pattern: str) -> str:
    """A regex for plain *pattern* where white space runs, and quote kinds, match loosely."""
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char.isspace():
            while i < len(pattern) and pattern[i].isspace():
                i += 1
            parts.append(r"\s+")
            continue
        if char in _SINGLE_QUOTES:
            parts.append(f"[{re.escape(_SINGLE_QUOTES)}]")
        elif char in _DOUBLE_QUOTES:
            parts.append(f"[{re.escape(_DOUBLE_QUOTES)}]")
        else:
            parts.append(re.escape(char))
        i += 1
    return "".join(parts)


# -- the regex guard ------------------------------------------------------------------------------


def _check_regex(pattern: str, flags: int) -> None:
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error as exc:
        raise InvalidInput(f"not a valid regular expression: {_regex_error(exc)}") from None
    except (OverflowError, RecursionError):
        raise InvalidInput("the regular expression is too large") from None
    ignore_case = bool((flags | parsed.state.flags) & re.IGNORECASE)
    why = _risky(list(parsed), repeated=False, ignore_case=ignore_case)
    if why:
        raise InvalidInput(
            f"the regular expression could take hours on some texts ({why}); "
            "use an atomic group (?>...) or a possessive quantifier (a++) instead"
        )


def _risky(items: list[tuple[Any, Any]], *, repeated: bool, ignore_case: bool) -> str | None:
    """Why *items* could backtrack exponentially (None: they cannot); *repeated*: inside a repeat."""
    c = _constants
    for op, av in items:
        why: str | None = None
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, body = av
            if repeated and high > low:  # how often it runs is a choice, made again on every round
                return "a repeat inside a repeat"
            why = _risky(list(body), repeated=repeated or high > 1, ignore_case=ignore_case)
        elif op is c.POSSESSIVE_REPEAT:  # never gives back what it took
            why = _risky(list(av[2]), repeated=False, ignore_case=ignore_case)
        elif op is c.ATOMIC_GROUP:
            why = _risky(list(av), repeated=False, ignore_case=ignore_case)
        elif op is c.SUBPATTERN:
            why = _risky(list(av[-1]), repeated=repeated, ignore_case=ignore_case)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            why = _risky(list(av[1]), repeated=repeated, ignore_case=ignore_case)
        elif op is c.BRANCH:
            branches = [list(b) for b in av[1]]
            if repeated and _overlap(branches, ignore_case):
                return "a repeated choice whose alternatives can begin alike"
            for branch in branches:
                why = why or _risky(branch, repeated=repeated, ignore_case=ignore_case)
        elif op is c.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    why = why or _risky(list(branch), repeated=repeated, ignore_case=ignore_case)
        if why:
            return why
    return None


def _first_char(items: list[tuple[Any, Any]], ignore_case: bool) -> str | None:
    """The one character *items* must begin with, if that is plain (a literal); else None."""
    c = _constants
    while items:
        op, av = items[0]
        if op is c.SUBPATTERN:
            items = list(av[-1])
            continue
        if op is c.LITERAL:
            return chr(av)
        return None
    return None  # an empty alternative


def _overlap(branches: list[list[tuple[Any, Any]]], ignore_case: bool) -> bool:
    firsts = [_first_char(b, ignore_case) for b in branches]
    known = [f for f in firsts if f is not None]
    if len(known) < len(firsts):
        return True
    return any(_alike(a, b, ignore_case) for i, a in enumerate(known) for b in known[i + 1 :])


def _alike(a: str, b: str, ignore_case: bool) -> bool:
    """Whether ``re`` matches *a* where *b* is: the same character or, ignoring case, one ``re``
    takes for it ("i", "ı" and "İ" are one letter then, which ``casefold`` does not say)."""
    return a == b or (ignore_case and re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None)


# -- searching ------------------------------------------------------------------------------------


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or _is_mark(char)


def _past_word(text: str, start: int) -> int:
    """Where a whole word could begin next, when one cannot begin at *start* (a word character is
    before it): one past the first character at or after *start* that is no word character."""
    while (other := _NOT_WORD.search(text, start)) is not None:
        if not _is_mark(other.group()):
            return other.end()
        start = other.end()
    return len(text)


@dataclass(frozen=True, slots=True)
class Finder:
    """Core: a compiled query, ready to run over any number of texts."""

    pattern: re.Pattern[str]
    word: bool = False

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """Every non-empty match in *text*, in order; whole-word ones only for a whole-word query."""
        if not self.word:
            for every in self.pattern.finditer(text):
                if every.end() != every.start():
                    yield every
            return
        # finditer runs at C speed; a hit refused by what is around it (rare: "misreport") restarts
        # the scan one character on, where a whole word may still begin ("aa" in "aaa aa").
        length, pos = len(text), 0
        while True:
            for m in self.pattern.finditer(text, pos):
                start, end = m.span()
                if start == end:
                    continue
                if start and _is_word_char(text[start - 1]):
                    pos = _past_word(text, start)  # one character on each time would scan the word again
                    break
                if end < length and _is_mark(text[end]):
                    pos = start + 1
                    break
                yield m
            else:
                return

    def spans(self, text: str, limit: int | None = None) -> list[tuple[int, int]]:
        """Every hit in *text* (the first *limit*, if given: the search stops there) as a code-point
        span (start, end): the fast path, no strings cut."""
        if not self.word:  # the common case, without a generator in between: ~2x faster on 20,000 hits
            found = (span for span in map(re.Match.span, self.pattern.finditer(text)) if span[0] != span[1])
        else:
            found = (m.span() for m in self.matches(text))
        return list(found if limit is None else islice(found, limit))

    def hits(self, text: str, *, context: int = CONTEXT) -> Iterator[Hit]:
        """Every hit in *text* with up to *context* characters each side, cut at the nearest line break."""
        context = max(context, 0)
        # Stored texts have LF line ends; the two Unicode line breaks are rare, so looked for only if there.
        other_breaks = "\u2028" in text or "\u2029" in text or "\r" in text
        find, rfind = text.find, text.rfind
        for m in self.matches(text):
            start, end = m.span()
            low = start - context if start > context else 0
            cut = rfind("\n", low, start)
            if cut >= 0:
                low = cut + 1
            high = end + context
            cut = find("\n", end, high)
            if cut >= 0:
                high = cut
            before, after = text[low:start], text[end:high]
            if other_breaks:
                before = _LINE_BREAKS.split(before)[-1]
                after = _LINE_BREAKS.split(after)[0]
            yield Hit(start, end, text[start:end], before, after)


def find_hits(text: str, query: Query, *, context: int = CONTEXT) -> list[Hit]:
    """Every hit of *query* in *text* (see :class:`Finder`); :class:`InvalidInput` for a bad query."""
    return list(compile_query(query).hits(text, context=context))
