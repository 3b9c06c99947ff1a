"""Finance and insurance, trade-ins and sales targets, driven through their real widgets: a loan
application typed for a deal and approved, a policy recorded and renewed from the renewals due, an
appraisal with its grades and costs taken into stock, and a month's targets set and shown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import clock
from services import users
from services.sales import finance, targets, trade_ins
from tests.services.finance_samples import car, customer, deal
from tests.services.samples import chinese_vin, raw_rows
from ui.sales.finance import FinanceScreen, LoanDialog, LoanMoveDialog, PolicyDialog
from ui.sales.targets import SalesTargetsScreen, TargetsDialog
from ui.sales.trade_ins import AppraisalDialog, TakeInDialog, TradeInsScreen


def _deal_number(db_path, deal_id) -> str:
    return raw_rows(db_path, "SELECT number FROM deal WHERE id = ?", (deal_id,))[0][0]


def test_a_loan_application_is_typed_for_a_deal_refused_beyond_its_total_and_approved(
        qtbot, db, db_path, owner, window, settle, select_row, when_modal):
    d = deal(db, owner, customer(db, owner, "王芳"), total=150_000_00)
    page = window.show_page("finance")
    assert isinstance(page, FinanceScreen)
    settle()
    dialog = LoanDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.deal, _deal_number(db_path, d)[-4:])
    dialog.look_up_deal()
    settle()
    assert "王芳" in dialog.deal_info.text()
    qtbot.keyClicks(dialog.lender, "Bank of Ningbo")
    qtbot.keyClicks(dialog.amount, "160000")
    qtbot.keyClicks(dialog.rate, "4.5")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert not dialog.errors.labels["amount"].isHidden()
    assert raw_rows(db_path, "SELECT count(*) FROM loan_application") == [(0,)]
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "100000")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert dialog.result() == dialog.DialogCode.Accepted
    [(loan_id, amount, rate, status)] = raw_rows(db_path, "SELECT id, amount, rate_bp, status FROM loan_application")
    assert (amount, rate, status) == (100_000_00, 450, "submitted")

    settle()
    page.loans.list.reload()
    settle()
    select_row(page.loans, loan_id)
    assert page.loans.moves["approved"].isEnabled() and not page.loans.moves["paid_out"].isEnabled()
    def approve(dlg: LoanMoveDialog) -> None:
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
        settle()

    handled = when_modal(LoanMoveDialog, approve)
    page.loans.move_current("approved")
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT status, decided_on FROM loan_application") == [
        ("approved", clock.today().isoformat())]
    from store.uow import UnitOfWork

    with UnitOfWork(db, owner) as uow:
        assert finance.approved_finance(uow.session, d) == 100_000_00


def test_a_policy_is_recorded_and_renewed_from_the_renewals_due(
        qtbot, db, db_path, owner, window, settle, select_row, when_modal):
    cid = customer(db, owner, "李娜")
    vid = car(db, owner, cid)
    page = window.show_page("finance")
    settle()
    dialog = PolicyDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.set_customer(cid, "李娜")
    settle()
    assert dialog.vehicle.currentData() == vid
    qtbot.keyClicks(dialog.insurer, "PICC")
    dialog.kind.setCurrentIndex(dialog.kind.findData("compulsory"))
    qtbot.keyClicks(dialog.number, "JQ-001")
    qtbot.keyClicks(dialog.premium, "950")
    qtbot.keyClicks(dialog.commission, "95")
    dialog.starts.set_value(clock.today() - timedelta(days=345))
    dialog.ends.set_value(clock.today() + timedelta(days=20))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert dialog.result() == dialog.DialogCode.Accepted
    [(pid, kind, premium)] = raw_rows(db_path, "SELECT id, kind, premium FROM insurance_policy")
    assert (kind, premium) == ("compulsory", 950_00)

    page.tabs.setCurrentWidget(page.renewals)
    page.renewals.list.reload()
    settle()
    assert page.tabs.tabText(2).endswith("(1)")
    select_row(page.renewals, pid)
    assert page.renewals.renew_button.isEnabled()

    def renew(dlg: PolicyDialog) -> None:
        assert dlg.number.hasFocus()
        qtbot.keyClicks(dlg.number, "JQ-002")
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
        settle()

    handled = when_modal(PolicyDialog, renew)
    page.renewals.renew_current()
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT policy_number, renewed_from_id FROM insurance_policy ORDER BY rowid") == [
        ("JQ-001", None), ("JQ-002", pid)]
    settle()
    assert finance.renewals_due(db, owner) == []
    qtbot.waitUntil(lambda: page.renewals.list.model.rowCount() == 0)


def _new_appraisal(qtbot, page, settle, customer_id: str, vin: str) -> AppraisalDialog:
    """The appraisal dialog with 张伟's Volkswagen Lavida typed in: ACV 52,000, allowance 55,000."""
    dialog = AppraisalDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.set_customer(customer_id, "张伟")
    settle()
    qtbot.keyClicks(dialog.vin, vin)
    qtbot.keyClicks(dialog.make, "Volkswagen")
    qtbot.keyClicks(dialog.model, "Lavida")
    qtbot.keyClicks(dialog.acv, "52000")
    qtbot.keyClicks(dialog.allowance, "55000")
    return dialog


