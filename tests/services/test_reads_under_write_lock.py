"""Reads never take the write lock: while another process holds it (an import in the middle of its
transaction, say), every read of every area, every list page and count, global search, the exports
and the printed documents that are reads answer at once instead of waiting out the busy timeout."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.actor import Actor
from services import audit, customers, lists, search, settings, users, vehicles
from services.billing import (
    accounting,
    cashdesk,
    documents,
    exports,
    invoices,
    margin,
    payments,
    receivables,
    thirdparty,
)
from services.billing.payments import PaymentSplit
from services.imports import framework
from services.lists import ListState
from services.parts import alerts, catalogue, counts, purchasing, stock
from services.parts import documents as parts_documents
from services.parts import exports as parts_exports
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput
from services.setup import open_database
from services.vehicles import VehicleInput
from store.database import Database
from tests.conftest import OWNER_PASSWORD
from tests.services.billing_samples import customer, draft, line, posted
from tests.services.samples import chinese_vin
from tests.write_lock import promptly, write_lock_held

U = 1000
TODAY = date.today()
LONG_AGO = TODAY - timedelta(days=400)


class Sample:
    """Ids of one record of every kind, made through the services before the lock is taken."""

    owner: Actor
    customer_id: str
    vehicle_id: str
    invoice_id: str
    invoice_number: str
    draft_id: str
    part_id: str
    supplier_id: str
    order_id: str
    count_id: str
    claim_id: str


@pytest.fixture(scope="module")
def populated(template_db, tmp_path_factory) -> Iterator[tuple[Database, Sample]]:
    path = tmp_path_factory.mktemp("reads") / "forecourt.db"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    s = Sample()
    s.owner = owner = users.login(db, "owner", OWNER_PASSWORD)
    s.customer_id = customer(db, owner, "王伟")
    s.vehicle_id = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                           plate="沪A12345", owner_id=s.customer_id))
    s.invoice_id = posted(db, owner, s.customer_id, line("Oil change", qty=2 * U, price=30000, discount=1000))
    s.invoice_number = invoices.get(db, owner, s.invoice_id).number or ""
    payments.take_payment(db, owner, customer_id=s.customer_id, splits=[PaymentSplit("cash", 20000)],
                          allocations={s.invoice_number: 20000})
    invoices.create_credit_note(db, owner, s.invoice_id, reason="goodwill",
                                lines={invoices.get(db, owner, s.invoice_id).lines[0].id: U})
    s.draft_id = draft(db, owner, s.customer_id, line("Wiper blades", price=8000))
    s.supplier_id = purchasing.create_supplier(db, owner, SupplierInput(name="Bosch Parts Co", lead_time_days=5))
    s.part_id = catalogue.create_part(db, owner, PartInput(
        brand="Bosch", part_number="0 986 452 044", description="Oil filter", list_cost=2500, retail_price=4800,
        preferred_supplier_id=s.supplier_id, bin="A-01", category="Filters"))
    s.order_id = purchasing.create_order(db, owner, s.supplier_id, [(s.part_id, 10 * U, 2500)])
    purchasing.send_order(db, owner, s.order_id, on=TODAY)
    order_line = purchasing.get_order(db, owner, s.order_id).lines[0]
    purchasing.receive_goods(db, owner, s.order_id, {order_line.id: (6 * U, 2500)}, TODAY)
    stock.issue(db, owner, s.part_id, U, reference="RO-1")
    s.count_id = counts.start_count(db, owner, bin_from="A-01", bin_to="A-09")
    counts.enter_count(db, owner, s.count_id, s.part_id, 4 * U)
    thirdparty.expect_rebate(db, owner, manufacturer="Volkswagen", amount=100000, campaign="Spring",
                             vehicle_id=s.vehicle_id)
    s.claim_id = thirdparty.open_claim(db, owner, insurer="Ping An", claim_number="PA-1", customer_id=s.customer_id,
                                       vehicle_id=s.vehicle_id)
    yield db, s
    db.dispose()


@pytest.fixture
def locked(populated) -> Iterator[tuple[Database, Sample]]:
    db, s = populated
    with write_lock_held(db.path):
        yield db, s


def test_opening_the_database_takes_no_write_lock(locked):
    db, _s = locked
    promptly(lambda: open_database(db.path).dispose(), what="open_database")
    promptly(lambda: open_database(db.path, for_reading=True).dispose(), what="open_database(for_reading)")


def test_customer_vehicle_and_settings_reads_answer_at_once(locked):
    db, s = locked
    detail = promptly(lambda: customers.get(db, s.owner, s.customer_id))
    assert [v.id for v in detail.vehicles] == [s.vehicle_id]
    assert promptly(lambda: vehicles.get(db, s.owner, s.vehicle_id)).owner_name == "王伟"
    assert promptly(lambda: settings.get(db)).currency == "CNY"
    promptly(lambda: settings.get_logo(db))
    assert promptly(lambda: settings.tax_rates(db))
    assert promptly(lambda: settings.series(db))
    assert promptly(lambda: accounting.get_mapping(db, s.owner))


def test_users_roles_and_the_audit_trail_answer_at_once(locked):
    db, s = locked
    assert [u.username for u in promptly(lambda: users.list_users(db, s.owner))] == ["owner"]
    assert promptly(lambda: users.list_roles(db, s.owner))
    assert promptly(lambda: users.find_user_id(db, "owner")) == s.owner.user_id
    result = promptly(lambda: audit.verify_trail(db, s.owner))
    assert result.ok and result.checked > 0


def test_invoice_payment_and_receivables_reads_answer_at_once(locked):
    db, s = locked
    view = promptly(lambda: invoices.get(db, s.owner, s.invoice_id))
    assert view.status == "posted" and view.credit_note_ids
    assert promptly(lambda: exports.invoice_id_for_number(db, s.owner, s.invoice_number)) == s.invoice_id
    assert promptly(lambda: payments.payments(db, s.owner, customer_id=s.customer_id))
    promptly(lambda: payments.credit_sources(db, s.owner, s.customer_id))
    promptly(lambda: receivables.aging(db, s.owner, as_of=TODAY))
    promptly(lambda: receivables.overdue(db, s.owner, as_of=TODAY))
    promptly(lambda: receivables.open_invoices(db, s.owner, s.customer_id))
    assert promptly(lambda: receivables.statement(db, s.owner, s.customer_id, start=LONG_AGO, end=TODAY))
    promptly(lambda: cashdesk.day_report(db, s.owner, day=TODAY))
    assert promptly(lambda: margin.invoice_margin(db, s.owner, s.invoice_id))
    promptly(lambda: margin.invoice_margins(db, s.owner, start=LONG_AGO, end=TODAY))
    promptly(lambda: margin.department_margins(db, s.owner, start=LONG_AGO, end=TODAY))
    promptly(lambda: margin.monthly_margins(db, s.owner, start=LONG_AGO, end=TODAY))
    assert promptly(lambda: accounting.journal_entries(db, s.owner, start=LONG_AGO, end=TODAY))
    assert promptly(lambda: thirdparty.rebates(db, s.owner))
    assert promptly(lambda: thirdparty.rebate_totals(db, s.owner, per="campaign"))
    assert promptly(lambda: thirdparty.claims(db, s.owner))
    promptly(lambda: thirdparty.outstanding_claims(db, s.owner))
    assert promptly(lambda: thirdparty.get_claim(db, s.owner, s.claim_id)).claim_number == "PA-1"


def test_parts_stock_purchasing_and_count_reads_answer_at_once(locked):
    db, s = locked
    assert promptly(lambda: catalogue.get_part(db, s.owner, s.part_id)).on_hand == 5 * U
    assert promptly(lambda: catalogue.part_for_sale(db, s.owner, "0986452044"))
    assert promptly(lambda: stock.get_level(db, s.owner, s.part_id)).on_hand == 5 * U
    assert len(promptly(lambda: stock.movements(db, s.owner, s.part_id))) == 2
    promptly(lambda: stock.reservations(db, s.owner, s.part_id))
    promptly(lambda: stock.monthly_demand(db, s.owner, s.part_id))
    assert promptly(lambda: purchasing.get_supplier(db, s.owner, s.supplier_id)).name == "Bosch Parts Co"
    assert [x.id for x in promptly(lambda: purchasing.list_suppliers(db, s.owner))] == [s.supplier_id]
    order = promptly(lambda: purchasing.get_order(db, s.owner, s.order_id))
    assert (order.supplier_name, order.lines[0].back_order) == ("Bosch Parts Co", 4 * U)
    assert promptly(lambda: purchasing.list_orders(db, s.owner))
    promptly(lambda: purchasing.suggestions(db, s.owner))
    assert promptly(lambda: purchasing.supplier_performance(db, s.owner, s.supplier_id)).receipts == 1
    count = promptly(lambda: counts.get_count(db, s.owner, s.count_id))
    assert [line.variance for line in count.lines] == [-U]
    assert promptly(lambda: counts.variance_report(db, s.owner, s.count_id))
    assert promptly(lambda: counts.count_sheet(db, s.owner, s.count_id))
    for read in (alerts.below_minimum, alerts.dead_stock, alerts.aged_stock, alerts.negative_stock_attempts):
        promptly(lambda read=read: read(db, s.owner), what=read.__name__)


def test_every_list_page_and_count_and_global_search_answer_at_once(locked):
    db, s = locked
    filled = set()
    for name in lists.REGISTRY:
        rows = promptly(lambda name=name: lists.fetch_page(db, s.owner, name, ListState(), limit=50).rows,
                        what=f"page of {name}")
        total = promptly(lambda name=name: lists.count(db, s.owner, name, ListState()), what=f"count of {name}")
        assert len(rows) == min(total, 50), name
        if rows:
            filled.add(name)
            assert promptly(lambda name=name, rows=rows: lists.row_by_id(db, s.owner, name, str(rows[0][0])),
                            what=f"row of {name}") == rows[0]
    # The scenario leaves rows in these, so their pages were really read (an alert list may be empty).
    assert {"customers", "vehicles", "invoices", "payments", "parts", "purchase_orders", "stock_counts",
            "suppliers", "users", "roles", "audit"} <= filled
    hits = promptly(lambda: search.search(db, s.owner, "王伟"))
    assert s.customer_id in {h.ref_id for h in hits}
    assert promptly(lambda: search.search(db, s.owner, "沪A12"))


def test_exports_and_documents_that_only_read_are_written_at_once(locked, tmp_path):
    db, s = locked
    for name in ("customers", "invoices", "parts", "audit"):
        assert promptly(lambda name=name: lists.export(db, s.owner, name, ListState(), tmp_path / f"{name}.xlsx"),
                        what=f"export of {name}") > 0
    for export in (exports.export_invoices, exports.export_invoice_lines, exports.export_payments):
        assert promptly(lambda export=export: export(db, s.owner, tmp_path / f"{export.__name__}.csv"),
                        what=export.__name__) > 0
    assert promptly(lambda: accounting.journal(db, s.owner, tmp_path / "journal.csv", start=LONG_AGO, end=TODAY)) > 0
    assert promptly(lambda: parts_exports.export_parts(db, s.owner, tmp_path / "parts.csv")) == 1
    assert promptly(lambda: parts_exports.export_stock(db, s.owner, tmp_path / "stock.xlsx")) == 1
    outputs = [
        promptly(lambda: documents.invoice_pdf(db, s.owner, s.draft_id, tmp_path / "draft.pdf")),
        promptly(lambda: documents.statement_pdf(db, s.owner, s.customer_id, tmp_path / "statement.pdf",
                                                 start=LONG_AGO, end=TODAY)),
        promptly(lambda: parts_documents.purchase_order_pdf(db, s.owner, s.order_id, tmp_path / "po.pdf")),
        promptly(lambda: parts_documents.purchase_order_xlsx(db, s.owner, s.order_id, tmp_path / "po.xlsx")),
        promptly(lambda: counts.count_sheet_pdf(db, s.owner, s.count_id, tmp_path / "count.pdf")),
        promptly(lambda: counts.count_sheet_file(db, s.owner, s.count_id, tmp_path / "count.xlsx")),
    ]
    assert all(Path(out).stat().st_size > 0 for out in outputs)


def test_an_import_preview_and_dry_run_check_at_once(locked, tmp_path):
    db, s = locked
    source = tmp_path / "parts.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["brand", "part_number", "description", "retail_price"],
                                  ["Bosch", "0 986 452 044", "Oil filter", "49.00"],
                                  ["Bosch", "0 986 494 516", "Brake pads", "320.00"]])
    checked = promptly(lambda: framework.preview(db, s.owner, source, "parts"))
    assert (checked.summary.inserted, checked.summary.updated) == (1, 1)
    summary = promptly(lambda: framework.run(db, s.owner, source, "parts", dry_run=True))
    assert summary.dry_run and not summary.written and summary.inserted == 1
    assert promptly(lambda: framework.list_presets(db, "parts")) == []


def test_printing_a_posted_invoice_counts_the_print_so_it_waits_for_the_lock(locked, tmp_path):
    """The print count decides which print is the original: a write, which must wait its turn."""
    from core.errors import DatabaseProblem

    db, s = locked
    with pytest.raises(DatabaseProblem) as exc:
        documents.invoice_pdf(db, s.owner, s.invoice_id, tmp_path / "original.pdf")
    assert exc.value.kind == "locked"
    assert not (tmp_path / "original.pdf").exists()
