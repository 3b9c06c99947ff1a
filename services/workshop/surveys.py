"""Satisfaction surveys (issue 10 §10). Handing a car over makes its repair order's survey due a few
days later; someone rings the customer and enters a score from 0 to 10 with their comments, or a file
of answers is imported (``forecourt import surveys FILE``: repair order number, score, comments;
answered on the day of the import). A score at or below the dealership's
``survey_low_score`` raises a follow-up task for the repair order's advisor, due two days later.
Results are averaged per advisor and per technician (everyone who sold hours on the repair order);
``forecourt export surveys FILE`` writes every survey with stable snake_case columns.

Averages are in tenths of a point, rounded half-up, like every other figure: never a float.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, func, select, text

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.ids import new_id
from core.messages import msg
from core.money import round_half_up
from core.progress import CancelToken, Progress, no_progress
from models.crm import Customer
from models.surveys import FollowUpTask, Survey
from models.vehicles import Vehicle
from models.workshop import RepairJob, RepairLabourLine, RepairOrder
from services import files, settings
from services.billing import dates
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from services.permissions import require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

SURVEY_AFTER_DAYS = 3  # a survey falls due this many days after the handover
FOLLOW_UP_DAYS = 2  # a follow-up task is due this many days after the low score came in
MAX_COMMENTS = 2000


@dataclass
class SurveyInput:
    score: int
    comments: str = ""


@dataclass(frozen=True)
class TaskView:
    id: str
    survey_id: str
    repair_order_number: str
    customer_name: str
    phone: str
    assignee: str
    due_on: date
    score: int | None
    comments: str
    done_on: date | None
    outcome: str


@dataclass(frozen=True)
class SurveyView:
    id: str
    repair_order_id: str
    repair_order_number: str
    customer_name: str
    phone: str
    plate: str
    vin: str
    advisor: str
    technicians: tuple[str, ...]
    handed_over_on: date | None
    due_on: date
    status: str
    score: int | None
    comments: str
    answered_on: date | None
    answered_by: str
    channel: str
    task: TaskView | None


@dataclass(frozen=True)
class ScoreSummary:
    name: str  # the advisor's or technician's user name
    answered: int
    average_tenths: int  # 8.5 points = 85
    low: int  # answers at or below the low score


@dataclass(frozen=True)
class SurveyResults:
    answered: int
    average_tenths: int
    low: int
    low_score: int
    advisors: list[ScoreSummary] = field(default_factory=list)
    technicians: list[ScoreSummary] = field(default_factory=list)


# --- rules ----------------------------------------------------------------------------------------

def check_score(value: object) -> int:
    """A survey score: a whole number from 0 to 10."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValidationError("score", msg("The score is a whole number from 0 to 10"))
    return value


def _comments(value: str) -> str:
    comments = (value or "").strip()
    if len(comments) > MAX_COMMENTS:
        raise ValidationError("comments", msg("is longer than {limit} characters", limit=MAX_COMMENTS))
    return comments


def is_low(score: int, low_score: int) -> bool:
    return score <= low_score


def average_tenths(total: int, count: int) -> int:
    return round_half_up(Decimal(total) * 10 / count) if count else 0


# --- writing --------------------------------------------------------------------------------------

def make_due_in(uow: UnitOfWork, repair_order_id: str, *, handed_over_on: date) -> str:
    """Make the repair order's survey due :data:`SURVEY_AFTER_DAYS` after its handover (the one it
    has, if any); returns its id. In the caller's transaction (a handover's)."""
    require(uow.actor, "workshop.edit")
    session = uow.session
    existing = session.execute(select(Survey.id).where(Survey.repair_order_id == repair_order_id)).scalar()
    if existing is not None:
        return existing
    survey = Survey(id=new_id(), repair_order_id=repair_order_id,
                    due_on=handed_over_on + timedelta(days=SURVEY_AFTER_DAYS), status="due", comments="",
                    answered_by="", channel="")
    session.add(survey)
    session.flush()
    return survey.id


def _answer(uow: UnitOfWork, survey: Survey, score: int, comments: str, *, on: date, channel: str) -> str | None:
    """Record an answer and raise the follow-up task a low score calls for (once per survey); returns
    the task's id when the score is low."""
    session = uow.session
    survey.status, survey.score, survey.comments = "answered", score, comments
    survey.answered_on, survey.answered_by, survey.channel = on, uow.actor.username, channel
    if not is_low(score, settings.load(session).survey_low_score):
        return None
    task = session.execute(select(FollowUpTask).where(FollowUpTask.survey_id == survey.id)).scalar()
    if task is None:
        advisor = session.execute(select(RepairOrder.advisor).where(RepairOrder.id == survey.repair_order_id)).scalar()
        task = FollowUpTask(id=new_id(), survey_id=survey.id, assignee=advisor or uow.actor.username,
                            due_on=on + timedelta(days=FOLLOW_UP_DAYS), reason=comments, outcome="")
        session.add(task)
    session.flush()
    return task.id


