"""Warranty jobs keep the claim's data, and the warranty-claims file writes it field by field."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from core.errors import ValidationError
from services.workshop import catalogue as labour
from services.workshop import invoicing, orders, parts, warranty
from services.workshop.orders import JobInput, LabourInput, PartLineInput
from services.workshop.warranty import WARRANTY_CLAIM_COLUMNS, WarrantyInput
from tests.services.workshop_samples import ON, repair_order, shop


def _complete(db, actor, ro_id):
    for status in ("in_progress", "quality_check", "completed"):
        if orders.get(db, actor, ro_id).status != status:
            orders.set_status(db, actor, ro_id, status, on=ON)


def test_the_warranty_claims_file_holds_each_warranty_job_field_by_field(db, owner, tmp_path):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, mileage=23_456)
    job_id = orders.add_job(db, owner, ro_id, JobInput("Water pump leaks", pay_type="warranty"))
    warranty.set_warranty(db, owner, job_id, WarrantyInput(
        condition="Coolant under the car", cause="Pump seal failed", correction="Replaced the water pump",
        failed_part="Water pump", failed_part_number="06H121026", failed_on=ON - timedelta(days=3),
        claim_number="VW-CLM-0042"))
    labour.create_operation(db, owner, labour.OperationInput(code="WP-01", description="Water pump R&R",
                                                             standard_hours=180))
    orders.add_labour(db, owner, job_id, LabourInput(operation_code="wp-01"))
    orders.add_labour(db, owner, job_id, LabourInput(description="Coolant bleed", hours=25))
    line = orders.add_part(db, owner, job_id, PartLineInput(part_id=s.parts[0], quantity=1_500))
    orders.add_part(db, owner, job_id, PartLineInput(part_id=s.parts[1], quantity=1_000))  # never issued
    other = orders.add_job(db, owner, ro_id, JobInput("Wipers", pay_type="customer"))
    orders.add_labour(db, owner, other, LabourInput(description="Wipers", hours=10))
    parts.issue_part(db, owner, line, on=ON)
    _complete(db, owner, ro_id)
    invoicing.close_into_invoices(db, owner, ro_id, on=ON)
    # Outside the period: not written.
    later, _ = repair_order(db, owner, s, mileage=24_000, on=ON + timedelta(days=40))
    orders.add_job(db, owner, later, JobInput("Later claim", pay_type="warranty"))

    path = tmp_path / "claims.csv"
    assert warranty.export_warranty_claims(db, owner, path, start=ON, end=ON + timedelta(days=1)) == 1
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == WARRANTY_CLAIM_COLUMNS
        rows = list(reader)
    assert rows == [{
        "repair_order_number": number, "job_no": "1", "claim_number": "VW-CLM-0042",
        "vin": "LSVAU2189N2000001", "plate": "沪A00001", "make": "Volkswagen", "model": "Lavida",
        "mileage_in": "23456", "opened_on": ON.isoformat(), "failed_on": (ON - timedelta(days=3)).isoformat(),
        "completed_on": ON.isoformat(), "invoiced_on": ON.isoformat(),
        "condition": "Coolant under the car", "cause": "Pump seal failed", "correction": "Replaced the water pump",
        "failed_part": "Water pump", "failed_part_number": "06H121026",
        "operation_codes": "WP-01;", "operation_hours": "1.8;0.25", "labour_hours": "2.05",
        "labour_amount": "410.00",  # 2.05 h at the warranty rate of ¥200.00
        "part_numbers": "0986-OF-1", "part_quantities": "1.5", "parts_amount": "102.00",
        "total": "512.00",
    }]


def test_a_failure_after_the_car_came_in_is_refused(db, owner):
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, JobInput("Water pump", pay_type="warranty"))
    with pytest.raises(ValidationError, match="cannot have failed after"):
        warranty.set_warranty(db, owner, job_id, WarrantyInput(failed_on=ON + timedelta(days=1)))
    assert orders.get(db, owner, ro_id).jobs[0].failed_on is None
