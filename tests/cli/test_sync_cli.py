"""``forecourt sync pending [--json]`` end to end, in a child process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services import customers
from services.customers import CustomerInput
from services.permissions import system_actor
from services.setup import open_database
from tests.cli.test_cli import _query, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def test_a_new_database_has_nothing_waiting_to_sync(home, tmp_path):
    db_path = tmp_path / "new.db"
    assert run_cli("init", home=home, db=db_path).returncode == 0
    result = run_cli("sync", "pending", home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    terminal = _query(db_path, "SELECT id FROM terminal")[0][0]
    assert result.stdout.splitlines() == [f"0 changes waiting to sync (terminal {terminal})."]


def test_pending_changes_are_counted_per_table_and_listed_as_json(home, db_path):
    db = open_database(db_path)
    try:
        actor = system_actor("test")
        kept = customers.create(db, actor, CustomerInput(name="王伟", city="上海"))
        gone = customers.create(db, actor, CustomerInput(name="Li Na"))
        customers.delete_customer(db, actor, gone)
    finally:
        db.dispose()
    before = _query(db_path, "SELECT count(*), max(seq) FROM sync_outbox")[0]

    text = run_cli("sync", "pending", home=home, db=db_path)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].startswith(f"{before[0]} changes waiting to sync (terminal ")
    counts = dict(line.split() for line in lines[1:])
    assert counts["customer"] == "3"

    as_json = run_cli("sync", "pending", "--json", home=home, db=db_path)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["pending"] == before[0] == len(data["changes"])
    assert data["tables"]["customer"] == 3
    mine = [c for c in data["changes"] if c["table"] == "customer"]
    assert [(c["op"], c["key"]["id"]) for c in mine] == [("insert", kept), ("insert", gone), ("delete", gone)]
    assert (mine[0]["data"]["name"], mine[0]["data"]["city"]) == ("王伟", "上海")
    assert mine[2]["data"] is None
    assert {c["terminal_id"] for c in data["changes"]} == {data["terminal_id"]}
    assert [c["seq"] for c in data["changes"]][-1] == before[1]
    # Read-only: looking changes nothing.
    assert _query(db_path, "SELECT count(*), max(seq) FROM sync_outbox")[0] == before


def test_sync_without_an_action_is_a_usage_error(home, db_path):
    result = run_cli("sync", home=home, db=db_path)
    assert result.returncode == 2
    assert "'sync' needs an action" in result.stderr
