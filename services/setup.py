"""First-run seeding of a new database: roles, terminal identity, settings, tax rates and the
account mapping of the accounting export."""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from core.ids import new_id
from models.admin import Role, RolePermission, Setting, TaxRate, Terminal
from models.base import utcnow
from models.sync import SyncState
from services import areas, backups
from services.billing import accounting
from services.permissions import DEFAULT_ROLE_PERMISSIONS, ROLES, system_actor
from services.settings import DealershipSettings
from store import bootstrap, capture
from store.database import Database
from store.uow import UnitOfWork


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account, odd container): still act
        return "unknown"


def seed(db: Database, *, terminal: str = "T1") -> None:
    """Fill a freshly migrated database with what every installation needs. Idempotent.

    What it writes is the new database's starting state, the same on every terminal, not a change
    anyone made: it is not captured for sync (``store/capture.py``)."""
    areas.load()
    actor = system_actor(os_user(), terminal=terminal)
    with UnitOfWork(db, actor) as uow:
        with capture.suspended(uow.connection):
            _seed_rows(uow.session, terminal)
            # Written while capture is off; committed only once its triggers are back.
            uow.session.flush()
        uow.commit()


def _seed_rows(session: Session, terminal: str) -> None:
    if session.execute(select(Terminal.id)).first() is None:
        # One id names this terminal everywhere: the migrations gave change capture one already.
        terminal_id = session.execute(select(SyncState.terminal_id)).scalar() or new_id()
        session.add(Terminal(id=terminal_id, code=terminal, created_at=utcnow()))
    existing = set(session.execute(select(Role.code)).scalars())
    for code, name in ROLES.items():
        if code in existing:
            continue
        session.add(Role(code=code, name=name, builtin=True))
        session.flush()
        for perm in sorted(DEFAULT_ROLE_PERMISSIONS[code]):
            session.add(RolePermission(role_code=code, permission=perm))
    if session.get(Setting, "dealership") is None:
        session.add(Setting(key="dealership", value=json.dumps(asdict(DealershipSettings()), sort_keys=True)))
    if session.execute(select(TaxRate.id)).first() is None:
        session.add_all([
            TaxRate(code="VAT13", name="VAT 13%", rate_bp=1300, is_default=True),
            TaxRate(code="VAT6", name="VAT 6%", rate_bp=600),
            TaxRate(code="ZERO", name="Zero-rated", rate_bp=0),
        ])
    accounting.seed_defaults(session)


def is_seeded(conn: Connection) -> bool:
    """Whether :func:`seed` has completed in the database behind ``conn`` (it commits everything at
    once, so any of its rows shows it did; the last few are checked in case of manual damage)."""
    roles = set(conn.execute(select(Role.code)).scalars())
    return (set(ROLES) <= roles and conn.execute(select(Terminal.id)).first() is not None
            and conn.execute(select(Setting.key).where(Setting.key == "dealership")).first() is not None)


def open_database(path: Path | str, *, create: bool = False, backup_before_migrate: bool = True,
                  full_check: bool | None = None, for_reading: bool = False) -> Database:
    """Open (and if needed create, seed or upgrade after a backup) the database at ``path``; see
    :func:`store.bootstrap.open_database`. With ``for_reading`` nothing is ever written: the database
    opens read-only, and one that is new or out of date is refused instead of set up or upgraded.
    Raises :class:`DatabaseProblem` with a message a person can act on."""
    areas.load()
    if for_reading:
        return bootstrap.open_database(path, full_check=full_check, seeded=is_seeded, for_reading=True)
    return bootstrap.open_database(
        path, create=create, backup_before_migrate=backup_before_migrate, full_check=full_check,
        backup=lambda db: backups.create_backup(db, reason="pre-migrate"), seed=seed, seeded=is_seeded)
