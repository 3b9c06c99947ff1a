"""The showroom through the real widgets: a customer made in the customer dialog, a quotation beyond
the salesperson's limit typed in the deal editor, approved by the sales manager in the inbox; and
the delivery checklist saying what is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from services import lists, search
from services.sales import deals
from tests.services.deal_samples import customer, quote, stock_vehicle
from ui.context import AppContext
from ui.customers.editor import CustomerDialog
from ui.sales.approvals import ApprovalsScreen
from ui.sales.deals import DealDialog, DealsScreen
from ui.sales.delivery import DeliveryDialog


def _column(screen, key: str) -> int:
    return [c.key for c in screen.list.model.columns].index(key)


def _deal_count(db, actor) -> int:
    return lists.count(db, actor, "deals", lists.ListState())


def test_a_quotation_beyond_the_salespersons_limit_is_approved_by_the_manager_in_the_inbox(
        qtbot, db, owner, actor_for, ctx_for, show, settle, type_text, messages, monkeypatch):
    from ui.search_dialog import GlobalSearchDialog

    sales_ctx = ctx_for("salesperson")
    stock_vehicle(db, owner, 7, list_price=150_000_00)

    # The customer, through the customer dialog.
    editor = show(CustomerDialog(sales_ctx))
    type_text(editor.name, "王伟")
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert not editor.isVisible()
    wang = editor.saved_id
    assert wang

    # The quotation, in the deal editor: customer (F4), vehicle by its stock number (Enter), 6 % off.
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None:
        search.Hit("customer", wang, "王伟", "") if kinds == ("customer",) else None))
    dialog = show(DealDialog(sales_ctx))
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    assert dialog.customer_name.text() == "王伟"
    dialog.stock_text.setFocus()
    qtbot.keyClicks(dialog.stock_text, "S0007")
    qtbot.keyClick(dialog.stock_text, Qt.Key.Key_Return)
    settle()
    assert "BYD Qin" in dialog.stock_name.text()
    assert dialog.lines.values(0)["unit_price"] == 150_000_00
    qtbot.keyClicks(dialog.discount, "6%")
    assert "¥141,000.00" in dialog.totals.text()
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    settle()
    assert not dialog.isVisible()
    assert [(m.kind, m.title) for m in messages.shown] == [("information", "Approval needed")]
    assert "the approval of the sales manager" in messages.shown[0].text
    view = deals.get(db, owner, dialog.saved_id)
    assert (view.customer_name, view.total, view.approval_state, view.approval_level) == (
        "王伟", 141_000_00, "pending", 2)

    # The manager's inbox shows it; Approve.
    from ui.main_window import MainWindow

    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    inbox = window.show_page("deal_approvals")
    assert isinstance(inbox, ApprovalsScreen)
    settle()
    assert inbox.list.model.rowCount() == 1
    assert inbox.list.select_id(view.id)
    settle()
    assert "王伟" in inbox.detail.toPlainText()
    assert "waiting for the approval of the sales manager" in inbox.detail.toPlainText()
    assert inbox.list.model.index(0, _column(inbox, "approver")).data() == "Sales manager"
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    settle()
    assert deals.get(db, owner, view.id).approval_state == "approved"
    assert window.statusBar().currentMessage().startswith(f"Deal {view.number} approved;")
    qtbot.waitUntil(lambda: inbox.list.model.rowCount() == 0)

    # The salesperson's list shows it approved.
    screen = show(DealsScreen(sales_ctx))
    settle()
    assert screen.list.select_id(view.id)
    settle()
    assert screen.actions["order"].isEnabled()


def test_a_deal_sent_back_shows_the_note_in_the_editor(qtbot, db, owner, actor_for, ctx_for, show, settle,
                                                        messages, when_modal):
    sales = actor_for("salesperson")
    saved = quote(db, sales, customer(db, owner), stock_vehicle(db, owner), discount_bp=700)
    inbox = show(ApprovalsScreen(ctx_for("sales_manager")))
    settle()
    assert inbox.list.select_id(saved.id)
    settle()

    def write_note(box):
        qtbot.keyClicks(box.reason, "At most 4 %")
        box.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    from ui.sales.approvals import SendBackDialog

    when_modal(SendBackDialog, write_note)
    qtbot.keyClick(inbox.list.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert deals.get(db, owner, saved.id).sent_back_note == "At most 4 %"
    assert inbox.last_message == f"Deal {saved.number} sent back to {sales.username} with your note."
    editor = show(DealDialog(AppContext(db, sales), deal_id=saved.id))
    assert editor.sent_back.isVisible() and "At most 4 %" in editor.sent_back.text()
    assert editor.sent_back.text().startswith("Sent back by u_sales_manager:")  # who sent it back
    # The salesperson's list flags it.
    screen = show(DealsScreen(AppContext(db, sales)))
    settle()
    assert screen.list.model.rowCount() == 1
    assert screen.list.model.index(0, _column(screen, "status")).data() == "Sent back"


def test_the_delivery_checklist_names_what_is_open(qtbot, db, owner, ctx, show, settle):
    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner, documents=False))
    deals.order(db, owner, saved.id)
    dialog = show(DeliveryDialog(ctx, saved.id))
    assert dialog.rows["invoice"][0].text() == "✘"
    assert "certificate of conformity" in dialog.rows["documents"][1].text()
    assert not dialog.deliver_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert dialog.rows["keys"][0].text() == "✔"
    assert _deal_count(db, owner) == 1


def test_the_owner_sets_the_approval_levels_in_their_dialog(qtbot, db, owner, ctx, show, settle, actor_for):
    from services.sales import approvals
    from ui.sales.approvals import ApprovalLevelsDialog

    dialog = show(ApprovalLevelsDialog(ctx))
    assert dialog.grid.row_count() == 3
    dialog.grid.set_value(0, "max_discount_bp", 500)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert not dialog.isVisible()
    assert approvals.levels(db, owner)[0] == approvals.Level(1, "salesperson", 500, 500)
    saved = quote(db, actor_for("salesperson"), customer(db, owner), stock_vehicle(db, owner), discount_bp=400)
    assert saved.approval_state == "not_needed"

    again = show(ApprovalLevelsDialog(ctx))
    again.grid.set_value(2, "max_discount_bp", 2000)
    qtbot.mouseClick(again.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert again.isVisible() and "last level" in again.grid_error.text()


def test_a_sales_manager_cancels_a_deal_with_a_deposit_that_stays_as_credit(qtbot, db, owner, actor_for, ctx_for,
                                                                            show, settle, messages):
    from services.billing import payments
    from ui.sales.deals import CancelDealDialog, OrderDialog

    cid = customer(db, owner)
    saved = quote(db, owner, cid, stock_vehicle(db, owner))
    deals.order(db, owner, saved.id, deposit=5_000_00)
    manager = ctx_for("sales_manager")
    dialog = show(CancelDealDialog(manager, None, deals.get(db, manager.actor, saved.id)))
    # Paying money out is not the sales manager's: the deposit can only stay as the customer's credit.
    assert not dialog.refund.isChecked() and not dialog.refund.isEnabled()
    qtbot.keyClicks(dialog.reason, "Bought elsewhere")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle()
    assert messages.shown == [] and not dialog.isVisible()
    assert deals.get(db, owner, saved.id).status == "cancelled"
    with db.read() as conn:
        assert payments.customer_credit(conn, cid) == 5_000_00

    # Nor does ordering without the right to take payments offer a way to pay.
    other = quote(db, owner, customer(db, owner, "李娜"), stock_vehicle(db, owner, 2))
    sales = ctx_for("salesperson")
    order = show(OrderDialog(sales, None, deals.get(db, sales.actor, other.id)))
    assert not any(w.isEnabled() for w in (order.deposit, order.method, order.reference))


def test_a_paid_deal_shows_nothing_left_to_pay_and_a_cancelled_one_no_amount_to_pay(db, owner):
    from services.billing import payments
    from ui.sales.deals import deal_html

    cid = customer(db, owner)
    saved = quote(db, owner, cid, stock_vehicle(db, owner))
    deals.order(db, owner, saved.id, deposit=10_000_00)
    made = deals.invoice(db, owner, saved.id)
    assert "¥110,000.00" in deal_html(deals.get(db, owner, saved.id))
    payments.take_payment(db, owner, customer_id=cid, splits=[payments.PaymentSplit("cash", made.balance)],
                          allocations={made.number: made.balance})
    view = deals.get(db, owner, saved.id)
    assert view.balance == 0
    html = deal_html(view)
    assert "¥110,000.00" not in html and "¥0.00" in html

    other = quote(db, owner, customer(db, owner, "李娜"), stock_vehicle(db, owner, 2))
    deals.order(db, owner, other.id, deposit=5_000_00)
    deals.cancel(db, owner, other.id, "Bought elsewhere")
    assert "¥115,000.00" not in deal_html(deals.get(db, owner, other.id))


def test_the_deal_pane_names_the_salesperson_and_the_approvers_not_their_logins(db, owner, show, settle):
    from services import users
    from ui.context import AppContext

    made = {}
    for login, role, name in (("ann", "salesperson", "王芳"), ("bob", "sales_manager", "陈静")):
        users.create_user(db, owner, username=login, password="password-123", role=role, display_name=name)
        made[login] = users.login(db, login, "password-123")
    saved = quote(db, made["ann"], customer(db, owner), stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, made["bob"], saved.id)
    screen = show(DealsScreen(AppContext(db, made["bob"])))
    settle()
    assert screen.list.select_id(saved.id)
    settle()
    text = screen.detail.toPlainText()
    assert "王芳" in text and "陈静" in text
    assert "ann" not in text.split() and "bob" not in text.split()


def test_the_editor_shows_the_trade_ins_negative_equity_as_a_line_nobody_can_change_or_remove(
        qtbot, db, owner, show, settle):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput
    from tests.services.samples import chinese_vin
    from ui.widgets.line_grid import READ_ONLY_BACKGROUND

    cid = customer(db, owner)
    saved = quote(db, owner, cid, stock_vehicle(db, owner))
    trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(94), make="VW", model="Passat", actual_cash_value=50_000_00,
        allowance=50_000_00, outstanding_finance=80_000_00, finance_lender="平安银行", deal_id=saved.id))
    editor = show(DealDialog(AppContext(db, owner), deal_id=saved.id))
    grid = editor.lines
    assert grid.row_count() == 2 and grid.is_fixed(1) and not grid.is_fixed(0)
    assert grid.text(1, "description") == "Trade-in negative equity"
    assert grid.value(1, "unit_price") == 30_000_00 and grid.value(1, "total") == 30_000_00
    assert editor.automatic_hint.isVisible()
    model = grid.model
    for column in range(model.columnCount()):
        index = model.index(1, column)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert model.data(index, Qt.ItemDataRole.BackgroundRole) == READ_ONLY_BACKGROUND
        assert not model.setData(index, "1", Qt.ItemDataRole.EditRole)
    assert model.flags(model.index(0, grid.column("unit_price"))) & Qt.ItemFlag.ItemIsEditable
    # Neither the Delete key nor the button takes it away.
    grid.focus_cell(1, "description")
    assert not grid.remove_button.isEnabled()
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    grid.remove_selected()
    assert grid.row_count() == 2
    assert "¥150,000.00" in editor.totals.text()  # in the total

    grid.add_row({"kind": "accessory", "description": "脚垫", "unit_price": 800_00})
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    view = deals.get(db, owner, saved.id)
    assert [(x.kind, x.unit_price, x.automatic) for x in view.lines] == [
        ("vehicle", 120_000_00, ""), ("accessory", 800_00, ""), ("fee", 30_000_00, deals.NEGATIVE_EQUITY)]
    assert view.total == 150_800_00


def test_a_delivered_deal_is_not_edited_and_a_refusal_reads_as_one(qtbot, db, owner, ctx, show, settle, messages):
    """Edit stays off on an invoiced, delivered or cancelled deal; Enter on it says why in the status
    bar; the delivery's refusal is titled as a refusal, not as a wrong input, and names no field."""
    from services.sales import delivery

    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner))
    deals.order(db, owner, saved.id)
    deals.invoice(db, owner, saved.id)
    screen = show(DealsScreen(ctx))
    settle()
    assert screen.list.select_id(saved.id)
    settle()
    assert not screen.edit_button.isEnabled()
    qtbot.keyClick(screen.list.table, Qt.Key.Key_Return)
    settle()
    assert messages.shown == [] and "can no longer be changed" in screen.last_message

    dialog = show(DeliveryDialog(ctx, saved.id))
    dialog.deliver_button.setEnabled(True)
    dialog.deliver()
    settle()
    assert [(m.kind, m.title) for m in messages.shown] == [("warning", "Not possible now")]
    assert messages.shown[0].text.startswith(f"Deal {saved.number} cannot be delivered yet: ")
    assert delivery.checklist(db, owner, saved.id)[2].done is False

    # A deal still a quotation is edited.
    other = quote(db, owner, customer(db, owner, "李娜"), stock_vehicle(db, owner, 2))
    assert screen.list.reload() is not None or True
    settle()
    assert screen.list.select_id(other.id)
    settle()
    assert screen.edit_button.isEnabled()


