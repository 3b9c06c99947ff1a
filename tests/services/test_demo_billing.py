"""The demo billing history: totals, the rounding rule, numbering, balances, credit, credit notes,
cash days, third-party money, determinism and the audit trail."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

import demo
from services import audit, search, settings, users
from services.billing import invoices, payments, thirdparty
from services.billing.invoices import DraftInput, LineInput
from services.billing.totals import credit_amounts, invoice_totals, line_amounts, line_cost
from services.setup import open_database
from store.database import Database

TODAY = date(2025, 6, 1)
SEED = 5
BILLING_TABLES = ("invoice", "invoice_line", "payment", "allocation", "cash_day", "rebate", "insurance_claim",
                  "number_series")
NUMBER = re.compile(r"^(INV|CN)T1-(\d{4})-(\d{6})$")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo_billing") / "demo.db"
    demo.build(path, size="small", seed=SEED, today=TODAY)
    return path


@pytest.fixture(scope="module")
def demo_db(demo_path) -> Iterator[Database]:
    database = open_database(demo_path)
    yield database
    database.dispose()


@pytest.fixture
def demo_copy(demo_path, tmp_path) -> Iterator[Database]:
    """A private copy of the demo database for tests that write."""
    target = tmp_path / "copy.db"
    source = sqlite3.connect(demo_path)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    database = open_database(target)
    yield database
    database.dispose()


def _rows(db: Database, sql: str, **params) -> list:
    with db.read() as conn:
        return conn.execute(text(sql), params).all()


def _one(db: Database, sql: str, **params):
    return _rows(db, sql, **params)[0][0]


def _dump(path: Path) -> dict[str, list]:
    database = open_database(path)
    try:
        with database.read() as conn:
            return {table: conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() for table in BILLING_TABLES}
    finally:
        database.dispose()


# --- invoices and lines ---------------------------------------------------------------------------

def test_small_demo_bills_a_year_of_a_small_dealership(demo_db):
    kinds = dict(_rows(demo_db, "SELECT kind, count(*) FROM invoice WHERE status = 'posted' GROUP BY kind"))
    assert 2_500 <= sum(n for k, n in kinds.items() if k != "credit_note") <= 4_500
    assert kinds["workshop"] > kinds["counter_sale"] > kinds["other"] > 0
    assert kinds["vehicle_sale"] == round(demo.SIZES["small"].vehicles / 8)
    assert 10 <= kinds["credit_note"] < 0.05 * sum(kinds.values())
    lines = {r.kind: r for r in _rows(demo_db, """
        SELECT i.kind, min(n) AS least, max(n) AS most, avg(n) AS mean FROM invoice i
        JOIN (SELECT invoice_id, count(*) AS n FROM invoice_line GROUP BY invoice_id) l ON l.invoice_id = i.id
        GROUP BY i.kind""")}
    for kind, (least, most) in {"vehicle_sale": (1, 4), "workshop": (2, 9), "counter_sale": (1, 4),
                                "other": (1, 2)}.items():
        assert least <= lines[kind].least and lines[kind].most <= most, kind
    assert lines["workshop"].mean > 4.5
    issued = [date.fromisoformat(d) for (d,) in _rows(demo_db, "SELECT issued_on FROM invoice WHERE status = "
                                                                "'posted'")]
    assert TODAY - timedelta(days=366) <= min(issued) and max(issued) < TODAY
    assert len({d.strftime("%Y-%m") for d in issued}) >= 12


def test_invoice_totals_equal_the_sums_of_their_lines(demo_db):
    mismatched = _one(demo_db, """
        SELECT count(*) FROM invoice i LEFT JOIN (
            SELECT invoice_id, sum(net) AS net, sum(tax) AS tax, sum(total) AS total,
                   sum((quantity_milli * unit_cost + 500) / 1000) AS cost, count(*) AS n
            FROM invoice_line GROUP BY invoice_id) l ON l.invoice_id = i.id
        WHERE l.n IS NULL OR i.net_total != l.net OR i.tax_total != l.tax OR i.total != l.total
              OR i.cost_total != l.cost""")
    assert mismatched == 0
    assert _one(demo_db, "SELECT count(*) FROM invoice") > 3_000


def test_every_line_follows_the_rounding_rule_with_its_tax_rate_and_a_cost_below_its_price(demo_db):
    rates = dict(_rows(demo_db, "SELECT code, rate_bp FROM tax_rate"))
    lines = _rows(demo_db, "SELECT l.*, i.prices_include_tax AS incl, i.kind FROM invoice_line l "
                           "JOIN invoice i ON i.id = l.invoice_id")
    assert {bool(r.incl) for r in lines} == {settings.get(demo_db).prices_include_tax}
    for r in lines:
        expected = line_amounts(quantity_milli=r.quantity_milli, unit_price=r.unit_price, discount=r.discount,
                                rate_bp=r.tax_rate_bp, prices_include_tax=bool(r.incl))
        assert (r.net, r.tax, r.total) == (expected.net, expected.tax, expected.total), r
        assert rates[r.tax_code] == r.tax_rate_bp
        assert r.quantity_milli > 0 and r.unit_price > 0 and 0 <= r.discount < r.quantity_milli * r.unit_price / 1000
        assert 0 < line_cost(quantity_milli=r.quantity_milli, unit_cost=r.unit_cost) < r.net, r
    codes = Counter(r.tax_code for r in lines)
    assert codes.most_common(1)[0][0] == "VAT13" and codes["VAT6"] > 0
    assert {r.item_type for r in lines} == {"vehicle", "labour", "part", "fee", "accessory", "other"}
    assert sum(r.discount > 0 for r in lines) > 100


def test_every_credit_note_line_is_what_the_credit_rule_gives_and_its_totals_their_sum(demo_db):
    lines = {r.id: r for r in _rows(demo_db, "SELECT l.*, i.prices_include_tax AS incl FROM invoice_line l "
                                             "JOIN invoice i ON i.id = l.invoice_id")}
    notes = {r.id: r for r in _rows(demo_db, "SELECT * FROM invoice WHERE kind = 'credit_note'")}
    credited: dict[str, int] = defaultdict(int)
    taken: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    partial = 0
    for r in _rows(demo_db, "SELECT l.* FROM invoice_line l JOIN invoice n ON n.id = l.invoice_id "
                            "WHERE n.kind = 'credit_note' ORDER BY n.posted_at, n.id, l.line_no"):
        src = lines[r.credited_line_id]
        rule = credit_amounts(src, credited_before=credited[src.id], quantity_milli=r.quantity_milli,
                              prices_include_tax=bool(src.incl))
        assert (r.discount, r.net, r.tax, r.total) == (rule.discount, rule.net, rule.tax, rule.total), r
        assert notes[r.invoice_id].credited_invoice_id == src.invoice_id
        credited[src.id] += r.quantity_milli
        taken[r.invoice_id].append((rule.net, rule.tax, rule.total, rule.cost))
        partial += r.quantity_milli < src.quantity_milli
    assert all(credited[line_id] <= lines[line_id].quantity_milli for line_id in credited)
    assert partial > 0, "no line is credited in part"
    assert set(taken) == set(notes)
    for note_id, amounts in taken.items():
        rule = invoice_totals(amounts)
        note = notes[note_id]
        assert (note.net_total, note.tax_total, note.total, note.cost_total) == (
            rule.net, rule.tax, rule.total, rule.cost), note_id


def test_posted_invoices_carry_the_customer_and_dealership_as_they_were(demo_db):
    dealer = settings.get(demo_db)
    rows = _rows(demo_db, "SELECT i.*, c.name AS current_name, c.phone AS current_phone FROM invoice i "
                          "JOIN customer c ON c.id = i.customer_id")
    posted = [r for r in rows if r.status == "posted"]
    for r in posted:
        assert (r.customer_name, r.customer_phone) == (r.current_name, r.current_phone)
        assert (r.dealer_name, r.dealer_address, r.dealer_tax_id) == (dealer.name, dealer.address, dealer.tax_id)
        assert r.issued_on and r.due_on >= r.issued_on and r.posted_at and r.posted_by
        assert r.terminal_code == "T1" and r.currency == "CNY"
    drafts = [r for r in rows if r.status == "draft"]
    assert all(r.number is None and r.issued_on is None and r.customer_name == "" for r in drafts)
    assert all(r.kind == "workshop" and r.vehicle_id for r in rows if r.kind == "workshop")
    sold = _rows(demo_db, "SELECT i.customer_id, v.owner_id, l.item_code, v.vin FROM invoice i "
                          "JOIN vehicle v ON v.id = i.vehicle_id JOIN invoice_line l ON l.invoice_id = i.id "
                          "AND l.line_no = 1 WHERE i.kind = 'vehicle_sale'")
    assert sold and all(r.customer_id == r.owner_id and r.item_code == r.vin for r in sold)


def test_global_search_finds_every_posted_invoice_by_its_number(demo_db):
    posted = _one(demo_db, "SELECT count(*) FROM invoice WHERE status = 'posted'")
    indexed = _one(demo_db, "SELECT count(*) FROM search_doc d JOIN invoice i ON i.id = d.ref_id "
                            "WHERE d.kind = 'invoice' AND i.status = 'posted'")
    assert indexed == posted
    viewer = users.login(demo_db, "viewer", "viewer123!")
    for invoice_id, number in _rows(demo_db, "SELECT id, number FROM invoice WHERE status = 'posted' "
                                             "ORDER BY posted_at DESC LIMIT 3"):
        hits = search.search(demo_db, viewer, number, limit=5, kinds=["invoice"])
        assert invoice_id in {h.ref_id for h in hits}


# --- numbers --------------------------------------------------------------------------------------

def test_numbers_are_unique_gap_free_per_series_and_year_and_follow_posting_order(demo_db):
    rows = _rows(demo_db, "SELECT number, kind, issued_on, posted_at FROM invoice WHERE status = 'posted' "
                          "ORDER BY posted_at")
    seen: dict[tuple[str, int], list[int]] = defaultdict(list)
    for r in rows:
        prefix, year, seq = NUMBER.match(r.number).groups()
        assert prefix == ("CN" if r.kind == "credit_note" else "INV")
        assert int(year) == date.fromisoformat(r.issued_on).year
        seen[(prefix, int(year))].append(int(seq))
    assert len({r.number for r in rows}) == len(rows)
    assert {year for _prefix, year in seen} == {TODAY.year - 1, TODAY.year}
    for seqs in seen.values():
        assert seqs == list(range(1, len(seqs) + 1))


def test_the_series_continue_after_the_demo_when_a_real_invoice_and_credit_note_are_posted(demo_copy):
    # The demo workshop's repair orders have a series of their own (tested with the workshop).
    series = {(r.doc_type, r.year): r.next_seq for r in settings.series(demo_copy)
              if r.doc_type in ("invoice", "credit_note")}
    for (doc, year), next_seq in series.items():
        prefix = "INV" if doc == "invoice" else "CN"
        last = _one(demo_copy, "SELECT max(number) FROM invoice WHERE number LIKE :p", p=f"{prefix}T1-{year}-%")
        assert int(last[-6:]) + 1 == next_seq
    cashier = users.login(demo_copy, "cashier", "cashier123!")
    customer_id = _one(demo_copy, "SELECT id FROM customer ORDER BY created_at LIMIT 1")
    draft_id = invoices.create_draft(demo_copy, cashier, DraftInput(kind="counter_sale", customer_id=customer_id,
                                     lines=[LineInput("雨刮片（对）", 1000, 26800, item_type="part")]))
    number = invoices.post(demo_copy, cashier, draft_id, on=TODAY)
    assert number == f"INVT1-{TODAY.year}-{series[('invoice', TODAY.year)]:06d}"
    note_id = invoices.create_credit_note(demo_copy, cashier, draft_id, reason="test", on=TODAY)
    assert invoices.get(demo_copy, cashier, note_id).number == \
        f"CNT1-{TODAY.year}-{series[('credit_note', TODAY.year)]:06d}"


# --- balances -------------------------------------------------------------------------------------

def test_allocations_never_exceed_invoices_payments_or_credit_notes(demo_db):
    over_invoice = _one(demo_db, "SELECT count(*) FROM invoice i JOIN (SELECT invoice_id, sum(amount) AS paid "
                                 "FROM allocation GROUP BY invoice_id) a ON a.invoice_id = i.id WHERE a.paid > i.total")
    over_payment = _one(demo_db, "SELECT count(*) FROM payment p JOIN (SELECT payment_id, sum(amount) AS used "
                                 "FROM allocation GROUP BY payment_id) a ON a.payment_id = p.id "
                                 "WHERE a.used > p.amount")
    over_note = _one(demo_db, "SELECT count(*) FROM invoice n JOIN (SELECT credit_note_id, sum(amount) AS used "
                              "FROM allocation GROUP BY credit_note_id) a ON a.credit_note_id = n.id "
                              "WHERE a.used > n.total")
    assert (over_invoice, over_payment, over_note) == (0, 0, 0)
    wrong_target = _one(demo_db, """
        SELECT count(*) FROM allocation a JOIN invoice i ON i.id = a.invoice_id
        LEFT JOIN payment p ON p.id = a.payment_id LEFT JOIN invoice n ON n.id = a.credit_note_id
        WHERE i.status != 'posted' OR i.kind = 'credit_note' OR coalesce(p.customer_id, n.customer_id) != i.customer_id
              OR a.allocated_on < i.issued_on OR a.allocated_on < coalesce(p.paid_on, n.issued_on)""")
    assert wrong_target == 0
    assert _one(demo_db, "SELECT count(*) FROM payment WHERE amount = 0") == 0


def test_customer_credit_is_never_negative_and_deposits_are_held_for_orders(demo_db):
    credit = dict(_rows(demo_db, """
        SELECT customer_id, sum(amount) FROM (
            SELECT customer_id, amount FROM payment
            UNION ALL SELECT p.customer_id, -a.amount FROM allocation a JOIN payment p ON p.id = a.payment_id
            UNION ALL SELECT customer_id, total FROM invoice WHERE kind = 'credit_note' AND status = 'posted'
            UNION ALL SELECT n.customer_id, -a.amount FROM allocation a JOIN invoice n ON n.id = a.credit_note_id)
        GROUP BY customer_id"""))
    assert min(credit.values()) >= 0
    holders = [c for c, amount in credit.items() if amount > 0]
    assert holders
    with demo_db.read() as conn:
        for customer_id in sorted(credit)[:200] + holders:
            assert payments.customer_credit(conn, customer_id) == credit[customer_id]
    held = _rows(demo_db, "SELECT p.held_for, p.amount, coalesce(sum(a.amount), 0) AS used FROM payment p "
                          "LEFT JOIN allocation a ON a.payment_id = p.id WHERE p.held_for != '' GROUP BY p.id")
    assert any(r.used == r.amount for r in held), "deposits spent on the car they were taken for"
    assert any(r.used == 0 for r in held), "deposits still held for cars not delivered yet"
    spent = _rows(demo_db, "SELECT p.held_for, i.reference FROM payment p JOIN allocation a ON a.payment_id = p.id "
                           "JOIN invoice i ON i.id = a.invoice_id WHERE p.held_for != ''")
    assert spent and all(r.held_for == r.reference for r in spent)


def test_refunds_return_credit_the_customer_held(demo_db):
    refunds = _rows(demo_db, "SELECT r.amount, r.refund_of_id, o.amount AS original, o.customer_id AS payer, "
                             "r.customer_id, r.paid_on, o.paid_on AS paid FROM payment r "
                             "LEFT JOIN payment o ON o.id = r.refund_of_id WHERE r.amount < 0")
    assert len(refunds) >= 3
    assert any(r.refund_of_id is None for r in refunds) and any(r.refund_of_id for r in refunds)
    for r in refunds:
        if r.refund_of_id:
            assert r.payer == r.customer_id and 0 < -r.amount <= r.original and r.paid_on > r.paid
    spent_and_refunded = _one(demo_db, "SELECT count(*) FROM payment r "
                                       "JOIN allocation a ON a.payment_id = r.refund_of_id")
    assert spent_and_refunded == 0


def test_methods_mix_old_invoices_are_paid_recent_ones_open_and_a_few_long_overdue(demo_db):
    methods = dict(_rows(demo_db, "SELECT method, count(*) FROM payment WHERE amount > 0 GROUP BY method"))
    assert set(methods) == {"cash", "card", "bank_transfer", "finance_payout", "insurance_payout", "voucher"}
    assert methods["card"] == max(methods.values())
    split = _one(demo_db, "SELECT count(*) FROM (SELECT invoice_id FROM allocation WHERE payment_id IS NOT NULL "
                          "GROUP BY invoice_id HAVING count(*) > 1)")
    several = _one(demo_db, "SELECT count(*) FROM (SELECT payment_id FROM allocation WHERE payment_id IS NOT NULL "
                            "GROUP BY payment_id HAVING count(*) > 1)")
    assert split > 20 and several > 5
    rows = _rows(demo_db, "SELECT i.issued_on, i.due_on, i.total, i.total - coalesce(sum(a.amount), 0) AS open "
                          "FROM invoice i LEFT JOIN allocation a ON a.invoice_id = i.id "
                          "WHERE i.status = 'posted' AND i.kind != 'credit_note' GROUP BY i.id")
    recent = [r for r in rows if date.fromisoformat(r.issued_on) >= TODAY - timedelta(days=30)]
    older = [r for r in rows if date.fromisoformat(r.issued_on) < TODAY - timedelta(days=90)]

    def open_share(group: list) -> float:
        return sum(r.open > 0 for r in group) / len(group)

    assert open_share(recent) > 3 * open_share(older) and open_share(older) < 0.05
    assert any(0 < r.open < r.total for r in rows), "some invoices are partly paid"
    overdue = [r for r in rows if r.open > 0 and date.fromisoformat(r.due_on) < TODAY - timedelta(days=90)]
    assert 1 <= len(overdue) < 0.02 * len(rows)


# --- credit notes ---------------------------------------------------------------------------------

def test_credit_notes_reference_their_invoice_and_lines_and_never_exceed_them(demo_db):
    notes = _rows(demo_db, "SELECT n.id, n.total, n.reference, n.customer_id, n.issued_on, i.id AS invoice_id, "
                           "i.number, i.customer_id AS invoice_customer, i.kind, i.status, i.issued_on AS invoiced "
                           "FROM invoice n JOIN invoice i ON i.id = n.credited_invoice_id WHERE n.kind = 'credit_note'")
    assert len(notes) == _one(demo_db, "SELECT count(*) FROM invoice WHERE kind = 'credit_note'") > 0
    for n in notes:
        assert n.kind != "credit_note" and n.status == "posted"
        assert (n.reference, n.customer_id) == (n.number, n.invoice_customer) and n.issued_on > n.invoiced
    foreign_lines = _one(demo_db, "SELECT count(*) FROM invoice_line l JOIN invoice n ON n.id = l.invoice_id "
                                  "LEFT JOIN invoice_line o ON o.id = l.credited_line_id "
                                  "WHERE n.kind = 'credit_note' AND (o.id IS NULL OR o.invoice_id != "
                                  "n.credited_invoice_id OR o.unit_price != l.unit_price OR o.tax_code != l.tax_code)")
    assert foreign_lines == 0
    over_lines = _rows(demo_db, "SELECT o.id FROM invoice_line o JOIN invoice_line l ON l.credited_line_id = o.id "
                                "GROUP BY o.id HAVING sum(l.quantity_milli) > o.quantity_milli "
                                "OR sum(l.total) > o.total OR sum(l.discount) > o.discount")
    over_invoices = _rows(demo_db, "SELECT i.id FROM invoice i JOIN invoice n ON n.credited_invoice_id = i.id "
                                   "GROUP BY i.id HAVING sum(n.total) > i.total")
    assert (over_lines, over_invoices) == ([], [])
    partial = _one(demo_db, "SELECT count(*) FROM invoice_line l JOIN invoice_line o ON o.id = l.credited_line_id "
                            "WHERE l.quantity_milli < o.quantity_milli")
    assert partial > 0
    with demo_db.read() as conn:
        for n in notes[:50]:
            credited = invoices.credited_quantities(conn, n.invoice_id)
            lines = dict(conn.execute(text("SELECT id, quantity_milli FROM invoice_line WHERE invoice_id = :i"),
                                      {"i": n.invoice_id}).all())
            assert all(0 < qty <= lines[line_id] for line_id, qty in credited.items())


# --- cash desk and third parties ------------------------------------------------------------------

def test_every_past_day_with_payments_is_closed_with_the_cash_expected(demo_db):
    days = {r.day: r for r in _rows(demo_db, "SELECT * FROM cash_day")}
    cash = defaultdict(int)
    paid_days = set()
    for day, method, amount in _rows(demo_db, "SELECT paid_on, method, amount FROM payment"):
        paid_days.add(day)
        if method == "cash":
            cash[day] += amount
    assert set(days) == paid_days and max(days) < TODAY.isoformat()
    for day, row in days.items():
        assert row.expected_cash == row.opening_float + cash[day] >= 0
        assert row.closed_at and row.closed_by == "cashier" and row.terminal_code == "T1"
        assert (row.counted_cash == row.expected_cash) == (row.notes == "")
        closed = datetime.fromisoformat(row.closed_at) + timedelta(hours=8)
        assert closed.date().isoformat() == day


def test_insurance_claims_and_rebates_match_their_invoices_and_payouts(demo_db):
    claims = _rows(demo_db, "SELECT c.*, i.total, i.customer_id AS invoice_customer, i.vehicle_id AS car, i.kind "
                            "FROM insurance_claim c JOIN invoice i ON i.id = c.invoice_id")
    assert claims and {c.status for c in claims} <= set(thirdparty.CLAIM_STATUSES)
    assert {"paid", "invoiced"} <= {c.status for c in claims}
    for c in claims:
        assert c.kind == "workshop" and (c.customer_id, c.vehicle_id) == (c.invoice_customer, c.car)
        if c.status == "rejected":
            assert (c.approved_amount, c.excess_amount, c.paid_amount) == (0, 0, 0)
        else:
            assert c.approved_amount == c.total and 0 <= c.excess_amount <= c.approved_amount
            assert c.paid_amount == (c.approved_amount - c.excess_amount if c.status == "paid" else 0)
    payouts = dict(_rows(demo_db, "SELECT a.invoice_id, sum(a.amount) FROM allocation a JOIN payment p "
                                  "ON p.id = a.payment_id WHERE p.method = 'insurance_payout' GROUP BY a.invoice_id"))
    assert payouts == {c.invoice_id: c.paid_amount for c in claims if c.status == "paid"}
    rebates = _rows(demo_db, "SELECT * FROM rebate")
    assert any(r.vehicle_id for r in rebates) and any(r.vehicle_id is None for r in rebates)
    for r in rebates:
        assert 0 <= r.received_amount <= r.expected_amount
        assert (r.received_on is None) == (r.received_amount == 0)
        assert r.received_on is None or r.received_on < TODAY.isoformat()


# --- determinism and audit ------------------------------------------------------------------------

def test_same_seed_gives_the_same_billing_and_another_seed_differs(demo_path, tmp_path):
    demo.build(tmp_path / "again.db", size="small", seed=SEED, today=TODAY)
    demo.build(tmp_path / "other.db", size="small", seed=SEED + 1, today=TODAY)
    first, again, other = _dump(demo_path), _dump(tmp_path / "again.db"), _dump(tmp_path / "other.db")
    assert first == again
    for table in BILLING_TABLES:
        if table != "number_series":
            assert first[table] != other[table], table


def test_audit_chain_verifies_with_one_demo_entry_per_billing_table(demo_db):
    with demo_db.read() as conn:
        assert audit.verify(conn).ok
        entities = Counter(r.entity for r in conn.execute(text("SELECT entity FROM audit_entry "
                                                               "WHERE action = 'demo'")))
    assert all(entities[table] == 1 for table in BILLING_TABLES)
