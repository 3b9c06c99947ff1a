"""Invoices and credit notes: drafts, posting (numbering inside the posting transaction), credit notes.

A posted invoice is immutable: this service refuses any change, and triggers in the database refuse
it too. Corrections are credit notes, which always reference the invoice (and lines) they credit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import Conflict, NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, format_money
from core.quantities import check_quantity
from models.base import utcnow
from models.billing import INVOICE_KINDS, ITEM_TYPES, Allocation, Invoice, InvoiceLine
from models.crm import Customer
from models.vehicles import StockVehicle, Vehicle, VehicleDocument
from services import search, settings
from services.billing import dates, posting
from services.billing.totals import (
    credit_amounts,
    gross_amount,
    invoice_totals,
    line_amounts,
    line_cost,
    percent_of,
    shares,
)
from services.permissions import require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

DEFAULT_DUE_DAYS = 30
SALE_KINDS = tuple(k for k in INVOICE_KINDS if k != "credit_note")


@dataclass
class LineInput:
    description: str
    quantity_milli: int
    unit_price: int
    item_type: str = "other"
    item_code: str = ""
    discount: int = 0
    tax_code: str = ""  # empty: the dealership's default rate
    unit_cost: int = 0
    part_id: str | None = None  # a catalogue part: a counter sale takes it out of stock when posted
    # A stock vehicle (a deal's vehicle line, one car): posting sells it, a credit note taking the
    # line back returns it; the journal moves its cost through the vehicle inventory account.
    stock_vehicle_id: str | None = None
    discount_bp: int | None = None  # the discount typed as a percentage (it then replaces ``discount``)
    # False: an amount passed through at cost (a trade-in's negative equity), which takes no share of
    # the invoice's discount.
    shares_discount: bool = True


@dataclass
class DraftInput:
    kind: str
    customer_id: str
    lines: list[LineInput] = field(default_factory=list)
    vehicle_id: str | None = None
    reference: str = ""
    notes: str = ""
    due_days: int = DEFAULT_DUE_DAYS
    mileage_km: int | None = None  # the vehicle's odometer reading on this invoice
    discount: int = 0  # on the whole invoice, shared over the lines (services/billing/totals.py)
    discount_bp: int | None = None  # the whole-invoice discount typed as a percentage


@dataclass(frozen=True)
class LineView:
    id: str
    line_no: int
    item_type: str
    item_code: str
    description: str
    quantity_milli: int
    unit_price: int
    discount: int
    tax_code: str
    tax_rate_bp: int
    unit_cost: int
    net: int
    tax: int
    total: int
    credited_line_id: str | None
    credited_quantity_milli: int  # how much of this line credit notes have already taken back
    part_id: str | None = None
    discount_bp: int | None = None  # the line's own discount as typed in percent
    invoice_discount: int = 0  # the line's share of the invoice's discount (included in ``discount``)
    credited_total: int = 0  # the amount (tax included) credit notes have taken back, quantity and price credits

    @property
    def left_to_credit(self) -> int:
        """What credit notes may still take back of this line (tax included)."""
        return self.total - self.credited_total


@dataclass(frozen=True)
class AllocationView:
    id: str
    amount: int
    allocated_on: date
    payment_id: str | None
    credit_note_id: str | None
    source_number: str  # the credit note's number, or the payment's method and date


@dataclass(frozen=True)
class InvoiceView:
    id: str
    number: str | None
    kind: str
    status: str
    customer_id: str
    customer_name: str
    vehicle_id: str | None
    credited_invoice_id: str | None
    credited_number: str | None
    reference: str
    notes: str
    currency: str
    prices_include_tax: bool
    issued_on: date | None
    due_on: date | None
    net_total: int
    tax_total: int
    total: int
    cost_total: int
    paid: int
    balance: int
    lines: list[LineView]
    allocations: list[AllocationView]
    credit_note_ids: list[str]
    snapshot: dict[str, str]
    print_count: int
    payment_terms_days: int = DEFAULT_DUE_DAYS
    mileage_km: int | None = None
    discount: int = 0
    discount_bp: int | None = None
    vehicle: VehicleOnInvoice | None = None


@dataclass(frozen=True)
class VehicleOnInvoice:
    id: str
    vin: str
    plate: str
    name: str  # make, model and variant
    # What a Chinese vehicle-sale invoice carries besides the VIN.
    make: str = ""
    model: str = ""
    engine_number: str = ""
    certificate_number: str = ""  # the certificate of conformity's (合格证) number


@dataclass(frozen=True)
class TaxChange:
    """A draft line whose tax rate is no longer the one in force: posting recomputes it at
    ``new_rate_bp`` (None: the code is unknown or inactive, and posting is refused)."""

    line_no: int
    description: str
    tax_code: str
    old_rate_bp: int
    new_rate_bp: int | None


# --- helpers --------------------------------------------------------------------------------------

def _tax_rates(session: Session) -> tuple[dict[str, int], str]:
    from models.admin import TaxRate

    rows = session.execute(select(TaxRate.code, TaxRate.rate_bp, TaxRate.is_default, TaxRate.active)).all()
    rates = {r.code: r.rate_bp for r in rows if r.active}
    default = next((r.code for r in rows if r.is_default and r.active), next(iter(rates), ""))
    return rates, default


def _clean_lines(session: Session, lines: list[LineInput], *, allow_negative: bool = False) -> list[LineInput]:
    from models.parts import Part

    rates, default = _tax_rates(session)
    named = {line.part_id for line in lines if line.part_id is not None}
    known = set(session.execute(select(Part.id).where(Part.id.in_(named))).scalars()) if named else set()
    named = {line.stock_vehicle_id for line in lines if line.stock_vehicle_id is not None}
    cars = set(session.execute(select(StockVehicle.id).where(StockVehicle.id.in_(named))).scalars()) if named else set()
    out = []
    for i, line in enumerate(lines, start=1):
        where = f"lines[{i}]"
        if not line.description.strip():
            raise ValidationError(f"{where}.description", msg("A line needs a description"))
        if line.item_type not in ITEM_TYPES:
            raise ValidationError(f"{where}.item_type", msg("Item type must be one of {items}",
                                                            items=', '.join(ITEM_TYPES)))
        check_quantity(f"{where}.quantity", line.quantity_milli)
        for name in ("unit_price", "discount", "unit_cost"):
            check_amount(f"{where}.{name}", getattr(line, name))
        if line.quantity_milli == 0 or (line.quantity_milli < 0 and not allow_negative):
            raise ValidationError(f"{where}.quantity", msg("The quantity must be more than zero; take goods back "
                                                           "with a credit note"))
        if line.unit_price < 0:
            raise ValidationError(f"{where}.unit_price", msg("The unit price cannot be negative"))
        if line.unit_cost < 0:
            raise ValidationError(f"{where}.unit_cost", msg("The unit cost cannot be negative"))
        gross = gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price)
        discount = line.discount
        if line.discount_bp is not None:
            if isinstance(line.discount_bp, bool) or not isinstance(line.discount_bp, int) \
                    or not 0 <= line.discount_bp <= 10000:
                raise ValidationError(f"{where}.discount", msg("A discount in percent is between 0 % and 100 %"))
            discount = percent_of(gross, line.discount_bp)
        if discount < 0 or discount > gross:
            raise ValidationError(f"{where}.discount", msg("The discount must be between zero and the line amount"))
        code = line.tax_code.strip().upper() or default
        if code not in rates:
            raise ValidationError(f"{where}.tax_code", msg("Unknown or inactive tax code '{tax_code}'",
                                                           tax_code=line.tax_code))
        if line.part_id is not None:
            if line.part_id not in known:
                raise ValidationError(f"{where}.part", msg("The part is not in the catalogue"))
            if line.item_type != "part":
                raise ValidationError(f"{where}.item_type", msg("A line that names a part has item type 'part'"))
        if line.stock_vehicle_id is not None:
            if line.stock_vehicle_id not in cars:
                raise ValidationError(f"{where}.vehicle", msg("The stock vehicle is not known"))
            if line.item_type != "vehicle" or line.quantity_milli != 1000:
                raise ValidationError(f"{where}.item_type", msg("A line that sells a stock vehicle is one vehicle"))
        out.append(LineInput(description=" ".join(line.description.split()), quantity_milli=line.quantity_milli,
                             unit_price=line.unit_price, item_type=line.item_type,
                             item_code=line.item_code.strip(), discount=discount, tax_code=code,
                             unit_cost=line.unit_cost, part_id=line.part_id, stock_vehicle_id=line.stock_vehicle_id,
                             discount_bp=line.discount_bp,
                             shares_discount=line.shares_discount))
    return out


def _invoice_discount(lines: list[LineInput], draft: DraftInput) -> tuple[int, list[int]]:
    """The whole-invoice discount of ``draft`` over its cleaned ``lines``, and each line's share
    (services/billing/totals.py; a line that does not ``shares_discount`` takes none); a
    ValidationError names ``discount``."""
    after_own = [gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price) - line.discount
                 if line.shares_discount else 0 for line in lines]
    base = sum(after_own)
    if draft.discount_bp is not None:
        if isinstance(draft.discount_bp, bool) or not isinstance(draft.discount_bp, int) \
                or not 0 <= draft.discount_bp <= 10000:
            raise ValidationError("discount", msg("A discount in percent is between 0 % and 100 %"))
        amount = percent_of(base, draft.discount_bp)
    else:
        amount = check_amount("discount", draft.discount)
    if amount < 0 or amount > base:
        raise ValidationError("discount", msg("The invoice discount must be between zero and the lines' amount "
                                              "after their own discounts"))
    return amount, shares(amount, after_own)


def _write_lines(session: Session, invoice: Invoice, lines: list[LineInput], actor: Actor,
                 invoice_shares: list[int] | None = None) -> None:
    rates, _default = _tax_rates(session)
    invoice_shares = invoice_shares or [0] * len(lines)
    for old in session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).scalars():
        session.delete(old)
    session.flush()
    written = []
    for no, (line, share) in enumerate(zip(lines, invoice_shares, strict=True), start=1):
        rate = rates[line.tax_code]
        discount = line.discount + share
        amounts = line_amounts(quantity_milli=line.quantity_milli, unit_price=line.unit_price,
                               discount=discount, rate_bp=rate, prices_include_tax=invoice.prices_include_tax)
        session.add(InvoiceLine(
            invoice_id=invoice.id, line_no=no, item_type=line.item_type, item_code=line.item_code,
            description=line.description, quantity_milli=line.quantity_milli, unit_price=line.unit_price,
            discount=discount, tax_code=line.tax_code, tax_rate_bp=rate, unit_cost=line.unit_cost,
            net=amounts.net, tax=amounts.tax, total=amounts.total, part_id=line.part_id,
            stock_vehicle_id=line.stock_vehicle_id,
            discount_bp=line.discount_bp, invoice_discount=share))
        written.append((amounts.net, amounts.tax, amounts.total,
                        line_cost(quantity_milli=line.quantity_milli, unit_cost=line.unit_cost)))
    totals = invoice_totals(written)
    invoice.net_total, invoice.tax_total, invoice.total, invoice.cost_total = (
        totals.net, totals.tax, totals.total, totals.cost)


def _rate_changes(lines: list[InvoiceLine], rows: dict[str, tuple[int, bool]]) -> list[TaxChange]:
    """Lines whose stored rate differs from ``rows`` (code → (rate, active)), in line order."""
    out = []
    for line in sorted(lines, key=lambda r: r.line_no):
        found = rows.get(line.tax_code)
        rate = found[0] if found and found[1] else None
        if rate != line.tax_rate_bp:
            out.append(TaxChange(line.line_no, line.description, line.tax_code, line.tax_rate_bp, rate))
    return out


def _rates_in_force(conn_or_session) -> dict[str, tuple[int, bool]]:
    from models.admin import TaxRate

    return {r.code: (r.rate_bp, r.active) for r in conn_or_session.execute(
        select(TaxRate.code, TaxRate.rate_bp, TaxRate.active))}


def _retax(uow: UnitOfWork, invoice: Invoice) -> list[TaxChange]:
    """Recompute a draft's lines at the tax rates in force now, inside the posting transaction, and
    record what changed in the audit trail. An unknown or inactive code refuses, naming the line."""
    session = uow.session
    lines = list(session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).scalars())
    changes = _rate_changes(lines, _rates_in_force(session))
    for change in changes:
        if change.new_rate_bp is None:
            raise ValidationError(f"lines[{change.line_no}].tax_code",
                                  msg("Line {line_no} ({description}) uses tax code '{tax_code}', which is no longer "
                                      "in force; choose another code and save the draft again",
                                      line_no=change.line_no, description=change.description,
                                      tax_code=change.tax_code))
    if not changes:
        return []
    by_no = {c.line_no: c for c in changes}
    before = {"net_total": invoice.net_total, "tax_total": invoice.tax_total, "total": invoice.total}
    written = []
    for line in lines:
        if line.line_no in by_no:
            rate = by_no[line.line_no].new_rate_bp
            amounts = line_amounts(quantity_milli=line.quantity_milli, unit_price=line.unit_price,
                                   discount=line.discount, rate_bp=rate, prices_include_tax=invoice.prices_include_tax)
            line.tax_rate_bp, line.net, line.tax, line.total = rate, amounts.net, amounts.tax, amounts.total
        written.append((line.net, line.tax, line.total,
                        line_cost(quantity_milli=line.quantity_milli, unit_cost=line.unit_cost)))
    totals = invoice_totals(written)
    invoice.net_total, invoice.tax_total, invoice.total, invoice.cost_total = (
        totals.net, totals.tax, totals.total, totals.cost)
    after = {"net_total": invoice.net_total, "tax_total": invoice.tax_total, "total": invoice.total}
    detail = "; ".join(f"line {c.line_no} {c.tax_code} {c.old_rate_bp / 100:g} % → {c.new_rate_bp / 100:g} %"
                       for c in changes)
    uow.audit([Change("retax", "invoice", invoice.id, before, after,
                      summary=msg("Tax recomputed at posting with the rates in force: {detail}", detail=detail))])
    return changes


def tax_changes(db: Database, actor: Actor, invoice_id: str) -> list[TaxChange]:
    """What posting the draft now would change: the lines whose tax rate is no longer the one in
    force (a ``new_rate_bp`` of None refuses the posting). Empty for a posted invoice. Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        status = conn.execute(select(Invoice.status).where(Invoice.id == invoice_id)).scalar()
        if status is None:
            raise NotFound(msg("The invoice no longer exists"))
        if status != "draft":
            return []
        lines = list(conn.execute(select(InvoiceLine.line_no, InvoiceLine.description, InvoiceLine.tax_code,
                                         InvoiceLine.tax_rate_bp).where(InvoiceLine.invoice_id == invoice_id)))
        return _rate_changes(lines, _rates_in_force(conn))


