"""Reception (接待): the check-in of a car — mileage, fuel, the customer's concerns in their own
words, the walk-around's damage notes, promised time and price estimate — which opens its repair
order, and what the dealership already knows about the car when it arrives: open campaigns and
recalls for its VIN, work the customer declined last time, and whether it is a comeback (back
within the dealership's comeback period of its last repair order).

A mileage below the car's last recorded one is the repair order's own check
(:func:`services.workshop.orders.open_order_in`): refused unless confirmed with a reason, audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import check_amount, format_money, round_half_up
from models.crm import Customer
from models.reception import DamageNote
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services import settings
from services.permissions import require
from services.workshop import campaigns, estimates, history, orders
from services.workshop.campaigns import OpenCampaign
from services.workshop.estimates import DeclinedWork
from services.workshop.lookup import VehicleMatch, find_vehicles  # noqa: F401 (reception's own words)
from services.workshop.orders import RepairOrderInput
from store.database import Database
from store.uow import UnitOfWork, action

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

FUEL_EIGHTHS = 8  # the fuel level is noted in eighths of a tank, as the gauge shows it
CHECK_IN_TITLE = "CHECK-IN 接车单"


@dataclass
class DamageInput:
    position: str  # where on the car: "front bumper, left"
    note: str = ""  # what: "scratch 10 cm"


@dataclass
class CheckInInput:
    customer_id: str
    vehicle_id: str
    mileage_in: int
    concerns: str = ""  # in the customer's own words
    fuel_level: int | None = None  # eighths of a tank, 0–8
    promised_at: datetime | None = None
    price_estimate: int | None = None  # minor units
    damage: list[DamageInput] = field(default_factory=list)
    advisor: str = ""
    mileage_override: str = ""  # the reason a mileage below the last recorded one is right


@dataclass(frozen=True)
class PreviousVisit:
    repair_order_id: str
    number: str
    opened_on: date
    completed_on: date | None


@dataclass(frozen=True)
class ReceptionInfo:
    """What the dealership knows about a car as it arrives."""

    vehicle: VehicleMatch
    last_mileage: int
    last_mileage_where: str
    campaigns: list[OpenCampaign]
    declined: list[DeclinedWork]
    comeback_of: PreviousVisit | None  # the visit this one would come back from
    comeback_days: int
    open_orders: list[str]  # numbers of the car's repair orders not yet invoiced
    service_due: history.ServiceDue | None = None  # as its last handover set it (None: never handed over)


@dataclass(frozen=True)
class DamageView:
    line_no: int
    position: str
    note: str


@dataclass(frozen=True)
class CheckInView:
    repair_order_id: str
    number: str
    opened_on: date
    advisor: str
    customer_name: str
    customer_phone: str
    vin: str
    plate: str
    vehicle: str  # make, model and variant
    mileage_in: int
    mileage_override: str
    fuel_level: int | None
    concerns: str
    promised_at: datetime | None
    price_estimate: int | None
    damage: list[DamageView]
    campaigns: list[OpenCampaign]
    comeback_of: str  # the earlier repair order's number; empty when not a comeback


@dataclass(frozen=True)
class ComebackRate:
    orders: int
    comebacks: int

    @property
    def rate_bp(self) -> int:
        """Comebacks per repair order in basis points (1 % = 100), rounded half-up; 0 without orders."""
        return round_half_up(Decimal(self.comebacks) * 10_000 / self.orders) if self.orders else 0


# --- finding the car ------------------------------------------------------------------------------

# --- comebacks ------------------------------------------------------------------------------------

def previous_visit(session_or_conn, vehicle_id: str, on: date, days: int, *,
                   exclude_id: str | None = None) -> PreviousVisit | None:
    """The car's latest repair order whose work was completed within ``days`` days before ``on``:
    this visit is a comeback from it. A repair order still being worked on is the same visit, not
    an earlier one. None when there is none."""
    since = on - timedelta(days=days)
    query = (select(RepairOrder.id, RepairOrder.number, RepairOrder.opened_on, RepairOrder.completed_on)
             .where(RepairOrder.vehicle_id == vehicle_id, RepairOrder.completed_on.is_not(None),
                    RepairOrder.completed_on >= since, RepairOrder.completed_on <= on)
             .order_by(RepairOrder.completed_on.desc(), RepairOrder.id.desc()))
    if exclude_id:
        query = query.where(RepairOrder.id != exclude_id)
    row = session_or_conn.execute(query.limit(1)).first()
    return PreviousVisit(*row) if row else None


def comeback_rate(db: Database, actor: Actor, *, start: date, end: date) -> ComebackRate:
    """Of the repair orders opened from ``start`` to ``end`` (both included), how many were
    comebacks. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        total, comebacks = conn.execute(
            select(func.count(), func.count(RepairOrder.comeback_of_id))
            .where(RepairOrder.opened_on >= start, RepairOrder.opened_on <= end)).one()
    return ComebackRate(int(total), int(comebacks))


