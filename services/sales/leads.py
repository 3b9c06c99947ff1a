"""Leads (销售线索): a customer's interest in a car, worked through the pipeline new → contacted → test
drive → quotation → won or lost, with follow-up tasks (跟进任务) and test drives (试驾).

Who works which lead: whoever may confirm lost leads (the sales manager, the owner) sees and works
every lead; anyone else who works leads (a salesperson) sees and works only the leads assigned to
them; those who only view leads (the cashier, read-only) see every lead and change none.

A lead moves forward to any later open stage and back one stage at a time; every move keeps who and
when on the lead (and before/after in the audit trail). Won comes from a deal (:func:`won_in`,
called by the deal service, as :func:`quoted_in` is when it quotes). Lost needs a reason from
:data:`models.sales.LOST_REASONS` and words; a salesperson's "lost" is only a request: the lead stays
where it was, shown "lost — awaiting confirmation", until someone who may confirm lost leads
confirms it or reopens it.

A test drive needs the driving licence (驾驶证) checked and not expired; logging one moves a new or
contacted lead to the test drive stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from core.money import digits, from_minor
from core.progress import CancelToken, Progress, no_progress
from core.status_words import status_word
from models.admin import User
from models.crm import Customer
from models.sales import LEAD_SOURCES, LOST_REASONS, Deal, Lead, LeadTask, TestDrive
from models.vehicles import StockVehicle, Vehicle
from services import customers, files, settings
from services.permissions import require, require_any
from store.database import Database
from store.uow import UnitOfWork, action

# The open stages, in the order of the pipeline; won and lost close a lead.
STAGES = ("new", "contacted", "test_drive", "quotation")
CLOSED = ("won", "lost")
# Who may be given leads.
SALES_ROLES = ("salesperson", "sales_manager")
MAX_TEXT = 300
MAX_NOTES = 4000
# A board column shows at most this many cards (the most recently moved), with the count of all.
BOARD_LIMIT = 50

EXPORT_COLUMNS = ("created_on", "customer_name", "phone", "source", "make", "model", "budget", "salesperson",
                  "status", "lost_reason", "lost_note", "next_task_due", "test_drives")


# --- input and views ----------------------------------------------------------------------------

@dataclass
class LeadInput:
    """A lead as typed. Either ``customer_id`` (an existing customer) or a new customer's
    ``customer_name`` and ``customer_phone``, made on the spot. ``budget`` in minor units; an empty
    ``salesperson`` is the acting user."""

    customer_id: str | None = None
    customer_name: str = ""
    customer_phone: str = ""
    source: str = "walk_in"
    make: str = ""
    model: str = ""
    budget: int = 0
    salesperson: str = ""
    notes: str = ""


@dataclass
class TaskInput:
    due_on: date
    what: str
    assigned_to: str = ""  # empty: the lead's salesperson


@dataclass
class TestDriveInput:
    """``vehicle`` is a stock number or a VIN of a car the dealership knows; otherwise ``demo_car``
    says which demo car was driven."""

    __test__ = False  # not a pytest test class, whatever its name

    licence_number: str
    licence_expires_on: date | None
    licence_checked: bool
    vehicle: str = ""
    demo_car: str = ""
    started_at: datetime | None = None  # UTC; default now
    ended_at: datetime | None = None
    odometer_out: int | None = None
    odometer_in: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class TaskView:
    id: str
    lead_id: str
    due_on: date
    what: str
    assigned_to: str
    done_at: datetime | None
    done_by: str
    outcome: str


@dataclass(frozen=True)
class TestDriveView:
    id: str
    vehicle: str  # what was driven, as people name it
    salesperson: str
    started_at: datetime
    ended_at: datetime | None
    odometer_out: int | None
    odometer_in: int | None
    licence_number: str
    licence_expires_on: date
    notes: str


@dataclass(frozen=True)
class LeadView:
    id: str
    customer_id: str
    customer_name: str
    phone: str
    source: str
    status: str
    make: str
    model: str
    budget: int
    salesperson: str
    notes: str
    lost_code: str
    lost_reason: str
    lost_requested_by: str
    lost_requested_at: datetime | None
    stage_changed_at: datetime | None
    stage_changed_by: str
    closed_on: date | None
    created_at: datetime
    created_by: str
    tasks: list[TaskView] = field(default_factory=list)
    test_drives: list[TestDriveView] = field(default_factory=list)

    @property
    def lost_pending(self) -> bool:
        return self.lost_requested_at is not None and self.status in STAGES

    @property
    def data(self) -> LeadInput:
        return LeadInput(customer_id=self.customer_id, source=self.source, make=self.make, model=self.model,
                         budget=self.budget, salesperson=self.salesperson, notes=self.notes)


@dataclass(frozen=True)
class Card:
    id: str
    status: str  # the lead's stage
    customer_name: str
    phone: str
    make: str
    model: str
    salesperson: str
    next_task_due: date | None
    lost_pending: bool


@dataclass(frozen=True)
class Column:
    key: str  # a stage, or "lost_pending"
    count: int
    cards: list[Card]


@dataclass(frozen=True)
class Board:
    columns: list[Column]


@dataclass(frozen=True)
class FollowUp:
    id: str
    lead_id: str
    due_on: date
    what: str
    customer_name: str
    phone: str
    make: str
    model: str
    overdue: bool


# --- who works which lead -----------------------------------------------------------------------

def works_every_lead(actor: Actor) -> bool:
    """Whether ``actor`` works every lead, not only their own (the sales manager, the owner)."""
    return actor.can("lead.confirm_lost")


def own_only(actor: Actor) -> bool:
    """Whether ``actor`` sees only the leads assigned to them (a salesperson)."""
    return actor.can("lead.edit") and not works_every_lead(actor)


def list_scope(actor: Actor) -> tuple[str, dict[str, Any]] | None:
    """The condition a lead list adds for ``actor`` (alias ``l``): their own leads, or every lead."""
    return ("l.salesperson = :scope_salesperson", {"scope_salesperson": actor.username}) if own_only(actor) else None


def _lead(session: Session, actor: Actor, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or (own_only(actor) and lead.salesperson != actor.username):
        raise NotFound(msg("The lead is not known"))
    return lead


def _open(lead: Lead) -> None:
    if lead.status not in STAGES:
        raise ValidationError("status", msg("The lead is {status}: reopen it first", status=status_word(lead.status)))


def _not_pending(lead: Lead) -> None:
    if lead.lost_requested_at is not None:
        raise ValidationError("status", msg("The lead is lost, awaiting confirmation: a sales manager confirms "
                                            "or reopens it"))


def _text(value: str, field_name: str, limit: int = MAX_TEXT) -> str:
    clean = " ".join((value or "").split())
    if len(clean) > limit:
        raise ValidationError(field_name, msg("is longer than {limit} characters", limit=limit))
    return clean


def _salesperson(session: Session, actor: Actor, name: str) -> str:
    name = (name or "").strip() or actor.username
    if own_only(actor) and name != actor.username:
        raise ValidationError("salesperson", msg("A salesperson takes their own leads; a sales manager gives "
                                                 "leads to others"))
    row = session.execute(select(User.role_code, User.active).where(User.username == name)).first()
    if row is None:
        raise ValidationError("salesperson", msg("There is no user called '{username}'", username=name))
    if row.role_code not in SALES_ROLES or not row.active:
        raise ValidationError("salesperson", msg("{username} is not an active salesperson or sales manager",
                                                 username=name))
    return name


def salespeople(db: Database, actor: Actor) -> list[tuple[str, str]]:
    """The active salespeople and sales managers (user name, display name) a lead may be given to;
    a salesperson gets only themselves. Any thread."""
    require(actor, "lead.view")
    with db.read() as conn:
        rows = conn.execute(select(User.username, User.display_name)
                            .where(User.role_code.in_(SALES_ROLES), User.active.is_(True))
                            .order_by(User.username)).all()
    return [(r.username, r.display_name) for r in rows if not own_only(actor) or r.username == actor.username]


def _moved(uow: UnitOfWork, lead: Lead, status: str) -> None:
    lead.status = status
    lead.stage_changed_at, lead.stage_changed_by = uow.now, uow.actor.username
    lead.closed_on = clock.today() if status in CLOSED else None


# --- leads --------------------------------------------------------------------------------------

def _apply(uow: UnitOfWork, lead: Lead, data: LeadInput) -> None:
    session = uow.session
    if data.source not in LEAD_SOURCES:
        raise ValidationError("source", msg("Source must be one of {items}", items=", ".join(LEAD_SOURCES)))
    if isinstance(data.budget, bool) or not isinstance(data.budget, int) or data.budget < 0:
        raise ValidationError("budget", msg("cannot be negative"))
    make, model = _text(data.make, "make", 60), _text(data.model, "model", 80)
    notes = (data.notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError("notes", msg("is longer than {limit} characters", limit=MAX_NOTES))
    salesperson = _salesperson(session, uow.actor, data.salesperson or lead.salesperson)
    if data.customer_id:
        if session.get(Customer, data.customer_id) is None:
            raise ValidationError("customer", msg("The customer is not known"))
        customer_id = data.customer_id
    else:
        if not data.customer_name.strip():
            raise ValidationError("customer", msg("Choose a customer, or give a new customer's name and phone"))
        if not data.customer_phone.strip():
            raise ValidationError("customer_phone", msg("A new customer's phone is needed to reach them"))
        try:
            customer_id = customers.create_in(uow, customers.CustomerInput(name=data.customer_name,
                                                                           phone=data.customer_phone))
        except ValidationError as exc:
            # The customer's fields are the lead's customer fields here.
            raise ValidationError({"name": "customer", "phone": "customer_phone"}.get(exc.field, exc.field),
                                  exc.message) from None
    lead.customer_id, lead.source, lead.make, lead.model = customer_id, data.source, make, model
    lead.budget, lead.salesperson, lead.notes = data.budget, salesperson, notes


def create_in(uow: UnitOfWork, data: LeadInput) -> str:
    """A new lead at the ``new`` stage; a new customer is made first when none is chosen."""
    require(uow.actor, "lead.edit")
    lead = Lead(status="new", lost_reason="", lost_code="", lost_requested_by="", stage_changed_by="")
    _apply(uow, lead, data)
    lead.stage_changed_at, lead.stage_changed_by = uow.now, uow.actor.username
    uow.session.add(lead)
    uow.session.flush()
    return lead.id


create = action(create_in)


def update_in(uow: UnitOfWork, lead_id: str, data: LeadInput) -> None:
    """Change a lead's customer, source, model of interest, budget, salesperson or notes (not its stage)."""
    require(uow.actor, "lead.edit")
    lead = _lead(uow.session, uow.actor, lead_id)
    _apply(uow, lead, data)