def _check_header(session: Session, draft: DraftInput) -> None:
    if draft.kind not in SALE_KINDS:
        raise ValidationError("kind", msg("Invoice type must be one of {items}", items=', '.join(SALE_KINDS)))
    if not draft.customer_id or session.get(Customer, draft.customer_id) is None:
        raise ValidationError("customer_id", msg("Choose the customer to invoice"))
    if draft.vehicle_id and session.get(Vehicle, draft.vehicle_id) is None:
        raise ValidationError("vehicle_id", msg("The vehicle is not known"))
    if isinstance(draft.due_days, bool) or not isinstance(draft.due_days, int) or not 0 <= draft.due_days <= 365:
        raise ValidationError("due_days", msg("Payment terms are 0 to 365 days"))
    if draft.mileage_km is not None:
        if isinstance(draft.mileage_km, bool) or not isinstance(draft.mileage_km, int) \
                or not 0 <= draft.mileage_km <= 9_999_999:
            raise ValidationError("mileage_km", msg("The mileage is a whole number of km from 0 to 9,999,999"))
        if not draft.vehicle_id:
            raise ValidationError("mileage_km", msg("A mileage needs the vehicle it was read on"))


def _draft(session: Session, invoice_id: str) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(msg("The invoice no longer exists"))
    if invoice.status != "draft":
        raise ValidationError("status", msg("Invoice {number} is posted and cannot be changed; issue a credit note "
                                            "to correct it", number=invoice.number))
    return invoice


