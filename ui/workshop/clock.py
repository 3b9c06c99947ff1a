"""The technician clock: big buttons a technician works with gloves on, by touch or keyboard — clock in
and out, clock on a job (type or scan the repair order's number, choose the job), clock off, and time
off jobs with a reason; it says what the technician is on now and lists a day's times (today's unless
another day is chosen, or opened from a line to check of Technician time), which the foreman corrects.

A technician clocks their own time; the foreman (``workshop.clock_others``) picks whose time it is.
Every change goes through :mod:`services.workshop.attendance` and :mod:`services.workshop.clocking`
on the database worker; the screen follows the change broadcast, so a clocking made elsewhere shows
here too."""

from __future__ import annotations

from datetime import UTC, date, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import clock
from core.errors import DomainError, ValidationError
from services.workshop import attendance, clocking
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import key_text, local_datetime, local_time
from ui.messages import detail_text, service_text
from ui.widgets.fields import DateEdit, DateTimeEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label, run_dialog
from ui.widgets.wrapped import WrappedTextDelegate
from ui.workers import Op, Query

# Tables whose changes alter what the clock shows.
CLOCK_TABLES = ("attendance", "clocking", "clocking_reason", "repair_order", "repair_job", "user_account")

_STYLE = """
QPushButton[big="true"] { font-size: 15pt; font-weight: 600; min-height: 52px; padding: 4px 14px; }
QPushButton[reason="true"] { font-size: 12pt; min-height: 44px; padding: 2px 10px; }
QLabel#clockStatus { font-size: 16pt; font-weight: 600; padding: 6px 0; }
QLabel#clockMessage { font-size: 11pt; color: #b3261e; }
QListWidget#jobs { font-size: 13pt; }
QListWidget#jobs::item { min-height: 40px; padding: 4px; }
QLineEdit#roNumber, QComboBox#technician { font-size: 13pt; min-height: 34px; }
"""


def reason_labels() -> dict[str, str]:
    """Built-in reason code → translated name; a reason the foreman added shows its description."""
    return {"cleaning": QCoreApplication.translate("Workshop", "Cleaning"),
            "training": QCoreApplication.translate("Workshop", "Training"),
            "waiting_parts": QCoreApplication.translate("Workshop", "Waiting for parts"),
            "waiting_work": QCoreApplication.translate("Workshop", "Waiting for work"),
            "equipment": QCoreApplication.translate("Workshop", "Tool and equipment upkeep")}


def reason_text(code: str, description: str = "") -> str:
    return reason_labels().get(code) or description or code


def _since(moment: datetime) -> str:
    """A start shown as a time of day when it is today's, with its date when it is older (a
    clock-out forgotten yesterday)."""
    if attendance.local_date(moment) == date.today():
        return local_time(moment)
    return local_datetime(moment)


def _big(button: QPushButton, shortcut: str) -> QPushButton:
    """A big button that shows the key doing the same (gloved hands use the keyboard too)."""
    button.setProperty("big", True)
    button.setText(key_text(button.text(), shortcut))
    button.setToolTip(shortcut)
    return button


