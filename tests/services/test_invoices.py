"""Invoices and credit notes: drafts, validation, posting with gap-free series numbers, immutability,
snapshots, tax-inclusive and exclusive totals, credit notes, permissions and concurrent posting."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services import customers, settings
from services.billing import invoices, payments
from services.billing.invoices import DraftInput
from services.billing.payments import PaymentSplit
from services.customers import CustomerInput
from tests.services.billing_samples import customer, draft, line, number, posted
from tests.services.samples import count, raw_rows

ON = date(2026, 3, 2)
ROOT = Path(__file__).resolve().parents[2]


def _billing_state(path: Path) -> tuple:
    return (raw_rows(path, "SELECT * FROM invoice ORDER BY id"),
            raw_rows(path, "SELECT * FROM invoice_line ORDER BY id"),
            raw_rows(path, "SELECT * FROM allocation ORDER BY id"),
            raw_rows(path, "SELECT * FROM number_series ORDER BY id"),
            count(path, "audit_entry"))


def _exclusive_prices(db, owner) -> None:
    settings.save(db, owner, replace(settings.get(db), prices_include_tax=False))


# --- drafts ---------------------------------------------------------------------------------------

def test_a_draft_keeps_its_lines_and_totals_and_has_no_number(db, owner):
    cid = customer(db, owner)
    iid = invoices.create_draft(db, owner, DraftInput(kind="counter_sale", customer_id=cid, reference=" PO-7 ", lines=[
        line("  Brake   pads ", qty=2000, price=8850, item_type="part", unit_cost=5000),
        line("Labour", qty=1500, price=20000, tax_code="vat6", item_type="labour"),
    ]))
    view = invoices.get(db, owner, iid)
    assert (view.status, view.number, view.kind, view.reference, view.issued_on) == (
        "draft", None, "counter_sale", "PO-7", None)
    assert [(x.line_no, x.description, x.quantity_milli, x.tax_code, x.tax_rate_bp) for x in view.lines] == [
        (1, "Brake pads", 2000, "VAT13", 1300), (2, "Labour", 1500, "VAT6", 600)]
    assert view.total == 17700 + 30000
    assert view.cost_total == 10000
    assert view.balance == view.total
    assert view.paid == 0


def test_updating_a_draft_replaces_its_lines_and_totals(db, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Oil", price=5000), line("Filter", price=2000))
    invoices.update_draft(db, owner, iid, DraftInput(kind="workshop", customer_id=cid, notes="again",
                                                     lines=[line("Tyre", qty=4000, price=60000)]))
    view = invoices.get(db, owner, iid)
    assert [(x.line_no, x.description, x.total) for x in view.lines] == [(1, "Tyre", 240000)]
    assert (view.total, view.notes) == (240000, "again")
    assert len(raw_rows(Path(db.path), "SELECT id FROM invoice_line")) == 1


def test_deleting_a_draft_removes_it_and_its_lines(db, db_path, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Oil"), line("Filter"))
    invoices.delete_draft(db, owner, iid)
    assert (count(db_path, "invoice"), count(db_path, "invoice_line")) == (0, 0)
    with pytest.raises(NotFound):
        invoices.get(db, owner, iid)


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "field"), [
    ([line(qty=-1000)], "lines[1].quantity"),
    ([line(qty=0)], "lines[1].quantity"),
    ([line(), line(qty=-500)], "lines[2].quantity"),
    ([line(), line(tax_code="NOPE")], "lines[2].tax_code"),
    ([line(price=10000, discount=10001)], "lines[1].discount"),
    ([line(discount=-1)], "lines[1].discount"),
    ([line(price=-1)], "lines[1].unit_price"),
    ([line("   ")], "lines[1].description"),
])
def test_a_bad_line_names_the_field_and_writes_nothing(db, db_path, owner, lines, field):
    cid = customer(db, owner)
    existing = draft(db, owner, cid, line("Oil"))
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=cid, lines=lines))
    assert exc.value.field == field
    with pytest.raises(ValidationError) as exc:
        invoices.update_draft(db, owner, existing, DraftInput(kind="workshop", customer_id=cid, lines=lines))
    assert exc.value.field == field
    assert _billing_state(db_path) == before


@pytest.mark.parametrize(("changes", "field"), [
    ({"customer_id": ""}, "customer_id"),
    ({"customer_id": "0" * 32}, "customer_id"),
    ({"kind": "credit_note"}, "kind"),
    ({"vehicle_id": "0" * 32}, "vehicle_id"),
    ({"due_days": -1}, "due_days"),
])
def test_a_bad_header_names_the_field_and_writes_nothing(db, db_path, owner, changes, field):
    cid = customer(db, owner)
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_draft(db, owner, DraftInput(**{"kind": "workshop", "customer_id": cid,
                                                       "lines": [line()]} | changes))
    assert exc.value.field == field
    assert _billing_state(db_path) == before


def test_posting_a_draft_without_lines_is_refused_and_takes_no_number(db, db_path, owner):
    cid = customer(db, owner)
    empty = invoices.create_draft(db, owner, DraftInput(kind="other", customer_id=cid))
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.post(db, owner, empty, on=ON)
    assert exc.value.field == "lines"
    assert _billing_state(db_path) == before
    assert number(db, owner, posted(db, owner, cid, on=ON)) == "INVT1-2026-000001"


# --- posting --------------------------------------------------------------------------------------

def test_posted_numbers_follow_the_terminal_series_without_gaps(db, owner):
    cid = customer(db, owner)
    assert number(db, owner, posted(db, owner, cid, on=date(2025, 12, 30))) == "INVT1-2025-000001"
    numbers = [number(db, owner, posted(db, owner, cid, on=ON)) for _ in range(3)]
    assert numbers == ["INVT1-2026-000001", "INVT1-2026-000002", "INVT1-2026-000003"]


def test_posting_sets_issue_and_due_dates_and_who_posted(db, owner):
    cid = customer(db, owner)
    iid = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=cid, lines=[line()], due_days=14))
    assert invoices.post(db, owner, iid, on=ON) == "INVT1-2026-000001"
    view = invoices.get(db, owner, iid)
    assert (view.status, view.issued_on, view.due_on) == ("posted", ON, ON + timedelta(days=14))
    assert raw_rows(Path(db.path), "SELECT posted_by, terminal_code FROM invoice")[0] == ("owner", "T1")


def test_posting_twice_is_refused(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.post(db, owner, iid, on=ON)
    assert exc.value.field == "status"
    assert _billing_state(db_path) == before


def test_the_service_refuses_to_change_or_delete_a_posted_invoice(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.update_draft(db, owner, iid, DraftInput(kind="workshop", customer_id=cid,
                                                         lines=[line(price=1)]))
    assert exc.value.field == "status"
    with pytest.raises(ValidationError) as exc:
        invoices.delete_draft(db, owner, iid)
    assert exc.value.field == "status"
    assert _billing_state(db_path) == before


@pytest.mark.parametrize("sql", [
    "UPDATE invoice SET total = 1",
    "UPDATE invoice SET customer_name = 'Someone Else'",
    "UPDATE invoice SET status = 'draft'",
    "DELETE FROM invoice",
    "UPDATE invoice_line SET unit_price = 1",
    "DELETE FROM invoice_line",
    "INSERT INTO invoice_line (id, invoice_id, line_no, item_type, item_code, description, quantity_milli, "
    "unit_price, discount, tax_code, tax_rate_bp, unit_cost, net, tax, total, created_at, created_by, "
    "updated_at, updated_by) SELECT 'x', id, 9, 'other', '', 'extra', 1000, 1, 0, 'VAT13', 1300, 0, 1, 0, 1, "
    "created_at, '', updated_at, '' FROM invoice",
])
def test_the_database_refuses_raw_changes_to_a_posted_invoice(db, db_path, owner, sql):
    cid = customer(db, owner)
    posted(db, owner, cid, line("Oil"), on=ON)
    before = _billing_state(db_path)
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="posted invoice is immutable"):
            conn.execute(sql)
        conn.rollback()
    finally:
        conn.close()
    assert _billing_state(db_path) == before


def test_a_posted_invoice_may_still_count_its_prints(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            conn.execute("UPDATE invoice SET print_count = print_count + 1")
    finally:
        conn.close()
    assert invoices.get(db, owner, iid).print_count == 1


def test_renaming_the_customer_later_leaves_the_posted_snapshot_unchanged(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", address="1 Nanjing Road", city="Shanghai"))
    settings.save(db, owner, replace(settings.get(db), name="Harbour Motors", tax_id="TAX-1"))
    iid = posted(db, owner, cid, on=ON)
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang-Li", address="9 Other Street"))
    settings.save(db, owner, replace(settings.get(db), name="New Name Motors"))
    view = invoices.get(db, owner, iid)
    assert view.customer_name == "Wang Fang"
    assert view.snapshot["customer_name"] == "Wang Fang"
    assert view.snapshot["customer_address"] == "1 Nanjing Road Shanghai"
    assert (view.snapshot["dealer_name"], view.snapshot["dealer_tax_id"]) == ("Harbour Motors", "TAX-1")


def test_a_draft_shows_the_customer_s_current_name(db, owner):
    cid = customer(db, owner, "Wang Fang")
    iid = draft(db, owner, cid)
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang-Li"))
    assert invoices.get(db, owner, iid).customer_name == "Wang Fang-Li"


# --- totals ---------------------------------------------------------------------------------------

def test_tax_inclusive_totals_are_worked_back_from_the_gross(db, owner):
    cid = customer(db, owner)
    # 2 × 88.50 at 13 % inclusive: total 177.00; net round(17700 × 10000 / 11300) = round(15663.7) = 15664.
    # 1.5 × 333.33 less 10.00 at 6 %: gross round(499.995) = 500.00 − 10.00 = 490.00;
    # net round(49000 × 10000 / 10600) = round(46226.4) = 46226, tax 2774.
    iid = posted(db, owner, cid, line("Pads", qty=2000, price=8850),
                 line("Labour", qty=1500, price=33333, discount=1000, tax_code="VAT6"), on=ON)
    view = invoices.get(db, owner, iid)
    assert [(x.net, x.tax, x.total) for x in view.lines] == [(15664, 2036, 17700), (46226, 2774, 49000)]
    assert (view.net_total, view.tax_total, view.total) == (61890, 4810, 66700)
    assert view.prices_include_tax is True


def test_tax_exclusive_totals_add_the_tax_to_the_net(db, owner):
    _exclusive_prices(db, owner)
    cid = customer(db, owner)
    # 2 × 88.50 at 13 % exclusive: net 177.00, tax round(2301.0) = 23.01, total 200.01.
    # 3 × 0.35 less 0.05 at 6 %: net 1.00, tax round(6.0) = 0.06; 1 × 9.99 zero-rated: net = total = 9.99.
    iid = posted(db, owner, cid, line("Pads", qty=2000, price=8850),
                 line("Clips", qty=3000, price=35, discount=5, tax_code="VAT6"),
                 line("Disposal", price=999, tax_code="ZERO"), on=ON)
    view = invoices.get(db, owner, iid)
    assert [(x.net, x.tax, x.total) for x in view.lines] == [(17700, 2301, 20001), (100, 6, 106),
                                                              (999, 0, 999)]
    assert (view.net_total, view.tax_total, view.total) == (18799, 2307, 21106)
    assert view.prices_include_tax is False


def test_an_invoice_keeps_the_tax_basis_it_was_drafted_with(db, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line(qty=2000, price=8850))
    _exclusive_prices(db, owner)
    invoices.post(db, owner, iid, on=ON)
    assert invoices.get(db, owner, iid).total == 17700


def test_fractional_quantities_and_costs_round_half_up(db, owner):
    _exclusive_prices(db, owner)
    cid = customer(db, owner)
    # 0.5 × 1.01 = 50.5 minor units → 51 (half-up, not half-even's 50); cost 0.5 × 0.33 = 16.5 → 17.
    iid = posted(db, owner, cid, line("Bolt", qty=500, price=101, unit_cost=33, tax_code="ZERO"), on=ON)
    view = invoices.get(db, owner, iid)
    assert (view.total, view.cost_total) == (51, 17)


# --- credit notes ---------------------------------------------------------------------------------

def test_a_full_credit_note_references_the_invoice_and_its_lines_and_settles_it(db, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line("Pads", qty=2000, price=8850), line("Labour", price=20000), on=ON)
    original = invoices.get(db, owner, iid)
    note_id = invoices.create_credit_note(db, owner, iid, reason="returned", on=ON)
    note = invoices.get(db, owner, note_id)
    assert (note.kind, note.status, note.number) == ("credit_note", "posted", "CNT1-2026-000001")
    assert (note.credited_invoice_id, note.credited_number, note.reference) == (iid, original.number, original.number)
    assert [(x.credited_line_id, x.quantity_milli, x.total) for x in note.lines] == [
        (x.id, x.quantity_milli, x.total) for x in original.lines]
    assert (note.net_total, note.tax_total, note.total) == (
        original.net_total, original.tax_total, original.total)
    after = invoices.get(db, owner, iid)
    assert after.balance == 0
    assert after.credit_note_ids == [note_id]
    assert [x.credited_quantity_milli for x in after.lines] == [2000, 1000]
    with db.read() as conn:
        assert payments.customer_credit(conn, cid) == 0


def test_a_partial_credit_note_takes_its_share_of_the_line_and_lowers_the_balance(db, owner):
    cid = customer(db, owner)
    # 4 × 25.00 less 10.00 = 90.00; crediting 1 takes a quarter of the discount: 25.00 − 2.50 = 22.50.
    iid = posted(db, owner, cid, line("Mats", qty=4000, price=2500, discount=1000), line("Wash", price=3000), on=ON)
    mats = invoices.get(db, owner, iid).lines[0]
    note = invoices.get(db, owner, invoices.create_credit_note(db, owner, iid, lines={mats.id: 1000}, on=ON))
    assert [(x.credited_line_id, x.quantity_milli, x.discount, x.total) for x in note.lines] == [
        (mats.id, 1000, 250, 2250)]
    view = invoices.get(db, owner, iid)
    assert view.balance == 12000 - 2250
    with db.read() as conn:
        assert invoices.credited_quantities(conn, iid) == {mats.id: 1000}


def test_crediting_the_rest_after_partial_credits_matches_the_invoice_exactly(db, owner):
    cid = customer(db, owner)
    # A third of the discount is 0.333…; the final credit takes exactly what is left of the line.
    iid = posted(db, owner, cid, line("Clips", qty=3000, price=100, discount=1), on=ON)
    clips = invoices.get(db, owner, iid).lines[0]
    invoices.create_credit_note(db, owner, iid, lines={clips.id: 1000}, on=ON)
    invoices.create_credit_note(db, owner, iid, lines={clips.id: 1000}, on=ON)
    invoices.create_credit_note(db, owner, iid, on=ON)
    view = invoices.get(db, owner, iid)
    notes = [invoices.get(db, owner, n) for n in view.credit_note_ids]
    assert sum(n.total for n in notes) == view.total == 299
    assert sum(n.net_total for n in notes) == view.net_total
    assert sum(n.tax_total for n in notes) == view.tax_total
    assert view.balance == 0


def test_a_credit_note_on_a_paid_invoice_becomes_the_customer_s_credit(db, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line("Mats", qty=2000, price=5000), on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 10000)],
                          allocations={number(db, owner, iid): 10000}, on=ON)
    mats = invoices.get(db, owner, iid).lines[0]
    invoices.create_credit_note(db, owner, iid, lines={mats.id: 1000}, on=ON)
    assert invoices.get(db, owner, iid).balance == 0
    with db.read() as conn:
        assert payments.customer_credit(conn, cid) == 5000


@pytest.mark.parametrize("second", [2001, 3000])
def test_crediting_more_than_remains_names_the_line_and_writes_nothing(db, db_path, owner, second):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line("Oil"), line("Mats", qty=4000, price=2500), on=ON)
    mats = invoices.get(db, owner, iid).lines[1]
    invoices.create_credit_note(db, owner, iid, lines={mats.id: 2000}, on=ON)
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, iid, lines={mats.id: second}, on=ON)
    assert exc.value.field == "lines[2].quantity"
    assert _billing_state(db_path) == before


def test_nothing_is_left_to_credit_after_a_full_credit_note(db, db_path, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    invoices.create_credit_note(db, owner, iid, on=ON)
    before = _billing_state(db_path)
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, iid, on=ON)
    assert exc.value.field == "lines"
    assert _billing_state(db_path) == before


def test_a_negative_credited_quantity_is_refused(db, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, on=ON)
    only = invoices.get(db, owner, iid).lines[0]
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, iid, lines={only.id: -1000}, on=ON)
    assert exc.value.field == "lines[1].quantity"


def test_a_line_of_another_invoice_cannot_be_credited(db, owner):
    cid = customer(db, owner)
    first, second = posted(db, owner, cid, on=ON), posted(db, owner, cid, on=ON)
    foreign = invoices.get(db, owner, second).lines[0]
    with pytest.raises(ValidationError) as exc:
        invoices.create_credit_note(db, owner, first, lines={foreign.id: 1000}, on=ON)
    assert exc.value.field == "lines"


def test_a_draft_or_a_credit_note_cannot_be_credited(db, db_path, owner):
    cid = customer(db, owner)
    draft_id = draft(db, owner, cid)
    note_id = invoices.create_credit_note(db, owner, posted(db, owner, cid, on=ON), on=ON)
    before = _billing_state(db_path)
    for target in (draft_id, note_id):
        with pytest.raises(ValidationError) as exc:
            invoices.create_credit_note(db, owner, target, on=ON)
        assert exc.value.field == "invoice"
    assert _billing_state(db_path) == before


# --- permissions ----------------------------------------------------------------------------------

def test_a_technician_asking_billing_to_post_an_invoice_is_refused(db, db_path, owner, actor_for):
    technician = actor_for("technician")
    cid = customer(db, owner)
    iid = draft(db, owner, cid)
    before = _billing_state(db_path)
    with pytest.raises(PermissionDenied):
        invoices.post(db, technician, iid, on=ON)
    assert _billing_state(db_path) == before
    assert invoices.get(db, owner, iid).status == "draft"


def test_a_salesperson_may_draft_but_not_post_or_credit(db, owner, actor_for):
    seller = actor_for("salesperson")
    cid = customer(db, owner)
    iid = draft(db, seller, cid)
    with pytest.raises(PermissionDenied):
        invoices.post(db, seller, iid, on=ON)
    with pytest.raises(PermissionDenied):
        invoices.create_credit_note(db, seller, posted(db, owner, cid, on=ON), on=ON)


# --- two processes posting at once ----------------------------------------------------------------

_POSTER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from pathlib import Path
    from services.setup import open_database
    from services.billing import invoices
    from services.permissions import system_actor

    path, ready, go, ids = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4].split(",")
    db = open_database(path)
    actor = system_actor("poster")
    ready.touch()
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            sys.exit("never told to start")
        time.sleep(0.005)
    for invoice_id in ids:
        invoices.post(db, actor, invoice_id, on=date(2026, 3, 2))
    db.dispose()
""")


