"""Core: turning bytes from a file into the text we store, once, at import.

The stored text is the truth that every annotation offset points into. We
normalise exactly two things, because Qt would silently rewrite them and break
the mapping between what is shown and what is stored: line endings (CRLF and
lone CR become LF) and a leading byte-order mark (removed). Everything else,
NBSP, tabs, emoji, combining marks, RTL text, U+2028/U+2029, stays as it is.
:func:`stored_text` is the one check of what can be stored; text extracted
from documents is first cleaned of what they should not hold (:func:`clean_text`).
Offsets counted in a raw text are moved onto the stored text by
:class:`annotator.core.offsets.RawTextMap`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Defined with the other errors; imported from here by code written before they were.
from annotator.core.errors import TextDecodeError as TextDecodeError

#: Files larger than this are refused before they are read whole (all but Annotator's
#: own annotated JSON, which is read back at any size: see services.importing).
MAX_IMPORT_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Core: text decoded from bytes, with the encoding that was detected."""

    text: str
    encoding: str


def normalize_text(raw: str) -> str:
    """Return *raw* with CRLF/CR line endings made LF and a leading BOM removed."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return raw


class UnstorableText(ValueError):
    """Text the library cannot store as it is; the message says why."""


def stored_text(raw: str, *, carries_offsets: bool = False) -> str:
    """*raw* as the library stores it (:func:`normalize_text`), or :class:`UnstorableText`.

    NUL characters are never stored: no database keeps them, and they mean the
    data is not text. Text that carries offsets (annotations) must be stored
    text already, since normalising moves every offset after a BOM or a CRLF;
    readers move such offsets first, with :class:`~annotator.core.offsets.RawTextMap`.
    """
    text = normalize_text(raw)
    if "\x00" in text:
        raise UnstorableText("the text contains NUL characters, so it is not text")
    if carries_offsets and text != raw:
        raise UnstorableText("text with CR line endings (or a byte-order mark) cannot carry offsets")
    return text


# C0 controls other than tab and LF never belong in stored text (CR is gone by
# then); PDFs with broken font maps produce them, and NUL is refused by storage.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(raw: str) -> str:
    """Text extracted from a document, made storable: :func:`normalize_text`, every leading BOM
    removed, and no C0 controls but tab and LF.

    Lone surrogates (which a damaged PDF font map can produce and no database
    stores) become U+FFFD; everything else, NBSP, emoji, combining marks, RTL,
    stays as the document has it.
    """
    text = normalize_text(raw)
    while text.startswith("\ufeff"):
        text = text[1:]
    text = _CONTROLS.sub("", text)
    if _SURROGATES.search(text):
        # Pairs written as two surrogates join into one character; lone ones are replaced.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


# The Latin typographic ligatures (U+FB00-FB06: ff, fi, fl, ffi, ffl, long st, st).
_LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}


def expand_ligatures(text: str) -> str:
    """*text* with each Latin typographic ligature (U+FB00-FB06) spelt out as its letters.

    Only for text whose ligatures are the typesetter's glyph choice, not the
    author's words (a PDF's text layer maps a ligature glyph to one of these code
    points): the letters are what people read and search for. This is NFKC on
    those seven code points only; anything else NFKC would change stays.
    """
    return text.translate(_LIGATURES)


def sha256_text(text: str) -> str:
    """The hex SHA-256 of *text* encoded as UTF-8 (the export's ``sha256``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never appear in real text files; their presence
# (outside a BOM-marked UTF-16/32 file) means the file is binary.
_BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x7F}


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return bad > max(2, len(sample) // 1000)


def _looks_binary_text(text: str) -> bool:
    """The same test on decoded text (for BOM-marked UTF-16/32, whose bytes are full of NULs)."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    bad = sum(1 for c in sample if ord(c) in _BINARY_CONTROLS)
    return bad > max(2, len(sample) // 1000)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode file contents to normalised text, or raise :class:`TextDecodeError`.

    Order: a BOM decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then
    charset-normalizer for legacy 8-bit encodings. Binary data (NUL bytes,
    control characters) is refused rather than guessed at.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise TextDecodeError(
                    f"the file starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from exc
            if _looks_binary_text(text):
                raise TextDecodeError("the file looks binary (it contains control or NUL characters), not text")
            return DecodedText(normalize_text(text), encoding.removesuffix("-sig"))
    if _looks_binary(data):
        raise TextDecodeError("the file looks binary (it contains control or NUL bytes), not text")
    try:
        return DecodedText(normalize_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise TextDecodeError("the file's encoding could not be detected; save it as UTF-8 and try again")
    text = str(best)
    if any(ord(c) in _BINARY_CONTROLS for c in text[:65536]):
        raise TextDecodeError("the file looks binary, not text")
    return DecodedText(normalize_text(text), best.encoding)


def describe_size(size: int) -> str:
    """A byte count as people read it: "52.4 MB", "812 bytes"."""
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


_ALL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode's Cc


_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def one_line_title(raw: str) -> str:
    """*raw* as a title: control characters and every run of breaking white space (tabs, line
    and paragraph separators) one space, none at the ends. A no-break space inside stays: the
    author put it there ("10\u00a0km", "M.\u00a0Dupont"), and the title is shown as written.

    Titles are shown on one line and ``documents rename`` refuses control
    characters (:func:`annotator.core.documents.document_title`), so an imported
    title must hold neither.
    """
    return _BREAKING_SPACE.sub(" ", _ALL_CONTROLS.sub(" ", raw)).strip()


def title_from_text(text: str, fallback: str = "Untitled", limit: int = 200) -> str:
    """The first non-blank line of *text* as a title (:func:`one_line_title`), or *fallback*."""
    for line in text.split("\n"):
        line = one_line_title(line)
        if line:
            line = line.lstrip("#").strip() or line  # a Markdown heading's hashes are not the title
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return fallback
