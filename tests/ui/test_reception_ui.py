"""Receiving a car and running its health check through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from services.imports import framework
from services.workshop import estimates, health_check, orders, reception
from services.workshop.estimates import EstimateLineInput
from services.workshop.reception import CheckInInput
from tests.services.samples import chinese_vin
from tests.services.workshop_samples import shop
from ui.main_window import MainWindow
from ui.workshop.health_check import EstimateDialog, EstimatesDialog, HealthCheckDialog
from ui.workshop.reception import ReceptionScreen

ITEMS = [("Brakes", "Front pads"), ("Brakes", "Brake fluid"), ("Tyres", "Tread depth"), ("Lights", "Headlamps")]


def _recall(db, owner, tmp_path) -> None:
    path = tmp_path / "recall.csv"
    path.write_text(f"code,title,vin\nRC-7,Seat belt buckle,{chinese_vin(1)}\n", encoding="utf-8")
    assert framework.run(db, owner, path, "campaigns").written


def test_reception_finds_the_car_shows_what_is_known_and_checks_it_in(qtbot, db, owner, ctx, show, settle, type_text,
                                                                    tmp_path):
    shop(db, owner)
    _recall(db, owner, tmp_path)
    window = show(MainWindow(ctx))
    settle()
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    settle()
    page = window.stack.currentWidget()
    assert isinstance(page, ReceptionScreen)
    assert QApplication.focusWidget() is page.find

    type_text(page.find, "00001")
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: "RC-7" in page.known.toPlainText())
    assert "Seat belt buckle" in page.known.toPlainText() and "Nothing declined" in page.known.toPlainText()
    assert "No handover has set a next service yet." in page.known.toPlainText()
    assert page.customer.text() == "Wang Fang 1"
    assert QApplication.focusWidget() is page.mileage

    type_text(page.mileage, "9000")
    qtbot.keyClick(page.mileage, Qt.Key.Key_Tab)
    page.fuel.setCurrentIndex(page.fuel.findData(3))
    type_text(page.concerns, "刹车异响")
    page.damage.setCurrentCell(0, 0)
    page.damage.setFocus()
    qtbot.keyClick(page.damage, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "Bonnet")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_text(page.estimate, "880")
    qtbot.keyClick(page.mileage, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    # Below the vehicle record's 10,000 km: questioned, with a place for the reason.
    assert page.override.isVisible() and page.repair_order_id is None
    assert "10,000" in page.errors.labels["mileage_in"].text()
    type_text(page.override, "Odometer replaced")
    qtbot.keyClick(page.override, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    qtbot.waitUntil(lambda: page.repair_order_id is not None)

    view = reception.get_check_in(db, owner, page.repair_order_id)
    assert (view.mileage_in, view.mileage_override, view.fuel_level, view.concerns, view.price_estimate) == (
        9000, "Odometer replaced", 3, "刹车异响", 88_000)
    assert [(d.position, d.note) for d in view.damage] == [("Bonnet", "")]
    assert view.number in page.done_label.text()
    assert page.print_button.isEnabled() and not page.check_in_button.isEnabled()
    # The refusal answered is gone, and what is known about the car keeps its share of the width.
    assert not page.errors.labels["mileage_in"].isVisible()
    assert page.known.width() >= 0.4 * page.width(), (page.known.width(), page.width())
    # The accepted mileage is the car's reading from now on.
    qtbot.waitUntil(lambda: "9,000" in page.known.toPlainText())

    qtbot.waitUntil(lambda: page.campaign_button.isEnabled())
    page.campaign_button.click()
    settle()
    assert [j.description for j in orders.get(db, owner, page.repair_order_id).jobs] == ["RC-7 Seat belt buckle"]
    qtbot.waitUntil(lambda: "RC-7" not in page.known.toPlainText())


def test_a_health_check_is_started_rated_priced_and_answered_from_the_keyboard(qtbot, db, owner, ctx, show, settle,
                                                                               messages, type_text, when_modal):
    s = shop(db, owner)
    ro_id, _number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                                mileage_in=12_000))
    health_check.save_template(db, owner, "Basic", ITEMS)
    dialog = show(HealthCheckDialog(ctx, ro_id))
    settle()
    assert dialog.start_row.isVisible() and dialog.template.currentText() == "Basic (4 points)"
    dialog.start_button.click()
    settle()
    assert dialog.table.rowCount() == 4 and not dialog.start_row.isVisible()

    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 1)
    for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
        qtbot.keyClick(dialog.table, key)
        settle()
    check = health_check.get_check(db, owner, health_check.checks_of(db, owner, ro_id)[0])
    assert [i.rating for i in check.items] == ["red", "amber", "green", ""]

    dialog.table.setCurrentCell(0, 3)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    type_text(QApplication.focusWidget(), "2 mm left")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The editor hands its text over once the key press is done.
    qtbot.waitUntil(lambda: health_check.get_check(db, owner, check.id).items[0].note == "2 mm left")
    settle()

    dialog.finish_button.click()
    settle()
    assert health_check.get_check(db, owner, check.id).completed_at is None
    assert "Headlamps" in messages.shown[-1].text

    def price(estimate: EstimateDialog) -> None:
        type_text(estimate.labour, "Replace pads")
        type_text(estimate.hours, "1.2")
        estimate.buttons.button(estimate.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not estimate.isVisible())

    dialog.table.setCurrentCell(0, 1)
    assert dialog.estimate_button.isEnabled()
    done = when_modal(EstimateDialog, price)
    dialog.estimate_button.click()
    settle()
    assert done
    qtbot.waitUntil(lambda: "¥360.00" in dialog.table.item(0, 5).text())
    assert dialog.approve_button.isEnabled()
    dialog.approve_button.click()
    settle()
    estimate = estimates.estimates_of(db, owner, ro_id)[0]
    assert (estimate.status, estimate.decided_by) == ("approved", "owner")
    assert [line.description for line in orders.get(db, owner, ro_id).jobs[0].labour] == ["Replace pads"]

    dialog.table.setCurrentCell(3, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    settle()
    dialog.finish_button.click()
    settle()
    assert health_check.get_check(db, owner, check.id).completed_at is not None
    qtbot.waitUntil(lambda: "finished" in dialog.heading.text())


def test_declined_work_shows_at_the_next_visit_and_is_offered_again(qtbot, db, owner, ctx, show, settle, type_text,
                                                                    messages):
    s = shop(db, owner)
    first, number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                               mileage_in=12_000))
    job = orders.add_job(db, owner, first, orders.JobInput("Service", pay_type="customer"))
    declined = estimates.estimate_extra_work(db, owner, job, "Wiper blades",
                                             [EstimateLineInput("labour", "Wipers", hours=20)])
    estimates.decline(db, owner, declined)
    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, first, status)
    page = show(ReceptionScreen(ctx))
    type_text(page.find, "沪A00001")
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: "Wiper blades" in page.known.toPlainText())
    assert number in page.known.toPlainText() and "Comeback" in page.known.toPlainText()
    type_text(page.mileage, "12500")
    page.check_in_button.click()
    settle()
    assert messages.kinds() == ["question"], "the first visit is not invoiced yet: a second order is asked for"
    qtbot.waitUntil(lambda: page.declined_button.isEnabled())
    page.declined_button.click()
    settle()
    again = [e for e in estimates.estimates_of(db, owner, page.repair_order_id)]
    assert [(e.description, e.offered_from_id) for e in again] == [("Wiper blades", declined)]


def test_extra_work_found_on_a_job_is_priced_and_approved_from_the_repair_orders_screen(qtbot, db, owner, ctx, show,
                                                                                        settle, type_text, when_modal):
    s = shop(db, owner)
    ro_id, _number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                                mileage_in=12_000))
    job = orders.add_job(db, owner, ro_id, orders.JobInput("Brake service", pay_type="customer"))
    window = show(MainWindow(ctx))
    settle()
    page = window.show_page("repair_orders")
    settle()
    assert page.list.select_id(ro_id)
    settle()
    assert page.estimates_button.isEnabled()

    def price(estimate: EstimateDialog) -> None:
        assert estimate.job.currentData() == job
        type_text(estimate.description, "Brake discs scored")
        type_text(estimate.hours, "0.8")
        estimate.buttons.button(estimate.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: not estimate.isVisible())

    def answer(dialog: EstimatesDialog) -> None:
        settle()
        priced = when_modal(EstimateDialog, price)
        dialog.new_button.click()
        settle()
        assert priced
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        assert dialog.table.item(0, 2).text() == "¥240.00"
        dialog.approve_button.click()
        settle()
        qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "owner")

    handled = when_modal(EstimatesDialog, answer)
    page.estimates_button.click()
    settle()
    assert handled
    estimate = estimates.estimates_of(db, owner, ro_id)[0]
    assert (estimate.source, estimate.job_id, estimate.status, estimate.decided_by) == (
        "extra_work", job, "approved", "owner")
    assert [line.hours for line in orders.get(db, owner, ro_id).jobs[0].labour] == [80]


def test_a_second_repair_order_for_a_car_with_an_open_one_is_asked_first(
        qtbot, db, owner, ctx, show, settle, type_text, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    s = shop(db, owner)
    _first, number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                                mileage_in=12_000, concerns="Noise"))
    page = show(ReceptionScreen(ctx))
    settle()
    type_text(page.find, "00001")
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: page.check_in_button.isEnabled())
    type_text(page.mileage, "12100")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    page.check_in()
    settle()
    assert asked and number in asked[0]
    assert page.repair_order_id is None
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM repair_order").scalar() == 1
