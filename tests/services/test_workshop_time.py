"""Technicians' time: attendance, time off jobs with reasons, the foreman's audited corrections (never of
one's own times), the board's dispatch, and the efficiency and productivity reports worked out by
hand on a built day."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services.workshop import attendance, board, clocking, orders, time_reports
from services.workshop.orders import JobInput, LabourInput
from tests.services.samples import raw_rows
from tests.services.workshop_samples import repair_order, shop

DAY = date(2026, 3, 2)


def _h(lo, hours: float):
    return lo + timedelta(hours=hours)


@pytest.fixture
def people(actor_for):
    return actor_for("technician"), actor_for("foreman")


@pytest.fixture
def job(db, owner):
    s = shop(db, owner)
    ro_id, _number = repair_order(db, owner, s, on=DAY)
    return ro_id, orders.add_job(db, owner, ro_id, JobInput("Brakes squeal", pay_type="customer"))


def test_clocking_in_twice_is_refused_and_clocking_out_also_clocks_off_the_job(db, owner, people, job):
    tech, _foreman = people
    _ro, job_id = job
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance.clock_in(db, tech, at=_h(lo, 8))
    with pytest.raises(ValidationError, match="already clocked in"):
        attendance.clock_in(db, tech, at=_h(lo, 8.5))
    clocking.clock_on(db, tech, job_id, at=_h(lo, 9))
    attendance.clock_out(db, tech, at=_h(lo, 12))
    assert clocking.open_clockings(db, owner) == []
    state = attendance.status(db, tech, tech.username)
    assert state.attending_since is None and state.current is None
    assert raw_rows(db.path, "SELECT ended_at FROM clocking") == [(str(_h(lo, 12)).replace("T", " ") + ".000000",)]
    with pytest.raises(ValidationError, match="not clocked in"):
        attendance.clock_out(db, tech)


def test_clocking_on_a_job_clocks_the_technician_in(db, owner, people, job):
    tech, _foreman = people
    clocking.clock_on(db, tech, job[1])
    state = attendance.status(db, tech, tech.username)
    assert state.attending_since is not None and state.current.job_id == job[1]


def test_time_off_jobs_clocks_off_the_job_and_a_job_clocks_off_the_time_off(db, owner, people, job):
    tech, _foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    clocking.clock_on(db, tech, job[1], at=_h(lo, 8))
    attendance.start_reason(db, tech, "cleaning", at=_h(lo, 9))
    now = attendance.status(db, tech, tech.username).current
    assert (now.reason, now.job_id, now.since) == ("cleaning", None, _h(lo, 9))
    with pytest.raises(ValidationError, match="already clocked on this"):
        attendance.start_reason(db, tech, "cleaning", at=_h(lo, 9.5))
    clocking.clock_on(db, tech, job[1], at=_h(lo, 10))
    rows = raw_rows(db.path, "SELECT reason, job_id IS NULL, ended_at IS NULL FROM clocking ORDER BY started_at")
    assert rows == [("", 0, 0), ("cleaning", 1, 0), ("", 0, 1)]
    with pytest.raises(ValidationError) as refused:
        attendance.start_reason(db, tech, "smoking")
    assert refused.value.field == "reason"


def test_the_foreman_configures_reasons_and_an_inactive_one_is_not_offered(db, owner, people):
    tech, foreman = people
    assert [r.code for r in attendance.reasons(db, tech)][:3] == ["cleaning", "training", "waiting_parts"]
    with pytest.raises(PermissionDenied):
        attendance.save_reason(db, tech, "road test", "Road test")
    assert attendance.save_reason(db, foreman, "Vehicle Moves", "Moving cars in the yard") == "vehicle_moves"
    attendance.save_reason(db, foreman, "training", "Training", active=False)
    codes = [r.code for r in attendance.reasons(db, tech)]
    assert "vehicle_moves" in codes and "training" not in codes and "cleaning" in codes
    attendance.start_reason(db, tech, "vehicle_moves")
    with pytest.raises(ValidationError):
        attendance.start_reason(db, tech, "training")


def test_a_technician_may_not_clock_someone_else(db, people):
    tech, foreman = people
    with pytest.raises(PermissionDenied):
        attendance.clock_in(db, tech, technician=foreman.username)
    attendance.clock_in(db, foreman, technician=tech.username)


def test_corrections_are_the_foreman_s_never_of_their_own_times_and_are_audited(db, owner, people, job):
    tech, foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    clocking.clock_on(db, tech, job[1], at=_h(lo, 8))
    clocking.clock_off(db, tech, at=_h(lo, 11))
    clocking_id = raw_rows(db.path, "SELECT id FROM clocking")[0][0]
    # A technician may not correct times at all, their own least of all.
    with pytest.raises(PermissionDenied):
        attendance.correct_clocking(db, tech, clocking_id, started_at=_h(lo, 8), ended_at=_h(lo, 12), note="forgot")
    # The foreman's own times are refused too, however they got them.
    clocking.clock_on(db, foreman, job[1], at=_h(lo, 8))
    clocking.clock_off(db, foreman, at=_h(lo, 9))
    own = raw_rows(db.path, "SELECT id FROM clocking WHERE technician = ?", (foreman.username,))[0][0]
    before = raw_rows(db.path, "SELECT started_at, ended_at, corrected_by FROM clocking ORDER BY id")
    audits = raw_rows(db.path, "SELECT count(*) FROM audit_entry")[0][0]
    with pytest.raises(ValidationError, match="their own times"):
        attendance.correct_clocking(db, foreman, own, started_at=_h(lo, 8), ended_at=_h(lo, 10), note="longer")
    assert raw_rows(db.path, "SELECT started_at, ended_at, corrected_by FROM clocking ORDER BY id") == before
    assert raw_rows(db.path, "SELECT count(*) FROM audit_entry")[0][0] == audits
    # Without a reason, ending before starting or overlapping the technician's other times: refused.
    for kwargs, field in ((dict(started_at=_h(lo, 8), ended_at=_h(lo, 10), note=""), "note"),
                          (dict(started_at=_h(lo, 10), ended_at=_h(lo, 9), note="x"), "ended_at")):
        with pytest.raises(ValidationError) as refused:
            attendance.correct_clocking(db, foreman, clocking_id, **kwargs)
        assert refused.value.field == field
    attendance.correct_clocking(db, foreman, clocking_id, started_at=_h(lo, 8.25), ended_at=_h(lo, 10.5),
                                note="Forgot to clock off at the road test")
    row = raw_rows(db.path, "SELECT started_at, ended_at, corrected_by FROM clocking WHERE id = ?", (clocking_id,))
    assert row[0][2] == foreman.username
    entry = raw_rows(db.path, "SELECT actor, before, after, summary FROM audit_entry WHERE action = 'time_correction'")
    assert len(entry) == 1
    actor, before_json, after_json, summary = entry[0]
    assert actor == foreman.username
    assert json.loads(before_json)["started_at"] == _h(lo, 8).isoformat(sep=" ", timespec="seconds")
    assert json.loads(before_json)["ended_at"] == _h(lo, 11).isoformat(sep=" ", timespec="seconds")
    assert json.loads(after_json)["ended_at"] == _h(lo, 10.5).isoformat(sep=" ", timespec="seconds")
    assert "Forgot to clock off" in summary


def test_the_foreman_corrects_a_missing_clock_out(db, owner, people):
    tech, foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance_id = attendance.clock_in(db, tech, at=_h(lo, 8))
    attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 8), ended_at=_h(lo, 17),
                                  note="Left without clocking out")
    assert raw_rows(db.path, "SELECT ended_at IS NOT NULL, corrected_by FROM attendance") == [(1, foreman.username)]


def test_efficiency_productivity_and_flags_of_a_built_day(db, owner, people):
    tech, foreman = people
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, on=DAY)
    a = orders.add_job(db, owner, ro_id, JobInput("Brakes", pay_type="customer"))
    b = orders.add_job(db, owner, ro_id, JobInput("Service", pay_type="customer"))
    c = orders.add_job(db, owner, ro_id, JobInput("Wipers", pay_type="customer"))
    orders.add_labour(db, owner, a, LabourInput(description="Front pads", hours=250, technician=tech.username))
    orders.add_labour(db, owner, b, LabourInput(description="Oil service", hours=400, technician=tech.username))
    orders.add_labour(db, owner, c, LabourInput(description="Wiper arms", hours=100, technician=foreman.username))
    orders.add_labour(db, owner, c, LabourInput(description="Washer jets", hours=30))
    lo, _hi = attendance.local_day_bounds(DAY)
    # 08:00–17:00 in (9 h); job A 08:00–11:00 (3 h), cleaning 11:00–12:00 (1 h), job B 12:00–16:30 (4.5 h).
    attendance.clock_in(db, tech, at=_h(lo, 8))
    clocking.clock_on(db, tech, a, at=_h(lo, 8))
    attendance.start_reason(db, tech, "cleaning", at=_h(lo, 11))
    clocking.clock_on(db, tech, b, at=_h(lo, 12))
    clocking.clock_off(db, tech, at=_h(lo, 16.5))
    attendance.clock_out(db, tech, at=_h(lo, 17))
    for status in ("quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status, on=DAY)
    # The foreman clocked in the day before and never out: a missing clock-off, as is a clocking of
    # the day before that ran into this day; one open today is not missing yet.
    attendance.clock_in(db, foreman, technician=foreman.username, at=_h(lo, -15))
    late_id = attendance.start_reason(db, owner, "training", technician="owner", at=_h(lo, -2))
    attendance.clock_out(db, owner, technician="owner", at=_h(lo, 1))
    attendance.clock_in(db, owner, technician="owner", at=_h(lo, 9))

    times = {t.technician: t for t in time_reports.technician_times(db, foreman, DAY, DAY)}
    t = times[tech.username]
    assert (t.attended, t.on_jobs, t.off_jobs) == (900, 750, 100)
    assert t.productivity == Decimal("83.3")  # 7.5 / 9
    assert (t.sold, t.clocked_on_sold) == (650, 750)
    assert t.efficiency == Decimal("86.7")  # 6.5 / 7.5
    f = times[foreman.username]
    assert (f.sold, f.clocked_on_sold, f.efficiency, f.productivity) == (100, 0, None, None)
    # The owner's training crossed midnight: only the hour inside the day counts.
    assert times["owner"].off_jobs == 100

    flags = time_reports.missing_clock_offs(db, foreman, DAY - timedelta(days=1), DAY, today=DAY)
    assert [(f.kind, f.technician) for f in flags] == [("attendance", foreman.username), ("attendance", "owner"),
                                                       ("reason", "owner")]
    assert flags[2].id == late_id and flags[2].ended_at == _h(lo, 1)
    unclocked = time_reports.unclocked_hours(db, foreman, DAY, DAY)
    assert [(u.repair_order_number, u.job_no, u.technician, u.hours) for u in unclocked] == [
        (number, 3, foreman.username, 100), (number, 3, "", 30)]
    with pytest.raises(PermissionDenied):
        time_reports.technician_times(db, tech, DAY, DAY)


def test_moving_a_job_to_another_technician_moves_its_hours_sold(db, owner, people, job):
    tech, foreman = people
    ro_id, job_id = job
    orders.add_labour(db, owner, job_id, LabourInput(description="Pads", hours=120, technician=tech.username))
    orders.add_labour(db, owner, job_id, LabourInput(description="Discs", hours=80, technician="owner"))
    before = {c.job_id: c.technician for c in board.board(db, foreman).cards}
    assert before[job_id] == tech.username
    board.assign_job(db, foreman, job_id, foreman.username)
    cards = [c for c in board.board(db, foreman).cards if c.repair_order_id == ro_id]
    assert [c.technician for c in cards] == [foreman.username]
    assert sorted(raw_rows(db.path, "SELECT technician FROM repair_labour_line")) == [("owner",), (foreman.username,)]
    with pytest.raises(PermissionDenied):
        board.assign_job(db, tech, job_id, tech.username)
    with pytest.raises(ValidationError):
        board.assign_job(db, foreman, job_id, "nobody-here")


def test_the_board_shows_late_jobs_and_who_is_clocked_on(db, owner, people, job):
    tech, foreman = people
    ro_id, job_id = job
    view = orders.get(db, owner, ro_id)
    orders.update_order(db, owner, ro_id, orders.RepairOrderInput(
        customer_id=view.customer_id, vehicle_id=view.vehicle_id, mileage_in=view.mileage_in,
        promised_at=board.clock.now() - timedelta(hours=1)))
    clocking.clock_on(db, tech, job_id)
    card = next(c for c in board.board(db, foreman).cards if c.job_id == job_id)
    assert card.late and card.clocked == (tech.username,) and card.status == "in_progress"


def test_a_repair_order_is_found_by_its_number_or_the_end_of_it(db, owner, job):
    ro_id, job_id = job
    number = orders.get(db, owner, ro_id).number
    found = attendance.find_jobs(db, owner, f" {number.lower()} ")
    assert (found.id, found.clockable, [j.id for j in found.jobs]) == (ro_id, True, [job_id])
    assert attendance.find_jobs(db, owner, number[-4:]).id == ro_id
    with pytest.raises(NotFound):
        attendance.find_jobs(db, owner, "NO-SUCH-9")


def test_the_board_seeks_the_open_repair_orders_among_many_settled_ones(db, db_path, owner):
    """With hundreds of thousands of settled repair orders the planner's statistics (an average per
    status) made the board scan every vehicle and repair order: 0.7 s on the large demo. The board's
    reads must seek, never scan, repair orders, vehicles or customers."""
    import sqlite3

    from sqlalchemy import event

    from core.ids import new_id
    from models.workshop import RepairOrder
    from store.uow import UnitOfWork

    s = shop(db, owner)
    repair_order(db, owner, s)
    with UnitOfWork(db, owner) as uow:
        uow.insert(RepairOrder, [{"id": new_id(), "number": f"OLD-{i:05d}", "customer_id": s.customer_id,
                                  "vehicle_id": s.vehicle_id, "status": "closed", "mileage_in": i,
                                  "opened_on": date(2020, 1, 1) + timedelta(days=i % 1500)} for i in range(3000)],
                   audit=False)
        uow.commit()
    raw = sqlite3.connect(db_path)
    raw.execute("ANALYZE")
    raw.commit()
    statements: list[tuple[str, tuple]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, tuple(parameters) if parameters else ()))

    event.listen(db.read_engine, "before_cursor_execute", seen)
    try:
        cards = board.board(db, owner).cards
    finally:
        event.remove(db.read_engine, "before_cursor_execute", seen)
    assert {c.number for c in cards} == {orders.get(db, owner, c.repair_order_id).number for c in cards}
    assert len({c.repair_order_id for c in cards}) == 1
    plans = [[row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params)]
             for sql, params in statements if "FROM repair_order" in sql]
    raw.close()
    assert plans and all(not any(step.startswith("SCAN repair_order") for step in plan) for plan in plans), plans
    assert plans[0][0].startswith("SEARCH repair_order USING INDEX ix_repair_order_status"), plans[0]


# --- clocking rules under correction, reasons, and the files reconciling --------------------------------


def test_a_corrected_attendance_keeps_the_clockings_inside_it(db, owner, people, job):
    """The foreman ended a technician's open attendance before his running job began: the job stayed
    open with no attendance and the technician could no longer clock out."""
    tech, foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance_id = attendance.clock_in(db, tech, at=_h(lo, 8))
    running = clocking.clock_on(db, tech, job[1], at=_h(lo, 10))
    before = raw_rows(db.path, "SELECT started_at, ended_at FROM attendance")
    with pytest.raises(ValidationError, match="job 1 of") as refused:
        attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 8), ended_at=_h(lo, 9),
                                      note="Went home early")
    assert refused.value.field == "ended_at"
    # Ending it after the job began still leaves the running job outside it.
    with pytest.raises(ValidationError, match="outside the attendance"):
        attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 8), ended_at=_h(lo, 11),
                                      note="Went home")
    # Nor may its start move past a clocking inside it.
    clocking.clock_off(db, tech, at=_h(lo, 11))
    attendance.clock_out(db, tech, at=_h(lo, 12))
    with pytest.raises(ValidationError, match="outside the attendance") as refused:
        attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 10.5), ended_at=_h(lo, 12),
                                      note="Came in late")
    assert refused.value.field == "started_at"
    assert raw_rows(db.path, "SELECT started_at FROM attendance") == [before[0][:1]]
    # Shrunk around its clocking: accepted.
    attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 9.5), ended_at=_h(lo, 11.5),
                                  note="Came in late")
    assert raw_rows(db.path, "SELECT count(*) FROM clocking WHERE id = ? AND ended_at IS NOT NULL",
                    (running,)) == [(1,)]


def test_the_technician_clocks_out_after_a_refused_correction(db, owner, people, job):
    tech, foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance_id = attendance.clock_in(db, tech, at=_h(lo, 8))
    clocking.clock_on(db, tech, job[1], at=_h(lo, 10))
    with pytest.raises(ValidationError):
        attendance.correct_attendance(db, foreman, attendance_id, started_at=_h(lo, 8), ended_at=_h(lo, 9),
                                      note="Went home early")
    attendance.clock_out(db, tech, at=_h(lo, 16))
    assert raw_rows(db.path, "SELECT count(*) FROM clocking WHERE ended_at IS NULL") == [(0,)]


def test_a_clocking_is_corrected_only_within_the_technician_s_attendance(db, owner, people, job):
    """A clocking moved to a day with no attendance read as 1200% productivity."""
    tech, foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance.clock_in(db, tech, at=_h(lo, 8))
    clocking_id = clocking.clock_on(db, tech, job[1], at=_h(lo, 9))
    clocking.clock_off(db, tech, at=_h(lo, 10))
    attendance.clock_out(db, tech, at=_h(lo, 17))
    for started, ended in ((_h(lo, -15), _h(lo, -14)),  # the day before: not in at all
                           (_h(lo, 7), _h(lo, 9)),  # starts before the clock-in
                           (_h(lo, 16), _h(lo, 18))):  # ends after the clock-out
        with pytest.raises(ValidationError, match="not within one of") as refused:
            attendance.correct_clocking(db, foreman, clocking_id, started_at=started, ended_at=ended,
                                        note="Wrong day")
        assert refused.value.field == "started_at"
    assert raw_rows(db.path, "SELECT corrected_by FROM clocking") == [("",)]
    attendance.correct_clocking(db, foreman, clocking_id, started_at=_h(lo, 8), ended_at=_h(lo, 17), note="All day")
    t = time_reports.technician_times(db, foreman, DAY, DAY)[0]
    assert (t.attended, t.on_jobs, t.productivity) == (900, 900, Decimal("100.0"))


def test_job_hours_outside_attendance_never_count(db, owner, people, job):
    """Clockings outside attendance (written before the rule, or by another terminal) or clocked twice
    over count only where the technician was in: productivity is never above 100%."""
    import sqlite3

    tech, foreman = people
    other = orders.add_job(db, owner, job[0], JobInput("Service", pay_type="customer"))
    lo, _hi = attendance.local_day_bounds(DAY)
    attendance.clock_in(db, tech, at=_h(lo, 8))
    first = clocking.clock_on(db, tech, job[1], at=_h(lo, 8))
    second = clocking.clock_on(db, tech, other, at=_h(lo, 10))
    clocking.clock_off(db, tech, at=_h(lo, 12))
    attendance.clock_out(db, tech, at=_h(lo, 12))
    raw = sqlite3.connect(db.path)
    # The first runs on to 11:00 (overlapping the second), the second to 20:00, long after clocking out.
    raw.execute("UPDATE clocking SET ended_at = ? WHERE id = ?", (_h(lo, 11).isoformat(sep=" "), first))
    raw.execute("UPDATE clocking SET ended_at = ? WHERE id = ?", (_h(lo, 20).isoformat(sep=" "), second))
    raw.commit()
    raw.close()
    t = time_reports.technician_times(db, foreman, DAY, DAY)[0]
    assert (t.attended, t.on_jobs, t.productivity) == (400, 400, Decimal("100.0"))


def test_a_reason_may_not_repeat_another_s_code_or_name(db, owner, people):
    """Adding "Cleaning" replaced the built-in cleaning reason."""
    _tech, foreman = people
    for code, description, field in (("Cleaning", "Cleaning", "code"), ("cleaning", "Tidying up", "code"),
                                      ("tidy", "  CLEANING ", "description"),
                                      ("tidy", "waiting FOR parts", "description"),
                                      ("Waiting for parts", "Parts late", "code")):
        with pytest.raises(ValidationError) as refused:
            attendance.save_reason(db, foreman, code, description, new=True)
        assert refused.value.field == field, (code, description)
    assert {(r.code, r.description) for r in attendance.reasons(db, foreman)} >= {("cleaning", "Cleaning")}
    # Changing a reason under a name another has is refused too; its own name, in other letters, is not.
    with pytest.raises(ValidationError) as refused:
        attendance.save_reason(db, foreman, "training", "Cleaning")
    assert refused.value.field == "description"
    attendance.save_reason(db, foreman, "training", "TRAINING", active=False)
    assert attendance.save_reason(db, foreman, "Road test", "Road test with the customer", new=True) == "road_test"


def _csv(path):
    import csv

    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_labour_lines_file_shows_every_clocked_hour_of_a_repair_order(db, owner, people, tmp_path):
    """Only the line's own technician's time reached its line: 0.00 against 3.74 clocked."""
    from services.workshop import exports

    tech, foreman = people
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, on=DAY)
    a = orders.add_job(db, owner, ro_id, JobInput("Brakes", pay_type="customer"))
    b = orders.add_job(db, owner, ro_id, JobInput("Service", pay_type="customer"))
    orders.add_labour(db, owner, a, LabourInput(description="Front pads", hours=100, technician=foreman.username))
    orders.add_labour(db, owner, a, LabourInput(description="Discs", hours=200, technician=foreman.username))
    orders.add_labour(db, owner, a, LabourInput(description="Bleed", hours=0))
    orders.add_labour(db, owner, b, LabourInput(description="Oil service", hours=50))
    lo, _hi = attendance.local_day_bounds(DAY)
    # The technician (named on no line) clocks 2 h 13 min 20 s and 1 h 0 min 59 s on A, 25 s on B.
    attendance.clock_in(db, tech, at=_h(lo, 8))
    clocking.clock_on(db, tech, a, at=_h(lo, 8))
    clocking.clock_on(db, tech, b, at=_h(lo, 8) + timedelta(seconds=8000))
    clocking.clock_on(db, tech, a, at=_h(lo, 8) + timedelta(seconds=8025))
    clocking.clock_off(db, tech, at=_h(lo, 8) + timedelta(seconds=8025 + 3659, microseconds=600_000))
    attendance.clock_out(db, tech, at=_h(lo, 17))
    lines_file, clockings_file = tmp_path / "lines.csv", tmp_path / "clockings.csv"
    exports.export_labour_lines(db, owner, lines_file)
    time_reports.export_clockings(db, owner, clockings_file)
    lines, clocked = _csv(lines_file), _csv(clockings_file)
    per_order: dict[str, Decimal] = {}
    for row in clocked:
        per_order[row["repair_order_number"]] = per_order.get(row["repair_order_number"], Decimal(0)) + Decimal(
            row["hours"])
    in_lines: dict[str, Decimal] = {}
    for row in lines:
        in_lines[row["repair_order_number"]] = in_lines.get(row["repair_order_number"], Decimal(0)) + Decimal(
            row["hours_clocked"])
    assert in_lines == per_order == {number: Decimal("3.25")}  # 2.22 + 0.01 + 1.02 (each row as written)
    # A's 3.24 h shared by hours sold 1 : 2 : 0 (the last line would take what rounding leaves); B's 0.01 h.
    assert [Decimal(r["hours_clocked"]) for r in lines] == [Decimal("1.08"), Decimal("2.16"), Decimal("0.00"),
                                                           Decimal("0.01")]


def test_every_row_of_the_time_files_is_its_end_less_its_start(db, owner, people, job, tmp_path):
    """Times were cut to the minute while hours came from exact seconds: 07:43→08:25 read 0.71."""
    from datetime import datetime

    tech, _foreman = people
    lo, _hi = attendance.local_day_bounds(DAY)
    start = _h(lo, 7) + timedelta(minutes=43, seconds=50)
    attendance.clock_in(db, tech, at=start)
    clocking.clock_on(db, tech, job[1], at=start)
    attendance.start_reason(db, tech, "cleaning", at=start + timedelta(minutes=41, seconds=20, milliseconds=700))
    clocking.clock_on(db, tech, job[1], at=start + timedelta(hours=1, seconds=29))
    attendance.clock_out(db, tech, at=start + timedelta(hours=3, minutes=7, seconds=59, milliseconds=999))
    for export, name in ((time_reports.export_clockings, "clockings.csv"),
                         (time_reports.export_attendance, "attendance.csv")):
        export(db, owner, tmp_path / name)
        rows = _csv(tmp_path / name)
        assert rows
        for row in rows:
            spent = datetime.fromisoformat(row["ended_at"]) - datetime.fromisoformat(row["started_at"])
            assert Decimal(row["hours"]) == Decimal(time_reports.hours_of(spent.total_seconds())) / 100, row


def test_refusals_name_the_technician_as_people_call_them_not_by_login(db, owner, people, job):
    from services import users

    tech, _foreman = people
    tech_id = next(u.id for u in users.list_users(db, owner) if u.username == tech.username)
    users.update_user(db, owner, tech_id, display_name="Zhao Lei")
    ro_id, job_id = job
    lo, _hi = attendance.local_day_bounds(DAY)
    clocking.clock_on(db, tech, job_id, at=_h(lo, 9))
    with pytest.raises(ValidationError) as again:
        clocking.clock_on(db, tech, job_id, at=_h(lo, 9.5))
    assert "Zhao Lei is already clocked on this job" in str(again.value)
    with pytest.raises(ValidationError) as twice:
        attendance.clock_in(db, tech, at=_h(lo, 10))
    assert "Zhao Lei is already clocked in" in str(twice.value)
    for status in ("quality_check", "completed"):
        with pytest.raises(ValidationError) as busy:
            orders.set_status(db, owner, ro_id, status)
        if "clocked on" in str(busy.value):
            break
    assert "Zhao Lei still clocked on" in str(busy.value) and tech.username not in str(busy.value)
