"""The demo's handovers and satisfaction surveys, over the settled repair orders of the workshop's past
(:mod:`demo.workshop_history`): every one was handed back the day it was invoiced, at the mileage
it came in with, with the next service due at the dealership's interval
(:func:`services.workshop.handover.next_service`), and its survey fell due
:data:`services.workshop.surveys.SURVEY_AFTER_DAYS` later. Most customers answered by phone (every
fifth answer a low one, so follow-up tasks always show); of the last fortnight's surveys some are
still due. Low scores raised a follow-up task for the advisor, done a day or two later except the
latest.

Written set-based (about 265,000 handovers and surveys for the large size), stamped as the services
would stamp them, with one summary audit entry per table like the rest of the demo.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Connection, text

from demo.context import INSERT_CHUNK, DemoContext, as_date
from models.surveys import FollowUpTask, Survey
from models.workshop import RepairOrder
from services import settings
from services.workshop import handover, surveys
from store.audit_chain import Change

SCORES = (10, 10, 10, 9, 9, 9, 8, 8, 7)
LOW_SCORES = (3, 4, 5, 6)
COMMENTS = {10: "服务很好，交车准时", 9: "满意", 8: "还可以，等待时间稍长", 7: "价格有点高", 6: "洗车不干净",
            5: "同一个问题修了两次", 4: "交车比约定晚了两个小时", 3: "报价和结算金额不一致"}
UNANSWERED = 0.15  # customers who could not be reached


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Hand over the closed repair orders not yet handed over and write their surveys; returns the
    rows written per table."""
    rng, uow = ctx.rng, ctx.uow
    s = settings.load(conn)
    rows = conn.execute(text(
        "SELECT id, closed_on, mileage_in, advisor, updated_at FROM repair_order "
        "WHERE status = 'closed' AND handed_over_on IS NULL ORDER BY closed_on, number")).all()
    answers = 0
    counts = {"survey": 0, "follow_up_task": 0}
    for start in range(0, len(rows), INSERT_CHUNK):
        updates, made, tasks = [], [], []
        for r in rows[start:start + INSERT_CHUNK]:
            day = as_date(r.closed_on)
            # Handed back as it came in (a road test adds nothing a customer sees): the next visit, whose
            # mileage grows with the car's age, never comes in below it.
            mileage_out = r.mileage_in
            next_on, next_km = handover.next_service(day, mileage_out, months=s.service_interval_months,
                                                     km=s.service_interval_km)
            updates.append({"id": r.id, "handed_over_on": day, "mileage_out": mileage_out,
                            "next_service_on": next_on, "next_service_km": next_km})
            due = day + timedelta(days=surveys.SURVEY_AFTER_DAYS)
            when = ctx.moment_on(min(day, ctx.today))
            survey = {"id": ctx.ids.at(when), "created_at": when, "created_by": r.advisor or "advisor",
                      "updated_at": when, "updated_by": r.advisor or "advisor", "repair_order_id": r.id,
                      "due_on": due, "status": "due", "score": None, "comments": "", "answered_on": None,
                      "answered_by": "", "channel": ""}
            answered_on = due + timedelta(days=rng.randrange(0, 2))
            # Customers not reached at first are called again until they answer: only the last
            # fortnight's surveys are still due.
            reached = rng.random() >= UNANSWERED or due < ctx.today - timedelta(days=14)
            if answered_on < ctx.today - timedelta(days=1) and reached:
                answers += 1
                score = rng.choice(LOW_SCORES) if answers % 5 == 0 else rng.choice(SCORES)
                answered = ctx.moment_on(answered_on)
                survey.update(status="answered", score=score, comments=COMMENTS.get(score, ""),
                              answered_on=answered_on, answered_by="advisor", channel="phone",
                              updated_at=answered, updated_by="advisor")
                if surveys.is_low(score, s.survey_low_score):
                    task_due = answered_on + timedelta(days=surveys.FOLLOW_UP_DAYS)
                    done = task_due - timedelta(days=rng.randrange(0, 2)) if task_due < ctx.today else None
                    tasks.append({
                        "id": ctx.ids.at(answered), "created_at": answered, "created_by": "advisor",
                        "updated_at": answered, "updated_by": "advisor", "survey_id": survey["id"],
                        "assignee": r.advisor or "advisor", "due_on": task_due,
                        "reason": f"满意度 {score} 分：{COMMENTS.get(score, '')}", "done_on": done,
                        "outcome": "已回电致歉，下次保养赠送洗车" if done else ""})
            made.append(survey)
        uow.update(RepairOrder, updates, audit=False)
        uow.insert(Survey, made, audit=False)
        uow.insert(FollowUpTask, tasks, audit=False)
        counts["survey"] += len(made)
        counts["follow_up_task"] += len(tasks)
        ctx.advance(0, f"Wrote {start + len(updates):,} handovers and surveys")
    uow.audit([Change("demo", table, "*", summary=f"{n} demo {table.replace('_', ' ')} rows")
               for table, n in counts.items()])
    return counts