# --- what the dealership knows --------------------------------------------------------------------

def _vehicle(conn_or_session, vehicle_id: str) -> VehicleMatch:
    r = conn_or_session.execute(select(Vehicle.id, Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model,
                                       Vehicle.owner_id, Customer.name)
                                .outerjoin(Customer, Customer.id == Vehicle.owner_id)
                                .where(Vehicle.id == vehicle_id)).first()
    if r is None:
        raise NotFound(msg("The vehicle no longer exists"))
    return VehicleMatch(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6] or "")


def reception_info(db: Database, actor: Actor, vehicle_id: str, *, on: date | None = None) -> ReceptionInfo:
    """What the dealership knows about a car arriving on ``on`` (today): open campaigns and recalls
    for its VIN, work declined at earlier visits, whether it comes back within the comeback period,
    its repair orders still open, its last recorded mileage and the service due. Any thread; reads only."""
    require(actor, "workshop.view")
    on = on or date.today()
    with db.read() as conn:
        vehicle = _vehicle(conn, vehicle_id)
        days = settings.load(conn).comeback_days
        last, where = orders.last_mileage(conn, vehicle_id)
        open_numbers = list(conn.execute(
            select(RepairOrder.number).where(RepairOrder.vehicle_id == vehicle_id,
                                             RepairOrder.status.not_in(("invoiced", "closed")))
            .order_by(RepairOrder.number)).scalars())
        return ReceptionInfo(
            vehicle=vehicle, last_mileage=last, last_mileage_where=where,
            campaigns=campaigns.open_for_vin(conn, vehicle.vin),
            declined=estimates.declined_for_vehicle(conn, vehicle_id, costs=actor.can("workshop.costs")),
            comeback_of=previous_visit(conn, vehicle_id, on, days), comeback_days=days, open_orders=open_numbers,
            service_due=history.service_due(conn, vehicle_id, today=on))


# --- check-in -------------------------------------------------------------------------------------

def _clean_damage(items: Sequence[DamageInput]) -> list[DamageInput]:
    out = []
    for i, item in enumerate(items):
        position = " ".join((item.position or "").split())
        note = " ".join((item.note or "").split())
        if not position and not note:
            continue
        if not position:
            raise ValidationError(f"damage[{i}].position", msg("Say where on the car the damage is"))
        if len(position) > 80:
            raise ValidationError(f"damage[{i}].position", msg("is longer than {limit} characters", limit=80))
        if len(note) > 300:
            raise ValidationError(f"damage[{i}].note", msg("is longer than {limit} characters", limit=300))
        out.append(DamageInput(position, note))
    return out


