"""The accounting export: a mapping of item types, tax codes and payment methods to ledger accounts,
and journal lines (date, account, debit, credit, reference) for the dealership's accounting package.

**Mapping keys.** ``item:<item type>`` (revenue), ``tax:<tax code>`` (output tax),
``method:<payment method>`` (cash, bank and clearing accounts), ``receivables``, ``customer_credit``
(money customers hold with the dealership: over-payments, deposits, unused credit notes),
``cost:<item type>`` and ``stock:<item type>`` (cost of sales, and where the cost of a line that names
no catalogue part and no stock vehicle comes from: goods or services bought in for the sale, owed to
whoever supplied them — labour's is the workshop's own service cost), ``inventory`` (the parts in
stock, valued at moving average cost), ``vehicle_inventory`` (the cars in stock at their purchase and
added costs),
``goods_received`` (goods received not invoiced), ``stock_adjustment`` (adjustments, count variances
and transfers awaiting a decision) and ``stock_variance`` (what the moving average's rounding makes
a receipt's value differ from its purchase price), ``menu_variance`` (what service packages
sold below their itemised price: see the workshop invoices below), and ``commission_receivable`` and
``insurance_commission`` (what insurers owe for the policies sold, and that commission as revenue). A key of the
form ``<kind>:*`` is the fallback for a type or code with no key of its own, so a tax rate added
later still lands somewhere sensible. New databases start with a mainland-China chart of accounts
(1122 应收账款, 6001 主营业务收入, 2221 应交税费, …); an empty mapping table means those defaults,
and the first change writes them out before applying itself. Reading and changing the mapping needs
``accounting.export``: the accountant who exports the journal is the one who knows the chart.

**Journals.** Amounts are posted when they become facts, and each journal balances on its own
(Σ debit = Σ credit per reference):

- a posted invoice (reference: its number, on its issue date): Dr receivables (total); Cr revenue per
  item type (net); Cr output tax per tax code; and for lines with a cost, Dr cost of sales / Cr stock
  per item type. Drafts are not accounting facts and never appear. On a workshop invoice, a line's own
  discount is its share of a service package's variance (services/workshop/menus.py): revenue is
  credited at the itemised net and the difference is debited to ``menu_variance``, so that account
  holds itemised − package price (net of tax). A line that names a stock vehicle carries no cost
  entry of its own: the vehicle ledger's sale is it (below).
- a credit note (its number and date): the reverse — Dr revenue, Dr output tax, Dr stock / Cr cost of
  sales — and Cr receivables for the part allocated to invoices on or before its date, Cr customer
  credit for the rest.
- a receipt (``PAY-<id>``, on its payment date): Dr the method's account; Cr receivables for the part
  allocated on or before that date, Cr customer credit for the rest. A refund (``RFD-<id>``) is the
  reverse: Dr customer credit, Cr the method's account. A voucher handed in (``method:voucher``) is
  debited to other payables, where the accountant books the vouchers issued: it is not the customer's
  credit.
- credit applied later (``ALLOC-<id>``, on the allocation date): the rest of an earlier receipt or
  credit note allocated to an invoice moves no money, but it turns customer credit into a settled
  receivable: Dr customer credit, Cr receivables.
- a stock movement (``STK-<id>``, on its date): inventory moves by the change the movement made to
  the part's value (on hand × moving average, :func:`services.parts.stock.valued_movements`), so the
  inventory account always equals the stock valuation. The other side: a goods receipt credits goods
  received not invoiced at its purchase price, any rounding of the average going to the variance
  account; an issue to a repair order, a counter sale and their returns go to the parts' cost of
  sales (``cost:part``); adjustments, count variances and transfers to ``stock_adjustment``. Invoice
  and credit-note lines that name a catalogue part therefore carry no cost entry of their own: their
  stock movement is it.

- vehicle stock (services/vehicles/ledger.py), so ``vehicle_inventory`` always equals the vehicle
  valuation: a car's arrival (``VEH-<stock number>``, on its arrival day) Dr vehicle inventory by its
  purchase cost, Cr goods received not invoiced — or, for a trade-in on a deal, Cr the
  ``method:trade_in`` clearing account by the allowance the customer was given (a used car bought
  outright: Cr goods received by the price agreed), the over-allowance (allowance − actual cash value,
  the car's purchase cost) Dr cost of sales; an added cost (``VEHC-<cost id>``, on its
  day) Dr vehicle inventory, Cr goods received; the sale (under the invoice's number, on its day) Dr
  cost of sales (``cost:vehicle``), Cr vehicle inventory by everything the car holds; a credit note
  taking it back the reverse. While a car is sold its arrival and added costs go to cost of sales.
  The trade-in payment of a deal's invoice debits the clearing account by the equity it settles, so
  what is left on that account is the finance the dealership pays off to the lender.

- a cash-desk day closed with a counted difference (``CASH-<terminal>-<day>``): the cash account
  moves by counted − expected cash, against ``cash_difference`` (cash over or short, awaiting the
  owner's decision).

- a manufacturer rebate (``RBT-<entry id>``): when it is recorded or its expected amount corrected,
  Dr rebate receivable / Cr ``rebates`` (a reduction of cost of sales, as the margin reports show
  it); when money arrives, Dr the bank (``method:bank_transfer``) / Cr rebate receivable.

- an insurance policy's commission (``INS-<entry id>``): on the day the policy is recorded, Dr
  ``commission_receivable`` / Cr ``insurance_commission`` (other revenue); a correction books the
  difference on its own day (reversed when the commission falls). The insurer's payment is not
  recorded in Forecourt: the accounting package clears the receivable when it books the money.

Supplier invoices are not recorded in Forecourt: a receipt credits goods received not invoiced, and
the accounting package clears that account when it books the supplier's invoice.

So every allocation is journalled exactly once, in the period of its own date, and a period once
exported never changes. Over all time the receivables account equals the open balances of posted
invoices, and the customer credit account equals what customers hold in credit. So the receivables
report's total equals the balance of the two accounts as the trial balance shows them: by default no
other key that reaches the journal is mapped to either.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import ValidationError
from core.messages import Message, msg
from core.money import digits, from_minor, round_half_up
from core.progress import CancelToken, Progress, no_progress
from models.billing import (
    ITEM_TYPES,
    PAYMENT_METHODS,
    AccountMapping,
    Allocation,
    CashDay,
    Invoice,
    InvoiceLine,
    Payment,
    Rebate,
    RebateEntry,
)
from models.crm import Customer
from models.finance import InsuranceCommissionEntry
from models.parts import StockMovement
from models.vehicles import PURCHASE_CORRECTION
from services import files, settings
from services.billing import methods
from services.billing.margin import line_cost_sql
from services.billing.totals import line_amounts
from services.parts.stock import stock_value, valued_movements
from services.permissions import require
from services.vehicles import ledger as vehicle_ledger
from store.database import Database
from store.uow import UnitOfWork, action

JOURNAL_COLUMNS = ("date", "account", "account_name", "debit", "credit", "reference", "description")

_RECEIVABLES = ("1122", "应收账款")
_ADVANCES = ("2203", "预收账款")
_MAIN_REVENUE = ("6001", "主营业务收入")
_OTHER_REVENUE = ("6051", "其他业务收入")
_OUTPUT_TAX = ("2221", "应交税费")
_CASH = ("1001", "库存现金")
_BANK = ("1002", "银行存款")
_MAIN_COST = ("6401", "主营业务成本")
_OTHER_COST = ("6402", "其他业务成本")
_STOCK = ("1405", "库存商品")
_SERVICE_COST = ("5201", "劳务成本")
_GOODS_RECEIVED = ("2202", "应付账款")
_PENDING_LOSSES = ("1901", "待处理财产损溢")
_OTHER_RECEIVABLES = ("1221", "其他应收款")
_OTHER_PAYABLES = ("2241", "其他应付款")

_MAIN_TYPES = ("vehicle", "labour", "part", "accessory")

# Key → (account, name). Vehicles, labour, parts and accessories are the main business; fees and
# anything else are other business. Vouchers and deposits are money the customer already paid in.
DEFAULT_MAPPING: dict[str, tuple[str, str]] = {
    "receivables": _RECEIVABLES,
    "customer_credit": _ADVANCES,
    **{f"item:{t}": _MAIN_REVENUE if t in _MAIN_TYPES else _OTHER_REVENUE for t in ITEM_TYPES},
    "item:*": _OTHER_REVENUE,
    "tax:VAT13": _OUTPUT_TAX,
    "tax:VAT6": _OUTPUT_TAX,
    "tax:ZERO": _OUTPUT_TAX,
    "tax:*": _OUTPUT_TAX,
    "method:cash": _CASH,
    **{f"method:{m}": _BANK for m in ("wechat_pay", "alipay", "unionpay_card", "card", "bank_transfer",
                                      "finance_payout", "insurance_payout")},
    # A voucher handed in is a claim the dealership honours, not money the customer holds with it:
    # vouchers are issued outside Forecourt, so their redemption clears the payable the accountant
    # booked when issuing them, and the advance account stays equal to what customers hold in credit.
    "method:voucher": _OTHER_PAYABLES,
    "method:deposit": _ADVANCES,
    # A car taken in part payment: the clearing account between the allowance the trade-in's arrival
    # credits and the equity this payment settles; what is left on it is the finance to pay off.
    "method:trade_in": _OTHER_PAYABLES,
    "method:*": _BANK,
    **{f"cost:{t}": _MAIN_COST if t in _MAIN_TYPES else _OTHER_COST for t in ITEM_TYPES},
    "cost:*": _OTHER_COST,
    # A line's cost that comes from no stock (no catalogue part, no stock vehicle) is owed to whoever
    # supplied it; labour's is the workshop's own service cost.
    **{f"stock:{t}": _SERVICE_COST if t == "labour" else _GOODS_RECEIVED for t in ITEM_TYPES},
    "stock:*": _GOODS_RECEIVED,
    "inventory": _STOCK,
    "vehicle_inventory": _STOCK,
    "goods_received": _GOODS_RECEIVED,
    "stock_adjustment": _PENDING_LOSSES,
    "stock_variance": _MAIN_COST,
    "rebate_receivable": _OTHER_RECEIVABLES,
    "rebates": _MAIN_COST,
    # What insurers owe for the policies the dealership sells: a service to the insurer, not a sale.
    "commission_receivable": _OTHER_RECEIVABLES,
    "insurance_commission": _OTHER_REVENUE,
    "menu_variance": _MAIN_REVENUE,
    # Cash found over or short at a day's close waits there for the owner's decision.
    "cash_difference": _PENDING_LOSSES,
}
_FIXED_KEYS = ("receivables", "customer_credit", "inventory", "vehicle_inventory", "goods_received",
               "stock_adjustment", "stock_variance", "rebate_receivable", "rebates", "commission_receivable",
               "insurance_commission", "menu_variance", "cash_difference")
# Invoice kinds whose lines' own discounts are service package variances.
MENU_KINDS = frozenset({"workshop"})
REBATE_METHOD = "bank_transfer"  # manufacturers pay rebates by bank transfer
CASH_METHOD = "cash"  # the payment method a cash-desk day counts
TRADE_IN_METHOD = "trade_in"  # the payment method a deal settles a trade-in's equity with

_TYPED_KEYS: dict[str, tuple[str, ...] | None] = {
    "item": ITEM_TYPES, "cost": ITEM_TYPES, "stock": ITEM_TYPES, "method": PAYMENT_METHODS,
    "tax": None,  # any tax code, including ones not created yet
}


@dataclass(frozen=True)
class MappingRow:
    key: str
    account: str
    name: str


@dataclass(frozen=True)
class JournalLine:
    """One journal line; ``debit`` and ``credit`` in minor units, one of them zero. ``key`` is the
    mapping key the account came from."""

    on: date
    account: str
    account_name: str
    debit: int
    credit: int
    reference: str
    description: str
    key: str


# --- the mapping ----------------------------------------------------------------------------------

def seed_defaults(session: Session) -> int:
    """Write the default mapping if the table is empty, in the caller's transaction (audited through
    the session's actor). Returns how many rows were added."""
    if session.execute(select(AccountMapping.key).limit(1)).first() is not None:
        return 0
    session.add_all(AccountMapping(key=k, account=a, name=n) for k, (a, n) in DEFAULT_MAPPING.items())
    session.flush()
    return len(DEFAULT_MAPPING)


