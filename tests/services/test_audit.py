"""The audit trail: who changed what, before and after, chained so tampering is detectable."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id
from models.admin import AuditEntry, AuditHead
from models.base import Base
from services import audit, customers
from services.customers import ContactInput, CustomerInput
from services.permissions import system_actor
from store import audit_chain
from store.audit_chain import Change
from tests.services.samples import count, mobile, raw_execute, raw_rows, tamper


def _entries(path, entity: str, entity_id: str) -> list[dict]:
    rows = raw_rows(path, "SELECT seq, actor, terminal, action, before, after FROM audit_entry "
                          "WHERE entity = ? AND entity_id = ? ORDER BY seq", (entity, entity_id))
    return [{"seq": r[0], "actor": r[1], "terminal": r[2], "action": r[3],
             "before": json.loads(r[4]) if r[4] else None, "after": json.loads(r[5]) if r[5] else None}
            for r in rows]


def _verify(db) -> audit.VerifyResult:
    with db.read() as conn:
        return audit.verify(conn)


def _last_seq(path) -> int:
    return raw_rows(path, "SELECT max(seq) FROM audit_entry")[0][0]


def _make_history(db, owner) -> str:
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1)))
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang", phone=mobile(1), city="Hangzhou"))
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang", phone=mobile(1), city="Suzhou"))
    return cid


# --- what is recorded -----------------------------------------------------------------------------

def test_creating_a_customer_records_an_insert_with_the_new_values_and_the_actor(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1), city="Hangzhou"))
    [entry] = _entries(db_path, "customer", cid)
    assert entry["action"] == "insert"
    assert entry["actor"] == "owner"
    assert entry["terminal"] == "T1"
    assert entry["before"] is None
    assert entry["after"]["name"] == "Wang Fang"
    assert entry["after"]["phone"] == "+8613900000001"
    assert entry["after"]["city"] == "Hangzhou"
    assert entry["after"]["id"] == cid


def test_updating_a_customer_records_only_the_changed_fields_before_and_after(db, db_path, owner, actor_for):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1)))
    sales = actor_for("salesperson")
    customers.update(db, sales, cid, CustomerInput(name="Wang Fang-Li", phone=mobile(1), city="Hangzhou"))
    update = _entries(db_path, "customer", cid)[-1]
    assert update["action"] == "update"
    assert update["actor"] == "u_salesperson"
    assert update["before"] == {"name": "Wang Fang", "city": ""}
    assert update["after"] == {"name": "Wang Fang-Li", "city": "Hangzhou"}


def test_an_update_that_changes_nothing_records_no_update(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1)))
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang", phone=mobile(1)))
    assert [e["action"] for e in _entries(db_path, "customer", cid)] == ["insert"]


def test_deleting_a_customer_records_a_delete_with_the_old_values(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1),
                                                    contacts=[ContactInput(name="Assistant")]))
    contact_id = customers.get(db, owner, cid).data.contacts[0].id
    customers.delete_customer(db, owner, cid)
    delete = _entries(db_path, "customer", cid)[-1]
    assert delete["action"] == "delete"
    assert delete["actor"] == "owner"
    assert delete["before"]["name"] == "Wang Fang"
    assert delete["before"]["phone"] == "+8613900000001"
    assert delete["after"] is None
    assert [e["action"] for e in _entries(db_path, "contact", contact_id)] == ["insert", "delete"]


def test_bookkeeping_columns_are_not_recorded_as_changes(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang"))
    [entry] = _entries(db_path, "customer", cid)
    assert not {"created_at", "created_by", "updated_at", "updated_by"} & set(entry["after"])


def test_the_chain_verifies_after_ordinary_work(db, db_path, owner):
    _make_history(db, owner)
    result = _verify(db)
    assert result.ok, result.problem
    assert result.checked == count(db_path, "audit_entry")


def test_a_failed_service_call_writes_no_audit_entry(db, db_path, owner, monkeypatch):
    before = count(db_path, "audit_entry")

    def broken_index(*_args, **_kwargs):
        raise RuntimeError("index failed after the customer row was flushed")

    monkeypatch.setattr(customers.search, "index", broken_index)
    with pytest.raises(RuntimeError):
        customers.create(db, owner, CustomerInput(name="Wang Fang"))
    assert count(db_path, "audit_entry") == before
    assert count(db_path, "customer") == 0
    assert _verify(db).ok


def test_a_refused_change_writes_no_audit_entry(db, db_path, owner):
    before = count(db_path, "audit_entry")
    with pytest.raises(ValidationError):
        customers.create(db, owner, CustomerInput(name="Wang Fang", phone="12345"))
    assert count(db_path, "audit_entry") == before


# --- tampering ------------------------------------------------------------------------------------

def test_altering_an_entry_is_detected_and_names_it(db, db_path, owner):
    cid = _make_history(db, owner)
    target = _entries(db_path, "customer", cid)[1]["seq"]
    tamper(db_path, ("UPDATE audit_entry SET after = ? WHERE seq = ?",
                     (json.dumps({"city": "Somewhere else"}), target)))
    result = _verify(db)
    assert not result.ok
    assert result.first_bad_seq == target
    assert f"entry {target} was altered" in result.problem


def test_altering_who_made_a_change_is_detected(db, db_path, owner):
    cid = _make_history(db, owner)
    target = _entries(db_path, "customer", cid)[0]["seq"]
    tamper(db_path, ("UPDATE audit_entry SET actor = 'someone_else' WHERE seq = ?", (target,)))
    result = _verify(db)
    assert (result.ok, result.first_bad_seq) == (False, target)


def test_deleting_an_entry_in_the_middle_is_detected_and_names_the_missing_seq(db, db_path, owner):
    cid = _make_history(db, owner)
    target = _entries(db_path, "customer", cid)[1]["seq"]
    assert target < _last_seq(db_path)
    tamper(db_path, ("DELETE FROM audit_entry WHERE seq = ?", (target,)))
    result = _verify(db)
    assert not result.ok
    assert result.first_bad_seq == target
    assert f"entry {target} is missing" in result.problem


def test_deleting_the_first_entry_is_detected_and_names_it(db, db_path, owner):
    tamper(db_path, "DELETE FROM audit_entry WHERE seq = 1")
    result = _verify(db)
    assert (result.ok, result.first_bad_seq) == (False, 1)


def test_deleting_the_last_entry_is_detected_by_the_head(db, db_path, owner):
    _make_history(db, owner)
    last = _last_seq(db_path)
    tamper(db_path, ("DELETE FROM audit_entry WHERE seq = ?", (last,)))
    result = _verify(db)
    assert not result.ok
    assert result.first_bad_seq == last
    assert result.checked == last - 1


def test_deleting_the_whole_trail_but_leaving_the_head_is_detected(db, db_path, owner):
    tamper(db_path, "DELETE FROM audit_entry")
    result = _verify(db)
    assert not result.ok
    assert result.first_bad_seq == 1


def test_work_after_tampering_does_not_hide_it(db, db_path, owner):
    cid = _make_history(db, owner)
    target = _entries(db_path, "customer", cid)[1]["seq"]
    tamper(db_path, ("UPDATE audit_entry SET summary = 'edited' WHERE seq = ?", (target,)))
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang", phone=mobile(1), city="Ningbo"))
    result = _verify(db)
    assert (result.ok, result.first_bad_seq) == (False, target)


def test_explicit_changes_recorded_by_a_bulk_job_join_the_chain(db, db_path, owner):
    actor = system_actor("importer", terminal="T1")
    with db.engine.begin() as conn:
        audit_chain.append(conn, actor, [Change("import", "customer", "*", after={"rows": 1200}, summary="bulk")])
    row = raw_rows(db_path, "SELECT actor, action, after, summary FROM audit_entry ORDER BY seq DESC LIMIT 1")[0]
    assert row == ("os:importer", "import", '{"rows": 1200}', "bulk")
    assert _verify(db).ok


# --- the chain as a property ----------------------------------------------------------------------

_values = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.text(max_size=12))
_changes = st.lists(
    st.builds(
        Change,
        action=st.sampled_from(["insert", "update", "delete", "login", "import"]),
        entity=st.sampled_from(["customer", "vehicle", "user_account"]),
        entity_id=st.text(alphabet="0123456789abcdef", min_size=1, max_size=32),
        before=st.none() | st.dictionaries(st.text(min_size=1, max_size=8), _values, max_size=4),
        after=st.none() | st.dictionaries(st.text(min_size=1, max_size=8), _values, max_size=4),
        summary=st.text(max_size=20),
    ),
    min_size=1, max_size=12,
)


def _chain(batches: list[list[Change]], *, keyed_from: int = 1):
    """A chain whose entries from ``keyed_from`` on are keyed (those before it carry plain hashes,
    as in a database written before keys existed)."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[AuditEntry.__table__, AuditHead.__table__])
    with engine.begin() as conn:
        conn.execute(AuditHead.__table__.insert(), {"id": 1, "seq": 0, "hash": "", "db_id": new_id(),
                                                     "keyed_from": keyed_from})
    actor = Actor(username="tester", role="owner", terminal="T1")
    for batch in batches:
        with engine.begin() as conn:
            audit_chain.append(conn, actor, batch)
    return engine


