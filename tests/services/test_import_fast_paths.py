"""The bulk import's shortcuts for common values give exactly what the general paths give: the same
values, the same errors and the same stored bytes."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam

from core.text import _INVISIBLE, fold, visible
from services import search

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