update = action(update_in)


def move_in(uow: UnitOfWork, lead_id: str, status: str) -> None:
    """Move an open lead to another open stage: forward to any later one, back one stage."""
    require(uow.actor, "lead.edit")
    lead = _lead(uow.session, uow.actor, lead_id)
    _open(lead)
    _not_pending(lead)
    if status not in STAGES:
        if status in CLOSED:
            raise ValidationError("status", msg("A lead is won by its deal and lost with a reason"))
        raise ValidationError("status", msg("Unknown stage '{status}'", status=status))
    here, there = STAGES.index(lead.status), STAGES.index(status)
    if there == here:
        return
    if there < here - 1:
        raise ValidationError("status", msg("A lead moves back one stage at a time"))
    _moved(uow, lead, status)


move = action(move_in)


def request_lost_in(uow: UnitOfWork, lead_id: str, code: str, reason: str) -> str:
    """Lose an open lead for ``code`` (one of LOST_REASONS) and the words of ``reason``. From whoever
    may confirm lost leads it is lost at once; from a salesperson it waits for confirmation. Returns
    the lead's status as shown: ``lost`` or ``lost_pending``."""
    require(uow.actor, "lead.edit")
    lead = _lead(uow.session, uow.actor, lead_id)
    _open(lead)
    _not_pending(lead)
    if code not in LOST_REASONS:
        raise ValidationError("lost_code", msg("Choose why the lead was lost"))
    words = _text(reason, "lost_reason")
    if not words:
        raise ValidationError("lost_reason", msg("Say in a few words why the lead was lost"))
    lead.lost_code, lead.lost_reason = code, words
    if works_every_lead(uow.actor):
        lead.lost_requested_by, lead.lost_requested_at = uow.actor.username, uow.now
        _moved(uow, lead, "lost")
        return "lost"
    lead.lost_requested_by, lead.lost_requested_at = uow.actor.username, uow.now
    return "lost_pending"


