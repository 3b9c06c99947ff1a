"""Customers and their contacts: create, read, update, delete; validation and natural keys."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import Conflict, NotFound, ValidationError
from services import customers, vehicles
from services.customers import ContactInput, CustomerInput
from services.vehicles import VehicleInput
from tests.services.samples import chinese_vin, count, credit_code, mobile, raw_rows, resident_id


def _table_state(path) -> tuple:
    return (raw_rows(path, "SELECT * FROM customer ORDER BY id"),
            raw_rows(path, "SELECT * FROM contact ORDER BY id"),
            count(path, "search_doc"),
            count(path, "audit_entry"))


# --- create and read ------------------------------------------------------------------------------

def test_create_then_get_returns_the_cleaned_values(db, owner):
    cid = customers.create(db, owner, CustomerInput(
        name="  Wang   Fang ", alt_name=" 王 芳 ", phone="139 0000 0001", email=" Wang.Fang@Example.COM ",
        id_number=resident_id().lower(), address=" 1 Nanjing Road ", city=" Shanghai ", postcode="200001",
        birth_date=date(1990, 3, 7), language="zh_CN", marketing_ok=True, notes=" VIP "))
    detail = customers.get(db, owner, cid)
    d = detail.data
    assert detail.id == cid
    assert (d.name, d.alt_name, d.phone, d.email) == ("Wang Fang", "王 芳", "+8613900000001", "wang.fang@example.com")
    assert d.id_number == resident_id().upper()
    assert (d.address, d.city, d.postcode) == ("1 Nanjing Road", "Shanghai", "200001")
    assert (d.birth_date, d.language, d.marketing_ok, d.notes, d.active) == (
        date(1990, 3, 7), "zh_CN", True, "VIP", True)
    assert detail.updated_by == "owner"
    assert detail.vehicles == []


def test_a_company_with_a_valid_credit_code_is_stored_compact_and_upper_case(db, owner):
    code = credit_code()
    cid = customers.create(db, owner, CustomerInput(name="Acme Logistics Ltd", kind="company",
                                                    company_reg=" " + code.lower() + " "))
    assert customers.get(db, owner, cid).data.company_reg == code


def test_contacts_are_stored_with_the_customer_primary_first(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Acme Logistics Ltd", kind="company", contacts=[
        ContactInput(name="Zhou Min", position="Buyer", phone=mobile(11)),
        ContactInput(name="Chen Jie", position="Fleet manager", phone=mobile(12), email="CJ@acme.cn",
                     is_primary=True),
    ]))
    contacts = customers.get(db, owner, cid).data.contacts
    assert [(c.name, c.position, c.phone, c.email, c.is_primary) for c in contacts] == [
        ("Chen Jie", "Fleet manager", "+8613900000012", "cj@acme.cn", True),
        ("Zhou Min", "Buyer", "+8613900000011", "", False),
    ]
    assert all(c.id for c in contacts)


def test_get_lists_the_vehicles_the_customer_owns(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang"))
    vid = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                  plate="沪A12345", owner_id=cid))
    [brief] = customers.get(db, owner, cid).vehicles
    assert (brief.id, brief.vin, brief.plate, brief.model) == (vid, chinese_vin(1), "沪A12345", "Lavida")


def test_get_of_an_unknown_customer_is_not_found(db, owner):
    with pytest.raises(NotFound):
        customers.get(db, owner, "0" * 32)


# --- validation -----------------------------------------------------------------------------------

def _other_last(code: str) -> str:
    """``code`` with a wrong check character."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": "   "}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"kind": "robot"}, "kind"),
    ({"phone": "12345"}, "phone"),
    ({"phone": "not a phone"}, "phone"),
    ({"email": "wang.at.example.com"}, "email"),
    ({"id_number": _other_last(resident_id())}, "id_number"),
    ({"id_number": "110101199002300512"}, "id_number"),
    ({"id_number": "1.10105E+17"}, "id_number"),
    ({"kind": "company", "company_reg": _other_last(credit_code())}, "company_reg"),
    ({"kind": "company", "company_reg": "not-a-code"}, "company_reg"),
    ({"birth_date": "tomorrow"}, "birth_date"),
    ({"contacts": [ContactInput(name="  ")]}, "contacts[1].name"),
    ({"contacts": [ContactInput(name="Zhou Min", phone="123")]}, "contacts[1].phone"),
    ({"contacts": [ContactInput(name="Zhou Min", phone=mobile(5)), ContactInput(name="Chen Jie", phone="99")]},
     "contacts[2].phone"),
    ({"contacts": [ContactInput(name="Zhou Min", email="nope")]}, "contacts[1].email"),
])
def test_bad_input_names_the_field_and_changes_nothing(db, db_path, owner, changes, field):
    # "Tomorrow" is worked out when the test runs, not when it is collected (a run may cross midnight).
    changes = {k: date.today() + timedelta(days=1) if v == "tomorrow" else v for k, v in changes.items()}
    existing = customers.create(db, owner, CustomerInput(name="Existing Customer", phone=mobile(99)))
    before = _table_state(db_path)
    with pytest.raises(ValidationError) as exc:
        customers.create(db, owner, CustomerInput(**{"name": "Wang Fang"} | changes))
    assert exc.value.field == field
    with pytest.raises(ValidationError) as exc:
        customers.update(db, owner, existing, CustomerInput(**{"name": "Existing Customer"} | changes))
    assert exc.value.field == field
    assert _table_state(db_path) == before


