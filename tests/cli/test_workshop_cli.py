"""``forecourt import labour-ops`` and ``forecourt export repair-orders|labour-lines`` end to end, in a
child process."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal

import pytest

from services.permissions import system_actor
from services.setup import open_database
from services.workshop import clocking, invoicing, orders, parts, warranty
from services.workshop.orders import JobInput, LabourInput
from tests.cli.test_cli import _query, run_cli
from tests.services.workshop_samples import job_with_lines, repair_order, shop

pytestmark = pytest.mark.slow


@pytest.fixture
def invoiced(db_path) -> tuple[str, str]:
    """One repair order invoiced (customer and warranty work) and one still open; their numbers."""
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        s = shop(db, actor)
        ro_id, number = repair_order(db, actor, s, on=date(2026, 3, 2))
        _job, _labour, line = job_with_lines(db, actor, ro_id, s, hours=150, parts=2_000)
        warranty = orders.add_job(db, actor, ro_id, JobInput("Window regulator", pay_type="warranty"))
        orders.add_labour(db, actor, warranty, LabourInput(description="Regulator R&R", hours=80,
                                                           technician="owner"))
        clocking.clock_on(db, actor, warranty, technician="owner", at=datetime(2026, 3, 2, 2, 0))
        clocking.clock_off(db, actor, technician="owner", at=datetime(2026, 3, 2, 3, 30))
        parts.issue_part(db, actor, line, on=date(2026, 3, 2))
        for status in ("quality_check", "completed"):
            orders.set_status(db, actor, ro_id, status, on=date(2026, 3, 2))
        invoicing.close_into_invoices(db, actor, ro_id, on=date(2026, 3, 2))
        _open_id, open_number = repair_order(db, actor, s, mileage=12_100, on=date(2026, 3, 3))
    finally:
        db.dispose()
    return number, open_number


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_export_repair_orders_and_labour_lines_write_the_stable_columns(tmp_path, db_path, invoiced):
    number, open_number = invoiced
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "ros.csv"
    result = run_cli("export", "repair-orders", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 2 rows" in result.stdout
    rows = _rows(out)
    assert list(rows[0]) == ["number", "status", "vin", "plate", "customer_name", "advisor", "opened_on",
                             "settled_on", "mileage_in", "labour_hours_sold", "labour_amount", "parts_amount",
                             "total", "invoice_numbers"]
    first, second = rows
    assert (first["number"], first["status"], first["opened_on"], first["settled_on"]) == (
        number, "invoiced", "2026-03-02", "2026-03-02")
    assert (first["labour_hours_sold"], first["labour_amount"], first["parts_amount"]) == ("2.30", "610.00",
                                                                                          "900.00")
    invoices = first["invoice_numbers"].split(";")
    assert len(invoices) == 2
    totals = dict(_query(db_path, "SELECT number, total FROM invoice"))
    assert Decimal(first["total"]) == Decimal(sum(totals[n] for n in invoices)) / 100 == Decimal("1510.00")
    assert (second["number"], second["status"], second["settled_on"], second["invoice_numbers"]) == (
        open_number, "open", "", "")

    lines = tmp_path / "labour.csv"
    result = run_cli("export", "labour-lines", str(lines), "--from", "2026-03-01", "--to", "2026-03-02",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert [list(r.values()) for r in _rows(lines)] == [
        [number, "", "customer", "", "1.50", "0.00", "450.00"],
        [number, "", "warranty", "owner", "0.80", "1.50", "160.00"],
    ]


def test_import_labour_ops_from_the_command_line(tmp_path, db_path):
    source = tmp_path / "ops.csv"
    source.write_text("code,description,system,standard_hours\nBRK-01,Front brake pads,Brakes,1.2\n",
                      encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    result = run_cli("import", "labour-ops", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _query(db_path, "SELECT code, standard_hours FROM labour_operation") == [("BRK-01", 120)]


def test_export_warranty_claims_writes_the_warranty_jobs_of_the_period(tmp_path, db_path, invoiced):
    number, _open_number = invoiced
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "claims.csv"
    result = run_cli("export", "warranty-claims", str(out), "--from", "2026-03-01", "--to", "2026-03-02",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 1 row" in result.stdout
    [row] = _rows(out)
    assert tuple(row) == warranty.WARRANTY_CLAIM_COLUMNS
    assert (row["repair_order_number"], row["job_no"], row["mileage_in"], row["opened_on"], row["invoiced_on"],
            row["operation_hours"], row["labour_amount"], row["total"]) == (
        number, "2", "12000", "2026-03-02", "2026-03-02", "0.8", "160.00", "160.00")
    empty = tmp_path / "none.csv"
    result = run_cli("export", "warranty-claims", str(empty), "--from", "2026-03-03", "--to", "2026-03-31",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _rows(empty) == []


def test_import_campaigns_from_the_command_line(tmp_path, db_path):
    from tests.services.samples import chinese_vin

    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "recall.csv"
    source.write_text(f"召回代码,活动名称,车架号\nRC-1,Brake hose,{chinese_vin(1)}\nRC-1,,{chinese_vin(2)}\n",
                      encoding="utf-8-sig")
    result = run_cli("import", "campaigns", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "new campaigns" in result.stdout
    assert _query(db_path, "SELECT c.code, c.title, v.vin FROM campaign c JOIN campaign_vehicle v "
                           "ON v.campaign_id = c.id ORDER BY v.vin") == sorted([
        ("RC-1", "Brake hose", chinese_vin(1)), ("RC-1", "Brake hose", chinese_vin(2))])


def test_a_bad_campaign_file_names_the_row_and_field_and_imports_nothing(tmp_path, db_path):
    from tests.services.samples import chinese_vin

    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "recall.csv"
    source.write_text(f"code,title,vin\nRC-2,Airbag,{chinese_vin(1)}\nRC-2,,LSVAU2180N21234\n", encoding="utf-8")
    result = run_cli("import", "campaigns", str(source), home=home, db=db_path)
    assert result.returncode != 0
    assert "row 3, VIN: A VIN has 17 characters" in result.stdout
    assert "nothing was imported" in result.stderr
    assert (tmp_path / "recall.errors.xlsx").exists()
    assert _query(db_path, "SELECT count(*) FROM campaign") == [(0,)]


def test_a_labour_ops_file_with_only_a_header_row_is_refused_with_a_failing_exit(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "empty-ops.csv"
    source.write_text("code,description,system,standard_hours\n", encoding="utf-8")
    result = run_cli("import", "labour-ops", str(source), home=home, db=db_path)
    assert result.returncode != 0
    assert "empty-ops.csv has no data rows" in result.stdout + result.stderr
    assert "imported 0" not in (result.stdout + result.stderr).lower()
    assert _query(db_path, "SELECT count(*) FROM labour_operation") == [(0,)]


def test_every_line_of_an_import_summary_has_a_space_between_label_and_figure(tmp_path, db_path):
    import re

    from tests.services.samples import chinese_vin

    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "recall.csv"
    source.write_text(f"code,title,vin\nRC-1,Brake hose,{chinese_vin(1)}\n", encoding="utf-8")
    result = run_cli("import", "campaigns", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    figures = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert len(figures) == 5
    assert all(re.fullmatch(r"  \S.*\S +\d[\d,]*( \(.*\))?", line) for line in figures), figures
    # The figures stand in one column.
    assert len({len(re.match(r"  \S.*?\s+(?=\d)", line).group(0)) for line in figures}) == 1