# --- drafts ---------------------------------------------------------------------------------------

def create_draft_in(uow: UnitOfWork, draft: DraftInput) -> str:
    actor, session = uow.actor, uow.session
    require(actor, "invoice.edit")
    _check_header(session, draft)
    lines = _clean_lines(session, draft.lines)
    discount, invoice_shares = _invoice_discount(lines, draft)
    dealer = settings.load(session)
    invoice = Invoice(kind=draft.kind, status="draft", customer_id=draft.customer_id,
                      vehicle_id=draft.vehicle_id or None, reference=draft.reference.strip(),
                      notes=draft.notes.strip(), currency=dealer.currency,
                      prices_include_tax=dealer.prices_include_tax, terminal_code=actor.terminal,
                      payment_terms_days=draft.due_days, mileage_km=draft.mileage_km, discount=discount,
                      discount_bp=draft.discount_bp)
    session.add(invoice)
    session.flush()
    _write_lines(session, invoice, lines, actor, invoice_shares)
    return invoice.id


create_draft = action(create_draft_in)


def update_draft_in(uow: UnitOfWork, invoice_id: str, draft: DraftInput) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "invoice.edit")
    invoice = _draft(session, invoice_id)
    _check_header(session, draft)
    lines = _clean_lines(session, draft.lines)
    discount, invoice_shares = _invoice_discount(lines, draft)
    invoice.kind, invoice.customer_id, invoice.vehicle_id = draft.kind, draft.customer_id, draft.vehicle_id or None
    invoice.reference, invoice.notes = draft.reference.strip(), draft.notes.strip()
    invoice.payment_terms_days = draft.due_days
    invoice.mileage_km, invoice.discount, invoice.discount_bp = draft.mileage_km, discount, draft.discount_bp
    _write_lines(session, invoice, lines, actor, invoice_shares)