def test_the_checklist_names_who_ticked_and_tells_who_opens_the_pdi_job(qtbot, db, owner, show, settle):
    """People by their names, not their logins; a user who may not open repair orders is told who does;
    a PDI job just opened is not "still open (open)"."""
    from services import users
    from services.sales import delivery

    users.create_user(db, owner, username="mgr", password="password-123", role="sales_manager",
                      display_name="陈静")
    manager = users.login(db, "mgr", "password-123")
    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner))
    deals.order(db, owner, saved.id)
    delivery.tick(db, manager, saved.id, "keys", True)
    dialog = show(DeliveryDialog(AppContext(db, manager), saved.id))
    assert "by 陈静" in dialog.rows["keys"][1].text() and "mgr" not in dialog.rows["keys"][1].text()
    assert not dialog.pdi.isVisible() and dialog.pdi_hint.isVisible()
    assert "workshop" in dialog.pdi_hint.text()
    delivery.open_pdi(db, owner, saved.id)
    dialog.reload()
    settle()
    assert not dialog.pdi_hint.isVisible()
    assert dialog.rows["pdi"][1].text().endswith("still open (not started yet)")


def test_invoicing_a_deal_asks_first_and_says_what_it_posted(qtbot, db, owner, ctx, show, settle, messages):
    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner))
    deals.order(db, owner, saved.id)
    screen = show(DealsScreen(ctx))
    settle()
    assert screen.list.select_id(saved.id)
    settle()
    messages.answer = messages.answer.No
    qtbot.keyClick(screen.list.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert [m.kind for m in messages.shown] == ["question"] and "cannot be changed" in messages.shown[0].text
    assert deals.get(db, owner, saved.id).status == "ordered"
    messages.answer = messages.answer.Yes
    qtbot.keyClick(screen.list.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert deals.get(db, owner, saved.id).status == "invoiced"
    assert [m.kind for m in messages.shown] == ["question", "question"]
    assert screen.last_message.startswith("Invoice ") and "is posted for" in screen.last_message


def test_the_trade_in_pane_shows_its_negative_equity(db, owner, ctx, show, settle):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput
    from tests.services.samples import chinese_vin
    from ui.sales.trade_ins import TradeInsScreen

    cid = customer(db, owner)
    saved = quote(db, owner, cid, stock_vehicle(db, owner))
    made = trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(94), make="VW", model="Passat", actual_cash_value=15_300_00,
        allowance=15_300_00, outstanding_finance=32_000_00, finance_lender="平安银行", deal_id=saved.id))
    screen = show(TradeInsScreen(ctx))
    settle()
    assert screen.list.select_id(made if isinstance(made, str) else made.id)
    settle()
    text = screen.detail.toPlainText()
    assert "Negative equity (charged on the deal)" in text and "-¥16,700.00" in text.replace("−", "-"), text