def _load(conn_or_session) -> dict[str, tuple[str, str]]:
    rows = conn_or_session.execute(select(AccountMapping.key, AccountMapping.account, AccountMapping.name)).all()
    if not rows:
        return dict(DEFAULT_MAPPING)
    # A fixed key added in a later version has no ``*`` to fall back on: its default stands until set.
    return {**{k: DEFAULT_MAPPING[k] for k in _FIXED_KEYS}, **{r.key: (r.account, r.name) for r in rows}}


def _sort_key(key: str) -> tuple[int, str, bool, str]:
    kind, _, rest = key.partition(":")
    order = (*_FIXED_KEYS, "item", "tax", "method", "cost", "stock")
    return (order.index(kind) if kind in order else len(order), kind, rest == "*", rest)


def get_mapping(db: Database, actor: Actor) -> list[MappingRow]:
    """The account mapping in a stable order (fixed keys, then by kind with each ``*`` fallback
    last). Any thread."""
    require(actor, "accounting.export")
    with db.read() as conn:
        mapping = _load(conn)
    return [MappingRow(k, *mapping[k]) for k in sorted(mapping, key=_sort_key)]


def _clean_key(key: str) -> str:
    key = key.strip()
    if key in _FIXED_KEYS:
        return key
    kind, sep, rest = key.partition(":")
    kind, rest = kind.strip().lower(), rest.strip()
    if not sep or kind not in _TYPED_KEYS or not rest:
        raise ValidationError("key", msg("'{key}' is not a mapping key; use {items}, item:<type>, tax:<code>, "
                                         "method:<method>, cost:<type> or stock:<type>",
                                         key=key, items=', '.join(_FIXED_KEYS)))
    allowed = _TYPED_KEYS[kind]
    if kind == "tax":
        rest = rest.upper()
        if rest != "*" and not (rest.isascii() and rest.replace("_", "").replace("-", "").isalnum()
                                and len(rest) <= 16):
            raise ValidationError("key", msg("'{rest}' is not a tax code", rest=rest))
    elif kind == "method" and methods.is_own_code(rest):
        pass  # a method of the dealership's own
    elif rest != "*" and rest not in (allowed or ()):
        raise ValidationError("key", msg("'{rest}' is not one of {items} (or *)",
                                         rest=rest, items=', '.join(allowed or ())))
    return f"{kind}:{rest}"


