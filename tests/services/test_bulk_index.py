"""Search documents of many records are indexed in bulk, and the index stays whole and in step."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import text

from services import search
from services.imports.framework import run
from tests.services.test_imports import HEADERS, write_xlsx


def _trigger_count(db) -> int:
    with db.read() as conn:
        return conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                 "AND tbl_name = 'search_doc'")).scalar_one()


def test_a_large_import_indexes_every_new_part_in_bulk_and_keeps_the_index_whole(db, owner, tmp_path):
    count = search.BULK_INDEX_MIN + 20
    rows = [["Toyota", f"BULK-{i:05d}", f"机油滤清器 {i}", "", "10", "", ""] for i in range(count)]
    triggers = _trigger_count(db)

    summary = run(db, owner, write_xlsx(tmp_path / "many.xlsx", HEADERS, rows), "parts")

    assert summary.written and summary.inserted == count
    assert _trigger_count(db) == triggers
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        conn.exec_driver_sql("INSERT INTO search_short(search_short, rank) VALUES ('integrity-check', 1)")
    assert [h.title for h in search.search(db, owner, "bulk-00517")] == ["Toyota BULK-00517 机油滤清器 517"]
    assert len(search.search(db, owner, "机油", limit=1000)) == count


def _automerge(db) -> dict[str, str | None]:
    with db.read() as conn:
        return {t: conn.exec_driver_sql(f"SELECT v FROM {t}_config WHERE k = 'automerge'").scalar()
                for t in ("search_fts", "search_short")}


def test_a_bulk_index_defers_merging_only_while_it_writes(db, owner, tmp_path, monkeypatch):
    # Merging is left out while the bulk insert writes its segments and FTS5's setting is put back
    # after it (a setting left at 0 would let segments pile up for every later write), whatever it was.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_short(search_short, rank) VALUES ('automerge', 8)")
    seen: list[tuple] = []
    real = search._merging_deferred

    @contextmanager
    def watched(conn):
        with real(conn):
            seen.append(tuple(conn.exec_driver_sql(f"SELECT v FROM {t}_config WHERE k = 'automerge'").scalar()
                              for t in ("search_fts", "search_short")))
            yield

    monkeypatch.setattr(search, "_merging_deferred", watched)
    rows = [["Toyota", f"MERGE-{i:05d}", f"刹车片 {i}", "", "10", "", ""] for i in range(search.BULK_INDEX_MIN)]
    summary = run(db, owner, write_xlsx(tmp_path / "many.xlsx", HEADERS, rows), "parts")

    assert summary.written
    assert seen == [(0, 0)]
    assert _automerge(db) == {"search_fts": 4, "search_short": 8}
    assert len(search.search(db, owner, "刹车", limit=1000)) == search.BULK_INDEX_MIN
