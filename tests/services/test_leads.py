"""Leads: the pipeline and its rules, the lost confirmation, who works which lead, follow-up tasks,
test drives with the licence checked, the board, the list and the timeline's SQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from core.errors import NotFound, PermissionDenied, ValidationError
from services import lists
from services.customers import timeline
from services.sales import leads
from services.sales.leads import LeadInput, TaskInput, TestDriveInput
from tests.services.sales_samples import showroom
from tests.services.samples import count, raw_rows

TODAY = date.today()


@pytest.fixture
def room(db, owner):
    return showroom(db, owner)


def _lead(db, actor, room, **kw) -> str:
    data = LeadInput(customer_id=room.customer_id, source="walk_in", make="BYD", model="Han", budget=25_000_000,
                     **kw)
    return leads.create(db, actor, data)


def _licence(**kw) -> TestDriveInput:
    base = dict(licence_number="310101199001011234", licence_expires_on=TODAY + timedelta(days=400),
                licence_checked=True, demo_car="Demo Han EV")
    base.update(kw)
    return TestDriveInput(**base)


def test_a_salesperson_creates_a_lead_for_a_new_customer_made_on_the_spot(db, room, db_path):
    lead_id = leads.create(db, room.sales, LeadInput(customer_name="李娜", customer_phone="13800138000",
                                                    source="phone", make="Tesla", model="Model Y",
                                                    budget=30_000_000, notes="wants white"))
    view = leads.get(db, room.sales, lead_id)
    assert (view.customer_name, view.status, view.salesperson, view.source, view.budget) == (
        "李娜", "new", "ann", "phone", 30_000_000)
    assert view.phone.endswith("13800138000")
    assert view.stage_changed_by == "ann"
    assert raw_rows(db_path, "SELECT count(*) FROM audit_entry WHERE entity = 'lead'")[0][0] == 1


def test_a_new_customer_needs_a_valid_phone_and_nothing_is_written_without_one(db, room, db_path):
    before = count(db_path, "customer")
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.sales, LeadInput(customer_name="李娜", customer_phone=""))
    assert exc.value.field == "customer_phone"
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.sales, LeadInput(customer_name="李娜", customer_phone="12"))
    assert exc.value.field == "customer_phone"
    assert count(db_path, "customer") == before and count(db_path, "lead") == 0


def test_bad_source_budget_and_salesperson_are_refused(db, room):
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, source="tv"))
    assert exc.value.field == "source"
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, budget=-1))
    assert exc.value.field == "budget"
    # A salesperson takes their own leads; a manager gives them to salespeople, not to viewers.
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.sales, LeadInput(customer_id=room.customer_id, salesperson="bob"))
    assert exc.value.field == "salesperson"
    with pytest.raises(ValidationError) as exc:
        leads.create(db, room.manager, LeadInput(customer_id=room.customer_id, salesperson="vic"))
    assert exc.value.field == "salesperson"
    assert leads.get(db, room.manager, _lead(db, room.manager, room, salesperson="bob")).salesperson == "bob"


def test_the_pipeline_moves_forward_freely_and_back_one_stage(db, room):
    lead_id = _lead(db, room.sales, room)
    leads.move(db, room.sales, lead_id, "contacted")
    leads.move(db, room.sales, lead_id, "quotation")
    with pytest.raises(ValidationError, match="back one stage"):
        leads.move(db, room.sales, lead_id, "new")
    leads.move(db, room.sales, lead_id, "test_drive")
    assert leads.get(db, room.sales, lead_id).status == "test_drive"
    for closed in ("won", "lost"):
        with pytest.raises(ValidationError) as exc:
            leads.move(db, room.sales, lead_id, closed)
        assert exc.value.field == "status"


def test_every_move_is_audited_with_who_and_when(db, room, db_path):
    lead_id = _lead(db, room.sales, room)
    leads.move(db, room.sales, lead_id, "contacted")
    rows = raw_rows(db_path, "SELECT actor, before, after FROM audit_entry WHERE entity = 'lead' AND action = 'update'")
    assert len(rows) == 1 and rows[0][0] == "ann"
    assert '"new"' in rows[0][1] and '"contacted"' in rows[0][2]


def test_a_salespersons_lost_waits_for_the_managers_confirmation(db, room):
    lead_id = _lead(db, room.sales, room)
    with pytest.raises(ValidationError) as exc:
        leads.request_lost(db, room.sales, lead_id, "price", "")
    assert exc.value.field == "lost_reason"
    with pytest.raises(ValidationError) as exc:
        leads.request_lost(db, room.sales, lead_id, "weather", "too hot")
    assert exc.value.field == "lost_code"
    assert leads.request_lost(db, room.sales, lead_id, "bought_elsewhere", "bought at the 4S shop nearby") == (
        "lost_pending")
    view = leads.get(db, room.sales, lead_id)
    assert (view.status, view.lost_pending, view.lost_code, view.lost_requested_by) == (
        "new", True, "bought_elsewhere", "ann")
    # Until confirmed the lead no longer moves, and a salesperson cannot confirm it.
    with pytest.raises(ValidationError, match="awaiting confirmation"):
        leads.move(db, room.sales, lead_id, "contacted")
    with pytest.raises(PermissionDenied):
        leads.confirm_lost(db, room.sales, lead_id)
    leads.confirm_lost(db, room.manager, lead_id)
    view = leads.get(db, room.manager, lead_id)
    assert (view.status, view.closed_on, view.stage_changed_by) == ("lost", date.today(), "boss")


def test_the_manager_reopens_a_lost_request_or_a_lost_lead(db, room):
    lead_id = _lead(db, room.sales, room)
    leads.move(db, room.sales, lead_id, "contacted")
    leads.request_lost(db, room.sales, lead_id, "no_response", "three calls unanswered")
    with pytest.raises(PermissionDenied):
        leads.reopen(db, room.sales, lead_id)
    leads.reopen(db, room.manager, lead_id)
    view = leads.get(db, room.sales, lead_id)
    assert (view.status, view.lost_pending, view.lost_code) == ("contacted", False, "")
    # The manager's own "lost" needs no confirmation; reopened, the lead is contacted again.
    assert leads.request_lost(db, room.manager, lead_id, "price", "too dear") == "lost"
    assert leads.get(db, room.manager, lead_id).status == "lost"
    with pytest.raises(ValidationError):
        leads.add_task(db, room.sales, lead_id, TaskInput(TODAY, "call back"))
    leads.reopen(db, room.manager, lead_id)
    view = leads.get(db, room.manager, lead_id)
    assert (view.status, view.closed_on, view.lost_reason) == ("contacted", None, "")


def test_a_salesperson_sees_and_works_only_their_own_leads_a_manager_all(db, room):
    mine = _lead(db, room.sales, room)
    theirs = _lead(db, room.sales2, room)
    with pytest.raises(NotFound):
        leads.get(db, room.sales, theirs)
    with pytest.raises(NotFound):
        leads.move(db, room.sales, theirs, "contacted")
    state = lists.ListState()
    assert {r[0] for r in lists.fetch_page(db, room.sales, "leads", state, limit=50).rows} == {mine}
    assert lists.count(db, room.manager, "leads", state) == 2
    assert lists.count(db, room.viewer, "leads", state) == 2
    board = leads.board(db, room.sales)
    assert [c.id for col in board.columns for c in col.cards] == [mine]
    # Viewers see but do not change.
    with pytest.raises(PermissionDenied):
        leads.move(db, room.viewer, mine, "contacted")
    leads.move(db, room.manager, theirs, "contacted")


def test_the_deal_service_quotes_and_wins_a_lead_with_deal_edit(db, room, db_path):
    lead_id = _lead(db, room.sales, room)
    leads.request_lost(db, room.sales, lead_id, "postponed", "next year")
    from store.uow import UnitOfWork

    with UnitOfWork(db, room.sales) as uow:
        leads.quoted_in(uow, lead_id)
        uow.commit()
    view = leads.get(db, room.sales, lead_id)
    assert (view.status, view.lost_pending) == ("quotation", False)
    with UnitOfWork(db, room.viewer) as uow, pytest.raises(PermissionDenied):
        leads.won_in(uow, lead_id, "nope")
    with UnitOfWork(db, room.sales) as uow, pytest.raises(NotFound):
        leads.won_in(uow, lead_id, "no-such-deal")
    with UnitOfWork(db, room.sales) as uow:
        uow.execute(text("INSERT INTO deal (id, created_at, created_by, updated_at, updated_by, number, status, "
                         "customer_id, lead_id, salesperson, quoted_on, cancel_reason, notes, price, discount, total, "
                         "gross_profit) VALUES ('d1', '2026-01-01', 'ann', '2026-01-01', 'ann', 'D-1', 'ordered', "
                         ":c, :l, 'ann', '2026-01-01', '', '', 0, 0, 0, 0)"),
                    {"c": room.customer_id, "l": lead_id}, touches={"deal": ["d1"]})
        leads.won_in(uow, lead_id, "d1")
        uow.commit()
    view = leads.get(db, room.sales, lead_id)
    assert (view.status, view.closed_on) == ("won", date.today())


def test_follow_up_tasks_are_due_overdue_done_and_schedule_the_next(db, room, db_path):
    lead_id = _lead(db, room.sales, room)
    with pytest.raises(ValidationError) as exc:
        leads.add_task(db, room.sales, lead_id, TaskInput(TODAY - timedelta(days=1), "call"))
    assert exc.value.field == "due_on"
    with pytest.raises(ValidationError) as exc:
        leads.add_task(db, room.sales, lead_id, TaskInput(TODAY, " "))
    assert exc.value.field == "what"
    today_id = leads.add_task(db, room.sales, lead_id, TaskInput(TODAY, "Call about the test drive"))
    later_id = leads.add_task(db, room.sales, lead_id, TaskInput(TODAY + timedelta(days=3), "Send brochure"))
    # Made overdue by time passing.
    from tests.services.samples import raw_execute
    raw_execute(db_path, "UPDATE lead_task SET due_on = ? WHERE id = ?",
                ((TODAY - timedelta(days=2)).isoformat(), later_id))
    due = leads.follow_ups(db, room.sales)
    assert [(f.id, f.overdue) for f in due] == [(later_id, True), (today_id, False)]
    assert leads.follow_ups(db, room.sales2) == []
    with pytest.raises(ValidationError) as exc:
        leads.complete_task(db, room.sales, today_id, "")
    assert exc.value.field == "outcome"
    next_id = leads.complete_task(db, room.sales, today_id, "Booked for Saturday",
                                  next_task=TaskInput(TODAY + timedelta(days=5), "Confirm the booking"))
    view = leads.get(db, room.sales, lead_id)
    done = next(t for t in view.tasks if t.id == today_id)
    assert (done.done_by, done.outcome) == ("ann", "Booked for Saturday")
    assert next(t for t in view.tasks if t.id == next_id).assigned_to == "ann"
    with pytest.raises(ValidationError, match="already done"):
        leads.complete_task(db, room.sales, today_id, "again")
    state = lists.ListState(filters={"due": True})
    assert [r[0] for r in lists.fetch_page(db, room.sales, "lead_tasks", state, limit=10).rows] == [later_id]
    overdue = lists.ListState(filters={"overdue": True})
    assert [r[0] for r in lists.fetch_page(db, room.sales, "leads", overdue, limit=10).rows] == [lead_id]


@pytest.mark.parametrize("change, field", [
    (dict(licence_checked=False), "licence_checked"),
    (dict(licence_expires_on=TODAY - timedelta(days=1)), "licence_expires_on"),
    (dict(licence_expires_on=None), "licence_expires_on"),
    (dict(licence_number=" "), "licence_number"),
    (dict(demo_car="", vehicle=""), "vehicle"),
    (dict(demo_car="", vehicle="NO-SUCH-CAR"), "vehicle"),
    (dict(odometer_out=120, odometer_in=100), "odometer_in"),
    (dict(started_at=datetime.utcnow() + timedelta(days=7)), "started_at"),
])
def test_a_test_drive_without_a_checked_valid_licence_is_refused_and_changes_nothing(db, room, db_path, change,
                                                                                      field):
    lead_id = _lead(db, room.sales, room)
    with pytest.raises(ValidationError) as exc:
        leads.log_test_drive(db, room.sales, lead_id, _licence(**change))
    assert exc.value.field == field
    assert count(db_path, "test_drive") == 0
    assert leads.get(db, room.sales, lead_id).status == "new"


def test_logging_a_test_drive_moves_a_new_lead_to_test_drive_and_keeps_a_quotation(db, room, db_path):
    lead_id = _lead(db, room.sales, room)
    drive_id = leads.log_test_drive(db, room.sales, lead_id, _licence(odometer_out=12, odometer_in=31,
                                                                      ended_at=datetime.utcnow() + timedelta(hours=1)))
    view = leads.get(db, room.sales, lead_id)
    assert view.status == "test_drive"
    assert [(d.id, d.vehicle, d.odometer_in, d.salesperson) for d in view.test_drives] == [
        (drive_id, "Demo Han EV", 31, "ann")]
    leads.move(db, room.sales, lead_id, "quotation")
    leads.log_test_drive(db, room.sales, lead_id, _licence())
    assert leads.get(db, room.sales, lead_id).status == "quotation"
    # The customer timeline reads the drives and tasks of the customer.
    leads.add_task(db, room.sales, lead_id, TaskInput(TODAY, "Call"))
    entries = timeline.timeline(db, room.manager, room.customer_id)
    drives = [e for e in entries if e.kind == "test_drive"]
    assert len(drives) == 2 and drives[0].title == "Demo Han EV" and drives[0].ref_id == lead_id
    assert drives[0].open_kind == "lead"
    assert [(e.title, e.ref_id) for e in entries if e.kind == "task"] == [("Call", lead_id)]


def test_the_board_shows_open_stages_with_counts_limited_cards_and_lost_requests_apart(db, room):
    ids = [_lead(db, room.sales, room) for _ in range(4)]
    leads.move(db, room.sales, ids[1], "contacted")
    leads.request_lost(db, room.sales, ids[2], "price", "too dear")
    leads.move(db, room.manager, ids[3], "contacted")
    leads.request_lost(db, room.manager, ids[3], "price", "too dear")
    leads.add_task(db, room.sales, ids[0], TaskInput(TODAY + timedelta(days=2), "Call"))
    board = leads.board(db, room.manager, limit=1)
    by_key = {c.key: c for c in board.columns}
    assert list(by_key) == ["new", "contacted", "test_drive", "quotation", "lost_pending"]
    assert (by_key["new"].count, by_key["contacted"].count, by_key["lost_pending"].count) == (1, 1, 1)
    assert by_key["new"].cards[0].next_task_due == TODAY + timedelta(days=2)
    assert [c.id for c in by_key["lost_pending"].cards] == [ids[2]]
    for _ in range(3):
        _lead(db, room.sales, room)
    board = leads.board(db, room.manager, limit=2)
    new = board.columns[0]
    assert new.count == 4 and len(new.cards) == 2


def test_the_overdue_and_due_filters_work_for_a_manager_who_sees_every_lead(db, room, db_path):
    lead_id = _lead(db, room.sales, room)
    task_id = leads.add_task(db, room.sales, lead_id, TaskInput(TODAY, "Call"))
    from tests.services.samples import raw_execute
    raw_execute(db_path, "UPDATE lead_task SET due_on = ? WHERE id = ?", ((TODAY - timedelta(days=1)).isoformat(),
                                                                           task_id))
    for actor in (room.manager, room.owner):
        page = lists.fetch_page(db, actor, "leads", lists.ListState(filters={"overdue": True}), limit=10)
        assert [r[0] for r in page.rows] == [lead_id]
        page = lists.fetch_page(db, actor, "lead_tasks", lists.ListState(filters={"due": True}), limit=10)
        assert [r[0] for r in page.rows] == [task_id]


def test_a_test_drive_names_a_known_car_by_its_vin_or_stock_number(db, room, owner, db_path):
    from services import vehicles
    from tests.services.samples import chinese_vin

    vin = chinese_vin(7)
    vehicle_id = vehicles.create(db, owner, vehicles.VehicleInput(vin=vin, make="Volkswagen", model="Lavida"))
    lead_id = _lead(db, room.sales, room)
    leads.log_test_drive(db, room.sales, lead_id, _licence(demo_car="", vehicle=vin.lower()))
    assert raw_rows(db_path, "SELECT vehicle_id, stock_vehicle_id FROM test_drive") == [(vehicle_id, None)]
    assert leads.get(db, room.sales, lead_id).test_drives[0].vehicle == f"Volkswagen Lavida {vin}"


def test_the_customer_timeline_names_the_salesperson_not_the_login(db, owner, room):
    from services import users

    users.create_user(db, owner, username="mei", password="password-123", role="salesperson", display_name="王芳")
    mei = users.login(db, "mei", "password-123")
    lead_id = _lead(db, mei, room)
    leads.add_task(db, mei, lead_id, TaskInput(TODAY, "Call"))
    shown = {e.kind: e.detail for e in timeline.timeline(db, room.manager, room.customer_id)}
    assert shown["lead"] == "王芳" and shown["task"] == "王芳"
