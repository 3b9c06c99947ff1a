"""Leads (销售线索): the pipeline board (open stages, the most recently moved cards of each with the
count of all, and the leads whose loss awaits confirmation), the searchable list of every lead, the
selected lead's details, and the dialogs that work a lead: the lead itself, lost with a reason, a
follow-up task, a test drive.

On the board ←/→ go to the column beside, ↑/↓ through the cards, Ctrl+→ moves the lead on to the next
stage and Ctrl+← back one, Enter opens it. The service decides what may move; the board shows why
not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError, ValidationError
from services.customers import CustomerInput, duplicates
from services.sales import leads
from services.sales.leads import STAGES, Board, Card, LeadInput, LeadView, TaskInput, TestDriveInput
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import date_text, key_text, local_datetime, money_text, phone_text
from ui.messages import service_text
from ui.widgets.board_actions import BoardActions
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.detail import Col, DetailPane, esc, fields, heading, link, paragraph, table
from ui.widgets.fields import DateEdit, MoneyEdit
from ui.widgets.forms import FieldErrors, FormDialog, grow_to_fit, hint_label, run_dialog
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.wrapped import WrappedTextDelegate
from ui.workers import Op, Query

LEAD_TABLES = ("lead", "lead_task", "test_drive", "customer", "user_account")
CARD_ROLE = Qt.ItemDataRole.UserRole
OVERDUE = QColor("#b3261e")


def status_labels() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("Sales", "New"),
        "contacted": QCoreApplication.translate("Sales", "Contacted"),
        "test_drive": QCoreApplication.translate("Sales", "Test drive"),
        "quotation": QCoreApplication.translate("Sales", "Quotation"),
        "won": QCoreApplication.translate("Sales", "Won"),
        "lost": QCoreApplication.translate("Sales", "Lost"),
        "lost_pending": QCoreApplication.translate("Sales", "Lost — awaiting confirmation"),
    }


def source_labels() -> dict[str, str]:
    return {
        "walk_in": QCoreApplication.translate("Sales", "Walk-in"),
        "phone": QCoreApplication.translate("Sales", "Phone"),
        "web": QCoreApplication.translate("Sales", "Web"),
        "referral": QCoreApplication.translate("Sales", "Referral"),
        "event": QCoreApplication.translate("Sales", "Event"),
    }


def lost_reason_labels() -> dict[str, str]:
    return {
        "price": QCoreApplication.translate("Sales", "Price"),
        "bought_elsewhere": QCoreApplication.translate("Sales", "Bought elsewhere"),
        "other_brand": QCoreApplication.translate("Sales", "Chose another brand"),
        "finance_refused": QCoreApplication.translate("Sales", "Finance refused"),
        "no_response": QCoreApplication.translate("Sales", "No response"),
        "postponed": QCoreApplication.translate("Sales", "Purchase postponed"),
        "other": QCoreApplication.translate("Sales", "Other"),
    }


def _ask(dialog_class, *args, parent: QWidget | None = None) -> str | None:
    return run_dialog(parent, lambda: dialog_class(*args, parent=parent), lambda d: d.saved_id or "")


def _buttons(dialog: FormDialog, save: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(save)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


# --- the screen ---------------------------------------------------------------------------------

class CardList(QListWidget):
    """The cards of one column. ←/→ hand the focus to the column beside (same row, or its last)."""

    def __init__(self, key: str, board: BoardView) -> None:
        super().__init__(board)
        self.key, self.board = key, board
        self.setObjectName(f"cards_{key}")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(WrappedTextDelegate(self))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(60)
        self.setStyleSheet("QListWidget::item { border-bottom: 1px solid #d1d5db; padding: 3px 0; }")

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.board.step_column(self, -1 if key == Qt.Key.Key_Left else 1)
            return
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentItem() is not None:
                self.board.opened(self.currentItem().data(CARD_ROLE))
            return
        super().keyPressEvent(event)


class BoardView(QWidget):
    """The pipeline board's columns; the screen fills them with :meth:`show_board`."""

    def __init__(self, screen: LeadsScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.labels = status_labels()
        self.headings: dict[str, QLabel] = {}
        self.cells: dict[str, CardList] = {}
        self.more: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for key in (*STAGES, "lost_pending"):
            box = QVBoxLayout()
            heading_label = QLabel(self.labels[key])
            heading_label.setObjectName("boardHeading")
            heading_label.setWordWrap(True)
            heading_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            cell = CardList(key, self)
            cell.currentItemChanged.connect(lambda item, _prev, c=cell: self._current(c, item))
            cell.itemDoubleClicked.connect(lambda item: self.opened(item.data(CARD_ROLE)))
            more = QLabel()
            more.setObjectName("hint")
            more.setWordWrap(True)
            box.addWidget(heading_label)
            box.addWidget(cell, 1)
            box.addWidget(more)
            row.addLayout(box, 1)
            self.headings[key], self.cells[key], self.more[key] = heading_label, cell, more

    def show_board(self, board: Board, wanted: str | None, focus: bool) -> None:
        for column in board.columns:
            cell = self.cells[column.key]
            cell.blockSignals(True)
            cell.clear()
            for card in column.cards:
                cell.addItem(self._item(card))
            cell.blockSignals(False)
            self.headings[column.key].setText(f"{self.labels[column.key]} ({column.count})")
            hidden = column.count - len(column.cards)
            self.more[column.key].setText(self.tr("%1 more in the list").replace("%1", str(hidden)) if hidden else "")
        if wanted:
            self.select(wanted, focus=focus)

    def _item(self, card: Card) -> QListWidgetItem:
        model = " ".join(x for x in (card.make, card.model) if x)
        lines = [card.customer_name, model, self.screen.ctx.person(card.salesperson)]
        if card.next_task_due is not None:
            lines.append(self.tr("Next follow-up %1").replace("%1", date_text(card.next_task_due)))
        item = QListWidgetItem("\n".join(x for x in lines if x))
        item.setData(CARD_ROLE, card)
        item.setToolTip(phone_text(card.phone, self.screen.ctx.settings.country) if card.phone else "")
        if card.next_task_due is not None and card.next_task_due < date.today():
            item.setForeground(QBrush(OVERDUE))
            item.setToolTip(self.tr("Follow-up overdue since %1").replace("%1", date_text(card.next_task_due)))
        return item

    def current_card(self) -> Card | None:
        cell = self.current_cell()
        return cell.currentItem().data(CARD_ROLE) if cell is not None and cell.currentItem() is not None else None

    def current_cell(self) -> CardList | None:
        focused = self.focusWidget()
        if isinstance(focused, CardList) and focused.currentItem() is not None:
            return focused
        return next((c for c in self.cells.values() if c.currentItem() is not None and c.currentItem().isSelected()),
                    None)

    def select(self, lead_id: str, *, focus: bool = True) -> bool:
        for cell in self.cells.values():
            for i in range(cell.count()):
                if cell.item(i).data(CARD_ROLE).id == lead_id:
                    for other in self.cells.values():
                        if other is not cell:
                            other.clearSelection()
                    cell.setCurrentRow(i)
                    if focus:
                        cell.setFocus()
                    return True
        return False

    def step_column(self, cell: CardList, step: int) -> None:
        keys = list(self.cells)
        i = keys.index(cell.key) + step
        while 0 <= i < len(keys):
            target = self.cells[keys[i]]
            if target.count():
                cell.clearSelection()
                target.setCurrentRow(min(max(cell.currentRow(), 0), target.count() - 1))
                target.setFocus()
                return
            i += step

    def focus_first(self) -> None:
        cell = next((c for c in self.cells.values() if c.count()), None)
        if cell is not None:
            if cell.currentItem() is None:
                cell.setCurrentRow(0)
            cell.setFocus()

    def _current(self, cell: CardList, item: QListWidgetItem | None) -> None:
        if item is not None:
            for other in self.cells.values():
                if other is not cell:
                    other.clearSelection()
            self.screen.set_current(item.data(CARD_ROLE).id)

    def opened(self, card: Card) -> None:
        self.screen.set_current(card.id)
        self.screen.edit_lead()


class LeadsScreen(BoardActions, QWidget):
    """Board and list of leads with the current lead's details. GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.statuses, self.sources, self.reasons = status_labels(), source_labels(), lost_reason_labels()
        self.current_id: str | None = None
        self.current: LeadView | None = None
        self.board_data: Board | None = None
        self._serial = self._detail_serial = 0
        self._wanted: str | None = None
        can_edit, can_confirm = ctx.can("lead.edit"), ctx.can("lead.confirm_lost")

        title = QLabel(self.tr("Leads"))
        title.setObjectName("screenTitle")
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.new_button = QPushButton(key_text(self.tr("&New lead"), "Ctrl+N"))
        self.new_button.clicked.connect(self.new_lead)
        self.edit_button = QPushButton(self.tr("&Open"))
        self.edit_button.setToolTip("Enter")
        self.edit_button.clicked.connect(self.edit_lead)
        self.back_button = QPushButton(self.tr("◀ &Back"))
        self.back_button.setToolTip("Ctrl+←")
        self.back_button.clicked.connect(lambda: self.move(-1))
        self.advance_button = QPushButton(self.tr("&Advance ▶"))
        self.advance_button.setToolTip("Ctrl+→")
        self.advance_button.clicked.connect(lambda: self.move(1))
        self.task_button = QPushButton(self.tr("&Follow-up…"))
        self.task_button.setToolTip("Ctrl+Shift+F")
        self.task_button.clicked.connect(self.add_task)
        self.drive_button = QPushButton(self.tr("&Test drive…"))
        self.drive_button.setToolTip("Ctrl+Shift+T")
        self.drive_button.clicked.connect(self.test_drive)
        self.lost_button = QPushButton(self.tr("&Lost…"))
        self.lost_button.setToolTip("Ctrl+Shift+L")
        self.lost_button.clicked.connect(self.lost)
        self.confirm_button = QPushButton(self.tr("&Confirm lost"))
        self.confirm_button.setToolTip("Ctrl+Shift+C")
        self.confirm_button.clicked.connect(self.confirm_lost)
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.reopen_button.setToolTip("Ctrl+Shift+R")
        self.reopen_button.clicked.connect(self.reopen)
        self.acting = [self.edit_button, self.back_button, self.advance_button, self.task_button, self.drive_button,
                       self.lost_button, self.confirm_button, self.reopen_button]
        for b in (self.new_button, self.back_button, self.advance_button, self.task_button, self.drive_button,
                  self.lost_button):
            b.setVisible(can_edit)
        self.edit_button.setVisible(can_edit)
        for b in (self.confirm_button, self.reopen_button):
            b.setVisible(can_confirm)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.new_button)
        actions = QHBoxLayout()
        for b in self.acting:
            actions.addWidget(b)
        actions.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.board = BoardView(self)
        headers = {"created_at": self.tr("Created"), "customer_name": self.tr("Customer"), "phone": self.tr("Phone"),
                   "source": self.tr("Source"), "make": self.tr("Make"), "model": self.tr("Model"),
                   "budget": self.tr("Budget"), "salesperson": self.tr("Salesperson"), "status": self.tr("Status"),
                   "lost_reason": self.tr("Lost reason"), "next_task_due": self.tr("Next follow-up"),
                   "test_drives": self.tr("Test drives")}
        filters = [FilterSpec("status", self.tr("Status"), tuple(self.statuses.items())),
                   FilterSpec("source", self.tr("Source"), tuple(self.sources.items())),
                   FilterSpec("overdue", self.tr("Overdue"))]
        if not leads.own_only(ctx.actor):
            filters.insert(2, FilterSpec("salesperson", self.tr("Salesperson"), tuple(
                (name, ctx.person(name)) for name, _display in leads.salespeople(ctx.db, ctx.actor))))
        self.list = ListView(ctx, "leads", headers, noun_plural=self.tr("leads"),
                             empty_text=self.tr("No leads. Ctrl+N records a customer's interest in a car."),
                             filters=filters, export_name="leads",
                             value_labels={"status": self.statuses, "source": self.sources,
                                           "lost_reason": self.reasons})
        self.list.search.setMinimumWidth(120)
        for combo in self.list.filter_widgets.values():
            # The choices read in full when the list drops down; closed, the combo keeps to a short width
            # so that the list and the details fit beside each other.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self.list.current_changed.connect(lambda row_id: self.set_current(row_id or None))
        self.list.activated.connect(lambda _id: self.edit_lead())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("leadViews")
        self.tabs.addTab(self.board, self.tr("&Board"))
        self.tabs.addTab(self.list, self.tr("Li&st"))
        self.hint = hint_label(self.tr("←/→ column · ↑/↓ card · Ctrl+→ advance · Ctrl+← back · Enter open. "
                                       "Won and lost leads are in the list."))
        # The keys of the board, shown while the board is.
        self.tabs.currentChanged.connect(lambda _i: self.hint.setVisible(self.tabs.currentWidget() is self.board))
        self.detail = DetailPane()
        self.detail.setObjectName("leadDetail")
        self.detail.anchorClicked.connect(self._link)
        self.detail.setHtml(paragraph(self.tr("Select a lead to see its details."), hint=True))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 7)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([880, 360])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys: list[tuple[str, Callable[[], object]]] = [("F5", self.refresh)]
        if can_edit:
            keys += [("Ctrl+N", self.new_lead), ("F2", self.edit_lead), ("Ctrl+Right", lambda: self.move(1)),
                     ("Ctrl+Left", lambda: self.move(-1)), ("Ctrl+Shift+F", self.add_task),
                     ("Ctrl+Shift+T", self.test_drive), ("Ctrl+Shift+L", self.lost)]
        if can_confirm:
            keys += [("Ctrl+Shift+C", self.confirm_lost), ("Ctrl+Shift+R", self.reopen)]
        for key, slot in keys:
            QShortcut(QKeySequence(key), self, slot, context=context)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self._buttons()
        self.list.reload()
        self.refresh()

    def focus_default(self) -> None:
        if self.tabs.currentWidget() is self.board:
            self.board.focus_first()
        else:
            self.list.focus_search()

    def export(self) -> Op | None:
        return self.list.export()

    def export_to(self, path: str) -> Op:
        return self.list.export_to(path)

    # --- reading ------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*LEAD_TABLES):
            self.list.apply(changes)
            self._debounce.start()

    def refresh(self) -> Query:
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: leads.board(db, actor)).success(lambda b: self._arrived(serial, b)).run()

    def _arrived(self, serial: int, board: Board) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        cell = self.board.current_cell()
        had_focus = cell is not None and cell.hasFocus()
        wanted, moved = self._wanted or self.current_id, self._wanted is not None
        self._wanted = None
        self.board_data = board
        self.board.show_board(board, wanted, focus=had_focus or moved)
        open_count = sum(c.count for c in board.columns if c.key != "lost_pending")
        pending = next(c.count for c in board.columns if c.key == "lost_pending")
        self.summary.setText(self.tr("%1 open leads, %2 awaiting confirmation of loss")
                             .replace("%1", str(open_count)).replace("%2", str(pending)))
        self.load_detail()

    def set_current(self, lead_id: str | None) -> None:
        if lead_id == self.current_id and self.current is not None:
            return
        self.current_id = lead_id
        self.message.clear()
        self.load_detail()

    def load_detail(self) -> Query | None:
        self._detail_serial += 1
        serial, lead_id = self._detail_serial, self.current_id
        if not lead_id:
            self.current = None
            self._buttons()
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.detail_query = Query(self, lambda: leads.get(db, actor, lead_id)).success(
            lambda v: self._detail(serial, v)).failure(lambda exc: self._detail_failed(serial, exc)).run()
        return self.detail_query

    def _detail(self, serial: int, view: LeadView) -> None:
        if serial != self._detail_serial or not shiboken6.isValid(self):
            return
        self.current = view
        self.detail.setHtml(self.render_detail(view))
        self._buttons()

    def _detail_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._detail_serial or not shiboken6.isValid(self):
            return
        self.current = None
        self._buttons()
        if isinstance(exc, DomainError):
            self.detail.setHtml(paragraph(service_text(exc.message)))
        else:
            from ui.errors import show_error

            show_error(self, exc)

    def status_text(self, v: LeadView) -> str:
        return self.statuses["lost_pending" if v.lost_pending else v.status]

    def render_detail(self, v: LeadView) -> str:
        currency, region = self.ctx.settings.currency, self.ctx.settings.country
        html = [heading(v.customer_name), paragraph(self.status_text(v), bold=True)]
        html.append(fields([
            (self.tr("Phone"), phone_text(v.phone, region) if v.phone else ""),
            (self.tr("Model of interest"), " ".join(x for x in (v.make, v.model) if x)),
            (self.tr("Budget"), money_text(v.budget, currency) if v.budget else ""),
            (self.tr("Source"), self.sources.get(v.source, v.source)),
            (self.tr("Salesperson"), self.ctx.person(v.salesperson)),
            (self.tr("Created"), f"{local_datetime(v.created_at)} · {self.ctx.person(v.created_by)}"),
            (self.tr("Last move"), f"{local_datetime(v.stage_changed_at)} · {self.ctx.person(v.stage_changed_by)}"
             if v.stage_changed_at else ""),
            (self.tr("Closed"), date_text(v.closed_on) if v.closed_on else ""),
            (self.tr("Notes"), v.notes),
        ]))
        if v.lost_code:
            html.append(heading(self.tr("Lost"), level=3))
            html.append(fields([
                (self.tr("Reason"), self.reasons.get(v.lost_code, v.lost_code)),
                (self.tr("In their words"), v.lost_reason),
                (self.tr("Asked by"), f"{self.ctx.person(v.lost_requested_by)} · "
                                      f"{local_datetime(v.lost_requested_at)}" if v.lost_requested_at else ""),
            ]))
            if v.lost_pending:
                html.append(paragraph(self.tr("A sales manager confirms the loss (Ctrl+Shift+C) or reopens the "
                                              "lead (Ctrl+Shift+R)."), hint=True))
        html.append(heading(self.tr("Follow-ups"), level=3))
        if v.tasks:
            html.append(table([Col(self.tr("Due")), Col(self.tr("What")), Col(self.tr("For")), Col(self.tr("Done"))],
                              [(date_text(t.due_on), t.what, self.ctx.person(t.assigned_to),
                                f"{local_datetime(t.done_at)} · {t.outcome}" if t.done_at else "") for t in v.tasks],
                              shade=[t.done_at is None and t.due_on < date.today() for t in v.tasks]))
        else:
            html.append(paragraph(self.tr("None yet (Ctrl+Shift+F)."), hint=True))
        html.append(heading(self.tr("Test drives"), level=3))
        if v.test_drives:
            html.append(table([Col(self.tr("When")), Col(self.tr("Vehicle")), Col(self.tr("Licence")),
                               Col.number(self.tr("km"))],
                              [(local_datetime(d.started_at), d.vehicle, d.licence_number,
                                (d.odometer_in - d.odometer_out) if d.odometer_in is not None
                                and d.odometer_out is not None else "") for d in v.test_drives]))
        else:
            html.append(paragraph(self.tr("None yet (Ctrl+Shift+T)."), hint=True))
        html.append(paragraph(markup=link(f"customer:{v.customer_id}", self.tr("Open the customer"))))
        return "".join(html)

    def _link(self, url) -> None:
        kind, _, ref = url.toString().partition(":")
        window = self.window()
        if ref and hasattr(window, "open_record"):
            window.open_record(kind.replace("-", "_"), ref)

    def _buttons(self) -> None:
        v = self.current
        is_open = v is not None and v.status in STAGES
        pending = v is not None and v.lost_pending
        self.edit_button.setEnabled(v is not None)
        for b in (self.back_button, self.advance_button, self.lost_button):
            b.setEnabled(is_open and not pending)
        for b in (self.task_button, self.drive_button):
            b.setEnabled(is_open)
        self.confirm_button.setEnabled(pending)
        self.reopen_button.setEnabled(pending or (v is not None and v.status == "lost"))

    # --- actions ------------------------------------------------------------------------------
    def new_lead(self) -> str | None:
        lead_id = _ask(LeadDialog, self.ctx, None, parent=self)
        if lead_id:
            self._wanted = self.current_id = lead_id
            self.refresh()
        return lead_id

    def edit_lead(self) -> str | None:
        if not self.current_id or not self.ctx.can("lead.edit"):
            return None
        return self._after(_ask(LeadDialog, self.ctx, self.current_id, parent=self))

    def _after(self, saved: str | None) -> str | None:
        """Show what a dialog saved at once (the change broadcast would, a moment later)."""
        if saved:
            self._wanted = self.current_id
            self.refresh()
        return saved

    def _shown(self) -> Card | LeadView | None:
        """The current lead as last read: its details, or its card while they are being read."""
        if self.current is not None and self.current.id == self.current_id:
            return self.current
        card = self.board.current_card()
        return card if card is not None and card.id == self.current_id else None

    def move(self, step: int) -> Op | None:
        v = self._shown()
        if v is None or v.status not in STAGES:
            return None
        if v.lost_pending:
            self.message.setText(self.tr("This lead's loss awaits a sales manager's confirmation."))
            return None
        here = STAGES.index(v.status) + step
        if not 0 <= here < len(STAGES):
            self.message.setText(self.tr("A quotation is won by its deal, or lost with a reason (Ctrl+Shift+L).")
                                 if step > 0 else self.tr("A new lead cannot move back."))
            return None
        db, actor, lead_id, status = self.ctx.db, self.ctx.actor, v.id, STAGES[here]
        return self._run(lead_id, lambda: leads.move(db, actor, lead_id, status))

    def lost(self) -> str | None:
        if self.current is None or self.current.status not in STAGES or self.current.lost_pending:
            return None
        return self._after(_ask(LostDialog, self.ctx, self.current.id, parent=self))

    def confirm_lost(self) -> Op | None:
        if self.current is None or not self.current.lost_pending:
            return None
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.current.id
        return self._run(lead_id, lambda: leads.confirm_lost(db, actor, lead_id))

    def reopen(self) -> Op | None:
        if self.current is None:
            return None
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.current.id
        return self._run(lead_id, lambda: leads.reopen(db, actor, lead_id))

    def add_task(self) -> str | None:
        if self.current is None or self.current.status not in STAGES:
            return None
        return self._after(_ask(TaskDialog, self.ctx, self.current.id, parent=self))

    def test_drive(self) -> str | None:
        if self.current is None or self.current.status not in STAGES:
            return None
        return self._after(_ask(TestDriveDialog, self.ctx, self.current.id, parent=self))


# --- dialogs ------------------------------------------------------------------------------------

class LeadDialog(FormDialog):
    """Create a lead (for a customer chosen, or a new one by name and phone) or edit one."""

    customer_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, lead_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lead_id = ctx, lead_id
        view = leads.get(ctx.db, ctx.actor, lead_id) if lead_id else None
        self.setWindowTitle(self.tr("Lead of %1").replace("%1", view.customer_name) if view else self.tr("New lead"))
        self.setMinimumWidth(500)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        # A new lead may name a new customer: the name is typed, or an existing customer chosen.
        self.customer_picker = CustomerPicker(
            ctx, editable=view is None, placeholder=self.tr("A new customer's name, or Choose… an existing one"))
        if view:
            self.customer_picker.set_customer(view.customer_id, view.customer_name)
        self.customer_picker.chosen.connect(self.set_customer)
        self.customer_name = self.customer_picker.name
        self.customer_name.textEdited.connect(self._typed_name)
        self.choose = self.customer_picker.button
        self.errors.add_row("customer", self.tr("&Customer"), self.customer_picker)
        self.phone = QLineEdit(view.phone if view else "")
        self.phone.setObjectName("customerPhone")
        self.phone.setPlaceholderText(self.tr("A new customer's mobile, e.g. 139 1234 5678"))
        self.phone.setEnabled(view is None)
        self.errors.add_row("customer_phone", self.tr("&Phone"), self.phone)
        self.source = QComboBox()
        self.source.setObjectName("source")
        for code, label in source_labels().items():
            self.source.addItem(label, code)
        self.errors.add_row("source", self.tr("&Source"), self.source)
        self.make = QLineEdit(view.make if view else "")
        self.make.setObjectName("make")
        self.make.setMaxLength(60)
        self.errors.add_row("make", self.tr("&Make"), self.make)
        self.model = QLineEdit(view.model if view else "")
        self.model.setObjectName("model")
        self.model.setMaxLength(80)
        self.errors.add_row("model", self.tr("M&odel of interest"), self.model)
        self.budget = MoneyEdit(ctx.settings.currency, field="budget")
        self.budget.setObjectName("budget")
        if view and view.budget:
            self.budget.set_value(view.budget)
        self.errors.add_row("budget", self.tr("&Budget"), self.budget)
        self.salesperson = QComboBox()
        self.salesperson.setObjectName("salesperson")
        for name, display in leads.salespeople(ctx.db, ctx.actor):
            self.salesperson.addItem(display or name, name)
        wanted = view.salesperson if view else ctx.actor.username
        if self.salesperson.findData(wanted) >= 0:
            self.salesperson.setCurrentIndex(self.salesperson.findData(wanted))
        self.errors.add_row("salesperson", self.tr("Sales&person"), self.salesperson)
        self.notes = QPlainTextEdit(view.notes if view else "")
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.errors.add_row("notes", self.tr("No&tes"), self.notes)
        if view:
            self.source.setCurrentIndex(self.source.findData(view.source))
        self.buttons = _buttons(self, self.tr("&Save"))
        # A new customer typed in who may already be one (same phone, same name): shown before saving,
        # as the customer dialog does; a name there is taken instead (Tab to it, Enter).
        self.candidates: list[duplicates.Candidate] = []
        self.duplicates = QLabel()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.duplicates.linkActivated.connect(self._take_duplicate)
        self.duplicates.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.buttons)
        (self.make if view else self.customer_name).setFocus()

    def _typed_name(self, _text: str) -> None:
        # Typing a name makes a new customer (the picker forgets the one chosen before): their phone is asked.
        self.phone.setEnabled(True)

    def _show_duplicates(self, found: list[duplicates.Candidate]) -> None:
        from html import escape

        from ui.customers.editor import reason_labels

        self.candidates = found
        reasons = reason_labels()
        items = []
        for c in found:
            why = ", ".join(reasons.get(r, r) for r in c.reasons)
            where = " · ".join(x for x in (phone_text(c.phone, self.ctx.settings.country), c.city) if x)
            items.append(f'<a href="{c.id}">{escape(c.name)}</a> ({escape(why)}'
                         + (f"; {escape(where)}" if where else "") + ")")
        self.duplicates.setText("<b>" + escape(self.tr("Already a customer?")) + "</b> " + " · ".join(items) + "<br>"
                                + escape(self.tr("Click a name (or Tab to it, Enter) to take that customer for the "
                                                 "lead; Save anyway makes a new one.")))
        self.duplicates.setVisible(bool(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save &anyway") if found else self.tr("&Save"))

    def _take_duplicate(self, customer_id: str) -> None:
        chosen = next((c for c in self.candidates if c.id == customer_id), None)
        if chosen is not None:
            self.set_customer(chosen.id, chosen.name)

    def set_customer(self, customer_id: str, name: str) -> None:
        self.customer_picker.set_customer(customer_id, name)
        self.phone.clear()
        self.phone.setEnabled(False)
        self.errors.clear_field("customer")
        if self.candidates:
            self._show_duplicates([])

    def save(self) -> None:
        try:
            budget = self.budget.value() if self.budget.text().strip() else 0
        except ValidationError as exc:
            self.errors.show(exc)
            return
        data = LeadInput(customer_id=self.customer_id, customer_name=self.customer_name.text(),
                         customer_phone=self.phone.text(), source=self.source.currentData(), make=self.make.text(),
                         model=self.model.text(), budget=budget, salesperson=self.salesperson.currentData() or "",
                         notes=self.notes.toPlainText())
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.lead_id
        if lead_id:
            self.submit(lambda: (leads.update(db, actor, lead_id, data), lead_id)[1])
        elif self.customer_id is None and data.customer_name.strip():
            # The possible duplicates shown when Save is pressed were seen: Save anyway saves. Any not
            # shown yet are shown first.
            shown = frozenset(c.id for c in self.candidates) if self.duplicates.isVisible() else frozenset()
            typed = CustomerInput(name=data.customer_name, phone=data.customer_phone)
            self.buttons.setEnabled(False)
            Query(self, lambda: duplicates.find(db, actor, typed)).success(
                lambda found: self._save_after_check(data, found, shown)).run()
        else:
            self.submit(lambda: leads.create(db, actor, data))

    def _save_after_check(self, data: LeadInput, found: list[duplicates.Candidate], shown: frozenset[str]) -> None:
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        self.buttons.setEnabled(True)
        if not frozenset(c.id for c in found) <= shown:
            self._show_duplicates(found)
            grow_to_fit(self)
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.submit(lambda: leads.create(db, actor, data))


class LostDialog(FormDialog):
    """Lose a lead (战败) with a reason from the list and the words for it; a salesperson's loss waits
    for the sales manager's confirmation."""

    def __init__(self, ctx: AppContext, lead_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lead_id = ctx, lead_id
        self.setWindowTitle(self.tr("Lead lost"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.code = QComboBox()
        self.code.setObjectName("lostCode")
        self.code.addItem(self.tr("Choose a reason…"), "")
        for code in leads.LOST_REASONS:
            self.code.addItem(lost_reason_labels()[code], code)
        self.errors.add_row("lost_code", self.tr("&Reason"), self.code)
        self.reason = QLineEdit()
        self.reason.setObjectName("lostReason")
        self.reason.setMaxLength(leads.MAX_TEXT)
        self.reason.setPlaceholderText(self.tr("In a few words, e.g. bought at the dealer across town"))
        self.errors.add_row("lost_reason", self.tr("&In their words"), self.reason)
        self.buttons = _buttons(self, self.tr("&Lost") if leads.works_every_lead(ctx.actor)
                                else self.tr("&Ask to confirm"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not leads.works_every_lead(ctx.actor):
            layout.addWidget(hint_label(self.tr("The lead shows “lost — awaiting confirmation” until a sales manager "
                                                "confirms it or reopens it.")))
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def save(self) -> None:
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.lead_id
        code, reason = self.code.currentData() or "", self.reason.text()
        self.submit(lambda: (leads.request_lost(db, actor, lead_id, code, reason), lead_id)[1])


class TaskDialog(FormDialog):
    """A follow-up task of a lead (跟进任务): what, by when, for whom."""

    def __init__(self, ctx: AppContext, lead_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lead_id = ctx, lead_id
        self.setWindowTitle(self.tr("Follow-up"))
        self.setMinimumWidth(440)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.what = QLineEdit()
        self.what.setObjectName("what")
        self.what.setMaxLength(leads.MAX_TEXT)
        self.what.setPlaceholderText(self.tr("e.g. call to invite for a test drive"))
        self.errors.add_row("what", self.tr("&What"), self.what)
        self.due_on = DateEdit(date.today() + timedelta(days=1))
        self.due_on.setObjectName("dueOn")
        self.errors.add_row("due_on", self.tr("&Due"), self.due_on)
        self.assigned = QComboBox()
        self.assigned.setObjectName("assignedTo")
        self.assigned.addItem(self.tr("The lead's salesperson"), "")
        for name, display in leads.salespeople(ctx.db, ctx.actor):
            self.assigned.addItem(display or name, name)
        self.errors.add_row("assigned_to", self.tr("&For"), self.assigned)
        self.buttons = _buttons(self, self.tr("&Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.what.setFocus()

    def save(self) -> None:
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.lead_id
        data = TaskInput(due_on=self.due_on.value(), what=self.what.text(),
                         assigned_to=self.assigned.currentData() or "")
        self.submit(lambda: leads.add_task(db, actor, lead_id, data))


class TaskDoneDialog(FormDialog):
    """Mark a follow-up done with what came of it, and maybe schedule the next one."""

    def __init__(self, ctx: AppContext, task_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.task_id = ctx, task_id
        task = leads.task(ctx.db, ctx.actor, task_id)
        self.setWindowTitle(self.tr("Follow-up done"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("Task"), QLabel(esc(task.what)))
        self.outcome = QLineEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setMaxLength(2000)
        self.outcome.setPlaceholderText(self.tr("e.g. coming on Saturday with his wife"))
        self.errors.add_row("outcome", self.tr("&Outcome"), self.outcome)
        self.next = QCheckBox(self.tr("Schedule the &next follow-up"))
        self.next.setObjectName("scheduleNext")
        form.addRow("", self.next)
        self.next_what = QLineEdit()
        self.next_what.setObjectName("nextWhat")
        self.next_what.setMaxLength(leads.MAX_TEXT)
        self.errors.add_row("what", self.tr("Ne&xt"), self.next_what)
        self.next_due = DateEdit(date.today() + timedelta(days=3))
        self.next_due.setObjectName("nextDue")
        self.errors.add_row("due_on", self.tr("D&ue"), self.next_due)
        for w in (self.next_what, self.next_due):
            w.setEnabled(False)
            self.next.toggled.connect(w.setEnabled)
        self.buttons = _buttons(self, self.tr("&Done"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.outcome.setFocus()

    def save(self) -> None:
        db, actor, task_id, outcome = self.ctx.db, self.ctx.actor, self.task_id, self.outcome.text()
        following = TaskInput(self.next_due.value(), self.next_what.text()) if self.next.isChecked() else None
        self.submit(lambda: leads.complete_task(db, actor, task_id, outcome, next_task=following))


class TestDriveDialog(FormDialog):
    """Log a test drive (试驾): the car (stock number, VIN or a demo car), the driving licence (驾驶证)
    checked, and the odometer when read."""

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(self, ctx: AppContext, lead_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.lead_id = ctx, lead_id
        self.setWindowTitle(self.tr("Test drive"))
        self.setMinimumWidth(500)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.vehicle = QLineEdit()
        self.vehicle.setObjectName("vehicle")
        self.vehicle.setPlaceholderText(self.tr("Stock number or VIN"))
        self.errors.add_row("vehicle", self.tr("&Vehicle"), self.vehicle)
        self.demo_car = QLineEdit()
        self.demo_car.setObjectName("demoCar")
        self.demo_car.setMaxLength(120)
        self.demo_car.setPlaceholderText(self.tr("or the demo car, e.g. Han EV demo 沪A·D1234"))
        self.errors.add_row("demo_car", self.tr("De&mo car"), self.demo_car)
        self.licence_number = QLineEdit()
        self.licence_number.setObjectName("licenceNumber")
        self.licence_number.setMaxLength(40)
        self.errors.add_row("licence_number", self.tr("Driving &licence no."), self.licence_number)
        self.licence_expires = DateEdit(None, optional=True)
        self.licence_expires.setObjectName("licenceExpires")
        self.errors.add_row("licence_expires_on", self.tr("Licence &valid until"), self.licence_expires)
        self.checked = QCheckBox(self.tr("I have seen the driving licence and it is the customer's"))
        self.checked.setObjectName("licenceChecked")
        self.errors.add_row("licence_checked", self.tr("Licence &checked"), self.checked)
        self.odometer_out = QSpinBox()
        self.odometer_in = QSpinBox()
        for name, box in (("odometerOut", self.odometer_out), ("odometerIn", self.odometer_in)):
            box.setObjectName(name)
            box.setRange(-1, 2_000_000)
            box.setSpecialValueText("–")
            box.setValue(-1)
            box.setSuffix(" km")
        self.errors.add_row("odometer_out", self.tr("Odometer &out"), self.odometer_out)
        self.errors.add_row("odometer_in", self.tr("Odometer &in"), self.odometer_in)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.errors.add_row("notes", self.tr("No&tes"), self.notes)
        self.buttons = _buttons(self, self.tr("&Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("No test drive without a valid driving licence, checked. A new or "
                                            "contacted lead moves to the test drive stage.")))
        layout.addWidget(self.buttons)
        self.vehicle.setFocus()

    def save(self) -> None:
        db, actor, lead_id = self.ctx.db, self.ctx.actor, self.lead_id
        out, back = self.odometer_out.value(), self.odometer_in.value()
        data = TestDriveInput(licence_number=self.licence_number.text(),
                              licence_expires_on=self.licence_expires.value(),
                              licence_checked=self.checked.isChecked(), vehicle=self.vehicle.text(),
                              demo_car=self.demo_car.text(), started_at=None,
                              odometer_out=out if out >= 0 else None, odometer_in=back if back >= 0 else None,
                              notes=self.notes.text())
        self.submit(lambda: leads.log_test_drive(db, actor, lead_id, data))


# --- my follow-ups ------------------------------------------------------------------------------

class FollowUpsScreen(QWidget):
    """The user's own follow-ups due today or overdue (or all of them), Enter to mark one done."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("My follow-ups"))
        title.setObjectName("screenTitle")
        self.done_button = QPushButton(key_text(self.tr("Mark &done…"), "Enter"))
        self.done_button.clicked.connect(self.complete)
        self.done_button.setEnabled(False)
        self.done_button.setVisible(ctx.can("lead.edit"))
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        headers = {"due_on": self.tr("Due"), "what": self.tr("What"), "customer_name": self.tr("Customer"),
                   "phone": self.tr("Phone"), "model": self.tr("Model"), "done_at": self.tr("Done"),
                   "outcome": self.tr("Outcome")}
        self.list = ListView(ctx, "lead_tasks", headers, noun_plural=self.tr("follow-ups"),
                             empty_text=self.tr("Nothing due: no follow-up of yours is due today or overdue."),
                             filters=[FilterSpec("due", self.tr("Due today or overdue"))],
                             export_name="follow-ups")
        self.list.fixed_filters["assigned_to"] = ctx.actor.username
        combo = self.list.filter_widgets["due"]
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(True))
        combo.blockSignals(False)
        self.list.current_changed.connect(lambda row_id: self.done_button.setEnabled(bool(row_id)))
        self.list.activated.connect(lambda _id: self.complete())
        self.hint = hint_label(self.tr("Overdue first. Enter marks the selected follow-up done and can schedule the "
                                       "next one."))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        # A bound method: the connection ends with the screen (a lambda would outlive it).
        ctx.changed.connect(self._on_changed)
        self.list.reload()

    def _on_changed(self, changes: Changes) -> None:
        self.list.apply(changes)

    def focus_default(self) -> None:
        self.list.table.setFocus()

    def export(self) -> Op | None:
        return self.list.export()

    def export_to(self, path: str) -> Op:
        return self.list.export_to(path)

    def complete(self) -> str | None:
        task_id = self.list.selected_id()
        if not task_id or not self.ctx.can("lead.edit"):
            return None
        return _ask(TaskDoneDialog, self.ctx, task_id, parent=self)
