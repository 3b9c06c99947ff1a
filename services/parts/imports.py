"""The parts import kinds: ``parts`` (the catalogue), ``price-list`` (a manufacturer's price file) and
``stock-count`` (counted quantities into an open stock count).

Brand + part number (folded by :func:`services.parts.catalogue.normalize_number`) is the natural key:
importing a file again updates the parts it names and never duplicates them. An empty cell leaves
the part's current value as it is. A brand the catalogue does not know yet is created and named in
the summary. ``superseded_by`` names a part number of the same brand, in the catalogue or in the file.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, select, text

from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id, new_ids
from core.messages import msg
from core.progress import CancelToken, Progress
from core.status_words import status_word
from core.text import fold
from models.parts import Brand, Part, StockCount, StockCountLine, StockMovement
from services import search
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from services.parts.catalogue import MAX_CHAIN, normalize_number
from store.audit_chain import Change
from store.uow import UnitOfWork

_CHUNK = 5000
# The part columns that appear in its search document (services/search.py part_doc).
_SEARCHED_COLUMNS = {"part_number", "number_key", "description", "description_alt", "bin", "brand_id"}

BRAND = Field("brand", "Brand", required=True, max_length=80,
              synonyms=("make", "manufacturer", "品牌", "厂牌", "厂家", "车型品牌"))
PART_NUMBER = Field("part_number", "Part number", required=True, kind="code", max_length=60,
                    synonyms=("part no", "part no.", "part #", "partno", "number", "oe number", "零件号", "配件号",
                              "零件编号", "配件编号", "零件号码", "配件编码", "零件编码", "物料号", "编号"))
DESCRIPTION = Field("description", "Description", max_length=300,
                    synonyms=("name", "part name", "名称", "描述", "零件名称", "配件名称", "品名", "说明"))
DESCRIPTION_ALT = Field("description_alt", "Second description", max_length=300,
                        synonyms=("description 2", "english description", "英文名称", "英文描述", "第二描述"))
CATEGORY = Field("category", "Category", max_length=80, synonyms=("group", "类别", "分类", "类型", "零件类别"))
UNIT = Field("unit", "Unit", max_length=16, synonyms=("uom", "单位", "计量单位"))
BARCODE = Field("barcode", "Barcode", kind="code", max_length=64, synonyms=("ean", "条码", "条形码"))
BIN = Field("bin", "Bin", max_length=40, synonyms=("bin location", "location", "货位", "库位", "仓位"))
TAX_CODE = Field("tax_code", "Tax code", max_length=16, synonyms=("tax class", "税码", "税率代码"))
RETAIL = Field("retail_price", "Retail price", kind="money",
               synonyms=("retail", "price", "零售价", "零售价格", "售价", "销售价"))
TRADE = Field("trade_price", "Trade price", kind="money", synonyms=("trade", "wholesale", "批发价", "同行价"))
COST = Field("cost", "Cost", kind="money",
             synonyms=("list cost", "list_cost", "dealer price", "net price", "成本", "成本价", "进价", "采购价"))
SUPERSEDED = Field("superseded_by", "Superseded by", kind="code", max_length=60,
                   synonyms=("replaced by", "supersession", "new part number", "替代", "替代号", "替换号",
                             "替代零件号", "新零件号", "新配件号"))
COUNTED = Field("counted", "Counted", required=True, kind="quantity",
                synonyms=("count", "quantity", "qty", "盘点数", "盘点数量", "实盘数", "实盘数量", "数量"))

# file field -> part column
_COLUMN = {"part_number": "part_number", "description": "description", "description_alt": "description_alt",
           "category": "category", "unit": "unit", "barcode": "barcode", "bin": "bin", "tax_code": "tax_code",
           "retail_price": "retail_price", "trade_price": "trade_price", "cost": "list_cost"}
CATALOGUE_UPDATES = tuple(_COLUMN.values())
PRICE_UPDATES = ("retail_price", "trade_price", "list_cost")


@functools.lru_cache(maxsize=4096)
def _fold_brand(name: str) -> str:
    # Remembered: a price list names the same few brands row after row.
    return fold(name)


def _fingerprint_of(*tables: str) -> Callable[[Connection], tuple]:
    """A cheap mark of ``tables`` that changes with any insert, update (stamped) or delete."""
    sql = text(" UNION ALL ".join(f"SELECT count(*), max(rowid), max(updated_at) FROM {t}" for t in tables))

    def fingerprint(conn: Connection) -> tuple:
        return tuple(tuple(r) for r in conn.execute(sql))

    return fingerprint


_CATALOGUE_MARK = _fingerprint_of("brand", "part")
_COUNT_MARK = _fingerprint_of("brand", "part", "stock_count", "stock_count_line")


def _key(values: dict[str, Any]) -> tuple:
    return _fold_brand(values.get("brand", "")), normalize_number(values.get("part_number", ""))


def _chunks(rows: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _cleaned(name: str, value: Any) -> Any:
    if name in ("bin", "tax_code"):
        return value.upper()
    return value


@dataclass
class _PartsPlan:
    brands: list[dict[str, Any]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    reindex: list[str] = field(default_factory=list)  # updated parts whose search document changes
    before: dict[str, dict[str, Any]] = field(default_factory=dict)  # part id → its updatable values now
    brand_names: dict[str, str] = field(default_factory=dict)  # brand id → name, for the new parts' documents


def _brand_ids(conn: Connection, rows: list[RowResult], plan: _PartsPlan, summary: ImportSummary,
               actor: Actor) -> dict[str, str]:
    stored = dict(conn.execute(select(Brand.id, Brand.name)).all())
    known = {_fold_brand(name): brand_id for brand_id, name in stored.items()}
    found: dict[str, str] = {}
    for r in rows:
        name = r.values["brand"]
        folded = _fold_brand(name)
        if folded in found:
            continue
        if folded in known:
            found[folded] = known[folded]
            plan.brand_names[known[folded]] = stored[known[folded]]
            continue
        found[folded] = brand_id = new_id()
        plan.brands.append({"id": brand_id, "name": name})
        plan.brand_names[brand_id] = name
        summary.extra.setdefault("new_brands", []).append(name)
    return found


def _existing_parts(conn: Connection, brand_ids: set[str], columns: Sequence[str]) -> dict[tuple, tuple]:
    """The catalogue's parts of these brands by (brand id, number key), each as a tuple of its id,
    superseded-by id and ``columns``. Read as plain tuples straight from the driver: a price list
    looks up a whole catalogue (all its columns are plain text and integers)."""
    t = Part.__table__
    names = ["brand_id", "number_key", "id", "superseded_by_id", *columns]
    if any(t.c[n].type.python_type not in (str, int) for n in names):
        raise TypeError(f"only text and integer columns can be read raw: {names}")
    head = "SELECT " + ", ".join(f'"{t.c[n].name}"' for n in names) + ' FROM part WHERE brand_id IN '
    found: dict[tuple, tuple] = {}
    cursor = conn.connection.driver_connection.cursor()
    try:
        for chunk in _chunks(sorted(brand_ids), 500):
            cursor.execute(head + "(" + ", ".join("?" * len(chunk)) + ")", chunk)
            found.update(((row[0], row[1]), row[2:]) for row in cursor.fetchall())
    finally:
        cursor.close()
    return found


# A new part's values where the file gives none.
_NEW_PART = {"id": None, "brand_id": None, "part_number": None, "number_key": None, "description": "",
             "description_alt": "", "category": "", "unit": "pcs", "barcode": "", "bin": "", "tax_code": "",
             "retail_price": 0, "trade_price": 0, "list_cost": 0, "min_qty": 0, "max_qty": 0, "reorder_manual": False,
             "preferred_supplier_id": None, "superseded_by_id": None, "active": True}


def _new_part(part_id: str, brand_id: str, values: dict[str, Any], number_key: str | None = None) -> dict[str, Any]:
    row = _NEW_PART.copy()
    row["id"], row["brand_id"] = part_id, brand_id
    row["number_key"] = normalize_number(values["part_number"]) if number_key is None else number_key
    for name, value in values.items():
        column = _COLUMN.get(name)
        if column is not None:
            row[column] = _cleaned(name, value)
    return row


def _id_stream(batch: int = 1000) -> Iterator[str]:
    """New ids, made a batch at a time."""
    while True:
        yield from new_ids(batch)


def _plan_parts(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary, *,
                updatable: tuple[str, ...]) -> _PartsPlan:
    actor = context.actor
    plan = _PartsPlan(columns=updatable)
    brands = _brand_ids(conn, rows, plan, summary, actor)
    existing = _existing_parts(conn, set(brands.values()), updatable)
    ids = {k: v[0] for k, v in existing.items()}
    links = {v[0]: v[1] for v in existing.values()}
    pending: list[tuple[RowResult, str, str]] = []
    brand_of: dict[str, str] = {}
    part_ids = _id_stream()
    given = [(name, column) for name, column in _COLUMN.items() if column in updatable]
    searched = [c for c in updatable if c in _SEARCHED_COLUMNS]
    for r in rows:
        brand_id = brands[_fold_brand(r.values["brand"])]
        key = normalize_number(r.values["part_number"])
        if not key:
            r.error("part_number", msg("has no letters or digits"))
            continue
        old = existing.get((brand_id, key))
        if old is None:
            if "description" not in r.values:
                r.error("description", msg("is empty (a part new to the catalogue needs one)"))
                continue
            part_id = next(part_ids)
            plan.inserts.append(_new_part(part_id, brand_id, r.values, key))
            ids[(brand_id, key)] = part_id
            r.action = "insert"
        else:
            part_id = old[0]
            before = dict(zip(updatable, old[2:], strict=True))
            merged = before.copy()
            for name, column in given:
                if name in r.values:
                    merged[column] = _cleaned(name, r.values[name])
            if merged != before:
                plan.updates.append({"id": part_id, **merged})
                plan.before[part_id] = before
                r.action = "update"
                if any(merged[c] != before[c] for c in searched):
                    plan.reindex.append(part_id)
            else:
                r.action = "unchanged"
        brand_of[part_id] = brand_id
        if "superseded_by" in r.values:
            pending.append((r, part_id, r.values["superseded_by"]))
    changed: list[tuple[RowResult, str, str]] = []
    for r, part_id, number in pending:
        target = ids.get((brand_of[part_id], normalize_number(number)))
        if target is None:
            r.error("superseded_by", msg("{number} is not a {brand} part in the catalogue or in this file",
                                         number=number, brand=r.values['brand']))
        elif target == part_id:
            r.error("superseded_by", msg("a part cannot be superseded by itself"))
        elif links.get(part_id) != target:
            links[part_id] = target
            changed.append((r, part_id, target))
    for r, part_id, target in changed:
        current, steps = target, 0
        while current is not None and current != part_id and steps <= MAX_CHAIN:
            current, steps = links.get(current), steps + 1
        if current is not None:
            r.error("superseded_by", msg("{part} is itself superseded, directly or through other parts, by this "
                                         "part: the chain would loop", part=r.values['superseded_by']))
            continue
        plan.links.append({"id": part_id, "superseded_by_id": target})
        if r.action == "unchanged":
            r.action = "update"
    actions = Counter(r.action for r in rows)
    summary.inserted, summary.updated, summary.unchanged = actions["insert"], actions["update"], actions["unchanged"]
    summary.extra["supersessions"] = len(plan.links)
    return plan


def _commit_parts(uow: UnitOfWork, plan: _PartsPlan, summary: ImportSummary, progress: Progress,
                  cancel: CancelToken | None) -> None:
    uow.insert(Brand, plan.brands)
    total = len(plan.inserts) + len(plan.updates)
    done = 0
    for chunk in _chunks(plan.inserts):
        if cancel is not None:
            cancel.check()
        # No stock row: a part's cached stock figures are made with its first movement.
        uow.insert(Part, chunk)
        done += len(chunk)
        progress(done, total, f"Imported {done:,} of {total:,} parts")
    for chunk in _chunks(plan.updates):
        if cancel is not None:
            cancel.check()
        uow.update(Part, chunk, before=plan.before)
        done += len(chunk)
        progress(done, total, f"Imported {done:,} of {total:,} parts")
    uow.update(Part, plan.links)
    # Only what a search document shows needs re-indexing: a price file that changes prices of known
    # parts re-indexes just its new parts. (A whole-index rebuild would redo every customer, vehicle and
    # invoice document too.) New parts are indexed from the values just written, not read back.
    if cancel is not None:
        cancel.check()
    names = plan.brand_names
    search.index_new(uow.connection, "part", (
        _PartRecord(row["id"], names[row["brand_id"]], row["part_number"], row["number_key"], row["description"],
                    row["description_alt"], row["bin"]) for row in plan.inserts))
    search.index(uow.connection, "part", plan.reindex)
    _audit(uow, summary, "part")


class _PartRecord(NamedTuple):
    """A new part as the part search kind's SQL selects it (services/parts/area.py)."""

    id: str
    brand: str
    part_number: str
    number_key: str
    description: str
    description_alt: str
    bin: str


