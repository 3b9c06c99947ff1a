"""``forecourt bench --only crm``: the customer record's targets on the bench database, each against
raw SQL doing the same reads or writes in the same run.

* customer search by name and phone as the customers screen searches (a list page), and by plate and
  VIN as global search finds the car and its owner: p95 under 30 ms;
* a customer's timeline (the customer with the most invoices): under 100 ms;
* the duplicate check while a customer is entered: p95 under 20 ms;
* merging two customers, one with 200 linked records, on a scratch copy: under 200 ms.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.bench_timing import Result, _result, _scratch_copy, _time

SEARCH_TARGET_MS = 30
TIMELINE_TARGET_MS = 100
DUPLICATE_TARGET_MS = 20
MERGE_TARGET_MS = 200
MERGE_LINKS = 200


def _picks(raw: sqlite3.Connection) -> dict[str, str]:
    name = raw.execute("SELECT name FROM customer WHERE kind = 'person' AND length(name) = 3 ORDER BY rowid "
                       "LIMIT 1 OFFSET (SELECT count(*) / 3 FROM customer)").fetchone()
    phone = raw.execute("SELECT phone FROM customer WHERE phone LIKE '+861%' ORDER BY rowid "
                        "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM customer)").fetchone()
    plate = raw.execute("SELECT plate FROM vehicle WHERE plate != '' AND owner_id IS NOT NULL ORDER BY rowid "
                        "LIMIT 1 OFFSET (SELECT count(*) / 3 FROM vehicle)").fetchone()
    vin = raw.execute("SELECT vin FROM vehicle WHERE owner_id IS NOT NULL ORDER BY rowid "
                      "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM vehicle)").fetchone()
    if not (name and phone and plate and vin):
        raise RuntimeError("the bench database has too few customers and vehicles for the customer benchmarks")
    # A phone as the desk types it: the national number without +86.
    return {"name": name[0], "phone": phone[0][3:], "plate": plate[0], "vin": vin[0][-6:]}


def _bench_search(db, raw: sqlite3.Connection, actor, runs: int) -> list[Result]:
    from services import lists, search

    results: list[Result] = []
    everything: list[float] = []
    everything_base: list[float] = []
    for label, query in _picks(raw).items():
        built = search.match_sql(query)
        assert built is not None
        sql, params = built
        if label in ("name", "phone"):
            # The customers screen's search box: a page of the customers list.
            state = lists.ListState(search=query)

            def work(s=state) -> int:
                return len(lists.fetch_page(db, actor, "customers", s, limit=100).rows)

            raw_sql = (f"SELECT c.id, c.name, c.phone FROM customer c WHERE c.merged_into_id IS NULL AND c.id IN "
                       f"(SELECT ref_id FROM search_doc WHERE kind = 'customer' AND id IN ({sql})) "
                       f"ORDER BY c.name LIMIT 100")
        else:
            # Global search (Ctrl+K) finds the car by its plate or VIN, with its owner in the hit.
            def work(q=query) -> int:
                return len(search.search(db, actor, q, limit=50, kinds=("customer", "vehicle")))

            raw_sql = f"SELECT d.kind, d.ref_id, d.title, d.detail FROM search_doc d WHERE d.id IN ({sql}) LIMIT 50"
        if not work():
            raise RuntimeError(f"the customer search for {query!r} ({label}) finds nothing")
        samples = _time(work, runs)
        base = _time(lambda s=raw_sql, p=params: raw.execute(s, p).fetchall(), runs)
        everything += samples
        everything_base += base
        results.append(_result(f"customer_search[{label}]", samples, base, SEARCH_TARGET_MS, use_p95_for_target=True))
    results.insert(0, _result("customer_search", everything, everything_base, SEARCH_TARGET_MS,
                              use_p95_for_target=True))
    return results


def _bench_timeline(db, raw: sqlite3.Connection, actor, runs: int) -> Result:
    from services.customers import timeline

    row = raw.execute("SELECT customer_id FROM invoice WHERE customer_id NOT IN (SELECT bill_to_customer_id FROM "
                      "labour_rate WHERE bill_to_customer_id IS NOT NULL) GROUP BY customer_id "
                      "ORDER BY count(*) DESC LIMIT 1").fetchone()
    if row is None:
        raise RuntimeError("the bench database has no invoiced customer")
    cid = row[0]
    entries = len(timeline.timeline(db, actor, cid))
    sources = [s for s in timeline.SOURCES.values() if actor.can(s.permission)]
    raw_sql = " UNION ALL ".join(
        f"SELECT at, title, detail, status, amount, ref_id FROM ({s.sql.replace(':ids', '(?)')})" for s in sources
    ) + " ORDER BY 1 DESC"

    def baseline() -> None:
        raw.execute(raw_sql, [cid] * len(sources)).fetchall()

    samples = _time(lambda: timeline.timeline(db, actor, cid), runs)
    base = _time(baseline, runs)
    result = _result(f"customer_timeline[{entries}_entries]", samples, base, TIMELINE_TARGET_MS)
    return result


def _bench_duplicates(db, raw: sqlite3.Connection, actor, runs: int) -> Result:
    from services.customers import CustomerInput, duplicates

    rows = raw.execute("SELECT name, alt_name, phone, email, city, id_number FROM customer WHERE kind = 'person' "
                       "AND phone != '' ORDER BY rowid LIMIT 20 OFFSET (SELECT count(*) / 4 FROM customer)").fetchall()
    if not rows:
        rows = raw.execute("SELECT name, alt_name, phone, email, city, id_number FROM customer WHERE phone != '' "
                           "LIMIT 20").fetchall()
    inputs = [CustomerInput(name=r[0], alt_name=r[1], phone=r[2], email=r[3], city=r[4], id_number=r[5])
              for r in rows]
    turn = [0]

    def work() -> None:
        turn[0] += 1
        duplicates.find(db, actor, inputs[turn[0] % len(inputs)])

    def baseline() -> None:
        turn[0] += 1
        r = rows[turn[0] % len(rows)]
        raw.execute("SELECT id FROM customer WHERE phone = ? UNION SELECT customer_id FROM contact WHERE phone = ? "
                    "UNION SELECT id FROM customer WHERE email = ? AND email != '' "
                    "UNION SELECT id FROM customer WHERE id_number = ? AND id_number != '' "
                    "UNION SELECT id FROM customer WHERE name = ?", (r[2], r[2], r[3], r[5], r[0])).fetchall()

    # One pass over every input first, for both: each entry then meets the pages it reads in the
    # cache, as the next keystrokes of the same customer do (the first read of a page from disk is
    # the disk's time, not the check's).
    for _ in inputs:
        work()
        baseline()
    samples = _time(work, runs)
    base = _time(baseline, runs)
    return _result("customer_duplicate_check", samples, base, DUPLICATE_TARGET_MS, use_p95_for_target=True)


def _linked_pair(raw: sqlite3.Connection, n: int) -> tuple[str, str]:
    """Two new customers on the scratch copy, the second with ``MERGE_LINKS`` linked records (notes,
    contacts and tags); their ids."""
    from core.ids import new_id

    a, b = new_id(), new_id()
    stamp = "2030-01-01 09:00:00.000000"
    for cid, name in ((a, f"合并甲{n}"), (b, f"合并乙{n}")):
        raw.execute("INSERT INTO customer (id, created_at, created_by, updated_at, updated_by, kind, name, alt_name, "
                    "phone, email, id_number, company_reg, address, city, postcode, language, marketing_ok, notes, "
                    "active, grade, name_key, alt_key) VALUES (?, ?, 'bench', ?, 'bench', 'person', ?, '', '', '', "
                    "'', '', '', '', '', '', 0, '', 1, '', ?, '')", (cid, stamp, stamp, name, name))
    notes = MERGE_LINKS * 6 // 10
    contacts = MERGE_LINKS - notes - 4
    stamps = "id, created_at, created_by, updated_at, updated_by, customer_id"
    raw.executemany(f"INSERT INTO customer_note ({stamps}, text) VALUES (?, ?, 'bench', ?, 'bench', ?, '备注')",
                    [(new_id(), stamp, stamp, b) for _ in range(notes)])
    raw.executemany(f"INSERT INTO contact ({stamps}, name, position, phone, email, is_primary) "
                    "VALUES (?, ?, 'bench', ?, 'bench', ?, '联系人', '', '', '', 0)",
                    [(new_id(), stamp, stamp, b) for _ in range(contacts)])
    raw.executemany(f"INSERT INTO customer_tag ({stamps}, tag) VALUES (?, ?, 'bench', ?, 'bench', ?, ?)",
                    [(new_id(), stamp, stamp, b, f"t{i}") for i in range(4)])
    return a, b


def _raw_merge(raw: sqlite3.Connection, survivor: str, merged: str) -> None:
    from services.customers.merge import references

    with raw:
        for ref in references():
            raw.execute(f'UPDATE "{ref.table.name}" SET "{ref.column.name}" = ? WHERE "{ref.column.name}" = ?',
                        (survivor, merged))
        raw.execute("UPDATE customer SET merged_into_id = ?, active = 0 WHERE id = ?", (survivor, merged))


def _bench_merge(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> Result:
    from services.customers import merge
    from services.setup import open_database

    n = max(5, runs // 2)
    with tempfile.TemporaryDirectory(prefix="forecourt-bench-") as tmp:
        log("Copying the bench database for merging customers …")
        copy = _scratch_copy(path, Path(tmp))
        raw = sqlite3.connect(copy)
        raw.execute("PRAGMA foreign_keys = ON")
        try:
            with raw:
                pairs = [_linked_pair(raw, i) for i in range(n + 1)]
                base_pairs = [_linked_pair(raw, n + 1 + i) for i in range(n)]
            db = open_database(copy)
            try:
                pending = iter(pairs)
                samples = _time(lambda: merge.merge(db, actor, *(lambda p: (p[0], [p[1]]))(next(pending))), n,
                                warmup=1)
                check = pairs[-1]
                with db.read() as conn:
                    from sqlalchemy import text

                    moved = conn.execute(text("SELECT (SELECT count(*) FROM customer_note WHERE customer_id = :a) + "
                                              "(SELECT count(*) FROM contact WHERE customer_id = :a) + "
                                              "(SELECT count(*) FROM customer_tag WHERE customer_id = :a)"),
                                         {"a": check[0]}).scalar_one()
                if moved != MERGE_LINKS:
                    raise RuntimeError(f"the merge moved {moved} records, not {MERGE_LINKS}")
            finally:
                db.dispose()
            others = iter(base_pairs)
            base = _time(lambda: _raw_merge(raw, *next(others)), n, warmup=0)
        finally:
            raw.close()
    return _result(f"merge_customers_{MERGE_LINKS}_linked", samples, base, MERGE_TARGET_MS)


def bench_crm(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    """Customer search, a timeline, the duplicate check and a merge, each against raw SQL."""
    from services.setup import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    try:
        log("Timing customer search …")
        results = _bench_search(db, raw, actor, runs)
        log("Timing a customer's timeline …")
        results.append(_bench_timeline(db, raw, actor, runs))
        log("Timing the duplicate check …")
        results.append(_bench_duplicates(db, raw, actor, runs))
    finally:
        raw.close()
        db.dispose()
    results.append(_bench_merge(path, actor, runs, log=log))
    return results
