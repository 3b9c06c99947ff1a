"""The lists of the app. Each area adds its own here."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource, register
from services.parts import alerts
from services.permissions import ROLES

CUSTOMERS = register(ListSource(
    name="customers",
    permission="customer.view",
    from_sql="customer c",
    id_sql="c.id",
    tiebreak_sql="c.rowid",
    columns=(
        Column("name", "c.name", width=170),
        Column("kind", "c.kind", width=70),
        Column("phone", "c.phone", kind="phone", width=120),
        Column("email", "c.email", width=170),
        Column("city", "c.city", width=80),
        Column("id_number", "c.id_number", sortable=False),
        Column("active", "c.active", kind="bool", sortable=False, width=50),
        Column("created_at", "c.created_at", kind="datetime"),
    ),
    filters=(
        Filter("kind", "c.kind = :value", choices=(("person", "Person"), ("company", "Company"))),
        Filter("active", "c.active = :value", kind="bool"),
        Filter("created", "c.created_at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_kind="customer",
    default_sort="name",
))

VEHICLES = register(ListSource(
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
))

USERS = register(ListSource(
    name="users",
    permission="user.admin",
    from_sql="user_account u",
    id_sql="u.id",
    columns=(
        Column("username", "u.username", width=120),
        Column("display_name", "u.display_name", width=180),
        Column("role", "u.role_code", width=140),
        Column("active", "u.active", kind="bool", width=60),
        Column("locked_until", "u.locked_until", kind="datetime"),
        Column("last_login_at", "u.last_login_at", kind="datetime"),
    ),
    filters=(
        Filter("role", "u.role_code = :value", choices=tuple(ROLES.items())),
        Filter("active", "u.active = :value", kind="bool"),
    ),
    search_sql="(u.username LIKE :search ESCAPE '\\' OR u.display_name LIKE :search ESCAPE '\\')",
    default_sort="username",
))

ROLES_LIST = register(ListSource(
    name="roles",
    permission="role.admin",
    from_sql="role r",
    id_sql="r.code",
    columns=(
        Column("code", "r.code", width=130),
        Column("name", "r.name", width=200),
        Column("builtin", "r.builtin", kind="bool", width=70),
        Column("permissions", "(SELECT count(*) FROM role_permission p WHERE p.role_code = r.code)",
               kind="int", width=90),
        Column("users", "(SELECT count(*) FROM user_account u WHERE u.role_code = r.code)", kind="int", width=70),
    ),
    search_sql="(r.code LIKE :search ESCAPE '\\' OR r.name LIKE :search ESCAPE '\\')",
    default_sort="code",
))

AUDIT = register(ListSource(
    name="audit",
    permission="audit.view",
    from_sql="audit_entry a",
    id_sql="a.seq",
    columns=(
        Column("seq", "a.seq", kind="int", width=70),
        Column("at", "a.at", kind="datetime", width=130),
        Column("actor", "a.actor", width=110),
        Column("terminal", "a.terminal", sortable=False, width=70),
        Column("action", "a.action", width=90),
        Column("entity", "a.entity", width=110),
        Column("entity_id", "a.entity_id", sortable=False, width=150),
        Column("summary", "a.summary", sortable=False, width=200),
        Column("before", "a.before", sortable=False, width=250),
        Column("after", "a.after", sortable=False, width=250),
    ),
    filters=(
        Filter("actor", "a.actor = :value", kind="text"),
        Filter("entity", "a.entity = :value", kind="text"),
        Filter("action", "a.action = :value", kind="text"),
        Filter("entity_id", "a.entity_id = :value", kind="text"),
        Filter("at", "a.at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_sql="(a.entity_id LIKE :search ESCAPE '\\' OR a.summary LIKE :search ESCAPE '\\' "
               "OR a.actor LIKE :search ESCAPE '\\')",
    default_sort="seq",
    default_descending=True,
))

# --- billing --------------------------------------------------------------------------------------

# What has been settled on an invoice: its allocations (payments and credit notes). A credit note
# settles other invoices and owes nothing itself, so it has no paid amount or balance of its own.
_INVOICE_PAID = "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)"
_INVOICE_RECEIVABLE = "i.status = 'posted' AND i.kind <> 'credit_note'"

INVOICES = register(ListSource(
    name="invoices",
    permission="invoice.view",
    from_sql="invoice i LEFT JOIN customer c ON c.id = i.customer_id",
    id_sql="i.id",
    tiebreak_sql="i.rowid",
    columns=(
        Column("number", "i.number", width=140),
        Column("issued_on", "i.issued_on", kind="date", width=85),
        # Posted invoices name the customer as they were at posting; drafts the customer as they are.
        Column("customer", "CASE WHEN i.customer_name <> '' THEN i.customer_name ELSE c.name END", width=130),
        # A credit note's total is money going back to the customer.
        Column("total", "CASE WHEN i.kind = 'credit_note' THEN -i.total ELSE i.total END", kind="money",
               width=100),
        Column("balance", f"CASE WHEN {_INVOICE_RECEIVABLE} THEN i.total - {_INVOICE_PAID} END", kind="money",
               sortable=False, width=100),
        Column("status", "i.status", width=65),
        Column("kind", "i.kind", width=95),
        Column("paid", f"CASE WHEN {_INVOICE_RECEIVABLE} THEN {_INVOICE_PAID} END", kind="money",
               sortable=False, width=100),
        Column("due_on", "CASE WHEN i.kind <> 'credit_note' THEN i.due_on END", kind="date", width=85),
    ),
    filters=(
        Filter("issued", "i.issued_on BETWEEN :value_from AND :value_to", kind="date_range"),
        Filter("kind", "i.kind = :value", choices=(
            ("vehicle_sale", "Vehicle sale"), ("workshop", "Workshop"), ("counter_sale", "Counter sale"),
            ("other", "Other"), ("credit_note", "Credit note"))),
        Filter("status", "i.status = :value", choices=(("draft", "Draft"), ("posted", "Posted"))),
        Filter("customer_id", "i.customer_id = :value", kind="text"),
        Filter("open", f"({_INVOICE_RECEIVABLE} AND i.total > {_INVOICE_PAID}) = :value", kind="bool"),
    ),
    search_sql="(i.number LIKE :search ESCAPE '\\' OR i.customer_name LIKE :search ESCAPE '\\' "
               "OR c.name LIKE :search ESCAPE '\\' OR i.reference LIKE :search ESCAPE '\\')",
    default_sort="issued_on",
    default_descending=True,
))

PAYMENTS = register(ListSource(
    name="payments",
    permission="invoice.view",
    from_sql="payment p LEFT JOIN customer c ON c.id = p.customer_id",
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(
        Column("paid_on", "p.paid_on", kind="date", width=90),
        Column("method", "p.method", width=110),
        Column("amount", "p.amount", kind="money", width=110),
        Column("customer", "c.name", sortable=False, width=160),
        Column("reference", "p.reference", sortable=False, width=120),
        Column("allocated", "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id)",
               kind="money", sortable=False, width=110),
        Column("held_for", "p.held_for", sortable=False, width=100),
        Column("terminal", "p.terminal_code", sortable=False, width=70),
    ),
    filters=(
        Filter("paid", "p.paid_on BETWEEN :value_from AND :value_to", kind="date_range"),
        Filter("method", "p.method = :value", choices=(
            ("cash", "Cash"), ("card", "Card"), ("bank_transfer", "Bank transfer"),
            ("finance_payout", "Finance company payout"), ("insurance_payout", "Insurance payout"),
            ("voucher", "Voucher"), ("deposit", "Deposit"))),
        Filter("customer_id", "p.customer_id = :value", kind="text"),
        Filter("terminal", "p.terminal_code = :value", kind="text"),
        Filter("refund", "(p.amount < 0) = :value", kind="bool"),
    ),
    search_sql="(p.reference LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\' "
               "OR p.held_for LIKE :search ESCAPE '\\')",
    default_sort="paid_on",
    default_descending=True,
))

# --- parts ----------------------------------------------------------------------------------------

_ON_HAND = "coalesce(s.on_hand, 0)"
_AVAILABLE = "(coalesce(s.on_hand, 0) - coalesce(s.reserved, 0))"

PARTS = register(ListSource(
    name="parts",
    permission="part.view",
    from_sql="part p JOIN brand b ON b.id = p.brand_id LEFT JOIN part_stock s ON s.part_id = p.id",
    id_sql="p.id",
    tiebreak_sql="p.rowid",
    columns=(
        Column("brand", "b.name", width=90),
        Column("part_number", "p.part_number", width=130),
        Column("description", "p.description", width=190),
        Column("category", "p.category", width=90),
        Column("bin", "p.bin", width=70),
        Column("on_hand", _ON_HAND, kind="qty", width=70),
        Column("reserved", "coalesce(s.reserved, 0)", kind="qty", width=70),
        Column("available", _AVAILABLE, kind="qty", width=70),
        Column("retail_price", "p.retail_price", kind="money", width=95),
        Column("average_cost", "coalesce(s.average_cost, 0)", kind="money", width=95),
    ),
    filters=(
        Filter("category", "p.category = :value", kind="text"),
        # The same rule as the below-minimum alert.
        Filter("below_min", f"coalesce({alerts.BELOW_MINIMUM_SQL}, 0) = :value", kind="bool"),
        Filter("in_stock", f"({_ON_HAND} > 0) = :value", kind="bool"),
    ),
    search_kind="part",
    default_sort="part_number",
))

# Still expected from the supplier: what is ordered and not yet received, while the order is open.
_BACK_ORDER = ("CASE WHEN o.status IN ('draft', 'sent', 'partly_received') THEN (SELECT coalesce(sum("
               "max(l.quantity - l.received, 0)), 0) FROM purchase_order_line l WHERE l.order_id = o.id) "
               "ELSE 0 END")

PURCHASE_ORDERS = register(ListSource(
    name="purchase_orders",
    permission="part.view",
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
))

STOCK_COUNTS = register(ListSource(
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
))

SUPPLIERS = register(ListSource(
    name="suppliers",
    permission="part.view",
    from_sql="supplier s",
    id_sql="s.id",
    tiebreak_sql="s.rowid",
    columns=(
        Column("name", "s.name", width=180),
        Column("contact_name", "s.contact_name", width=120),
        Column("phone", "s.phone", width=110),
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
))

# Stock alerts: each kind is a list whose rule lives with the alerts.
STOCK_BELOW_MINIMUM, STOCK_DEAD, STOCK_AGED, STOCK_REFUSED = (register(src) for src in alerts.SOURCES)