request_lost = action(request_lost_in)


def confirm_lost_in(uow: UnitOfWork, lead_id: str) -> None:
    """Confirm a salesperson's lost request: the lead is lost."""
    require(uow.actor, "lead.confirm_lost")
    lead = _lead(uow.session, uow.actor, lead_id)
    if lead.lost_requested_at is None or lead.status not in STAGES:
        raise ValidationError("status", msg("Only a lead awaiting confirmation of its loss can be confirmed lost"))
    _moved(uow, lead, "lost")


confirm_lost = action(confirm_lost_in)


def reopen_in(uow: UnitOfWork, lead_id: str) -> None:
    """Turn down a lost request (the lead stays at its stage) or reopen a lost lead (contacted again)."""
    require(uow.actor, "lead.confirm_lost")
    lead = _lead(uow.session, uow.actor, lead_id)
    if lead.status == "lost":
        _moved(uow, lead, "contacted")
    elif lead.lost_requested_at is None:
        raise ValidationError("status", msg("The lead is {status}: there is nothing to reopen",
                                            status=status_word(lead.status)))
    lead.lost_code, lead.lost_reason, lead.lost_requested_by, lead.lost_requested_at = "", "", "", None


reopen = action(reopen_in)


def quoted_in(uow: UnitOfWork, lead_id: str) -> None:
    """A deal quoted the lead's customer (called by the deal service in its transaction): an open lead
    before the quotation stage moves there, and a lost request is withdrawn. A closed lead stays."""
    require_any(uow.actor, "lead.edit", "deal.edit")
    lead = uow.session.get(Lead, lead_id)
    if lead is None:
        raise NotFound(msg("The lead is not known"))
    if lead.status not in STAGES:
        return
    lead.lost_code, lead.lost_reason, lead.lost_requested_by, lead.lost_requested_at = "", "", "", None
    if STAGES.index(lead.status) < STAGES.index("quotation"):
        _moved(uow, lead, "quotation")


