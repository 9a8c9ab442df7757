"""Formats: Hypothesis annotations (its export and its API's search results) onto a text of ours.

The file is ``{"rows": [...]}`` (the API, the export) or a bare list of
annotations. Each annotation's ``target[].selector`` may hold a
``TextQuoteSelector`` (exact, prefix, suffix), a ``TextPositionSelector``
(start/end in UTF-16 code units of the page's text as the browser saw it) and a
``RangeSelector`` (XPaths into the page's HTML, which our text does not keep:
not read). The position is converted to code points with
:class:`~annotator.core.offsets.OffsetMap` and used only as a hint: the quote,
with its prefix and suffix, decides (:func:`annotator.formats.highlights.locate`).

- ``tags`` become tags, through *tag_map* (``--map-tag hyp=ours``); one
  annotation per tag, :data:`~annotator.formats.highlights.UNTAGGED` without one.
- ``text`` becomes the note; ``user`` (``acct:name@hypothes.is``) the coder
  (``name``); ``created`` the creation time.
- Page notes (no selector) become lines of the document memo.
- Replies (``references``: the thread's ids, root first) are added to the root
  annotation's note as lines ``reply by NAME: text``, in the order they were
  written (to the memo for a page note's thread). Our notes are plain text, so
  the thread is kept there rather than as separate memos.
"""

from __future__ import annotations

from typing import Any

import orjson

from annotator.core.anchoring import Reanchorer
from annotator.core.offsets import OffsetMap
from annotator.formats.base import FormatError, ImportedAnnotation
from annotator.formats.highlights import UNTAGGED, Highlights, Unplaced, locate, timestamp


def coder_of(user: object) -> str:
    """``acct:name@hypothes.is`` -> ``name`` (anything else as it is)."""
    if not isinstance(user, str):
        return ""
    name = user.removeprefix("acct:")
    return name.rpartition("@")[0] or name


def _rows(data: bytes) -> list[dict[str, Any]]:
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not a Hypothesis JSON file: {exc}") from exc
    rows = parsed.get("rows") if isinstance(parsed, dict) else parsed
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise FormatError("not a Hypothesis JSON file: expected {'rows': [...]} or a list of annotations")
    return rows


def _selectors(row: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The row's selectors by type (the first target that has any)."""
    for target in row.get("target") or ():
        selectors = target.get("selector") if isinstance(target, dict) else None
        if selectors:
            return {s.get("type", ""): s for s in selectors if isinstance(s, dict)}
    return {}


def read_hypothesis(
    data: bytes,
    text: str,
    *,
    tag_map: dict[str, str] | None = None,
    known_tags: set[str] | None = None,
) -> Highlights:
    """The annotations of Hypothesis file *data* placed on *text*.

    With *known_tags*, tag names (after *tag_map*) not in it are listed in
    ``unknown_tags`` (the caller decides; nothing is created from them here).
    """
    tag_map = tag_map or {}
    out = Highlights()
    offsets, reanchorer = OffsetMap(text), Reanchorer(text, text)
    rows = _rows(data)
    placed: dict[str, list[ImportedAnnotation]] = {}  # Hypothesis id -> the annotations it became
    page_notes: set[str] = set()
    replies: list[dict[str, Any]] = []
    for row in rows:
        if row.get("references"):
            replies.append(row)
            continue
        coder, note = coder_of(row.get("user")), str(row.get("text") or "")
        selectors = _selectors(row)
        if not selectors:
            page_notes.add(str(row.get("id")))
            out.memo_lines.append(f"Hypothesis page note by {coder}: {note}")
            continue
        quote_selector = selectors.get("TextQuoteSelector", {})
        quote = str(quote_selector.get("exact") or "")
        position = selectors.get("TextPositionSelector", {})
        try:
            hint = offsets.from_utf16(int(position["start"])), offsets.from_utf16(int(position["end"]))
        except (KeyError, TypeError, ValueError):
            hint = 0, 0
        where = locate(
            text,
            quote,
            reanchorer=reanchorer,
            start=hint[0],
            end=hint[1],
            prefix=str(quote_selector.get("prefix") or ""),
            suffix=str(quote_selector.get("suffix") or ""),
        )
        if isinstance(where, str):
            out.unplaced.append(Unplaced(f"Hypothesis annotation {row.get('id')}", quote, where))
            continue
        tags = [tag_map.get(t, t) for t in row.get("tags") or ()] or [tag_map.get(UNTAGGED, UNTAGGED)]
        if known_tags is not None:
            out.unknown_tags += [t for t in tags if t not in known_tags and t not in out.unknown_tags]
        made = [
            ImportedAnnotation(
                tag, where[0], where[1], text[where[0] : where[1]], note, coder, created=timestamp(row.get("created"))
            )
            for tag in dict.fromkeys(tags)
        ]
        out.annotations += made
        placed[str(row.get("id"))] = made
    for reply in sorted(replies, key=lambda r: str(r.get("created") or "")):
        root = str(reply["references"][0])
        line = f"reply by {coder_of(reply.get('user'))}: {reply.get('text') or ''}"
        if root in placed:
            for annotation in placed[root]:
                annotation.note = f"{annotation.note}\n{line}" if annotation.note else line
        elif root in page_notes:
            out.memo_lines.append(line)
        else:
            reason = "it replies to an annotation that is not placed"
            out.unplaced.append(Unplaced(f"Hypothesis reply {reply.get('id')}", str(reply.get("text") or ""), reason))
    return out