def set_mapping_in(uow: UnitOfWork, key: str, account: str, name: str = "") -> None:
    """Map ``key`` to ``account`` (with its name in the chart of accounts), adding or replacing it.
    On a database whose mapping is still the implied default, the defaults are written first."""
    actor, session = uow.actor, uow.session
    require(actor, "accounting.export")
    key = _clean_key(key)
    account, name = account.strip(), " ".join(name.split())
    if not account:
        raise ValidationError("account", msg("Enter the account code"))
    if len(account) > 40 or any(ch.isspace() for ch in account):
        raise ValidationError("account", msg("An account code is at most 40 characters, without spaces"))
    if len(name) > 120:
        raise ValidationError("name", msg("An account name is at most 120 characters"))
    seed_defaults(session)
    row = session.get(AccountMapping, key)
    if row is None:
        session.add(AccountMapping(key=key, account=account, name=name))
    elif (row.account, row.name) != (account, name):
        row.account, row.name = account, name


set_mapping = action(set_mapping_in)


class _Accounts:
    def __init__(self, mapping: dict[str, tuple[str, str]]) -> None:
        self.mapping = mapping

    def __call__(self, key: str) -> tuple[str, str]:
        found = self.mapping.get(key)
        if found is None and ":" in key:
            found = self.mapping.get(key.split(":", 1)[0] + ":*")
        if found is None:
            raise ValidationError("mapping", msg("No account is mapped for '{key}'; add it to the account mapping",
                                                 key=key))
        return found


