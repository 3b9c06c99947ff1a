"""``forecourt import parts|price-list|stock-count`` and ``forecourt export parts|stock`` end to end,
in a child process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.test_cli import _query, assert_one_line_error, run_cli

pytestmark = pytest.mark.slow

HEADERS = ["brand", "part_number", "description", "category", "retail_price", "cost", "superseded_by"]


def write_xlsx(path: Path, headers: list, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def run(tmp_path, db_path) -> Callable:
    home = tmp_path / "home"
    home.mkdir()

    def go(*args: str):
        return run_cli(*args, home=home, db=db_path)

    return go


@pytest.fixture
def catalogue(tmp_path) -> Path:
    return write_xlsx(tmp_path / "catalogue.xlsx", HEADERS, [
        ["Toyota", "04152-YZZA6", "机油滤清器", "Filters", 56.5, 30, None],
        ["Toyota", "90915-YZZE1", "Oil filter (old)", "Filters", 52, 28.4, "04152-YZZA6"],
        ["Bosch", 1234567, "Spark plug", "Ignition", 9.9, 5, None],
    ])


def test_import_prints_a_summary_and_a_second_import_changes_nothing(run, db_path, catalogue):
    first = run("import", "parts", str(catalogue))
    assert first.returncode == 0, first.stderr
    assert "inserted      3" in first.stdout and "new brands    2 (Toyota, Bosch)" in first.stdout
    assert "supersessions 1" in first.stdout
    assert _query(db_path, "SELECT count(*) FROM part") == [(3,)]
    again = run("import", "parts", str(catalogue))
    assert again.returncode == 0, again.stderr
    assert "unchanged     3" in again.stdout and "inserted      0" in again.stdout
    assert _query(db_path, "SELECT count(*) FROM part") == [(3,)]


def test_a_dry_run_imports_nothing(run, db_path, catalogue):
    result = run("import", "parts", str(catalogue), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "dry run" in result.stdout and "inserted      3" in result.stdout
    assert _query(db_path, "SELECT count(*) FROM part") == [(0,)]


def test_bad_rows_exit_1_with_the_error_count_and_the_report(run, db_path, tmp_path):
    path = write_xlsx(tmp_path / "prices.xlsx", ["品牌", "零件号", "名称", "零售价"], [
        ["Toyota", "A-1", "Filter", "12.50"], ["Toyota", "", "Wiper", "3"], ["Toyota", "A-2", "Belt", "abc"]])
    report = tmp_path / "bad.xlsx"
    result = run("import", "price-list", str(path), "--report", str(report))
    line = assert_one_line_error(result)
    assert "2 errors in 2 rows of prices.xlsx; nothing was imported" in line and str(report) in line
    assert "row 3, Part number: is empty" in result.stdout
    assert _query(db_path, "SELECT count(*) FROM part") == [(0,)]
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert [(r[0], r[1]) for r in rows[1:]] == [(3, "Part number"), (4, "Retail price")]


def test_a_file_that_is_not_a_spreadsheet_gets_one_clear_line(run, tmp_path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\xff\xd8\xff\xe0 not a workbook")
    line = assert_one_line_error(run("import", "parts", str(path)))
    assert "photo.xlsx is not a spreadsheet" in line
    assert "Error" not in line and "Zip" not in line and "damaged" in line
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty.csv is empty" in assert_one_line_error(run("import", "parts", str(empty)))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_parts_and_stock_write_files_that_import_again(run, tmp_path, catalogue, suffix):
    assert run("import", "parts", str(catalogue)).returncode == 0
    out = tmp_path / f"parts{suffix}"
    result = run("export", "parts", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 3 rows to {out}."
    again = run("import", "parts", str(out))
    assert again.returncode == 0, again.stderr
    assert "unchanged     3" in again.stdout
    stock = tmp_path / f"stock{suffix}"
    result = run("export", "stock", str(stock))
    assert result.returncode == 0 and stock.is_file()


def test_importing_with_an_unknown_preset_is_refused(run, catalogue):
    line = assert_one_line_error(run("import", "parts", str(catalogue), "--preset", "Nobody"))
    assert "no parts import preset called 'Nobody'" in line


def test_cli_messages_name_no_internal_field(run, tmp_path):
    # A file given as a folder, for reading and for writing, says so in plain words.
    line = assert_one_line_error(run("import", "parts", str(tmp_path)))
    assert "is a folder" in line and "file:" not in line
    line = assert_one_line_error(run("export", "parts", str(tmp_path)))
    assert "is a folder" in line and "file:" not in line
    line = assert_one_line_error(run("import", "parts", str(tmp_path / "prices.xlsx"), "--report", str(tmp_path)))
    assert "is a folder" in line and "report:" not in line


def test_the_report_option_describes_its_default_in_plain_words(run):
    result = run("import", "parts", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "FILE.errors.xlsx" not in text and "next to the imported file" in text
