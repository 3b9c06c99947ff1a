"""Manufacturer campaigns and recalls: each a code, a title and the VINs it applies to, imported from
the manufacturer's file (``forecourt import campaigns FILE``: one row per VIN, with the campaign's
code and title). The code + VIN is the natural key: importing a file again adds the VINs it did not
have and never duplicates one; a changed title updates the campaign.

A campaign is open for a car until a repair order does its work (:func:`add_campaign_job_in`). The
VIN lists are checked against the vehicles the dealership knows: customers' cars (with an owner)
and stock (without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.ids import new_id
from core.messages import msg
from core.progress import CancelToken, Progress
from models.crm import Customer
from models.reception import Campaign, CampaignVehicle
from models.vehicles import Vehicle
from services import validation
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from services.permissions import require
from services.workshop import orders
from services.workshop.orders import JobInput
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

CODE = Field("code", "Campaign code", required=True, kind="code", max_length=40,
             synonyms=("campaign", "campaign code", "recall", "recall code", "活动代码", "召回代码", "活动编号",
                       "代码"))
TITLE = Field("title", "Title", max_length=300,
              synonyms=("name", "description", "campaign name", "活动名称", "召回名称", "名称", "描述"))
VIN = Field("vin", "VIN", required=True, kind="code", max_length=40,
            synonyms=("vin code", "chassis", "chassis number", "车架号", "车辆识别代号", "VIN码"),
            check=lambda value: validation.vin(value).vin)


@dataclass(frozen=True)
class OpenCampaign:
    campaign_id: str
    code: str
    title: str


@dataclass(frozen=True)
class CampaignRow:
    id: str
    code: str
    title: str
    vins: int
    customer_vehicles: int  # VINs of customers' cars the dealership knows
    stock_vehicles: int  # VINs of cars in stock (no owner)
    done: int  # VINs whose campaign work a repair order has done


@dataclass(frozen=True)
class MatchedVehicle:
    vehicle_id: str
    vin: str
    plate: str
    owner_name: str  # empty: a stock vehicle
    done: bool


def normalize_code(value: str) -> str:
    return " ".join(str(value or "").split()).upper()


def _key(values: dict[str, Any]) -> tuple:
    return normalize_code(values.get("code", "")), str(values.get("vin", "")).strip().upper()


@dataclass
class _Plan:
    campaigns: list[dict[str, Any]] = field(default_factory=list)
    retitled: list[dict[str, Any]] = field(default_factory=list)
    before: dict[str, dict[str, Any]] = field(default_factory=dict)
    vins: list[dict[str, Any]] = field(default_factory=list)


def _fingerprint(conn: Connection) -> tuple:
    return (tuple(conn.execute(text("SELECT count(*), max(rowid), max(updated_at) FROM campaign")).one())
            + tuple(conn.execute(text("SELECT count(*), max(rowid) FROM campaign_vehicle")).one()))


def _plan(conn: Connection, rows: list[RowResult], _context: Context, summary: ImportSummary) -> _Plan:
    c, cv = Campaign.__table__, CampaignVehicle.__table__
    existing = {r.code: (r.id, r.title) for r in conn.execute(select(c.c.id, c.c.code, c.c.title))}
    known = {(r.campaign_id, r.vin) for r in conn.execute(select(cv.c.campaign_id, cv.c.vin))}
    plan = _Plan()
    titles: dict[str, tuple[str, int]] = {}  # code → (title, first row giving it)
    ids: dict[str, str] = {}
    for r in rows:
        code, _vin = _key(r.values)
        title = r.values.get("title", "")
        if title:
            first = titles.get(code)
            if first is not None and first[0] != title:
                r.error("title", msg("differs from the title of campaign {code} on row {row}", code=code,
                                     row=first[1]))
                continue
            titles.setdefault(code, (title, r.row))
    for r in rows:
        if not r.ok:
            continue
        code, _vin = _key(r.values)
        if code not in existing and code not in titles:
            r.error("title", msg("A new campaign ({code}) needs a title", code=code))
    new_vins = 0
    for r in rows:
        if not r.ok:
            continue
        code, vin = _key(r.values)
        if code not in ids:
            if code in existing:
                ids[code] = existing[code][0]
                title = titles.get(code, (existing[code][1], 0))[0]
                if title != existing[code][1]:
                    plan.retitled.append({"id": ids[code], "title": title})
                    plan.before[ids[code]] = {"title": existing[code][1]}
            else:
                ids[code] = new_id()
                plan.campaigns.append({"id": ids[code], "code": code, "title": titles[code][0], "active": True})
        if (ids[code], vin) in known:
            r.action = "unchanged"
            continue
        known.add((ids[code], vin))
        plan.vins.append({"id": new_id(), "campaign_id": ids[code], "vin": vin, "repair_order_id": None})
        r.action = "insert"
        new_vins += 1
    summary.inserted = new_vins
    summary.updated = len(plan.retitled)
    summary.unchanged = sum(r.action == "unchanged" for r in rows)
    summary.extra["campaigns"] = len(plan.campaigns)
    return plan


def _commit(uow: UnitOfWork, plan: _Plan, summary: ImportSummary, progress: Progress,
            cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    uow.insert(Campaign, plan.campaigns)
    uow.update(Campaign, plan.retitled, before=plan.before)
    uow.insert(CampaignVehicle, plan.vins)
    progress(len(plan.vins), len(plan.vins), f"Imported {len(plan.vins):,} campaign VINs")
    name = Path(summary.file).name
    uow.audit([Change("import", "campaign", new_id(), None,
                      {"file": name, "kind": summary.kind, "rows": summary.rows, "campaigns": len(plan.campaigns),
                       "vins": len(plan.vins), "retitled": len(plan.retitled)},
                      summary=msg("{kind} import of {name}: {rows} rows, {campaigns} new campaigns, {vins} new VINs",
                                  kind=summary.kind, name=name, rows=summary.rows, campaigns=len(plan.campaigns),
                                  vins=len(plan.vins)))])


CAMPAIGNS = ImportKind(
    name="campaigns", title="Campaigns and recalls", about="a manufacturer's campaign or recall VIN list",
    fields=(CODE, TITLE, VIN), key=("code", "vin"), key_of=_key, plan=_plan, commit=_commit,
    permissions=("workshop.catalogue",), extras=(("campaigns", "new campaigns"),), fingerprint=_fingerprint)


# --- reading --------------------------------------------------------------------------------------

def open_for_vin(conn_or_session, vin: str) -> list[OpenCampaign]:
    """The active campaigns whose VIN list holds ``vin`` and whose work no repair order has done yet."""
    rows = conn_or_session.execute(
        select(Campaign.id, Campaign.code, Campaign.title)
        .join(CampaignVehicle, CampaignVehicle.campaign_id == Campaign.id)
        .where(CampaignVehicle.vin == (vin or "").strip().upper(), CampaignVehicle.repair_order_id.is_(None),
               Campaign.active)
        .order_by(Campaign.code))
    return [OpenCampaign(*r) for r in rows]


def campaigns(db: Database, actor: Actor) -> list[CampaignRow]:
    """Every campaign with how many of its VINs are customers' cars and stock the dealership knows,
    and how many are done. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        cv, v = CampaignVehicle.__table__, Vehicle.__table__
        counts = {r.campaign_id: r for r in conn.execute(
            select(cv.c.campaign_id, func.count().label("vins"),
                   func.count(v.c.id).filter(v.c.owner_id.is_not(None)).label("customer"),
                   func.count(v.c.id).filter(v.c.owner_id.is_(None)).label("stock"),
                   func.count(cv.c.repair_order_id).label("done"))
            .select_from(cv.outerjoin(v, v.c.vin == cv.c.vin)).group_by(cv.c.campaign_id))}
        out = []
        for c in conn.execute(select(Campaign.id, Campaign.code, Campaign.title).order_by(Campaign.code)):
            n = counts.get(c.id)
            out.append(CampaignRow(c.id, c.code, c.title, n.vins if n else 0, n.customer if n else 0,
                                   n.stock if n else 0, n.done if n else 0))
    return out


