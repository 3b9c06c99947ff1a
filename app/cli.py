"""The ``forecourt`` command: the desktop program, database set-up, backups, users, checks, invoice
PDFs, billing and parts exports, parts imports, and the changes waiting to sync.

Every command acts as the operating-system user running it (audited as ``os:<name>``): whoever can
read and write the database file already holds all of its data. A :class:`DomainError` prints one
line ``forecourt: <message>`` and exits 1; a usage error exits 2; Ctrl+C exits 130; anything else
prints one line pointing at the log file, where the traceback goes. Modules are imported inside the
commands that need them, so ``forecourt user list`` never loads Qt, openpyxl or reportlab.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import importlib.util
import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.commands import Tools
from core.paths import private_files
from services.permissions import system_actor

if TYPE_CHECKING:
    from core.actor import Actor
    from store.database import Database

log = logging.getLogger("forecourt.cli")

ENV_PASSWORD = "FORECOURT_PASSWORD"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """The command line asks for something that cannot be done as asked (exit 2)."""


# --- helpers ----------------------------------------------------------------------------------------

def _db_path(args: argparse.Namespace) -> Path:
    from core.paths import default_db_path

    return Path(args.db).expanduser() if args.db else default_db_path()


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database for a command that may write: created, upgraded or seeded as needed."""
    from services.setup import open_database

    return open_database(_db_path(args), create=create)


def _open_for_reading(args: argparse.Namespace) -> Database:
    """The database for a command that only reads: opened read-only, without the write lock, so it
    answers while another program writes (an import, say); an out-of-date one is refused, not upgraded."""
    from services.setup import open_database

    return open_database(_db_path(args), for_reading=True)


def _actor(db: Database) -> Actor:
    from services import settings, setup

    with db.read() as conn:
        terminal = settings.terminal_code(conn)
    return system_actor(setup.os_user(), terminal=terminal)


def _out(line: str = "") -> None:
    print(line, flush=True)


def _err(line: str) -> None:
    one_line = " ".join(line.split())
    print(f"forecourt: {one_line}", file=sys.stderr, flush=True)


def _tty_progress() -> Callable[[int, int | None, str], None] | None:
    """A one-line progress display on an interactive stderr; nothing when output is captured."""
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def show(done: int, total: int | None, message: str) -> None:
        now = time.monotonic()
        if now - last[0] < 0.1 and (total is None or done < total):
            return
        last[0] = now
        share = f" {100 * done // total:3d}%" if total else ""
        sys.stderr.write(f"\r\x1b[K{message}{share}")
        if total is not None and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _read_password(*, prompt: str = "Password") -> str:
    """``$FORECOURT_PASSWORD`` if set; otherwise typed twice on a terminal, or one line of stdin."""
    from core.errors import ValidationError

    env = os.environ.get(ENV_PASSWORD)
    if env is not None:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"{prompt}: ")
        if getpass.getpass(f"{prompt} again: ") != first:
            raise ValidationError("password", "The two passwords differ")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValidationError("password", f"No password given: type it on a terminal, pipe it in, "
                                          f"or set {ENV_PASSWORD}")
    return line.rstrip("\r\n")


def _confirm(question: str) -> bool:
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


# --- commands ---------------------------------------------------------------------------------------

def cmd_gui(args: argparse.Namespace) -> int:
    from app.gui import main as gui_main

    return gui_main(_db_path(args), user=getattr(args, "user", None),
                    exit_after_paint=getattr(args, "exit_after_paint", False),
                    demo_if_missing=getattr(args, "demo_if_missing", False))


