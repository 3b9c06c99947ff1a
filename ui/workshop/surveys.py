"""Satisfaction surveys: the surveys due (ring the customer, press Enter, type the score and what they
said), the follow-up tasks low scores raised, and the results per advisor and technician."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from services.workshop import surveys
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import date_text
from ui.widgets.detail import Col, DetailPane, esc, fields, heading, paragraph, table
from ui.widgets.forms import FieldErrors, FormDialog, hint_label
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Query


def survey_status_labels() -> dict[str, str]:
    return {"due": QCoreApplication.translate("Workshop", "Due"),
            "answered": QCoreApplication.translate("Workshop", "Answered")}


def _average(tenths: int) -> str:
    return f"{tenths // 10}.{tenths % 10}"


class SurveysScreen(ListScreen):
    """Surveys (due ones first) with the selected one's details; below, the follow-up tasks still to
    do and the results per advisor and technician."""

    detail_tables = ("follow_up_task", "repair_order", "customer")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = survey_status_labels()
        self._current_status = ""
        headers = {"due_on": self.tr("Due"), "number": self.tr("Repair order"), "customer": self.tr("Customer"),
                   "phone": self.tr("Phone"), "plate": self.tr("Plate"), "advisor": self.tr("Advisor"),
                   "status": self.tr("Status"), "score": self.tr("Score"), "answered_on": self.tr("Answered")}
        view = ListView(ctx, "surveys", headers, noun_plural=self.tr("surveys"),
                        empty_text=self.tr("No surveys: one falls due a few days after each handover."),
                        filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items()))],
                        export_name="surveys", value_labels={"status": self.statuses})
        combo = view.filter_widgets["status"]
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData("due"))
        combo.blockSignals(False)
        super().__init__(ctx, self.tr("Satisfaction surveys"), view, can_edit=False, parent=parent)
        self.answer_button = QPushButton(self.tr("&Enter answer…"), self)
        self.answer_button.setToolTip(self.tr("Enter the score and comments the customer gave (Enter)"))
        self.answer_button.clicked.connect(self.enter_answer)
        self.extra_buttons.addWidget(self.answer_button)
        # Enabled while the pane shows a survey still due (detail_changed).
        self.answer_button.setEnabled(False)
        self.list.activated.connect(lambda _id: self.enter_answer())

        self.tasks = ListView(ctx, "follow_up_tasks", {
            "due_on": self.tr("Due"), "assignee": self.tr("Assigned to"), "customer": self.tr("Customer"),
            "phone": self.tr("Phone"), "number": self.tr("Repair order"), "score": self.tr("Score"),
            "reason": self.tr("Comments"), "done_on": self.tr("Done")},
            noun_plural=self.tr("follow-up tasks"), empty_text=self.tr("No follow-up tasks."),
            filters=[FilterSpec("open", self.tr("Open"))], export_name="follow-up-tasks")
        combo = self.tasks.filter_widgets["open"]
        combo.setCurrentIndex(combo.findData(True))
        self.tasks.activated.connect(lambda _id: self.complete_task())
        self.tasks.current_changed.connect(lambda row_id: self.done_button.setEnabled(bool(row_id)))
        tasks_title = QLabel(self.tr("Follow-up tasks"))
        tasks_title.setObjectName("sectionTitle")
        self.done_button = QPushButton(self.tr("Mark &done…"), self)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.complete_task)
        tasks_bar = QHBoxLayout()
        tasks_bar.addWidget(tasks_title)
        tasks_bar.addStretch(1)
        tasks_bar.addWidget(self.done_button)
        tasks_box = QWidget()
        tasks_layout = QVBoxLayout(tasks_box)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addLayout(tasks_bar)
        tasks_layout.addWidget(self.tasks, 1)
        self.results = DetailPane()
        self.results.setObjectName("surveyResults")
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(tasks_box)
        bottom.addWidget(self.results)
        bottom.setStretchFactor(0, 7)
        bottom.setStretchFactor(1, 3)
        bottom.setSizes([900, 360])
        self.rows = QSplitter(Qt.Orientation.Vertical)
        layout = self.layout()
        layout.removeWidget(self.splitter)
        self.rows.addWidget(self.splitter)
        self.rows.addWidget(bottom)
        self.rows.setStretchFactor(0, 3)
        self.rows.setStretchFactor(1, 2)
        layout.addWidget(self.rows, 1)
        QShortcut(QKeySequence("Ctrl+Shift+D"), self, self.complete_task,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tasks.reload()
        self.results_query: Query | None = None
        self.load_results()

    # --- reading ------------------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], surveys.SurveyView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: surveys.get(db, actor, row_id)

    def render_detail(self, row_id: str, s: surveys.SurveyView) -> str:
        html = [heading(self.tr("Survey of %1").replace("%1", s.repair_order_number)),
                paragraph(self.statuses.get(s.status, s.status), bold=True)]
        html.append(fields([
            (self.tr("Customer"), s.customer_name),
            (self.tr("Phone"), s.phone),
            (self.tr("Vehicle"), " · ".join(x for x in (s.plate, s.vin) if x)),
            (self.tr("Advisor"), self.ctx.person(s.advisor)),
            (self.tr("Technicians"), ", ".join(self.ctx.person(t) for t in s.technicians)),
            (self.tr("Handed over"), date_text(s.handed_over_on)),
            (self.tr("Due"), date_text(s.due_on)),
            (self.tr("Score"), f"{s.score} / 10" if s.score is not None else ""),
            (self.tr("Comments"), s.comments),
            (self.tr("Answered"), " · ".join(x for x in (date_text(s.answered_on), s.answered_by) if x)
             if s.answered_on else ""),
        ]))
        if s.task is not None:
            t = s.task
            html.append(heading(self.tr("Follow-up"), level=3))
            html.append(fields([
                (self.tr("Assigned to"), t.assignee),
                (self.tr("Due"), date_text(t.due_on)),
                (self.tr("Done"), date_text(t.done_on) if t.done_on else self.tr("Not yet")),
                (self.tr("Outcome"), t.outcome),
            ]))
        if s.status == "due":
            html.append(paragraph(self.tr("Ring the customer, then press Enter to record what they said."), hint=True))
        return "".join(html)

    def detail_changed(self, data: surveys.SurveyView | None) -> None:
        self._current_status = data.status if data is not None else ""
        button = getattr(self, "answer_button", None)
        if button is not None:
            button.setEnabled(self._current_status == "due")

    def load_results(self) -> Query:
        db, actor = self.ctx.db, self.ctx.actor
        self.results_query = Query(self, lambda: surveys.results(db, actor)).success(self._show_results).run()
        return self.results_query

    def _show_results(self, r: surveys.SurveyResults) -> None:
        html = [heading(self.tr("Results"), level=3)]
        if not r.answered:
            html.append(paragraph(self.tr("No answers yet."), hint=True))
            self.results.setHtml("".join(html))
            return
        html.append(paragraph(self.tr("%1 answers, average %2, %3 low (%4 or less)")
                              .replace("%1", str(r.answered)).replace("%2", _average(r.average_tenths))
                              .replace("%3", str(r.low)).replace("%4", str(r.low_score))))
        columns = [Col(self.tr("Name")), Col.number(self.tr("Answers")), Col.number(self.tr("Average")),
                   Col.number(self.tr("Low"))]
        for title, rows in ((self.tr("Advisors"), r.advisors), (self.tr("Technicians"), r.technicians)):
            html.append(paragraph(title, bold=True))
            html.append(table(columns, [(self.ctx.person(x.name), x.answered, _average(x.average_tenths), x.low)
                                        for x in rows]))
        self.results.setHtml("".join(html))

    def on_changed(self, changes: Changes) -> None:
        super().on_changed(changes)
        self.tasks.apply(changes)
        if changes.touches("survey", "follow_up_task", "repair_labour_line", "repair_order"):
            self.load_results()

    # --- actions ------------------------------------------------------------------------------
    def enter_answer(self) -> None:
        if not self.current_id or self._current_status != "due":
            return
        SurveyDialog.ask(self.ctx, self.current_id, parent=self)

    def complete_task(self) -> None:
        task_id = self.tasks.selected_id()
        if task_id:
            TaskDoneDialog.ask(self.ctx, task_id, parent=self)


class SurveyDialog(FormDialog):
    """Enter a customer's answer to a due survey: score 0–10 and comments. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, survey_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id = survey_id
        s = surveys.get(ctx.db, ctx.actor, survey_id)
        self.setWindowTitle(self.tr("Survey of %1").replace("%1", s.repair_order_number))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("Customer"), QLabel(" · ".join(x for x in (s.customer_name, s.phone) if x)))
        # The plate is what a customer on the phone knows their car by (a VIN is a code, marked as one).
        form.addRow(self.tr("Vehicle"), QLabel(esc(s.plate) if s.plate else f"<code>{esc(s.vin)}</code>"))
        form.addRow(self.tr("Advisor"), QLabel(ctx.person(s.advisor)))
        self.score = QSpinBox()
        self.score.setObjectName("score")
        # Below the range: nothing entered yet, which the service refuses beside the field.
        self.score.setRange(-1, 10)
        self.score.setSpecialValueText("–")
        self.score.setValue(s.score if s.score is not None else -1)
        self.errors.add_row("score", self.tr("&Score (0–10)"), self.score)
        self.comments = QLineEdit(s.comments)
        self.comments.setObjectName("comments")
        self.comments.setMaxLength(surveys.MAX_COMMENTS)
        self.comments.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.errors.add_row("comments", self.tr("&Comments"), self.comments)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("A score of %1 or less raises a follow-up task for the advisor.")
                                    .replace("%1", str(ctx.settings.survey_low_score))))
        layout.addWidget(self.buttons)
        self.score.setFocus()
        self.score.selectAll()

    def save(self) -> None:
        db, actor, survey_id = self.ctx.db, self.ctx.actor, self.survey_id
        data = surveys.SurveyInput(score=self.score.value(), comments=self.comments.text())
        self.submit(lambda: surveys.record(db, actor, survey_id, data))

    @classmethod
    def ask(cls, ctx: AppContext, survey_id: str, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, survey_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted


class TaskDoneDialog(FormDialog):
    """Mark a follow-up task done, saying what came of it. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, task_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task_id = task_id
        self.setWindowTitle(self.tr("Follow-up done"))
        self.setMinimumWidth(440)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setMaxLength(surveys.MAX_COMMENTS)
        self.outcome.setPlaceholderText(self.tr("e.g. called back, offered a free wash"))
        self.errors.add_row("outcome", self.tr("&Outcome"), self.outcome)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Done"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.outcome.setFocus()

    def save(self) -> None:
        db, actor, task_id, outcome = self.ctx.db, self.ctx.actor, self.task_id, self.outcome.text()
        self.submit(lambda: surveys.complete_task(db, actor, task_id, outcome))

    @classmethod
    def ask(cls, ctx: AppContext, task_id: str, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, task_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted
