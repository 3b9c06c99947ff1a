"""Parts, purchase orders, stock counts and suppliers: the lists of the parts area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource
from services.parts import alerts

_ON_HAND = "coalesce(s.on_hand, 0)"
_AVAILABLE = "(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0))"

PARTS = ListSource(
    name="parts",
    permission="part.view",
    from_sql="part p JOIN brand b ON b.id = p.brand_id LEFT JOIN part_stock s ON s.part_id = p.id",
    keyed_tables=("part_stock",),
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(
        # What the counter asks first (which part, how many can be sold, at what price, where) comes
        # first: at the front desk's 1366 px the rest scrolls into view.
        Column("brand", "b.name", width=90),
        Column("part_number", "p.part_number", width=130),
        Column("description", "p.description", width=190),
        Column("available", _AVAILABLE, kind="qty", width=70),
        Column("retail_price", "p.retail_price", kind="money", width=95),
        Column("bin", "p.bin", width=70),
        Column("on_hand", _ON_HAND, kind="qty", width=70),
        Column("reserved", "coalesce(s.reserved, 0)", kind="qty", width=70),
        Column("category", "p.category", width=90),
        # The part's stored levels: the ones alerts and reorder suggestions compare with.
        Column("min_qty", "p.min_qty", kind="qty", width=70),
        Column("max_qty", "p.max_qty", kind="qty", width=70),
        Column("average_cost", "coalesce(s.average_cost, 0)", kind="money", width=95, permission="cost.view"),
    ),
    filters=(
        Filter("category", "p.category = :value", kind="text"),
        # The same rule as the below-minimum alert.
        Filter("below_min", f"coalesce({alerts.BELOW_MINIMUM_SQL}, 0) = :value", kind="bool"),
        Filter("in_stock", f"({_ON_HAND} > 0) = :value", kind="bool"),
    ),
    search_kind="part",
    default_sort="part_number",
)

# Still expected from the supplier: what is ordered and not yet received, while the order is open.
_BACK_ORDER = ("CASE WHEN o.status IN ('draft', 'sent', 'partly_received') THEN (SELECT coalesce(sum("
               "max(l.quantity - l.received, 0)), 0) FROM purchase_order_line l WHERE l.order_id = o.id) "
               "ELSE 0 END")

PURCHASE_ORDERS = ListSource(
    name="purchase_orders",
    permission="cost.view",
    from_sql="purchase_order o JOIN supplier s ON s.id = o.supplier_id",
    id_sql="o.id",
    tiebreak_sql="o.rowid",
    columns=(
        Column("number", "o.number", width=145),
        Column("supplier", "s.name", width=150),
        Column("status", "o.status", width=110),
        Column("ordered_on", "o.ordered_on", kind="date", width=90),
        Column("expected_on", "o.expected_on", kind="date", width=90),
        Column("lines", "(SELECT count(*) FROM purchase_order_line l WHERE l.order_id = o.id)", kind="int",
               sortable=False, width=55),
        Column("back_order", _BACK_ORDER, kind="qty", sortable=False, width=85),
        Column("created_at", "o.created_at", kind="datetime"),
    ),
    filters=(
        Filter("status", "o.status = :value", choices=(
            ("draft", "Draft"), ("sent", "Sent"), ("partly_received", "Partly received"),
            ("received", "Received"), ("closed", "Closed"), ("cancelled", "Cancelled"))),
        Filter("supplier_id", "o.supplier_id = :value", kind="text"),
    ),
    search_sql="(o.number LIKE :search ESCAPE '\\' OR s.name LIKE :search ESCAPE '\\' "
               "OR o.notes LIKE :search ESCAPE '\\')",
    default_sort="created_at",
    default_descending=True,
)

STOCK_COUNTS = ListSource(
    name="stock_counts",
    permission="part.view",
    from_sql="stock_count c",
    id_sql="c.id",
    tiebreak_sql="c.rowid",
    columns=(
        Column("number", "c.number", width=145),
        Column("status", "c.status", width=90),
        Column("started_on", "c.started_on", kind="date", width=90),
        Column("bin_from", "c.bin_from", width=70),
        Column("bin_to", "c.bin_to", width=70),
        Column("category", "c.category", width=100),
        Column("lines", "(SELECT count(*) FROM stock_count_line l WHERE l.count_id = c.id)", kind="int",
               sortable=False, width=55),
        Column("counted", "(SELECT count(*) FROM stock_count_line l WHERE l.count_id = c.id "
                          "AND l.counted IS NOT NULL)", kind="int", sortable=False, width=65),
        Column("posted_on", "c.posted_on", kind="date", width=90),
    ),
    filters=(
        Filter("status", "c.status = :value", choices=(
            ("open", "Open"), ("counting", "Counting"), ("posted", "Posted"), ("cancelled", "Cancelled"))),
    ),
    search_sql="(c.number LIKE :search ESCAPE '\\' OR c.category LIKE :search ESCAPE '\\')",
    default_sort="started_on",
    default_descending=True,
)

SUPPLIERS = ListSource(
    name="suppliers",
    permission="cost.view",
    from_sql="supplier s",
    id_sql="s.id",
    tiebreak_sql="s.rowid",
    columns=(
        Column("name", "s.name", width=180),
        Column("contact_name", "s.contact_name", width=120),
        Column("phone", "s.phone", kind="phone", width=110),
        Column("email", "s.email", width=170),
        Column("lead_time_days", "s.lead_time_days", kind="int", width=70),
        Column("terms", "s.terms", width=110),
        Column("active", "s.active", kind="bool", width=55),
    ),
    filters=(
        Filter("active", "s.active = :value", kind="bool"),
    ),
    search_sql="(s.name LIKE :search ESCAPE '\\' OR s.contact_name LIKE :search ESCAPE '\\' "
               "OR s.phone LIKE :search ESCAPE '\\' OR s.email LIKE :search ESCAPE '\\')",
    default_sort="name",
)