def test_an_appraisal_is_typed_with_grades_and_costs_and_taken_into_stock(
        qtbot, db, db_path, owner, window, settle, select_row, when_modal):
    cid = customer(db, owner, "张伟")
    page = window.show_page("trade_ins")
    assert isinstance(page, TradeInsScreen)
    settle()
    dialog = _new_appraisal(qtbot, page, settle, cid, chinese_vin(31))
    dialog.mileage.setValue(86000)
    qtbot.keyClicks(dialog.owed, "12000")
    dialog.grade_boxes["tyres"].setCurrentIndex(dialog.grade_boxes["tyres"].findData("poor"))
    qtbot.keyClicks(dialog.condition_notes["tyres"], "worn to the limit")
    qtbot.keyClicks(dialog.costs["tyres"], "2400")
    qtbot.keyClicks(dialog.costs["cleaning"], "300")
    assert "54,700" in dialog.figures.text() and "3,000" in dialog.figures.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert not dialog.errors.labels["finance_lender"].isHidden(), "what is owed needs whom it is owed to"
    qtbot.keyClicks(dialog.lender, "SAIC Finance")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert dialog.result() == dialog.DialogCode.Accepted
    [(tid,)] = raw_rows(db_path, "SELECT id FROM trade_in")
    view = trade_ins.get_appraisal(db, owner, tid)
    assert dict((c.area, c.grade) for c in view.data.conditions)["tyres"] == "poor"
    assert view.true_cost == 54_700_00

    trade_ins.move(db, owner, tid, "accepted")
    settle()
    page.list.reload()
    settle()
    select_row(page, tid)
    assert page.take_in_button.isEnabled()

    def take_in(dlg: TakeInDialog) -> None:
        qtbot.keyClicks(dlg.stock_number, "u-77")
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
        settle()

    handled = when_modal(TakeInDialog, take_in)
    page.take_in_current()
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT stock_number, condition, status, purchase_cost FROM stock_vehicle") == [
        ("U-77", "used", "in_stock", 52_000_00)]
    assert page.last_message == f"{chinese_vin(31)} is taken into stock as used car U-77."
    assert window.statusBar().currentMessage() == page.last_message


