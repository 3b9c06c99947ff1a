"""Properties of closing repair orders into invoices: hours and amounts on the invoices equal the
repair order's lines, parts issued less returned equal the parts invoiced, and the books still agree
(every journal entry balanced, the inventory account equal to the stock valuation)."""

from __future__ import annotations

import contextlib
import itertools
import shutil
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from core.errors import ValidationError
from models.billing import Invoice, InvoiceLine
from models.workshop import PAY_TYPES, RepairOrderInvoice
from services.billing import accounting
from services.parts import stock
from services.permissions import system_actor
from services.setup import open_database
from services.workshop import invoicing, orders, parts
from services.workshop.orders import ExtraInput, JobInput, LabourInput, PartLineInput
from services.workshop.rules import hours_to_quantity
from tests.services.workshop_samples import ON, repair_order, shop

ACTOR = system_actor("workshop")
START = date(2000, 1, 1)
_examples = itertools.count()

_job = st.tuples(
    st.sampled_from(PAY_TYPES),
    st.lists(st.integers(1, 900), max_size=3),  # hours sold (hundredths)
    # parts lines: (which part, quantity wanted, issued, returned of what was issued)
    st.lists(st.tuples(st.integers(0, 1), st.integers(1, 6_000), st.integers(0, 6_000), st.integers(0, 6_000)),
             max_size=3),
    st.lists(st.tuples(st.sampled_from(("sublet", "consumable")), st.integers(1, 50_000)), max_size=2),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jobs=st.lists(_job, min_size=1, max_size=4))
def test_invoices_carry_exactly_the_repair_orders_hours_amounts_and_parts(template_db, tmp_path, jobs):
    path = Path(tmp_path) / f"ro-{next(_examples)}.db"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    try:
        s = shop(db, ACTOR)
        ro_id, number = repair_order(db, ACTOR, s)
        for pay_type, hours, part_lines, extras in jobs:
            job = orders.add_job(db, ACTOR, ro_id, JobInput("Work", pay_type=pay_type))
            for h in hours:
                orders.add_labour(db, ACTOR, job, LabourInput(description="Labour", hours=h))
            for which, wanted, issue, back in part_lines:
                line = orders.add_part(db, ACTOR, job, PartLineInput(part_id=s.parts[which], quantity=wanted))
                if issue:
                    # More than is in stock is refused and changes nothing; the rest must still agree.
                    with contextlib.suppress(ValidationError):
                        parts.issue_part(db, ACTOR, line, min(issue, wanted), on=ON)
                if back:
                    with contextlib.suppress(ValidationError):
                        parts.return_part(db, ACTOR, line, back, on=ON)
            for kind, price in extras:
                orders.add_extra(db, ACTOR, job, ExtraInput(kind, "Extra", price, unit_cost=price // 2))
        for status in ("in_progress", "quality_check", "completed"):
            if orders.get(db, ACTOR, ro_id).status != status:
                orders.set_status(db, ACTOR, ro_id, status, on=ON)
        view = orders.get(db, ACTOR, ro_id)
        labour = [x for j in view.jobs for x in j.labour]
        used = [x for j in view.jobs for x in j.parts if x.issued > x.returned]
        extra = [x for j in view.jobs for x in j.extras]
        if not (labour or used or extra):
            return
        made = invoicing.close_into_invoices(db, ACTOR, ro_id, on=ON)
        with db.read() as conn:
            ids = [m.invoice_id for m in made]
            lines = conn.execute(select(InvoiceLine.__table__).where(InvoiceLine.invoice_id.in_(ids))).all()
            totals = conn.execute(select(func.sum(Invoice.total)).where(Invoice.id.in_(ids))).scalar_one()
            linked = conn.execute(select(RepairOrderInvoice.pay_type)).scalars().all()
            assert sorted(linked) == sorted({j.pay_type for j in view.jobs
                                             if j.labour or j.extras or any(p.issued > p.returned for p in j.parts)})
            # Hours and labour amounts.
            assert sum(x.quantity_milli for x in lines if x.item_type == "labour") == \
                sum(hours_to_quantity(x.hours) for x in labour)
            assert sum(x.total for x in lines if x.item_type == "labour") == sum(x.amount for x in labour)
            # Parts issued less returned are the parts invoiced, part by part.
            for part_id in s.parts:
                invoiced = sum(x.quantity_milli for x in lines if x.part_id == part_id)
                assert invoiced == sum(x.issued - x.returned for x in used if x.part_id == part_id)
                issued = conn.execute(select(func.coalesce(func.sum(stock.StockMovement.quantity), 0)).where(
                    stock.StockMovement.part_id == part_id, stock.StockMovement.reference == number)).scalar_one()
                assert -issued == invoiced
            # Prices include tax by default: what the invoices come to is what the lines came to.
            gross = sum(x.amount for x in labour) + sum(
                round((x.issued - x.returned) * x.unit_price / 1000) for x in used) + sum(
                round(x.quantity * x.unit_price / 1000) for x in extra)
            assert totals == gross
            assert stock.ledger_reserved(conn, s.parts[0]) == 0 == stock.ledger_reserved(conn, s.parts[1])
        journal = accounting.journal_entries(db, ACTOR, start=START, end=ON)
        by_reference: dict[str, int] = {}
        for x in journal:
            by_reference[x.reference] = by_reference.get(x.reference, 0) + x.debit - x.credit
        assert set(by_reference.values()) <= {0}
        with db.read() as conn:
            assert sum(x.debit - x.credit for x in journal if x.key == "inventory") == stock.valuation(conn, on=ON)
    finally:
        db.dispose()