def _revision_on_disk(path: Path) -> str | None:
    import sqlite3

    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def cmd_init(args: argparse.Namespace) -> int:
    from core.paths import backup_dir_for
    from services import settings, users
    from store import migrate

    path = _db_path(args).resolve()
    is_new = not path.exists()
    before = None if is_new else _revision_on_disk(path)
    db = _open(args, create=True)
    try:
        head = migrate.head_revision()
        if is_new:
            _out(f"Created a new database at {path} (schema {head}).")
        elif before != head:
            _out(f"Upgraded the database at {path} from schema {before} to {head}.")
            from services import backups

            made = [b for b in backups.list_backups(backup_dir_for(path)) if b.reason == "pre-migrate"]
            if made:
                _out(f"The database before the upgrade was kept as {made[0].path}.")
        else:
            _out(f"The database at {path} is up to date (schema {head}).")
        actor = _actor(db)
        if args.terminal:
            settings.set_terminal_code(db, actor, args.terminal)
            actor = _actor(db)
        _out(f"Terminal code: {actor.terminal}.")
        if not users.list_users(db, actor):
            _out("No user can log in yet. Add the first one with:")
            _out("    forecourt user add admin --role owner")
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    import demo
    from services import backups

    path = _db_path(args).expanduser().resolve()
    if path.exists() and path.stat().st_size > 0:
        if demo.is_unfinished(path):
            # What a demo build that was interrupted leaves: a database without data.
            _out(f"Replacing the unfinished database {path}.")
        else:
            if not args.force:
                raise UsageError(f"{path} already exists. Use --force to replace it with demo data, "
                                 "or --db to choose another file.")
            kept = backups.keep_copy(path, reason="before-demo")
            if kept is not None:
                _out(f"The existing database was kept as {kept}.")
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = demo.build(path, size=args.size, seed=args.seed, progress=_tty_progress())
    elapsed = time.perf_counter() - started
    _out(f"Demo database ({args.size}, seed {args.seed}) at {path}:")
    width = max((len(k) for k in counts), default=0)
    for kind, n in counts.items():
        _out(f"  {kind:<{width}}  {n:>9,}")
    _out(f"Done in {elapsed:.1f} s.")
    return EXIT_OK


def cmd_backup_create(args: argparse.Namespace) -> int:
    from services import backups

    db = _open(args)
    try:
        path = backups.backup_now(db, _actor(db), to_dir=Path(args.to).expanduser() if args.to else None,
                                  progress=_tty_progress())
    finally:
        db.dispose()
    _out(str(path))
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
    from core.paths import backup_dir_for
    from services import backups

    folder = backup_dir_for(_db_path(args).expanduser().resolve())
    found = backups.list_backups(folder)
    if not found:
        print(f"No backups in {folder}.", file=sys.stderr)
        return EXIT_OK
    for b in found:
        _out(f"{b.created:%Y-%m-%d %H:%M:%S}\t{_size(b.size)}\t{b.reason}\t{b.path}")
    return EXIT_OK


def cmd_backup_verify(args: argparse.Namespace) -> int:
    from services import backups

    info = backups.verify_backup(Path(args.file).expanduser())
    _out(f"OK: {info.path} (schema {info.revision}, made {info.created:%Y-%m-%d %H:%M:%S}, {_size(info.size)})")
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from services import backups, setup

    path = _db_path(args).expanduser().resolve()
    source = Path(args.file).expanduser().resolve()
    # Verify before asking, so nobody confirms a restore that would be refused anyway.
    backups.verify_backup(source)
    if not args.yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UsageError("restoring replaces the database; run again with --yes to confirm")
        if not _confirm(f"Replace {path} with {source}? The current database is kept as a safety copy."):
            _out("Nothing was restored.")
            return EXIT_FAILED
    terminal = ""
    try:
        db = _open(args)
        try:
            terminal = _actor(db).terminal
        finally:
            db.dispose()
    except Exception as exc:  # noqa: BLE001 - a damaged or missing database is what restore is for
        log.info("restore: current database cannot be opened (%s)", exc)
    actor = system_actor(setup.os_user(), terminal=terminal)
    safety = backups.restore_backup(path, source, actor=actor)
    _out(f"Restored {source} into {path}.")
    if safety is not None:
        _out(f"The database before the restore was kept as {safety}.")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from services import audit

    db = _open_for_reading(args)
    try:
        result = audit.verify_database(db)
    finally:
        db.dispose()
    if result.ok:
        _out(f"audit trail OK: {result.checked} entries")
    elif result.secret_missing:
        _out(f"audit trail cannot be verified: {result.problem}")
    elif result.first_bad_seq is not None:
        _out(f"audit trail BROKEN at entry {result.first_bad_seq}: {result.problem}")
    else:
        _out(f"audit trail BROKEN: {result.problem}")
    _out(f"checked: {result.describe()}")
    return EXIT_OK if result.ok else EXIT_FAILED


