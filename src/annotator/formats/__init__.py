"""Formats: importers and exporters behind one registry keyed by format id and extension.

Readers turn bytes into an :class:`~annotator.formats.base.ImportBundle`;
writers turn an :class:`~annotator.formats.base.ExportBundle` into bytes. They
know nothing of the database: services persist bundles and build them.
"""

from annotator.formats.base import FormatError
from annotator.formats.registry import all_formats, format_by_id, format_for_file

__all__ = ["FormatError", "all_formats", "format_by_id", "format_for_file"]
