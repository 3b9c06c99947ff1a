"""Properties of the books: random billing and stock operations keep the journal's inventory account
equal to the stock valuation, every journal entry balanced, each customer's statement equal to
their aging, and the receivable and advance accounts equal to the aging's total, for every customer
and date."""

from __future__ import annotations

import contextlib
import itertools
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.errors import ValidationError
from core.quantities import InsufficientStock
from models.parts import PartStock
from services import settings as dealer_settings
from services.billing import accounting, invoices, payments, receivables
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.parts import catalogue, stock
from services.parts.catalogue import PartInput
from services.permissions import system_actor
from services.setup import open_database
from store.uow import UnitOfWork
from tests.services.billing_samples import customer

FIRST = date(2026, 1, 5)
START = date(2000, 1, 1)
ACTOR = system_actor("books")
_examples = itertools.count()

_op = st.one_of(
    st.tuples(st.just("receipt"), st.integers(0, 1), st.integers(1, 9_000), st.integers(1, 50_000)),
    st.tuples(st.just("issue"), st.integers(0, 1), st.integers(1, 5_000), st.none()),
    st.tuples(st.just("adjust"), st.integers(0, 1), st.integers(-4_000, 4_000).filter(bool), st.integers(0, 50_000)),
    st.tuples(st.just("count"), st.integers(0, 1), st.integers(0, 9_000), st.none()),
    st.tuples(st.just("sale"), st.integers(0, 1), st.integers(1, 4_000), st.integers(100, 90_000)),
    st.tuples(st.just("service"), st.integers(0, 2), st.integers(1, 3), st.integers(100, 90_000)),
    st.tuples(st.just("pay"), st.integers(0, 2), st.integers(0, 4), st.integers(100, 60_000)),
    st.tuples(st.just("credit"), st.integers(0, 2), st.integers(0, 4), st.none()),
    st.tuples(st.just("spend"), st.integers(0, 2), st.integers(0, 4), st.none()),
)


def _balance(lines, key: str) -> int:
    return sum(x.debit - x.credit for x in lines if x.key == key)


def _account_balance(lines, *accounts: str) -> int:
    """Debit less credit of the journal lines on ``accounts``, whatever key mapped them there: the
    trial balance the accountant reads."""
    return sum(x.debit - x.credit for x in lines if x.account in accounts)


def _open(db, customer_id: str) -> list[receivables.OpenInvoice]:
    return receivables.open_invoices(db, ACTOR, customer_id)


def _apply(db, op, day: date, parts: list[str], people: list[str], sales: list[str]) -> None:
    kind, who, amount, price = op
    if kind == "receipt":
        with UnitOfWork(db, ACTOR) as uow:
            stock.record_movement(uow.session, part_id=parts[who], kind="receipt", quantity=amount,
                                  unit_cost=price, moved_on=day, reference="PO")
            uow.commit()
    elif kind == "issue":
        stock.issue(db, ACTOR, parts[who], amount, reference="RO-1", on=day)
    elif kind == "adjust":
        stock.adjust(db, ACTOR, parts[who], amount, "found or lost", on=day, unit_cost=price if amount > 0 else None)
    elif kind == "count":
        with UnitOfWork(db, ACTOR) as uow:
            stock.count_to(uow.session, part_id=parts[who], counted=amount, moved_on=day, reference="CNT")
            uow.commit()
    elif kind == "sale":
        invoice_id, _number = invoices.save_and_post(db, ACTOR, None, DraftInput(
            kind="counter_sale", customer_id=people[who], lines=[
                LineInput("Filter", amount, price, item_type="part", part_id=parts[who])]), on=day)
        sales.append(invoice_id)
    elif kind == "service":
        invoice_id, _number = invoices.save_and_post(db, ACTOR, None, DraftInput(
            kind="workshop", customer_id=people[who], lines=[
                LineInput("Labour", amount * 1000, price, item_type="labour", unit_cost=price // 3)]), on=day)
        sales.append(invoice_id)
    elif kind == "pay":
        open_rows = _open(db, people[who])
        target = open_rows[amount % len(open_rows)] if open_rows and amount else None
        allocate = min(price, target.balance) if target else 0
        # The third customer pays with vouchers, which must stay off the receivable and advance accounts.
        method = "voucher" if who == 2 else "cash"
        payments.take_payment(db, ACTOR, customer_id=people[who], splits=[PaymentSplit(method, price)],
                              allocations={target.number: allocate} if target else None, hold_excess=True, on=day)
    elif kind == "credit" and sales:
        invoices.create_credit_note(db, ACTOR, sales[amount % len(sales)], on=day)
    elif kind == "spend":
        open_rows = _open(db, people[who])
        held = payments.credit_available(db, ACTOR, people[who], on=day)
        if open_rows and held:
            target = open_rows[amount % len(open_rows)]
            take = min(held, target.balance)
            payments.take_payment(db, ACTOR, customer_id=people[who], splits=[PaymentSplit("deposit", take)],
                                  allocations={target.number: take}, on=day)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.tuples(_op, st.integers(0, 3)), min_size=1, max_size=18))
def test_random_operations_keep_the_books_reconciled(template_db, tmp_path, ops):
    path = Path(tmp_path) / f"books-{next(_examples)}.db"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    try:
        dealer_settings.save(db, ACTOR, replace(dealer_settings.get(db), allow_negative_stock=False))
        parts = [catalogue.create_part(db, ACTOR, PartInput(brand="Bosch", part_number=f"0986-{i}",
                                                            description="Filter")) for i in range(2)]
        people = [customer(db, ACTOR, name) for name in ("Wang Fang", "Li Na", "Zhang Wei")]
        sales: list[str] = []
        day = FIRST
        days = [day]
        for op, gap in ops:
            day += timedelta(days=gap)
            days.append(day)
            # A refused operation (no stock, nothing to credit) changes nothing; the books must still agree.
            with contextlib.suppress(InsufficientStock, ValidationError):
                _apply(db, op, day, parts, people, sales)
        mapping = {m.key: m.account for m in accounting.get_mapping(db, ACTOR)}
        ledger = {mapping["receivables"], mapping["customer_credit"]}
        for when in [*sorted(set(days)), day + timedelta(days=40)]:
            journal = accounting.journal_entries(db, ACTOR, start=START, end=when)
            with db.read() as conn:
                assert _balance(journal, "inventory") == stock.valuation(conn, on=when)
            for person in people:
                statement = receivables.statement(db, ACTOR, person, start=FIRST, end=when)
                assert statement.closing_balance == statement.aging.total, (person, when)
            aged = receivables.aging(db, ACTOR, as_of=when)
            assert sum(r.total for r in aged) == _balance(journal, "receivables") + _balance(journal, "customer_credit")
            assert sum(r.total for r in aged) == _account_balance(journal, *ledger)
        by_reference: dict[str, int] = {}
        for x in journal:
            by_reference[x.reference] = by_reference.get(x.reference, 0) + x.debit - x.credit
        assert set(by_reference.values()) <= {0}
        with db.read() as conn:
            cached = sum(stock.stock_value(r.on_hand, r.average_cost)
                         for r in conn.execute(select(PartStock.on_hand, PartStock.average_cost)))
            assert cached == stock.valuation(conn, on=day)
    finally:
        db.dispose()
