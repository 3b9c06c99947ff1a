"""Personal data stays out of the log and out of other users' reach."""

from __future__ import annotations

import os
import stat

import pytest

from tests.cli.test_cli import PASSWORD, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_names_the_command_but_never_its_arguments(tmp_path):
    home, db = tmp_path / "home", tmp_path / "f.db"
    home.mkdir()
    assert run_cli("init", home=home, db=db).returncode == 0
    assert run_cli("user", "add", "li.na", "--role", "salesperson", home=home, db=db, stdin=PASSWORD).returncode == 0
    run_cli("search", "13812345678", home=home, db=db)
    run_cli("search", "王伟", home=home, db=db)
    refused = run_cli("user", "add", "li.na", "--role", "no-such-role", home=home, db=db, stdin=PASSWORD)
    assert refused.returncode == 1

    log = (home / "logs" / "forecourt.log").read_text(encoding="utf-8")
    assert "forecourt search" in log and "forecourt user add" in log
    for secret in ("13812345678", "王伟", "li.na", "no-such-role", PASSWORD):
        assert secret not in log, secret


def test_the_database_backups_logs_and_exports_are_its_owners_alone(tmp_path):
    home, folder = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    db = folder / "f.db"
    assert run_cli("init", home=home, db=db).returncode == 0
    assert run_cli("backup", "create", home=home, db=db).returncode == 0
    assert run_cli("export", "parts", str(folder / "parts.csv"), home=home, db=db).returncode == 0

    assert _mode(folder) == 0o700
    for path in (db, folder / "parts.csv", home / "logs" / "forecourt.log", *(folder / "backups").iterdir()):
        assert _mode(path) & 0o077 == 0, path
    assert _mode(folder / "backups") == 0o700
    wal = folder / "f.db-wal"
    if wal.exists():
        assert _mode(wal) & 0o077 == 0
