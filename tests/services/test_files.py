"""Files out: every writer goes through services.files — one clear error for a file system failure,
no half file left behind, leftovers of killed writers cleaned up, and no cell that runs as a formula."""

from __future__ import annotations

import csv
import errno
import os
import time
from pathlib import Path

import pytest

import demo
from core.errors import FileProblem
from services import backups, files, lists
from services.customers import CustomerInput, create
from services.imports.reader import cell_text, read_table
from services.lists import ListState
from services.setup import open_database

ROWS = [("=1+2", -12.5, "plain"), ("+8613900000000", 3, "@SUM(A1)"), ("-x", 0, "\tcmd"), ("\rcr", 7, "'kept")]
FORMULAS = ("=1+2", "+8613900000000", "@SUM(A1)", "-x", "\tcmd", "\rcr")


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch) -> Path:
    """A folder no file can be created in. Permission bits do not bind the superuser (tests may run as
    root in a container), so there the refusal the kernel would give is raised for that folder."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "old.csv").write_text("previous", encoding="utf-8")
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        real_open = Path.open

        def refusing_open(self: Path, mode: str = "r", *args, **kwargs):
            if self.parent == folder and any(c in mode for c in "wxa+"):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return real_open(self, mode, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing_open)
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize("name", ["old.csv", "new.xlsx"])
def test_writing_into_a_read_only_folder_is_one_error_naming_the_file(read_only_folder, name):
    target = read_only_folder / name

    with pytest.raises(FileProblem) as err:
        files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    assert str(err.value).startswith(f"Cannot write {target}: permission denied")
    assert "\n" not in str(err.value)
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["old.csv"]
    assert (read_only_folder / "old.csv").read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_a_full_disk_is_one_error_and_leaves_the_old_file_and_no_half_file(tmp_path, monkeypatch, name):
    target = tmp_path / name
    target.write_bytes(b"previous")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(FileProblem) as err:
        files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    assert str(err.value) == f"Cannot write {target}: the disk is full"
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert target.read_bytes() == b"previous"


def test_a_disk_that_fills_up_while_rows_are_written_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "big.csv"

    class FillingWriter:
        def __init__(self, fh) -> None:
            self.rows = 0

        def writerow(self, row) -> None:
            self.rows += 1
            if self.rows > 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.csv, "writer", FillingWriter)
    with pytest.raises(FileProblem, match="the disk is full"):
        files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    assert list(tmp_path.iterdir()) == []


def test_a_pdf_into_a_read_only_folder_is_one_error(read_only_folder):
    from services.reports import pdf

    def render(tmp: Path) -> None:
        tmp.write_bytes(b"%PDF-1.4")

    with pytest.raises(FileProblem, match="permission denied"):
        pdf.write(read_only_folder / "doc.pdf", render)
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["old.csv"]


def test_a_killed_backup_leaves_a_part_file_that_the_next_backup_removes(db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    # What a backup killed during its copy leaves: its temporary database and journal.
    leftover = files.temp_name(folder / "forecourt-20250101-000000-manual.db")
    leftover.write_bytes(b"SQLite format 3\x00half")
    Path(f"{leftover}-journal").write_bytes(b"journal")
    long_ago = time.time() - 3600
    for p in (leftover, Path(f"{leftover}-journal")):
        os.utime(p, (long_ago, long_ago))
    # One being written right now by another backup is left alone.
    busy = files.temp_name(folder / "forecourt-20250101-000001-manual.db")
    busy.write_bytes(b"in progress")

    made = backups.create_backup(db, to_dir=folder)

    # The backup, the audit anchor written beside it, and the other backup's file in progress.
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.name, f"{made.name}.anchor.json", busy.name])


def test_a_demo_build_that_was_killed_leaves_only_a_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "demo.db"

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo, "_fill", killed)
    with pytest.raises(KeyboardInterrupt):
        demo.build(target, size="small")

    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_unfinished_demo_database_is_recognised(tmp_path, db_path):
    unfinished = tmp_path / "unfinished.db"
    open_database(unfinished, create=True).dispose()

    assert demo.is_unfinished(unfinished)
    assert not demo.is_unfinished(db_path)  # it has its owner
    (tmp_path / "text.db").write_text("not a database", encoding="utf-8")
    assert not demo.is_unfinished(tmp_path / "text.db")


# --- formulas -------------------------------------------------------------------------------------

def test_csv_cells_that_would_run_as_formulas_get_a_leading_quote_and_numbers_stay_numbers(tmp_path):
    target = tmp_path / "t.csv"
    files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    with target.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))

    assert table[1:] == [["'=1+2", "-12.5", "plain"], ["'+8613900000000", "3", "'@SUM(A1)"],
                         ["'-x", "0", "'\tcmd"], ["'\rcr", "7", "'kept"]]


def test_xlsx_cells_that_would_run_as_formulas_are_string_cells_and_numbers_stay_numbers(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "t.xlsx"
    files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    sheet = load_workbook(target).active
    cells = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows(min_row=2)]
    for row, original in zip(cells, ROWS, strict=True):
        # openpyxl shows a carriage return as the XML escape it is stored as; the reader test below
        # reads it back through the import reader.
        assert [v for v, _t in row] == [v.replace("\r", "_x000D_") if isinstance(v, str) else v for v in original]
        assert [t for _v, t in row] == ["s", "n", "s"]


@pytest.mark.parametrize("name", ["t.csv", "t.xlsx"])
def test_reimporting_an_export_gives_back_the_original_text(tmp_path, name):
    target = tmp_path / name
    files.write_table(target, ("a", "b", "c"), [ROWS], total=len(ROWS), sheet="t")

    table = read_table(target)
    back = [[cell_text(c) for c in cells] for _n, cells in table.rows]

    assert back == [[cell_text(v) for v in row] for row in ROWS]
    assert {row[0] for row in back} >= {"=1+2", "+8613900000000", "-x"}


def test_a_list_export_writes_a_customer_named_like_a_formula_as_text(db, owner, tmp_path):
    from openpyxl import load_workbook

    create(db, owner, CustomerInput(kind="company", name="=HYPERLINK(\"http://x\",\"y\")", phone="13900000001"))
    out = tmp_path / "customers.xlsx"
    lists.export(db, owner, "customers", ListState(), out)

    names = [(c.value, c.data_type) for c in next(load_workbook(out).active.iter_cols(min_row=2, max_col=1))]
    assert ("=HYPERLINK(\"http://x\",\"y\")", "s") in names


def test_a_purchase_order_style_sheet_keeps_formula_like_text_as_text(tmp_path):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    book.active.append(["=cmd|' /C calc'!A0", 5])
    files.keep_text(book.active)
    book.save(tmp_path / "po.xlsx")

    cell = load_workbook(tmp_path / "po.xlsx").active["A1"]
    assert (cell.value, cell.data_type) == ("=cmd|' /C calc'!A0", "s")


def test_formula_starts_are_the_owasp_set():
    assert set(files.FORMULA_STARTS) == set(FORMULAS[0][0] + "+@-\t\r")


_WRITER = """
import sys, time
from services import files
with files.atomic_output(sys.argv[1]) as tmp:
    tmp.write_bytes(b"half an export")
    print(tmp, flush=True)
    time.sleep(60)