def test_the_targets_screen_shows_a_months_figures_and_sets_targets(
        qtbot, db, db_path, owner, window, settle, when_modal):
    users.create_user(db, owner, username="anna", password="password-123", role="salesperson")
    month = date.today().replace(day=1)
    targets.set_commission_rule(db, owner, "", gross_bp=1000, per_unit=0)
    deal(db, owner, customer(db, owner), salesperson="anna", status="delivered", delivered_on=month,
         gross_profit=8_000_00)
    page = window.show_page("sales_targets")
    assert isinstance(page, SalesTargetsScreen)
    settle()
    rows = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    row = rows.index("anna")
    assert page.table.item(row, 1).text() == "1"
    assert "800" in page.table.item(row, 7).text()

    def set_targets(dlg: TargetsDialog) -> None:
        dlg.units["anna"].setValue(4)
        qtbot.keyClicks(dlg.gross["anna"], "40000")
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
        settle()

    handled = when_modal(TargetsDialog, set_targets)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT salesperson, month, units, gross FROM sales_target") == [
        ("anna", month.isoformat(), 4, 40_000_00)]
    qtbot.waitUntil(lambda: page.table.item(row, 3) is not None and page.table.item(row, 3).text() == "25%")
    QApplication.processEvents()


def test_accepting_or_changing_a_trade_in_on_an_approved_order_says_who_approves_it_now(
        qtbot, db, db_path, owner, window, settle, select_row, when_modal):
    from services.sales import deals
    from services.sales.trade_ins import AppraisalInput
    from tests.services.deal_samples import quote, stock_vehicle
    from ui.sales.trade_ins import AcceptDialog

    cid = customer(db, owner, "张伟")
    sales = users.create_user(db, owner, username="ann", password="password-123", role="salesperson",
                              display_name="王芳") and users.login(db, "ann", "password-123")
    saved = quote(db, sales, cid, stock_vehicle(db, owner, 40), discount_bp=500)
    deals.approve(db, owner, saved.id)
    deals.order(db, owner, saved.id)
    tid = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(41), make="VW", model="Passat", plate="浙A15365",
        actual_cash_value=20_000_00, allowance=20_000_00))
    page = window.show_page("trade_ins")
    settle()
    select_row(page, tid)
    said = (f"After the trade-in's change deal {saved.number} waits for the approval of the sales manager: it "
            "cannot be ordered or invoiced until then")

    def accept(dlg: AcceptDialog) -> None:
        dlg.deal.setText(saved.number)
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
        settle()

    assert when_modal(AcceptDialog, accept) is not None
    page.accept_current()
    settle()
    assert page.last_message == f"The trade-in of 浙A15365 is accepted on deal {saved.number}. {said}"
    assert window.statusBar().currentMessage() == page.last_message

    deals.approve(db, owner, saved.id)
    assert deals.get(db, owner, saved.id).approval_state == "approved"
    page.last_message = ""
    page.list.reload()
    settle()
    select_row(page, tid)
    dialog = AppraisalDialog(page.ctx, page, trade_in_id=tid)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    dialog.owed.setFocus()
    dialog.owed.selectAll()
    qtbot.keyClicks(dialog.owed, "31000")
    dialog.lender.setText("宁波银行")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert deals.get(db, owner, saved.id).approval_state == "pending"
    assert page.last_message == said


def test_an_amount_typed_wrongly_in_an_appraisal_is_refused_at_its_field_never_saved_as_nothing(
        qtbot, db, db_path, owner, window, settle):
    cid = customer(db, owner, "张伟")
    page = window.show_page("trade_ins")
    settle()
    dialog = _new_appraisal(qtbot, page, settle, cid, chinese_vin(32))
    qtbot.keyClicks(dialog.lender, "SAIC Finance")
    for field, typed in (("owed", "0.0031000"), ("costs", "24,00")):
        edit = dialog.owed if field == "owed" else dialog.costs["tyres"]
        edit.clear()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        settle()
        assert dialog.result() != dialog.DialogCode.Accepted, f"a wrong {field} must not be saved"
        assert raw_rows(db_path, "SELECT count(*) FROM trade_in") == [(0,)]
        edit.clear()


def test_no_screen_turns_a_value_typed_wrongly_into_nothing():
    """``field.value_or_none() or 0`` (or ``… if text else None``) reads a typing slip as no value and
    saves it: a field's value is read with ``value()``, which names the field's problem."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    offenders = [f"{path.relative_to(root.parent)}:{no}" for path in root.rglob("*.py")
                 for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if "value_or_none() or" in line]
    assert offenders == []
