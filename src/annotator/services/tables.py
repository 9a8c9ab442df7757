"""Services: writing a table a view shows (retrieved segments, a matrix, frequencies) to a file.

The table is written by :mod:`annotator.formats.tables` and saved the way every export is
(:func:`annotator.services.exporting.write_to_path`): never over the library's own files or
its backups, through a temporary file renamed into place, so a failed write leaves no
partial file and the file that was there stays whole.
"""

from __future__ import annotations

import os

from annotator.formats.tables import Table, table_format
from annotator.services.exporting import write_to_path
from annotator.services.library import Library


def export_table(library: Library, path: str | os.PathLike[str], table: Table, format_id: str) -> int:
    """Write *table* to *path* as *format_id* (see :data:`~annotator.formats.tables.TABLE_FORMATS`);
    returns the number of rows written. :class:`~annotator.formats.base.FormatError` for an
    unknown format or a place an export may not go."""
    fmt = table_format(format_id)
    write_to_path(library, path, lambda out: fmt.writer(table, out))
    return len(table.rows)
