"""The commands that only read work while another program writes: each runs in its own process while
a third process holds the database's write lock. A command that asked for the lock would wait the
whole busy timeout and then fail with "locked", so success here means it never asked."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from services import backups, customers
from services.billing import invoices, payments
from services.billing.invoices import DraftInput, LineInput
from services.billing.payments import PaymentSplit
from services.customers import CustomerInput
from services.parts import catalogue
from services.parts.catalogue import PartInput
from services.permissions import system_actor
from services.setup import open_database
from tests.cli.test_cli import assert_one_line_error, run_cli
from tests.services.samples import raw_execute
from tests.write_lock import write_lock_held

pytestmark = pytest.mark.slow


@pytest.fixture
def filled(db_path) -> tuple[str, Path]:
    """A posted and paid invoice to 王伟, a part, and a backup; returns the invoice number and the backup."""
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        wang = customers.create(db, actor, CustomerInput(name="王伟"))
        job = invoices.create_draft(db, actor, DraftInput(kind="workshop", customer_id=wang, lines=[
            LineInput("Oil change", 1000, 30000, item_type="labour")]))
        number = invoices.post(db, actor, job, on=date(2026, 3, 5))
        payments.take_payment(db, actor, customer_id=wang, on=date(2026, 3, 5), splits=[PaymentSplit("cash", 30000)],
                              allocations={number: 30000})
        catalogue.create_part(db, actor, PartInput(brand="Bosch", part_number="0 986 452 044",
                                                   description="Oil filter", retail_price=4800))
        backup = backups.create_backup(db, reason="manual")
    finally:
        db.dispose()
    return number, backup


@pytest.fixture
def run(tmp_path, db_path) -> Callable:
    home = tmp_path / "home"
    home.mkdir()
    return lambda *args: run_cli(*args, home=home, db=db_path)


@pytest.fixture
def locked(db_path, filled) -> Iterator[tuple[str, Path]]:
    with write_lock_held(db_path):
        yield filled


def _ok(result) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def test_search_user_list_and_audit_verify_answer_while_another_program_writes(run, locked):
    number, _backup = locked
    assert "王伟" in _ok(run("search", "王伟"))
    assert number in _ok(run("search", number))
    assert _ok(run("user", "list")).startswith("owner\towner")
    assert "audit trail OK" in _ok(run("audit", "verify"))


def test_every_export_is_written_while_another_program_writes(run, locked, tmp_path):
    for what in ("invoices", "invoice-lines", "payments", "parts", "stock"):
        out = tmp_path / f"{what}.csv"
        assert f"to {out}" in _ok(run("export", what, str(out)))
        with out.open(encoding="utf-8-sig", newline="") as fh:
            assert len(list(csv.reader(fh))) >= 2, what
    journal = tmp_path / "journal.xlsx"
    assert "journal line" in _ok(run("export", "journal", str(journal), "--from", "2026-03-01", "--to", "2026-03-31"))
    assert journal.stat().st_size > 0


def test_backups_are_listed_and_verified_and_an_import_checked_while_another_program_writes(run, locked,
                                                                                          tmp_path):
    _number, backup = locked
    assert str(backup) in _ok(run("backup", "list"))
    assert _ok(run("backup", "verify", str(backup))).startswith("OK: ")
    source = tmp_path / "parts.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["brand", "part_number", "description"], ["Bosch", "0 986 494 516", "Brake pads"]])
    assert "dry run, nothing written" in _ok(run("import", "parts", str(source), "--dry-run"))


def test_printing_an_invoice_counts_the_print_so_it_waits_and_then_says_the_database_is_locked(run, locked,
                                                                                                 tmp_path):
    number, _backup = locked
    out = tmp_path / "invoice.pdf"
    line = assert_one_line_error(run("invoice", "pdf", number, "--out", str(out)))
    assert "locked by another program" in line
    assert not out.exists()


def test_a_read_command_refuses_an_out_of_date_database_and_leaves_it_alone(run, db_path):
    raw_execute(db_path, "UPDATE alembic_version SET version_num = '0003'")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    line = assert_one_line_error(run("search", "王伟"))
    assert "older version" in line and "forecourt init" in line
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
