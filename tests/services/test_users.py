"""Users and roles: login, lock-out, passwords, administration and role permissions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from core.errors import AccountLocked, AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from models.base import utcnow
from services import users
from services.permissions import DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, system_actor
from tests.conftest import OWNER_PASSWORD
from tests.services.samples import count, raw_rows

T0 = datetime(2031, 3, 1, 9, 0, 0)


def _snapshot(path) -> tuple:
    return (
        raw_rows(path, "SELECT * FROM user_account ORDER BY username"),
        raw_rows(path, "SELECT * FROM role ORDER BY code"),
        raw_rows(path, "SELECT * FROM role_permission ORDER BY role_code, permission"),
        count(path, "audit_entry"),
    )


# --- login ----------------------------------------------------------------------------------------

def test_login_returns_actor_with_the_permissions_of_the_role(db, actor_for):
    actor = actor_for("salesperson")
    assert actor.username == "u_salesperson"
    assert actor.role == "salesperson"
    assert actor.permissions == DEFAULT_ROLE_PERMISSIONS["salesperson"]
    assert actor.user_id == users.find_user_id(db, "u_salesperson")
    assert actor.terminal == "T1"


def test_owner_login_carries_every_permission(owner):
    assert owner.role == "owner"
    assert owner.permissions == frozenset(PERMISSIONS)


def test_user_name_is_matched_without_regard_to_case_or_surrounding_spaces(db, owner):
    actor = users.login(db, "  OWNER ", OWNER_PASSWORD)
    assert actor.user_id == owner.user_id


def test_login_is_recorded_in_the_audit_trail(db, db_path, owner):
    rows = raw_rows(db_path, "SELECT actor, action, entity_id FROM audit_entry ORDER BY seq DESC LIMIT 1")
    assert rows == [("owner", "login", owner.user_id)]


def test_wrong_password_is_refused(db, owner):
    with pytest.raises(AuthenticationFailed) as exc:
        users.login(db, "owner", "not-the-password")
    assert not isinstance(exc.value, AccountLocked)


def test_unknown_user_is_refused_with_the_same_message_as_a_wrong_password(db, owner):
    with pytest.raises(AuthenticationFailed) as unknown:
        users.login(db, "nobody", OWNER_PASSWORD)
    with pytest.raises(AuthenticationFailed) as wrong:
        users.login(db, "owner", "not-the-password")
    assert str(unknown.value) == str(wrong.value)


def test_failed_login_is_recorded_in_the_audit_trail(db, db_path, owner):
    with pytest.raises(AuthenticationFailed):
        users.login(db, "owner", "not-the-password")
    rows = raw_rows(db_path, "SELECT action, entity_id, summary FROM audit_entry ORDER BY seq DESC LIMIT 1")
    assert rows == [("login_failed", owner.user_id, "failed login 1")]


def test_five_failed_logins_lock_the_account_for_five_minutes(db, owner):
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationFailed) as exc:
            users.login(db, "owner", "wrong-password", now=T0 + timedelta(seconds=attempt))
        assert not isinstance(exc.value, AccountLocked), f"locked after only {attempt} failures"
    with pytest.raises(AccountLocked):
        users.login(db, "owner", "wrong-password", now=T0 + timedelta(seconds=5))

    # Even the right password is refused while the lock lasts.
    with pytest.raises(AccountLocked):
        users.login(db, "owner", OWNER_PASSWORD, now=T0 + timedelta(seconds=10))
    with pytest.raises(AccountLocked):
        users.login(db, "owner", OWNER_PASSWORD, now=T0 + timedelta(minutes=5, seconds=4))

    actor = users.login(db, "owner", OWNER_PASSWORD, now=T0 + timedelta(minutes=5, seconds=6))
    assert actor.user_id == owner.user_id


def test_the_lock_expires_and_failures_start_counting_again(db, owner):
    for i in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "owner", "wrong-password", now=T0 + timedelta(seconds=i))
    later = T0 + timedelta(minutes=6)
    for i in range(4):
        with pytest.raises(AuthenticationFailed) as exc:
            users.login(db, "owner", "wrong-password", now=later + timedelta(seconds=i))
        assert not isinstance(exc.value, AccountLocked)
    with pytest.raises(AccountLocked):
        users.login(db, "owner", "wrong-password", now=later + timedelta(seconds=10))


def test_a_successful_login_resets_the_failure_count(db, owner):
    for i in range(4):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "owner", "wrong-password", now=T0 + timedelta(seconds=i))
    users.login(db, "owner", OWNER_PASSWORD, now=T0 + timedelta(seconds=5))
    for i in range(4):
        with pytest.raises(AuthenticationFailed) as exc:
            users.login(db, "owner", "wrong-password", now=T0 + timedelta(seconds=10 + i))
        assert not isinstance(exc.value, AccountLocked)


def test_an_administrator_can_unlock_a_locked_account(db, owner, actor_for):
    actor_for("cashier")
    uid = users.find_user_id(db, "u_cashier")
    now = utcnow()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "u_cashier", "wrong-password", now=now)
    users.unlock(db, owner, uid)
    assert users.login(db, "u_cashier", "password-123", now=now).user_id == uid


def test_disabled_user_cannot_log_in(db, owner, actor_for):
    actor_for("technician")
    uid = users.find_user_id(db, "u_technician")
    users.update_user(db, owner, uid, active=False)
    with pytest.raises(AuthenticationFailed):
        users.login(db, "u_technician", "password-123")
    users.update_user(db, owner, uid, active=True)
    assert users.login(db, "u_technician", "password-123").user_id == uid


# --- passwords ------------------------------------------------------------------------------------

def test_change_password_with_a_wrong_old_password_is_refused(db, db_path, actor_for):
    actor = actor_for("salesperson")
    before = raw_rows(db_path, "SELECT password_hash FROM user_account WHERE id = ?", (actor.user_id,))
    with pytest.raises(ValidationError) as exc:
        users.change_password(db, actor, "wrong-old-password", "brand-new-pass")
    assert exc.value.field == "old_password"
    assert raw_rows(db_path, "SELECT password_hash FROM user_account WHERE id = ?", (actor.user_id,)) == before


def test_change_password_to_a_too_short_one_is_refused(db, actor_for):
    actor = actor_for("salesperson")
    with pytest.raises(ValidationError) as exc:
        users.change_password(db, actor, "password-123", "short")
    assert exc.value.field == "new_password"
    assert users.login(db, "u_salesperson", "password-123").user_id == actor.user_id


def test_change_password_to_the_same_one_is_refused(db, actor_for):
    actor = actor_for("salesperson")
    with pytest.raises(ValidationError) as exc:
        users.change_password(db, actor, "password-123", "password-123")
    assert exc.value.field == "new_password"


def test_after_changing_the_password_only_the_new_one_logs_in(db, actor_for):
    actor = actor_for("salesperson")
    users.change_password(db, actor, "password-123", "brand-new-pass")
    assert users.login(db, "u_salesperson", "brand-new-pass").user_id == actor.user_id
    with pytest.raises(AuthenticationFailed):
        users.login(db, "u_salesperson", "password-123")


def test_administrator_sets_a_password_and_it_works(db, owner, actor_for):
    actor_for("cashier")
    uid = users.find_user_id(db, "u_cashier")
    users.set_password(db, owner, uid, "set-by-admin-1")
    assert users.login(db, "u_cashier", "set-by-admin-1").user_id == uid


def test_passwords_are_stored_as_argon2id_hashes_never_as_plain_text(db, db_path, owner):
    users.create_user(db, owner, username="hash_check", password="plain-text-secret", role="cashier")
    stored = raw_rows(db_path, "SELECT password_hash FROM user_account WHERE username = 'hash_check'")[0][0]
    assert stored.startswith("$argon2id$")
    assert "plain-text-secret" not in stored
    assert users.hasher.verify(stored, "plain-text-secret")
    # Neither the password nor its hash leaks into the audit trail.
    trail = " ".join(str(cell) for row in raw_rows(db_path, "SELECT * FROM audit_entry") for cell in row)
    assert "plain-text-secret" not in trail
    assert stored not in trail


# --- user administration --------------------------------------------------------------------------

def test_create_user_stores_a_normalised_user_name_and_the_role(db, owner):
    uid = users.create_user(db, owner, username=" New.User ", password="password-123", role="cashier",
                            display_name="  Nina  ")
    row = next(u for u in users.list_users(db, owner) if u.id == uid)
    assert (row.username, row.display_name, row.role, row.active) == ("new.user", "Nina", "cashier", True)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"username": "owner"}, "username"),
    ({"username": " OWNER "}, "username"),
    ({"username": "bad name!"}, "username"),
    ({"username": "   "}, "username"),
    ({"username": "x" * 65}, "username"),
    ({"password": "short"}, "password"),
    ({"password": " padded-password "}, "password"),
    ({"role": "astronaut"}, "role"),
    ({"language": "klingon"}, "language"),
])
def test_create_user_with_bad_input_names_the_field_and_writes_nothing(db, db_path, owner, kwargs, field):
    args = {"username": "newbie", "password": "password-123", "role": "cashier"} | kwargs
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.create_user(db, owner, **args)
    assert exc.value.field == field
    assert _snapshot(db_path) == before


def test_non_administrator_cannot_manage_users_or_roles(db, db_path, actor_for):
    sales = actor_for("salesperson")
    before = _snapshot(db_path)
    with pytest.raises(PermissionDenied):
        users.create_user(db, sales, username="sneaky", password="password-123", role="owner")
    with pytest.raises(PermissionDenied):
        users.list_users(db, sales)
    with pytest.raises(PermissionDenied):
        users.save_role(db, sales, code="salesperson", name="Salesperson", permissions=set(PERMISSIONS))
    with pytest.raises(PermissionDenied):
        users.update_user(db, sales, sales.user_id, role="owner")
    with pytest.raises(PermissionDenied):
        users.set_password(db, sales, sales.user_id, "password-456")
    with pytest.raises(PermissionDenied):
        users.delete_role(db, sales, "technician")
    with pytest.raises(PermissionDenied):
        users.list_roles(db, sales)
    assert _snapshot(db_path) == before


def test_the_last_owner_cannot_be_disabled(db, db_path, owner):
    admin = system_actor("it-admin")
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.update_user(db, admin, owner.user_id, active=False)
    assert exc.value.field == "active"
    assert _snapshot(db_path) == before


def test_the_last_owner_cannot_be_given_another_role(db, db_path, owner):
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.update_user(db, owner, owner.user_id, role="sales_manager")
    assert exc.value.field == "role"
    assert _snapshot(db_path) == before


def test_a_user_cannot_disable_their_own_account(db, owner):
    users.create_user(db, owner, username="second_owner", password="password-123", role="owner")
    with pytest.raises(ValidationError) as exc:
        users.update_user(db, owner, owner.user_id, active=False)
    assert exc.value.field == "active"


def test_an_owner_can_be_demoted_and_disabled_while_another_owner_remains(db, owner):
    second = users.create_user(db, owner, username="second_owner", password="password-123", role="owner")
    users.update_user(db, owner, second, role="sales_manager")
    users.update_user(db, owner, second, active=False)
    row = next(u for u in users.list_users(db, owner) if u.id == second)
    assert (row.role, row.active) == ("sales_manager", False)


def test_update_user_of_an_unknown_id_is_not_found(db, owner):
    with pytest.raises(NotFound):
        users.update_user(db, owner, "0" * 32, display_name="Ghost")


# --- roles ----------------------------------------------------------------------------------------

def test_a_new_role_gives_its_permissions_at_login(db, owner):
    users.save_role(db, owner, code="Lot_Porter", name="Lot porter", permissions={"vehicle.view"})
    users.create_user(db, owner, username="porter", password="password-123", role="lot_porter")
    actor = users.login(db, "porter", "password-123")
    assert actor.role == "lot_porter"
    assert actor.permissions == {"vehicle.view"}


def test_editing_a_role_changes_permissions_at_the_next_login(db, owner):
    users.save_role(db, owner, code="lot_porter", name="Lot porter", permissions={"vehicle.view"})
    users.create_user(db, owner, username="porter", password="password-123", role="lot_porter")
    first = users.login(db, "porter", "password-123")
    users.save_role(db, owner, code="lot_porter", name="Yard porter",
                    permissions={"vehicle.view", "vehicle.edit", "customer.view"})
    assert first.permissions == {"vehicle.view"}
    again = users.login(db, "porter", "password-123")
    assert again.permissions == {"vehicle.view", "vehicle.edit", "customer.view"}
    role = next(r for r in users.list_roles(db, owner) if r.code == "lot_porter")
    assert (role.name, role.builtin, role.users) == ("Yard porter", False, 1)


def test_removing_a_permission_from_a_builtin_role_applies_at_the_next_login(db, owner, actor_for):
    actor_for("salesperson")
    kept = DEFAULT_ROLE_PERMISSIONS["salesperson"] - {"data.export"}
    users.save_role(db, owner, code="salesperson", name="Salesperson", permissions=kept)
    assert users.login(db, "u_salesperson", "password-123").permissions == kept


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"code": "bad code"}, "code"),
    ({"code": ""}, "code"),
    ({"name": "  "}, "name"),
    ({"permissions": {"vehicle.view", "rocket.launch"}}, "permissions"),
])
def test_save_role_with_bad_input_names_the_field_and_writes_nothing(db, db_path, owner, kwargs, field):
    args = {"code": "lot_porter", "name": "Lot porter", "permissions": {"vehicle.view"}} | kwargs
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.save_role(db, owner, **args)
    assert exc.value.field == field
    assert _snapshot(db_path) == before


def test_the_owner_role_must_keep_user_and_role_administration(db, db_path, owner):
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.save_role(db, owner, code="owner", name="Renamed", permissions={"customer.view"})
    assert exc.value.field == "permissions"
    assert _snapshot(db_path) == before


def test_a_builtin_role_cannot_be_deleted(db, db_path, owner):
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as exc:
        users.delete_role(db, owner, "technician")
    assert exc.value.field == "role"
    assert _snapshot(db_path) == before


def test_a_role_still_given_to_users_cannot_be_deleted(db, owner):
    users.save_role(db, owner, code="lot_porter", name="Lot porter", permissions={"vehicle.view"})
    users.create_user(db, owner, username="porter", password="password-123", role="lot_porter")
    with pytest.raises(ValidationError) as exc:
        users.delete_role(db, owner, "lot_porter")
    assert exc.value.field == "role"
    assert "lot_porter" in {r.code for r in users.list_roles(db, owner)}


def test_an_unused_custom_role_is_deleted_with_its_permissions(db, db_path, owner):
    users.save_role(db, owner, code="lot_porter", name="Lot porter", permissions={"vehicle.view", "vehicle.edit"})
    users.delete_role(db, owner, "lot_porter")
    assert "lot_porter" not in {r.code for r in users.list_roles(db, owner)}
    assert raw_rows(db_path, "SELECT * FROM role_permission WHERE role_code = 'lot_porter'") == []
    with pytest.raises(NotFound):
        users.delete_role(db, owner, "lot_porter")


def test_a_new_role_cannot_take_over_an_existing_code(db, owner):
    from services.users import list_roles, save_role

    before = {r.code: r.permissions for r in list_roles(db, owner)}
    with pytest.raises(ValidationError) as refused:
        save_role(db, owner, code="Technician", name="Copy", permissions={"customer.view"}, new=True)
    assert refused.value.field == "code"
    assert {r.code: r.permissions for r in list_roles(db, owner)} == before
