"""Core: the words of a stored text, as word frequencies count them and keyword-in-context finds them.

**A word** is a run of word characters (letters, digits, combining marks and ``_``: the
characters a whole-word search will not cut through, see :mod:`annotator.core.search`)
holding at least one letter or digit, and it goes on over an apostrophe (``'`` or ``’``) or
a hyphen (``-``, U+2010, U+2011) that has word characters on both sides: ``don’t``,
``well-being``, ``O'Brien`` and ``café`` (``e`` + U+0301 too) are one word each; ``rock 'n'
roll`` is three, and ``students'`` is ``students``.

**Counting** puts together the spellings that Unicode case folding makes equal (``The``,
``THE``, ``the``; ``Straße``, ``STRASSE``) and reads a curly apostrophe as a straight one
(``don’t`` is ``don't``): :func:`word_key`, which is also how a word is shown in a frequency
list. :func:`word_pattern` is a regular expression for a search (ignoring case, whole
words) that finds every spelling of such a word, ``ß`` for ``ss`` included, which ``re``
ignoring case alone does not.

**Stop words** come from stopwordsiso (the Stopwords ISO collection, MIT): one list per
language, named by its ISO 639-1 code (``en``, ``de``, ``fr``...).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import cache

from annotator.core.errors import InvalidInput

_APOSTROPHES = "'’"
_HYPHENS = "-\u2010\u2011"
_JOINERS = _APOSTROPHES + _HYPHENS


@cache
def _unicode_tables() -> tuple[str, dict[str, str]]:
    """A ``re`` class body of every combining mark (``re``'s ``\\w`` holds none), and each
    multi-character case folding mapped to the characters that fold to it (``ss``: ``ßẞ``).

    Built once, on first use, from ``unicodedata``: marks and such foldings live in the first
    two planes and in plane 14 (variation selectors), ~20 ms to scan instead of ~120 ms for all
    of Unicode (a test checks that nothing beyond them is missed)."""
    marks: list[int] = []
    folds: dict[str, str] = {}
    for code in _scanned():
        char = chr(code)
        if unicodedata.category(char)[0] == "M":
            marks.append(code)
        folded = char.casefold()
        if len(folded) > 1:
            folds[folded] = folds.get(folded, "") + char
    return _ranges(marks), folds


def _scanned() -> Iterator[int]:
    yield from range(0x20000)
    yield from range(0xE0000, 0xE1000)


def _ranges(codes: list[int]) -> str:
    """A ``re`` class body for the sorted *codes*, as ranges."""
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


@cache
def _word_regex() -> re.Pattern[str]:
    marks, _ = _unicode_tables()
    char = f"[\\w{marks}]"
    return re.compile(f"{char}+(?:[{_APOSTROPHES}{re.escape(_HYPHENS)}]{char}+)*")


def spans(text: str) -> Iterator[tuple[int, int]]:
    """The words of *text* as code-point spans (start, end), in text order."""
    for m in _word_regex().finditer(text):
        if any(c.isalnum() for c in m.group()):
            yield m.span()


def snap(text: str, start: int, end: int, reach: int = 256) -> tuple[int, int]:
    """Widen ``start..end`` to whole words: a word that either end cuts through is taken whole
    (looking at most *reach* code points away, so a long text costs no more than a short one)."""
    return _word_around(text, start, reach, start=True), _word_around(text, end, reach, start=False)


def _word_around(text: str, offset: int, reach: int, *, start: bool) -> int:
    low = max(0, offset - reach)
    for word_start, word_end in spans(text[low : offset + reach]):
        if word_start + low < offset < word_end + low:
            return word_start + low if start else word_end + low
    return offset


def counts(text: str) -> Counter[str]:
    """How often each word of *text* occurs, by :func:`word_key`."""
    written = Counter(m for m in _word_regex().findall(text))  # as written: C speed; keys per spelling only
    found: Counter[str] = Counter()
    for form, n in written.items():
        if any(c.isalnum() for c in form):
            found[word_key(form)] += n
    return found


def word_key(word: str) -> str:
    """How a word is counted and shown: case folded, a curly apostrophe made straight."""
    return word.casefold().replace("’", "'")


def joined(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` goes on across an apostrophe or hyphen at either
    end (``well`` in ``well-being``), so it is only a part of a word."""
    word_char = _word_char()
    before = start >= 2 and text[start - 1] in _JOINERS and word_char.match(text, start - 2) is not None
    after = end + 1 < len(text) and text[end] in _JOINERS and word_char.match(text, end + 1) is not None
    return before or after


@cache
def _word_char() -> re.Pattern[str]:
    marks, _ = _unicode_tables()
    return re.compile(f"[\\w{marks}]")


def word_pattern(word: str) -> str:
    """A regular expression (to run ignoring case, as whole words) finding the spellings whose
    :func:`word_key` is that of *word*: each letter as ``re`` ignores case, a straight
    apostrophe also curly, and each run that is the case folding of one character (``ss``)
    also as that character (``ß``). :class:`InvalidInput` if *word* is not one word."""
    key = word_key(word.strip())
    if [m.group() for m in _word_regex().finditer(key)] != [key] or not any(c.isalnum() for c in key):
        raise InvalidInput(f"'{word}' is not one word (letters and digits, with ' or - inside)")
    _, folds = _unicode_tables()
    parts: list[str] = []
    i = 0
    while i < len(key):
        folded = max((f for f in folds if key.startswith(f, i)), key=len, default=None)  # left to right, each once
        if folded is not None:
            parts.append(f"(?:{re.escape(folded)}|[{re.escape(folds[folded])}])")
            i += len(folded)
            continue
        parts.append(f"[{_APOSTROPHES}]" if key[i] == "'" else re.escape(key[i]))
        i += 1
    return "".join(parts)


def stop_word_languages() -> list[str]:
    """The ISO 639-1 codes there is a stop word list for, sorted (what a chooser offers)."""
    import stopwordsiso

    return sorted(stopwordsiso.langs())


@cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words of *language* (an ISO 639-1 code, case aside), as :func:`word_key` makes
    them; :class:`InvalidInput` naming the codes there are for one there is none for."""
    import stopwordsiso  # its lists are read on import: only when asked for

    code = language.strip().lower()
    if not stopwordsiso.has_lang(code):
        codes = ", ".join(sorted(stopwordsiso.langs()))
        raise InvalidInput(f"there is no stop word list for '{language}' (ISO 639-1 codes: {codes})")
    return frozenset(word_key(w) for w in stopwordsiso.stopwords(code))
