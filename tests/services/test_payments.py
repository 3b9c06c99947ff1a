"""Payments: split payments, allocation to several invoices, over-payments, credit and deposits,
paying with deposit, allocation of held credit, refunds and balances."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services.audit import verify
from services.billing import cashdesk, invoices, payments
from services.billing.payments import PaymentSplit
from tests.services.billing_samples import customer, draft, line, number, posted
from tests.services.samples import count, raw_rows

ON = date(2026, 3, 2)


def _state(path: Path) -> tuple:
    return (raw_rows(path, "SELECT * FROM payment ORDER BY id"),
            raw_rows(path, "SELECT * FROM allocation ORDER BY id"),
            count(path, "audit_entry"))


def _credit(db, customer_id: str) -> int:
    with db.read() as conn:
        return payments.customer_credit(conn, customer_id)


def _balance(db, owner, invoice_id: str) -> int:
    return invoices.get(db, owner, invoice_id).balance


def _invoice(db, owner, customer_id: str, amount: int) -> tuple[str, str]:
    """A posted invoice of ``amount`` (tax-inclusive) and its number."""
    iid = posted(db, owner, customer_id, line(price=amount), on=ON)
    return iid, number(db, owner, iid)


# --- taking payments ------------------------------------------------------------------------------

def test_a_payment_split_over_methods_settles_the_invoice(db, owner):
    cid = customer(db, owner)
    iid, num = _invoice(db, owner, cid, 17700)
    ids = payments.take_payment(db, owner, customer_id=cid, allocations={num: 17700}, on=ON, splits=[
        PaymentSplit("cash", 5000), PaymentSplit("card", 12700, reference="POS 0042")])
    assert len(ids) == 2
    rows = payments.payments(db, owner, customer_id=cid)
    assert [(r.id, r.method, r.amount, r.reference, r.paid_on, r.terminal_code, r.allocated, r.allocated_to)
            for r in rows] == [(ids[0], "cash", 5000, "", ON, "T1", 5000, [num]),
                               (ids[1], "card", 12700, "POS 0042", ON, "T1", 12700, [num])]
    view = invoices.get(db, owner, iid)
    assert (view.paid, view.balance) == (17700, 0)
    assert _credit(db, cid) == 0


def test_one_payment_can_settle_several_invoices(db, owner):
    cid = customer(db, owner)
    first, first_no = _invoice(db, owner, cid, 10000)
    second, second_no = _invoice(db, owner, cid, 8000)
    [pid] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("bank_transfer", 15000)],
                                  allocations={first_no: 10000, second_no: 5000}, on=ON)
    assert (_balance(db, owner, first), _balance(db, owner, second)) == (0, 3000)
    assert raw_rows(Path(db.path), "SELECT invoice_id, payment_id, amount, allocated_on FROM allocation "
                                   "ORDER BY amount DESC") == [(first, pid, 10000, "2026-03-02"),
                                                               (second, pid, 5000, "2026-03-02")]


def test_splits_fill_the_invoices_in_order(db, owner):
    cid = customer(db, owner)
    first, first_no = _invoice(db, owner, cid, 6000)
    second, second_no = _invoice(db, owner, cid, 6000)
    cash, card = payments.take_payment(db, owner, customer_id=cid, allocations={first_no: 6000, second_no: 6000},
                                       splits=[PaymentSplit("cash", 4000), PaymentSplit("card", 8000)], on=ON)
    got = raw_rows(Path(db.path), "SELECT invoice_id, payment_id, amount FROM allocation")
    assert sorted(got) == sorted([(first, cash, 4000), (first, card, 2000), (second, card, 6000)])


def test_a_payment_smaller_than_the_balance_leaves_the_rest_open(db, owner):
    cid = customer(db, owner)
    iid, num = _invoice(db, owner, cid, 10000)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 2500)],
                          allocations={num: 2500}, on=ON)
    assert _balance(db, owner, iid) == 7500


def test_an_over_payment_without_holding_the_excess_is_refused_and_changes_nothing(db, db_path, owner):
    cid = customer(db, owner)
    iid, num = _invoice(db, owner, cid, 10000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 12000)],
                              allocations={num: 10000}, on=ON)
    assert exc.value.field == "amount"
    assert "hold the excess as credit" in exc.value.detail
    assert _state(db_path) == before
    assert _balance(db, owner, iid) == 10000


def test_a_held_excess_becomes_the_customer_s_credit(db, owner):
    cid = customer(db, owner)
    iid, num = _invoice(db, owner, cid, 10000)
    [pid] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 12000)],
                                  allocations={num: 10000}, hold_excess=True, on=ON)
    assert _balance(db, owner, iid) == 0
    assert _credit(db, cid) == 2000
    [source] = payments.credit_sources(db, owner, cid)
    assert (source.kind, source.id, source.amount, source.remaining) == ("payment", pid, 12000, 2000)


def test_a_deposit_held_for_an_order_is_allocated_to_its_invoice_later(db, owner):
    cid = customer(db, owner)
    [deposit] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("card", 30000)],
                                      held_for=" DL-2026-000007 ", on=ON)
    assert _credit(db, cid) == 30000
    [held] = payments.credit_sources(db, owner, cid, held_for="DL-2026-000007")
    assert (held.id, held.held_for, held.remaining) == (deposit, "DL-2026-000007", 30000)
    iid, _num = _invoice(db, owner, cid, 100000)
    allocation_id = payments.allocate(db, owner, invoice_id=iid, amount=30000, payment_id=deposit, on=ON)
    view = invoices.get(db, owner, iid)
    assert [(a.id, a.payment_id, a.amount) for a in view.allocations] == [(allocation_id, deposit, 30000)]
    assert view.balance == 70000
    assert _credit(db, cid) == 0
    assert payments.credit_sources(db, owner, cid) == []


def test_paying_with_deposit_spends_the_credit_held_and_takes_no_new_money(db, owner):
    cid = customer(db, owner)
    [deposit] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 30000)],
                                      held_for="DL-1", on=ON)
    iid, num = _invoice(db, owner, cid, 50000)
    new = payments.take_payment(db, owner, customer_id=cid, allocations={num: 50000}, on=ON, splits=[
        PaymentSplit("deposit", 30000, reference="DL-1"), PaymentSplit("card", 20000)])
    assert len(new) == 1
    assert _balance(db, owner, iid) == 0
    assert _credit(db, cid) == 0
    assert [(r.method, r.amount) for r in payments.payments(db, owner, customer_id=cid)] == [
        ("cash", 30000), ("card", 20000)]
    assert sorted(raw_rows(Path(db.path), "SELECT payment_id, amount FROM allocation")) == sorted(
        [(deposit, 30000), (new[0], 20000)])
    report = cashdesk.day_report(db, owner, day=ON)
    assert report.receipts_by_method == {"card": 20000, "cash": 30000}
    assert report.receipts_total == 50000


def test_paying_with_deposit_without_a_reference_spends_the_oldest_credit_first(db, owner):
    cid = customer(db, owner)
    [older] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)],
                                    held_for="DL-1", on=date(2026, 3, 1))
    [newer] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                                    held_for="DL-2", on=ON)
    _iid, num = _invoice(db, owner, cid, 3000)
    assert payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 3000)],
                                 allocations={num: 3000}, on=ON) == []
    assert [(s.id, s.remaining) for s in payments.credit_sources(db, owner, cid)] == [(newer, 3000)]
    assert older not in {s.id for s in payments.credit_sources(db, owner, cid)}


def test_a_deposit_reference_picks_the_deposit_held_for_that_order(db, owner):
    cid = customer(db, owner)
    [first] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                                    held_for="DL-1", on=date(2026, 3, 1))
    [second] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                                     held_for="DL-2", on=ON)
    _iid, num = _invoice(db, owner, cid, 5000)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 5000, reference="DL-2")],
                          allocations={num: 5000}, on=ON)
    assert [(s.id, s.held_for, s.remaining) for s in payments.credit_sources(db, owner, cid)] == [
        (first, "DL-1", 5000)]
    assert second not in {s.id for s in payments.credit_sources(db, owner, cid)}


def test_two_deposit_splits_never_spend_the_same_credit_twice(db, owner):
    cid = customer(db, owner)
    [first] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)],
                                    held_for="DL-1", on=date(2026, 3, 1))
    [second] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                                     held_for="DL-2", on=ON)
    iid, num = _invoice(db, owner, cid, 4000)
    payments.take_payment(db, owner, customer_id=cid, allocations={num: 4000}, on=ON, splits=[
        PaymentSplit("deposit", 1000, reference="DL-1"), PaymentSplit("deposit", 3000)])
    assert sorted((a.payment_id, a.amount) for a in invoices.get(db, owner, iid).allocations) == sorted(
        [(first, 1000), (second, 3000)])
    assert [(s.id, s.remaining) for s in payments.credit_sources(db, owner, cid)] == [(second, 2000)]


def test_paying_with_a_credit_note_s_credit_allocates_the_credit_note(db, owner):
    cid = customer(db, owner)
    paid, paid_no = _invoice(db, owner, cid, 10000)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 10000)],
                          allocations={paid_no: 10000}, on=ON)
    note_id = invoices.create_credit_note(db, owner, paid, on=ON)
    note_no = number(db, owner, note_id)
    assert _credit(db, cid) == 10000
    iid, num = _invoice(db, owner, cid, 4000)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 4000, reference=note_no)],
                          allocations={num: 4000}, on=ON)
    [allocation] = invoices.get(db, owner, iid).allocations
    assert (allocation.credit_note_id, allocation.payment_id, allocation.source_number) == (note_id, None, note_no)
    assert _credit(db, cid) == 6000


def test_paying_with_more_deposit_than_is_held_is_refused(db, db_path, owner):
    cid = customer(db, owner)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)], held_for="DL-1", on=ON)
    _iid, num = _invoice(db, owner, cid, 5000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, allocations={num: 5000}, on=ON,
                              splits=[PaymentSplit("cash", 3000), PaymentSplit("deposit", 2000)])
    assert exc.value.field == "splits[2].amount"
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, allocations={num: 1000}, on=ON,
                              splits=[PaymentSplit("deposit", 1000, reference="DL-9")])
    assert exc.value.field == "splits[1].reference"
    assert _state(db_path) == before


def test_credit_paid_with_must_go_to_invoices(db, db_path, owner):
    cid = customer(db, owner)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 9000)], hold_excess=True, on=ON)
    _iid, num = _invoice(db, owner, cid, 5000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 6000)],
                              allocations={num: 5000}, hold_excess=True, on=ON)
    assert exc.value.field == "splits[1].amount"
    assert _state(db_path) == before


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("splits", "field"), [
    ([], "splits"),
    ([PaymentSplit("cheque", 1000)], "splits[1].method"),
    ([PaymentSplit("cash", 1000), PaymentSplit("card", 0)], "splits[2].amount"),
    ([PaymentSplit("cash", -500)], "splits[1].amount"),
])
def test_a_bad_split_names_the_field_and_writes_nothing(db, db_path, owner, splits, field):
    cid = customer(db, owner)
    _iid, num = _invoice(db, owner, cid, 1000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=splits, allocations={num: 1000}, on=ON)
    assert exc.value.field == field
    assert _state(db_path) == before


@pytest.mark.parametrize("case", ["unknown", "draft", "credit_note", "other_customer", "beyond_balance",
                                  "zero", "settled"])
def test_an_allocation_only_goes_to_an_open_posted_invoice_of_the_customer(db, db_path, owner, case):
    cid = customer(db, owner)
    other = customer(db, owner, "Li Na")
    iid, num = _invoice(db, owner, cid, 5000)
    key, amount = {
        "unknown": lambda: ("INVT1-2026-999999", 1000),
        "draft": lambda: (draft(db, owner, cid), 1000),
        "credit_note": lambda: (number(db, owner, invoices.create_credit_note(
            db, owner, _invoice(db, owner, cid, 3000)[0], on=ON)), 1000),
        "other_customer": lambda: (_invoice(db, owner, other, 5000)[1], 1000),
        "beyond_balance": lambda: (num, 5001),
        "zero": lambda: (num, 0),
        "settled": lambda: (num, 1),
    }[case]()
    if case == "settled":
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                              allocations={num: 5000}, on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", max(amount, 1))],
                              allocations={key: amount}, hold_excess=True, on=ON)
    assert exc.value.field == f"allocations[{key}]"
    assert _state(db_path) == before
    assert _balance(db, owner, iid) >= 0


def test_allocating_more_than_received_is_refused(db, db_path, owner):
    cid = customer(db, owner)
    _iid, num = _invoice(db, owner, cid, 5000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)],
                              allocations={num: 2000}, on=ON)
    assert exc.value.field == "allocations"
    assert _state(db_path) == before


def test_a_payment_needs_a_known_customer(db, db_path, owner):
    before = _state(db_path)
    for customer_id in ("", "0" * 32):
        with pytest.raises(ValidationError) as exc:
            payments.take_payment(db, owner, customer_id=customer_id, splits=[PaymentSplit("cash", 1000)],
                                  hold_excess=True, on=ON)
        assert exc.value.field == "customer_id"
    assert _state(db_path) == before


def test_taking_a_payment_needs_the_permission(db, db_path, owner, actor_for):
    reader = actor_for("read_only")
    cid = customer(db, owner)
    before = _state(db_path)
    with pytest.raises(PermissionDenied):
        payments.take_payment(db, reader, customer_id=cid, splits=[PaymentSplit("cash", 1000)],
                              hold_excess=True, on=ON)
    assert _state(db_path) == before


# --- allocating held credit -----------------------------------------------------------------------

def test_a_credit_note_s_rest_can_be_allocated_to_another_invoice(db, owner):
    cid = customer(db, owner)
    paid, paid_no = _invoice(db, owner, cid, 10000)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 10000)],
                          allocations={paid_no: 10000}, on=ON)
    note_id = invoices.create_credit_note(db, owner, paid, on=ON)
    iid, _num = _invoice(db, owner, cid, 25000)
    payments.allocate(db, owner, invoice_id=iid, amount=10000, credit_note_id=note_id, on=ON)
    assert _balance(db, owner, iid) == 15000
    assert _credit(db, cid) == 0


@pytest.mark.parametrize(("case", "field"), [
    ("no_source", "source"), ("two_sources", "source"), ("more_than_held", "amount"),
    ("more_than_open", "amount"), ("other_customer", "payment_id"), ("refund", "payment_id"),
    ("not_a_credit_note", "credit_note_id"), ("zero", "amount"), ("credit_note_invoice", "invoice_id"),
])
def test_allocating_held_credit_is_checked(db, db_path, owner, case, field):
    cid = customer(db, owner)
    other = customer(db, owner, "Li Na")
    [held] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)],
                                   hold_excess=True, on=ON)
    [foreign] = payments.take_payment(db, owner, customer_id=other, splits=[PaymentSplit("cash", 3000)],
                                      hold_excess=True, on=ON)
    refund_id = payments.refund(db, owner, customer_id=cid, amount=100, method="cash", on=ON)
    iid, _num = _invoice(db, owner, cid, 2000)
    note = invoices.create_credit_note(db, owner, _invoice(db, owner, cid, 500)[0], on=ON)
    kwargs = {
        "no_source": {"amount": 100},
        "two_sources": {"amount": 100, "payment_id": held, "credit_note_id": note},
        "more_than_held": {"amount": 2901, "payment_id": held, "invoice_id": _invoice(db, owner, cid, 9000)[0]},
        "more_than_open": {"amount": 2001, "payment_id": held},
        "other_customer": {"amount": 100, "payment_id": foreign},
        "refund": {"amount": 100, "payment_id": refund_id},
        "not_a_credit_note": {"amount": 100, "credit_note_id": iid},
        "zero": {"amount": 0, "payment_id": held},
        "credit_note_invoice": {"amount": 100, "payment_id": held, "invoice_id": note},
    }[case]
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.allocate(db, owner, **{"invoice_id": iid, "on": ON} | kwargs)
    assert exc.value.field == field
    assert _state(db_path) == before


def test_allocating_to_an_unknown_invoice_is_not_found(db, owner):
    cid = customer(db, owner)
    [held] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)],
                                   hold_excess=True, on=ON)
    with pytest.raises(NotFound):
        payments.allocate(db, owner, invoice_id="0" * 32, amount=100, payment_id=held, on=ON)


# --- refunds --------------------------------------------------------------------------------------

def test_a_refund_pays_credit_back_as_a_negative_payment(db, owner):
    cid = customer(db, owner)
    [held] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("card", 5000)],
                                   hold_excess=True, on=ON)
    refund_id = payments.refund(db, owner, customer_id=cid, amount=3000, method="card", reason=" changed mind ",
                                refund_of_id=held, on=ON)
    rows = {r.id: r for r in payments.payments(db, owner, customer_id=cid)}
    assert (rows[refund_id].amount, rows[refund_id].method, rows[refund_id].refund_of_id,
            rows[refund_id].notes, rows[refund_id].terminal_code) == (-3000, "card", held, "changed mind", "T1")
    assert rows[held].amount == 5000
    assert _credit(db, cid) == 2000
    assert [(s.id, s.remaining) for s in payments.credit_sources(db, owner, cid)] == [(held, 2000)]


def test_a_refund_beyond_the_customer_s_credit_is_refused(db, db_path, owner):
    cid = customer(db, owner)
    _iid, num = _invoice(db, owner, cid, 5000)
    [pid] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 6000)],
                                  allocations={num: 5000}, hold_excess=True, on=ON)
    before = _state(db_path)
    for kwargs in ({"amount": 1001}, {"amount": 1001, "refund_of_id": pid}, {"amount": 0}):
        with pytest.raises(ValidationError) as exc:
            payments.refund(db, owner, customer_id=cid, method="cash", on=ON, **kwargs)
        assert exc.value.field == "amount"
    assert _state(db_path) == before
    payments.refund(db, owner, customer_id=cid, amount=1000, method="cash", on=ON)
    assert _credit(db, cid) == 0


def test_a_refund_is_checked_against_the_payment_it_returns(db, db_path, owner):
    cid = customer(db, owner)
    other = customer(db, owner, "Li Na")
    [small] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 1000)],
                                    hold_excess=True, on=ON)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 9000)], hold_excess=True, on=ON)
    [foreign] = payments.take_payment(db, owner, customer_id=other, splits=[PaymentSplit("cash", 1000)],
                                      hold_excess=True, on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=2000, method="cash", refund_of_id=small, on=ON)
    assert exc.value.field == "amount"
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=500, method="cash", refund_of_id=foreign, on=ON)
    assert exc.value.field == "refund_of_id"
    with pytest.raises(ValidationError) as exc:
        payments.refund(db, owner, customer_id=cid, amount=500, method="deposit", on=ON)
    assert exc.value.field == "method"
    assert _state(db_path) == before


def test_credit_refunded_cannot_also_be_allocated(db, db_path, owner):
    cid = customer(db, owner)
    [held] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 5000)],
                                   hold_excess=True, on=ON)
    payments.refund(db, owner, customer_id=cid, amount=3000, method="cash", on=ON)
    iid, num = _invoice(db, owner, cid, 9000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        payments.allocate(db, owner, invoice_id=iid, amount=2001, payment_id=held, on=ON)
    assert exc.value.field == "amount"
    with pytest.raises(ValidationError) as exc:
        payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("deposit", 2001)],
                              allocations={num: 2001}, on=ON)
    assert exc.value.field == "splits[1].amount"
    assert _state(db_path) == before
    payments.allocate(db, owner, invoice_id=iid, amount=2000, payment_id=held, on=ON)
    assert (_credit(db, cid), _balance(db, owner, iid)) == (0, 7000)


def test_refunding_needs_its_own_permission(db, db_path, owner, actor_for):
    manager = actor_for("sales_manager")
    cid = customer(db, owner)
    payments.take_payment(db, manager, customer_id=cid, splits=[PaymentSplit("cash", 5000)], hold_excess=True, on=ON)
    before = _state(db_path)
    with pytest.raises(PermissionDenied):
        payments.refund(db, manager, customer_id=cid, amount=1000, method="cash", on=ON)
    assert _state(db_path) == before
    payments.refund(db, actor_for("cashier"), customer_id=cid, amount=1000, method="cash", on=ON)
    assert _credit(db, cid) == 4000


# --- balances and the trail -----------------------------------------------------------------------

def test_balance_is_total_less_allocations_from_payments_and_credit_notes(db, owner):
    cid = customer(db, owner)
    iid = posted(db, owner, cid, line("Mats", qty=4000, price=2500), on=ON)
    num = number(db, owner, iid)
    payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 3000)],
                          allocations={num: 3000}, on=ON)
    mats = invoices.get(db, owner, iid).lines[0]
    invoices.create_credit_note(db, owner, iid, lines={mats.id: 1000}, on=ON)
    view = invoices.get(db, owner, iid)
    assert view.total - sum(a.amount for a in view.allocations) == view.balance == 10000 - 3000 - 2500
    with db.read() as conn:
        assert invoices.balance(conn, iid) == view.balance


def test_payments_and_allocations_are_on_the_audit_trail(db, owner):
    cid = customer(db, owner)
    _iid, num = _invoice(db, owner, cid, 5000)
    [pid] = payments.take_payment(db, owner, customer_id=cid, splits=[PaymentSplit("cash", 6000)],
                                  allocations={num: 5000}, hold_excess=True, on=ON)
    payments.refund(db, owner, customer_id=cid, amount=1000, method="cash", on=ON)
    entities = raw_rows(Path(db.path), "SELECT entity, action, actor FROM audit_entry WHERE entity IN "
                                       "('payment', 'allocation') ORDER BY seq")
    assert entities == [("payment", "insert", "owner"), ("allocation", "insert", "owner"),
                        ("payment", "insert", "owner")]
    assert raw_rows(Path(db.path), "SELECT count(*) FROM audit_entry WHERE entity_id = ?", (pid,)) == [(1,)]
    with db.read() as conn:
        assert verify(conn).ok