def _with_user(args: argparse.Namespace, action: Callable[[Database, Actor, str], str]) -> int:
    from services import users

    db = _open(args)
    try:
        actor = _actor(db)
        user_id = users.find_user_id(db, args.name)
        _out(action(db, actor, user_id))
    finally:
        db.dispose()
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from services import users

    db = _open(args)
    try:
        actor = _actor(db)
        password = _read_password()
        users.create_user(db, actor, username=args.name, password=password, role=args.role,
                          display_name=args.display_name or "")
    finally:
        db.dispose()
    _out(f"Added user {args.name.strip().lower()} with role {args.role}.")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from models.base import utcnow
    from services import users

    db = _open_for_reading(args)
    try:
        rows = users.list_users(db, _actor(db))
    finally:
        db.dispose()
    now = utcnow()
    for u in rows:
        if not u.active:
            status = "disabled"
        elif u.locked_until and u.locked_until > now:
            status = f"locked until {u.locked_until:%Y-%m-%d %H:%M} UTC"
        else:
            status = "active"
        last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "never"
        _out(f"{u.username}\t{u.role}\t{u.display_name}\t{status}\tlast login {last}")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from services import users

    def change(db: Database, actor: Actor, user_id: str) -> str:
        users.set_password(db, actor, user_id, _read_password(prompt="New password"))
        return f"Password of {args.name} changed."

    return _with_user(args, change)


def cmd_user_enable(args: argparse.Namespace, *, active: bool) -> int:
    from services import users

    def change(db: Database, actor: Actor, user_id: str) -> str:
        users.update_user(db, actor, user_id, active=active)
        return f"User {args.name} {'enabled' if active else 'disabled'}."

    return _with_user(args, change)


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from services import users

    def change(db: Database, actor: Actor, user_id: str) -> str:
        users.unlock(db, actor, user_id)
        return f"User {args.name} unlocked."

    return _with_user(args, change)


def cmd_search(args: argparse.Namespace) -> int:
    from services import search

    db = _open_for_reading(args)
    try:
        hits = search.search(db, _actor(db), " ".join(args.text), limit=args.limit)
    finally:
        db.dispose()
    for hit in hits:
        _out("\t".join(v.replace("\t", " ").replace("\n", " ") for v in (hit.kind, hit.title, hit.detail)))
    return EXIT_OK


def _said(exc: Exception) -> str:
    """A refusal as one line in plain words: a field's key never shows ("end: …"); a message that
    needs its field to make sense ("is empty") is led by the field's name."""
    from core.errors import DomainError, ValidationError
    from core.messages import field_label

    if isinstance(exc, ValidationError):
        detail = str(exc.detail)
        if exc.field and detail[:1].islower() and exc.field not in ("file", "row"):
            return f"{field_label(exc.field)} {detail}"
        return detail
    return exc.message if isinstance(exc, DomainError) else str(exc)