update_draft = action(update_draft_in)


def save_draft_in(uow: UnitOfWork, invoice_id: str | None, draft: DraftInput) -> str:
    """Create the draft (``invoice_id`` None) or change it; returns its id."""
    if invoice_id:
        update_draft_in(uow, invoice_id, draft)
        return invoice_id
    return create_draft_in(uow, draft)


save_draft = action(save_draft_in)


def delete_draft_in(uow: UnitOfWork, invoice_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "invoice.edit")
    invoice = _draft(session, invoice_id)
    for line in session.execute(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice_id)).scalars():
        session.delete(line)
    session.flush()
    session.delete(invoice)


delete_draft = action(delete_draft_in)


# --- posting --------------------------------------------------------------------------------------

def _snapshot(session: Session, invoice: Invoice) -> None:
    customer = session.get(Customer, invoice.customer_id)
    dealer = settings.load(session)
    invoice.customer_name = customer.name
    invoice.customer_address = " ".join(x for x in (customer.address, customer.city, customer.postcode) if x)
    invoice.customer_phone = customer.phone
    invoice.customer_tax_id = customer.company_reg or customer.id_number
    invoice.dealer_name = dealer.name
    invoice.dealer_address = dealer.address
    invoice.dealer_phone = dealer.phone
    invoice.dealer_tax_id = dealer.tax_id


