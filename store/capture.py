"""Change capture for sync (DESIGN §6): triggers that write every change of a synced table to the outbox.

For each synced table, :func:`install` creates three AFTER triggers — insert, update, delete — plus
one for an update that changes the primary key (written as a tombstone for the old key and an insert
of the new row). Each trigger advances ``sync_state`` (the next gap-free sequence number and the
hybrid logical clock) and writes one ``sync_outbox`` row in the same statement, hence in the same
transaction, as the change: whatever made it — the ORM, Core executemany, raw SQL on our engine or
any other program writing to the file. A rolled-back transaction takes its outbox rows and its
sequence numbers with it, so the sequence has no gaps. An update that changes no value writes
nothing; one that does writes only the changed columns; a delete writes the key alone (a tombstone).

The HLC stamp is computed in SQL by the rule of :func:`core.hlc.tick` on packed stamps:
``max(last + 1, wall_ms << 16)``, the wall clock in milliseconds from ``julianday('now')``.

The triggers are generated from the database's own schema (``PRAGMA table_info``), not from the
models, so a migration that calls :func:`install` stays correct however the models change later.
**A migration that creates a synced table, or alters one (batch mode copies the table, which drops
its triggers; a plain ADD COLUMN leaves triggers that do not know the new column), calls**
``capture.install(op.get_bind(), ["table"])`` **after the change**, in its upgrade and in its
downgrade. A migration that drops a synced table needs nothing: its triggers go with it. One that
alters ``sync_outbox`` or ``sync_state`` uninstalls every capture trigger first and installs them
again after (SQLite checks every trigger when batch mode renames the copied table into place). If
the SQL this module generates ever changes, a migration re-installs the triggers of every synced
table. :func:`outdated` compares the installed triggers with freshly generated ones; the tests check
it on a freshly migrated database. ``migrations/README.md`` has the same rules.

Runs inside the caller's connection and transaction; any thread that owns that connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

TRIGGER_PREFIX = "sync_capture_"
OUTBOX = "sync_outbox"
STATE = "sync_state"

# SQLite allows 127 arguments to a function by default: at most 60 name/value pairs per call.
_PAIRS_PER_CALL = 60

# Milliseconds since the Unix epoch, shifted into a packed HLC stamp (core/hlc.py: COUNTER_BITS).
WALL_STAMP_SQL = "(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) << 16)"

_ADVANCE = (f"UPDATE {STATE} SET next_seq = next_seq + 1, last_hlc = max(last_hlc + 1, {WALL_STAMP_SQL}) "
            "WHERE id = 1;")


@dataclass(frozen=True)
class Column:
    name: str
    declared_type: str
    pk: int  # position in the primary key, 1-based; 0 when not part of it

    @property
    def may_hold_blob(self) -> bool:
        # SQLite's affinity rule: a declared type containing BLOB, or none, keeps bytes as bytes.
        return "BLOB" in self.declared_type.upper() or not self.declared_type.strip()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def columns(conn: Connection, table: str) -> list[Column]:
    """The columns of ``table`` as the database has them. Raises ValueError for an unknown table."""
    rows = conn.exec_driver_sql(f"PRAGMA table_info({_ident(table)})").fetchall()
    if not rows:
        raise ValueError(f"no table {table!r} in this database")
    return [Column(name=r[1], declared_type=r[2] or "", pk=r[5]) for r in rows]


def _value(ref: str, column: Column) -> str:
    expr = f"{ref}.{_ident(column.name)}"
    if column.may_hold_blob:
        # JSON has no bytes: a BLOB travels as hex text.
        return f"CASE WHEN typeof({expr}) = 'blob' THEN hex({expr}) ELSE {expr} END"
    return expr


def _object(ref: str, cols: Sequence[Column]) -> str:
    """A JSON object of ``cols`` of the ``ref`` row (``new`` or ``old``), NULLs included."""
    first, rest = cols[:_PAIRS_PER_CALL], cols[_PAIRS_PER_CALL:]
    sql = "json_object(" + ", ".join(f"{_literal(c.name)}, {_value(ref, c)}" for c in first) + ")"
    for i in range(0, len(rest), _PAIRS_PER_CALL):
        # json_insert, unlike json_patch, keeps a NULL value as a key with null.
        paths = ", ".join(f"{_literal('$.' + _ident(c.name))}, {_value(ref, c)}"
                          for c in rest[i:i + _PAIRS_PER_CALL])
        sql = f"json_insert({sql}, {paths})"
    return sql


def _changed_object(cols: Sequence[Column], old: str = "old") -> str:
    """A JSON object of the columns whose value this update changed, with their new values."""
    branches = " UNION ALL ".join(
        f"SELECT {_literal(c.name)} AS k, {_value('new', c)} AS v WHERE {_differs(c, old)}" for c in cols)
    return f"(SELECT json_group_object(k, v) FROM ({branches}))"


def _changed_only(cols: Sequence[Column], old: str) -> str:
    """What :func:`_changed_object` gives, as one object of every column with the unchanged ones
    removed: the same text (keys in column order), several times faster over many rows. Removing the
    key "" (which no column has) leaves the object as it is."""
    if len(cols) > _PAIRS_PER_CALL:
        return _changed_object(cols, old)
    paths = ", ".join(f"CASE WHEN {_differs(c, old)} THEN '$.\"\"' ELSE {_literal('$.' + _ident(c.name))} END"
                      for c in cols)
    return f"json_remove({_object('new', cols)}, {paths})"


def _differs(column: Column, old: str = "old") -> str:
    return f"{old}.{_ident(column.name)} IS NOT new.{_ident(column.name)}"


def _outbox_insert(table: str, op: str, key: str, data: str) -> str:
    # The LEFT JOIN keeps the row when sync_state is missing, so its NOT NULL terminal_id refuses the
    # write instead of the change going uncaptured.
    return (f"INSERT INTO {OUTBOX} (seq, terminal_id, hlc, table_name, row_key, op, data) "
            f"SELECT s.next_seq - 1, s.terminal_id, s.last_hlc, {_literal(table)}, {key}, '{op}', {data} "
            f"FROM (SELECT 1) LEFT JOIN {STATE} AS s ON s.id = 1;")


def trigger_name(table: str, event: str) -> str:
    return f"{TRIGGER_PREFIX}{table}_{event}"


def trigger_statements(conn: Connection, table: str) -> dict[str, str]:
    """The CREATE TRIGGER statements that capture changes of ``table``, by trigger name, generated
    from the table's current columns. Raises ValueError for a table without a primary key."""
    cols = columns(conn, table)
    key_cols = sorted((c for c in cols if c.pk), key=lambda c: c.pk)
    if not key_cols:
        raise ValueError(f"table {table!r} has no primary key; its changes cannot be captured")
    others = [c for c in cols if not c.pk]
    new_key, old_key = _object("new", key_cols), _object("old", key_cols)
    key_differs = " OR ".join(_differs(c) for c in key_cols)
    name = _ident(table)

    def create(event: str, timing: str, body: Sequence[str], when: str = "") -> tuple[str, str]:
        trigger = trigger_name(table, event)
        condition = f"\nWHEN {when}" if when else ""
        statements = "\n".join(f"  {s}" for s in body)
        return trigger, (f"CREATE TRIGGER {_ident(trigger)} AFTER {timing} ON {name}{condition}\n"
                         f"BEGIN\n{statements}\nEND")

    made = [
        create("insert", "INSERT", [_ADVANCE, _outbox_insert(table, "insert", new_key, _object("new", cols))]),
        create("delete", "DELETE", [_ADVANCE, _outbox_insert(table, "delete", old_key, "NULL")]),
        create("rekey", "UPDATE", [_ADVANCE, _outbox_insert(table, "delete", old_key, "NULL"),
                                   _ADVANCE, _outbox_insert(table, "insert", new_key, _object("new", cols))],
               when=key_differs),
    ]
    if others:
        changed = " OR ".join(_differs(c) for c in others)
        made.insert(1, create("update", "UPDATE", [_ADVANCE, _outbox_insert(table, "update", new_key,
                                                                           _changed_object(others))],
                              when=f"NOT ({key_differs}) AND ({changed})"))
    return dict(made)


