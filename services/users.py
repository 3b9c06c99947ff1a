"""Users, roles, login with lock-out, and password changes (DESIGN §5)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from core.actor import Actor
from core.errors import AccountLocked, AuthenticationFailed, NotFound, ValidationError
from core.messages import msg
from models.admin import Role, RolePermission, User
from models.base import utcnow
from services import settings
from services.permissions import PERMISSIONS, require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8

# argon2id with the library's defaults (RFC 9106 low-memory profile); tests may swap in a cheaper one.
hasher = PasswordHasher()
_dummy_hash: dict[int, str] = {}


def _check_against_nothing(password: str) -> None:
    """Verify ``password`` against a hash of nothing anyone knows, with the current parameters."""
    key = id(hasher)
    if key not in _dummy_hash:
        _dummy_hash[key] = hasher.hash("no such user " + os.urandom(16).hex())
    try:
        hasher.verify(_dummy_hash[key], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return


def hash_password(password: str) -> str:
    return hasher.hash(password)


def _check_password_rules(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(field, msg("A password needs at least {MIN_PASSWORD_LENGTH} characters",
                                         MIN_PASSWORD_LENGTH=MIN_PASSWORD_LENGTH))
    if password.strip() != password:
        raise ValidationError(field, msg("A password cannot start or end with a space"))


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not name:
        raise ValidationError("username", msg("A user name is required"))
    if len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise ValidationError("username", msg("Use letters, digits, dots, dashes or underscores (up to 64)"))
    return name


def permissions_for_role(conn_or_session, role: str) -> frozenset[str]:
    rows = conn_or_session.execute(select(RolePermission.permission).where(RolePermission.role_code == role))
    return frozenset(rows.scalars())


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    language: str


# --- login ----------------------------------------------------------------------------------------

def login(db: Database, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check the password and return the acting user. Five failures in a row lock the account for
    five minutes; failures and successes are audited."""
    now = now or utcnow()
    name = username.strip().lower()
    with UnitOfWork(db, Actor(username=name or "?", role="")) as uow:
        session = uow.session
        term = settings.terminal_code(session)
        user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
        uow.actor = Actor(username=name or "?", role="", terminal=term)
        if user is None or not user.active:
            # The same work as checking a real password, so the time taken does not tell a caller
            # whether the name exists.
            _check_against_nothing(password)
            uow.audit([Change("login_failed", "user_account", name or "?", summary=msg("unknown or disabled user"))])
            uow.commit()
            raise AuthenticationFailed(msg("Wrong user name or password"))
        if user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AccountLocked(msg("This account is locked after {MAX_FAILED_LOGINS} failed logins. Try again in "
                                    "{minutes} minute(s) or ask an administrator.",
                                    MAX_FAILED_LOGINS=MAX_FAILED_LOGINS, minutes=minutes))
        try:
            hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            user.failed_logins = (user.failed_logins or 0) + 1
            summary = f"failed login {user.failed_logins}"
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
                summary += ", account locked"
            uow.audit([Change("login_failed", "user_account", user.id, summary=summary)])
            uow.commit()
            if user.locked_until and user.locked_until > now:
                raise AccountLocked(msg("Too many failed logins: the account is locked for {value1} minutes.",
                                        value1=int(LOCKOUT.total_seconds() // 60))) from None
            raise AuthenticationFailed(msg("Wrong user name or password")) from None
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        perms = permissions_for_role(session, user.role_code)
        actor = Actor(username=user.username, role=user.role_code, permissions=perms, user_id=user.id,
                      display_name=user.display_name or user.username, terminal=term, language=user.language)
        uow.actor = actor
        uow.audit([Change("login", "user_account", user.id)])
        uow.commit()
        return actor


def change_password_in(uow: UnitOfWork, old_password: str, new_password: str) -> None:
    actor, session = uow.actor, uow.session
    if actor.user_id is None:
        raise ValidationError("user", msg("Only a logged-in user can change their own password"))
    _check_password_rules(new_password, field="new_password")
    user = session.get(User, actor.user_id)
    if user is None:
        raise NotFound(msg("Your user account no longer exists"))
    try:
        hasher.verify(user.password_hash, old_password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise ValidationError("old_password", msg("The current password is wrong")) from None
    if old_password == new_password:
        raise ValidationError("new_password", msg("The new password must differ from the current one"))
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    uow.audit([Change("password", "user_account", user.id, summary=msg("password changed"))])


change_password = action(change_password_in)


# --- user administration --------------------------------------------------------------------------

def list_users(db: Database, actor: Actor) -> list[UserRow]:
    require(actor, "user.admin")
    with db.read() as conn:
        rows = conn.execute(select(User.id, User.username, User.display_name, User.role_code, User.active,
                                   User.locked_until, User.last_login_at, User.language)
                            .order_by(User.username))
        return [UserRow(*r) for r in rows]


def person_names(conn_or_session) -> dict[str, str]:
    """Every user's name as people call them (the display name, else the user name), by user name:
    what screens and printed documents show instead of a login. Reads only; any thread."""
    return {r.username: r.display_name or r.username
            for r in conn_or_session.execute(select(User.username, User.display_name))}


def person_name(conn_or_session, username: str) -> str:
    """One user as people call them, for messages (their login when they have no name)."""
    name = conn_or_session.execute(select(User.display_name).where(User.username == username)).scalar()
    return name or username


def people(db: Database, actor: Actor) -> dict[str, str]:
    """:func:`person_names` for a logged-in reader. Any thread."""
    with db.read() as conn:
        return person_names(conn)


def _check_role(session, role: str) -> None:
    if session.get(Role, role) is None:
        raise ValidationError("role", msg("Unknown role '{role}'", role=role))


def create_user_in(uow: UnitOfWork, *, username: str, password: str, role: str,
                display_name: str = "", language: str = "") -> str:
    actor, session = uow.actor, uow.session
    require(actor, "user.admin")
    name = _check_username(username)
    _check_password_rules(password)
    if language and language not in settings.LANGUAGES:
        raise ValidationError("language", msg("Unknown language '{language}'", language=language))
    _check_role(session, role)
    if session.execute(select(User.id).where(User.username == name)).first():
        raise ValidationError("username", msg("The user name '{name}' is taken", name=name))
    user = User(username=name, display_name=display_name.strip() or name, role_code=role,
                password_hash=hash_password(password), language=language)
    session.add(user)
    session.flush()
    return user.id


create_user = action(create_user_in)


def update_user_in(uow: UnitOfWork, user_id: str, *, display_name: str | None = None,
                role: str | None = None, active: bool | None = None, language: str | None = None) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "user.admin")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(msg("User not found"))
    if role is not None and role != user.role_code:
        _check_role(session, role)
        if user.role_code == "owner" and _active_owners(session, excluding=user.id) == 0:
            raise ValidationError("role", msg("The last active owner cannot be given another role"))
        user.role_code = role
    if active is False and user.active:
        if user.id == actor.user_id:
            raise ValidationError("active", msg("You cannot disable your own account"))
        if user.role_code == "owner" and _active_owners(session, excluding=user.id) == 0:
            raise ValidationError("active", msg("The last active owner cannot be disabled"))
    if active is not None:
        user.active = active
    if display_name is not None:
        user.display_name = display_name.strip() or user.username
    if language is not None:
        if language and language not in settings.LANGUAGES:
            raise ValidationError("language", msg("Unknown language '{language}'", language=language))
        user.language = language


update_user = action(update_user_in)


def _active_owners(session, *, excluding: str) -> int:
    return session.execute(select(func.count()).select_from(User).where(
        User.role_code == "owner", User.active, User.id != excluding)).scalar_one()


def find_user_id(db: Database, username: str) -> str:
    with db.read() as conn:
        uid = conn.execute(select(User.id).where(User.username == username.strip().lower())).scalar()
    if uid is None:
        raise NotFound(msg("No user named '{username}'", username=username))
    return uid


def set_password_in(uow: UnitOfWork, user_id: str, password: str) -> None:
    """An administrator sets a new password (and unlocks the account)."""
    actor, session = uow.actor, uow.session
    require(actor, "user.admin")
    _check_password_rules(password)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(msg("User not found"))
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    uow.audit([Change("password", "user_account", user.id, summary=msg("password reset"))])


set_password = action(set_password_in)


def unlock_in(uow: UnitOfWork, user_id: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "user.admin")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(msg("User not found"))
    user.failed_logins = 0
    user.locked_until = None
    uow.audit([Change("unlock", "user_account", user.id, summary=msg("account unlocked"))])


unlock = action(unlock_in)


# --- roles ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleRow:
    code: str
    name: str
    builtin: bool
    permissions: frozenset[str]
    users: int


def list_roles(db: Database, actor: Actor) -> list[RoleRow]:
    require(actor, "role.admin")
    with db.read() as conn:
        roles = conn.execute(select(Role.code, Role.name, Role.builtin).order_by(Role.builtin.desc(), Role.code))
        out = []
        for code, name, builtin in roles.all():
            users = conn.execute(select(func.count()).select_from(User).where(User.role_code == code)).scalar_one()
            out.append(RoleRow(code, name, builtin, permissions_for_role(conn, code), users))
        return out


def save_role_in(uow: UnitOfWork, *, code: str, name: str, permissions: set[str] | frozenset[str],
              new: bool = False) -> None:
    """Replace a role's name and permissions, or create it. With ``new`` the code must be free:
    a new role never silently takes over an existing one."""
    actor, session = uow.actor, uow.session
    require(actor, "role.admin")
    code = code.strip().lower()
    if not code or not all(c.isalnum() or c == "_" for c in code):
        raise ValidationError("code", msg("A role code is letters, digits or underscores"))
    if not name.strip():
        raise ValidationError("name", msg("A role name is required"))
    unknown = set(permissions) - set(PERMISSIONS)
    if unknown:
        raise ValidationError("permissions", msg("Unknown permission(s): {items}", items=', '.join(sorted(unknown))))
    role = session.get(Role, code)
    if role is not None and new:
        raise ValidationError("code", msg("A role with code '{code}' already exists", code=code))
    if role is None:
        role = Role(code=code, name=name.strip(), builtin=False)
        session.add(role)
    else:
        role.name = name.strip()
    if code == "owner" and not {"user.admin", "role.admin"} <= set(permissions):
        raise ValidationError("permissions", msg("The owner role must keep user and role administration"))
    session.flush()
    current = permissions_for_role(session, code)
    for perm in current - set(permissions):
        session.delete(session.get(RolePermission, (code, perm)))
    for perm in sorted(set(permissions) - current):
        session.add(RolePermission(role_code=code, permission=perm))


save_role = action(save_role_in)


def delete_role_in(uow: UnitOfWork, code: str) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "role.admin")
    role = session.get(Role, code)
    if role is None:
        raise NotFound(msg("Role '{code}' not found", code=code))
    if role.builtin:
        raise ValidationError("role", msg("Built-in roles cannot be deleted"))
    if session.execute(select(User.id).where(User.role_code == code)).first():
        raise ValidationError("role", msg("The role is still given to users"))
    for rp in session.execute(select(RolePermission).where(RolePermission.role_code == code)).scalars():
        session.delete(rp)
    session.flush()
    session.delete(role)


delete_role = action(delete_role_in)

