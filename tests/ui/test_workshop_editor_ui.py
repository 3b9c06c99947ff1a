"""The repair order editor, driven through its real widgets: reception, a job with labour and a part
through the stock ledger, the status flow with a refusal shown, and one click to invoice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from sqlalchemy import select

from models.billing import Invoice
from services import search
from services.parts import stock
from services.workshop import catalogue as labour
from services.workshop import invoicing, menus, orders
from tests.services.workshop_samples import shop
from ui.search_dialog import GlobalSearchDialog
from ui.workshop.editor import RepairOrderEditor, _Form


def _fill(qtbot, dialog, values: dict[str, str]) -> None:
    """Type into the form's fields by name (a combo box chooses the item whose data is the value),
    press Save and wait until the service accepted it and the form closed."""
    for name, text in values.items():
        widget = dialog.findChild(QLineEdit, name) or dialog.findChild(QComboBox, name)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(text))
            continue
        widget.clear()
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    try:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    except AssertionError:
        shown = [label.text() for label in dialog.errors.labels.values() if label.text()]
        raise AssertionError(f"the form was not saved: {shown}") from None


def _shortcut(qtbot, editor, key, form_values, when_modal):
    # Shortcuts reach the editor once it is the active window again after the last form closed.
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    handled = when_modal(_Form, lambda d: _fill(qtbot, d, form_values))
    with qtbot.waitSignal(editor.loaded, timeout=10000, raising=False) as blocker:
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
    assert handled, "the form opened"
    assert blocker.signal_triggered, "the repair order was read again"


def _click(qtbot, editor, button):
    assert button.isEnabled(), button.text()
    with qtbot.waitSignal(editor.loaded, timeout=10000, raising=False) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.signal_triggered, (editor.lines_error.text(), editor.status_error.text())


def _move(qtbot, editor, status):
    editor.next_status.setCurrentIndex(editor.next_status.findData(status))
    _click(qtbot, editor, editor.move_button)


def test_a_repair_order_is_built_in_the_editor_completed_and_invoiced(
        qtbot, db, owner, ctx, show, settle, when_modal, messages, monkeypatch):
    s = shop(db, owner)
    labour.create_operation(db, owner, labour.OperationInput(code="BRK-01", description="Front brake pads R&R",
                                                             standard_hours=150))
    hits = {"customer": search.Hit("customer", s.customer_id, "Wang Fang 1", ""),
            "vehicle": search.Hit("vehicle", s.vehicle_id, "沪A00001", "Volkswagen Lavida")}
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None: hits[kinds[0]]))

    editor = show(RepairOrderEditor(ctx))
    assert not editor.work_area.isEnabled(), "jobs wait until the repair order is opened"
    qtbot.mouseClick(editor.choose_customer, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_F6)
    assert editor.vehicle_name.text() == "沪A00001 · Volkswagen Lavida"
    qtbot.keyClicks(editor.mileage, "9000")
    qtbot.keyClicks(editor.concerns, "Squeal when braking")
    qtbot.keyClick(editor.concerns, Qt.Key.Key_Return)
    settle()
    # Below the car's recorded 10,000 km: refused beside the field, and a reason can be given.
    assert "lower than the last recorded" in editor.errors.labels["mileage_in"].text()
    assert editor.override.isVisible() and editor.repair_order_id is None
    editor.mileage.clear()
    qtbot.keyClicks(editor.mileage, "12500")
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        qtbot.keyClick(editor.mileage, Qt.Key.Key_Return)
    ro = orders.get(db, owner, editor.repair_order_id)
    assert (ro.status, ro.mileage_in, ro.concerns, ro.customer_id) == ("open", 12500, "Squeal when braking",
                                                                       s.customer_id)
    assert ro.number in editor.windowTitle() and editor.work_area.isEnabled()

    _shortcut(qtbot, editor, Qt.Key.Key_J, {"description": "Replace front brake pads", "pay_type": "customer"},
              when_modal)
    _shortcut(qtbot, editor, Qt.Key.Key_L, {"operation_code": "brk-01", "technician": "owner"}, when_modal)
    _shortcut(qtbot, editor, Qt.Key.Key_P, {"part_id": "0986-BP-1", "quantity": "2"}, when_modal)
    assert [editor.lines.text(r, "description") for r in range(editor.lines.row_count())] == [
        "Front brake pads R&R", "Brake pads"]
    assert editor.lines.text(0, "amount") == "¥450.00"  # 1.5 h at ¥300.00
    assert editor.lines.text(1, "amount") == "¥900.00"
    assert "¥1,350.00" in editor.totals.text()

    editor.lines.view.selectRow(1)
    _click(qtbot, editor, editor.reserve_button)
    with db.read() as conn:
        assert stock.stock_level(conn, s.parts[1]).reserved == 2_000
    _move(qtbot, editor, "in_progress")
    _move(qtbot, editor, "quality_check")
    editor.next_status.setCurrentIndex(editor.next_status.findData("completed"))
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    # Refused: the reserved parts are neither issued nor released. The reason shows; nothing moved.
    assert editor.status_error.isVisible() and "still reserved" in editor.status_error.text()
    assert orders.get(db, owner, editor.repair_order_id).status == "quality_check"
    assert not editor.invoice_button.isEnabled()

    editor.lines.view.selectRow(1)
    _click(qtbot, editor, editor.issue_button)
    assert editor.lines.text(1, "stock") == "0 / 2 / 0"
    _move(qtbot, editor, "completed")
    assert editor.status_label.text() == "Completed" and editor.invoice_button.isEnabled()

    _click(qtbot, editor, editor.invoice_button)
    assert [m.kind for m in messages.shown] == ["question"]
    ro = orders.get(db, owner, editor.repair_order_id)
    assert ro.status == "invoiced" and editor.status_label.text() == "Invoiced"
    [made] = editor.made
    assert made.number in editor.totals.text()
    with db.read() as conn:
        status, total = conn.execute(select(Invoice.status, Invoice.total).where(Invoice.id == made.invoice_id)).one()
    assert (status, total) == ("posted", 135000)
    assert not editor.save_button.isEnabled() and not editor.add_job_button.isEnabled()


def test_a_technician_sees_the_work_in_the_editor_without_amounts(qtbot, db, owner, ctx_for, show, settle):
    s = shop(db, owner)
    ro_id, _ = orders.open_order(db, owner, orders.RepairOrderInput(customer_id=s.customer_id,
                                                                    vehicle_id=s.vehicle_id, mileage_in=12000))
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Brakes", pay_type="customer"))
    orders.add_labour(db, owner, job_id, orders.LabourInput(description="Brake pads R&R", hours=150))
    editor = show(RepairOrderEditor(ctx_for("technician"), ro_id))
    assert editor.lines.text(0, "description") == "Brake pads R&R"
    assert editor.lines.view.isColumnHidden(editor.lines.column("amount"))
    assert editor.totals.text() == "" and not editor.invoice_button.isVisible()
    assert not editor.add_job_button.isEnabled() and not editor.save_button.isEnabled()


def test_the_repair_orders_screen_opens_the_editor_and_invoices_a_completed_order_in_one_click(
        qtbot, db, owner, ctx, show, settle, when_modal, messages):
    from ui.workshop.screen import RepairOrdersScreen

    s = shop(db, owner)
    ro_id, number = orders.open_order(db, owner, orders.RepairOrderInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12000))
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Brakes", pay_type="customer"))
    orders.add_labour(db, owner, job_id, orders.LabourInput(description="Brake pads R&R", hours=150))
    page = show(RepairOrdersScreen(ctx))
    settle()
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: number in page.detail.toPlainText())
    assert not page.invoice_button.isEnabled()
    titles: list[str] = []
    when_modal(RepairOrderEditor, lambda editor: titles.append(editor.windowTitle()))
    qtbot.keyClick(page.list.table, Qt.Key.Key_F2)
    assert titles == [f"Repair order {number}"]

    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status)
    page.load_detail()
    settle()
    assert page.invoice_button.isEnabled()
    qtbot.mouseClick(page.invoice_button, Qt.MouseButton.LeftButton)
    settle()
    assert orders.get(db, owner, ro_id).status == "invoiced"
    assert [m.kind for m in messages.shown] == ["question", "information"]
    assert number in page.last_message and "¥450.00" in page.last_message
    qtbot.waitUntil(lambda: not page.invoice_button.isEnabled())


def test_a_service_package_is_kept_in_its_catalogue_dialog_and_a_bad_part_number_is_pointed_at(
        qtbot, db, owner, ctx, show, settle):
    from tests.ui.test_billing_ui import _choose_cell, _type_cell
    from ui.workshop.menus import PackagesDialog

    s = shop(db, owner)
    labour.create_operation(db, owner, labour.OperationInput(code="SVC-10", description="Oil service",
                                                             standard_hours=80))
    dialog = show(PackagesDialog(ctx))
    assert dialog.list.count() == 0 and dialog.code.hasFocus()
    qtbot.keyClicks(dialog.code, "s10k")
    qtbot.keyClicks(dialog.name, "10,000 km service")
    qtbot.keyClicks(dialog.price, "400")
    _type_cell(qtbot, dialog.items, 0, "code", "svc-10")
    dialog.items.add_row()
    _choose_cell(qtbot, dialog.items, 1, "kind", "part")
    _type_cell(qtbot, dialog.items, 1, "code", "NO-SUCH")
    _type_cell(qtbot, dialog.items, 1, "quantity", "1")
    dialog.scopes.add_row()
    _type_cell(qtbot, dialog.scopes, 0, "model_family", "Lavida")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert "Line 2" in dialog.items_error.text() and dialog.items.error(1, "code")
    assert dialog.saved == 0
    _type_cell(qtbot, dialog.items, 1, "code", "0986-OF-1")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.saved == 1 and dialog.list.count() == 1
    [menu] = menus.list_menus(db, owner)
    assert (menu.code, menu.name, menu.price, menu.active) == ("S10K", "10,000 km service", 40000, True)
    assert [(i.kind, i.operation_code, i.part_id, i.quantity) for i in menu.items] == [
        ("labour", "SVC-10", None, 0), ("part", "", s.parts[0], 1000)]
    assert [sc.model_family for sc in menu.scopes] == ["Lavida"]
    assert [m.code for m in menus.menus_for_vehicle(db, owner, s.vehicle_id)] == ["S10K"]


def test_the_job_card_shows_the_warranty_claim_and_the_insurers_excess(qtbot, db, owner, ctx, show, settle):
    from datetime import date

    from services.workshop import warranty
    from tests.services.billing_samples import customer
    from ui.workshop.screen import RepairOrdersScreen

    s = shop(db, owner)
    insurer = customer(db, owner, "PICC Shanghai")
    ro_id, number = orders.open_order(db, owner, orders.RepairOrderInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12000, insurer_id=insurer,
        insurance_excess=50000, insurance_claim_ref="PICC-778"))
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Water pump", pay_type="warranty"))
    warranty.set_warranty(db, owner, job_id, warranty.WarrantyInput(
        condition="Coolant leak", cause="Seal failed", correction="Replaced pump", failed_part="Water pump",
        failed_part_number="06H121026", failed_on=date.today(), claim_number="VW-CLM-0042"))
    page = show(RepairOrdersScreen(ctx))
    settle()
    assert page.list.select_id(ro_id)
    qtbot.waitUntil(lambda: number in page.detail.toPlainText())
    text = page.detail.toPlainText()
    for expected in ("PICC Shanghai · PICC-778", "¥500.00", "VW-CLM-0042", "Coolant leak", "Seal failed",
                     "Replaced pump", "Water pump · 06H121026"):
        assert expected in text, expected


def test_the_editor_charges_parts_as_the_invoice_will_and_asks_before_completing_with_parts_not_issued(
        qtbot, db, owner, ctx, show, settle, messages, monkeypatch):
    """Planned parts count while none was issued; once issued (or the work is done) the parts issued
    less returned, so the total shown is what the invoices come to."""
    from PySide6.QtWidgets import QMessageBox

    from services.workshop import parts as workshop_parts

    s = shop(db, owner)
    ro_id, _ = orders.open_order(db, owner, orders.RepairOrderInput(customer_id=s.customer_id,
                                                                    vehicle_id=s.vehicle_id, mileage_in=12000))
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Service", pay_type="customer"))
    filters = orders.add_part(db, owner, job_id, orders.PartLineInput(part_id=s.parts[0], quantity=3_000))
    orders.add_part(db, owner, job_id, orders.PartLineInput(part_id=s.parts[1], quantity=1_000))  # never issued
    editor = show(RepairOrderEditor(ctx, ro_id))
    assert "¥654.00" in editor.totals.text()  # 3 × ¥68.00 + ¥450.00, planned
    workshop_parts.issue_part(db, owner, filters, 2_000)
    workshop_parts.return_part(db, owner, filters, 1_000)
    for status in ("in_progress", "quality_check"):
        if orders.get(db, owner, ro_id).status != status:
            orders.set_status(db, owner, ro_id, status)
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        editor.reload()
    assert editor.lines.text(0, "amount") == "¥68.00"  # one filter used
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    editor.next_status.setCurrentIndex(editor.next_status.findData("completed"))
    editor.move_status()
    settle()
    assert asked and "Brake pads" in asked[0] and "Oil filter (2)" in asked[0]
    assert orders.get(db, owner, ro_id).status == "quality_check", "No leaves it as it was"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _move(qtbot, editor, "completed")
    shown_total = editor.totals.text()
    made = invoicing.close_into_invoices(db, owner, ro_id)
    assert sum(m.total for m in made) == 6800 and "¥68.00" in shown_total


def test_completing_with_a_health_check_not_fully_rated_is_asked_first(qtbot, db, owner, ctx, show, settle,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from services.workshop import health_check

    s = shop(db, owner)
    ro_id, _ = orders.open_order(db, owner, orders.RepairOrderInput(customer_id=s.customer_id,
                                                                    vehicle_id=s.vehicle_id, mileage_in=12000))
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Service", pay_type="customer"))
    orders.add_labour(db, owner, job_id, orders.LabourInput(description="Oil service", hours=80))
    template = health_check.save_template(db, owner, "Quick", [("Brakes", "Pads"), ("Tyres", "Tread"),
                                                               ("Lights", "Headlamps")])
    check_id = health_check.start_check(db, owner, ro_id, template)
    first = health_check.get_check(db, owner, check_id).items[0]
    health_check.rate_item(db, owner, first.id, "green")
    for status in ("in_progress", "quality_check"):
        orders.set_status(db, owner, ro_id, status)
    editor = show(RepairOrderEditor(ctx, ro_id))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    editor.next_status.setCurrentIndex(editor.next_status.findData("completed"))
    editor.move_status()
    settle()
    assert asked and "2 point(s)" in asked[0]
    assert orders.get(db, owner, ro_id).status == "quality_check"


def test_the_advisor_is_chosen_by_name_and_saved_as_the_user(qtbot, db, owner, ctx, actor_for, show, settle):
    from services import users

    advisor, cashier = actor_for("service_advisor"), actor_for("cashier")
    advisor_id = next(u.id for u in users.list_users(db, owner) if u.username == advisor.username)
    users.update_user(db, owner, advisor_id, display_name="Li Na")
    s = shop(db, owner)
    ro_id, _ = orders.open_order(db, owner, orders.RepairOrderInput(customer_id=s.customer_id,
                                                                    vehicle_id=s.vehicle_id, mileage_in=12000))
    editor = show(RepairOrderEditor(ctx, ro_id))
    settle()
    assert isinstance(editor.advisor, QComboBox)
    assert editor.advisor.currentText() == "Olivia Owner", "the advisor reads by name, not by login"
    logins = [editor.advisor.itemData(i) for i in range(editor.advisor.count())]
    assert owner.username in logins and advisor.username in logins
    assert cashier.username not in logins, "only those who take repair orders are offered"
    editor.advisor.setCurrentIndex(editor.advisor.findText("Li Na"))
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert orders.get(db, owner, ro_id).advisor == advisor.username
