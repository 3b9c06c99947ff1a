"""The unit of work: one transaction per action, stamps, the audit hook it owns, what changed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from core.errors import ValidationError
from core.quantities import InsufficientStock
from models.crm import Customer
from services import customers
from services.billing import invoices, posting
from services.billing.invoices import DraftInput, LineInput
from services.parts import catalogue, stock
from store.audit_chain import Change
from store.changes import Changes, collecting
from store.uow import UnitOfWork
from tests.services.billing_samples import customer
from tests.services.samples import count, raw_rows

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 3, 2)


def _part(db, owner, on_hand: int) -> str:
    pid = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="0 986 452 041",
                                                              description="Oil filter", retail_price=6800))
    if on_hand:
        stock.adjust(db, owner, pid, on_hand, "opening stock", on=ON, unit_cost=3000)
    return pid


def _counter_sale(customer_id: str, part_id: str, qty: int) -> DraftInput:
    return DraftInput(kind="counter_sale", customer_id=customer_id, lines=[
        LineInput("Oil filter", qty, 6800, item_type="part", item_code="0986452041", part_id=part_id)])


# --- stamps ---------------------------------------------------------------------------------------

def test_rows_are_stamped_with_the_acting_user_and_time_by_the_unit_of_work(db, db_path, owner, actor_for):
    cid = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    (created_by, updated_by, created_at, updated_at), = raw_rows(
        db_path, "SELECT created_by, updated_by, created_at, updated_at FROM customer WHERE id = ?", (cid,))
    assert (created_by, updated_by) == ("owner", "owner")
    assert created_at == updated_at

    clerk = actor_for("cashier")
    customers.update(db, clerk, cid, customers.CustomerInput(name="王伟", city="Shanghai"))
    (created_by, updated_by, created_at2, updated_at2), = raw_rows(
        db_path, "SELECT created_by, updated_by, created_at, updated_at FROM customer WHERE id = ?", (cid,))
    assert (created_by, updated_by) == ("owner", "u_cashier")
    assert created_at2 == created_at and updated_at2 > updated_at


def test_core_bulk_inserts_are_stamped_and_audited_row_by_row(db, db_path, owner):
    with UnitOfWork(db, owner) as uow:
        uow.insert(Customer, [{"id": f"bulk{i:028d}", "name": f"Bulk {i}"} for i in range(3)])
        uow.update(Customer, [{"id": f"bulk{1:028d}", "city": "Suzhou"}])
        changes = uow.commit()
    stamps = raw_rows(db_path, "SELECT DISTINCT created_by, updated_by FROM customer WHERE name LIKE 'Bulk %'")
    assert stamps == [("owner", "owner")]
    entries = raw_rows(db_path, "SELECT action, entity_id, before, after FROM audit_entry "
                                "WHERE entity = 'customer' AND entity_id LIKE 'bulk%' ORDER BY seq")
    assert [(a, e) for a, e, _b, _a in entries] == [("insert", f"bulk{i:028d}") for i in range(3)] + [
        ("update", f"bulk{1:028d}")]
    assert json.loads(entries[0][3])["name"] == "Bulk 0"
    assert json.loads(entries[3][2]) == {"city": ""} and json.loads(entries[3][3]) == {"city": "Suzhou"}
    assert changes.ids("customer") == {f"bulk{i:028d}" for i in range(3)}


def test_bulk_writes_through_the_driver_store_what_the_orm_stores(db, db_path, owner):
    """uow.insert/update skip SQLAlchemy's per-row parameter handling; the rows must come out the
    same as rows the ORM writes: defaults filled, datetimes, booleans and None in the same forms."""
    from models.parts import Brand, Part

    with UnitOfWork(db, owner) as uow:
        uow.session.add(Brand(id="b" * 32, name="Bosch"))
        uow.session.add(Part(id="orm" + "0" * 29, brand_id="b" * 32, part_number="ORM-1", number_key="orm1",
                             description="By the ORM"))
        uow.insert(Part, [{"id": f"bulk{i:028d}", "brand_id": "b" * 32, "part_number": f"B-{i}",
                           "number_key": f"b{i}", "description": "In bulk", "superseded_by_id": None}
                          for i in range(600)])
        uow.update(Part, [{"id": f"bulk{1:028d}", "active": False, "superseded_by_id": "orm" + "0" * 29}])
        uow.commit()
    columns = ("unit", "retail_price", "min_qty", "reorder_manual", "active", "superseded_by_id",
               "typeof(created_at)", "length(created_at)", "typeof(active)", "created_by")
    rows = raw_rows(db_path, f"SELECT id, {', '.join(columns)} FROM part ORDER BY id")
    orm = next(r for r in rows if r[0].startswith("orm"))
    bulk = [r for r in rows if r[0].startswith("bulk")]
    assert len(bulk) == 600
    assert bulk[0][1:] == orm[1:]
    assert bulk[1][1:] == (*orm[1:5], 0, "orm" + "0" * 29, *orm[7:])


# --- the audit hook belongs to the unit of work ---------------------------------------------------

def test_a_script_that_never_imports_the_audit_module_still_writes_audit_entries(db_path):
    script = textwrap.dedent("""
        import sys
        from services.setup import open_database
        from services.permissions import system_actor
        from services import customers
        assert "services.audit" not in sys.modules, "the script must not load the audit module"
        db = open_database(sys.argv[1])
        customers.create(db, system_actor("script"), customers.CustomerInput(name="Script Customer"))
        assert "services.audit" not in sys.modules
        print("ok")
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script, str(db_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = raw_rows(db_path, "SELECT a.actor, a.action FROM audit_entry a JOIN customer c ON c.id = a.entity_id "
                             "WHERE c.name = 'Script Customer'")
    assert rows == [("os:script", "insert")]


# --- one transaction per action -------------------------------------------------------------------

def test_nothing_is_written_unless_the_unit_of_work_commits(db, db_path, owner):
    before = (count(db_path, "customer"), count(db_path, "audit_entry"))
    with collecting() as log, UnitOfWork(db, owner) as uow:
        customers.create_in(uow, customers.CustomerInput(name="Never Saved"))
        uow.audit([Change("note", "customer", "x", summary="never")])
    assert (count(db_path, "customer"), count(db_path, "audit_entry")) == before
    assert not log.changes


def test_a_committed_action_publishes_the_tables_and_ids_it_changed(db, owner):
    with collecting() as log:
        cid = customers.create(db, owner, customers.CustomerInput(name="李娜", contacts=[
            customers.ContactInput(name="Li Jun")]))
    assert log.changes.ids("customer") == {cid}
    assert log.changes.touches("contact") and not log.changes.touches("vehicle")


def test_save_and_post_refused_for_lack_of_stock_leaves_no_draft_behind(db, db_path, owner):
    pid = _part(db, owner, on_hand=1_000)
    cid = customer(db, owner, name="王伟")
    drafts = count(db_path, "invoice")
    with pytest.raises(InsufficientStock):
        invoices.save_and_post(db, owner, None, _counter_sale(cid, pid, 5_000))
    assert count(db_path, "invoice") == drafts
    assert count(db_path, "invoice_line") == 0


def test_save_and_post_saves_and_numbers_in_one_go(db, owner):
    pid = _part(db, owner, on_hand=10_000)
    cid = customer(db, owner, name="王伟")
    with collecting() as log:
        invoice_id, number = invoices.save_and_post(db, owner, None, _counter_sale(cid, pid, 2_000), on=ON)
    view = invoices.get(db, owner, invoice_id)
    assert (view.status, view.number) == ("posted", number)
    assert log.changes.ids("invoice") == {invoice_id} and log.changes.ids("part_stock") == {pid}


def test_a_process_killed_between_saving_and_posting_leaves_nothing_half_done(db, db_path, owner):
    pid = _part(db, owner, on_hand=10_000)
    cid = customer(db, owner, name="王伟")
    invoices_before, lines_before = count(db_path, "invoice"), count(db_path, "invoice_line")
    script = textwrap.dedent("""
        import sys, time
        from services.setup import open_database
        from services.permissions import system_actor
        from services.billing import invoices, posting
        from services.billing.invoices import DraftInput, LineInput

        def stall(ctx):
            # The draft is saved and numbered inside the transaction; stop here and wait to be killed.
            print("between", flush=True)
            time.sleep(120)

        posting.on_post("counter_sale", stall)
        db = open_database(sys.argv[1])
        invoices.save_and_post(db, system_actor("killed"), None, DraftInput(
            kind="counter_sale", customer_id=sys.argv[2],
            lines=[LineInput("Oil filter", 1000, 6800, item_type="part", part_id=sys.argv[3])]))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", script, str(db_path), cid, pid], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "between", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert (count(db_path, "invoice"), count(db_path, "invoice_line")) == (invoices_before, lines_before)
    assert raw_rows(db_path, "SELECT on_hand FROM part_stock WHERE part_id = ?", (pid,)) == [(10_000,)]


# --- posting hooks --------------------------------------------------------------------------------

def test_a_posting_hook_runs_inside_the_posting_transaction_and_can_refuse_it(db, db_path, owner, monkeypatch):
    monkeypatch.setattr(posting, "_on_post", {k: list(v) for k, v in posting._on_post.items()})
    seen: list[tuple[str, str | None]] = []

    def refuse(ctx: posting.PostingContext) -> None:
        seen.append((ctx.document.kind, ctx.document.number))
        raise ValidationError("vehicle", "The vehicle is not ready for delivery")

    posting.on_post("vehicle_sale", refuse)
    cid = customer(db, owner, name="王伟")
    draft = DraftInput(kind="vehicle_sale", customer_id=cid, lines=[LineInput("Car", 1000, 150_000_00)])
    invoice_id = invoices.create_draft(db, owner, draft)
    with pytest.raises(ValidationError, match="not ready"):
        invoices.post(db, owner, invoice_id)
    assert seen and seen[0][0] == "vehicle_sale" and seen[0][1]  # numbered already, then rolled back
    assert raw_rows(db_path, "SELECT status, number FROM invoice WHERE id = ?", (invoice_id,)) == [("draft", None)]
    # Another kind is not affected by the vehicle-sale hook.
    other = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=cid,
                                                        lines=[LineInput("Labour", 1000, 500_00)]))
    assert invoices.post(db, owner, other)


def test_catalogue_parts_leave_stock_on_every_sale_kind_but_workshop(db, db_path, owner):
    pid = _part(db, owner, on_hand=10_000)
    cid = customer(db, owner, name="王伟")
    for kind in ("counter_sale", "vehicle_sale", "other", "workshop"):
        invoices.save_and_post(db, owner, None, DraftInput(kind=kind, customer_id=cid, lines=[
            LineInput("Oil filter", 1000, 6800, item_type="part", part_id=pid)]), on=ON)
    # Three sales took one each; the workshop's parts leave through their repair order.
    assert raw_rows(db_path, "SELECT on_hand FROM part_stock WHERE part_id = ?", (pid,)) == [(7_000,)]


def test_raw_sql_through_the_unit_of_work_names_what_it_changed(db, owner):
    with UnitOfWork(db, owner) as uow:
        uow.execute(text("UPDATE customer SET notes = 'x' WHERE 0"), touches={"customer": None})
        changes = uow.commit()
    assert changes == Changes({"customer": None})
