"""Every service that writes checks a permission itself; the screens only hide what a user may not do."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core.errors import AuthenticationFailed, PermissionDenied
from core.paths import backup_dir_for
from core.quantities import InsufficientStock
from services import backups, users
from services.parts import stock

ROOT = Path(__file__).resolve().parents[2]

# Cores that need no permission, and why.
OPEN_TO_EVERY_USER = {
    "services/users.py:change_password_in": "a logged-in user changes their own password (checked against the old one)",
}


def _cores() -> dict[str, ast.FunctionDef]:
    found = {}
    for path in (ROOT / "services").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            # Public cores; a private helper taking the unit of work is called by one of them.
            if (isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.args.args
                    and node.args.args[0].arg == "uow"):
                found[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = node
    return found


def _calls(node: ast.FunctionDef) -> set[str]:
    return {n.func.id if isinstance(n.func, ast.Name) else n.func.attr
            for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name | ast.Attribute)}


def test_every_service_core_that_writes_checks_a_permission():
    cores = _cores()
    assert len(cores) > 40, "the cores were found"
    names = {key.split(":")[1] for key in cores}
    checks = {"require", "require_any"}
    unchecked = []
    for key, node in cores.items():
        if key in OPEN_TO_EVERY_USER:
            continue
        called = _calls(node)
        # A core that hands its work to another core is covered by that core's own check.
        if not (called & checks) and not (called & names - {node.name}):
            unchecked.append(key)
    assert unchecked == []


def test_asking_for_a_backup_needs_the_backup_permission(db, actor_for):
    before = sorted(backup_dir_for(db.path).glob("*.db")) if backup_dir_for(db.path).exists() else []
    with pytest.raises(PermissionDenied):
        backups.backup_now(db, actor_for("read_only"))
    after = sorted(backup_dir_for(db.path).glob("*.db")) if backup_dir_for(db.path).exists() else []
    assert after == before


def test_recording_a_refused_stock_attempt_needs_a_permission_that_moves_stock(db, actor_for):
    refused = InsufficientStock("p1", "P-1", available=0, requested=1000)
    with pytest.raises(PermissionDenied):
        stock.record_refused(db, actor_for("technician"), refused, kind="counter_sale")


def test_an_unknown_name_and_a_wrong_password_cost_one_password_check_each(db, owner, monkeypatch):
    calls = []
    real = users.hasher

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def verify(self, hash_, password):
            calls.append(password)
            return real.verify(hash_, password)

    monkeypatch.setattr(users, "hasher", Counting())
    for name in ("nobody-here", "owner"):
        calls.clear()
        with pytest.raises(AuthenticationFailed):
            users.login(db, name, "not the password")
        assert calls == ["not the password"], name
