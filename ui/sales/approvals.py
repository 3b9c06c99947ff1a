"""The approvals inbox: the deals waiting for an approval at the user's level (the owner's: every
level), each shown in full beside the list; approve it, or send it back to its salesperson with a
note. Keys: Ctrl+Enter approves, Ctrl+B sends back, Ctrl+E exports the list as shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from services.sales import approvals, deals
from ui.context import AppContext
from ui.errors import show_error
from ui.sales.deals import deal_html
from ui.widgets.forms import AskReasonDialog
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
            "margin_percent": self.tr("Margin %"), "approval_level": self.tr("Level"),
        }
        view = ListView(ctx, "deal_approvals", headers, noun_plural=self.tr("deals waiting"),
                        empty_text=self.tr("Nothing waits for your approval."), export_name="approvals")
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
        return deal_html(data)

    def new_record(self) -> None:
        return None

    def edit_record(self, row_id: str) -> None:
        return None

    def approve_current(self) -> Op | None:
        row_id = self.current_id
        if not row_id:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.decide_op = Op(self, lambda _p, _c: deals.approve(db, actor, row_id)).failure(
            lambda exc: show_error(self, exc)).run()
        return self.decide_op

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
        self.decide_op = Op(self, lambda _p, _c: deals.send_back(db, actor, row_id, note)).failure(
            lambda exc: show_error(self, exc)).run()
        return self.decide_op


class SendBackDialog(AskReasonDialog):
    """Asks for the note the salesperson reads when the deal comes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(title=self.tr("Send the deal back"),
                         message=self.tr("The salesperson sees your note on the deal and changes it."),
                         go=self.tr("Send &back"), missing=self.tr("Write the note the salesperson reads"),
                         placeholder=self.tr("e.g. 4 % at most on this model"), name="note", parent=parent)
