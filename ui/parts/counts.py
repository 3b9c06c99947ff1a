"""Stock counts: starting a count of a bin range or category, entering what was counted, the
variance report and posting it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.quantities import quantity_text
from services.parts import counts
from ui.context import AppContext
from ui.formatting import date_text, money_text
from ui.messages import detail_text
from ui.parts.labels import count_status_labels
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.forms import FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op


class StockCountsScreen(ListScreen):
    detail_tables = ("stock_count_line",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.statuses = count_status_labels()
        headers = {
            "number": self.tr("Number"), "status": self.tr("Status"), "started_on": self.tr("Started"),
            "bin_from": self.tr("From bin"), "bin_to": self.tr("To bin"), "category": self.tr("Category"),
            "lines": self.tr("Parts"), "counted": self.tr("Counted"), "posted_on": self.tr("Posted"),
        }
        view = ListView(
            ctx, "stock_counts", headers, noun_plural=self.tr("stock counts"),
            empty_text=self.tr("No stock counts yet. Press Ctrl+N to start one."),
            filters=[FilterSpec("status", self.tr("Status"), tuple(self.statuses.items()))],
            export_name="stock_counts", value_labels={"status": self.statuses},
        )
        super().__init__(ctx, self.tr("Stock counts"), view, can_edit=ctx.can("stock.count"), parent=parent)
        self.current_count: counts.CountView | None = None
        self.new_button.setText(self.tr("&Start count…"))
        self.new_button.setToolTip(self.tr("Count a bin range or a category (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Enter counts…"))
        self.edit_button.setToolTip(self.tr("Enter what was counted (F2)"))
        self.post_button = QPushButton(self.tr("&Post…"), self)
        self.post_button.setToolTip(self.tr("Book the variances: on hand becomes what was counted"))
        self.post_button.clicked.connect(self.post_current)
        self.post_button.setEnabled(False)
        self.post_button.setVisible(ctx.can("stock.adjust"))
        self.extra_buttons.addWidget(self.post_button)
        self.sheet_button = QPushButton(self.tr("Count s&heet…"), self)
        self.sheet_button.setToolTip(self.tr("Save the count sheet as PDF to print, or as Excel to fill in and "
                                             "import back"))
        self.sheet_button.clicked.connect(self.save_sheet)
        self.sheet_button.setEnabled(False)
        self.extra_buttons.insertWidget(0, self.sheet_button)

    def save_sheet(self, *, path: str | None = None) -> Op | None:
        count = self.current_count
        if count is None:
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save count sheet"), f"{count.number}.pdf",
                self.tr("PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not path:
                return None
        db, actor, count_id = self.ctx.db, self.ctx.actor, count.id

        def work(_progress, _cancel):
            from pathlib import Path

            out = Path(path)
            if out.suffix.lower() in (".xlsx", ".csv"):
                return counts.count_sheet_file(db, actor, count_id, out)
            return counts.count_sheet_pdf(db, actor, count_id, out.with_suffix(".pdf"))

        def saved(out) -> None:
            self.window().statusBar().showMessage(self.tr("Count sheet saved to %1").replace("%1", str(out)), 8000)
            self.saved_sheet = out

        self.op = Op(self, work, title=self.tr("Saving count sheet")).success(saved).run()
        return self.op

    def detail_changed(self, data: counts.CountView | None) -> None:
        self.current_count = data
        editable = data is not None and data.status in counts.EDITABLE
        self.edit_button.setEnabled(editable)
        self.post_button.setEnabled(editable)
        self.sheet_button.setEnabled(data is not None)

    def read_detail(self, row_id: str) -> Callable[[], counts.CountView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: counts.get_count(db, actor, row_id)

    def render_detail(self, row_id: str, count: counts.CountView) -> str:
        currency = self.ctx.settings.currency
        html = [heading(count.number), fields([
            (self.tr("Status"), self.statuses.get(count.status, count.status)),
            (self.tr("Started"), date_text(count.started_on)),
            (self.tr("Bins"), " – ".join(x for x in (count.bin_from, count.bin_to) if x)),
            (self.tr("Category"), count.category),
            (self.tr("Parts"), str(len(count.lines))),
            (self.tr("Not counted yet"), str(count.uncounted)),
            (self.tr("Variance value"), money_text(count.variance_value, currency)),
            (self.tr("Posted"), date_text(count.posted_on)),
        ])]
        varied = sorted((line for line in count.lines if line.variance),
                        key=lambda line: (-abs(line.variance_value or 0), line.bin, line.part_number))
        html.append(heading(self.tr("Variances"), level=3))
        if not varied:
            html.append(paragraph(self.tr("No variance among the parts counted."), hint=True))
        else:
            html.append(table(
                [Col.atom(self.tr("Bin")), Col(self.tr("Part")), Col.number(self.tr("Expected")),
                 Col.number(self.tr("Counted")), Col.number(self.tr("Variance")), Col.number(self.tr("Value"))],
                [(line.bin, f"{line.brand} {line.part_number}", quantity_text(line.expected or 0),
                  quantity_text(line.counted or 0), quantity_text(line.variance or 0),
                  money_text(line.variance_value or 0, currency)) for line in varied]))
        return "".join(html)

    def new_record(self) -> None:
        count_id = StartCountDialog.ask(self.ctx, self)
        if count_id:
            self.list.reload()
            self.list.select_id(count_id)
            CountEntryDialog.ask(self.ctx, count_id, self)

    def edit_record(self, row_id: str) -> None:
        if self.current_count is not None and self.current_count.status in counts.EDITABLE:
            CountEntryDialog.ask(self.ctx, row_id, self)

    def post_current(self) -> None:
        count = self.current_count
        if count is None:
            return
        question = self.tr("Post %1? On hand of each counted part becomes what was counted (variance value "
                           "%2).").replace("%1", count.number).replace(
            "%2", money_text(count.variance_value, self.ctx.settings.currency))
        if count.uncounted:
            question += "\n\n" + self.tr("%n part(s) not counted keep their stock.", "", count.uncounted)
        if QMessageBox.question(self, self.tr("Post stock count"), question) != QMessageBox.StandardButton.Yes:
            return
        db, actor, count_id = self.ctx.db, self.ctx.actor, count.id
        self.op = Op(self, lambda _p, _c: counts.post_count(db, actor, count_id)).run()


class StartCountDialog(FormDialog):
    """Which parts to count: a bin range and/or a category. Use :meth:`ask`; returns the count's id."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Start stock count"))
        self.setMinimumWidth(400)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.bin_from = QLineEdit()
        self.bin_from.setObjectName("bin_from")
        self.errors.add_row("bin_from", self.tr("&From bin"), self.bin_from)
        self.bin_to = QLineEdit()
        self.bin_to.setObjectName("bin_to")
        self.errors.add_row("bin_to", self.tr("&To bin"), self.bin_to)
        self.category = QLineEdit()
        self.category.setObjectName("category")
        self.errors.add_row("category", self.tr("&Category"), self.category)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Leave a field empty to leave it open: an empty range and category "
                                            "counts every part.")))
        layout.addWidget(self.buttons)

    def show_field_error(self, exc: ValidationError) -> bool:
        if self.errors.show(exc):
            return True
        # A selection that matches no part is about all three fields; the first one shows it.
        return self.errors.show(ValidationError("bin_from", exc.detail))

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        bin_from, bin_to, category = self.bin_from.text(), self.bin_to.text(), self.category.text()
        self.submit(lambda: counts.start_count(db, actor, bin_from=bin_from, bin_to=bin_to, category=category))


