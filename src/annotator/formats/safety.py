"""Formats: opening untrusted archives, XML and JSON safely.

Every reader that takes a ZIP (QDPX, DOCX, ODT, EPUB, brat archives) opens it
with :func:`open_zip`, which refuses path traversal, absolute or odd member
names, too many members, absurd compression ratios and too much uncompressed
data *before* anything is extracted, and reads members with :func:`read_member`.
On damaged bytes zipfile and the decompressors raise far more than their own
errors (NotImplementedError for a made-up ZIP version, zlib.error, struct.error,
RuntimeError for an encrypted member...); both functions turn every one of them
into a :class:`FormatError`, so no reader needs its own wrapper. Every XML
reader parses with :func:`parse_xml`: no entity expansion, no DTD loading, no
network access.
Every JSON reader checks what it parsed with :func:`check_nesting` before
anything else looks at it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from annotator.formats.base import FormatError

if TYPE_CHECKING:  # lxml is imported where it is used, keeping it off the window's start
    from lxml import etree

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 500_000_000
MAX_RATIO = 200  # uncompressed/compressed, per member (text compresses ~5-10x)

#: Lists and objects inside each other in a JSON file we read. orjson parses up to 1024
#: levels but writes at most 254, and jsonschema's messages and repr() recurse: deeper
#: data would end in a RecursionError or an unstorable document, not a message.
MAX_NESTING = 100
#: What a document's metadata may hold: well under MAX_NESTING, so that our own annotated
#: JSON, which puts metadata three levels down, always reads back what it wrote.
MAX_METADATA_NESTING = 64


def check_member_name(name: str) -> str:
    """Return a ZIP member name if it is a safe relative path, else raise :class:`FormatError`."""
    path = PurePosixPath(name.replace("\\", "/"))
    if not name or "\\" in name or path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        raise FormatError(f"the archive has an unsafe member name {name!r}; it was not opened")
    return name


def open_zip(data: bytes) -> zipfile.ZipFile:
    """A ZipFile over *data*, after checking every member; raises :class:`FormatError`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except MemoryError:
        raise  # the import says there is not enough memory; it is not the archive's fault
    except Exception as exc:  # whatever damaged bytes make zipfile raise (see the module docstring)
        raise FormatError(f"not a readable ZIP archive ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise FormatError(f"the archive has {len(members):,} members; more than {MAX_MEMBERS:,} are not opened")
    total = 0
    for info in members:
        check_member_name(info.filename)
        total += info.file_size
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise FormatError(
                f"the archive member {info.filename!r} expands {info.file_size // max(1, info.compress_size)}x; it looks like a ZIP bomb"
            )
    if total > MAX_UNCOMPRESSED:
        raise FormatError(f"the archive would expand to {total / 1e6:.0f} MB; it was not opened")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """Read one member, stopping at *limit* bytes whatever its header claims."""
    try:
        with archive.open(check_member_name(name)) as fh:
            data = fh.read(limit + 1)
    except (FormatError, MemoryError):
        raise
    except KeyError as exc:
        raise FormatError(f"the archive has no member {name!r}") from exc
    except Exception as exc:  # damaged compressed data, an encrypted member... (see the module docstring)
        raise FormatError(f"the archive member {name!r} cannot be read ({exc})") from exc
    if len(data) > limit:
        raise FormatError(f"the archive member {name!r} is larger than it claims; it was not read")
    return data


def _where(link: tuple[Any, Any] | None) -> str:
    """The path of keys that *link* chains back to the top, its first segments only."""
    keys: list[str] = []
    while link is not None:
        key, link = link
        keys.append(str(key)[:20])
    keys.reverse()
    return "/".join(keys[:6]) + ("/…" if len(keys) > 6 else "")


def check_nesting(value: Any, what: str, limit: int = MAX_NESTING) -> None:
    """Refuse parsed JSON (dicts and lists) nested more than *limit* levels deep.

    Walked with a stack, not recursion, so any depth the parser let through is
    measured; a top-level object or list is level 1.
    """
    if not isinstance(value, (dict, list)):
        return
    # (container, its level, (its key, its parent's link)): the path is built only on failure.
    stack: list[tuple[Any, int, tuple[Any, Any] | None]] = [(value, 1, None)]
    while stack:
        node, level, link = stack.pop()
        if level > limit:
            raise FormatError(
                f"{what} is nested more than {limit} levels deep (at {_where(link)}); "
                f"Annotator reads at most {limit} levels of lists and objects"
            )
        for key, child in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(child, (dict, list)):
                stack.append((child, level + 1, (key, link)))


_ENTITY_DECLARATIONS = tuple("<!ENTITY".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def parse_xml(data: bytes) -> etree._Element:
    """Parse untrusted XML: no entity declarations, no DTD loading, no network.

    libxml2 expands internal entities inside attribute values even with
    ``resolve_entities=False``, so a document that declares any entity is
    refused before it is parsed (no real exchange format needs them).
    """
    from lxml import etree

    if any(marker in data for marker in _ENTITY_DECLARATIONS):
        raise FormatError("the XML declares entities, which are not expanded; it was not read")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        remove_comments=True,
    )  # fmt: skip
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"not well-formed XML ({exc})") from exc
    if root is None:
        raise FormatError("the XML document is empty")
    for _ in root.iter(etree.Entity):
        raise FormatError("the XML uses entities, which are not expanded; it was not read")
    return root
