"""The stock vehicles page and the vehicle catalogue through the real widgets: adding a car from the
catalogue, filtering the list, the low-stock alert, moving a car into stock, a cost and documents."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from services import lists
from services.vehicles import catalogue, documents, inventory
from services.vehicles.catalogue import ModelInput, OptionInput, TrimInput
from store.changes import Changes
from tests.services.samples import chinese_vin
from ui.vehicles.catalogue import CatalogueScreen, ModelDialog
from ui.vehicles.stock import AddStockDialog, ArriveDialog, CostDialog, DocumentsDialog, StockScreen


def _lavida(db, owner, threshold: int = 1) -> str:
    return catalogue.save_model(db, owner, None, ModelInput(
        make="Volkswagen", name="Lavida", low_stock_threshold=threshold,
        trims=[TrimInput("1.5L 自动舒适版", 2026, 12_990_000)], options=[OptionInput("ROOF", "全景天窗", 800_000)]))


def test_the_model_checks_as_a_qt_model(qtmodeltester, db, owner, ctx, show, settle):
    model_id = _lavida(db, owner)
    trim = catalogue.get_model(db, owner, model_id).trims[0].id
    inventory.add(db, owner, inventory.StockVehicleInput(vin=chinese_vin(1), trim_id=trim))
    page = show(StockScreen(ctx))
    settle()
    assert page.list.model.rowCount() == 1
    qtmodeltester.check(page.list.model)


def test_adding_a_car_from_the_catalogue_through_the_dialog_lists_it_and_clears_the_alert(
        qtbot, db, owner, ctx, show, settle, when_modal, type_text):
    _lavida(db, owner)
    page = show(StockScreen(ctx))
    settle()
    assert page.alert.isVisible() and "Lavida: 0 of 1" in page.alert.text()
    assert page.list.model.rowCount() == 0

    def fill(dialog: AddStockDialog) -> None:
        assert dialog.trim.count() == 1 and dialog.options.count() == 1
        dialog.options.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.vin.setFocus()
        type_text(dialog.vin, "LSVAU2180N2OOOOO1")
        qtbot.keyClick(dialog.vin, Qt.Key.Key_Return)
        settle()
        assert dialog.isVisible() and dialog.errors.labels["vin"].isVisible(), "a bad VIN is refused by name"
        dialog.vin.clear()
        type_text(dialog.vin, chinese_vin(7))
        type_text(dialog.colour, "白色")
        dialog.status.setCurrentIndex(dialog.status.findData("in_stock"))
        qtbot.keyClick(dialog.colour, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    done = when_modal(AddStockDialog, fill)
    page.list.table.setFocus()
    qtbot.keyClick(page.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    settle()
    assert page.list.model.rowCount() == 1
    row = lists.fetch_page(db, owner, "stock_vehicles", lists.ListState(), limit=5).rows[0]
    d = inventory.get(db, owner, row[0])
    assert (d.vin, d.status, d.colour, d.list_price) == (chinese_vin(7), "in_stock", "白色", 13_790_000)
    # What a save broadcasts (the main window hands it to every open screen) reads the alert again.
    page.on_changed(Changes({"stock_vehicle": None}))
    settle()
    assert not page.alert.isVisible()


def test_filters_arrival_costs_and_documents_from_the_stock_page(
        qtbot, db, owner, ctx, show, settle, when_modal, select_row, type_text):
    model_id = _lavida(db, owner)
    trim = catalogue.get_model(db, owner, model_id).trims[0].id
    ordered = inventory.add(db, owner, inventory.StockVehicleInput(vin=chinese_vin(1), trim_id=trim))
    inventory.add(db, owner, inventory.StockVehicleInput(vin=chinese_vin(2), trim_id=trim, status="in_stock"))
    page = show(StockScreen(ctx))
    settle()
    assert page.list.model.rowCount() == 2
    status = page.list.filter_widgets["status"]
    status.setCurrentIndex(status.findData("on_order"))
    settle()
    assert page.list.model.rowCount() == 1
    certificate = [c.key for c in page.list.model.columns].index("coc_received")
    assert page.list.model.index(0, certificate).data() == "", "no tick: the certificate is not received"
    select_row(page, ordered)
    settle()
    assert "not been received" in page.detail.toPlainText()
    documents.save_documents(db, owner, inventory.get(db, owner, ordered).vehicle_id, [
        documents.DocumentInput("certificate_of_conformity", received_on=date.today(), kept_at="保险柜")])
    page.list.reload()
    settle()
    assert page.list.model.index(0, certificate).data() == "✓"
    documents.save_documents(db, owner, inventory.get(db, owner, ordered).vehicle_id, [
        documents.DocumentInput("certificate_of_conformity")])
    page.list.reload()
    settle()
    select_row(page, ordered)
    settle()

    def arrive(dialog: ArriveDialog) -> None:
        assert dialog.to_status.currentData() == "in_stock"
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    done = when_modal(ArriveDialog, arrive)
    qtbot.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    settle()
    assert inventory.get(db, owner, ordered).status == "in_stock"

    def cost(dialog: CostDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("freight"))
        type_text(dialog.amount, "1500")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    done = when_modal(CostDialog, cost)
    page.cost_button.click()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    settle()
    assert [(c.kind, c.amount) for c in inventory.get(db, owner, ordered).costs] == [("freight", 150_000)]

    def docs(dialog: DocumentsDialog) -> None:
        number, received, kept, _handed, _to = dialog.lines["certificate_of_conformity"]
        type_text(number, "WDK0001")
        received.set_value(date.today())
        type_text(kept, "保险柜")
        qtbot.keyClick(number, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    done = when_modal(DocumentsDialog, docs)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.keyClick(page.list.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    settle()
    vehicle_id = inventory.get(db, owner, ordered).vehicle_id
    assert [(x.kind, x.number, x.kept_at) for x in documents.documents(db, owner, vehicle_id)] == [
        ("certificate_of_conformity", "WDK0001", "保险柜")]


def test_a_salesperson_sees_stock_without_costs_or_stock_actions(db, owner, ctx_for, show, settle):
    _lavida(db, owner)
    page = show(StockScreen(ctx_for("salesperson")))
    settle()
    assert "cost" not in [c.key for c in page.list.model.columns]
    assert not page.new_button.isVisible() and not page.arrive_button.isVisible()
    assert page.documents_button.isVisible(), "sales staff hand documents and keys over at delivery"


def test_a_model_is_added_with_a_trim_and_an_option_in_the_catalogue_form(
        qtbot, db, owner, ctx, window, show, settle, type_text):
    page = window.show_page("vehicle_catalogue")
    assert isinstance(page, CatalogueScreen)
    settle()
    dialog = show(ModelDialog(ctx))
    type_text(dialog.make, "Toyota")
    type_text(dialog.name, "Camry")
    dialog.threshold.setValue(3)
    dialog.trims.enter(0, "model_year", "2026")
    dialog.trims.enter(0, "name", "2.0G 豪华版")
    dialog.trims.enter(0, "list_price", "179800")
    dialog.options.enter(0, "code", "jbl")
    dialog.options.enter(0, "name", "JBL 音响")
    dialog.options.enter(0, "price", "6000")
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle()
    view = catalogue.get_model(db, owner, dialog.saved_id)
    assert (view.make, view.name, view.low_stock_threshold) == ("Toyota", "Camry", 3)
    assert [(t.model_year, t.name, t.list_price) for t in view.trims] == [(2026, "2.0G 豪华版", 17_980_000)]
    assert [(o.code, o.price) for o in view.options] == [("JBL", 600_000)]
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=5000)
    assert QApplication.activeModalWidget() is None


def test_exported_customers_and_stock_preview_unchanged_in_the_import_dialog(
        qtbot, db, owner, ctx, show, settle, tmp_path):
    from services import customers
    from services.customers import CustomerInput
    from services.customers.files import export_customers
    from services.vehicles.files import export_vehicles
    from ui.imports import ImportDialog

    customers.create(db, owner, CustomerInput(name="Hannah Wei", city="上海"))  # no phone, no ID number
    customers.create(db, owner, CustomerInput(name="王伟", phone="13900000001", tags=["VIP"]))
    trim = catalogue.get_model(db, owner, _lavida(db, owner)).trims[0].id
    sid = inventory.add(db, owner, inventory.StockVehicleInput(vin=chinese_vin(1), trim_id=trim, status="in_stock"))
    from services.vehicles import stock
    from store.uow import UnitOfWork
    with UnitOfWork(db, owner) as uow:  # held by a deal
        stock.reserve_in(uow, sid, "deal-1")
        uow.commit()
    export_customers(db, owner, tmp_path / "customers.xlsx")
    export_vehicles(db, owner, tmp_path / "vehicles.csv")
    dialog = show(ImportDialog(ctx))
    for kind, name in (("customers", "customers.xlsx"), ("vehicles", "vehicles.csv")):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.set_file(str(tmp_path / name))
        settle()
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        settle()
        actions = [dialog.rows.item(r, 1).text() for r in range(dialog.rows.rowCount())]
        assert actions and set(actions) == {"Unchanged"}, (kind, actions)
        assert dialog.import_button.isEnabled()


def test_a_sold_cars_edit_dialog_keeps_its_booked_cost_and_arrival(qtbot, db, owner, ctx, show, settle, type_text):
    from services.sales import deals
    from tests.services.deal_samples import customer, quote, stock_vehicle
    from ui.vehicles.stock import EditStockDialog

    sid = stock_vehicle(db, owner)
    saved = quote(db, owner, customer(db, owner), sid)
    deals.order(db, owner, saved.id)
    deals.invoice(db, owner, saved.id)
    dialog = show(EditStockDialog(ctx, stock_vehicle_id=sid))
    assert not dialog.purchase_cost.isEnabled() and not dialog.arrived_on.isEnabled()
    assert "sold" in dialog.purchase_cost.toolTip() and "sold" in dialog.arrived_on.toolTip()
    assert dialog.booked_hint.isVisible() and "Add cost" in dialog.booked_hint.text()
    dialog.location.clear()
    type_text(dialog.location, "交车区")
    qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    car = inventory.get(db, owner, sid)
    assert (car.location, car.purchase_cost, car.arrived_on) == ("交车区", 90_000_00, date(2026, 11, 1))
