"""Payment methods as the dealership offers them: the standard ones (cash, WeChat Pay, Alipay, UnionPay
card, bank transfer, …) and its own, in its order, each active or not.

Kept as one setting (a list), so it syncs like the other settings. A standard method is never removed,
only switched off; a method of the dealership's own can be removed while no payment uses it, and
once one does it can only be switched off, so every payment keeps a method that has a name. Paying
with credit already held (``deposit``) is not a method of money and is always offered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import select

from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id
from core.messages import msg
from models.admin import Setting
from models.billing import PAYMENT_METHODS, Payment
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

KEY = "payment_methods"
CREDIT_METHOD = "deposit"
STANDARD = tuple(m for m in PAYMENT_METHODS if m != CREDIT_METHOD)
_CUSTOM_CODE = re.compile(r"^own_[0-9a-f]{8}$")


@dataclass(frozen=True)
class MethodInput:
    """One method as the settings screen sends it, in the order wanted. ``code`` empty: a new method
    of the dealership's own, named ``name``."""

    code: str
    active: bool = True
    name: str = ""


@dataclass(frozen=True)
class Method:
    code: str
    name: str  # the dealership's own name; empty for a standard method (the screen translates those)
    active: bool
    standard: bool
    in_use: bool  # some payment or refund uses it: it can be switched off, not removed


def _stored(conn_or_session) -> list[dict]:
    raw = conn_or_session.execute(select(Setting.value).where(Setting.key == KEY)).scalar()
    try:
        data = json.loads(raw) if raw else []
    except ValueError:
        data = []
    return [d for d in data if isinstance(d, dict) and isinstance(d.get("code"), str)]


def configured(conn_or_session) -> list[tuple[str, str, bool]]:
    """(code, own name, active) of every method, in the dealership's order; standard methods that are
    not in the stored list yet come last, active. Any thread."""
    out: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for d in _stored(conn_or_session):
        code = d["code"]
        if code in seen or not (code in STANDARD or _CUSTOM_CODE.match(code)):
            continue
        seen.add(code)
        out.append((code, str(d.get("name", "")) if code not in STANDARD else "", bool(d.get("active", True))))
    out += [(code, "", True) for code in STANDARD if code not in seen]
    return out


def active_codes(conn_or_session) -> list[str]:
    """The methods a payment may be taken by now, in order. Any thread."""
    return [code for code, _name, active in configured(conn_or_session) if active]


def own_names(conn_or_session) -> dict[str, str]:
    """Code → name of the dealership's own methods (standard ones are named by the screens)."""
    return {code: name for code, name, _active in configured(conn_or_session) if code not in STANDARD}


# The standard methods' names in English, for the files the command line writes (the screens name
# them in their user's language: ui/billing/labels.py).
STANDARD_NAMES = {"cash": "Cash", "wechat_pay": "WeChat Pay", "alipay": "Alipay", "unionpay_card": "UnionPay card",
                  "card": "Card", "bank_transfer": "Bank transfer", "finance_payout": "Finance company payout",
                  "insurance_payout": "Insurance payout", "voucher": "Voucher", "trade_in": "Trade-in vehicle",
                  "deposit": "Deposit taken earlier"}


def english_names(conn_or_session) -> dict[str, str]:
    """Code → name of every method: the standard ones in English, the dealership's own as it names them."""
    return {**STANDARD_NAMES, **own_names(conn_or_session)}


def is_own_code(code: str) -> bool:
    """Whether ``code`` has the shape of a method of the dealership's own."""
    return bool(_CUSTOM_CODE.match(code))


def _used(conn_or_session) -> set[str]:
    return set(conn_or_session.execute(select(Payment.method).distinct()).scalars())


def methods(db: Database, actor: Actor) -> list[Method]:
    """Every method in order, with whether a payment uses it. Any thread."""
    require(actor, "invoice.view")
    with db.read() as conn:
        used = _used(conn)
        return [Method(code, name, active, code in STANDARD, code in used) for code, name, active in configured(conn)]


def offered(db: Database) -> list[str]:
    """:func:`active_codes` on a fresh read. Any thread."""
    with db.read() as conn:
        return active_codes(conn)


def method_names(db: Database) -> dict[str, str]:
    """Code → name of the dealership's own methods, for screens and printed documents. Any thread."""
    with db.read() as conn:
        return own_names(conn)


def save_methods_in(uow: UnitOfWork, rows: list[MethodInput]) -> list[str]:
    """Store the methods in the order given, active or not. Returns the codes in order (new ones
    included). Refused: a standard method left out, a method in use removed, a name missing or twice,
    no active method at all."""
    session = uow.session
    require(uow.actor, "settings.edit")
    before = {code for code, _name, _active in configured(session)}
    used = _used(session)
    out: list[dict] = []
    names: set[str] = set()
    for i, row in enumerate(rows, start=1):
        code = row.code.strip()
        name = " ".join(row.name.split())
        if code in STANDARD:
            name = ""
        else:
            if not name:
                raise ValidationError(f"methods[{i}].name", msg("Give the payment method a name"))
            if len(name) > 40:
                raise ValidationError(f"methods[{i}].name", msg("A method's name is at most 40 characters"))
            if name.casefold() in names:
                raise ValidationError(f"methods[{i}].name", msg("There is already a method named {name}", name=name))
            names.add(name.casefold())
            if not code:
                code = f"own_{new_id()[-8:].lower()}"
                while code in before or any(code == d["code"] for d in out):
                    code = f"own_{new_id()[-8:].lower()}"
            elif code not in before or not _CUSTOM_CODE.match(code):
                raise ValidationError(f"methods[{i}].code", msg("'{code}' is not a payment method", code=code))
        if any(code == d["code"] for d in out):
            raise ValidationError(f"methods[{i}].code", msg("The method {code} is listed twice", code=code))
        out.append({"code": code, "name": name, "active": bool(row.active)})
    kept = {d["code"] for d in out}
    for code in STANDARD:
        if code not in kept:
            raise ValidationError("methods", msg("The standard method {code} cannot be removed; switch it off instead",
                                                 code=code))
    for code in sorted((before - kept) & used):
        raise ValidationError("methods", msg("The method {code} is used by payments; it can be switched off, "
                                             "not removed", code=code))
    if not any(d["active"] for d in out):
        raise ValidationError("methods", msg("Keep at least one payment method active"))
    setting = session.get(Setting, KEY) or Setting(key=KEY)
    setting.value = json.dumps(out, ensure_ascii=False)
    session.add(setting)
    return [d["code"] for d in out]


save_methods = action(save_methods_in)
