"""Closing a completed repair order into its workshop invoices, one per pay type, posted, in one
transaction with the status change: a refusal (a job without a pay type, a technician still clocked
on, parts still reserved, no permission to post) leaves everything as it was.

Each invoice carries the labour hours sold (quantity = hours, price = the hourly rate, so its amount is
the line's), the parts issued less returned (naming the part and the cost they left stock at) and the
sublet and consumable lines. The parts left stock when they were issued: a workshop invoice does not
move them again (:data:`services.parts.selling.STOCK_KINDS`), and the journal takes their cost from
those issue movements. A line's share of a service package's variance is its own discount
(services/workshop/menus.py); the journal debits it to ``menu_variance``.

Insurance work with an excess is split in two: the insurer's invoice (the repair order's insurer,
else the insurance rate's account) carries the insurance lines less the customer's excess as the
invoice's discount, and the customer gets an invoice for the excess (pay type ``excess``); the two
totals add up to what the insurance jobs come to. The excess is in the same terms as unit prices:
with prices that include tax (the default) the split is exact to the minor unit; with prices before
tax each invoice adds its own tax, rounded per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from core.errors import ValidationError
from core.messages import msg
from core.money import format_money
from core.status_words import status_word
from models.parts import Part
from models.workshop import (
    PAY_TYPES,
    RepairExtraLine,
    RepairJob,
    RepairLabourLine,
    RepairOrder,
    RepairOrderInvoice,
    RepairPartLine,
)
from services import settings
from services.billing import invoices
from services.billing.invoices import DraftInput, LineInput
from services.billing.totals import gross_amount
from services.permissions import require
from services.workshop import catalogue
from services.workshop.orders import check_finished, repair_order
from services.workshop.rules import hours_text, hours_to_quantity, part_charge
from store.uow import UnitOfWork, action

PAY_TYPE_NOTES = {"customer": "Customer work", "warranty": "Warranty work", "internal": "Internal work",
                  "insurance": "Insurance work", "excess": "Insurance excess"}
EXCESS = "excess"  # the pay type the customer's share of insurance work is recorded under


@dataclass(frozen=True)
class InvoiceMade:
    pay_type: str
    invoice_id: str
    number: str
    total: int


def invoice_lines(session, ro: RepairOrder) -> dict[str, list[LineInput]]:
    """The invoice lines of each pay type of a repair order (pay types without a line left out).
    Refuses a job without a pay type, naming it."""
    jobs = list(session.execute(select(RepairJob).where(RepairJob.repair_order_id == ro.id)
                                .order_by(RepairJob.job_no)).scalars())
    if not jobs:
        raise ValidationError("jobs", msg("Repair order {number} has no jobs to invoice", number=ro.number))
    for job in jobs:
        if not job.pay_type:
            raise ValidationError(f"jobs[{job.job_no}].pay_type",
                                  msg("Job {job_no} ({description}) has no pay type; choose {pay_types} or "
                                      "{last_pay_type} before invoicing",
                                      job_no=job.job_no, description=job.description,
                                      pay_types=', '.join(PAY_TYPES[:-1]), last_pay_type=PAY_TYPES[-1]))
    out: dict[str, list[LineInput]] = {}
    for job in jobs:
        lines = out.setdefault(job.pay_type, [])
        for r in session.execute(select(RepairLabourLine).where(RepairLabourLine.job_id == job.id)
                                 .order_by(RepairLabourLine.line_no)).scalars():
            if r.hours == 0:
                continue
            lines.append(LineInput(description=f"{r.description} ({hours_text(r.hours)} h)",
                                   quantity_milli=hours_to_quantity(r.hours), unit_price=r.hourly_rate,
                                   item_type="labour", item_code=r.operation_code,
                                   discount=min(r.menu_discount, r.amount)))
        for r in session.execute(select(RepairPartLine, Part.part_number).join(Part, Part.id == RepairPartLine.part_id)
                                 .where(RepairPartLine.job_id == job.id).order_by(RepairPartLine.line_no)):
            line, number = r
            used, _gross, discount = part_charge(quantity=line.quantity, issued=line.issued, returned=line.returned,
                                                 unit_price=line.unit_price, menu_discount=line.menu_discount,
                                                 work_done=True)
            if used <= 0:
                continue
            lines.append(LineInput(description=line.description or number, quantity_milli=used,
                                   unit_price=line.unit_price, item_type="part", item_code=number,
                                   unit_cost=line.unit_cost, part_id=line.part_id, discount=discount))
        for r in session.execute(select(RepairExtraLine).where(RepairExtraLine.job_id == job.id)
                                 .order_by(RepairExtraLine.line_no)).scalars():
            lines.append(LineInput(description=r.description, quantity_milli=r.quantity, unit_price=r.unit_price,
                                   item_type="other", item_code=r.kind, unit_cost=r.unit_cost))
    empty = [p for p, lines in out.items() if not lines]
    for pay_type in empty:
        del out[pay_type]
    if not out:
        raise ValidationError("jobs", msg("Repair order {number} has nothing to invoice: no hours, parts or other "
                                          "lines", number=ro.number))
    return out


def close_into_invoices_in(uow: UnitOfWork, repair_order_id: str, *, on: date | None = None,
                           backdate_reason: str = "") -> list[InvoiceMade]:
    """Invoice a completed repair order: one posted workshop invoice per pay type (billed to that
    pay type's account where one is set, else the repair order's customer), each referencing the
    repair order, and the repair order becomes invoiced. All in the caller's transaction."""
    require(uow.actor, "workshop.invoice")
    session = uow.session
    ro = repair_order(session, repair_order_id)
    if ro.status != "completed":
        raise ValidationError("status", msg("Repair order {number} is {status}; only a completed repair order can be "
                                            "invoiced", number=ro.number, status=status_word(ro.status)))
    check_finished(session, ro, doing=msg("invoice"))
    by_pay_type = invoice_lines(session, ro)
    rates = catalogue.rates_of(session)
    made = []

    def post(pay_type: str, customer_id: str, lines: list[LineInput], *, discount: int = 0) -> None:
        invoice_id, number = invoices.save_and_post_in(uow, None, DraftInput(
            kind="workshop", customer_id=customer_id, vehicle_id=ro.vehicle_id, lines=lines, reference=ro.number,
            notes=f"{PAY_TYPE_NOTES[pay_type]}, repair order {ro.number}", discount=discount), on=on,
            backdate_reason=backdate_reason)
        session.add(RepairOrderInvoice(repair_order_id=ro.id, pay_type=pay_type, invoice_id=invoice_id))
        total = session.execute(select(invoices.Invoice.total).where(invoices.Invoice.id == invoice_id)).scalar_one()
        made.append(InvoiceMade(pay_type, invoice_id, number, total))

    excess = ro.insurance_excess or 0
    if excess and "insurance" not in by_pay_type:
        raise ValidationError("insurance_excess", msg("Repair order {number} has a customer's excess but no "
                                                      "insurance work", number=ro.number))
    for pay_type in PAY_TYPES:
        lines = by_pay_type.get(pay_type)
        if not lines:
            continue
        rate = rates.get(pay_type)
        customer_id = (rate.bill_to_customer_id if rate else None) or ro.customer_id
        if pay_type in ("warranty", "internal") and customer_id == ro.customer_id:
            # Never the car's owner: warranty work is the maker's to pay, internal work the dealership's.
            raise ValidationError("pay_type", {
                "warranty": msg("Repair order {number} has warranty work, and nobody is set to be invoiced for it: "
                                "choose the maker under Labour rates", number=ro.number),
                "internal": msg("Repair order {number} has internal work, and nobody is set to be invoiced for it: "
                                "choose the dealership's own account under Labour rates", number=ro.number),
            }[pay_type])
        if pay_type == "insurance":
            customer_id = ro.insurer_id or customer_id
            if excess:
                insured = sum(gross_amount(quantity_milli=line.quantity_milli, unit_price=line.unit_price)
                              - line.discount for line in lines)
                if customer_id == ro.customer_id:
                    raise ValidationError("insurer_id", msg("Choose the insurer of repair order {number} before "
                                                            "invoicing its excess", number=ro.number))
                if excess > insured:
                    raise ValidationError("insurance_excess", msg(
                        "The customer's excess is more than the insurance work comes to ({amount})",
                        amount=format_money(insured, settings.load(session).currency)))
            post(pay_type, customer_id, lines, discount=excess)
            if excess:
                claim = f" {ro.insurance_claim_ref}" if ro.insurance_claim_ref else ""
                post(EXCESS, ro.customer_id, [LineInput(
                    description=f"Excess of insurance claim{claim}, repair order {ro.number}", quantity_milli=1000,
                    unit_price=excess, item_type="labour", item_code=EXCESS)])
            continue
        post(pay_type, customer_id, lines)
    ro.status = "invoiced"
    ro.invoiced_on = on or date.today()
    session.flush()
    return made


close_into_invoices = action(close_into_invoices_in)
