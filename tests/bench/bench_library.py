"""Benchmark: the library at scale. Run by ``./dev bench`` after the core loop's table.

Builds, deterministically, a library of 1,000 documents holding ~30 MB of prose
(sentences and paragraphs from a Zipf-weighted vocabulary, with quotes, NBSPs and
characters outside the BMP, so offsets need real mapping), one of them 3 MB, and
50,000 annotations over a codebook of 30 tags in a tree, by two coders, with two
sets and a ``genre`` attribute. It is written through the import service
(``importing.persist``: the rows the app itself stores, bulk-inserted with
SQLAlchemy Core) and the sets service, never with SQL of its own.

Building takes ~10 s (~25 s on PostgreSQL), so the SQLite library is kept in the user's cache
folder under a key (what is generated and the schema it was written with) and
copied for each run. On PostgreSQL (when its server binaries are installed: a
throwaway server started as ``tests/_pg.py`` starts the tests') it is built anew.

Then, on a freshly opened library (no text kept in memory), it measures:

- library search, plain (a whole word): the first page (50 hits) and every hit
- library search, a regular expression
- retrieve ``claim & evidence`` and ``claim near/1 evidence`` (sentences of every
  document with a segment: segmenting them is most of it the first time)
- Ctrl+F in the real find bar on the 3 MB document: every hit found and marked,
  the first selected and painted
- the co-occurrence matrix of every tag (overlapping annotations)
- auto-coding every hit of the plain search in a set (~5,000): the commit

and prints the best of three runs of each (one of ``near``, whose sentences are then kept),
SQLite and PostgreSQL side by side, with the goals. A new measure is a row of
:data:`MEASURES`.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests._pg, run as a script

if TYPE_CHECKING:
    from annotator.formats.base import ImportBundle
    from annotator.services.library import Library

#: ANNOTATOR_BENCH_SMALL=1: a small run that only shows the benchmark still runs to its end (the tests run it).
SMALL = os.environ.get("ANNOTATOR_BENCH_SMALL") == "1"
DOCUMENTS = 40 if SMALL else 1_000
TOTAL_CHARS = 400_000 if SMALL else 30_000_000
BIG_CHARS = 60_000 if SMALL else 3_000_000  # the document Ctrl+F is measured on
ANNOTATIONS = 1_000 if SMALL else 50_000
FIRST_PAGE = 50  # hits: what a window shows first
#: Bump when what is generated changes: the cached library is then built again.
GENERATOR_VERSION = 1

WORD = "council"  # the plain search: a whole word, ignoring case
REGEX = r"\b(?:minister|report)s?\b"
BOTH = "claim & evidence"
NEAR = "claim near/1 evidence"

# Function words weigh most, as in English prose; the content words are what searches and tags find.
_FUNCTION_WORDS = ("the of and to a in that is was he for it with as his on be at by had not are but from or have an "
             "they which one you were all her she there would their we him been has when who will no more if out "
             "so said what up its about than into them can only other time new some could these two may first "
             "then do any like now over such our even most made after also did many before must through back "
             "years where much well down should because each just those people how too little state very make "
             "world still own men work long here both between life being under never day same another while "
             "last might great old year off since against came right used take three")  # fmt: skip
_CONTENT = ("council", "treaty", "minister", "archive", "witness", "report", "election", "protest", "market",
            "reform", "pipeline", "border", "garrison", "uranium", "source", "evidence", "claim", "inquiry",
            "ministry", "parliament", "committee", "budget", "harvest", "strike", "railway", "harbour",
            "province", "delegation", "ceasefire", "tariff", "café", "naïve", "Zürich", "São Paulo", "Đorđe")  # fmt: skip
_ASIDES = ("\u00a0", " 👍", " 𝔐𝔞𝔯𝔨", " 𠀋", " 🇫🇷", " (see p.\u00a04)", " — or so Mr. Ames said —")

#: The codebook: 30 tags in a tree (the three default tags get children).
CODEBOOK: dict[str, tuple[str, ...]] = {
    "claim": ("policy claim", "causal claim", "value claim"),
    "evidence": ("statistic", "quotation", "document", "testimony", "observation"),
    "speculation": ("prediction", "hypothesis"),
    "Attitude": ("Positive", "Negative", "Ambivalent"),
    "Actors": ("State", "Party", "Company", "NGO", "Citizen"),
    "Place": ("Capital", "Region", "Abroad"),
    "Method": ("Interview", "Archive"),
}
CODERS = ("ada", "ben")
GENRES = ("news", "interview", "report")


@dataclass(frozen=True, slots=True)
class Built:
    """What the bench measures on: the library's URL, the id of the 3 MB document, and how it was made."""

    url: str
    big_id: str
    how: str