def installed(conn: Connection, table: str | None = None) -> dict[str, str]:
    """The capture triggers in the database (of ``table`` only, when given): their SQL by name."""
    sql = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?"
           + (" AND tbl_name = ?" if table is not None else "") + " ORDER BY name")
    params = (len(TRIGGER_PREFIX), TRIGGER_PREFIX) + ((table,) if table is not None else ())
    return dict(conn.exec_driver_sql(sql, params).fetchall())


def captured_tables(conn: Connection) -> list[str]:
    """The tables that have capture triggers, sorted."""
    rows = conn.exec_driver_sql(
        "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ? "
        "ORDER BY tbl_name", (len(TRIGGER_PREFIX), TRIGGER_PREFIX)).fetchall()
    return [r[0] for r in rows]


def uninstall(conn: Connection, tables: Iterable[str]) -> None:
    """Drop the capture triggers of ``tables``; the tables' other triggers stay."""
    for table in tables:
        for trigger in installed(conn, table):
            conn.exec_driver_sql(f"DROP TRIGGER {_ident(trigger)}")


def install(conn: Connection, tables: Iterable[str]) -> None:
    """(Re)create the capture triggers of ``tables`` from their current columns, replacing any older
    ones. Needs ``sync_outbox`` and ``sync_state``; raises ValueError for an unknown table."""
    for table in tables:
        statements = trigger_statements(conn, table)
        uninstall(conn, [table])
        for sql in statements.values():
            conn.exec_driver_sql(sql)


