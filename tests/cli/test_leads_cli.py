"""``forecourt export leads FILE`` end to end, in a child process."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from services.permissions import system_actor
from services.sales import leads
from services.sales.leads import LeadInput, TaskInput, TestDriveInput
from services.setup import open_database
from tests.cli.test_cli import run_cli
from tests.services.sales_samples import showroom

pytestmark = pytest.mark.slow


def test_export_leads_writes_the_stable_columns_a_row_a_lead(tmp_path, db_path):
    db = open_database(db_path)
    try:
        room = showroom(db, system_actor("tester", terminal="T1"))
        first = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, source="web", make="BYD",
                                                      model="Han", budget=25_000_000))
        leads.add_task(db, room.sales, first, TaskInput(date.today() + timedelta(days=2), "Call back"))
        leads.log_test_drive(db, room.sales, first, TestDriveInput(
            licence_number="D123", licence_expires_on=date.today() + timedelta(days=90), licence_checked=True,
            demo_car="Demo Han"))
        second = leads.create(db, room.manager, LeadInput(customer_name="李娜", customer_phone="13800138000",
                                                         source="referral", salesperson="bob"))
        leads.request_lost(db, room.sales2, second, "price", "too dear")
    finally:
        db.dispose()
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "leads.csv"
    result = run_cli("export", "leads", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 2 rows" in result.stdout
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["created_on", "customer_name", "phone", "source", "make", "model", "budget",
                             "salesperson", "status", "lost_reason", "lost_note", "next_task_due", "test_drives"]
    a, b = rows
    assert (a["customer_name"], a["source"], a["make"], a["model"], a["budget"], a["salesperson"], a["status"]) == (
        "王伟", "web", "BYD", "Han", "250000.00", "ann", "test_drive")
    assert (a["next_task_due"], a["test_drives"], a["lost_reason"]) == (
        (date.today() + timedelta(days=2)).isoformat(), "1", "")
    assert abs(date.fromisoformat(a["created_on"]) - date.today()) <= timedelta(days=1)
    assert (b["customer_name"], b["salesperson"], b["status"], b["lost_reason"], b["lost_note"], b["test_drives"]) == (
        "李娜", "bob", "lost_pending", "price", "too dear", "0")
    assert b["phone"].endswith("13800138000")


def test_the_leads_bench_times_the_board_and_the_list_against_raw_sql(db, owner, db_path):
    from app.bench_leads import bench_leads

    room = showroom(db, owner)
    for _ in range(3):
        leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, make="BYD", model="Han"))
    results = bench_leads(db_path, owner, 2, log=lambda _m: None)
    assert [r.name for r in results] == ["lead_board_all_salespeople", "lead_board_one_salesperson",
                                         "leads_list_first_page"]
    assert all(r.baseline_median_ms is not None and r.runs == 2 and r.met is not None for r in results)