# --- journal entries ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    on: date
    reference: str
    description: Message
    amounts: list[tuple[str, int, Message]]  # (mapping key, amount: + debit / − credit, detail)


# Descriptions are messages (English text that keeps its template and parameters), so a screen can
# write them in its user's language (:func:`journal`'s ``describe``) and the CLI keeps its English.
# A ``method`` parameter is the payment method's code: its name is the dealership's (settings).
_ITEM_WORDS = {"vehicle": msg("vehicle"), "labour": msg("labour"), "part": msg("part"), "fee": msg("fee"),
               "accessory": msg("accessory"), "other": msg("other")}
_KIND_WORDS = {"receipt": msg("receipt"), "issue": msg("issue"), "return_from_job": msg("return from job"),
               "counter_sale": msg("counter sale"), "customer_return": msg("customer return"),
               "adjustment": msg("adjustment"), "count_variance": msg("count variance"), "transfer": msg("transfer")}


def with_method_names(text: Message, names: dict[str, str]) -> Message:
    """``text`` with each payment method in it (nested messages too) named as ``names`` (code → name)
    names it rather than by its code."""
    params = {key: with_method_names(value, names) if isinstance(value, Message)
              else names.get(value, value) if key == "method" else value
              for key, value in text.params.items()}
    return Message(text.template, params)


def _in_english(names: dict[str, str]) -> Callable[[Message], str]:
    return lambda text: str(with_method_names(text, names)) if isinstance(text, Message) else str(text)


def _item_word(item_type: str) -> Message:
    return _ITEM_WORDS.get(item_type) or Message(item_type)


def _kind_word(kind: str) -> Message:
    return _KIND_WORDS.get(kind) or Message(kind.replace("_", " "))


_BATCH = 500