def outdated(conn: Connection) -> list[str]:
    """The captured tables whose triggers differ from what :func:`install` would create now (a
    migration changed the table and did not re-install them)."""
    return [t for t in captured_tables(conn) if installed(conn, t) != trigger_statements(conn, t)]


@contextmanager
def suspended(conn: Connection) -> Iterator[list[str]]:
    """Within the block, writes on ``conn`` are not captured: the capture triggers are dropped and
    then re-created, inside the caller's transaction, so no other connection ever sees them missing.
    The writes must reach the database inside the block (flush an ORM session there) and the
    transaction must commit after it. Only for a new database's starting state (the first-run seed,
    demo data); never around a user's action. Yields the tables whose capture is suspended."""
    tables = captured_tables(conn)
    uninstall(conn, tables)
    try:
        yield tables
    finally:
        install(conn, tables)


# A bulk insert of at least this many rows is captured set-based rather than row by row.
BULK_MIN_ROWS = 500


@contextmanager
def bulk_insert(conn: Connection, table: str) -> Iterator[None]:
    """Within the block, rows inserted into ``table`` on ``conn`` are captured set-based: the insert
    trigger is set aside and, once the block's inserts are done, one statement writes their outbox
    rows — the same rows, in insertion order, with the same sequence numbers and stamps the trigger
    would have given them — and the trigger is put back, all inside the caller's transaction, so no
    other connection ever sees it missing. For bulk writers (imports); a table without capture is
    written as is."""
    trigger = trigger_name(table, "insert")
    sql = installed(conn, table).get(trigger)
    if sql is None:
        yield
        return
    after = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {_ident(table)}").scalar_one()
    conn.exec_driver_sql(f"DROP TRIGGER {_ident(trigger)}")
    try:
        yield
        _capture_inserted(conn, table, after)
    finally:
        conn.exec_driver_sql(sql)


def _capture_inserted(conn: Connection, table: str, after_rowid: int) -> int:
    """Outbox rows for the rows of ``table`` beyond ``after_rowid`` (new rows take rowids above the
    largest), as the insert trigger writes them row by row: sequence numbers from ``next_seq`` on and
    stamps from max(last stamp + 1, the wall clock) on, one apart. Returns how many."""
    state = conn.exec_driver_sql(f"SELECT next_seq, max(last_hlc + 1, {WALL_STAMP_SQL}), terminal_id "
                                 f"FROM {STATE} WHERE id = 1").first()
    count = conn.exec_driver_sql(f"SELECT count(*) FROM {_ident(table)} WHERE rowid > ?",
                                 (after_rowid,)).scalar_one()
    if not count:
        return 0
    if state is None:
        raise ValueError(f"{STATE} is missing: the changes of {table} cannot be captured")
    next_seq, first_stamp, terminal = state
    cols = columns(conn, table)
    key_cols = sorted((c for c in cols if c.pk), key=lambda c: c.pk)
    conn.exec_driver_sql(
        f"INSERT INTO {OUTBOX} (seq, terminal_id, hlc, table_name, row_key, op, data) "
        f"SELECT ? + new._capture_n - 1, ?, ? + new._capture_n - 1, {_literal(table)}, "
        f"{_object('new', key_cols)}, 'insert', {_object('new', cols)} "
        f"FROM (SELECT row_number() OVER (ORDER BY rowid) AS _capture_n, * FROM {_ident(table)} "
        f"WHERE rowid > ?) AS new ORDER BY new._capture_n",
        (next_seq, terminal, first_stamp, after_rowid))
    conn.exec_driver_sql(f"UPDATE {STATE} SET next_seq = ?, last_hlc = ? WHERE id = 1",
                         (next_seq + count, first_stamp + count - 1))
    return count


