"""The approvals inbox: the deals waiting for an approval at the user's level (the owner's: every
level, as the owner approves at any; the list names whose approval each waits for), each shown in
full beside the list; approve it, or send it back to its salesperson with a
note. Keys: Ctrl+Enter approves, Ctrl+B sends back, Ctrl+E exports the list as shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from core.errors import DomainError, ValidationError
from services.sales import approvals, deals
from ui.admin.labels import role_labels
from ui.context import AppContext
from ui.errors import show_error
from ui.messages import detail_text, service_text
from ui.sales.deals import deal_html, say
from ui.widgets.forms import AskReasonDialog, FieldErrors, FormDialog, error_label, hint_label
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.widgets.list_view import ListView
from ui.widgets.screen import ListScreen
from ui.workers import Op


class ApprovalsScreen(ListScreen):
    detail_tables = ("deal_line", "deal_approval", "trade_in")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        headers = {
            "number": self.tr("Number"), "quoted_on": self.tr("Quoted"), "customer_name": self.tr("Customer"),
            "vehicle": self.tr("Vehicle"), "salesperson": self.tr("Salesperson"), "total": self.tr("Total"),
            "discount": self.tr("Discount"), "discount_percent": self.tr("Discount %"),
            "margin_percent": self.tr("Margin %"), "approver": self.tr("Waiting for"),
        }
        view = ListView(ctx, "deal_approvals", headers, noun_plural=self.tr("deals waiting"),
                        empty_text=self.tr("Nothing waits for your approval."), export_name="approvals",
                        value_labels={"approver": role_labels()})
        super().__init__(ctx, self.tr("Approvals"), view, can_edit=False, parent=parent)
        self.list.empty_text = self.tr("Nothing waits for your approval.")
        if ctx.actor.role != "owner":
            levels = approvals.levels(ctx.db, ctx.actor)
            mine = [lv.level for lv in levels if approvals.may_approve(ctx.actor, levels, lv.level)]
            # A level nobody has shows nothing rather than everything.
            self.list.set_fixed_filter("level", str(mine[0]) if mine else "0")
            self.list.reload()
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("approve")
        self.approve_button.setToolTip(self.tr("Approve the deal at your level (Ctrl+Enter)"))
        self.approve_button.clicked.connect(self.approve_current)
        self.send_back_button = QPushButton(self.tr("Send &back…"))
        self.send_back_button.setObjectName("send_back")
        self.send_back_button.setToolTip(self.tr("Send the deal back to its salesperson with a note (Ctrl+B)"))
        self.send_back_button.clicked.connect(self.send_back_current)
        self.levels_button = QPushButton(self.tr("Approval &levels…"))
        self.levels_button.setObjectName("approval_levels")
        self.levels_button.setToolTip(self.tr("Who approves which discounts and margins"))
        self.levels_button.clicked.connect(lambda: ApprovalLevelsDialog.ask(self.ctx, self))
        self.levels_button.setVisible(ctx.can("settings.edit"))
        self.extra_buttons.addWidget(self.levels_button)
        self.extra_buttons.addWidget(self.send_back_button)
        self.extra_buttons.addWidget(self.approve_button)
        self.needs_selection(self.approve_button, self.send_back_button)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.approve_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+B"), self, self.send_back_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def read_detail(self, row_id: str) -> Callable[[], deals.DealView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: deals.get(db, actor, row_id)

    def render_detail(self, row_id: str, data: deals.DealView) -> str:
        return deal_html(data, self.ctx.person)

    def new_record(self) -> None:
        return None

    def edit_record(self, row_id: str) -> None:
        return None

    def approve_current(self) -> Op | None:
        row_id = self.current_id
        if not row_id:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.decide_op = Op(self, lambda _p, _c: (deals.approve(db, actor, row_id), deals.get(db, actor, row_id))
                            ).success(self._approved).failure(lambda exc: show_error(self, exc)).run()
        return self.decide_op

    def _approved(self, result: tuple[approvals.Standing, deals.DealView]) -> None:
        found, deal = result
        if found.state == "pending":
            # The deal needs a higher level too: say whose approval it waits for now.
            say(self, self.tr("Deal %1 approved; it now waits for the approval of %2.").replace(
                "%1", deal.number).replace("%2", service_text(found.approver)))
        else:
            say(self, self.tr("Deal %1 approved; %2 can order it.").replace("%1", deal.number).replace(
                "%2", self.ctx.person(deal.salesperson)))

    def send_back_current(self) -> Op | None:
        row_id = self.current_id
        if not row_id:
            return None
        dialog = SendBackDialog(self)
        note = dialog.reason.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if note is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.decide_op = Op(self, lambda _p, _c: (deals.send_back(db, actor, row_id, note),
                                                  deals.get(db, actor, row_id))).success(
            lambda result: say(self, self.tr("Deal %1 sent back to %2 with your note.").replace(
                "%1", result[1].number).replace("%2", self.ctx.person(result[1].salesperson)))).failure(
            lambda exc: show_error(self, exc)).run()
        return self.decide_op


class SendBackDialog(AskReasonDialog):
    """Asks for the note the salesperson reads when the deal comes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(title=self.tr("Send the deal back"),
                         message=self.tr("The salesperson sees your note on the deal and changes it."),
                         go=self.tr("Send &back"), missing=self.tr("Write the note the salesperson reads"),
                         placeholder=self.tr("e.g. 4 % at most on this model"), name="note", parent=parent)


