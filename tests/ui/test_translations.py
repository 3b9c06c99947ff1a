"""The Simplified Chinese translation: complete, in step with the source, compiled, and really applied
to the widgets (a ``tr()`` context that differs from what lupdate wrote fails silently at runtime)."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel

from app import i18n_tools
from services import customers
from ui import i18n
from ui.context import AppContext
from ui.customers.editor import CustomerDialog
from ui.customers.screen import CustomersScreen
from ui.main_window import PAGE_ROLE, MainWindow

TS = i18n_tools.ts_path("zh_CN")
QM = TS.with_suffix(".qm")
MNEMONIC = re.compile(r"&([^&\s])")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → its translation forms, for every message of a .ts file."""
    out: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [] if tr is None else [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            out[(name, message.findtext("source", ""))] = forms
    return out


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The application in Simplified Chinese for one test; English again afterwards."""
    assert i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


def _nav_labels(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text().strip() for i in range(window.nav.count())
            if window.nav.item(i).data(PAGE_ROLE)]


def _headers(screen) -> list[str]:
    model = screen.list.model
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


# --- the files ----------------------------------------------------------------------------------

def test_every_string_of_the_committed_translation_is_translated():
    assert i18n_tools.untranslated(TS) == []


def test_the_committed_translation_is_up_to_date_with_the_source(tmp_path):
    fresh = i18n_tools.update(ts_file=tmp_path / "fresh.ts")

    assert set(_messages(fresh)) == set(_messages(TS)), "run `python -m app.i18n_tools update` and translate"
    assert i18n_tools.untranslated(fresh) == [], "new UI strings need a Chinese translation"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    fresh = i18n_tools.release(out=tmp_path / "fresh.qm")

    assert fresh.read_bytes() == QM.read_bytes(), "run `python -m app.i18n_tools release`"


def test_translations_keep_placeholders_and_mnemonics():
    for (context, source), forms in _messages(TS).items():
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (context, source)
            wanted = {m.upper() for m in MNEMONIC.findall(source.replace("&&", ""))}
            got = {m.upper() for m in MNEMONIC.findall(form.replace("&&", ""))}
            assert got == wanted, (context, source, form)


def test_the_compiled_translation_answers_for_every_message():
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), forms in _messages(TS).items():
        n = 2 if "%n" in source else -1
        assert translator.translate(context, source, None, n) == forms[0], (context, source)


def test_no_ui_string_hides_inside_an_f_string():
    """lupdate does not look inside f-string expressions: a tr() there is never extracted."""
    hidden = []
    for path in sorted((i18n_tools.ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                           and call.func.attr in ("tr", "translate")]
    assert hidden == []


# --- the widgets --------------------------------------------------------------------------------

def test_main_window_and_customers_screen_are_chinese(chinese, db, owner, show, settle):
    window = show(MainWindow(AppContext(db, owner)))
    settle()

    assert _nav_labels(window) == CHINESE_NAV
    assert window.search_button.text().startswith("全局搜索")
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "帮助(&H)"]
    screen = window.stack.currentWidget()
    assert isinstance(screen, CustomersScreen)
    assert _headers(screen)[:3] == ["名称", "类型", "电话"]
    assert screen.list.search.placeholderText() == "搜索… (Ctrl+F)"
    assert screen.new_button.text() == "新建(&N)"
    assert screen.list.count_label.text() == "共 0 条"


def test_customer_detail_pane_is_chinese(chinese, db, owner, show, settle, qtbot):
    customer_id = customers.create(db, owner, customers.CustomerInput(
        name="王伟", phone="13812345678", contacts=[customers.ContactInput(name="李娜")]))
    screen = show(CustomersScreen(AppContext(db, owner)))
    settle()

    assert screen.list.select_id(customer_id)
    qtbot.waitUntil(lambda: "王伟" in screen.detail.toPlainText())
    text = screen.detail.toPlainText()

    for heading in ("联系人", "车辆", "暂无车辆。", "最后修改"):
        assert heading in text


def test_customer_dialog_is_chinese(chinese, db, owner, qtbot):
    dialog = CustomerDialog(AppContext(db, owner))
    qtbot.addWidget(dialog)

    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"名称(&N)", "电话(&P)", "城市(&T)", "统一社会信用代码(&C)"} <= labels
    assert dialog.windowTitle() == "新建客户"
    assert dialog.alt_name.placeholderText() == "拼音或英文名"
    assert [b.title() for b in dialog.findChildren(QGroupBox)] == ["联系人"]
    # Qt's own strings come from the qtbase translation installed alongside ours.
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"


def test_switching_back_to_english_applies_to_new_widgets(chinese, db, owner, show, settle, qtbot):
    i18n.install("en")

    window = show(MainWindow(AppContext(db, owner)))
    settle()
    dialog = CustomerDialog(AppContext(db, owner))
    qtbot.addWidget(dialog)

    assert _nav_labels(window) == ["Customers", "Duplicate customers", "Vehicles", "Stock vehicles",
                                   "Vehicle catalogue", "Leads", "My follow-ups", "Finance & insurance", "Trade-ins",
                                   "Sales targets", "Invoices", "Cash desk", "Receivables", "Rebates & claims",
                                   "Margins", "Accounting export", "Parts", "Purchase orders", "Suppliers",
                                   "Stock alerts", "Stock counts", "Repair orders", "Reception", "Calendar",
                                   "Foreman board", "Technician clock", "Technician time", "Vehicle history",
                                   "Surveys", "Labour operations",
                                   "Users", "Roles",
                                   "Audit trail", "Settings"]
    assert window.stack.currentWidget().list.search.placeholderText() == "Search… (Ctrl+F)"
    assert dialog.windowTitle() == "New customer"
    assert QCoreApplication.translate("MainWindow", "Customers") == "Customers"


def test_a_language_without_translation_leaves_english(qapp):
    try:
        assert not i18n.install("xx_XX")
        assert QCoreApplication.translate("MainWindow", "Customers") == "Customers"
    finally:
        i18n.install("en")


# --- switching the language while the window is open ---------------------------------------------

CHINESE_NAV = ["客户", "疑似重复客户", "车辆", "库存车辆", "车型目录", "销售线索", "我的跟进", "金融与保险",
               "二手车评估", "销售目标", "发票", "收银日结", "应收账款", "返利与理赔",
               "毛利", "会计导出", "配件", "采购订单",
               "供应商", "库存预警", "库存盘点", "维修工单", "接车", "预约日历", "主管看板", "技师打卡",
               "技师工时", "车辆维修档案", "满意度回访", "工时项目", "用户", "角色", "审计日志", "设置"]


@pytest.fixture
def english_after(qapp) -> Iterator[None]:
    i18n.install("en")
    try:
        yield
    finally:
        i18n.install("en")


def test_changing_the_language_in_settings_retranslates_the_open_window_at_once(
        english_after, db, owner, show, settle, qtbot):
    """Issue 9 #7: the settings screen promised the change, which applied only after a restart."""
    from ui.admin.settings import SettingsScreen

    window = show(MainWindow(AppContext(db, owner)))
    settle()
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    settle()

    screen.language.setCurrentIndex(screen.language.findData("zh_CN"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _nav_labels(window) == CHINESE_NAV)
    settle()

    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "帮助(&H)"]
    assert window.search_button.text().startswith("全局搜索")
    assert window.user_label.text().startswith("用户")
    # The open page is made again in Chinese, and stays the one on screen.
    current = window.stack.currentWidget()
    assert isinstance(current, SettingsScreen) and current is not screen
    assert current.save_button.text() != "&Save"
    assert window.nav.currentItem().text().strip() == "设置"


def test_sections_fold_again_in_the_new_language_on_a_short_screen(english_after, db, owner, show, settle, qtbot):
    """Folded sections were remembered by their English names, so after switching to Chinese none
    folded and the last section fell off a short screen."""
    from dataclasses import replace

    from services import settings
    from ui.main_window import PAGE_ROLE
    from ui.workers import Op

    window = show(MainWindow(AppContext(db, owner)))
    window.resize(1366, 480)
    settle()
    assert any(window.nav.item(i).text().startswith("▸") for i in range(window.nav.count()))
    Op(window, lambda _p, _c: settings.save(db, owner, replace(settings.get(db), language="zh_CN"))).run()
    qtbot.waitUntil(lambda: _nav_labels(window) == CHINESE_NAV)
    settle()
    nav = window.nav
    headers = [nav.item(i) for i in range(nav.count()) if nav.item(i).data(PAGE_ROLE) is None]
    assert any(h.text().startswith("▸") for h in headers)
    assert all(nav.viewport().rect().contains(nav.visualItemRect(h)) for h in headers)


def test_the_current_page_keeps_its_selected_record_when_the_language_changes(
        english_after, db, owner, show, settle, qtbot):
    from dataclasses import replace

    from services import settings
    from ui.workers import Op

    customer_id = customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))
    ctx = AppContext(db, owner)
    window = show(MainWindow(ctx))
    settle()
    screen = window.stack.currentWidget()
    assert screen.list.select_id(customer_id)
    qtbot.waitUntil(lambda: "王伟" in screen.detail.toPlainText())

    chinese = replace(settings.get(db), language="zh_CN")
    Op(window, lambda _p, _c: settings.save(db, owner, chinese)).run()
    qtbot.waitUntil(lambda: _nav_labels(window) == CHINESE_NAV)
    settle()

    again = window.stack.currentWidget()
    assert isinstance(again, CustomersScreen) and again is not screen
    assert _headers(again)[:3] == ["名称", "类型", "电话"]
    qtbot.waitUntil(lambda: again.current_id == customer_id and "王伟" in again.detail.toPlainText())


