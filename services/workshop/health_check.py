"""Vehicle health checks (多项检查): templates of inspection points grouped by system, and per repair
order a check made from a template, each point rated green, amber or red with a note and photos.
Amber and red points become priced estimates (:func:`services.workshop.estimates.estimate_check_item_in`)
the customer approves or declines. A check prints as a PDF for the customer.

Photos are copied into the ``attachments`` folder beside the database (so a copy of the data
folder carries them) under ``health-checks/<check id>/``; the database keeps their path inside
that folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.ids import new_id
from core.messages import msg
from core.money import format_money
from core.status_words import status_word
from models.crm import Customer
from models.reception import (
    RATINGS,
    HealthCheck,
    HealthCheckItem,
    HealthCheckPhoto,
    HealthCheckTemplate,
    HealthCheckTemplateItem,
    WorkEstimate,
    WorkEstimateLine,
)
from models.vehicles import Vehicle
from models.workshop import RepairOrder
from services import files, settings
from services.permissions import require
from services.workshop import orders
from store.database import Database
from store.uow import UnitOfWork, action

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

PHOTO_TYPES = (".jpg", ".jpeg", ".png")
MAX_PHOTO_BYTES = 20 * 1024 * 1024
HEALTH_CHECK_TITLE = "VEHICLE HEALTH CHECK 车辆健康检查"
RATING_LABELS = {"green": "Green · OK 良好", "amber": "Amber · soon 建议关注", "red": "Red · now 需立即处理",
                 "": "Not checked 未检查"}


def attachments_dir(db: Database) -> Path:
    """The folder of attached files beside the database (a data folder copied whole carries them)."""
    return Path(db.path).resolve().parent / "attachments"


@dataclass(frozen=True)
class TemplateRow:
    id: str
    name: str
    items: int
    active: bool


@dataclass(frozen=True)
class TemplateItemView:
    position: int
    system: str
    name: str


@dataclass(frozen=True)
class PhotoView:
    id: str
    path: Path  # absolute, inside the attachments folder
    original_name: str


@dataclass(frozen=True)
class ItemView:
    id: str
    position: int
    system: str
    name: str
    rating: str
    note: str
    photos: list[PhotoView] = field(default_factory=list)
    estimate_id: str | None = None  # the item's latest estimate
    estimate_status: str = ""
    estimate_total: int | None = None


@dataclass(frozen=True)
class CheckView:
    id: str
    repair_order_id: str
    repair_order_number: str
    repair_order_status: str
    template_name: str
    inspected_by: str
    completed_at: datetime | None
    customer_name: str
    vin: str
    plate: str
    vehicle: str
    mileage_in: int
    items: list[ItemView]

    def counts(self) -> dict[str, int]:
        """How many items have each rating ("" for not rated yet)."""
        out = {r: 0 for r in (*RATINGS, "")}
        for item in self.items:
            out[item.rating] = out.get(item.rating, 0) + 1
        return out


# --- templates ------------------------------------------------------------------------------------

def _clean_items(items: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for i, (system, name) in enumerate(items):
        system, name = " ".join((system or "").split()), " ".join((name or "").split())
        if not system and not name:
            continue
        if not name:
            raise ValidationError(f"items[{i}].name", msg("Each inspection point needs a name"))
        if not system:
            raise ValidationError(f"items[{i}].system", msg("Say which system '{name}' belongs to", name=name))
        if len(system) > 80 or len(name) > 200:
            raise ValidationError(f"items[{i}].name", msg("is longer than {limit} characters",
                                                          limit=80 if len(system) > 80 else 200))
        # The same point twice in one system would be rated twice; "Pads" and "pads" are the same point.
        key = (system.casefold(), name.casefold())
        if key in seen:
            raise ValidationError(f"items[{i}].name", msg("'{name}' is already a point of {system}", name=name,
                                                          system=system))
        seen.add(key)
        out.append((system, name))
    if not out:
        raise ValidationError("items", msg("A template needs at least one inspection point"))
    return out


def save_template_in(uow: UnitOfWork, name: str, items: Sequence[tuple[str, str]], *,
                     template_id: str | None = None, active: bool = True) -> str:
    """Create a template, or change one's name, points and whether it is offered (``active``), from
    ``(system, point)`` pairs in the order they are inspected; returns its id. ``items[i]`` in an
    error names the i-th pair given. Checks made from it earlier keep their own copy of its points."""
    require(uow.actor, "workshop.catalogue")
    session = uow.session
    clean_name = " ".join((name or "").split())
    if not clean_name or len(clean_name) > 120:
        raise ValidationError("name", msg("A template needs a name of at most 120 characters"))
    clean = _clean_items(items)
    clash = session.execute(select(HealthCheckTemplate.id)
                            .where(func.lower(HealthCheckTemplate.name) == clean_name.lower())).scalar()
    if clash and clash != template_id:
        raise ValidationError("name", msg("There is already a template called '{name}'", name=clean_name))
    if template_id:
        template = session.get(HealthCheckTemplate, template_id)
        if template is None:
            raise NotFound(msg("The template no longer exists"))
        if template.name != clean_name:
            template.name = clean_name
        if template.active != bool(active):
            template.active = bool(active)
    else:
        template = HealthCheckTemplate(name=clean_name, active=bool(active))
        session.add(template)
        session.flush()
    # Point by point in place, so the audit trail shows what changed at each position rather than
    # every point removed and added again.
    old = list(session.execute(select(HealthCheckTemplateItem).where(HealthCheckTemplateItem.template_id == template.id)
                               .order_by(HealthCheckTemplateItem.position)).scalars())
    for position, (system, point) in enumerate(clean, start=1):
        if position <= len(old):
            row = old[position - 1]
            if row.position != position:
                row.position = position
            if (row.system, row.name) != (system, point):
                row.system, row.name = system, point
        else:
            session.add(HealthCheckTemplateItem(template_id=template.id, position=position, system=system,
                                                name=point))
    for row in old[len(clean):]:
        session.delete(row)
    session.flush()
    return template.id


save_template = action(save_template_in)


def templates(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[TemplateRow]:
    """The templates by name with how many points each has: the active ones, or with
    ``include_inactive`` every one (the catalogue). Any thread; reads only."""
    require(actor, "workshop.view")
    query = select(HealthCheckTemplate.id, HealthCheckTemplate.name, HealthCheckTemplate.active)
    if not include_inactive:
        query = query.where(HealthCheckTemplate.active)
    with db.read() as conn:
        counts = dict(conn.execute(select(HealthCheckTemplateItem.template_id, func.count())
                                   .group_by(HealthCheckTemplateItem.template_id)).all())
        return [TemplateRow(r.id, r.name, counts.get(r.id, 0), r.active)
                for r in conn.execute(query.order_by(HealthCheckTemplate.name))]


def template_items(db: Database, actor: Actor, template_id: str) -> list[TemplateItemView]:
    """A template's points in the order they are inspected. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return [TemplateItemView(*r) for r in conn.execute(
            select(HealthCheckTemplateItem.position, HealthCheckTemplateItem.system, HealthCheckTemplateItem.name)
            .where(HealthCheckTemplateItem.template_id == template_id).order_by(HealthCheckTemplateItem.position))]


