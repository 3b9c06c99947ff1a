"""Every main screen and every dialog, rendered at the front-desk screen's size (1366×768) in English
and Simplified Chinese from a demo database, each to a PNG, with what does not fit:
``python -m app.screenshots OUTDIR [--db demo.db] [--language en]`` (offscreen, on a virtual screen
of the front desk's size).

A window fits when it opens no larger than the screen's working area (1366×768 less a taskbar and a
title bar) and needs no more, and when every visible button lies inside it; the main window's
status bar and the last navigation entry must be on screen too, and no table heading may be drawn
narrower than its text. In Chinese, a Latin-letter word in a label, button, group box, tab, menu,
table header or placeholder that is not the demo data's own, an abbreviation or a code marked as such
is reported as untranslated. The test suite runs it."""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A 1366×768 monitor less a 40 px taskbar: what the operating system gives windows.
SCREEN = (1366, 768 - 40)
# What a window's inside may use of it, less its title bar (see ui.window_state.FRAME_HEIGHT).
WORK_AREA = (1366, SCREEN[1] - 32)
LANGUAGES = ("en", "zh_CN")


@dataclass
class Shot:
    name: str
    language: str
    path: Path
    problems: list[str] = field(default_factory=list)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    from ui.workers import wait_for_all

    for _ in range(4):
        wait_for_all(20000)
        QApplication.processEvents()


def cut_off(window: Any) -> list[str]:
    """What of ``window`` (laid out at its current size) is cut off: buttons outside it, and for a
    window larger than the work area, the window itself. GUI thread."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea

    problems = []
    inside = QRect(QPoint(0, 0), window.size())
    if window.width() > WORK_AREA[0] or window.height() > WORK_AREA[1]:
        problems.append(f"is {window.width()}×{window.height()}, larger than {WORK_AREA[0]}×{WORK_AREA[1]}")
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > WORK_AREA[0] or hint.height() > WORK_AREA[1]:
        problems.append(f"needs at least {hint.width()}×{hint.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if _scrolled(button, window, QAbstractScrollArea):
            continue  # reached by scrolling
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not inside.contains(rect):
            problems.append(f"button '{button.text() or button.objectName()}' is cut off at {rect.getRect()}")
    return problems + elided_headers(window)


def elided_headers(window: Any) -> list[str]:
    """The column headings of ``window``'s tables drawn narrower than their text (shown cut, "Clocked
    on so…"): a visible section smaller than the size its text and the style's padding need. GUI
    thread."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    problems = []
    for header in window.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(window) \
                or header.window() is not window or header.model() is None:
            continue
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            text = str(header.model().headerData(logical, Qt.Orientation.Horizontal) or "").strip()
            # The hint counts the header's margin on top of the style sheet's padding (4 px more than
            # the text is drawn in): a section short of it by more than that shows its text cut.
            if text and header.sectionSize(logical) + 4 < header.sectionSizeHint(logical):
                where = header.parentWidget().objectName() if header.parentWidget() else ""
                problems.append(f"heading '{text}' of table '{where}' is cut "
                                f"({header.sectionSize(logical)} < {header.sectionSizeHint(logical)} px)")
    return problems


# Latin words that may stand in a Chinese screen: the product, abbreviations and file types.
ALLOWED_LATIN = {"forecourt", "vin", "pdf", "csv", "xlsx", "excel", "id", "km", "utc", "cny", "usd", "eur", "vat",
                 "ctrl", "shift", "alt", "del", "enter", "tab", "esc", "pos", "sql", "sqlite", "wechat", "alipay",
                 "unionpay", "etc", "db", "ok", "pcs", "qr", "png", "jpeg", "pdi",
                 "english"}  # a language is named in itself in the language list
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# Codes shown as they are typed or written in a file (column names, mapping keys) are marked <code>.
_CODE = re.compile(r"<code>.*?</code>", re.S)
_MARKUP = re.compile(r"<[^>]+>")


