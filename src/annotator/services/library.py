"""Services: an open library (one database) and the queries screens need.

Opening a library checks, before anything writes to it, that a SQLite file is
really an Annotator library (a corrupt or foreign file is refused and left
untouched: :func:`annotator.storage.inspection.check_library_file`), then
migrates it to the current schema (after a backup) and makes sure it has a
codebook.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.core import codebook
from annotator.core.anchoring import ORPHANED, AnchorState, Orphan
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import (
    DEFAULT_TAGS,
    Annotation,
    Document,
    DocumentSummary,
    Tag,
    TagSpec,
    new_id,
    nfc,
    tag_name,
)
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.backup_files import backup_hint
from annotator.storage.engine import LibraryError, describe_url, hold_file, make_engine, release_file, sqlite_file
from annotator.storage.inspection import check_library_file, refuse_folder, refuse_read_only_folder
from annotator.storage.integrity import QuickCheck
from annotator.storage.migrate import upgrade_to_head
from annotator.storage.uow import Session, database_errors, reading, unit_of_work

TEXT_CACHE_SIZE = 8
#: Set once a library has been given its first codebook (``default_tags``), so never again.
CODEBOOK_SEEDED_KEY = "codebook_seeded"


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Services: what a window shows of a document: its text, its placed annotations (by start,
    end, id), how revisions left those that are not plainly "unchanged", and its orphans."""

    document: Document
    annotations: list[Annotation]
    anchor_states: dict[str, AnchorState]
    orphans: list[Orphan]


def _anchors(s: Session, document_id: str) -> tuple[dict[str, AnchorState], list[Orphan]]:
    states = repo.anchor_states_of(s, document_id)
    # Only a revised document has orphans: the common case asks no second question.
    orphans = repo.orphans_of(s, document_id) if any(st.status == ORPHANED for st in states.values()) else []
    return states, orphans


def _new_library(s: Session) -> bool:
    """Whether the library has never had a codebook: not when the user emptied it (nor one
    made before the key was kept that has documents)."""
    if repo.get_state(s, CODEBOOK_SEEDED_KEY) is not None or repo.list_tags(s):
        return False
    return not repo.has_documents(s)


