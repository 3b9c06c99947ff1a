"""Costs and margins are permissions of their own (issue 9, item 18): the workshop floor, the showroom
and the parts desk see no gross profit, and only those granted ``cost.view`` see what parts cost."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import PermissionDenied
from services import lists
from services.billing import invoices, margin
from services.parts import catalogue, purchasing, stock
from services.parts.catalogue import PartInput
from services.permissions import DEFAULT_ROLE_PERMISSIONS
from tests.services.billing_samples import customer, line, posted

TODAY = date.today()


def test_the_built_in_roles_see_costs_and_margins_as_their_work_needs():
    cost = {role for role, perms in DEFAULT_ROLE_PERMISSIONS.items() if "cost.view" in perms}
    margins = {role for role, perms in DEFAULT_ROLE_PERMISSIONS.items() if "margin.view" in perms}
    assert cost == {"owner", "sales_manager", "parts_clerk", "cashier"}
    assert margins == {"owner", "sales_manager", "cashier"}


def test_margins_are_refused_to_whom_may_not_see_them(db, owner, actor_for):
    invoice_id = posted(db, owner, customer(db, owner), line(unit_cost=4000))
    for role in ("technician", "parts_clerk", "salesperson", "read_only"):
        actor = actor_for(role)
        for read in (lambda a: margin.invoice_margins(db, a, start=TODAY, end=TODAY),
                     lambda a: margin.department_margins(db, a, start=TODAY, end=TODAY),
                     lambda a: margin.monthly_margins(db, a, start=TODAY, end=TODAY),
                     lambda a: margin.invoice_margin(db, a, invoice_id)):
            with pytest.raises(PermissionDenied):
                read(actor)
    assert margin.invoice_margin(db, actor_for("cashier"), invoice_id).cost == 4000
    assert invoices.get(db, actor_for("cashier"), invoice_id).cost_total == 4000
    # Who sees the invoice but not margins reads no cost total (the other half of the gross profit).
    assert invoices.get(db, actor_for("salesperson"), invoice_id).cost_total == 0


def test_part_costs_are_blank_to_whom_may_not_see_them_and_survive_their_edits(db, owner, actor_for):
    part_id = catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="04152-YZZA6",
                                                         description="Oil filter", retail_price=9000,
                                                         list_cost=5000))
    stock.adjust(db, owner, part_id, 2000, "opening stock", unit_cost=4500)
    technician = actor_for("technician")
    seen = catalogue.get_part(db, technician, part_id)
    assert (seen.average_cost, seen.list_cost, seen.retail_price) == (0, 0, 9000)
    assert catalogue.get_part(db, actor_for("parts_clerk"), part_id).average_cost == 4500

    page = lists.fetch_page(db, technician, "parts", lists.ListState(), limit=5)
    cost_at = 1 + [c.key for c in lists.source("parts").columns].index("average_cost")
    assert page.rows[0][cost_at] is None
    assert "average_cost" not in [c.key for c in lists.visible_columns(technician, "parts")]
    with pytest.raises(Exception, match="sort"):
        lists.fetch_page(db, technician, "parts", lists.ListState(sort="average_cost"), limit=5)
    for name in ("suppliers", "purchase_orders"):
        with pytest.raises(PermissionDenied):
            lists.fetch_page(db, technician, name, lists.ListState(), limit=5)
    with pytest.raises(PermissionDenied):
        purchasing.list_suppliers(db, technician)


def test_an_editor_without_cost_view_keeps_the_list_cost_they_were_not_shown(db, owner, actor_for):
    from services import users

    part_id = catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="90915-YZZE1",
                                                         description="Oil filter", list_cost=5000))
    users.save_role(db, owner, code="counter", name="Counter", permissions={"part.view", "part.edit"})
    users.create_user(db, owner, username="counter", password="password-123", role="counter")
    counter = users.login(db, "counter", "password-123")
    seen = catalogue.get_part(db, counter, part_id)
    catalogue.update_part(db, counter, part_id, PartInput(brand="Toyota", part_number=seen.part_number,
                                                          description="Oil filter (new)", list_cost=seen.list_cost))
    assert catalogue.get_part(db, owner, part_id).list_cost == 5000
