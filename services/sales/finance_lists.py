"""Finance and insurance, and trade-ins: the lists of their screens (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource
from services.sales.finance import renewals_window

_LIKE = "LIKE :search ESCAPE '\\'"
_CAR = "trim(coalesce(nullif(v.plate, '') || ' ', '') || v.make || ' ' || v.model)"

LOAN_APPLICATIONS = ListSource(
    name="loan_applications",
    permission="deal.view",
    from_sql="loan_application a JOIN deal d ON d.id = a.deal_id JOIN customer c ON c.id = d.customer_id",
    id_sql="a.id",
    tiebreak_sql="a.rowid",
    columns=(
        Column("submitted_on", "a.submitted_on", kind="date", width=90),
        Column("deal", "d.number", width=140),
        Column("customer", "c.name", width=120),
        Column("status", "a.status", width=70),
        Column("lender", "a.lender", width=130),
        Column("amount", "a.amount", kind="money", width=100),
        Column("term_months", "a.term_months", kind="int", width=60),
        Column("rate_percent", "printf('%.2f', a.rate_bp / 100.0)", sortable=False, width=60),
        Column("decided_on", "a.decided_on", kind="date", width=90),
        Column("paid_out_on", "a.paid_out_on", kind="date", width=90),
    ),
    filters=(
        Filter("status", "a.status = :value",
               choices=(("submitted", "submitted"), ("approved", "approved"), ("rejected", "rejected"),
                        ("paid_out", "paid out"))),
    ),
    search_sql=f"(d.number {_LIKE} OR c.name {_LIKE} OR a.lender {_LIKE} OR a.reference {_LIKE})",
    default_sort="submitted_on",
    default_descending=True,
)

_POLICY_FROM = ("insurance_policy p JOIN customer c ON c.id = p.customer_id JOIN vehicle v ON v.id = p.vehicle_id "
                "LEFT JOIN deal d ON d.id = p.deal_id")
_POLICY_COLUMNS = (
    Column("ends_on", "p.ends_on", kind="date", width=90),
    Column("customer", "c.name", width=130),
    Column("vehicle", _CAR, sortable=False, width=150),
    Column("insurer", "p.insurer", width=130),
    Column("kind", "p.kind", width=80),
    Column("policy_number", "p.policy_number", width=130),
    Column("premium", "p.premium", kind="money", width=90),
    Column("commission", "p.commission", kind="money", width=90),
    Column("starts_on", "p.starts_on", kind="date", width=90),
    Column("deal", "d.number", sortable=False, width=140),
    Column("renewed", "EXISTS (SELECT 1 FROM insurance_policy n WHERE n.renewed_from_id = p.id)", kind="bool",
           sortable=False, width=60),
)
_POLICY_SEARCH = (f"(c.name {_LIKE} OR p.insurer {_LIKE} OR p.policy_number {_LIKE} OR v.plate {_LIKE} "
                  f"OR v.vin {_LIKE})")
_KINDS = (("compulsory", "compulsory"), ("commercial", "commercial"), ("other", "other"))

INSURANCE_POLICIES = ListSource(
    name="insurance_policies",
    permission="deal.view",
    from_sql=_POLICY_FROM,
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=_POLICY_COLUMNS,
    filters=(
        Filter("kind", "p.kind = :value", choices=_KINDS),
        Filter("renewed", "EXISTS (SELECT 1 FROM insurance_policy n WHERE n.renewed_from_id = p.id) = :value",
               kind="bool"),
    ),
    search_sql=_POLICY_SEARCH,
    default_sort="ends_on",
    default_descending=True,
)

# Policies whose renewal reminder is on: ending within 30 days from today and not renewed.
RENEWALS_DUE = ListSource(
    name="insurance_renewals_due",
    permission="deal.view",
    from_sql=_POLICY_FROM,
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=tuple(c for c in _POLICY_COLUMNS if c.key != "renewed"),
    filters=(Filter("kind", "p.kind = :value", choices=_KINDS),),
    search_sql=_POLICY_SEARCH,
    where_sql="p.ends_on BETWEEN :due_from AND :due_to "
              "AND NOT EXISTS (SELECT 1 FROM insurance_policy n WHERE n.renewed_from_id = p.id)",
    params=renewals_window,
    default_sort="ends_on",
)

TRADE_INS = ListSource(
    name="trade_ins",
    permission="deal.view",
    from_sql="trade_in t JOIN customer c ON c.id = t.customer_id JOIN vehicle v ON v.id = t.vehicle_id "
             "LEFT JOIN deal d ON d.id = t.deal_id LEFT JOIN stock_vehicle s ON s.id = t.stock_vehicle_id",
    id_sql="t.id",
    tiebreak_sql="t.rowid",
    columns=(
        Column("appraised_on", "t.appraised_on", kind="date", width=90),
        Column("customer", "c.name", width=130),
        Column("vehicle", _CAR, sortable=False, width=150),
        Column("status", "t.status", width=90),
        Column("actual_cash_value", "t.actual_cash_value", kind="money", width=100),
        Column("allowance", "t.allowance", kind="money", width=100),
        Column("over_allowance", "max(0, t.allowance - t.actual_cash_value)", kind="money", sortable=False,
               width=90),
        Column("reconditioning", "(SELECT coalesce(sum(r.amount), 0) FROM trade_in_reconditioning r "
                                 "WHERE r.trade_in_id = t.id)", kind="money", sortable=False, width=100),
        Column("outstanding_finance", "t.outstanding_finance", kind="money", width=100),
        Column("mileage_km", "t.mileage_km", kind="int", width=80),
        Column("vin", "v.vin", width=150),
        Column("deal", "d.number", sortable=False, width=140),
        Column("stock_number", "s.stock_number", sortable=False, width=110),
    ),
    filters=(
        Filter("status", "t.status = :value",
               choices=(("appraised", "appraised"), ("accepted", "accepted"), ("declined", "declined"),
                        ("taken_in", "taken in"))),
    ),
    search_sql=f"(c.name {_LIKE} OR v.vin {_LIKE} OR v.plate {_LIKE} OR v.make {_LIKE} OR v.model {_LIKE} "
               f"OR d.number {_LIKE})",
    default_sort="appraised_on",
    default_descending=True,
)

FINANCE_LISTS = (LOAN_APPLICATIONS, INSURANCE_POLICIES, RENEWALS_DUE, TRADE_INS)