def _output_file(text: str, *, field: str) -> Path:
    """``text`` as the path of a file to write, refused (one line, exit 1) if its folder is missing."""
    from core.errors import ValidationError

    path = Path(text).expanduser()
    if path.is_dir():
        # Said as the writer would say it, before a file type or a database is looked at.
        raise ValidationError(field, f"Cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise ValidationError(field, f"The folder {path.parent} does not exist")
    return path


def cmd_export(args: argparse.Namespace) -> int:
    from core.progress import no_progress
    from services import areas

    kind = areas.EXPORTS[args.what]
    path = _output_file(args.file, field="file")
    db = _open_for_reading(args)
    try:
        dates = ({"on": args.on} if kind.period == "day" else {"start": args.start, "end": args.end}
                 if kind.period else {})
        written = kind.write(db, _actor(db), path, progress=_tty_progress() or no_progress, **dates)
    finally:
        db.dispose()
    _out(f"Wrote {written:,} {kind.unit}{'' if written == 1 else 's'} to {path}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from core.messages import field_label
    from core.progress import no_progress
    from services.imports import framework

    source = Path(args.file).expanduser()
    report = _output_file(args.report, field="report") if args.report else None
    db = _open_for_reading(args) if args.dry_run else _open(args)
    try:
        mapping = framework.load_preset(db, args.kind, args.preset) if args.preset else None
        summary = framework.run(db, _actor(db), source, args.kind, mapping, dry_run=args.dry_run,
                                target=getattr(args, "target", None) or "", report=report,
                                progress=_tty_progress() or no_progress)
    finally:
        db.dispose()
    if summary.errors:
        labels = {f.name: f.label for f in framework.import_kind(args.kind).fields}
        for e in summary.errors[:10]:
            where = ", ".join(x for x in (f"row {e.row}" if e.row else "", labels.get(e.field) or field_label(e.field))
                              if x)
            _out(f"{where}: {e.message}" if where else e.message)
        if len(summary.errors) > 10:
            _out(f"... and {len(summary.errors) - 10:,} more")
        rows = summary.error_rows
        _err(f"{len(summary.errors):,} error{'' if len(summary.errors) == 1 else 's'} in {rows:,} "
             f"row{'' if rows == 1 else 's'} of {source.name}; nothing was imported. "
             f"Error report: {summary.report}")
        return EXIT_FAILED
    verb = "Checked (dry run, nothing written)" if summary.dry_run else "Imported"
    _out(f"{verb} {source} as {summary.kind} in {summary.seconds:.1f} s:")
    figures = [("rows", summary.rows), ("inserted", summary.inserted), ("updated", summary.updated),
               ("unchanged", summary.unchanged)]
    figures += [(label, summary.extra.get(key, 0)) for key, label in framework.import_kind(summary.kind).extras]
    # Labels in one column as wide as the longest, and always a space before the figure.
    width = max(14, max(len(label) for label, _value in figures) + 1)
    for label, value in figures:
        if isinstance(value, list):
            value = f"{len(value):,}" + (f" ({', '.join(value)})" if value else "")
        else:
            value = f"{value:,}"
        _out(f"  {label:<{width}}{value}")
    return EXIT_OK


def cmd_sync_pending(args: argparse.Namespace) -> int:
    import json

    from services import sync

    db = _open_for_reading(args)
    try:
        actor = _actor(db)
        summary = sync.pending_summary(db, actor)
        if not args.json:
            _out(f"{summary.total:,} change{'' if summary.total == 1 else 's'} waiting to sync "
                 f"(terminal {summary.terminal_id}).")
            width = max((len(t) for t in summary.by_table), default=0)
            for table, n in summary.by_table.items():
                _out(f"  {table:<{width}}  {n:>9,}")
            return EXIT_OK
        # Written a page at a time: the outbox of a busy terminal can hold millions of changes.
        head = json.dumps({"terminal_id": summary.terminal_id, "pending": summary.total,
                           "tables": summary.by_table}, ensure_ascii=False)
        sys.stdout.write(head[:-1] + ', "changes": [')
        after, first = 0, True
        while page := sync.pending_changes(db, actor, after_seq=after, limit=1000):
            for change in page:
                sys.stdout.write(("\n" if first else ",\n") + json.dumps(
                    {"seq": change.seq, "terminal_id": change.terminal_id, "hlc": change.hlc, "table": change.table,
                     "op": change.op, "key": change.key, "data": change.data}, ensure_ascii=False))
                first = False
            after = page[-1].seq
        sys.stdout.write("\n]}\n")
        sys.stdout.flush()
    finally:
        db.dispose()
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    given = getattr(args, "db", None)
    if given and not Path(given).expanduser().is_file():
        raise UsageError(f"no database at {given}; make one with 'forecourt demo --size medium --db {given}'")
    from app.bench import main as bench_main

    return bench_main(args)


# --- parser -----------------------------------------------------------------------------------------

def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    def shared_options(target: argparse.ArgumentParser, *, db: object, verbose: object) -> None:
        target.add_argument("--db", metavar="PATH", default=db,
                            help="the database file (default: $FORECOURT_DB, else forecourt.db in the data folder)")
        target.add_argument("-v", "--verbose", action="store_true", default=verbose,
                            help="also log debug messages to stderr")

    parser = argparse.ArgumentParser(prog="forecourt", description="Forecourt dealer management. Without a "
                                                                   "command, opens the desktop program.")
    shared_options(parser, db=None, verbose=False)
    parser.set_defaults(func=cmd_gui)
    # The shared options are accepted after a command's name too; there they must not reset a value
    # given before it, hence no default of their own.
    common = argparse.ArgumentParser(add_help=False)
    shared_options(common, db=argparse.SUPPRESS, verbose=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"forecourt {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str,
            into: argparse._SubParsersAction = sub) -> argparse.ArgumentParser:
        p = into.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add("gui", cmd_gui, "open the desktop program")
    p.add_argument("--user", metavar="NAME", help=f"log in as NAME with the password in ${ENV_PASSWORD}")
    p.add_argument("--exit-after-paint", action="store_true", help="quit after the first paint (benchmarks)")
    p.add_argument("--demo-if-missing", action="store_true",
                   help="on first start, fill a new database with demo data without asking")

    p = add("init", cmd_init, "create a database, or upgrade an existing one")
    p.add_argument("--terminal", metavar="CODE", help="this computer's terminal code (1-6 letters or digits)")

    p = add("demo", cmd_demo, "create a database filled with demonstration data")
    p.add_argument("--size", choices=("small", "medium", "large"), default="small")
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")
    p.add_argument("--force", action="store_true", help="replace an existing database (a copy is kept)")

    p = add("backup", lambda _a: _missing_sub("backup"), "create, list, verify and restore backups")
    backup = p.add_subparsers(dest="backup_command", metavar="ACTION")
    q = add("create", cmd_backup_create, "back up the database now", backup)
    q.add_argument("--to", metavar="DIR", help="write the backup to DIR instead of the backups folder")
    add("list", cmd_backup_list, "list the backups beside the database", backup)
    q = add("verify", cmd_backup_verify, "check that a backup is sound and can be restored", backup)
    q.add_argument("file", metavar="FILE")
    q = add("restore", cmd_backup_restore, "replace the database with a backup (the current one is kept)",
            backup)
    q.add_argument("file", metavar="FILE")
    q.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    p = add("audit", lambda _a: _missing_sub("audit"), "check the audit trail")
    audit = p.add_subparsers(dest="audit_command", metavar="ACTION")
    add("verify", cmd_audit_verify, "check that no audit entry was altered or removed", audit)

    p = add("user", lambda _a: _missing_sub("user"), "manage user accounts")
    user = p.add_subparsers(dest="user_command", metavar="ACTION")
    q = add("add", cmd_user_add, f"add a user (password typed, piped in, or from ${ENV_PASSWORD})", user)
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, help="owner, sales_manager, salesperson, service_advisor, foreman, "
                                                 "technician, parts_clerk, cashier, read_only or a custom role")
    q.add_argument("--display-name", metavar="TEXT")
    add("list", cmd_user_list, "list users", user)
    q = add("passwd", cmd_user_passwd, "set a user's password (and unlock the account)", user)
    q.add_argument("name", metavar="NAME")
    q = add("disable", lambda a: cmd_user_enable(a, active=False), "stop a user from logging in", user)
    q.add_argument("name", metavar="NAME")
    q = add("enable", lambda a: cmd_user_enable(a, active=True), "let a disabled user log in again", user)
    q.add_argument("name", metavar="NAME")
    q = add("unlock", cmd_user_unlock, "unlock an account locked by failed logins", user)
    q.add_argument("name", metavar="NAME")

    p = add("search", cmd_search, "search customers, vehicles and invoices; prints kind, title and detail per line")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--limit", type=_positive, default=50, help="at most this many results (default 50)")

    from services import areas
    from services.imports import framework

    areas.load()
    tools = Tools(open=_open, open_for_reading=_open_for_reading, actor=_actor, out=_out, output_file=_output_file,
                  progress=_tty_progress, needs_action=lambda name: lambda _a: _missing_sub(name), exit_ok=EXIT_OK)
    for area in areas.AREAS:
        if importlib.util.find_spec(f"app.commands.{area.name}") is not None:
            module = importlib.import_module(f"app.commands.{area.name}")
            module.register(add, tools)

    p = add("export", lambda _a: _missing_sub("export"), "write data to .xlsx or .csv files")
    export = p.add_subparsers(dest="export_command", metavar="WHAT")
    for kind in areas.EXPORTS.values():
        q = add(kind.name, cmd_export, f"write {kind.about} to FILE (.xlsx or .csv)", export)
        q.set_defaults(what=kind.name)
        q.add_argument("file", metavar="FILE")
        if kind.period == "day":
            q.add_argument("--on", dest="on", metavar="DATE", type=_day, help="the day (YYYY-MM-DD; default today)")
        elif kind.period:
            required = kind.period == "required"
            q.add_argument("--from", dest="start", metavar="DATE", type=_day, required=required,
                           help="first day (YYYY-MM-DD)")
            q.add_argument("--to", dest="end", metavar="DATE", type=_day, required=required,
                           help="last day (YYYY-MM-DD)")

    p = add("import", lambda _a: _missing_sub("import"), "read data from .xlsx, .xls or .csv files (all rows or none)")
    imports = p.add_subparsers(dest="import_command", metavar="WHAT")
    for kind in framework.KINDS.values():
        q = add(kind.name, cmd_import, f"import {kind.about or kind.title} from FILE", imports)
        q.set_defaults(kind=kind.name)
        q.add_argument("file", metavar="FILE")
        q.add_argument("--dry-run", action="store_true", help="check and count the rows without writing")
        q.add_argument("--preset", metavar="NAME", help="map the columns with a saved preset (default: by header)")
        q.add_argument("--report", metavar="FILE", help="where to write the error report (by default next to the "
                                                        "imported file, with the same name ending in .errors.xlsx)")
        if kind.target_option:
            option, help_text = kind.target_option
            q.add_argument(option, dest="target", metavar="NAME", help=help_text)

    p = add("sync", lambda _a: _missing_sub("sync"), "see what this terminal has to sync")
    sync = p.add_subparsers(dest="sync_command", metavar="ACTION")
    q = add("pending", cmd_sync_pending, "count the captured changes not yet acknowledged, per table", sync)
    q.add_argument("--json", action="store_true", help="print the counts and every pending change as JSON")

    p = add("bench", cmd_bench, "measure performance on a generated database, or with --db on that (demo) "
                                "database")
    p.add_argument("--size", choices=("small", "medium", "large"), default="large")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--runs", type=_positive, default=3, help="repeat each measurement N times (default 3)")
    p.add_argument("--seed", type=int, default=1, help="seed of the generated database (default 1)")
    p.add_argument("--only", metavar="NAMES", help="measure only these operations (comma-separated)")
    return parser


def _command_words(args: argparse.Namespace) -> str:
    """The command and sub-command names of ``args`` ("export parts"), without their arguments."""
    words = [str(v) for k, v in sorted(vars(args).items()) if k.endswith("command") and k != "command" and v]
    return " ".join([str(getattr(args, "command", None) or "gui"), *words])


def _missing_sub(command: str) -> int:
    raise UsageError(f"'{command}' needs an action; see 'forecourt {command} --help'")


# --- entry point ------------------------------------------------------------------------------------

def _database_error(exc: BaseException, args: argparse.Namespace | None) -> str | None:
    """The message for a low-level SQLite failure a person can act on (locked, read-only, damaged)."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, sqlite3.Error | DBAPIError):
        return None
    from store.database import translate_operational_error

    problem = translate_operational_error(exc, _db_path(args) if args is not None else Path("database"))
    return problem.message if problem is not None else None


def main(argv: list[str] | None = None) -> int:
    """Run one ``forecourt`` command and return its exit status. Main thread."""
    for stream in (sys.stdout, sys.stderr):
        # A name the console's code page cannot show must not abort a listing half-way.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    private_files()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE

    from app.logging_setup import configure_logging

    log_file = configure_logging(verbose=args.verbose)
    from core.errors import DomainError, ValidationError
    from store.database import on_write_wait

    def waiting(path: Path, now: bool) -> None:
        log.info("waiting for the write lock of %s: %s", path, now)
        if now and sys.stderr.isatty():
            _err("Waiting for another program to finish writing…")

    stop_waiting = on_write_wait(waiting)
    try:
        # The command, never its arguments: they hold names, phone numbers, ID numbers, search terms.
        log.info("forecourt %s (%s)", _command_words(args), __version__)
        return args.func(args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except DomainError as exc:
        log.info("refused: %s%s", type(exc).__name__, f" ({exc.field})" if isinstance(exc, ValidationError) else "")
        _err(_said(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (head, less) went away; nothing more can be shown, and that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the edge: one line for the user, the traceback in the log
        log.exception("unexpected error")
        known = _database_error(exc, args)
        if known is not None:
            _err(known)
        else:
            _err(f"unexpected error: {type(exc).__name__}: {exc} (details in {log_file})")
        return EXIT_FAILED
    finally:
        stop_waiting()