# -- generating -----------------------------------------------------------------------------------


def _sizes(rng: random.Random) -> list[int]:
    """Characters per document: one of BIG_CHARS, the rest varied, summing to ~TOTAL_CHARS."""
    rest = TOTAL_CHARS - BIG_CHARS
    weights = [rng.lognormvariate(0, 0.6) for _ in range(DOCUMENTS - 1)]
    scale = rest / sum(weights)
    sizes = [max(500, int(w * scale)) for w in weights]
    sizes.insert(DOCUMENTS // 2, BIG_CHARS)  # in the middle of the library's order
    return sizes


def _prose(rng: random.Random, size: int, words: list[str], weights: list[float]) -> str:
    """Paragraphs of sentences, about *size* characters (cut at a sentence's end)."""
    pool = rng.choices(words, weights, k=size // 5 + 40)  # words are ~5 characters with their space
    at = 0
    paragraphs: list[str] = []
    total = 0
    while total < size and at < len(pool) - 40:
        sentences = []
        for _ in range(rng.randint(2, 8)):
            n = rng.randint(6, 30)
            sentence = pool[at : at + n]
            at += n
            if not sentence:
                break
            if rng.random() < 0.3:
                sentence[rng.randrange(len(sentence))] += ","
            text = " ".join(sentence)
            if rng.random() < 0.08:
                text = f"“{text}”"
            if rng.random() < 0.12:
                text += rng.choice(_ASIDES)
            sentences.append(text[0].upper() + text[1:] + rng.choice(".....?!"))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def _spans(rng: random.Random, text: str, count: int) -> Iterator[tuple[int, int]]:
    """*count* spans of whole words, 20-400 characters, none starting or ending in white space."""
    for _ in range(count):
        start = text.find(" ", rng.randrange(0, max(1, len(text) - 450))) + 1
        end = text.rfind(" ", start, start + rng.randint(20, 400))
        if start <= 0 or end <= start:
            continue
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            yield start, end


def make_bundle() -> ImportBundle:
    """The whole library as one import: documents, codebook, annotations, attribute values."""
    from annotator.core.attributes import CHOICE, Attribute
    from annotator.core.model import TagSpec
    from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument

    rng = random.Random(2026)
    function_words = _FUNCTION_WORDS.split()
    words = function_words + list(_CONTENT)
    weights = [1.0 / (rank + 1) for rank in range(len(function_words))] + [0.03] * len(_CONTENT)
    leaves = [(parent, child) for parent, children in CODEBOOK.items() for child in children]
    paths = [(parent,) for parent in CODEBOOK] + leaves
    tags = [TagSpec(path[-1], "#888888", parents=path[:-1]) for path in paths]
    sizes = _sizes(rng)
    total = sum(sizes)
    genre = Attribute("00000000-0000-4000-8000-00000000a77e", "genre", CHOICE, GENRES)
    documents = []
    for number, size in enumerate(sizes, start=1):
        text = _prose(rng, size, words, weights)
        annotations = [
            ImportedAnnotation(tag=path[-1], tag_path=path, start=start, end=end, coder=rng.choice(CODERS))
            for start, end in _spans(rng, text, max(1, round(ANNOTATIONS * size / total)))
            for path in [rng.choice(paths)]
        ]  # fmt: skip
        title = f"{'Transcript' if number % 3 == 0 else 'Article'} {number:04d}: {text[:40].split(',')[0]}"
        documents.append(ImportedDocument(title, text, {}, annotations, attributes={"genre": GENRES[number % 3]}))
    return ImportBundle(documents, tags=tags, attributes=[genre])


def build(library: Library) -> str:
    """Write the generated library into the empty *library*; the id of its 3 MB document."""
    from annotator.core.gcpause import gc_paused
    from annotator.services import importing, sets

    with gc_paused():
        bundle = make_bundle()
        result = importing.persist(library, [bundle])
    ids = [row.id for row in result.documents]
    sets.create_set(library, name="pilot", document_ids=ids[::10])
    sets.create_set(library, name="interviews", document_ids=ids[2::3])
    return ids[DOCUMENTS // 2]


def cache_key() -> str:
    """What the cached library depends on: the generator and the schema it was written with."""
    from annotator.storage.migrate import head_revision

    made = f"{GENERATOR_VERSION}/{DOCUMENTS}/{TOTAL_CHARS}/{BIG_CHARS}/{ANNOTATIONS}/{head_revision()}"
    return hashlib.sha256(made.encode()).hexdigest()[:16]


def sqlite_library(workdir: Path) -> Built:
    """A copy of the cached SQLite library in *workdir* (built and cached first if need be)."""
    from annotator.services.library import Library

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "annotator-bench"
    kept = cache / f"library-{cache_key()}.sqlite3"
    big = kept.with_suffix(".big")
    how = f"copied from {kept}"
    if SMALL or not (kept.exists() and big.exists()):
        target = workdir / "building.sqlite3"
        t0 = time.perf_counter()
        with Library.open(f"sqlite:///{target}") as library:  # closing it checkpoints its WAL into the file
            big_id = build(library)
        how = f"built in {time.perf_counter() - t0:.1f} s"
        if SMALL:
            return Built(f"sqlite:///{target}", big_id, how)
        cache.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, kept.with_suffix(".part"))
        kept.with_suffix(".part").replace(kept)
        big.write_text(big_id)
        target.unlink()
        how += f", kept in {kept}"
    copy = workdir / "library.sqlite3"
    shutil.copyfile(kept, copy)
    return Built(f"sqlite:///{copy}", big.read_text(), how)


@contextmanager
def postgres_library() -> Iterator[Built | str]:
    """The library built on a throwaway PostgreSQL server, or why there is none."""
    import pytest

    from tests import _pg

    try:
        server = _pg.start_server()
    except (pytest.skip.Exception, pytest.fail.Exception) as exc:
        yield str(exc).splitlines()[0]
        return
    try:
        from annotator.services.library import Library

        url = server.create_database()
        t0 = time.perf_counter()
        with Library.open(url) as library:
            big_id = build(library)
        yield Built(url, big_id, f"built in {time.perf_counter() - t0:.1f} s")
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


# -- measuring ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measure:
    """One row of the table: what is measured, its goal, and how (seconds, and a note such as a count)."""

    name: str
    goal: str
    run: Callable[[Library, Built], tuple[float, str]]
    #: how often it is run (the best run counts): once where a second run would find a cache warm
    repeats: int = 3


def _search_first_page(library: Library, built: Built) -> tuple[float, str]:
    from annotator.core.search import Query
    from annotator.services import searching

    t0 = time.perf_counter()
    found = searching.search_library(library, Query(WORD, word=True))
    hits = 0
    for document in found:
        hits += len(document.hits)
        if hits >= FIRST_PAGE:
            break
    elapsed = time.perf_counter() - t0
    found.close()
    return elapsed, f"{hits} hits"


def _search_all(library: Library, built: Built) -> tuple[float, str]:
    from annotator.core.search import Query
    from annotator.services import searching

    t0 = time.perf_counter()
    hits = sum(len(d.hits) for d in searching.search_library(library, Query(WORD, word=True)))
    return time.perf_counter() - t0, f"{hits:,} hits"


def _search_regex(library: Library, built: Built) -> tuple[float, str]:
    from annotator.core.search import Query
    from annotator.services import searching

    t0 = time.perf_counter()
    hits = sum(len(d.hits) for d in searching.search_library(library, Query(REGEX, regex=True)))
    return time.perf_counter() - t0, f"{hits:,} hits"


def _retrieve(query: str) -> Callable[[Library, Built], tuple[float, str]]:
    def run(library: Library, built: Built) -> tuple[float, str]:
        from annotator.services import retrieving

        t0 = time.perf_counter()
        segments = retrieving.retrieve(library, query)
        return time.perf_counter() - t0, f"{len(segments):,} segments"

    return run


def _find_bar(library: Library, built: Built) -> tuple[float, str]:
    """Ctrl+F on the 3 MB document in a real window: type the word, every hit found and marked,
    the first selected and painted (as the core loop's bench measures its find bar)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.ui.qt_main_window import QtMainWindow
    from annotator.ui.qt_session import QtLibrarySession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QtMainWindow(QtLibrarySession(library))
    try:
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        window.open_document(built.big_id)
        app.processEvents()
        finder = window.find_bar
        finder.open_bar()
        app.processEvents()
        t0 = time.perf_counter()
        finder.edit.setText(WORD)
        window.pane.viewport().repaint()
        elapsed = time.perf_counter() - t0
        found = len(finder.hits)
        finder.close_bar()
        app.processEvents()
    finally:
        window.close()
        app.processEvents()
    return elapsed, f"{found:,} hits"


def _cooccurrence(library: Library, built: Built) -> tuple[float, str]:
    from annotator.services import matrices

    t0 = time.perf_counter()
    table = matrices.cooccurrence_matrix(library)
    elapsed = time.perf_counter() - t0
    return elapsed, f"{len(table.rows)} x {len(table.columns)} tags"


def _autocode(library: Library, built: Built) -> tuple[float, str]:
    """Every hit of the plain search in the 'pilot' set (the 3 MB document and a tenth of the rest)
    coded as 'Place': the plan (a search) first, then the commit, which is what is timed."""
    from annotator.core.search import Query
    from annotator.services import autocoding
    from annotator.services.searching import Scope

    place = library.tag_named("Place").id
    planned = autocoding.plan(library, Query(WORD, word=True), tag_id=place, scope=Scope(set_name="pilot"))
    t0 = time.perf_counter()
    done = autocoding.apply(library, planned, coder="bench")
    elapsed = time.perf_counter() - t0
    return elapsed, f"{len(planned.spans):,} hits, {done.added:,} annotations made"


#: The rows of the table, in order. One that writes goes last, with ``repeats=1``, so the others
#: measure the library as generated.
MEASURES: list[Measure] = [
    Measure(f"search library: '{WORD}', first {FIRST_PAGE} hits", "< 200 ms", _search_first_page),
    Measure(f"search library: '{WORD}', every hit", "< 1000 ms", _search_all),
    Measure("search library: regex", "< 2000 ms", _search_regex),
    Measure(f"retrieve {BOTH}", "< 300 ms", _retrieve(BOTH)),
    Measure(f"retrieve {NEAR}", "", _retrieve(NEAR), repeats=1),  # sentences are kept by SHA-256
    Measure(f"find bar, {BIG_CHARS / 1e6:.2g} MB document: marked", "< 100 ms", _find_bar),
    Measure("co-occurrence matrix, every tag, overlap", "< 1000 ms", _cooccurrence),
    Measure(f"auto-code '{WORD}' in a set: commit", "< 2000 ms", _autocode, repeats=1),
]


def library_measures(built: Built) -> list[tuple[float, str]]:
    """Every measure of :data:`MEASURES` on the library *built*: the best of its runs (the machines
    are shared; the best is what the code costs), each on a freshly opened library (no text of it
    kept in memory, as after starting the program)."""
    from annotator.services.library import Library

    results = []
    for measure in MEASURES:
        runs = []
        for _ in range(1 if SMALL else measure.repeats):
            with Library.open(built.url) as library:
                runs.append(measure.run(library, built))
        results.append(min(runs))
    return results


def _cell(result: tuple[float, str] | None) -> str:
    return f"{result[0] * 1000:8.1f} ms" if result is not None else "-"


def main() -> int:
    from annotator import config

    with tempfile.TemporaryDirectory(prefix="annotator-bench-library-") as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp
        config.save_coder_name("bench")
        built = sqlite_library(Path(tmp))
        on_sqlite = library_measures(built)
        with postgres_library() as on_server:
            if isinstance(on_server, Built):
                on_postgres: list[tuple[float, str]] | None = library_measures(on_server)
                server_note = f"PostgreSQL: {on_server.how}"
            else:
                on_postgres, server_note = None, f"PostgreSQL: not measured ({on_server})"
    print()
    print(f"Library at scale: {DOCUMENTS:,} documents, {TOTAL_CHARS / 1e6:.3g} MB of text (one of "
          f"{BIG_CHARS / 1e6:.2g} MB), ~{ANNOTATIONS:,} annotations, {_tag_count()} tags")  # fmt: skip
    print(f"SQLite: {built.how}; {server_note}")
    print(f"{'measure':<44} {'SQLite':>11} {'PostgreSQL':>11}  {'goal':<10} found")
    print("-" * 100)
    for i, measure in enumerate(MEASURES):
        server = on_postgres[i] if on_postgres is not None else None
        print(f"{measure.name:<44} {_cell(on_sqlite[i]):>11} {_cell(server):>11}  {measure.goal:<10} "
              f"{on_sqlite[i][1]}")  # fmt: skip
    return 0


def _tag_count() -> int:
    return len(CODEBOOK) + sum(len(children) for children in CODEBOOK.values())


if __name__ == "__main__":
    raise SystemExit(main())
