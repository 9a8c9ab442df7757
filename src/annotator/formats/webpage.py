"""Formats: saved web pages (``html``: .html, .htm, .xhtml), read through trafilatura.

Only the article is kept: trafilatura picks the main content, favouring
precision, so navigation, ads, comments, footers and "related articles" boxes
are left out. Each of its blocks becomes one block of the document's text
(:mod:`annotator.formats.extraction`); lists become ``- item`` lines, ``<br>``
stays a line break and no-break spaces are kept. Nothing is fetched from the
network. Annotator's own HTML report (format ``report``) is refused: it is made
for reading, and its annotations are not in it.

The title is the page's own, as reader views take it: ``og:title``, else
``<title>``, else what trafilatura finds (the page's one ``<h1>``...). The
page's one ``<h1>`` heads the text even where trafilatura left it outside the
article (it keeps only what is inside the block it picks): it is the article's
heading, and a title taken from it is no reason to drop it (nothing here ever
took it out deliberately). An ``<h1>`` in navigation, a footer or an aside, or
one linking to the site's home page (a logo), is not the article's heading.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.text import TextDecodeError, decode_bytes
from annotator.formats.base import Format, FormatError, ImportBundle, SourceFile
from annotator.formats.detection import describe_content, not_a, sniff_html
from annotator.formats.extraction import (
    HTML_SPACE,
    declared_charset,
    document_bundle,
    join_blocks,
    library_errors,
)


def _decode_html(source: SourceFile) -> str:
    """The page as text: BOM, then valid UTF-8, then the declared charset, then detection."""
    data = source.data
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise FormatError(
                    f"'{source.name}' starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = declared_charset(data)
        if declared:
            text = data.decode(declared, "replace")
        else:
            try:
                text = decode_bytes(data).text
            except TextDecodeError as exc:
                raise not_a(source, "a web page (HTML)") from exc
    return text


# trafilatura collapses every Unicode space, NBSP included, into plain spaces. The
# no-break spaces of a page ("100\u00a0€", French punctuation) are kept by standing
# in for them with rare printable characters the page does not contain, and
# putting them back afterwards.
_NO_BREAK_SPACES = (
    (
        "\u00a0",
        re.compile(r"\u00a0|&(?:nbsp|NonBreakingSpace);|&nbsp(?![A-Za-z0-9;])|&#0*160;|&#[xX]0*[aA]0;"),
    ),
    ("\u202f", re.compile(r"\u202f|&#0*8239;|&#[xX]0*202[fF];")),
)
_STAND_INS = ("\u2e3a", "\u2bd2", "\U0001d1e8", "\u2e3b", "\u2bd3", "\U0001d1e9")


def _protect_spaces(page: str) -> tuple[str, dict[str, str]]:
    """The page with no-break spaces replaced by stand-ins, and the map to put them back."""
    free = (c for c in _STAND_INS if c not in page)
    back: dict[str, str] = {}
    for space, pattern in _NO_BREAK_SPACES:
        stand_in = next(free, None)
        if stand_in is None:
            break  # (a page holding all the stand-ins keeps trafilatura's plain spaces)
        page, count = pattern.subn(stand_in, page)
        if count:
            back[stand_in] = space
    return page, back


def _restore_spaces(text: str | None, back: dict[str, str]) -> str | None:
    if text:
        for stand_in, space in back.items():
            text = text.replace(stand_in, space)
    return text


# Where a lone h1 is site furniture rather than the article's heading.
_NOT_A_HEADING = ("nav", "footer", "aside")
_HOME_LINKS = frozenset({"/", "./", "index.html", "/index.html"})


def _one_line(text: str | None, spaces: dict[str, str]) -> str:
    return _restore_spaces(HTML_SPACE.sub(" ", text or "").strip(" "), spaces) or ""


def _title_and_heading(tree: Any, spaces: dict[str, str]) -> tuple[str, str]:
    """The page's stated title (``og:title``, else ``<title>``) and its lone ``<h1>``'s text ("" if none)."""
    og = next((t for t in (_one_line(c, spaces) for c in tree.xpath('//meta[@property="og:title"]/@content')) if t), "")
    element = tree.find(".//head//title")
    title = og or (_one_line(element.text_content(), spaces) if element is not None else "")
    h1s = tree.findall(".//h1")
    heading = ""
    if len(h1s) == 1:
        h1 = h1s[0]
        furniture = any(a.tag in _NOT_A_HEADING for a in h1.iterancestors())
        home = any((a.get("href") or "").strip() in _HOME_LINKS for a in (*h1.iterancestors("a"), *h1.iter("a")))
        if not furniture and not home:
            heading = _one_line(h1.text_content(), spaces)
    return title, heading


_ANNOTATOR_REPORT = re.compile(rb'<meta name="generator" content="annotator ')


def read_html(source: SourceFile) -> ImportBundle:
    """A saved web page: the article's text and metadata, without navigation, ads or related links.

    trafilatura picks the main content (favouring precision, so doubtful blocks
    stay out); each of its blocks becomes one block of our text, tables as
    tab-separated rows. Nothing is fetched from the network.
    """
    import trafilatura
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    if not source.data.strip():
        raise FormatError(f"'{source.name}' {'holds only white space' if source.data else 'is empty'}")
    if _ANNOTATOR_REPORT.search(source.data[:4096]):
        # Its legend and notes would be read as article text; the annotations are not in it.
        raise FormatError(
            f"'{source.name}' is an Annotator HTML report, made for reading; import the annotated JSON "
            "(or another export) of those documents instead"
        )
    if not sniff_html(source.data) and describe_content(source.data) != "plain text":
        raise not_a(source, "a web page (HTML)")
    page = _decode_html(source)
    if "\x00" in page[:65536]:
        raise not_a(source, "a web page (HTML)")
    if not re.search(r"<[A-Za-z!]", page[:65536]):
        raise not_a(source, "a web page (HTML)")
    if not sniff_html(source.data):
        page = f"<html><body>{page}</body></html>"  # trafilatura takes whole pages, not fragments
    page, spaces = _protect_spaces(page)

    def extract(**options: Any) -> Any:
        return trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            **options,
        )

    with library_errors(source, "web page"):
        tree = load_html(page)
        title, heading = _title_and_heading(tree, spaces) if tree is not None else ("", "")
        result = extract(favor_precision=True)
        if result is None or result.body is None or not (result.text or "").strip():
            result = extract()  # short pages are sometimes all "doubtful" to the precise mode
        if result is None or result.body is None:
            raise FormatError(f"'{source.name}': no article text was found in the page")
        blocks = []
        for block in result.body:
            if block.tag == "table":
                rows = [
                    "\t".join(HTML_SPACE.sub(" ", "".join(cell.itertext())).strip(" ") for cell in row.iter("cell"))
                    for row in block.iter("row")
                ]
                blocks.append("\n".join(r for r in rows if r.strip()))
            else:
                blocks.append(xmltotxt(block, False))
    texts = [_restore_spaces(block, spaces) or "" for block in blocks]
    if heading and heading not in (HTML_SPACE.sub(" ", t).strip(" ") for t in texts):
        texts.insert(0, heading)
    text = join_blocks(texts)
    if not text.strip():
        raise FormatError(f"'{source.name}': no article text was found in the page")
    metadata = {
        "title": title or _restore_spaces(result.title, spaces),
        "author": _restore_spaces(result.author, spaces),
        "date": result.date,
        "url": result.url,
        "sitename": _restore_spaces(result.sitename, spaces),
        "extractor": f"trafilatura {trafilatura.__version__}",
    }
    return document_bundle(source, text, metadata["title"], metadata)


FORMATS: list[Format] = [
    Format(id="html", label=QT_TRANSLATE_NOOP("formats", "Web page (HTML)"), extensions=(".html", ".htm", ".xhtml"), reader=read_html,
           sniff=sniff_html),
]  # fmt: skip