# --- checks ---------------------------------------------------------------------------------------

def _check(session: Session, check_id: str) -> HealthCheck:
    check = session.get(HealthCheck, check_id)
    if check is None:
        raise NotFound(msg("The health check no longer exists"))
    return check


def _item(session: Session, item_id: str) -> tuple[HealthCheckItem, HealthCheck]:
    item = session.get(HealthCheckItem, item_id)
    if item is None:
        raise NotFound(msg("The health-check item no longer exists"))
    return item, _check(session, item.check_id)


def _open_order(session: Session, repair_order_id: str) -> RepairOrder:
    ro = orders.repair_order(session, repair_order_id)
    if ro.status in ("invoiced", "closed"):
        raise ValidationError("status", msg("Repair order {number} is {status} and can no longer change",
                                            number=ro.number, status=status_word(ro.status)))
    return ro


def start_check_in(uow: UnitOfWork, repair_order_id: str, template_id: str) -> str:
    """Start a health check of a repair order's car from a template (its points copied, none rated
    yet); returns the check id."""
    require(uow.actor, "workshop.inspect")
    session = uow.session
    ro = _open_order(session, repair_order_id)
    template = session.get(HealthCheckTemplate, template_id) if template_id else None
    if template is None or not template.active:
        raise ValidationError("template", msg("Choose a health-check template"))
    check = HealthCheck(repair_order_id=ro.id, template_name=template.name, inspected_by=uow.actor.username)
    session.add(check)
    session.flush()
    for t in session.execute(select(HealthCheckTemplateItem).where(HealthCheckTemplateItem.template_id == template.id)
                             .order_by(HealthCheckTemplateItem.position)).scalars():
        session.add(HealthCheckItem(check_id=check.id, position=t.position, system=t.system, name=t.name, rating="",
                                    note=""))
    session.flush()
    return check.id


