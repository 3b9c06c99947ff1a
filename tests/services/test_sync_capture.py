"""Change capture: every committed write of a synced table, whatever made it, lands in the outbox in the
same transaction, with a gap-free sequence and an HLC stamp; local-only tables never do."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, text
from sqlalchemy.exc import DatabaseError, IntegrityError

import models
from core import hlc
from migrations.filters import FTS_TABLES
from models.crm import Customer
from models.parts import Brand
from models.sync import LOCAL, LOCAL_ONLY, SYNCED, SYNCED_TABLES, synced_tables
from services import customers, settings
from services.billing import invoices
from services.customers import ContactInput, CustomerInput
from services.setup import open_database
from store import capture
from store.database import Database
from store.uow import UnitOfWork
from tests.services import billing_samples
from tests.services.samples import raw_execute, raw_rows

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(16))


@dataclass(frozen=True)
class Captured:
    seq: int
    terminal_id: str
    hlc: int
    table: str
    key: dict[str, Any]
    op: str
    data: dict[str, Any] | None


def outbox(path: Path, *, after: int = 0) -> list[Captured]:
    rows = raw_rows(path, "SELECT seq, terminal_id, hlc, table_name, row_key, op, data FROM sync_outbox "
                          "WHERE seq > ? ORDER BY seq", (after,))
    return [Captured(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], json.loads(r[6]) if r[6] is not None else None)
            for r in rows]


def last_seq(path: Path) -> int:
    return raw_rows(path, "SELECT coalesce(max(seq), 0) FROM sync_outbox")[0][0]


def columns_of(path: Path, table: str) -> set[str]:
    return {r[1] for r in raw_rows(path, f"PRAGMA table_info({table})")}


def _add_brand(db: Database, name: str) -> str:
    with db.engine.begin() as conn:
        brand_id = conn.execute(text("SELECT lower(hex(randomblob(16)))")).scalar_one()
        conn.execute(Brand.__table__.insert(), [{"id": brand_id, "name": name}])
    return brand_id


# --- classification -----------------------------------------------------------------------------

def test_every_model_table_is_classified_as_synced_or_local_only_with_a_reason():
    unclassified = [name for name, table in models.Base.metadata.tables.items()
                    if table.info.get("sync") not in (SYNCED, LOCAL)]
    assert unclassified == [], "classify these tables in models/sync.py"
    for name, table in models.Base.metadata.tables.items():
        if table.info["sync"] == LOCAL:
            assert table.info["sync_reason"].strip(), name


def test_every_table_of_a_migrated_database_is_a_classified_model_table(db_path):
    tables = {r[0] for r in raw_rows(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    ours = {t for t in tables if t != "alembic_version" and not t.startswith("sqlite_")
            and not t.startswith(FTS_TABLES)}
    metadata = models.Base.metadata.tables
    assert sorted(ours - set(metadata)) == [], "a table the models do not know cannot be classified"
    assert [t for t in sorted(ours) if metadata[t].info.get("sync") not in (SYNCED, LOCAL)] == []


def test_the_classification_names_each_existing_table_once():
    assert not SYNCED_TABLES & set(LOCAL_ONLY)
    assert sorted((SYNCED_TABLES | set(LOCAL_ONLY)) - set(models.Base.metadata.tables)) == []


def test_business_tables_sync_and_indexes_outbox_audit_and_terminal_state_do_not():
    assert {"customer", "contact", "vehicle", "invoice", "invoice_line", "payment", "allocation", "part",
            "stock_movement", "supplier", "purchase_order", "stock_count", "setting", "role", "user_account"
            } <= set(synced_tables(models.Base.metadata))
    assert {"search_doc", "sync_outbox", "sync_state", "audit_entry", "audit_head", "terminal", "number_series",
            "part_stock"} <= set(LOCAL_ONLY)


def test_every_synced_table_and_no_other_has_triggers_generated_from_its_current_columns(db):
    with db.engine.connect() as conn:
        assert capture.captured_tables(conn) == synced_tables(models.Base.metadata)
        assert capture.outdated(conn) == []


# --- what is captured ---------------------------------------------------------------------------

def test_orm_insert_update_and_delete_through_a_service_are_captured(db, db_path, owner):
    start = last_seq(db_path)
    customer_id = customers.create(db, owner, CustomerInput(name="Wang Fang", city="Shanghai",
                                                            contacts=[ContactInput(name="Li Na")]))
    made = outbox(db_path, after=start)
    assert [(c.table, c.op) for c in made] == [("customer", "insert"), ("contact", "insert")]
    assert made[0].key == {"id": customer_id}
    assert set(made[0].data) == columns_of(db_path, "customer")
    assert (made[0].data["name"], made[0].data["city"], made[0].data["birth_date"]) == ("Wang Fang", "Shanghai", None)
    contact_id = made[1].key["id"]

    start = last_seq(db_path)
    detail = customers.get(db, owner, customer_id)
    customers.update(db, owner, customer_id, CustomerInput(
        name="Wang Fang", city="Suzhou", contacts=[ContactInput(id=contact_id, name="Li Na")]))
    changed = outbox(db_path, after=start)
    assert [(c.table, c.op, c.key) for c in changed] == [("customer", "update", {"id": customer_id})]
    assert changed[0].data["city"] == "Suzhou"
    assert set(changed[0].data) == {"city", "updated_at"}
    assert detail.data.city == "Shanghai"

    start = last_seq(db_path)
    customers.delete_customer(db, owner, customer_id)
    gone = outbox(db_path, after=start)
    assert sorted((c.table, c.op, c.key["id"], c.data) for c in gone) == [
        ("contact", "delete", contact_id, None), ("customer", "delete", customer_id, None)]


def test_a_change_and_its_outbox_row_commit_together(db, db_path, owner):
    start = last_seq(db_path)
    with UnitOfWork(db, owner) as uow:
        session = uow.session
        session.add(Customer(name="Zhao Lei", created_by=owner.username, updated_by=owner.username))
        session.flush()
        in_transaction = session.execute(text("SELECT count(*) FROM sync_outbox WHERE seq > :s"),
                                         {"s": start}).scalar_one()
        with db.read() as reader:
            seen_outside = reader.execute(text("SELECT count(*) FROM sync_outbox WHERE seq > :s"),
                                          {"s": start}).scalar_one()
        uow.commit()
    assert (in_transaction, seen_outside) == (1, 0)
    assert [c.table for c in outbox(db_path, after=start)] == ["customer"]


def test_a_rolled_back_action_leaves_no_outbox_row_and_no_gap_in_the_sequence(db, db_path, owner):
    start = last_seq(db_path)
    with pytest.raises(RuntimeError), UnitOfWork(db, owner) as uow:
        session = uow.session
        session.add(Customer(name="Never Saved", created_by=owner.username, updated_by=owner.username))
        session.flush()
        raise RuntimeError("the action fails after writing")
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (id, created_at, created_by, updated_at, updated_by, name) "
                          "VALUES ('b1', '2026-01-01', '', '2026-01-01', '', 'Bosch')"))
        conn.execute(text("INSERT INTO brand (id, created_at, created_by, updated_at, updated_by, name) "
                          "VALUES ('b2', '2026-01-01', '', '2026-01-01', '', 'Bosch')"))
    assert outbox(db_path, after=start) == []
    assert raw_rows(db_path, "SELECT next_seq FROM sync_state")[0][0] == start + 1

    customers.create(db, owner, CustomerInput(name="Saved"))
    assert [c.seq for c in outbox(db_path, after=start)] == [start + 1]
    assert [c.seq for c in outbox(db_path)] == list(range(1, start + 2))


def test_core_bulk_insert_and_update_are_captured_row_by_row(db, db_path):
    start = last_seq(db_path)
    t = Brand.__table__
    at = datetime(2026, 1, 2, 3, 4, 5)
    rows = [{"id": f"brand{i}", "name": f"Brand {i}", "created_by": "bulk", "updated_by": "bulk", "created_at": at,
             "updated_at": at} for i in range(5)]
    with db.engine.begin() as conn:
        conn.execute(t.insert(), rows)
    inserted = outbox(db_path, after=start)
    assert [(c.table, c.op, c.key, c.data["name"]) for c in inserted] == [
        ("brand", "insert", {"id": r["id"]}, r["name"]) for r in rows]

    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(t.update().where(t.c.id == bindparam("b_id")).values(name=bindparam("new_name"), updated_at=at),
                     [{"b_id": f"brand{i}", "new_name": "Brand 0" if i == 0 else f"Renamed {i}"} for i in range(5)])
    updated = outbox(db_path, after=start)
    # The first row kept its name: an update that changes nothing writes nothing.
    assert [(c.op, c.key["id"], c.data) for c in updated] == [
        ("update", f"brand{i}", {"name": f"Renamed {i}"}) for i in range(1, 5)]


def test_raw_sql_inserts_updates_and_deletes_on_our_engine_are_captured(db, db_path):
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO supplier (id, created_at, created_by, updated_at, updated_by, name, "
                          "contact_name, phone, email, address, lead_time_days, terms, active) VALUES "
                          "('s1', '2026-01-01 00:00:00', 'sql', '2026-01-01 00:00:00', 'sql', 'Acme', '', '', "
                          "'', '', 7, '', 1)"))
        conn.execute(text("UPDATE supplier SET lead_time_days = 3, terms = '30 days' WHERE id = 's1'"))
        conn.execute(text("DELETE FROM supplier WHERE id = 's1'"))
    made = outbox(db_path, after=start)
    assert [(c.op, c.key) for c in made] == [("insert", {"id": "s1"}), ("update", {"id": "s1"}),
                                              ("delete", {"id": "s1"})]
    assert made[0].data["name"] == "Acme" and made[0].data["active"] == 1
    assert made[1].data == {"lead_time_days": 3, "terms": "30 days"}
    assert made[2].data is None


def test_writes_by_another_program_on_the_file_are_captured_too(db_path):
    start = last_seq(db_path)
    raw_execute(db_path, "UPDATE setting SET value = '{\"name\": \"Elsewhere\"}' WHERE key = 'dealership'")
    assert [(c.table, c.op, c.key, c.data) for c in outbox(db_path, after=start)] == [
        ("setting", "update", {"key": "dealership"}, {"value": '{"name": "Elsewhere"}'})]


def test_an_update_that_changes_nothing_writes_nothing(db, db_path, owner):
    customer_id = customers.create(db, owner, CustomerInput(name="Sun Li"))
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET name = name, city = city"))
    with UnitOfWork(db, owner) as uow:
        session = uow.session
        row = session.get(Customer, customer_id)
        row.name = "Sun Li"
        session.flush()
        uow.commit()
    assert outbox(db_path, after=start) == []


def test_a_delete_is_a_tombstone_and_a_cascaded_delete_is_captured_too(db, db_path, owner):
    customer_id = customers.create(db, owner, CustomerInput(name="Qian Yu", contacts=[ContactInput(name="Zhou")]))
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM customer WHERE id = :id"), {"id": customer_id})
    gone = outbox(db_path, after=start)
    assert sorted((c.table, c.op, c.data) for c in gone) == [("contact", "delete", None),
                                                               ("customer", "delete", None)]
    assert {c.table: c.key for c in gone}["customer"] == {"id": customer_id}


def test_a_changed_primary_key_is_a_tombstone_for_the_old_key_and_an_insert_of_the_new_row(db, db_path):
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE account_mapping SET key = 'item:vehicle:new' WHERE key = 'item:vehicle'"))
    made = outbox(db_path, after=start)
    assert [(c.op, c.key) for c in made] == [("delete", {"key": "item:vehicle"}),
                                             ("insert", {"key": "item:vehicle:new"})]
    assert set(made[1].data) == columns_of(db_path, "account_mapping")


def test_bytes_travel_as_hex_text(db, db_path, owner):
    start = last_seq(db_path)
    settings.set_logo(db, owner, PNG)
    made = outbox(db_path, after=start)
    assert [(c.table, c.op, c.key) for c in made] == [("setting", "insert", {"key": "dealership.logo"})]
    assert bytes.fromhex(made[0].data["blob"]) == PNG


def test_local_only_tables_are_never_captured(db, db_path, owner):
    start = last_seq(db_path)
    customers.create(db, owner, CustomerInput(name="Wu Hao"))
    tables = {c.table for c in outbox(db_path, after=start)}
    # The same action wrote a search document and an audit entry, both local-only.
    assert raw_rows(db_path, "SELECT count(*) FROM search_doc WHERE title = 'Wu Hao'")[0][0] == 1
    assert tables == {"customer"}


def test_posted_invoices_stay_immutable_and_a_refused_write_leaves_no_outbox_row(db, db_path, owner):
    customer_id = billing_samples.customer(db, owner)
    invoice_id = billing_samples.posted(db, owner, customer_id)
    start = last_seq(db_path)
    with pytest.raises(DatabaseError, match="immutable"), db.engine.begin() as conn:
        conn.execute(text("UPDATE invoice SET total = total + 1 WHERE id = :id"), {"id": invoice_id})
    with pytest.raises(DatabaseError, match="immutable"), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM invoice_line WHERE invoice_id = :id"), {"id": invoice_id})
    assert outbox(db_path, after=start) == []


def test_posting_an_invoice_is_captured_with_its_number(db, db_path, owner):
    customer_id = billing_samples.customer(db, owner)
    invoice_id = billing_samples.draft(db, owner, customer_id)
    start = last_seq(db_path)
    invoices.post(db, owner, invoice_id)
    changes = [c for c in outbox(db_path, after=start) if c.table == "invoice"]
    assert {(c.op, c.key["id"]) for c in changes} == {("update", invoice_id)}
    final: dict[str, object] = {}
    for c in changes:
        final.update(c.data)
    assert final["status"] == "posted"
    assert final["number"] == billing_samples.number(db, owner, invoice_id)


def test_every_change_carries_this_terminal_s_id(db, db_path, owner):
    customers.create(db, owner, CustomerInput(name="Feng Jun"))
    terminal = raw_rows(db_path, "SELECT id FROM terminal")[0][0]
    assert raw_rows(db_path, "SELECT terminal_id FROM sync_state") == [(terminal,)]
    assert {c.terminal_id for c in outbox(db_path)} == {terminal}


# --- the clock ----------------------------------------------------------------------------------

def test_stamps_follow_the_wall_clock_and_increase(db, db_path):
    before = hlc.wall_clock_ms()
    start = last_seq(db_path)
    for i in range(3):
        _add_brand(db, f"Clocked {i}")
    after = hlc.wall_clock_ms()
    stamps = [hlc.unpack(c.hlc) for c in outbox(db_path, after=start)]
    assert len(stamps) == 3
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    # julianday('now') rounds to the millisecond.
    assert all(before - 1 <= s.wall_ms <= after + 1 for s in stamps)


def test_stamps_keep_increasing_by_the_clock_rule_when_the_last_stamp_is_ahead_of_the_wall_clock(db, db_path):
    ahead = hlc.Stamp(hlc.wall_clock_ms() + 3_600_000, 7)
    raw_execute(db_path, "UPDATE sync_state SET last_hlc = ?", (hlc.pack(ahead),))
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(Brand.__table__.insert(), [{"id": f"f{i}", "name": f"Future {i}"} for i in range(3)])
    _add_brand(db, "Later")
    stamps = [hlc.unpack(c.hlc) for c in outbox(db_path, after=start)]
    expected, last = [], ahead
    for _ in stamps:
        last = hlc.tick(last, hlc.wall_clock_ms())
        expected.append(last)
    assert stamps == expected == [hlc.Stamp(ahead.wall_ms, 8 + i) for i in range(4)]
    assert raw_rows(db_path, "SELECT last_hlc FROM sync_state") == [(hlc.pack(stamps[-1]),)]


# --- the generator ------------------------------------------------------------------------------

def test_a_table_wider_than_one_json_call_is_captured_whole(db, db_path):
    names = [f"c{i}" for i in range(130)]
    with db.engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE wide (id TEXT PRIMARY KEY, {', '.join(n + ' INTEGER' for n in names)})"))
        capture.install(conn, ["wide"])
    start = last_seq(db_path)
    values = {n: (None if i % 7 == 0 else i) for i, n in enumerate(names)}
    with db.engine.begin() as conn:
        conn.execute(text(f"INSERT INTO wide (id, {', '.join(names)}) "
                          f"VALUES ('w', {', '.join(':' + n for n in names)})"), values)
        conn.execute(text("UPDATE wide SET c0 = 5, c129 = NULL WHERE id = 'w'"))
    made = outbox(db_path, after=start)
    assert made[0].data == {"id": "w", **values}
    assert made[1].data == {"c0": 5, "c129": None}


def test_triggers_left_behind_by_a_schema_change_are_found_and_reinstalled(db, db_path):
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE brand ADD COLUMN country TEXT NOT NULL DEFAULT ''"))
        assert capture.outdated(conn) == ["brand"]
        capture.install(conn, ["brand"])
        assert capture.outdated(conn) == []
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (id, created_at, created_by, updated_at, updated_by, name, country) "
                          "VALUES ('de', '2026-01-01', '', '2026-01-01', '', 'Bosch', 'DE')"))
    assert outbox(db_path, after=start)[0].data["country"] == "DE"


def test_installing_refuses_an_unknown_table_or_one_without_a_primary_key(db):
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE keyless (a TEXT)"))
        with pytest.raises(ValueError, match="primary key"):
            capture.install(conn, ["keyless"])
        with pytest.raises(ValueError, match="no table"):
            capture.install(conn, ["nonesuch"])


def test_suspended_capture_writes_nothing_and_is_back_after_the_block(db, db_path):
    start = last_seq(db_path)
    with db.engine.begin() as conn, capture.suspended(conn) as tables:
        assert "brand" in tables
        conn.execute(Brand.__table__.insert(), [{"id": "quiet", "name": "Quiet"}])
    assert outbox(db_path, after=start) == []
    with db.engine.connect() as conn:
        assert capture.captured_tables(conn) == synced_tables(models.Base.metadata)
    _add_brand(db, "Loud")
    assert [c.data["name"] for c in outbox(db_path, after=start)] == ["Loud"]


def test_a_failure_while_capture_is_suspended_leaves_the_triggers_in_place(db):
    with pytest.raises(RuntimeError), db.engine.begin() as conn, capture.suspended(conn):
        raise RuntimeError("the build fails")
    with db.engine.connect() as conn:
        assert capture.captured_tables(conn) == synced_tables(models.Base.metadata)
        assert capture.outdated(conn) == []


def test_without_its_state_row_a_write_is_refused_rather_than_left_uncaptured(db, db_path):
    raw_execute(db_path, "DELETE FROM sync_state")
    with pytest.raises(IntegrityError, match="terminal_id"):
        _add_brand(db, "Orphan")
    assert raw_rows(db_path, "SELECT count(*) FROM brand WHERE name = 'Orphan'") == [(0,)]


# --- a new database -----------------------------------------------------------------------------

def test_a_new_database_starts_with_capture_on_and_nothing_pending(tmp_path):
    path = tmp_path / "new.db"
    database = open_database(path, create=True)
    try:
        with database.engine.connect() as conn:
            assert capture.captured_tables(conn) == synced_tables(models.Base.metadata)
        with database.read() as conn:
            terminal = conn.execute(text("SELECT id FROM terminal")).scalar_one()
            state = conn.execute(text("SELECT terminal_id, last_hlc, next_seq FROM sync_state")).one()
            assert conn.execute(text("SELECT count(*) FROM role")).scalar_one() > 0
    finally:
        database.dispose()
    # The seed's roles, settings and tax rates are the starting state every terminal shares.
    assert outbox(path) == []
    assert tuple(state) == (terminal, 0, 1)


def test_local_only_tables_written_in_bulk_write_nothing(db, db_path):
    start = last_seq(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO search_doc (kind, ref_id, title, detail, body, grams) "
                          "VALUES ('customer', 'x', 't', '', 'b', 'g')"))
        conn.execute(text("INSERT INTO number_series (doc_type, prefix, terminal_code, year, next_seq, width) "
                          "VALUES ('invoice', 'INV', 'T9', 2026, 1, 6)"))
        conn.execute(text("UPDATE number_series SET next_seq = next_seq + 1 WHERE terminal_code = 'T9'"))
    assert raw_rows(db_path, "SELECT next_seq FROM number_series WHERE terminal_code = 'T9'") == [(2,)]
    assert outbox(db_path, after=start) == []


# --- bulk inserts -------------------------------------------------------------------------------

def _bulk_brands(db: Database, prefix: str, n: int, *, fail: bool = False) -> None:
    from services.permissions import system_actor

    with UnitOfWork(db, system_actor("bulk")) as uow:
        uow.insert(Brand, [{"id": f"{prefix}{i:04}", "name": f"{prefix} brand {i}"} for i in range(n)])
        if fail:
            raise RuntimeError("the import failed after its inserts")
        uow.commit()


def test_a_bulk_insert_is_captured_set_based_exactly_as_row_by_row(db, db_path, monkeypatch):
    """Row by row (below the bulk size) and set-based (at or above it) give the same outbox rows:
    same data and keys, sequence numbers without a gap, stamps one apart, in insertion order; the
    trigger is back afterwards and the state row carries on from the last of them."""
    start = last_seq(db_path)
    _bulk_brands(db, "row", 3)
    by_row = outbox(db_path, after=start)
    monkeypatch.setattr(capture, "BULK_MIN_ROWS", 2)
    start = last_seq(db_path)
    _bulk_brands(db, "set", 3)
    by_set = outbox(db_path, after=start)

    def shape(rows: list[Captured], prefix: str) -> list:
        return [(c.table, c.op, c.key["id"].removeprefix(prefix),
                 {k: v for k, v in c.data.items() if k not in ("id", "name", "created_at", "updated_at")},
                 c.data["name"].removeprefix(prefix), set(c.data)) for c in rows]

    assert shape(by_set, "set") == shape(by_row, "row")
    assert [c.seq for c in by_set] == list(range(start + 1, start + 4))
    stamps = [c.hlc for c in by_set]
    assert stamps == [stamps[0], stamps[0] + 1, stamps[0] + 2] and stamps[0] > by_row[-1].hlc
    assert raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state") == [(start + 4, stamps[-1])]
    with db.engine.connect() as conn:
        assert capture.outdated(conn) == [] and "brand" in capture.captured_tables(conn)
    _add_brand(db, "After the bulk")  # the trigger is back and continues the sequence
    after = outbox(db_path, after=start + 3)
    assert [(c.seq, c.data["name"]) for c in after] == [(start + 4, "After the bulk")]
    assert after[0].hlc > stamps[-1]


def test_a_failed_bulk_insert_leaves_no_outbox_row_and_the_trigger_in_place(db, db_path, monkeypatch):
    monkeypatch.setattr(capture, "BULK_MIN_ROWS", 2)
    start = last_seq(db_path)
    state = raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state")
    with pytest.raises(RuntimeError):
        _bulk_brands(db, "gone", 5, fail=True)
    assert outbox(db_path, after=start) == []
    assert raw_rows(db_path, "SELECT count(*) FROM brand WHERE id LIKE 'gone%'") == [(0,)]
    assert raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state") == state
    with db.engine.connect() as conn:
        assert capture.outdated(conn) == [] and "brand" in capture.captured_tables(conn)


# --- bulk updates -------------------------------------------------------------------------------

def _bulk_rename(db: Database, prefix: str, names: list[str | None], *, fail: bool = False) -> None:
    """Update the brands ``prefix0000…`` in reverse order through the unit of work: each gets its
    name from ``names`` (None: kept as it is) and a note that stays the same."""
    from services.permissions import system_actor

    with UnitOfWork(db, system_actor("bulk")) as uow:
        current = dict(uow.connection.execute(text("SELECT id, name FROM brand WHERE id LIKE :p"),
                                              {"p": f"{prefix}%"}).all())
        rows = [{"id": f"{prefix}{i:04}",
                 "name": f"{prefix} {name}" if name is not None else current[f"{prefix}{i:04}"]}
                for i, name in reversed(list(enumerate(names)))]
        uow.update(Brand, rows)
        if fail:
            raise RuntimeError("the import failed after its updates")
        uow.commit()


def test_a_bulk_update_is_captured_set_based_exactly_as_row_by_row(db, db_path, monkeypatch):
    """Row by row (below the bulk size) and set-based (at or above it) give the same outbox rows: one
    per row whose values changed, with just the changed columns, in the order the rows were updated,
    sequence numbers without a gap and stamps one apart; the trigger is back afterwards."""
    _bulk_brands(db, "row", 4)
    _bulk_brands(db, "set", 4)
    names = ["First", None, "Third", "Fourth"]
    start = last_seq(db_path)
    _bulk_rename(db, "row", names)
    by_row = outbox(db_path, after=start)
    monkeypatch.setattr(capture, "BULK_MIN_ROWS", 2)
    start = last_seq(db_path)
    _bulk_rename(db, "set", names)
    by_set = outbox(db_path, after=start)

    def shape(rows: list[Captured], prefix: str) -> list:
        return [(c.table, c.op, c.key["id"].removeprefix(prefix), sorted(c.data),
                 c.data.get("name", "").removeprefix(prefix)) for c in rows]

    assert shape(by_set, "set") == shape(by_row, "row")
    # In the order the rows were updated; the row whose name stayed carries its new stamp only.
    assert [(k, n) for _t, _o, k, _c, n in shape(by_set, "set")] == [
        ("0003", " Fourth"), ("0002", " Third"), ("0001", ""), ("0000", " First")]
    assert [c.seq for c in by_set] == list(range(start + 1, start + 5))
    stamps = [c.hlc for c in by_set]
    assert stamps == [stamps[0] + i for i in range(4)] and stamps[0] > by_row[-1].hlc
    assert raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state") == [(start + 5, stamps[-1])]
    with db.engine.connect() as conn:
        assert capture.outdated(conn) == []
    _bulk_rename(db, "set", ["Again"])  # one row: the trigger is back and continues the sequence
    after = outbox(db_path, after=start + 4)
    assert [(c.seq, c.op, c.data["name"]) for c in after] == [(start + 5, "update", "set Again")]


def test_a_failed_bulk_update_leaves_no_outbox_row_and_the_trigger_in_place(db, db_path, monkeypatch):
    _bulk_brands(db, "keep", 5)
    monkeypatch.setattr(capture, "BULK_MIN_ROWS", 2)
    start = last_seq(db_path)
    state = raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state")
    with pytest.raises(RuntimeError):
        _bulk_rename(db, "keep", [f"Gone {i}" for i in range(5)], fail=True)
    assert outbox(db_path, after=start) == []
    assert raw_rows(db_path, "SELECT count(*) FROM brand WHERE name LIKE 'Gone%'") == [(0,)]
    assert raw_rows(db_path, "SELECT next_seq, last_hlc FROM sync_state") == state
    with db.engine.connect() as conn:
        assert capture.outdated(conn) == [] and "brand" in capture.captured_tables(conn)


def test_a_bulk_update_cannot_change_a_primary_key(db):
    with db.engine.begin() as conn, pytest.raises(ValueError), \
            capture.bulk_update(conn, "brand", "id", ["x"], ["id", "name"]):
        pass


def test_the_set_based_changed_columns_are_the_same_text_as_the_triggers():
    import sqlite3

    cols = [capture.Column("a", "TEXT", 0), capture.Column("b", "INTEGER", 0), capture.Column("c", "", 0),
            capture.Column("d", "REAL", 0)]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE old (n, a TEXT, b INTEGER, c, d REAL)")
    conn.execute("CREATE TABLE new (n, a TEXT, b INTEGER, c, d REAL)")
    pairs = [(("x", 1, b"\x00\x01", 1.5), ("y", 1, b"\x00\x02", 1.5)),
             (("x", None, "t", 0.1), ("x", 2, "t", None)),
             (("é\"\\", 3, None, 2.0), ("é\"\\ 新", 3, None, 2.0)),
             (("same", 1, 1, 1.0), ("same", 1, 1, 1.0))]
    for n, (before, after) in enumerate(pairs):
        conn.execute("INSERT INTO old VALUES (?, ?, ?, ?, ?)", (n, *before))
        conn.execute("INSERT INTO new VALUES (?, ?, ?, ?, ?)", (n, *after))
    trigger = capture._changed_object(cols, "o")
    set_based = capture._changed_only(cols, "o")
    rows = conn.execute(f"SELECT {trigger}, {set_based} FROM old AS o JOIN new ON new.n = o.n ORDER BY o.n").fetchall()
    assert [r[1] for r in rows] == [r[0] for r in rows]
    assert rows[0][1] == '{"a":"y","c":"0002"}' and rows[3][1] == "{}"


def test_a_bulk_update_naming_a_row_twice_is_captured_row_by_row_as_the_trigger_does(db, db_path, monkeypatch):
    """The second update of a row says what it changed from the first, not from the row before both."""
    from services.permissions import system_actor

    _bulk_brands(db, "twice", 2)
    monkeypatch.setattr(capture, "BULK_MIN_ROWS", 2)
    start = last_seq(db_path)
    with UnitOfWork(db, system_actor("bulk")) as uow:
        uow.update(Brand, [{"id": "twice0000", "name": "twice A"}, {"id": "twice0001", "name": "twice B"},
                           {"id": "twice0000", "name": "twice C"}])
        uow.commit()
    assert [(c.key["id"], c.data.get("name")) for c in outbox(db_path, after=start)] == [
        ("twice0000", "twice A"), ("twice0001", "twice B"), ("twice0000", "twice C")]
    with db.engine.connect() as conn:
        assert capture.outdated(conn) == []
