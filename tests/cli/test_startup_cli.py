"""A start-up that was cut short: a database left without its seed is completed by the next
command, and an empty file is refused rather than made into a new database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, assert_one_line_error, run_cli

pytestmark = pytest.mark.slow


def _killed_between_schema_and_seed(db: Path, home: Path) -> int:
    """Run ``forecourt init`` in a child that dies the moment seeding starts; its exit status."""
    code = textwrap.dedent("""
        import os, sys
        from services import setup

        def die(*_args, **_kwargs):
            os._exit(9)

        setup.seed = die
        from app import cli
        cli.main(["--db", sys.argv[1], "init"])
    """)
    env = {k: v for k, v in os.environ.items() if k != "FORECOURT_DB"}
    env.update(FORECOURT_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60).returncode


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_database_whose_init_was_killed_before_seeding_is_completed_by_the_next_command(tmp_path):
    home, db = tmp_path / "home", tmp_path / "forecourt.db"
    home.mkdir()
    assert _killed_between_schema_and_seed(db, home) == 9
    assert db.exists() and _count(db, "role") == 0
    added = run_cli("user", "add", "admin", "--role", "owner", home=home, db=db,
                    env={"FORECOURT_PASSWORD": "secret-pass-1"})
    assert added.returncode == 0, added.stderr
    assert "Unknown role" not in added.stderr
    assert _count(db, "role") > 0 and _count(db, "user_account") == 1
    assert run_cli("audit", "verify", home=home, db=db).returncode == 0


def test_init_refuses_an_empty_file_and_leaves_it_as_it_is(tmp_path):
    home, db = tmp_path / "home", tmp_path / "forecourt.db"
    home.mkdir()
    db.touch()
    line = assert_one_line_error(run_cli("init", home=home, db=db))
    assert "is empty; not a Forecourt database" in line
    assert db.stat().st_size == 0
    line = assert_one_line_error(run_cli("user", "list", home=home, db=db))
    assert "is empty; not a Forecourt database" in line


def test_init_creates_a_database_where_there_is_no_file(tmp_path):
    home, db = tmp_path / "home", tmp_path / "new" / "forecourt.db"
    home.mkdir()
    result = run_cli("init", home=home, db=db)
    assert result.returncode == 0, result.stderr
    assert "Created a new database" in result.stdout
    assert _count(db, "role") > 0