def won_in(uow: UnitOfWork, lead_id: str, deal_id: str) -> None:
    """The lead's deal was won (called by the deal service in its transaction): the lead is won."""
    require_any(uow.actor, "lead.edit", "deal.edit")
    session = uow.session
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFound(msg("The lead is not known"))
    if session.get(Deal, deal_id) is None:
        raise NotFound(msg("The deal is not known"))
    lead.lost_code, lead.lost_reason, lead.lost_requested_by, lead.lost_requested_at = "", "", "", None
    if lead.status != "won":
        _moved(uow, lead, "won")


# --- follow-up tasks ----------------------------------------------------------------------------

def _task(uow: UnitOfWork, lead: Lead, data: TaskInput) -> str:
    what = _text(data.what, "what")
    if not what:
        raise ValidationError("what", msg("Say what is to be done"))
    if not isinstance(data.due_on, date):
        raise ValidationError("due_on", msg("A due date is needed"))
    if data.due_on < clock.today():
        raise ValidationError("due_on", msg("The due date is in the past"))
    assigned = lead.salesperson
    if data.assigned_to and data.assigned_to != lead.salesperson:
        assigned = _salesperson(uow.session, uow.actor, data.assigned_to)
    task = LeadTask(lead_id=lead.id, due_on=data.due_on, what=what, assigned_to=assigned, done_by="", outcome="")
    uow.session.add(task)
    uow.session.flush()
    return task.id


def add_task_in(uow: UnitOfWork, lead_id: str, data: TaskInput) -> str:
    """A follow-up task of an open lead, for its salesperson unless another is named."""
    require(uow.actor, "lead.edit")
    lead = _lead(uow.session, uow.actor, lead_id)
    _open(lead)
    return _task(uow, lead, data)


add_task = action(add_task_in)


def complete_task_in(uow: UnitOfWork, task_id: str, outcome: str, *, next_task: TaskInput | None = None) -> str | None:
    """Mark a follow-up done with what came of it; ``next_task`` schedules the next one (its id is
    returned)."""
    require(uow.actor, "lead.edit")
    task = uow.session.get(LeadTask, task_id)
    if task is None:
        raise NotFound(msg("The follow-up task no longer exists"))
    lead = _lead(uow.session, uow.actor, task.lead_id)
    if task.done_at is not None:
        raise ValidationError("outcome", msg("This follow-up was already done on {day}",
                                             day=clock.local_date(task.done_at).isoformat()))
    words = _text(outcome, "outcome", 2000)
    if not words:
        raise ValidationError("outcome", msg("Say what came of the follow-up"))
    task.done_at, task.done_by, task.outcome = uow.now, uow.actor.username, words
    if next_task is None:
        return None
    _open(lead)
    return _task(uow, lead, next_task)


complete_task = action(complete_task_in)


