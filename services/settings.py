"""Dealership settings, tax rates, terminal identity and numbering series (DESIGN §2–§3)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from core import money
from core.errors import NotFound, ValidationError
from core.messages import msg
from models.admin import NumberSeries, Setting, TaxRate, Terminal
from services.permissions import require
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork, action

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

DOC_TYPES: dict[str, str] = {
    "invoice": "INV",
    "credit_note": "CN",
    "deal": "DL",
    "repair_order": "RO",
    "purchase_order": "PO",
    "stock_count": "SC",
    "stock_vehicle": "SV",
    "used_stock": "U",
}


@dataclass
class DealershipSettings:
    name: str = "My Dealership"
    address: str = ""
    phone: str = ""
    email: str = ""
    tax_id: str = ""
    country: str = "CN"
    currency: str = "CNY"
    prices_include_tax: bool = True
    language: str = "en"
    allow_negative_stock: bool = False
    # A car back in the workshop within this many days of its last repair order is a comeback.
    comeback_days: int = 30
    number_prefixes: dict[str, str] = field(default_factory=lambda: dict(DOC_TYPES))
    # The workshop: the next service falls due this long after a handover, by date or by mileage
    # (whichever comes first), and a survey score at or below ``survey_low_score`` raises a follow-up.
    service_interval_months: int = 12
    service_interval_km: int = 10_000
    survey_low_score: int = 6


_KEY = "dealership"


def _validate(s: DealershipSettings) -> None:
    import phonenumbers

    if not s.name.strip():
        raise ValidationError("name", msg("The dealership name is required"))
    if s.currency not in money.CURRENCIES:
        raise ValidationError("currency", msg("Unknown currency '{currency}'", currency=s.currency))
    if s.language not in LANGUAGES:
        raise ValidationError("language", msg("Unknown language '{language}'", language=s.language))
    if s.country not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError("country", msg("Unknown country code '{country}'", country=s.country))
    for name, value, low, high in (("service_interval_months", s.service_interval_months, 1, 60),
                                   ("service_interval_km", s.service_interval_km, 1_000, 100_000),
                                   ("survey_low_score", s.survey_low_score, 0, 10)):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(name, msg("must be a whole number from {low:,} to {high:,}", low=low, high=high))
    if isinstance(s.comeback_days, bool) or not isinstance(s.comeback_days, int) or not 1 <= s.comeback_days <= 365:
        raise ValidationError("comeback_days", msg("The comeback period is 1 to 365 days"))
    for doc, prefix in s.number_prefixes.items():
        if doc not in DOC_TYPES:
            raise ValidationError("number_prefixes", msg("Unknown document type '{doc}'", doc=doc))
        # ASCII only: a full-width "ＩＮＶ" typed through an input method looks like "INV" but is not.
        if not prefix or not (prefix.isascii() and prefix.isalnum()) or len(prefix) > 8:
            raise ValidationError(f"prefix_{doc}", msg("A prefix is 1–8 letters or digits"))


def load(conn_or_session) -> DealershipSettings:
    raw = conn_or_session.execute(select(Setting.value).where(Setting.key == _KEY)).scalar()
    data = json.loads(raw) if raw else {}
    known = {f.name for f in fields(DealershipSettings)}
    s = DealershipSettings(**{k: v for k, v in data.items() if k in known})
    s.number_prefixes = {**DOC_TYPES, **s.number_prefixes}
    return s


def get(db: Database) -> DealershipSettings:
    with db.read() as conn:
        return load(conn)


def save_in(uow: UnitOfWork, new: DealershipSettings, *, terminal_code: str | None = None) -> DealershipSettings:
    """Save the dealership settings and, when given, this terminal's code — both or neither."""
    require(uow.actor, "settings.edit")
    new.name = new.name.strip()
    _validate(new)
    code = _check_terminal_code(terminal_code) if terminal_code is not None else None
    row = uow.session.get(Setting, _KEY) or Setting(key=_KEY)
    row.value = json.dumps(asdict(new), ensure_ascii=False, sort_keys=True)
    uow.session.add(row)
    if code is not None:
        _write_terminal_code(uow, code)
    return new


save = action(save_in)


MAX_LOGO_BYTES = 2 * 1024 * 1024


def set_logo_in(uow: UnitOfWork, data: bytes | None) -> None:
    actor, session = uow.actor, uow.session
    require(actor, "settings.edit")
    if data is not None:
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError("logo", msg("The logo must be smaller than 2 MB"))
        if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
            raise ValidationError("logo", msg("The logo must be a PNG or JPEG image"))
    row = session.get(Setting, "dealership.logo") or Setting(key="dealership.logo", value="null")
    row.blob = data
    session.add(row)


set_logo = action(set_logo_in)


def get_logo(db: Database) -> bytes | None:
    with db.read() as conn:
        return conn.execute(select(Setting.blob).where(Setting.key == "dealership.logo")).scalar()


