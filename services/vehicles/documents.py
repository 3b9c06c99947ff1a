"""A vehicle's documents and keys: the certificate of conformity (合格证), import documents (进口单证),
keys (钥匙) and registration papers (登记证书), each received on a day and kept somewhere, then handed
over on a day to someone. The deal's delivery check asks :func:`missing_documents`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from core import clock
from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.messages import msg
from models.vehicles import DOCUMENT_KINDS, Vehicle, VehicleDocument
from services.permissions import require, require_any
from store.database import Database
from store.uow import UnitOfWork, action

# What a new car is delivered with unless the caller says otherwise.
DELIVERY_KINDS = ("certificate_of_conformity", "keys")


@dataclass
class DocumentInput:
    kind: str
    number: str = ""
    received_on: date | None = None
    kept_at: str = ""
    handed_over_on: date | None = None
    handed_to: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DocumentRow:
    id: str
    kind: str
    number: str
    received_on: date | None
    kept_at: str
    handed_over_on: date | None
    handed_to: str
    notes: str


def _rows(conn: Session | Connection, vehicle_id: str) -> list[DocumentRow]:
    d = VehicleDocument
    rows = conn.execute(select(d.id, d.kind, d.number, d.received_on, d.kept_at, d.handed_over_on, d.handed_to,
                               d.notes).where(d.vehicle_id == vehicle_id)).all()
    order = {k: i for i, k in enumerate(DOCUMENT_KINDS)}
    return sorted((DocumentRow(*r) for r in rows), key=lambda r: (order.get(r.kind, 99), r.id))


def documents_in(conn: Session | Connection, vehicle_id: str) -> list[DocumentRow]:
    """The vehicle's documents, in the order of :data:`DOCUMENT_KINDS`."""
    return _rows(conn, vehicle_id)


def documents(db: Database, actor: Actor, vehicle_id: str) -> list[DocumentRow]:
    require(actor, "vehicle.view")
    with db.read() as conn:
        return _rows(conn, vehicle_id)


def missing_documents(session: Session | Connection, vehicle_id: str,
                      kinds: Iterable[str] = DELIVERY_KINDS) -> list[str]:
    """The kinds among ``kinds`` the dealership has not received for the vehicle (no record, or no day
    received), in the order asked. Runs in the caller's transaction; checks no permission."""
    wanted = list(dict.fromkeys(kinds))
    unknown = [k for k in wanted if k not in DOCUMENT_KINDS]
    if unknown:
        raise ValidationError("kinds", msg("Unknown document kind(s): {items}", items=", ".join(unknown)))
    received = set(session.execute(select(VehicleDocument.kind).where(
        VehicleDocument.vehicle_id == vehicle_id, VehicleDocument.received_on.is_not(None))).scalars())
    return [k for k in wanted if k not in received]


def _clean(i: int, doc: DocumentInput, today: date) -> DocumentInput:
    where = f"documents[{i}]"
    if doc.kind not in DOCUMENT_KINDS:
        raise ValidationError(f"{where}.kind", msg("Unknown document kind '{kind}'", kind=doc.kind))
    for name, day in (("received_on", doc.received_on), ("handed_over_on", doc.handed_over_on)):
        if day is not None and day > today:
            raise ValidationError(f"{where}.{name}", msg("The day is in the future"))
    handed_to = " ".join((doc.handed_to or "").split())
    if doc.handed_over_on is not None:
        if doc.received_on is None:
            raise ValidationError(f"{where}.received_on", msg("A document handed over was received first: "
                                                              "enter the day it was received"))
        if doc.handed_over_on < doc.received_on:
            raise ValidationError(f"{where}.handed_over_on", msg("It cannot be handed over before it was received"))
        if not handed_to:
            raise ValidationError(f"{where}.handed_to", msg("Say to whom it was handed over"))
    elif handed_to:
        raise ValidationError(f"{where}.handed_over_on", msg("Enter the day it was handed over"))
    return DocumentInput(doc.kind, (doc.number or "").strip()[:60], doc.received_on,
                         " ".join((doc.kept_at or "").split())[:80], doc.handed_over_on, handed_to[:120],
                         (doc.notes or "").strip()[:300])


def save_documents_in(uow: UnitOfWork, vehicle_id: str, docs: list[DocumentInput]) -> None:
    """Record the vehicle's documents, one record per kind (a kind left out is left as it is; a kind
    with nothing filled in is removed). Sales staff hand documents and keys over at delivery, so
    either stock or deal rights will do."""
    require_any(uow.actor, "vehicle.stock", "deal.edit")
    session = uow.session
    if session.get(Vehicle, vehicle_id) is None:
        raise NotFound(msg("The vehicle no longer exists"))
    today = clock.today()
    clean = [_clean(i, d, today) for i, d in enumerate(docs, start=1)]
    kinds = [d.kind for d in clean]
    if len(set(kinds)) != len(kinds):
        raise ValidationError("documents", msg("Each kind of document is recorded once"))
    existing = {r.kind: r for r in session.execute(
        select(VehicleDocument).where(VehicleDocument.vehicle_id == vehicle_id)).scalars()}
    for d in clean:
        row = existing.get(d.kind)
        empty = not (d.number or d.received_on or d.kept_at or d.handed_over_on or d.notes)
        if empty:
            if row is not None:
                session.delete(row)
            continue
        if row is None:
            row = VehicleDocument(vehicle_id=vehicle_id, kind=d.kind)
            session.add(row)
        row.number, row.received_on, row.kept_at = d.number, d.received_on, d.kept_at
        row.handed_over_on, row.handed_to, row.notes = d.handed_over_on, d.handed_to, d.notes
    session.flush()
    uow.touched("vehicle_document", None)


save_documents = action(save_documents_in)
