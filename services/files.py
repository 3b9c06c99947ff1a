"""Tabular files out: .xlsx (openpyxl write-only, streamed) or .csv (UTF-8 with BOM), chosen by the
file's extension.

A table is written to ``<name>.part`` beside the target and renamed into place only when complete, so
a cancelled or failed export leaves no partial file behind and never replaces an older file of that
name. openpyxl is imported only when an .xlsx file is written (DESIGN §8).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import ValidationError
from core.progress import CancelToken, Progress, no_progress

log = logging.getLogger(__name__)

SUFFIXES = (".xlsx", ".csv")


def table_suffix(path: Path | str) -> str:
    """``.xlsx`` or ``.csv`` for ``path``; any other extension is refused, naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError("file", f"{path.name}: choose a .xlsx or .csv file name")
    return suffix


def plain_cell(value: Any) -> Any:
    """A value as a file cell: timestamps to the second (microseconds only clutter a sheet)."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


class CsvWriter:
    """Context manager yielding ``write(row)``; the header row is written first."""

    def __init__(self, path: Path, headers: Sequence[str]) -> None:
        self.path, self.headers = path, list(headers)

    def __enter__(self) -> Callable[[Sequence[Any]], None]:
        # UTF-8 with BOM: Excel on Windows then opens Chinese text correctly.
        self.fh = self.path.open("w", encoding="utf-8-sig", newline="")
        w = csv.writer(self.fh)
        w.writerow(self.headers)
        return w.writerow

    def __exit__(self, *exc) -> None:
        self.fh.close()


class XlsxWriter:
    """Context manager yielding ``write(row)`` into one sheet of a write-only workbook, with the
    header row frozen. ``widths`` are character widths per column; ``number_formats`` maps a column
    index to an Excel number format (e.g. ``"0.00"`` for money)."""

    def __init__(self, path: Path, headers: Sequence[str], *, sheet: str,
                 widths: Sequence[int] | None = None, number_formats: dict[int, str] | None = None) -> None:
        self.path, self.headers, self.sheet = path, list(headers), sheet
        self.widths = list(widths) if widths is not None else None
        self.number_formats = dict(number_formats or {})

    def __enter__(self) -> Callable[[Sequence[Any]], None]:
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet(self.sheet[:31])
        if self.widths is not None:
            for i, width in enumerate(self.widths):
                self.ws.column_dimensions[get_column_letter(i + 1)].width = width
        self.ws.freeze_panes = "A2"
        self.ws.append(self.headers)
        if not self.number_formats:
            return self.ws.append
        from openpyxl.cell import WriteOnlyCell

        ws, formats = self.ws, self.number_formats

        def write(row: Sequence[Any]) -> None:
            cells: list[Any] = list(row)
            for i, fmt in formats.items():
                if i < len(cells) and cells[i] is not None:
                    cell = WriteOnlyCell(ws, value=cells[i])
                    cell.number_format = fmt
                    cells[i] = cell
            ws.append(cells)

        return write

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.wb.save(self.path)
            return
        # A write-only workbook releases its temporary sheet files only when saved; the saved
        # partial file is removed by write_table(). The error that stopped the export is the one to report.
        try:
            self.wb.save(self.path)
        except Exception:
            log.warning("Could not tidy up the unfinished workbook %s", self.path, exc_info=True)


def write_table(path: Path | str, headers: Sequence[str], batches: Iterable[Sequence[Sequence[Any]]], *,
                total: int | None, sheet: str, widths: Sequence[int] | None = None,
                number_formats: dict[int, str] | None = None, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> int:
    """Write ``headers`` and then every row of ``batches`` to ``path`` (.xlsx or .csv by extension).

    ``cancel`` is checked before each batch and ``progress`` called after it. The file appears only
    when complete; on cancel or failure nothing is left behind. Returns the number of rows written.
    Any thread (not the GUI thread: it blocks on the batches)."""
    path = Path(path)
    suffix = table_suffix(path)
    tmp = path.with_name(path.name + ".part")
    written = 0
    try:
        if suffix == ".xlsx":
            writer: CsvWriter | XlsxWriter = XlsxWriter(tmp, headers, sheet=sheet, widths=widths,
                                                        number_formats=number_formats)
        else:
            writer = CsvWriter(tmp, headers)
        with writer as write:
            for batch in batches:
                if cancel is not None:
                    cancel.check()
                for row in batch:
                    write([plain_cell(v) for v in row])
                written += len(batch)
                if total is None:
                    progress(written, None, f"{written:,} rows")
                else:
                    progress(written, total, f"{written:,} of {total:,} rows")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return written
