"""Repair orders: reception, jobs and lines, the status flow, mileage and permissions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import PermissionDenied, ValidationError
from models.admin import AuditEntry
from models.vehicles import Vehicle
from services.workshop import orders
from services.workshop.orders import ExtraInput, JobInput, LabourInput, RepairOrderInput
from tests.services.workshop_samples import ON, RATE, job_with_lines, repair_order, shop


def test_opening_a_repair_order_numbers_it_from_the_series_and_records_the_mileage(db, owner):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, mileage=12_500)
    _second_id, second = repair_order(db, owner, s, mileage=12_600)
    assert number.startswith("RO") and number.endswith("-2026-000001")
    assert second.endswith("-2026-000002")
    view = orders.get(db, owner, ro_id)
    assert (view.status, view.mileage_in, view.advisor, view.concerns) == ("open", 12_500, "owner",
                                                                           "Squeal when braking")
    with db.read() as conn:
        assert conn.execute(select(Vehicle.odometer_km).where(Vehicle.id == s.vehicle_id)).scalar() == 12_600


def test_a_mileage_below_the_last_one_is_refused_and_nothing_is_written(db, owner):
    s = shop(db, owner, odometer=10_000)
    repair_order(db, owner, s, mileage=15_000)
    with pytest.raises(ValidationError) as refused:
        repair_order(db, owner, s, mileage=14_000)
    assert refused.value.field == "mileage_in"
    assert "15,000 km" in refused.value.detail and "repair order" in refused.value.detail
    with db.read() as conn:
        assert conn.execute(select(Vehicle.odometer_km).where(Vehicle.id == s.vehicle_id)).scalar() == 15_000
    # The refused attempt took no number: the next order is the second.
    _ro, number = repair_order(db, owner, s, mileage=15_100)
    assert number.endswith("-000002")


def test_a_lower_mileage_is_accepted_with_a_reason_and_audited(db, owner, actor_for):
    s = shop(db, owner)
    repair_order(db, owner, s, mileage=15_000)
    data = RepairOrderInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=1_400,
                            mileage_override="Instrument cluster replaced at 13,600 km")
    with pytest.raises(PermissionDenied):
        orders.open_order(db, actor_for("technician"), data)
    ro_id, _number = orders.open_order(db, owner, data, on=ON)
    assert orders.get(db, owner, ro_id).mileage_override.startswith("Instrument cluster")
    with db.read() as conn:
        entries = conn.execute(select(AuditEntry.entity_id).where(AuditEntry.action == "mileage_override")).all()
    assert [e.entity_id for e in entries] == [ro_id]


def test_an_accepted_lower_mileage_is_the_reading_from_then_on(db, owner):
    """A replaced odometer starts counting again: the next visit is checked against it, not against
    the readings before it, and the service due counts from it."""
    from datetime import date

    from services.workshop import history

    s = shop(db, owner)
    repair_order(db, owner, s, mileage=148_010)
    ro_id, number = orders.open_order(db, owner, RepairOrderInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=1_000, mileage_override="Odometer replaced"),
        on=ON)
    with db.read() as conn:
        assert orders.last_mileage(conn, s.vehicle_id) == (1_000, f"repair order {number}")
        assert history.last_mileage(conn, s.vehicle_id) == 1_000
        assert conn.execute(select(Vehicle.odometer_km).where(Vehicle.id == s.vehicle_id)).scalar() == 1_000
        # Checked again against the readings before it while the overriding order itself is edited.
        assert orders.last_mileage(conn, s.vehicle_id, exclude_id=ro_id)[0] == 148_010
    # The next visit above the new reading is not questioned; one below it is.
    repair_order(db, owner, s, mileage=1_500, on=date(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        repair_order(db, owner, s, mileage=1_200, on=date(2026, 5, 1))
    assert "1,500 km" in refused.value.detail


def test_jobs_and_lines_are_priced_at_the_pay_types_rate(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    job_id, _labour, _part = job_with_lines(db, owner, ro_id, s, hours=125)
    orders.add_extra(db, owner, job_id, ExtraInput("consumable", "Brake cleaner", 2500, unit_cost=900))
    job = orders.get(db, owner, ro_id).jobs[0]
    assert [(x.hours, x.hourly_rate, x.amount) for x in job.labour] == [(125, RATE, 37500)]
    assert [(x.quantity, x.unit_price, x.reserved, x.issued) for x in job.parts] == [(2_000, 45000, 0, 0)]
    assert [(x.kind, x.unit_price) for x in job.extras] == [("consumable", 2500)]
    orders.update_job(db, owner, job_id, JobInput("Replace front brake pads", pay_type="warranty",
                                                  failed_part="Brake pad", cause="Worn", correction="Replaced"))
    job = orders.get(db, owner, ro_id).jobs[0]
    assert (job.pay_type, job.labour[0].hourly_rate, job.labour[0].amount) == ("warranty", 20000, 25000)
    assert (job.failed_part, job.cause, job.correction) == ("Brake pad", "Worn", "Replaced")


def test_labour_from_the_catalogue_takes_its_standard_hours(db, owner):
    from services.workshop import catalogue
    from services.workshop.catalogue import OperationInput

    s = shop(db, owner)
    catalogue.create_operation(db, owner, OperationInput("brk-01", "Front brake pads R&R", "Brakes", 120))
    catalogue.create_operation(db, owner, OperationInput("BRK-01", "Front brake pads R&R (Lavida)", "Brakes", 90,
                                                         model_family="Lavida"))
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("Brakes", pay_type="customer"))
    orders.add_labour(db, owner, job_id, LabourInput(operation_code=" brk-01 ", technician="owner"))
    line = orders.get(db, owner, ro_id).jobs[0].labour[0]
    assert (line.operation_code, line.hours, line.description, line.technician) == (
        "BRK-01", 90, "Front brake pads R&R (Lavida)", "owner")
    with pytest.raises(ValidationError) as refused:
        orders.add_labour(db, owner, job_id, LabourInput(operation_code="NOPE"))
    assert refused.value.field == "operation_code"


def test_bad_status_moves_are_refused_naming_the_status(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    for bad in ("completed", "invoiced", "closed", "parked"):
        with pytest.raises(ValidationError) as refused:
            orders.set_status(db, owner, ro_id, bad)
        assert refused.value.field == "status"
    for good in ("in_progress", "waiting_parts", "in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, ro_id, good, on=ON)
    view = orders.get(db, owner, ro_id)
    assert (view.status, view.completed_on) == ("completed", ON)
    with pytest.raises(ValidationError) as refused:
        orders.add_job(db, owner, ro_id, JobInput("More work"))
    assert refused.value.field == "status"


def test_a_technician_sees_the_work_but_not_its_amounts_and_cannot_edit(db, owner, actor_for):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    job_with_lines(db, owner, ro_id, s)
    tech = actor_for("technician")
    job = orders.get(db, tech, ro_id).jobs[0]
    assert job.labour[0].hours == 150 and job.labour[0].amount is None and job.labour[0].hourly_rate is None
    assert job.parts[0].unit_price is None and job.parts[0].unit_cost is None
    with pytest.raises(PermissionDenied):
        orders.add_job(db, tech, ro_id, JobInput("Something"))
    advisor = actor_for("service_advisor")
    orders.add_job(db, advisor, ro_id, JobInput("Check tyres"))
    assert orders.get(db, advisor, ro_id).jobs[0].labour[0].amount == 45000


def test_a_job_needs_a_description_and_a_known_pay_type(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    with pytest.raises(ValidationError) as refused:
        orders.add_job(db, owner, ro_id, JobInput("  "))
    assert refused.value.field == "description"
    with pytest.raises(ValidationError) as refused:
        orders.add_job(db, owner, ro_id, JobInput("Brakes", pay_type="goodwill"))
    assert refused.value.field == "pay_type"
