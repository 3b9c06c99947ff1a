"""Files out: the one way every writer (list and area exports, the journal, PDFs, error reports, count
sheets, purchase order documents, backups) puts a file on disk, and tabular files as .xlsx or .csv.

A file is written to a temporary name beside the target, flushed to disk and renamed into place only
when complete (:func:`atomic_output`), so a cancelled or failed write leaves no partial file behind and
never replaces an older file of that name. A failure of the file system (a read-only folder, a full
disk) is one :class:`core.errors.FileProblem` naming the file and the cause.

A cell of text that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is written as text: an explicit string cell in .xlsx, and prefixed with
``'`` in .csv (the OWASP rule for CSV injection). The import reader drops that prefix again. Numbers
stay numbers.

.xlsx tables are written with xlsxwriter in constant-memory mode (rows stream to disk, memory stays
flat in the number of rows); xlsxwriter and openpyxl are imported only when an .xlsx file is
written (DESIGN §8).
"""

from __future__ import annotations

import csv
import errno
import logging
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; an open file cannot be renamed there either
    fcntl = None  # type: ignore[assignment]

from core.errors import FileProblem, ValidationError
from core.messages import msg
from core.progress import CancelToken, Progress, no_progress

log = logging.getLogger(__name__)

SUFFIXES = (".xlsx", ".csv")
# What makes a spreadsheet read a cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PART_SUFFIX = ".part"
SCRATCH_SUFFIX = ".d"
# A temporary file untouched for this long belongs to a writer that was killed.
STALE_SECONDS = 60.0

_CAUSES = {
    errno.ENOSPC: msg("the disk is full"),
    errno.EDQUOT: msg("the disk quota is used up"),
    errno.EROFS: msg("the disk is read-only"),
    errno.EACCES: msg("permission denied (the folder is read-only, or the file is open in another program)"),
    errno.EPERM: msg("permission denied (the folder is read-only, or the file is open in another program)"),
    errno.ENOENT: msg("the folder does not exist"),
    errno.EISDIR: msg("it is a folder"),
    errno.ENAMETOOLONG: msg("the name is too long"),
}


def file_problem(path: Path | str, exc: OSError, *, verb: str = "write") -> FileProblem:
    """The one-line error for ``exc`` met while writing (or reading) ``path``."""
    cause = _CAUSES.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__
    return FileProblem(path, cause, verb=verb)


def temp_name(path: Path | str) -> Path:
    """A fresh hidden temporary name beside ``path`` (``.<name>.<random>.part``), so it is on the same
    disk and a rename puts it in place."""
    path = Path(path)
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{PART_SUFFIX}")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        log.debug("fsync of folder %s not supported", folder)
    finally:
        os.close(fd)