def english_words(widget: Any, data: set[str] = frozenset()) -> list[str]:
    """The Latin-letter words a user reads in ``widget`` in labels, buttons, group boxes, tabs, menus,
    table headers and placeholders, other than :data:`ALLOWED_LATIN` and the words of ``data`` (what
    the demo data itself holds: names, part numbers …). For the Chinese screens, where any such word
    is a text nobody translated."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenuBar,
        QTabBar,
        QTableView,
        QWidget,
    )

    texts: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel):
            texts.append(_MARKUP.sub(" ", _CODE.sub(" ", w.text())))
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QMenuBar):
            texts += [a.text() for a in w.actions()]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox) and not w.isEditable() and w.count() <= 12:
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            header = w.horizontalHeader()
            texts += [str(w.model().headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())
                      if not header.isSectionHidden(c)]
    found = []
    for text in texts:
        for word in _LATIN_WORD.findall(text.replace("&", "")):
            if word.lower() not in ALLOWED_LATIN and word.lower() not in data and word not in found:
                found.append(word)
    return found


# Where the demo data's own words live (names of people, companies, makes, parts, users …).
_DATA_SQL = ("SELECT coalesce(name, '') || ' ' || coalesce(alt_name, '') FROM customer",
             "SELECT coalesce(make, '') || ' ' || coalesce(model, '') || ' ' || coalesce(plate, '') FROM vehicle",
             "SELECT name FROM brand", "SELECT name FROM supplier",
             "SELECT coalesce(part_number, '') || ' ' || coalesce(description, '') FROM part",
             "SELECT coalesce(display_name, '') || ' ' || coalesce(username, '') FROM user_account",
             "SELECT value FROM setting", "SELECT insurer FROM insurance_claim",
             "SELECT coalesce(manufacturer, '') || ' ' || coalesce(campaign, '') FROM rebate",
             "SELECT code || ' ' || description || ' ' || system FROM labour_operation", "SELECT name FROM contact",
             "SELECT coalesce(address, '') || ' ' || coalesce(city, '') FROM customer", "SELECT name FROM role",
             "SELECT claim_number FROM insurance_claim",
             "SELECT claim_number || ' ' || failed_part_number || ' ' || failed_part FROM repair_job",
             "SELECT key FROM account_mapping",
             "SELECT n.prefix || t.code FROM number_series n, terminal t",
             "SELECT code || ' ' || title FROM campaign", "SELECT name FROM health_check_template",
             "SELECT tag FROM customer_tag", "SELECT text FROM customer_note",
             "SELECT system || ' ' || name || ' ' || note FROM health_check_item",
             "SELECT description FROM work_estimate", "SELECT vin FROM vehicle",
             "SELECT t.name || ' ' || m.name || ' ' || m.make FROM catalogue_trim t "
             "JOIN catalogue_model m ON m.id = t.model_id", "SELECT code || ' ' || name FROM catalogue_option",
             "SELECT stock_number || ' ' || location FROM stock_vehicle", "SELECT stock_number FROM stock_vehicle",
             "SELECT insurer || ' ' || policy_number FROM insurance_policy",
             "SELECT lender || ' ' || reference FROM loan_application",
             "SELECT description FROM deal_line", "SELECT number FROM deal",
             # Codes and references the demo types in: which of them a screen shows depends on the
             # day the demo is built.
             "SELECT item_code FROM invoice_line", "SELECT operation_code FROM repair_labour_line",
             "SELECT reference FROM payment", "SELECT number FROM vehicle_document",
             "SELECT coalesce(variant, '') FROM vehicle", "SELECT name FROM tax_rate",
             "SELECT coalesce(email, '') || ' ' || coalesce(company_reg, '') FROM customer",
             "SELECT coalesce(email, '') FROM contact", "SELECT coalesce(email, '') FROM supplier")


def data_words(db_path: Path) -> set[str]:
    """The Latin words of the demo data (lower case): on screen they are data, not untranslated text."""
    import sqlite3

    # The database's own file and folder names show in the status bar and the backup list.
    from core.paths import backup_dir_for

    words = {w.lower() for w in _LATIN_WORD.findall(f"{db_path.resolve()} {backup_dir_for(db_path.resolve())}")}
    conn = sqlite3.connect(db_path)
    try:
        for sql in _DATA_SQL:
            for (text,) in conn.execute(sql):
                words.update(w.lower() for w in _LATIN_WORD.findall(str(text or "")))
        # What a VIN decodes to (the maker's name) is data too.
        from core.errors import ValidationError
        from services.validation import vin as check_vin

        for (vin,) in conn.execute("SELECT vin FROM vehicle"):
            try:
                words.update(w.lower() for w in _LATIN_WORD.findall(check_vin(vin).make))
            except ValidationError:
                continue
        from services.settings import DOC_TYPES

        # Document numbers as the settings show them: prefix and terminal (INVT1-2026-000001).
        for (terminal,) in conn.execute("SELECT code FROM terminal"):
            for prefix in DOC_TYPES.values():
                words.update(w.lower() for w in _LATIN_WORD.findall(f"{prefix}{terminal}"))
    finally:
        conn.close()
    return words


def _scrolled(widget: Any, window: Any, scroll_area: type) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, scroll_area):
            return True
        parent = parent.parentWidget()
    return False


def fit(window: Any) -> None:
    """Size ``window`` as it opens: the size it gave itself, else its preferred size (offscreen, Qt
    would not bound either by a screen of the front desk's size)."""
    from PySide6.QtCore import Qt

    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        window.resize(window.sizeHint())


@contextmanager
def _language(language: str) -> Iterator[None]:
    from ui import i18n

    i18n.install(language)
    try:
        yield
    finally:
        i18n.install("en")


def _first_id(ctx: Any, source: str, **filters: Any) -> str | None:
    from services import lists

    page = lists.fetch_page(ctx.db, ctx.actor, source, lists.ListState(filters=filters), limit=1)
    return str(page.rows[0][0]) if page.rows else None


def dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    """Every dialog of the app, each made (not shown) from the demo data of ``ctx``."""
    from services import settings, users
    from services.billing import accounting, thirdparty
    from ui.admin.roles import RoleDialog
    from ui.admin.settings import TaxRateDialog
    from ui.admin.users import SetPasswordDialog, UserDialog
    from ui.billing.credit import CreditNoteDialog
    from ui.billing.editor import InvoiceDialog
    from ui.billing.journal import MappingDialog
    from ui.billing.methods import PaymentMethodsDialog
    from ui.billing.payment import PaymentDialog
    from ui.billing.receivables import StatementDialog
    from ui.billing.thirdparty import ApproveDialog, ClaimDialog, RebateDialog, ReceiptDialog
    from ui.customers.editor import CustomerDialog
    from ui.imports import ImportDialog
    from ui.login import ChangePasswordDialog, LoginDialog
    from ui.parts.counts import CountEntryDialog, StartCountDialog
    from ui.parts.orders import OrderDialog, ReceiveDialog, SuggestionsDialog
    from ui.parts.parts import AdjustStockDialog, PartDialog
    from ui.parts.suppliers import SupplierDialog
    from ui.restore import RestoreDialog
    from ui.search_dialog import GlobalSearchDialog
    from ui.vehicles.editor import VehicleDialog
    from ui.workshop.calendar import BookingDialog, CancelDialog, PrepareDialog, ResourceDialog
    from ui.workshop.check_templates import CheckTemplatesDialog
    from ui.workshop.editor import RepairOrderEditor
    from ui.workshop.health_check import EstimateDialog, EstimatesDialog, HealthCheckDialog
    from ui.workshop.menus import PackagesDialog
    from ui.workshop.operations import OperationDialog, RatesDialog

    db, actor = ctx.db, ctx.actor
    customer = _first_id(ctx, "customers")
    vehicle = _first_id(ctx, "vehicles")
    # An invoice that can be paid and credited: the newest posted document may be a credit note.
    posted = _first_id(ctx, "invoices", open=True) or next(
        filter(None, (_first_id(ctx, "invoices", status="posted", kind=kind)
                      for kind in ("counter_sale", "workshop", "vehicle_sale", "other"))), None)
    draft = _first_id(ctx, "invoices", status="draft")
    part = _first_id(ctx, "parts")
    order = _first_id(ctx, "purchase_orders")
    count = _first_id(ctx, "stock_counts")
    supplier = _first_id(ctx, "suppliers")
    repair_order = _first_id(ctx, "repair_orders", open=True) or _first_id(ctx, "repair_orders")
    user = users.list_users(db, actor)[0] if hasattr(users, "list_users") else None
    rebates = thirdparty.rebates(db, actor)
    claims = thirdparty.claims(db, actor)
    mapping = accounting.get_mapping(db, actor)
    rates = settings.tax_rates(db)
    from datetime import date, datetime, time, timedelta

    from services.workshop import appointments

    workshop = appointments.resources(db, actor)
    booked = next((a for a in appointments.prepare_list(db, actor) if a.operations), None) or next(
        iter(appointments.calendar(db, actor, date.today(), 7).appointments), None)

    made: list[tuple[str, Callable[[], Any]]] = [
        ("login", lambda: LoginDialog(db, dealership=ctx.settings.name)),
        ("change_password", lambda: ChangePasswordDialog(db, actor)),
        ("global_search", lambda: GlobalSearchDialog(ctx)),
        ("customer_new", lambda: CustomerDialog(ctx)),
        ("customer_edit", lambda: CustomerDialog(ctx, customer)),
        ("vehicle_new", lambda: VehicleDialog(ctx)),
        ("vehicle_edit", lambda: VehicleDialog(ctx, vehicle)),
        ("invoice_new", lambda: InvoiceDialog(ctx)),
        ("payment", lambda: PaymentDialog(ctx, invoice_id=posted)),
        ("statement", lambda: StatementDialog("王伟", date.today())),
        ("rebate_new", lambda: RebateDialog(ctx)),
        ("claim_new", lambda: ClaimDialog(ctx)),
        ("mapping", lambda: MappingDialog(ctx, mapping[0] if mapping else None)),
        ("part_new", lambda: PartDialog(ctx)),
        ("supplier_new", lambda: SupplierDialog(ctx)),
        ("order_new", lambda: OrderDialog(ctx)),
        ("count_start", lambda: StartCountDialog(ctx)),
        ("suggestions", lambda: SuggestionsDialog(ctx)),
        ("import", lambda: ImportDialog(ctx)),
        ("user_new", lambda: UserDialog(ctx)),
        ("role_new", lambda: RoleDialog(ctx)),
        ("tax_rate", lambda: TaxRateDialog(ctx, rate=rates[0] if rates else None)),
        ("payment_methods", lambda: PaymentMethodsDialog(ctx)),
        ("restore", lambda: RestoreDialog(ctx)),
    ]
    if draft:
        made.append(("invoice_edit", lambda: InvoiceDialog(ctx, draft)))
    if posted:
        made.append(("credit_note", lambda: CreditNoteDialog(ctx, posted)))
    if part:
        made += [("part_edit", lambda: PartDialog(ctx, part_id=part)),
                 ("adjust_stock", lambda: AdjustStockDialog(ctx, part))]
    if supplier:
        made.append(("supplier_edit", lambda: SupplierDialog(ctx, supplier_id=supplier)))
    if order:
        made += [("order_edit", lambda: OrderDialog(ctx, order_id=order)),
                 ("receive", lambda: ReceiveDialog(ctx, order))]
    if count:
        made.append(("count_entry", lambda: CountEntryDialog(ctx, count)))
    if rebates:
        made.append(("rebate_receipt", lambda: ReceiptDialog(ctx, rebates[0])))
    if claims:
        made.append(("claim_approve", lambda: ApproveDialog(ctx, claims[0])))
    if user is not None:
        made.append(("set_password", lambda: SetPasswordDialog(ctx, user.id, user.username)))
    made.append(("booking_new", lambda: BookingDialog(
        ctx, workshop, start=datetime.combine(date.today() + timedelta(days=1), time(9)))))
    made.append(("resource_new", lambda: ResourceDialog(ctx)))
    made.append(("parts_to_prepare", lambda: PrepareDialog(ctx, date.today() + timedelta(days=1))))
    if workshop:
        made.append(("resource_edit", lambda: ResourceDialog(ctx, resource=workshop[0])))
    if booked is not None:
        made += [("booking_edit", lambda: BookingDialog(ctx, workshop, appointment=booked)),
                 ("booking_cancel", lambda: CancelDialog(booked))]
    made.append(("repair_order_new", lambda: RepairOrderEditor(ctx)))
    made.append(("service_packages", lambda: PackagesDialog(ctx)))
    made.append(("operation_new", lambda: OperationDialog(ctx)))
    operation = _first_id(ctx, "labour_operations")
    if operation:
        made.append(("operation_edit", lambda: OperationDialog(ctx, operation_id=operation)))
    made.append(("labour_rates", lambda: RatesDialog(ctx)))
    made.append(("check_templates", lambda: CheckTemplatesDialog(ctx)))
    if repair_order:
        made.append(("repair_order_edit", lambda: RepairOrderEditor(ctx, repair_order)))

        def form(name: str) -> Callable[[], Any]:
            def make() -> Any:
                editor = RepairOrderEditor(ctx, repair_order)
                job = editor.view.jobs[0] if editor.view and editor.view.jobs else None
                if job is None:
                    raise LookupError("the repair order has no job")
                dialog = getattr(editor, f"{name}_form")(job)
                dialog.setParent(None)
                editor.deleteLater()
                return dialog
            return make

        made += [(f"repair_order_{name}", form(name)) for name in ("labour", "part", "extra", "package", "warranty")]
    made.append(("correct_times", lambda: _correct_times(ctx)))
    made.append(("clocking_reason", lambda: _reason_dialog(ctx)))
    checked, campaign_car = _reception_examples(ctx)
    if checked:
        made += [("health_check", lambda: HealthCheckDialog(ctx, checked)),
                 ("estimates", lambda: EstimatesDialog(ctx, checked))]
    made.append(("estimate", lambda: EstimateDialog(ctx, job_id="", description="刹车片磨损")))
    if campaign_car:
        made.append(("reception_car", lambda: _reception_with(ctx, campaign_car)))
    made += _workshop_dialogs(ctx)
    made += _customer_dialogs(ctx, customer)
    made += _stock_dialogs(ctx)
    made += _finance_dialogs(ctx)
    made += _lead_dialogs(ctx)
    made += _sales_dialogs(ctx)
    return made


def _customer_dialogs(ctx: Any, customer: str | None) -> list[tuple[str, Callable[[], Any]]]:
    from services.customers import duplicates
    from ui.customers.duplicates import MergeDialog
    from ui.customers.notes import NoteDialog

    made: list[tuple[str, Callable[[], Any]]] = []
    if customer:
        made.append(("customer_note", lambda: NoteDialog(ctx, customer)))
    clusters = duplicates.clusters(ctx.db, ctx.actor) if ctx.can("customer.merge") else []
    if clusters:
        made.append(("customer_merge", lambda: MergeDialog(ctx, clusters[0])))
    return made


def _stock_dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.vehicles.catalogue import ModelDialog
    from ui.vehicles.stock import AddStockDialog, ArriveDialog, CostDialog, DocumentsDialog, EditStockDialog

    made: list[tuple[str, Callable[[], Any]]] = [("stock_new", lambda: AddStockDialog(ctx)),
                                                 ("catalogue_model_new", lambda: ModelDialog(ctx))]
    car = _first_id(ctx, "stock_vehicles", status="in_stock")
    coming = _first_id(ctx, "stock_vehicles", status="on_order") or _first_id(ctx, "stock_vehicles",
                                                                             status="in_transit")
    model = _first_id(ctx, "catalogue_models")
    if car:
        made += [("stock_edit", lambda: EditStockDialog(ctx, stock_vehicle_id=car)),
                 ("stock_cost", lambda: CostDialog(ctx, stock_vehicle_id=car)),
                 ("stock_documents", lambda: DocumentsDialog(ctx, stock_vehicle_id=car))]
    if coming:
        made.append(("stock_arrive", lambda: ArriveDialog(ctx, stock_vehicle_id=coming)))
    if model:
        made.append(("catalogue_model_edit", lambda: ModelDialog(ctx, model_id=model)))
    return made


def _finance_dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    from datetime import date

    from services.sales import finance, targets, trade_ins
    from ui.sales.finance import LoanDialog, LoanMoveDialog, PolicyDialog
    from ui.sales.targets import CommissionDialog, TargetsDialog
    from ui.sales.trade_ins import AcceptDialog, AppraisalDialog, TakeInDialog

    db, actor = ctx.db, ctx.actor
    made: list[tuple[str, Callable[[], Any]]] = [
        ("loan_new", lambda: LoanDialog(ctx)), ("policy_new", lambda: PolicyDialog(ctx)),
        ("appraisal_new", lambda: AppraisalDialog(ctx))]
    loan = _first_id(ctx, "loan_applications", status="submitted")
    if loan:
        made += [("loan_edit", lambda: LoanDialog(ctx, loan_id=loan)),
                 ("loan_approved", lambda: LoanMoveDialog(ctx, loan=finance.get_loan(db, actor, loan),
                                                          to_status="approved"))]
    policy = _first_id(ctx, "insurance_renewals_due") or _first_id(ctx, "insurance_policies", renewed=False)
    if policy:
        made.append(("policy_renew", lambda: PolicyDialog(ctx, renew_id=policy)))
    appraised = _first_id(ctx, "trade_ins", status="appraised")
    if appraised:
        made += [("appraisal_edit", lambda: AppraisalDialog(ctx, trade_in_id=appraised)),
                 ("appraisal_accept", lambda: AcceptDialog(ctx, appraisal=trade_ins.get_appraisal(db, actor,
                                                                                                  appraised)))]
    accepted = _first_id(ctx, "trade_ins", status="accepted")
    if accepted:
        made.append(("take_in", lambda: TakeInDialog(ctx, appraisal=trade_ins.get_appraisal(db, actor, accepted))))
    month = date.today().replace(day=1)
    rows = targets.performance(db, actor, month)
    made += [("sales_targets_edit", lambda: TargetsDialog(ctx, month=month, rows=rows)),
             ("commission", lambda: CommissionDialog(ctx, people=[(r.salesperson, r.name) for r in rows]))]
    return made


def _lead_dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.sales.leads import LeadDialog, LostDialog, TaskDialog, TaskDoneDialog, TestDriveDialog

    made: list[tuple[str, Callable[[], Any]]] = [("lead_new", lambda: LeadDialog(ctx, None))]
    lead = _first_id(ctx, "leads", status="contacted") or _first_id(ctx, "leads")
    task = _first_id(ctx, "lead_tasks", open=True)
    if lead:
        made += [("lead_edit", lambda: LeadDialog(ctx, lead)), ("lead_lost", lambda: LostDialog(ctx, lead)),
                 ("lead_task", lambda: TaskDialog(ctx, lead)), ("test_drive", lambda: TestDriveDialog(ctx, lead))]
    if task:
        made.append(("lead_task_done", lambda: TaskDoneDialog(ctx, task)))
    return made


def _sales_dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    from services.sales import deals
    from ui.sales.approvals import ApprovalLevelsDialog, SendBackDialog
    from ui.sales.deals import CancelDealDialog, DealDialog, OrderDialog
    from ui.sales.delivery import DeliveryDialog

    made: list[tuple[str, Callable[[], Any]]] = [("deal_new", lambda: DealDialog(ctx))]
    quotation = _first_id(ctx, "deals", status="quotation")
    ordered = _first_id(ctx, "deals", status="ordered")
    if quotation:
        made += [("deal_edit", lambda: DealDialog(ctx, deal_id=quotation)),
                 ("deal_order", lambda: OrderDialog(ctx, None, deals.get(ctx.db, ctx.actor, quotation)))]
    if ordered:
        made += [("deal_cancel", lambda: CancelDealDialog(ctx, None, deals.get(ctx.db, ctx.actor, ordered))),
                 ("delivery", lambda: DeliveryDialog(ctx, ordered))]
    made += [("send_back", lambda: SendBackDialog()), ("approval_levels", lambda: ApprovalLevelsDialog(ctx))]
    return made


def _workshop_dialogs(ctx: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.workshop.handover import HandoverDialog
    from ui.workshop.surveys import SurveyDialog, TaskDoneDialog

    made: list[tuple[str, Callable[[], Any]]] = []
    repair_order = _first_id(ctx, "repair_orders", status="completed") or _first_id(ctx, "repair_orders")
    survey = _first_id(ctx, "surveys", status="due") or _first_id(ctx, "surveys")
    task = _first_id(ctx, "follow_up_tasks")
    if repair_order:
        made.append(("handover", lambda: HandoverDialog(ctx, repair_order)))
    if survey:
        made.append(("survey", lambda: SurveyDialog(ctx, survey)))
    if task:
        made.append(("follow_up_done", lambda: TaskDoneDialog(ctx, task)))
    return made


def _reason_dialog(ctx: Any) -> Any:
    from services.workshop import attendance
    from ui.workshop.clock import ReasonDialog

    return ReasonDialog(ctx, attendance.reasons(ctx.db, ctx.actor, include_inactive=True))


def _correct_times(ctx: Any) -> Any:
    """The foreman's correction of a technician's clocking (the demo technician's first one)."""
    from datetime import timedelta

    from core import clock
    from services.workshop.attendance import TimeEntry
    from ui.workshop.clock import CorrectTimesDialog

    started = clock.now().replace(second=0, microsecond=0) - timedelta(hours=3)
    entry = TimeEntry("", "job", "tech", started, started + timedelta(hours=1, minutes=20), "ROT1-2026-000001", 1,
                      "刹车异响")
    return CorrectTimesDialog(ctx, entry, what="ROT1-2026-000001 · 1 · 刹车异响")


def _reception_examples(ctx: Any) -> tuple[str | None, str | None]:
    """A repair order with a health check, and a customer's car with an open campaign, from the demo."""
    from sqlalchemy import select

    from models.reception import CampaignVehicle, HealthCheck
    from models.vehicles import Vehicle

    with ctx.db.read() as conn:
        checked = conn.execute(select(HealthCheck.repair_order_id).order_by(HealthCheck.created_at).limit(1)).scalar()
        car = conn.execute(select(Vehicle.id).join(CampaignVehicle, CampaignVehicle.vin == Vehicle.vin)
                           .where(Vehicle.owner_id.is_not(None)).order_by(Vehicle.vin).limit(1)).scalar()
    return checked, car


def _reception_with(ctx: Any, vehicle_id: str) -> Any:
    """The reception page, as a window of the main window's size, showing a car being checked in."""
    from PySide6.QtCore import Qt

    from ui.workshop.reception import ReceptionScreen

    screen = ReceptionScreen(ctx)
    screen.setWindowFlag(Qt.WindowType.Window)
    screen.resize(*WORK_AREA)
    screen.choose(vehicle_id)
    return screen


def render_all(out: Path, db_path: Path, *, languages: tuple[str, ...] = LANGUAGES,
               only: Callable[[str], bool] | None = None) -> list[Shot]:
    """Render every page of the owner's main window and every dialog, in each language, into
    ``out``; returns the pictures with what does not fit in each. GUI thread."""
    from PySide6.QtWidgets import QApplication

    import demo
    from services import users
    from services.setup import open_database
    from ui import appearance
    from ui.context import AppContext
    from ui.main_window import PAGE_ROLE, MainWindow

    app = QApplication.instance() or QApplication([])
    appearance.apply(app)
    out.mkdir(parents=True, exist_ok=True)
    db = open_database(db_path)
    data = data_words(db_path)
    shots: list[Shot] = []
    try:
        name, password = next((u[0], u[1]) for u in demo.DEMO_USERS if u[2] == "owner")
        actor = users.login(db, name, password)
        for language in languages:
            with _language(language):
                ctx = AppContext(db, actor)
                window = MainWindow(ctx)
                window.resize(*WORK_AREA)
                window.show()
                _settle()
                for page in window.pages:
                    key = f"screen_{page.key}"
                    if only is not None and not only(key):
                        continue
                    screen = window.show_page(page.key)
                    if hasattr(screen, "list"):
                        screen.list.table.selectRow(0)
                    _settle()
                    shot = Shot(key, language, out / f"{key}_{language}.png")
                    shot.problems = cut_off(window)
                    if language != "en":
                        shot.problems += [f"untranslated: {w}" for w in english_words(window, data)]
                    bar = window.statusBar()
                    if not bar.isVisible() or bar.geometry().bottom() >= window.height():
                        shot.problems.append("the status bar is not on screen")
                    # Every section is reachable without scrolling (folded sections show their header)
                    # and the current page's section shows its pages.
                    nav = window.nav
                    for i in range(nav.count()):
                        item = nav.item(i)
                        if (item.data(PAGE_ROLE) is None or not item.isHidden()) and \
                                not nav.viewport().rect().contains(nav.visualItemRect(item)):
                            shot.problems.append(f"navigation hides '{item.text().strip()}'")
                            break
                    current = nav.currentItem()
                    if current is not None and current.isHidden():
                        shot.problems.append("navigation hides the current page")
                    window.grab().save(str(shot.path))
                    shots.append(shot)
                for key, make in dialogs(ctx):
                    key = f"dialog_{key}"
                    if only is not None and not only(key):
                        continue
                    shot = Shot(key, language, out / f"{key}_{language}.png")
                    try:
                        dialog = make()
                    except Exception as exc:  # noqa: BLE001 - a dialog that cannot open is reported, not fatal
                        shot.problems.append(f"could not be opened: {exc!r}")
                        shots.append(shot)
                        continue
                    dialog.setParent(window, dialog.windowFlags())
                    fit(dialog)
                    dialog.show()
                    _settle()
                    shot.problems = cut_off(dialog)
                    if language != "en":
                        shot.problems += [f"untranslated: {w}" for w in english_words(dialog, data)]
                    dialog.grab().save(str(shot.path))
                    if hasattr(dialog, "done"):
                        dialog.done(0)
                    else:
                        dialog.close()
                    dialog.deleteLater()
                    shots.append(shot)
                window.close()
                window.deleteLater()
                _settle()
    finally:
        _settle()
        db.dispose()
    return shots


def front_desk_platform(folder: Path) -> str:
    """A ``QT_QPA_PLATFORM`` value for an offscreen screen of :data:`SCREEN` (its file is written to
    ``folder``)."""
    config = folder / "front-desk-screen.json"
    config.write_text(json.dumps({"screens": [{"name": "front-desk", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}),
                      encoding="utf-8")
    return f"offscreen:configfile={config}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--db", type=Path, help="a demo database (default: a small one made for the run)")
    parser.add_argument("--language", action="append", choices=LANGUAGES)
    args = parser.parse_args()
    languages = tuple(args.language or LANGUAGES)
    with tempfile.TemporaryDirectory() as tmp:
        if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            os.environ["QT_QPA_PLATFORM"] = front_desk_platform(Path(tmp))
        db_path = args.db
        if db_path is None:
            import demo

            db_path = Path(tmp) / "demo.db"
            demo.build(db_path, size="small", seed=1)
        shots = render_all(args.out, db_path, languages=languages)
    bad = 0
    for shot in shots:
        print(f"{shot.path}{'' if not shot.problems else '  ✗ ' + '; '.join(shot.problems)}")
        bad += bool(shot.problems)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
