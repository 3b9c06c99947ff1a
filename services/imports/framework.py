"""The import framework (DESIGN §9): column mapping, presets, preview and an all-or-nothing commit.

An :class:`ImportKind` names the fields a file may fill, which are required, the natural key that
makes re-importing a file update rather than duplicate, and two functions: ``plan`` resolves the
parsed rows against the database (marking each row insert, update or unchanged, or adding errors) and
``commit`` writes a plan with Core executemany in the caller's transaction (STYLE §11).

Every row is validated before anything is written. If any row has an error, nothing is written and
an error report (.xlsx) names each bad row, field and problem.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import OperationalError

from core.actor import Actor
from core.errors import NotFound, ValidationError
from core.memory import collector_paused
from core.messages import field_label, msg, render
from core.money import digits
from core.progress import CancelToken, Progress, no_progress
from core.text import without_invisible
from models.parts import ImportPreset
from services import files, settings
from services.imports.reader import (
    FormulaWithoutValue,
    Table,
    cell_text,
    identifier_text,
    read_table,
    scientific,
    unquoted,
)
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

log = logging.getLogger(__name__)

FIELD_KINDS = ("text", "code", "money", "quantity", "hours", "date")
_CHECK_EVERY = 2000


# translate(context, English text) → the text in the user's language
Translate = Callable[[str, str], str]

@dataclass(frozen=True)
class Field:
    """A target field of an import. ``kind``: text | code (part numbers, barcodes: refused when Excel
    mangled them, or when they hold no letter or digit) | money (to minor units) | quantity (to
    thousandths) | hours (to hundredths) | date (a date cell, or text as 2024-03-31 or 2024/3/31).
    ``maximum`` caps a number field, in its whole units.
    ``check`` turns a parsed value into the value planned, raising :class:`ValidationError` for a bad
    one, so every field's problems are found in one pass before any row is planned."""

    name: str
    label: str
    required: bool = False
    kind: str = "text"
    max_length: int = 0
    synonyms: tuple[str, ...] = ()
    maximum: int = 0
    check: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class RowError:
    row: int  # the row number as the spreadsheet shows it; 0 for a problem of the whole file
    field: str
    message: str
    value: str = ""


@dataclass
class RowResult:
    """One data row: its parsed ``values`` (only fields that had a value) and, once planned, its
    ``action`` (insert | update | unchanged) or its errors."""

    row: int
    values: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)
    action: str = ""
    raw: dict[str, str] = field(default_factory=dict)
    # The row's cells as read and the column of each mapped field: an error names the value as found.
    cells: list[Any] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def value_of(self, field_name: str) -> str:
        """The cell of ``field_name`` as the file holds it ("" when not mapped)."""
        if field_name in self.raw:
            return self.raw[field_name]
        index = self.columns.get(field_name)
        if index is None or index >= len(self.cells):
            return ""
        return cell_text(self.cells[index])

    def error(self, field_name: str, message: str) -> None:
        self.errors.append(RowError(self.row, field_name, message, self.value_of(field_name)))


@dataclass
class ImportSummary:
    kind: str
    file: str
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    # What only this kind counts, keyed as its ImportKind.extras name them (parts: new brands,
    # supersessions).
    extra: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    report: Path | None = None
    dry_run: bool = False
    written: bool = False
    seconds: float = 0.0

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors})


@dataclass
class Context:
    """What parsing and planning need besides the rows."""

    currency: str
    actor: Actor
    file: str
    target: str = ""  # what the rows go into, when the kind needs it (the stock count number)


