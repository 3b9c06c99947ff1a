"""Stamps are stored in UTC; every day shown or written from one is the dealership's local day. At
02:30 in Beijing it is still the day before in UTC, so a day cut from the stamp itself is a day early."""

from __future__ import annotations

import csv
import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core import clock
from core.errors import ValidationError
from services import customers
from services.customers import CustomerInput, duplicates
from services.sales import leads
from services.sales.leads import LeadInput, TaskInput
from tests.services.sales_samples import showroom

UTC_MOMENT = datetime(2026, 12, 8, 18, 30)  # 02:30 on 9 December in Beijing
LOCAL_DAY = date(2026, 12, 9)


@pytest.fixture
def beijing(monkeypatch):
    """This process in Beijing's time zone at 02:30 on 9 December (Python and SQLite alike)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    monkeypatch.setattr(clock, "now", lambda: UTC_MOMENT)
    monkeypatch.setattr(clock, "today", lambda: LOCAL_DAY)
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_clock_gives_the_local_day_and_time_of_a_stamp(beijing):
    assert clock.local_date(UTC_MOMENT) == LOCAL_DAY
    assert clock.local_date("2026-12-08 18:30:00.000123") == LOCAL_DAY
    assert clock.local_time(UTC_MOMENT) == datetime(2026, 12, 9, 2, 30)


def test_a_duplicate_shows_the_local_day_it_was_created(db, owner, beijing):
    for phone in ("13912345678", "13912345678"):
        customers.create(db, owner, CustomerInput(name="王伟", phone=phone))

    [cluster] = duplicates.clusters(db, owner)

    assert [m.created_on for m in cluster.members] == [LOCAL_DAY, LOCAL_DAY]


def test_leads_export_and_a_task_done_twice_name_the_local_day(db, owner, tmp_path, beijing):
    room = showroom(db, owner)
    lead = leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, make="BYD", model="Han"))
    task = leads.add_task(db, room.sales, lead, TaskInput(LOCAL_DAY, "call back"))
    leads.complete_task(db, room.sales, task, "booked a test drive")

    with pytest.raises(ValidationError, match="already done on 2026-12-09"):
        leads.complete_task(db, room.sales, task, "again")
    path = tmp_path / "leads.csv"
    leads.export_leads(db, room.manager, path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["created_on"] == "2026-12-09"


def test_the_day_end_report_prints_the_local_time_the_day_was_closed(db, owner, tmp_path, beijing):
    from pypdf import PdfReader

    from services.billing import cashdesk, receipts

    day = date.today()  # the cash desk checks the day against the computer's own calendar
    cashdesk.close_day(db, owner, day=day, counted_cash=0)
    path = receipts.day_report_pdf(db, owner, day, tmp_path / "day.pdf")

    closed = cashdesk.day_report(db, owner, day=day).closed_at  # stored in UTC
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    local = closed.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Shanghai"))
    assert f"Closed 已结 {local:%Y-%m-%d %H:%M}" in text and f"{closed:%Y-%m-%d %H:%M}" not in text
