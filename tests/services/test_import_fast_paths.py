"""The bulk import's shortcuts for common values give exactly what the general paths give: the same
values, the same errors and the same stored bytes."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam

from core.errors import ValidationError
from core.text import _INVISIBLE, fold, visible
from services import search
from services.imports.reader import FormulaWithoutValue

ASCII = "".join(chr(i) for i in range(128))


def _general_visible(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))


def _general_normalize(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").casefold()


def test_every_ascii_character_is_its_own_nfkc_form_and_folds_as_it_lowers():
    for ch in ASCII:
        assert unicodedata.normalize("NFKC", ch) == ch
        assert ch.casefold() == ch.lower()
        assert visible(ch) == _general_visible(ch)
        assert search.normalize(ch) == _general_normalize(ch)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(), st.text(alphabet="Aa1-ＡＢ１\u200bßİ丰田 ")))
def test_visible_fold_and_normalize_are_those_of_the_general_path(text):
    assert visible(text) == _general_visible(text)
    assert fold(text) == " ".join(_general_visible(text).casefold().split())
    assert search.normalize(text) == _general_normalize(text)
    assert search.compact(text) == search._NON_WORD.sub("", _general_normalize(text))


def test_empty_values_stay_empty():
    assert visible("") == "" and visible(None) == ""  # type: ignore[arg-type]
    assert search.normalize("") == "" and search.normalize(None) == ""  # type: ignore[arg-type]


# --- the audit trail's writer ---------------------------------------------------------------------

_values = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                    st.text(max_size=12), st.datetimes(), st.dates(), st.binary(max_size=4),
                    st.lists(st.integers(), max_size=2),
                    st.dictionaries(st.sampled_from(["b", "a", "c"]), st.integers(), max_size=3))
_dicts = st.none() | st.dictionaries(st.text(max_size=8), _values, max_size=6)


@st.composite
def _changes(draw):
    from core.messages import msg
    from store.audit_chain import Change

    summary = draw(st.text(max_size=20))
    if draw(st.booleans()):
        summary = msg("{kind} import of {name}", kind=summary, name='x"\\y\u2028é')
    return Change(draw(st.sampled_from(["insert", "update", "import", 'odd "verb"\n'])),
                  draw(st.sampled_from(["part", "customer", "ünïcode"])),
                  draw(st.one_of(st.text(max_size=32), st.integers())), draw(_dicts), draw(_dicts), summary)


@settings(max_examples=80, deadline=None)
@given(batch=st.lists(_changes(), min_size=1, max_size=8),
       same_keys=st.lists(st.dictionaries(st.sampled_from(["a", "b", "c", "é", "Z"]), _values), max_size=6),
       terminal=st.sampled_from(["T1", 'T"2\\', "终端"]))
def test_appended_entries_store_what_the_general_encoder_and_entry_hash_give(batch, same_keys, terminal):
    from sqlalchemy import create_engine

    from core.actor import Actor
    from models.admin import AuditEntry, AuditHead
    from models.base import Base
    from store import audit_chain
    from store.audit_chain import SUMMARY_KEY, Change, entry_hash

    batch = batch + [Change("insert", "part", str(i), None, d) for i, d in enumerate(same_keys)]
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[AuditEntry.__table__, AuditHead.__table__])
    actor = Actor(username="tester", role="owner", terminal=terminal)
    with engine.begin() as conn:
        audit_chain.append(conn, actor, batch)
        stored = conn.exec_driver_sql("SELECT id, at, actor, terminal, action, entity, entity_id, summary, before, "
                                      "after, prev_hash, hash FROM audit_entry ORDER BY seq").fetchall()
    prev = audit_chain.GENESIS
    for change, row in zip(batch, stored, strict=True):
        after = change.after
        if getattr(change.summary, "params", None) is not None:
            after = {**(after or {}), SUMMARY_KEY: {"template": change.summary.template,
                                                     "params": dict(change.summary.params)}}
        expected = [audit_chain._dump(change.before), audit_chain._dump(after)]
        assert list(row[8:10]) == expected
        assert row[10] == prev
        assert row[11] == entry_hash(prev, id=row[0], at=row[1], actor=row[2], terminal=row[3], action=row[4],
                                     entity=row[5], entity_id=str(change.entity_id), summary=str(change.summary),
                                     before=row[8], after=row[9])
        prev = row[11]


def test_ids_made_in_one_go_are_ids_made_one_by_one():
    import itertools
    import uuid

    from core import ids

    made = [ids.new_id(), *ids.new_ids(5000), ids.new_id(), *ids.new_ids(1), *ids.new_ids(0), ids.new_id()]
    assert len(made) == 5004
    assert all(a < b for a, b in itertools.pairwise(made))
    for value in made:
        parsed = uuid.UUID(hex=value)
        assert (parsed.version, parsed.variant, len(value)) == (7, uuid.RFC_4122, 32)


# --- bulk writes ----------------------------------------------------------------------------------

def _bulk_table():
    from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table

    metadata = MetaData()
    return metadata, Table("t", metadata, Column("id", String, primary_key=True), Column("n", Integer),
                           Column("flag", Boolean, default=False), Column("at", DateTime), Column("by", String),
                           Column("unit", String, default="pcs"))


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(-5, 10**12) | st.none(), st.booleans() | st.none(),
                               st.datetimes() | st.none()), min_size=1, max_size=30),
       stamp=st.datetimes())
def test_a_bulk_insert_and_update_store_what_core_stores(rows, stamp):
    from sqlalchemy import create_engine

    from store.bulk import executemany_insert, executemany_update

    metadata, table = _bulk_table()
    stored = []
    for bulk in (True, False):
        engine = create_engine("sqlite://")
        metadata.create_all(engine)
        values = [{"id": str(i), "n": n, "flag": flag} for i, (n, flag, _at) in enumerate(rows)]
        changes = [{"id": str(i), "flag": not flag, "at": at} for i, (_n, flag, at) in enumerate(rows)]
        with engine.begin() as conn:
            if bulk:
                executemany_insert(conn, table, values, {"at": stamp, "by": "owner"})
                executemany_update(conn, table, "id", ["flag", "at"], {"by": "clerk"}, changes)
            else:
                conn.execute(table.insert(), [{**v, "at": stamp, "by": "owner"} for v in values])
                conn.execute(table.update().where(table.c.id == bindparam("key")).values(
                    flag=bindparam("flag"), at=bindparam("at"), by="clerk"),
                    [{"key": c["id"], "flag": c["flag"], "at": c["at"]} for c in changes])
            stored.append(conn.exec_driver_sql("SELECT id, n, flag, at, by, unit, typeof(flag), typeof(at) "
                                               "FROM t ORDER BY rowid").fetchall())
    assert stored[0] == stored[1]


# --- parsing cells --------------------------------------------------------------------------------

def _fields():
    from services.imports.framework import Field

    def shout(value):
        if value == "BAD":
            raise ValidationError("x", "bad value")
        return value

    return [Field("t", "T", kind="text", max_length=8), Field("t2", "T2", kind="text"),
            Field("t3", "T3", kind="text", check=shout), Field("c", "C", kind="code", max_length=10),
            Field("c2", "C2", kind="code"), Field("m", "M", kind="money"), Field("m2", "M2", kind="money", maximum=500),
            Field("q", "Q", kind="quantity"), Field("h", "H", kind="hours", maximum=24),
            Field("d", "D", kind="date")]


def _outcome(parse, value):
    try:
        return "value", parse(value)
    except ValidationError as exc:
        return "error", str(exc.detail)


_NOISY = [56.649999999999999, 0.1 + 0.2, 1.005, 2.675, 12.299999999999999, 1e-7, 5e-324, 0.5, 0.005, 0.0005,
          9999999999999.99, 9999999999999.998, 1e13, 99999999999.999, 1e15, 1e16, 123456789012.345, -0.0, -0.01,
          float("nan"), float("inf"), float("-inf"), 3, -3, 0, 10**13 - 1, 10**13, 10**20, -10**20, True, False,
          500, 500.0, 500.01, 24, 24.001, None, "", " ", "'", "'=1", "'+86 139", "= 1", "1.2E+11", " 1e5 ", "E12",
          "a\u00a0b", "  Oil   filter ", "机油", "Ｆ", "a\u200bb", "-_-", "---", "12,345.50", "1,5", "0.123",
          "BAD", "bad", "x" * 8, "x" * 9, "x" * 11, "2024-03-31", "\x1cA\x1f", "\t", "'\tx", "1.23457E+11",
          "\u200b", "\u00ad\ufeff", " 机油 \u200b滤清器 ", "'机油", "１.２E+11", "１２E3", "－—", "ｘ" * 9,
          "\u3000Ａ\u3000",
          date(2024, 3, 10), datetime(2024, 1, 1, 9, 30), FormulaWithoutValue("=A1*2")]


def test_each_cell_parses_the_short_way_as_the_general_way():
    from services.imports.framework import _converter, _parse_value

    for currency in ("CNY", "JPY", "KWD"):
        for f in _fields():
            convert = _converter(f, currency)
            def general(v, f=f, currency=currency):
                return _parse_value(f, v, currency)

            for value in _NOISY:
                assert _outcome(convert, value) == _outcome(general, value), (currency, f.name, value)


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(st.floats(), st.floats(min_value=0, max_value=1e14), st.integers(-10**16, 10**16),
                       st.decimals(min_value=0, max_value=10**13, places=3).map(float),
                       st.decimals(min_value=0, max_value=10**6, places=2).map(float),
                       st.text(alphabet=st.characters(max_codepoint=127), max_size=14),
                       st.text(max_size=6), st.text(alphabet="0123456789.,eE+- '", max_size=10)),
       currency=st.sampled_from(["CNY", "JPY", "KWD"]))
def test_any_cell_parses_the_short_way_as_the_general_way(value, currency):
    from services.imports.framework import _converter, _parse_value

    for f in _fields():
        def general(v, f=f):
            return _parse_value(f, v, currency)

        assert _outcome(_converter(f, currency), value) == _outcome(general, value)


def test_parse_rows_gives_each_row_the_values_and_errors_of_the_general_path(tmp_path):
    from core.actor import Actor
    from services.imports.framework import Context, _parse_value, parse_rows
    from services.imports.reader import Table
    from services.parts.imports import PRICE_LIST

    rows = [["Toyota", "04152-YZZA6", "Oil filter", 56.649999999999999, 30, 25.5],
            ["toyota", "04152 yzza6", "Oil filter", 1.0, None, None],  # the same key: repeated
            ["丰田", "９０９１５", "机油滤清器", "1,5", "-1", 1e300],
            ["Toyota", "1.23457E+11", "", None, "", 0.001],
            ["", "", "x" * 301, FormulaWithoutValue("=B2"), date(2024, 3, 1), True],
            ["Honda", "'=A1", "Clip", 12.3, 4.56, 7.891],
            ["Honda", "X-1"]]
    columns = {"brand": 0, "part_number": 1, "description": 2, "retail_price": 3, "trade_price": 4, "cost": 5}
    table = Table(tmp_path / "f.xlsx", list(columns), iter(enumerate(rows, start=2)), len(rows))
    context = Context(currency="CNY", actor=Actor(username="o", role="owner"), file="f.xlsx")
    results = parse_rows(table, PRICE_LIST, columns, context)

    seen = {}
    for result, (number, cells) in zip(results, enumerate(rows, start=2), strict=True):
        values, errors = {}, []
        for name, index in columns.items():
            f = PRICE_LIST.field(name)
            try:
                parsed = _parse_value(f, cells[index] if index < len(cells) else None, "CNY")
            except ValidationError as exc:
                errors.append((name, str(exc.detail)))
                continue
            if parsed is not None:
                values[name] = parsed
        for f in PRICE_LIST.fields:
            if f.required and f.name not in values and f.name not in {e[0] for e in errors}:
                errors.append((f.name, "is empty"))
        if not any(e[0] in PRICE_LIST.key for e in errors):
            key = PRICE_LIST.key_of(values)
            if key in seen:
                named = " ".join(str(values[k]) for k in PRICE_LIST.key if values.get(k, "") != "")
                errors.append(("part_number",
                               f"repeats row {seen[key]} ({named}): each may appear only once in a file"))
            else:
                seen[key] = number
        assert result.row == number
        assert result.values == values
        assert [(e.field, str(e.message)) for e in result.errors] == errors


# --- search documents -----------------------------------------------------------------------------

def _general_short_grams(*values):
    grams = {}
    for value in values:
        for word in search._NON_WORD.split(_general_normalize(value)):
            if not word:
                continue
            for i in range(len(word) - 1):
                grams[word[i:i + 2]] = None
            grams[word[-1]] = None
    return " ".join(grams)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.text(alphabet="ab_ 机油-Ａ", max_size=12), st.none()),
                min_size=1, max_size=3))
def test_short_grams_are_those_of_the_general_path(values):
    assert search.short_grams(*values) == _general_short_grams(*values)
    assert search.short_grams(*values) == _general_short_grams(*values)  # and again, remembered


# --- a unit of work's bulk writes -----------------------------------------------------------------

@pytest.mark.parametrize("rows", [
    [{"id": f"b{i}", "name": f"Brand {i}"} for i in range(600)],  # no stamps: the unit of work's own
    [{"id": "c1", "name": "Stamped", "created_at": datetime(2020, 1, 2, 3, 4, 5), "created_by": "old",
      "updated_at": datetime(2020, 1, 2, 3, 4, 5), "updated_by": "old"}],  # back-dated rows keep theirs
    [{"id": "d1", "name": "Half", "created_by": "", "updated_by": "x"}, {"id": "d2", "name": "Other",
                                                                          "created_by": "", "updated_by": "y"}],
])
def test_bulk_inserted_rows_are_stored_stamped_and_audited_as_before(db, db_path, owner, rows):
    import json
    import sqlite3

    from models.parts import Brand
    from services import audit
    from store.uow import UnitOfWork

    with UnitOfWork(db, owner) as uow:
        uow.insert(Brand, rows)
        now = uow.now
        uow.commit()
    stamps = {"created_at": now, "created_by": owner.username, "updated_at": now, "updated_by": owner.username}
    conn = sqlite3.connect(db_path)
    try:
        for row in rows:
            full = {**stamps, **{k: v for k, v in row.items() if not (k in stamps and not v)}}
            stored = conn.execute("SELECT name, created_at, created_by, updated_at, updated_by FROM brand WHERE id = ?",
                                  (row["id"],)).fetchone()
            assert stored[0] == full["name"] and stored[2] == full["created_by"] and stored[4] == full["updated_by"]
            assert stored[1].startswith(full["created_at"].isoformat(sep=" ")[:19])
            after, = conn.execute("SELECT after FROM audit_entry WHERE entity = 'brand' AND entity_id = ?",
                                  (row["id"],)).fetchone()
            exclude = Brand.__audit_exclude__
            assert after == json.dumps({k: v for k, v in full.items() if k not in exclude}, sort_keys=True,
                                       ensure_ascii=False, default=str)
    finally:
        conn.close()
    with db.read() as read:
        assert audit.verify(read).ok


# --- the garbage collector's pause ----------------------------------------------------------------

@pytest.fixture
def automatic_collection(monkeypatch):
    """Automatic collection, as in a process without a GUI (an earlier test in this process may have
    handed collection to the GUI thread)."""
    import gc

    from core import memory

    was_enabled = gc.isenabled()
    monkeypatch.setattr(memory, "_by_hand", False)
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_the_collector_pause_nests_and_leaves_the_collector_as_it_found_it(automatic_collection):
    import gc

    from core.memory import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # disabled by someone else: left so
    finally:
        gc.enable()


def test_an_import_pauses_the_collector_only_while_it_runs(db, owner, tmp_path, monkeypatch,
                                                           automatic_collection):
    import gc

    from services.imports import framework
    from tests.services.test_imports import CATALOGUE, HEADERS, write_xlsx

    seen = []
    parse = framework.parse_rows
    monkeypatch.setattr(framework, "parse_rows", lambda *a, **k: (seen.append(gc.isenabled()), parse(*a, **k))[1])
    path = write_xlsx(tmp_path / "p.xlsx", HEADERS, CATALOGUE)
    assert framework.run(db, owner, path, "parts").written
    assert seen == [False]
    assert gc.isenabled()


def test_collection_by_hand_stays_off_through_a_pause_and_collects_only_what_is_due(monkeypatch):
    import gc

    from core import memory

    was_enabled = gc.isenabled()
    monkeypatch.setattr(memory, "_by_hand", False)
    gc.enable()
    try:
        memory.collect_by_hand()
        assert not gc.isenabled()
        with memory.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the pause's end does not switch automatic collection back on

        gc.collect()
        assert memory.collect_due() == 0  # nothing allocated since: nothing is due

        def cycles(n: int) -> None:
            for _ in range(n):
                box: list = []
                box.append(box)

        threshold = gc.get_threshold()[0]
        with memory.collector_paused():
            cycles(threshold * 3)
            assert memory.collect_due() == 0  # a bulk job's pause holds off the GUI's collections too
        assert memory.collect_due() >= threshold * 3
    finally:
        if was_enabled:
            monkeypatch.setattr(memory, "_by_hand", False)
            gc.enable()