def _audit(uow: UnitOfWork, summary: ImportSummary, entity: str) -> None:
    from pathlib import Path

    counts = {"file": Path(summary.file).name, "kind": summary.kind, "rows": summary.rows,
              "inserted": summary.inserted, "updated": summary.updated, "unchanged": summary.unchanged,
              **summary.extra}
    text = msg("{kind} import of {name}: {rows} rows, {inserted} new, {updated} updated, {unchanged} unchanged",
               kind=summary.kind, name=counts["file"], rows=summary.rows, inserted=summary.inserted,
               updated=summary.updated, unchanged=summary.unchanged)
    uow.audit([Change("import", entity, new_id(), None, counts, summary=text)])


# --- stock counts -----------------------------------------------------------------------------------

@dataclass
class _CountPlan:
    count_id: str
    number: str
    status: str
    lines: list[dict[str, Any]] = field(default_factory=list)  # id, part_id, counted


def _target_count(conn: Connection, number: str) -> tuple[str, str, str]:
    t = StockCount.__table__
    if number:
        row = conn.execute(select(t.c.id, t.c.number, t.c.status).where(t.c.number == number.strip())).first()
        if row is None:
            raise ValidationError("count", msg("There is no stock count {number}", number=number))
        if row.status not in ("open", "counting"):
            raise ValidationError("count", msg("Count {number} is {status}; it can no longer be changed",
                                               number=row.number, status=status_word(row.status)))
        return row.id, row.number, row.status
    rows = conn.execute(select(t.c.id, t.c.number, t.c.status).where(t.c.status.in_(("open", "counting")))
                        .order_by(t.c.number)).all()
    if not rows:
        raise ValidationError("count", msg("No stock count is open: start one before importing counted figures"))
    if len(rows) > 1:
        raise ValidationError("count", msg("Several stock counts are open ({items}): name the one to fill",
                                           items=', '.join(r.number for r in rows)))
    return rows[0].id, rows[0].number, rows[0].status


