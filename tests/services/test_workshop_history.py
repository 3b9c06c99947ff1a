"""Handover, the next service due, a vehicle's service history, satisfaction surveys with their
follow-up tasks, and the repair archive export, on a real database."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from core.errors import PermissionDenied, ValidationError
from models.surveys import FollowUpTask, Survey
from services import settings
from services.workshop import archive, handover, history, invoicing, orders, parts, surveys
from services.workshop.handover import HandoverInput
from services.workshop.orders import JobInput, LabourInput, PartLineInput
from services.workshop.surveys import SurveyInput
from tests.services.samples import raw_rows
from tests.services.workshop_samples import ON, complete, invoiced, job_with_lines, repair_order, shop


def _status(db, actor, ro_id):
    return orders.get(db, actor, ro_id).status


# --- handover -------------------------------------------------------------------------------------

def test_handover_is_refused_before_invoicing_and_below_the_mileage_in_changing_nothing(db, db_path, owner):
    s = shop(db, owner)
    ro_id, number = repair_order(db, owner, s, mileage=12_000)
    job_with_lines(db, owner, ro_id, s)
    with pytest.raises(ValidationError) as refused:
        handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_010), on=ON)
    assert refused.value.field == "status"
    assert number in refused.value.detail and "open" in refused.value.detail

    invoiced_id, _ = invoiced(db, owner, s, mileage=12_500)
    with pytest.raises(ValidationError) as refused:
        handover.hand_over(db, owner, invoiced_id, HandoverInput(mileage_out=12_499), on=ON)
    assert refused.value.field == "mileage_out"
    assert "12,499" in refused.value.detail and "12,500" in refused.value.detail
    with pytest.raises(ValidationError) as refused:
        handover.hand_over(db, owner, invoiced_id, HandoverInput(mileage_out=12_600, next_service_km=12_600), on=ON)
    assert refused.value.field == "next_service_km"
    with pytest.raises(ValidationError) as refused:
        handover.hand_over(db, owner, invoiced_id, HandoverInput(mileage_out=12_600, next_service_on=ON), on=ON)
    assert refused.value.field == "next_service_on"
    assert _status(db, owner, invoiced_id) == "invoiced"
    assert raw_rows(db_path, "SELECT count(*) FROM survey") == [(0,)]
    assert raw_rows(db_path, "SELECT mileage_out, handed_over_on FROM repair_order WHERE id = ?",
                    (invoiced_id,)) == [(None, None)]


def test_handover_closes_records_the_mileage_and_the_next_service_from_the_settings_and_makes_a_survey_due(
        db, db_path, owner, actor_for):
    s = shop(db, owner)
    ro_id, _ = invoiced(db, owner, s, mileage=12_000)
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "closed", on=ON)
    assert refused.value.field == "status"
    with pytest.raises(PermissionDenied):
        handover.hand_over(db, actor_for("technician"), ro_id, HandoverInput(mileage_out=12_020), on=ON)
    offered = handover.defaults(db, owner, ro_id, on=ON)
    assert (offered.mileage_out, offered.next_service_on, offered.next_service_km) == (12_000, date(2027, 3, 2),
                                                                                       22_000)
    survey_id = handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_020), on=ON)
    view = orders.get(db, owner, ro_id)
    assert (view.status, view.closed_on) == ("closed", ON)
    assert raw_rows(db_path, "SELECT handed_over_on, mileage_out, next_service_on, next_service_km FROM repair_order "
                             "WHERE id = ?", (ro_id,)) == [("2026-03-02", 12_020, "2027-03-02", 22_020)]
    assert raw_rows(db_path, "SELECT odometer_km FROM vehicle WHERE id = ?", (s.vehicle_id,)) == [(12_020,)]
    assert raw_rows(db_path, "SELECT id, status, due_on FROM survey") == [(survey_id, "due", "2026-03-05")]
    with pytest.raises(ValidationError) as again:
        handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_020), on=ON)
    assert again.value.field == "status"

    # Another interval in the settings, and dates the advisor chose, are what is kept.
    settings.save(db, owner, replace(settings.get(db), service_interval_months=6, service_interval_km=5_000))
    second, _ = invoiced(db, owner, s, mileage=12_100)
    offered = handover.defaults(db, owner, second, on=ON)
    assert (offered.next_service_on, offered.next_service_km) == (date(2026, 9, 2), 17_100)
    handover.hand_over(db, owner, second, HandoverInput(mileage_out=12_100, next_service_on=date(2026, 8, 1),
                                                        next_service_km=16_000), on=ON)
    assert raw_rows(db_path, "SELECT next_service_on, next_service_km FROM repair_order WHERE id = ?",
                    (second,)) == [("2026-08-01", 16_000)]


def test_the_months_of_the_service_interval_end_on_a_shorter_months_last_day():
    assert handover.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert handover.add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert handover.add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_service_due_says_when_and_whether_it_is_overdue_by_date_or_by_mileage(db, owner):
    s = shop(db, owner)
    with db.read() as conn:
        assert history.service_due(conn, s.vehicle_id) is None
    ro_id, number = invoiced(db, owner, s, mileage=12_000)
    handover.hand_over(db, owner, ro_id, HandoverInput(mileage_out=12_000), on=ON)
    with db.read() as conn:
        due = history.service_due(conn, s.vehicle_id, today=date(2027, 3, 2))
        assert (due.due_on, due.due_km, due.set_by, due.mileage) == (date(2027, 3, 2), 22_000, number, 12_000)
        assert not due.overdue
        late = history.service_due(conn, s.vehicle_id, today=date(2027, 3, 3))
        assert late.overdue and late.overdue_by_date and not late.overdue_by_km
    # The car comes back with more kilometres than the service was due at.
    repair_order(db, owner, s, mileage=22_500, on=date(2026, 9, 1))
    with db.read() as conn:
        due = history.service_due(conn, s.vehicle_id, today=date(2026, 9, 1))
    assert (due.overdue_by_km, due.overdue_by_date, due.mileage) == (True, False, 22_500)


# --- history --------------------------------------------------------------------------------------

def test_the_history_lists_every_repair_order_newest_first_with_jobs_hours_parts_and_mileage(
        db, owner, actor_for):
    s = shop(db, owner)
    first, first_number = invoiced(db, owner, s, mileage=12_000, used=3_000, returned=1_000, on=ON)
    handover.hand_over(db, owner, first, HandoverInput(mileage_out=12_015), on=ON)
    later = ON + timedelta(days=40)
    second, second_number = repair_order(db, owner, s, mileage=15_000, on=later)
    job = orders.add_job(db, owner, second, JobInput("Oil service", pay_type="customer"))
    orders.add_labour(db, owner, job, LabourInput(description="Oil and filter", hours=80))
    orders.add_part(db, owner, job, PartLineInput(part_id=s.parts[0], quantity=1_000))  # not issued yet

    found = history.vehicle_history(db, owner, s.vehicle_id, today=later)
    assert (found.plate, found.vin, found.owner_name) == ("沪A00001", found.vin, "Wang Fang 1")
    assert [v.number for v in found.visits] == [second_number, first_number]
    newest, oldest = found.visits
    assert (newest.status, newest.mileage_in, newest.mileage_out, newest.total) == ("open", 15_000, None, None)
    assert [(j.description, [x.hours for x in j.labour], j.parts) for j in newest.jobs] == [
        ("Oil service", [80], [])]
    assert (oldest.status, oldest.mileage_in, oldest.mileage_out, oldest.handed_over_on) == (
        "closed", 12_000, 12_015, ON)
    assert len(oldest.invoice_numbers) == 1 and oldest.total == 90000 + 45000
    (job,) = oldest.jobs
    assert [(p.part_number, p.description, p.quantity) for p in job.parts] == [("0986-BP-1", "Brake pads", 2_000)]
    assert [(x.description, x.hours) for x in job.labour] == [("Brake pads R&R", 150)]
    assert (found.service_due.due_on, found.service_due.due_km) == (date(2027, 3, 2), 22_015)
    # Whoever may not see amounts reads the same history without them.
    assert all(v.total is None for v in history.vehicle_history(db, actor_for("technician"), s.vehicle_id).visits)
    assert history.find_vehicle(db, owner, " 沪A00001 ") == s.vehicle_id
    assert history.find_vehicle(db, owner, found.vin.lower()) == s.vehicle_id
    assert history.find_vehicle(db, owner, "沪B99999") is None
    assert history.find_vehicle(db, owner, found.vin[-6:]) == s.vehicle_id  # the end of the VIN, as reception


def test_the_history_reads_in_the_same_few_queries_however_many_repair_orders_the_vehicle_has(db, owner):
    s = shop(db, owner)
    for i in range(3):
        ro_id, _ = repair_order(db, owner, s, mileage=12_000 + i * 1000)
        job_with_lines(db, owner, ro_id, s)

    def statements() -> int:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args):
            seen.append(statement)

        engine = db.read_engine
        event.listen(engine, "before_cursor_execute", count)
        try:
            history.vehicle_history(db, owner, s.vehicle_id)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len([x for x in seen if x.lstrip().upper().startswith("SELECT")])

    few = statements()
    for i in range(3, 12):
        ro_id, _ = repair_order(db, owner, s, mileage=12_000 + i * 1000)
        job_with_lines(db, owner, ro_id, s)
    assert len(history.vehicle_history(db, owner, s.vehicle_id).visits) == 12
    assert statements() == few and 5 <= few <= 10


# --- surveys --------------------------------------------------------------------------------------

def _handed_over(db, actor, s, *, mileage, technician="", opened_by=None):
    ro_id, number = invoiced(db, actor, s, mileage=mileage, technician=technician, opened_by=opened_by)
    return handover.hand_over(db, actor, ro_id, HandoverInput(mileage_out=mileage), on=ON), number


def test_a_survey_takes_a_score_from_0_to_10_once_and_a_low_score_raises_a_follow_up_for_the_advisor(
        db, db_path, owner, actor_for):
    s = shop(db, owner)
    good, _ = _handed_over(db, owner, s, mileage=12_000)
    bad, bad_number = _handed_over(db, owner, s, mileage=13_000)
    today = date.today()
    assert [v.id for v in surveys.due(db, owner)] == [good, bad]
    assert surveys.due(db, owner, on=ON) == []  # due three days after the handover
    for score in (11, -1, 7.5, True):
        with pytest.raises(ValidationError) as refused:
            surveys.record(db, owner, good, SurveyInput(score=score))
        assert refused.value.field == "score"
    with pytest.raises(PermissionDenied):
        surveys.record(db, actor_for("technician"), good, SurveyInput(score=9))

    assert surveys.record(db, owner, good, SurveyInput(score=9, comments="Quick and friendly")) is None
    task_id = surveys.record(db, owner, bad, SurveyInput(score=6, comments="Car came back dirty"))
    assert task_id is not None
    with pytest.raises(ValidationError) as twice:
        surveys.record(db, owner, bad, SurveyInput(score=10))
    assert twice.value.field == "score"
    assert raw_rows(db_path, "SELECT score, comments, channel, answered_on FROM survey WHERE id = ?", (bad,)) == [
        (6, "Car came back dirty", "phone", today.isoformat())]
    (task,) = surveys.follow_up_tasks(db, owner)
    assert (task.id, task.assignee, task.due_on, task.repair_order_number, task.score) == (
        task_id, "owner", today + timedelta(days=2), bad_number, 6)
    assert surveys.get(db, owner, bad).task.id == task_id
    assert surveys.due(db, owner) == []

    with pytest.raises(ValidationError) as refused:
        surveys.complete_task(db, owner, task_id, "  ")
    assert refused.value.field == "outcome"
    surveys.complete_task(db, owner, task_id, "Called back; offered a free wash")
    assert surveys.follow_up_tasks(db, owner) == []
    assert [t.outcome for t in surveys.follow_up_tasks(db, owner, open_only=False)] == [
        "Called back; offered a free wash"]


def test_the_low_score_comes_from_the_settings(db, owner):
    s = shop(db, owner)
    settings.save(db, owner, replace(settings.get(db), survey_low_score=3))
    survey_id, _ = _handed_over(db, owner, s, mileage=12_000)
    assert surveys.record(db, owner, survey_id, SurveyInput(score=4)) is None
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(FollowUpTask)).scalar_one() == 0


def test_results_average_the_scores_per_advisor_and_per_technician(db, owner, actor_for):
    s = shop(db, owner)
    tech = actor_for("technician").username
    advisor = actor_for("service_advisor")
    a, _ = _handed_over(db, owner, s, mileage=12_000, technician=tech)
    b, _ = _handed_over(db, owner, s, mileage=13_000, technician=tech, opened_by=advisor)
    c, _ = _handed_over(db, owner, s, mileage=14_000, opened_by=advisor)
    surveys.record(db, owner, a, SurveyInput(score=10))
    surveys.record(db, advisor, b, SurveyInput(score=5))
    surveys.record(db, advisor, c, SurveyInput(score=8))
    found = surveys.results(db, owner)
    assert (found.answered, found.average_tenths, found.low, found.low_score) == (3, 77, 1, 6)
    assert [(x.name, x.answered, x.average_tenths, x.low) for x in found.advisors] == [
        ("owner", 1, 100, 0), (advisor.username, 2, 65, 1)]
    assert [(x.name, x.answered, x.average_tenths, x.low) for x in found.technicians] == [(tech, 2, 75, 1)]
    assert surveys.results(db, owner, end=date.today() - timedelta(days=1)).answered == 0
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(Survey).where(Survey.status == "answered")
                            ).scalar_one() == 3


# --- the repair archive ---------------------------------------------------------------------------

def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_the_repair_archive_has_a_row_per_part_used_or_one_per_settled_repair_order_without_parts(
        db, owner, tmp_path):
    s = shop(db, owner)
    settings.save(db, owner, replace(settings.get(db), name="上海恒通汽车服务有限公司"))
    with_parts, _ = repair_order(db, owner, s, mileage=12_000, on=ON)
    orders.update_order(db, owner, with_parts, orders.RepairOrderInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12_000, concerns="刹车异响"))
    brakes = orders.add_job(db, owner, with_parts, JobInput("更换前刹车片", pay_type="customer"))
    orders.add_labour(db, owner, brakes, LabourInput(description="前刹车片拆装", hours=150))
    pads = orders.add_part(db, owner, brakes, PartLineInput(part_id=s.parts[1], quantity=2_000))
    service = orders.add_job(db, owner, with_parts, JobInput("常规保养", pay_type="warranty"))
    orders.add_labour(db, owner, service, LabourInput(description="更换机油机滤", hours=75))
    oil = orders.add_part(db, owner, service, PartLineInput(part_id=s.parts[0], quantity=1_500))
    unused = orders.add_part(db, owner, service, PartLineInput(part_id=s.parts[1], quantity=1_000))
    parts.issue_part(db, owner, pads, on=ON)
    parts.issue_part(db, owner, oil, on=ON)
    parts.issue_part(db, owner, unused, on=ON)
    parts.return_part(db, owner, unused, 1_000, on=ON)
    complete(db, owner, with_parts, on=ON)
    made = invoicing.close_into_invoices(db, owner, with_parts, on=ON)
    handover.hand_over(db, owner, with_parts, HandoverInput(mileage_out=12_010), on=ON)

    settled = ON + timedelta(days=1)
    without_parts, _ = repair_order(db, owner, s, mileage=12_300, on=ON)
    orders.update_order(db, owner, without_parts, orders.RepairOrderInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12_300, concerns=""))
    job = orders.add_job(db, owner, without_parts, JobInput("电路故障诊断", pay_type="customer"))
    orders.add_labour(db, owner, job, LabourInput(description="仪表故障灯检查", hours=100))
    complete(db, owner, without_parts, on=ON)
    (only,) = invoicing.close_into_invoices(db, owner, without_parts, on=settled)
    repair_order(db, owner, s, mileage=12_400, on=ON)  # open: not settled, not in the archive
    outside, _ = invoiced(db, owner, s, mileage=12_500, on=ON + timedelta(days=5))

    out = tmp_path / "archive.csv"
    written = archive.export_repair_archive(db, owner, out, start=ON, end=settled)
    rows = _read(out)
    assert rows[0] == ["company", "vin", "plate", "date_in", "mileage_in", "settlement_date", "settlement_number",
                       "fault_description", "repair_items", "labour_hours", "part_name", "part_code",
                       "part_quantity"]
    vin = orders.get(db, owner, with_parts).vin
    numbers = ";".join(sorted(m.number for m in made))
    assert len(made) == 2
    head = ["上海恒通汽车服务有限公司", vin, "沪A00001", "2026-03-02", "12000", "2026-03-02", numbers, "刹车异响",
            "更换前刹车片 (前刹车片拆装); 常规保养 (更换机油机滤)", "2.25"]
    assert rows[1] == [*head, "Brake pads", "0986-BP-1", "2"]
    assert rows[2] == [*head, "Oil filter", "0986-OF-1", "1.5"]
    # Without parts: one row, the jobs as the fault where no concerns were written, empty part columns.
    assert rows[3] == ["上海恒通汽车服务有限公司", vin, "沪A00001", "2026-03-02", "12300", settled.isoformat(),
                       only.number, "电路故障诊断", "电路故障诊断 (仪表故障灯检查)", "1.00", "", "", ""]
    assert len(rows) == 4 and written == 3
    assert orders.get(db, owner, outside).status == "invoiced"
    with pytest.raises(ValidationError) as refused:
        archive.export_repair_archive(db, owner, out, start=settled, end=ON)
    assert refused.value.field == "end"
