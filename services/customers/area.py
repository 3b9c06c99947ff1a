"""The customers area: people and companies with their contacts, shared by every department."""

from __future__ import annotations

from services.area import Area
from services.customers.lists import CUSTOMERS
from services.search import SearchKind, normalize, phone_forms, short_grams

PERMISSIONS = {
    "customer.view": "View customers",
    "customer.edit": "Create and edit customers",
    "customer.delete": "Delete customers",
}

_VIEW, _EDIT = {"customer.view"}, {"customer.view", "customer.edit"}


def customer_doc(r) -> dict:
    detail = " · ".join(x for x in (r.phone, r.city) if x)
    body = " | ".join(x for x in (
        normalize(r.name), normalize(r.alt_name), phone_forms(r.phone), normalize(r.email),
        normalize(r.id_number), normalize(r.company_reg)) if x)
    return {"kind": "customer", "ref_id": r.id, "title": r.name, "detail": detail, "body": body,
            "grams": short_grams(r.name, r.alt_name)}


CUSTOMER_SEARCH = SearchKind(
    name="customer", permission="customer.view", id_column="c.id", build=customer_doc,
    sql="""
SELECT c.id, c.name, c.alt_name, c.phone, c.email, c.id_number, c.company_reg, c.city, c.kind
FROM customer c WHERE 1 = 1 {ids}
""")

AREA = Area(
    name="customers",
    permissions=PERMISSIONS,
    grants={
        "sales_manager": frozenset(PERMISSIONS), "salesperson": frozenset(_EDIT),
        "service_advisor": frozenset(_EDIT), "foreman": frozenset(_VIEW), "parts_clerk": frozenset(_VIEW),
        "cashier": frozenset(_EDIT), "read_only": frozenset(_VIEW),
    },
    lists=(CUSTOMERS,),
    search_kinds=(CUSTOMER_SEARCH,),
)
