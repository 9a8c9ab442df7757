"""Tests: coders' counts, blind coding as a library setting, and exports stating it (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import jsonschema
import orjson

from annotator.formats import annotated_json
from annotator.services import annotating, coders, exporting, importing
from annotator.services.library import Library
from annotator.storage.watch import ChangeWatcher

TEXT = "\U0001f600 one two three four five six seven eight nine ten\n"


def _coded(library: Library) -> str:
    [doc] = importing.import_text(library, TEXT, title="Notes").documents
    tag = library.tags()[0].id
    for start, end, coder in ((2, 5, "ann"), (6, 9, "ann"), (10, 15, "bo"), (16, 20, "")):
        annotating.create_annotation(library, document_id=doc.id, tag_id=tag, start=start, end=end, coder=coder)
    return doc.id


def test_coder_counts_in_a_document_and_in_the_library(library: Library) -> None:
    first = _coded(library)
    [other] = importing.import_text(library, "another text here\n", title="Other").documents
    tag = library.tags()[0].id
    annotating.create_annotation(library, document_id=other.id, tag_id=tag, start=0, end=7, coder="bo")
    assert coders.coder_counts(library, first) == {"ann": 2, "bo": 1, "": 1}
    assert coders.coder_counts(library) == {"ann": 2, "bo": 2, "": 1}


def test_blind_coding_is_off_until_turned_on_and_kept_in_the_library(new_database_url: Callable[[], str]) -> None:
    url = new_database_url()
    library = Library.open(url)
    try:
        assert coders.blind_coding(library) is False
        assert coders.set_blind_coding(library, True) is True
        assert coders.set_blind_coding(library, True) is False  # nothing changed
        with Library.open(url) as again:  # another program sees it
            assert coders.blind_coding(again) is True
        assert coders.set_blind_coding(library, False) is True
        assert coders.blind_coding(library) is False
    finally:
        library.close()


def test_a_change_of_blind_coding_is_heard_by_a_watcher(library: Library) -> None:
    with ChangeWatcher(library.engine) as watcher:
        watcher.changed()
        coders.set_blind_coding(library, True)
        assert _heard(watcher)


def _heard(watcher: ChangeWatcher) -> bool:
    """Whether the watcher hears of a commit (PostgreSQL's notification may take a moment to arrive)."""
    for _ in range(100):
        if watcher.changed():
            return True
        time.sleep(0.02)
    return False


def test_annotated_json_states_blind_coding_and_validates(library: Library) -> None:
    _coded(library)
    for on in (False, True):
        coders.set_blind_coding(library, on)
        out = io.BytesIO()
        exporting.export(library, out, format_id="json")
        payload = orjson.loads(out.getvalue())
        jsonschema.validate(payload, annotated_json.schema(2))
        assert payload["blind_coding"] is on


def test_an_export_written_before_blind_coding_was_stated_still_reads(library: Library) -> None:
    _coded(library)
    out = io.BytesIO()
    exporting.export(library, out, format_id="json")
    payload = orjson.loads(out.getvalue())
    del payload["blind_coding"]
    jsonschema.validate(payload, annotated_json.schema(2))


def test_the_html_report_says_the_library_is_coded_blind(library: Library) -> None:
    _coded(library)
    out = io.BytesIO()
    exporting.export(library, out, format_id="report")
    assert "coded blind" not in out.getvalue().decode()
    coders.set_blind_coding(library, True)
    out = io.BytesIO()
    exporting.export(library, out, format_id="report")
    assert "coded blind" in out.getvalue().decode()