@dataclass(frozen=True)
class ImportKind:
    name: str
    title: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    key_of: Callable[[dict[str, Any]], tuple]
    # plan(conn, rows, context, summary) -> an opaque plan; fills row actions/errors and the summary counts
    plan: Callable[[Connection, list[RowResult], Context, ImportSummary], Any]
    # commit(uow, plan, summary, progress, cancel): writes the plan in the caller's unit of work
    commit: Callable[[UnitOfWork, Any, ImportSummary, Progress, CancelToken | None], None]
    permissions: tuple[str, ...] = ()  # every one is needed to import (and to save presets of) this kind
    extras: tuple[tuple[str, str], ...] = ()  # (key in ImportSummary.extra, English label) to report
    about: str = ""  # what a file of this kind holds, for help texts ("a manufacturer's price list")
    # A kind whose rows go into something (a stock count): the option naming it, and its help text.
    target_option: tuple[str, str] | None = None
    # fingerprint(conn) -> a value that changes whenever anything ``plan`` reads changes, cheap to take.
    # With one, the plan is made on the read engine and only checked again under the write lock;
    # without one, it is made under the write lock.
    fingerprint: Callable[[Connection], Any] | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise ValidationError("mapping", msg("'{name}' is not a field of a {name2} import", name=name, name2=self.name))


KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    KINDS[kind.name] = kind
    return kind


