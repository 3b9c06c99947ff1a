"""Handing the car over: the delivery checklist and the checks that close a deal.

The checklist is the PDI (pre-delivery inspection, a workshop repair order of internal work on the
vehicle, done once its work is completed), the registration and the keys handed over (ticked here),
and the vehicle's documents received (the certificate of conformity and any other document recorded
for it). Delivery is refused, naming everything still open: an invoice not posted, a balance unpaid
without approved finance, the PDI not done, documents not received, a trade-in accepted on the deal
but not taken into stock (the car the customer hands in, its finance to settle), registration not
done, keys not handed over. Delivering moves the car out of stock, makes the customer its owner, hands its documents
over and wins the deal's lead — one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from core import clock
from core.actor import Actor
from core.errors import ValidationError
from core.messages import Message, joined, msg
from core.status_words import status_word
from models.admin import User
from models.crm import Customer
from models.sales import DELIVERY_ITEMS, Deal, DealDeliveryItem
from models.vehicles import StockVehicle, Vehicle, VehicleDocument
from models.workshop import RepairOrder
from services.billing.invoices import balance
from services.permissions import require
from services.sales import finance, leads
from services.sales.deals import deal_row, money
from services.vehicles import stock
from store.database import Database
from store.uow import UnitOfWork, action

CHECKLIST = ("invoice", "payment", "pdi", "documents", "trade_in", "registration", "keys")
PDI_DONE = ("completed", "invoiced", "closed")
DOCUMENT_WORDS = {"certificate_of_conformity": msg("certificate of conformity"),
                  "import_documents": msg("import documents"), "other": msg("other documents")}


@dataclass(frozen=True)
class CheckItem:
    key: str  # one of CHECKLIST
    done: bool
    detail: Message  # what is open, or how it was done


def _items(session_or_conn, deal: Deal) -> list[CheckItem]:
    out = []
    posted = None
    if deal.invoice_id:
        from models.billing import Invoice

        posted = session_or_conn.execute(select(Invoice.number, Invoice.status)
                                         .where(Invoice.id == deal.invoice_id)).first()
    if posted is not None and posted.status == "posted":
        out.append(CheckItem("invoice", True, msg("Invoice {number} posted", number=posted.number)))
        left = balance(session_or_conn, deal.invoice_id)
        # Finance approved but not paid out yet stands in for the balance only as far as it goes (a
        # loan paid out before the invoice was taken as a payment when it was posted).
        pending = finance.approved_finance(session_or_conn, deal.id, statuses=("approved",))
        if left <= 0:
            out.append(CheckItem("payment", True, msg("Paid in full")))
        elif pending >= left:
            out.append(CheckItem("payment", True, msg("{amount} open, covered by approved finance",
                                                      amount=money(session_or_conn, left))))
        elif pending:
            out.append(CheckItem("payment", False, msg("{amount} unpaid; the finance approved covers only {covered}",
                                                       amount=money(session_or_conn, left),
                                                       covered=money(session_or_conn, pending))))
        else:
            out.append(CheckItem("payment", False, msg("{amount} unpaid and no finance approved",
                                                       amount=money(session_or_conn, left))))
    else:
        out.append(CheckItem("invoice", False, msg("The invoice is not posted")))
        out.append(CheckItem("payment", False, msg("Nothing is paid until the invoice is posted")))
    ro = None
    if deal.pdi_repair_order_id:
        ro = session_or_conn.execute(select(RepairOrder.number, RepairOrder.status)
                                     .where(RepairOrder.id == deal.pdi_repair_order_id)).first()
    if ro is None:
        out.append(CheckItem("pdi", False, msg("PDI job not opened")))
    elif ro.status in PDI_DONE:
        out.append(CheckItem("pdi", True, msg("PDI job {number} {status}", number=ro.number,
                                              status=status_word(ro.status))))
    else:
        # "still open (open)" said nothing twice: a job just opened is "not started yet".
        out.append(CheckItem("pdi", False, msg("PDI job {number} still open (not started yet)", number=ro.number)
                             if ro.status == "open" else msg("PDI job {number} still open ({status})",
                                                             number=ro.number, status=status_word(ro.status))))
    vehicle_id = _vehicle_id(session_or_conn, deal)
    docs = session_or_conn.execute(select(VehicleDocument.kind, VehicleDocument.number, VehicleDocument.received_on)
                                   .where(VehicleDocument.vehicle_id == vehicle_id,
                                          VehicleDocument.kind.not_in(("keys", "registration")))).all() \
        if vehicle_id else []
    missing = [d.kind for d in docs if d.received_on is None]
    if not any(d.kind == "certificate_of_conformity" and d.received_on for d in docs):
        missing.insert(0, "certificate_of_conformity")
    if missing:
        kinds = list(dict.fromkeys(missing))
        words = joined([DOCUMENT_WORDS.get(k, Message(k)) for k in kinds], separator=",")
        out.append(CheckItem("documents", False, msg("Documents not received: {kinds}", kinds=words)))
    else:
        out.append(CheckItem("documents", True, msg("All received")))
    out.append(_trade_in_item(session_or_conn, deal))
    # Who ticked an item, by the name people call them (their login only when they have none).
    who = func.coalesce(func.nullif(User.display_name, ""), DealDeliveryItem.done_by).label("who")
    ticked = {r.item: r for r in session_or_conn.execute(
        select(DealDeliveryItem.item, DealDeliveryItem.done_on, who)
        .outerjoin(User, User.username == DealDeliveryItem.done_by)
        .where(DealDeliveryItem.deal_id == deal.id))}
    for item in DELIVERY_ITEMS:
        row = ticked.get(item)
        if row is None:
            out.append(CheckItem(item, False, msg("Registration not done") if item == "registration"
                                    else msg("Keys not handed over")))
        else:
            out.append(CheckItem(item, True, msg("{day} by {user}", day=row.done_on.isoformat(), user=row.who)))
    return out


def _trade_in_item(session_or_conn, deal: Deal) -> CheckItem:
    """The deal's trade-ins: each one accepted must be taken into stock before the car goes out."""
    from models.sales import TradeIn

    rows = session_or_conn.execute(
        select(TradeIn.status, func.coalesce(func.nullif(Vehicle.plate, ""), Vehicle.vin).label("car"))
        .join(Vehicle, Vehicle.id == TradeIn.vehicle_id)
        .where(TradeIn.deal_id == deal.id, TradeIn.status.in_(("accepted", "taken_in")))
        .order_by(TradeIn.id)).all()
    if not rows:
        return CheckItem("trade_in", True, msg("No trade-in on this deal"))
    waiting = [r.car for r in rows if r.status == "accepted"]
    if waiting:
        return CheckItem("trade_in", False, msg("Trade-in not taken into stock: {cars}",
                                                cars=joined(waiting, separator=",")))
    return CheckItem("trade_in", True, msg("Taken into stock"))


