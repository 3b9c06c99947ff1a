"""The health check of a repair order (多项检查): start it from a template, rate each point green, amber
or red with a note and photos, price the amber and red points as estimates, record the customer's
answer, finish the check and print it for the customer.

Keyboard first: the points' table has the focus; 1, 2 and 3 rate the current point green, amber and
red (0 takes the rating back) and move to the next; F2 edits its note; Ctrl+P prints.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.parts import catalogue as parts_catalogue
from services.workshop import estimates, health_check
from services.workshop.estimates import EstimateLineInput
from services.workshop.health_check import CheckView, ItemView
from services.workshop.rules import EDITABLE
from ui.context import AppContext
from ui.formatting import local_datetime, money_text
from ui.widgets.fields import QuantityEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.workers import Op, Query

RATING_KEYS = {Qt.Key.Key_1: "green", Qt.Key.Key_2: "amber", Qt.Key.Key_3: "red", Qt.Key.Key_0: ""}
RATING_COLOURS = {"green": "#d8f0dc", "amber": "#ffe9b3", "red": "#f8d0d0"}
COLUMNS = 6
NOTE_COLUMN = 3


def rating_labels() -> dict[str, str]:
    return {"green": QCoreApplication.translate("HealthCheck", "Green"),
            "amber": QCoreApplication.translate("HealthCheck", "Amber"),
            "red": QCoreApplication.translate("HealthCheck", "Red"),
            "": QCoreApplication.translate("HealthCheck", "Not rated")}


def estimate_labels() -> dict[str, str]:
    return {"pending": QCoreApplication.translate("HealthCheck", "Awaiting answer"),
            "approved": QCoreApplication.translate("HealthCheck", "Approved"),
            "declined": QCoreApplication.translate("HealthCheck", "Declined")}


def parse_hours(text: str, *, field: str = "hours") -> int | None:
    """Typed hours ("1.5") → hundredths; None when empty. A ValidationError names ``field``."""
    cleaned = text.strip().replace("。", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned) * 100
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValidationError(field, QCoreApplication.translate("HealthCheck", "Enter hours like 1.5"))
    return int(value)


class EstimateDialog(FormDialog):
    """Price work for the customer: a description, a labour line (hours) and a part (by number). It
    is saved as an estimate of a health-check point (``item_id``) or of extra work on a job
    (``job_id``)."""

    def __init__(self, ctx: AppContext, *, item_id: str | None = None, job_id: str | None = None,
                 jobs: list[tuple[str, str]] | None = None, description: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id, self.job_id = item_id, job_id
        self.setWindowTitle(self.tr("Estimate for the customer"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        # Extra work found during a job: the job it was found on (its lines join that job).
        self.job = QComboBox()
        self.job.setObjectName("job")
        for value, label in jobs or []:
            self.job.addItem(label, value)
        if jobs:
            self.errors.add_row("job", self.tr("Found on &job"), self.job)
        else:
            self.job.hide()
        self.description = QLineEdit(description)
        self.description.setObjectName("description")
        self.errors.add_row("description", self.tr("&Work"), self.description)
        self.labour = QLineEdit()
        self.labour.setObjectName("labour")
        self.labour.setPlaceholderText(self.tr("What the technician does"))
        self.errors.add_row("labour", self.tr("&Labour"), self.labour)
        self.hours = QLineEdit()
        self.hours.setObjectName("hours")
        self.hours.setPlaceholderText(self.tr("e.g. 1.5"))
        self.errors.add_row("hours", self.tr("&Hours"), self.hours)
        self.part = QLineEdit()
        self.part.setObjectName("part_number")
        self.part.setPlaceholderText(self.tr("Part number (optional)"))
        self.errors.add_row("part_number", self.tr("&Part"), self.part)
        self.quantity = QuantityEdit(field="quantity")
        self.quantity.setObjectName("quantity")
        self.quantity.set_value(1000)
        self.errors.add_row("quantity", self.tr("&Quantity"), self.quantity)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Labour is priced at the hourly rate, the part at its retail price.")))
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        (self.labour if description else self.description).setFocus()

    def lines_typed(self) -> tuple[list[EstimateLineInput], str]:
        """The labour line typed and the part number (looked up on save). GUI thread."""
        lines = []
        hours = parse_hours(self.hours.text())
        if hours is not None or self.labour.text().strip():
            if hours is None:
                raise ValidationError("hours", self.tr("Enter hours like 1.5"))
            lines.append(EstimateLineInput("labour", self.labour.text().strip() or self.description.text().strip(),
                                           hours=hours))
        return lines, self.part.text().strip()

    def save(self) -> None:
        try:
            lines, number = self.lines_typed()
            quantity = self.quantity.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor = self.ctx.db, self.ctx.actor
        item_id, description = self.item_id, self.description.text().strip()
        job_id = self.job.currentData() if self.job.count() else self.job_id
        not_found = self.tr("No part has that number")

        def work() -> str:
            priced = list(lines)
            if number:
                part = parts_catalogue.part_by_number(db, actor, number)
                if part is None:
                    raise ValidationError("part_number", not_found)
                priced.append(EstimateLineInput("part", part_id=part.id, quantity=quantity))
            if item_id:
                return estimates.estimate_check_item(db, actor, item_id, priced, description=description)
            return estimates.estimate_extra_work(db, actor, job_id or "", description, priced)

        self.submit(work)

    def show_field_error(self, exc: ValidationError) -> bool:
        if exc.field.startswith("lines"):
            field = "part_number" if exc.field.endswith(("part_id", "quantity")) and self.part.text() else "hours"
            return self.errors.show(ValidationError(field, exc.detail))
        return self.errors.show(exc)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, **kwargs) -> str | None:
        return run_dialog(parent, lambda: cls(ctx, parent=parent, **kwargs), lambda d: d.saved_id)


class HealthCheckDialog(QDialog):
    """A repair order's health check; its changes run on the database worker."""

    def __init__(self, ctx: AppContext, repair_order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.repair_order_id = repair_order_id
        self.check: CheckView | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Health check"))
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.start_button = QPushButton(self.tr("&Start check"))
        self.start_button.clicked.connect(self.start)
        self.start_row = QWidget()
        start = QHBoxLayout(self.start_row)
        start.setContentsMargins(0, 0, 0, 0)
        template_label = QLabel(self.tr("&Template"))
        template_label.setBuddy(self.template)
        start.addWidget(template_label)
        start.addWidget(self.template, 1)
        start.addWidget(self.start_button)
        self.templates_button = QPushButton(self.tr("Te&mplates…"))
        self.templates_button.setObjectName("checkTemplates")
        self.templates_button.setToolTip(self.tr("Change the templates or add one"))
        self.templates_button.setVisible(ctx.can("workshop.catalogue"))
        enter_presses(self.templates_button)
        self.templates_button.clicked.connect(self.edit_templates)
        start.addWidget(self.templates_button)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("points")
        self.table.setHorizontalHeaderLabels([self.tr("System"), self.tr("Point"), self.tr("Rating"), self.tr("Note"),
                                              self.tr("Photos"), self.tr("Estimate")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        for column, width in ((0, 80), (1, 170), (2, 80), (4, 60), (5, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._note_edited)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.summary = hint_label(self.tr("Rate the current point with 1 (green), 2 (amber) or 3 (red); F2 edits "
                                          "its note."))

        labels = rating_labels()
        self.green_button = QPushButton(labels["green"] + " (1)")
        self.amber_button = QPushButton(labels["amber"] + " (2)")
        self.red_button = QPushButton(labels["red"] + " (3)")
        for button, rating in ((self.green_button, "green"), (self.amber_button, "amber"), (self.red_button, "red")):
            button.setObjectName(f"rate_{rating}")
            button.clicked.connect(lambda _checked=False, r=rating: self.rate_current(r))
        self.photo_button = QPushButton(self.tr("Add p&hoto…"))
        self.photo_button.clicked.connect(self.add_photo)
        self.estimate_button = QPushButton(self.tr("&Estimate…"))
        self.estimate_button.clicked.connect(self.estimate)
        self.approve_button = QPushButton(self.tr("Appro&ve"))
        self.approve_button.clicked.connect(lambda: self.answer(True))
        self.decline_button = QPushButton(self.tr("&Decline"))
        self.decline_button.clicked.connect(lambda: self.answer(False))
        self.finish_button = QPushButton(self.tr("&Finish check"))
        self.finish_button.clicked.connect(self.finish)
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_check)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        # Enter belongs to the table (it ends a note's edit): no button takes it as the default.
        for button in self.findChildren(QPushButton):
            enter_presses(button)
        rate_row = QHBoxLayout()
        for button in (self.green_button, self.amber_button, self.red_button, self.photo_button):
            rate_row.addWidget(button)
        rate_row.addStretch(1)
        for button in (self.estimate_button, self.approve_button, self.decline_button):
            rate_row.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for button in (self.finish_button, self.print_button, close):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.start_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(rate_row)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_check)
        self.resize(1000, 600)
        self.load()

    # --- reading ------------------------------------------------------------------------------
    def load(self) -> Query:
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id

        def read() -> tuple[CheckView | None, list]:
            ids = health_check.checks_of(db, actor, ro_id)
            if ids:
                return health_check.get_check(db, actor, ids[-1]), []
            return None, health_check.templates(db, actor)

        return Query(self, read).success(self._loaded).run()

    def _loaded(self, result: tuple[CheckView | None, list]) -> None:
        check, templates = result
        self.check = check
        self.start_row.setVisible(check is None)
        if check is None:
            self.template.clear()
            for t in templates:
                self.template.addItem(self.tr("%1 (%2 points)").replace("%1", t.name).replace("%2", str(t.items)),
                                      t.id)
            self.heading.setText(self.tr("No health check yet: choose a template and start it."))
            self.start_button.setEnabled(bool(templates) and self.ctx.can("workshop.inspect"))
            self.table.setRowCount(0)
            self.template.setFocus()
        else:
            self._fill(check)
        self._update_buttons()

    def _fill(self, check: CheckView) -> None:
        row = max(self.table.currentRow(), 0)
        self._filling = True
        labels, answers = rating_labels(), estimate_labels()
        cur = self.ctx.settings.currency
        self.table.setRowCount(len(check.items))
        for r, item in enumerate(check.items):
            estimate = ""
            if item.estimate_id:
                estimate = answers.get(item.estimate_status, item.estimate_status)
                if item.estimate_total is not None:
                    estimate = f"{money_text(item.estimate_total, cur)} · {estimate}"
            values = (item.system, item.name, labels.get(item.rating, item.rating), item.note,
                      str(len(item.photos)) if item.photos else "", estimate)
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if c == NOTE_COLUMN:
                    flags |= Qt.ItemFlag.ItemIsEditable
                cell.setFlags(flags)
                if c == 2 and item.rating in RATING_COLOURS:
                    cell.setBackground(QBrush(QColor(RATING_COLOURS[item.rating])))
                self.table.setItem(r, c, cell)
        self._filling = False
        counts = check.counts()
        state = (self.tr("finished") if check.completed_at else self.tr("under way"))
        self.heading.setText(
            self.tr("%1 · %2 · %3 — %4, %5").replace("%1", check.repair_order_number)
            .replace("%2", " ".join(x for x in (check.plate, check.vehicle) if x)).replace("%3", check.template_name)
            .replace("%4", state).replace("%5", self.tr("green %1, amber %2, red %3, not rated %4")
                                          .replace("%1", str(counts["green"])).replace("%2", str(counts["amber"]))
                                          .replace("%3", str(counts["red"])).replace("%4", str(counts[""]))))
        if check.items:
            self.table.setCurrentCell(min(row, len(check.items) - 1), 1)
        self.table.setFocus()

    def current_item(self) -> ItemView | None:
        if self.check is None:
            return None
        row = self.table.currentRow()
        return self.check.items[row] if 0 <= row < len(self.check.items) else None

    def _update_buttons(self) -> None:
        item = self.current_item()
        # Once the work is done the check is a record: it can be read and printed, not changed.
        open_work = self.check is not None and self.check.repair_order_status in EDITABLE
        inspect = self.ctx.can("workshop.inspect") and open_work
        edit = self.ctx.can("workshop.edit") and open_work
        for button in (self.green_button, self.amber_button, self.red_button, self.photo_button):
            button.setEnabled(inspect and item is not None)
        flagged = item is not None and item.rating in ("amber", "red")
        self.estimate_button.setEnabled(edit and flagged and item.estimate_status in ("", "declined"))
        pending = item is not None and item.estimate_status == "pending"
        self.approve_button.setEnabled(edit and pending)
        self.decline_button.setEnabled(edit and pending)
        self.finish_button.setEnabled(inspect and self.check is not None and self.check.completed_at is None)
        self.print_button.setEnabled(self.check is not None)

    # --- changing -----------------------------------------------------------------------------
    def edit_templates(self) -> None:
        from ui.workshop.check_templates import CheckTemplatesDialog

        if CheckTemplatesDialog.ask(self.ctx, parent=self):
            self.load()

    def _run(self, work) -> Op:
        return Op(self, lambda _p, _c: work()).success(lambda _r: self.load()).run()

    def start(self) -> Op | None:
        template_id = self.template.currentData()
        if not template_id:
            return None
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        return self._run(lambda: health_check.start_check(db, actor, ro_id, template_id))

    def rate_current(self, rating: str) -> Op | None:
        item = self.current_item()
        if item is None or not self.green_button.isEnabled():
            return None
        db, actor = self.ctx.db, self.ctx.actor
        row = self.table.currentRow()
        if row + 1 < self.table.rowCount():
            self.table.setCurrentCell(row + 1, 1)
        return self._run(lambda: health_check.rate_item(db, actor, item.id, rating, item.note))

    def _note_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != NOTE_COLUMN or self.check is None:
            return
        item = self.check.items[cell.row()]
        if cell.text().strip() == item.note:
            return
        db, actor, note = self.ctx.db, self.ctx.actor, cell.text()
        self._run(lambda: health_check.rate_item(db, actor, item.id, item.rating, note))

    def add_photo(self) -> Op | None:
        item = self.current_item()
        if item is None:
            return None
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Add a photo"), "",
                                                    self.tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"))
        if not path:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        return self._run(lambda: health_check.add_photo(db, actor, item.id, path))

    def estimate(self) -> None:
        item = self.current_item()
        if item is None:
            return
        description = " — ".join(x for x in (f"{item.system}: {item.name}", item.note) if x)
        if EstimateDialog.ask(self, self.ctx, item_id=item.id, description=description):
            self.load()

    def answer(self, approved: bool) -> Op | None:
        item = self.current_item()
        if item is None or not item.estimate_id:
            return None
        db, actor, estimate_id = self.ctx.db, self.ctx.actor, item.estimate_id
        if approved:
            return self._run(lambda: estimates.approve(db, actor, estimate_id))
        return self._run(lambda: estimates.decline(db, actor, estimate_id))

    def finish(self) -> Op | None:
        if self.check is None:
            return None
        db, actor, check_id = self.ctx.db, self.ctx.actor, self.check.id
        return self._run(lambda: health_check.complete_check(db, actor, check_id))

    def print_check(self) -> None:
        if self.check is None:
            return
        from ui.printing import print_document

        db, actor, check_id, number = self.ctx.db, self.ctx.actor, self.check.id, self.check.repair_order_number
        print_document(self, lambda out: health_check.health_check_pdf(db, actor, check_id, out), title=number,
                       save_name=f"{number}-health-check.pdf")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self.table.state() != \
                QAbstractItemView.State.EditingState:
            rating = RATING_KEYS.get(Qt.Key(event.key()))
            if rating is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.rate_current(rating)
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, repair_order_id: str) -> None:
        run_dialog(parent, lambda: cls(ctx, repair_order_id, parent), lambda _d: None)


class EstimatesDialog(QDialog):
    """The estimates offered on a repair order — from health-check points, extra work found during a
    job, work declined before — with the customer's answer, who entered it and when. New extra work
    is priced here; Approve and Decline record the customer's answer."""

    COLUMNS = 6

    def __init__(self, ctx: AppContext, repair_order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.repair_order_id = repair_order_id
        self.rows: list[estimates.EstimateView] = []
        self.jobs: list[tuple[str, str]] = []
        self.setWindowTitle(self.tr("Estimates"))
        self.heading = QLabel()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("estimates")
        self.table.setHorizontalHeaderLabels([self.tr("Work"), self.tr("From"), self.tr("Amount"), self.tr("Answer"),
                                              self.tr("Entered by"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 100), (3, 110), (4, 90), (5, 130)):
            self.table.setColumnWidth(column, width)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.new_button = QPushButton(self.tr("E&xtra work…"))
        self.new_button.clicked.connect(self.new_estimate)
        self.approve_button = QPushButton(self.tr("Appro&ve"))
        self.approve_button.clicked.connect(lambda: self.answer(True))
        self.decline_button = QPushButton(self.tr("&Decline"))
        self.decline_button.clicked.connect(lambda: self.answer(False))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.new_button, self.approve_button, self.decline_button, close):
            enter_presses(button)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        for button in (self.approve_button, self.decline_button, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint_label(self.tr("Approved work joins the repair order; declined work is offered again "
                                            "at the car's next visit.")))
        layout.addLayout(row)
        self.resize(900, 420)
        self.load()

    def load(self) -> Query:
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id

        def read():
            from services.workshop import orders

            ro = orders.get(db, actor, ro_id)
            return ro, estimates.estimates_of(db, actor, ro_id)

        return Query(self, read).success(self._loaded).run()

    def _loaded(self, result) -> None:
        ro, rows = result
        self.rows = rows
        self.jobs = [(j.id, f"{j.job_no}. {j.description}") for j in ro.jobs]
        self.heading.setText(self.tr("Repair order %1 · %2").replace("%1", ro.number).replace("%2", ro.plate or ro.vin))
        sources = {"health_check": self.tr("Health check"), "extra_work": self.tr("Extra work"),
                   "declined_before": self.tr("Declined before")}
        answers = estimate_labels()
        cur = self.ctx.settings.currency
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            values = (e.description, sources.get(e.source, e.source),
                      money_text(e.total, cur) if e.total is not None else "", answers.get(e.status, e.status),
                      e.decided_by, local_datetime(e.decided_at) if e.decided_at else "")
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        if rows:
            self.table.setCurrentCell(max(0, min(self.table.currentRow(), len(rows) - 1)), 0)
        self.table.setFocus()
        self._update_buttons()

    def _current(self) -> estimates.EstimateView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        edit = self.ctx.can("workshop.edit")
        current = self._current()
        self.new_button.setEnabled(edit and bool(self.jobs))
        pending = current is not None and current.status == "pending"
        self.approve_button.setEnabled(edit and pending)
        self.decline_button.setEnabled(edit and pending)

    def new_estimate(self) -> None:
        if self.jobs and EstimateDialog.ask(self, self.ctx, jobs=self.jobs):
            self.load()

    def answer(self, approved: bool) -> Op | None:
        current = self._current()
        if current is None or current.status != "pending":
            return None
        db, actor, estimate_id = self.ctx.db, self.ctx.actor, current.id
        work = (lambda: estimates.approve(db, actor, estimate_id)) if approved else (
            lambda: estimates.decline(db, actor, estimate_id))
        return Op(self, lambda _p, _c: work()).success(lambda _r: self.load()).run()

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, repair_order_id: str) -> None:
        run_dialog(parent, lambda: cls(ctx, repair_order_id, parent), lambda _d: None)
