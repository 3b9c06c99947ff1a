"""Reception: check-in with fuel, damage, promised time and estimate; the mileage question; comebacks
and their rate; campaigns and recalls from a VIN list; what reception shows about an arriving car."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from core.errors import PermissionDenied, ValidationError
from services import settings, vehicles
from services.imports import framework
from services.vehicles import VehicleInput
from services.workshop import campaigns, estimates, orders, reception
from services.workshop.estimates import EstimateLineInput
from services.workshop.reception import CheckInInput, DamageInput
from tests.services.samples import chinese_vin
from tests.services.workshop_samples import ON, shop


def _check_in(db, actor, s, *, mileage: int = 12_000, on: date = ON, **kw) -> tuple[str, str]:
    data = CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=mileage,
                        concerns="刹车时有异响，方向盘抖", **kw)
    return reception.check_in(db, actor, data, on=on)


def _complete(db, actor, ro_id: str, on: date) -> None:
    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, actor, ro_id, status, on=on)


def _campaign_file(tmp_path, rows: list[tuple[str, str, str]], name: str = "recall.csv"):
    path = tmp_path / name
    path.write_text("code,title,vin\n" + "".join(f"{c},{t},{v}\n" for c, t, v in rows), encoding="utf-8")
    return path


# --- check-in -------------------------------------------------------------------------------------

def test_check_in_opens_the_repair_order_with_fuel_damage_promise_and_estimate(db, owner):
    s = shop(db, owner)
    promised = datetime(2026, 3, 2, 9, 0)
    ro_id, number = _check_in(db, owner, s, fuel_level=3, promised_at=promised, price_estimate=68_000,
                              damage=[DamageInput("前保险杠左侧", "划痕 10 cm"), DamageInput("", ""),
                                      DamageInput("Right mirror", "")])

    view = reception.get_check_in(db, owner, ro_id)
    assert (view.number, view.mileage_in, view.fuel_level, view.price_estimate, view.promised_at) == (
        number, 12_000, 3, 68_000, promised)
    assert view.concerns == "刹车时有异响，方向盘抖"
    assert [(d.line_no, d.position, d.note) for d in view.damage] == [(1, "前保险杠左侧", "划痕 10 cm"),
                                                                      (2, "Right mirror", "")]
    assert view.comeback_of == ""
    assert orders.get(db, owner, ro_id).status == "open"


@pytest.mark.parametrize("fuel", [-1, 9, True])
def test_a_fuel_level_outside_the_gauge_is_refused_and_no_number_used(db, owner, fuel):
    s = shop(db, owner)
    with pytest.raises(ValidationError) as refused:
        _check_in(db, owner, s, fuel_level=fuel)
    assert refused.value.field == "fuel_level"
    _id, number = _check_in(db, owner, s, fuel_level=8)
    assert number.endswith("-000001")


def test_damage_without_a_position_is_refused_naming_the_row(db, owner):
    s = shop(db, owner)
    with pytest.raises(ValidationError) as refused:
        _check_in(db, owner, s, damage=[DamageInput("Bonnet", "dent"), DamageInput("", "scratch")])
    assert refused.value.field == "damage[1].position"


def test_a_mileage_below_the_last_one_is_questioned_and_accepted_only_with_a_reason(db, owner):
    s = shop(db, owner)
    _check_in(db, owner, s, mileage=15_000)
    with pytest.raises(ValidationError) as refused:
        _check_in(db, owner, s, mileage=14_000, on=ON + timedelta(days=60))
    assert refused.value.field == "mileage_in" and "15,000" in str(refused.value)
    ro_id, _ = _check_in(db, owner, s, mileage=14_000, on=ON + timedelta(days=60),
                         mileage_override="Instrument cluster replaced")
    assert reception.get_check_in(db, owner, ro_id).mileage_override == "Instrument cluster replaced"


def test_a_technician_may_not_check_a_car_in(db, owner, actor_for):
    s = shop(db, owner)
    with pytest.raises(PermissionDenied):
        _check_in(db, actor_for("technician"), s)


# --- comebacks ------------------------------------------------------------------------------------

def test_a_car_back_within_the_comeback_period_is_flagged_and_counted(db, owner):
    s = shop(db, owner)
    first, first_number = _check_in(db, owner, s, on=ON)
    _complete(db, owner, first, ON + timedelta(days=1))
    open_again, _ = _check_in(db, owner, s, on=ON)  # while the first is worked on: the same visit
    s_settings = settings.get(db)
    settings.save(db, owner, replace(s_settings, comeback_days=14))
    back, _ = _check_in(db, owner, s, mileage=12_300, on=ON + timedelta(days=15))
    later, _ = _check_in(db, owner, s, mileage=20_000, on=ON + timedelta(days=60))

    assert reception.get_check_in(db, owner, back).comeback_of == first_number
    assert reception.get_check_in(db, owner, later).comeback_of == ""
    assert reception.get_check_in(db, owner, first).comeback_of == ""
    assert reception.get_check_in(db, owner, open_again).comeback_of == ""
    rate = reception.comeback_rate(db, owner, start=ON, end=ON + timedelta(days=60))
    assert (rate.orders, rate.comebacks, rate.rate_bp) == (4, 1, 2500)
    assert reception.comeback_rate(db, owner, start=ON + timedelta(days=30), end=ON + timedelta(days=90)).rate_bp == 0


def test_the_comeback_period_is_a_setting_of_one_to_365_days(db, owner):
    current = settings.get(db)
    for bad in (0, 366):
        with pytest.raises(ValidationError) as refused:
            settings.save(db, owner, replace(current, comeback_days=bad))
        assert refused.value.field == "comeback_days"
    assert settings.get(db).comeback_days == 30


# --- campaigns ------------------------------------------------------------------------------------

def test_a_campaign_file_is_imported_and_checked_against_customer_and_stock_vehicles(db, owner, tmp_path):
    s = shop(db, owner)  # the customer's car has chinese_vin(1)
    stock = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(7), make="Volkswagen", model="Lavida"))
    path = _campaign_file(tmp_path, [("RC-2026-01", "Brake hose inspection", chinese_vin(1)),
                                     ("RC-2026-01", "", chinese_vin(7)),
                                     ("RC-2026-01", "", chinese_vin(9)),
                                     ("SC-77", "软件升级 ECU update", chinese_vin(1))])
    summary = framework.run(db, owner, path, "campaigns")
    assert summary.written and (summary.inserted, summary.extra["campaigns"]) == (4, 2)

    rows = {c.code: c for c in campaigns.campaigns(db, owner)}
    assert (rows["RC-2026-01"].title, rows["RC-2026-01"].vins, rows["RC-2026-01"].customer_vehicles,
            rows["RC-2026-01"].stock_vehicles) == ("Brake hose inspection", 3, 1, 1)
    matched = campaigns.matched_vehicles(db, owner, rows["RC-2026-01"].id)
    assert {(m.vehicle_id, m.owner_name) for m in matched} == {(s.vehicle_id, "Wang Fang 1"), (stock, "")}

    again = framework.run(db, owner, _campaign_file(tmp_path, [("rc-2026-01", "Brake hose check", chinese_vin(1)),
                                                               ("RC-2026-01", "", chinese_vin(11))], "again.csv"),
                          "campaigns")
    assert (again.inserted, again.updated, again.unchanged) == (1, 1, 1)
    rows = {c.code: c for c in campaigns.campaigns(db, owner)}
    assert (rows["RC-2026-01"].title, rows["RC-2026-01"].vins) == ("Brake hose check", 4)


def test_a_bad_campaign_file_names_row_and_field_and_imports_nothing(db, owner, tmp_path):
    bad_vin = chinese_vin(2)[:8] + ("0" if chinese_vin(2)[8] != "0" else "1") + chinese_vin(2)[9:]
    path = _campaign_file(tmp_path, [("RC-1", "Airbag", chinese_vin(1)), ("RC-1", "", bad_vin),
                                     ("RC-2", "", chinese_vin(3))])
    summary = framework.run(db, owner, path, "campaigns")
    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(3, "vin"), (4, "title")]
    assert campaigns.campaigns(db, owner) == []


def test_doing_a_campaign_on_a_repair_order_closes_it_for_that_car(db, owner, tmp_path):
    s = shop(db, owner)
    framework.run(db, owner, _campaign_file(tmp_path, [("RC-9", "Fuel pump", chinese_vin(1))]), "campaigns")
    ro_id, number = _check_in(db, owner, s)
    info = reception.reception_info(db, owner, s.vehicle_id)
    assert [c.code for c in info.campaigns] == ["RC-9"]

    job = campaigns.add_campaign_job(db, owner, ro_id, info.campaigns[0].campaign_id)
    ro = orders.get(db, owner, ro_id)
    assert [(j.id, j.description, j.pay_type) for j in ro.jobs] == [(job, "RC-9 Fuel pump", "warranty")]
    assert reception.reception_info(db, owner, s.vehicle_id).campaigns == []
    with pytest.raises(ValidationError) as refused:
        campaigns.add_campaign_job(db, owner, ro_id, info.campaigns[0].campaign_id)
    assert number in str(refused.value)


# --- what reception knows -------------------------------------------------------------------------

def test_reception_finds_the_car_by_plate_or_vin_end_and_shows_declined_work_and_comeback(db, owner):
    s = shop(db, owner)
    shop(db, owner, n=2)
    assert [m.id for m in reception.find_vehicles(db, owner, "沪a 00001")] == [s.vehicle_id]
    assert [m.id for m in reception.find_vehicles(db, owner, chinese_vin(1)[-6:])] == [s.vehicle_id]
    assert len(reception.find_vehicles(db, owner, "沪A0000")) == 2

    ro_id, number = _check_in(db, owner, s, on=date.today() - timedelta(days=5))
    job = orders.get(db, owner, ro_id).jobs or None
    assert job is None
    estimate = estimates.estimate_extra_work(
        db, owner, orders.add_job(db, owner, ro_id, orders.JobInput("Service", pay_type="customer")),
        "Rear wiper blades worn", [EstimateLineInput("part", part_id=s.parts[0], quantity=2000)])
    estimates.decline(db, owner, estimate, note="Will buy them himself")
    _complete(db, owner, ro_id, date.today() - timedelta(days=4))

    info = reception.reception_info(db, owner, s.vehicle_id)
    assert [(d.description, d.total, d.repair_order_number) for d in info.declined] == [
        ("Rear wiper blades worn", 13_600, number)]
    assert info.comeback_of is not None and info.comeback_of.number == number
    assert info.open_orders == [number]  # completed, not invoiced yet
    assert (info.last_mileage, info.vehicle.owner_name) == (12_000, "Wang Fang 1")


def test_reception_shows_the_service_due_that_the_last_handover_set(db, owner):
    """A car arriving after its handover shows its next service due, and whether it is overdue by
    date or by mileage; a car never handed over shows none."""
    from services.workshop import handover
    from services.workshop.handover import HandoverInput
    from tests.services.workshop_samples import invoiced

    s = shop(db, owner)
    assert reception.reception_info(db, owner, s.vehicle_id, on=ON).service_due is None
    ro_id, number = invoiced(db, owner, s, mileage=12_000, on=ON)
    handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_010, next_service_on=ON + timedelta(days=180),
                                                       next_service_km=22_010), on=ON)
    due = reception.reception_info(db, owner, s.vehicle_id, on=ON + timedelta(days=30)).service_due
    assert (due.due_on, due.due_km, due.set_by) == (ON + timedelta(days=180), 22_010, number)
    assert not due.overdue_by_date and not due.overdue_by_km
    late = reception.reception_info(db, owner, s.vehicle_id, on=ON + timedelta(days=181)).service_due
    assert late.overdue_by_date