class ApprovalLevelsDialog(FormDialog):
    """The approval levels, lowest first: the role that decides at each and the limits a deal must
    keep for that level to be enough (empty: no limit). The first is the salesperson alone."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Approval levels"))
        self.setMinimumSize(640, 360)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        roles = tuple(role_labels().items())
        self.grid = LineGrid([
            GridColumn("role", self.tr("Approved by"), kind="choice", width=0, choices=roles),
            GridColumn("max_discount_bp", self.tr("Highest discount"), kind="percentage", width=150),
            GridColumn("min_margin_bp", self.tr("Lowest gross margin"), kind="percentage", width=170),
        ], currency=ctx.settings.currency, name="approvalLevels", defaults={"role": "sales_manager"})
        self.grid.set_rows([({"role": lv.role, "max_discount_bp": lv.max_discount_bp,
                              "min_margin_bp": lv.min_margin_bp}, {}) for lv in approvals.levels(ctx.db, ctx.actor)])
        self.grid_error = error_label()
        self.errors.labels["levels"] = self.grid_error
        self.errors.widgets["levels"] = self.grid
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("A deal within the first level's limits needs no approval; beyond them it "
                                            "needs an approval at every level up to the first whose limits it keeps. "
                                            "The last level has no limits.")))
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid_error)
        layout.addWidget(self.buttons)
        self.grid.focus_cell(0, "max_discount_bp")

    def save(self) -> None:
        self.grid.commit()
        rows = []
        for row in range(self.grid.row_count()):
            if self.grid.is_blank(row):
                continue
            try:
                self.grid.check(row)
            except ValidationError as exc:
                self._failed(ValidationError(f"levels[{len(rows) + 1}]", exc.detail))
                return
            v = self.grid.values(row)
            rows.append(approvals.LevelInput(v.get("role") or "", v.get("max_discount_bp"), v.get("min_margin_bp")))
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: approvals.save_levels(db, actor, rows))

    def show_field_error(self, exc: ValidationError) -> bool:
        if exc.field.startswith("levels"):
            self.grid_error.setText(detail_text(exc))
            self.grid_error.show()
            return True
        return self.errors.show(exc)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> bool:
        try:
            dialog = cls(ctx, parent)
        except DomainError as exc:
            show_error(parent, exc)
            return False
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return saved