"""


def _writer_in_child(target: Path):
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    part = Path(child.stdout.readline().strip())
    assert part.name.startswith(f".{target.name}.") and part.exists()
    return child, part


def test_an_export_killed_with_kill_9_leaves_a_part_file_that_the_next_write_of_that_name_removes(tmp_path):
    import signal

    target = tmp_path / "kx.xlsx"
    child, part = _writer_in_child(target)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert part.exists()  # nothing can clean up after kill -9
    # Someone else's unfinished file in the same folder is not this write's business.
    other = files.temp_name(tmp_path / "other.xlsx")
    other.write_bytes(b"another export")

    files.write_table(target, ["a"], [[(1,)]], total=1, sheet="rows")

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kx.xlsx", other.name])


def test_a_part_file_of_a_writer_still_running_is_kept(tmp_path):
    target = tmp_path / "kx.csv"
    child, part = _writer_in_child(target)
    try:
        files.write_table(target, ["a"], [[(1,)]], total=1, sheet="rows")
        assert part.exists() and target.exists()
    finally:
        child.kill()
        child.wait()


_WORKBOOK_WRITER = """
import sys, time
from pathlib import Path
from services import files
target = Path(sys.argv[1])

def batches():
    yield [("客户", 1)] * 500
    scratch = next(p for p in target.parent.iterdir() if p.name.endswith(files.PART_SUFFIX + files.SCRATCH_SUFFIX))
    print(scratch, flush=True)
    time.sleep(60)
    yield []

files.write_table(target, ["name", "n"], batches(), total=None, sheet="rows")
"""


def test_a_workbook_killed_with_kill_9_leaves_its_rows_beside_it_until_the_next_write(tmp_path):
    import signal
    import subprocess
    import sys

    target = tmp_path / "journal.xlsx"
    child = subprocess.Popen([sys.executable, "-c", _WORKBOOK_WRITER, str(target)], stdout=subprocess.PIPE,
                             text=True, cwd=Path(__file__).resolve().parents[2])
    scratch = Path(child.stdout.readline().strip())
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    # The rows written so far are in the write's own folder (the owner's only), not a shared one.
    assert scratch.is_dir() and any(scratch.iterdir())
    if os.name == "posix":
        assert scratch.stat().st_mode & 0o077 == 0

    files.write_table(target, ["a"], [[(1,)]], total=1, sheet="rows")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.xlsx"]


def test_a_workbook_keeps_its_row_files_beside_the_export_and_removes_them(tmp_path, monkeypatch):
    import tempfile

    shared = tmp_path / "shared-temp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    target = tmp_path / "out" / "journal.xlsx"
    target.parent.mkdir()
    seen: list[list[str]] = []

    def batches():
        for n in range(3):
            yield [(f"客户 {n}", n)] * 200
            seen.append(sorted(p.name for p in target.parent.iterdir()))

    files.write_table(target, ["name", "n"], batches(), total=600, sheet="rows")
    assert any(any(name.endswith(files.PART_SUFFIX + files.SCRATCH_SUFFIX) for name in names) for names in seen)
    assert list(shared.iterdir()) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["journal.xlsx"]
