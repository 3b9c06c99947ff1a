"""Property-based tests over random invoices, partial credit notes, payments, allocations and refunds:
totals equal the sums of their lines, balances and credit never go negative, nothing is credited
beyond what was invoiced, and every minor unit received or credited is either allocated or held."""

from __future__ import annotations

import itertools
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.errors import ValidationError
from models.billing import Allocation, Invoice, InvoiceLine, Payment
from services import settings as dealer_settings
from services.audit import verify
from services.billing import invoices, payments
from services.billing.payments import PaymentSplit
from services.billing.totals import line_amounts
from services.permissions import system_actor
from services.setup import open_database
from store.database import Database
from tests.services.billing_samples import customer, draft, line

ON = date(2026, 3, 2)
ACTOR = system_actor("property")
_examples = itertools.count()

TAX_CODES = ("VAT13", "VAT6", "ZERO")


@st.composite
def _line(draw):
    qty = draw(st.one_of(st.integers(1, 5).map(lambda n: n * 1000), st.integers(1, 9999)))
    price = draw(st.integers(0, 200_000))
    gross = line_amounts(quantity_milli=qty, unit_price=price, discount=0, rate_bp=0,
                         prices_include_tax=False).total
    discount = draw(st.one_of(st.just(0), st.integers(0, gross)))
    return line(f"Item {qty}", qty=qty, price=price, discount=discount, tax_code=draw(st.sampled_from(TAX_CODES)),
                unit_cost=draw(st.integers(0, 100_000)))


def _fresh_db(template: Path, folder: Path) -> Database:
    path = folder / f"example-{next(_examples)}.db"
    shutil.copy(template, path)
    return open_database(path)


def _state(db: Database) -> tuple:
    with db.read() as conn:
        return (conn.execute(select(Payment.id, Payment.amount).order_by(Payment.id)).all(),
                conn.execute(select(Allocation.id, Allocation.amount).order_by(Allocation.id)).all(),
                conn.execute(select(Invoice.id).order_by(Invoice.id)).all())


def _check_ledger(db: Database, customer_id: str) -> None:
    with db.read() as conn:
        posted = conn.execute(select(Invoice.__table__).where(Invoice.status == "posted")).all()
        lines = conn.execute(select(InvoiceLine.__table__)).all()
        by_invoice: dict[str, list] = {}
        for x in lines:
            by_invoice.setdefault(x.invoice_id, []).append(x)
        credited_qty: dict[str, int] = {}
        for x in lines:
            if x.credited_line_id:
                credited_qty[x.credited_line_id] = credited_qty.get(x.credited_line_id, 0) + x.quantity_milli
        for inv in posted:
            mine = by_invoice[inv.id]
            assert inv.total == sum(x.total for x in mine)
            assert inv.net_total == sum(x.net for x in mine)
            assert inv.tax_total == sum(x.tax for x in mine)
            assert inv.total == inv.net_total + inv.tax_total
            assert all(x.net >= 0 and x.tax >= 0 and x.total == x.net + x.tax for x in mine)
            assert invoices.balance(conn, inv.id) >= 0
            if inv.kind != "credit_note":
                for x in mine:
                    assert credited_qty.get(x.id, 0) <= x.quantity_milli
                notes = [n for n in posted if n.credited_invoice_id == inv.id]
                assert sum(n.total for n in notes) <= inv.total
        credit = payments.customer_credit(conn, customer_id)
        assert credit >= 0
        # Every minor unit received or credited is allocated to an invoice, held as credit or refunded.
        money = sum(conn.execute(select(Payment.amount)).scalars())
        credited = sum(n.total for n in posted if n.kind == "credit_note")
        allocated = sum(conn.execute(select(Allocation.amount)).scalars())
        assert money + credited == allocated + credit
        assert verify(conn).ok


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inclusive=st.booleans(), invoice_lines=st.lists(st.lists(_line(), min_size=1, max_size=4), min_size=1,
                                                       max_size=3), data=st.data())