def _plan_count(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary) -> _CountPlan:
    count_id, number, status = _target_count(conn, context.target)
    plan = _CountPlan(count_id=count_id, number=number, status=status)
    brands = {_fold_brand(name): brand_id for brand_id, name in conn.execute(select(Brand.id, Brand.name))}
    lt, pt = StockCountLine.__table__, Part.__table__
    on_count = {(r.brand_id, r.number_key): (r.line_id, r.part_id, r.counted) for r in conn.execute(
        select(lt.c.id.label("line_id"), lt.c.part_id, lt.c.counted, pt.c.brand_id, pt.c.number_key)
        .join(pt, pt.c.id == lt.c.part_id).where(lt.c.count_id == count_id))}
    for r in rows:
        brand_id = brands.get(_fold_brand(r.values["brand"]))
        if brand_id is None:
            r.error("brand", msg("{brand} is not a brand in the catalogue", brand=r.values['brand']))
            continue
        line = on_count.get((brand_id, normalize_number(r.values["part_number"])))
        if line is None:
            r.error("part_number", msg("{brand} {part_number} is not on count {number}",
                                       brand=r.values['brand'], part_number=r.values['part_number'], number=number))
            continue
        line_id, part_id, counted = line
        if counted == r.values["counted"]:
            r.action = "unchanged"
        else:
            r.action = "update"
            plan.lines.append({"id": line_id, "part_id": part_id, "counted": r.values["counted"]})
    summary.updated = len(plan.lines)
    summary.unchanged = sum(r.action == "unchanged" for r in rows)
    return plan