def matched_vehicles(db: Database, actor: Actor, campaign_id: str) -> list[MatchedVehicle]:
    """The vehicles the dealership knows that a campaign applies to: customers' cars with their
    owner, stock cars with none. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        rows = conn.execute(
            select(Vehicle.id, Vehicle.vin, Vehicle.plate, Customer.name, CampaignVehicle.repair_order_id)
            .join(CampaignVehicle, CampaignVehicle.vin == Vehicle.vin)
            .outerjoin(Customer, Customer.id == Vehicle.owner_id)
            .where(CampaignVehicle.campaign_id == campaign_id).order_by(Vehicle.vin))
        return [MatchedVehicle(r[0], r[1], r[2], r[3] or "", r[4] is not None) for r in rows]


# --- doing a campaign's work ----------------------------------------------------------------------

def _campaign_vehicle(session: Session, campaign_id: str, vin: str) -> CampaignVehicle:
    row = session.execute(select(CampaignVehicle).where(CampaignVehicle.campaign_id == campaign_id,
                                                        CampaignVehicle.vin == vin)).scalar()
    if row is None:
        raise NotFound(msg("The campaign does not apply to this vehicle"))
    return row


def add_campaign_job_in(uow: UnitOfWork, repair_order_id: str, campaign_id: str) -> str:
    """Add the campaign's work to a repair order as a warranty job and mark the campaign done for
    its car; returns the job id. A campaign already done for the car is refused, naming the repair
    order that did it."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    ro = orders.repair_order(session, repair_order_id)
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(msg("The campaign no longer exists"))
    vin = session.execute(select(Vehicle.vin).where(Vehicle.id == ro.vehicle_id)).scalar() or ""
    row = _campaign_vehicle(session, campaign_id, vin)
    if row.repair_order_id is not None:
        done = orders.repair_order(session, row.repair_order_id)
        raise ValidationError("campaign", msg("Campaign {code} was already done on repair order {number}",
                                              code=campaign.code, number=done.number))
    job_id = orders.add_job_in(uow, repair_order_id, JobInput(f"{campaign.code} {campaign.title}"[:300],
                                                              pay_type="warranty"))
    row.repair_order_id = repair_order_id
    session.flush()
    uow.touched("campaign_vehicle", [row.id])
    return job_id


add_campaign_job = action(add_campaign_job_in)
