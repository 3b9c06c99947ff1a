"""A repair order's parts through the stock ledger, technicians' clockings, and closing it into
posted workshop invoices split by pay type in one transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from core.errors import PermissionDenied, ValidationError
from core.quantities import InsufficientStock
from models.billing import Invoice
from models.parts import StockMovement
from models.workshop import RepairOrderInvoice
from services.billing import invoices
from services.parts import stock
from services.workshop import clocking, handover, invoicing, orders, parts
from services.workshop.orders import ExtraInput, JobInput, LabourInput
from tests.services.samples import raw_rows
from tests.services.workshop_samples import ON, job_with_lines, repair_order, shop


def _level(db, part_id):
    with db.read() as conn:
        return stock.stock_level(conn, part_id)


def _complete(db, actor, ro_id):
    for status in ("in_progress", "quality_check", "completed"):
        if orders.get(db, actor, ro_id).status != status:
            orders.set_status(db, actor, ro_id, status, on=ON)


def test_parts_are_reserved_for_the_repair_order_issued_to_the_job_and_returned_unused(db, owner):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s)
    _job, _labour, line = job_with_lines(db, owner, ro_id, s, parts=4_000)
    parts.reserve_part(db, owner, line)
    level = _level(db, s.parts[1])
    assert (level.on_hand, level.reserved, level.available) == (20_000, 4_000, 16_000)
    assert [r.for_reference for r in stock.reservations(db, owner, s.parts[1])] == [number]
    parts.issue_part(db, owner, line, 3_000, on=ON)
    level = _level(db, s.parts[1])
    assert (level.on_hand, level.reserved) == (17_000, 1_000)
    parts.release_part(db, owner, line)
    parts.return_part(db, owner, line, 1_000, on=ON)
    level = _level(db, s.parts[1])
    assert (level.on_hand, level.reserved, level.average_cost) == (18_000, 0, 25000)
    view = orders.get(db, owner, ro_id).jobs[0].parts[0]
    assert (view.reserved, view.issued, view.returned, view.unit_cost) == (0, 3_000, 1_000, 25000)
    with db.read() as conn:
        moves = conn.execute(select(StockMovement.kind, StockMovement.quantity, StockMovement.reference)
                             .where(StockMovement.source_id == line).order_by(StockMovement.id)).all()
        assert stock.ledger_reserved(conn, s.parts[1]) == 0
        assert stock.ledger_on_hand(conn, s.parts[1]) == 18_000
    assert [tuple(m) for m in moves] == [("issue", -3_000, number), ("return_from_job", 1_000, number)]
    assert orders.get(db, owner, ro_id).status == "in_progress"


def test_more_than_is_available_cannot_be_reserved_or_issued(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    _job, _labour, line = job_with_lines(db, owner, ro_id, s, parts=25_000)
    with pytest.raises(InsufficientStock):
        parts.reserve_part(db, owner, line)
    with pytest.raises(InsufficientStock):
        parts.issue_part(db, owner, line)
    with pytest.raises(ValidationError) as refused:
        parts.return_part(db, owner, line)
    assert refused.value.field == "quantity"
    assert _level(db, s.parts[1]).on_hand == 20_000


def test_one_open_clocking_per_technician_clocking_on_elsewhere_clocks_off_the_first(db, owner, actor_for):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    first = orders.add_job(db, owner, ro_id, JobInput("Brakes", pay_type="customer"))
    second = orders.add_job(db, owner, ro_id, JobInput("Tyres", pay_type="customer"))
    tech = actor_for("technician")
    start = datetime(2026, 3, 2, 1, 0)
    clocking.clock_on(db, tech, first, at=start)
    assert orders.get(db, owner, ro_id).status == "in_progress"
    with pytest.raises(ValidationError) as refused:
        clocking.clock_on(db, tech, first, at=start + timedelta(minutes=5))
    assert refused.value.field == "job"
    clocking.clock_on(db, tech, second, at=start + timedelta(hours=1))
    open_now = clocking.open_clockings(db, owner)
    assert [(c.technician, c.job_id) for c in open_now] == [("u_technician", second)]
    with pytest.raises(PermissionDenied):
        clocking.clock_off(db, tech, technician="owner")
    with pytest.raises(ValidationError) as refused:
        clocking.clock_off(db, tech, at=start)
    assert refused.value.field == "at"
    clocking.clock_off(db, tech, at=start + timedelta(hours=2))
    assert clocking.open_clockings(db, owner) == []
    with pytest.raises(ValidationError) as refused:
        clocking.clock_off(db, tech)
    assert refused.value.field == "technician"


def test_completing_or_invoicing_with_open_clockings_or_reserved_parts_is_refused_and_changes_nothing(
        db, db_path, owner, actor_for):
    s = shop(db, owner)
    ro_id, _number = repair_order(db, owner, s)
    job, _labour, line = job_with_lines(db, owner, ro_id, s)
    parts.reserve_part(db, owner, line)
    foreman = actor_for("foreman")
    clocking.clock_on(db, foreman, job, technician="owner")
    # The work goes to its check once nobody is working on it.
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "quality_check")
    assert refused.value.field == "clockings" and "quality check" in refused.value.detail
    clocking.clock_off(db, foreman, technician="owner")
    orders.set_status(db, owner, ro_id, "quality_check")
    clocking.clock_on(db, foreman, job, technician="owner")  # the check found something to redo
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "completed")
    assert refused.value.field == "clockings" and "Olivia Owner" in refused.value.detail
    clocking.clock_off(db, foreman, technician="owner")
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "completed")
    assert refused.value.field == "parts" and "0986-BP-1 (2)" in refused.value.detail
    assert orders.get(db, owner, ro_id).status == "quality_check"
    parts.issue_part(db, owner, line, on=ON)
    orders.set_status(db, owner, ro_id, "completed", on=ON)
    assert orders.get(db, owner, ro_id).status == "completed"


def test_a_job_without_a_pay_type_refuses_invoicing_and_nothing_changes(db, db_path, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    job_with_lines(db, owner, ro_id, s)
    unpaid = orders.add_job(db, owner, ro_id, JobInput("Check the noise"))
    orders.add_labour(db, owner, unpaid, LabourInput(description="Road test", hours=50))
    _complete(db, owner, ro_id)
    before = raw_rows(db_path, "SELECT count(*) FROM invoice"), raw_rows(db_path, "SELECT count(*) FROM number_series")
    with pytest.raises(ValidationError) as refused:
        invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    assert refused.value.field == "jobs[2].pay_type" and "Check the noise" in refused.value.detail
    assert (raw_rows(db_path, "SELECT count(*) FROM invoice"),
            raw_rows(db_path, "SELECT count(*) FROM number_series")) == before
    assert orders.get(db, owner, ro_id).status == "completed"


def test_closing_splits_into_posted_invoices_per_pay_type_in_one_transaction(db, db_path, owner, actor_for):
    from services.workshop import catalogue

    s = shop(db, owner)
    from tests.services.billing_samples import customer

    maker = customer(db, owner, "SAIC Volkswagen warranty")
    catalogue.set_rate(db, owner, "warranty", 20000, bill_to_customer_id=maker)
    ro_id, number = repair_order(db, owner, s)
    _job, _labour, line = job_with_lines(db, owner, ro_id, s, hours=150, parts=2_000)
    warranty = orders.add_job(db, owner, ro_id, JobInput("Replace window regulator", pay_type="warranty",
                                                         failed_part="Regulator", cause="Cable snapped",
                                                         correction="Replaced regulator"))
    orders.add_labour(db, owner, warranty, LabourInput(description="Regulator R&R", hours=80))
    oil_line = orders.add_part(db, owner, warranty, orders.PartLineInput(part_id=s.parts[0], quantity=1_000))
    orders.add_extra(db, owner, _job, ExtraInput("sublet", "Wheel alignment (partner)", 19800, unit_cost=12000))
    parts.issue_part(db, owner, line, on=ON)
    parts.issue_part(db, owner, oil_line, on=ON)
    _complete(db, owner, ro_id)
    with pytest.raises(PermissionDenied):
        invoicing.close_into_invoices(db, actor_for("service_advisor"), ro_id, on=ON)
    movements_before = raw_rows(db_path, "SELECT count(*) FROM stock_movement")
    made = invoicing.close_into_invoices(db, actor_for("cashier"), ro_id, on=ON)
    assert [m.pay_type for m in made] == ["customer", "warranty"]
    customer_invoice = invoices.get(db, owner, made[0].invoice_id)
    warranty_invoice = invoices.get(db, owner, made[1].invoice_id)
    assert (customer_invoice.status, customer_invoice.kind, customer_invoice.reference) == ("posted", "workshop",
                                                                                           number)
    assert customer_invoice.customer_id == s.customer_id and warranty_invoice.customer_id == maker
    assert [(x.item_type, x.quantity_milli, x.unit_price, x.total) for x in customer_invoice.lines] == [
        ("labour", 1_500, 30000, 45000), ("part", 2_000, 45000, 90000), ("other", 1_000, 19800, 19800)]
    assert customer_invoice.lines[1].unit_cost == 25000 and customer_invoice.lines[1].part_id == s.parts[1]
    assert [(x.item_type, x.quantity_milli, x.total) for x in warranty_invoice.lines] == [
        ("labour", 800, 16000), ("part", 1_000, 6800)]
    # The parts left stock when issued; posting the invoices moved nothing again.
    assert raw_rows(db_path, "SELECT count(*) FROM stock_movement") == movements_before
    assert _level(db, s.parts[1]).on_hand == 18_000
    view = orders.get(db, owner, ro_id)
    assert (view.status, view.invoiced_on) == ("invoiced", ON)
    with db.read() as conn:
        linked = conn.execute(select(func.count()).select_from(RepairOrderInvoice)).scalar_one()
        assert linked == 2
        assert conn.execute(select(func.count()).select_from(Invoice).where(Invoice.status == "draft")).scalar() == 0
    with pytest.raises(ValidationError) as refused:
        invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    assert refused.value.field == "status"
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "closed", on=ON)
    assert refused.value.field == "status"
    handover.hand_over(db, owner, ro_id, handover.HandoverInput(mileage_out=12_000), on=ON)
    assert orders.get(db, owner, ro_id).status == "closed"


def test_a_refused_posting_inside_the_close_rolls_back_every_invoice(db, db_path, owner, monkeypatch):
    from services.billing import posting

    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    job_with_lines(db, owner, ro_id, s, pay_type="customer")
    internal = orders.add_job(db, owner, ro_id, JobInput("Pre-delivery inspection", pay_type="internal"))
    orders.add_labour(db, owner, internal, LabourInput(description="PDI", hours=100))
    _complete(db, owner, ro_id)
    calls = []

    def refuse_second(ctx):
        calls.append(ctx.document.id)
        if len(calls) == 2:
            raise ValidationError("lines", "refused for the test")

    posting.on_post("workshop", refuse_second)
    try:
        with pytest.raises(ValidationError):
            invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    finally:
        posting._on_post["workshop"].remove(refuse_second)
    assert raw_rows(db_path, "SELECT count(*) FROM invoice") == [(0,)]
    assert raw_rows(db_path, "SELECT count(*) FROM repair_order_invoice") == [(0,)]
    assert orders.get(db, owner, ro_id).status == "completed"