def remove_stale_parts(folder: Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Delete the temporary files (``.*.part`` and their SQLite sidecars) that writers killed
    part-way left in ``folder``; a file written to in the last ``older_than`` seconds is another
    writer's and is kept. Returns what was removed. Any thread."""
    if not folder.is_dir():
        return []
    cutoff = time.time() - older_than
    candidates = [c for c in folder.glob(f".*{PART_SUFFIX}*")
                  if any(c.name.endswith(PART_SUFFIX + tail) for tail in ("", "-wal", "-shm", "-journal"))]
    return _remove_unfinished(candidates, lambda c: c.stat().st_mtime > cutoff, folder)


def _remove_unfinished(candidates: list[Path], kept: Callable[[Path], bool], where: Path) -> list[Path]:
    """Delete each of ``candidates`` that ``kept`` does not keep (a file gone meanwhile is skipped, one
    that cannot be removed is logged and left); returns what was removed."""
    removed: list[Path] = []
    for candidate in candidates:
        try:
            if kept(candidate):
                continue
            candidate.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("Could not remove the unfinished file %s: %s", candidate, exc)
            continue
        removed.append(candidate)
    if removed:
        log.info("Removed %d unfinished file(s) of %s", len(removed), where)
    return removed


def _writer_alive(part: Path) -> bool:
    """Whether a live writer holds ``part`` (its lock, taken by :func:`atomic_output`). Without
    advisory locks (Windows) a file written to in the last :data:`STALE_SECONDS` counts as held."""
    if fcntl is None:
        return part.stat().st_mtime > time.time() - STALE_SECONDS
    with part.open("rb") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    return False


def scratch_dir(part: Path) -> Path:
    """The private folder beside the temporary file ``part`` where a writer keeps its own scratch
    files (a workbook's rows before they are zipped), so they never land in a shared system folder
    and go with the temporary file when a killed write is tidied up."""
    return part.with_name(part.name + SCRATCH_SUFFIX)


def remove_stale_parts_of(out: Path) -> list[Path]:
    """Delete the temporary files (``.<name>.*.part``, and their scratch folders) that earlier writes
    of ``out`` left behind when they were killed part-way (``kill -9``, a power cut); one a live
    writer holds is kept. Returns what was removed. Any thread."""
    prefix = f".{out.name}."
    try:
        names = [p for p in out.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return []
    size = len(prefix) + 8 + len(PART_SUFFIX)
    candidates = [p for p in names if p.name.endswith(PART_SUFFIX) and len(p.name) == size]
    removed = _remove_unfinished(candidates, _writer_alive, out)
    for folder in names:
        if folder.name.endswith(PART_SUFFIX + SCRATCH_SUFFIX) and len(folder.name) == size + len(SCRATCH_SUFFIX):
            part = folder.with_name(folder.name[:-len(SCRATCH_SUFFIX)])
            try:
                if part.exists() and _writer_alive(part):
                    continue
            except OSError:
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def atomic_output(out: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``out`` to write; when the block ends without an error the file
    is flushed to disk and becomes ``out`` in one rename, otherwise it is removed, so a reader never
    sees a half-written file. Any ``OSError`` (read-only folder, full disk, file held open elsewhere)
    becomes one :class:`FileProblem` naming ``out``. Any thread."""
    out = Path(out)
    remove_stale_parts_of(out)
    # Not mkstemp: its files are private (0600); an export should get the usual permissions.
    tmp = temp_name(out)
    try:
        # Held open and locked while writing: a later write of ``out`` removes the file only once
        # this writer is gone (the lock dies with the process, even with kill -9).
        held = tmp.open("xb")
    except OSError as exc:
        raise file_problem(out, exc) from exc
    try:
        if fcntl is None:
            held.close()
        else:
            try:
                fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                log.debug("Could not lock %s", tmp)
        try:
            yield tmp
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, out)
        except OSError as exc:
            raise file_problem(out, exc) from exc
        fsync_dir(out.parent)
    finally:
        held.close()
        tmp.unlink(missing_ok=True)


def table_suffix(path: Path | str) -> str:
    """``.xlsx`` or ``.csv`` for ``path``; any other extension is refused, naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError("file", msg("{name}: choose a .xlsx or .csv file name", name=path.name))
    return suffix


def plain_cell(value: Any) -> Any:
    """A value as a file cell: timestamps to the second (microseconds only clutter a sheet)."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


def csv_cell(value: Any) -> Any:
    """A value as a .csv cell: text a spreadsheet would run as a formula gets a leading ``'``."""
    if value.__class__ is str:
        if value[:1] in FORMULA_STARTS:
            return "'" + value
        return value
    return plain_cell(value)


def keep_text(sheet: Any) -> None:
    """In an openpyxl worksheet built in memory (a styled document), make every cell of text that
    openpyxl took for a formula a plain string cell again."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


class CsvWriter:
    """Context manager yielding ``write(row)``; the header row is written first."""

    def __init__(self, path: Path, headers: Sequence[str]) -> None:
        self.path, self.headers = path, list(headers)

    def __enter__(self) -> Callable[[Sequence[Any]], None]:
        # UTF-8 with BOM: Excel on Windows then opens Chinese text correctly.
        self.fh = self.path.open("w", encoding="utf-8-sig", newline="")
        writerow = csv.writer(self.fh).writerow
        writerow([csv_cell(h) for h in self.headers])

        def write(row: Sequence[Any]) -> None:
            writerow([csv_cell(v) for v in row])

        return write

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


class XlsxWriter:
    """Context manager yielding ``write(row)`` into one sheet of a constant-memory workbook, with the
    header row frozen. ``widths`` are character widths per column; ``number_formats`` maps a column
    index to an Excel number format (e.g. ``"0.00"`` for money). Text is always a string cell."""

    def __init__(self, path: Path, headers: Sequence[str], *, sheet: str,
                 widths: Sequence[int] | None = None, number_formats: dict[int, str] | None = None) -> None:
        self.path, self.headers, self.sheet = path, list(headers), sheet
        self.widths = list(widths) if widths is not None else None
        self.number_formats = dict(number_formats or {})

    def __enter__(self) -> Callable[[Sequence[Any]], None]:
        import xlsxwriter

        # Its row files hold the export's data: beside the output in a folder of the owner's only,
        # not in the shared temporary folder, where a killed export would leave them for anyone.
        self.scratch = scratch_dir(self.path)
        self.scratch.mkdir(mode=0o700, exist_ok=True)
        self.wb = xlsxwriter.Workbook(str(self.path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "in_memory": False, "tmpdir": str(self.scratch)})
        ws = self.ws = self.wb.add_worksheet(self.sheet[:31])
        day = self.wb.add_format({"num_format": "yyyy-mm-dd"})
        stamp = self.wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})

        # Dates and timestamps get a format each; a timestamp is kept to the second.
        def write_datetime(worksheet: Any, row: int, col: int, value: datetime, fmt: Any = None) -> int:
            return worksheet.write_datetime(row, col, value.replace(microsecond=0), fmt or stamp)

        def write_date(worksheet: Any, row: int, col: int, value: date, fmt: Any = None) -> int:
            return worksheet.write_datetime(row, col, value, fmt or day)

        ws.add_write_handler(datetime, write_datetime)
        ws.add_write_handler(date, write_date)
        columns = max(len(self.headers), len(self.widths or ()), max(self.number_formats, default=-1) + 1)
        for i in range(columns):
            width = self.widths[i] if self.widths is not None and i < len(self.widths) else None
            fmt = self.number_formats.get(i)
            if width is not None or fmt is not None:
                ws.set_column(i, i, width, self.wb.add_format({"num_format": fmt}) if fmt else None)
        ws.freeze_panes(1, 0)
        ws.write_row(0, 0, self.headers)
        write_row = ws.write_row
        next_row = 1

        def write(row: Sequence[Any]) -> None:
            nonlocal next_row
            write_row(next_row, 0, row)
            next_row += 1

        return write

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._close()
            return
        # The workbook releases its temporary row files only when closed; the partial file is removed
        # by atomic_output(). The error that stopped the export is the one to report.
        try:
            self._close()
        except Exception:
            log.warning("Could not tidy up the unfinished workbook %s", self.path, exc_info=True)

    def _close(self) -> None:
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.wb.close()
        except FileCreateError as exc:
            # xlsxwriter wraps the file system's error; atomic_output() reports that one.
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
            raise cause from exc
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)


def write_table(path: Path | str, headers: Sequence[str], batches: Iterable[Sequence[Sequence[Any]]], *,
                total: int | None, sheet: str, widths: Sequence[int] | None = None,
                number_formats: dict[int, str] | None = None, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> int:
    """Write ``headers`` and then every row of ``batches`` to ``path`` (.xlsx or .csv by extension).

    ``cancel`` is checked before each batch and ``progress`` called after it. The file appears only
    when complete; on cancel or failure nothing is left behind, and a file system failure is one
    :class:`FileProblem`. Returns the number of rows written. Any thread (not the GUI thread: it
    blocks on the batches)."""
    path = Path(path)
    suffix = table_suffix(path)
    written = 0
    with atomic_output(path) as tmp:
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
                    write(row)
                written += len(batch)
                if total is None:
                    progress(written, None, f"{written:,} rows")
                else:
                    progress(written, total, f"{written:,} of {total:,} rows")
    return written
