"""Loan applications (submitted → approved / rejected, approved → paid out), a deal's approved finance,
insurance policies, their renewals due 30 days ahead and the renewal link."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core import clock
from core.errors import Conflict, PermissionDenied, ValidationError
from services import lists
from services.sales import finance
from services.sales.finance import LoanInput, PolicyInput
from store.uow import UnitOfWork
from tests.services.finance_samples import car, customer, deal
from tests.services.samples import raw_rows


def _loan(db, owner, deal_id, amount=100_000_00, **kw) -> str:
    return finance.create_loan(db, owner, LoanInput(deal_id=deal_id, lender=kw.pop("lender", "Bank of Ningbo"),
                                                    amount=amount, term_months=36, rate_bp=450, **kw))


def _approved(db, owner, deal_id) -> int:
    with UnitOfWork(db, owner) as uow:
        return finance.approved_finance(uow.session, deal_id)


def test_a_loan_goes_submitted_approved_paid_out_with_its_days(db, db_path, owner):
    d = deal(db, owner, customer(db, owner))
    loan = _loan(db, owner, d)
    assert _approved(db, owner, d) == 0
    finance.move_loan(db, owner, loan, "approved", on=clock.today())
    assert _approved(db, owner, d) == 100_000_00
    finance.move_loan(db, owner, loan, "paid_out")
    assert _approved(db, owner, d) == 100_000_00
    view = finance.get_loan(db, owner, loan)
    assert (view.status, view.decided_on, view.paid_out_on) == ("paid_out", clock.today(), clock.today())
    changes = raw_rows(db_path, "SELECT action FROM audit_entry WHERE entity = 'loan_application' AND entity_id = ? "
                                "ORDER BY seq", (loan,))
    assert [c[0] for c in changes] == ["insert", "update", "update"]


def test_approved_finance_counts_approved_and_paid_out_only(db, owner):
    d = deal(db, owner, customer(db, owner), total=200_000_00)
    a = _loan(db, owner, d, 50_000_00)
    b = _loan(db, owner, d, 30_000_00)
    c = _loan(db, owner, d, 20_000_00)
    _loan(db, owner, d, 10_000_00)  # still submitted
    finance.move_loan(db, owner, a, "approved")
    finance.move_loan(db, owner, a, "paid_out")
    finance.move_loan(db, owner, b, "approved")
    finance.move_loan(db, owner, c, "rejected")
    assert _approved(db, owner, d) == 80_000_00
    assert _approved(db, owner, deal(db, owner, customer(db, owner, "Li Na"))) == 0


@pytest.mark.parametrize(("start", "to"), [("submitted", "paid_out"), ("rejected", "approved"),
                                           ("rejected", "paid_out"), ("paid_out", "approved"),
                                           ("approved", "rejected"), ("approved", "approved")])
def test_moves_outside_the_way_are_refused(db, db_path, owner, start, to):
    d = deal(db, owner, customer(db, owner))
    loan = _loan(db, owner, d)
    path = {"submitted": [], "approved": ["approved"], "rejected": ["rejected"], "paid_out": ["approved", "paid_out"]}
    for step in path[start]:
        finance.move_loan(db, owner, loan, step)
    with pytest.raises(Conflict):
        finance.move_loan(db, owner, loan, to)
    assert raw_rows(db_path, "SELECT status FROM loan_application WHERE id = ?", (loan,)) == [(start,)]


def test_an_amount_beyond_the_deals_total_is_refused(db, db_path, owner):
    d = deal(db, owner, customer(db, owner), total=120_000_00)
    with pytest.raises(ValidationError) as err:
        _loan(db, owner, d, 120_000_01)
    assert err.value.field == "amount"
    assert raw_rows(db_path, "SELECT count(*) FROM loan_application") == [(0,)]
    _loan(db, owner, d, 120_000_00)


def test_approving_finance_beyond_the_deals_total_is_refused(db, db_path, owner):
    d = deal(db, owner, customer(db, owner), total=100_000_00)
    a = _loan(db, owner, d, 70_000_00, lender="ICBC")
    b = _loan(db, owner, d, 40_000_00, lender="CCB")  # two lenders asked at once
    finance.move_loan(db, owner, a, "approved")
    with pytest.raises(ValidationError):
        finance.move_loan(db, owner, b, "approved")
    assert raw_rows(db_path, "SELECT status FROM loan_application WHERE id = ?", (b,)) == [("submitted",)]


@pytest.mark.parametrize("field,value", [("lender", " "), ("amount", 0), ("amount", -5), ("term_months", 0),
                                         ("term_months", 121), ("rate_bp", -1), ("rate_bp", 10_001),
                                         ("submitted_on", date.today() + timedelta(days=1)),
                                         ("deal_id", "nope")])
def test_bad_loan_input_names_its_field_and_changes_nothing(db, db_path, owner, field, value):
    d = deal(db, owner, customer(db, owner))
    data = LoanInput(deal_id=d, lender="ICBC", amount=10_000_00, term_months=24, rate_bp=300)
    setattr(data, field, value)
    with pytest.raises(ValidationError) as err:
        finance.create_loan(db, owner, data)
    assert err.value.field == field
    assert raw_rows(db_path, "SELECT count(*) FROM loan_application") == [(0,)]


def test_a_cancelled_deal_takes_no_loan(db, owner):
    d = deal(db, owner, customer(db, owner), status="cancelled")
    with pytest.raises(ValidationError) as err:
        _loan(db, owner, d)
    assert err.value.field == "deal_id"


@pytest.mark.parametrize("status", ["paid_out", "rejected"])
def test_a_paid_out_or_rejected_loan_cannot_be_edited(db, db_path, owner, status):
    d = deal(db, owner, customer(db, owner))
    loan = _loan(db, owner, d)
    for step in (["approved", "paid_out"] if status == "paid_out" else ["rejected"]):
        finance.move_loan(db, owner, loan, step)
    with pytest.raises(Conflict):
        finance.update_loan(db, owner, loan, LoanInput(deal_id=d, lender="Other", amount=1_00, term_months=12))
    assert raw_rows(db_path, "SELECT lender, amount FROM loan_application WHERE id = ?", (loan,)) == [
        ("Bank of Ningbo", 100_000_00)]


def test_a_submitted_loan_can_be_corrected(db, owner):
    d = deal(db, owner, customer(db, owner))
    loan = _loan(db, owner, d)
    finance.update_loan(db, owner, loan, LoanInput(deal_id=d, lender="ICBC", amount=90_000_00, term_months=24,
                                                   rate_bp=399, reference="L-77"))
    view = finance.get_loan(db, owner, loan)
    assert (view.lender, view.amount, view.term_months, view.rate_bp, view.reference) == (
        "ICBC", 90_000_00, 24, 399, "L-77")


def test_a_payout_before_the_approval_day_is_refused(db, owner):
    d = deal(db, owner, customer(db, owner))
    loan = _loan(db, owner, d)
    finance.move_loan(db, owner, loan, "approved")
    with pytest.raises(ValidationError):
        finance.move_loan(db, owner, loan, "paid_out", on=clock.today() - timedelta(days=1))


def test_a_read_only_user_cannot_record_finance(db, owner, actor_for):
    d = deal(db, owner, customer(db, owner))
    with pytest.raises(PermissionDenied):
        _loan(db, actor_for("read_only"), d)
    cashier = actor_for("cashier")
    loan = _loan(db, cashier, d)
    finance.move_loan(db, cashier, loan, "approved")


# --- insurance ------------------------------------------------------------------------------------

def _policy(db, owner, cid, vid, ends_on: date, **kw) -> str:
    return finance.create_policy(db, owner, PolicyInput(
        customer_id=cid, vehicle_id=vid, insurer=kw.pop("insurer", "PICC"), kind=kw.pop("kind", "commercial"),
        starts_on=kw.pop("starts_on", ends_on - timedelta(days=365)), ends_on=ends_on,
        premium=kw.pop("premium", 4_800_00), commission=kw.pop("commission", 480_00), **kw))


def test_renewals_due_are_the_unrenewed_policies_ending_within_30_days(db, owner, monkeypatch):
    today = date(2026, 6, 1)
    monkeypatch.setattr(clock, "today", lambda: today)
    cid = customer(db, owner)
    vid = car(db, owner, cid)
    ids = {days: _policy(db, owner, cid, vid, today + timedelta(days=days), policy_number=f"P{days}")
           for days in (-1, 0, 29, 30, 31)}
    due = finance.renewals_due(db, owner)
    assert [r.id for r in due] == [ids[0], ids[29], ids[30]]
    listed = lists.fetch_page(db, owner, "insurance_renewals_due", lists.ListState(), limit=50)
    assert [r[0] for r in listed.rows] == [ids[0], ids[29], ids[30]]


def test_renewing_links_the_next_policy_and_takes_the_old_one_off_the_renewals(db, owner, monkeypatch):
    today = date(2026, 6, 1)
    monkeypatch.setattr(clock, "today", lambda: today)
    cid = customer(db, owner)
    vid = car(db, owner, cid)
    old = _policy(db, owner, cid, vid, today + timedelta(days=10), kind="compulsory", policy_number="JQ1")
    draft = finance.renewal_draft(db, owner, old)
    assert (draft.starts_on, draft.ends_on, draft.kind) == (today + timedelta(days=10), today + timedelta(days=375),
                                                            "compulsory")
    draft.policy_number = "JQ2"
    new = finance.renew_policy(db, owner, old, draft)
    assert finance.get_policy(db, owner, new).renewed_from_id == old
    assert finance.get_policy(db, owner, old).renewed_by_id == new
    assert finance.renewals_due(db, owner) == []
    with pytest.raises(Conflict):
        finance.renew_policy(db, owner, old, draft)


def test_a_renewal_covers_the_same_car(db, owner):
    cid = customer(db, owner)
    old = _policy(db, owner, cid, car(db, owner, cid), date(2026, 12, 31))
    draft = finance.renewal_draft(db, owner, old)
    draft.vehicle_id = car(db, owner, cid)
    with pytest.raises(ValidationError) as err:
        finance.renew_policy(db, owner, old, draft)
    assert err.value.field == "vehicle_id"


@pytest.mark.parametrize("field,value", [("insurer", ""), ("kind", "life"), ("premium", -1), ("commission", 5_000_00),
                                         ("ends_on", date(2025, 1, 1)), ("customer_id", "x")])
def test_bad_policy_input_names_its_field(db, db_path, owner, field, value):
    cid = customer(db, owner)
    data = PolicyInput(customer_id=cid, vehicle_id=car(db, owner, cid), insurer="PICC", kind="commercial",
                       starts_on=date(2026, 1, 1), ends_on=date(2027, 1, 1), premium=4_000_00, commission=400_00)
    setattr(data, field, value)
    with pytest.raises(ValidationError) as err:
        finance.create_policy(db, owner, data)
    assert err.value.field == field
    assert raw_rows(db_path, "SELECT count(*) FROM insurance_policy") == [(0,)]


def test_a_policy_number_is_recorded_once_per_insurer(db, owner):
    cid = customer(db, owner)
    vid = car(db, owner, cid)
    _policy(db, owner, cid, vid, date(2027, 1, 1), policy_number="pdaa 001")
    with pytest.raises(ValidationError) as err:
        _policy(db, owner, cid, vid, date(2027, 1, 1), policy_number="PDAA001")
    assert err.value.field == "policy_number"
    _policy(db, owner, cid, vid, date(2027, 1, 1), policy_number="PDAA001", insurer="Ping An")


def test_a_policy_on_another_customers_deal_is_refused(db, owner):
    cid = customer(db, owner)
    other = deal(db, owner, customer(db, owner, "Li Na"))
    with pytest.raises(ValidationError) as err:
        _policy(db, owner, cid, car(db, owner, cid), date(2027, 1, 1), deal_id=other)
    assert err.value.field == "deal_id"


def test_the_timeline_sql_reads_a_customers_policies_and_trade_ins(db, db_path, owner):
    from services.sales import trade_ins
    from tests.services.samples import chinese_vin

    cid = customer(db, owner)
    pid = _policy(db, owner, cid, car(db, owner, cid), date(2027, 1, 1), policy_number="T1",
                  starts_on=date(2026, 1, 1))
    with db.read() as conn:
        from sqlalchemy import text

        rows = conn.execute(text(finance.TIMELINE_SQL["insurance_policy"]), {"customer_id": cid}).all()
        assert [r.ref_id for r in rows] == [pid]
        assert rows[0].title == "PICC T1" and rows[0].at == "2026-01-01"
        assert conn.execute(text(finance.TIMELINE_SQL["trade_in"]), {"customer_id": cid}).all() == []
    tid = trade_ins.create_appraisal(db, owner, trade_ins.AppraisalInput(customer_id=cid, vin=chinese_vin(99),
                                                                          make="BYD", model="Qin"))
    with db.read() as conn:
        rows = conn.execute(text(finance.TIMELINE_SQL["trade_in"]), {"customer_id": cid}).all()
    assert [(r.ref_id, r.title, r.detail) for r in rows] == [(tid, "BYD Qin", f"appraised · {chinese_vin(99)}")]