def _commit_count(uow: UnitOfWork, plan: _CountPlan, summary: ImportSummary, progress: Progress,
                  cancel: CancelToken | None) -> None:
    m = StockMovement.__table__
    lines = []
    for chunk in _chunks(plan.lines, 500):
        if cancel is not None:
            cancel.check()
        # As services.parts.counts.enter_count: the ledger's on hand and last movement at this moment.
        ledger = {r.part_id: (r.on_hand, r.mark) for r in uow.connection.execute(
            select(m.c.part_id, func.sum(m.c.quantity).label("on_hand"), func.max(m.c.id).label("mark"))
            .where(m.c.part_id.in_([line["part_id"] for line in chunk])).group_by(m.c.part_id))}
        for line in chunk:
            on_hand, mark = ledger.get(line["part_id"], (0, ""))
            lines.append({"id": line["id"], "counted": line["counted"], "expected": on_hand, "ledger_mark": mark,
                          "counted_at": uow.now})
    if lines:
        uow.update(StockCountLine, lines)
        progress(len(lines), len(lines), f"Entered {len(lines):,} counted figures")
        if plan.status == "open":
            uow.update(StockCount, [{"id": plan.count_id, "status": "counting"}])
    _audit(uow, summary, "stock_count_line")


# --- the kinds (declared by services/parts/area.py) --------------------------------------------