def test_two_processes_posting_at_once_get_unique_gap_free_numbers(db, db_path, owner, tmp_path):
    cid = customer(db, owner)
    drafts = [draft(db, owner, cid, line(f"Item {n}")) for n in range(60)]
    go = tmp_path / "go"
    procs = []
    for n, batch in enumerate((drafts[0::2], drafts[1::2])):
        procs.append((tmp_path / f"ready{n}", subprocess.Popen(
            [sys.executable, "-c", _POSTER, str(db_path), str(tmp_path / f"ready{n}"), str(go), ",".join(batch)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    deadline = time.monotonic() + 60
    while not all(ready.exists() for ready, _p in procs) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    for _ready, proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    numbers = [r[0] for r in raw_rows(db_path, "SELECT number FROM invoice WHERE status = 'posted'")]
    assert len(numbers) == len(set(numbers)) == 60
    assert sorted(numbers) == [f"INVT1-2026-{n:06d}" for n in range(1, 61)]
    assert raw_rows(db_path, "SELECT next_seq FROM number_series WHERE doc_type = 'invoice'") == [(61,)]


def test_posted_invoices_and_credit_notes_are_found_by_global_search(db, owner, actor_for):
    from services import search

    cid = customer(db, owner, name="Ingrid Sørensen")
    iid = draft(db, owner, cid)
    assert not [h for h in search.search(db, owner, "Sørensen") if h.kind == "invoice"], "drafts are not indexed"
    invoices.post(db, owner, iid, on=ON)
    inv_number = number(db, owner, iid)
    hits = search.search(db, owner, inv_number[-9:].replace("-", ""))
    assert [(h.kind, h.ref_id) for h in hits if h.kind == "invoice"] == [("invoice", iid)]
    note_id = invoices.create_credit_note(db, owner, iid, reason="returned")
    by_name = {h.ref_id for h in search.search(db, owner, "Sørensen") if h.kind == "invoice"}
    assert by_name == {iid, note_id}
    technician = actor_for("technician")
    assert [h for h in search.search(db, technician, inv_number) if h.kind == "invoice"] == []
