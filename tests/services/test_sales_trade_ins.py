"""Trade-in appraisals: condition by area, reconditioning by kind, over-allowance, and taking the car
into used stock at its actual cash value plus reconditioning, in one unit of work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core import clock
from core.errors import Conflict, ValidationError
from services.sales import trade_ins
from services.sales.trade_ins import AppraisalInput, ConditionInput, ReconditioningInput
from services.vehicles import stock
from store.uow import UnitOfWork
from tests.services.finance_samples import car, customer, deal
from tests.services.samples import chinese_vin, raw_rows


def _appraisal(cid: str, n: int = 7, **kw) -> AppraisalInput:
    return AppraisalInput(
        customer_id=cid, vin=chinese_vin(n), make="Volkswagen", model="Lavida", model_year=2019, mileage_km=86_000,
        actual_cash_value=kw.pop("acv", 52_000_00), allowance=kw.pop("allowance", 55_000_00),
        outstanding_finance=kw.pop("owed", 12_000_00), finance_lender=kw.pop("lender", "SAIC Finance"),
        conditions=[ConditionInput("body", "fair", "scratch on the rear bumper"), ConditionInput("tyres", "poor")],
        reconditioning=kw.pop("recon", [ReconditioningInput("body_paint", 1_800_00, "rear bumper"),
                                        ReconditioningInput("tyres", 2_400_00),
                                        ReconditioningInput("cleaning", 300_00)]),
        **kw)


def test_an_appraisal_records_the_car_by_vin_with_its_grades_and_costs(db, db_path, owner):
    cid = customer(db, owner)
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    view = trade_ins.get_appraisal(db, owner, tid)
    assert view.status == "appraised"
    assert [(c.area, c.grade) for c in view.data.conditions] == [("body", "fair"), ("tyres", "poor")]
    assert view.reconditioning_total == 4_500_00
    assert view.over_allowance == 3_000_00
    assert view.true_cost == 56_500_00
    assert raw_rows(db_path, "SELECT vin, owner_id, odometer_km FROM vehicle WHERE id = ?", (view.vehicle_id,)) == [
        (chinese_vin(7), cid, 86_000)]


def test_a_car_already_recorded_is_reused(db, db_path, owner):
    cid = customer(db, owner)
    vid = car(db, owner, cid, n=7)
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    assert trade_ins.get_appraisal(db, owner, tid).vehicle_id == vid
    assert raw_rows(db_path, "SELECT count(*) FROM vehicle") == [(1,)]


def test_taking_in_makes_used_stock_at_acv_plus_reconditioning(db, db_path, owner):
    cid = customer(db, owner)
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    trade_ins.move(db, owner, tid, "accepted")
    sid = trade_ins.take_in(db, owner, tid)
    row = raw_rows(db_path, "SELECT condition, status, purchase_cost, stock_number, make, model, arrived_on "
                            "FROM stock_vehicle WHERE id = ?", (sid,))[0]
    assert row[:3] == ("used", "in_stock", 52_000_00)
    assert row[3].startswith("U") and row[3].endswith("-000001")
    assert row[4:6] == ("Volkswagen", "Lavida")
    costs = raw_rows(db_path, "SELECT kind, amount FROM stock_vehicle_cost WHERE stock_vehicle_id = ? ORDER BY kind",
                     (sid,))
    assert costs == [("reconditioning_body_paint", 1_800_00), ("reconditioning_cleaning", 300_00),
                     ("reconditioning_tyres", 2_400_00)]
    with UnitOfWork(db, owner) as uow:
        assert stock.total_cost(uow.session, sid) == 56_500_00
    assert raw_rows(db_path, "SELECT from_status, to_status, by FROM stock_event WHERE stock_vehicle_id = ?",
                    (sid,)) == [("", "in_stock", "owner")]
    view = trade_ins.get_appraisal(db, owner, tid)
    assert (view.status, view.stock_vehicle_id, view.stock_number) == ("taken_in", sid, row[3])
    second = trade_ins.create_appraisal(db, owner, _appraisal(cid, n=8, recon=[]))
    trade_ins.move(db, owner, second, "accepted")
    assert trade_ins.take_in(db, owner, second, stock_number=" u 900 ") != sid
    assert raw_rows(db_path, "SELECT stock_number FROM stock_vehicle WHERE stock_number = 'U900'") == [("U900",)]


def test_a_typed_stock_number_already_used_changes_nothing(db, db_path, owner):
    cid = customer(db, owner)
    first = trade_ins.create_appraisal(db, owner, _appraisal(cid, n=7))
    trade_ins.move(db, owner, first, "accepted")
    trade_ins.take_in(db, owner, first, stock_number="U1")
    second = trade_ins.create_appraisal(db, owner, _appraisal(cid, n=8))
    trade_ins.move(db, owner, second, "accepted")
    with pytest.raises(ValidationError) as err:
        trade_ins.take_in(db, owner, second, stock_number="u1")
    assert err.value.field == "stock_number"
    assert raw_rows(db_path, "SELECT count(*) FROM stock_vehicle") == [(1,)]
    assert raw_rows(db_path, "SELECT count(*) FROM stock_vehicle_cost") == [(3,)]
    assert trade_ins.get_appraisal(db, owner, second).status == "accepted"


@pytest.mark.parametrize("status", ["appraised", "declined"])
def test_only_an_accepted_trade_in_is_taken_in(db, db_path, owner, status):
    tid = trade_ins.create_appraisal(db, owner, _appraisal(customer(db, owner)))
    if status == "declined":
        trade_ins.move(db, owner, tid, "declined")
    with pytest.raises(Conflict):
        trade_ins.take_in(db, owner, tid)
    assert raw_rows(db_path, "SELECT count(*) FROM stock_vehicle") == [(0,)]


def test_accepting_on_a_deal_links_it_and_a_taken_in_appraisal_is_final(db, owner):
    cid = customer(db, owner)
    d = deal(db, owner, cid)
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    trade_ins.move(db, owner, tid, "accepted", deal_id=d)
    assert trade_ins.get_appraisal(db, owner, tid).data.deal_id == d
    trade_ins.take_in(db, owner, tid)
    with pytest.raises(Conflict):
        trade_ins.update_appraisal(db, owner, tid, _appraisal(cid))
    with pytest.raises(Conflict):
        trade_ins.move(db, owner, tid, "declined")


def test_an_appraisal_on_another_customers_deal_is_refused(db, owner):
    cid = customer(db, owner)
    other = deal(db, owner, customer(db, owner, "Li Na"))
    with pytest.raises(ValidationError) as err:
        trade_ins.create_appraisal(db, owner, _appraisal(cid, deal_id=other))
    assert err.value.field == "deal_id"


@pytest.mark.parametrize("change,field", [
    ({"vin": "LSVNV2182E20000X1"}, "vin"),
    ({"acv": -1}, "actual_cash_value"),
    ({"owed": 5_000_00, "lender": ""}, "finance_lender"),
    ({"recon": [ReconditioningInput("tyres", 1), ReconditioningInput("tyres", 2)]}, "reconditioning[2].kind"),
    ({"recon": [ReconditioningInput("paint_job", 1)]}, "reconditioning[1].kind"),
    ({"recon": [ReconditioningInput("tyres", -1)]}, "reconditioning[1].amount"),
    ({"appraised_on": date.today() + timedelta(days=1)}, "appraised_on"),
])
def test_bad_appraisal_input_names_its_field_and_records_nothing(db, db_path, owner, change, field):
    data = _appraisal(customer(db, owner), **{k: v for k, v in change.items() if k != "vin"})
    if "vin" in change:
        data.vin = change["vin"]
    with pytest.raises(ValidationError) as err:
        trade_ins.create_appraisal(db, owner, data)
    assert err.value.field == field
    assert raw_rows(db_path, "SELECT count(*) FROM trade_in") == [(0,)]
    assert raw_rows(db_path, "SELECT count(*) FROM vehicle") == [(0,)]


def test_editing_replaces_the_grades_and_costs(db, db_path, owner):
    cid = customer(db, owner)
    tid = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    data = _appraisal(cid, recon=[ReconditioningInput("mechanical", 900_00)])
    data.conditions = [ConditionInput("engine", "good", "")]
    trade_ins.update_appraisal(db, owner, tid, data)
    view = trade_ins.get_appraisal(db, owner, tid)
    assert [c.area for c in view.data.conditions] == ["engine"]
    assert [(r.kind, r.amount) for r in view.data.reconditioning] == [("mechanical", 900_00)]


def test_a_car_in_stock_cannot_be_taken_in_twice(db, owner, monkeypatch):
    cid = customer(db, owner)
    first = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    trade_ins.move(db, owner, first, "accepted")
    trade_ins.take_in(db, owner, first, on=clock.today())
    second = trade_ins.create_appraisal(db, owner, _appraisal(cid))
    trade_ins.move(db, owner, second, "accepted")
    with pytest.raises(Conflict):
        trade_ins.take_in(db, owner, second)


def test_a_trade_in_does_not_go_on_change_on_or_come_off_an_invoiced_deal(db, owner):
    from services.sales import deals
    from tests.services import deal_samples

    cid = deal_samples.customer(db, owner)
    saved = deal_samples.quote(db, owner, cid, deal_samples.stock_vehicle(db, owner))
    accepted = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(61), make="VW", model="Polo", actual_cash_value=30_000_00,
        allowance=30_000_00, deal_id=saved.id))
    deals.order(db, owner, saved.id, deposit=10_000_00)
    made = deals.invoice(db, owner, saved.id)
    before = deals.get(db, owner, saved.id)
    assert made.balance == before.total - 30_000_00 - 10_000_00

    late = AppraisalInput(customer_id=cid, vin=chinese_vin(62), make="VW", model="Golf",
                          actual_cash_value=20_000_00, allowance=25_000_00, deal_id=saved.id)
    with pytest.raises(ValidationError) as refused:
        trade_ins.create_appraisal(db, owner, late)
    assert refused.value.field == "deal_id" and saved.number in str(refused.value)
    other = trade_ins.create_appraisal(db, owner, AppraisalInput(**{**late.__dict__, "deal_id": None}))
    with pytest.raises(ValidationError):
        trade_ins.move(db, owner, other, "accepted", deal_id=saved.id)
    changed = AppraisalInput(customer_id=cid, vin=chinese_vin(61), make="VW", model="Polo",
                             actual_cash_value=30_000_00, allowance=50_000_00, deal_id=saved.id)
    with pytest.raises(ValidationError):
        trade_ins.update_appraisal(db, owner, accepted, changed)
    with pytest.raises(ValidationError):
        trade_ins.move(db, owner, accepted, "appraised")
    after = deals.get(db, owner, saved.id)
    assert (after.trade_in_allowance, after.to_pay, after.balance) == (30_000_00, before.to_pay, made.balance)