def import_kind(name: str) -> ImportKind:
    """The import kind called ``name`` (each area registers its kinds: parts, price-list, …)."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValidationError("kind", msg("Unknown import '{name}'; choose one of {items}",
                                          name=name, items=', '.join(sorted(KINDS)))) from None


# --- column mapping -------------------------------------------------------------------------------

def _fold_header(text: str) -> str:
    return "".join(ch for ch in cell_text(text).casefold() if ch.isalnum())


def auto_mapping(kind: ImportKind, headers: Sequence[str]) -> dict[str, str]:
    """Field → header for every field whose name, label or a synonym (English or Chinese) matches a
    header, ignoring case, spaces and punctuation. Each header is used at most once."""
    folded = [_fold_header(h) for h in headers]
    mapping: dict[str, str] = {}
    used: set[int] = set()
    for f in kind.fields:
        for name in (f.name, f.label, *f.synonyms):
            key = _fold_header(name)
            hit = next((i for i, h in enumerate(folded) if h == key and i not in used), None)
            if hit is not None:
                mapping[f.name] = headers[hit]
                used.add(hit)
                break
    return mapping


def check_mapping(kind: ImportKind, headers: Sequence[str], mapping: dict[str, str]) -> dict[str, int]:
    """Field → column index for ``mapping``; refuses unknown fields, missing headers and unmapped
    required fields, naming them."""
    columns: dict[str, int] = {}
    for name, header in mapping.items():
        if not header:
            continue
        kind.field(name)
        if header not in headers:
            raise ValidationError("mapping", msg("The file has no column '{header}' (for {name})",
                                                 header=header, name=name))
        columns[name] = list(headers).index(header)
    missing = [f.name for f in kind.fields if f.required and f.name not in columns]
    if missing:
        found = ", ".join(h for h in headers if h) or "none"
        raise ValidationError("mapping", msg("No column for {items} (columns found: {found})",
                                             items=', '.join(missing), found=found))
    return columns


# --- presets --------------------------------------------------------------------------------------

def save_preset_in(uow: UnitOfWork, kind: str, name: str, mapping: dict[str, str]) -> str:
    """Remember ``mapping`` as preset ``name`` of ``kind`` (replacing one of that name); returns its id."""
    actor, session = uow.actor, uow.session
    for permission in import_kind(kind).permissions:
        require(actor, permission)
    clean = " ".join(name.split())
    if not clean or len(clean) > 80:
        raise ValidationError("name", msg("A preset needs a name of at most 80 characters"))
    data = json.dumps({k: v for k, v in mapping.items() if v}, ensure_ascii=False, sort_keys=True)
    preset = session.execute(select(ImportPreset).where(ImportPreset.kind == kind,
                                                        ImportPreset.name == clean)).scalar()
    if preset is None:
        preset = ImportPreset(kind=kind, name=clean, mapping=data)
        session.add(preset)
    else:
        preset.mapping = data
    session.flush()
    return preset.id


save_preset = action(save_preset_in)


def load_preset(db: Database, kind: str, name: str) -> dict[str, str]:
    """The mapping saved as preset ``name`` of ``kind``; NotFound if there is none. Any thread."""
    with db.read() as conn:
        raw = conn.execute(select(ImportPreset.mapping).where(ImportPreset.kind == kind,
                                                              ImportPreset.name == " ".join(name.split()))).scalar()
    if raw is None:
        raise NotFound(msg("There is no {kind} import preset called '{name}'", kind=kind, name=name))
    return dict(json.loads(raw))


def list_presets(db: Database, kind: str) -> list[str]:
    """The names of the presets of ``kind``, sorted. Any thread."""
    with db.read() as conn:
        return list(conn.execute(select(ImportPreset.name).where(ImportPreset.kind == kind)
                                 .order_by(ImportPreset.name)).scalars())


# --- parsing --------------------------------------------------------------------------------------

# Larger amounts and quantities are typing slips, and beyond 2**63 SQLite cannot store them at all.
_MAX_DIGITS = 13


_PLACES = {"quantity": 3, "hours": 2}
# Commas as thousands separators, in groups of three: 1,234 and 12,345.5. Any other comma (1,5) may
# be a decimal comma and is refused rather than read as a thousands separator (1,5 is not 15).
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


def _places(f: Field, currency: str) -> int:
    return digits(currency) if f.kind == "money" else _PLACES[f.kind]


def _scaled(f: Field, number: Decimal, text: str, places: int) -> int:
    """``number`` as an integer of ``10**places`` per unit, refusing what does not fit the field."""
    if not number.is_finite():
        raise ValidationError(f.name, msg("'{text}' is not a number", text=text))
    if number.adjusted() >= _MAX_DIGITS:
        raise ValidationError(f.name, msg("'{text}' is too large", text=text))
    if number < 0:
        raise ValidationError(f.name, msg("'{text}' is negative", text=text))
    if f.maximum and number > f.maximum:
        raise ValidationError(f.name, msg("'{text}' is more than {maximum}", text=text, maximum=f.maximum))
    scaled = number.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValidationError(f.name, msg("'{text}' has more than {places} decimal places", text=text,
                                          places=places))
    return int(scaled)


def _number_value(f: Field, value: float | int, places: int) -> int:
    """A number cell as an integer of ``10**places`` per unit, exactly as its text would give."""
    # Excel's own precision, as cell_text(): hides binary noise such as 56.649999999999999.
    number = Decimal(format(value, ".15g")) if value.__class__ is float else Decimal(value)
    return _scaled(f, number, cell_text(value), places)


def _number_text(f: Field, text: str, places: int) -> int:
    """A number typed as text. A comma is read only as a thousands separator in groups of three; any
    other comma is refused (it may be a decimal comma), as is anything that is not a plain number."""
    plain = text.replace(",", "")
    if not _NUMBER.match(plain):
        raise ValidationError(f.name, msg("'{text}' is not a number", text=text))
    if plain != text and not _THOUSANDS.match(text):
        raise ValidationError(f.name, msg("'{text}' has a comma where a point may be meant: write the decimal "
                                          "mark as a point (1.5, not 1,5)", text=text))
    return _scaled(f, Decimal(plain), text, places)


def _parse_value(f: Field, value: Any, currency: str) -> Any:
    cls = value.__class__
    if cls is FormulaWithoutValue:
        raise ValidationError(f.name, msg("the file holds a formula without its value: open it in Excel and save it"))
    if f.kind in ("money", "quantity", "hours") and (cls is float or cls is int):
        return _checked(f, _number_value(f, value, _places(f, currency)))
    if cls is str and f.kind == "text" and value.isascii():
        # The common case of a plain text cell, without the general path's conversions.
        text = " ".join(unquoted(value).split())
        if f.max_length and len(text) > f.max_length:
            raise ValidationError(f.name, msg("is longer than {max_length} characters", max_length=f.max_length))
        return _checked(f, text) if text else None
    if f.kind == "date":
        return _checked(f, _date_value(f, value))
    if isinstance(value, date | datetime) and f.kind in ("text", "code"):
        # Excel turns "03-10" or "2024-1" typed into a General cell into a date; the text typed is lost.
        raise ValidationError(f.name, msg("is a date ({value}) in Excel, not text: format the column as Text in "
                                          "Excel, retype the values and save again", value=cell_text(value)))
    text = " ".join(without_invisible(identifier_text(value) if f.kind == "code" else cell_text(value)).split())
    if not text:
        return None
    if f.max_length and len(text) > f.max_length:
        raise ValidationError(f.name, msg("is longer than {max_length} characters", max_length=f.max_length))
    if f.kind in ("money", "quantity", "hours"):
        return _checked(f, _number_text(f, text, _places(f, currency)))
    if f.kind == "code" and not any(ch.isalnum() for ch in text):
        raise ValidationError(f.name, msg("'{text}' has no letters or digits", text=text))
    return _checked(f, text)


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _date_value(f: Field, value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(cell_text(value).split())
    if not text:
        return None
    found = _DATE.match(text)
    try:
        if found is None:
            raise ValueError(text)
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        raise ValidationError(f.name, msg("'{text}' is not a date (write it as 2024-03-31)", text=text)) from None


def _checked(f: Field, value: Any) -> Any:
    return f.check(value) if f.check is not None else value


_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
_NUMBER_KINDS = ("money", "quantity", "hours")


def _converter(f: Field, currency: str) -> Callable[[Any], Any]:
    """``_parse_value`` for field ``f`` as a function of the cell: the common cells of a bulk file
    (numbers of the units the field holds, text and codes, empty cells) take a short way
    that gives what the general path gives; any other cell, and any cell that is not plainly valid,
    goes the general way, so every error is the general path's own."""
    check = f.check

    def general(value: Any) -> Any:
        return _parse_value(f, value, currency)

    if f.kind in _NUMBER_KINDS:
        places = _places(f, currency)
        scale = 10**places
        # A number of at most 15 significant digits survives a trip through a float and back (Python
        # divides integers and formats floats correctly rounded), so a float that equals n / scale
        # reads as the number n / scale at Excel's precision: exactly the n the general path finds.
        limit = min(10**15, 10**_MAX_DIGITS * scale)
        most = f.maximum * scale if f.maximum else limit

        def number(value: Any) -> Any:
            cls = value.__class__
            if cls is float:
                if 0.0 <= value < 1e15:
                    n = round(value * scale)
                    if n < limit and n <= most and n / scale == value:
                        return n if check is None else check(n)
            elif cls is int:
                if 0 <= value < 10**_MAX_DIGITS and (not f.maximum or value <= f.maximum):
                    n = value * scale
                    return n if check is None else check(n)
            elif value is None:
                return None
            return general(value)

        return number
    if f.kind in ("text", "code"):
        code = f.kind == "code"
        max_length = f.max_length

        def text(value: Any) -> Any:
            if value.__class__ is str and value[:1] != "'":
                if code and ("e" in value or "E" in value) and scientific(value.strip()):
                    return general(value)
                cleaned = " ".join(without_invisible(value).split())
                if not cleaned:
                    return None
                if max_length and len(cleaned) > max_length:
                    return general(value)
                if code and not (_ASCII_ALNUM.search(cleaned) if cleaned.isascii()
                                 else any(ch.isalnum() for ch in cleaned)):
                    return general(value)
                return cleaned if check is None else check(cleaned)
            if value is None:
                return None
            return general(value)

        return text
    return general


