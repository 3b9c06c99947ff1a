"""Shared fixtures: a template database built once per session and copied for each test."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from services.permissions import system_actor

# Tests must never touch a real user's data directory or database, nor their keyring. Audit keys go
# to one folder per test process, which the CLI's child processes inherit: a database made here
# (or copied from the template) is written to there with its key.
os.environ.pop("FORECOURT_DB", None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ["FORECOURT_CONFIG"] = tempfile.mkdtemp(prefix="forecourt-config-")

from core import memory
from core.actor import Actor
from services import areas, users
from services.setup import open_database
from store.database import Database

areas.load()

# Cheap argon2 parameters keep login-heavy tests fast; the hash format (and the code path) is the same.
users.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

OWNER_PASSWORD = "owner-pass-1"


@pytest.fixture(autouse=True)
def _collect_on_main_thread() -> Iterator[None]:
    """Where the widgets' workers have handed garbage collection to the GUI thread (ui.collector),
    the main thread collects what is due between tests, as the app's timer does between events."""
    yield
    memory.collect_due()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FORECOURT_HOME", str(home))
    monkeypatch.delenv("FORECOURT_DB", raising=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated, seeded database with one owner user ('owner'), made once per test session."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path, create=True)
    users.create_user(db, system_actor("test"), username="owner", password=OWNER_PASSWORD, role="owner",
                      display_name="Olivia Owner")
    # A checkpoint cannot run inside a transaction, and the engine begins one (BEGIN IMMEDIATE) for
    # every statement; the driver connection runs it in autocommit mode.
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    db.dispose()
    return path


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    path = tmp_path / "forecourt.db"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def owner(db) -> Actor:
    return users.login(db, "owner", OWNER_PASSWORD)


@pytest.fixture
def actor_for(db, owner):
    """Make a user with ``role`` and return them logged in."""
    made: dict[str, Actor] = {}

    def make(role: str) -> Actor:
        if role not in made:
            users.create_user(db, owner, username=f"u_{role}", password="password-123", role=role)
            made[role] = users.login(db, f"u_{role}", "password-123")
        return made[role]

    return make
