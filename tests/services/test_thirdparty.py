"""Money from third parties: manufacturer rebates expected versus received, insurance claims and
their status flow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services import vehicles
from services.billing import thirdparty
from services.vehicles import VehicleInput
from tests.services.billing_samples import customer, draft, line, posted
from tests.services.samples import chinese_vin, count, raw_rows

ON = date(2025, 5, 12)


def _state(path: Path) -> tuple:
    return (raw_rows(path, "SELECT * FROM rebate ORDER BY id"),
            raw_rows(path, "SELECT * FROM insurance_claim ORDER BY id"),
            count(path, "audit_entry"))


def _vehicle(db, owner, n: int = 1) -> str:
    return vehicles.create(db, owner, VehicleInput(vin=chinese_vin(n), make="Volkswagen", model="Lavida",
                                                   plate="沪A12345"))


# --- rebates --------------------------------------------------------------------------------------

def test_partial_rebate_receipts_add_up_against_what_is_expected(db, owner):
    vid = _vehicle(db, owner)
    rid = thirdparty.expect_rebate(db, owner, manufacturer=" SAIC  Volkswagen ", vehicle_id=vid, amount=300000,
                                   expected_on=date(2025, 6, 30), notes="Q2 retail support")
    assert thirdparty.receive_rebate(db, owner, rid, amount=100000, on=date(2025, 6, 2)) == 200000
    assert thirdparty.receive_rebate(db, owner, rid, amount=50000, on=date(2025, 7, 1)) == 150000
    [row] = thirdparty.rebates(db, owner)
    assert (row.manufacturer, row.campaign, row.vehicle_id, row.vehicle_vin, row.vehicle_label) == (
        "SAIC Volkswagen", "", vid, chinese_vin(1), "Volkswagen Lavida 沪A12345")
    assert (row.expected_amount, row.expected_on, row.received_amount, row.received_on, row.outstanding) == (
        300000, date(2025, 6, 30), 150000, date(2025, 7, 1), 150000)
    assert row.notes == "Q2 retail support"


def test_receiving_more_than_is_outstanding_is_refused_until_the_expectation_is_corrected(db, db_path, owner):
    rid = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring EV", amount=50000)
    thirdparty.receive_rebate(db, owner, rid, amount=40000, on=ON)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        thirdparty.receive_rebate(db, owner, rid, amount=10001, on=ON)
    assert exc.value.field == "amount" and "¥100.00" in exc.value.detail
    with pytest.raises(ValidationError) as exc:
        thirdparty.update_rebate(db, owner, rid, expected_amount=39999)
    assert exc.value.field == "expected_amount"
    assert _state(db_path) == before
    thirdparty.update_rebate(db, owner, rid, expected_amount=60000)
    assert thirdparty.receive_rebate(db, owner, rid, amount=20000, on=ON) == 0
    assert thirdparty.rebates(db, owner, outstanding_only=True) == []


@pytest.mark.parametrize("kwargs, field", [
    (dict(manufacturer="  ", campaign="Spring", amount=100), "manufacturer"),
    (dict(manufacturer="BYD", amount=100), "campaign"),
    (dict(manufacturer="BYD", campaign="Spring", amount=0), "amount"),
    (dict(manufacturer="BYD", campaign="Spring", amount=-5), "amount"),
    (dict(manufacturer="BYD", vehicle_id="no-such-vehicle", amount=100), "vehicle_id"),
    (dict(manufacturer="B" * 81, campaign="Spring", amount=100), "manufacturer"),
], ids=["no-manufacturer", "neither-campaign-nor-vehicle", "zero", "negative", "unknown-vehicle", "too-long"])
def test_a_bad_rebate_names_the_field_and_writes_nothing(db, db_path, owner, kwargs, field):
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        thirdparty.expect_rebate(db, owner, **kwargs)
    assert exc.value.field == field
    assert _state(db_path) == before


def test_a_bad_receipt_names_the_field_and_writes_nothing(db, db_path, owner):
    rid = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring", amount=100)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        thirdparty.receive_rebate(db, owner, rid, amount=0, on=ON)
    assert exc.value.field == "amount"
    with pytest.raises(NotFound):
        thirdparty.receive_rebate(db, owner, "no-such-rebate", amount=10, on=ON)
    assert _state(db_path) == before


def test_rebate_totals_per_campaign_and_per_manufacturer(db, owner):
    vid = _vehicle(db, owner)
    a = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring EV", amount=50000)
    a2 = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring EV", amount=30000)
    b = thirdparty.expect_rebate(db, owner, manufacturer="BYD", vehicle_id=vid, amount=20000)
    c = thirdparty.expect_rebate(db, owner, manufacturer="Geely", campaign="Trade-in", amount=10000)
    thirdparty.receive_rebate(db, owner, a, amount=50000, on=ON)
    thirdparty.receive_rebate(db, owner, b, amount=5000, on=ON)
    thirdparty.receive_rebate(db, owner, c, amount=2500, on=ON)
    per_campaign = thirdparty.rebate_totals(db, owner)
    assert [(t.manufacturer, t.campaign, t.count, t.expected, t.received, t.outstanding) for t in per_campaign] == [
        ("BYD", "", 1, 20000, 5000, 15000),
        ("BYD", "Spring EV", 2, 80000, 50000, 30000),
        ("Geely", "Trade-in", 1, 10000, 2500, 7500),
    ]
    per_maker = thirdparty.rebate_totals(db, owner, per="manufacturer")
    assert [(t.manufacturer, t.campaign, t.count, t.expected, t.received, t.outstanding) for t in per_maker] == [
        ("BYD", "", 3, 100000, 55000, 45000), ("Geely", "", 1, 10000, 2500, 7500)]
    assert [r.id for r in thirdparty.rebates(db, owner, manufacturer="BYD", campaign="Spring EV",
                                             outstanding_only=True)] == [a2]
    assert {r.id for r in thirdparty.rebates(db, owner, outstanding_only=True)} == {a2, b, c}
    with pytest.raises(ValidationError) as exc:
        thirdparty.rebate_totals(db, owner, per="vehicle")
    assert exc.value.field == "per"


# --- insurance claims -----------------------------------------------------------------------------

def _claim(db, owner, cid: str, **kwargs) -> str:
    args = dict(insurer="Ping An", claim_number="PA-2025-0001", customer_id=cid)
    return thirdparty.open_claim(db, owner, **(args | kwargs))


def test_a_claim_goes_open_approved_invoiced_paid_with_payouts_up_to_the_insurer_s_share(db, owner):
    cid = customer(db, owner, "Sun Li")
    vid = _vehicle(db, owner)
    claim_id = _claim(db, owner, cid, vehicle_id=vid)
    assert thirdparty.get_claim(db, owner, claim_id).status == "open"
    thirdparty.approve_claim(db, owner, claim_id, approved_amount=800000, excess_amount=100000)
    invoice_id = posted(db, owner, cid, line("Body repair", price=800000), on=ON)
    thirdparty.invoice_claim(db, owner, claim_id, invoice_id)
    row = thirdparty.get_claim(db, owner, claim_id)
    assert (row.status, row.insurer_share, row.paid_amount, row.outstanding) == ("invoiced", 700000, 0, 700000)
    assert row.invoice_id == invoice_id and row.invoice_number.startswith("INV")
    assert (row.customer_name, row.vehicle_label) == ("Sun Li", "Volkswagen Lavida 沪A12345")
    assert thirdparty.record_payout(db, owner, claim_id, amount=500000) == 200000
    assert thirdparty.get_claim(db, owner, claim_id).status == "invoiced"
    assert thirdparty.record_payout(db, owner, claim_id, amount=200000) == 0
    row = thirdparty.get_claim(db, owner, claim_id)
    assert (row.status, row.paid_amount, row.outstanding) == ("paid", 700000, 0)


def test_a_payout_beyond_approved_less_excess_is_refused(db, db_path, owner):
    cid = customer(db, owner)
    claim_id = _claim(db, owner, cid)
    thirdparty.approve_claim(db, owner, claim_id, approved_amount=10000, excess_amount=2000)
    thirdparty.invoice_claim(db, owner, claim_id, posted(db, owner, cid, line(price=10000), on=ON))
    thirdparty.record_payout(db, owner, claim_id, amount=3000)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        thirdparty.record_payout(db, owner, claim_id, amount=5001)
    assert exc.value.field == "amount" and "¥50.00" in exc.value.detail
    with pytest.raises(ValidationError) as exc:
        thirdparty.record_payout(db, owner, claim_id, amount=0)
    assert exc.value.field == "amount"
    assert _state(db_path) == before


@pytest.mark.parametrize("path, step, allowed", [
    ([], "invoice", "approved or rejected"),
    ([], "payout", None),
    ([], "settle", "approved or rejected"),
    (["approve"], "approve", "invoiced or rejected"),
    (["approve", "invoice"], "approve", "paid or rejected"),
    (["reject"], "approve", "nothing"),
    (["approve", "invoice", "pay"], "reject", "nothing"),
], ids=["open-to-invoiced", "payout-while-open", "open-to-paid", "approve-twice", "invoiced-to-approved",
        "rejected-to-approved", "paid-to-rejected"])
def test_invalid_status_changes_are_refused_naming_the_status(db, db_path, owner, path, step, allowed):
    cid = customer(db, owner)
    claim_id = _claim(db, owner, cid)
    invoice_id = posted(db, owner, cid, line(price=10000), on=ON)
    steps = {
        "approve": lambda: thirdparty.approve_claim(db, owner, claim_id, approved_amount=10000, excess_amount=1000),
        "invoice": lambda: thirdparty.invoice_claim(db, owner, claim_id, invoice_id),
        "pay": lambda: thirdparty.record_payout(db, owner, claim_id, amount=9000),
        "payout": lambda: thirdparty.record_payout(db, owner, claim_id, amount=100),
        "settle": lambda: thirdparty.settle_claim(db, owner, claim_id),
        "reject": lambda: thirdparty.reject_claim(db, owner, claim_id),
    }
    for done in path:
        steps[done]()
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        steps[step]()
    assert exc.value.field == "status"
    if allowed:
        assert f"can move to {allowed}" in exc.value.detail
    assert _state(db_path) == before


def test_claim_numbers_are_unique_per_insurer_ignoring_case(db, db_path, owner):
    cid = customer(db, owner)
    _claim(db, owner, cid, claim_number="PA-0001")
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        _claim(db, owner, cid, insurer="ping an", claim_number=" pa-0001 ")
    assert exc.value.field == "claim_number"
    assert _state(db_path) == before
    other = _claim(db, owner, cid, insurer="PICC", claim_number="PA-0001")
    assert thirdparty.get_claim(db, owner, other).insurer == "PICC"


@pytest.mark.parametrize("kwargs, field", [
    (dict(insurer=""), "insurer"),
    (dict(claim_number="  "), "claim_number"),
    (dict(customer_id="no-such-customer"), "customer_id"),
    (dict(vehicle_id="no-such-vehicle"), "vehicle_id"),
    (dict(approved_amount=-1), "approved_amount"),
    (dict(approved_amount=1000, excess_amount=1001), "excess_amount"),
], ids=["no-insurer", "no-number", "unknown-customer", "unknown-vehicle", "negative-approved", "excess-too-big"])
def test_a_bad_claim_names_the_field_and_writes_nothing(db, db_path, owner, kwargs, field):
    cid = customer(db, owner)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        _claim(db, owner, cid, **kwargs)
    assert exc.value.field == field
    assert _state(db_path) == before


def test_approval_needs_an_amount_and_an_excess_within_it(db, db_path, owner):
    claim_id = _claim(db, owner, customer(db, owner))
    before = _state(db_path)
    for approved, excess, field in [(0, 0, "approved_amount"), (5000, 5001, "excess_amount"),
                                    (5000, -1, "excess_amount")]:
        with pytest.raises(ValidationError) as exc:
            thirdparty.approve_claim(db, owner, claim_id, approved_amount=approved, excess_amount=excess)
        assert exc.value.field == field
    assert _state(db_path) == before


def test_only_a_posted_invoice_free_of_other_claims_can_be_linked(db, db_path, owner):
    cid = customer(db, owner)
    first, second = _claim(db, owner, cid), _claim(db, owner, cid, claim_number="PA-2025-0002")
    for claim_id in (first, second):
        thirdparty.approve_claim(db, owner, claim_id, approved_amount=10000, excess_amount=0)
    invoice_id = posted(db, owner, cid, line(price=10000), on=ON)
    thirdparty.invoice_claim(db, owner, first, invoice_id)
    draft_id = draft(db, owner, cid)
    before = _state(db_path)
    for bad in (draft_id, invoice_id, "no-such-invoice"):
        with pytest.raises(ValidationError) as exc:
            thirdparty.invoice_claim(db, owner, second, bad)
        assert exc.value.field == "invoice_id"
    assert _state(db_path) == before
    assert thirdparty.get_claim(db, owner, second).status == "approved"


def test_a_short_payout_can_be_settled_and_a_claim_without_payout_rejected(db, owner):
    cid = customer(db, owner)
    short, refused = _claim(db, owner, cid), _claim(db, owner, cid, claim_number="PA-2025-0002")
    thirdparty.approve_claim(db, owner, short, approved_amount=10000, excess_amount=1000)
    thirdparty.invoice_claim(db, owner, short, posted(db, owner, cid, line(price=10000), on=ON))
    with pytest.raises(ValidationError) as exc:
        thirdparty.settle_claim(db, owner, short)
    assert exc.value.field == "amount"
    thirdparty.record_payout(db, owner, short, amount=8000)
    with pytest.raises(ValidationError) as exc:
        thirdparty.reject_claim(db, owner, short)
    assert exc.value.field == "status"
    thirdparty.settle_claim(db, owner, short, notes="Insurer deducted depreciation")
    thirdparty.reject_claim(db, owner, refused, reason="Not covered")
    rows = {r.id: r for r in thirdparty.claims(db, owner)}
    assert (rows[short].status, rows[short].paid_amount, rows[short].outstanding) == ("paid", 8000, 0)
    assert rows[short].notes == "Insurer deducted depreciation"
    assert (rows[refused].status, rows[refused].notes) == ("rejected", "Not covered")


def test_outstanding_claims_are_those_not_yet_paid_or_rejected(db, owner):
    cid = customer(db, owner, "Qian Yu")
    opened = _claim(db, owner, cid, claim_number="C1")
    approved = _claim(db, owner, cid, claim_number="C2")
    rejected = _claim(db, owner, cid, claim_number="C3")
    thirdparty.approve_claim(db, owner, approved, approved_amount=9000, excess_amount=1500)
    thirdparty.reject_claim(db, owner, rejected)
    rows = thirdparty.outstanding_claims(db, owner)
    assert [(r.id, r.status, r.outstanding) for r in rows] == [(opened, "open", 0), (approved, "approved", 7500)]
    assert [r.id for r in thirdparty.claims(db, owner, status="rejected")] == [rejected]
    with pytest.raises(ValidationError) as exc:
        thirdparty.claims(db, owner, status="lost")
    assert exc.value.field == "status"
    with pytest.raises(NotFound):
        thirdparty.get_claim(db, owner, "no-such-claim")


# --- permissions ----------------------------------------------------------------------------------

def test_changes_need_thirdparty_edit_and_reads_need_margin_view_or_thirdparty_edit(db, db_path, owner, actor_for):
    cid = customer(db, owner)
    rid = thirdparty.expect_rebate(db, owner, manufacturer="BYD", campaign="Spring", amount=100)
    claim_id = _claim(db, owner, cid)
    salesperson, technician = actor_for("salesperson"), actor_for("technician")
    assert not salesperson.can("thirdparty.edit") and salesperson.can("invoice.view")
    before = _state(db_path)
    for change in (lambda a: thirdparty.expect_rebate(db, a, manufacturer="BYD", campaign="S", amount=5),
                   lambda a: thirdparty.receive_rebate(db, a, rid, amount=5, on=ON),
                   lambda a: thirdparty.update_rebate(db, a, rid, expected_amount=500),
                   lambda a: _claim(db, a, cid, claim_number="X-1"),
                   lambda a: thirdparty.approve_claim(db, a, claim_id, approved_amount=10, excess_amount=0),
                   lambda a: thirdparty.reject_claim(db, a, claim_id)):
        with pytest.raises(PermissionDenied):
            change(salesperson)
    assert _state(db_path) == before
    # Rebates and claims are money the dealership earns besides the sale: those who see margins or
    # record them read them; the showroom, the workshop floor and the parts desk do not.
    for role in ("sales_manager", "cashier", "service_advisor"):
        assert len(thirdparty.rebates(db, actor_for(role))) == 1
        assert len(thirdparty.outstanding_claims(db, actor_for(role))) == 1
    for reader in (salesperson, technician, actor_for("parts_clerk")):
        for read in (thirdparty.rebates, thirdparty.rebate_totals, thirdparty.claims, thirdparty.outstanding_claims):
            with pytest.raises(PermissionDenied):
                read(db, reader)
    advisor = actor_for("service_advisor")
    thirdparty.approve_claim(db, advisor, claim_id, approved_amount=10, excess_amount=0)
    assert thirdparty.get_claim(db, owner, claim_id).status == "approved"