def _dated(uow: UnitOfWork, document: Invoice, on: date | None, backdate_reason: str) -> date:
    """The posting date of ``document``: not in the future and not before the last posted document
    of its series unless ``backdate_reason`` says why, which the audit trail then records."""
    issued = dates.not_future(on or date.today(), "on", "A document")
    credit_note = document.kind == "credit_note"
    last = dates.check_series_order(uow.session, credit_note=credit_note,
                                    terminal=settings.terminal_code(uow.session), on=issued,
                                    backdate_reason=backdate_reason)
    if last is not None:
        uow.audit([Change("backdate", "invoice", document.id, {"last_in_series": last},
                          {"issued_on": issued, "reason": backdate_reason.strip()},
                          summary=msg("Posted on {day}, before the series' last document of {last}: {reason}",
                                      day=issued.isoformat(), last=last.isoformat(), reason=backdate_reason.strip()))])
    return issued


def post_in(uow: UnitOfWork, invoice_id: str, *, on: date | None = None, backdate_reason: str = "") -> str:
    """Post a draft: it gets the next number of this terminal's series and becomes immutable.
    The date ``on`` (default today) is not in the future and not before the series' last posted
    document unless ``backdate_reason`` says why (audited). Lines are taxed at the rates in force
    when posted (see :func:`tax_changes`; a change is audited as ``retax``). Returns the number."""
    actor, session = uow.actor, uow.session
    require(actor, "invoice.post")
    invoice = _draft(session, invoice_id)
    count = session.execute(select(func.count()).select_from(InvoiceLine)
                            .where(InvoiceLine.invoice_id == invoice_id)).scalar_one()
    if count == 0:
        raise ValidationError("lines", msg("An invoice needs at least one line"))
    issued = _dated(uow, invoice, on, backdate_reason)
    _retax(uow, invoice)
    _snapshot(session, invoice)
    invoice.number = settings.next_number(session, "invoice", on=issued)
    posting.run_post(posting.PostingContext(uow, invoice, issued))
    terminal = settings.terminal_code(session)
    invoice.issued_on = issued
    invoice.due_on = issued + timedelta(days=invoice.payment_terms_days)
    invoice.terminal_code = terminal
    invoice.posted_at = utcnow()
    invoice.posted_by = actor.username
    # Last, and flushed with everything else: once the row says posted, the database refuses changes.
    invoice.status = "posted"
    session.flush()
    search.index(session.connection(), "invoice", [invoice.id])
    return invoice.number


post = action(post_in)


def save_and_post_in(uow: UnitOfWork, invoice_id: str | None, draft: DraftInput, *,
                     on: date | None = None, backdate_reason: str = "") -> tuple[str, str]:
    """Save the draft and post it in one transaction: a refusal (no stock, no permission, a bad
    line) leaves nothing behind, not even the draft. Returns ``(id, number)``."""
    invoice_id = save_draft_in(uow, invoice_id, draft)
    return invoice_id, post_in(uow, invoice_id, on=on, backdate_reason=backdate_reason)


save_and_post = action(save_and_post_in)


@dataclass(frozen=True)
class PostCheck:
    """What posting a draft would give, found by posting it and rolling back: its totals, the tax
    rate of each line in line order (the rates in force on the posting date) and, for a back-dated
    posting, the date of the series' last document it goes before."""

    on: date
    net_total: int
    tax_total: int
    total: int
    line_rates: tuple[int, ...]
    backdated_before: date | None = None


def check_post(db: Database, actor: Actor, invoice_id: str | None, draft: DraftInput, *,
               on: date | None = None, backdate_reason: str = "") -> PostCheck:
    """Everything :func:`save_and_post` would check — the lines, the permissions, the stock the
    parts need, the posting date (``backdate_reason`` as it would be passed) — without keeping
    anything: the work is done in a unit of work that is rolled back. Raises what posting would
    raise (:class:`dates.BackdateNeedsReason` for a back-dated posting without a reason). For asking
    "post?" only about a draft that can be posted, saying what posting changes. Any thread."""
    with UnitOfWork(db, actor) as uow:
        issued = on or date.today()
        posted_id, _number = save_and_post_in(uow, invoice_id, draft, on=issued, backdate_reason=backdate_reason)
        session = uow.session
        invoice = session.get(Invoice, posted_id)
        rates = tuple(session.execute(select(InvoiceLine.tax_rate_bp).where(InvoiceLine.invoice_id == posted_id)
                                      .order_by(InvoiceLine.line_no)).scalars())
        # The invoice itself is now the series' last: look at the ones before it.
        earlier = session.execute(select(func.max(Invoice.issued_on)).where(
            Invoice.status == "posted", Invoice.kind != "credit_note", Invoice.id != posted_id,
            Invoice.terminal_code == invoice.terminal_code, Invoice.issued_on >= date(issued.year, 1, 1),
            Invoice.issued_on <= date(issued.year, 12, 31))).scalar()
        return PostCheck(on=issued, net_total=invoice.net_total, tax_total=invoice.tax_total, total=invoice.total,
                         line_rates=rates, backdated_before=earlier if earlier and earlier > issued else None)


# --- credit notes ---------------------------------------------------------------------------------

def credited_quantities(session_or_conn, invoice_id: str) -> dict[str, int]:
    """Original line id → quantity already credited by posted credit notes."""
    rows = session_or_conn.execute(
        select(InvoiceLine.credited_line_id, func.sum(InvoiceLine.quantity_milli))
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.credited_invoice_id == invoice_id, Invoice.status == "posted",
               InvoiceLine.credited_line_id.is_not(None))
        .group_by(InvoiceLine.credited_line_id))
    return {line_id: int(qty) for line_id, qty in rows}


