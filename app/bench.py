"""``forecourt bench``: time named operations on a large demo database against raw baselines.

Each operation is run repeatedly; we report its median and p95 together with the median of a raw
baseline doing the same job in the same run (the bare SQL behind a search, a bare PySide6 window
for start-up), and their ratio. Targets come from the issues.

The database is a demo database built once per size and seed and cached, or the one given with
``--db`` (made by ``forecourt demo``). Operations that write (posting an invoice, printing one) run
on a scratch copy of it, so the database stays as it was. ``post_invoice_20_lines`` times
``invoices.post`` alone, each run on a fresh 20-line draft made beforehand; its baseline inserts the
same invoice and lines and takes the series number with raw sqlite3 in one transaction.

``import_price_list_100k_capture_on_vs_off`` compares the same import with change capture (as every
database has it) and on a copy whose capture triggers were dropped (only ever done here): its target
is the ratio, not a time.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

# The measurement helpers live in their own module, so that the bench modules of each area
# (app/bench_<area>.py) use them without importing this one back.
from app.bench_timing import Result, _p95, _result, _scratch_copy, _time  # noqa: F401
from core.paths import data_dir

ROOT = Path(__file__).resolve().parent.parent
# Areas measured by a module of their own, ``app/bench_<name>.py`` with ``bench_<name>(path, actor, runs, *,
# log)``; ``--only <name>`` runs one.
MODULE_BENCHES = ("crm", "stock", "leads", "deals", "finance")

# --- database ------------------------------------------------------------------------------------

# Raised whenever the demo generator starts writing data it did not write before, so that a bench
# database cached by an older version is rebuilt rather than measured without that data.
# 2: billing history (invoices, payments, credit notes…); 3: posted invoices in global search;
# 4: the parts department (catalogue, suppliers, stock ledger) and parts in global search;
# 5: the showroom: the vehicle catalogue and stock, leads, deals, finance and insurance, trade-ins, targets.
DEMO_DATA_VERSION = 5


def bench_db_path(size: str, seed: int) -> Path:
    return data_dir() / "bench" / f"forecourt-{size}-seed{seed}-v{DEMO_DATA_VERSION}.db"


def _drop_stale(path: Path, size: str, seed: int, *, log: Callable[[str], None]) -> None:
    """Delete bench databases (and price lists made from them) of the same size and seed built by
    older versions of the generator."""
    pattern = re.compile(rf"forecourt-{re.escape(size)}-seed{seed}(-v\d+)?(\.db|-price-list-\d+k\.xlsx)")
    for old in path.parent.iterdir():
        ours = old == path or old.name.startswith(f"{path.stem}-")
        if not ours and pattern.fullmatch(old.name):
            log(f"Removing {old}, built by an older demo generator")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{old}{suffix}").unlink(missing_ok=True)


def ensure_db(size: str, seed: int, *, log: Callable[[str], None]) -> Path:
    import demo

    path = bench_db_path(size, seed)
    if path.exists():
        log(f"Reusing {path}")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    _drop_stale(path, size, seed, log=log)
    log(f"Building the {size} demo database at {path} …")
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    demo.build(tmp, size=size, seed=seed)
    tmp.rename(path)
    log(f"Built in {time.perf_counter() - started:.1f} s")
    return path


# --- operations ----------------------------------------------------------------------------------

SEARCH_QUERIES = {
    "substring": None,  # filled from data: three letters from the middle of a customer name
    "chinese_2char": None,
    "surname_1char": "王",
    "phone_last4": None,
    "plate_fragment": None,
    "vin_fragment": None,
}


def _pick_queries(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        two = conn.execute("SELECT name FROM customer WHERE length(name) = 2 ORDER BY rowid LIMIT 1 OFFSET 500"
                           ).fetchone()
        latin = conn.execute("SELECT name FROM customer WHERE name GLOB '[A-Z]*' AND length(name) > 8 "
                             "ORDER BY rowid LIMIT 1 OFFSET 100").fetchone()
        phone = conn.execute("SELECT phone FROM customer WHERE phone != '' ORDER BY rowid LIMIT 1 OFFSET 777"
                             ).fetchone()
        plate = conn.execute("SELECT plate FROM vehicle WHERE plate != '' ORDER BY rowid LIMIT 1 OFFSET 999"
                             ).fetchone()
        vin = conn.execute("SELECT vin FROM vehicle ORDER BY rowid LIMIT 1 OFFSET 4321").fetchone()
    finally:
        conn.close()
    queries = {"surname_1char": "王"}
    if two:
        queries["chinese_2char"] = two[0]
    if latin:
        queries["substring"] = latin[0][2:6].lower()
    if phone:
        queries["phone_last4"] = phone[0][-4:]
    if plate:
        queries["plate_fragment"] = plate[0][-4:]
    if vin:
        queries["vin_fragment"] = vin[0][-6:]
    return queries


def bench_search(path: Path, actor, runs: int) -> list[Result]:
    from services import search
    from services.setup import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    results = []
    all_samples: list[float] = []
    all_base: list[float] = []
    try:
        for label, query in _pick_queries(path).items():
            built = search.match_sql(query)
            assert built is not None
            sql, params = built
            raw_sql = f"SELECT d.kind, d.ref_id, d.title, d.detail FROM search_doc d WHERE d.id IN ({sql}) LIMIT 50"
            hits = len(search.search(db, actor, query, limit=50))
            if not hits:
                raise RuntimeError(f"benchmark query {query!r} ({label}) finds nothing in {path}")
            samples = _time(lambda q=query: search.search(db, actor, q, limit=50), runs)
            base = _time(lambda s=raw_sql, p=params: raw.execute(s, p).fetchall(), runs)
            all_samples += samples
            all_base += base
            results.append(_result(f"global_search[{label}]", samples, base, 50, use_p95_for_target=True))
        results.insert(0, _result("global_search", all_samples, all_base, 50, use_p95_for_target=True))
    finally:
        raw.close()
        db.dispose()
    return results


def bench_lists(path: Path, actor, runs: int) -> list[Result]:
    from services import lists
    from services.setup import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    results = []
    cases = [
        ("customers", lists.ListState(), "SELECT id, name, kind, phone, email, city FROM customer "
                                         "ORDER BY name, rowid LIMIT 200"),
        ("customers_by_created_desc", lists.ListState(sort="created_at", descending=True),
         "SELECT id, name, phone FROM customer ORDER BY created_at DESC, rowid DESC LIMIT 200"),
        ("vehicles", lists.ListState(), "SELECT v.id, v.plate, v.vin, v.make, v.model, o.name FROM vehicle v "
                                        "LEFT JOIN customer o ON o.id = v.owner_id "
                                        "ORDER BY v.created_at DESC, v.rowid DESC LIMIT 200"),
        ("audit", lists.ListState(), "SELECT seq, at, actor FROM audit_entry ORDER BY seq DESC LIMIT 200"),
        ("customers_searched", lists.ListState(search="王"),
         "SELECT id, name, phone FROM customer WHERE id IN (SELECT ref_id FROM search_doc WHERE kind = 'customer' "
         "AND id IN (SELECT rowid FROM search_short WHERE search_short MATCH '\"王\"*')) "
         "ORDER BY name, rowid LIMIT 200"),
        ("vehicles_searched", lists.ListState(search="volkswagen"),
         "SELECT v.id, v.plate, v.vin FROM vehicle v WHERE v.id IN (SELECT ref_id FROM search_doc "
         "WHERE kind = 'vehicle' AND id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH '\"volkswagen\"')) "
         "ORDER BY v.created_at DESC, v.rowid DESC LIMIT 200"),
    ]
    try:
        for label, state, raw_sql in cases:
            name = "customers" if label.startswith("customers") else "vehicles" if label.startswith("vehicles") \
                else label
            samples = _time(lambda n=name, s=state: lists.fetch_page(db, actor, n, s, limit=200), runs)
            base = _time(lambda s=raw_sql: raw.execute(s).fetchall(), runs)
            results.append(_result(f"list_first_page[{label}]", samples, base, 100))
        for name, raw_sql in (("customers", "SELECT count(*) FROM customer"),
                              ("vehicles", "SELECT count(*) FROM vehicle v LEFT JOIN customer o ON o.id = v.owner_id")):
            samples = _time(lambda n=name: lists.count(db, actor, n, lists.ListState()), runs)
            base = _time(lambda s=raw_sql: raw.execute(s).fetchall(), runs)
            results.append(_result(f"list_count[{name}]", samples, base, 100))
        results += _bench_deep_pages(db, raw, actor, runs)
    finally:
        raw.close()
        db.dispose()
    return results


LIST_PAGE = 200


def _bench_deep_pages(db, raw: sqlite3.Connection, actor, runs: int) -> list[Result]:
    """The page after row N of the customer list, N as deep as the data allows: the last full page
    (row 19,800 of the medium demo, 99,800 of the large one; page 5,000, after row 999,800, would
    need a million customers). Its baseline is the textbook keyset query on the same key in raw SQL:
    ``WHERE (sort, rowid) > (?, ?)``, which SQLite seeks on the sort value alone."""
    from services import lists

    total = lists.count(db, actor, "customers", lists.ListState())
    after_row = total - LIST_PAGE
    if after_row < 1:
        return []
    results = []
    for label, column, descending in (("customers", "name", False), ("customers_by_city", "city", False),
                                      ("customers_by_created_desc", "created_at", True)):
        state = lists.ListState(sort=column, descending=descending)
        # Row N's key: the (total - N + 1)th row counted from the other end.
        key = lists.fetch_page(db, actor, "customers", lists.ListState(sort=column, descending=not descending),
                               limit=total - after_row + 1).keys[-1]
        direction, beyond = ("DESC", "<") if descending else ("ASC", ">")
        raw_sql = (f"SELECT id, name, kind, phone, email, city FROM customer WHERE ({column}, rowid) {beyond} (?, ?) "
                   f"ORDER BY {column} {direction}, rowid {direction} LIMIT {LIST_PAGE}")
        page = lists.fetch_page(db, actor, "customers", state, limit=LIST_PAGE, after=key)
        expected = [r[0] for r in raw.execute(raw_sql, (key.value, key.tiebreak))]
        if [r[0] for r in page.rows] != expected or len(expected) != LIST_PAGE:
            raise RuntimeError(f"the page after row {after_row} of customers by {column} is not the raw query's")
        samples = _time(lambda s=state, k=key: lists.fetch_page(db, actor, "customers", s, limit=LIST_PAGE, after=k),
                        runs)
        base = _time(lambda q=raw_sql, k=key: raw.execute(q, (k.value, k.tiebreak)).fetchall(), runs)
        results.append(_result(f"list_deep_page[{label}@{after_row}]", samples, base, 5))
    return results


_INVOICE_COLUMNS = (
    "id", "created_at", "created_by", "updated_at", "updated_by", "number", "kind", "status", "customer_id",
    "vehicle_id", "credited_invoice_id", "reference", "notes", "currency", "prices_include_tax", "issued_on",
    "due_on", "payment_terms_days", "net_total", "tax_total", "total", "cost_total", "terminal_code", "posted_at",
    "posted_by", "customer_name", "customer_address", "customer_phone", "customer_tax_id", "dealer_name",
    "dealer_address", "dealer_phone", "dealer_tax_id", "print_count")
_LINE_COLUMNS = (
    "id", "created_at", "created_by", "updated_at", "updated_by", "invoice_id", "line_no", "item_type", "item_code",
    "description", "quantity_milli", "unit_price", "discount", "tax_code", "tax_rate_bp", "unit_cost", "net", "tax",
    "total", "credited_line_id")


class _RawPosting:
    """The baseline of posting: one invoice and its lines inserted and its series number taken with
    plain sqlite3 in one transaction, on the same file and with the same pragmas as the app."""

    def __init__(self, path: Path, template_id: str) -> None:
        from store.database import BUSY_TIMEOUT_MS

        self._conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY",
                       f"busy_timeout = {BUSY_TIMEOUT_MS}"):
            self._conn.execute(f"PRAGMA {pragma}")
        self._conn.row_factory = sqlite3.Row
        self._invoice = dict(self._conn.execute("SELECT * FROM invoice WHERE id = ?", (template_id,)).fetchone())
        self._lines = [dict(r) for r in self._conn.execute(
            "SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY line_no", (template_id,))]
        self._insert_invoice = (f"INSERT INTO invoice ({', '.join(_INVOICE_COLUMNS)}) "
                                f"VALUES ({', '.join('?' for _ in _INVOICE_COLUMNS)})")
        self._insert_line = (f"INSERT INTO invoice_line ({', '.join(_LINE_COLUMNS)}) "
                             f"VALUES ({', '.join('?' for _ in _LINE_COLUMNS)})")

    def post(self) -> None:
        from core.ids import new_id
        from models.base import utcnow

        conn = self._conn
        now = utcnow().isoformat(sep=" ")
        today = date.today()
        invoice = {**self._invoice, "id": new_id(), "created_at": now, "updated_at": now, "posted_at": now,
                   "status": "draft", "number": None, "issued_on": today.isoformat(),
                   "due_on": (today + timedelta(days=self._invoice["payment_terms_days"])).isoformat()}
        conn.execute("BEGIN IMMEDIATE")
        try:
            prefix, terminal, seq, width = conn.execute(
                "SELECT prefix, terminal_code, next_seq, width FROM number_series WHERE doc_type = 'invoice' "
                "AND terminal_code = ? AND year = ?", (invoice["terminal_code"], today.year)).fetchone()
            conn.execute("UPDATE number_series SET next_seq = ? WHERE doc_type = 'invoice' AND terminal_code = ? "
                         "AND year = ?", (seq + 1, terminal, today.year))
            conn.execute(self._insert_invoice, [invoice[c] for c in _INVOICE_COLUMNS])
            conn.executemany(self._insert_line, [
                [{**line, "id": new_id(), "invoice_id": invoice["id"], "created_at": now, "updated_at": now}[c]
                 for c in _LINE_COLUMNS] for line in self._lines])
            conn.execute("UPDATE invoice SET status = 'posted', number = ? WHERE id = ?",
                         (f"{prefix}{terminal}-{today.year}-{seq:0{width}d}", invoice["id"]))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._conn.close()


def _bare_pdf(out: Path, rows: list[str]) -> None:
    """The baseline of printing: the invoice's lines as text on a reportlab canvas, with the CJK font
    the app embeds."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4)
    canvas.setFont("BenchCJK", 9)
    y = A4[1] - 60
    for row in rows:
        canvas.drawString(40, y, row)
        y -= 14
    canvas.save()