def _documents(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    inv = Invoice.__table__
    alloc = Allocation.__table__
    line = InvoiceLine.__table__
    orig = inv.alias("orig")
    query = (select(inv.c.id, inv.c.number, inv.c.kind, inv.c.issued_on, inv.c.customer_name, inv.c.total,
                    inv.c.prices_include_tax, orig.c.number.label("credited_number"),
                    orig.c.kind.label("credited_kind"))
             .outerjoin(orig, orig.c.id == inv.c.credited_invoice_id)
             .where(inv.c.status == "posted", inv.c.issued_on.between(start, end))
             .order_by(inv.c.issued_on, inv.c.number))
    result = conn.execution_options(yield_per=_BATCH).execute(query)
    for part in result.partitions():
        ids = [r.id for r in part]
        revenue: dict[str, dict[str, int]] = {}
        tax: dict[str, dict[str, int]] = {}
        cost: dict[str, dict[str, int]] = {}
        variance: dict[str, int] = {}
        menu_ids = {r.id: r.prices_include_tax for r in part
                    if r.kind in MENU_KINDS or (r.kind == "credit_note" and r.credited_kind in MENU_KINDS)}
        # A credit-note line costs its share of the credited line's cost (the margin report's rule),
        # so a line credited in parts puts back into stock exactly what it took out.
        for r in conn.execute(select(line.c.invoice_id, line.c.item_type, line.c.tax_code, line.c.net, line.c.tax,
                                     line_cost_sql().label("cost"), line.c.part_id, line.c.stock_vehicle_id,
                                     line.c.quantity_milli,
                                     line.c.unit_price, line.c.discount, line.c.invoice_discount, line.c.tax_rate_bp)
                              .where(line.c.invoice_id.in_(ids)).order_by(line.c.invoice_id, line.c.line_no)):
            net = r.net
            if r.invoice_id in menu_ids and r.discount > r.invoice_discount:
                itemised = line_amounts(quantity_milli=r.quantity_milli, unit_price=r.unit_price,
                                        discount=r.invoice_discount, rate_bp=r.tax_rate_bp,
                                        prices_include_tax=menu_ids[r.invoice_id]).net
                variance[r.invoice_id] = variance.get(r.invoice_id, 0) + itemised - r.net
                net = itemised
            by_type = revenue.setdefault(r.invoice_id, {})
            by_type[r.item_type] = by_type.get(r.item_type, 0) + net
            by_code = tax.setdefault(r.invoice_id, {})
            by_code[r.tax_code] = by_code.get(r.tax_code, 0) + r.tax
            # A catalogue part's cost is journalled by its stock movement (_stock_movements), a stock
            # vehicle's by its move in the vehicle ledger (_vehicles).
            if r.cost and r.part_id is None and r.stock_vehicle_id is None:
                costs = cost.setdefault(r.invoice_id, {})
                costs[r.item_type] = costs.get(r.item_type, 0) + r.cost
        note_ids = [r.id for r in part if r.kind == "credit_note"]
        settled: dict[str, int] = {}
        if note_ids:
            settled = dict(conn.execute(
                select(alloc.c.credit_note_id, func.sum(alloc.c.amount))
                .join(inv, inv.c.id == alloc.c.credit_note_id)
                .where(alloc.c.credit_note_id.in_(note_ids), alloc.c.allocated_on <= inv.c.issued_on)
                .group_by(alloc.c.credit_note_id)).all())
        for r in part:
            sign = -1 if r.kind == "credit_note" else 1
            amounts: list[tuple[str, int, Message]] = []
            if sign > 0:
                label = msg("Invoice {number} · {customer}", number=r.number, customer=r.customer_name)
                amounts.append(("receivables", r.total, msg("receivable")))
            else:
                label = msg("Credit note {number} for {credited} · {customer}", number=r.number,
                            credited=r.credited_number or "?", customer=r.customer_name)
                applied = settled.get(r.id, 0)
                amounts.append(("receivables", -applied, msg("receivable settled")))
                amounts.append(("customer_credit", -(r.total - applied), msg("credit held for the customer")))
            for item_type, net in revenue.get(r.id, {}).items():
                amounts.append((f"item:{item_type}", -sign * net, msg("revenue {item_type}",
                                                                      item_type=_item_word(item_type))))
            if variance.get(r.id):
                amounts.append(("menu_variance", sign * variance[r.id], msg("service package variance")))
            for code, amount in tax.get(r.id, {}).items():
                amounts.append((f"tax:{code}", -sign * amount, msg("output tax {code}", code=code)))
            for item_type, c in cost.get(r.id, {}).items():
                word = _item_word(item_type)
                amounts.append((f"cost:{item_type}", sign * c, msg("cost of sales {item_type}", item_type=word)))
                amounts.append((f"stock:{item_type}", -sign * c, msg("cost supplied {item_type}", item_type=word)))
            yield _Entry(r.issued_on, r.number, label, amounts)


def _payments(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    pay = Payment.__table__
    alloc = Allocation.__table__
    inv = Invoice.__table__
    cust = Customer.__table__
    # Named as the customer was when paying (payments synced from a terminal of an older version
    # carry no name: the customer's record names them).
    name = func.coalesce(func.nullif(pay.c.customer_name, ""), cust.c.name).label("name")
    query = (select(pay.c.id, pay.c.paid_on, pay.c.method, pay.c.amount, pay.c.reference, name)
             .join(cust, cust.c.id == pay.c.customer_id)
             .where(pay.c.paid_on.between(start, end))
             .order_by(pay.c.paid_on, pay.c.created_at, pay.c.id))
    result = conn.execution_options(yield_per=_BATCH).execute(query)
    for part in result.partitions():
        ids = [r.id for r in part]
        settled: dict[str, int] = {}
        numbers: dict[str, list[str]] = {}
        for payment_id, number, amount in conn.execute(
                select(alloc.c.payment_id, inv.c.number, alloc.c.amount)
                .join(pay, pay.c.id == alloc.c.payment_id)
                .join(inv, inv.c.id == alloc.c.invoice_id)
                .where(alloc.c.payment_id.in_(ids), alloc.c.allocated_on <= pay.c.paid_on)
                .order_by(alloc.c.created_at, alloc.c.id)):
            settled[payment_id] = settled.get(payment_id, 0) + amount
            if number not in numbers.setdefault(payment_id, []):
                numbers[payment_id].append(number)
        for r in part:
            applied = settled.get(r.id, 0)
            if r.amount > 0:
                label = (msg("Receipt {method} {reference} · {customer}", method=r.method, reference=r.reference,
                             customer=r.name) if r.reference
                         else msg("Receipt {method} · {customer}", method=r.method, customer=r.name))
            else:
                label = (msg("Refund {method} {reference} · {customer}", method=r.method, reference=r.reference,
                             customer=r.name) if r.reference
                         else msg("Refund {method} · {customer}", method=r.method, customer=r.name))
            if numbers.get(r.id):
                label = msg("{payment} for {invoices}", payment=label, invoices="; ".join(numbers[r.id]))
            amounts = [(f"method:{r.method}", r.amount, msg("{method}", method=r.method)),
                       ("receivables", -applied, msg("receivable settled")),
                       ("customer_credit", -(r.amount - applied),
                        msg("credit held for the customer") if r.amount > 0 else msg("credit paid back"))]
            yield _Entry(r.paid_on, f"{'PAY' if r.amount > 0 else 'RFD'}-{r.id}", label, amounts)


def _later_allocations(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    alloc = Allocation.__table__
    pay = Payment.__table__
    inv = Invoice.__table__
    note = inv.alias("note")
    query = (select(alloc.c.id, alloc.c.allocated_on, alloc.c.amount, inv.c.number, inv.c.customer_name,
                    pay.c.paid_on, pay.c.method, note.c.number.label("note_number"))
             .join(inv, inv.c.id == alloc.c.invoice_id)
             .outerjoin(pay, pay.c.id == alloc.c.payment_id)
             .outerjoin(note, note.c.id == alloc.c.credit_note_id)
             .where(alloc.c.allocated_on.between(start, end),
                    or_(and_(pay.c.id.is_not(None), alloc.c.allocated_on > pay.c.paid_on),
                        and_(note.c.id.is_not(None), alloc.c.allocated_on > note.c.issued_on)))
             .order_by(alloc.c.allocated_on, alloc.c.created_at, alloc.c.id))
    result = conn.execution_options(yield_per=_BATCH).execute(query)
    for part in result.partitions():
        for r in part:
            source = (msg("credit note {number}", number=r.note_number) if r.note_number
                      else msg("{method} receipt of {paid_on}", method=r.method, paid_on=r.paid_on.isoformat()))
            label = msg("Credit applied to {number} from {source} · {customer}", number=r.number, source=source,
                        customer=r.customer_name)
            amounts = [("customer_credit", r.amount, msg("credit used")),
                       ("receivables", -r.amount, msg("receivable settled"))]
            yield _Entry(r.allocated_on, f"ALLOC-{r.id}", label, amounts)


_MOVEMENT_SIDE = {"issue": "cost:part", "counter_sale": "cost:part", "return_from_job": "cost:part",
                  "customer_return": "cost:part"}


def _stock_movements(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    for m in valued_movements(conn, end=end):
        if m.moved_on < start:
            continue
        what = _kind_word(m.kind)
        label = (msg("Stock {kind} {reference}", kind=what, reference=m.reference) if m.reference
                 else msg("Stock {kind}", kind=what))
        amounts: list[tuple[str, int, Message]] = [("inventory", m.value, msg("inventory {kind}", kind=what))]
        if m.kind == "receipt":
            bought = stock_value(m.quantity, m.unit_cost)
            amounts.append(("goods_received", -bought, msg("goods received not invoiced")))
            amounts.append(("stock_variance", bought - m.value, msg("average cost rounding")))
        else:
            amounts.append((_MOVEMENT_SIDE.get(m.kind, "stock_adjustment"), -m.value, what))
        yield _Entry(m.moved_on, f"STK-{m.id}", label, amounts)


def _rebates(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    entry, rebate = RebateEntry.__table__, Rebate.__table__
    query = (select(entry.c.id, entry.c.kind, entry.c.amount, entry.c.booked_on, rebate.c.manufacturer,
                    rebate.c.campaign)
             .join(rebate, rebate.c.id == entry.c.rebate_id)
             .where(entry.c.booked_on.between(start, end)).order_by(entry.c.booked_on, entry.c.id))
    for r in conn.execute(query):
        label = (msg("Rebate {manufacturer} {campaign}", manufacturer=r.manufacturer, campaign=r.campaign)
                 if r.campaign else msg("Rebate {manufacturer}", manufacturer=r.manufacturer))
        if r.kind == "received":
            amounts = [(f"method:{REBATE_METHOD}", r.amount, msg("rebate received")),
                       ("rebate_receivable", -r.amount, msg("rebate received"))]
        else:
            amounts = [("rebate_receivable", r.amount, msg("rebate earned")),
                       ("rebates", -r.amount, msg("rebate earned"))]
        yield _Entry(r.booked_on, f"RBT-{r.id}", label, amounts)


def _commissions(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    entry = InsuranceCommissionEntry.__table__
    # Named as the policy was when the entry was booked: a later edit of the policy leaves it alone.
    query = (select(entry.c.id, entry.c.kind, entry.c.amount, entry.c.booked_on, entry.c.insurer,
                    entry.c.policy_number)
             .where(entry.c.booked_on.between(start, end)).order_by(entry.c.booked_on, entry.c.id))
    for r in conn.execute(query):
        label = (msg("Insurance commission {insurer} {number}", insurer=r.insurer, number=r.policy_number)
                 if r.policy_number else msg("Insurance commission {insurer}", insurer=r.insurer))
        detail = (msg("commission earned") if r.kind == "earned" else msg("commission corrected up") if r.amount > 0
                  else msg("commission corrected down"))
        yield _Entry(r.booked_on, f"INS-{r.id}", label,
                     [("commission_receivable", r.amount, detail), ("insurance_commission", -r.amount, detail)])


def _vehicles(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    for m in vehicle_ledger.moves(conn, end=end):
        if m.on < start:
            continue
        if m.kind in ("arrival", "cost"):
            if m.kind == "arrival":
                label = msg("Vehicle {number} into stock", number=m.stock_number)
                reference = f"VEH-{m.stock_number}"
            else:
                label = (msg("Vehicle {number} purchase cost corrected", number=m.stock_number)
                         if m.cost_kind == PURCHASE_CORRECTION else msg("Vehicle {number} added cost",
                                                                         number=m.stock_number))
                reference = f"VEHC-{m.reference}"
            amounts: list[tuple[str, int, Message]] = [
                ("vehicle_inventory", m.inventory, msg("vehicle inventory")),
                ("cost:vehicle", m.expensed, msg("cost of a vehicle already sold"))]
            if m.allowance is None:
                amounts.append(("goods_received", -m.amount, msg("goods received not invoiced")))
            else:
                # A trade-in: the customer was given its allowance; what that is above the car's
                # actual cash value is a cost of the sale it helped make.
                amounts.append(("cost:vehicle", m.allowance - m.amount, msg("trade-in over-allowance")))
                # Given in part payment on a deal, the allowance meets the deal's trade-in payment on
                # the clearing account; a car bought outright is owed to its seller.
                amounts.append((f"method:{TRADE_IN_METHOD}", -m.allowance, msg("trade-in allowance")) if m.on_deal
                               else ("goods_received", -m.allowance, msg("price owed to the seller")))
        elif m.kind == "sale":
            label = msg("Vehicle {number} sold", number=m.stock_number)
            reference = m.reference
            amounts = [("cost:vehicle", m.amount, msg("cost of sales vehicle")),
                       ("vehicle_inventory", -m.amount, msg("vehicle inventory"))]
        else:
            label = msg("Vehicle {number} taken back", number=m.stock_number)
            reference = m.reference
            amounts = [("vehicle_inventory", m.amount, msg("vehicle inventory")),
                       ("cost:vehicle", -m.amount, msg("cost of sales vehicle"))]
        yield _Entry(m.on, reference, label, amounts)


def _closed_days(start: date, end: date):
    day = CashDay.__table__
    return (day.c.closed_at.is_not(None), day.c.counted_cash != day.c.expected_cash,
            day.c.day.between(start, end))


def _cash_days(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    day = CashDay.__table__
    for r in conn.execute(select(day.c.terminal_code, day.c.day, day.c.expected_cash, day.c.counted_cash)
                          .where(*_closed_days(start, end)).order_by(day.c.day, day.c.terminal_code)):
        difference = r.counted_cash - r.expected_cash
        label = msg("Cash count {terminal} {day}", terminal=r.terminal_code, day=r.day.isoformat())
        detail = msg("cash over") if difference > 0 else msg("cash short")
        yield _Entry(r.day, f"CASH-{r.terminal_code}-{r.day.isoformat()}", label,
                     [(f"method:{CASH_METHOD}", difference, detail), ("cash_difference", -difference, detail)])


def _entries(conn: Connection, start: date, end: date) -> Iterator[_Entry]:
    return heapq.merge(_documents(conn, start, end), _payments(conn, start, end),
                       _later_allocations(conn, start, end), _stock_movements(conn, start, end),
                       _vehicles(conn, start, end), _rebates(conn, start, end), _commissions(conn, start, end),
                       _cash_days(conn, start, end), key=lambda e: e.on)


def _count(conn: Connection, start: date, end: date) -> int:
    inv, pay, alloc = Invoice.__table__, Payment.__table__, Allocation.__table__
    note = inv.alias("note")
    documents = conn.execute(select(func.count()).select_from(inv).where(
        inv.c.status == "posted", inv.c.issued_on.between(start, end))).scalar_one()
    payments = conn.execute(select(func.count()).select_from(pay).where(pay.c.paid_on.between(start, end))
                            ).scalar_one()
    later = conn.execute(
        select(func.count()).select_from(alloc)
        .outerjoin(pay, pay.c.id == alloc.c.payment_id).outerjoin(note, note.c.id == alloc.c.credit_note_id)
        .where(alloc.c.allocated_on.between(start, end),
               or_(and_(pay.c.id.is_not(None), alloc.c.allocated_on > pay.c.paid_on),
                   and_(note.c.id.is_not(None), alloc.c.allocated_on > note.c.issued_on)))).scalar_one()
    movements = conn.execute(select(func.count()).select_from(StockMovement)
                             .where(StockMovement.moved_on.between(start, end))).scalar_one()
    rebates = conn.execute(select(func.count()).select_from(RebateEntry)
                           .where(RebateEntry.booked_on.between(start, end))).scalar_one()
    commissions = conn.execute(select(func.count()).select_from(InsuranceCommissionEntry)
                               .where(InsuranceCommissionEntry.booked_on.between(start, end))).scalar_one()
    cash_days = conn.execute(select(func.count()).select_from(CashDay).where(*_closed_days(start, end))).scalar_one()
    return (documents + payments + later + movements + rebates + commissions + cash_days
            + vehicle_ledger.count(conn, start, end))


def _lines(entry: _Entry, accounts: _Accounts) -> list[JournalLine]:
    out = []
    for key, amount, detail in entry.amounts:
        if amount == 0:
            continue
        account, name = accounts(key)
        out.append(JournalLine(on=entry.on, account=account, account_name=name, debit=max(amount, 0),
                               credit=max(-amount, 0), reference=entry.reference,
                               description=msg("{entry} · {detail}", entry=entry.description, detail=detail),
                               key=key))
    # Debits first, as a voucher is read; the order within each side is the order built.
    return sorted(out, key=lambda line: line.debit == 0)


def _check_period(start: date | None, end: date | None) -> None:
    if start is None or end is None:
        raise ValidationError("start" if start is None else "end", msg("Choose the first and last day of the period"))
    if end < start:
        raise ValidationError("end", msg("The last day is before the first day"))


def journal_entries(db: Database, actor: Actor, *, start: date, end: date) -> list[JournalLine]:
    """Every journal line of the period ``start`` … ``end`` (both included), in date order, in memory
    (for a preview or a check; :func:`journal` streams to a file). Any thread."""
    require(actor, "accounting.export")
    _check_period(start, end)
    with db.read() as conn:
        accounts = _Accounts(_load(conn))
        return [line for entry in _entries(conn, start, end) for line in _lines(entry, accounts)]


def journal(db: Database, actor: Actor, path: Path | str, *, start: date, end: date,
            describe: Callable[[Message], str] | None = None,
            progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the journal of ``start`` … ``end`` (both included) to ``path`` (.xlsx or .csv by
    extension) with the columns of :data:`JOURNAL_COLUMNS`. ``debit`` and ``credit`` are decimal
    amounts in major units (``1234.50``): numbers in an .xlsx file, plain text in a .csv file; the
    side not used is ``0``. Each reference's lines balance. A line's description is a
    :class:`core.messages.Message` written as ``describe`` makes it (default: the English text with
    payment methods by their names; a screen passes its user's language). Runs on a worker thread; on cancel or
    failure no file is left behind. Returns the number of lines written."""
    require(actor, "accounting.export")
    require(actor, "data.export")
    _check_period(start, end)
    path = Path(path)
    files.table_suffix(path)
    with db.read() as conn:
        accounts = _Accounts(_load(conn))
        currency = settings.load(conn).currency
        total = _count(conn, start, end)
        if describe is None:
            describe = _in_english(methods.english_names(conn))

        def batches() -> Iterator[list[list[object]]]:
            done = 0
            batch: list[list[object]] = []
            entries = 0
            for entry in _entries(conn, start, end):
                for line in _lines(entry, accounts):
                    batch.append([line.on, line.account, line.account_name, from_minor(line.debit, currency),
                                  from_minor(line.credit, currency), line.reference, describe(line.description)])
                entries += 1
                if entries == _BATCH:
                    yield batch
                    done += entries
                    progress(done, total, f"{done:,} of {total:,} entries")
                    batch, entries = [], 0
            if batch or entries:
                yield batch
                done += entries
                progress(done, total, f"{done:,} of {total:,} entries")

        money_format = "#,##0" + ("." + "0" * digits(currency) if digits(currency) else "")
        written = files.write_table(path, JOURNAL_COLUMNS, batches(), total=None, sheet="journal",
                                    widths=(12, 12, 24, 14, 14, 36, 60), number_formats={3: money_format,
                                                                                        4: money_format},
                                    cancel=cancel)
    # The accountant keeps the journal outside the program: its anchor ties the audit trail to it.
    from services import audit

    audit.record_anchor(db, source=f"journal export {path.name} ({start} to {end})")
    return written


# --- the stock valuation --------------------------------------------------------------------------

VALUATION_COLUMNS = ("kind", "code", "description", "quantity", "unit_cost", "value", "account")


def _valuation_rows(conn: Connection, on: date, accounts: _Accounts, currency: str) -> list[list[object]]:
    from models.parts import Brand, Part
    from models.vehicles import StockVehicle, Vehicle

    held: dict[str, list[int]] = {}
    for m in valued_movements(conn, end=on):
        figures = held.setdefault(m.part_id, [0, 0])
        figures[0] += m.quantity
        figures[1] += m.value
    parts = {r.id: r for r in conn.execute(
        select(Part.id, Brand.name.label("brand"), Part.part_number, Part.description)
        .join(Brand, Brand.id == Part.brand_id).where(Part.id.in_([k for k, (q, v) in held.items() if q or v])))}
    parts_account = accounts("inventory")[0]
    rows: list[list[object]] = []
    for part_id in sorted(parts, key=lambda k: (parts[k].brand, parts[k].part_number)):
        (quantity, value), p = held[part_id], parts[part_id]
        unit = from_minor(round_half_up(Decimal(value) * 1000 / quantity), currency) if quantity else None
        rows.append(["part", f"{p.brand} {p.part_number}", p.description, Decimal(quantity) / 1000, unit,
                     from_minor(value, currency), parts_account])
    cars: dict[str, int] = {}
    for m in vehicle_ledger.moves(conn, end=on):
        cars[m.stock_vehicle_id] = cars.get(m.stock_vehicle_id, 0) + m.inventory
    held_cars = [k for k, v in cars.items() if v]
    vehicles_account = accounts("vehicle_inventory")[0]
    for r in conn.execute(select(StockVehicle.id, StockVehicle.stock_number, StockVehicle.make, StockVehicle.model,
                                 Vehicle.vin).join(Vehicle, Vehicle.id == StockVehicle.vehicle_id)
                          .where(StockVehicle.id.in_(held_cars)).order_by(StockVehicle.stock_number)):
        value = from_minor(cars[r.id], currency)
        rows.append(["vehicle", r.stock_number, " ".join(x for x in (r.make, r.model, r.vin) if x), Decimal(1), value,
                     value, vehicles_account])
    return rows


def stock_valuation(db: Database, actor: Actor, path: Path | str, *, on: date | None = None,
                    progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write what is in stock at the end of ``on`` (default today) and what it is worth to ``path``
    (.xlsx or .csv): a row per part held (on hand, moving average cost, value) and per car held
    (its purchase and added costs), with the account each is in. Its values add up to the journal's
    inventory accounts on that day, from the same ledgers. Needs ``accounting.export``. Runs on a
    worker thread; returns the rows written."""
    require(actor, "accounting.export")
    require(actor, "data.export")
    day = on or clock.today()
    if day > clock.today():
        raise ValidationError("on", msg("The day is in the future: the stock of a day is known once it has come"))
    path = Path(path)
    files.table_suffix(path)
    with db.read() as conn:
        currency = settings.load(conn).currency
        rows = _valuation_rows(conn, day, _Accounts(_load(conn)), currency)
    money_format = "#,##0" + ("." + "0" * digits(currency) if digits(currency) else "")
    return files.write_table(path, VALUATION_COLUMNS, [rows], total=len(rows), sheet="valuation",
                             widths=(9, 24, 48, 11, 14, 16, 10), number_formats={4: money_format, 5: money_format},
                             progress=progress, cancel=cancel)
