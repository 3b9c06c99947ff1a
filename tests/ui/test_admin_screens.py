"""The admin screens: users, roles, audit trail and settings, driven through their widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from core.errors import AuthenticationFailed
from services import settings, users
from services.permissions import DEFAULT_ROLE_PERMISSIONS
from store.changes import Changes
from tests.services.samples import tamper
from ui.admin.audit import AuditScreen, diff_rows
from ui.admin.roles import RoleDialog, RolesScreen
from ui.admin.settings import SettingsScreen, TaxRateDialog
from ui.admin.users import SetPasswordDialog, UserDialog, UsersScreen
from ui.context import AppContext
from ui.workers import wait_for_all


def settle() -> None:
    """Let background work finish and its results arrive (a result may start more work)."""
    for _ in range(3):
        wait_for_all()
        QCoreApplication.processEvents()


@pytest.fixture
def ctx(db, owner, qapp):
    context = AppContext(db, owner)
    yield context
    settle()


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> list[tuple[str, str, str]]:
    """Message boxes never block a test; each one shown is recorded as (kind, title, text)."""
    shown: list[tuple[str, str, str]] = []

    def record(kind: str, answer):
        def box(_parent, title, message, *_args, **_kwargs):
            shown.append((kind, title, message))
            return answer
        return staticmethod(box)

    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(("exec", self.windowTitle(), self.text())))
    return shown


def click_save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


# --- users ----------------------------------------------------------------------------------------

def test_new_user_dialog_creates_the_user_typed_in(qtbot, ctx, db, owner, boxes):
    changes = []
    ctx.changed.connect(changes.append)
    dialog = shown(qtbot, UserDialog(ctx))
    qtbot.keyClicks(dialog.username, "Zhang.Min")
    qtbot.keyClicks(dialog.display_name, "Zhang Min")
    dialog.role.setCurrentIndex(dialog.role.findData("service_advisor"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.keyClicks(dialog.password, "first-pass-1")
    qtbot.keyClicks(dialog.repeat, "first-pass-1")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_id is not None)

    made = {u.username: u for u in users.list_users(db, owner)}["zhang.min"]
    assert (made.display_name, made.role, made.language, made.active) == ("Zhang Min", "service_advisor", "zh_CN",
                                                                           True)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(changes) == 1 and changes[0].ids("user_account") == {made.id}
    assert users.login(db, "zhang.min", "first-pass-1").role == "service_advisor"
    assert boxes == []


def test_enter_in_the_new_user_dialog_saves_it(qtbot, ctx, db, owner):
    dialog = shown(qtbot, UserDialog(ctx))
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.password, "first-pass-1")
    qtbot.keyClicks(dialog.repeat, "first-pass-1")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.saved_id is not None)
    assert "li.na" in {u.username for u in users.list_users(db, owner)}


def test_duplicate_user_name_shows_the_error_next_to_the_user_name_and_creates_nothing(qtbot, ctx, db, owner,
                                                                                      boxes):
    before = users.list_users(db, owner)
    dialog = shown(qtbot, UserDialog(ctx))
    qtbot.keyClicks(dialog.username, "owner")
    qtbot.keyClicks(dialog.password, "another-pass-1")
    qtbot.keyClicks(dialog.repeat, "another-pass-1")
    click_save(qtbot, dialog)
    label = dialog.errors.labels["username"]
    qtbot.waitUntil(label.isVisible)

    assert "taken" in label.text()
    assert dialog.username.property("invalid") is True
    assert not dialog.errors.labels["password"].isVisible()
    assert dialog.isVisible() and dialog.saved_id is None
    assert users.list_users(db, owner) == before
    assert boxes == []


def test_differing_passwords_are_refused_next_to_the_repeat_field_without_saving(qtbot, ctx, db, owner):
    dialog = shown(qtbot, UserDialog(ctx))
    qtbot.keyClicks(dialog.username, "li.na")
    qtbot.keyClicks(dialog.password, "first-pass-1")
    qtbot.keyClicks(dialog.repeat, "first-pass-2")
    click_save(qtbot, dialog)
    settle()
    assert dialog.errors.labels["password_repeat"].isVisible()
    assert "li.na" not in {u.username for u in users.list_users(db, owner)}


def test_edit_user_dialog_changes_role_and_disables_the_account(qtbot, ctx, db, owner):
    uid = users.create_user(db, owner, username="li.na", password="first-pass-1", role="salesperson")
    dialog = shown(qtbot, UserDialog(ctx, uid))
    assert dialog.role.currentData() == "salesperson"
    dialog.role.setCurrentIndex(dialog.role.findData("cashier"))
    qtbot.keyClick(dialog.active, Qt.Key.Key_Space)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_id == uid)
    row = {u.id: u for u in users.list_users(db, owner)}[uid]
    assert (row.role, row.active) == ("cashier", False)


def test_an_owner_cannot_disable_their_own_account_and_is_told_next_to_the_checkbox(qtbot, ctx, owner):
    dialog = shown(qtbot, UserDialog(ctx, owner.user_id))
    dialog.active.setChecked(False)
    click_save(qtbot, dialog)
    qtbot.waitUntil(dialog.errors.labels["active"].isVisible)
    assert "own account" in dialog.errors.labels["active"].text()


def test_users_screen_lists_users_with_translated_role_names_and_shows_the_detail(qtbot, ctx):
    screen = shown(qtbot, UsersScreen(ctx))
    settle()
    model = screen.list.model
    role_col = [c.key for c in model.columns].index("role")
    assert model.rowCount() == 1
    assert model.data(model.index(0, role_col)) == "Owner / administrator"
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.table.selectRow(0)
    assert "Olivia Owner" in screen.detail.toPlainText()
    assert screen.password_button.isEnabled()
    assert not screen.unlock_button.isEnabled()


def test_set_password_dialog_gives_the_user_a_new_password(qtbot, ctx, db, owner):
    uid = users.create_user(db, owner, username="li.na", password="first-pass-1", role="salesperson")
    dialog = shown(qtbot, SetPasswordDialog(ctx, uid, "li.na"))
    qtbot.keyClicks(dialog.password, "second-pass-2")
    qtbot.keyClicks(dialog.repeat, "second-pass-2")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert users.login(db, "li.na", "second-pass-2").username == "li.na"


def test_unlock_lets_a_locked_out_user_log_in_again(qtbot, ctx, db, owner):
    users.create_user(db, owner, username="li.na", password="first-pass-1", role="salesperson")
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            users.login(db, "li.na", "wrong-password")
    screen = shown(qtbot, UsersScreen(ctx))
    settle()
    with qtbot.waitSignal(screen.detail_shown):
        assert screen.list.select_id(users.find_user_id(db, "li.na"))
    assert screen.unlock_button.isEnabled()
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    settle()
    assert users.login(db, "li.na", "first-pass-1").username == "li.na"


# --- roles ----------------------------------------------------------------------------------------

def test_ticking_a_permission_in_the_role_dialog_saves_it(qtbot, ctx, db, owner):
    changes = []
    ctx.changed.connect(changes.append)
    dialog = shown(qtbot, RoleDialog(ctx, "technician"))
    box = dialog.checks["customer.view"]
    assert not box.isChecked() and dialog.checks["vehicle.view"].isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_code == "technician")

    role = {r.code: r for r in users.list_roles(db, owner)}["technician"]
    assert role.permissions == DEFAULT_ROLE_PERMISSIONS["technician"] | {"customer.view"}
    assert role.name == "Technician"
    assert len(changes) == 1 and changes[0].touches("role_permission")


def test_a_new_role_is_saved_with_its_ticked_permissions(qtbot, ctx, db, owner):
    dialog = shown(qtbot, RoleDialog(ctx))
    qtbot.keyClicks(dialog.code, "finance_clerk")
    qtbot.keyClicks(dialog.name, "Finance clerk")
    dialog.checks["customer.view"].setChecked(True)
    dialog.checks["data.export"].setChecked(True)
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_code == "finance_clerk")
    role = {r.code: r for r in users.list_roles(db, owner)}["finance_clerk"]
    assert (role.name, role.builtin, role.permissions) == ("Finance clerk", False, {"customer.view", "data.export"})


def test_a_new_role_cannot_take_the_code_of_an_existing_one(qtbot, ctx, db, owner):
    dialog = shown(qtbot, RoleDialog(ctx))
    qtbot.keyClicks(dialog.code, "owner")
    qtbot.keyClicks(dialog.name, "Impostor")
    click_save(qtbot, dialog)
    qtbot.waitUntil(dialog.errors.labels["code"].isVisible)
    owner_role = {r.code: r for r in users.list_roles(db, owner)}["owner"]
    assert owner_role.name == "Owner / administrator" and len(owner_role.permissions) > 2


def test_deleting_a_custom_role_from_the_roles_screen(qtbot, ctx, db, owner, boxes):
    users.save_role(db, owner, code="finance_clerk", name="Finance clerk", permissions={"customer.view"})
    screen = shown(qtbot, RolesScreen(ctx))
    settle()
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.select_id("owner")
    assert not screen.delete_button.isEnabled()
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.select_id("finance_clerk")
    assert "Finance clerk" in screen.detail.toPlainText()
    assert screen.delete_button.isEnabled()
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert "finance_clerk" not in {r.code for r in users.list_roles(db, owner)}
    assert [b[0] for b in boxes] == ["question"]


# --- audit trail ----------------------------------------------------------------------------------

def test_audit_screen_lists_entries_and_filtering_by_record_type_narrows_them(qtbot, ctx):
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    model = screen.list.model
    everything = model.rowCount()
    assert everything > 0
    entity_col = [c.key for c in model.columns].index("entity")
    combo = screen.list.filter_widgets["entity"]
    combo.setCurrentIndex(combo.findData("role"))
    settle()
    assert 0 < model.rowCount() < everything
    assert {model.data(model.index(r, entity_col)) for r in range(model.rowCount())} == {"Role"}
    assert screen.list.count_label.text() == f"{model.rowCount()} row(s)"


def test_the_audit_trail_names_records_by_their_number_or_name_not_their_id(qtbot, ctx, db, owner):
    from services import customers
    from services.billing import invoices
    from services.billing.invoices import DraftInput, LineInput

    wang = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    draft = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=wang, lines=[
        LineInput(description="Labour", quantity_milli=1000, unit_price=30000, item_type="labour")]))
    number = invoices.post(db, owner, draft)
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    model = screen.list.model
    keys = [c.key for c in model.columns]
    rows = [{k: model.data(model.index(r, keys.index(k))) for k in ("entity", "record", "entity_id")}
            for r in range(model.rowCount())]
    assert {"entity": "Customer", "record": "王伟", "entity_id": wang} in rows
    posted = [r for r in rows if r["entity"] == "Invoice" and r["record"] == number]
    assert posted and all(r["entity_id"] == draft for r in posted)


def test_audit_detail_shows_the_before_and_after_of_a_change(qtbot, ctx, db, owner):
    users.update_user(db, owner, owner.user_id, display_name="Olivia Oduya")
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.table.selectRow(0)  # newest first
    detail = screen.detail.toPlainText()
    assert "display_name" in detail
    assert "Olivia Owner" in detail and "Olivia Oduya" in detail


def test_diff_rows_spread_stored_settings_so_only_the_changed_setting_is_marked():
    before = '{"value": "{\\"currency\\": \\"CNY\\", \\"name\\": \\"A\\"}"}'
    after = '{"value": "{\\"currency\\": \\"CNY\\", \\"name\\": \\"B\\"}"}'
    assert diff_rows(before, after) == [("value.currency", "CNY", "CNY", False), ("value.name", "A", "B", True)]


def test_verify_chain_reports_an_intact_trail(qtbot, ctx, boxes):
    screen = shown(qtbot, AuditScreen(ctx))
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes))
    kind, _title, message = boxes[0]
    assert kind == "information"
    assert screen.last_verify is not None and screen.last_verify.ok
    assert str(screen.last_verify.checked) in message
    assert screen.verify_button.isEnabled()


def test_verify_chain_names_the_first_altered_entry(qtbot, ctx, db, boxes):
    tamper(db.path, "UPDATE audit_entry SET summary = 'nothing to see' WHERE seq = 3")
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    screen.verify()
    qtbot.waitUntil(lambda: bool(boxes))
    kind, _title, message = boxes[0]
    assert kind == "warning" and "#3" in message
    assert "#3" in screen.verify_result.text()
    assert screen.list.selected_id() == 3


def test_audit_list_model_passes_the_model_tester(qtbot, ctx, qtmodeltester):
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    qtmodeltester.check(screen.list.model)


# --- settings -------------------------------------------------------------------------------------

def test_settings_save_writes_the_name_and_currency(qtbot, ctx, db):
    changes = []
    ctx.changed.connect(changes.append)
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.name.clear()
    qtbot.keyClicks(screen.name, "Harbour Motors")
    screen.currency.setCurrentIndex(screen.currency.findData("HKD"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.settings.name == "Harbour Motors")
    saved = settings.get(db)
    assert (saved.name, saved.currency, saved.country) == ("Harbour Motors", "HKD", "CN")
    assert len(changes) == 1 and changes[0].ids("setting") == {"dealership"}


def test_enter_in_a_settings_field_saves(qtbot, ctx, db):
    screen = shown(qtbot, SettingsScreen(ctx))
    qtbot.keyClicks(screen.phone, "0755 1234 5678")
    qtbot.keyClick(screen.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctx.settings.phone == "0755 1234 5678")
    assert settings.get(db).phone == "0755 1234 5678"


def test_an_invalid_prefix_shows_the_error_next_to_its_field(qtbot, ctx, db, boxes):
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.prefixes["invoice"].clear()
    qtbot.keyClicks(screen.prefixes["invoice"], "IN-V")
    assert screen.examples["invoice"].text().startswith("e.g. IN-VT1-")
    screen.name.clear()
    qtbot.keyClicks(screen.name, "Not saved")
    screen.save()
    label = screen.number_errors.labels["prefix_invoice"]
    qtbot.waitUntil(label.isVisible)
    assert "prefix" in label.text()
    assert screen.prefixes["invoice"].property("invalid") is True
    assert not screen.number_errors.labels["prefix_deal"].isVisible()
    assert settings.get(db).name == "My Dealership"
    assert boxes == []


def test_changing_the_terminal_code_applies_to_this_session(qtbot, ctx, db):
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.terminal.clear()
    qtbot.keyClicks(screen.terminal, "b2")
    assert screen.examples["invoice"].text().startswith("e.g. INVB2-")
    screen.save()
    qtbot.waitUntil(lambda: ctx.actor.terminal == "B2")
    with db.read() as conn:
        assert settings.terminal_code(conn) == "B2"


WORKSHOP_FIELDS = ("comeback_days", "service_interval_months", "service_interval_km", "survey_low_score")


def test_the_workshop_settings_are_typed_on_the_settings_screen_and_saved_with_the_rest(qtbot, ctx, db):
    before = settings.get(db)
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    assert [getattr(screen, f).value() for f in WORKSHOP_FIELDS] == [getattr(before, f) for f in WORKSHOP_FIELDS]
    for field, typed in (("comeback_days", "21"), ("service_interval_months", "6"),
                         ("service_interval_km", "7500"), ("survey_low_score", "4")):
        spin = getattr(screen, field)
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, typed)
    screen.name.clear()
    qtbot.keyClicks(screen.name, "Harbour Motors")
    qtbot.keyClick(screen.survey_low_score, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctx.settings.name == "Harbour Motors")
    saved = settings.get(db)
    assert (saved.comeback_days, saved.service_interval_months, saved.service_interval_km,
            saved.survey_low_score) == (21, 6, 7500, 4)
    assert (saved.currency, saved.number_prefixes) == (before.currency, before.number_prefixes)

    again = shown(qtbot, SettingsScreen(ctx))
    assert [getattr(again, f).value() for f in WORKSHOP_FIELDS] == [21, 6, 7500, 4]


def test_the_workshop_spin_boxes_offer_exactly_what_the_settings_service_accepts(qtbot, ctx, db, owner):
    from dataclasses import replace

    from core.errors import ValidationError

    screen = shown(qtbot, SettingsScreen(ctx))
    current = settings.get(db)
    for field in WORKSHOP_FIELDS:
        spin = getattr(screen, field)
        for value in (spin.minimum(), spin.maximum()):
            settings.save(db, owner, replace(current, **{field: value}))
        for value in (spin.minimum() - 1, spin.maximum() + 1):
            with pytest.raises(ValidationError) as refused:
                settings.save(db, owner, replace(current, **{field: value}))
            assert refused.value.field == field


def test_tax_rate_dialog_adds_a_rate_typed_as_a_percentage(qtbot, ctx, db):
    dialog = shown(qtbot, TaxRateDialog(ctx))
    qtbot.keyClicks(dialog.code, "vat65")
    qtbot.keyClicks(dialog.name, "Reduced VAT")
    qtbot.keyClicks(dialog.rate, "6.5")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved_id is not None)
    rate = {r.code: r for r in settings.tax_rates(db)}["VAT65"]
    assert (rate.name, rate.rate_bp, rate.active) == ("Reduced VAT", 650, True)


def test_a_rate_that_is_not_a_number_is_refused_next_to_the_rate(qtbot, ctx, db):
    before = settings.tax_rates(db)
    dialog = shown(qtbot, TaxRateDialog(ctx))
    qtbot.keyClicks(dialog.code, "odd")
    qtbot.keyClicks(dialog.name, "Odd")
    qtbot.keyClicks(dialog.rate, "thirteen")
    click_save(qtbot, dialog)
    qtbot.waitUntil(dialog.errors.labels["rate"].isVisible)
    assert settings.tax_rates(db) == before


def test_settings_screen_lists_tax_rates_and_refreshes_after_a_change(qtbot, ctx, db, owner):
    screen = shown(qtbot, SettingsScreen(ctx))
    count = screen.tax_table.rowCount()
    assert count == len(settings.tax_rates(db))
    settings.save_tax_rate(db, owner, code="LUX", name="Luxury", rate="20")
    screen.on_changed(Changes({"tax_rate": None}))
    codes = [screen.tax_table.item(r, 0).text() for r in range(screen.tax_table.rowCount())]
    assert "LUX" in codes and len(codes) == count + 1


def test_choosing_a_logo_stores_and_previews_it_and_remove_clears_it(qtbot, ctx, db, tmp_path: Path,
                                                                      monkeypatch):
    image = QImage(60, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    screen = shown(qtbot, SettingsScreen(ctx))
    assert screen.logo_preview.pixmap().isNull()
    screen.choose_logo()
    qtbot.waitUntil(lambda: not screen.logo_preview.pixmap().isNull())
    assert settings.get_logo(db) == path.read_bytes()
    assert screen.clear_logo_button.isEnabled()
    qtbot.mouseClick(screen.clear_logo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.logo_preview.pixmap().isNull())
    assert settings.get_logo(db) is None


def test_a_file_that_is_not_an_image_is_refused_next_to_the_logo(qtbot, ctx, db, tmp_path: Path, monkeypatch):
    path = tmp_path / "logo.png"
    path.write_bytes(b"not an image")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.choose_logo()
    qtbot.waitUntil(screen.logo_errors.labels["logo"].isVisible)
    assert settings.get_logo(db) is None


def test_ctrl_s_saves_the_settings(qtbot, ctx, db):
    screen = shown(qtbot, SettingsScreen(ctx))
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.tax_id.setFocus()
    qtbot.keyClicks(screen.tax_id, "91440300MA5EXAMPLE")
    qtbot.keyClick(screen.tax_id, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctx.settings.tax_id == "91440300MA5EXAMPLE")
    assert settings.get(db).tax_id == "91440300MA5EXAMPLE"


def test_every_numbered_document_type_has_a_name_not_its_key(qtbot, ctx):
    from PySide6.QtWidgets import QLabel

    screen = shown(qtbot, SettingsScreen(ctx))
    texts = {label.text().replace("&", "") for label in screen.findChildren(QLabel)}
    for doc in settings.DOC_TYPES:
        assert doc not in texts, doc
    assert "Stock count" in texts


def test_every_audited_record_type_and_action_has_a_readable_name(qapp):
    """The audit trail names what changed in the user's words: every audited table and every action
    a service writes has a label (a raw table name such as repair_part_line on screen is a defect)."""
    import re
    from pathlib import Path

    from models.base import Audited, Base
    from services.parts.stock import REFUSED_ACTION
    from ui.admin.labels import audit_action_labels, audit_entity_labels

    tables = {m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Audited)}
    entities = set(tables)
    actions = {"insert", "update", "delete", "demo", REFUSED_ACTION}
    root = Path(__file__).resolve().parents[2]
    for path in [*root.joinpath("services").rglob("*.py"), *root.joinpath("store").rglob("*.py")]:
        for action, entity in re.findall(r'Change\(\s*(?:"([a-z_]+)"|REFUSED_ACTION),\s*"([a-z_]+)"',
                                         path.read_text(encoding="utf-8")):
            actions.add(action or REFUSED_ACTION)
            entities.add(entity)
    assert not entities - set(audit_entity_labels()), "record types without a name"
    # Demo data and other writers name tables through variables: every table people's data lives in
    # has a name, whatever writes to it.
    from models.base import Base as Metadata

    bookkeeping = {"audit_entry", "audit_head", "sync_outbox", "sync_state", "search_doc"}
    assert not set(Metadata.metadata.tables) - bookkeeping - set(audit_entity_labels()), "tables without a name"
    from services.admin.lists import RECORD_LABEL_SQL

    # Named by their key already: a setting's or an account mapping's key, a role's code and permission.
    assert not tables - set(RECORD_LABEL_SQL) - {"setting", "account_mapping", "role_permission"}, \
        "record types the audit trail can only name by their id"
    assert not actions - set(audit_action_labels()), "actions without a name"


def test_every_audit_entry_has_a_one_line_summary_in_the_users_language(qtbot, ctx, db, owner):
    """Insert, update and delete entries are summed up when shown (the stored, signed entry is left as
    written): the action, the record type, the record and the fields that changed."""
    from services import customers
    from services.billing import invoices
    from services.billing.invoices import DraftInput, LineInput
    from ui import i18n

    wang = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    customers.update(db, owner, wang, customers.CustomerInput(name="王伟", phone="13812345678", city="上海"))
    draft = invoices.create_draft(db, owner, DraftInput(kind="workshop", customer_id=wang, lines=[
        LineInput(description="Labour", quantity_milli=1000, unit_price=30000, item_type="labour")]))
    number = invoices.post(db, owner, draft)
    with db.read() as conn:
        stored_before = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT seq, summary, hash FROM audit_entry ORDER BY seq").all()]

    def summaries(screen: AuditScreen) -> list[str]:
        model = screen.list.model
        col = [c.key for c in model.columns].index("summary")
        return [model.data(model.index(r, col)) for r in range(model.rowCount())]

    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    shown_en = summaries(screen)
    assert "Changed customer 王伟: city, phone" in shown_en, [s for s in shown_en if "customer 王" in s]
    assert "Created customer 王伟" in shown_en
    assert f"Changed invoice {number}: " in "\n".join(shown_en)
    entries = [screen.list.model.row_values(r) for r in screen.list.model.rows]
    orm = [e for e in entries if e["action"] in ("insert", "update", "delete")]
    assert orm and all(screen.summary_of(e) and not screen.summary_of(e).endswith(" ") for e in orm)
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.select_id(next(e["seq"] for e in entries if e["action"] == "update" and e["entity"] == "customer"))
    assert "Changed customer 王伟: city, phone" in screen.detail.toPlainText()

    assert i18n.install("zh_CN")
    try:
        chinese = shown(qtbot, AuditScreen(ctx))
        settle()
        assert "修改客户 王伟：城市、电话" in summaries(chinese)
        assert "新建客户 王伟" in summaries(chinese)
    finally:
        i18n.install("en")
    # Shown, not stored: the signed entries are as they were written.
    with db.read() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(
            "SELECT seq, summary, hash FROM audit_entry ORDER BY seq").all()] == stored_before


def test_the_audit_trail_exports_the_summaries_it_shows(qtbot, ctx, db, owner, tmp_path):
    import csv

    from services import customers

    customers.create(db, owner, customers.CustomerInput(name="王伟"))
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    out = tmp_path / "audit.csv"
    screen.list.export_to(str(out))
    settle()
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert "Created customer 王伟" in {r["Summary"] for r in rows}


def test_demo_entries_are_named_in_the_users_language(qapp):
    """Demo entries carry an English summary written when the demo was built; the trail names them
    by what they hold instead, with the number of rows."""
    from ui import i18n
    from ui.admin.audit import entry_summary

    entry = {"action": "demo", "entity": "vehicle", "summary": "2600 demo vehicles (seed 1)"}
    assert entry_summary(entry) == "Demo data: Vehicle × 2600"
    assert i18n.install("zh_CN")
    try:
        text = entry_summary(entry)
        assert text.startswith("演示数据") and "2600" in text and "demo" not in text
        settings_entry = {"action": "demo", "entity": "setting", "summary": "demo dealership settings"}
        assert "demo" not in entry_summary(settings_entry)
    finally:
        i18n.install("en")


def test_summaries_the_services_write_show_in_the_readers_language(qtbot, ctx, db, owner):
    """A stock adjustment's summary was stored in English and shown so in the Chinese trail; a summary
    given as a message keeps its template with the signed values and is shown translated, while the
    stored text stays English for the command line."""
    from services.parts import catalogue, stock
    from ui import i18n
    from ui.admin.audit import entry_summary

    part = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="0 986 452 041",
                                                                description="Oil filter", retail_price=6800))
    stock.adjust(db, owner, part, 2000, "found in bin")
    with db.read() as conn:
        row = conn.exec_driver_sql("SELECT action, entity, summary, after FROM audit_entry WHERE action = 'adjust'"
                                   ).one()
    entry = {"action": row[0], "entity": row[1], "summary": row[2], "after": row[3]}
    assert row[2] == "Stock of 0 986 452 041 adjusted: found in bin"
    assert entry_summary(entry) == row[2]
    assert i18n.install("zh_CN")
    try:
        assert entry_summary(entry) == "配件 0 986 452 041 库存已调整：found in bin"
    finally:
        i18n.install("en")
    screen = shown(qtbot, AuditScreen(ctx))
    settle()
    with qtbot.waitSignal(screen.detail_shown):
        screen.list.select_id(next(v["seq"] for v in map(screen.list.model.row_values, screen.list.model.rows)
                                   if v["action"] == "adjust"))
    assert "_summary" not in screen.detail.toPlainText()
