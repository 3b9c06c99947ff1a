"""Posting taxes a draft at the rates in force when it is posted, not when it was saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from core.errors import ValidationError
from services import settings
from services.billing import invoices
from services.billing.invoices import TaxChange
from tests.services.billing_samples import customer, draft, line
from tests.services.samples import raw_rows

ON = date(2026, 3, 2)


def _rate(db, owner, code: str, *, rate_bp: int | None = None, active: bool = True) -> None:
    row = next(r for r in settings.tax_rates(db) if r.code == code)
    settings.save_tax_rate(db, owner, code=row.code, name=row.name, rate=row.rate_bp if rate_bp is None else rate_bp,
                           is_default=row.is_default, active=active, id=row.id)


def test_a_draft_saved_before_a_rate_change_posts_at_the_new_rate(db, db_path, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Brake pads", price=11300, tax_code="VAT13"), line("Wash", price=1060,
                                                                                       tax_code="VAT6"))
    assert invoices.get(db, owner, iid).total == 12360
    _rate(db, owner, "VAT13", rate_bp=900)
    assert invoices.tax_changes(db, owner, iid) == [TaxChange(1, "Brake pads", "VAT13", 1300, 900)]
    invoices.post(db, owner, iid, on=ON)
    view = invoices.get(db, owner, iid)
    first, second = view.lines
    # Tax-inclusive prices: the total stays, the split between net and tax follows the new rate.
    assert (first.tax_rate_bp, first.net, first.tax, first.total) == (900, 10367, 933, 11300)
    assert (second.tax_rate_bp, second.net, second.tax) == (600, 1000, 60)
    assert (view.net_total, view.tax_total, view.total) == (11367, 993, 12360)
    [(summary,)] = raw_rows(Path(db_path), "SELECT summary FROM audit_entry WHERE action = 'retax'")
    assert "line 1 VAT13 13 % → 9 %" in summary
    assert invoices.tax_changes(db, owner, iid) == []


def test_a_tax_exclusive_draft_posts_with_a_new_total_when_the_rate_changes(db, owner):
    settings.save(db, owner, replace(settings.get(db), prices_include_tax=False))
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Service", price=10000, tax_code="VAT13"))
    assert invoices.get(db, owner, iid).total == 11300
    _rate(db, owner, "VAT13", rate_bp=1000)
    invoices.post(db, owner, iid, on=ON)
    view = invoices.get(db, owner, iid)
    assert (view.net_total, view.tax_total, view.total) == (10000, 1000, 11000)


def test_a_draft_with_a_deactivated_tax_code_is_refused_naming_the_line(db, db_path, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Oil", tax_code="VAT13"), line("Labour", tax_code="VAT6"))
    _rate(db, owner, "VAT6", active=False)
    assert invoices.tax_changes(db, owner, iid) == [TaxChange(2, "Labour", "VAT6", 600, None)]
    before = raw_rows(Path(db_path), "SELECT * FROM invoice_line ORDER BY id"), raw_rows(
        Path(db_path), "SELECT * FROM invoice ORDER BY id")
    with pytest.raises(ValidationError) as exc:
        invoices.post(db, owner, iid, on=ON)
    assert exc.value.field == "lines[2].tax_code"
    assert "Line 2 (Labour)" in str(exc.value)
    assert (raw_rows(Path(db_path), "SELECT * FROM invoice_line ORDER BY id"),
            raw_rows(Path(db_path), "SELECT * FROM invoice ORDER BY id")) == before


def test_the_check_before_posting_gives_the_figures_at_the_rates_in_force(db, db_path, owner):
    cid = customer(db, owner)
    iid = draft(db, owner, cid, line("Brake pads", price=11300, tax_code="VAT13"))
    _rate(db, owner, "VAT13", rate_bp=900)
    typed = invoices.DraftInput(kind="workshop", customer_id=cid, lines=[line("Brake pads", price=11300,
                                                                              tax_code="VAT13")])
    check = invoices.check_post(db, owner, iid, typed, on=ON)
    assert (check.tax_total, check.line_rates) == (933, (900,))
    view = invoices.get(db, owner, iid)
    assert (view.status, view.tax_total, view.lines[0].tax_rate_bp) == ("draft", 1300, 1300)