start_check = action(start_check_in)


def rate_item_in(uow: UnitOfWork, item_id: str, rating: str, note: str = "") -> None:
    """Rate one point green, amber or red ("" takes the rating back) with a note. An amber or red
    point that is priced keeps its rating: the estimate is for what was found."""
    require(uow.actor, "workshop.inspect")
    session = uow.session
    item, check = _item(session, item_id)
    _open_order(session, check.repair_order_id)
    rating = (rating or "").strip().lower()
    if rating and rating not in RATINGS:
        raise ValidationError("rating", msg("The rating must be one of {items}", items=', '.join(RATINGS)))
    note = " ".join((note or "").split())
    if len(note) > 300:
        raise ValidationError("note", msg("is longer than {limit} characters", limit=300))
    if rating != item.rating:
        priced = session.execute(select(WorkEstimate.id).where(WorkEstimate.check_item_id == item.id,
                                                               WorkEstimate.status != "declined")).first()
        if priced is not None:
            raise ValidationError("rating", msg("'{name}' has an estimate: its rating stays", name=item.name))
    item.rating, item.note = rating, note
    if check.completed_at is None and uow.actor.username:
        check.inspected_by = uow.actor.username


rate_item = action(rate_item_in)


def complete_check_in(uow: UnitOfWork, check_id: str) -> None:
    """Finish a check: every point must be rated (the first one that is not is named)."""
    require(uow.actor, "workshop.inspect")
    session = uow.session
    check = _check(session, check_id)
    _open_order(session, check.repair_order_id)
    unrated = session.execute(select(HealthCheckItem.name).where(HealthCheckItem.check_id == check.id,
                                                                 HealthCheckItem.rating == "")
                              .order_by(HealthCheckItem.position)).scalars().all()
    if unrated:
        raise ValidationError("items", msg("Rate every point before finishing the check: '{name}' and {count} more "
                                           "are not rated", name=unrated[0], count=len(unrated) - 1)
                              if len(unrated) > 1 else msg("Rate every point before finishing the check: '{name}' "
                                                           "is not rated", name=unrated[0]))
    check.completed_at = uow.now
    check.inspected_by = uow.actor.username


complete_check = action(complete_check_in)


def add_photo(db: Database, actor: Actor, item_id: str, source: Path | str) -> str:
    """Attach a photo (JPEG or PNG, from a file or a camera folder) to a check point: the file is
    copied into the attachments folder and recorded; returns the photo's id. If recording fails the
    copy is removed. Worker thread (it copies the file)."""
    require(actor, "workshop.inspect")
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in PHOTO_TYPES:
        raise ValidationError("photo", msg("A photo must be a JPEG or PNG file ({name} is not)", name=source.name))
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise files.file_problem(source, exc, verb="read") from exc
    if size > MAX_PHOTO_BYTES:
        raise ValidationError("photo", msg("A photo must be smaller than 20 MB ({name} is not)", name=source.name))
    try:
        with source.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise files.file_problem(source, exc, verb="read") from exc
    # What the file holds, not only its name: a JPEG starts FF D8 FF, a PNG with its 8-byte signature.
    if not (head.startswith(b"\xff\xd8\xff") or head == b"\x89PNG\r\n\x1a\n"):
        raise ValidationError("photo", msg("{name} is not a JPEG or PNG picture (its contents are something else)",
                                           name=source.name))
    with UnitOfWork(db, actor) as uow:
        item, check = _item(uow.session, item_id)
        _open_order(uow.session, check.repair_order_id)
        relative = Path("health-checks") / check.id / f"{new_id()}{suffix}"
        target = attachments_dir(db) / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except OSError as exc:
            raise files.file_problem(target, exc) from exc
        try:
            photo = HealthCheckPhoto(item_id=item.id, path=relative.as_posix(), original_name=source.name[:300])
            uow.session.add(photo)
            uow.session.flush()
            photo_id = photo.id
            uow.commit()
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return photo_id