class CountEntryDialog(QDialog):
    """The count sheet on screen: type what was counted of each part. Each figure is recorded as it is
    entered (on the database worker), so the count survives closing the dialog. The expected figures
    stay hidden so the count is blind. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, count_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count_id = count_id
        count = counts.get_count(ctx.db, ctx.actor, count_id)
        self.setWindowTitle(self.tr("Enter counts · %1").replace("%1", count.number))
        self.resize(760, 520)
        self.grid = LineGrid([
            GridColumn("bin", self.tr("Bin"), width=70, editable=False),
            GridColumn("part", self.tr("Part"), width=170, editable=False),
            GridColumn("description", self.tr("Description"), width=0, editable=False),
            GridColumn("unit", self.tr("Unit"), width=50, editable=False),
            GridColumn("counted", self.tr("Counted"), kind="quantity", width=100),
        ], can_add=False, can_remove=False, name="countLines", enter_moves=True)
        self.part_ids = [line.part_id for line in count.lines]
        self.counted: dict[str, int | None] = {line.part_id: line.counted for line in count.lines}
        self.grid.set_rows(({"bin": line.bin, "part": f"{line.brand} {line.part_number}",
                             "description": line.description, "unit": line.unit, "counted": line.counted},
                            {"part_id": line.part_id}) for line in count.lines)
        self.grid.cell_edited.connect(self._changed)
        self.progress_label = QLabel()
        self.error = error_label()
        self.ops: list[Op] = []
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        self.buttons = close
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("Type the quantity found of each part; a part not found is 0. "
                                            "Each figure is saved as you enter it.")))
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.progress_label)
        layout.addWidget(close)
        self._update_progress()
        if self.part_ids:
            self.grid.focus_cell(0, "counted")

    def _update_progress(self) -> None:
        done = sum(1 for value in self.counted.values() if value is not None)
        self.progress_label.setText(self.tr("%1 of %2 parts counted.").replace("%1", str(done))
                                    .replace("%2", str(len(self.counted))))

    def _changed(self, row: int, key: str) -> None:
        """A figure typed: recorded at once on the database worker (an empty cell records nothing)."""
        if key != "counted":
            return
        part_id = self.part_ids[row]
        self.error.hide()
        problem = self.grid.error(row, "counted")
        if problem:
            self._failed(row, ValidationError("counted", problem))
            return
        counted = self.grid.value(row, "counted")
        if counted is None:
            return
        db, actor, count_id = self.ctx.db, self.ctx.actor, self.count_id

        def entered(_result: object) -> None:
            self.counted[part_id] = counted
            self._update_progress()

        op = Op(self, lambda _p, _c: counts.enter_count(db, actor, count_id, part_id, counted)).success(
            entered).failure(lambda exc: self._failed(row, exc))
        self.ops.append(op)
        op.run()

    def _failed(self, row: int, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            part = self.grid.text(row, "part")
            if not self.grid.error(row, "counted"):
                self.grid.mark(row, "counted", detail_text(exc))
            self.error.setText(self.tr("%1: %2").replace("%1", part).replace("%2", detail_text(exc)))
            self.error.show()
            self.grid.focus_cell(row, "counted")
            return
        from ui.errors import show_error

        show_error(self, exc)

    @classmethod
    def ask(cls, ctx: AppContext, count_id: str, parent: QWidget | None = None) -> None:
        dialog = cls(ctx, count_id, parent)
        dialog.exec()
        dialog.deleteLater()
