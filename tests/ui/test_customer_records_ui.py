"""The customer record on screen: possible duplicates while a customer is entered, the duplicates
review and its merge dialog, the timeline tab, and ID numbers masked for roles without the right."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from models import Base
from services import customers, lists
from services.customers import CustomerInput, merge
from tests.services.crm_rows import make_row
from tests.services.samples import mobile, raw_rows, resident_id
from ui.customers.duplicates import DuplicatesScreen, MergeDialog
from ui.customers.editor import CustomerDialog
from ui.customers.screen import CustomersScreen
from ui.main_window import MainWindow

ID = resident_id()


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_a_new_customer_with_a_known_phone_shows_the_duplicate_and_still_saves(
        qtbot, db, owner, window, settle, when_modal, type_text):
    existing = customers.create(db, owner, CustomerInput(name="王伟", phone=mobile(1), city="上海"))
    screen = window.show_page("customers")
    settle()

    def enter(dialog: CustomerDialog) -> None:
        type_text(dialog.name, "王芳")
        qtbot.keyClicks(dialog.phone, "139 0000 0001")
        qtbot.waitUntil(lambda: dialog.duplicates.isVisible(), timeout=5000)
        settle()
        assert "Possible duplicates" in dialog.duplicates.text()
        assert "王伟" in dialog.duplicates.text() and "same phone" in dialog.duplicates.text()
        assert _save_button(dialog).text().replace("&", "") == "Save anyway"
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(CustomerDialog, enter)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle()
    assert handled
    assert lists.count(db, owner, "customers", lists.ListState()) == 2
    assert screen.current_id not in (None, existing)


def test_saving_before_the_check_shows_the_duplicates_first_and_opening_one_selects_it(
        qtbot, db, owner, window, settle, when_modal, type_text):
    existing = customers.create(db, owner, CustomerInput(name="Li Na", email="li.na@example.com"))
    screen = window.show_page("customers")
    settle()

    def enter(dialog: CustomerDialog) -> None:
        qtbot.keyClicks(dialog.name, "Na Li")
        dialog._check_timer.stop()
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
        settle()
        # Not saved: the duplicate is shown first.
        assert dialog.isVisible() and dialog.duplicates.isVisible()
        assert lists.count(db, owner, "customers", lists.ListState()) == 1
        dialog.duplicates.linkActivated.emit(existing)

    handled = when_modal(CustomerDialog, enter)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    settle()
    assert handled
    assert lists.count(db, owner, "customers", lists.ListState()) == 1
    assert screen.current_id == existing


def test_duplicates_are_merged_through_the_review_and_the_merge_dialog(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    a = customers.create(db, owner, CustomerInput(name="王伟", phone=mobile(1)))
    b = customers.create(db, owner, CustomerInput(name="王伟", phone=mobile(1), email="ww@example.com",
                                                  grade="A"))
    with db.engine.begin() as conn:
        made: dict[str, str] = {}
        for _ in range(3):
            make_row(conn, Base.metadata.tables["invoice"], {"customer_id": b}, made)
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = window.show_page("customer_duplicates")
    assert isinstance(screen, DuplicatesScreen)
    settle()
    assert screen.tree.topLevelItemCount() == 1
    assert screen.tree.topLevelItem(0).childCount() == 2

    def merge_them(dialog: MergeDialog) -> None:
        # The record with the invoices stays by default; the e-mail and grade are different and kept from it.
        assert dialog.survivor_id() == b
        dialog.radios[a].setChecked(True)
        assert dialog.choices["email"].currentData() == b  # a has none
        assert dialog.choices["grade"].currentData() == b
        when_modal(QMessageBox, lambda box: qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton))
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(MergeDialog, merge_them)
    assert screen.merge_button.isEnabled(), screen.tree.currentItem()
    screen.tree.setFocus()
    assert screen.tree.hasFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT count(*) FROM invoice WHERE customer_id = ?", (a,)) == [(3,)]
    assert raw_rows(db_path, "SELECT merged_into_id FROM customer WHERE id = ?", (b,)) == [(a,)]
    d = customers.get(db, owner, a)
    assert (d.data.email, d.data.grade) == ("ww@example.com", "A")
    assert screen.tree.topLevelItemCount() == 0 and screen.empty.isVisible()
    assert screen.stack.currentWidget() is screen.empty and screen.empty.text() == "No possible duplicates found."
    # Records of one name created on one day are told apart by their place in the group.
    assert window.statusBar().currentMessage() == "Merged '王伟' (record 2) into '王伟' (record 1)."
    # The focus stays on the page, not in the search box.
    assert screen.isAncestorOf(window.focusWidget()), window.focusWidget()


def _pair(db, owner, **second):
    """Two customers sharing an e-mail; the second with ``second``."""
    a = customers.create(db, owner, CustomerInput(name="贾婷", email="home@example.com", city="上海",
                                                  id_number=resident_id("31010119591003492"),
                                                  birth_date=date(1959, 10, 3)))
    b = customers.create(db, owner, CustomerInput(**{"name": "陶建华", "email": "home@example.com", "city": "无锡",
                                                     "birth_date": date(1981, 12, 19), **second}))
    return a, b


def _open_merge(qtbot, window, settle, select: str | None = None) -> DuplicatesScreen:
    screen = window.show_page("customer_duplicates")
    settle()
    assert screen.tree.topLevelItemCount() == 1
    if select:
        top = screen.tree.topLevelItem(0)
        screen.tree.setCurrentItem(next(top.child(k) for k in range(top.childCount())
                                        if top.child(k).data(0, Qt.ItemDataRole.UserRole) == ("customer", select)))
    screen.tree.setFocus()
    return screen


def test_enter_never_merges_the_question_does_only_on_its_merge_button(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    a, b = _pair(db, owner)  # b has no ID number: no contradiction, but other names and birth dates
    customers.update(db, owner, a, dataclasses.replace(customers.get(db, owner, a).data, active=False))
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = _open_merge(qtbot, window, settle, select=a)
    questions: list[str] = []

    def cancel(box: QMessageBox) -> None:
        questions.append(box.text() + "\n" + box.informativeText())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    def go(box: QMessageBox) -> None:
        questions.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(box.parent().go_button, Qt.MouseButton.LeftButton)

    def in_dialog(dialog: MergeDialog) -> None:
        # The member selected on the page stays by default; each record is told apart.
        assert dialog.survivor_id() == a and dialog.radios[a].hasFocus()
        text = dialog.radios[a].text()
        assert "created " + date.today().isoformat() in text and "ID " + resident_id("31010119591003492") in text
        assert "inactive" in text and "上海" in text and "0 linked records" in text
        assert " active" in dialog.radios[b].text() and "inactive" not in dialog.radios[b].text()
        assert dialog.warning.isVisible() and "names differ" in dialog.warning.text()
        assert "birth dates differ" in dialog.warning.text()
        # Enter on the radio only asks; Enter in the question cancels.
        when_modal(QMessageBox, cancel)
        qtbot.keyClick(dialog.radios[a], Qt.Key.Key_Return)
        settle()
        assert questions and dialog.isVisible()
        assert raw_rows(db_path, "SELECT merged_into_id FROM customer WHERE id = ?", (b,)) == [(None,)]
        # The explicit Merge button of the question merges.
        when_modal(QMessageBox, go)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(MergeDialog, in_dialog)
    qtbot.keyClick(screen.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled and len(questions) == 2
    assert "Merge 2 customers into '贾婷'? This cannot be undone." in questions[0]
    assert "'陶建华': 0 linked records move to '贾婷'" in questions[0]
    assert "'贾婷' becomes active again." in questions[0] and "birth dates differ" in questions[0]
    assert raw_rows(db_path, "SELECT merged_into_id FROM customer WHERE id = ?", (b,)) == [(a,)]
    assert raw_rows(db_path, "SELECT active FROM customer WHERE id = ?", (a,)) == [(1,)]
    assert window.statusBar().currentMessage() == "Merged '陶建华' into '贾婷'."


def test_records_with_different_id_numbers_are_not_offered_for_a_merge(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    _pair(db, owner, id_number=resident_id("43012119811219075"))
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = _open_merge(qtbot, window, settle)
    asked: list[QMessageBox] = []
    when_modal(QMessageBox, asked.append, timeout=500)

    def in_dialog(dialog: MergeDialog) -> None:
        assert dialog.refusal.isVisible() and "different ID numbers" in dialog.refusal.text()
        assert "'贾婷'" in dialog.refusal.text() and "'陶建华'" in dialog.refusal.text()
        assert not dialog.merge_button.isEnabled()
        qtbot.keyClick(dialog.radios[dialog.survivor_id()], Qt.Key.Key_Return)
        settle()
        qtbot.wait(600)
        assert not asked and dialog.isVisible()

    handled = when_modal(MergeDialog, in_dialog)
    qtbot.keyClick(screen.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT count(*) FROM customer WHERE merged_into_id IS NOT NULL") == [(0,)]


def test_a_group_with_someone_else_in_it_merges_the_ticked_pair_and_leaves_the_other(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    a, c = _pair(db, owner, id_number=resident_id("43012119811219075"))  # c: another person, same e-mail
    b = customers.create(db, owner, CustomerInput(name="贾婷", email="home@example.com", phone=mobile(3), city="上海",
                                                  birth_date=date(1959, 10, 3)))  # a again, without the ID
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = _open_merge(qtbot, window, settle, select=a)
    assert screen.tree.topLevelItem(0).childCount() == 3
    questions: list[str] = []
    labels: dict[str, str] = {}

    def go(box: QMessageBox) -> None:
        questions.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(box.parent().go_button, Qt.MouseButton.LeftButton)

    def in_dialog(dialog: MergeDialog) -> None:
        labels.update({cid: dialog.label_of(cid) for cid in (a, b)})
        assert dialog.survivor_id() == a and not dialog.checks[a].isVisible()
        # The same person is ticked; the one with another ID number is not, and says why.
        assert dialog.checks[b].isChecked() and not dialog.reasons[b].isVisible()
        assert not dialog.checks[c].isChecked() and dialog.reasons[c].isVisible()
        assert "Another ID number than " + labels[a] in dialog.reasons[c].text()
        assert dialog.merge_button.isEnabled() and not dialog.refusal.isVisible()
        assert dialog.merged_ids() == [b]
        # Only the chosen records' differences count: the phone (b's alone) is offered, the city is not
        # (c's) and the names and birth dates agree.
        assert dialog.choices["phone"].isVisible() and dialog.choices["phone"].count() == 2
        assert not dialog.choices["city"].isVisible() and not dialog.warning.isVisible()
        # Space ticks and unticks: ticking the other person withdraws the merge, unticking all too.
        dialog.checks[c].setFocus()
        qtbot.keyClick(dialog.checks[c], Qt.Key.Key_Space)
        assert dialog.checks[c].isChecked() and dialog.refusal.isVisible()
        assert "different ID numbers" in dialog.refusal.text() and not dialog.merge_button.isEnabled()
        qtbot.keyClick(dialog.checks[c], Qt.Key.Key_Space)
        assert not dialog.checks[c].isChecked() and dialog.merge_button.isEnabled()
        dialog.checks[b].setFocus()
        qtbot.keyClick(dialog.checks[b], Qt.Key.Key_Space)
        assert dialog.merged_ids() == [] and not dialog.merge_button.isEnabled()
        qtbot.keyClick(dialog.checks[b], Qt.Key.Key_Space)
        assert dialog.merged_ids() == [b] and dialog.merge_button.isEnabled()
        when_modal(QMessageBox, go)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        settle()
        assert not dialog.isVisible()

    handled = when_modal(MergeDialog, in_dialog)
    qtbot.keyClick(screen.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled and len(questions) == 1
    assert f"Merge 2 customers into {labels[a]}?" in questions[0]
    assert f"{labels[b]}: 0 linked records move to {labels[a]}" in questions[0] and "陶建华" not in questions[0]
    assert raw_rows(db_path, "SELECT id, merged_into_id FROM customer WHERE id IN (?, ?, ?) ORDER BY id",
                    (a, b, c)) == sorted([(a, None), (b, a), (c, None)])
    assert window.statusBar().currentMessage() == f"Merged {labels[b]} into {labels[a]}."
    # The page is read again: the one that stayed and the other person still share the e-mail.
    assert screen.tree.topLevelItemCount() == 1
    top = screen.tree.topLevelItem(0)
    assert {top.child(k).data(0, Qt.ItemDataRole.UserRole)[1] for k in range(top.childCount())} == {a, c}


def test_a_group_marked_as_not_duplicates_leaves_the_page_after_a_question_naming_them(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    a, b = _pair(db, owner, id_number=resident_id("43012119811219075"))  # two people, one family e-mail
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = _open_merge(qtbot, window, settle, select=b)
    assert screen.distinct_button.isEnabled()
    questions: list[str] = []

    def cancel(box: QMessageBox) -> None:
        questions.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    handled = when_modal(QMessageBox, cancel)
    qtbot.keyClick(screen.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled and questions == ["Mark '贾婷', '陶建华' as different customers?"]
    assert raw_rows(db_path, "SELECT count(*) FROM customer_distinct") == [(0,)]
    assert screen.tree.topLevelItemCount() == 1

    def go(box: QMessageBox) -> None:
        assert box.defaultButton() is screen.distinct_go
        qtbot.keyClick(box, Qt.Key.Key_Return)

    handled = when_modal(QMessageBox, go)
    # The main window is active again once the question has gone.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and screen.tree.hasFocus())
    qtbot.keyClick(screen.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled
    assert raw_rows(db_path, "SELECT customer_a_id, customer_b_id, created_by FROM customer_distinct") == [
        (min(a, b), max(a, b), "u_sales_manager")]
    # Read again at once and on every refresh: the group does not come back.
    assert screen.tree.topLevelItemCount() == 0 and screen.empty.text() == "No possible duplicates found."
    assert window.statusBar().currentMessage() == "Marked '贾婷', '陶建华' as different customers."
    screen.reload()
    settle()
    assert screen.tree.topLevelItemCount() == 0
    assert not screen.distinct_button.isEnabled()


def test_a_mark_made_in_error_is_withdrawn_from_the_marks_view_and_the_group_comes_back(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    from services.customers import duplicates

    a, b = _pair(db, owner, id_number=resident_id("43012119811219075"))
    duplicates.mark_distinct(db, owner, [a, b])
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = window.show_page("customer_duplicates")
    settle()
    assert screen.tree.topLevelItemCount() == 0
    # Alt+S reaches the view; the arrow shows the marks, who made each and when.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert screen.view.hasFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Down)
    settle()
    assert screen.showing_marks() and not screen.merge_button.isVisible()
    assert screen.tree.topLevelItemCount() == 1
    top = screen.tree.topLevelItem(0)
    assert top.text(0).startswith("Marked as different customers by Olivia Owner on ")
    assert {top.child(k).data(0, Qt.ItemDataRole.UserRole)[1] for k in range(top.childCount())} == {a, b}
    assert screen.distinct_button.text() == "&Withdraw mark…" and screen.distinct_button.isEnabled()
    questions: list[str] = []

    def go(box: QMessageBox) -> None:
        questions.append(box.text())
        assert box.defaultButton() is screen.withdraw_go
        qtbot.keyClick(box, Qt.Key.Key_Return)

    handled = when_modal(QMessageBox, go)
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert handled and questions == ["Withdraw the mark that '贾婷', '陶建华' are different customers?"]
    assert raw_rows(db_path, "SELECT count(*) FROM customer_distinct") == [(0,)]
    assert screen.tree.topLevelItemCount() == 0
    assert screen.empty.text() == "No records are marked as different customers."
    assert window.statusBar().currentMessage() == "Withdrew the mark that '贾婷', '陶建华' are different customers."
    screen.view.setCurrentIndex(0)
    settle()
    assert not screen.showing_marks() and screen.merge_button.isVisible()
    assert screen.tree.topLevelItemCount() == 1  # the group is back


def test_the_duplicates_page_says_it_is_looking_then_shows_the_groups_or_that_there_are_none(
        qtbot, db, ctx_for, show, settle):
    screen = DuplicatesScreen(ctx_for("sales_manager"))
    # At once: a message where the table will be, not an empty table.
    assert screen.stack.currentWidget() is screen.empty and screen.empty.text() == "Looking for possible duplicates…"
    assert screen.loading
    show(screen)
    settle()
    assert screen.stack.currentWidget() is screen.empty and screen.empty.text() == "No possible duplicates found."
    assert screen.empty.isVisible() and not screen.tree.isVisible()
    layout = screen.layout()
    assert layout.indexOf(screen.hint) < layout.indexOf(screen.stack)


def test_a_group_merged_in_another_window_is_refused_and_refreshed_away(
        qtbot, db, db_path, ctx_for, show, settle, when_modal, owner):
    a = customers.create(db, owner, CustomerInput(name="王欣燕", phone=mobile(1)))
    b = customers.create(db, owner, CustomerInput(name="王欣燕", phone=mobile(1)))
    window = show(MainWindow(ctx_for("sales_manager")))
    settle()
    screen = _open_merge(qtbot, window, settle)
    merge.merge(db, owner, a, [b])  # another session; this window hears nothing of it
    told: list[str] = []
    when_modal(QMessageBox, lambda box: told.append(box.text()))
    qtbot.keyClick(screen.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert told and "already merged into another customer" in told[0]
    assert screen.tree.topLevelItemCount() == 0 and screen.empty.text() == "No possible duplicates found."


def test_the_duplicates_page_is_only_for_those_who_may_merge(ctx_for, show, settle):
    window = show(MainWindow(ctx_for("salesperson")))
    settle()
    assert window.show_page("customer_duplicates") is None


def test_the_timeline_tab_lists_the_customer_s_records_and_enter_opens_one(
        qtbot, db, owner, window, settle, select_row):
    cid = customers.create(db, owner, CustomerInput(name="王伟"))
    with db.engine.begin() as conn:
        invoice = make_row(conn, Base.metadata.tables["invoice"], {"customer_id": cid, "number": "INV-7",
                                                                   "issued_on": date(2024, 5, 1)}, {})
    customers.add_note(db, owner, cid, "想试驾")
    screen = window.show_page("customers")
    settle()
    select_row(screen, cid)
    tree = screen.timeline
    assert tree.topLevelItemCount() == 2
    texts = [tree.topLevelItem(i).text(1) for i in range(2)]
    assert texts == ["Note", "Invoice · a draft"]
    item = tree.topLevelItem(1)
    assert "INV-7" in item.text(2)
    tree.setCurrentItem(item)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle()
    page = window.stack.currentWidget()
    assert page is window.screens["invoices"]
    assert page.current_id == invoice
    assert "想试驾" in screen.detail.toPlainText()


@pytest.mark.parametrize(("role", "masked"), [("salesperson", True), ("cashier", False)])
def test_id_numbers_on_screen_follow_the_right_to_see_them(qtbot, db, owner, ctx_for, show, settle, select_row,
                                                           role, masked):
    cid = customers.create(db, owner, CustomerInput(name="王伟", id_number=ID))
    window = show(MainWindow(ctx_for(role)))
    settle()
    screen = window.show_page("customers")
    assert isinstance(screen, CustomersScreen)
    settle()
    select_row(screen, cid)
    shown = customers.mask_id(ID) if masked else ID
    column = [c.key for c in screen.list.model.columns].index("id_number")
    assert screen.list.model.index(0, column).data() == shown
    assert shown in screen.detail.toPlainText()
    assert (ID in screen.detail.toPlainText()) is not masked