def checks_of(db: Database, actor: Actor, repair_order_id: str) -> list[str]:
    """The ids of a repair order's health checks, oldest first. Any thread; reads only."""
    require(actor, "workshop.view")
    with db.read() as conn:
        return list(conn.execute(select(HealthCheck.id).where(HealthCheck.repair_order_id == repair_order_id)
                                 .order_by(HealthCheck.created_at, HealthCheck.id)).scalars())


def get_check(db: Database, actor: Actor, check_id: str) -> CheckView:
    """A check with its points, photos and each point's latest estimate; amounts are None for a
    user who may not see them. Any thread; reads only."""
    require(actor, "workshop.view")
    costs = actor.can("workshop.costs")
    folder = attachments_dir(db)
    with db.read() as conn:
        check = conn.execute(select(HealthCheck.__table__).where(HealthCheck.id == check_id)).mappings().first()
        if check is None:
            raise NotFound(msg("The health check no longer exists"))
        ro = conn.execute(select(RepairOrder.number, RepairOrder.status, RepairOrder.customer_id,
                                 RepairOrder.vehicle_id, RepairOrder.mileage_in)
                          .where(RepairOrder.id == check["repair_order_id"])).one()
        customer = conn.execute(select(Customer.name).where(Customer.id == ro.customer_id)).scalar() or ""
        v = conn.execute(select(Vehicle.vin, Vehicle.plate, Vehicle.make, Vehicle.model)
                         .where(Vehicle.id == ro.vehicle_id)).one()
        items = conn.execute(select(HealthCheckItem.__table__).where(HealthCheckItem.check_id == check_id)
                             .order_by(HealthCheckItem.position)).mappings().all()
        ids = [i["id"] for i in items]
        photos: dict[str, list[PhotoView]] = {}
        for p in conn.execute(select(HealthCheckPhoto.id, HealthCheckPhoto.item_id, HealthCheckPhoto.path,
                                     HealthCheckPhoto.original_name).where(HealthCheckPhoto.item_id.in_(ids))
                              .order_by(HealthCheckPhoto.created_at, HealthCheckPhoto.id)):
            photos.setdefault(p.item_id, []).append(PhotoView(p.id, folder / p.path, p.original_name))
        total = (select(func.coalesce(func.sum(WorkEstimateLine.amount), 0))
                 .where(WorkEstimateLine.estimate_id == WorkEstimate.id).scalar_subquery())
        latest: dict[str, tuple[str, str, int]] = {}
        for e in conn.execute(select(WorkEstimate.check_item_id, WorkEstimate.id, WorkEstimate.status, total)
                              .where(WorkEstimate.check_item_id.in_(ids))
                              .order_by(WorkEstimate.created_at, WorkEstimate.id)):
            latest[e[0]] = (e[1], e[2], int(e[3]))
    return CheckView(
        id=check["id"], repair_order_id=check["repair_order_id"], repair_order_number=ro.number,
        repair_order_status=ro.status, template_name=check["template_name"], inspected_by=check["inspected_by"],
        completed_at=check["completed_at"], customer_name=customer, vin=v.vin, plate=v.plate or "",
        vehicle=" ".join(x for x in (v.make, v.model) if x), mileage_in=ro.mileage_in,
        items=[ItemView(i["id"], i["position"], i["system"], i["name"], i["rating"], i["note"],
                        photos.get(i["id"], []),
                        latest[i["id"]][0] if i["id"] in latest else None,
                        latest[i["id"]][1] if i["id"] in latest else "",
                        latest[i["id"]][2] if i["id"] in latest and costs else None)
               for i in items])


# --- the customer's copy --------------------------------------------------------------------------