def record_in(uow: UnitOfWork, survey_id: str, data: SurveyInput, *, on: date | None = None,
              channel: str = "phone") -> str | None:
    """Enter the answer to a due survey (taken by phone); a low score raises a follow-up task for the
    repair order's advisor, whose id is returned (None for a score that is not low). Refuses a survey
    already answered and a score outside 0–10, changing nothing."""
    require(uow.actor, "workshop.surveys")
    survey = uow.session.get(Survey, survey_id)
    if survey is None:
        raise NotFound(msg("The survey no longer exists"))
    if survey.status != "due":
        raise ValidationError("score", msg("This survey was already answered on {day}",
                                           day=survey.answered_on.isoformat() if survey.answered_on else ""))
    score = check_score(data.score)
    answered = dates.not_future(on or date.today(), "on", "An answer")
    return _answer(uow, survey, score, _comments(data.comments), on=answered, channel=channel)


record = action(record_in)


def complete_task_in(uow: UnitOfWork, task_id: str, outcome: str, *, on: date | None = None) -> None:
    """Mark a follow-up task done with what came of it."""
    require(uow.actor, "workshop.surveys")
    task = uow.session.get(FollowUpTask, task_id)
    if task is None:
        raise NotFound(msg("The follow-up task no longer exists"))
    if task.done_on is not None:
        raise ValidationError("outcome", msg("This follow-up was already done on {day}", day=task.done_on.isoformat()))
    outcome = _comments(outcome)
    if not outcome:
        raise ValidationError("outcome", msg("Say what came of the follow-up"))
    task.done_on, task.outcome = dates.not_future(on or date.today(), "on", "A follow-up"), outcome


complete_task = action(complete_task_in)


# --- reading --------------------------------------------------------------------------------------