@contextmanager
def bulk_update(conn: Connection, table: str, key: str, keys: Sequence[Any], changing: Sequence[str]) -> Iterator[None]:
    """Within the block, the rows of ``table`` whose ``key`` column is one of ``keys`` are updated,
    in that order, setting only ``changing`` columns (never the primary key), and captured
    set-based: the update trigger is set aside, the rows' old values of those columns are kept
    aside first, and once the block is done one statement writes the outbox rows the trigger would
    have written — one per row whose values changed, with the changed columns' new values, in
    ``keys`` order, sequence numbers from ``next_seq`` on and stamps one apart. The trigger is put
    back, all inside the caller's transaction. For bulk writers (imports); a table without capture is
    written as is, and so are rows not named by their whole primary key, or named twice, which the
    trigger captures row by row."""
    trigger = trigger_name(table, "update")
    sql = installed(conn, table).get(trigger)
    if sql is None or not keys:
        yield
        return
    cols = columns(conn, table)
    if any(c.pk and c.name in changing for c in cols):
        raise ValueError(f"a bulk update of {table} cannot change its primary key")
    watched = [c for c in cols if c.name in changing and not c.pk]
    key_cols = sorted((c for c in cols if c.pk), key=lambda c: c.pk)
    if [c.name for c in key_cols] != [key] or len(set(keys)) != len(keys):
        # Rows not named one each by their whole key (or one row updated twice): the trigger, row
        # by row, says exactly what each update changed.
        yield
        return
    name = _ident(table)
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp._capture_keys")
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp._capture_old")
    conn.exec_driver_sql("CREATE TEMP TABLE _capture_keys (n INTEGER PRIMARY KEY, k)")
    conn.exec_driver_sql("CREATE TEMP TABLE _capture_old (n INTEGER PRIMARY KEY, rid INTEGER"
                         + "".join(f", {_ident(c.name)}" for c in watched) + ")")
    try:
        conn.exec_driver_sql("INSERT INTO temp._capture_keys (n, k) VALUES (?, ?)", list(enumerate(keys)))
        conn.exec_driver_sql(
            "INSERT INTO temp._capture_old SELECT k.n, t.rowid"
            + "".join(f", t.{_ident(c.name)}" for c in watched)
            + f" FROM temp._capture_keys AS k JOIN {name} AS t ON t.{_ident(key)} = k.k")
        conn.exec_driver_sql(f"DROP TRIGGER {_ident(trigger)}")
        try:
            yield
            if watched:
                _capture_updated(conn, table, watched, key_cols)
        finally:
            conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql("DROP TABLE IF EXISTS temp._capture_keys")
        conn.exec_driver_sql("DROP TABLE IF EXISTS temp._capture_old")


def _capture_updated(conn: Connection, table: str, watched: Sequence[Column], key_cols: Sequence[Column]) -> int:
    """Outbox rows for the rows kept in ``temp._capture_old`` whose ``watched`` values changed, as the
    update trigger writes them row by row. Returns how many."""
    state = conn.exec_driver_sql(f"SELECT next_seq, max(last_hlc + 1, {WALL_STAMP_SQL}), terminal_id "
                                 f"FROM {STATE} WHERE id = 1").first()
    if state is None:
        raise ValueError(f"{STATE} is missing: the changes of {table} cannot be captured")
    next_seq, first_stamp, terminal = state
    changed = " OR ".join(_differs(c, "o") for c in watched)
    count = conn.exec_driver_sql(
        f"INSERT INTO {OUTBOX} (seq, terminal_id, hlc, table_name, row_key, op, data) "
        f"SELECT ? + c._n - 1, ?, ? + c._n - 1, {_literal(table)}, c.row_key, 'update', c.data FROM ("
        f"SELECT row_number() OVER (ORDER BY o.n) AS _n, {_object('new', key_cols)} AS row_key, "
        f"{_changed_only(watched, 'o')} AS data "
        f"FROM temp._capture_old AS o JOIN {_ident(table)} AS new ON new.rowid = o.rid WHERE {changed}) AS c "
        f"ORDER BY c._n",
        (next_seq, terminal, first_stamp)).rowcount
    if count:
        conn.exec_driver_sql(f"UPDATE {STATE} SET next_seq = ?, last_hlc = ? WHERE id = 1",
                             (next_seq + count, first_stamp + count - 1))
    return count