@settings(max_examples=60, deadline=None)
@given(batches=st.lists(_changes, min_size=1, max_size=4), keyed_from=st.integers(1, 20))
def test_any_sequence_of_appends_verifies(batches, keyed_from):
    engine = _chain(batches, keyed_from=keyed_from)
    with engine.connect() as conn:
        result = audit.verify(conn)
    assert result.ok, result.problem
    assert result.checked == sum(len(b) for b in batches)


@settings(max_examples=80, deadline=None)
@given(changes=_changes, data=st.data())
def test_tampering_with_any_column_of_any_entry_is_reported_at_that_entry(changes, data):
    engine = _chain([changes], keyed_from=data.draw(st.integers(1, 13), label="keyed_from"))
    seq = data.draw(st.integers(1, len(changes)), label="seq")
    column = data.draw(st.sampled_from(["id", "at", "actor", "terminal", "action", "entity", "entity_id",
                                        "summary", "before", "after", "prev_hash", "hash"]), label="column")
    with engine.begin() as conn:
        old = conn.execute(text(f"SELECT {column} FROM audit_entry WHERE seq = :s"), {"s": seq}).scalar()
        conn.execute(text(f"UPDATE audit_entry SET {column} = :v WHERE seq = :s"),
                     {"v": (old or "") + "x", "s": seq})
    with engine.connect() as conn:
        result = audit.verify(conn)
    assert not result.ok
    assert result.first_bad_seq == seq


