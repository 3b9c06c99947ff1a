"""Appointments: capacity per resource and for the workshop, bookings refused in the past, over a
busy bay or beyond capacity (unless overbooked by someone who may, audited), moving, cancelling,
no-shows, arrival into a repair order in the same transaction, and tomorrow's list."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from core.errors import PermissionDenied, ValidationError
from models.admin import AuditEntry
from models.appointments import Appointment
from models.workshop import RepairJob, RepairLabourLine, RepairOrder
from services import users
from services.workshop import appointments as appts
from services.workshop import catalogue
from services.workshop.appointments import AppointmentInput, ResourceInput, ShiftInput
from services.workshop.catalogue import OperationInput
from tests.services.workshop_samples import shop

WEEKDAYS = [ShiftInput(d, 8 * 60, 17 * 60, 60) for d in range(5)]  # 8 h a day, Monday to Friday


def next_weekday(after: date) -> date:
    day = after + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.fixture
def workshop(db, owner):
    """A shop with two technicians (Li full time, the apprentice Chen at 50 %), an advisor, two bays,
    and two labour operations."""
    s = shop(db, owner)
    for name, role in (("li", "technician"), ("chen", "technician"), ("zhang", "service_advisor")):
        users.create_user(db, owner, username=name, display_name=name.title(), role=role,
                          password="secret-pass-1")
    appts.set_resource(db, owner, ResourceInput("technician", "li", 100, WEEKDAYS))
    appts.set_resource(db, owner, ResourceInput("technician", "chen", 50, WEEKDAYS))
    appts.set_resource(db, owner, ResourceInput("advisor", "zhang", 100, WEEKDAYS))
    bays = [appts.set_resource(db, owner, ResourceInput("bay", name, 100, WEEKDAYS)) for name in ("B1", "B2")]
    catalogue.create_operation(db, owner, OperationInput("SVC-10", "Oil service", "Maintenance", 80))
    catalogue.create_operation(db, owner, OperationInput("BRK-01", "Front brake pads", "Brakes", 120))
    return s, bays


def booking(s, day: date, hour: int = 9, **kw) -> AppointmentInput:
    kw.setdefault("requested_work", "Oil service")
    kw.setdefault("booked_hours", 100)
    return AppointmentInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id, starts_at=at(day, hour), **kw)


def test_capacity_is_shift_hours_times_availability_per_resource_and_summed_for_the_workshop(db, owner, workshop):
    day = next_weekday(date.today())
    cal = appts.calendar(db, owner, day, 1)
    by_name = {r.name: r for r in cal.resources}
    assert cal.load(day, by_name["li"].id).capacity == 800
    assert cal.load(day, by_name["chen"].id).capacity == 400  # the apprentice at 50 %
    assert cal.load(day, by_name["B1"].id).capacity == 800
    assert cal.load(day, None).capacity == 1200  # the technicians' hours, not the bays' or advisor's
    saturday = day + timedelta(days=(5 - day.weekday()) % 7)
    assert appts.calendar(db, owner, saturday, 1).load(saturday, None).capacity == 0


def test_booking_with_operations_books_their_standard_hours_and_shows_on_the_calendar(db, owner, workshop):
    s, bays = workshop
    day = next_weekday(date.today())
    aid = appts.book(db, owner, booking(s, day, operation_codes=["svc-10", "BRK-01"], booked_hours=None,
                                        requested_work="", technician="li", bay_id=bays[0]))
    view = appts.get(db, owner, aid)
    assert view.booked_hours == 200 and [o.code for o in view.operations] == ["SVC-10", "BRK-01"]
    assert view.requested_work == "Oil service; Front brake pads"
    assert view.ends_at == at(day, 11)
    cal = appts.calendar(db, owner, day, 1)
    li = next(r for r in cal.resources if r.name == "li")
    assert cal.load(day, li.id).booked == 200 and cal.load(day, bays[0]).booked == 200
    assert cal.load(day, None).booked == 200


def test_a_booking_in_the_past_is_refused(db, owner, workshop):
    s, _bays = workshop
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, date.today() - timedelta(days=1)))
    assert err.value.field == "starts_at"


def test_a_booking_overlapping_the_same_bay_is_refused_and_another_bay_is_fine(db, owner, workshop):
    s, bays = workshop
    day = next_weekday(date.today())
    appts.book(db, owner, booking(s, day, 9, booked_hours=200, bay_id=bays[0]))
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 10, bay_id=bays[0]))
    assert err.value.field == "bay_id" and "09:00" in str(err.value)
    appts.book(db, owner, booking(s, day, 10, bay_id=bays[1]))
    appts.book(db, owner, booking(s, day, 11, bay_id=bays[0]))  # the first one has left by then


def test_beyond_capacity_is_refused_unless_overbooked_with_permission_and_audited(db, owner, actor_for, workshop):
    s, _bays = workshop
    day = next_weekday(date.today())
    appts.book(db, owner, booking(s, day, 8, booked_hours=700, technician="li"))
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 13, booked_hours=200, technician="li"))
    assert "beyond capacity" in str(err.value)
    # The apprentice still has room; the workshop as a whole too.
    appts.book(db, owner, booking(s, day, 13, booked_hours=200, technician="chen"))
    advisor = actor_for("service_advisor")
    with pytest.raises(PermissionDenied):
        appts.book(db, advisor, booking(s, day, 14, booked_hours=200, technician="li",
                                        overbook_reason="Fleet customer"))
    foreman = actor_for("foreman")
    aid = appts.book(db, foreman, booking(s, day, 14, booked_hours=200, technician="li",
                                          overbook_reason="Fleet customer"))
    assert appts.get(db, owner, aid).overbooked_reason == "Fleet customer"
    with db.read() as conn:
        entry = conn.execute(select(AuditEntry.entity_id, AuditEntry.summary)
                             .where(AuditEntry.action == "overbook")).one()
    assert entry.entity_id == aid and "Fleet customer" in entry.summary
    # The whole workshop (12 h) is beyond capacity too now: anyone's booking there is refused.
    with pytest.raises(ValidationError):
        appts.book(db, owner, booking(s, day, 15, booked_hours=300))
    # The accepted overbooking stands while the booking keeps its day, technician and hours…
    appts.update(db, advisor, aid, booking(s, day, 15, booked_hours=200, technician="li",
                                           parts_note="Brake fluid"))
    assert appts.get(db, owner, aid).overbooked_reason == "Fleet customer"
    # …but more hours need a new decision.
    with pytest.raises(ValidationError):
        appts.update(db, advisor, aid, booking(s, day, 15, booked_hours=300, technician="li"))


def test_no_capacity_check_while_no_technician_is_set_up(db, owner):
    s = shop(db, owner)
    day = next_weekday(date.today())
    aid = appts.book(db, owner, booking(s, day, booked_hours=5000))
    assert appts.get(db, owner, aid).status == "booked"


def test_moving_a_booking_is_audited_and_checked_like_a_booking(db, owner, workshop):
    s, bays = workshop
    day = next_weekday(date.today())
    first = appts.book(db, owner, booking(s, day, 9, bay_id=bays[0], promised_at=at(day, 12)))
    second = appts.book(db, owner, booking(s, day, 14, bay_id=bays[0]))
    with pytest.raises(ValidationError):
        appts.move(db, owner, second, at(day, 9, 30))
    later = next_weekday(day)
    appts.move(db, owner, second, at(later, 10))
    view = appts.get(db, owner, second)
    assert view.starts_at == at(later, 10) and view.bay_id == bays[0]
    appts.move(db, owner, first, at(day, 10), bay_id=bays[1])
    moved = appts.get(db, owner, first)
    assert moved.bay_id == bays[1] and moved.promised_at == at(day, 13)  # the promise moves with it
    with db.read() as conn:
        summaries = list(conn.execute(select(AuditEntry.summary).where(AuditEntry.action == "reschedule",
                                                                       AuditEntry.entity_id == second)).scalars())
    assert summaries == [f"Moved from {day:%Y-%m-%d} 14:00 to {later:%Y-%m-%d} 10:00"]
    with pytest.raises(ValidationError):
        appts.move(db, owner, second, datetime.now() - timedelta(hours=2))


def test_cancelling_needs_a_reason_and_frees_the_bay_and_capacity(db, owner, workshop):
    s, bays = workshop
    day = next_weekday(date.today())
    aid = appts.book(db, owner, booking(s, day, 9, bay_id=bays[0], booked_hours=300))
    with pytest.raises(ValidationError) as err:
        appts.cancel(db, owner, aid, "  ")
    assert err.value.field == "reason"
    appts.cancel(db, owner, aid, "Customer sold the car")
    view = appts.get(db, owner, aid)
    assert view.status == "cancelled" and view.cancel_reason == "Customer sold the car"
    assert appts.calendar(db, owner, day, 1).load(day, None).booked == 0
    appts.book(db, owner, booking(s, day, 9, bay_id=bays[0]))
    with pytest.raises(ValidationError):
        appts.cancel(db, owner, aid, "again")


def test_a_no_show_is_recorded_only_once_the_time_has_come(db, owner, workshop, monkeypatch):
    s, _bays = workshop
    day = next_weekday(date.today())
    aid = appts.book(db, owner, booking(s, day, 9))
    with pytest.raises(ValidationError):
        appts.no_show(db, owner, aid)
    monkeypatch.setattr(appts, "local_now", lambda: at(day, 11))
    appts.no_show(db, owner, aid)
    assert appts.get(db, owner, aid).status == "no_show"
    assert appts.calendar(db, owner, day, 1).load(day, None).booked == 0
    with pytest.raises(ValidationError):
        appts.arrive(db, owner, aid, mileage_in=12_000)


def test_arriving_opens_the_repair_order_with_the_booked_work_in_one_transaction(db, owner, workshop):
    s, _bays = workshop
    day = next_weekday(date.today())
    aid = appts.book(db, owner, booking(s, day, 9, operation_codes=["BRK-01"], booked_hours=None,
                                        requested_work="Squeal when braking", technician="li",
                                        promised_at=at(day, 16)))
    ro_id, number = appts.arrive(db, owner, aid, mileage_in=12_500)
    view = appts.get(db, owner, aid)
    assert view.status == "arrived" and view.repair_order_id == ro_id and view.repair_order_number == number
    with db.read() as conn:
        ro = conn.execute(select(RepairOrder.concerns, RepairOrder.mileage_in, RepairOrder.promised_at)
                          .where(RepairOrder.id == ro_id)).one()
        assert tuple(ro) == ("Squeal when braking", 12_500, at(day, 16))
        lines = conn.execute(select(RepairLabourLine.operation_code, RepairLabourLine.hours,
                                    RepairLabourLine.technician).join(RepairJob)
                             .where(RepairJob.repair_order_id == ro_id)).all()
    assert lines == [("BRK-01", 120, "li")]
    # A refused reception (mileage below the last one) leaves the booking as it was and opens nothing.
    other = appts.book(db, owner, booking(s, day, 14))
    with pytest.raises(ValidationError):
        appts.arrive(db, owner, other, mileage_in=100)
    with db.read() as conn:
        assert conn.execute(select(Appointment.status).where(Appointment.id == other)).scalar() == "booked"
        assert len(conn.execute(select(RepairOrder.id)).all()) == 1


def test_tomorrows_list_holds_tomorrows_bookings_still_to_come_with_the_parts_to_prepare(db, owner):
    s = shop(db, owner)  # no technicians set up: tomorrow may be a Sunday
    tomorrow = date.today() + timedelta(days=1)
    appts.book(db, owner, booking(s, tomorrow, 10, parts_note="Oil filter, 5 l 5W-30"))
    early = appts.book(db, owner, booking(s, tomorrow, 8))
    gone = appts.book(db, owner, booking(s, tomorrow, 11))
    appts.cancel(db, owner, gone, "Rebooked")
    appts.book(db, owner, booking(s, tomorrow + timedelta(days=1), 9))
    listed = appts.prepare_list(db, owner)
    assert [a.starts_at.hour for a in listed] == [8, 10]
    assert listed[0].id == early and listed[1].parts_to_prepare == "Oil filter, 5 l 5W-30"


def test_a_technician_may_see_the_calendar_but_not_book(db, owner, actor_for, workshop):
    s, _bays = workshop
    tech = actor_for("technician")
    day = next_weekday(date.today())
    appts.calendar(db, tech, day, 7)
    with pytest.raises(PermissionDenied):
        appts.book(db, tech, booking(s, day))


def test_the_appointments_list_filters_tomorrows_bookings_with_their_parts(db, owner):
    from services import lists

    s = shop(db, owner)
    tomorrow = date.today() + timedelta(days=1)
    wanted = appts.book(db, owner, booking(s, tomorrow, 10, parts_note="Brake pads"))
    gone = appts.book(db, owner, booking(s, tomorrow, 11))
    appts.cancel(db, owner, gone, "Rebooked")
    appts.book(db, owner, booking(s, tomorrow + timedelta(days=1), 9))
    state = lists.ListState(filters={"day": (tomorrow, tomorrow), "status": "booked"})
    page = lists.fetch_page(db, owner, "appointments", state, limit=50)
    columns = [c.key for c in lists.REGISTRY["appointments"].columns]
    assert [(r[0], r[1 + columns.index("parts_note")]) for r in page.rows] == [(wanted, "Brake pads")]
    assert len(lists.fetch_page(db, owner, "appointments", lists.ListState(), limit=50).rows) == 3


def test_the_parts_to_prepare_add_up_the_booked_operations_kits_against_what_is_available(db, owner, tmp_path):
    import openpyxl

    from services.parts import stock

    s = shop(db, owner)  # 20 oil filters and 20 brake pads in stock
    stock.reserve(db, owner, s.parts[1], 15_000, "RO-OTHER")  # 5 brake pads left available
    catalogue.create_operation(db, owner, OperationInput("SVC-10", "Oil service", "Maintenance", 80, parts=[
        catalogue.KitPartInput(part_id=s.parts[0], quantity=1000)]))
    catalogue.create_operation(db, owner, OperationInput("BRK-01", "Front brake pads", "Brakes", 120, parts=[
        catalogue.KitPartInput(part_id=s.parts[1], quantity=4000), catalogue.KitPartInput(part_id=s.parts[0],
                                                                                         quantity=500)]))
    tomorrow = date.today() + timedelta(days=1)
    both = appts.book(db, owner, booking(s, tomorrow, 8, operation_codes=["SVC-10", "BRK-01"], parts_note="Wipers"))
    appts.book(db, owner, booking(s, tomorrow, 10, operation_codes=["BRK-01"]))
    gone = appts.book(db, owner, booking(s, tomorrow, 13, operation_codes=["BRK-01"]))
    appts.cancel(db, owner, gone, "Rebooked")
    appts.book(db, owner, booking(s, tomorrow + timedelta(days=1), 9, operation_codes=["BRK-01"]))
    first = appts.get(db, owner, both)
    assert [(p.part_number, p.quantity) for p in first.parts] == [("0986-BP-1", 4000), ("0986-OF-1", 1500)]
    assert first.parts_to_prepare == "0986-BP-1 × 4; 0986-OF-1 × 1.5; Wipers"
    needed = appts.parts_to_prepare(db, owner)
    assert [(p.part_number, p.needed, p.available, p.short, p.for_vehicles) for p in needed] == [
        ("0986-BP-1", 8000, 5000, 3000, ("沪A00001",)), ("0986-OF-1", 2000, 20_000, 0, ("沪A00001",))]
    path = tmp_path / "prepare.xlsx"
    assert appts.export_parts_to_prepare(db, owner, path) == 3
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == list(appts.PREPARE_COLUMNS)
    assert rows[1][:6] == ["0986-BP-1", "Brake pads", None, 8, 5, 3]
    # The typed note of a booking is prepared too, as its own row; a range of days adds up.
    assert [(r[0], r[1], r[6]) for r in rows[3:]] == [(None, "Wipers", "沪A00001")]
    two = appts.prepare(db, owner, on=tomorrow, until=tomorrow + timedelta(days=1))
    assert (two.bookings, [(p.part_number, p.needed) for p in two.parts]) == (
        3, [("0986-BP-1", 12_000), ("0986-OF-1", 2_500)])
    with pytest.raises(ValidationError) as refused:
        appts.export_parts_to_prepare(db, owner, tmp_path / "x.csv", start=tomorrow, end=tomorrow - timedelta(days=1))
    assert refused.value.field == "end"


def test_a_booking_keeps_to_the_working_hours_of_its_day_and_never_crosses_midnight(db, owner, actor_for,
                                                                                   workshop):
    s, bays = workshop
    day = next_weekday(date.today())
    advisor, foreman = actor_for("service_advisor"), actor_for("foreman")
    # Neither a technician nor a bay named: the workshop's opening (08:00–17:00) counts.
    for refused in (booking(s, day, 23, booked_hours=300), booking(s, day, 4), booking(s, day, 7),
                    booking(s, day, 16, booked_hours=150)):
        with pytest.raises(appts.NeedsOverbooking) as err:
            appts.book(db, advisor, refused)
        assert err.value.field == "starts_at" and "working hours of the workshop (08:00–17:00)" in str(err.value)
        assert "ask the foreman" in str(err.value) and "overbook" not in str(err.value)
    late = booking(s, day, 23, booked_hours=300)
    late.starts_at = at(day, 23, 30)
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, late)
    assert f"from 23:30 to {day + timedelta(days=1):%Y-%m-%d} 02:30 on {day:%Y-%m-%d}" in str(err.value)
    assert "or overbook with a reason" in str(err.value)
    appts.book(db, advisor, booking(s, day, 8))
    appts.book(db, advisor, booking(s, day, 16))  # its bay time ends at 17:00
    # The technician's shift and the bay's count when they are named.
    with pytest.raises(ValidationError) as err:
        appts.book(db, advisor, booking(s, day, 16, booked_hours=150, technician="li"))
    assert "working hours of Li (08:00–17:00)" in str(err.value)
    appts.set_resource(db, owner, ResourceInput("bay", "B2", 100, [ShiftInput(d, 10 * 60, 15 * 60) for d in range(5)]))
    with pytest.raises(ValidationError) as err:
        appts.book(db, advisor, booking(s, day, 9, bay_id=bays[1]))
    assert "working hours of B2 (10:00–15:00)" in str(err.value)
    # A day nobody works is closed.
    saturday = day + timedelta(days=(5 - day.weekday()) % 7)
    with pytest.raises(ValidationError) as err:
        appts.book(db, advisor, booking(s, saturday, 9))
    assert str(err.value) == (f"starts_at: The workshop does not work on {saturday:%Y-%m-%d}: choose another day, "
                              "or ask the foreman")
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, saturday, 9, technician="li"))
    assert f"Li does not work on {saturday:%Y-%m-%d}: choose another day, or overbook with a reason" in str(err.value)
    # Outside the hours only with a reason, by someone who may; audited.
    with pytest.raises(PermissionDenied):
        appts.book(db, advisor, booking(s, day, 18, overbook_reason="Fleet customer after hours"))
    aid = appts.book(db, foreman, booking(s, day, 18, overbook_reason="Fleet customer after hours"))
    assert appts.get(db, owner, aid).overbooked_reason == "Fleet customer after hours"
    with db.read() as conn:
        summaries = list(conn.execute(select(AuditEntry.summary).where(AuditEntry.action == "overbook",
                                                                       AuditEntry.entity_id == aid)).scalars())
    assert summaries == [f"Booked from 18:00 to 19:00 on {day:%Y-%m-%d} outside working hours: Fleet customer "
                         "after hours"]
    # It stands while its time stays (a note changes); a new time needs a new decision.
    appts.update(db, advisor, aid, booking(s, day, 18, parts_note="Wipers"))
    assert appts.get(db, owner, aid).overbooked_reason == "Fleet customer after hours"
    with pytest.raises(ValidationError):
        appts.move(db, advisor, aid, at(day, 19))
    appts.move(db, advisor, aid, at(day, 14))  # back within the hours: no reason needed any more
    assert appts.get(db, owner, aid).overbooked_reason == ""


def test_a_move_into_the_evening_before_is_refused_and_the_foreman_may_overbook_it(db, owner, actor_for, workshop):
    s, _bays = workshop
    day = next_weekday(next_weekday(date.today()))
    before = day - timedelta(days=1)
    aid = appts.book(db, owner, booking(s, day, 8, technician="li"))
    with pytest.raises(ValidationError) as err:
        appts.move(db, actor_for("service_advisor"), aid, at(before, 22))
    assert err.value.field == "starts_at"
    if before.weekday() < 5:
        assert "working hours of Li (08:00–17:00)" in str(err.value)
    appts.move(db, actor_for("foreman"), aid, at(before, 22), overbook_reason="Night shift for the fleet")
    moved = appts.get(db, owner, aid)
    assert moved.starts_at == at(before, 22) and moved.overbooked_reason == "Night shift for the fleet"


def test_nothing_is_refused_for_hours_while_no_resource_has_working_hours(db, owner):
    s = shop(db, owner)
    day = next_weekday(date.today())
    late = booking(s, day, 23, booked_hours=300)
    late.starts_at = at(day, 23, 30)
    appts.book(db, owner, late)
    appts.book(db, owner, booking(s, day + timedelta(days=1), 4))
    assert appts.working_hours(appts.resources(db, owner), day) == []


def test_refusals_name_people_as_the_calendar_does_and_tell_only_who_may_to_overbook(db, owner, actor_for,
                                                                                    workshop):
    s, _bays = workshop
    day = next_weekday(date.today())
    advisor = actor_for("service_advisor")
    appts.book(db, owner, booking(s, day, 8, booked_hours=700, technician="li"))
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 15, booked_hours=200, technician="li"))
    assert str(err.value) == (f"starts_at: Li is booked 7 h of 8 h on {day:%Y-%m-%d}; 2 h more is beyond capacity: "
                              "choose another day, or overbook with a reason")
    with pytest.raises(ValidationError) as err:
        appts.book(db, advisor, booking(s, day, 15, booked_hours=200, technician="li"))
    assert str(err.value) == (f"starts_at: Li is booked 7 h of 8 h on {day:%Y-%m-%d}; 2 h more is beyond capacity: "
                              "choose another day, or ask the foreman")
    # A booking of 0 h takes no capacity and is never refused for it.
    appts.book(db, owner, booking(s, day, 9, booked_hours=100, technician="li"))
    aid = appts.book(db, advisor, booking(s, day, 16, booked_hours=0, technician="li"))
    assert appts.get(db, owner, aid).overbooked_reason == ""


def test_a_closed_day_is_said_so_rather_than_booked_0_h_of_0_h(db, owner, actor_for):
    s = shop(db, owner)
    users.create_user(db, owner, username="wu", display_name="Wu Gang", role="technician", password="secret-pass-1")
    appts.set_resource(db, owner, ResourceInput("technician", "wu", 100, []))  # no working hours given yet
    day = next_weekday(date.today())
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 9))
    assert str(err.value) == (f"starts_at: The workshop does not work on {day:%Y-%m-%d}: choose another day, or "
                              "overbook with a reason")
    with pytest.raises(ValidationError) as err:
        appts.book(db, actor_for("service_advisor"), booking(s, day, 9, technician="wu"))
    assert str(err.value) == (f"starts_at: Wu Gang does not work on {day:%Y-%m-%d}: choose another day, or ask the "
                              "foreman")


def test_hours_are_refused_in_hours_not_hundredths(db, owner, workshop):
    s, _bays = workshop
    day = next_weekday(date.today())
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 9, booked_hours=-50))
    assert str(err.value) == "booked_hours: must be at least 0 h"
    with pytest.raises(ValidationError) as err:
        appts.book(db, owner, booking(s, day, 9, booked_hours=100_001))
    assert str(err.value) == "booked_hours: must be at most 1000 h"
    with pytest.raises(ValidationError) as err:
        catalogue.create_operation(db, owner, OperationInput("X-1", "Nothing", "Misc", -1))
    assert str(err.value) == "standard_hours: must be at least 0 h"
