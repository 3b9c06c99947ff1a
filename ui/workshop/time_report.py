"""Technician time: per technician and period, hours attended, on and off jobs, productivity, hours
sold and efficiency, and what to check (missing clock-offs, hours sold with no clocking); a line to
check opens the Technician clock at that technician and day for correcting. The figures are
:mod:`services.workshop.time_reports`' own, computed on the database worker."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.workshop import attendance, time_reports
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import local_datetime
from ui.widgets.exporting import add_export, ask_path, export_tables, table_contents
from ui.widgets.fields import DateEdit
from ui.workers import Op, Query
from ui.workshop.clock import reason_text

TIME_TABLES = ("attendance", "clocking", "repair_order", "repair_labour_line")


def _hours(hundredths: int) -> str:
    return f"{Decimal(hundredths) / 100:.2f}"


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    # Every heading and figure is read whole: a column is as wide as its heading or its widest cell;
    # the first (who, or what to check) takes what is left.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class TechnicianTimeScreen(QWidget):
    """GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._serial = 0
        heading = QLabel(self.tr("Technician time"))
        heading.setObjectName("screenTitle")
        today = date.today()
        self.start = DateEdit(today - timedelta(days=today.weekday()))
        self.start.setObjectName("start")
        self.end = DateEdit(today)
        self.end.setObjectName("end")
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.load())
        start_label = QLabel(self.tr("&From"))
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To"))
        end_label.setBuddy(self.end)
        for label in (start_label, end_label):
            label.setMinimumWidth(label.sizeHint().width() + 4)
        self.this_week = QPushButton(self.tr("This &week"))
        self.this_week.clicked.connect(lambda: self.set_period(date.today() - timedelta(days=date.today().weekday()),
                                                               date.today()))
        self.this_month = QPushButton(self.tr("This &month"))
        self.this_month.clicked.connect(lambda: self.set_period(date.today().replace(day=1), date.today()))
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(16)
        bar.addWidget(start_label)
        bar.addWidget(self.start)
        bar.addSpacing(8)
        bar.addWidget(end_label)
        bar.addWidget(self.end)
        bar.addWidget(self.this_week)
        bar.addWidget(self.this_month)
        bar.addStretch(1)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)

        self.people = _table("technicians", [
            self.tr("Technician"), self.tr("Attended"), self.tr("On jobs"), self.tr("Off jobs"),
            self.tr("Productivity"), self.tr("Sold"), self.tr("Clocked on sold work"), self.tr("Efficiency")])
        self.flags = _table("flags", [self.tr("To check"), self.tr("Technician"), self.tr("Repair order"),
                                      self.tr("Job"), self.tr("Started"), self.tr("Ended"), self.tr("Hours")])
        self.flags.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.flags.activated.connect(lambda index: self.open_flag(index.row()))
        self.flag_days: list[tuple[str, date]] = []  # each flag's technician and the day to correct
        by_person = QGroupBox(self.tr("By technician (hours)"))
        QVBoxLayout(by_person).addWidget(self.people)
        to_check = QGroupBox(self.tr("To check"))
        check_layout = QVBoxLayout(to_check)
        check_layout.addWidget(self.flags)
        flags_hint = QLabel(self.tr("Enter or double-click a line to correct that technician's times of that day "
                                    "on the Technician clock."))
        flags_hint.setObjectName("hint")
        flags_hint.setWordWrap(True)
        check_layout.addWidget(flags_hint)
        hint = QLabel(self.tr("Productivity: hours on jobs ÷ hours attended. Efficiency: hours sold ÷ hours clocked, "
                              "both on the repair orders completed in the period. Open clockings count once "
                              "clocked off."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(by_person, 1)
        layout.addWidget(to_check, 1)
        layout.addWidget(hint)
        ctx.changed.connect(self._on_changed)
        self.load()

    def focus_default(self) -> None:
        self.start.setFocus()

    def set_period(self, start: date, end: date) -> None:
        for edit, value in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.set_value(value)
            edit.blockSignals(False)
        self.load()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*TIME_TABLES):
            self.load()

    def load(self) -> Query:
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self.start.value(), self.end.value()
        if end < start:
            start, end = end, start

        def work():
            return (time_reports.technician_times(db, actor, start, end),
                    time_reports.missing_clock_offs(db, actor, start, end),
                    time_reports.unclocked_hours(db, actor, start, end))

        return Query(self, work).success(lambda data: self._arrived(serial, data)).run()

    def _arrived(self, serial: int, data) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        people, missing, unclocked = data
        _fill(self.people, [[t.technician, _hours(t.attended), _hours(t.on_jobs), _hours(t.off_jobs),
                             _percent(t.productivity), _hours(t.sold), _hours(t.clocked_on_sold),
                             _percent(t.efficiency)] for t in people], set(range(1, 8)))
        rows, days = [], []
        for f in missing:
            what = (self.tr("Not clocked out") if f.kind == "attendance"
                    else self.tr("Not clocked off: %1").replace("%1", reason_text(f.reason)) if f.kind == "reason"
                    else self.tr("Not clocked off the job"))
            rows.append([what, f.technician, f.repair_order_number, str(f.job_no or ""), local_datetime(f.started_at),
                         local_datetime(f.ended_at) if f.ended_at else "", ""])
            days.append((f.technician, attendance.local_date(f.started_at)))
        last = max(self.start.value(), self.end.value())
        for u in unclocked:
            rows.append([self.tr("Hours sold, never clocked"), u.technician, u.repair_order_number, str(u.job_no),
                         "", "", _hours(u.hours)])
            # Sold work has no clocking of its own: the period's last day is where to look.
            days.append((u.technician, last))
        self.flag_days = days
        _fill(self.flags, rows, {6})

    def open_flag(self, row: int) -> QWidget | None:
        """Open the Technician clock at the technician and day of flag ``row``, ready to correct.
        GUI thread."""
        if not 0 <= row < len(self.flag_days):
            return None
        technician, day = self.flag_days[row]
        window = self.window()
        screen = window.show_page("technician_clock") if hasattr(window, "show_page") else None
        if screen is None or not hasattr(screen, "show_day"):
            return None
        screen.show_day(technician, day)
        return screen

    def export(self) -> Op | None:
        path = ask_path(self, "technician-time")
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write both tables as shown: the technicians, a blank row, then what to check."""
        titles, rows = table_contents(self.people)
        flag_titles, flag_rows = table_contents(self.flags)
        return export_tables(self, self.ctx, path, titles, [*rows, [], flag_titles, *flag_rows],
                             sheet="technician_time")