def check_in_in(uow: UnitOfWork, data: CheckInInput, *, on: date | None = None) -> tuple[str, str]:
    """Receive a car: open its repair order with the check-in's mileage, fuel level, concerns,
    damage notes, promised time and price estimate, flagged as a comeback when the car had a repair
    order within the comeback period. Returns ``(id, number)``."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    if data.fuel_level is not None and (isinstance(data.fuel_level, bool) or not isinstance(data.fuel_level, int)
                                        or not 0 <= data.fuel_level <= FUEL_EIGHTHS):
        raise ValidationError("fuel_level", msg("The fuel level is 0 to 8 eighths of a tank"))
    estimate = None if data.price_estimate is None else check_amount("price_estimate", data.price_estimate,
                                                                     minimum=0)
    damage = _clean_damage(data.damage)
    opened = on or date.today()
    ro_id, number = orders.open_order_in(uow, RepairOrderInput(
        customer_id=data.customer_id, vehicle_id=data.vehicle_id, mileage_in=data.mileage_in,
        concerns=data.concerns, promised_at=data.promised_at, advisor=data.advisor,
        mileage_override=data.mileage_override), on=opened)
    ro = orders.repair_order(session, ro_id)
    ro.fuel_level, ro.price_estimate = data.fuel_level, estimate
    before = previous_visit(session, ro.vehicle_id, opened, settings.load(session).comeback_days, exclude_id=ro.id)
    ro.comeback_of_id = before.repair_order_id if before else None
    for n, item in enumerate(damage, start=1):
        session.add(DamageNote(repair_order_id=ro.id, line_no=n, position=item.position, note=item.note))
    session.flush()
    return ro_id, number


check_in = action(check_in_in)


def _damage(session_or_conn, repair_order_id: str) -> list[DamageView]:
    return [DamageView(*r) for r in session_or_conn.execute(
        select(DamageNote.line_no, DamageNote.position, DamageNote.note)
        .where(DamageNote.repair_order_id == repair_order_id).order_by(DamageNote.line_no))]


def get_check_in(db: Database, actor: Actor, repair_order_id: str) -> CheckInView:
    """The check-in of a repair order as its sheet prints it. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        ro = conn.execute(select(RepairOrder.__table__).where(RepairOrder.id == repair_order_id)).mappings().first()
        if ro is None:
            raise NotFound(msg("The repair order no longer exists"))
        customer = conn.execute(select(Customer.name, Customer.phone).where(Customer.id == ro["customer_id"])).first()
        v = conn.execute(select(Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model, Vehicle.variant)
                         .where(Vehicle.id == ro["vehicle_id"])).one()
        comeback = ""
        if ro["comeback_of_id"]:
            comeback = conn.execute(select(RepairOrder.number).where(RepairOrder.id == ro["comeback_of_id"])
                                    ).scalar() or ""
        return CheckInView(
            repair_order_id=ro["id"], number=ro["number"], opened_on=ro["opened_on"], advisor=ro["advisor"],
            customer_name=customer.name if customer else "", customer_phone=customer.phone if customer else "",
            vin=v.vin, plate=v.plate or "", vehicle=" ".join(x for x in (v.make, v.model, v.variant) if x),
            mileage_in=ro["mileage_in"], mileage_override=ro["mileage_override"], fuel_level=ro["fuel_level"],
            concerns=ro["concerns"], promised_at=ro["promised_at"],
            price_estimate=ro["price_estimate"] if actor.can("workshop.costs") else None,
            damage=_damage(conn, repair_order_id), campaigns=campaigns.open_for_vin(conn, v.vin),
            comeback_of=comeback)


def damage_notes(session: Session, repair_order_id: str) -> list[DamageView]:
    return _damage(session, repair_order_id)


# --- the check-in sheet ---------------------------------------------------------------------------

def fuel_text(eighths: int | None) -> str:
    """A fuel level as the gauge reads: "3/8", "full", "empty"; empty text when not noted."""
    if eighths is None:
        return ""
    if eighths == FUEL_EIGHTHS:
        return "8/8 (full 满)"
    if eighths == 0:
        return "0/8 (empty 空)"
    return f"{eighths}/8"


def check_in_pdf(db: Database, actor: Actor, repair_order_id: str, out: Path) -> Path:
    """Write the repair order's check-in sheet (A4) for the customer's signature to ``out`` and
    return ``out``. Any thread; reads only."""
    require(actor, "workshop.view")
    from dataclasses import replace

    from services import users

    view = get_check_in(db, actor, repair_order_id)
    # The customer reads the advisor's name, not a login.
    view = replace(view, advisor=users.people(db, actor).get(view.advisor, view.advisor))
    dealer = settings.get(db)
    logo = settings.get_logo(db)
    from services.reports import pdf

    return pdf.write(Path(out), lambda tmp: _render_check_in(tmp, view, dealer, logo))


