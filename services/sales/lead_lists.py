"""The lists of leads and of their follow-up tasks: a salesperson's own, everyone's for a sales manager
(:func:`services.sales.leads.list_scope`)."""

from __future__ import annotations

from datetime import date

from models.sales import LEAD_SOURCES
from services.lists import PERSON_NAME_SQL, Column, Filter, ListSource
from services.sales.leads import list_scope

_OPEN = "('new', 'contacted', 'test_drive', 'quotation')"
# The status a lead shows: its stage, or lost_pending while a salesperson's "lost" awaits confirmation.
_STATUS = f"CASE WHEN l.lost_requested_at IS NOT NULL AND l.status IN {_OPEN} THEN 'lost_pending' ELSE l.status END"
_NEXT_DUE = "(SELECT min(t.due_on) FROM lead_task t WHERE t.lead_id = l.id AND t.done_at IS NULL)"
STATUS_CHOICES = tuple((s, s) for s in ("new", "contacted", "test_drive", "quotation", "lost_pending", "won", "lost"))


def _today() -> dict[str, str]:
    return {"today": date.today().isoformat()}


LEADS = ListSource(
    name="leads",
    permission="lead.view",
    from_sql="lead l JOIN customer c ON c.id = l.customer_id LEFT JOIN user_account ua ON ua.username = l.salesperson",
    id_sql="l.id",
    tiebreak_sql="l.rowid",
    columns=(
        # By the moment, whose index the list walks (a date computed from it would sort all leads).
        Column("created_at", "l.created_at", kind="datetime", width=120),
        Column("customer_name", "c.name", width=130),
        Column("phone", "c.phone", kind="phone", sortable=False, width=120),
        Column("source", "l.source", width=80),
        Column("make", "l.make", width=90),
        Column("model", "l.model", width=110),
        Column("budget", "l.budget", kind="money", width=90),
        Column("salesperson", PERSON_NAME_SQL.format(u="ua", login="l.salesperson"), width=90),
        Column("status", _STATUS, width=130),
        Column("lost_reason", "l.lost_code", width=110),
        Column("next_task_due", _NEXT_DUE, kind="date", sortable=False, width=100),
        Column("test_drives", "(SELECT count(*) FROM test_drive d WHERE d.lead_id = l.id)", kind="int",
               sortable=False, width=70),
    ),
    filters=(
        Filter("status", f"({_STATUS}) = :value", choices=STATUS_CHOICES),
        Filter("source", "l.source = :value", choices=tuple((s, s) for s in LEAD_SOURCES)),
        Filter("salesperson", "l.salesperson = :value", kind="text"),
        Filter("overdue", f"(l.status IN {_OPEN} AND EXISTS (SELECT 1 FROM lead_task t WHERE t.lead_id = l.id "
                          "AND t.done_at IS NULL AND t.due_on < :today)) = :value", kind="bool"),
    ),
    search_sql=("(c.name LIKE :search ESCAPE '\\' OR c.phone LIKE :search ESCAPE '\\' OR l.make LIKE :search "
                "ESCAPE '\\' OR l.model LIKE :search ESCAPE '\\')"),
    default_sort="created_at",
    default_descending=True,
    params=_today,
    scope=list_scope,
)

LEAD_TASKS = ListSource(
    name="lead_tasks",
    permission="lead.view",
    from_sql=("lead_task t JOIN lead l ON l.id = t.lead_id JOIN customer c ON c.id = l.customer_id "
              "LEFT JOIN user_account ua ON ua.username = t.assigned_to"),
    id_sql="t.id",
    tiebreak_sql="t.rowid",
    columns=(
        Column("due_on", "t.due_on", kind="date", width=90),
        Column("what", "t.what", sortable=False, width=200),
        Column("customer_name", "c.name", sortable=False, width=120),
        Column("phone", "c.phone", kind="phone", sortable=False, width=120),
        Column("model", "trim(l.make || ' ' || l.model)", sortable=False, width=130),
        Column("assigned_to", PERSON_NAME_SQL.format(u="ua", login="t.assigned_to"), width=90),
        Column("done_at", "t.done_at", kind="datetime", width=110),
        Column("outcome", "t.outcome", sortable=False, width=160),
    ),
    filters=(
        Filter("open", "(t.done_at IS NULL) = :value", kind="bool"),
        Filter("due", "t.done_at IS NULL AND t.due_on <= :today AND :value", kind="bool"),
        Filter("assigned_to", "t.assigned_to = :value", kind="text"),
    ),
    search_sql="(c.name LIKE :search ESCAPE '\\' OR t.what LIKE :search ESCAPE '\\')",
    default_sort="due_on",
    params=_today,
    scope=list_scope,
)
