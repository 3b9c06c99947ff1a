"""Vehicles: VIN checks by region, plates, uniqueness and owners."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services import customers, vehicles
from services.customers import CustomerInput
from services.vehicles import VehicleInput
from tests.services.samples import chinese_vin, count, raw_rows, with_check_digit, wrong_check_digit

HONDA_US = "1HGCM82633A004352"  # a real North American VIN with a correct check digit
VW_EUROPE = "WVWZZZ1JZXW000001"  # a real-style German VIN: 'Z' filler, no check digit in position 9


def _state(path) -> tuple:
    return raw_rows(path, "SELECT * FROM vehicle ORDER BY id"), count(path, "search_doc"), count(path, "audit_entry")


def _car(vin: str, **kw) -> VehicleInput:
    return VehicleInput(vin=vin, **({"make": "Volkswagen", "model": "Lavida"} | kw))


# --- VINs -----------------------------------------------------------------------------------------

def test_vin_is_normalised_to_upper_case_without_spaces_or_dashes(db, owner):
    vin = chinese_vin(1)
    typed = f" {vin[:3].lower()} {vin[3:9]}-{vin[9:].lower()} "
    vid = vehicles.create(db, owner, _car(typed))
    assert vehicles.get(db, owner, vid).data.vin == vin


@pytest.mark.parametrize("vin", [HONDA_US, chinese_vin(2)])
def test_a_vin_with_a_correct_check_digit_is_accepted(db, owner, vin):
    vid = vehicles.create(db, owner, _car(vin))
    detail = vehicles.get(db, owner, vid)
    assert detail.data.vin == vin
    assert detail.warnings == []


@pytest.mark.parametrize("vin", [HONDA_US, chinese_vin(3), with_check_digit("5YJ3E1EA7KF317000")])
def test_a_north_american_or_chinese_vin_with_a_wrong_check_digit_is_refused(db, db_path, owner, vin):
    bad = wrong_check_digit(vin)
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(bad))
    assert exc.value.field == "vin"
    assert "check digit" in exc.value.detail
    assert _state(db_path) == before


def test_a_european_vin_without_a_check_digit_is_accepted_with_a_warning(db, owner):
    info = vehicles.decode_vin(VW_EUROPE)
    assert info.make == "Volkswagen"
    assert any("check digit" in w for w in info.warnings)
    vid = vehicles.create(db, owner, _car(VW_EUROPE, make="", model="Golf"))
    detail = vehicles.get(db, owner, vid)
    assert detail.data.vin == VW_EUROPE
    assert detail.data.make == "Volkswagen"
    assert detail.decoded_country == "Germany"
    assert any("check digit" in w for w in detail.warnings)


@pytest.mark.parametrize("vin", [
    "WVWZZZ1JZZW000001",  # 10th character 'Z' is no model-year code
    "ZFA22300005556777",  # Italian, digits where a check digit and year would be
    "VF1BB0A0524567890",
])
def test_european_vins_with_non_standard_9th_or_10th_characters_are_accepted(db, owner, vin):
    vid = vehicles.create(db, owner, _car(vin))
    detail = vehicles.get(db, owner, vid)
    assert detail.data.vin == vin
    assert detail.warnings


@pytest.mark.parametrize("letter", ["I", "O", "Q"])
def test_a_vin_containing_i_o_or_q_is_refused(db, db_path, owner, letter):
    vin = HONDA_US[:12] + letter + HONDA_US[13:]
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(vin))
    assert exc.value.field == "vin"
    assert "I, O and Q" in exc.value.detail
    assert _state(db_path) == before


@pytest.mark.parametrize("vin", ["", "1HGCM82633A00435", "1HGCM82633A0043521", "1HGCM82633A00435*"])
def test_a_vin_of_the_wrong_length_or_with_symbols_is_refused(db, owner, vin):
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(vin))
    assert exc.value.field == "vin"


def test_make_is_read_from_the_vin_when_left_blank(db, owner):
    vid = vehicles.create(db, owner, _car(HONDA_US, make="", model="Accord"))
    assert vehicles.get(db, owner, vid).data.make == "Honda"


def test_a_duplicate_vin_is_refused(db, db_path, owner):
    vehicles.create(db, owner, _car(chinese_vin(1)))
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(chinese_vin(1).lower(), model="Sagitar"))
    assert exc.value.field == "vin"
    assert _state(db_path) == before


# --- plates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "stored"), [
    ("京A 12345", "京A12345"),
    ("京a·12345", "京A12345"),
    (" 粤B-D1234 ", "粤BD1234"),
    ("沪ad 12345", "沪AD12345"),  # a foreign plate ("AB 123 CD") only outside China: test_vehicle_stock.py
])
def test_plate_is_normalised(db, owner, typed, stored):
    vid = vehicles.create(db, owner, _car(chinese_vin(1), plate=typed))
    assert vehicles.get(db, owner, vid).data.plate == stored


def test_a_duplicate_plate_is_refused_however_it_is_typed(db, db_path, owner):
    vehicles.create(db, owner, _car(chinese_vin(1), plate="京A12345"))
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(chinese_vin(2), plate="京a 12345"))
    assert exc.value.field == "plate"
    assert chinese_vin(1) in exc.value.detail
    assert _state(db_path) == before


def test_vehicles_without_a_plate_do_not_clash(db, owner):
    vehicles.create(db, owner, _car(chinese_vin(1)))
    vehicles.create(db, owner, _car(chinese_vin(2)))
    assert len({vehicles.get(db, owner, v).data.vin for v in _all_ids(db)}) == 2


def _all_ids(db) -> list[str]:
    with db.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT id FROM vehicle")]


# --- other fields ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "field"), [
    ({"model": "  "}, "model"),
    ({"model_year": 1899}, "model_year"),
    ({"model_year": date.today().year + 3}, "model_year"),
    ({"odometer_km": -1}, "odometer_km"),
    ({"fuel": "steam"}, "fuel"),
    ({"registered_on": "tomorrow"}, "registered_on"),
    ({"plate": "X" * 21}, "plate"),
    ({"owner_id": "0" * 32}, "owner_id"),
])
def test_bad_vehicle_fields_are_refused_by_name(db, db_path, owner, changes, field):
    # "Tomorrow" is worked out when the test runs, not when it is collected (a run may cross midnight).
    changes = {k: date.today() + timedelta(days=1) if v == "tomorrow" else v for k, v in changes.items()}
    before = _state(db_path)
    with pytest.raises(ValidationError) as exc:
        vehicles.create(db, owner, _car(chinese_vin(1), **changes))
    assert exc.value.field == field
    assert _state(db_path) == before


def test_all_fields_round_trip_and_the_owner_name_is_shown(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang"))
    vid = vehicles.create(db, owner, VehicleInput(
        vin=chinese_vin(1), make=" Volkswagen ", model=" Lavida ", variant=" 1.5L Comfort ", model_year=2022,
        colour=" White ", fuel="petrol", plate="沪A12345", registered_on=date(2022, 5, 1), odometer_km=12000,
        owner_id=cid, notes=" first service due "))
    detail = vehicles.get(db, owner, vid)
    assert detail.data == VehicleInput(
        vin=chinese_vin(1), make="Volkswagen", model="Lavida", variant="1.5L Comfort", model_year=2022,
        colour="White", fuel="petrol", plate="沪A12345", registered_on=date(2022, 5, 1), odometer_km=12000,
        owner_id=cid, notes="first service due")
    assert detail.owner_name == "Wang Fang"
    assert detail.updated_by == "owner"


def test_update_may_keep_its_own_vin_and_plate(db, owner):
    vid = vehicles.create(db, owner, _car(chinese_vin(1), plate="京A12345"))
    vehicles.update(db, owner, vid, _car(chinese_vin(1), plate="京A12345", odometer_km=500))
    assert vehicles.get(db, owner, vid).data.odometer_km == 500


def test_update_to_another_vehicles_plate_is_refused(db, owner):
    vehicles.create(db, owner, _car(chinese_vin(1), plate="京A12345"))
    second = vehicles.create(db, owner, _car(chinese_vin(2), plate="京A54321"))
    with pytest.raises(ValidationError) as exc:
        vehicles.update(db, owner, second, _car(chinese_vin(2), plate="京A12345"))
    assert exc.value.field == "plate"
    assert vehicles.get(db, owner, second).data.plate == "京A54321"


def test_update_and_delete_of_an_unknown_vehicle_are_not_found(db, owner):
    with pytest.raises(NotFound):
        vehicles.update(db, owner, "0" * 32, _car(chinese_vin(1)))
    with pytest.raises(NotFound):
        vehicles.delete_vehicle(db, owner, "0" * 32)
    with pytest.raises(NotFound):
        vehicles.get(db, owner, "0" * 32)


def test_delete_removes_the_vehicle(db, db_path, owner):
    vid = vehicles.create(db, owner, _car(chinese_vin(1)))
    vehicles.delete_vehicle(db, owner, vid)
    assert count(db_path, "vehicle") == 0
    with pytest.raises(NotFound):
        vehicles.get(db, owner, vid)


def test_deleting_a_vehicle_needs_the_delete_permission(db, owner, actor_for):
    vid = vehicles.create(db, owner, _car(chinese_vin(1)))
    with pytest.raises(PermissionDenied):
        vehicles.delete_vehicle(db, actor_for("service_advisor"), vid)
    assert vehicles.get(db, owner, vid).id == vid
