"""Salespeople's monthly targets, their performance against them and the commission they earn.

A target is set per salesperson and month: cars delivered (units) and gross profit. Performance
counts the deals *delivered* in the month (``deal.status`` 'delivered', by ``deal.delivered_on``),
with the gross profit the deal service keeps on each deal.

Commission is paid on delivered deals by the rule in the ``commission_rule`` table, set on the Sales
targets screen (Commission…) by whoever may set targets: ``gross_bp`` basis points of each deal's
gross profit (a deal at a loss earns no percentage) plus ``per_unit`` for each car. The rule with an
empty salesperson is the dealership's; a salesperson's own rule replaces it for them. Each deal's
percentage is rounded half-up to the minor unit, and a month's commission is the sum over its deals.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.actor import Actor
from core.errors import ValidationError
from core.messages import msg
from core.money import check_amount, exact_integer, from_minor
from core.progress import CancelToken, Progress, no_progress
from models.admin import User
from models.finance import CommissionRule, SalesTarget
from models.sales import Deal
from services import files
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

# The roles whose users are listed on the targets screen even before they have a target or a sale.
SELLING_ROLES = ("salesperson", "sales_manager")
MAX_UNITS = 9999


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _salesperson(session, username: str) -> str:
    name = (username or "").strip()
    if not name or session.execute(select(User.id).where(User.username == name)).first() is None:
        raise ValidationError("salesperson", msg("'{name}' is not a user", name=name))
    return name


def set_target_in(uow: UnitOfWork, salesperson: str, month: date, *, units: int, gross: int) -> None:
    """Set ``salesperson``'s target for the month of ``month`` (units delivered, gross profit in minor
    units); zero for both removes it."""
    require(uow.actor, "target.edit")
    name = _salesperson(uow.session, salesperson)
    units = exact_integer("units", units, unit="cars", minimum=0, maximum=MAX_UNITS)
    gross = check_amount("gross", gross, minimum=0)
    month = first_of_month(month)
    row = uow.session.execute(select(SalesTarget).where(SalesTarget.salesperson == name,
                                                        SalesTarget.month == month)).scalar()
    if row is None:
        if units or gross:
            uow.session.add(SalesTarget(salesperson=name, month=month, units=units, gross=gross))
    elif not units and not gross:
        uow.session.delete(row)
    elif (row.units, row.gross) != (units, gross):
        row.units, row.gross = units, gross
    uow.session.flush()


set_target = action(set_target_in)


@dataclass
class TargetInput:
    salesperson: str
    units: int
    gross: int


def set_targets_in(uow: UnitOfWork, month: date, targets: list[TargetInput]) -> None:
    """Set several salespeople's targets for a month together (the targets grid): all or none."""
    for i, t in enumerate(targets, start=1):
        try:
            set_target_in(uow, t.salesperson, month, units=t.units, gross=t.gross)
        except ValidationError as exc:
            raise ValidationError(f"targets[{i}].{exc.field}", exc.detail) from None


set_targets = action(set_targets_in)


@dataclass(frozen=True)
class Rule:
    salesperson: str  # '' the dealership's rule
    gross_bp: int
    per_unit: int


def set_commission_rule_in(uow: UnitOfWork, salesperson: str, *, gross_bp: int, per_unit: int) -> None:
    """Set the commission rule of ``salesperson`` ('' the dealership's, for everyone without one)."""
    require(uow.actor, "target.edit")
    name = _salesperson(uow.session, salesperson) if salesperson else ""
    bp = exact_integer("gross_bp", gross_bp, unit="basis points", minimum=0, maximum=10_000)
    amount = check_amount("per_unit", per_unit, minimum=0)
    row = uow.session.execute(select(CommissionRule).where(CommissionRule.salesperson == name)).scalar()
    if row is None:
        uow.session.add(CommissionRule(salesperson=name, gross_bp=bp, per_unit=amount))
    elif (row.gross_bp, row.per_unit) != (bp, amount):
        row.gross_bp, row.per_unit = bp, amount
    uow.session.flush()


set_commission_rule = action(set_commission_rule_in)


def remove_commission_rule_in(uow: UnitOfWork, salesperson: str) -> None:
    """Drop a salesperson's own rule: the dealership's applies to them again."""
    require(uow.actor, "target.edit")
    if not salesperson:
        raise ValidationError("salesperson", msg("The dealership's rule stays; set it to zero instead"))
    row = uow.session.execute(select(CommissionRule).where(CommissionRule.salesperson == salesperson)).scalar()
    if row is not None:
        uow.session.delete(row)
        uow.session.flush()


remove_commission_rule = action(remove_commission_rule_in)


@dataclass
class RuleInput:
    salesperson: str  # '' the dealership's
    gross_bp: int | None  # None with per_unit None: the salesperson has no rule of their own
    per_unit: int | None


def set_commission_rules_in(uow: UnitOfWork, rules: list[RuleInput]) -> None:
    """Set the dealership's rule and salespeople's own together (the commission form): all or none. A
    salesperson with neither figure follows the dealership's rule."""
    for i, r in enumerate(rules, start=1):
        try:
            if r.salesperson and r.gross_bp is None and r.per_unit is None:
                remove_commission_rule_in(uow, r.salesperson)
            else:
                set_commission_rule_in(uow, r.salesperson, gross_bp=r.gross_bp or 0, per_unit=r.per_unit or 0)
        except ValidationError as exc:
            raise ValidationError(f"rules[{i}].{exc.field}", exc.detail) from None