def follow_ups(db: Database, actor: Actor, *, today: date | None = None, limit: int = 200) -> list[FollowUp]:
    """The actor's own follow-ups not done and due today or before (overdue first). Any thread."""
    require(actor, "lead.view")
    day = today or clock.today()
    with db.read() as conn:
        rows = conn.execute(select(LeadTask.id, LeadTask.lead_id, LeadTask.due_on, LeadTask.what, Customer.name,
                                   Customer.phone, Lead.make, Lead.model)
                            .join(Lead, Lead.id == LeadTask.lead_id).join(Customer, Customer.id == Lead.customer_id)
                            .where(LeadTask.assigned_to == actor.username, LeadTask.done_at.is_(None),
                                   LeadTask.due_on <= day)
                            .order_by(LeadTask.due_on, LeadTask.id)
                            .limit(limit)).all()
    return [FollowUp(r.id, r.lead_id, r.due_on, r.what, r.name, r.phone or "", r.make, r.model, r.due_on < day)
            for r in rows]


def task(db: Database, actor: Actor, task_id: str) -> TaskView:
    """One follow-up task (of a lead the actor may see). Any thread."""
    require(actor, "lead.view")
    with db.read() as conn:
        t = conn.execute(select(*LeadTask.__table__.c, Lead.salesperson.label("lead_salesperson"))
                         .join(Lead, Lead.id == LeadTask.lead_id).where(LeadTask.id == task_id)).first()
    if t is None or (own_only(actor) and t.lead_salesperson != actor.username):
        raise NotFound(msg("The follow-up task no longer exists"))
    return TaskView(t.id, t.lead_id, t.due_on, t.what, t.assigned_to, t.done_at, t.done_by, t.outcome)


# --- test drives --------------------------------------------------------------------------------

def _vehicle(session: Session, ref: str) -> tuple[str | None, str | None]:
    """The (vehicle id, stock vehicle id) of a stock number or VIN."""
    ref = ref.strip().upper()
    stock = session.execute(select(StockVehicle.id, StockVehicle.vehicle_id)
                            .where(func.upper(StockVehicle.stock_number) == ref)).first()
    if stock is not None:
        return stock.vehicle_id, stock.id
    vehicle_id = session.execute(select(Vehicle.id).where(Vehicle.vin == ref)).scalar()
    if vehicle_id is None:
        raise ValidationError("vehicle", msg("No stock vehicle or vehicle has the stock number or VIN '{ref}'",
                                             ref=ref))
    stock_id = session.execute(select(StockVehicle.id).where(StockVehicle.vehicle_id == vehicle_id)
                               .order_by(StockVehicle.created_at.desc()).limit(1)).scalar()
    return vehicle_id, stock_id


