"""Gross profit from line costs: per invoice, per department and per month; credit notes subtract."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services.billing import invoices, margin
from tests.services.billing_samples import customer, draft, line, posted

MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 30)


@pytest.fixture
def sales(db, owner) -> dict[str, str]:
    """Three invoices and two partial credit notes worked out by hand (ZERO-rated unless noted).

    car      2025-03-10  vehicle 113000 incl. 13 % → net 100000, cost 80000
                         2 accessories × 5000 → net 10000, cost 2 × 3000
                         net 110000, cost 86000, profit 24000
    service  2025-03-20  1.5 h labour × 20000 → net 30000, cost 1.5 × 10001 = 15001.5 → 15002
                         3 parts × 2000 → net 6000, cost 3 × 1200 = 3600
                         fee 500, no cost
                         net 36500, cost 18602, profit 17898
    counter  2025-04-02  1 part × 1000 → net 1000, cost 700
    note1    2025-04-05  0.5 h of the labour → net 10000, cost 5000.5 → 5001
    note2    2025-04-06  0.5 h more → net 10000, cost 10001 (1 h) − 5001 (already) = 5000
    """
    cid = customer(db, owner, "Zhou Xun")
    car = draft(db, owner, cid, line("Lavida 1.5", price=113000, tax_code="VAT13", unit_cost=80000,
                                     item_type="vehicle"),
                line("Floor mats", qty=2000, price=5000, tax_code="ZERO", unit_cost=3000, item_type="accessory"),
                kind="vehicle_sale")
    invoices.post(db, owner, car, on=date(2025, 3, 10))
    service = posted(db, owner, cid,
                     line("Labour", qty=1500, price=20000, tax_code="ZERO", unit_cost=10001, item_type="labour"),
                     line("Oil filter", qty=3000, price=2000, tax_code="ZERO", unit_cost=1200, item_type="part"),
                     line("Disposal fee", price=500, tax_code="ZERO", item_type="fee"), on=date(2025, 3, 20))
    counter = draft(db, owner, cid, line("Wiper", price=1000, tax_code="ZERO", unit_cost=700, item_type="part"),
                    kind="counter_sale")
    invoices.post(db, owner, counter, on=date(2025, 4, 2))
    labour = invoices.get(db, owner, service).lines[0].id
    note1 = invoices.create_credit_note(db, owner, service, lines={labour: 500}, on=date(2025, 4, 5))
    note2 = invoices.create_credit_note(db, owner, service, lines={labour: 500}, on=date(2025, 4, 6))
    draft(db, owner, cid, line("Not posted", price=77700, unit_cost=100, item_type="vehicle"))
    return {"car": car, "service": service, "counter": counter, "note1": note1, "note2": note2}


def test_profit_per_invoice_is_net_less_cost_and_credit_notes_subtract(db, owner, sales):
    rows = margin.invoice_margins(db, owner, start=MARCH, end=APRIL)
    assert [(r.invoice_id, r.kind, r.issued_on, r.net, r.cost, r.profit) for r in rows] == [
        (sales["car"], "vehicle_sale", date(2025, 3, 10), 110000, 86000, 24000),
        (sales["service"], "workshop", date(2025, 3, 20), 36500, 18602, 17898),
        (sales["counter"], "counter_sale", date(2025, 4, 2), 1000, 700, 300),
        (sales["note1"], "credit_note", date(2025, 4, 5), -10000, -5001, -4999),
        (sales["note2"], "credit_note", date(2025, 4, 6), -10000, -5000, -5000),
    ]
    assert all(r.customer_name == "Zhou Xun" and r.number for r in rows)
    assert rows[0].margin_bp == 2182  # 24000 / 110000 = 21.818 %
    assert margin.invoice_margin(db, owner, sales["note1"]).profit == -4999


def test_profit_per_department_follows_the_item_types(db, owner, sales):
    rows = margin.department_margins(db, owner, start=MARCH, end=APRIL)
    assert [(r.department, r.net, r.cost, r.profit) for r in rows] == [
        ("sales", 100000 + 10000, 80000 + 6000, 24000),
        ("workshop", 30000 - 10000 - 10000, 15002 - 5001 - 5000, 4999),
        ("parts", 6000 + 1000, 3600 + 700, 2700),
        ("other", 500, 0, 500),
    ]
    assert rows[3].margin_bp == 10000


def test_departments_and_months_add_up_to_the_invoices(db, owner, sales):
    per_invoice = margin.invoice_margins(db, owner, start=MARCH, end=APRIL)
    for rows in (margin.department_margins(db, owner, start=MARCH, end=APRIL),
                 margin.monthly_margins(db, owner, start=MARCH, end=APRIL)):
        assert (sum(r.net for r in rows), sum(r.cost for r in rows)) == (
            sum(r.net for r in per_invoice), sum(r.cost for r in per_invoice)) == (127500, 95301)


def test_profit_per_month_lists_every_month_of_the_period(db, owner, sales):
    rows = margin.monthly_margins(db, owner, start=date(2025, 2, 15), end=date(2025, 5, 10))
    assert [(r.period, r.net, r.cost, r.profit) for r in rows] == [
        ("2025-02", 0, 0, 0),
        ("2025-03", 110000 + 36500, 86000 + 18602, 24000 + 17898),
        ("2025-04", 1000 - 20000, 700 - 10001, 300 - 4999 - 5000),
        ("2025-05", 0, 0, 0),
    ]
    assert rows[0].margin_bp is None


def test_a_period_counts_only_invoices_issued_inside_it(db, owner, sales):
    rows = margin.invoice_margins(db, owner, start=date(2025, 3, 20), end=date(2025, 4, 5))
    assert [r.invoice_id for r in rows] == [sales["service"], sales["counter"], sales["note1"]]
    [sales_dept, *_rest] = margin.department_margins(db, owner, start=date(2025, 4, 1), end=date(2025, 4, 30))
    assert (sales_dept.net, sales_dept.cost) == (0, 0)


def test_a_period_must_not_end_before_it_starts(db, owner):
    for report in (margin.invoice_margins, margin.department_margins, margin.monthly_margins):
        with pytest.raises(ValidationError) as exc:
            report(db, owner, start=APRIL, end=MARCH)
        assert exc.value.field == "end"


def test_the_margin_of_an_unknown_invoice_is_not_found(db, owner):
    with pytest.raises(NotFound):
        margin.invoice_margin(db, owner, "no-such-invoice")


def test_margins_need_the_receivables_permission(db, owner, actor_for, sales):
    salesperson = actor_for("salesperson")
    for report in (margin.invoice_margins, margin.department_margins, margin.monthly_margins):
        with pytest.raises(PermissionDenied):
            report(db, salesperson, start=MARCH, end=APRIL)
    with pytest.raises(PermissionDenied):
        margin.invoice_margin(db, salesperson, sales["car"])
    assert margin.department_margins(db, actor_for("cashier"), start=MARCH, end=APRIL)[0].profit == 24000