def balance(session_or_conn, invoice_id: str) -> int:
    """What is still owed on an invoice: its total less everything allocated to it."""
    total = session_or_conn.execute(select(Invoice.total).where(Invoice.id == invoice_id)).scalar_one()
    allocated = session_or_conn.execute(select(func.coalesce(func.sum(Allocation.amount), 0))
                                        .where(Allocation.invoice_id == invoice_id)).scalar_one()
    return total - allocated


def _price_credits(session_or_conn, invoice_id: str) -> dict[str, tuple[int, int, int]]:
    """Original line id → (net, tax, total) given back by posted price credits (lines of no quantity)."""
    rows = session_or_conn.execute(
        select(InvoiceLine.credited_line_id, func.sum(InvoiceLine.net), func.sum(InvoiceLine.tax),
               func.sum(InvoiceLine.total))
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.credited_invoice_id == invoice_id, Invoice.status == "posted",
               InvoiceLine.credited_line_id.is_not(None), InvoiceLine.quantity_milli == 0)
        .group_by(InvoiceLine.credited_line_id))
    return {line_id: (int(net), int(tax), int(total)) for line_id, net, tax, total in rows}


def credited_totals(session_or_conn, invoice_id: str) -> dict[str, int]:
    """Original line id → amount (tax included) already credited by posted credit notes, quantity
    and price credits alike."""
    rows = session_or_conn.execute(
        select(InvoiceLine.credited_line_id, func.sum(InvoiceLine.total))
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.credited_invoice_id == invoice_id, Invoice.status == "posted",
               InvoiceLine.credited_line_id.is_not(None))
        .group_by(InvoiceLine.credited_line_id))
    return {line_id: int(total) for line_id, total in rows}


