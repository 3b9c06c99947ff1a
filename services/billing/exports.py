"""Billing files out: invoices, invoice lines and payments as .xlsx or .csv, with stable snake_case
English column names (issue 3 §11).

Only posted invoices and credit notes appear: a draft is not an accounting fact and may still change
or vanish. Amounts are decimal numbers in major units (``1234.50``) — numbers in an .xlsx file,
plain text in a .csv file (UTF-8 with BOM). A credit note's amounts (and its lines' quantities,
discounts and amounts) are negative, being money going back to the customer, so a column summed
over a file gives net figures; prices, rates and unit costs stay positive. The files stream from the
database in batches and appear only when complete (see :mod:`services.files`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, func, select

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import digits, from_minor
from core.progress import CancelToken, Progress, no_progress
from core.quantities import quantity_text
from models.billing import Allocation, Invoice, InvoiceLine, Payment
from models.crm import Customer
from services import files, settings

# The journal lives with its account mapping; screens find it here beside the other billing files.
from services.billing.accounting import journal as journal
from services.billing.margin import margin_percent
from services.permissions import require
from store.database import Database

INVOICE_COLUMNS = ("number", "type", "status", "issued_on", "customer_name", "net_total", "tax_total", "total",
                   "paid", "balance", "credited_number", "due_on", "cost_total", "gross_profit", "margin", "currency")
LINE_COLUMNS = ("invoice_number", "line_no", "item_code", "description", "quantity", "unit_price", "discount",
                "tax_rate", "net", "tax", "total", "unit_cost", "item_type", "tax_code", "invoice_type")
PAYMENT_COLUMNS = ("paid_on", "method", "amount", "customer_name", "allocated_to", "reference", "allocated",
                   "held_for", "terminal")

_BATCH = 2000


def _money_format(currency: str) -> str:
    d = digits(currency)
    return "#,##0" + ("." + "0" * d if d else "")


def _period(query: Select, column: Any, start: date | None, end: date | None) -> Select:
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    if start is not None:
        query = query.where(column >= start)
    if end is not None:
        query = query.where(column <= end)
    return query


def _prepare(actor: Actor, path: Path | str) -> Path:
    require(actor, "invoice.view")
    require(actor, "data.export")
    path = Path(path)
    files.table_suffix(path)
    return path


def _count(conn: Connection, query: Select) -> int:
    return conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


# --- invoices -------------------------------------------------------------------------------------

def _invoice_query(start: date | None, end: date | None) -> Select:
    inv = Invoice.__table__
    orig = inv.alias("orig")
    alloc = Allocation.__table__
    paid = (select(func.coalesce(func.sum(alloc.c.amount), 0)).where(alloc.c.invoice_id == inv.c.id)
            .scalar_subquery())
    query = (select(inv.c.number, inv.c.kind, inv.c.status, inv.c.issued_on, inv.c.customer_name, inv.c.net_total,
                    inv.c.tax_total, inv.c.total, paid.label("paid"), orig.c.number.label("credited_number"),
                    inv.c.due_on, inv.c.cost_total, inv.c.currency)
             .outerjoin(orig, orig.c.id == inv.c.credited_invoice_id)
             .where(inv.c.status == "posted")
             .order_by(inv.c.issued_on, inv.c.number))
    return _period(query, inv.c.issued_on, start, end)


def _invoice_row(r: Any) -> list[Any]:
    sign = -1 if r.kind == "credit_note" else 1

    def money(minor: int) -> Decimal:
        return from_minor(sign * minor, r.currency)

    is_note = r.kind == "credit_note"
    return [r.number, r.kind, r.status, r.issued_on, r.customer_name, money(r.net_total), money(r.tax_total),
            money(r.total), None if is_note else money(r.paid), None if is_note else money(r.total - r.paid),
            r.credited_number, None if is_note else r.due_on, money(r.cost_total),
            money(r.net_total - r.cost_total), margin_percent(r.net_total - r.cost_total, r.net_total), r.currency]


def export_invoices(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                    end: date | None = None, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> int:
    """Write posted invoices and credit notes issued in ``start`` … ``end`` (both included; either
    may be open) to ``path``, oldest first, with the columns of :data:`INVOICE_COLUMNS`: ``type`` is
    the invoice kind; ``paid`` and ``balance`` are as of now; a credit note carries the number of
    the invoice it credits in ``credited_number``, and has no ``paid``, ``balance`` or ``due_on``
    of its own (it owes nothing). Amounts are decimal major units (see the module notes). Needs
    ``invoice.view`` and ``data.export``. Runs on a worker thread; returns the rows written."""
    path = _prepare(actor, path)
    require(actor, "margin.view")  # costs and gross profit
    query = _invoice_query(start, end)
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = _count(conn, query)
        result = conn.execution_options(yield_per=_BATCH).execute(query)
        batches = ([_invoice_row(r) for r in part] for part in result.partitions())
        fmt = _money_format(currency)
        return files.write_table(
            path, INVOICE_COLUMNS, batches, total=total, sheet="invoices",
            widths=(20, 12, 8, 11, 28, 14, 14, 14, 14, 14, 20, 11, 14, 14, 8),
            number_formats={i: fmt for i in (5, 6, 7, 8, 9, 12, 13)}, progress=progress, cancel=cancel)


# --- invoice lines --------------------------------------------------------------------------------

def export_invoice_lines(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                         end: date | None = None, progress: Progress = no_progress,
                         cancel: CancelToken | None = None) -> int:
    """Write the lines of posted invoices and credit notes issued in ``start`` … ``end`` to ``path``,
    with the columns of :data:`LINE_COLUMNS`: ``quantity`` is a decimal (``1.5`` hours),
    ``tax_rate`` a percentage (``13``), amounts decimal major units; ``discount`` is the line's
    discount amount. Needs ``invoice.view`` and ``data.export``. Runs on a worker thread; returns the
    rows written."""
    path = _prepare(actor, path)
    require(actor, "cost.view")  # unit costs
    inv, line = Invoice.__table__, InvoiceLine.__table__
    query = (select(inv.c.number, inv.c.kind, inv.c.currency, line.c.line_no, line.c.item_code, line.c.description,
                    line.c.quantity_milli, line.c.unit_price, line.c.discount, line.c.tax_rate_bp, line.c.net,
                    line.c.tax, line.c.total, line.c.unit_cost, line.c.item_type, line.c.tax_code)
             .join(inv, inv.c.id == line.c.invoice_id)
             .where(inv.c.status == "posted")
             .order_by(inv.c.issued_on, inv.c.number, line.c.line_no))
    query = _period(query, inv.c.issued_on, start, end)

    def row(r: Any) -> list[Any]:
        sign = -1 if r.kind == "credit_note" else 1

        def money(minor: int) -> Decimal:
            return from_minor(minor, r.currency)

        return [r.number, r.line_no, r.item_code, r.description, Decimal(quantity_text(sign * r.quantity_milli)),
                money(r.unit_price), money(sign * r.discount), Decimal(r.tax_rate_bp) / 100, money(sign * r.net),
                money(sign * r.tax), money(sign * r.total), money(r.unit_cost), r.item_type, r.tax_code, r.kind]

    with db.read() as conn:
        currency = settings.load(conn).currency
        total = _count(conn, query)
        result = conn.execution_options(yield_per=_BATCH).execute(query)
        batches = ([row(r) for r in part] for part in result.partitions())
        fmt = _money_format(currency)
        return files.write_table(
            path, LINE_COLUMNS, batches, total=total, sheet="invoice_lines",
            widths=(20, 8, 16, 40, 10, 14, 12, 9, 14, 12, 14, 14, 11, 9, 13),
            number_formats={i: fmt for i in (5, 6, 8, 9, 10, 11)}, progress=progress, cancel=cancel)


# --- payments -------------------------------------------------------------------------------------

def _settled(conn: Connection, payment_ids: list[str]) -> dict[str, tuple[int, list[str]]]:
    """Payment id → (amount allocated, invoice numbers settled in allocation order, each once)."""
    alloc, inv = Allocation.__table__, Invoice.__table__
    out: dict[str, tuple[int, list[str]]] = {}
    for payment_id, number, amount in conn.execute(
            select(alloc.c.payment_id, inv.c.number, alloc.c.amount)
            .join(inv, inv.c.id == alloc.c.invoice_id)
            .where(alloc.c.payment_id.in_(payment_ids))
            .order_by(alloc.c.allocated_on, alloc.c.created_at, alloc.c.id)):
        allocated, numbers = out.get(payment_id, (0, []))
        if number not in numbers:
            numbers.append(number)
        out[payment_id] = (allocated + amount, numbers)
    return out


def export_payments(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                    end: date | None = None, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> int:
    """Write payments (receipts positive, refunds negative) made in ``start`` … ``end`` to ``path``,
    oldest first, with the columns of :data:`PAYMENT_COLUMNS`: ``allocated_to`` lists the numbers
    of the invoices the payment settled, separated by ``"; "``, and ``allocated`` how much of it
    is allocated, both as of now. Needs ``invoice.view`` and ``data.export``. Runs on a worker
    thread; returns the rows written."""
    path = _prepare(actor, path)
    pay, cust = Payment.__table__, Customer.__table__
    query = (select(pay.c.id, pay.c.paid_on, pay.c.method, pay.c.amount, cust.c.name, pay.c.reference,
                    pay.c.held_for, pay.c.terminal_code)
             .join(cust, cust.c.id == pay.c.customer_id)
             .order_by(pay.c.paid_on, pay.c.created_at, pay.c.id))
    query = _period(query, pay.c.paid_on, start, end)
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = _count(conn, query)

        def batches() -> Iterator[list[list[Any]]]:
            result = conn.execution_options(yield_per=_BATCH).execute(query)
            for part in result.partitions():
                settled = _settled(conn, [r.id for r in part])
                rows = []
                for r in part:
                    allocated, numbers = settled.get(r.id, (0, []))
                    rows.append([r.paid_on, r.method, from_minor(r.amount, currency), r.name, "; ".join(numbers),
                                 r.reference, from_minor(allocated, currency), r.held_for, r.terminal_code])
                yield rows

        fmt = _money_format(currency)
        return files.write_table(path, PAYMENT_COLUMNS, batches(), total=total, sheet="payments",
                                 widths=(11, 16, 14, 28, 40, 16, 14, 16, 9), number_formats={2: fmt, 6: fmt},
                                 progress=progress, cancel=cancel)


# --- look-up --------------------------------------------------------------------------------------

def invoice_id_for_number(db: Database, actor: Actor, number: str) -> str:
    """The id of the posted invoice or credit note numbered ``number`` (letter case ignored). Any
    thread."""
    require(actor, "invoice.view")
    wanted = number.strip()
    with db.read() as conn:
        found = conn.execute(select(Invoice.id).where(Invoice.number == wanted)).scalar()
        if found is None and wanted:
            found = conn.execute(select(Invoice.id).where(func.upper(Invoice.number) == wanted.upper())).scalar()
    if found is None:
        raise NotFound(msg("No invoice or credit note is numbered '{wanted}'", wanted=wanted))
    return found
