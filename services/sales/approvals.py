"""Deal approval: levels of who approves what, and where a deal stands against them.

Each level names the role that approves at it and the limits a deal must keep for that level to be
enough: a highest discount (of the deal's price before discounts) and a lowest gross margin (gross
profit over the net sale), in basis points. The first level is the salesperson alone: a deal within
its limits needs no approval. A deal beyond them needs an approval at every further level up to the
first whose limits it keeps (the last level has none), one after the other. Approvals are given to
the deal's priced content as it was (its fingerprint): any change of price, discount, lines, vehicle
or trade-in asks for them again. An approver may send a deal back with a note instead.

Without levels set up in the ``approval_level`` table the defaults apply: the salesperson alone up to
3 % discount and at least 5 % margin, the sales manager up to 8 % and 2 %, the owner above.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id
from core.messages import Message, msg
from core.money import format_rate
from models.admin import Role
from models.sales import ApprovalLevel, DealApproval
from services.permissions import ROLES, require
from store.database import Database
from store.uow import UnitOfWork, action


@dataclass(frozen=True)
class Level:
    level: int
    role: str
    max_discount_bp: int | None  # None: no limit
    min_margin_bp: int | None

    def admits(self, discount_bp: int, margin_bp: int) -> bool:
        return ((self.max_discount_bp is None or discount_bp <= self.max_discount_bp)
                and (self.min_margin_bp is None or margin_bp >= self.min_margin_bp))


DEFAULT_LEVELS = (Level(1, "salesperson", 300, 500), Level(2, "sales_manager", 800, 200), Level(3, "owner", None, None))


NOBODY = Message("")  # who approves where no approval waits


@dataclass(frozen=True)
class Standing:
    """Where a deal stands: ``state`` not_needed | pending | approved | sent_back, the level now
    waiting (0: none), the highest level needed, the last note of a send-back and who sent it
    back, and who approves at the waiting level (see :func:`approver`; empty until asked for)."""

    state: str
    waiting_level: int
    required_level: int
    note: str = ""
    sent_back_by: str = ""
    approver: Message = NOBODY


def levels_of(conn_or_session) -> list[Level]:
    """The configured levels, lowest first (the defaults while none are set up). Any thread."""
    rows = conn_or_session.execute(select(ApprovalLevel.level, ApprovalLevel.role, ApprovalLevel.max_discount_bp,
                                          ApprovalLevel.min_margin_bp).order_by(ApprovalLevel.level)).all()
    return [Level(*r) for r in rows] or list(DEFAULT_LEVELS)


def required_level(levels: list[Level], discount_bp: int, margin_bp: int) -> int:
    """The first level whose limits admit the deal (the last level if none does)."""
    for level in levels:
        if level.admits(discount_bp, margin_bp):
            return level.level
    return levels[-1].level


def standing(session: Session, deal_id: str, fingerprint: str, levels: list[Level], needed: int) -> Standing:
    """Where the deal stands for its priced content ``fingerprint`` needing level ``needed``."""
    if needed <= levels[0].level:
        return Standing("not_needed", 0, needed)
    decisions = session.execute(select(DealApproval.level, DealApproval.decision, DealApproval.note, DealApproval.by)
                                .where(DealApproval.deal_id == deal_id, DealApproval.fingerprint == fingerprint)
                                .order_by(DealApproval.at, DealApproval.created_at)).all()
    approved: set[int] = set()
    for level, decision, _note, _by in decisions:
        if decision == "sent_back":
            approved.clear()
        else:
            approved.add(level)
    if decisions and decisions[-1].decision == "sent_back":
        return Standing("sent_back", 0, needed, decisions[-1].note, decisions[-1].by)
    for level in levels[1:]:
        if level.level > needed:
            break
        if level.level not in approved:
            return Standing("pending", level.level, needed)
    return Standing("approved", 0, needed)


def beyond(level: Level, discount_bp: int, margin_bp: int, *, margins: bool = True) -> Message:
    """What of a deal is beyond ``level``'s limits, named with the limit it breaks: its discount
    against the highest allowed and/or its margin against the lowest (the margin's own figure only
    for a reader who may see ``margins``); empty when the deal keeps both."""
    parts = []
    if level.max_discount_bp is not None and discount_bp > level.max_discount_bp:
        parts.append(msg("the discount {discount} is above the limit of {limit}", discount=format_rate(discount_bp),
                         limit=format_rate(level.max_discount_bp)))
    if level.min_margin_bp is not None and margin_bp < level.min_margin_bp:
        minimum = format_rate(level.min_margin_bp)
        parts.append(msg("the margin {margin} is below the minimum of {minimum}", margin=format_rate(margin_bp),
                         minimum=minimum) if margins else
                     msg("the margin is below the minimum of {minimum}", minimum=minimum))
    if not parts:
        return NOBODY
    if len(parts) == 1:
        return parts[0]
    return msg("{discount}, and {margin}", discount=parts[0], margin=parts[1])


def may_approve(actor: Actor, levels: list[Level], level: int) -> bool:
    """Whether ``actor`` decides at ``level``: its role's holders, and the owner at any level."""
    if not actor.can("deal.approve"):
        return False
    role = next((lv.role for lv in levels if lv.level == level), None)
    return actor.role == "owner" or actor.role == role


