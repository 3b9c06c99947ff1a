"""Vehicles: the lists of the vehicles area (see :mod:`services.lists`): vehicles, stock vehicles and
the catalogue's models."""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models.vehicles import STOCK_CONDITIONS, STOCK_STATUSES
from services.lists import Column, Filter, ListSource

VEHICLES = ListSource(
    name="vehicles",
    permission="vehicle.view",
    from_sql="vehicle v LEFT JOIN customer o ON o.id = v.owner_id",
    id_sql="v.id",
    tiebreak_sql="v.rowid",
    columns=(
        Column("plate", "v.plate", width=90),
        Column("vin", "v.vin", width=160),
        Column("make", "v.make", width=100),
        Column("model", "v.model", width=110),
        Column("model_year", "v.model_year", kind="int", width=55),
        Column("colour", "v.colour", sortable=False, width=60),
        Column("owner", "o.name", sortable=False, width=120),
        Column("created_at", "v.created_at", kind="datetime"),
    ),
    filters=(
        Filter("make", "v.make = :value", kind="text"),
        Filter("has_owner", "(v.owner_id IS NOT NULL) = :value", kind="bool"),
        Filter("owner_id", "v.owner_id = :value", kind="text"),
    ),
    search_kind="vehicle",
    default_sort="created_at",
    default_descending=True,
)

# Age bands (days in stock) the stock list filters by: key → (from, to) inclusive, None: open.
AGE_BANDS: dict[str, tuple[int, int | None]] = {
    "0_30": (0, 30), "31_60": (31, 60), "61_90": (61, 90), "91_180": (91, 180), "over_180": (181, None)}


def _stock_params() -> dict[str, str]:
    today = clock.today()
    return {"today": today.isoformat(), "delivered_since": (today - timedelta(days=DELIVERED_SHOWN_DAYS)).isoformat()}


# A car delivered stays on the stock list this many days (its stock number is still asked about).
DELIVERED_SHOWN_DAYS = 30
_DAYS_IN_STOCK = ("CAST(julianday(coalesce(s.delivered_on, :today)) - julianday(s.arrived_on) AS INTEGER)")
_AGE_BAND = ("CASE WHEN s.arrived_on IS NULL THEN '' "
             + " ".join(f"WHEN {_DAYS_IN_STOCK} <= {hi} THEN '{key}'" for key, (_lo, hi) in AGE_BANDS.items()
                        if hi is not None)
             + " ELSE 'over_180' END")
_COC_RECEIVED = ("EXISTS (SELECT 1 FROM vehicle_document d WHERE d.vehicle_id = s.vehicle_id "
                 "AND d.kind = 'certificate_of_conformity' AND d.received_on IS NOT NULL)")

STOCK_VEHICLES = ListSource(
    name="stock_vehicles",
    permission="vehicle.view",
    from_sql="stock_vehicle s JOIN vehicle v ON v.id = s.vehicle_id",
    id_sql="s.id",
    tiebreak_sql="s.rowid",
    columns=(
        Column("stock_number", "s.stock_number", width=120),
        Column("vin", "v.vin", width=160),
        Column("make", "s.make", width=90),
        Column("model", "s.model", width=110),
        Column("trim", "v.variant", sortable=False, width=140),
        Column("colour", "v.colour", sortable=False, width=60),
        Column("condition", "s.condition", sortable=False, width=60),
        Column("status", "s.status", width=80),
        Column("arrived_on", "s.arrived_on", kind="date", width=90),
        Column("days_in_stock", _DAYS_IN_STOCK, kind="int", sortable=False, width=60),
        Column("location", "s.location", sortable=False, width=90),
        Column("coc_received", _COC_RECEIVED, kind="bool", sortable=False, width=60),
        Column("list_price", "s.list_price", kind="money", width=100),
        Column("cost", "s.purchase_cost + (SELECT coalesce(sum(c.amount), 0) FROM stock_vehicle_cost c "
               "WHERE c.stock_vehicle_id = s.id)", kind="money", sortable=False, width=100, permission="cost.view"),
    ),
    filters=(
        Filter("model", "s.model = :value", kind="text"),
        Filter("make", "s.make = :value", kind="text"),
        Filter("colour", "v.colour = :value", kind="text"),
        Filter("status", "s.status = :value", choices=tuple((s, s) for s in STOCK_STATUSES)),
        Filter("condition", "s.condition = :value", choices=tuple((c, c) for c in STOCK_CONDITIONS)),
        Filter("age", f"({_AGE_BAND}) = :value", choices=tuple((k, k) for k in AGE_BANDS)),
        Filter("coc_received", f"{_COC_RECEIVED} = :value", kind="bool"),
    ),
    search_sql="(s.stock_number LIKE :search ESCAPE '\\' OR v.vin LIKE :search ESCAPE '\\' "
               "OR s.model LIKE :search ESCAPE '\\' OR s.make LIKE :search ESCAPE '\\' "
               "OR v.variant LIKE :search ESCAPE '\\' OR s.location LIKE :search ESCAPE '\\')",
    where_sql="s.status <> 'delivered' OR s.delivered_on >= :delivered_since",
    params=_stock_params,
    keyed_tables=(),
    default_sort="stock_number",
)

CATALOGUE_MODELS = ListSource(
    name="catalogue_models",
    permission="vehicle.view",
    from_sql="catalogue_model m",
    id_sql="m.id",
    tiebreak_sql="m.rowid",
    columns=(
        Column("make", "m.make", width=110),
        Column("model", "m.name", width=140),
        Column("trims", "(SELECT count(*) FROM catalogue_trim t WHERE t.model_id = m.id)", kind="int",
               sortable=False, width=50),
        Column("options", "(SELECT count(*) FROM catalogue_option o WHERE o.model_id = m.id)", kind="int",
               sortable=False, width=50),
        Column("list_price_from", "(SELECT min(t.list_price) FROM catalogue_trim t WHERE t.model_id = m.id "
               "AND t.active)", kind="money", sortable=False, width=100),
        Column("available", "(SELECT count(*) FROM stock_vehicle s WHERE s.make = m.make AND s.model = m.name "
               "AND s.status IN ('on_order', 'in_transit', 'in_stock') AND s.deal_id IS NULL)", kind="int",
               sortable=False, width=60),
        Column("low_stock_threshold", "m.low_stock_threshold", kind="int", width=60),
        Column("active", "m.active", kind="bool", width=55),
    ),
    filters=(
        Filter("active", "m.active = :value", kind="bool"),
        Filter("make", "m.make = :value", kind="text"),
    ),
    search_sql="(m.make LIKE :search ESCAPE '\\' OR m.name LIKE :search ESCAPE '\\' "
               "OR EXISTS (SELECT 1 FROM catalogue_trim t WHERE t.model_id = m.id AND t.name LIKE :search ESCAPE '\\') "
               "OR EXISTS (SELECT 1 FROM catalogue_option o WHERE o.model_id = m.id "
               "AND (o.code LIKE :search ESCAPE '\\' OR o.name LIKE :search ESCAPE '\\')))",
    default_sort="make",
)
