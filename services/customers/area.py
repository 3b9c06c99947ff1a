"""The customers area: people and companies with their contacts, shared by every department."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.customers import files
from services.customers.lists import CUSTOMERS
from services.search import SearchKind, normalize, phone_forms, short_grams

PERMISSIONS = {
    "customer.view": "View customers",
    "customer.edit": "Create and edit customers",
    "customer.delete": "Delete customers",
    "customer.view_id": "See customers' ID numbers in full",
    "customer.merge": "Review duplicate customers and merge them",
}

_VIEW, _EDIT = {"customer.view"}, {"customer.view", "customer.edit"}


def customer_doc(r) -> dict:
    # The ID number is searchable (a full number finds the customer) but never part of a hit's text.
    detail = " · ".join(x for x in (r.phone, r.city) if x)
    body = " | ".join(x for x in (
        normalize(r.name), normalize(r.alt_name), phone_forms(r.phone), normalize(r.email),
        normalize(r.id_number), normalize(r.company_reg)) if x)
    return {"kind": "customer", "ref_id": r.id, "title": r.name, "detail": detail, "body": body,
            "grams": short_grams(r.name, r.alt_name)}


# A merged customer has no search document: it is found through the one it was merged into.
CUSTOMER_SEARCH = SearchKind(
    name="customer", permission="customer.view", id_column="c.id", build=customer_doc,
    sql="""
SELECT c.id, c.name, c.alt_name, c.phone, c.email, c.id_number, c.company_reg, c.city, c.kind
FROM customer c WHERE c.merged_into_id IS NULL {ids}
""")

AREA = Area(
    name="customers",
    permissions=PERMISSIONS,
    grants={
        # Who needs a customer's ID number in full: the cashier writes it on vehicle-sale invoices,
        # the sales manager checks contracts and merges records. Everyone else sees it masked.
        "sales_manager": frozenset(PERMISSIONS), "salesperson": frozenset(_EDIT),
        "service_advisor": frozenset(_EDIT), "foreman": frozenset(_VIEW), "parts_clerk": frozenset(_VIEW),
        "cashier": frozenset(_EDIT | {"customer.view_id"}), "read_only": frozenset(_VIEW),
    },
    lists=(CUSTOMERS, ),
    search_kinds=(CUSTOMER_SEARCH,),
    import_kinds=(files.CUSTOMERS_IMPORT,),
    export_kinds=(ExportKind("customers", "customers with their contact details, grade, tags and marketing consent "
                             "(company: a company customer's own name; ID numbers masked without the right to see "
                             "them)", files.export_customers),),
)
