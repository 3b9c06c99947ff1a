"""The workshop calendar (issue 10 §2, §11): a day or a week of bookings by advisor, bay or
technician, with each one's booked hours against capacity, and the bookings of the chosen day.

Keyboard first: ←/→ move a day (the week follows), ↑/↓ choose the advisor, bay or technician, N
books a car in, Enter opens the chosen booking, Delete cancels it with a reason, Ctrl+←/→ moves it a
day and Ctrl+↑/↓ half an hour — within its day's working hours, never into another day (the screen
says so at the edge). A move refused beyond capacity or outside the working hours asks someone who
may overbook for the reason and tries again. Everything is read and written on the database worker.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.workshop import appointments
from services.workshop.appointments import (
    AppointmentInput,
    AppointmentView,
    Calendar,
    Resource,
    ResourceInput,
    ShiftInput,
)
from store.changes import Changes
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import date_text
from ui.messages import detail_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.exporting import add_export, ask_path, export_view, run_export
from ui.widgets.fields import DateEdit, TimeEdit
from ui.widgets.forms import AskReasonDialog, FieldErrors, FormDialog, error_label, hint_label, run_dialog
from ui.widgets.keys import enter_presses
from ui.workers import Op, Query

TABLES = ("appointment", "appointment_operation", "workshop_resource", "workshop_shift", "customer", "vehicle")
ID_ROLE = Qt.ItemDataRole.UserRole
STEP_MINUTES = 30


def status_labels() -> dict[str, str]:
    return {"booked": QCoreApplication.translate("Appointments", "Booked"),
            "arrived": QCoreApplication.translate("Appointments", "Arrived"),
            "cancelled": QCoreApplication.translate("Appointments", "Cancelled"),
            "no_show": QCoreApplication.translate("Appointments", "No-show")}


def group_labels() -> dict[str, str]:
    return {"advisor": QCoreApplication.translate("Appointments", "By advisor"),
            "bay": QCoreApplication.translate("Appointments", "By bay"),
            "technician": QCoreApplication.translate("Appointments", "By technician")}


def hours_text(hundredths: int) -> str:
    return f"{Decimal(hundredths) / 100:.2f}".rstrip("0").rstrip(".")


def parse_hours(text: str) -> int | None:
    """Hours typed as a decimal ("1.5", "2 h") in hundredths; None when empty. A ValidationError
    names ``booked_hours``."""
    text = text.strip().lower().removesuffix("h").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite():
        value = Decimal(-1)
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValidationError("booked_hours", QCoreApplication.translate(
            "Appointments", "Enter the hours as a number such as 1.5"))
    return int(value * 100)


def _weekday_name(day: date) -> str:
    names = (QCoreApplication.translate("Appointments", "Mon"), QCoreApplication.translate("Appointments", "Tue"),
             QCoreApplication.translate("Appointments", "Wed"), QCoreApplication.translate("Appointments", "Thu"),
             QCoreApplication.translate("Appointments", "Fri"), QCoreApplication.translate("Appointments", "Sat"),
             QCoreApplication.translate("Appointments", "Sun"))
    return names[day.weekday()]


class CalendarScreen(QWidget):
    """The calendar page. GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = date.today()
        self.week = True
        self.group = "technician"
        self.data: Calendar | None = None
        self.query: Query | None = None
        self.op: Op | None = None
        self.can_book = ctx.can("workshop.book")
        self.statuses = status_labels()

        title = QLabel(self.tr("Workshop calendar"))
        title.setObjectName("screenTitle")
        self.view_choice = QComboBox()
        self.view_choice.setObjectName("calendarView")
        self.view_choice.addItem(self.tr("Week"), "week")
        self.view_choice.addItem(self.tr("Day"), "day")
        self.view_choice.currentIndexChanged.connect(self._view_changed)
        self.group_choice = QComboBox()
        self.group_choice.setObjectName("calendarGroup")
        for key, label in group_labels().items():
            self.group_choice.addItem(label, key)
        self.group_choice.setCurrentIndex(self.group_choice.findData(self.group))
        self.group_choice.currentIndexChanged.connect(self._group_changed)
        self.previous_button = QPushButton(self.tr("◀ Earlier"))
        self.previous_button.clicked.connect(lambda: self.go(-7 if self.week else -1))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.clicked.connect(lambda: self.set_day(date.today()))
        self.next_button = QPushButton(self.tr("Later ▶"))
        self.next_button.clicked.connect(lambda: self.go(7 if self.week else 1))
        self.period = QLabel()
        self.period.setObjectName("calendarPeriod")
        self.new_button = QPushButton(self.tr("&New booking"))
        self.new_button.setToolTip("N")
        self.new_button.clicked.connect(self.new_booking)
        self.new_button.setVisible(self.can_book)
        self.hours_button = QPushButton(self.tr("&Working hours…"))
        self.hours_button.setToolTip(self.tr("Technicians, advisors and bays with their working hours"))
        self.hours_button.clicked.connect(self.working_hours)
        self.hours_button.setVisible(ctx.can("workshop.resources"))
        self.prepare_button = QPushButton(self.tr("&Parts to prepare…"))
        self.prepare_button.setToolTip(self.tr("The parts the chosen day's bookings need, against what is available"))
        self.prepare_button.clicked.connect(self.parts_to_prepare)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.period)
        bar.addStretch(1)
        for w in (self.view_choice, self.group_choice, self.previous_button, self.today_button, self.next_button,
                  self.hours_button, self.new_button):
            bar.addWidget(w)

        self.grid = QTableWidget()
        self.grid.setObjectName("calendarGrid")
        self.grid.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(42)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.installEventFilter(self)
        self.grid.currentCellChanged.connect(self._cell_changed)

        self.day_title = QLabel()
        self.day_title.setObjectName("sectionTitle")
        self.bookings = QTableWidget(0, 10)
        self.bookings.setObjectName("calendarBookings")
        self.bookings.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.bookings.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Customer"), self.tr("Plate"), self.tr("Requested work"), self.tr("Hours"),
            self.tr("Advisor"), self.tr("Technician"), self.tr("Bay"), self.tr("Status"),
            self.tr("Parts to prepare")])
        self.bookings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bookings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bookings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bookings.verticalHeader().hide()
        header = self.bookings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((95, 140, 85, 200, 55, 75, 90, 45, 75)):
            self.bookings.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.bookings.installEventFilter(self)
        self.bookings.doubleClicked.connect(lambda _index: self.open_booking())
        self.bookings.itemSelectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Enter"))
        self.open_button.clicked.connect(self.open_booking)
        self.earlier_button = QPushButton(self.tr("Move a day earlier"))
        self.earlier_button.setToolTip("Ctrl+←")
        self.earlier_button.clicked.connect(lambda: self.move_booking(days=-1))
        self.later_button = QPushButton(self.tr("Move a day later"))
        self.later_button.setToolTip("Ctrl+→")
        self.later_button.clicked.connect(lambda: self.move_booking(days=1))
        self.arrived_button = QPushButton(self.tr("&Arrived…"))
        self.arrived_button.clicked.connect(self.arrived)
        self.no_show_button = QPushButton(self.tr("No-&show"))
        self.no_show_button.clicked.connect(self.no_show)
        self.cancel_button = QPushButton(self.tr("&Cancel booking…"))
        self.cancel_button.setToolTip(self.tr("Delete"))
        self.cancel_button.clicked.connect(self.cancel_booking)
        self.acting = [self.earlier_button, self.later_button, self.arrived_button, self.no_show_button,
                       self.cancel_button]
        self.export_button = add_export(self, ctx, self.export)
        actions = QHBoxLayout()
        actions.addWidget(self.day_title)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.open_button)
        for b in self.acting:
            b.setVisible(self.can_book)
            actions.addWidget(b)
        # What a keyboard move could not do (at the edge of the day); cleared by the next move.
        self.notice = error_label()
        self.notice.setObjectName("calendarNotice")
        self.keys_hint = hint_label(self.tr(
            "←/→ day · ↑/↓ advisor, bay or technician · N new booking · Enter open · Delete cancel · "
            "Ctrl+←/→ move a day · Ctrl+↑/↓ move half an hour"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 2)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.bookings, 3)
        footer = QHBoxLayout()
        footer.addWidget(self.keys_hint, 1)
        footer.addWidget(self.prepare_button)
        layout.addLayout(footer)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        if self.can_book:
            QShortcut(QKeySequence.StandardKey.New, self, self.new_booking, context=context)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def focus_default(self) -> None:
        self.grid.setFocus()

    # --- what is shown ------------------------------------------------------------------------
    def first_day(self) -> date:
        return self.day - timedelta(days=self.day.weekday()) if self.week else self.day

    def days(self) -> list[date]:
        first = self.first_day()
        return [first + timedelta(days=i) for i in range(7 if self.week else 1)]

    def rows(self) -> list[Resource | None]:
        """The grid's rows: the workshop (None), then the resources of the chosen kind."""
        shown: list[Resource | None] = [None]
        if self.data is not None:
            shown += [r for r in self.data.resources if r.kind == self.group and r.active]
        return shown

    def selected_resource(self) -> Resource | None:
        rows = self.rows()
        row = self.grid.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def reload(self) -> None:
        """Read the shown period again (database worker)."""
        db, actor, first, count = self.ctx.db, self.ctx.actor, self.first_day(), len(self.days())
        self.query = Query(self, lambda: appointments.calendar(db, actor, first, count)).success(self._show).run()

    def _show(self, data: Calendar) -> None:
        if data.days[0] != self.first_day() or len(data.days) != len(self.days()):
            return  # an answer for a period no longer shown
        keep_row = max(0, self.grid.currentRow())
        keep_booking = self.current_booking_id()
        self.data = data
        rows = self.rows()
        days = list(data.days)
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(len(days))
        self.grid.setHorizontalHeaderLabels([f"{_weekday_name(d)} {date_text(d)}" for d in days])
        self.grid.setVerticalHeaderLabels([self.tr("Workshop") if r is None else r.display_name for r in rows])
        bold = QFont()
        bold.setBold(True)
        for r, resource in enumerate(rows):
            for c, day in enumerate(days):
                load = data.load(day, resource.id if resource else None)
                count = len([a for a in data.appointments if a.starts_at.date() == day and a.status in
                             appointments.ACTIVE and self._mine(a, resource)])
                text = self.tr("%1 of %2 h").replace("%1", hours_text(load.booked)).replace(
                    "%2", hours_text(load.capacity))
                if count:
                    text += "\n" + self.tr("%1 booked").replace("%1", str(count))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(ID_ROLE, day.isoformat())
                if load.over:
                    item.setForeground(QBrush(QColor("#b3261e")))
                    item.setFont(bold)
                    item.setToolTip(self.tr("Booked beyond capacity"))
                elif load.capacity and load.booked * 10 >= load.capacity * 9:
                    item.setForeground(QBrush(QColor("#8a5a00")))
                self.grid.setItem(r, c, item)
        self.grid.setCurrentCell(min(keep_row, len(rows) - 1), days.index(self.day) if self.day in days else 0)
        self.grid.blockSignals(False)
        first, last = days[0], days[-1]
        self.period.setText(date_text(first) if first == last else f"{date_text(first)} – {date_text(last)}")
        self._fill_bookings(keep_booking)

    def _mine(self, a: AppointmentView, resource: Resource | None) -> bool:
        if resource is None:
            return True
        if resource.kind == "bay":
            return a.bay_id == resource.id
        return (a.technician if resource.kind == "technician" else a.advisor) == resource.name

    def person(self, username: str) -> str:
        """A technician's or advisor's name as people call them."""
        for r in self.data.resources if self.data else ():
            if r.kind != "bay" and r.name == username:
                return r.display_name
        return self.ctx.person(username)  # someone not set up as a resource (e.g. the owner booking)

    def day_bookings(self) -> list[AppointmentView]:
        if self.data is None:
            return []
        resource = self.selected_resource()
        return [a for a in self.data.appointments if a.starts_at.date() == self.day and self._mine(a, resource)]

    def _fill_bookings(self, keep: str | None = None) -> None:
        resource = self.selected_resource()
        title = f"{_weekday_name(self.day)} {date_text(self.day)}"
        if resource is not None:
            title += " · " + resource.display_name
        self.day_title.setText(title)
        shown = self.day_bookings()
        self.bookings.setRowCount(len(shown))
        for row, a in enumerate(shown):
            values = [f"{a.starts_at:%H:%M}–{a.ends_at:%H:%M}", a.customer_name, a.plate or a.vin,
                      a.requested_work, hours_text(a.booked_hours), self.person(a.advisor),
                      self.person(a.technician), a.bay,
                      self.statuses.get(a.status, a.status), a.parts_to_prepare]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, a.id)
                if a.status in ("cancelled", "no_show"):
                    item.setForeground(QBrush(QColor("#777777")))
                self.bookings.setItem(row, column, item)
        ids = [a.id for a in shown]
        if keep in ids:
            self.bookings.selectRow(ids.index(keep))
        elif shown:
            self.bookings.selectRow(0)
        self._update_buttons()

    def current_booking(self) -> AppointmentView | None:
        row = self.bookings.currentRow()
        shown = self.day_bookings()
        if not self.bookings.selectedItems() or not 0 <= row < len(shown):
            return None
        return shown[row]

    def current_booking_id(self) -> str | None:
        current = self.current_booking()
        return current.id if current else None

    def _update_buttons(self) -> None:
        current = self.current_booking()
        booked = current is not None and current.status == "booked"
        self.open_button.setEnabled(current is not None)
        for b in self.acting:
            b.setEnabled(booked)

    # --- moving about -------------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        before = self.first_day()
        self.day = day
        if self.first_day() != before or self.data is None:
            self.reload()
            return
        self.grid.setCurrentCell(max(0, self.grid.currentRow()), self.days().index(day))
        self._fill_bookings()

    def go(self, days: int) -> None:
        self.set_day(self.day + timedelta(days=days))

    def _view_changed(self) -> None:
        self.week = self.view_choice.currentData() == "week"
        self.reload()

    def _group_changed(self) -> None:
        self.group = self.group_choice.currentData()
        if self.data is not None:
            self._show(self.data)

    def _cell_changed(self, row: int, column: int, _old_row: int, _old_column: int) -> None:
        days = self.days()
        if 0 <= column < len(days) and row >= 0:
            self.day = days[column]
            self._fill_bookings()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            if key == Qt.Key.Key_N and not mods & ~Qt.KeyboardModifier.KeypadModifier:
                # A bare letter goes to the views' keyboard search before any shortcut sees it.
                self.new_booking()
                return True
            if watched is self.grid and not ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                self.go(-1 if key == Qt.Key.Key_Left else 1)
                return True
            if watched is self.grid and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.bookings.setFocus()
                if self.bookings.rowCount() and not self.bookings.selectedItems():
                    self.bookings.selectRow(0)
                return True
            if watched is self.bookings:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_booking()
                    return True
                if key == Qt.Key.Key_Delete:
                    self.cancel_booking()
                    return True
                if ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    self.move_booking(days=-1 if key == Qt.Key.Key_Left else 1)
                    return True
                if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                    self.move_booking(minutes=-STEP_MINUTES if key == Qt.Key.Key_Up else STEP_MINUTES)
                    return True
                if not ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    self.go(-1 if key == Qt.Key.Key_Left else 1)
                    return True
        return super().eventFilter(watched, event)

    # --- acting -------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*TABLES):
            self.reload()

    def _run(self, work, *, then=None) -> None:
        self.op = Op(self, lambda _progress, _cancel: work())
        if then is not None:
            self.op.success(then)
        self.op.run()

    def new_booking(self) -> None:
        if not self.can_book or self.data is None:
            return
        resource = self.selected_resource()
        start = datetime.combine(self.day, time(9))
        if self.day == date.today():
            now = datetime.now()
            start = max(start, (now + timedelta(minutes=STEP_MINUTES - now.minute % STEP_MINUTES))
                        .replace(second=0, microsecond=0))
        BookingDialog.ask(self.ctx, self.data.resources, start=start, resource=resource, parent=self)

    def export(self) -> None:
        """Export the chosen day's bookings as shown (tomorrow's: the list of parts to prepare)."""
        path = ask_path(self, "appointments")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.export_op = export_view(self, self.ctx, self.bookings, path, sheet="appointments")

    def parts_to_prepare(self) -> None:
        """What the parts desk prepares for the chosen day's bookings (tomorrow's when today is shown)."""
        today = date.today()
        PrepareDialog.ask(self.ctx, self.day if self.day > today else today + timedelta(days=1), parent=self)

    def working_hours(self) -> None:
        """Set up the chosen technician, advisor or bay (a new one of the shown kind from the
        workshop's row)."""
        if self.data is None:
            return
        ResourceDialog.ask(self.ctx, resource=self.selected_resource(), kind=self.group, parent=self)

    def open_booking(self) -> None:
        current = self.current_booking()
        if current is None or self.data is None:
            return
        BookingDialog.ask(self.ctx, self.data.resources, appointment=current, parent=self)

    def move_booking(self, *, days: int = 0, minutes: int = 0) -> None:
        current = self.current_booking()
        if current is None or current.status != "booked" or not self.can_book:
            return
        self.notice.hide()
        if minutes and not self._within_day(current, minutes):
            return
        self._move(current, current.starts_at + timedelta(days=days, minutes=minutes))

    def _within_day(self, current: AppointmentView, minutes: int) -> bool:
        """Whether ``current`` moved by ``minutes`` stays within its day's working hours (within
        the day itself when it already lies outside them or none are set up); if not, say so."""
        day = current.starts_at.date()
        start = current.starts_at.hour * 60 + current.starts_at.minute
        length = int((current.ends_at - current.starts_at).total_seconds() // 60)
        hours = appointments.working_hours(self.data.resources if self.data else (), day,
                                           technician=current.technician, bay_id=current.bay_id)
        window = appointments.day_window(hours)
        if window is None or not (window[0] <= start and start + length <= window[1]):
            window = (0, 24 * 60)
        if start + minutes < window[0]:
            text = self.tr("The booking cannot start before %1 on its day: Ctrl+← moves it a day earlier")
            edge = window[0]
        elif start + minutes + length > window[1]:
            text = self.tr("The booking must end by %1 on its day: Ctrl+→ moves it a day later")
            edge = window[1]
        else:
            return True
        self.notice.setText(text.replace("%1", f"{edge // 60:02d}:{edge % 60:02d}"))
        self.notice.show()
        return False

    def _move(self, current: AppointmentView, to: datetime, reason: str = "") -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def follow(_result) -> None:
            self.set_day(to.date())

        def refused(exc: BaseException) -> None:
            # A move has no field for the reason: someone who may overbook is asked for it.
            if isinstance(exc, appointments.NeedsOverbooking) and not reason and self.ctx.can("workshop.overbook"):
                given = OverbookDialog.ask(exc, parent=self)
                if given:
                    self._move(current, to, given)
                return
            show_error(self, exc)

        self.op = Op(self, lambda _progress, _cancel: appointments.move(db, actor, current.id, to,
                                                                        overbook_reason=reason))
        self.op.success(follow).failure(refused).run()

    def cancel_booking(self) -> None:
        current = self.current_booking()
        if current is None or current.status != "booked" or not self.can_book:
            return
        reason = CancelDialog.ask(current, parent=self)
        if reason:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(lambda: appointments.cancel(db, actor, current.id, reason))

    def no_show(self) -> None:
        current = self.current_booking()
        if current is not None and current.status == "booked":
            db, actor = self.ctx.db, self.ctx.actor
            self._run(lambda: appointments.no_show(db, actor, current.id))

    def arrived(self) -> None:
        current = self.current_booking()
        if current is None or current.status != "booked":
            return
        mileage, ok = QInputDialog.getInt(
            self, self.tr("Car arrived"),
            self.tr("Mileage of %1 on arrival (km):").replace("%1", current.plate or current.vin), 0, 0, 9_999_999)
        if not ok:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: appointments.arrive(db, actor, current.id, mileage_in=mileage))