# Who approves, as a sentence names them ("waits for the approval of the sales manager").
ROLE_WORDS: dict[str, Message] = {"owner": msg("the owner"), "sales_manager": msg("the sales manager"),
                                  "salesperson": msg("the salesperson")}


def role_at(levels: list[Level], level: int) -> str:
    """The role that approves at ``level`` ("" for none)."""
    return next((lv.role for lv in levels if lv.level == level), "")


def approver(conn_or_session, levels: list[Level], level: int) -> Message:
    """Who approves at ``level``, as a message names them: a built-in role by its word, a role an
    administrator made or renamed by its name. Any thread."""
    role = role_at(levels, level)
    name = conn_or_session.execute(select(Role.name).where(Role.code == role)).scalar()
    if role in ROLE_WORDS and (name is None or name == ROLES.get(role)):
        return ROLE_WORDS[role]
    return Message("{name}", {"name": name or role})


@dataclass
class LevelInput:
    role: str
    max_discount_bp: int | None
    min_margin_bp: int | None


def save_levels_in(uow: UnitOfWork, rows: list[LevelInput]) -> None:
    """Replace the approval levels by ``rows``, lowest first. The first is the salesperson alone,
    the last has no limits; each level allows more than the one before it."""
    require(uow.actor, "settings.edit")
    if len(rows) < 2:
        raise ValidationError("levels", msg("Set up at least two levels: the salesperson alone and an approver"))
    roles = set(uow.session.execute(select(Role.code)).scalars())
    for i, row in enumerate(rows, start=1):
        if row.role not in roles:
            raise ValidationError(f"levels[{i}].role", msg("Role {role} is not known", role=row.role))
        for name in ("max_discount_bp", "min_margin_bp"):
            value = getattr(row, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not -10000 <= value <= 10000):
                raise ValidationError(f"levels[{i}].{name}", msg("A limit is a percentage from -100 % to 100 %"))
    last = rows[-1]
    if last.max_discount_bp is not None or last.min_margin_bp is not None:
        raise ValidationError(f"levels[{len(rows)}]", msg("The last level approves any deal: leave its limits empty"))
    for i in range(1, len(rows) - 1):
        before, this = rows[i - 1], rows[i]
        if (this.max_discount_bp is not None and before.max_discount_bp is not None
                and this.max_discount_bp < before.max_discount_bp) or \
                (this.min_margin_bp is not None and before.min_margin_bp is not None
                 and this.min_margin_bp > before.min_margin_bp):
            raise ValidationError(f"levels[{i + 1}]", msg("Each level allows at least what the level before it allows"))
    old = list(uow.session.execute(select(ApprovalLevel.id)).scalars())
    uow.delete(ApprovalLevel, old)
    uow.insert(ApprovalLevel, [{"id": new_id(), "level": i, "role": row.role, "max_discount_bp": row.max_discount_bp,
                                "min_margin_bp": row.min_margin_bp} for i, row in enumerate(rows, start=1)])


save_levels = action(save_levels_in)


def levels(db: Database, actor: Actor) -> list[Level]:
    """The approval levels, lowest first. Any thread."""
    require(actor, "deal.view")
    with db.read() as conn:
        return levels_of(conn)
