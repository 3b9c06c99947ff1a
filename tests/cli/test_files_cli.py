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