def test_an_id_number_in_scientific_notation_is_refused_with_the_excel_explanation(db, db_path, owner):
    with pytest.raises(ValidationError) as exc:
        customers.create(db, owner, CustomerInput(name="Wang Fang", id_number="1.10105E+17"))
    assert exc.value.field == "id_number"
    assert "Excel" in exc.value.detail
    assert "scientific notation" in exc.value.detail
    assert count(db_path, "customer") == 0


def test_a_passport_number_is_kept_as_written(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="John Smith", id_number="e 1234 5678"))
    assert customers.get(db, owner, cid).data.id_number == "E12345678"


@pytest.mark.parametrize(("first", "second", "field"), [
    ({"id_number": resident_id()}, {"id_number": resident_id().lower()}, "id_number"),
    ({"kind": "company", "company_reg": credit_code()}, {"kind": "company", "company_reg": credit_code()},
     "company_reg"),
])
def test_a_second_customer_with_the_same_natural_key_is_refused(db, db_path, owner, first, second, field):
    customers.create(db, owner, CustomerInput(name="First Customer", **first))
    before = _table_state(db_path)
    with pytest.raises(ValidationError) as exc:
        customers.create(db, owner, CustomerInput(name="Second Customer", **second))
    assert exc.value.field == field
    assert "First Customer" in exc.value.detail
    assert _table_state(db_path) == before


def test_updating_another_customer_to_a_taken_phone_is_allowed_as_a_possible_duplicate(db, owner):
    # A family shares a phone: the editor offers the other record as a possible duplicate instead.
    customers.create(db, owner, CustomerInput(name="First Customer", phone=mobile(1)))
    second = customers.create(db, owner, CustomerInput(name="Second Customer", phone=mobile(2)))
    customers.update(db, owner, second, CustomerInput(name="Second Customer", phone="+86 139-0000-0001"))
    assert customers.get(db, owner, second).data.phone == "+8613900000001"


def test_a_customer_keeping_their_own_phone_and_id_is_not_a_duplicate(db, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1), id_number=resident_id()))
    customers.update(db, owner, cid, CustomerInput(name="Wang Fang", phone=mobile(1), id_number=resident_id(),
                                                   city="Suzhou"))
    assert customers.get(db, owner, cid).data.city == "Suzhou"


# --- update and delete ----------------------------------------------------------------------------

def test_update_replaces_the_stored_values(db, owner, actor_for):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1), city="Suzhou"))
    sales = actor_for("salesperson")
    customers.update(db, sales, cid, CustomerInput(name="Wang Fang", phone=mobile(2), marketing_ok=True))
    detail = customers.get(db, owner, cid)
    assert (detail.data.phone, detail.data.city, detail.data.marketing_ok) == ("+8613900000002", "", True)
    assert detail.updated_by == "u_salesperson"


def test_contacts_are_replaced_on_update(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Acme Ltd", kind="company", contacts=[
        ContactInput(name="Zhou Min"), ContactInput(name="Chen Jie")]))
    old = {c.name: c.id for c in customers.get(db, owner, cid).data.contacts}
    customers.update(db, owner, cid, CustomerInput(name="Acme Ltd", kind="company", contacts=[
        ContactInput(name="Chen Jie", position="Director", id=old["Chen Jie"]),
        ContactInput(name="Liu Yang", is_primary=True),
    ]))
    contacts = customers.get(db, owner, cid).data.contacts
    assert [(c.name, c.position) for c in contacts] == [("Liu Yang", ""), ("Chen Jie", "Director")]
    assert {c.name: c.id for c in contacts}["Chen Jie"] == old["Chen Jie"]
    assert old["Zhou Min"] not in {c.id for c in contacts}
    assert count(db_path, "contact") == 2


def test_updating_with_no_contacts_removes_them_all(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Acme Ltd", contacts=[ContactInput(name="Zhou Min")]))
    customers.update(db, owner, cid, CustomerInput(name="Acme Ltd"))
    assert customers.get(db, owner, cid).data.contacts == []
    assert count(db_path, "contact") == 0


def test_update_of_an_unknown_customer_is_not_found(db, owner):
    with pytest.raises(NotFound):
        customers.update(db, owner, "0" * 32, CustomerInput(name="Ghost"))


def test_delete_removes_the_customer_and_their_contacts(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang", contacts=[ContactInput(name="Zhou Min")]))
    customers.delete_customer(db, owner, cid)
    with pytest.raises(NotFound):
        customers.get(db, owner, cid)
    assert count(db_path, "customer") == 0
    assert count(db_path, "contact") == 0
    with pytest.raises(NotFound):
        customers.delete_customer(db, owner, cid)


def test_a_customer_who_owns_vehicles_cannot_be_deleted(db, db_path, owner):
    cid = customers.create(db, owner, CustomerInput(name="Wang Fang"))
    vid = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                  owner_id=cid))
    before = _table_state(db_path)
    with pytest.raises(Conflict) as exc:
        customers.delete_customer(db, owner, cid)
    assert "Wang Fang" in str(exc.value)
    assert _table_state(db_path) == before

    vehicles.update(db, owner, vid, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida"))
    customers.delete_customer(db, owner, cid)
    assert count(db_path, "customer") == 0
    assert count(db_path, "vehicle") == 1
