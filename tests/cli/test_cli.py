"""The ``forecourt`` command end to end: real files, a real child process, exit codes and messages."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import __version__, cli
from services import customers, users
from services.customers import CustomerInput
from services.permissions import system_actor
from services.setup import open_database
from store import migrate
from tests.services.samples import tamper

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret-pass-1"


def run_cli(*args: str, home: Path, db: Path | None = None, stdin: str = "",
            env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``python -m app [--db DB] ARGS`` with stdin a pipe (never a terminal)."""
    child_env = {k: v for k, v in os.environ.items() if k not in ("FORECOURT_DB", "FORECOURT_PASSWORD")}
    child_env.update(FORECOURT_HOME=str(home), PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    child_env.update(env or {})
    command = [sys.executable, "-m", "app", *(["--db", str(db)] if db is not None else []), *args]
    return subprocess.run(command, cwd=ROOT, env=child_env, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def assert_one_line_error(result: subprocess.CompletedProcess[str], *, code: int = 1) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("forecourt: ")
    return lines[0]


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def run(home) -> Callable[..., subprocess.CompletedProcess[str]]:
    def go(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, home=home, **kwargs)

    return go


def _sql(db_path: Path, statement: str) -> None:
    """Change the file from outside the program, as someone tampering with it would."""
    sqlite_cli = shutil.which("sqlite3")
    if sqlite_cli:
        subprocess.run([sqlite_cli, str(db_path), statement], check=True, capture_output=True)
    else:
        code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()"
        subprocess.run([sys.executable, "-c", code, str(db_path), statement], check=True, capture_output=True)


def _query(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _add_customer(db_path: Path, name: str) -> None:
    db = open_database(db_path)
    try:
        customers.create(db, system_actor("tester"), CustomerInput(name=name))
    finally:
        db.dispose()


# --- basics -------------------------------------------------------------------------------------------

def test_version_is_printed(run):
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"forecourt {__version__}"


def test_unknown_command_is_a_usage_error(run):
    result = run("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_a_command_group_without_an_action_is_a_usage_error(run, db_path):
    assert_one_line_error(run("backup", db=db_path), code=2)


def test_init_creates_a_database_and_says_how_to_add_the_first_user(run, tmp_path):
    path = tmp_path / "shop" / "forecourt.db"

    first = run("init", "--terminal", "T9", db=path)
    second = run("init", db=path)

    assert first.returncode == 0, first.stderr
    assert f"Created a new database at {path}" in first.stdout
    assert "Terminal code: T9." in first.stdout
    assert "forecourt user add admin --role owner" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "is up to date" in second.stdout and "Terminal code: T9." in second.stdout
    assert _query(path, "SELECT version_num FROM alembic_version") == [(migrate.head_revision(),)]
    assert _query(path, "SELECT count(*) FROM role")[0][0] >= 9


def test_the_database_comes_from_forecourt_db_when_no_option_is_given(run, tmp_path):
    path = tmp_path / "from-env.db"
    result = run("init", env={"FORECOURT_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_the_db_option_may_follow_the_command(run, tmp_path):
    path = tmp_path / "after.db"
    assert run("init", "--db", str(path)).returncode == 0
    assert path.exists()


# --- users --------------------------------------------------------------------------------------------

def test_user_added_with_a_piped_password_is_listed_and_can_log_in(run, tmp_path):
    path = tmp_path / "forecourt.db"
    run("init", db=path)

    added = run("user", "add", "Admin", "--role", "owner", "--display-name", "Ada Admin", db=path,
                stdin=PASSWORD + "\n")
    listed = run("user", "list", db=path)

    assert added.returncode == 0, added.stderr
    assert "Added user admin with role owner." in added.stdout
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[0].startswith("admin\towner\tAda Admin\tactive\t")
    db = open_database(path)
    try:
        assert users.login(db, "admin", PASSWORD).role == "owner"
    finally:
        db.dispose()
    actors = _query(path, "SELECT actor FROM audit_entry WHERE entity = 'user_account' AND action = 'insert'")
    assert len(actors) == 1 and actors[0][0].startswith("os:")


def test_user_password_can_come_from_the_environment(run, db_path):
    result = run("user", "add", "bob", "--role", "salesperson", db=db_path, env={"FORECOURT_PASSWORD": PASSWORD})
    assert result.returncode == 0, result.stderr
    db = open_database(db_path)
    try:
        assert users.login(db, "bob", PASSWORD).username == "bob"
    finally:
        db.dispose()


def test_user_disable_enable_unlock_and_passwd(run, db_path):
    run("user", "add", "carol", "--role", "cashier", db=db_path, env={"FORECOURT_PASSWORD": PASSWORD})
    _sql(db_path, "UPDATE user_account SET locked_until = '2999-01-01 00:00:00.000000' WHERE username = 'carol'")

    locked = run("user", "list", db=db_path).stdout
    unlocked = run("user", "unlock", "carol", db=db_path)
    disabled = run("user", "disable", "carol", db=db_path)
    after_disable = run("user", "list", db=db_path).stdout
    enabled = run("user", "enable", "carol", db=db_path)
    changed = run("user", "passwd", "carol", db=db_path, stdin="another-pass-2\n")

    assert "carol\tcashier\tcarol\tlocked until 2999-01-01" in locked
    assert unlocked.returncode == 0 and "unlocked" in unlocked.stdout
    assert disabled.returncode == 0 and "carol\tcashier\tcarol\tdisabled" in after_disable
    assert enabled.returncode == 0
    assert changed.returncode == 0, changed.stderr
    db = open_database(db_path)
    try:
        assert users.login(db, "carol", "another-pass-2").username == "carol"
    finally:
        db.dispose()


def test_user_add_with_a_short_password_is_refused_in_one_line(run, db_path):
    line = assert_one_line_error(run("user", "add", "dave", "--role", "owner", db=db_path, stdin="short\n"))
    assert "at least 8 characters" in line
    assert _query(db_path, "SELECT count(*) FROM user_account WHERE username = 'dave'") == [(0,)]


def test_user_add_without_any_password_is_refused(run, db_path):
    line = assert_one_line_error(run("user", "add", "erin", "--role", "owner", db=db_path, stdin=""))
    assert "FORECOURT_PASSWORD" in line


def test_commands_on_an_unknown_user_say_so(run, db_path):
    line = assert_one_line_error(run("user", "disable", "nobody-here", db=db_path))
    assert "No user named 'nobody-here'" in line


def test_an_unknown_role_is_refused(run, db_path):
    line = assert_one_line_error(run("user", "add", "fred", "--role", "pilot", db=db_path,
                                     env={"FORECOURT_PASSWORD": PASSWORD}))
    assert "Unknown role 'pilot'" in line


# --- search -------------------------------------------------------------------------------------------

def test_search_without_results_prints_nothing_and_succeeds(run, db_path):
    result = run("search", "nothing-matches-this", db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_search_prints_kind_title_and_detail_per_line(run, db_path):
    _add_customer(db_path, "王伟")
    _add_customer(db_path, "Harbour Motors Ltd")

    short = run("search", "王伟", db=db_path)
    words = run("search", "harbour", "motors", db=db_path)

    assert short.returncode == 0, short.stderr
    fields = short.stdout.splitlines()[0].split("\t")
    assert len(fields) == 3 and fields[:2] == ["customer", "王伟"]
    assert [line.split("\t")[1] for line in words.stdout.splitlines()] == ["Harbour Motors Ltd"]


# --- audit --------------------------------------------------------------------------------------------

def test_audit_verify_passes_on_an_untouched_database(run, db_path):
    entries = _query(db_path, "SELECT count(*) FROM audit_entry")[0][0]
    result = run("audit", "verify", db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"audit trail OK: {entries} entries"
    assert result.stdout.splitlines()[1].startswith(f"checked: {entries} entries checked")


def test_audit_verify_names_an_altered_entry(run, db_path):
    tamper(db_path, "UPDATE audit_entry SET after = '{\"name\": \"someone else\"}' WHERE seq = 2")
    result = run("audit", "verify", db=db_path)
    assert result.returncode == 1
    assert result.stdout.strip().startswith("audit trail BROKEN at entry 2: ")
    assert "altered" in result.stdout


def test_audit_verify_names_a_deleted_entry(run, db_path):
    middle = _query(db_path, "SELECT count(*) FROM audit_entry")[0][0] // 2
    tamper(db_path, f"DELETE FROM audit_entry WHERE seq = {middle}")
    result = run("audit", "verify", db=db_path)
    assert result.returncode == 1
    assert result.stdout.strip().startswith(f"audit trail BROKEN at entry {middle}: ")
    assert "missing" in result.stdout


# --- backups ------------------------------------------------------------------------------------------

def test_backup_create_list_verify_and_restore_round_trip(run, db_path, tmp_path):
    _add_customer(db_path, "Kept By The Backup")

    created = run("backup", "create", db=db_path)
    backup = Path(created.stdout.strip())
    listed = run("backup", "list", db=db_path)
    verified = run("backup", "verify", str(backup), db=db_path)
    _add_customer(db_path, "Made After The Backup")
    restored = run("backup", "restore", str(backup), "--yes", db=db_path)
    audit_after = run("audit", "verify", db=db_path)
    elsewhere = run("backup", "create", "--to", str(tmp_path / "usb"), db=db_path)

    assert created.returncode == 0, created.stderr
    assert backup.parent == db_path.parent / "backups" and backup.exists()
    assert listed.returncode == 0 and str(backup) in listed.stdout and "\tmanual\t" in listed.stdout
    assert verified.returncode == 0 and verified.stdout.startswith(f"OK: {backup}")
    assert restored.returncode == 0, restored.stderr
    safety = Path(restored.stdout.split("kept as ")[1].strip().rstrip("."))
    names = {r[0] for r in _query(db_path, "SELECT name FROM customer")}
    assert "Kept By The Backup" in names and "Made After The Backup" not in names
    assert "Made After The Backup" in {r[0] for r in _query(safety, "SELECT name FROM customer")}
    assert audit_after.returncode == 0, audit_after.stdout
    assert elsewhere.returncode == 0 and Path(elsewhere.stdout.strip()).parent == tmp_path / "usb"


def test_backup_list_with_no_backups_says_so(run, db_path):
    result = run("backup", "list", db=db_path)
    assert result.returncode == 0
    assert result.stdout == "" and "No backups in" in result.stderr


def test_restore_without_a_terminal_needs_yes_and_changes_nothing(run, db_path):
    backup = Path(run("backup", "create", db=db_path).stdout.strip())
    _add_customer(db_path, "Still Here")

    line = assert_one_line_error(run("backup", "restore", str(backup), db=db_path), code=2)

    assert "--yes" in line
    assert _query(db_path, "SELECT count(*) FROM customer WHERE name = 'Still Here'") == [(1,)]


def test_restore_refuses_a_backup_from_a_newer_version(run, db_path, tmp_path):
    backup = tmp_path / "future.db"
    shutil.copyfile(db_path, backup)
    _sql(backup, "UPDATE alembic_version SET version_num = 'ffff9999'")
    before = db_path.read_bytes()

    line = assert_one_line_error(run("backup", "restore", str(backup), "--yes", db=db_path))

    assert "newer version" in line and str(backup) in line
    assert db_path.read_bytes() == before


def test_backup_verify_refuses_a_file_that_is_not_a_database(run, tmp_path):
    bogus = tmp_path / "photo.db"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    line = assert_one_line_error(run("backup", "verify", str(bogus)))
    assert str(bogus) in line and "not a SQLite database" in line


# --- the database cannot be used ----------------------------------------------------------------------

def test_a_missing_database_is_reported_in_one_line(run, tmp_path):
    missing = tmp_path / "nowhere.db"
    line = assert_one_line_error(run("user", "list", db=missing))
    assert str(missing) in line and "does not exist" in line and "forecourt init" in line
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_reported_in_one_line(run, tmp_path):
    bogus = tmp_path / "letter.db"
    bogus.write_text("Dear customer, your car is ready.\n" * 20)
    line = assert_one_line_error(run("audit", "verify", db=bogus))
    assert str(bogus) in line and "not a Forecourt database" in line


def test_a_database_from_a_newer_version_is_refused(run, db_path):
    _sql(db_path, "UPDATE alembic_version SET version_num = 'ffff9999'")
    line = assert_one_line_error(run("user", "list", db=db_path))
    assert "newer version" in line and "ffff9999" in line


HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("ready", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
""")


def test_a_database_locked_by_another_program_is_reported_in_one_line(run, db_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        # Waits out the write wait once (shortened here from its 30 s).
        result = run("user", "add", "gina", "--role", "owner", db=db_path,
                     env={"FORECOURT_PASSWORD": PASSWORD, "FORECOURT_WRITE_WAIT": "5"})
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()
    line = assert_one_line_error(result)
    assert "locked" in line and str(db_path) in line
    assert _query(db_path, "SELECT count(*) FROM user_account WHERE username = 'gina'") == [(0,)]


def _make_unwritable(path: Path) -> Callable[[], None] | None:
    """Make ``path`` refuse writes for this user, returning how to undo it; None when the OS cannot
    (root ignores file modes, and only some systems let root set the immutable attribute)."""
    path.chmod(0o444)
    if not os.access(path, os.W_OK):
        return lambda: path.chmod(0o644)
    chattr = shutil.which("chattr")
    if chattr and subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0:
        if not os.access(path, os.W_OK):
            def undo() -> None:
                subprocess.run([chattr, "-i", str(path)], check=True)
                path.chmod(0o644)

            return undo
        subprocess.run([chattr, "-i", str(path)], check=True)
    path.chmod(0o644)
    return None


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """In-process runs configure the root logger; put it back for the tests that follow."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_read_only_database_is_reported_in_one_line(run, db_path, monkeypatch, capsys, restore_logging):
    before = db_path.read_bytes()
    undo = _make_unwritable(db_path)
    try:
        if undo is not None:
            result = run("user", "add", "hank", "--role", "owner", db=db_path, env={"FORECOURT_PASSWORD": PASSWORD})
            line = assert_one_line_error(result)
        else:
            # The OS cannot refuse this user a write; make the permission check see a read-only file.
            real_access = os.access
            monkeypatch.setattr(os, "access", lambda p, mode, **kw: (
                False if Path(p) == db_path and mode & os.W_OK else real_access(p, mode, **kw)))
            monkeypatch.setenv("FORECOURT_PASSWORD", PASSWORD)
            code = cli.main(["--db", str(db_path), "user", "add", "hank", "--role", "owner"])
            err = capsys.readouterr().err.strip().splitlines()
            assert code == 1 and len(err) == 1
            line = err[0]
    finally:
        if undo is not None:
            undo()
    assert "read-only" in line and str(db_path) in line
    assert db_path.read_bytes() == before


def test_open_database_refuses_a_file_it_may_not_write(db_path, monkeypatch):
    from core.errors import DatabaseProblem
    from store import bootstrap

    real_access = os.access
    monkeypatch.setattr(bootstrap.os, "access", lambda p, mode, **kw: (
        False if Path(p) == db_path and mode & os.W_OK else real_access(p, mode, **kw)))
    with pytest.raises(DatabaseProblem) as err:
        bootstrap.open_database(db_path)
    assert err.value.kind == "readonly" and str(db_path) in str(err.value)


# --- the edge in-process: what reaches the user -------------------------------------------------------

def test_an_unexpected_error_is_one_line_pointing_at_the_log(db_path, monkeypatch, capsys, restore_logging):
    from services import search

    def broken(*_args, **_kwargs):
        raise RuntimeError("index went missing")

    monkeypatch.setattr(search, "search", broken)
    code = cli.main(["--db", str(db_path), "search", "anything"])

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1
    assert err[0].startswith("forecourt: unexpected error: RuntimeError: index went missing (details in ")
    log_file = Path(err[0].split("(details in ")[1].rstrip(")"))
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "index went missing" in logged


def test_a_low_level_lock_error_becomes_the_locked_message(db_path, monkeypatch, capsys, restore_logging):
    from services import search

    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(search, "search", locked)
    code = cli.main(["--db", str(db_path), "search", "anything"])

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert "is locked by another program" in err[0]


def test_ctrl_c_exits_130(db_path, monkeypatch, capsys, restore_logging):
    from services import search

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search, "search", interrupted)
    assert cli.main(["--db", str(db_path), "search", "anything"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_no_command_and_gui_open_the_desktop_program(db_path, monkeypatch, restore_logging):
    import app.gui

    calls = []

    def fake_gui(path, **kwargs):
        calls.append((path, kwargs))
        return 7

    monkeypatch.setattr(app.gui, "main", fake_gui)

    assert cli.main(["--db", str(db_path)]) == 7
    assert cli.main(["--db", str(db_path), "gui", "--user", "owner", "--exit-after-paint"]) == 7
    assert cli.main(["--db", str(db_path), "gui", "--demo-if-missing"]) == 7
    assert calls == [(db_path, {"user": None, "exit_after_paint": False, "demo_if_missing": False}),
                     (db_path, {"user": "owner", "exit_after_paint": True, "demo_if_missing": False}),
                     (db_path, {"user": None, "exit_after_paint": False, "demo_if_missing": True})]


def test_bench_hands_its_arguments_to_the_benchmark(monkeypatch, restore_logging):
    seen = []
    monkeypatch.setitem(sys.modules, "app.bench", types.SimpleNamespace(main=lambda args: seen.append(args) or 0))

    assert cli.main(["bench", "--size", "small", "--json", "--runs", "2"]) == 0
    assert (seen[0].size, seen[0].json, seen[0].runs) == ("small", True, 2)


def test_everyday_commands_do_not_load_qt_or_the_office_and_pdf_libraries(db_path, home):
    code = textwrap.dedent(f"""
        import sys
        from app.cli import main
        for argv in (["user", "list"], ["search", "anything"], ["audit", "verify"], ["backup", "list"],
                     ["backup", "create"]):
            assert main(["--db", {str(db_path)!r}, *argv]) == 0, argv
        heavy = sorted({{m.split(".")[0] for m in sys.modules}} & {{"PySide6", "openpyxl", "reportlab"}})
        print("HEAVY", heavy)
    """)
    env = {k: v for k, v in os.environ.items() if k != "FORECOURT_DB"}
    env.update(FORECOURT_HOME=str(home), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


# --- demo ---------------------------------------------------------------------------------------------

def _printed_counts(stdout: str) -> dict[str, int]:
    counts = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].replace(",", "").isdigit():
            counts[parts[0]] = int(parts[1].replace(",", ""))
    return counts


def test_demo_builds_a_database_and_prints_what_it_made(run, tmp_path):
    path = tmp_path / "demo.db"

    result = run("demo", "--size", "small", "--seed", "3", db=path)

    assert result.returncode == 0, result.stderr
    counts = _printed_counts(result.stdout)
    assert counts["customer"] > 0 and counts["vehicle"] > 0
    for table in ("customer", "vehicle", "user_account"):
        assert _query(path, f"SELECT count(*) FROM {table}") == [(counts[table],)]
    assert "Done in " in result.stdout
    assert run("audit", "verify", db=path).returncode == 0


def test_demo_does_not_overwrite_a_database_unless_forced_and_then_keeps_a_copy(run, db_path):
    before = db_path.read_bytes()

    refused = run("demo", "--size", "small", db=db_path)
    unchanged = db_path.read_bytes() == before
    forced = run("demo", "--size", "small", "--force", db=db_path)

    line = assert_one_line_error(refused, code=2)
    assert "--force" in line and unchanged
    assert forced.returncode == 0, forced.stderr
    kept = Path(forced.stdout.split("kept as ")[1].split("\n")[0].rstrip("."))
    assert _query(kept, "SELECT username FROM user_account") == [("owner",)]
    assert _query(db_path, "SELECT count(*) FROM customer")[0][0] > 0