def parse_rows(table: Table, kind: ImportKind, columns: dict[str, int], context: Context, *,
               progress: Progress = no_progress, cancel: CancelToken | None = None) -> list[RowResult]:
    """Every data row of ``table`` parsed field by field, with per-field errors and duplicates of the
    natural key within the file marked as errors."""
    fields = [(kind.field(name), index) for name, index in columns.items()]
    converters = [(f.name, _converter(f, context.currency), index) for f, index in fields]
    required = [f.name for f in kind.fields if f.required]
    required_set = frozenset(required)
    results: list[RowResult] = []
    seen: dict[tuple, int] = {}
    key_field = kind.key[-1]
    for count, (number, cells) in enumerate(table.rows, start=1):
        result = RowResult(number, {}, cells=cells, columns=columns)
        values = result.values
        size = len(cells)
        for name, convert, index in converters:
            try:
                parsed = convert(cells[index] if index < size else None)
            except ValidationError as exc:
                result.error(name, exc.detail)
                continue
            if parsed is not None:
                values[name] = parsed
        if not values.keys() >= required_set:
            for name in required:
                if name not in values and not any(e.field == name for e in result.errors):
                    result.error(name, msg("is empty"))
        # A repeated key is found even in a row with other problems, so one report lists them all.
        if not result.errors or not any(e.field in kind.key for e in result.errors):
            key = kind.key_of(values)
            first = seen.get(key)
            if first is not None:
                named = " ".join(str(result.values[k]) for k in kind.key if result.values.get(k, "") != "")
                field_name = key_field
                if len(key) == 2 and key[0] in kind.key:
                    # One of alternative keys (customers: ID number, credit code or phone): the one repeated.
                    field_name, named = key[0], str(result.values.get(key[0], key[1]))
                result.error(field_name, msg("repeats row {first} ({named}): each may appear only once in a file",
                                            first=first, named=named))
            else:
                seen[key] = number
        results.append(result)
        if count % _CHECK_EVERY == 0:
            if cancel is not None:
                cancel.check()
            progress(count, table.total, f"Checked {count:,} rows")
    if not results:
        raise ValidationError("file", msg("{name} has no data rows, only a header row: nothing was imported",
                                          name=table.path.name))
    return results