def _technicians(conn: Connection, repair_order_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """The technicians who sold hours on each repair order, by name."""
    out: dict[str, list[str]] = {}
    for ro_id, tech in conn.execute(
            select(RepairJob.repair_order_id, RepairLabourLine.technician).distinct()
            .join(RepairLabourLine, RepairLabourLine.job_id == RepairJob.id)
            .where(RepairJob.repair_order_id.in_(repair_order_ids), RepairLabourLine.technician != "")
            .order_by(RepairJob.repair_order_id, RepairLabourLine.technician)):
        out.setdefault(ro_id, []).append(tech)
    return {k: tuple(v) for k, v in out.items()}


def _survey_query():
    s, ro = Survey, RepairOrder
    return (select(s.id, s.repair_order_id, ro.number, Customer.name, Customer.phone, Vehicle.plate, Vehicle.vin,
                   ro.advisor, ro.handed_over_on, s.due_on, s.status, s.score, s.comments, s.answered_on,
                   s.answered_by, s.channel)
            .join(ro, ro.id == s.repair_order_id).join(Customer, Customer.id == ro.customer_id)
            .join(Vehicle, Vehicle.id == ro.vehicle_id))


def _task_query():
    t, s, ro = FollowUpTask, Survey, RepairOrder
    return (select(t.id, t.survey_id, ro.number, Customer.name, Customer.phone, t.assignee, t.due_on, s.score,
                   s.comments, t.done_on, t.outcome)
            .join(s, s.id == t.survey_id).join(ro, ro.id == s.repair_order_id)
            .join(Customer, Customer.id == ro.customer_id))


def _task(r: Any) -> TaskView:
    return TaskView(r.id, r.survey_id, r.number, r.name, r.phone or "", r.assignee, r.due_on, r.score,
                    r.comments, r.done_on, r.outcome)


def _surveys(conn: Connection, rows: list[Any]) -> list[SurveyView]:
    ids = [r.id for r in rows]
    techs = _technicians(conn, [r.repair_order_id for r in rows])
    tasks = {r.survey_id: _task(r) for r in conn.execute(_task_query().where(FollowUpTask.survey_id.in_(ids)))}
    return [SurveyView(r.id, r.repair_order_id, r.number, r.name, r.phone or "", r.plate or "", r.vin, r.advisor,
                       techs.get(r.repair_order_id, ()), r.handed_over_on, r.due_on, r.status, r.score, r.comments,
                       r.answered_on, r.answered_by, r.channel, tasks.get(r.id)) for r in rows]


def get(db: Database, actor: Actor, survey_id: str) -> SurveyView:
    """One survey with its repair order, customer, technicians and follow-up task. Any thread."""
    require(actor, "workshop.surveys")
    with db.read() as conn:
        rows = conn.execute(_survey_query().where(Survey.id == survey_id)).all()
        if not rows:
            raise NotFound(msg("The survey no longer exists"))
        return _surveys(conn, rows)[0]


def due(db: Database, actor: Actor, *, on: date | None = None) -> list[SurveyView]:
    """The surveys due by ``on`` (today) and not answered yet, the longest waiting first. Any thread."""
    require(actor, "workshop.surveys")
    with db.read() as conn:
        rows = conn.execute(_survey_query().where(Survey.status == "due", Survey.due_on <= (on or date.today()))
                            .order_by(Survey.due_on, RepairOrder.number)).all()
        return _surveys(conn, rows)


def follow_up_tasks(db: Database, actor: Actor, *, open_only: bool = True) -> list[TaskView]:
    """Follow-up tasks by due date (only those still to do unless ``open_only`` is False). Any thread."""
    require(actor, "workshop.surveys")
    query = _task_query().order_by(FollowUpTask.due_on, RepairOrder.number)
    if open_only:
        query = query.where(FollowUpTask.done_on.is_(None))
    with db.read() as conn:
        return [_task(r) for r in conn.execute(query)]


def results(db: Database, actor: Actor, *, start: date | None = None, end: date | None = None) -> SurveyResults:
    """Answered surveys (answered in the period, when given) per advisor and per technician: how
    many, the average score and how many were low. A repair order's score counts once for each
    technician who sold hours on it. Any thread."""
    require(actor, "workshop.surveys")
    s, ro = Survey, RepairOrder
    where = [s.status == "answered"]
    if start is not None:
        where.append(s.answered_on >= start)
    if end is not None:
        where.append(s.answered_on <= end)
    with db.read() as conn:
        low_score = settings.load(conn).survey_low_score
        low = func.sum((s.score <= low_score).cast(Integer))
        total = conn.execute(select(func.count(), func.coalesce(func.sum(s.score), 0), func.coalesce(low, 0))
                             .where(*where)).one()
        advisors = conn.execute(select(ro.advisor, func.count(), func.sum(s.score), low)
                                .join(ro, ro.id == s.repair_order_id).where(*where)
                                .group_by(ro.advisor).order_by(ro.advisor)).all()
        pairs = (select(s.id.label("survey_id"), s.score.label("score"), RepairLabourLine.technician.label("tech"))
                 .distinct().join(RepairJob, RepairJob.repair_order_id == s.repair_order_id)
                 .join(RepairLabourLine, RepairLabourLine.job_id == RepairJob.id)
                 .where(*where, RepairLabourLine.technician != "").subquery())
        techs = conn.execute(select(pairs.c.tech, func.count(), func.sum(pairs.c.score),
                                    func.sum((pairs.c.score <= low_score).cast(Integer)))
                             .group_by(pairs.c.tech).order_by(pairs.c.tech)).all()

    def summary(rows: list[Any]) -> list[ScoreSummary]:
        return [ScoreSummary(name or "", n, average_tenths(int(points), n), int(lows or 0))
                for name, n, points, lows in rows]

    return SurveyResults(total[0], average_tenths(int(total[1]), total[0]), int(total[2]), low_score,
                         summary(advisors), summary(techs))


# --- files ----------------------------------------------------------------------------------------

SURVEY_COLUMNS = ("repair_order_number", "vin", "plate", "customer_name", "advisor", "technicians",
                  "handed_over_on", "due_on", "status", "score", "comments", "answered_on", "channel",
                  "follow_up_assignee", "follow_up_due_on", "follow_up_done_on")


def export_surveys(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                   end: date | None = None, progress: Progress = no_progress,
                   cancel: CancelToken | None = None) -> int:
    """Write every survey of the repair orders handed over in the period (all without one), by due day
    and repair order number; ``technicians`` is ``;``-separated. Returns the rows written. Worker
    thread."""
    require(actor, "workshop.surveys")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    query = _survey_query()
    if start is not None:
        query = query.where(RepairOrder.handed_over_on >= start)
    if end is not None:
        query = query.where(RepairOrder.handed_over_on <= end)
    query = query.order_by(Survey.due_on, RepairOrder.number)
    with db.read() as conn:
        count = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            for part in conn.execute(query).partitions(2000):
                rows = []
                for v in _surveys(conn, list(part)):
                    t = v.task
                    rows.append((v.repair_order_number, v.vin, v.plate or None, v.customer_name, v.advisor or None,
                                 ";".join(v.technicians) or None, v.handed_over_on, v.due_on, v.status, v.score,
                                 v.comments or None, v.answered_on, v.channel or None, t.assignee if t else None,
                                 t.due_on if t else None, t.done_on if t else None))
                yield rows

        return files.write_table(path, SURVEY_COLUMNS, batches(), total=count, sheet="surveys",
                                 widths=(20, 20, 12, 24, 12, 20, 12, 12, 10, 8, 40, 12, 10, 14, 12, 12),
                                 progress=progress, cancel=cancel)


NUMBER = Field("repair_order_number", "Repair order number", required=True, kind="code", max_length=40,
               synonyms=("repair order", "ro number", "number", "工单号", "维修单号", "作业单号"))
def _file_score(text: str) -> int:
    """A score as a file gives it: a whole number from 0 to 10."""
    try:
        return check_score(int(text)) if text.isdigit() else check_score(text)
    except ValidationError:
        raise ValidationError("score", msg("'{value}' is not a whole number from 0 to 10", value=text)) from None


SCORE = Field("score", "Score", required=True, max_length=10, synonyms=("rating", "评分", "分数", "满意度"),
              check=_file_score)
COMMENTS = Field("comments", "Comments", max_length=MAX_COMMENTS, synonyms=("comment", "remarks", "意见", "备注",
                                                                             "客户意见"))


@dataclass
class _Plan:
    answers: list[tuple[str, int, str, date]] = field(default_factory=list)  # survey id, score, comments, day


def _key(values: dict[str, Any]) -> tuple:
    return (str(values.get("repair_order_number", "")).strip().upper(),)


def _plan(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary) -> _Plan:
    # Numbers are upper case as their series makes them (the key folds the file's to match), so the
    # unique index on the number finds them.
    numbers = sorted({_key(r.values)[0] for r in rows if r.ok})
    found: dict[str, Any] = {}
    for i in range(0, len(numbers), 500):
        for r in conn.execute(select(RepairOrder.number, Survey.id, Survey.status, Survey.score, Survey.comments)
                              .join(Survey, Survey.repair_order_id == RepairOrder.id, isouter=True)
                              .where(RepairOrder.number.in_(numbers[i:i + 500]))):
            found[r.number.upper()] = r
    plan = _Plan()
    today = date.today()
    for r in rows:
        if not r.ok:
            continue
        number = _key(r.values)[0]
        score = r.values["score"]
        comments = str(r.values.get("comments", "") or "")
        ro = found.get(number)
        if ro is None:
            r.error("repair_order_number", msg("There is no repair order {number}", number=number))
            continue
        if ro.id is None:
            r.error("repair_order_number", msg("Repair order {number} has not been handed over: no survey is due",
                                               number=number))
            continue
        if ro.status == "answered":
            if (ro.score, ro.comments) == (score, comments):
                r.action = "unchanged"
                continue
            r.error("score", msg("The survey of repair order {number} was already answered", number=number))
            continue
        r.action = "insert"
        plan.answers.append((ro.id, score, comments, today))
    summary.inserted = len(plan.answers)
    summary.unchanged = sum(r.action == "unchanged" for r in rows)
    return plan


def _commit(uow: UnitOfWork, plan: _Plan, summary: ImportSummary, progress: Progress,
            cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    tasks = 0
    for survey_id, score, comments, day in plan.answers:
        survey = uow.session.get(Survey, survey_id)
        tasks += _answer(uow, survey, score, comments, on=day, channel="file") is not None
    summary.extra["follow_ups"] = tasks
    progress(len(plan.answers), len(plan.answers), f"Imported {len(plan.answers):,} survey answers")
    name = Path(summary.file).name
    uow.audit([Change("import", "survey", new_id(), None,
                      {"file": name, "kind": summary.kind, "rows": summary.rows, "answered": summary.inserted,
                       "unchanged": summary.unchanged, "follow_ups": tasks},
                      summary=msg("{kind} import of {name}: {rows} rows, {answered} answered, {unchanged} unchanged, "
                                  "{tasks} follow-up tasks", kind=summary.kind, name=name, rows=summary.rows,
                                  answered=summary.inserted, unchanged=summary.unchanged, tasks=tasks))])


def _fingerprint(conn: Connection) -> tuple:
    return tuple(conn.execute(text("SELECT count(*), max(updated_at) FROM survey")).one())


SURVEYS = ImportKind(
    name="surveys", title="Satisfaction surveys", about="answers to satisfaction surveys, by repair order number",
    fields=(NUMBER, SCORE, COMMENTS), key=("repair_order_number",), key_of=_key, plan=_plan,
    commit=_commit, permissions=("workshop.surveys",), extras=(("follow_ups", "follow-up tasks raised"),),
    fingerprint=_fingerprint)
