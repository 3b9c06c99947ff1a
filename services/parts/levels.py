"""A part's reorder levels: the minimum and maximum stored on it, and what the reorder rule suggests
from the last twelve months' demand (see :mod:`services.parts.purchasing` for the rule). The levels
statement lives here, below the catalogue, stock and purchasing modules that all use it, and so does
keeping an automatic part's levels current as its demand moves (:func:`levels_follow`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Row, bindparam, select, text
from sqlalchemy.orm import Session

from core import clock
from models.parts import Part
from store.uow import UnitOfWork

MAX_CHAIN = 100  # the longest supersession chain followed
DEFAULT_LEAD_TIME_DAYS = 7  # for parts without a preferred supplier
DEMAND_KINDS = ("issue", "return_from_job", "counter_sale", "customer_return")


@dataclass(frozen=True)
class ReorderLevels:
    """A part's stored min/max and what the reorder rule suggests from today's demand."""

    part_id: str
    min_qty: int
    max_qty: int
    manual: bool
    suggested_min: int
    suggested_max: int
    demand_12m: int

    @property
    def differs(self) -> bool:
        return (self.suggested_min, self.suggested_max) != (self.min_qty, self.max_qty)


_SUGGESTIONS_SQL = """
WITH RECURSIVE chain(id, final, depth) AS (
    -- Every superseded part with the newest number of its chain (A → B → C: A and B, each with C).
    SELECT id, superseded_by_id, 1 FROM part WHERE superseded_by_id IS NOT NULL
    UNION ALL
    SELECT c.id, p.superseded_by_id, c.depth + 1 FROM chain c JOIN part p ON p.id = c.final
    WHERE p.superseded_by_id IS NOT NULL AND c.depth < {max_chain}
),
older AS (
    SELECT c.id, c.final FROM chain c JOIN part p ON p.id = c.final WHERE p.superseded_by_id IS NULL
),
own_demand AS (
    -- For the whole catalogue a year of movements is most of the ledger: one sequential scan beats a
    -- lookup per index entry. For a few parts (and the older numbers of their chains) the index is quicker.
    SELECT part_id, -sum(quantity) AS qty
    FROM stock_movement {demand_scan}
    WHERE kind IN ('issue', 'return_from_job', 'counter_sale', 'customer_return') AND moved_on >= :since
      {demand_filter}
    GROUP BY part_id
),
own_on_order AS (
    SELECT l.part_id, sum(max(l.quantity - l.received, 0)) AS qty
    FROM purchase_order_line l JOIN purchase_order o ON o.id = l.order_id
    WHERE o.status IN ('draft', 'sent', 'partly_received')
    GROUP BY l.part_id
),
-- What the older numbers of a chain still hold, sell and await is netted at its newest number.
older_figures AS (
    SELECT o.final AS part_id, sum(coalesce(ps.on_hand, 0)) AS on_hand, sum(coalesce(ps.reserved, 0)) AS reserved,
           sum(coalesce(d.qty, 0)) AS demand, sum(oo.qty) AS on_order
    FROM older o
    LEFT JOIN part_stock ps ON ps.part_id = o.id
    LEFT JOIN own_demand d ON d.part_id = o.id
    LEFT JOIN own_on_order oo ON oo.part_id = o.id
    GROUP BY o.final
),
position AS (
    SELECT p.id, p.brand_id, p.part_number, p.description, p.preferred_supplier_id, p.list_cost,
           p.reorder_manual AS manual,
           coalesce(ps.on_hand, 0) + coalesce(od.on_hand, 0) AS on_hand,
           coalesce(ps.reserved, 0) + coalesce(od.reserved, 0) AS reserved,
           coalesce(ps.average_cost, 0) AS average_cost,
           coalesce(oo.qty, 0) + coalesce(od.on_order, 0) AS on_order,
           max(coalesce(d.qty, 0) + coalesce(od.demand, 0), 0) AS demand,
           coalesce(s.lead_time_days, :default_lead) AS lead,
           p.min_qty, p.max_qty
    FROM part p
    LEFT JOIN part_stock ps ON ps.part_id = p.id
    LEFT JOIN own_on_order oo ON oo.part_id = p.id
    LEFT JOIN own_demand d ON d.part_id = p.id
    LEFT JOIN older_figures od ON od.part_id = p.id
    LEFT JOIN supplier s ON s.id = p.preferred_supplier_id
    WHERE p.active = 1 AND p.superseded_by_id IS NULL
      AND (p.reorder_manual = 1 OR p.min_qty > 0 OR p.max_qty > 0 OR d.qty > 0 OR oo.qty IS NOT NULL
           OR ps.on_hand < ps.reserved OR od.part_id IS NOT NULL)
      {part_filter}
),
levels AS (
    SELECT *,
           ((demand * (lead + 30) + 360 * 1000 - 1) / (360 * 1000)) * 1000 AS suggested_min,
           ((demand * (lead + 60) + 360 * 1000 - 1) / (360 * 1000)) * 1000 AS suggested_max
    FROM position
)
SELECT l.id, b.name AS brand, l.part_number, l.description, l.preferred_supplier_id, l.on_hand, l.reserved,
       l.on_order, l.min_qty AS level_min, l.max_qty AS level_max, l.suggested_min, l.suggested_max,
       l.manual, l.demand, l.list_cost, l.average_cost
