"""One unit of work per user action: a session in one write transaction that rolls back unless the
service commits explicitly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from core.actor import Actor
from store.database import Database, translate_operational_error


@contextmanager
def unit_of_work(db: Database, actor: Actor) -> Iterator[Session]:
    """Yield a session bound to ``actor``; anything not committed inside the block is rolled back."""
    session = db.Session()
    session.info["actor"] = actor
    try:
        yield session
    except OperationalError as exc:
        session.rollback()
        problem = translate_operational_error(exc, db.path)
        if problem is not None:
            raise problem from exc
        raise
    finally:
        session.rollback()
        session.close()
