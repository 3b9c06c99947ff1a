"""Customers: the lists of the customers area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource

# Without customer.view_id the ID number reads masked, as services.customers.mask_id masks it.
_MASKED_ID = ("CASE WHEN c.id_number = '' THEN '' WHEN length(c.id_number) >= 8 THEN substr(c.id_number, 1, 3) || "
              "substr('********************************', 1, length(c.id_number) - 7) || substr(c.id_number, -4) "
              "ELSE substr('********', 1, max(length(c.id_number) - 2, 0)) || substr(c.id_number, -2) END")

CUSTOMERS = ListSource(
    name="customers",
    permission="customer.view",
    from_sql="customer c",
    id_sql="c.id",
    tiebreak_sql="c.rowid",
    # A merged customer stays for the records other terminals may still link to it, but is not listed.
    where_sql="c.merged_into_id IS NULL",
    columns=(
        Column("name", "c.name", width=170),
        Column("kind", "c.kind", width=70),
        Column("phone", "c.phone", kind="phone", width=120),
        Column("email", "c.email", width=170),
        Column("city", "c.city", width=80),
        Column("grade", "c.grade", width=50),
        Column("tags", "(SELECT group_concat(t.tag, ', ') FROM customer_tag t WHERE t.customer_id = c.id)",
               sortable=False, width=120),
        Column("id_number", "c.id_number", sortable=False, permission="customer.view_id", masked_sql=_MASKED_ID),
        Column("active", "c.active", kind="bool", sortable=False, width=50),
        Column("created_at", "c.created_at", kind="datetime"),
        # Exported, not shown on the screen.
        Column("alt_name", "c.alt_name", sortable=False),
        # The company: a company customer's own name (a person is not linked to a company).
        Column("company", "CASE WHEN c.kind = 'company' THEN c.name ELSE '' END", sortable=False),
        Column("company_reg", "c.company_reg", sortable=False),
        Column("address", "c.address", sortable=False, width=200),
        Column("postcode", "c.postcode", sortable=False, width=70),
        Column("birth_date", "c.birth_date", kind="date", sortable=False),
        Column("marketing_ok", "c.marketing_ok", kind="bool", sortable=False, width=50),
        Column("marketing_since", "c.marketing_since", kind="date", sortable=False),
        Column("marketing_withdrawn_on", "c.marketing_withdrawn_on", kind="date", sortable=False),
    ),
    filters=(
        Filter("kind", "c.kind = :value", choices=(("person", "Person"), ("company", "Company"))),
        Filter("grade", "c.grade = :value", choices=(("A", "A"), ("B", "B"), ("C", "C"), ("D", "D"))),
        Filter("tag", "c.id IN (SELECT t.customer_id FROM customer_tag t WHERE t.tag = :value)", kind="text"),
        Filter("marketing_ok", "c.marketing_ok = :value", kind="bool"),
        Filter("active", "c.active = :value", kind="bool"),
        Filter("created", "c.created_at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_kind="customer",
    default_sort="name",
)
