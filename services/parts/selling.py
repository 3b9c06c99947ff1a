"""Catalogue parts sold on invoices: they leave stock when the sale is posted and come back when a
credit note takes them back (registered with :mod:`services.billing.posting`)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from core.money import round_half_up
from core.quantities import QUANTITY_SCALE
from models.billing import InvoiceLine
from services.billing import posting
from services.billing.totals import line_cost
from services.parts import catalogue, stock

# The invoice kinds whose catalogue-part lines move stock when posted. Workshop parts leave stock
# when they are issued to their repair order (services/workshop/parts.py), so a workshop invoice —
# the one a repair order is closed into, or one written by hand — does not move them again, and its
# credit note brings none back: parts come back from a job through ``return_from_job``.
STOCK_KINDS = ("counter_sale", "vehicle_sale", "other")


def take_out_of_stock(ctx: posting.PostingContext) -> None:
    """A sale's part lines leave stock at posting, each costed at the moving average of that moment
    (DESIGN §4); the lines' costs become those actual costs, so margins are real."""
    session, invoice = ctx.uow.session, ctx.document
    lines = session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id,
                                                      InvoiceLine.part_id.is_not(None))).scalars().all()
    if not lines:
        return
    for line in lines:
        line.unit_cost = _sell_oldest_first(ctx, line)
    # Lines are written while the invoice is still a draft: posted lines are immutable.
    session.flush()
    invoice.cost_total = sum(line_cost(quantity_milli=r.quantity_milli, unit_cost=r.unit_cost) for r in
                             session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id))
                             .scalars())


def _sell_oldest_first(ctx: posting.PostingContext, line: InvoiceLine) -> int:
    """Take a line's quantity out of stock, first from the numbers its part supersedes (oldest
    first, as far as they have stock available) and the rest from the part itself; returns the
    line's unit cost, the average of what went out."""
    session, invoice = ctx.uow.session, ctx.document
    wanted, cost = line.quantity_milli, 0
    for part_id in [*catalogue.older_parts(session, line.part_id), line.part_id]:
        level = stock.stock_level(session, part_id)
        take = wanted if part_id == line.part_id else min(wanted, max(level.available, 0))
        if take <= 0:
            continue
        stock.record_movement(session, part_id=part_id, kind="counter_sale", quantity=-take, moved_on=ctx.on,
                              reference=invoice.number or "", source_id=line.id,
                              for_customer_id=invoice.customer_id)
        cost += line_cost(quantity_milli=take, unit_cost=level.average_cost)
        wanted -= take
    return round_half_up(Decimal(cost) * QUANTITY_SCALE / line.quantity_milli)


def return_to_stock(ctx: posting.PostingContext) -> None:
    """Parts credited on a sale come back into stock at the cost they went out at; a price credit
    (a line of no quantity) takes no goods back and moves nothing."""
    session, note = ctx.uow.session, ctx.document
    session.flush()
    for line in session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == note.id,
                                                          InvoiceLine.part_id.is_not(None),
                                                          InvoiceLine.quantity_milli > 0)).scalars():
        stock.record_movement(session, part_id=line.part_id, kind="customer_return", quantity=line.quantity_milli,
                              unit_cost=line.unit_cost, moved_on=ctx.on, reference=note.number or "",
                              source_id=line.id)


for _kind in STOCK_KINDS:
    posting.on_post(_kind, take_out_of_stock)
    posting.on_credit(_kind, return_to_stock)