# --- running --------------------------------------------------------------------------------------

def default_report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.errors.xlsx")


def _as_written(_context: str, text: str) -> str:
    return text


def write_error_report(path: Path | str, errors: Iterable[RowError], *, kind: ImportKind | None = None,
                       translate: Translate = _as_written) -> Path:
    """Write ``errors`` as an .xlsx (or .csv) file: row, field, problem, value, in the language of
    ``translate(context, English text)`` (the UI's translations; English by default): fields by
    their names in ``kind``, problems from their message templates. Any thread."""
    path = Path(path)
    labels = {f.name: f.label for f in kind.fields} if kind is not None else {}

    def field_text(name: str) -> str:
        return translate("Field", labels.get(name) or field_label(name)) if name else ""

    rows = [(e.row or None, field_text(e.field), render(e.message, lambda t: translate("Service", t)), e.value)
            for e in errors]
    headers = [translate("Service", h) for h in (msg("Row"), msg("Field"), msg("Problem"), msg("Value"))]
    files.write_table(path, headers, [rows], total=len(rows), sheet="errors", widths=(8, 18, 70, 30))
    return path


@dataclass
class Preview:
    headers: list[str]
    mapping: dict[str, str]
    rows: list[RowResult]  # the first rows, each with its action or errors
    summary: ImportSummary  # over every row of the file


def _prepare(db: Database, actor: Actor, path: Path | str, kind: ImportKind | str,
             mapping: dict[str, str] | None, target: str
             ) -> tuple[ImportKind, Table, dict[str, str], dict[str, int], Context]:
    kind = import_kind(kind) if isinstance(kind, str) else kind
    for permission in kind.permissions:
        require(actor, permission)
    table = read_table(path)
    mapping = dict(mapping) if mapping else auto_mapping(kind, table.headers)
    columns = check_mapping(kind, table.headers, mapping)
    with db.read() as conn:
        currency = settings.load(conn).currency
    return kind, table, mapping, columns, Context(currency=currency, actor=actor, file=Path(path).name,
                                                target=target)


def _planned(conn: Connection, kind: ImportKind, results: list[RowResult], context: Context,
             summary: ImportSummary) -> Any:
    summary.rows = len(results)
    ok = [r for r in results if r.ok]
    plan = kind.plan(conn, ok, context, summary)
    summary.errors = [e for r in results for e in r.errors]
    if summary.errors:
        summary.inserted = summary.updated = summary.unchanged = 0
        summary.extra = {}
    return plan