@settings(max_examples=80, deadline=None)
@given(changes=_changes, data=st.data())
def test_deleting_any_entries_is_reported_at_the_first_missing_one(changes, data):
    engine = _chain([changes])
    doomed = data.draw(st.sets(st.integers(1, len(changes)), min_size=1), label="deleted seqs")
    with engine.begin() as conn:
        for seq in doomed:
            conn.execute(text("DELETE FROM audit_entry WHERE seq = :s"), {"s": seq})
    with engine.connect() as conn:
        result = audit.verify(conn)
    assert not result.ok
    assert result.first_bad_seq == min(doomed)


# --- the keyed chain, its anchors and its guards ---------------------------------------------------

def _plain_entries(path, n: int) -> None:
    """Write ``n`` entries as a version before keyed chains did: plain SHA-256, a head without id."""
    prev = audit_chain.GENESIS
    for seq in range(1, n + 1):
        row = {"id": f"{seq:032x}", "at": "2026-01-01T00:00:00", "actor": "old", "terminal": "T1",
               "action": "insert", "entity": "customer", "entity_id": str(seq), "summary": "", "before": None,
               "after": json.dumps({"n": seq})}
        digest = audit_chain.entry_hash(prev, **row)
        raw_execute(path, "INSERT INTO audit_entry (seq, id, at, actor, terminal, action, entity, entity_id, "
                          "summary, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, *row.values(), prev, digest))
        prev = digest
    raw_execute(path, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", (n, prev))


def test_a_database_from_before_keys_keeps_its_plain_entries_and_is_keyed_from_the_next_one(tmp_path):
    from alembic import command

    from services.setup import open_database
    from store import migrate
    from store.database import make_engine

    path = tmp_path / "old.db"
    engine = make_engine(path, immediate=True)
    with engine.connect() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    engine.dispose()
    _plain_entries(path, 5)
    db = open_database(path)
    try:
        customers.create(db, system_actor("t"), CustomerInput(name="Later", phone=mobile(2)))
        result = _verify(db)
        assert result.ok, result.problem
        assert result.keyed_from == 6 and result.checked > 6
        # The plain part is still checked by its plain hash.
        tamper(path, "UPDATE audit_entry SET summary = 'edited' WHERE seq = 2")
        assert (_verify(db).ok, _verify(db).first_bad_seq) == (False, 2)
    finally:
        db.dispose()


def test_a_chain_recomputed_without_the_key_is_detected_at_the_first_keyed_entry(db, db_path, owner):
    _make_history(db, owner)
    target = 3
    tamper(db_path, ("UPDATE audit_entry SET summary = 'edited' WHERE seq = ?", (target,)))
    prev = audit_chain.GENESIS
    rows = raw_rows(db_path, "SELECT seq, id, at, actor, terminal, action, entity, entity_id, summary, before, "
                             "after FROM audit_entry ORDER BY seq")
    statements = []
    for r in rows:
        digest = audit_chain.entry_hash(prev, **dict(zip(
            ["id", "at", "actor", "terminal", "action", "entity", "entity_id", "summary", "before", "after"],
            r[1:], strict=True)))
        statements.append(("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, r[0])))
        prev = digest
    statements.append(("UPDATE audit_head SET hash = ?", (prev,)))
    tamper(db_path, *statements)
    result = _verify(db)
    assert (result.ok, result.first_bad_seq) == (False, 1)
    # ...and passing the keyed entries off as plain ones by moving the mark is caught by the key.
    tamper(db_path, ("UPDATE audit_head SET keyed_from = ?", (len(rows) + 1,)))
    result = _verify(db)
    assert not result.ok and "start of the keyed chain was moved" in result.problem


def test_a_missing_key_is_reported_and_refuses_writes(db, db_path, owner, tmp_path, monkeypatch):
    from core.errors import DatabaseProblem
    from store import audit_key

    monkeypatch.setenv("FORECOURT_CONFIG", str(tmp_path / "elsewhere"))
    audit_key.forget_cached()
    result = _verify(db)
    assert not result.ok and result.secret_missing
    assert "cannot verify: secret missing" in result.problem
    before = count(db_path, "audit_entry")
    with pytest.raises(DatabaseProblem, match="audit key of this database"):
        customers.create(db, owner, CustomerInput(name="Nobody", phone=mobile(9)))
    assert count(db_path, "audit_entry") == before
    assert count(db_path, "customer") == 0


def test_the_key_is_kept_in_a_file_only_its_owner_can_read(db, db_path, owner):
    import os
    import stat

    from store import audit_key

    db_id = raw_rows(db_path, "SELECT db_id FROM audit_head")[0][0]
    path = audit_key.key_file(db_id)
    assert path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert json.loads(path.read_text())["key"] not in db_path.read_bytes().decode("latin-1")


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entry SET summary = 'edited' WHERE seq = 1",
    "DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)",
    "UPDATE audit_head SET seq = seq - 1",
    "UPDATE audit_head SET keyed_from = keyed_from + 100",
    "DELETE FROM audit_head",
])
def test_the_database_refuses_to_rewrite_the_trail(db_path, statement):
    import sqlite3

    before = raw_rows(db_path, "SELECT * FROM audit_head"), count(db_path, "audit_entry")
    with pytest.raises(sqlite3.IntegrityError, match=r"append-only|only moves forward|cannot be removed"):
        raw_execute(db_path, statement)
    assert (raw_rows(db_path, "SELECT * FROM audit_head"), count(db_path, "audit_entry")) == before


def test_a_tail_deleted_below_a_backup_anchor_is_detected_naming_the_backup(db, db_path, owner):
    from core.paths import anchors_file_for
    from services import backups

    _make_history(db, owner)
    backup = backups.create_backup(db, reason="manual")
    anchored = raw_rows(db_path, "SELECT seq FROM audit_head")[0][0]
    keep = anchored - 2
    keep_hash = raw_rows(db_path, "SELECT hash FROM audit_entry WHERE seq = ?", (keep,))[0][0]
    tamper(db_path, ("DELETE FROM audit_entry WHERE seq > ?", (keep,)),
           ("UPDATE audit_head SET seq = ?, hash = ?", (keep, keep_hash)))
    assert _verify(db).ok  # the chain left is consistent in itself...
    result = audit.verify_database(db)  # ...but not with what the backup recorded
    assert not result.ok
    assert result.first_bad_seq == keep + 1
    assert backup.name in result.problem
    # The backup's own head anchors it even when the sidecar and the anchors file are gone.
    backup.with_name(backup.name + ".anchor.json").unlink()
    anchors_file_for(db_path).unlink()
    assert not audit.verify_database(db).ok


def test_a_journal_export_records_an_anchor(db, db_path, owner, tmp_path):
    from datetime import date

    from core.paths import anchors_file_for
    from services.billing import accounting

    accounting.journal(db, owner, tmp_path / "journal.csv", start=date(2026, 1, 1), end=date(2026, 1, 31))
    [line] = anchors_file_for(db_path).read_text().splitlines()
    anchor = json.loads(line)
    assert anchor["seq"] == raw_rows(db_path, "SELECT seq FROM audit_head")[0][0]
    assert anchor["hash"] == raw_rows(db_path, "SELECT hash FROM audit_head")[0][0]
    assert "journal export journal.csv" in anchor["source"]