def test_ctrl_i_on_a_deal_waiting_for_approval_refuses_at_once_without_asking(
        qtbot, db, owner, actor_for, ctx, show, settle, messages):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput
    from tests.services.samples import chinese_vin

    cid = customer(db, owner)
    saved = quote(db, actor_for("salesperson"), cid, stock_vehicle(db, owner), discount_bp=500)
    deals.approve(db, owner, saved.id)
    deals.order(db, owner, saved.id)
    # A trade-in accepted on the ordered deal asks for the approval again.
    trade_ins.create_appraisal(db, owner, AppraisalInput(customer_id=cid, vin=chinese_vin(95), make="VW",
                                                         model="Passat", actual_cash_value=20_000_00,
                                                         allowance=20_000_00, deal_id=saved.id))
    screen = show(DealsScreen(ctx))
    settle()
    assert screen.list.select_id(saved.id)
    settle()
    messages.answer = messages.answer.Yes
    qtbot.keyClick(screen.list.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert [(m.kind, m.title) for m in messages.shown] == [("warning", "Not possible now")]  # no question first
    assert messages.shown[0].text == (f"Deal {saved.number} waits for the approval of the sales manager: it cannot "
                                      "go on until then")
    assert deals.get(db, owner, saved.id).status == "ordered"


def test_the_pane_shows_the_trade_in_figures_so_they_add_up(db, owner):
    from services.sales import trade_ins
    from services.sales.trade_ins import AppraisalInput
    from tests.services.samples import chinese_vin
    from ui.sales.deals import deal_html

    cid = customer(db, owner)
    negative = quote(db, owner, cid, stock_vehicle(db, owner))
    trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(96), make="VW", model="Passat", actual_cash_value=22_700_00,
        allowance=22_700_00, outstanding_finance=31_000_00, finance_lender="宁波银行", deal_id=negative.id))
    text = deal_html(deals.get(db, owner, negative.id))
    assert ("¥22,700.00 · finance to settle ¥31,000.00 · negative equity ¥8,300.00 (on the deal)" in text), text
    assert "Trade-in equity" not in text
    assert "¥128,300.00" in text.split("To pay")[1][:200]  # the total, the negative equity on it

    positive = quote(db, owner, cid, stock_vehicle(db, owner, 2))
    trade_ins.create_appraisal(db, owner, AppraisalInput(
        customer_id=cid, vin=chinese_vin(97), make="VW", model="Passat", actual_cash_value=30_000_00,
        allowance=30_000_00, outstanding_finance=10_000_00, finance_lender="宁波银行", deal_id=positive.id))
    text = deal_html(deals.get(db, owner, positive.id))
    assert "¥30,000.00 · finance to settle ¥10,000.00" in text and "negative equity" not in text
    equity = text.split("Trade-in equity")[1][:200].replace("−", "-")
    assert "-¥20,000.00" in equity
    assert "¥100,000.00" in text.split("To pay")[1][:200]  # 120,000 − the equity 20,000


def test_a_save_beyond_the_limits_says_what_is_beyond_and_the_hint_names_the_limits(
        qtbot, db, owner, ctx_for, show, settle, messages):
    sales_ctx = ctx_for("salesperson")
    cid = customer(db, owner)
    sid = stock_vehicle(db, owner, cost=110_000_00)  # sold at a loss with no discount
    saved = quote(db, owner, cid, sid)
    dialog = show(DealDialog(sales_ctx, deal_id=saved.id))
    assert dialog.approval_hint.text() == ("A deal with a discount above 3% or a margin below 5% is beyond your "
                                           "limits: it goes to approval before it can be ordered; any later change "
                                           "of price asks again.")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert not dialog.isVisible()
    assert [(m.kind, m.title) for m in messages.shown] == [("information", "Approval needed")]
    assert messages.shown[0].text == (f"Deal {saved.number} is beyond your limits (the margin is below the minimum "
                                      "of 5%): it waits for the approval of the sales manager before it can be "
                                      "ordered.")