# --- terminal -------------------------------------------------------------------------------------

def terminal_code(conn_or_session) -> str:
    """This terminal's code; read once per unit of work's session (a posting asks several times)."""
    info = getattr(conn_or_session, "info", None) if isinstance(conn_or_session, Session) else None
    if info is not None and "terminal_code" in info:
        return info["terminal_code"]
    code = conn_or_session.execute(select(Terminal.code)).scalar() or "T1"
    if info is not None:
        info["terminal_code"] = code
    return code


def _check_terminal_code(code: str) -> str:
    code = code.strip().upper()
    if not code or not (code.isascii() and code.isalnum()) or len(code) > 6:
        raise ValidationError("terminal_code", msg("A terminal code is 1–6 letters or digits"))
    return code


def _write_terminal_code(uow: UnitOfWork, code: str) -> None:
    before = terminal_code(uow.session)
    if before == code:
        return
    uow.execute(update(Terminal).values(code=code), touches={"terminal": None})
    uow.session.info["terminal_code"] = code
    uow.audit([Change("update", "terminal", "this", {"code": before}, {"code": code})])


def set_terminal_code_in(uow: UnitOfWork, code: str) -> None:
    actor = uow.actor
    require(actor, "settings.edit")
    code = _check_terminal_code(code)
    _write_terminal_code(uow, code)


set_terminal_code = action(set_terminal_code_in)


# --- tax rates ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TaxRateRow:
    id: str
    code: str
    name: str
    rate_bp: int
    is_default: bool
    active: bool


def tax_rates(db: Database) -> list[TaxRateRow]:
    with db.read() as conn:
        rows = conn.execute(
            select(TaxRate.id, TaxRate.code, TaxRate.name, TaxRate.rate_bp, TaxRate.is_default, TaxRate.active)
            .order_by(TaxRate.code))
        return [TaxRateRow(*r) for r in rows]


def save_tax_rate_in(uow: UnitOfWork, *, code: str, name: str, rate: str | int,
                  is_default: bool = False, active: bool = True, id: str | None = None) -> str:
    actor, session = uow.actor, uow.session
    require(actor, "settings.edit")
    code = code.strip().upper()
    if not code:
        raise ValidationError("code", msg("A tax code is required"))
    if not name.strip():
        raise ValidationError("name", msg("A tax name is required"))
    # A float such as 13.5 is not exact: rates come as basis points or as typed text.
    rate_bp = money.parse_rate_percent(rate) if isinstance(rate, str) else money.check_rate_bp("rate", rate)
    clash = session.execute(select(TaxRate.id).where(TaxRate.code == code)).scalar()
    if clash and clash != id:
        raise ValidationError("code", msg("Tax code '{code}' already exists", code=code))
    row = session.get(TaxRate, id) if id else TaxRate()
    if row is None:
        raise NotFound(msg("Tax rate {id} not found", id=id))
    row.code, row.name, row.rate_bp, row.active = code, name.strip(), rate_bp, active
    if is_default:
        for other in session.execute(select(TaxRate).where(TaxRate.is_default)).scalars():
            if other is not row:
                other.is_default = False
    row.is_default = is_default
    session.add(row)
    session.flush()
    return row.id


save_tax_rate = action(save_tax_rate_in)


# --- numbering series -----------------------------------------------------------------------------

def next_number(session: Session, doc_type: str, *, on: date | None = None) -> str:
    """Take the next number of ``doc_type`` in this terminal's series for the year, inside the
    caller's write transaction (so a rollback gives the number back: gap-free)."""
    if doc_type not in DOC_TYPES:
        raise ValidationError("doc_type", msg("Unknown document type '{doc_type}'", doc_type=doc_type))
    year = (on or date.today()).year
    term = terminal_code(session)
    prefix = load(session).number_prefixes.get(doc_type, DOC_TYPES[doc_type])
    row = session.execute(
        select(NumberSeries).where(NumberSeries.doc_type == doc_type, NumberSeries.terminal_code == term,
                                   NumberSeries.year == year)
    ).scalar_one_or_none()
    if row is None:
        row = NumberSeries(doc_type=doc_type, prefix=prefix, terminal_code=term, year=year, next_seq=1, width=6)
        session.add(row)
        session.flush()
    seq = row.next_seq
    row.next_seq = seq + 1
    row.prefix = prefix
    session.flush()
    return f"{prefix}{term}-{year}-{seq:0{row.width}d}"


@dataclass(frozen=True)
class SeriesRow:
    doc_type: str
    prefix: str
    terminal_code: str
    year: int
    next_seq: int


def series(db: Database) -> list[SeriesRow]:
    with db.read() as conn:
        rows = conn.execute(text(
            "SELECT doc_type, prefix, terminal_code, year, next_seq FROM number_series "
            "ORDER BY year DESC, doc_type"))
        return [SeriesRow(*r) for r in rows]