def create_credit_note_in(uow: UnitOfWork, invoice_id: str, *,
                          lines: dict[str, int] | None = None, amounts: dict[str, int] | None = None,
                          reason: str = "", on: date | None = None, backdate_reason: str = "") -> str:
    """Credit an invoice in full (``lines`` and ``amounts`` both None), or the given quantities of
    its lines (``lines``: line id → quantity in thousandths: goods taken back, which return to
    stock at the cost they left at), and/or amounts of its lines (``amounts``: line id → amount in
    minor units, tax included: a price or goodwill credit, which takes no goods back, so it neither
    moves stock nor reverses cost). Nothing credited on a line exceeds what remains of it. The
    credit note is posted at once, settles what is still open on the invoice, and any rest is the
    customer's credit. It is dated ``on`` (default today), on or after the invoice, under the same
    date rules as an invoice's posting (``backdate_reason`` to date it before the series' last).
    Returns the credit note's id."""
    actor, session = uow.actor, uow.session
    require(actor, "invoice.credit")
    original = session.get(Invoice, invoice_id)
    if original is None:
        raise NotFound(msg("The invoice no longer exists"))
    if original.status != "posted":
        raise ValidationError("invoice", msg("Only a posted invoice can be credited; change or delete the draft"))
    if original.kind == "credit_note":
        raise ValidationError("invoice", msg("A credit note cannot itself be credited"))
    originals = {r.id: r for r in session.execute(
        select(InvoiceLine).where(InvoiceLine.invoice_id == invoice_id).order_by(InvoiceLine.line_no)).scalars()}
    already = credited_quantities(session, invoice_id)
    whole = lines is None and amounts is None
    wanted = lines if lines is not None else {
        line_id: r.quantity_milli - already.get(line_id, 0) for line_id, r in originals.items()} if whole else {}
    wanted = {k: v for k, v in wanted.items() if v != 0}
    priced = {k: v for k, v in (amounts or {}).items() if v != 0}
    if not wanted and not priced:
        raise ValidationError("lines", msg("Nothing is left to credit on invoice {number}", number=original.number))
    for line_id, amount in priced.items():
        line = originals.get(line_id)
        if line is None:
            raise ValidationError("amounts", msg("A credited line does not belong to this invoice"))
        check_amount(f"amounts[{line.line_no}]", amount, minimum=0)
    for line_id, qty in wanted.items():
        line = originals.get(line_id)
        if line is None:
            raise ValidationError("lines", msg("A credited line does not belong to this invoice"))
        remaining = line.quantity_milli - already.get(line_id, 0)
        check_quantity(f"lines[{line.line_no}].quantity", qty)
        if qty < 0:
            raise ValidationError(f"lines[{line.line_no}].quantity", msg("A credited quantity cannot be negative"))
        if qty > remaining:
            raise ValidationError(f"lines[{line.line_no}].quantity",
                                  msg("Only {quantity:g} of line {line_no} is left to credit",
                                      quantity=remaining / 1000, line_no=line.line_no))
        if line.stock_vehicle_id is not None and qty != remaining:
            raise ValidationError(f"lines[{line.line_no}].quantity",
                                  msg("A car is taken back whole: credit all of line {line_no}, or its price",
                                      line_no=line.line_no))
    issued = on or date.today()
    if original.issued_on is not None and issued < original.issued_on:
        raise ValidationError("on", msg("A credit note cannot be dated before the invoice it credits ({number} of "
                                        "{issued_on})",
                                        number=original.number, issued_on=original.issued_on.isoformat()))
    # Written as a draft and posted once its lines are in: posted lines are immutable.
    note = Invoice(kind="credit_note", status="draft", customer_id=original.customer_id,
                   vehicle_id=original.vehicle_id, credited_invoice_id=original.id,
                   reference=original.number or "", notes=reason.strip(), currency=original.currency,
                   prices_include_tax=original.prices_include_tax)
    session.add(note)
    session.flush()
    taken = []
    credited_before = credited_totals(session, invoice_id)
    this_note: dict[str, int] = {}
    no = 0
    priced_before = _price_credits(session, invoice_id)
    for line_id, qty in sorted(wanted.items(), key=lambda kv: originals[kv[0]].line_no):
        src = originals[line_id]
        c = credit_amounts(src, credited_before=already.get(line_id, 0), quantity_milli=qty,
                           prices_include_tax=original.prices_include_tax)
        if line_id in priced_before and already.get(line_id, 0) + qty == src.quantity_milli:
            # The last of the line taken back takes back what is left of it: its price credits
            # already gave the rest.
            net, tax, total = priced_before[line_id]
            if total > c.total:
                raise ValidationError(f"lines[{src.line_no}].quantity",
                                      msg("Line {line_no}'s price credits already gave back more than the rest "
                                          "of it is worth", line_no=src.line_no))
            c = replace(c, discount=c.discount + (total if original.prices_include_tax else net), net=c.net - net,
                        tax=c.tax - tax, total=c.total - total)
        no += 1
        session.add(InvoiceLine(
            invoice_id=note.id, line_no=no, item_type=src.item_type, item_code=src.item_code,
            description=src.description, quantity_milli=qty, unit_price=src.unit_price, discount=c.discount,
            tax_code=src.tax_code, tax_rate_bp=src.tax_rate_bp, unit_cost=src.unit_cost, net=c.net,
            tax=c.tax, total=c.total, credited_line_id=src.id, part_id=src.part_id,
            stock_vehicle_id=src.stock_vehicle_id))
        taken.append((c.net, c.tax, c.total, c.cost))
        this_note[line_id] = this_note.get(line_id, 0) + c.total
    for line_id, amount in sorted(priced.items(), key=lambda kv: originals[kv[0]].line_no):
        src = originals[line_id]
        # A price credit is a line of no quantity: it takes no goods back and costs nothing, so
        # the sale keeps its cost and the quantity left to take back is unchanged.
        a = line_amounts(quantity_milli=1000, unit_price=amount, discount=0, rate_bp=src.tax_rate_bp,
                         prices_include_tax=True)
        no += 1
        session.add(InvoiceLine(
            invoice_id=note.id, line_no=no, item_type=src.item_type, item_code=src.item_code,
            description=f"Price credit: {src.description}"[:300], quantity_milli=0, unit_price=0, discount=0,
            tax_code=src.tax_code, tax_rate_bp=src.tax_rate_bp, unit_cost=0, net=a.net, tax=a.tax,
            total=a.total, credited_line_id=src.id, part_id=src.part_id,
            stock_vehicle_id=src.stock_vehicle_id))
        taken.append((a.net, a.tax, a.total, 0))
        this_note[line_id] = this_note.get(line_id, 0) + a.total
    for line_id, amount in this_note.items():
        src = originals[line_id]
        left = src.total - credited_before.get(line_id, 0)
        if amount > left:
            raise ValidationError(f"lines[{src.line_no}]", msg("Only {left} of line {line_no} is left to credit",
                                                               left=format_money(left, original.currency),
                                                               line_no=src.line_no))
    totals = invoice_totals(taken)
    total = totals.total
    credited_total = session.execute(select(func.coalesce(func.sum(Invoice.total), 0)).where(
        Invoice.credited_invoice_id == original.id, Invoice.status == "posted", Invoice.id != note.id)
    ).scalar_one()
    if credited_total + total > original.total:
        raise ValidationError("lines", msg("The credit would exceed invoice {number}'s total", number=original.number))
    note.net_total, note.tax_total, note.total, note.cost_total = (
        totals.net, totals.tax, totals.total, totals.cost)
    issued = _dated(uow, note, issued, backdate_reason)
    _snapshot(session, note)
    note.number = settings.next_number(session, "credit_note", on=issued)
    posting.run_credit(posting.PostingContext(uow, note, issued, credited=original))
    note.issued_on = issued
    note.due_on = issued
    terminal = settings.terminal_code(session)
    note.terminal_code = terminal
    note.posted_at = utcnow()
    note.posted_by = actor.username
    note.status = "posted"
    session.flush()
    search.index(session.connection(), "invoice", [note.id])
    open_amount = balance(session, original.id)
    settle = min(open_amount, total)
    if settle > 0:
        session.add(Allocation(invoice_id=original.id, credit_note_id=note.id, amount=settle,
                               allocated_on=issued))
    return note.id


