"""``forecourt audit verify`` in a child process against each way of rewriting the trail with only
the database file in hand: edit an entry, cut the tail and move the head back, delete everything,
recompute the whole chain without the key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.audit_chain import GENESIS, entry_hash
from tests.cli.test_cli import run_cli
from tests.services.samples import AUDIT_TRIGGERS

pytestmark = pytest.mark.slow

COLUMNS = ("id", "at", "actor", "terminal", "action", "entity", "entity_id", "summary", "before", "after")


def _tamper(db: Path, *statements: tuple[str, tuple]) -> None:
    conn = sqlite3.connect(db)
    try:
        with conn:
            for name in AUDIT_TRIGGERS:
                conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            for sql, params in statements:
                conn.execute(sql, params)
    finally:
        conn.close()


def _rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def trail(tmp_path) -> tuple[Path, Path, Path]:
    """A database with users added before and after a backup; returns (home, database, backup)."""
    home, db = tmp_path / "home", tmp_path / "shop" / "forecourt.db"
    home.mkdir()
    env = {"FORECOURT_PASSWORD": "secret-pass-1"}
    assert run_cli("init", home=home, db=db).returncode == 0
    assert run_cli("user", "add", "admin", "--role", "owner", home=home, db=db, env=env).returncode == 0
    made = run_cli("backup", "create", home=home, db=db)
    assert made.returncode == 0, made.stderr
    assert run_cli("user", "add", "clerk", "--role", "parts_clerk", home=home, db=db, env=env).returncode == 0
    ok = run_cli("audit", "verify", home=home, db=db)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "anchors checked" in ok.stdout
    return home, db, Path(made.stdout.strip())


def _verify(home: Path, db: Path):
    result = run_cli("audit", "verify", home=home, db=db)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_an_edited_entry_fails_verify_naming_it(trail):
    home, db, _backup = trail
    _tamper(db, ("UPDATE audit_entry SET actor = 'someone' WHERE seq = 4", ()))
    out = _verify(home, db)
    assert "BROKEN at entry 4" in out and "entry 4 was altered" in out
    assert "checked:" in out


def test_a_deleted_tail_with_the_head_moved_back_fails_naming_the_backup_anchor(trail):
    home, db, backup = trail
    anchored = _rows(backup, "SELECT seq FROM audit_head")[0][0]
    keep = anchored - 3
    keep_hash = _rows(db, "SELECT hash FROM audit_entry WHERE seq = ?", (keep,))[0][0]
    _tamper(db, ("DELETE FROM audit_entry WHERE seq > ?", (keep,)),
            ("UPDATE audit_head SET seq = ?, hash = ?", (keep, keep_hash)))
    out = _verify(home, db)
    assert f"BROKEN at entry {keep + 1}" in out
    assert backup.name in out


def test_a_trail_deleted_entirely_fails(trail):
    home, db, _backup = trail
    _tamper(db, ("DELETE FROM audit_entry", ()), ("DELETE FROM audit_head", ()))
    out = _verify(home, db)
    assert "BROKEN" in out and "head" in out


def test_a_chain_recomputed_without_the_key_fails_at_the_first_keyed_entry(trail):
    home, db, _backup = trail
    rows = _rows(db, f"SELECT seq, {', '.join(COLUMNS)} FROM audit_entry ORDER BY seq")
    statements = [("UPDATE audit_entry SET summary = 'nothing happened' WHERE seq = 5", ())]
    prev = GENESIS
    for r in rows:
        values = dict(zip(COLUMNS, r[1:], strict=True))
        if r[0] == 5:
            values["summary"] = "nothing happened"
        digest = entry_hash(prev, **values)
        statements.append(("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, r[0])))
        prev = digest
    statements.append(("UPDATE audit_head SET hash = ?", (prev,)))
    _tamper(db, *statements)
    out = _verify(home, db)
    assert "BROKEN at entry 1" in out and "was altered" in out


def test_verify_without_the_key_says_it_cannot_verify_and_writes_are_refused(trail, tmp_path):
    home, db, _backup = trail
    elsewhere = {"FORECOURT_CONFIG": str(tmp_path / "other-config")}
    result = run_cli("audit", "verify", home=home, db=db, env=elsewhere)
    assert result.returncode == 1
    assert "cannot verify: secret missing" in result.stdout
    refused = run_cli("user", "add", "late", "--role", "owner", home=home, db=db,
                      env=elsewhere | {"FORECOURT_PASSWORD": "secret-pass-1"})
    assert refused.returncode == 1
    assert "audit key of this database" in refused.stderr
    assert _rows(db, "SELECT count(*) FROM user_account WHERE username = 'late'") == [(0,)]