def bench_billing(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from sqlalchemy import text

    from core.paths import resources_dir
    from services.billing import documents, invoices, receivables
    from services.billing.invoices import DraftInput, LineInput
    from services.reports import pdf
    from services.setup import open_database

    results = []
    with tempfile.TemporaryDirectory(prefix="forecourt-bench-") as tmp:
        scratch = Path(tmp)
        log("Copying the bench database for the billing operations …")
        copy = _scratch_copy(path, scratch)
        db = open_database(copy)
        try:
            # A workshop job of 20 lines as the demo wrote them.
            with db.read() as conn:
                customer_id, vehicle_id = conn.execute(text(
                    "SELECT customer_id, vehicle_id FROM invoice WHERE kind = 'workshop' AND status = 'posted' "
                    "ORDER BY rowid DESC LIMIT 1")).one()
                lines = [LineInput(description=r.description, quantity_milli=r.quantity_milli,
                                   unit_price=r.unit_price, item_type=r.item_type, item_code=r.item_code,
                                   discount=r.discount, tax_code=r.tax_code, unit_cost=r.unit_cost)
                         for r in conn.execute(text(
                             "SELECT l.* FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                             "WHERE i.kind = 'workshop' AND i.status = 'posted' ORDER BY l.rowid DESC LIMIT 20"))]
            draft = DraftInput(kind="workshop", customer_id=customer_id, vehicle_id=vehicle_id, lines=lines)
            n = max(runs, 10)
            drafts = [invoices.create_draft(db, actor, draft) for _ in range(n + 1)]
            pending = iter(drafts)
            samples = _time(lambda: invoices.post(db, actor, next(pending)), n)
            raw = _RawPosting(copy, drafts[0])
            try:
                base = _time(raw.post, n)
            finally:
                raw.close()
            results.append(_result("post_invoice_20_lines", samples, base, 30))

            view = invoices.get(db, actor, drafts[0])
            assert len(view.lines) == 20
            rows = [f"{view.number} {view.customer_name}"] + [
                f"{x.line_no} {x.item_code} {x.description} {x.quantity_milli / 1000:g} {x.unit_price / 100:.2f} "
                f"{x.total / 100:.2f}" for x in view.lines]
            pdfmetrics.registerFont(TTFont("BenchCJK", str(resources_dir() / "fonts" / pdf.CJK_FONT_FILE)))
            out = scratch / "invoice.pdf"
            samples = _time(lambda: documents.invoice_pdf(db, actor, view.id, out), n)
            base = _time(lambda: _bare_pdf(scratch / "bare.pdf", rows), n)
            results.append(_result("invoice_pdf_20_lines", samples, base, 100))

            raw_aging = sqlite3.connect(copy)
            aging_sql = (
                "SELECT customer_id, sum(total - paid) FROM (SELECT i.customer_id, i.total, "
                "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id) AS paid "
                "FROM invoice i WHERE i.status = 'posted' AND i.kind != 'credit_note') "
                "WHERE total > paid GROUP BY customer_id")
            try:
                today = date.today()
                if not receivables.aging(db, actor, as_of=today):
                    raise RuntimeError(f"receivables aging finds no open balance in {path}")
                n = max(runs, 3)
                samples = _time(lambda: receivables.aging(db, actor, as_of=today), n)
                base = _time(lambda: raw_aging.execute(aging_sql).fetchall(), n)
            finally:
                raw_aging.close()
            results.append(_result("receivables_aging_all_customers", samples, base, 1000))
        finally:
            db.dispose()
    return results


def _workshop_order(db, actor, *, labour: int, parts: int, issue: bool) -> str:
    """A repair order built through the workshop services on a car of the bench database: one job
    with ``labour`` labour lines and ``parts`` parts lines of parts in stock (issued when ``issue``)."""
    from sqlalchemy import text

    from services.workshop import orders
    from services.workshop import parts as workshop_parts
    from services.workshop.orders import JobInput, LabourInput, PartLineInput, RepairOrderInput

    with db.read() as conn:
        car = conn.execute(text(
            "SELECT v.id, v.owner_id, max(coalesce(v.odometer_km, 0), coalesce((SELECT max(mileage_in) "
            "FROM repair_order r WHERE r.vehicle_id = v.id), 0)) AS km FROM vehicle v "
            "WHERE v.owner_id IS NOT NULL ORDER BY v.rowid DESC LIMIT 1")).one()
        stocked = [r[0] for r in conn.execute(text(
            "SELECT part_id FROM part_stock WHERE on_hand - reserved >= 100000 ORDER BY part_id LIMIT :n"),
            {"n": parts})]
        code = conn.execute(text("SELECT code FROM labour_operation ORDER BY code LIMIT 1")).scalar_one()
    if len(stocked) < parts:
        raise RuntimeError(f"the bench database has only {len(stocked)} parts with stock for a repair order")
    ro_id, _number = orders.open_order(db, actor, RepairOrderInput(customer_id=car.owner_id, vehicle_id=car.id,
                                                                  mileage_in=car.km + 10))
    job = orders.add_job(db, actor, ro_id, JobInput("Bench job", pay_type="customer"))
    for _ in range(labour):
        orders.add_labour(db, actor, job, LabourInput(operation_code=code, technician="tech"))
    for part_id in stocked:
        line = orders.add_part(db, actor, job, PartLineInput(part_id=part_id, quantity=1000))
        if issue:
            workshop_parts.issue_part(db, actor, line)
    return ro_id


def bench_workshop(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    """Opening a repair order of 50 lines and closing one of 30 lines into a posted invoice, each
    against raw SQL doing the same reads or writes in the same run."""
    from sqlalchemy import text

    from services.setup import open_database
    from services.workshop import invoicing, orders

    results = []
    with tempfile.TemporaryDirectory(prefix="forecourt-bench-") as tmp:
        scratch = Path(tmp)
        log("Copying the bench database for the workshop operations …")
        copy = _scratch_copy(path, scratch)
        db = open_database(copy)
        raw = sqlite3.connect(copy)
        try:
            ro_id = _workshop_order(db, actor, labour=25, parts=25, issue=False)
            view = orders.get(db, actor, ro_id)
            if sum(len(j.labour) + len(j.parts) for j in view.jobs) != 50:
                raise RuntimeError("the bench repair order does not have 50 lines")
            samples = _time(lambda: orders.get(db, actor, ro_id), runs)
            base = _time(lambda: _raw_repair_order(raw, ro_id), runs)
            results.append(_result("open_repair_order_50_lines", samples, base, 100))

            n = max(5, runs // 2)
            log(f"Building {n + 1} completed repair orders of 30 lines …")
            ready = []
            for _ in range(n + 1):
                ro = _workshop_order(db, actor, labour=15, parts=15, issue=True)
                # Issuing parts starts the work; the foreman checks it and completes it.
                for status in ("in_progress", "quality_check", "completed"):
                    if orders.get(db, actor, ro).status != status and not (
                            status == "in_progress" and orders.get(db, actor, ro).status != "open"):
                        orders.set_status(db, actor, ro, status)
                ready.append(ro)
            pending = iter(ready[1:])
            samples = _time(lambda: invoicing.close_into_invoices(db, actor, next(pending)), n, warmup=0)
            with db.read() as conn:
                invoice_id = conn.execute(text("SELECT invoice_id FROM repair_order_invoice WHERE repair_order_id "
                                               "= :id"), {"id": ready[1]}).scalar_one()
            posting = _RawPosting(copy, invoice_id)
            try:
                base = _time(posting.post, n, warmup=0)
            finally:
                posting.close()
            results.append(_result("close_repair_order_30_lines_into_posted_invoice", samples, base, 50))
        finally:
            raw.close()
            db.dispose()
    return results


def _raw_repair_order(raw: sqlite3.Connection, ro_id: str) -> None:
    raw.execute("SELECT r.*, c.name, v.plate, v.vin FROM repair_order r JOIN customer c ON c.id = r.customer_id "
                "JOIN vehicle v ON v.id = r.vehicle_id WHERE r.id = ?", (ro_id,)).fetchall()
    raw.execute("SELECT * FROM repair_job WHERE repair_order_id = ? ORDER BY job_no", (ro_id,)).fetchall()
    raw.execute("SELECT l.* FROM repair_labour_line l JOIN repair_job j ON j.id = l.job_id "
                "WHERE j.repair_order_id = ? ORDER BY j.job_no, l.line_no", (ro_id,)).fetchall()
    raw.execute("SELECT l.*, p.part_number FROM repair_part_line l JOIN repair_job j ON j.id = l.job_id "
                "JOIN part p ON p.id = l.part_id WHERE j.repair_order_id = ? ORDER BY j.job_no, l.line_no",
                (ro_id,)).fetchall()


_DEMAND_SQL = ("SELECT part_id, -sum(quantity) FROM stock_movement WHERE kind IN ('issue', 'return_from_job', "
               "'counter_sale', 'customer_return') AND moved_on >= ? GROUP BY part_id")
_PRICE_COLUMNS = ("brand", "part_number", "description", "retail_price", "trade_price", "cost")
_EXPORT_SQL = (
    "SELECT b.name, p.part_number, p.description, p.category, p.retail_price, p.list_cost, n.part_number, "
    "p.description_alt, p.unit, p.barcode, p.bin, p.tax_code, p.trade_price FROM part p JOIN brand b "
    "ON b.id = p.brand_id LEFT JOIN part n ON n.id = p.superseded_by_id ORDER BY b.name, p.number_key")
PRICE_LIST_ROWS = 100_000
# Change capture may make a bulk import at most this much slower than the same import without it.
CAPTURE_RATIO_TARGET = 1.3
EXPORT_ROWS = 100_000
# An import may take at most this many times its raw baseline (calamine read + plain insert).
IMPORT_RATIO_TARGET = 3.0
# An export may take at most this many times xlsxwriter writing the same rows in constant-memory mode,
EXPORT_RATIO_TARGET = 1.2
# and hold at most this much more memory for ten times the rows (flat: the rows are streamed).
EXPORT_MEMORY_RATIO_TARGET = 1.5


def _price_list(path: Path, *, log: Callable[[str], None], new: bool = False) -> Path:
    """A manufacturer's price file of 100k rows made once beside the bench database: nine in ten
    rows reprice parts of the catalogue (3 % dearer), the rest are new part numbers; with ``new``,
    every row is a new part number."""
    from openpyxl import Workbook

    kind = "new" if new else "price-list"
    target = path.with_name(f"{path.stem}-{kind}-{PRICE_LIST_ROWS // 1000}k.xlsx")
    if target.exists():
        return target
    log(f"Writing {target} …")
    raw = sqlite3.connect(path)
    try:
        existing = raw.execute(
            "SELECT b.name, p.part_number, p.number_key, p.description, p.retail_price, p.trade_price, p.list_cost "
            "FROM part p JOIN brand b ON b.id = p.brand_id WHERE p.superseded_by_id IS NULL ORDER BY p.rowid "
            "LIMIT ?", (PRICE_LIST_ROWS,)).fetchall()
        keys = {(b, k) for b, k in raw.execute("SELECT b.name, p.number_key FROM part p JOIN brand b "
                                               "ON b.id = p.brand_id")}
    finally:
        raw.close()
    repriced = [] if new else existing[:PRICE_LIST_ROWS * 9 // 10]
    rows = [(b, n, d, round(r * 1.03) / 100, round(t * 1.03) / 100, round(c * 1.03) / 100)
            for b, n, _k, d, r, t, c in repriced]
    # The small and medium catalogues have fewer parts than the list has rows: the rest are new part
    # numbers made from the catalogue's, as often as it takes.
    pool = existing[len(repriced):] or existing
    made = 0
    while len(rows) < PRICE_LIST_ROWS:
        b, n, k, d, r, t, c = pool[made % len(pool)]
        made += 1
        suffix = 1
        while (b, f"{k}z{suffix}") in keys:
            suffix += 1
        keys.add((b, f"{k}z{suffix}"))
        rows.append((b, f"{n} Z{suffix}", d, r / 100, t / 100, c / 100))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("price list")
    sheet.append(_PRICE_COLUMNS)
    for row in rows:
        sheet.append(row)
    tmp = target.with_name(target.name + ".part")
    book.save(tmp)
    tmp.rename(target)
    return target


def _raw_price_list(copy: Path, xlsx: Path) -> None:
    """The baseline of an import: read the sheet with python-calamine and insert its rows into a
    scratch table with sqlite3 executemany, in one transaction."""
    from python_calamine import CalamineWorkbook

    data = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    conn = sqlite3.connect(copy)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_price_list (brand, part_number, description, retail_price, "
                     "trade_price, cost)")
        conn.execute("DELETE FROM bench_price_list")
        conn.executemany("INSERT INTO bench_price_list VALUES (?, ?, ?, ?, ?, ?)", data[1:])
        conn.commit()
    finally:
        conn.close()


def _export_db(path: Path, directory: Path, rows: int = EXPORT_ROWS) -> Path:
    """A database holding the first ``rows`` catalogue parts of the bench database (with their brands
    and suppliers), for timing an export of exactly that many rows."""
    from services.setup import open_database

    target = directory / f"export-{rows}.db"
    open_database(target, create=True).dispose()
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS big", (str(path),))
        conn.execute("INSERT INTO brand SELECT * FROM big.brand")
        conn.execute("INSERT INTO supplier SELECT * FROM big.supplier")
        conn.execute("INSERT INTO part SELECT * FROM big.part ORDER BY rowid LIMIT ?", (rows,))
        conn.execute("UPDATE part SET superseded_by_id = NULL WHERE superseded_by_id NOT IN (SELECT id FROM part)")
        conn.commit()
        conn.execute("DETACH DATABASE big")
    finally:
        conn.close()
    return target


def _raw_export(path: Path, out: Path) -> None:
    """The baseline of an export: the same rows by raw SQL into xlsxwriter in constant-memory mode,
    the fastest well-kept xlsx writer."""
    import xlsxwriter

    from services.parts.exports import PART_COLUMNS

    conn = sqlite3.connect(path)
    try:
        book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        sheet = book.add_worksheet("parts")
        sheet.write_row(0, 0, list(PART_COLUMNS))
        for i, r in enumerate(conn.execute(_EXPORT_SQL), start=1):
            sheet.write_row(i, 0, (r[0], r[1], r[2], r[3], r[4] / 100, r[5] / 100, r[6], r[7], r[8], r[9], r[10],
                                   r[11], r[12] / 100))
        book.close()
    finally:
        conn.close()


def bench_parts(path: Path, actor, runs: int, *, log: Callable[[str], None]) -> list[Result]:
    from services.parts import purchasing, stock
    from services.setup import open_database

    results = []
    db = open_database(path)
    raw = sqlite3.connect(path)
    try:
        part_id, movements = raw.execute("SELECT part_id, count(*) AS n FROM stock_movement GROUP BY part_id "
                                         "ORDER BY n DESC LIMIT 1").fetchone()
        log(f"Timing stock of the part with the most movements ({movements:,}) …")
        with db.read() as conn:
            samples = _time(lambda: stock.stock_level(conn, part_id), runs)
            ledger = _time(lambda: stock.ledger_on_hand(conn, part_id), max(3, runs // 4))
        base = _time(lambda: raw.execute("SELECT on_hand, reserved, average_cost FROM part_stock WHERE part_id = ?",
                                         (part_id,)).fetchone(), runs)
        ledger_base = _time(lambda: raw.execute("SELECT sum(quantity) FROM stock_movement WHERE part_id = ?",
                                                (part_id,)).fetchone(), max(3, runs // 4))
        results.append(_result("stock_level_part_with_most_movements", samples, base, 5))
        results.append(_result("ledger_sum_part_with_most_movements", ledger, ledger_base, None))

        log("Timing reorder suggestions …")
        today = date.today()
        since = (today.replace(year=today.year - 1) if (today.month, today.day) != (2, 29)
                 else date(today.year - 1, 2, 28)) + timedelta(days=1)
        if not sum(len(g.lines) for g in purchasing.suggestions(db, actor, today=today)):
            raise RuntimeError(f"reorder suggestions find nothing to order in {path}")
        samples = _time(lambda: purchasing.suggestions(db, actor, today=today), 3, warmup=0)
        base = _time(lambda: raw.execute(_DEMAND_SQL, (since.isoformat(),)).fetchall(), 3, warmup=0)
        results.append(_result("reorder_suggestions_whole_catalogue", samples, base, 3000))
    finally:
        raw.close()
        db.dispose()
    try:
        from services.imports import framework as imports
        from services.parts.imports import PRICE_LIST
    except ImportError:
        return results
    imports.import_kind(PRICE_LIST.name)
    results += _bench_files(path, actor, imports, log=log)
    return results


def _import_price_list(path: Path, scratch: Path, actor, imports, xlsx: Path, *, capture_on: bool) -> float:
    """Milliseconds to import the price list into a fresh copy of the bench database, with change
    capture as the database has it or with its triggers dropped from the copy (bench only)."""
    from services.setup import open_database
    from store import capture

    copy = _scratch_copy(path, scratch)
    db = open_database(copy)
    try:
        if not capture_on:
            with db.engine.begin() as conn:
                capture.uninstall(conn, capture.captured_tables(conn))
        with db.read() as conn:
            last = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar()
        started = time.perf_counter()
        summary = imports.run(db, actor, xlsx, "price-list")
        elapsed = (time.perf_counter() - started) * 1000
        with db.read() as conn:
            captured = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox WHERE seq > ? AND table_name = 'part'",
                                            (last,)).scalar()
    finally:
        db.dispose()
        _discard(copy)
    if summary.errors or summary.rows != PRICE_LIST_ROWS or not summary.written:
        raise RuntimeError(f"the bench price list did not import cleanly: {summary.rows} rows, "
                           f"{len(summary.errors)} errors")
    if (captured > 0) != capture_on:
        raise RuntimeError(f"the import with capture {'on' if capture_on else 'off'} captured {captured} part changes")
    return elapsed


def _discard(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)


def _bench_files(path: Path, actor, imports, *, log: Callable[[str], None]) -> list[Result]:
    from services.parts import exports
    from services.setup import open_database

    results = []
    with tempfile.TemporaryDirectory(prefix="forecourt-bench-") as tmp:
        scratch = Path(tmp)
        for name, new in (("import_price_list_100k_xlsx", False), ("import_new_parts_100k_xlsx", True)):
            xlsx = _price_list(path, log=log, new=new)
            samples, uncaptured, base = [], [], []
            for run in range(3):
                # Each import starts from the database as built: a second import of the same file changes
                # nothing. With and without change capture in turn, so both meet the same machine load.
                log(f"Importing {xlsx.name}, run {run + 1} of 3 …")
                samples.append(_import_price_list(path, scratch, actor, imports, xlsx, capture_on=True))
                if not new:
                    log(f"Importing it without change capture, run {run + 1} of 3 …")
                    uncaptured.append(_import_price_list(path, scratch, actor, imports, xlsx, capture_on=False))
                copy = _scratch_copy(path, scratch)
                base += _time(lambda c=copy, x=xlsx: _raw_price_list(c, x), 1, warmup=0)
                _discard(copy)
            results.append(_result(name, samples, base, None, target_ratio=IMPORT_RATIO_TARGET))
            if not new:
                results.append(_result("import_price_list_100k_capture_on_vs_off", samples, uncaptured, None,
                                       target_ratio=CAPTURE_RATIO_TARGET))

        raw = sqlite3.connect(path)
        try:
            catalogue = raw.execute("SELECT count(*) FROM part").fetchone()[0]
        finally:
            raw.close()
        if catalogue < EXPORT_ROWS:
            log(f"Not timing the export: the catalogue has {catalogue:,} parts, fewer than {EXPORT_ROWS:,} "
                "(the large size has enough)")
            return results
        log(f"Exporting {EXPORT_ROWS:,} parts …")
        source = _export_db(path, scratch)
        db = open_database(source)
        try:
            written = exports.export_parts(db, actor, scratch / "parts.xlsx")
            if written != EXPORT_ROWS:
                raise RuntimeError(f"the export wrote {written} rows, not {EXPORT_ROWS}")
            # The export and its baseline in turn, so both meet the same machine load.
            samples, base = [], []
            for _run in range(3):
                samples += _time(lambda: exports.export_parts(db, actor, scratch / "parts.xlsx"), 1, warmup=0)
                base += _time(lambda: _raw_export(source, scratch / "bare.xlsx"), 1, warmup=0)
        finally:
            db.dispose()
        results.append(_result("export_parts_100k", samples, base, None, target_ratio=EXPORT_RATIO_TARGET))
        log("Measuring the export's memory at 10k and 100k rows …")
        small = _export_db(path, scratch, EXPORT_ROWS // 10)
        peaks = [_export_peak_mb(small, scratch, actor), _export_peak_mb(source, scratch, actor)]
        results.append(_result("export_parts_peak_memory_100k_vs_10k", [peaks[1]], [peaks[0]], None, unit="MB",
                               target_ratio=EXPORT_MEMORY_RATIO_TARGET))
    return results


def _export_peak_mb(source: Path, scratch: Path, actor) -> float:
    """The most memory (Python allocations, MB) an export of ``source``'s catalogue holds at once."""
    import tracemalloc

    from services.parts import exports
    from services.setup import open_database

    db = open_database(source)
    try:
        tracemalloc.start()
        try:
            exports.export_parts(db, actor, scratch / "memory.xlsx")
            return tracemalloc.get_traced_memory()[1] / 1e6
        finally:
            tracemalloc.stop()
    finally:
        db.dispose()


BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableWidget
app = QApplication(sys.argv[:1])
w = QTableWidget(50, 6)
class P(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            w.viewport().removeEventFilter(self)
            print(f"FIRST_PAINT 0 EPOCH {time.time():.4f} RSS_MB 0", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = P(); w.viewport().installEventFilter(p); w.show(); app.exec()
"""


def _launch(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("FIRST_PAINT"):
            parts = line.split()
            return (float(parts[3]) - started) * 1000, float(parts[5])
    raise RuntimeError(f"start-up run failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")


def bench_startup(path: Path, user: str, password: str, runs: int) -> list[Result]:
    env = {**os.environ, "FORECOURT_PASSWORD": password}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    app_cmd = [sys.executable, "-m", "app", "--db", str(path), "gui", "--user", user, "--exit-after-paint"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    samples, base, rss = [], [], []
    _launch(app_cmd, env)  # warm the OS file cache like a second start of the day
    for _ in range(runs):
        ms, mb = _launch(app_cmd, env)
        samples.append(ms)
        rss.append(mb)
        base.append(_launch(bare_cmd, env)[0])
    return [
        _result("cold_start_to_first_list", samples, base, 1500),
        _result("gui_memory_after_first_list", rss, None, 400, unit="MB"),
    ]


HISTORY_VISITS = 250  # repair orders of the one vehicle whose history is read
HISTORY_TARGET_MS = 50.0
_HISTORY_SQL = (
    "SELECT id, number, status, opened_on, invoiced_on, handed_over_on, mileage_in, mileage_out, advisor, concerns "
    "FROM repair_order WHERE vehicle_id = ? ORDER BY opened_on DESC, number DESC",
    "SELECT j.id, j.repair_order_id, j.job_no, j.description, j.pay_type FROM repair_job j JOIN repair_order r "
    "ON r.id = j.repair_order_id WHERE r.vehicle_id = ?",
    "SELECT l.job_id, l.operation_code, l.description, l.hours, l.technician FROM repair_labour_line l "
    "JOIN repair_job j ON j.id = l.job_id JOIN repair_order r ON r.id = j.repair_order_id WHERE r.vehicle_id = ?",
    "SELECT l.job_id, p.part_number, l.description, l.issued - l.returned FROM repair_part_line l "
    "JOIN part p ON p.id = l.part_id JOIN repair_job j ON j.id = l.job_id JOIN repair_order r "
    "ON r.id = j.repair_order_id WHERE r.vehicle_id = ? AND l.issued > l.returned",
)


def _many_visits(copy: Path, visits: int) -> str:
    """Give one vehicle of ``copy`` ``visits`` handed-over repair orders of three jobs, each with two
    labour and two parts lines; returns its id."""
    from core.ids import new_id

    raw = sqlite3.connect(copy)
    try:
        vehicle, customer = raw.execute("SELECT id, owner_id FROM vehicle WHERE owner_id IS NOT NULL "
                                        "ORDER BY id LIMIT 1").fetchone()
        part = raw.execute("SELECT id FROM part ORDER BY id LIMIT 1").fetchone()[0]
        stamp = ("2020-01-01 00:00:00", "bench", "2020-01-01 00:00:00", "bench")
        orders, jobs, labour, parts = [], [], [], []
        for i in range(visits):
            ro = new_id()
            day = (date(2015, 1, 1) + timedelta(days=14 * i)).isoformat()
            orders.append((ro, f"BENCH-{i:06d}", customer, vehicle, "advisor", "closed", 5_000 * i, "", "定期保养",
                           day, day, day, 5_000 * i + 10, *stamp))
            for j in range(3):
                job = new_id()
                jobs.append((job, ro, j + 1, "定期保养", "customer", "", "", "", "tech", *stamp))
                for k in range(2):
                    labour.append((new_id(), job, k + 1, "SVC-10", "更换机油机滤", 80, "tech", 38000, 30400, *stamp))
                    parts.append((new_id(), job, k + 1, part, "机油滤清器", 1000, 0, 1000, 0, 6800, 4000, *stamp))
        raw.executemany("INSERT INTO repair_order (id, number, customer_id, vehicle_id, advisor, status, mileage_in, "
                        "mileage_override, concerns, opened_on, invoiced_on, handed_over_on, mileage_out, created_at, "
                        "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", orders)
        raw.executemany("INSERT INTO repair_job (id, repair_order_id, job_no, description, pay_type, failed_part, "
                        "cause, correction, technician, created_at, created_by, updated_at, updated_by) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", jobs)
        raw.executemany("INSERT INTO repair_labour_line (id, job_id, line_no, operation_code, description, hours, "
                        "technician, hourly_rate, amount, created_at, created_by, updated_at, updated_by) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", labour)
        raw.executemany("INSERT INTO repair_part_line (id, job_id, line_no, part_id, description, quantity, reserved, "
                        "issued, returned, unit_price, unit_cost, created_at, created_by, updated_at, updated_by) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", parts)
        raw.commit()
        raw.execute("ANALYZE")
        return vehicle
    finally:
        raw.close()


BOARD_ORDERS = 200
_OPEN = "likelihood(r.status IN ('open', 'in_progress', 'waiting_parts', 'quality_check', 'completed'), 0.001)"
# The board's rows in raw SQL, written as one would by hand: the open repair orders by their status
# (told to the planner as rare, like the service does), then their jobs, labour lines and clockings.
_BOARD_SQL = (
    "SELECT r.id, r.number, r.status, r.promised_at, v.plate, c.name FROM repair_order r JOIN vehicle v "
    f"ON v.id = r.vehicle_id JOIN customer c ON c.id = r.customer_id WHERE {_OPEN}",
    "SELECT j.id, j.repair_order_id, j.job_no, j.description, j.technician FROM repair_order r CROSS JOIN "
    f"repair_job j ON j.repair_order_id = r.id WHERE {_OPEN}",
    "SELECT l.job_id, l.technician FROM repair_order r CROSS JOIN repair_job j ON j.repair_order_id = r.id "
    f"CROSS JOIN repair_labour_line l ON l.job_id = j.id WHERE {_OPEN} AND l.technician != ''",
    "SELECT c.job_id, c.technician FROM repair_order r CROSS JOIN repair_job j ON j.repair_order_id = r.id "
    f"CROSS JOIN clocking c ON c.job_id = j.id WHERE {_OPEN} AND c.ended_at IS NULL",
)


def bench_board(path: Path, actor, runs: int) -> list[Result]:
    """The foreman board with :data:`BOARD_ORDERS` open repair orders (the most recent settled ones
    reopened on a scratch copy to make up the number, made first where the database has too few),
    against its rows read with raw SQL."""
    from services.setup import open_database
    from services.workshop import board

    with tempfile.TemporaryDirectory(prefix="forecourt-bench-") as scratch:
        copy = _scratch_copy(path, Path(scratch))
        raw = sqlite3.connect(copy)
        try:
            open_now = raw.execute("SELECT count(*) FROM repair_order WHERE status IN ('open', 'in_progress', "
                                   "'waiting_parts', 'quality_check', 'completed')").fetchone()[0]
            if open_now < BOARD_ORDERS:
                closed = raw.execute("SELECT count(*) FROM repair_order WHERE status = 'closed'").fetchone()[0]
                if open_now + closed < BOARD_ORDERS:  # a small database: settled visits to reopen first
                    _many_visits(copy, BOARD_ORDERS)
                raw.execute("UPDATE repair_order SET status = 'in_progress' WHERE id IN (SELECT id FROM repair_order "
                            "WHERE status = 'closed' ORDER BY opened_on DESC LIMIT ?)", (BOARD_ORDERS - open_now,))
                raw.commit()
            db = open_database(copy)
            try:
                shown = {c.repair_order_id for c in board.board(db, actor).cards}
                if len(shown) < BOARD_ORDERS:
                    raise RuntimeError(f"the bench board shows {len(shown)} repair orders, not {BOARD_ORDERS}")
                samples = _time(lambda: board.board(db, actor), runs)
            finally:
                db.dispose()

            def baseline() -> None:
                for sql in _BOARD_SQL:
                    raw.execute(sql).fetchall()

            base = _time(baseline, runs)
        finally:
            raw.close()
    return [_result(f"foreman_board_{BOARD_ORDERS}_open_repair_orders", samples, base, 200)]


def bench_vehicle_history(path: Path, actor, runs: int) -> list[Result]:
    """A vehicle's full service history with :data:`HISTORY_VISITS` repair orders, against the same
    rows read with raw SQL, on a scratch copy of the bench database."""
    from services.setup import open_database
    from services.workshop import history

    with tempfile.TemporaryDirectory() as scratch:
        copy = _scratch_copy(path, Path(scratch))
        vehicle = _many_visits(copy, HISTORY_VISITS)
        raw = sqlite3.connect(copy)
        db = open_database(copy)
        try:
            def baseline() -> None:
                for sql in _HISTORY_SQL:
                    raw.execute(sql, (vehicle,)).fetchall()

            samples = _time(lambda: history.vehicle_history(db, actor, vehicle), runs)
            base = _time(baseline, runs)
        finally:
            db.dispose()
            raw.close()
    return [_result(f"vehicle_history_{HISTORY_VISITS}_visits", samples, base, HISTORY_TARGET_MS)]


def run(*, size: str = "large", runs: int = 20, seed: int = 1, only: set[str] | None = None,
        db_path: Path | None = None, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)
        ) -> list[Result]:
    """Time the operations on ``db_path`` (a demo database), else on a demo database of ``size``
    built once and cached. Main thread."""
    import demo
    from core.errors import AuthenticationFailed, ValidationError
    from services import users
    from services.setup import open_database

    path = db_path if db_path is not None else ensure_db(size, seed, log=log)
    owner = next(u for u in demo.DEMO_USERS if u[2] == "owner")
    db = open_database(path)
    try:
        actor = users.login(db, owner[0], owner[1])
    except AuthenticationFailed:
        raise ValidationError("db", f"{path} has no demo owner to measure as: use a database made by "
                                    f"'forecourt demo'") from None
    finally:
        db.dispose()
    if db_path is not None:
        log(f"Measuring {path} (--size does not apply)")
    results: list[Result] = []
    if not only or "startup" in only:
        log("Timing start-up …")
        results += bench_startup(path, owner[0], owner[1], max(5, runs // 4))
    if not only or "search" in only:
        log("Timing global search …")
        results += bench_search(path, actor, runs)
    if not only or "lists" in only:
        log("Timing list pages …")
        results += bench_lists(path, actor, runs)
    if not only or "billing" in only:
        log("Timing billing …")
        results += bench_billing(path, actor, runs, log=log)
    if not only or "parts" in only:
        log("Timing parts …")
        results += bench_parts(path, actor, runs, log=log)
    if not only or "workshop" in only:
        log("Timing the workshop …")
        results += bench_workshop(path, actor, runs, log=log)
        log("Timing a vehicle's service history …")
        results += bench_vehicle_history(path, actor, runs)
        log("Timing the foreman board …")
        results += bench_board(path, actor, runs)
    for name in MODULE_BENCHES:
        if not only or name in only:
            # Loaded by name: each module uses this one's timing helpers.
            module = importlib.import_module(f"app.bench_{name}")
            results += getattr(module, f"bench_{name}")(path, actor, runs, log=log)
    return results


def main(args) -> int:
    only = set(args.only.split(",")) if getattr(args, "only", None) else None
    db_path = Path(args.db).expanduser() if getattr(args, "db", None) else None
    results = run(size=args.size, runs=args.runs, seed=getattr(args, "seed", 1), only=only, db_path=db_path)
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False))
    else:
        width = max([42, *(len(r.name) for r in results)])
        print(f"{'operation':{width}} {'median':>9} {'p95':>9} {'baseline':>9} {'ratio':>6} {'target':>7}  met")
        for r in results:
            base = f"{r.baseline_median_ms:9.2f}" if r.baseline_median_ms is not None else f"{'-':>9}"
            ratio = f"{r.ratio:6.2f}" if r.ratio is not None else f"{'-':>6}"
            if r.target_ratio is not None:
                target = f"{'x' + format(r.target_ratio, 'g'):>7}"
            else:
                target = f"{r.target_ms:7.0f}" if r.target_ms is not None else f"{'-':>7}"
            met = {True: "yes", False: "NO", None: "-"}[r.met]
            print(f"{r.name:{width}} {r.median_ms:9.2f} {r.p95_ms:9.2f} {base} {ratio} {target}  {met}  ({r.unit})")
    return 0 if all(r.met is not False for r in results) else 1