create_credit_note = action(create_credit_note_in)


# --- reading --------------------------------------------------------------------------------------

def get(db: Database, actor: Actor, invoice_id: str) -> InvoiceView:
    require(actor, "invoice.view")
    with db.read() as conn:
        inv = conn.execute(select(Invoice.__table__).where(Invoice.id == invoice_id)).mappings().first()
        if inv is None:
            raise NotFound(msg("The invoice no longer exists"))
        name = inv["customer_name"] or conn.execute(
            select(Customer.name).where(Customer.id == inv["customer_id"])).scalar() or ""
        credited = credited_quantities(conn, invoice_id)
        credited_amounts = credited_totals(conn, invoice_id)
        lines = [LineView(
            id=r.id, line_no=r.line_no, item_type=r.item_type, item_code=r.item_code, description=r.description,
            quantity_milli=r.quantity_milli, unit_price=r.unit_price, discount=r.discount, tax_code=r.tax_code,
            tax_rate_bp=r.tax_rate_bp, unit_cost=r.unit_cost, net=r.net, tax=r.tax, total=r.total,
            credited_line_id=r.credited_line_id, credited_quantity_milli=credited.get(r.id, 0), part_id=r.part_id,
            credited_total=credited_amounts.get(r.id, 0), discount_bp=r.discount_bp,
            invoice_discount=r.invoice_discount)
            for r in conn.execute(select(InvoiceLine.__table__).where(InvoiceLine.invoice_id == invoice_id)
                                  .order_by(InvoiceLine.line_no))]
        allocations = []
        for a in conn.execute(select(Allocation.__table__).where(Allocation.invoice_id == invoice_id)
                              .order_by(Allocation.allocated_on)).mappings():
            source = ""
            if a["credit_note_id"]:
                source = conn.execute(select(Invoice.number).where(Invoice.id == a["credit_note_id"])).scalar() or ""
            allocations.append(AllocationView(id=a["id"], amount=a["amount"], allocated_on=a["allocated_on"],
                                              payment_id=a["payment_id"], credit_note_id=a["credit_note_id"],
                                              source_number=source))
        notes = list(conn.execute(select(Invoice.id).where(Invoice.credited_invoice_id == invoice_id)
                                  .order_by(Invoice.created_at)).scalars())
        credited_number = None
        if inv["credited_invoice_id"]:
            credited_number = conn.execute(select(Invoice.number).where(
                Invoice.id == inv["credited_invoice_id"])).scalar()
        paid = sum(a.amount for a in allocations)
        vehicle = None
        if inv["vehicle_id"]:
            v = conn.execute(select(Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model, Vehicle.variant,
                                    Vehicle.engine_number).where(Vehicle.id == inv["vehicle_id"])).first()
            if v is not None:
                certificate = conn.execute(select(VehicleDocument.number).where(
                    VehicleDocument.vehicle_id == inv["vehicle_id"],
                    VehicleDocument.kind == "certificate_of_conformity")).scalar() or ""
                vehicle = VehicleOnInvoice(id=inv["vehicle_id"], vin=v.vin, plate=v.plate,
                                           name=" ".join(x for x in (v.make, v.model, v.variant) if x),
                                           make=v.make, model=v.model, engine_number=v.engine_number,
                                           certificate_number=certificate)
    snapshot = {k: inv[k] for k in ("customer_name", "customer_address", "customer_phone", "customer_tax_id",
                                    "dealer_name", "dealer_address", "dealer_phone", "dealer_tax_id")}
    return InvoiceView(
        id=inv["id"], number=inv["number"], kind=inv["kind"], status=inv["status"], customer_id=inv["customer_id"],
        customer_name=name, vehicle_id=inv["vehicle_id"], credited_invoice_id=inv["credited_invoice_id"],
        credited_number=credited_number, reference=inv["reference"], notes=inv["notes"], currency=inv["currency"],
        prices_include_tax=inv["prices_include_tax"], issued_on=inv["issued_on"], due_on=inv["due_on"],
        net_total=inv["net_total"], tax_total=inv["tax_total"], total=inv["total"],
        # The cost total is the gross profit's other half: only for those who may see margins.
        cost_total=inv["cost_total"] if actor.can("margin.view") else 0,
        paid=paid, balance=inv["total"] - paid if inv["status"] == "posted" else inv["total"], lines=lines,
        allocations=allocations, credit_note_ids=notes, snapshot=snapshot,
        print_count=inv["print_count"], payment_terms_days=inv["payment_terms_days"],
        mileage_km=inv["mileage_km"], discount=inv["discount"], discount_bp=inv["discount_bp"], vehicle=vehicle)


def assert_posted(session: Session, invoice_id: str) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(msg("The invoice no longer exists"))
    if invoice.status != "posted":
        raise Conflict(msg("The invoice is still a draft"))
    return invoice