FROM levels l JOIN brand b ON b.id = l.brand_id
{where}
"""

_BELOW_MINIMUM_WHERE = "WHERE l.on_hand - l.reserved + l.on_order < l.min_qty"


def _since(today: date) -> str:
    since = today.replace(year=today.year - 1) if not (today.month == 2 and today.day == 29) \
        else date(today.year - 1, 2, 28)
    return (since + timedelta(days=1)).isoformat()


def level_rows(conn, *, today: date, part_ids: Collection[str] | None = None, below_minimum: bool) -> list[Row]:
    """The rows of the levels statement: every part with stored or suggested levels, or only those
    below their stored minimum."""
    params: dict = {"since": _since(today), "default_lead": DEFAULT_LEAD_TIME_DAYS}
    wanted = set(part_ids) if part_ids is not None else None
    # A short list is filtered in SQL; a long one would exceed SQLite's limit on bound parameters.
    in_sql = wanted is not None and len(wanted) <= 500
    sql = (_SUGGESTIONS_SQL.replace("{part_filter}", "AND p.id IN :part_ids" if in_sql else "")
           .replace("{demand_scan}", "" if in_sql else "NOT INDEXED")
           .replace("{demand_filter}", "AND (part_id IN :part_ids OR part_id IN "
                                       "(SELECT id FROM older WHERE final IN :part_ids))" if in_sql else "")
           .replace("{max_chain}", str(MAX_CHAIN))
           .replace("{where}", _BELOW_MINIMUM_WHERE if below_minimum else ""))
    statement = text(sql)
    if in_sql:
        statement = statement.bindparams(bindparam("part_ids", expanding=True))
        params["part_ids"] = sorted(wanted) or [""]
    return [r for r in conn.execute(statement, params) if wanted is None or r.id in wanted]


def levels_of(r: Row) -> ReorderLevels:
    return ReorderLevels(part_id=r.id, min_qty=r.level_min, max_qty=r.level_max, manual=bool(r.manual),
                         suggested_min=r.suggested_min, suggested_max=max(r.suggested_max, r.suggested_min),
                         demand_12m=r.demand)


def reorder_rule_changes(conn, *, today: date) -> list[dict[str, int | str]]:
    """The levels the reorder rule would store: ``{"id", "min_qty", "max_qty"}`` for every active part
    not set to manual whose stored figures differ from the suggested ones. Reads only."""
    rows = level_rows(conn, today=today, below_minimum=False)
    return [{"id": r.part_id, "min_qty": r.suggested_min, "max_qty": r.suggested_max}
            for r in map(levels_of, rows) if not r.manual and r.differs]

def _chain_ends(conn, part_ids: Collection[str]) -> set[str]:
    """The newest numbers of the supersession chains ``part_ids`` are on (where demand is netted)."""
    ends: set[str] = set()
    frontier = set(part_ids)
    for _ in range(MAX_CHAIN + 1):
        if not frontier:
            break
        newer: set[str] = set()
        for start in range(0, len(frontier), 500):
            chunk = sorted(frontier)[start:start + 500]
            for part_id, superseded_by in conn.execute(select(Part.id, Part.superseded_by_id)
                                                       .where(Part.id.in_(chunk))):
                if superseded_by:
                    newer.add(superseded_by)
                else:
                    ends.add(part_id)
        frontier = newer - ends
    return ends


def _refresh_levels(uow: UnitOfWork, part_ids: Collection[str], *, today: date | None = None) -> int:
    """Store the reorder rule's min/max on the automatic parts among ``part_ids`` (at the newest number
    of their chains) whose stored figures differ, in the caller's transaction; returns how many
    changed. It asks for no permission of its own: it follows from an action the user was allowed
    (a sale, an issue, a return, a change to the part), as stock on hand does."""
    if not part_ids:
        return 0
    conn = uow.session.connection()
    ends = _chain_ends(conn, part_ids)
    rows = level_rows(conn, today=today or clock.today(), part_ids=ends, below_minimum=False)
    changed = [{"id": r.part_id, "min_qty": r.suggested_min, "max_qty": r.suggested_max}
               for r in map(levels_of, rows) if not r.manual and r.differs]
    uow.update(Part, changed)
    return len(changed)


def levels_follow(session: Session, part_id: str) -> None:
    """The part's demand (or what its levels are made from) changed in this unit of work: an automatic
    part's stored min/max follow the reorder rule before the action commits, so the parts list, the
    part's details and stock alerts agree without anyone opening the reorder suggestions
    (``_refresh_levels``). Outside a unit of work it does nothing."""
    uow = session.info.get("uow")
    if uow is None:
        return
    session.info.setdefault("levels_follow", set()).add(part_id)
    uow.before_commit("reorder_levels", lambda: _refresh_levels(uow, session.info.pop("levels_follow", set())))