def health_check_pdf(db: Database, actor: Actor, check_id: str, out: Path) -> Path:
    """Write a check as an A4 PDF for the customer (points by system with their rating and note,
    amber and red points with their estimate and the customer's answer) to ``out``; returns ``out``.
    Any thread; reads only."""
    from dataclasses import replace

    from services import users

    view = get_check(db, actor, check_id)
    # The customer reads the inspector's name, not a login.
    view = replace(view, inspected_by=users.people(db, actor).get(view.inspected_by, view.inspected_by))
    dealer = settings.get(db)
    logo = settings.get_logo(db)
    from services.reports import pdf

    return pdf.write(Path(out), lambda tmp: _render(tmp, view, dealer, logo))


_STATUS = {"pending": "awaiting answer 待客户确认", "approved": "approved 客户同意", "declined": "declined 客户拒绝"}


def _render(path: Path, view: CheckView, dealer: settings.DealershipSettings, logo: bytes | None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, TableStyle

    from services.reports import pdf

    width = pdf.CONTENT_WIDTH
    head = [("Repair order 工单", view.repair_order_number), ("Template 模板", view.template_name),
            ("Inspected by 检查人", view.inspected_by),
            ("Completed 完成时间",
             clock.local_time(view.completed_at).strftime("%Y-%m-%d %H:%M") if view.completed_at else "")]
    right: list[Flowable] = [pdf.para(HEALTH_CHECK_TITLE, "title"), Spacer(1, 3 * mm),
                             pdf.key_values(head, width=width * 0.45, label_width=34 * mm, align="right")]
    story: list[Flowable] = [pdf.letterhead(name=dealer.name, details=[dealer.address, dealer.phone],
                                            logo_data=logo, right=right), Spacer(1, 5 * mm)]
    story.append(pdf.key_values([("Customer 客户", view.customer_name), ("Vehicle 车辆", view.vehicle),
                                 ("VIN 车架号", view.vin), ("Plate 车牌", view.plate),
                                 ("Mileage 里程", f"{view.mileage_in:,} km")], width=width, label_width=34 * mm))
    counts = view.counts()
    story += [Spacer(1, 3 * mm), pdf.para(
        f"Green 良好 {counts['green']} · Amber 建议关注 {counts['amber']} · Red 需立即处理 {counts['red']}", "bold"),
        Spacer(1, 3 * mm)]
    rows = []
    for item in view.items:
        estimate = ""
        if item.estimate_id:
            estimate = _STATUS.get(item.estimate_status, item.estimate_status)
            if item.estimate_total is not None:
                estimate = f"{format_money(item.estimate_total, dealer.currency)} {estimate}"
        photos = f" ({len(item.photos)} photo{'s' if len(item.photos) != 1 else ''} 照片)" if item.photos else ""
        rows.append([item.system, item.name, RATING_LABELS.get(item.rating, item.rating), item.note + photos,
                     estimate])
    widths = [26 * mm, 44 * mm, 30 * mm, 0, 38 * mm]
    widths[3] = width - sum(widths)
    table = pdf.data_table(("System\n系统", "Point\n检查项目", "Rating\n结果", "Note\n说明", "Estimate\n报价"), rows,
                           widths=widths, align="LLLLL", wrap=(0, 1, 2, 3, 4), zebra=False)
    shades = {"green": colors.HexColor("#E3F4E6"), "amber": colors.HexColor("#FFF1CC"),
              "red": colors.HexColor("#FBDADA")}
    table.setStyle(TableStyle([("BACKGROUND", (2, n), (2, n), shades[item.rating])
                               for n, item in enumerate(view.items, start=1) if item.rating in shades]))
    story.append(table)
    story += [Spacer(1, 8 * mm), pdf.para("Amber: have it looked at soon. Red: needs attention now. "
                                          "黄色：建议尽快处理；红色：需立即处理。", "muted")]
    frame = pdf.PageFrame(footer=f"{dealer.name} · {HEALTH_CHECK_TITLE} · {view.repair_order_number}",
                          running_header=f"{HEALTH_CHECK_TITLE} · {view.repair_order_number} · {view.vin}")
    pdf.build(path, story, frame=frame, title=f"{HEALTH_CHECK_TITLE} {view.repair_order_number}",
              author=dealer.name, subject=view.vin)
