"""Parts files out: the catalogue and stock figures as .xlsx or .csv (by the file's extension).

The column names are the ones the ``parts`` and ``price-list`` imports read, first the ones issue 4
fixes (``brand, part_number, description, category, retail_price, cost, superseded_by`` and
``brand, part_number, bin, on_hand, reserved, available, average_cost``), so an exported file edited
in Excel imports again cleanly. Money is in major units (``12.50``) and quantities in units
(``1.5``): numbers in an .xlsx file, plain text in a .csv file.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, func, select

from core.actor import Actor
from core.money import digits, from_minor
from core.progress import CancelToken, Progress, no_progress
from core.quantities import quantity_text
from models.parts import Brand, Part, PartStock
from services import files, settings
from services.permissions import require
from store.database import Database

PART_COLUMNS = ("brand", "part_number", "description", "category", "retail_price", "cost", "superseded_by",
                "description_alt", "unit", "barcode", "bin", "tax_code", "trade_price")
STOCK_COLUMNS = ("brand", "part_number", "bin", "on_hand", "reserved", "available", "average_cost")

_BATCH = 5000


def _prepare(actor: Actor, path: Path | str) -> Path:
    require(actor, "part.view")
    require(actor, "data.export")
    require(actor, "cost.view")  # both files hold costs (list cost, average cost)
    path = Path(path)
    files.table_suffix(path)
    return path


def _money_format(currency: str) -> str:
    d = digits(currency)
    return "#,##0" + ("." + "0" * d if d else "")


def _batches(conn: Connection, query: Select, convert) -> Iterator[list[tuple[Any, ...]]]:
    for part in conn.execute(query).partitions(_BATCH):
        # An empty cell costs an .xlsx writer nothing, an empty string as much as any text; a .csv
        # file shows both the same.
        yield [tuple(None if v == "" else v for v in convert(r)) for r in part]


def _raw_partitions(conn: Connection, query: Select) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of ``query`` (no parameters) as plain tuples straight from the driver, in batches:
    an export of a whole catalogue needs none of SQLAlchemy's row processing."""
    cursor = conn.connection.driver_connection.execute(str(query.compile(dialect=conn.dialect)))
    try:
        while part := cursor.fetchmany(_BATCH):
            yield part
    finally:
        cursor.close()


def _major(currency: str, *, xlsx: bool):
    """Minor units to major: for .xlsx a float (a spreadsheet number is a double, and int / 10**n is
    the double nearest the exact amount), for .csv the exact decimal text (12.50)."""
    if not xlsx:
        return lambda minor: from_minor(minor, currency)
    scale = 10 ** digits(currency)
    return lambda minor: minor / scale


def _count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(Part)).scalar_one()


def export_parts(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> int:
    """Write the catalogue (brand, then part number order) to ``path``; returns the rows written.
    Worker thread."""
    path = _prepare(actor, path)
    p = Part.__table__
    newer = p.alias("newer")
    query = (select(Brand.name, p.c.part_number, p.c.description, p.c.category, p.c.retail_price, p.c.list_cost,
                    newer.c.part_number, p.c.description_alt, p.c.unit, p.c.barcode, p.c.bin, p.c.tax_code,
                    p.c.trade_price)
             .join(Brand, Brand.id == p.c.brand_id).outerjoin(newer, newer.c.id == p.c.superseded_by_id)
             .order_by(Brand.name, p.c.number_key))
    with db.read() as conn:
        currency = settings.load(conn).currency
        major = _major(currency, xlsx=files.table_suffix(path) == ".xlsx")

        def convert(r) -> tuple[Any, ...]:
            # Empty text as an empty cell (see _batches), built in one go: this runs for every part.
            return (r[0] or None, r[1] or None, r[2] or None, r[3] or None, major(r[4]), major(r[5]),
                    r[6] or None, r[7] or None, r[8] or None, r[9] or None, r[10] or None, r[11] or None,
                    major(r[12]))

        batches = (list(map(convert, part)) for part in _raw_partitions(conn, query))
        money = _money_format(currency)
        return files.write_table(path, PART_COLUMNS, batches, total=_count(conn),
                                 sheet="parts", widths=(14, 18, 40, 16, 12, 12, 18, 30, 8, 16, 10, 10, 12),
                                 number_formats={4: money, 5: money, 12: money}, progress=progress, cancel=cancel)


def _quantity(milli: int) -> Decimal:
    return Decimal(quantity_text(milli))


def export_stock(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> int:
    """Write every part's bin, on hand, reserved, available and average cost to ``path``; returns the
    rows written. Worker thread."""
    path = _prepare(actor, path)
    p, s = Part.__table__, PartStock.__table__
    on_hand, reserved = func.coalesce(s.c.on_hand, 0), func.coalesce(s.c.reserved, 0)
    query = (select(Brand.name, p.c.part_number, p.c.bin, on_hand, reserved, func.coalesce(s.c.average_cost, 0))
             .join(Brand, Brand.id == p.c.brand_id).outerjoin(s, s.c.part_id == p.c.id)
             .order_by(Brand.name, p.c.number_key))
    with db.read() as conn:
        currency = settings.load(conn).currency

        def convert(r) -> tuple[Any, ...]:
            return (r[0], r[1], r[2], _quantity(r[3]), _quantity(r[4]), _quantity(r[3] - r[4]),
                    from_minor(r[5], currency))

        return files.write_table(path, STOCK_COLUMNS, _batches(conn, query, convert), total=_count(conn),
                                 sheet="stock", widths=(14, 18, 10, 10, 10, 10, 12),
                                 number_formats={6: _money_format(currency)}, progress=progress, cancel=cancel)
