"""Deals out as .xlsx or .csv: ``forecourt export deals FILE``. Money in major units (``12.50``):
numbers in an .xlsx file, plain text in a .csv file. The gross profit is written only for those who
may see margins (empty otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.actor import Actor
from core.money import digits, from_minor
from core.progress import CancelToken, Progress, no_progress
from models.crm import Customer
from models.sales import Deal
from models.vehicles import StockVehicle, Vehicle
from services import files, settings
from services.permissions import require
from store.database import Database

DEAL_COLUMNS = ("number", "status", "customer_name", "vin", "price", "discount", "gross_profit", "salesperson",
                "quoted_on", "ordered_on", "delivered_on", "stock_number", "make", "model", "total",
                "approval_state", "cancel_reason")
_BATCH = 5000


def export_deals(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> int:
    """Write every deal, by quotation day and number; returns the rows written. Worker thread."""
    require(actor, "deal.view")
    require(actor, "data.export")
    path = Path(path)
    files.table_suffix(path)
    margins = actor.can("margin.view")
    query = (select(Deal.number, Deal.status, Customer.name, Vehicle.vin, Deal.price, Deal.discount,
                    Deal.gross_profit, Deal.salesperson, Deal.quoted_on, Deal.ordered_on, Deal.delivered_on,
                    StockVehicle.stock_number, StockVehicle.make, StockVehicle.model, Deal.total,
                    Deal.approval_state, Deal.cancel_reason)
             .join(Customer, Customer.id == Deal.customer_id)
             .outerjoin(StockVehicle, StockVehicle.id == Deal.stock_vehicle_id)
             .outerjoin(Vehicle, Vehicle.id == StockVehicle.vehicle_id)
             .order_by(Deal.quoted_on, Deal.number))
    with db.read() as conn:
        currency = settings.load(conn).currency
        total = conn.execute(select(func.count()).select_from(Deal)).scalar_one()

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(_BATCH):
                yield [(r.number, r.status, r.name, r.vin, from_minor(r.price, currency),
                        from_minor(r.discount, currency), from_minor(r.gross_profit, currency) if margins else None,
                        r.salesperson, r.quoted_on, r.ordered_on, r.delivered_on, r.stock_number, r.make, r.model,
                        from_minor(r.total, currency), r.approval_state, r.cancel_reason or None) for r in part]

        d = digits(currency)
        money = "#,##0" + ("." + "0" * d if d else "")
        return files.write_table(path, DEAL_COLUMNS, batches(), total=total, sheet="deals",
                                 widths=(20, 11, 24, 20, 12, 12, 12, 14, 11, 11, 11, 12, 12, 16, 12, 12, 30),
                                 number_formats={4: money, 5: money, 6: money, 14: money}, progress=progress,
                                 cancel=cancel)