class Library:
    """Services: an open library. Create with :meth:`open`; close when done."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        path = sqlite_file(url)
        #: while open, its file is never read as a plain file by this process (see storage.engine)
        self._held = hold_file(path) if path is not None else None
        self.backup_made: str | None = None
        #: SQLite's quick check when it runs beside the open library (see :meth:`open`)
        self._check: QuickCheck | None = None
        # Texts are kept, so cutting a quote costs microseconds, not a 3 MB read; each with
        # its SHA-256, because another program may revise a document at any moment: a kept
        # text is used only once the unit of work using it has read the current SHA-256.
        self._texts: OrderedDict[str, tuple[str, str]] = OrderedDict()  # id -> (sha256, text)
        # A window searches and retrieves in threads of their own while its GUI thread reads too.
        self._texts_lock = threading.Lock()

    @classmethod
    def open(
        cls, url: str, *, default_tags: tuple[TagSpec, ...] = DEFAULT_TAGS, check_in_background: bool = False
    ) -> Library:
        """Open (creating if needed) the library at *url* and bring it to the current schema.

        A SQLite file is checked first (SQLite's quick check): a damaged one is refused.
        With *check_in_background* (the window, whose start it would slow), only its header
        and schema are read now and the quick check runs in a thread once it is open; every
        write waits for that check and is refused if it found damage
        (:mod:`annotator.storage.integrity`).
        """
        path = sqlite_file(url)
        if path is not None:
            refuse_folder(path)  # not damaged: no backup to point to
            refuse_read_only_folder(path)
            try:
                check_library_file(path, quick_check=not check_in_background)
            except LibraryError as exc:  # name the newest good backup, so the way back is clear
                raise LibraryError(f"{exc}{backup_hint(path)}") from exc
        library = cls(url)
        if path is not None and check_in_background:
            library._check = QuickCheck(path)
            library._check.guard(library.engine)  # a migration waits for it (runs it) too
        try:
            with database_errors(f"cannot open {describe_url(url)}"):
                library.backup_made = upgrade_to_head(library.engine)
                with reading(library.engine) as session:
                    new = _new_library(session)
                if new:  # asked again under the lock: programs opening a new library at once
                    with unit_of_work(library.engine) as session:
                        locks.hold(session, locks.SCHEMA)
                        if _new_library(session):
                            for order, spec in enumerate(default_tags):
                                name = tag_name(spec.name)
                                tag = Tag(new_id(), name, spec.color, spec.description, spec.shortcut, order)
                                repo.add_tag(session, tag)
                            repo.set_state(session, CODEBOOK_SEEDED_KEY, "1")
        except BaseException:
            library.close()
            raise
        if library._check is not None:
            library._check.start()  # after the first connection made the file WAL: the check reads beside it
        return library

    def wait_for_check(self) -> None:
        """Wait for the check in the background, if there is one; :class:`LibraryError` if it found
        the file damaged (what copies the whole file, a backup, must not copy a damaged one)."""
        if self._check is not None:
            self._check.verdict()

    def damage_found(self) -> str | None:
        """What the check in the background (:meth:`open` with *check_in_background*) found wrong with
        the file, once it has run; None while it runs, if all is well, or if there is no such check."""
        return self._check.problem() if self._check is not None else None

    def close(self) -> None:
        if self._check is not None:
            self._check.stop()
        self.engine.dispose()
        release_file(self._held)
        self._held = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- queries ----------------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        with reading(self.engine) as s:
            return repo.list_tags(s)

    def tag_counts(self, tag_ids: Sequence[str] | None = None, coders: Sequence[str] | None = None) -> dict[str, int]:
        """How many annotations (placed and orphaned) each tag has, not counting its children's:
        of *tag_ids* (0 for a tag with none), or of every tag that has any; only *coders*' when given."""
        with reading(self.engine) as s:
            return repo.tag_counts(s, tag_ids, coders)

    def tag_named(self, name: str) -> Tag:
        """The tag *name* names: the one tag of that exact name, else the tag the PATH *name*
        names (``Parent/Child``; see :mod:`annotator.core.codebook`). :class:`NotFound` lists
        the tags; a name several tags have is refused naming their full paths."""
        tags = self.tags()
        exact = [t for t in tags if t.name == name]
        if len(exact) == 1:
            return exact[0]
        try:
            return codebook.resolve(tags, name)
        except (NotFound, InvalidInput):
            if exact:
                raise
        names = ", ".join(codebook.format_path(p) for p in codebook.paths(tags).values())
        raise NotFound(f"there is no tag '{name}' (tags: {names})")

    def documents(self, coders: Sequence[str] | None = None) -> list[DocumentSummary]:
        """Every document without its text, its annotations counted (only *coders*' when given)."""
        with reading(self.engine) as s:
            return repo.document_summaries(s, coders)

    def document(self, document_id: str) -> Document:
        with reading(self.engine) as s:
            doc = repo.get_document(s, document_id)
        if doc is None:
            raise NotFound(f"there is no document '{document_id}' in this library")
        self._remember_text(doc.id, doc.sha256, doc.text)
        return doc

    def document_view(self, document_id: str) -> DocumentView:
        """A document as a window shows it, read in one snapshot: a revision committed in
        between cannot pair the old text with the new offsets or review marks."""
        with reading(self.engine) as s:
            doc = repo.get_document(s, document_id)
            if doc is None:
                raise NotFound(f"there is no document '{document_id}' in this library")
            annotations = repo.annotations_of(s, [document_id])[document_id]
            states, orphans = _anchors(s, document_id)
        self._remember_text(doc.id, doc.sha256, doc.text)
        return DocumentView(doc, annotations, states, orphans)

    def anchors(self, document_id: str) -> tuple[dict[str, AnchorState], list[Orphan]]:
        """How revisions left a document's annotations (those not plainly "unchanged"), and its
        orphans, read in one snapshot."""
        with reading(self.engine) as s:
            return _anchors(s, document_id)

    def text(self, document_id: str) -> str:
        """The stored text of a document as it is now."""
        with reading(self.engine) as s:
            return self.current_text(s, document_id)[0]

    def current_text(
        self, session: Session, document_id: str, *, lock: bool = False, keep: bool = True
    ) -> tuple[str, str]:
        """A document's text as *session*'s transaction sees it, and its SHA-256.

        A kept text is used only if its SHA-256 is the stored one. With *lock*, the
        document stays locked against a revision until the unit of work ends
        (see :func:`annotator.storage.repository.document_sha256`): use it when
        what the unit of work writes depends on the text. Without *keep*, a text read
        is not kept (a search of the whole library would push out those a window uses).
        """
        sha256 = repo.document_sha256(session, document_id, lock=lock)
        if sha256 is None:
            raise NotFound(f"there is no document '{document_id}' in this library")
        with self._texts_lock:
            kept = self._texts.get(document_id)
            if kept is not None and kept[0] == sha256:
                self._texts.move_to_end(document_id)
                return kept[1], sha256
        text = repo.document_text(session, document_id)
        assert text is not None  # the row was there a statement ago, in this transaction
        if keep:
            self._remember_text(document_id, sha256, text)
        return text, sha256

    def current_texts(self, session: Session, document_ids: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        """(id, text, SHA-256) of those of *document_ids* that exist, in the order given, as
        *session*'s transaction sees them: what :meth:`current_text` gives each, without keeping
        any, for many documents at once. A kept text is used if current; the others are read a
        few per query (:func:`~annotator.storage.repository.document_texts`), never two queries
        per document, which on 1,000 documents cost more than searching them."""
        sha256s = repo.document_sha256s(session, document_ids)  # from an index: no text is read
        ids = [d for d in document_ids if d in sha256s]
        for at in range(0, len(ids), repo.TEXTS_PER_QUERY):
            chunk = ids[at : at + repo.TEXTS_PER_QUERY]
            with self._texts_lock:
                kept = {d: k[1] for d in chunk if (k := self._texts.get(d)) is not None and k[0] == sha256s[d]}
            read = {
                d: (text, sha256)
                for d, text, sha256 in repo.document_texts(session, [d for d in chunk if d not in kept])
            }
            for document_id in chunk:
                if document_id in kept:
                    yield document_id, kept[document_id], sha256s[document_id]
                else:
                    yield document_id, *read[document_id]

    def _remember_text(self, document_id: str, sha256: str, text: str) -> None:
        with self._texts_lock:
            self._texts[document_id] = (sha256, text)
            self._texts.move_to_end(document_id)
            while len(self._texts) > TEXT_CACHE_SIZE:
                self._texts.popitem(last=False)

    def annotations(self, document_id: str) -> list[Annotation]:
        with reading(self.engine) as s:
            return repo.annotations_of(s, [document_id])[document_id]

    def annotation(self, annotation_id: str) -> Annotation | Orphan | None:
        """An annotation by id: placed in its document's current text, or an :class:`Orphan`
        (its offsets point into a previous version, which comes with it); None if there is none."""
        with reading(self.engine) as s:
            found = repo.get_anchored_annotation(s, annotation_id)
            if found is None:
                return None
            annotation, state = found
            if state.status != ORPHANED:
                return annotation
            version = repo.get_document_version(s, state.version_id) if state.version_id else None
        if version is None:  # the foreign key makes this impossible; say so rather than guess
            raise LibraryError(f"the version orphan {annotation_id} points into is missing; the library is damaged")
        return Orphan(annotation, version)

    def coders(self) -> list[str]:
        """The coder names that annotations of this library carry."""
        with reading(self.engine) as s:
            return repo.list_coders(s)

    def documents_in_set(self, name: str) -> list[str]:
        with reading(self.engine) as s:
            ids = repo.document_ids_in_set(s, nfc(name.strip()))
        if ids is None:
            raise NotFound(f"there is no set '{name}' in this library")
        return ids

    # -- per-library state (last document, scroll position) --------------------------------

    def state(self, key: str) -> str | None:
        with reading(self.engine) as s:
            return repo.get_state(s, key)

    def set_state(self, key: str, value: str) -> None:
        with unit_of_work(self.engine) as s:
            repo.set_state(s, key, value)
