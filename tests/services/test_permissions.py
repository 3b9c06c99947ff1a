"""Roles map to named permissions and every service is the guard for its own."""

from __future__ import annotations

import pytest

from core.actor import Actor
from core.errors import PermissionDenied
from services import customers, lists, search, settings, users, vehicles
from services.customers import CustomerInput
from services.lists import ListState
from services.permissions import DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, ROLES, require, system_actor
from services.vehicles import VehicleInput
from tests.services.samples import chinese_vin, count, raw_rows


def test_every_role_exists_in_a_fresh_database_with_its_default_permissions(db_path):
    roles = dict(raw_rows(db_path, "SELECT code, name FROM role WHERE builtin = 1"))
    assert roles == ROLES
    for code in ROLES:
        granted = {r[0] for r in raw_rows(db_path, "SELECT permission FROM role_permission WHERE role_code = ?",
                                          (code,))}
        assert granted == DEFAULT_ROLE_PERMISSIONS[code], code


def test_default_permissions_name_only_known_permissions():
    assert set(DEFAULT_ROLE_PERMISSIONS) == set(ROLES)
    for code, perms in DEFAULT_ROLE_PERMISSIONS.items():
        assert perms <= set(PERMISSIONS), code


@pytest.mark.parametrize("role", sorted(ROLES))
def test_a_user_of_each_role_logs_in_with_exactly_its_permissions(actor_for, role):
    assert actor_for(role).permissions == DEFAULT_ROLE_PERMISSIONS[role]


def test_technician_may_view_vehicles(db, owner, actor_for):
    vid = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida"))
    tech = actor_for("technician")
    assert vehicles.get(db, tech, vid).data.model == "Lavida"
    rows = lists.fetch_page(db, tech, "vehicles", ListState(), limit=10).rows
    assert [r[0] for r in rows] == [vid]


def test_technician_may_not_create_or_view_customers_and_nothing_is_written(db, db_path, owner, actor_for):
    cid = customers.create(db, owner, CustomerInput(name="Zhang San"))
    tech = actor_for("technician")
    customers_before = count(db_path, "customer")
    audit_before = count(db_path, "audit_entry")
    with pytest.raises(PermissionDenied) as exc:
        customers.create(db, tech, CustomerInput(name="Li Si"))
    assert exc.value.permission == "customer.edit"
    with pytest.raises(PermissionDenied):
        customers.update(db, tech, cid, CustomerInput(name="Renamed"))
    with pytest.raises(PermissionDenied):
        customers.delete_customer(db, tech, cid)
    with pytest.raises(PermissionDenied):
        customers.get(db, tech, cid)
    assert count(db_path, "customer") == customers_before
    assert count(db_path, "audit_entry") == audit_before
    assert customers.get(db, owner, cid).data.name == "Zhang San"


def test_technician_may_not_edit_or_delete_vehicles(db, db_path, owner, actor_for):
    vid = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(2), make="Volkswagen", model="Lavida"))
    tech = actor_for("technician")
    audit_before = count(db_path, "audit_entry")
    with pytest.raises(PermissionDenied):
        vehicles.create(db, tech, VehicleInput(vin=chinese_vin(3), make="Volkswagen", model="Sagitar"))
    with pytest.raises(PermissionDenied):
        vehicles.update(db, tech, vid, VehicleInput(vin=chinese_vin(2), make="Volkswagen", model="Bora"))
    with pytest.raises(PermissionDenied):
        vehicles.delete_vehicle(db, tech, vid)
    assert count(db_path, "vehicle") == 1
    assert count(db_path, "audit_entry") == audit_before
    assert vehicles.get(db, owner, vid).data.model == "Lavida"


def test_read_only_user_may_view_but_not_change_anything(db, owner, actor_for):
    cid = customers.create(db, owner, CustomerInput(name="Zhang San"))
    viewer = actor_for("read_only")
    assert customers.get(db, viewer, cid).data.name == "Zhang San"
    with pytest.raises(PermissionDenied):
        customers.update(db, viewer, cid, CustomerInput(name="Changed"))
    with pytest.raises(PermissionDenied):
        settings.save(db, viewer, settings.get(db))
    with pytest.raises(PermissionDenied):
        lists.export(db, viewer, "customers", ListState(), db.path.parent / "out.csv")
    assert customers.get(db, owner, cid).data.name == "Zhang San"


def test_search_of_only_forbidden_kinds_is_refused(db, actor_for):
    tech = actor_for("technician")
    with pytest.raises(PermissionDenied):
        search.search(db, tech, "Zhang", kinds=["customer"])


def test_salesperson_may_not_delete_customers(db, owner, actor_for):
    cid = customers.create(db, owner, CustomerInput(name="Zhang San"))
    with pytest.raises(PermissionDenied):
        customers.delete_customer(db, actor_for("salesperson"), cid)
    assert customers.get(db, owner, cid).id == cid


def test_a_custom_role_without_user_admin_cannot_list_users(db, owner):
    users.save_role(db, owner, code="viewer_plus", name="Viewer plus", permissions={"customer.view", "audit.view"})
    users.create_user(db, owner, username="vp", password="password-123", role="viewer_plus")
    with pytest.raises(PermissionDenied):
        users.list_users(db, users.login(db, "vp", "password-123"))


def test_require_passes_for_a_granted_permission_and_refuses_a_missing_one():
    actor = Actor(username="a", role="x", permissions=frozenset({"vehicle.view"}))
    require(actor, "vehicle.view")
    with pytest.raises(PermissionDenied) as exc:
        require(actor, "vehicle.edit")
    assert exc.value.permission == "vehicle.edit"
    assert "a may not vehicle.edit" in str(exc.value)


def test_require_of_an_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError):
        require(system_actor("root"), "vehicle.fly")


def test_system_actor_is_the_os_user_with_every_permission():
    actor = system_actor("alice", terminal="T9")
    assert actor.username == "os:alice"
    assert all(actor.can(code) for code in PERMISSIONS) and actor.can("a.permission.of.a.later.area")
    assert actor.terminal == "T9"
    assert actor.user_id is None
