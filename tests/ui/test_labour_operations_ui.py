"""The labour operations screen, driven through its real widgets: an operation typed with its parts
kit (a bad part number marked on its line), the detail pane, deleting, the labour rates form, and
the calendar's parts to prepare."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from services import search
from services.parts import stock
from services.workshop import appointments as appts
from services.workshop import catalogue
from tests.services.workshop_samples import shop
from ui.search_dialog import GlobalSearchDialog
from ui.workshop.operations import LabourOperationsScreen, OperationDialog, RatesDialog


def _type_cell(qtbot, grid, row: int, key: str, text: str) -> None:
    grid.focus_cell(row, key, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_an_operation_is_typed_with_its_kit_and_a_bad_part_number_is_marked_on_its_line(
        qtbot, db, owner, ctx, show, settle):
    s = shop(db, owner)
    dialog = show(OperationDialog(ctx))
    assert dialog.code.hasFocus()
    qtbot.keyClicks(dialog.code, "svc-10")
    qtbot.keyClicks(dialog.description, "Oil service")
    qtbot.keyClicks(dialog.system, "Maintenance")
    qtbot.keyClicks(dialog.hours, "0.8")
    _type_cell(qtbot, dialog.kit, 0, "part_number", "0986-of-1")
    _type_cell(qtbot, dialog.kit, 0, "quantity", "1")
    dialog.kit.add_row()
    _type_cell(qtbot, dialog.kit, 1, "part_number", "NO-SUCH")
    _type_cell(qtbot, dialog.kit, 1, "quantity", "4.5")
    settle()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.isVisible() and "Line 2" in dialog.kit_error.text()
    assert dialog.kit.error(1, "part_number")
    assert catalogue.operations(db, owner) == []  # nothing saved

    _type_cell(qtbot, dialog.kit, 1, "part_number", "0986-BP-1")
    settle()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    [op] = catalogue.operations(db, owner)
    assert (op.code, op.description, op.system, op.standard_hours) == ("SVC-10", "Oil service", "Maintenance", 80)
    view = catalogue.get_operation(db, owner, op.id)
    assert [(p.part_id, p.quantity) for p in view.parts] == [(s.parts[0], 1000), (s.parts[1], 4500)]


def test_the_screen_lists_operations_shows_the_kit_and_deletes_one_not_in_use(
        qtbot, db, owner, window, settle, select_row, monkeypatch):
    s = shop(db, owner)
    op = catalogue.create_operation(db, owner, catalogue.OperationInput(
        "SVC-10", "Oil service", "Maintenance", 80, parts=[catalogue.KitPartInput(part_id=s.parts[0])]))
    page = window.show_page("labour_operations")
    assert isinstance(page, LabourOperationsScreen)
    settle()
    select_row(page, op)
    text = page.detail.toPlainText()
    assert "SVC-10" in text and "0986-OF-1" in text and "Oil filter" in text and "0.8" in text
    shown = page.list.model.index(0, 3).data()
    assert shown == "0.80", "standard hours are shown as hours"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_Delete)
    settle()
    qtbot.waitUntil(lambda: catalogue.operations(db, owner, include_inactive=True) == [], timeout=5000)
    settle()
    assert page.list.model.rowCount() == 0


def test_a_technician_sees_the_catalogue_but_cannot_change_it(ctx_for, show, settle):
    page = show(LabourOperationsScreen(ctx_for("technician")))
    settle()
    assert not page.new_button.isVisible() and not page.delete_button.isVisible()
    assert not page.rates_button.isVisible()


def test_the_rates_form_sets_every_pay_type_and_whom_warranty_is_invoiced_to(
        qtbot, db, owner, ctx, show, settle, monkeypatch):
    from tests.services.billing_samples import customer

    maker = customer(db, owner, "FAW-Volkswagen")
    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(
        lambda cls, ctx, parent=None, *, kinds=None, title=None: search.Hit("customer", maker, "FAW-Volkswagen", "")))
    dialog = show(RatesDialog(ctx))
    for pay_type, text in (("customer", "380"), ("warranty", "260"), ("internal", "abc")):
        dialog.rates[pay_type].setText(text)
    dialog.pick("warranty")
    assert dialog.bill_to_names["warranty"].text() == "FAW-Volkswagen"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.isVisible() and dialog.errors.labels["internal.hourly_rate"].isVisible()
    assert {r.pay_type: r.hourly_rate for r in catalogue.rates(db, owner)}["customer"] == 0, "nothing saved"

    dialog.rates["internal"].setText("180")
    qtbot.keyClick(dialog.rates["internal"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    rates = {r.pay_type: r for r in catalogue.rates(db, owner)}
    assert [rates[p].hourly_rate for p in ("customer", "warranty", "internal", "insurance")] == [38000, 26000, 18000, 0]
    assert rates["warranty"].bill_to_customer_id == maker and rates["customer"].bill_to_customer_id is None


def test_the_calendar_shows_the_parts_to_prepare_for_tomorrow_with_what_is_short(
        qtbot, db, owner, ctx, show, settle, when_modal):
    from ui.workshop.calendar import CalendarScreen, PrepareDialog

    s = shop(db, owner)
    stock.reserve(db, owner, s.parts[1], 18_000, "RO-OTHER")  # 2 brake pads left available
    catalogue.create_operation(db, owner, catalogue.OperationInput("BRK-01", "Front brake pads", "Brakes", 120, parts=[
        catalogue.KitPartInput(part_id=s.parts[1], quantity=4000)]))
    tomorrow = date.today() + timedelta(days=1)
    appts.book(db, owner, appts.AppointmentInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                 starts_at=datetime.combine(tomorrow, time(9)),
                                                 operation_codes=["BRK-01"]))
    screen = show(CalendarScreen(ctx))
    settle()
    seen: list[list[str]] = []

    def look(dialog: PrepareDialog) -> None:
        settle()
        table = dialog.table
        seen.extend([[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())])
        dialog.reject()

    handled = when_modal(PrepareDialog, look)
    qtbot.mouseClick(screen.prepare_button, Qt.MouseButton.LeftButton)
    assert handled
    assert seen and seen[0][0] == "0986-BP-1" and seen[0][3:6] == ["4", "2", "2"]


def _ops_file(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["工时代码", "项目名称", "系统", "标准工时"])
    wb.active.append(["BRK-01", "前刹车片更换", "Brakes", "1.5"])
    wb.active.append(["ENG-10", "正时皮带更换", "Engine", 3.25])
    path = tmp_path / "ops.xlsx"
    wb.save(path)
    return str(path)


def test_labour_operations_are_imported_through_the_real_import_dialog(
        qtbot, db, owner, tmp_path, window, settle, when_modal, messages):
    from ui.imports import ImportDialog

    page = window.show_page("labour_operations")
    assert isinstance(page, LabourOperationsScreen) and page.import_button.isVisible()
    path = _ops_file(tmp_path)

    def wizard(dialog: ImportDialog) -> None:
        assert dialog.kind_name() == "labour-ops"
        dialog.set_file(path)
        settle()
        assert dialog.current_mapping() == {"code": "工时代码", "description": "项目名称", "system": "系统",
                                            "standard_hours": "标准工时"}
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        settle()
        assert dialog.rows.rowCount() == 2 and dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(ImportDialog, wizard)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    settle()

    assert handled and messages.kinds() == ["information"]
    assert {(o.code, o.standard_hours) for o in catalogue.operations(db, owner)} == {("BRK-01", 150), ("ENG-10", 325)}
    assert page.list.model.rowCount() == 2


def test_file_import_offers_each_area_s_kinds_the_user_may_run(qtbot, ctx_for, show):
    from ui.imports import ImportDialog

    def kinds(role: str) -> list[str]:
        dialog = show(ImportDialog(ctx_for(role)))
        names = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        dialog.close()
        return names

    assert kinds("foreman") == ["labour-ops", "surveys", "campaigns"]
    assert kinds("service_advisor") == ["customers", "surveys"]
    assert kinds("parts_clerk") == ["parts", "price-list", "stock-count"]


def test_the_file_menu_imports_labour_operations(qtbot, db, owner, tmp_path, window, settle, when_modal, messages):
    from ui.imports import ImportDialog

    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if a.objectName() == "importAction"]
    path = _ops_file(tmp_path)

    def wizard(dialog: ImportDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("labour-ops"))
        dialog.set_file(path)
        settle()
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        settle()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        settle()

    handled = when_modal(ImportDialog, wizard)
    action.trigger()
    settle()
    assert handled and messages.kinds() == ["information"]
    assert len(catalogue.operations(db, owner)) == 2


def test_a_kit_quantity_with_a_comma_and_missing_hours_are_refused_saying_why(qtbot, db, owner, ctx, show, settle):
    shop(db, owner)
    dialog = show(OperationDialog(ctx))
    qtbot.keyClicks(dialog.code, "svc-20")
    qtbot.keyClicks(dialog.description, "Oil service")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.isVisible() and dialog.errors.labels["standard_hours"].isVisible(), "an operation needs its hours"
    qtbot.keyClicks(dialog.hours, "1")
    _type_cell(qtbot, dialog.kit, 0, "part_number", "0986-OF-1")
    _type_cell(qtbot, dialog.kit, 0, "quantity", "1,5")
    settle()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.isVisible() and "Line 1" in dialog.kit_error.text()
    assert "more than zero" not in dialog.kit_error.text(), dialog.kit_error.text()
    assert catalogue.operations(db, owner) == []


def test_deleting_an_operation_in_use_says_so_at_once_and_keeps_it(qtbot, db, owner, window, settle, select_row,
                                                                   messages):
    s = shop(db, owner)
    op = catalogue.create_operation(db, owner, catalogue.OperationInput("BRK-01", "Front brake pads", "Brakes", 120))
    appts.book(db, owner, appts.AppointmentInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                 starts_at=datetime.combine(date.today() + timedelta(days=1), time(9)),
                                                 operation_codes=["BRK-01"]))
    page = window.show_page("labour_operations")
    settle()
    select_row(page, op)
    page.delete_current()
    settle()
    assert messages.kinds() == ["information"] and "BRK-01" in messages.shown[0].text
    assert [o.code for o in catalogue.operations(db, owner)] == ["BRK-01"]


def test_parts_to_prepare_lists_what_advisors_typed_and_exports_the_cli_layout(
        qtbot, db, owner, ctx, show, settle, tmp_path, monkeypatch):
    import openpyxl

    from ui.workshop import calendar as calendar_ui
    from ui.workshop.calendar import PrepareDialog

    s = shop(db, owner)
    catalogue.create_operation(db, owner, catalogue.OperationInput("BRK-01", "Front brake pads", "Brakes", 120, parts=[
        catalogue.KitPartInput(part_id=s.parts[1], quantity=2000)]))
    tomorrow = date.today() + timedelta(days=1)
    appts.book(db, owner, appts.AppointmentInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                 starts_at=datetime.combine(tomorrow, time(9)),
                                                 operation_codes=["BRK-01"], parts_note="Wiper blades"))
    dialog = show(PrepareDialog(ctx, tomorrow))
    settle()
    qtbot.waitUntil(lambda: dialog.typed.isVisible())
    assert "Wiper blades" in dialog.typed.text() and dialog.table.rowCount() == 1
    path = tmp_path / "prepare.xlsx"
    monkeypatch.setattr(calendar_ui, "ask_path", lambda *_a: str(path))
    dialog.export()
    qtbot.waitUntil(lambda: path.exists(), timeout=10000)
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(path).active.iter_rows()]
    assert rows[0][0] == "part_number" and rows[1][3:6] == [2, 20, 0] and rows[2][1] == "Wiper blades"
    dialog.day.set_value(tomorrow + timedelta(days=1))
    settle()
    qtbot.waitUntil(lambda: "still to come" in dialog.empty.text())