_EXTRAS = (("new_brands", "new brands"), ("supersessions", "supersessions"))

CATALOGUE_FIELDS = (BRAND, PART_NUMBER, DESCRIPTION, DESCRIPTION_ALT, CATEGORY, UNIT, BARCODE, BIN, TAX_CODE,
                    RETAIL, TRADE, COST, SUPERSEDED)

PARTS = ImportKind(
    name="parts", title="Parts catalogue", about="the parts catalogue", fields=CATALOGUE_FIELDS,
    key=("brand", "part_number"), key_of=_key,
    plan=lambda conn, rows, ctx, summary: _plan_parts(conn, rows, ctx, summary, updatable=CATALOGUE_UPDATES),
    commit=_commit_parts, permissions=("part.import",), extras=_EXTRAS, fingerprint=_CATALOGUE_MARK)

PRICE_LIST = ImportKind(
    name="price-list", title="Manufacturer price list", about="a manufacturer's price list",
    fields=(BRAND, PART_NUMBER, replace(DESCRIPTION, required=True), replace(RETAIL, required=True), TRADE, COST,
            SUPERSEDED),
    key=("brand", "part_number"), key_of=_key,
    plan=lambda conn, rows, ctx, summary: _plan_parts(conn, rows, ctx, summary, updatable=PRICE_UPDATES),
    commit=_commit_parts, permissions=("part.import",), extras=_EXTRAS, fingerprint=_CATALOGUE_MARK)

STOCK_COUNT = ImportKind(
    name="stock-count", title="Stock count", about="counted quantities into an open stock count",
    fields=(BRAND, PART_NUMBER, COUNTED), key=("brand", "part_number"), key_of=_key, plan=_plan_count,
    commit=_commit_count, permissions=("part.import", "stock.count"), fingerprint=_COUNT_MARK,
    target_option=("--count", "the stock count to fill (default: the only open one)"))
