"""File errors at the command line: one line naming the file and the cause, exit 1, nothing left behind."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import assert_one_line_error, run_cli

pytestmark = pytest.mark.slow


def test_an_export_that_cannot_be_put_in_place_is_one_line_and_leaves_nothing(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    target = tmp_path / "out"
    target.mkdir()
    blocked = target / "parts.csv"
    blocked.mkdir()  # a folder where the file should go: the final rename fails

    result = run_cli("export", "parts", str(blocked), home=home, db=db_path)

    line = assert_one_line_error(result)
    assert line == f"forecourt: Cannot write {blocked}: it is a folder"
    assert [p.name for p in target.iterdir()] == ["parts.csv"]
    assert list(blocked.iterdir()) == []


def test_demo_replaces_the_unfinished_database_an_interrupted_build_left(tmp_path):
    from services.setup import open_database

    home = tmp_path / "home"
    home.mkdir()
    path = tmp_path / "demo.db"
    open_database(path, create=True).dispose()  # schema, no data: what a killed build leaves

    result = run_cli("demo", "--size", "small", home=home, db=path, timeout=300)

    assert result.returncode == 0, result.stderr
    assert f"Replacing the unfinished database {path}." in result.stdout
    assert not list(home.rglob("*before-demo*"))


def _price_file(tmp_path):
    from tests.services.test_imports import CATALOGUE, HEADERS, write_xlsx

    return write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE)


def test_an_import_while_another_program_writes_waits_and_then_succeeds(tmp_path, db_path):
    from tests.services.test_write_wait import hold_write_lock

    home = tmp_path / "home"
    home.mkdir()
    source = _price_file(tmp_path)
    holder = hold_write_lock(db_path, 6)
    try:
        result = run_cli("import", "parts", str(source), home=home, db=db_path)
    finally:
        holder.wait(timeout=30)

    assert result.returncode == 0, result.stderr
    assert "inserted      3" in result.stdout


def test_an_import_while_another_program_writes_too_long_fails_with_one_clear_line(tmp_path, db_path):
    from tests.services.test_write_wait import hold_write_lock

    home = tmp_path / "home"
    home.mkdir()
    source = _price_file(tmp_path)
    # Held until the import has given up, however slowly a busy machine starts it.
    holder = hold_write_lock(db_path, None)
    try:
        result = run_cli("import", "parts", str(source), home=home, db=db_path, env={"FORECOURT_WRITE_WAIT": "2"})
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)

    line = assert_one_line_error(result)
    assert "locked by another program" in line and str(db_path) in line