def test_a_language_change_waits_until_the_open_dialog_is_closed(
        english_after, db, owner, show, settle, qtbot):
    """Rebuilding the screens under an open dialog would lose what is typed in it (its screen goes
    with them): the new language comes once the dialog is closed, announced meanwhile."""
    from dataclasses import replace

    from services import settings
    from ui import i18n
    from ui.billing.editor import InvoiceDialog
    from ui.workers import Op

    window = show(MainWindow(AppContext(db, owner)))
    settle()
    english_nav = _nav_labels(window)
    dialog = InvoiceDialog(window.ctx, parent=window.stack.currentWidget())
    dialog.open()  # as the parts screen opens a counter sale
    qtbot.waitExposed(dialog)
    dialog.reference.setText("half typed")

    chinese = replace(settings.get(db), language="zh_CN")
    Op(window, lambda _p, _c: settings.save(db, owner, chinese)).run()
    settle()
    qtbot.wait(50)
    settle()

    assert dialog.isVisible() and dialog.reference.text() == "half typed", "the dialog and its input stay"
    assert i18n.current() == "en" and _nav_labels(window) == english_nav
    assert "closed" in window.statusBar().currentMessage()

    dialog.reject()
    qtbot.waitUntil(lambda: _nav_labels(window) == CHINESE_NAV)
    assert i18n.current() == "zh_CN"


def test_a_user_with_a_language_of_their_own_keeps_it_when_the_default_changes(
        english_after, db, owner, show, settle, qtbot):
    from dataclasses import replace

    from services import settings
    from ui.workers import Op

    ctx = AppContext(db, replace(owner, language="en"))
    window = show(MainWindow(ctx))
    settle()

    chinese = replace(settings.get(db), language="zh_CN")
    Op(window, lambda _p, _c: settings.save(db, owner, chinese)).run()
    qtbot.waitUntil(lambda: ctx.settings.language == "zh_CN")
    settle()

    assert _nav_labels(window)[0] == "Customers" and i18n.current() == "en"
