"""Invoices and payments: the lists of the billing area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource

# What has been settled on an invoice: its allocations (payments and credit notes). A credit note
# settles other invoices and owes nothing itself, so it has no paid amount or balance of its own.
_INVOICE_PAID = "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)"
_INVOICE_RECEIVABLE = "i.status = 'posted' AND i.kind <> 'credit_note'"

INVOICES = ListSource(
    name="invoices",
    permission="invoice.view",
    from_sql="invoice i LEFT JOIN customer c ON c.id = i.customer_id",
    id_sql="i.id",
    tiebreak_sql="i.rowid",
    columns=(
        Column("number", "i.number", width=140),
        Column("issued_on", "i.issued_on", kind="date", width=85),
        # The type early: at the front desk's 1366 px the columns after the status scroll into view.
        Column("kind", "i.kind", width=95),
        # Posted invoices name the customer as they were at posting; drafts the customer as they are.
        Column("customer", "CASE WHEN i.customer_name <> '' THEN i.customer_name ELSE c.name END", width=130),
        # A credit note's total is money going back to the customer.
        Column("total", "CASE WHEN i.kind = 'credit_note' THEN -i.total ELSE i.total END", kind="money",
               width=100),
        Column("balance", f"CASE WHEN {_INVOICE_RECEIVABLE} THEN i.total - {_INVOICE_PAID} END", kind="money",
               sortable=False, width=100),
        Column("status", "i.status", width=65),
        Column("due_on", "CASE WHEN i.kind <> 'credit_note' THEN i.due_on END", kind="date", width=85),
        Column("paid", f"CASE WHEN {_INVOICE_RECEIVABLE} THEN {_INVOICE_PAID} END", kind="money",
               sortable=False, width=100),
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
)

PAYMENTS = ListSource(
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
        # Any method's code: the standard ones and the dealership's own (services/billing/methods.py).
        Filter("method", "p.method = :value", kind="text"),
        Filter("customer_id", "p.customer_id = :value", kind="text"),
        Filter("terminal", "p.terminal_code = :value", kind="text"),
        Filter("refund", "(p.amount < 0) = :value", kind="bool"),
        # The payments whose money counts in a cash-desk day (:value, YYYY-MM-DD) of their terminal, as
        # services.billing.cashdesk.day_payments counts them: dated that day and taken before it was
        # closed, or dated the day before and taken after that day was closed.
        Filter("cash_day", "((p.paid_on = :value AND NOT EXISTS (SELECT 1 FROM cash_day d "
                           "WHERE d.terminal_code = p.terminal_code AND d.day = :value "
                           "AND d.closed_at IS NOT NULL AND p.created_at > d.closed_at)) "
                           "OR (p.paid_on = date(:value, '-1 day') AND EXISTS (SELECT 1 FROM cash_day d "
                           "WHERE d.terminal_code = p.terminal_code AND d.day = date(:value, '-1 day') "
                           "AND d.closed_at IS NOT NULL AND p.created_at > d.closed_at)))", kind="text"),
    ),
    search_sql="(p.reference LIKE :search ESCAPE '\\' OR c.name LIKE :search ESCAPE '\\' "
               "OR p.held_for LIKE :search ESCAPE '\\')",
    default_sort="paid_on",
    default_descending=True,
)
