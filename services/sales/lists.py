"""The sales area's lists: deals."""

from __future__ import annotations

from services.lists import PERSON_NAME_SQL, Column, Filter, ListSource
from services.sales.approvals import DEFAULT_LEVELS

DEALS = ListSource(
    name="deals",
    permission="deal.view",
    from_sql=("deal d JOIN customer c ON c.id = d.customer_id "
              "LEFT JOIN stock_vehicle s ON s.id = d.stock_vehicle_id LEFT JOIN vehicle v ON v.id = s.vehicle_id "
              "LEFT JOIN user_account ua ON ua.username = d.salesperson"),
    id_sql="d.id",
    tiebreak_sql="d.rowid",
    columns=(
        Column("number", "d.number", width=150),
        Column("quoted_on", "d.quoted_on", kind="date", width=90),
        # A quotation or order an approver sent back shows so: its salesperson has to change it.
        Column("status", "CASE WHEN d.approval_state = 'sent_back' AND d.status IN ('quotation', 'ordered') "
                         "THEN 'sent_back' ELSE d.status END", width=90),
        Column("customer_name", "c.name", sortable=False, width=150),
        Column("vehicle", "trim(coalesce(v.make, '') || ' ' || coalesce(v.model, ''))", sortable=False, width=140),
        Column("stock_number", "s.stock_number", sortable=False, width=90),
        Column("vin", "v.vin", sortable=False, width=160),
        Column("salesperson", PERSON_NAME_SQL.format(u="ua", login="d.salesperson"), width=100),
        Column("price", "d.price", kind="money", width=110),
        Column("discount", "d.discount", kind="money", width=100),
        Column("total", "d.total", kind="money", width=110),
        Column("gross_profit", "d.gross_profit", kind="money", width=110, permission="margin.view"),
        Column("approval_state", "d.approval_state", width=110),
        Column("delivered_on", "d.delivered_on", kind="date", width=90),
    ),
    filters=(
        Filter("status", "d.status = :value"),
        Filter("approval_state", "d.approval_state = :value"),
        Filter("salesperson", "d.salesperson = :value", kind="text"),
        Filter("open", "(d.status NOT IN ('delivered', 'cancelled')) = :value", kind="bool"),
        Filter("quoted", "d.quoted_on >= :value_from AND d.quoted_on <= :value_to", kind="date_range"),
    ),
    search_sql=("(d.number LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\' "
                "OR v.vin LIKE :search ESCAPE '\\' OR s.stock_number LIKE :search ESCAPE '\\')"),
    default_sort="quoted_on",
    default_descending=True,
)

# What a deal passes on at cost (a trade-in's negative equity): out of the bases of its percentages, as
# services/sales/deals.ratio_bp leaves it out.
_PASS_THROUGH = "(SELECT coalesce(sum(dl.total), 0) FROM deal_line dl WHERE dl.deal_id = d.id AND dl.automatic <> '')"

# The role that approves at the deal's waiting level, as the levels are set up (the defaults without).
_APPROVER = ("coalesce((SELECT al.role FROM approval_level al WHERE al.level = d.approval_level), "
             "CASE d.approval_level " + " ".join(f"WHEN {lv.level} THEN '{lv.role}'" for lv in DEFAULT_LEVELS)
             + " END)")

# Deals waiting for an approval; the inbox shows the approver's own level (the owner's: every level,
# as the owner approves at any: the column names who is waited for).
DEAL_APPROVALS = ListSource(
    name="deal_approvals",
    permission="deal.approve",
    from_sql=("deal d JOIN customer c ON c.id = d.customer_id "
              "LEFT JOIN stock_vehicle s ON s.id = d.stock_vehicle_id "
              "LEFT JOIN user_account ua ON ua.username = d.salesperson"),
    id_sql="d.id",
    tiebreak_sql="d.rowid",
    where_sql="d.approval_state = 'pending' AND d.status IN ('quotation', 'ordered')",
    columns=(
        Column("number", "d.number", width=150),
        Column("quoted_on", "d.quoted_on", kind="date", width=90),
        Column("customer_name", "c.name", sortable=False, width=150),
        Column("vehicle", "trim(coalesce(s.make, '') || ' ' || coalesce(s.model, ''))", sortable=False, width=140),
        Column("salesperson", PERSON_NAME_SQL.format(u="ua", login="d.salesperson"), width=100),
        Column("total", "d.total", kind="money", width=110),
        Column("discount", "d.discount", kind="money", width=100),
        Column("discount_percent", f"CASE WHEN d.price - {_PASS_THROUGH} > 0 "
                                   f"THEN round(d.discount * 100.0 / (d.price - {_PASS_THROUGH}), 1) END",
               kind="text", sortable=False, width=80),
        Column("margin_percent", f"CASE WHEN d.net_total - {_PASS_THROUGH} <> 0 "
                                 f"THEN round(d.gross_profit * 100.0 / (d.net_total - {_PASS_THROUGH}), 1) END",
               kind="text", sortable=False, width=80, permission="margin.view"),
        Column("approver", _APPROVER, width=110),
    ),
    filters=(Filter("level", "d.approval_level = :value", kind="text"),),
    search_sql="(d.number LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\')",
    default_sort="quoted_on",
)
