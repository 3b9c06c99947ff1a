"""Gross profit from the cost every invoice line records (issue 3, item 7).

Profit is net (before tax) less cost. A line's cost is its quantity × unit cost, rounded half-up to
the minor unit as in services/billing/totals.py; a credit-note line costs what its share of the
credited line cost (what has been credited up to and including it, less what had been before), so a
line credited in parts costs back exactly what it cost. Credit notes count negatively: their net and
cost are subtracted in the period they are issued.

Only posted invoices count, by issue day. Manufacturer rebates earned in a period (recorded or
corrected then, :mod:`services.billing.thirdparty`) add to the sales department's and the month's
profit, as the journal credits them to cost of sales. So do, the other way, what the journal debits
to cost of sales beside the invoices (services/vehicles/ledger.py): a trade-in's over-allowance when
the car is taken in, and a cost added to a car already sold. Every report may run on any thread; all
need ``receivables.view``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Connection, Date, Integer, bindparam, case, func, literal, literal_column, select

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import round_half_up
from core.quantities import QUANTITY_SCALE
from models.billing import Invoice, InvoiceLine, RebateEntry
from models.crm import Customer
from services.permissions import require
from store.database import Database

DEPARTMENTS = ("sales", "workshop", "parts", "other")
# Which department an invoice line's item type belongs to.
ITEM_DEPARTMENT: dict[str, str] = {
    "vehicle": "sales",
    "accessory": "sales",
    "labour": "workshop",
    "part": "parts",
    "fee": "other",
    "other": "other",
}


@dataclass(frozen=True)
class InvoiceMargin:
    invoice_id: str
    number: str
    kind: str
    issued_on: date
    customer_name: str
    net: int  # negative for a credit note
    cost: int
    profit: int

    @property
    def margin_bp(self) -> int | None:
        return _margin_bp(self.profit, self.net)


@dataclass(frozen=True)
class DepartmentMargin:
    department: str
    net: int
    cost: int
    profit: int  # net − cost + rebates − vehicle_costs
    rebates: int = 0  # manufacturer rebates earned in the period (the sales department's)
    vehicle_costs: int = 0  # trade-in over-allowances and costs of cars already sold (the sales department's)

    @property
    def margin_bp(self) -> int | None:
        return _margin_bp(self.profit, self.net)


@dataclass(frozen=True)
class PeriodMargin:
    period: str  # "YYYY-MM"
    net: int
    cost: int
    profit: int  # net − cost + rebates − vehicle_costs
    rebates: int = 0  # manufacturer rebates earned in the month
    vehicle_costs: int = 0  # trade-in over-allowances and costs of cars already sold, booked in the month

    @property
    def margin_bp(self) -> int | None:
        return _margin_bp(self.profit, self.net)


def _margin_bp(profit: int, net: int) -> int | None:
    """Profit as basis points of net (2550 = 25.5 %); None when there is no net to divide by."""
    return round_half_up(Decimal(profit) * 10000 / net) if net else None


def margin_percent(profit: int, net: int) -> Decimal | None:
    """The one figure a margin is shown as, on screen and in files: gross profit as a percentage of
    net sales (before tax), to one decimal, rounded half-up (25.5); None without net sales."""
    bp = _margin_bp(profit, net)
    return None if bp is None else (Decimal(bp) / 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("end", msg("The period ends before it starts"))


def _sign():
    return case((Invoice.kind == "credit_note", -1), else_=1)


def _posted_between(start: date, end: date) -> list:
    return [Invoice.status == "posted", Invoice.issued_on >= bindparam("start", start, type_=Date),
            Invoice.issued_on <= bindparam("end", end, type_=Date)]


def _rounded_cost(quantity_milli, unit_cost):
    """quantity × unit cost in minor units, rounded half-up like totals.line_cost. Quantities and
    unit costs are never negative (the invoice service refuses them), so adding half and dividing
    with SQLite's integer division (``//``; ``/`` would divide as floating point) rounds half-up."""
    return (quantity_milli * unit_cost + QUANTITY_SCALE // 2) // QUANTITY_SCALE


# How much of the same original line earlier credit notes took back, for the invoice_line row of the
# enclosing query. Credit notes are posted in the transaction that makes them, so every credit-note
# line counts. INDEXED BY pins the lookup to ix_invoice_line_credited_line_id: the column is almost
# always empty, and statistics gathered before the first credit note make the planner walk every
# line instead, once per credit-note line.
_CREDITED_BEFORE = literal_column(
    "(SELECT coalesce(sum(earlier.quantity_milli), 0) "
    "FROM invoice_line AS earlier INDEXED BY ix_invoice_line_credited_line_id "
    "WHERE earlier.credited_line_id = invoice_line.credited_line_id "
    "AND earlier.invoice_id < invoice_line.invoice_id)", Integer)


def line_cost_sql():
    """The cost of the ``invoice_line`` row of the enclosing query (the table itself, not an
    alias), in minor units: quantity × unit cost rounded half-up; for a credit-note line, its share
    of the credited line's cost (the share up to and including it less the share before it), so a
    line credited in parts gives back exactly what it cost."""
    before = _CREDITED_BEFORE
    share = (_rounded_cost(before + InvoiceLine.quantity_milli, InvoiceLine.unit_cost)
             - _rounded_cost(before, InvoiceLine.unit_cost))
    return case((InvoiceLine.credited_line_id.is_not(None), share),
                else_=_rounded_cost(InvoiceLine.quantity_milli, InvoiceLine.unit_cost))




def _invoice_query():
    sign = _sign()
    return select(Invoice.id, Invoice.number, Invoice.kind, Invoice.issued_on,
                  func.coalesce(func.nullif(Invoice.customer_name, ""), Customer.name).label("customer_name"),
                  (sign * Invoice.net_total).label("net"), (sign * Invoice.cost_total).label("cost"),
                  ).join(Customer, Customer.id == Invoice.customer_id)


def _invoice_margin(r) -> InvoiceMargin:
    return InvoiceMargin(invoice_id=r.id, number=r.number or "", kind=r.kind, issued_on=r.issued_on,
                         customer_name=r.customer_name, net=r.net, cost=r.cost, profit=r.net - r.cost)


def invoice_margins(db: Database, actor: Actor, *, start: date, end: date) -> list[InvoiceMargin]:
    """Net, cost and profit of every invoice and credit note posted in ``start``–``end``
    (inclusive), in issue order."""
    require(actor, "margin.view")
    _check_period(start, end)
    query = _invoice_query().where(*_posted_between(start, end)).order_by(Invoice.issued_on, Invoice.number)
    with db.read() as conn:
        return [_invoice_margin(r) for r in conn.execute(query)]


def invoice_margin(db: Database, actor: Actor, invoice_id: str) -> InvoiceMargin:
    """One invoice's (or credit note's) net, cost and profit."""
    require(actor, "margin.view")
    with db.read() as conn:
        row = conn.execute(_invoice_query().where(Invoice.id == invoice_id)).first()
    if row is None:
        raise NotFound(msg("The invoice no longer exists"))
    return _invoice_margin(row)


def department_margins(db: Database, actor: Actor, *, start: date, end: date) -> list[DepartmentMargin]:
    """Net, cost and profit per department (sales, workshop, parts, other, always all four in that
    order) of the lines of invoices and credit notes posted in ``start``–``end``."""
    require(actor, "margin.view")
    _check_period(start, end)
    department = case(*((InvoiceLine.item_type == item, dept) for item, dept in ITEM_DEPARTMENT.items()),
                      else_="other").label("department")
    sign = _sign()
    query = (select(department, func.sum(sign * InvoiceLine.net).label("net"),
                    func.sum(sign * line_cost_sql()).label("cost"))
             .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
             .where(*_posted_between(start, end)).group_by(department))
    with db.read() as conn:
        sums = {r.department: (r.net, r.cost) for r in conn.execute(query)}
        rebates = _rebates_by(literal("sales"), start, end, conn)
        vehicles = _vehicle_costs_by(lambda _on: "sales", start, end, conn)
    out = []
    for dept in DEPARTMENTS:
        net, cost = sums.get(dept, (0, 0))
        earned, spent = rebates.get(dept, 0), vehicles.get(dept, 0)
        out.append(DepartmentMargin(department=dept, net=net, cost=cost, profit=net - cost + earned - spent,
                                    rebates=earned, vehicle_costs=spent))
    return out


def _vehicle_costs_by(key, start: date, end: date, conn: Connection) -> dict[str, int]:
    """What the vehicle ledger put into cost of sales in ``start``–``end`` beside the invoices' own
    costs — over-allowances of trade-ins taken in, costs of cars already sold — summed by ``key(day)``."""
    from services.vehicles import ledger

    out: dict[str, int] = {}
    for m in ledger.moves(conn, end=end):
        if m.on < start or m.kind not in ("arrival", "cost"):
            continue
        amount = m.expensed + (m.allowance - m.amount if m.allowance is not None else 0)
        if amount:
            out[key(m.on)] = out.get(key(m.on), 0) + amount
    return out


def _rebates_by(key, start: date, end: date, conn: Connection) -> dict[str, int]:
    """Manufacturer rebates earned (expected, with their corrections) in ``start``–``end``, summed by
    ``key``, a column expression over ``rebate_entry``. Rebates are the vehicle sales department's."""
    query = (select(key.label("key"), func.sum(RebateEntry.amount).label("amount"))
             .where(RebateEntry.kind == "expected",
                    RebateEntry.booked_on >= bindparam("start", start, type_=Date),
                    RebateEntry.booked_on <= bindparam("end", end, type_=Date)).group_by(key))
    return {r.key: r.amount for r in conn.execute(query)}


def _months(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_margins(db: Database, actor: Actor, *, start: date, end: date) -> list[PeriodMargin]:
    """Net, cost and profit per calendar month of ``start``–``end``, every month listed (zeros for a
    month without invoices), oldest first. A partial first or last month counts only its days inside
    the period."""
    require(actor, "margin.view")
    _check_period(start, end)
    month = func.strftime("%Y-%m", Invoice.issued_on).label("month")
    sign = _sign()
    query = (select(month, func.sum(sign * Invoice.net_total).label("net"),
                    func.sum(sign * Invoice.cost_total).label("cost"))
             .where(*_posted_between(start, end)).group_by(month))
    with db.read() as conn:
        sums = {r.month: (r.net, r.cost) for r in conn.execute(query)}
        rebates = _rebates_by(func.strftime("%Y-%m", RebateEntry.booked_on), start, end, conn)
        vehicles = _vehicle_costs_by(lambda on: f"{on:%Y-%m}", start, end, conn)
    out = []
    for key in _months(start, end):
        net, cost = sums.get(key, (0, 0))
        earned, spent = rebates.get(key, 0), vehicles.get(key, 0)
        out.append(PeriodMargin(period=key, net=net, cost=cost, profit=net - cost + earned - spent, rebates=earned,
                                vehicle_costs=spent))
    return out
