"""First-run seeding of a new database: roles, terminal identity, settings, tax rates and the
account mapping of the accounting export."""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict

from sqlalchemy import select

from app.db import Database
from models.admin import Role, RolePermission, Setting, TaxRate, Terminal
from models.base import utcnow
from services.billing import accounting
from services.ids import new_id
from services.permissions import DEFAULT_ROLE_PERMISSIONS, ROLES, Actor
from services.settings import DealershipSettings
from services.uow import unit_of_work


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account, odd container): still act
        return "unknown"


def seed(db: Database, *, terminal: str = "T1") -> None:
    """Fill a freshly migrated database with what every installation needs. Idempotent."""
    actor = Actor.system(os_user(), terminal=terminal)
    with unit_of_work(db, actor) as session:
        if session.execute(select(Terminal.id)).first() is None:
            session.add(Terminal(id=new_id(), code=terminal, created_at=utcnow()))
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
                TaxRate(code="VAT13", name="VAT 13%", rate_bp=1300, is_default=True, created_by=actor.username),
                TaxRate(code="VAT6", name="VAT 6%", rate_bp=600, created_by=actor.username),
                TaxRate(code="ZERO", name="Zero-rated", rate_bp=0, created_by=actor.username),
            ])
        accounting.seed_defaults(session)
        session.commit()