def test_random_invoices_credit_notes_and_payments_keep_the_ledger_sound(template_db, tmp_path, inclusive,
                                                                          invoice_lines, data):
    db = _fresh_db(template_db, tmp_path)
    try:
        if not inclusive:
            dealer_settings.save(db, ACTOR, replace(dealer_settings.get(db), prices_include_tax=False))
        cid = customer(db, ACTOR)
        ids = []
        for lines in invoice_lines:
            iid = draft(db, ACTOR, cid, *lines)
            invoices.post(db, ACTOR, iid, on=ON)
            ids.append(iid)
        _check_ledger(db, cid)

        for _step in range(data.draw(st.integers(0, 8), label="steps")):
            action = data.draw(st.sampled_from(["credit", "credit", "pay", "pay", "use_credit", "allocate",
                                                "refund"]), label="action")
            iid = data.draw(st.sampled_from(ids), label="invoice")
            view = invoices.get(db, ACTOR, iid)
            with db.read() as conn:
                credit = payments.customer_credit(conn, cid)
            before = _state(db)
            if action == "credit":
                wanted = {x.id: data.draw(st.integers(0, x.quantity_milli - x.credited_quantity_milli),
                                          label="credit qty") for x in view.lines}
                if not any(wanted.values()):
                    continue
                invoices.create_credit_note(db, ACTOR, iid, lines=wanted, on=ON)
            elif action == "pay":
                allocate = data.draw(st.integers(0, view.balance), label="allocate")
                extra = data.draw(st.integers(0, 5000), label="extra")
                hold = data.draw(st.booleans(), label="hold")
                received = allocate + extra
                if received == 0:
                    continue
                cash = data.draw(st.integers(0, received), label="cash part")
                splits = [PaymentSplit(m, a) for m, a in (("cash", cash), ("card", received - cash)) if a]
                kwargs = {"customer_id": cid, "splits": splits, "allocations": {view.number: allocate} if allocate
                          else {}, "hold_excess": hold, "on": ON}
                if extra and not hold:
                    try:
                        payments.take_payment(db, ACTOR, **kwargs)
                    except ValidationError as exc:
                        assert exc.field == "amount"
                    else:
                        raise AssertionError("an over-payment without holding the excess was accepted")
                    assert _state(db) == before
                else:
                    payments.take_payment(db, ACTOR, **kwargs)
            elif action == "use_credit":
                amount = data.draw(st.integers(0, min(credit, view.balance)), label="use credit")
                if amount:
                    payments.take_payment(db, ACTOR, customer_id=cid, splits=[PaymentSplit("deposit", amount)],
                                          allocations={view.number: amount}, on=ON)
            elif action == "allocate":
                sources = payments.credit_sources(db, ACTOR, cid)
                if not sources or not view.balance or not credit:
                    continue
                source = data.draw(st.sampled_from(sources), label="source")
                amount = data.draw(st.integers(1, min(source.remaining, credit, view.balance)), label="amount")
                key = "payment_id" if source.kind == "payment" else "credit_note_id"
                payments.allocate(db, ACTOR, invoice_id=iid, amount=amount, on=ON, **{key: source.id})
            else:
                amount = data.draw(st.integers(1, credit + 100), label="refund")
                if amount > credit:
                    try:
                        payments.refund(db, ACTOR, customer_id=cid, amount=amount, method="cash", on=ON)
                    except ValidationError as exc:
                        assert exc.field == "amount"
                    else:
                        raise AssertionError("a refund beyond the customer's credit was accepted")
                    assert _state(db) == before
                else:
                    payments.refund(db, ACTOR, customer_id=cid, amount=amount, method="cash", on=ON)
            _check_ledger(db, cid)

        # Whatever was credited before, crediting the rest gives back exactly the invoice's amounts.
        for iid in ids:
            view = invoices.get(db, ACTOR, iid)
            if any(x.credited_quantity_milli < x.quantity_milli for x in view.lines):
                invoices.create_credit_note(db, ACTOR, iid, on=ON)
            notes = [invoices.get(db, ACTOR, n) for n in invoices.get(db, ACTOR, iid).credit_note_ids]
            assert sum(n.total for n in notes) == view.total
            assert sum(n.net_total for n in notes) == view.net_total
            assert sum(n.tax_total for n in notes) == view.tax_total
            assert sum(n.cost_total for n in notes) == view.cost_total
            assert invoices.get(db, ACTOR, iid).balance == 0
        _check_ledger(db, cid)
    finally:
        db.dispose()
        for leftover in db.path.parent.glob(db.path.name + "*"):
            leftover.unlink()
