"""``forecourt export repair-archive|surveys`` and ``forecourt import surveys`` end to end, in a child
process."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from services.permissions import system_actor
from services.setup import open_database
from services.workshop import handover, invoicing, orders, parts
from services.workshop.handover import HandoverInput
from services.workshop.orders import JobInput, LabourInput
from tests.cli.test_cli import _query, run_cli
from tests.services.workshop_samples import job_with_lines, repair_order, shop

pytestmark = pytest.mark.slow

ON = date(2026, 3, 2)


def _complete(db, actor, ro_id):
    for status in ("in_progress", "quality_check", "completed"):
        if orders.get(db, actor, ro_id).status != status:
            orders.set_status(db, actor, ro_id, status, on=ON)


@pytest.fixture
def settled(db_path) -> tuple[str, str]:
    """Two repair orders settled on ON: one with brake pads, handed over (its survey due), one with
    labour only, still invoiced; their numbers."""
    db = open_database(db_path)
    try:
        actor = system_actor("tester", terminal="T1")
        s = shop(db, actor)
        first, first_number = repair_order(db, actor, s, mileage=12_000, on=ON)
        _job, _labour, line = job_with_lines(db, actor, first, s, hours=150, parts=2_000)
        parts.issue_part(db, actor, line, on=ON)
        _complete(db, actor, first)
        invoicing.close_into_invoices(db, actor, first, on=ON)
        handover.hand_over(db, actor, first, HandoverInput(mileage_out=12_030), on=ON)
        second, second_number = repair_order(db, actor, s, mileage=12_100, on=ON)
        job = orders.add_job(db, actor, second, JobInput("Diagnose warning light", pay_type="customer"))
        orders.add_labour(db, actor, job, LabourInput(description="Read fault codes", hours=50))
        _complete(db, actor, second)
        invoicing.close_into_invoices(db, actor, second, on=ON)
    finally:
        db.dispose()
    return first_number, second_number


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_export_repair_archive_writes_a_row_per_part_or_per_repair_order_in_the_period(tmp_path, db_path, settled):
    first, second = settled
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "archive.csv"
    result = run_cli("export", "repair-archive", str(out), "--from", "2026-03-01", "--to", "2026-03-31",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    rows = _rows(out)
    assert list(rows[0]) == ["company", "vin", "plate", "date_in", "mileage_in", "settlement_date",
                             "settlement_number", "fault_description", "repair_items", "labour_hours", "part_name",
                             "part_code", "part_quantity"]
    invoices = dict(_query(db_path, "SELECT r.number, i.number FROM repair_order r JOIN repair_order_invoice x "
                                    "ON x.repair_order_id = r.id JOIN invoice i ON i.id = x.invoice_id"))
    company = _query(db_path, "SELECT json_extract(value, '$.name') FROM setting WHERE key = 'dealership'")[0][0]
    assert [(r["company"], r["settlement_number"], r["mileage_in"], r["labour_hours"], r["part_code"],
             r["part_quantity"]) for r in rows] == [
        (company, invoices[first], "12000", "1.50", "0986-BP-1", "2"),
        (company, invoices[second], "12100", "0.50", "", "")]
    assert rows[1]["fault_description"] == "Squeal when braking"
    assert rows[1]["repair_items"] == "Diagnose warning light (Read fault codes)"

    empty = tmp_path / "none.csv"
    result = run_cli("export", "repair-archive", str(empty), "--from", "2026-04-01", "--to", "2026-04-30",
                     home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _rows(empty) == []
    # The period is required: the archive is sent for a period.
    result = run_cli("export", "repair-archive", str(empty), home=home, db=db_path)
    assert result.returncode != 0


def test_import_surveys_answers_due_surveys_raises_follow_ups_and_the_export_shows_them(tmp_path, db_path, settled):
    first, second = settled
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "answers.csv"
    source.write_text(f"工单号,评分,客户意见\n{first},4,等待时间太长\n", encoding="utf-8")
    result = run_cli("import", "surveys", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    # The longest label of the summary still has a space before its figure.
    assert "  follow-up tasks raised 1" in result.stdout, result.stdout
    today = date.today()
    assert _query(db_path, "SELECT score, comments, channel, answered_on FROM survey") == [
        (4, "等待时间太长", "file", today.isoformat())]
    assert _query(db_path, "SELECT assignee, due_on, reason FROM follow_up_task") == [
        ("os:tester", (today + timedelta(days=2)).isoformat(), "等待时间太长")]
    # The same file again changes nothing; a repair order not handed over has no survey to answer.
    result = run_cli("import", "surveys", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _query(db_path, "SELECT count(*) FROM follow_up_task") == [(1,)]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"repair_order_number,score\n{second},9\n", encoding="utf-8")
    result = run_cli("import", "surveys", str(bad), home=home, db=db_path)
    assert result.returncode != 0
    assert _query(db_path, "SELECT count(*) FROM survey WHERE status = 'answered'") == [(1,)]

    out = tmp_path / "surveys.csv"
    result = run_cli("export", "surveys", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    (row,) = _rows(out)
    assert list(row) == ["repair_order_number", "vin", "plate", "customer_name", "advisor", "technicians",
                         "handed_over_on", "due_on", "status", "score", "comments", "answered_on", "channel",
                         "follow_up_assignee", "follow_up_due_on", "follow_up_done_on"]
    assert (row["repair_order_number"], row["handed_over_on"], row["due_on"], row["status"], row["score"],
            row["channel"], row["follow_up_assignee"], row["follow_up_done_on"]) == (
        first, "2026-03-02", "2026-03-05", "answered", "4", "file", "os:tester", "")
