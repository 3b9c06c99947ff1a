"""Migrations: the schema they build is the models' schema, both ways, and odd files are recognised."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

import models
from core.errors import DatabaseProblem
from migrations.filters import include_object
from services.setup import open_database
from store import migrate
from store.database import make_engine
from tests.services.samples import raw_execute, raw_rows

FTS_OBJECTS = {("table", "search_fts"), ("table", "search_short"), ("trigger", "search_doc_ai"),
               ("trigger", "search_doc_ad"), ("trigger", "search_doc_au")}


@pytest.fixture
def engine(tmp_path) -> Engine:
    eng = make_engine(tmp_path / "fresh.db", immediate=True)
    yield eng
    eng.dispose()


def _differences(engine: Engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        return compare_metadata(context, models.Base.metadata)


def _downgrade(engine: Engine, target: str = "base", *, drop_audit_key: bool = True) -> None:
    """Downgrade to ``target``; below 0007 a keyed audit trail is refused unless ``drop_audit_key``
    (these tests make older databases, whose trails are not the point)."""
    with engine.connect() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        cfg.attributes["drop_audit_key"] = drop_audit_key
        with migrate.foreign_keys_off(conn):
            command.downgrade(cfg, target)


def _upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        migrate.upgrade(conn)


def _objects(path: Path) -> set[tuple[str, str]]:
    return set(raw_rows(path, "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') "
                              "AND name NOT LIKE 'sqlite_%'"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrading_a_fresh_file_builds_exactly_the_models_schema(engine, tmp_path):
    _upgrade(engine)
    assert _differences(engine) == []
    objects = _objects(tmp_path / "fresh.db")
    assert objects >= FTS_OBJECTS
    assert {("table", t) for t in models.Base.metadata.tables} <= objects
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


def test_downgrading_to_base_removes_everything_and_upgrading_again_rebuilds_it(engine, tmp_path):
    path = tmp_path / "fresh.db"
    _upgrade(engine)
    _downgrade(engine)
    assert _objects(path) == {("table", "alembic_version")}
    with engine.connect() as conn:
        assert migrate.current_revision(conn) is None
        assert migrate.schema_state(conn, path) == "empty"
    _upgrade(engine)
    assert _differences(engine) == []
    assert _objects(path) >= FTS_OBJECTS


def test_the_search_triggers_work_after_a_downgrade_and_upgrade(engine, tmp_path):
    path = tmp_path / "fresh.db"
    _upgrade(engine)
    _downgrade(engine)
    _upgrade(engine)
    raw_execute(path, "INSERT INTO search_doc (kind, ref_id, title, detail, body, grams) "
                      "VALUES ('customer', 'c1', '王伟', '', '王伟 | 13900001001', '王伟 伟')")
    assert raw_rows(path, "SELECT rowid FROM search_fts WHERE search_fts MATCH '\"0001\"'") == [(1,)]
    assert raw_rows(path, "SELECT rowid FROM search_short WHERE search_short MATCH '\"王伟\"'") == [(1,)]


def test_the_revision_is_known_and_is_the_head():
    head = migrate.head_revision()
    assert head
    assert head in migrate.known_revisions()


def test_schema_state_of_an_empty_file_is_empty_and_of_a_migrated_one_current(engine, tmp_path):
    path = tmp_path / "fresh.db"
    with engine.connect() as conn:
        assert migrate.schema_state(conn, path) == "empty"
    _upgrade(engine)
    with engine.connect() as conn:
        assert migrate.schema_state(conn, path) == "current"


def test_schema_state_reports_a_database_from_a_newer_version(db_path):
    raw_execute(db_path, "UPDATE alembic_version SET version_num = '9999_future'")
    engine = make_engine(db_path, immediate=True)
    try:
        with engine.connect() as conn, pytest.raises(DatabaseProblem) as exc:
            migrate.schema_state(conn, db_path)
    finally:
        engine.dispose()
    assert exc.value.kind == "newer"
    assert "9999_future" in str(exc.value)


def test_opening_a_database_from_a_newer_version_is_refused_and_leaves_it_alone(db_path):
    raw_execute(db_path, "UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(db_path)
    assert exc.value.kind == "newer"
    assert _digest(db_path) == before


def test_a_sqlite_file_of_another_program_is_refused_as_foreign_and_left_alone(tmp_path):
    path = tmp_path / "recipes.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO recipe (title) VALUES ('Mapo tofu')")
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseProblem) as exc:
        open_database(path)
    assert exc.value.kind == "foreign"
    # Not even its journal mode is switched: the other program may not cope with WAL.
    assert _digest(path) == before
    assert raw_rows(path, "PRAGMA journal_mode") == [("delete",)]
    engine = make_engine(path, immediate=False, readonly=True)
    try:
        with engine.connect() as db_conn, pytest.raises(DatabaseProblem) as exc:
            migrate.schema_state(db_conn, path)
    finally:
        engine.dispose()
    assert exc.value.kind == "foreign"


def test_upgrading_a_database_with_posted_invoices_keeps_them_and_their_guard(tmp_path):
    import demo

    path = tmp_path / "demo.db"
    demo.build(path, size="small", seed=2)
    engine = make_engine(path, immediate=True)
    before = raw_rows(path, "SELECT count(*), sum(total) FROM invoice WHERE status = 'posted'")
    lines = raw_rows(path, "SELECT count(*) FROM invoice_line")
    _downgrade(engine, "0003")
    _upgrade(engine)
    engine.dispose()
    assert raw_rows(path, "SELECT count(*), sum(total) FROM invoice WHERE status = 'posted'") == before
    assert raw_rows(path, "SELECT count(*) FROM invoice_line") == lines
    line_id = raw_rows(path, "SELECT l.id FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                             "WHERE i.status = 'posted' LIMIT 1")[0][0]
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        raw_execute(path, "UPDATE invoice_line SET total = total + 1 WHERE id = ?", (line_id,))


def test_upgrading_a_database_in_use_starts_capture_without_capturing_what_it_already_holds(db_path, tmp_path):
    from services import customers
    from services.customers import CustomerInput
    from services.permissions import system_actor
    from store import capture

    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0004")
        objects = _objects(db_path)
        assert not {o for o in objects if o[1].startswith(("sync_", capture.TRIGGER_PREFIX))}
        assert raw_rows(db_path, "SELECT count(*) FROM role_permission WHERE permission = 'sync.view'") == [(0,)]
        terminal = raw_rows(db_path, "SELECT id FROM terminal")[0][0]
        _upgrade(engine)
        with engine.connect() as conn:
            assert capture.captured_tables(conn) == models.sync.synced_tables(models.Base.metadata)
            assert capture.outdated(conn) == []
    finally:
        engine.dispose()
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == [(0,)]
    assert raw_rows(db_path, "SELECT terminal_id, last_hlc, next_seq FROM sync_state") == [(terminal, 0, 1)]
    assert raw_rows(db_path, "SELECT role_code FROM role_permission WHERE permission = 'sync.view'") == [("owner",)]
    db = open_database(db_path)
    try:
        customers.create(db, system_actor("test"), CustomerInput(name="After the upgrade"))
    finally:
        db.dispose()
    assert raw_rows(db_path, "SELECT seq, terminal_id, table_name, op FROM sync_outbox") == [
        (1, terminal, "customer", "insert")]


def test_a_keyed_audit_trail_refuses_a_downgrade_that_would_leave_it_unverifiable(db_path):
    """Below 0007 an older version would write plain hashes after keyed entries, and upgrading again
    would key the chain from a later entry: the trail could no longer be verified. Refused, untouched."""
    open_database(db_path).dispose()  # seeded: the seed's entries are keyed
    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0007", drop_audit_key=False)  # later migrations go back as they please
        before = _state(db_path)
        with pytest.raises(RuntimeError, match="keyed entries"):
            _downgrade(engine, "0006", drop_audit_key=False)
    finally:
        engine.dispose()
    assert _state(db_path) == before
    assert raw_rows(db_path, "SELECT version_num FROM alembic_version") == [("0007",)]


def _state(path: Path) -> list:
    """What a migration could change: the schema, the revision and the audit trail's head and entries."""
    return (raw_rows(path, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            + raw_rows(path, "SELECT version_num FROM alembic_version")
            + raw_rows(path, "SELECT seq, hash, db_id, keyed_from FROM audit_head")
            + raw_rows(path, "SELECT count(*), max(seq) FROM audit_entry"))


def test_upgrading_grants_costs_and_margins_to_the_roles_that_see_them_without_capturing_it(db_path):
    from services.permissions import DEFAULT_ROLE_PERMISSIONS

    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0009")
        assert raw_rows(db_path, "SELECT count(*) FROM role_permission WHERE permission IN "
                                 "('cost.view', 'margin.view')") == [(0,)]
        outbox = raw_rows(db_path, "SELECT count(*) FROM sync_outbox")
        _upgrade(engine)
    finally:
        engine.dispose()
    for permission in ("cost.view", "margin.view"):
        granted = {r[0] for r in raw_rows(db_path, "SELECT role_code FROM role_permission WHERE permission = ?",
                                          (permission,))}
        assert granted == {role for role, perms in DEFAULT_ROLE_PERMISSIONS.items() if permission in perms}
        assert "technician" not in granted
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == outbox


def test_upgrading_names_the_sold_cars_on_their_invoices_and_moves_only_default_mappings(db, db_path, owner):
    """0021: a deal's posted invoice line names its car (so the vehicle ledger sees sales made
    before it), and mappings still on the old defaults move to the new accounts, nothing captured."""
    from services.billing import accounting
    from services.sales import deals
    from tests.services.deal_samples import customer, quote, stock_vehicle

    sid = stock_vehicle(db, owner)
    saved = quote(db, owner, customer(db, owner), sid)
    deals.order(db, owner, saved.id)
    made = deals.invoice(db, owner, saved.id)
    accounting.set_mapping(db, owner, "stock:fee", "6602", "销售费用")  # the accountant's own choice
    db.dispose()
    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0020_customer_distinct")
        assert raw_rows(db_path, "SELECT account FROM account_mapping WHERE key IN "
                                 "('method:trade_in', 'stock:accessory')") == [("1405",), ("1405",)]
        outbox = raw_rows(db_path, "SELECT count(*) FROM sync_outbox")
        _upgrade(engine)
    finally:
        engine.dispose()
    assert raw_rows(db_path, "SELECT stock_vehicle_id FROM invoice_line WHERE invoice_id = ? AND item_type = "
                             "'vehicle'", (made.invoice_id,)) == [(sid,)]
    mapping = dict(raw_rows(db_path, "SELECT key, account FROM account_mapping"))
    assert (mapping["method:trade_in"], mapping["stock:accessory"], mapping["vehicle_inventory"],
            mapping["cash_difference"]) == ("2241", "2202", "1405", "1901")
    assert mapping["stock:fee"] == "6602" and mapping["stock:labour"] == "5201"
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == outbox
    # The guard of posted lines is back.
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        raw_execute(db_path, "UPDATE invoice_line SET stock_vehicle_id = NULL WHERE invoice_id = ?",
                    (made.invoice_id,))


@pytest.mark.parametrize("chosen", [None, ("6601", "销售费用")])
def test_upgrading_moves_vouchers_off_the_advance_account_unless_the_accountant_chose_one(db, db_path, owner, chosen):
    """0022: a voucher handed in was debited to the customers' advances (2203), which the
    receivables report cannot see; a mapping still on that default moves to other payables, an
    accountant's own choice stays, and nothing is captured for sync."""
    from services.billing import accounting

    accounting.set_mapping(db, owner, "stock:fee", "6602", "销售费用")  # writes the whole mapping out
    if chosen:
        accounting.set_mapping(db, owner, "method:voucher", *chosen)
    db.dispose()
    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0021_vehicle_journal")
        expected_before = chosen[0] if chosen else "2203"
        assert raw_rows(db_path, "SELECT account FROM account_mapping WHERE key = 'method:voucher'") == [
            (expected_before,)]
        outbox = raw_rows(db_path, "SELECT count(*) FROM sync_outbox")
        _upgrade(engine)
    finally:
        engine.dispose()
    assert raw_rows(db_path, "SELECT account, name FROM account_mapping WHERE key = 'method:voucher'") == [
        chosen or ("2241", "其他应付款")]
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == outbox


def test_upgrading_books_the_commission_of_the_policies_already_recorded(db, db_path, owner):
    """0023: the commission of a policy recorded before is booked on the (local) day the policy was
    recorded, so the journal shows it; every terminal makes the same entry, and none is captured."""
    from services.sales import finance
    from services.sales.finance import PolicyInput
    from tests.services.finance_samples import car, customer

    cid = customer(db, owner)
    vid = car(db, owner, cid)
    policies = [finance.create_policy(db, owner, PolicyInput(
        customer_id=cid, vehicle_id=vid, insurer="PICC", kind="commercial", starts_on=date(2026, 1, 1),
        ends_on=date(2027, 1, 1), premium=4_000_00, commission=commission, policy_number=f"P{n}"))
        for n, commission in enumerate((400_00, 0))]
    db.dispose()
    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0022_voucher_payable")
        outbox = raw_rows(db_path, "SELECT count(*) FROM sync_outbox")
        _upgrade(engine)
    finally:
        engine.dispose()
    recorded = raw_rows(db_path, "SELECT created_at FROM insurance_policy WHERE id = ?", (policies[0],))[0][0]
    local_day = datetime.fromisoformat(recorded).replace(tzinfo=UTC).astimezone().date()
    assert raw_rows(db_path, "SELECT policy_id, kind, amount, booked_on, insurer, policy_number, id "
                             "FROM insurance_commission_entry") == [
        (policies[0], "earned", 400_00, local_day.isoformat(), "PICC", "P0", policies[0][:31] + "c")]
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == outbox
    assert raw_rows(db_path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                             "AND tbl_name = 'insurance_commission_entry'") != [(0,)]


def test_upgrading_gives_each_payment_its_customers_name_without_capturing_it(db, db_path, owner):
    """0024: payments taken before keep the name their customer has now, as every terminal fills it
    in; nothing is captured, and the capture triggers know the new column."""
    from services.billing import payments
    from services.billing.payments import PaymentSplit
    from tests.services.billing_samples import customer

    cid = customer(db, owner, "Li Na")
    [paid] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 500)], hold_excess=True)
    db.dispose()
    engine = make_engine(db_path, immediate=True)
    try:
        _downgrade(engine, "0023_insurance_commission")
        assert "customer_name" not in {r[1] for r in raw_rows(db_path, "PRAGMA table_info(payment)")}
        outbox = raw_rows(db_path, "SELECT count(*) FROM sync_outbox")
        _upgrade(engine)
    finally:
        engine.dispose()
    assert raw_rows(db_path, "SELECT id, customer_name FROM payment") == [(paid, "Li Na")]
    assert raw_rows(db_path, "SELECT count(*) FROM sync_outbox") == outbox
    [(insert,)] = raw_rows(db_path, "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name = 'sync_capture_payment_insert'")
    assert "customer_name" in insert