class TechnicianClockScreen(QWidget):
    """GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet(_STYLE)
        self.state: attendance.TechnicianStatus | None = None
        self.order: attendance.OrderJobs | None = None
        self.reasons: dict[str, str] = {}
        self.all_reasons: list[attendance.Reason] = []
        self._serial = 0
        self._select_first = False  # after show_day: select the day's first line

        heading = QLabel(self.tr("Technician clock"))
        heading.setObjectName("screenTitle")
        self.technician = QComboBox()
        self.technician.setObjectName("technician")
        self.technician.setMinimumWidth(220)
        self.technician.addItem(ctx.actor.display_name or ctx.actor.username, ctx.actor.username)
        self.technician.setEnabled(ctx.can("workshop.clock_others"))
        self.technician.currentIndexChanged.connect(lambda _i: self.refresh())
        who_label = QLabel(self.tr("&Technician"))
        who_label.setBuddy(self.technician)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(who_label)
        bar.addSpacing(8)
        bar.addWidget(self.technician)

        self.status_label = QLabel()
        self.status_label.setObjectName("clockStatus")
        self.status_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("clockMessage")
        self.message.setWordWrap(True)

        self.clock_in_button = _big(QPushButton(self.tr("Clock &in")), "F5")
        self.clock_in_button.setObjectName("clockIn")
        self.clock_in_button.clicked.connect(self.clock_in)
        self.clock_out_button = _big(QPushButton(self.tr("Clock o&ut")), "F6")
        self.clock_out_button.setObjectName("clockOut")
        self.clock_out_button.clicked.connect(self.clock_out)
        self.clock_off_button = _big(QPushButton(self.tr("Clock o&ff the job")), "F8")
        self.clock_off_button.setObjectName("clockOff")
        self.clock_off_button.clicked.connect(self.clock_off)
        attendance_row = QHBoxLayout()
        for b in (self.clock_in_button, self.clock_out_button, self.clock_off_button):
            attendance_row.addWidget(b)

        # --- a job: the repair order's number, typed or scanned, then the job
        self.number = QLineEdit()
        self.number.setObjectName("roNumber")
        self.number.setPlaceholderText(self.tr("Type or scan the repair order number, then Enter"))
        self.number.returnPressed.connect(self.find_order)
        self.find_button = QPushButton(self.tr("F&ind"))
        self.find_button.setProperty("reason", True)
        self.find_button.clicked.connect(self.find_order)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.find_button)
        self.order_label = QLabel()
        self.order_label.setObjectName("hint")
        self.jobs = QListWidget()
        self.jobs.setObjectName("jobs")
        self.jobs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.jobs.setWordWrap(True)  # a long job description reads whole
        self.jobs.setItemDelegate(WrappedTextDelegate(self.jobs))
        self.jobs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.jobs.itemActivated.connect(lambda _item: self.clock_on())
        self.jobs.currentRowChanged.connect(lambda _row: self._enable_clock_on())
        self.clock_on_button = _big(QPushButton(self.tr("Clock &on this job")), "F7")
        self.clock_on_button.setObjectName("clockOn")
        self.clock_on_button.clicked.connect(self.clock_on)
        job_box = QGroupBox(self.tr("Clock on a job"))
        jl = QVBoxLayout(job_box)
        jl.addLayout(number_row)
        jl.addWidget(self.order_label)
        jl.addWidget(self.jobs, 1)
        jl.addWidget(self.clock_on_button)

        # --- time off jobs
        self.reason_box = QGroupBox(self.tr("Time off jobs"))
        self.reason_grid = QGridLayout(self.reason_box)
        self.reason_buttons: dict[str, QPushButton] = {}
        self.edit_reasons_button = QPushButton(self.tr("R&easons…"))
        self.edit_reasons_button.setObjectName("editReasons")
        self.edit_reasons_button.setToolTip(self.tr("Add a reason for time off jobs or stop offering one"))
        self.edit_reasons_button.setVisible(ctx.can("workshop.catalogue"))
        self.edit_reasons_button.clicked.connect(self.edit_reasons)

        # --- the day's times
        self.times = QTableWidget(0, 4)
        self.times.setObjectName("dayTimes")
        self.times.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.times.setHorizontalHeaderLabels([self.tr("From"), self.tr("To"), self.tr("What"), self.tr("Hours")])
        self.times.verticalHeader().setVisible(False)
        self.times.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A long "what" (a repair order, its job and who corrected it) wraps rather than being cut.
        self.times.setWordWrap(True)
        self.times.setItemDelegate(WrappedTextDelegate(self.times))
        self.times.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.times.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.times.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.times.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.times.itemSelectionChanged.connect(self._enable_correct)
        self.entries: list[attendance.TimeEntry] = []
        self.correct_button = QPushButton(self.tr("&Correct times…"))
        self.correct_button.setObjectName("correctTimes")
        self.correct_button.setToolTip(self.tr("Set the start and end of the selected line, saying why"))
        self.correct_button.setVisible(ctx.can("workshop.correct_time"))
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.correct)
        # Any day's times, not only today's: the foreman corrects yesterday's forgotten clock-off.
        self.day = DateEdit(date.today())
        self.day.setObjectName("day")
        self.day.setToolTip(self.tr("The day whose times are listed (and corrected)"))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        day_label = QLabel(self.tr("&Day"))
        day_label.setBuddy(self.day)
        self.today_button = QPushButton(self.tr("Toda&y"))
        self.today_button.setToolTip(self.tr("Back to today's times"))
        self.today_button.clicked.connect(lambda: self.day.set_value(date.today()))
        day_row = QHBoxLayout()
        day_row.addWidget(day_label)
        day_row.addWidget(self.day)
        day_row.addWidget(self.today_button)
        day_row.addStretch(1)
        times_box = QGroupBox(self.tr("Times of the day"))
        tl = QVBoxLayout(times_box)
        tl.addLayout(day_row)
        tl.addWidget(self.times)
        tl.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignRight)

        right = QVBoxLayout()
        right.addWidget(self.reason_box)
        right.addWidget(times_box, 1)
        body = QHBoxLayout()
        body.addWidget(job_box, 3)
        body.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addLayout(attendance_row)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

        for key, slot in (("F5", self.clock_in), ("F6", self.clock_out), ("F7", self.clock_on),
                          ("F8", self.clock_off)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.changed.connect(self._on_changed)
        # What is "today" and how long someone has been on a job move on with the clock.
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self._load_people()
        self._load_reasons()
        self.refresh()

    # --- reading ----------------------------------------------------------------------------------
    def who(self) -> str:
        return self.technician.currentData() or self.ctx.actor.username

    def focus_default(self) -> None:
        self.number.setFocus()

    def _load_people(self) -> None:
        if not self.ctx.can("workshop.clock_others"):
            return
        db, actor = self.ctx.db, self.ctx.actor
        Query(self, lambda: attendance.technicians(db, actor)).success(self._people_arrived).run()

    def _people_arrived(self, people: list[attendance.Technician]) -> None:
        if not shiboken6.isValid(self):
            return
        current = self.who()
        self.technician.blockSignals(True)
        self.technician.clear()
        names = [(t.display_name or t.username, t.username) for t in people]
        if current not in [n for _label, n in names]:
            names.insert(0, (self.ctx.actor.display_name or current, current))
        for label, name in names:
            self.technician.addItem(f"{label} ({name})" if label != name else name, name)
        self.technician.setCurrentIndex(max(0, self.technician.findData(current)))
        self.technician.blockSignals(False)

    def _load_reasons(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        Query(self, lambda: attendance.reasons(db, actor, include_inactive=True)).success(self._reasons_arrived).run()

    def _reasons_arrived(self, reasons: list[attendance.Reason]) -> None:
        if not shiboken6.isValid(self):
            return
        for button in self.reason_buttons.values():
            self.reason_grid.removeWidget(button)
            button.deleteLater()
        self.reason_buttons.clear()
        self.all_reasons = reasons
        self.reasons = {r.code: reason_text(r.code, r.description) for r in reasons}
        reasons = [r for r in reasons if r.active]
        for i, r in enumerate(reasons):
            button = QPushButton(self.reasons[r.code])
            button.setProperty("reason", True)
            button.setObjectName(f"reason_{r.code}")
            button.clicked.connect(lambda _checked=False, code=r.code: self.start_reason(code))
            self.reason_grid.addWidget(button, i // 2, i % 2)
            self.reason_buttons[r.code] = button
        self.reason_grid.addWidget(self.edit_reasons_button, (len(reasons) + 1) // 2, 0, 1, 2,
                                   Qt.AlignmentFlag.AlignRight)
        self._show_state()

    def refresh(self) -> Query:
        """Read whose time it is: their state and the day's times. GUI thread."""
        self._serial += 1
        serial, who = self._serial, self.who()
        db, actor = self.ctx.db, self.ctx.actor
        day = self.day.value()
        return Query(self, lambda: (attendance.status(db, actor, who), attendance.day_times(db, actor, who, day))
                     ).success(lambda data: self._arrived(serial, data)).run()

    def show_day(self, technician: str, day: date) -> Query:
        """List ``technician``'s times of ``day``, ready to correct (a flag of Technician time
        opened). GUI thread."""
        index = self.technician.findData(technician)
        if index < 0:
            self.technician.blockSignals(True)
            self.technician.addItem(technician, technician)
            self.technician.blockSignals(False)
            index = self.technician.count() - 1
        for widget in (self.technician, self.day):
            widget.blockSignals(True)
        self.technician.setCurrentIndex(index)
        self.day.set_value(day)
        for widget in (self.technician, self.day):
            widget.blockSignals(False)
        self._select_first = True
        self.times.setFocus()
        return self.refresh()

    def _arrived(self, serial: int, data) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        self.state, entries = data
        self._show_state()
        self._show_times(entries)
        if self._select_first and self.entries:
            self._select_first = False
            correctable = [i for i, e in enumerate(self.entries) if e.technician != self.ctx.actor.username]
            self.times.selectRow(correctable[0] if correctable else 0)

    def _what(self, current: attendance.CurrentWork) -> str:
        if current.reason:
            reason = self.reasons.get(current.reason) or reason_text(current.reason)
            return self.tr("Off jobs: %1").replace("%1", reason)
        return (self.tr("On %1, job %2: %3").replace("%1", current.repair_order_number)
                .replace("%2", str(current.job_no)).replace("%3", current.description))

    def _show_state(self) -> None:
        state = self.state
        if state is None:
            return
        attending = state.attending_since is not None
        if not attending:
            text = self.tr("Not clocked in")
        elif state.current is None:
            text = self.tr("Clocked in since %1, not on a job").replace("%1", _since(state.attending_since))
        else:
            text = (self._what(state.current) + " · " +
                    self.tr("since %1").replace("%1", _since(state.current.since)))
        self.status_label.setText(text)
        self.clock_in_button.setEnabled(not attending)
        self.clock_out_button.setEnabled(attending)
        self.clock_off_button.setEnabled(state.current is not None)
        for code, button in self.reason_buttons.items():
            button.setEnabled(not (state.current is not None and state.current.reason == code))
        self._enable_clock_on()

    def _show_times(self, entries: list[attendance.TimeEntry]) -> None:
        self.entries = entries
        self.times.clearSelection()
        self.times.setRowCount(len(entries))
        for row, e in enumerate(entries):
            if e.kind == "attendance":
                what = self.tr("At work")
            elif e.kind == "reason":
                what = self.reasons.get(e.reason) or reason_text(e.reason)
            else:
                what = (self.tr("%1 job %2").replace("%1", e.repair_order_number).replace("%2", str(e.job_no))
                        + " · " + e.description)
            if e.corrected_by:
                what += " · " + self.tr("corrected by %1").replace("%1", e.corrected_by)
            hours = ""
            if e.ended_at is not None:
                hours = f"{(e.ended_at - e.started_at).total_seconds() / 3600:.2f}"
            for col, text in enumerate((local_time(e.started_at), local_time(e.ended_at) if e.ended_at else "…",
                                        what, hours)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setToolTip(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.times.setItem(row, col, item)
        self.times.resizeColumnToContents(0)
        self.times.resizeColumnToContents(1)
        self._enable_correct()

    def selected_entry(self) -> attendance.TimeEntry | None:
        rows = {i.row() for i in self.times.selectedIndexes()}
        return self.entries[rows.pop()] if len(rows) == 1 and max(rows) < len(self.entries) else None

    def _enable_correct(self) -> None:
        entry = self.selected_entry()
        # Nobody corrects their own times; the service refuses it too.
        self.correct_button.setEnabled(entry is not None and entry.technician != self.ctx.actor.username)

    def correct(self) -> bool:
        entry = self.selected_entry()
        if entry is None or not self.correct_button.isEnabled():
            return False
        row = self.entries.index(entry)
        what = self.times.item(row, 2).text() if self.times.item(row, 2) else ""
        return CorrectTimesDialog.ask(self.ctx, entry, what=what, parent=self)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("clocking_reason"):
            self._load_reasons()
        if changes.touches("user_account"):
            self._load_people()
        if changes.touches(*CLOCK_TABLES):
            self.refresh()

    # --- finding a job ----------------------------------------------------------------------------
    def find_order(self) -> Query | None:
        text = self.number.text().strip()
        if not text:
            self.message.setText(self.tr("Type or scan the repair order's number first, then press Enter."))
            self.number.setFocus()
            return None
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: attendance.find_jobs(db, actor, text)).success(self._order_arrived).failure(
            self._failed).run()

    def _order_arrived(self, order: attendance.OrderJobs) -> None:
        if not shiboken6.isValid(self):
            return
        self.order = order
        self.message.clear()
        self.jobs.clear()
        from ui.workshop.screen import status_labels

        status = status_labels().get(order.status, order.status)
        self.order_label.setText(" · ".join(x for x in (order.number, order.plate, status) if x))
        for job in order.jobs:
            text = self.tr("Job %1: %2").replace("%1", str(job.job_no)).replace("%2", job.description)
            if job.technician:
                text += " · " + job.technician
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.jobs.addItem(item)
        if not order.clockable:
            self.message.setText(self.tr("Nobody can clock on this repair order: its status is %1.")
                                 .replace("%1", status))
        elif not order.jobs:
            self.message.setText(self.tr("This repair order has no jobs yet."))
        if self.jobs.count():
            # The technician's own job first, if they have one.
            mine = next((i for i, j in enumerate(order.jobs) if j.technician == self.who()), 0)
            self.jobs.setCurrentRow(mine)
            self.jobs.setFocus()
        self._enable_clock_on()

    def _enable_clock_on(self) -> None:
        ok = self.order is not None and self.order.clockable and self.jobs.currentItem() is not None
        self.clock_on_button.setEnabled(ok)

    # --- changing ---------------------------------------------------------------------------------
    def _run(self, work) -> Op:
        self.message.clear()
        return Op(self, lambda _progress, _cancel: work()).success(lambda _r: self._done()).failure(
            self._failed).run()

    def _done(self) -> None:
        if shiboken6.isValid(self):
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, ValidationError):
            self.message.setText(detail_text(exc))
        elif isinstance(exc, DomainError):
            self.message.setText(service_text(exc.message))
        else:
            from ui.errors import show_error

            show_error(self, exc)

    def clock_in(self) -> Op | None:
        if not self.clock_in_button.isEnabled():
            return None
        db, actor, who = self.ctx.db, self.ctx.actor, self.who()
        return self._run(lambda: attendance.clock_in(db, actor, technician=who))

    def clock_out(self) -> Op | None:
        if not self.clock_out_button.isEnabled():
            return None
        db, actor, who = self.ctx.db, self.ctx.actor, self.who()
        return self._run(lambda: attendance.clock_out(db, actor, technician=who))

    def clock_off(self) -> Op | None:
        if not self.clock_off_button.isEnabled():
            return None
        db, actor, who = self.ctx.db, self.ctx.actor, self.who()
        return self._run(lambda: clocking.clock_off(db, actor, technician=who))

    def clock_on(self) -> Op | None:
        item = self.jobs.currentItem()
        if item is None or self.order is None or not self.clock_on_button.isEnabled():
            return None
        job_id = item.data(Qt.ItemDataRole.UserRole)
        db, actor, who = self.ctx.db, self.ctx.actor, self.who()
        op = self._run(lambda: clocking.clock_on(db, actor, job_id, technician=who))
        op.success(lambda _r: self._clear_order())
        return op

    def _clear_order(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.order = None
        self.jobs.clear()
        self.number.clear()
        self.order_label.clear()
        self._enable_clock_on()

    def edit_reasons(self) -> str | None:
        return ReasonDialog.ask(self.ctx, self.all_reasons, parent=self)

    def start_reason(self, code: str) -> Op:
        db, actor, who = self.ctx.db, self.ctx.actor, self.who()
        return self._run(lambda: attendance.start_reason(db, actor, code, technician=who))


class CorrectTimesDialog(FormDialog):
    """The foreman sets a clocking's or a stretch of attendance's start and end (local times) and says
    why; the service refuses a foreman's own times. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, entry: attendance.TimeEntry, *, what: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.setWindowTitle(self.tr("Correct times"))
        self.setMinimumWidth(440)
        about = QLabel(" · ".join(x for x in (entry.technician, what) if x))
        about.setWordWrap(True)
        self.started = DateTimeEdit()
        self.ended = DateTimeEdit()
        for edit, value in ((self.started, entry.started_at), (self.ended, entry.ended_at or clock.now())):
            edit.setDateTime(_to_local(value))
        self.started.setObjectName("started_at")
        self.ended.setObjectName("ended_at")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Why, e.g. forgot to clock off after the road test"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("started_at", self.tr("&Started"), self.started)
        self.errors.add_row("ended_at", self.tr("&Ended"), self.ended)
        self.errors.add_row("note", self.tr("&Reason"), self.note)
        self.errors.add_row("technician", "", hint_label(self.tr("Your own times are corrected by another foreman.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    def save(self) -> None:
        db, actor, entry = self.ctx.db, self.ctx.actor, self.entry
        started, ended = _to_utc(self.started.dateTime()), _to_utc(self.ended.dateTime())
        note = self.note.text()
        correct = attendance.correct_attendance if entry.kind == "attendance" else attendance.correct_clocking
        self.submit(lambda: correct(db, actor, entry.id, started_at=started, ended_at=ended, note=note))

    @classmethod
    def ask(cls, ctx: AppContext, entry: attendance.TimeEntry, *, what: str = "",
            parent: QWidget | None = None) -> bool:
        """Whether the times were corrected."""
        return bool(run_dialog(parent, lambda: cls(ctx, entry, what=what, parent=parent), lambda _d: True))


def _to_local(moment: datetime) -> QDateTime:
    local = moment.replace(tzinfo=UTC).astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _to_utc(value: QDateTime) -> datetime:
    local = value.toPython()
    return local.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)


class ReasonDialog(FormDialog):
    """Add a reason for time off jobs, or change one's name or whether the clock offers it (the
    foreman's, ``workshop.catalogue``). Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, reasons: list[attendance.Reason], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reasons = {r.code: r for r in reasons}
        self.setWindowTitle(self.tr("Reasons for time off jobs"))
        self.setMinimumWidth(420)
        self.choice = QComboBox()
        self.choice.setObjectName("choice")
        self.choice.addItem(self.tr("New reason"), "")
        for r in reasons:
            self.choice.addItem(reason_text(r.code, r.description), r.code)
        self.choice.currentIndexChanged.connect(lambda _i: self._chosen())
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(40)
        self.code.setPlaceholderText(self.tr("e.g. road_test"))
        self.description = QLineEdit()
        self.description.setObjectName("description")
        self.description.setMaxLength(120)
        self.active = QCheckBox(self.tr("&Offered on the clock"))
        self.active.setChecked(True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("&Reason"), self.choice)
        self.errors.add_row("code", self.tr("&Code"), self.code)
        self.errors.add_row("description", self.tr("&Description"), self.description)
        form.addRow("", self.active)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def _chosen(self) -> None:
        reason = self.reasons.get(self.choice.currentData() or "")
        self.code.setText(reason.code if reason else "")
        self.code.setReadOnly(reason is not None)
        self.description.setText(reason.description if reason else "")
        self.active.setChecked(reason.active if reason else True)

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        code, description, active = self.code.text(), self.description.text(), self.active.isChecked()
        new = not self.choice.currentData()  # "New reason": never replaces the reason its code names
        self.submit(lambda: attendance.save_reason(db, actor, code, description, active=active, new=new))

    @classmethod
    def ask(cls, ctx: AppContext, reasons: list[attendance.Reason], parent: QWidget | None = None) -> str | None:
        """The code of the reason saved, or None if cancelled."""
        return run_dialog(parent, lambda: cls(ctx, reasons, parent), lambda d: d.saved_id)
