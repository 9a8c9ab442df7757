"""Tests: ``annotator tags``: the codebook tree with counts, and adding, editing, merging and
deleting tags from the command line (exit status 0, 1 with one error line, 2 for usage)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.test_cli import run

TEXT = "The cat sat. The dog ran. A bird sang.\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


def ok(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> str:
    code, out, err = run(capsys, "--database", db, *argv)
    assert code == 0, err
    return out


def failed(capsys: pytest.CaptureFixture[str], db: str, *argv: str, status: int = 1) -> str:
    code, _, err = run(capsys, "--database", db, *argv)
    assert code == status, err
    assert "Traceback" not in err
    return err.splitlines()[-1]


def _tree(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, object]]:
    return orjson.loads(ok(capsys, db, "tags", "--json"))  # type: ignore[no-any-return]


@pytest.fixture
def codebook(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> str:
    """Feelings/{Negative/Positive, Positive}, Outcome/Positive, and a document tagged on each."""
    ok(capsys, db, "tags", "add", "Feelings", "--description", "how people feel\nsecond line")
    ok(capsys, db, "tags", "add", "Positive", "--parent", "Feelings", "--color", "#00AA00", "--key", "p")
    ok(capsys, db, "tags", "add", "Negative", "--parent", "Feelings")
    ok(capsys, db, "tags", "add", "Positive", "--parent", "Negative")
    ok(capsys, db, "tags", "add", "Outcome")
    ok(capsys, db, "tags", "add", "Positive", "--parent", "Outcome")
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = ok(capsys, db, "import", str(path)).split("\t")[0]
    for tag, quote in [("Feelings/Positive", "cat"), ("Negative/Positive", "dog"), ("Outcome/Positive", "bird")]:
        ok(capsys, db, "annotate", doc, "--tag", tag, "--quote", quote)
    return doc


def test_the_tree_lists_paths_parents_first_with_own_and_rolled_up_counts(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    rows = [line.split("\t") for line in ok(capsys, db, "tags").splitlines()]
    by_path = {row[0]: row for row in rows}
    assert [row[0] for row in rows][3:] == [
        "Feelings", "Feelings/Positive", "Feelings/Negative", "Feelings/Negative/Positive", "Outcome",
        "Outcome/Positive",
    ]  # fmt: skip
    assert by_path["Feelings"][3] == "how people feel\\nsecond line"
    assert by_path["Feelings"][4:] == ["0", "2"] and by_path["Feelings/Negative"][4:] == ["0", "1"]
    assert by_path["Feelings/Positive"][1:3] == ["#00aa00", "p"]


def test_json_gives_ids_paths_parents_and_own_counts(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    tree = _tree(capsys, db)
    assert set(tree[0]) == {"id", "name", "path", "parent", "color", "key", "description", "count"}
    deep = next(t for t in tree if t["path"] == ["Feelings", "Negative", "Positive"])
    negative = next(t for t in tree if t["path"] == ["Feelings", "Negative"])
    assert deep["parent"] == negative["id"] and deep["count"] == 1 and negative["count"] == 0
    assert next(t for t in tree if t["name"] == "claim")["parent"] is None


def test_list_counts_per_tag_and_heads_same_named_tags_by_their_path(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    header, row = (line.split("\t") for line in ok(capsys, db, "list").splitlines())
    counts = dict(zip(header[2:], row[2:], strict=True))
    assert len(header) == len(set(header))
    assert {k: counts[k] for k in ("Feelings/Positive", "Negative/Positive", "Outcome/Positive", "Negative")} == {
        "Feelings/Positive": "1", "Negative/Positive": "1", "Outcome/Positive": "1", "Negative": "0",
    }  # fmt: skip
    assert "Positive" not in counts and counts["claim"] == "0"
    (listed,) = orjson.loads(ok(capsys, db, "list", "--json"))
    assert listed["annotations"] == {"Feelings/Positive": 1, "Negative/Positive": 1, "Outcome/Positive": 1}


def test_an_ambiguous_path_fails_naming_the_candidates(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    line = failed(capsys, db, "tags", "edit", "Positive", "--color", "#123456")
    assert "ambiguous" in line and "Feelings/Negative/Positive" in line and "Outcome/Positive" in line
    assert "there is no tag 'Nope'" in failed(capsys, db, "tags", "delete", "Nope")


def test_edit_renames_moves_and_rekeys_and_refuses_clashes_and_cycles(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    ok(capsys, db, "tags", "edit", "Outcome/Positive", "--name", "Good", "--top", "--key", "1")
    tree = {tuple(t["path"]): t for t in _tree(capsys, db)}  # type: ignore[arg-type]
    assert tree[("Good",)]["key"] == "1" and tree[("claim",)]["key"] == ""  # the key was taken from claim
    assert "already a tag 'Positive' under 'Feelings'" in failed(
        capsys, db, "tags", "edit", "Negative/Positive", "--parent", "Feelings"
    )
    assert "inside itself" in failed(capsys, db, "tags", "edit", "Feelings", "--parent", "Feelings/Negative")
    before = _tree(capsys, db)
    # The name is checked against where it moves before anything is written: nothing changes.
    assert "already a tag" in failed(capsys, db, "tags", "edit", "Good", "--parent", "Feelings", "--name", "Negative")
    assert _tree(capsys, db) == before
    failed(capsys, db, "tags", "edit", "Good", status=2)  # nothing to change
    failed(capsys, db, "tags", "edit", "Good", "--top", "--parent", "Feelings", status=2)


def test_merge_moves_annotations_and_children_into_the_target(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    code, _, err = run(capsys, "--database", db, "tags", "merge", "Outcome", "Feelings/Negative", "--into", "Feelings")
    assert code == 0, err and "merged 2 tag(s) into 'Feelings'" in err
    tree = {tuple(t["path"]): t for t in _tree(capsys, db)}  # type: ignore[arg-type]
    # Outcome/Positive and Negative/Positive met Feelings/Positive: merged into it by name path.
    assert tree[("Feelings", "Positive")]["count"] == 3
    assert not any(p[0] in ("Outcome",) or "Negative" in p for p in tree)


def test_merge_of_a_tag_without_children_moves_no_tags_inside(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--database", db, "tags", "merge", "claim", "--into", "evidence")
    assert code == 0, err
    assert "merged 1 tag(s) into 'evidence'" in err and "0 tag(s) moved inside it" in err


def test_delete_of_a_used_tag_needs_a_choice(capsys: pytest.CaptureFixture[str], db: str, codebook: str) -> None:
    line = failed(capsys, db, "tags", "delete", "Outcome/Positive")
    assert "used by 1 annotation(s)" in line and "--move-to" in line and "--delete-annotations" in line
    assert any(t["path"] == ["Outcome", "Positive"] for t in _tree(capsys, db))
    ok(capsys, db, "tags", "delete", "Outcome/Positive", "--move-to", "claim")
    tree = {tuple(t["path"]): t for t in _tree(capsys, db)}  # type: ignore[arg-type]
    assert ("Outcome", "Positive") not in tree and tree[("claim",)]["count"] == 1
    # Its child would move up next to Feelings/Positive: refused, as a move there would be.
    assert "its child 'Positive' would move up" in failed(capsys, db, "tags", "delete", "Feelings/Negative")
    ok(capsys, db, "tags", "delete", "Negative/Positive", "--delete-annotations")
    ok(capsys, db, "tags", "delete", "Feelings/Negative")  # unused now, and childless
    tree = {tuple(t["path"]): t for t in _tree(capsys, db)}  # type: ignore[arg-type]
    assert ("Feelings", "Negative") not in tree and sum(t["count"] for t in tree.values()) == 2  # type: ignore[misc]
    failed(capsys, db, "tags", "delete", "claim", "--move-to", "Outcome", "--delete-annotations", status=2)


def test_add_refuses_bad_input_and_changes_nothing(capsys: pytest.CaptureFixture[str], db: str) -> None:
    ok(capsys, db, "tags")
    before = _tree(capsys, db)
    assert "#rrggbb" in failed(capsys, db, "tags", "add", "x", "--color", "red")
    assert "one character" in failed(capsys, db, "tags", "add", "x", "--key", "ab")
    assert "already a tag 'claim' at the top level" in failed(capsys, db, "tags", "add", " claim ")
    assert "control character" in failed(capsys, db, "tags", "add", "a\tb")
    assert _tree(capsys, db) == before
    out = ok(capsys, db, "tags", "add", "a/b")  # NAME is a name: the slash is part of it
    assert [t["path"] for t in _tree(capsys, db) if t["id"] == out.strip()] == [["a/b"]]
    assert "a\\/b" in ok(capsys, db, "tags")


def test_an_edit_that_fails_part_way_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.errors import Conflict
    from annotator.storage import repository

    real = repository.update_tag

    def failing(session, tag, *, expected=None):  # type: ignore[no-untyped-def]
        if tag.name == "Renamed":  # as if another program changed the tag just before this write
            raise Conflict("another program changed this tag since it was shown here; nothing was saved")
        return real(session, tag, expected=expected)

    before = _tree(capsys, db)
    monkeypatch.setattr(repository, "update_tag", failing)
    assert "nothing was saved" in failed(
        capsys, db, "tags", "edit", "Outcome/Positive", "--top", "--name", "Renamed", "--key", "1"
    )
    monkeypatch.setattr(repository, "update_tag", real)
    assert _tree(capsys, db) == before  # not moved, no key taken from claim, siblings not renumbered


def test_export_takes_a_tag_path_and_keeps_the_tags_inside_it(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str
) -> None:
    def quotes(*argv: str) -> list[str]:
        (document,) = orjson.loads(ok(capsys, db, "export", *argv))["documents"]
        return sorted(a["quote"] for a in document["annotations"])

    assert quotes("--tag", "Outcome/Positive") == ["bird"]
    assert quotes("--tag", "Feelings/Positive") == ["cat"]  # the full path from the top
    assert quotes("--tag", "Feelings") == ["cat", "dog"]  # with what is inside it, at any depth
    assert quotes("--tag", "Negative", "--tag", "Outcome") == ["bird", "dog"]
    assert quotes("--tag", "Feelings", "--no-subtags") == []  # its own annotations only: none
    # Unknown and ambiguous paths fail as they do for tags edit, and write nothing.
    for path in ("Positive", "Nope", "Feelings/Nope"):
        code, out, err = run(capsys, "--database", db, "export", "--tag", path)
        assert code == 1 and out == "" and len(err.splitlines()) == 1
        assert err == run(capsys, "--database", db, "tags", "edit", path, "--color", "#000000")[2]


def test_keys_are_one_typeable_character_compared_case_insensitively(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    ok(capsys, db, "tags", "add", "Lower", "--key", "a")
    ok(capsys, db, "tags", "add", "Upper", "--key", "A")  # the same key to the window: taken from Lower
    keys = {t["name"]: t["key"] for t in _tree(capsys, db)}
    assert (keys["Lower"], keys["Upper"]) == ("", "a")
    ok(capsys, db, "tags", "edit", "Lower", "--key", "e\u0301")  # NFD é: one character once normalised
    assert {t["name"]: t["key"] for t in _tree(capsys, db)}["Lower"] == "\u00e9"
    before = _tree(capsys, db)
    assert "quick-pick" in failed(capsys, db, "tags", "add", "Slash", "--key", "/")
    assert "one character" in failed(capsys, db, "tags", "add", "Smile", "--key", "\U0001f600")
    assert "one character" in failed(capsys, db, "tags", "edit", "Lower", "--key", "\u2603")
    assert "space" in failed(capsys, db, "tags", "add", "Blank", "--key", " ")
    assert _tree(capsys, db) == before


def test_a_colour_too_close_to_the_page_is_saved_with_a_one_line_note(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--database", db, "tags", "add", "Ghost", "--color", "#ffffff")
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("annotator: note:")]
    assert notes == [
        "annotator: note: #ffffff is too close to a light page to show as a highlight; it is painted grey there instead."
    ]
    code, _, err = run(capsys, "--database", db, "tags", "edit", "Ghost", "--color", "#2a2a2a")
    assert code == 0 and err.splitlines()[-1].startswith("annotator: note: #2a2a2a is too close to a dark page")
    code, _, err = run(capsys, "--database", db, "tags", "edit", "Ghost", "--color", "#2a9d8f")
    assert code == 0 and "note" not in err  # a colour that shows: no note


def test_importing_a_codebook_names_the_tags_it_added_by_their_paths(
    capsys: pytest.CaptureFixture[str], db: str, codebook: str, tmp_path: Path
) -> None:
    exported = tmp_path / "codes.qdc"
    ok(capsys, db, "export", "--format", "qdc", "-o", str(exported))
    other = str(tmp_path / "other.sqlite3")
    ok(capsys, other, "tags", "add", "Feelings")
    code, _out, err = run(capsys, "--database", other, "import", str(exported))
    assert code == 0, err
    [line] = [x for x in err.splitlines() if x.startswith("created")]
    assert line == (
        "created 5 tag(s): Feelings/Positive, Feelings/Negative, Feelings/Negative/Positive, Outcome, Outcome/Positive"
    )
    code, _out, err = run(capsys, "--database", other, "import", str(exported))
    assert "nothing new: every tag was already in the library" in err
