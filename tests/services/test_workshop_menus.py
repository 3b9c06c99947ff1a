"""Service packages at a fixed price: the job comes to the package price, the variance is kept on the
job and reaches the journal; and an insurance job split between the insurer and the customer's
excess."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.errors import ValidationError
from core.money import round_half_up
from models.billing import Invoice
from services import settings
from services.billing import accounting
from services.billing.totals import gross_amount
from services.workshop import catalogue as labour
from services.workshop import invoicing, menus, orders, parts
from services.workshop.menus import MenuInput, MenuItemInput, ScopeInput
from services.workshop.orders import JobInput, LabourInput, RepairOrderInput
from tests.services.billing_samples import customer
from tests.services.workshop_samples import ON, RATE, repair_order, shop


def _complete(db, actor, ro_id):
    for status in ("in_progress", "quality_check", "completed"):
        if orders.get(db, actor, ro_id).status != status:
            orders.set_status(db, actor, ro_id, status, on=ON)


def _package(db, actor, s, *, price=60000, scopes=()):
    """30,000 km service: an oil service (0.8 h) and a brake check (0.5 h) at the customer rate, an
    oil filter (¥68.00) and a set of brake pads (¥450.00): itemised ¥390.00 + ¥518.00 = ¥908.00."""
    labour.create_operation(db, actor, labour.OperationInput(code="OIL-SVC", description="Oil service",
                                                             standard_hours=80))
    labour.create_operation(db, actor, labour.OperationInput(code="BRK-CHK", description="Brake check",
                                                             standard_hours=50))
    return menus.save_menu(db, actor, None, MenuInput(
        code="s30k", name="30,000 km service", price=price,
        items=[MenuItemInput("labour", operation_code="OIL-SVC"), MenuItemInput("labour", operation_code="brk-chk"),
               MenuItemInput("part", part_id=s.parts[0], quantity=1000),
               MenuItemInput("part", part_id=s.parts[1], quantity=1000)],
        scopes=list(scopes)))


ITEMISED = 24000 + 15000 + 6800 + 45000  # 0.8 h and 0.5 h at ¥300.00, a filter and a set of pads


def _issue_all(db, actor, ro_id):
    for job in orders.get(db, actor, ro_id).jobs:
        for line in job.parts:
            parts.issue_part(db, actor, line.id, on=ON)


def test_a_package_prices_the_job_at_the_package_price_and_keeps_the_variance(db, owner):
    s = shop(db, owner)
    _package(db, owner, s)
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("30,000 km service", pay_type="customer"))
    applied = menus.apply_menu(db, owner, job_id, "S30K")
    assert (applied.itemised, applied.price, applied.variance) == (ITEMISED, 60000, ITEMISED - 60000)
    job = orders.get(db, owner, ro_id).jobs[0]
    assert (job.menu_code, job.menu_price, job.menu_variance) == ("S30K", 60000, ITEMISED - 60000)
    assert [line.amount for line in job.labour] == [24000, 15000]
    assert [line.operation_code for line in job.labour] == ["OIL-SVC", "BRK-CHK"]
    charged = (sum(line.amount - line.menu_discount for line in job.labour)
               + sum(gross_amount(quantity_milli=p.quantity, unit_price=p.unit_price) - p.menu_discount
                     for p in job.parts))
    assert charged == 60000
    assert all(line.menu_discount > 0 for line in [*job.labour, *job.parts])
    with pytest.raises(ValidationError, match="already has a service package"):
        menus.apply_menu(db, owner, job_id, "S30K")
    with pytest.raises(ValidationError, match="pay type can no longer change"):
        orders.update_job(db, owner, job_id, JobInput("30,000 km service", pay_type="internal"))


@pytest.mark.parametrize("include_tax", [False, True])
def test_an_invoiced_package_comes_to_its_price_and_the_journal_debits_the_variance(db, owner, include_tax):
    settings.save(db, owner, replace(settings.get(db), prices_include_tax=include_tax))
    s = shop(db, owner)
    _package(db, owner, s)
    ro_id, _number = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("30,000 km service", pay_type="customer"))
    menus.apply_menu(db, owner, job_id, "S30K")
    _issue_all(db, owner, ro_id)
    _complete(db, owner, ro_id)
    [made] = invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    with db.read() as conn:
        net, _tax, total = conn.execute(select(Invoice.net_total, Invoice.tax_total, Invoice.total)
                                       .where(Invoice.id == made.invoice_id)).one()
    assert (net if not include_tax else total) == 60000
    journal = [j for j in accounting.journal_entries(db, owner, start=ON, end=ON) if j.reference == made.number]
    assert sum(j.debit for j in journal) == sum(j.credit for j in journal)
    variance = [j for j in journal if j.key == "menu_variance"]
    revenue = sum(j.credit - j.debit for j in journal if j.key.startswith("item:"))
    assert len(variance) == 1 and variance[0].credit == 0
    # The variance account holds itemised − package price, net of tax, and revenue the itemised net.
    assert revenue - variance[0].debit == net
    if not include_tax:
        assert variance[0].debit == ITEMISED - 60000
        assert revenue == ITEMISED
    else:
        assert revenue == sum(round_half_up(Decimal(a) * 100 / 113) for a in (24000, 15000, 6800, 45000))


def test_a_package_is_offered_only_where_its_scope_allows(db, owner):
    s = shop(db, owner)
    # The shop's car is a Lavida, VIN LSVAU2189N2000001: inside this range, not of this family.
    _package(db, owner, s, scopes=[ScopeInput(model_family="Passat"),
                                   ScopeInput(vin_from="lsvau2189n2000000", vin_to="LSVAU2189N2000009")])
    assert [m.code for m in menus.menus_for_vehicle(db, owner, s.vehicle_id)] == ["S30K"]
    menus.save_menu(db, owner, menus.list_menus(db, owner)[0].id, MenuInput(
        code="S30K", name="30,000 km service", price=60000,
        items=[MenuItemInput("labour", operation_code="OIL-SVC")], scopes=[ScopeInput(model_family="Passat")]))
    assert menus.menus_for_vehicle(db, owner, s.vehicle_id) == []
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("Service", pay_type="customer"))
    with pytest.raises(ValidationError, match="not valid for this vehicle"):
        menus.apply_menu(db, owner, job_id, "S30K")
    menus.save_menu(db, owner, menus.list_menus(db, owner)[0].id, MenuInput(
        code="S30K", name="30,000 km service", price=60000,
        items=[MenuItemInput("labour", operation_code="OIL-SVC")], scopes=[ScopeInput(model_family="lavida")]))
    with pytest.raises(ValidationError, match="costs more than its itemised price"):
        menus.apply_menu(db, owner, job_id, "S30K")
    assert orders.get(db, owner, ro_id).jobs[0].labour == []


def test_insurance_work_is_split_between_the_insurer_and_the_customers_excess(db, owner):
    s = shop(db, owner)
    insurer = customer(db, owner, "PICC Shanghai")
    ro_id, _number = repair_order(db, owner, s)
    ro = orders.get(db, owner, ro_id)
    orders.update_order(db, owner, ro_id, RepairOrderInput(
        customer_id=ro.customer_id, vehicle_id=ro.vehicle_id, mileage_in=ro.mileage_in, insurer_id=insurer,
        insurance_excess=50000, insurance_claim_ref="PICC-2026-778"))
    job_id = orders.add_job(db, owner, ro_id, JobInput("Replace front bumper", pay_type="insurance"))
    orders.add_labour(db, owner, job_id, LabourInput(description="Bumper R&R", hours=350))
    orders.add_part(db, owner, job_id, orders.PartLineInput(part_id=s.parts[1], quantity=2_000))
    paid_job = orders.add_job(db, owner, ro_id, JobInput("Oil change", pay_type="customer"))
    orders.add_labour(db, owner, paid_job, LabourInput(description="Oil change", hours=50))
    _issue_all(db, owner, ro_id)
    _complete(db, owner, ro_id)
    made = {m.pay_type: m for m in invoicing.close_into_invoices(db, owner, ro_id, on=ON)}
    insured = 350 * 28000 // 100 + 2 * 45000
    assert set(made) == {"insurance", "excess", "customer"}
    assert made["insurance"].total == insured - 50000
    assert made["excess"].total == 50000
    assert made["insurance"].total + made["excess"].total == insured
    assert made["customer"].total == 50 * RATE // 100
    with db.read() as conn:
        billed = dict(conn.execute(select(Invoice.id, Invoice.customer_id)
                                   .where(Invoice.id.in_([m.invoice_id for m in made.values()]))).all())
    assert billed[made["insurance"].invoice_id] == insurer
    assert billed[made["excess"].invoice_id] == s.customer_id
    assert billed[made["customer"].invoice_id] == s.customer_id
    journal = accounting.journal_entries(db, owner, start=ON, end=ON)
    for m in made.values():
        lines = [j for j in journal if j.reference == m.number]
        assert sum(j.debit for j in lines) == sum(j.credit for j in lines)


def test_an_excess_needs_an_insurer_and_no_more_than_the_insurance_work(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    ro = orders.get(db, owner, ro_id)
    base = dict(customer_id=ro.customer_id, vehicle_id=ro.vehicle_id, mileage_in=ro.mileage_in)
    orders.update_order(db, owner, ro_id, RepairOrderInput(**base, insurance_excess=10000))
    job_id = orders.add_job(db, owner, ro_id, JobInput("Replace mirror", pay_type="insurance"))
    orders.add_labour(db, owner, job_id, LabourInput(description="Mirror R&R", hours=100))
    _complete(db, owner, ro_id)
    with pytest.raises(ValidationError, match="Choose the insurer"):
        invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    orders.set_status(db, owner, ro_id, "in_progress")
    insurer = customer(db, owner, "Ping An")
    orders.update_order(db, owner, ro_id, RepairOrderInput(**base, insurer_id=insurer, insurance_excess=28001))
    _complete(db, owner, ro_id)
    with pytest.raises(ValidationError, match="more than the insurance work"):
        invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    assert orders.get(db, owner, ro_id).status == "completed"


def test_the_repair_orders_file_totals_a_package_job_at_the_package_price_before_it_is_invoiced(db, owner, tmp_path):
    import csv

    from services.workshop import exports

    s = shop(db, owner)
    _package(db, owner, s)
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("30,000 km service", pay_type="customer"))
    menus.apply_menu(db, owner, job_id, "S30K")
    _issue_all(db, owner, ro_id)
    path = tmp_path / "ros.csv"
    exports.export_repair_orders(db, owner, path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["labour_amount"], row["parts_amount"], row["total"]) == ("390.00", "518.00", "600.00")


def test_reception_data_saved_without_the_excess_leaves_it_as_it_was(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    base = dict(customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12_000)
    orders.update_order(db, owner, ro_id, RepairOrderInput(**base, insurance_excess=30000))
    orders.update_order(db, owner, ro_id, RepairOrderInput(**base, concerns="Noise", insurance_excess=None))
    ro = orders.get(db, owner, ro_id)
    assert (ro.concerns, ro.insurance_excess) == ("Noise", 30000)


def test_crediting_a_package_invoice_reverses_its_variance_in_the_journal(db, owner):
    from services.billing import invoices

    settings.save(db, owner, replace(settings.get(db), prices_include_tax=False))
    s = shop(db, owner)
    _package(db, owner, s)
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("30,000 km service", pay_type="customer"))
    menus.apply_menu(db, owner, job_id, "S30K")
    _issue_all(db, owner, ro_id)
    _complete(db, owner, ro_id)
    [made] = invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    note_id = invoices.create_credit_note(db, owner, made.invoice_id, on=ON)
    with db.read() as conn:
        note = conn.execute(select(Invoice.number).where(Invoice.id == note_id)).scalar_one()
    journal = [j for j in accounting.journal_entries(db, owner, start=ON, end=ON) if j.reference == note]
    assert sum(j.debit for j in journal) == sum(j.credit for j in journal)
    [variance] = [j for j in journal if j.key == "menu_variance"]
    assert (variance.debit, variance.credit) == (0, ITEMISED - 60000)