set_commission_rules = action(set_commission_rules_in)


def commission_rules(db: Database, actor: Actor) -> list[Rule]:
    """Every rule, the dealership's first (0 % and nothing a car when none is set). Any thread."""
    require(actor, "target.edit")
    with db.read() as conn:
        rows = {r.salesperson: Rule(r.salesperson, r.gross_bp, r.per_unit) for r in conn.execute(
            select(CommissionRule.salesperson, CommissionRule.gross_bp, CommissionRule.per_unit))}
    default = rows.pop("", Rule("", 0, 0))
    return [default, *sorted(rows.values(), key=lambda r: r.salesperson)]


def commission(gross_profit: int, rule: Rule) -> int:
    """One delivered deal's commission under ``rule`` (minor units): the percentage of a positive
    gross profit rounded half-up, plus the amount a car."""
    share = Decimal(max(0, gross_profit)) * rule.gross_bp / Decimal(10_000)
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP)) + rule.per_unit


@dataclass(frozen=True)
class Performance:
    salesperson: str
    name: str
    target_units: int
    target_gross: int
    units: int
    gross: int
    commission: int

    @property
    def has_target(self) -> bool:
        return bool(self.target_units or self.target_gross)


def _performance(conn, month: date) -> list[Performance]:
    month = first_of_month(month)
    end = next_month(month)
    rules = {r.salesperson: Rule(r.salesperson, r.gross_bp, r.per_unit) for r in conn.execute(
        select(CommissionRule.salesperson, CommissionRule.gross_bp, CommissionRule.per_unit))}
    default = rules.get("", Rule("", 0, 0))
    targets = {r.salesperson: (r.units, r.gross) for r in conn.execute(
        select(SalesTarget.salesperson, SalesTarget.units, SalesTarget.gross).where(SalesTarget.month == month))}
    done: dict[str, list[int]] = {}
    for r in conn.execute(select(Deal.salesperson, Deal.gross_profit).where(
            Deal.status == "delivered", Deal.delivered_on >= month, Deal.delivered_on < end)):
        done.setdefault(r.salesperson, []).append(r.gross_profit)
    users = {r.username: (r.display_name or r.username, r.active and r.role_code in SELLING_ROLES)
             for r in conn.execute(select(User.username, User.display_name, User.active, User.role_code))}
    people = {u for u, (_n, selling) in users.items() if selling} | set(targets) | set(done)
    out = []
    for person in people:
        deals = done.get(person, [])
        rule = rules.get(person, default)
        units, gross = targets.get(person, (0, 0))
        out.append(Performance(person, users.get(person, (person or "—", False))[0], units, gross, len(deals),
                               sum(deals), sum(commission(g, rule) for g in deals)))
    out.sort(key=lambda p: (p.name.lower(), p.salesperson))
    return out


def performance(db: Database, actor: Actor, month: date) -> list[Performance]:
    """Each salesperson's month (of ``month``): target, units and gross of the deals delivered in
    it, and the commission they earn; everyone selling, with a target or a delivery in it. Any
    thread; reads only."""
    require(actor, "target.edit")
    with db.read() as conn:
        return _performance(conn, month)


def months_of(start: date, end: date) -> list[date]:
    month, last, out = first_of_month(start), first_of_month(end), []
    while month <= last:
        out.append(month)
        month = next_month(month)
    return out


PERFORMANCE_COLUMNS = ("month", "salesperson", "name", "units", "target_units", "gross", "target_gross",
                       "commission")


def export_performance(db: Database, actor: Actor, path: Path | str, *, start: date | None = None,
                       end: date | None = None, progress: Progress = no_progress,
                       cancel: CancelToken | None = None) -> int:
    """Write each salesperson's performance and commission for every month from ``start`` to ``end``
    (this month without dates); amounts in the currency's units. Returns the rows written. Worker thread."""
    from core import clock
    from services import settings

    require(actor, "target.edit")
    require(actor, "data.export")
    if start is not None and end is not None and end < start:
        raise ValidationError("end", msg("The last day is before the first day"))
    path = Path(path)
    files.table_suffix(path)
    today = clock.today()
    months = months_of(start or end or today, end or start or today)
    if len(months) > 240:
        raise ValidationError("start", msg("A report covers at most 20 years"))
    with db.read() as conn:
        currency = settings.load(conn).currency
        rows: list[tuple[Any, ...]] = []
        for month in months:
            rows += [(month.strftime("%Y-%m"), p.salesperson, p.name, p.units, p.target_units,
                      from_minor(p.gross, currency), from_minor(p.target_gross, currency),
                      from_minor(p.commission, currency)) for p in _performance(conn, month)]

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        yield rows

    return files.write_table(path, PERFORMANCE_COLUMNS, batches(), total=len(rows), sheet="performance",
                             widths=(10, 16, 20, 8, 12, 14, 14, 14), progress=progress, cancel=cancel)