def _replanned(conn: Connection, kind: ImportKind, results: list[RowResult], context: Context,
               summary: ImportSummary) -> Any:
    # Every row parsed cleanly (else nothing is written); what an earlier plan set is forgotten.
    for r in results:
        r.errors.clear()
        r.action = ""
    summary.inserted = summary.updated = summary.unchanged = 0
    summary.extra = {}
    return _planned(conn, kind, results, context, summary)


def preview(db: Database, actor: Actor, path: Path | str, kind: ImportKind | str, *,
            mapping: dict[str, str] | None = None, target: str = "", limit: int = 100, progress: Progress = no_progress,
            cancel: CancelToken | None = None) -> Preview:
    """Check the whole file as an import would, writing nothing: the first ``limit`` rows with their
    action or errors, and the summary over all rows. Worker thread (it reads the whole file)."""
    with collector_paused():
        kind, table, mapping, columns, context = _prepare(db, actor, path, kind, mapping, target)
        results = parse_rows(table, kind, columns, context, progress=progress, cancel=cancel)
        summary = ImportSummary(kind=kind.name, file=str(path), dry_run=True)
        with db.read() as conn:
            _planned(conn, kind, results, context, summary)
    return Preview(headers=list(table.headers), mapping=mapping, rows=results[:limit], summary=summary)


def run(db: Database, actor: Actor, path: Path | str, kind: ImportKind | str, mapping: dict[str, str] | None = None,
        *, dry_run: bool = False, target: str = "", report: Path | str | None = None, progress: Progress = no_progress,
        cancel: CancelToken | None = None, translate: Translate = _as_written) -> ImportSummary:
    """Import ``path`` as ``kind`` with ``mapping`` (field → header; by default matched from the
    headers). All or nothing: if any row has an error nothing is written and an error report is
    written to ``report`` (default ``<file>.errors.xlsx`` beside it), named in the summary. A dry
    run checks and counts without writing (except that report). ``target`` names what the rows go
    into where the kind needs it (a stock count's number; by default the only open count). The report
    speaks the language of ``translate`` (see :func:`write_error_report`). Worker thread."""
    with collector_paused():
        return _run(db, actor, Path(path), kind, mapping, dry_run=dry_run, target=target, report=report,
                    progress=progress, cancel=cancel, translate=translate)


def _run(db: Database, actor: Actor, path: Path, kind: ImportKind | str, mapping: dict[str, str] | None, *,
         dry_run: bool, target: str, report: Path | str | None, progress: Progress, cancel: CancelToken | None,
         translate: Translate) -> ImportSummary:
    started = time.perf_counter()
    kind, table, mapping, columns, context = _prepare(db, actor, path, kind, mapping, target)
    results = parse_rows(table, kind, columns, context, progress=progress, cancel=cancel)
    summary = ImportSummary(kind=kind.name, file=str(path), dry_run=dry_run)
    plan: Any = None
    mark: Any = None
    if dry_run or kind.fingerprint is not None:
        # Checking and planning read a snapshot: the write lock is not held meanwhile.
        with db.read() as conn:
            plan = _planned(conn, kind, results, context, summary)
            mark = kind.fingerprint(conn) if kind.fingerprint is not None else None
    if not dry_run and not summary.errors:
        with UnitOfWork(db, actor) as uow:
            if kind.fingerprint is None or kind.fingerprint(uow.connection) != mark:
                # Planned under the write lock, or the data the plan read changed since: (re)plan now
                # that nothing can change between the check and the write.
                plan = _replanned(uow.connection, kind, results, context, summary)
            if not summary.errors:
                kind.commit(uow, plan, summary, progress, cancel)
                changes = uow.commit()
                summary.written = True
                # Tables that took too many rows to list them have grown or changed a lot.
                grown = [t for t, ids in changes.tables.items() if ids is None]
        if summary.written:
            try:
                db.refresh_statistics(grown)
            except OperationalError:  # the import stands; the statistics are refreshed next time
                log.warning("Could not refresh the query planner's statistics after an import", exc_info=True)
    if summary.errors:
        summary.report = write_error_report(Path(report) if report else default_report_path(path), summary.errors,
                                            kind=kind, translate=translate)
    summary.seconds = time.perf_counter() - started
    return summary