def _vehicle_id(session_or_conn, deal: Deal) -> str | None:
    if not deal.stock_vehicle_id:
        return None
    return session_or_conn.execute(select(StockVehicle.vehicle_id)
                                   .where(StockVehicle.id == deal.stock_vehicle_id)).scalar()


def checklist(db: Database, actor: Actor, deal_id: str) -> list[CheckItem]:
    """The deal's delivery checklist, in order. Any thread."""
    require(actor, "deal.view")
    with db.read() as conn:
        deal = conn.execute(select(Deal.__table__).where(Deal.id == deal_id)).first()
        if deal is None:
            from core.errors import NotFound

            raise NotFound(msg("The deal no longer exists"))
        return _items(conn, deal)


def tick_in(uow: UnitOfWork, deal_id: str, item: str, done: bool, *, note: str = "", on: date | None = None) -> None:
    """Tick (or untick) a checklist item done by hand: ``registration`` or ``keys``."""
    require(uow.actor, "deal.edit")
    if item not in DELIVERY_ITEMS:
        raise ValidationError("item", msg("Only the registration and the keys are ticked by hand"))
    session = uow.session
    deal = deal_row(session, deal_id)
    if deal.status in ("delivered", "cancelled"):
        raise ValidationError("status", msg("Deal {number} is {status}", number=deal.number,
                                            status=status_word(deal.status)))
    row = session.execute(select(DealDeliveryItem).where(DealDeliveryItem.deal_id == deal.id,
                                                         DealDeliveryItem.item == item)).scalar_one_or_none()
    if done and row is None:
        session.add(DealDeliveryItem(deal_id=deal.id, item=item, done_on=on or clock.today(),
                                     done_by=uow.actor.username, note=note.strip()[:300]))
    elif not done and row is not None:
        session.delete(row)
    session.flush()


tick = action(tick_in)


def open_pdi_in(uow: UnitOfWork, deal_id: str) -> str:
    """Open the PDI: a workshop repair order of internal work on the deal's vehicle. Returns its id."""
    from services.workshop import orders

    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id)
    if deal.pdi_repair_order_id:
        raise ValidationError("pdi", msg("Deal {number} has its PDI job already", number=deal.number))
    vehicle_id = _vehicle_id(session, deal)
    if vehicle_id is None:
        raise ValidationError("stock_vehicle_id", msg("Choose the vehicle before its PDI"))
    vehicle = session.get(Vehicle, vehicle_id)
    ro_id, _number = orders.open_order_in(uow, orders.RepairOrderInput(
        customer_id=deal.customer_id, vehicle_id=vehicle_id, mileage_in=vehicle.odometer_km or 0,
        concerns=msg("PDI for deal {number}", number=deal.number)))
    orders.add_job_in(uow, ro_id, orders.JobInput(description=msg("Pre-delivery inspection (PDI)"),
                                                  pay_type="internal"))
    deal.pdi_repair_order_id = ro_id
    session.flush()
    return ro_id


open_pdi = action(open_pdi_in)


def deliver_in(uow: UnitOfWork, deal_id: str, *, on: date | None = None) -> None:
    """Hand the car over. Refused while anything on the checklist is open, naming each."""
    require(uow.actor, "deal.edit")
    session = uow.session
    deal = deal_row(session, deal_id)
    if deal.status != "invoiced":
        if deal.status == "ordered":
            raise ValidationError("status", msg("Deal {number} cannot be delivered: the invoice is not posted",
                                                number=deal.number))
        raise ValidationError("status", msg("Deal {number} is {status} and cannot be delivered",
                                            number=deal.number, status=status_word(deal.status)))
    open_items = [item.detail for item in _items(session, deal) if not item.done]
    if open_items:
        raise ValidationError("checklist", msg("Deal {number} cannot be delivered yet: {open}",
                                               number=deal.number, open=joined(open_items)))
    day = on or clock.today()
    stock.deliver_in(uow, deal.stock_vehicle_id, deal.id, on=day)
    vehicle = session.get(Vehicle, _vehicle_id(session, deal))
    vehicle.owner_id = deal.customer_id
    customer = session.get(Customer, deal.customer_id)
    for doc in session.execute(select(VehicleDocument).where(VehicleDocument.vehicle_id == vehicle.id,
                                                             VehicleDocument.handed_over_on.is_(None),
                                                             VehicleDocument.received_on.is_not(None))).scalars():
        doc.handed_over_on, doc.handed_to = day, customer.name[:120]
    if deal.lead_id:
        leads.won_in(uow, deal.lead_id, deal.id)
    deal.status, deal.delivered_on = "delivered", day
    session.flush()


deliver = action(deliver_in)
