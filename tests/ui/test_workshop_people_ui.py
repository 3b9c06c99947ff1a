"""People by name, rights by name: screens show the name a user is called by, never the login, and a
refused right reads as the Roles screen names it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.errors import PermissionDenied
from services import lists, users
from services.workshop import orders
from tests.services.workshop_samples import job_with_lines, repair_order, shop
from ui.messages import error_text
from ui.workshop.editor import RepairOrderEditor
from ui.workshop.screen import RepairOrdersScreen


def test_the_repair_order_list_and_job_card_name_the_advisor_and_technician_not_their_logins(
        qtbot, db, owner, ctx, show, settle, select_row):
    s = shop(db, owner)
    users.create_user(db, owner, username="li", display_name="李师傅", role="technician", password="secret-pass-1")
    ro_id, _number = repair_order(db, owner, s)
    job_id, _labour, _part = job_with_lines(db, owner, ro_id, s)
    orders.add_labour(db, owner, job_id, orders.LabourInput(description="Road test", hours=20, technician="li"))
    page = show(RepairOrdersScreen(ctx))
    settle()
    select_row(page, ro_id)
    text = page.detail.toPlainText()
    assert "Olivia Owner" in text and "李师傅" in text and " li" not in text
    columns = [c.key for c in lists.REGISTRY["repair_orders"].columns]
    row = lists.fetch_page(db, owner, "repair_orders", lists.ListState(), limit=5).rows[0]
    assert row[1 + columns.index("advisor")] == "Olivia Owner"
    editor = show(RepairOrderEditor(ctx, ro_id))
    assert "李师傅" in [editor.lines.text(r, "technician") for r in range(editor.lines.row_count())]


def test_a_refused_right_is_named_and_ctrl_i_without_it_says_who_may_invoice(
        qtbot, db, owner, ctx_for, show, settle):
    text = error_text(PermissionDenied("workshop.invoice", "advisor"))
    assert "workshop.invoice" not in text and "Close repair orders into invoices" in text
    s = shop(db, owner)
    ro_id, _ = repair_order(db, owner, s)
    editor = show(RepairOrderEditor(ctx_for("service_advisor"), ro_id))
    assert not editor.invoice_button.isVisible()
    editor.invoice()
    assert editor.status_error.isVisible() and "cashier" in editor.status_error.text()
    assert orders.get(db, owner, ro_id).status == "open"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