class PrepareDialog(QDialog):
    """The parts a day's bookings still to come need (their operations' kits added up per part),
    against what is available now; what is short in red. Read on the database worker."""

    def __init__(self, ctx: AppContext, day: date, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Parts to prepare"))
        self.setMinimumSize(860, 460)
        self.day = DateEdit(day)
        self.day.setObjectName("prepareDay")
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.summary = QLabel()
        self.summary.setObjectName("prepareSummary")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("prepareParts")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([
            self.tr("Part number"), self.tr("Description"), self.tr("Bin"), self.tr("Needed"), self.tr("Available"),
            self.tr("Short"), self.tr("For")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for column, width in enumerate((130, 220, 70, 85, 95, 75)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        # What advisors typed on the bookings, beyond the catalogue kits.
        self.typed = QLabel()
        self.typed.setObjectName("prepareTyped")
        self.typed.setWordWrap(True)
        self.typed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Day")))
        top.itemAt(0).widget().setBuddy(self.day)
        top.addWidget(self.day)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        self.export_button = add_export(self, ctx, self.export)
        top.addWidget(self.export_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.typed)
        layout.addWidget(buttons)
        self.query: Query | None = None
        self.export_op: Op | None = None
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        db, actor, day = self.ctx.db, self.ctx.actor, self.day.value()
        if day is None:
            return
        self.query = Query(self, lambda: appointments.prepare(db, actor, on=day)).success(self._show).run()

    def _show(self, found: appointments.PrepareList) -> None:
        from core.quantities import quantity_text

        rows = found.parts
        self.table.setRowCount(len(rows))
        red = QBrush(QColor("#b3261e"))
        for r, p in enumerate(rows):
            values = (p.part_number, p.description, p.bin, quantity_text(p.needed), quantity_text(p.available),
                      quantity_text(p.short), ", ".join(p.for_vehicles))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (1, 6):
                    item.setToolTip(value)  # a long description or many cars read in full on hover
                if 3 <= c <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if p.short:
                    item.setForeground(red)
                self.table.setItem(r, c, item)
        short = sum(1 for p in rows if p.short)
        self.summary.setText(self.tr("%1 part(s), %2 short").replace("%1", str(len(rows))).replace("%2", str(short)))
        if not found.bookings:
            self.empty.setText(self.tr("No booking of this day is still to come: nothing to prepare."))
        else:
            self.empty.setText(self.tr("The bookings of this day need no parts from the catalogue. Give labour "
                                       "operations their parts kit on the Labour operations page."))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        typed = [f"{t.starts_at:%H:%M} {t.vehicle}: {t.note}" for t in found.typed]
        self.typed.setText(self.tr("Typed on the bookings:") + "\n" + "\n".join(typed) if typed else "")
        self.typed.setVisible(bool(typed))
        self.export_button.setEnabled(bool(rows or typed))

    def export(self) -> None:
        """The same file as ``forecourt export parts-to-prepare``: stable columns, numbers as numbers."""
        path = ask_path(self, "parts-to-prepare")
        day = self.day.value()
        if not path or day is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.export_op = run_export(self, lambda progress, cancel: appointments.export_parts_to_prepare(
            db, actor, path, start=day, progress=progress, cancel=cancel), path)

    @classmethod
    def ask(cls, ctx: AppContext, day: date, *, parent: QWidget | None = None) -> None:
        dialog = cls(ctx, day, parent=parent)
        dialog.exec()
        dialog.deleteLater()


class CancelDialog(AskReasonDialog):
    """Asks why a booking is cancelled."""

    def __init__(self, appointment: AppointmentView, *, parent: QWidget | None = None) -> None:
        super().__init__(
            title=self.tr("Cancel the booking"),
            message=self.tr("Cancel the booking of %1 (%2) on %3 at %4?")
            .replace("%1", appointment.customer_name).replace("%2", appointment.plate or appointment.vin)
            .replace("%3", date_text(appointment.starts_at.date())).replace("%4", f"{appointment.starts_at:%H:%M}"),
            go=self.tr("Cancel the &booking"), keep=self.tr("&Keep it"),
            placeholder=self.tr("e.g. the customer rebooked for next week"),
            missing=self.tr("Say why the booking is cancelled"), name="cancelReason", parent=parent)

    @classmethod
    def ask(cls, appointment: AppointmentView, *, parent: QWidget | None = None) -> str | None:
        """The reason typed, or None when the booking is kept."""
        return run_dialog(parent, lambda: cls(appointment, parent=parent), lambda d: d.reason.text().strip())


class OverbookDialog(AskReasonDialog):
    """Says why a move was refused (beyond capacity, outside the working hours) and asks someone
    who may overbook for the reason to make it all the same."""

    def __init__(self, refusal: ValidationError, *, parent: QWidget | None = None) -> None:
        super().__init__(
            title=self.tr("Overbook"), message=detail_text(refusal), go=self.tr("&Overbook"),
            keep=self.tr("&Keep it where it is"), placeholder=self.tr("e.g. fleet customer, agreed with the workshop"),
            missing=self.tr("Say why the booking goes beyond what the workshop can take"), name="overbookReason",
            parent=parent)
        self.setMinimumWidth(520)
        self.message.setObjectName("overbookRefusal")

    @classmethod
    def ask(cls, refusal: ValidationError, *, parent: QWidget | None = None) -> str | None:
        """The reason typed, or None when the booking stays where it is."""
        return run_dialog(parent, lambda: cls(refusal, parent=parent), lambda d: d.reason.text().strip())


class BookingDialog(FormDialog):
    """Book a car in, or change a booking (a new date or time moves it). Enter saves, Esc closes."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, resources: tuple[Resource, ...] | list[Resource], *,
                 appointment: AppointmentView | None = None, start: datetime | None = None,
                 resource: Resource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appointment = appointment
        # "Booked &hours" has H: the button takes E.
        self.customer_picker = CustomerPicker(ctx, button_text=self.tr("Choos&e…"))
        if appointment:
            self.customer_picker.set_customer(appointment.customer_id, appointment.customer_name)
        self.customer_picker.chosen.connect(lambda _id, _name: self.errors.clear_field("customer_id"))
        self.vehicle_id = appointment.vehicle_id if appointment else ""
        editable = appointment is None or (appointment.status == "booked" and ctx.can("workshop.book"))
        self.setWindowTitle(self.tr("New booking") if appointment is None else self.tr("Booking"))
        self.setMinimumWidth(560)
        start = appointment.starts_at if appointment else (start or datetime.combine(date.today(), time(9)))

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.customer_name = self.customer_picker.name
        self.choose_customer = self.customer_picker.button
        self.errors.add_row("customer_id", self.tr("Customer"), self.customer_picker)
        self.vehicle_name = QLabel(" · ".join(x for x in (appointment.plate, appointment.vehicle) if x)
                                   if appointment else self.tr("(none chosen)"))
        self.choose_vehicle = QPushButton(self.tr("Choo&se…"))
        enter_presses(self.choose_vehicle)
        self.choose_vehicle.clicked.connect(self.pick_vehicle)
        self.errors.add_row("vehicle_id", self.tr("Vehicle"), self._pair(self.vehicle_name, self.choose_vehicle))
        self.errors.widgets["vehicle_id"] = self.choose_vehicle

        self.day = DateEdit(start.date())
        self.day.setObjectName("bookingDay")
        self.time = TimeEdit(QTime(start.hour, start.minute))
        self.time.setObjectName("bookingTime")
        self.time.setDisplayFormat("HH:mm")
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addStretch(1)
        self.errors.add_row("starts_at", self.tr("&Comes on"), when)
        self.errors.widgets["starts_at"] = self.day

        self.work = QLineEdit(appointment.requested_work if appointment else "")
        self.work.setObjectName("bookingWork")
        self.work.setPlaceholderText(self.tr("What the customer asks for, in their words"))
        self.errors.add_row("requested_work", self.tr("&Requested work"), self.work)
        self.operations = QLineEdit(", ".join(o.code for o in appointment.operations) if appointment else "")
        self.operations.setObjectName("bookingOperations")
        self.operations.setPlaceholderText(self.tr("Labour operation codes, separated by commas"))
        self.errors.add_row("operation_codes", self.tr("&Labour operations"), self.operations)
        self.hours = QLineEdit(hours_text(appointment.booked_hours) if appointment and not appointment.operations
                               else "")
        self.hours.setObjectName("bookingHours")
        self.hours.setPlaceholderText(self.tr("The operations' standard hours when they are given"))
        self.errors.add_row("booked_hours", self.tr("Booked &hours"), self.hours)

        people = list(resources)
        self.advisor = QComboBox()
        self.advisor.setObjectName("bookingAdvisor")
        advisors = [r for r in people if r.kind == "advisor" and r.active]
        names = [r.name for r in advisors]
        for r in advisors:
            self.advisor.addItem(r.display_name, r.name)
        if ctx.actor.username not in names:
            self.advisor.addItem(ctx.actor.display_name or ctx.actor.username, ctx.actor.username)
        self._choose(self.advisor, appointment.advisor if appointment else
                     (resource.name if resource and resource.kind == "advisor" else ctx.actor.username))
        self.errors.add_row("advisor", self.tr("&Advisor"), self.advisor)
        self.technician = QComboBox()
        self.technician.setObjectName("bookingTechnician")
        self.technician.addItem(self.tr("(anyone)"), "")
        for r in people:
            if r.kind == "technician" and r.active:
                self.technician.addItem(r.display_name, r.name)
        self._choose(self.technician, appointment.technician if appointment else
                     (resource.name if resource and resource.kind == "technician" else ""))
        self.errors.add_row("technician", self.tr("&Technician"), self.technician)
        self.bay = QComboBox()
        self.bay.setObjectName("bookingBay")
        self.bay.addItem(self.tr("(no bay)"), "")
        for r in people:
            if r.kind == "bay" and r.active:
                self.bay.addItem(r.display_name, r.id)
        self._choose(self.bay, (appointment.bay_id or "") if appointment else
                     (resource.id if resource and resource.kind == "bay" else ""))
        self.errors.add_row("bay_id", self.tr("Ba&y"), self.bay)

        promised = appointment.promised_at if appointment else None
        self.promise = QCheckBox()
        self.promise.setObjectName("bookingPromise")
        self.promise.setAccessibleName(self.tr("Promise a time"))
        self.promise.setChecked(promised is not None)
        self.promised_time = TimeEdit(QTime(promised.hour, promised.minute) if promised else QTime(17, 30))
        self.promised_time.setObjectName("bookingPromised")
        self.promised_time.setDisplayFormat("HH:mm")
        self.promised_time.setEnabled(self.promise.isChecked())
        self.promise.toggled.connect(self.promised_time.setEnabled)
        promise_row = QWidget()
        row = QHBoxLayout(promise_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.promise)
        row.addWidget(self.promised_time)
        row.addWidget(hint_label(self.tr("on the day the car comes")), 1)
        self.errors.add_row("promised_at", self.tr("Pro&mised by"), promise_row)
        self.errors.widgets["promised_at"] = self.promised_time
        label = form.labelForField(promise_row.parentWidget())
        if isinstance(label, QLabel):
            label.setBuddy(self.promise)
        self.parts = QLineEdit(appointment.parts_note if appointment else "")
        self.parts.setObjectName("bookingParts")
        self.parts.setPlaceholderText(self.tr("Parts the parts counter should have ready"))
        self.errors.add_row("parts_note", self.tr("&Parts to prepare"), self.parts)
        self.overbook = QLineEdit(appointment.overbooked_reason if appointment else "")
        self.overbook.setObjectName("bookingOverbook")
        self.overbook.setPlaceholderText(self.tr("Only to book beyond the day's capacity or working hours: why"))
        if ctx.can("workshop.overbook"):
            self.errors.add_row("overbook_reason", self.tr("&Overbook"), self.overbook)
        else:
            self.overbook.hide()

        note = None
        if appointment is not None and appointment.status != "booked":
            note = hint_label(self.tr("This booking is %1 and can no longer change.").replace(
                "%1", status_labels().get(appointment.status, appointment.status)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("&Book") if appointment is None else self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.customer_picker.set_locked(not editable)
        for w in (self.choose_vehicle, self.day, self.time, self.work, self.operations,
                  self.hours, self.advisor, self.technician, self.bay, self.promise, self.promised_time, self.parts,
                  self.overbook):
            w.setEnabled(editable and (w is not self.promised_time or self.promise.isChecked()))
        (self.choose_customer if not self.customer_id else self.work).setFocus()

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(second)
        return holder

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def pick_vehicle(self) -> None:
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self, kinds=("vehicle",), title=self.tr("Choose the vehicle"))
        if hit is not None:
            self.vehicle_id = hit.ref_id
            self.vehicle_name.setText(" · ".join(x for x in (hit.title, hit.detail) if x))
            self.errors.clear_field("vehicle_id")

    def data(self) -> AppointmentInput:
        """What the form says; a ValidationError names the field typed wrongly."""
        day = self.day.value() or date.today()
        t = self.time.time()
        starts_at = datetime.combine(day, time(t.hour(), t.minute()))
        promised = None
        if self.promise.isChecked():
            p = self.promised_time.time()
            promised = datetime.combine(day, time(p.hour(), p.minute()))
        codes = [c.strip() for c in self.operations.text().replace("，", ",").split(",") if c.strip()]
        return AppointmentInput(
            customer_id=self.customer_id or "", vehicle_id=self.vehicle_id, starts_at=starts_at,
            requested_work=self.work.text(), operation_codes=codes,
            booked_hours=None if codes else parse_hours(self.hours.text()),
            advisor=self.advisor.currentData() or "", technician=self.technician.currentData() or "",
            bay_id=self.bay.currentData() or None, promised_at=promised, parts_note=self.parts.text(),
            overbook_reason=self.overbook.text() if self.overbook.isVisibleTo(self) else "")

    def save(self) -> None:
        try:
            data = self.data()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, appointment = self.ctx.db, self.ctx.actor, self.appointment
        if appointment is None:
            self.submit(lambda: appointments.book(db, actor, data))
        else:
            self.submit(lambda: appointments.update(db, actor, appointment.id, data) or appointment.id)

    @classmethod
    def ask(cls, ctx: AppContext, resources, *, appointment: AppointmentView | None = None,
            start: datetime | None = None, resource: Resource | None = None,
            parent: QWidget | None = None) -> str | None:
        """Run the dialog; the saved booking's id, or None."""
        return run_dialog(parent, lambda: cls(ctx, resources, appointment=appointment, start=start,
                                              resource=resource, parent=parent), lambda d: d.saved_id)


class ResourceDialog(FormDialog):
    """A technician, advisor or bay: its availability and working hours on each weekday."""

    def __init__(self, ctx: AppContext, *, resource: Resource | None = None, kind: str = "technician",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Working hours"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.kind = QComboBox()
        self.kind.setObjectName("resourceKind")
        for key, label in (("technician", self.tr("Technician")), ("advisor", self.tr("Service advisor")),
                           ("bay", self.tr("Bay"))):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(resource.kind if resource else kind)))
        self.kind.setEnabled(resource is None)
        self.errors.add_row("kind", self.tr("&Kind"), self.kind)
        self.name = QLineEdit(resource.name if resource else "")
        self.name.setObjectName("resourceName")
        self.name.setReadOnly(resource is not None)
        self.name.setPlaceholderText(self.tr("A user name, or the bay's own name"))
        self.errors.add_row("name", self.tr("&Name"), self.name)
        self.availability = QSpinBox()
        self.availability.setObjectName("resourceAvailability")
        self.availability.setRange(0, 100)
        self.availability.setSuffix(" %")
        self.availability.setValue(resource.availability if resource else 100)
        self.errors.add_row("availability", self.tr("&Availability"), self.availability)
        self.active = QCheckBox(self.tr("Can be booked"))
        self.active.setChecked(resource.active if resource else True)
        self.errors.add_row("active", self.tr("Active"), self.active)

        shifts = {s.weekday: s for s in (resource.shifts if resource else ())}
        self.days = QGridLayout()
        for column, text in enumerate((self.tr("Works on"), self.tr("From"), self.tr("To"), self.tr("Break"))):
            self.days.addWidget(QLabel(text), 0, column)
        self.rows: list[tuple[QCheckBox, TimeEdit, TimeEdit, QSpinBox]] = []
        monday = date(2024, 1, 1)
        for weekday in range(7):
            shift = shifts.get(weekday)
            works = QCheckBox(_weekday_name(monday + timedelta(days=weekday)))
            works.setChecked(shift is not None if resource else weekday < 5)
            start = TimeEdit(QTime(shift.start_minute // 60, shift.start_minute % 60) if shift else QTime(8, 30))
            end = TimeEdit(QTime(shift.end_minute // 60, shift.end_minute % 60) if shift else QTime(17, 30))
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            rest = QSpinBox()
            rest.setRange(0, 600)
            rest.setSingleStep(15)
            rest.setSuffix(self.tr(" min"))
            rest.setValue(shift.break_minutes if shift else 60)
            for column, widget in enumerate((works, start, end, rest)):
                self.days.addWidget(widget, weekday + 1, column)
            for widget in (start, end, rest):
                widget.setEnabled(works.isChecked())
                works.toggled.connect(widget.setEnabled)
            self.rows.append((works, start, end, rest))
        self.shift_error = error_label()
        self.errors.labels["shifts"] = self.shift_error
        self.errors.widgets["shifts"] = self.rows[0][0]

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.days)
        layout.addWidget(self.shift_error)
        layout.addWidget(self.buttons)
        (self.availability if resource else self.name).setFocus()

    def data(self) -> ResourceInput:
        shifts = []
        for weekday, (works, start, end, rest) in enumerate(self.rows):
            if works.isChecked():
                s, e = start.time(), end.time()
                shifts.append(ShiftInput(weekday, s.hour() * 60 + s.minute(), e.hour() * 60 + e.minute(),
                                         rest.value()))
        return ResourceInput(kind=self.kind.currentData(), name=self.name.text(),
                             availability=self.availability.value(), shifts=shifts, active=self.active.isChecked())

    def save(self) -> None:
        data, db, actor = self.data(), self.ctx.db, self.ctx.actor
        self.submit(lambda: appointments.set_resource(db, actor, data))

    @classmethod
    def ask(cls, ctx: AppContext, *, resource: Resource | None = None, kind: str = "technician",
            parent: QWidget | None = None) -> str | None:
        """Run the dialog; the saved resource's id, or None."""
        return run_dialog(parent, lambda: cls(ctx, resource=resource, kind=kind, parent=parent),
                          lambda d: d.saved_id)
