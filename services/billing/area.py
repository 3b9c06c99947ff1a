"""The billing area: invoices, credit notes, payments, the cash desk, receivables, third-party money
and the accounting journal."""

from __future__ import annotations

from core.money import format_money
from services.area import Area, ExportKind
from services.billing import accounting, exports
from services.billing.lists import INVOICES, PAYMENTS
from services.search import SearchKind, compact, normalize

PERMISSIONS = {
    "invoice.view": "View invoices and payments",
    "invoice.edit": "Create and edit draft invoices",
    "invoice.post": "Post invoices",
    "invoice.credit": "Issue credit notes",
    "payment.take": "Take and allocate payments",
    "payment.refund": "Refund payments",
    "cashdesk.close": "Close the cash desk day",
    "receivables.view": "View receivables and statements",
    "thirdparty.edit": "Record rebates and insurance claims",
    "accounting.export": "Export accounting journals",
    "margin.view": "See gross profit, margins, rebates and claims",
}

_VIEW = frozenset({"invoice.view", "receivables.view"})
_DRAFTS = frozenset({"invoice.view", "invoice.edit"})
_SELL = _VIEW | {"invoice.edit", "invoice.post", "payment.take"}


def invoice_doc(r) -> dict:
    detail = " · ".join(x for x in (str(r.issued_on or ""), format_money(r.total or 0, r.currency or "CNY")) if x)
    body = " | ".join(x for x in (normalize(r.number), compact(r.number), normalize(r.customer_name or "")) if x)
    # No short grams: a two-character name finds the customer, whose invoices are one click away,
    # rather than crowding the results with every invoice they ever had.
    return {"kind": "invoice", "ref_id": r.id, "title": f"{r.number}  {r.customer_name or ''}".strip(),
            "detail": detail, "body": body, "grams": ""}


INVOICE_SEARCH = SearchKind(
    name="invoice", permission="invoice.view", id_column="i.id", build=invoice_doc,
    sql="""
SELECT i.id, i.number, i.kind, i.issued_on, i.total, i.currency,
       coalesce(nullif(i.customer_name, ''), c.name) AS customer_name
FROM invoice i LEFT JOIN customer c ON c.id = i.customer_id WHERE i.status = 'posted' {ids}
""")

AREA = Area(
    name="billing",
    permissions=PERMISSIONS,
    grants={
        "sales_manager": _SELL | {"invoice.credit", "thirdparty.edit", "margin.view"},
        "salesperson": _DRAFTS,
        "service_advisor": _DRAFTS | {"thirdparty.edit"},
        "parts_clerk": _DRAFTS,
        "cashier": _SELL | {"invoice.credit", "payment.refund", "cashdesk.close", "accounting.export",
                            "margin.view"},
        "read_only": _VIEW,
    },
    lists=(INVOICES, PAYMENTS),
    search_kinds=(INVOICE_SEARCH,),
    export_kinds=(
        ExportKind("invoices", "posted invoices and credit notes", exports.export_invoices, period="optional"),
        ExportKind("invoice-lines", "the lines of posted invoices and credit notes", exports.export_invoice_lines,
                   period="optional"),
        ExportKind("payments", "payments and refunds", exports.export_payments, period="optional"),
        ExportKind("journal", "the accounting journal of a period", accounting.journal, period="required",
                   unit="journal line"),
        ExportKind("stock-valuation", "the parts and vehicles in stock at the end of a day and their value "
                   "(the journal's inventory accounts on that day)", accounting.stock_valuation, period="day"),
    ),
)