def log_test_drive_in(uow: UnitOfWork, lead_id: str, data: TestDriveInput) -> str:
    """Record a test drive of the lead's customer; refused, changing nothing, unless the driving
    licence was checked and has not expired. A new or contacted lead moves to the test drive stage."""
    require(uow.actor, "lead.edit")
    session = uow.session
    lead = _lead(session, uow.actor, lead_id)
    _open(lead)
    number = "".join((data.licence_number or "").split()).upper()
    if not number:
        raise ValidationError("licence_number", msg("The driving licence number is needed"))
    if len(number) > 40:
        raise ValidationError("licence_number", msg("is longer than {limit} characters", limit=40))
    if not isinstance(data.licence_expires_on, date):
        raise ValidationError("licence_expires_on", msg("The driving licence's expiry date is needed"))
    started = data.started_at or uow.now
    if data.licence_expires_on < max(clock.today(), started.date()):
        raise ValidationError("licence_expires_on", msg("The driving licence has expired: no test drive"))
    if data.licence_checked is not True:
        raise ValidationError("licence_checked", msg("Check the driving licence before the test drive"))
    # A test drive is logged when it starts (or after): one in the future is a typing mistake.
    if started > uow.now + timedelta(minutes=10):
        raise ValidationError("started_at", msg("A test drive is logged when it starts, not ahead"))
    if data.ended_at is not None and data.ended_at < started:
        raise ValidationError("ended_at", msg("The test drive ends before it starts"))
    for name, value in (("odometer_out", data.odometer_out), ("odometer_in", data.odometer_in)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ValidationError(name, msg("cannot be negative"))
    if data.odometer_out is not None and data.odometer_in is not None and data.odometer_in < data.odometer_out:
        raise ValidationError("odometer_in", msg("The odometer reads less than when the car went out"))
    vehicle_id = stock_id = None
    demo_car = _text(data.demo_car, "demo_car", 120)
    if data.vehicle.strip():
        vehicle_id, stock_id = _vehicle(session, data.vehicle)
    elif not demo_car:
        raise ValidationError("vehicle", msg("Give the stock number or VIN of the car driven, or name the demo car"))
    notes = (data.notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise ValidationError("notes", msg("is longer than {limit} characters", limit=MAX_NOTES))
    drive = TestDrive(lead_id=lead.id, customer_id=lead.customer_id, vehicle_id=vehicle_id, stock_vehicle_id=stock_id,
                      demo_car=demo_car, salesperson=uow.actor.username if own_only(uow.actor) else lead.salesperson,
                      started_at=started, ended_at=data.ended_at, odometer_out=data.odometer_out,
                      odometer_in=data.odometer_in, licence_number=number,
                      licence_expires_on=data.licence_expires_on, licence_checked=True, notes=notes)
    session.add(drive)
    if lead.status in ("new", "contacted") and lead.lost_requested_at is None:
        _moved(uow, lead, "test_drive")
    session.flush()
    return drive.id


log_test_drive = action(log_test_drive_in)


# --- reading ------------------------------------------------------------------------------------

_VEHICLE_NAME = ("coalesce(nullif(trim(coalesce(sv.make, v.make, '') || ' ' || coalesce(sv.model, v.model, '') "
                 "|| ' ' || coalesce(sv.stock_number, v.vin, '')), ''), d.demo_car)")


def get(db: Database, actor: Actor, lead_id: str) -> LeadView:
    """One lead with its follow-up tasks and test drives. Any thread."""
    require(actor, "lead.view")
    with db.read() as conn:
        lead = conn.execute(select(*Lead.__table__.c, Customer.name.label("customer_name"),
                                   Customer.phone.label("customer_phone"))
                            .join(Customer, Customer.id == Lead.customer_id).where(Lead.id == lead_id)).first()
        if lead is None or (own_only(actor) and lead.salesperson != actor.username):
            raise NotFound(msg("The lead is not known"))
        tasks = [TaskView(t.id, t.lead_id, t.due_on, t.what, t.assigned_to, t.done_at, t.done_by, t.outcome)
                 for t in conn.execute(select(*LeadTask.__table__.c).where(LeadTask.lead_id == lead_id)
                                       .order_by(LeadTask.done_at.is_not(None), LeadTask.due_on))]
        drives = [TestDriveView(d.id, d.vehicle, d.salesperson, d.started_at, d.ended_at, d.odometer_out,
                                d.odometer_in, d.licence_number, d.licence_expires_on, d.notes)
                  for d in conn.execute(text(
                      f"SELECT d.id, {_VEHICLE_NAME} AS vehicle, d.salesperson, d.started_at, d.ended_at, "
                      "d.odometer_out, d.odometer_in, d.licence_number, d.licence_expires_on, d.notes "
                      "FROM test_drive d LEFT JOIN stock_vehicle sv ON sv.id = d.stock_vehicle_id "
                      "LEFT JOIN vehicle v ON v.id = d.vehicle_id WHERE d.lead_id = :id ORDER BY d.started_at DESC")
                      .columns(**{"started_at": TestDrive.started_at.type, "ended_at": TestDrive.ended_at.type,
                                  "licence_expires_on": TestDrive.licence_expires_on.type}), {"id": lead_id})]
    return LeadView(
        id=lead.id, customer_id=lead.customer_id, customer_name=lead.customer_name,
        phone=lead.customer_phone or "", source=lead.source,
        status=lead.status, make=lead.make, model=lead.model, budget=lead.budget, salesperson=lead.salesperson,
        notes=lead.notes, lost_code=lead.lost_code, lost_reason=lead.lost_reason,
        lost_requested_by=lead.lost_requested_by, lost_requested_at=lead.lost_requested_at,
        stage_changed_at=lead.stage_changed_at, stage_changed_by=lead.stage_changed_by, closed_on=lead.closed_on,
        created_at=lead.created_at, created_by=lead.created_by, tasks=tasks, test_drives=drives)


_NEXT_DUE = "(SELECT min(t.due_on) FROM lead_task t WHERE t.lead_id = l.id AND t.done_at IS NULL)"


def board(db: Database, actor: Actor, *, salesperson: str = "", limit: int = BOARD_LIMIT) -> Board:
    """The open leads by stage (the ones awaiting confirmation of their loss in a column of their
    own), each column the ``limit`` most recently moved with the count of all; a salesperson's own
    leads only, or ``salesperson``'s. Any thread; reads only."""
    require(actor, "lead.view")
    where, params = ["l.status IN ('new', 'contacted', 'test_drive', 'quotation')"], {"limit": limit}
    scope = list_scope(actor)
    if scope is not None:
        where.append(scope[0])
        params.update(scope[1])
    if salesperson:
        where.append("l.salesperson = :salesperson")
        params["salesperson"] = salesperson
    condition = " AND ".join(where)
    columns = []
    with db.read() as conn:
        counts = {(status, pending): n for status, pending, n in conn.execute(text(
            f"SELECT l.status, l.lost_requested_at IS NOT NULL, count(*) FROM lead l WHERE {condition} "
            "GROUP BY 1, 2"), params)}
        for key in (*STAGES, "lost_pending"):
            part = ("l.lost_requested_at IS NOT NULL" if key == "lost_pending"
                    else "l.status = :stage AND l.lost_requested_at IS NULL")
            rows = conn.execute(text(
                f"SELECT l.id, l.status, c.name, c.phone, l.make, l.model, l.salesperson, {_NEXT_DUE} AS next_due, "
                f"l.lost_requested_at IS NOT NULL AS pending FROM lead l JOIN customer c ON c.id = l.customer_id "
                f"WHERE {condition} AND {part} ORDER BY l.stage_changed_at DESC, l.rowid DESC LIMIT :limit"),
                {**params, "stage": key}).all()
            count = (sum(n for (_s, pending), n in counts.items() if pending) if key == "lost_pending"
                     else counts.get((key, 0), 0))
            columns.append(Column(key, count, [
                Card(r.id, r.status, r.name, r.phone or "", r.make, r.model, r.salesperson,
                     date.fromisoformat(r.next_due) if r.next_due else None, bool(r.pending)) for r in rows]))
    return Board(columns)


# --- export -------------------------------------------------------------------------------------

_EXPORT_SQL = (
    # The day the lead came in, in the dealership's own time zone (stamps are UTC).
    "SELECT date(l.created_at, 'localtime') AS created_on, c.name, c.phone, l.source, l.make, l.model, l.budget, "
    "l.salesperson, "
    "CASE WHEN l.lost_requested_at IS NOT NULL AND l.status IN ('new', 'contacted', 'test_drive', 'quotation') "
    "THEN 'lost_pending' ELSE l.status END AS status, nullif(l.lost_code, '') AS lost_code, "
    f"nullif(l.lost_reason, '') AS lost_reason, {_NEXT_DUE} AS next_task_due, "
    "(SELECT count(*) FROM test_drive d WHERE d.lead_id = l.id) AS test_drives "
    "FROM lead l JOIN customer c ON c.id = l.customer_id")


def export_leads(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> int:
    """Write every lead the actor may see, oldest first, with :data:`EXPORT_COLUMNS` (budget in major
    units, status ``lost_pending`` while a loss awaits confirmation). Returns the rows written.
    Worker thread."""
    require(actor, "lead.view")
    require(actor, "data.export")
    path = Path(path)
    files.table_suffix(path)
    scope = list_scope(actor)
    where, params = (f" WHERE {scope[0]}", scope[1]) if scope is not None else ("", {})
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = conn.execute(text(f"SELECT count(*) FROM lead l{where}"), params).scalar_one()
        result = conn.execution_options(yield_per=2000).execute(
            text(_EXPORT_SQL + where + " ORDER BY l.created_at, l.rowid"), params)

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in result.partitions():
                yield [(date.fromisoformat(r.created_on) if r.created_on else None, r.name, r.phone or None,
                        r.source, r.make or None, r.model or None, from_minor(r.budget, currency),
                        r.salesperson or None, r.status, r.lost_code, r.lost_reason,
                        date.fromisoformat(r.next_task_due) if r.next_task_due else None, r.test_drives)
                       for r in part]

        d = digits(currency)
        return files.write_table(path, EXPORT_COLUMNS, batches(), total=total, sheet="leads",
                                 widths=(12, 24, 16, 10, 14, 18, 12, 12, 14, 16, 30, 12, 10),
                                 number_formats={6: "#,##0" + ("." + "0" * d if d else "")},
                                 progress=progress, cancel=cancel)