def signature_block(width: float, left: str, right: str) -> Flowable:
    """Two signature lines side by side with their labels underneath, for a printed form."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from services.reports import pdf

    gap = 12 * mm
    half = (width - gap) / 2
    table = Table([["", "", ""], [pdf.para(left, "small"), "", pdf.para(right, "small")]],
                  colWidths=[half, gap, half], rowHeights=[16 * mm, None])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (0, 0), 0.8, pdf.INK), ("LINEBELOW", (2, 0), (2, 0), 0.8, pdf.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _render_check_in(path: Path, view: CheckInView, dealer: settings.DealershipSettings, logo: bytes | None) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    from services.reports import pdf

    width = pdf.CONTENT_WIDTH
    head = [("No. 编号", view.number), ("Date in 进厂日期", view.opened_on.isoformat()),
            ("Service advisor 服务顾问", view.advisor),
            ("Promised 预计交车", view.promised_at.strftime("%Y-%m-%d %H:%M") if view.promised_at else "")]
    right: list[Flowable] = [pdf.para(CHECK_IN_TITLE, "title"), Spacer(1, 3 * mm),
                             pdf.key_values(head, width=width * 0.45, label_width=38 * mm, align="right")]
    details = [x for x in (dealer.address, f"Tel 电话 {dealer.phone}" if dealer.phone else "") if x]
    story: list[Flowable] = [pdf.letterhead(name=dealer.name, details=details, logo_data=logo, right=right),
                             Spacer(1, 6 * mm)]
    car = [("Customer 客户", view.customer_name), ("Phone 电话", view.customer_phone),
           ("Vehicle 车辆", view.vehicle), ("VIN 车架号", view.vin), ("Plate 车牌", view.plate),
           ("Mileage 里程", f"{view.mileage_in:,} km"), ("Fuel 油量", fuel_text(view.fuel_level))]
    if view.mileage_override:
        car.append(("Lower mileage confirmed 里程低于上次，已确认", view.mileage_override))
    if view.price_estimate is not None:
        car.append(("Price estimate 预估费用", format_money(view.price_estimate, dealer.currency)))
    if view.comeback_of:
        car.append(("Comeback of 返修，原工单", view.comeback_of))
    story += [pdf.key_values(car, width=width, label_width=48 * mm), Spacer(1, 4 * mm),
              pdf.para("Customer's concerns 客户描述", "heading"),
              pdf.para(view.concerns or "—", "body"), Spacer(1, 3 * mm),
              pdf.para("Walk-around damage 环车检查", "heading")]
    if view.damage:
        story.append(pdf.data_table(("No.\n序号", "Position\n位置", "Damage\n损伤"),
                                    [[str(d.line_no), d.position, d.note] for d in view.damage],
                                    widths=[12 * mm, 55 * mm, width - 67 * mm], align="RLL", wrap=(1, 2)))
    else:
        story.append(pdf.para("No damage noted 未发现损伤", "body"))
    if view.campaigns:
        story += [Spacer(1, 3 * mm), pdf.para("Open campaigns and recalls 待执行的召回/服务活动", "heading")]
        story += [pdf.para(f"{c.code}  {c.title}", "body") for c in view.campaigns]
    story += [Spacer(1, 6 * mm), KeepTogether([
        pdf.para("I confirm the vehicle's condition, mileage and fuel level as recorded above and authorise the "
                 "work described. 本人确认以上车辆状况、里程及油量记录属实，并同意进行所述维修。", "small"),
        Spacer(1, 4 * mm),
        signature_block(width, "Customer signature / date 客户签名 / 日期", "Service advisor 服务顾问"),
    ])]
    frame = pdf.PageFrame(footer=f"{dealer.name} · {CHECK_IN_TITLE} {view.number}",
                          running_header=f"{CHECK_IN_TITLE} {view.number} · {view.customer_name}")
    pdf.build(path, story, frame=frame, title=f"{CHECK_IN_TITLE} {view.number}", author=dealer.name,
              subject=view.vin)
