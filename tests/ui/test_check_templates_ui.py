"""Health-check templates kept in their own dialog, driven through its widgets with the keyboard:
made from the Repair orders screen, points typed, moved and removed, renamed and taken out of use,
a duplicate point shown on its line, unsaved changes asked about, and checks already made left as
they were."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from services.workshop import health_check, reception
from services.workshop.reception import CheckInInput
from tests.services.workshop_samples import shop
from ui.workshop.check_templates import CheckTemplatesDialog
from ui.workshop.health_check import HealthCheckDialog
from ui.workshop.screen import RepairOrdersScreen

ITEMS = [("Brakes", "Front pads"), ("Brakes", "Brake fluid"), ("Tyres", "Tread depth"), ("Lights", "Headlamps")]


def _points(dialog: CheckTemplatesDialog) -> list[tuple[str, str]]:
    grid = dialog.points
    return [(grid.text(r, "system"), grid.text(r, "name")) for r in range(grid.row_count()) if not grid.is_blank(r)]


def test_a_template_is_made_from_the_repair_orders_screen_with_the_keyboard(qtbot, db, owner, ctx, show, settle,
                                                                            type_text, when_modal, messages):
    page = show(RepairOrdersScreen(ctx))
    settle()
    assert page.templates_button.isVisible()
    made: list[tuple] = []

    def type_template(dialog: CheckTemplatesDialog) -> None:
        settle()
        # No template yet: a new one is started, its name ready for typing.
        assert dialog.list.count() == 0 and QApplication.focusWidget() is dialog.name
        type_text(dialog.name, "Basic")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.active
        qtbot.keyClick(dialog.active, Qt.Key.Key_Tab)
        for text in ("Brakes", "Front pads", "Tyres", "Tread depth", "Brakes", "Brake fluid"):
            # The first key typed on a cell opens it for typing; the rest goes into its editor.
            qtbot.keyClicks(QApplication.focusWidget(), text[0])
            assert isinstance(QApplication.focusWidget(), QLineEdit)
            qtbot.keyClicks(QApplication.focusWidget(), text[1:])
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        # Tab past the last point opened a new line; Esc leaves it, blank (it does not count).
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert dialog.isVisible()
        view = dialog.points.view
        qtbot.keyClick(view, Qt.Key.Key_Up)
        assert dialog.points.selected_row() == 2
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        assert _points(dialog) == [("Brakes", "Front pads"), ("Brakes", "Brake fluid"), ("Tyres", "Tread depth")]
        qtbot.keyClick(view, Qt.Key.Key_Return)
        settle()
        qtbot.waitUntil(lambda: dialog.list.count() == 1)
        made.append((dialog.list.item(0).text(), dialog.status.text()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # nothing unsaved: closes at once
        assert not dialog.isVisible()

    handled = when_modal(CheckTemplatesDialog, type_template)
    qtbot.mouseClick(page.templates_button, Qt.MouseButton.LeftButton)
    assert handled and made == [("Basic · 3 points", "Template 'Basic' saved.")]
    [template] = health_check.templates(db, owner)
    assert (template.name, template.items, template.active) == ("Basic", 3, True)
    assert [(i.position, i.system, i.name) for i in health_check.template_items(db, owner, template.id)] == [
        (1, "Brakes", "Front pads"), (2, "Brakes", "Brake fluid"), (3, "Tyres", "Tread depth")]


def test_renaming_removing_a_point_and_taking_a_template_out_of_use_leaves_a_check_alone(qtbot, db, owner, ctx, show,
                                                                                         settle, type_text, messages):
    s = shop(db, owner)
    ro_id, _number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                                mileage_in=12_000))
    template = health_check.save_template(db, owner, "Basic", ITEMS)
    check_id = health_check.start_check(db, owner, ro_id, template)
    dialog = show(CheckTemplatesDialog(ctx))
    settle()
    assert dialog.name.text() == "Basic" and _points(dialog) == ITEMS

    dialog.name.selectAll()
    type_text(dialog.name, "Basic 2027")
    dialog.active.setFocus()
    qtbot.keyClick(dialog.active, Qt.Key.Key_Space)
    assert not dialog.active.isChecked()
    dialog.points.focus_cell(1, "name")
    qtbot.keyClick(dialog.points.view, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.points.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: "not offered" in dialog.list.item(0).text())

    assert [(t.name, t.active) for t in health_check.templates(db, owner, include_inactive=True)] == [
        ("Basic 2027", False)]
    assert [(i.system, i.name) for i in health_check.template_items(db, owner, template)] == [
        ("Brakes", "Front pads"), ("Lights", "Headlamps"), ("Tyres", "Tread depth")]
    check = health_check.get_check(db, owner, check_id)
    assert check.template_name == "Basic" and [(i.system, i.name) for i in check.items] == ITEMS


def test_a_point_twice_in_one_system_is_shown_on_its_line_and_nothing_is_saved(qtbot, db, owner, ctx, show, settle,
                                                                               type_text, messages):
    template = health_check.save_template(db, owner, "Basic", ITEMS)
    dialog = show(CheckTemplatesDialog(ctx))
    settle()
    row = dialog.points.add_row({"system": "brakes", "name": "brake FLUID"})
    dialog.save()
    settle()
    assert dialog.points_error.isVisible() and "Point 5" in dialog.points_error.text()
    assert "brake FLUID" in dialog.points_error.text()
    assert dialog.points.error(row, "name") and dialog.points.selected_row() == row
    assert [i.name for i in health_check.template_items(db, owner, template)] == [n for _s, n in ITEMS]


def test_esc_with_unsaved_changes_asks_before_dropping_them(qtbot, db, owner, ctx, show, settle, type_text,
                                                            messages):
    health_check.save_template(db, owner, "Basic", ITEMS)
    health_check.save_template(db, owner, "Quick", ITEMS[:2])
    dialog = show(CheckTemplatesDialog(ctx))
    settle()
    assert dialog.name.text() == "Basic"
    type_text(dialog.name, " plus")

    messages.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "Basic" in messages.shown[-1].text
    dialog.list.setCurrentRow(1)  # choosing another template asks too; No keeps the one typed in
    assert dialog.name.text() == "Basic plus" and dialog.list.currentRow() == 0

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(messages.shown) == 3
    assert [t.name for t in health_check.templates(db, owner)] == ["Basic", "Quick"]


def test_templates_open_from_the_health_check_only_for_those_who_keep_the_catalogue(qtbot, db, owner, ctx, ctx_for,
                                                                                    show, settle, when_modal, messages):
    s = shop(db, owner)
    ro_id, _number = reception.check_in(db, owner, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                                mileage_in=12_000))
    dialog = show(HealthCheckDialog(ctx, ro_id))
    settle()
    assert dialog.template.count() == 0 and dialog.templates_button.isVisible()

    def add(templates: CheckTemplatesDialog) -> None:
        settle()
        templates.name.setText("Quick")
        templates.points.set_rows([({"system": "Tyres", "name": "Pressure"}, {})])
        templates.save()
        settle()

    when_modal(CheckTemplatesDialog, add)
    qtbot.mouseClick(dialog.templates_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.template.currentText() == "Quick (1 points)" and dialog.start_button.isEnabled()

    advisor = ctx_for("service_advisor")
    assert not advisor.can("workshop.catalogue")
    assert not show(HealthCheckDialog(advisor, ro_id)).templates_button.isVisible()
    page = show(RepairOrdersScreen(advisor))
    settle()
    assert not page.templates_button.isVisible()
