"""The foreman board: every job of the repair orders in the workshop, in a grid of technicians (rows)
by status (columns), readable from across the workshop (large text), late jobs in red, refreshed as
soon as anything it shows changes (the change broadcast) and every minute (lateness, other
terminals).

A job moves with the keyboard — Ctrl+Up/Down to the technician above or below, Ctrl+Left/Right to
the nearest status the repair order may go to that way — or by dragging its card to another cell.
Moves go through :func:`services.workshop.board.assign_job` and
:func:`services.workshop.orders.set_status`; the status moves the whole repair order."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from services.workshop import board as board_service
from services.workshop import orders
from services.workshop.board import BOARD_STATUSES, Board, Card
from services.workshop.rules import TRANSITIONS
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import key_text, local_datetime
from ui.widgets.board_actions import BoardActions
from ui.widgets.exporting import add_export, ask_path, export_tables
from ui.widgets.wrapped import WrappedTextDelegate
from ui.workers import Op, Query
from ui.workshop.screen import status_labels

# Tables whose changes alter the board.
BOARD_TABLES = ("repair_order", "repair_job", "repair_labour_line", "clocking", "user_account", "vehicle",
                "customer")
CARD_ROLE = Qt.ItemDataRole.UserRole
LATE = QColor("#b3261e")
EMPTY_ROW_HEIGHT = 64
# Columns that hold cards share the width; an empty status column keeps only room for its heading.
FULL_COLUMN_STRETCH, EMPTY_COLUMN_STRETCH = 4, 1
# A card's text may break after a hyphen (numbers: ROT1-2026-002502) so that a narrow column at large
# text wraps it instead of cutting it; the break is invisible.
_BREAK = "\u200b"

_CARD = "QListWidget#cards::item { border-bottom: 1px solid #d1d5db; padding: 2px 0; } "
_STYLE = {
    False: _CARD + "QListWidget#cards { font-size: 10pt; } QLabel#boardHeading { font-size: 11pt; font-weight: 600; }",
    True: _CARD + "QListWidget#cards { font-size: 16pt; } QLabel#boardHeading { font-size: 17pt; font-weight: 600; }",
}


class CardList(QListWidget):
    """The cards of one technician and status. A card dropped here from another cell asks the
    board to move it (the cell itself never keeps a dropped item: the board redraws)."""

    dropped = Signal(object, str, str)  # the card, the technician and status of this cell

    def __init__(self, technician: str, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.technician, self.status = technician, status
        self.setObjectName("cards")
        self.setItemDelegate(WrappedTextDelegate(self))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMinimumHeight(60)
        # The text wraps to the column's width (re-laid out when it changes), never scrolls sideways;
        # the columns, not the cards, decide how wide a cell is.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(40)

    def dropEvent(self, event) -> None:
        source = event.source()
        if isinstance(source, CardList) and source is not self and source.currentItem() is not None:
            self.dropped.emit(source.currentItem().data(CARD_ROLE), self.technician, self.status)
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.ignore()


class ForemanBoardScreen(BoardActions, QWidget):
    """GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.statuses = status_labels()
        self.board: Board | None = None
        self.cells: dict[tuple[str, str], CardList] = {}
        self.rows: list[str] = []  # technicians' user names, "" (nobody yet) first
        self._serial = 0
        self._wanted: str | None = None  # the card to select after the next redraw

        heading = QLabel(self.tr("Foreman board"))
        heading.setObjectName("screenTitle")
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.large = QPushButton(key_text(self.tr("&Large text"), "F9"))
        self.large.setObjectName("largeText")
        self.large.setCheckable(True)
        self.large.setToolTip(self.tr("Text readable from across the workshop (F9)"))
        self.large.toggled.connect(self._set_large)
        self.refresh_button = QPushButton(key_text(self.tr("&Refresh"), "F5"))
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.large)
        bar.addWidget(self.refresh_button)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)

        self.hint = QLabel(self.tr("Ctrl+↑/↓ gives the job to the technician above or below; Ctrl+←/→ moves the "
                                   "repair order to the previous or next status; or drag a card."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)

        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setSpacing(6)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_widget)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self._set_large(False)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("F5"), self, self.refresh, context=context)
        QShortcut(QKeySequence("F9"), self, self.large.toggle, context=context)
        QShortcut(QKeySequence("Ctrl+Up"), self, lambda: self.move_technician(-1), context=context)
        QShortcut(QKeySequence("Ctrl+Down"), self, lambda: self.move_technician(1), context=context)
        QShortcut(QKeySequence("Ctrl+Left"), self, lambda: self.move_status(-1), context=context)
        QShortcut(QKeySequence("Ctrl+Right"), self, lambda: self.move_status(1), context=context)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self.refresh()

    def focus_default(self) -> None:
        cell = self.current_cell() or next(iter(self.cells.values()), None)
        if cell is not None:
            cell.setFocus()

    def export(self) -> Op | None:
        path = ask_path(self, "board")
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write the board's jobs as shown to ``path``, one row a job, by technician and status."""
        titles = [self.tr("Technician"), self.tr("Status"), self.tr("Repair order"), self.tr("Job"),
                  self.tr("Plate"), self.tr("Work"), self.tr("Customer"), self.tr("Promised"), self.tr("Late"),
                  self.tr("Clocked on now")]
        rows = []
        cards = self.board.cards if self.board is not None else []
        rank = {name: i for i, name in enumerate(self.rows)}
        for c in sorted(cards, key=lambda c: (rank.get(c.technician, 0), BOARD_STATUSES.index(c.status))):
            rows.append([c.technician or self.tr("Nobody yet"), self.statuses.get(c.status, c.status), c.number,
                         c.job_no, c.plate, c.description, c.customer_name,
                         local_datetime(c.promised_at) if c.promised_at else "",
                         self.tr("Late") if c.late else "", ", ".join(c.clocked)])
        return export_tables(self, self.ctx, path, titles, rows, sheet="board")

    def _set_large(self, on: bool) -> None:
        self.grid_widget.setStyleSheet(_STYLE[on])
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Status columns with cards share the width; an empty one keeps room for the longest word
        of its heading (which wraps)."""
        for col, status in enumerate(BOARD_STATUSES, start=1):
            full = any(self.cells[(tech, status)].count() for tech in self.rows if (tech, status) in self.cells)
            self.grid.setColumnStretch(col, FULL_COLUMN_STRETCH if full else EMPTY_COLUMN_STRETCH)
            heading = self.grid.itemAtPosition(0, col)
            if heading is not None and heading.widget() is not None:
                label = heading.widget()
                label.ensurePolished()
                words = label.text().split() or [""]
                widest = max(label.fontMetrics().horizontalAdvance(w) for w in words)
                self.grid.setColumnMinimumWidth(col, widest + 12)

    # --- reading ----------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*BOARD_TABLES):
            self._debounce.start()

    def refresh(self) -> Query:
        self._serial += 1
        serial = self._serial
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: board_service.board(db, actor)).success(
            lambda b: self._arrived(serial, b)).run()

    def _arrived(self, serial: int, board: Board) -> None:
        if serial != self._serial or not shiboken6.isValid(self):
            return
        current = self.current_card()
        wanted = self._wanted or (self._key(current) if current else None)
        had_focus = self.current_cell() is not None and self.current_cell().hasFocus()
        moved, self._wanted = self._wanted is not None, None
        self.board = board
        rows = ["", *(t.username for t in board.technicians)]
        if rows != self.rows:
            self._build(rows, board)
        for cell in self.cells.values():
            cell.clear()
        late = 0
        for card in board.cards:
            cell = self.cells.get((card.technician, card.status)) or self.cells[("", card.status)]
            cell.addItem(self._item(card))
            late += card.late
        # A row with no cards (often "nobody yet") stays a thin drop target; the rest share the room
        # by how many cards they hold.
        for row, tech in enumerate(self.rows, start=1):
            count = sum(self.cells[(tech, status)].count() for status in BOARD_STATUSES)
            self.grid.setRowStretch(row, max(1, count) if count else 0)
            for status in BOARD_STATUSES:
                self.cells[(tech, status)].setMaximumHeight(EMPTY_ROW_HEIGHT if not count else 16_777_215)
        self._fit_columns()
        orders_open = len({c.repair_order_id for c in board.cards})
        self.summary.setText(self.tr("%1 repair orders, %2 jobs late").replace("%1", str(orders_open))
                             .replace("%2", str(late)))
        if wanted:
            self.select(wanted, focus=had_focus or moved)

    def _build(self, rows: list[str], board: Board) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cells.clear()
        self.rows = rows
        names = {t.username: t.display_name for t in board.technicians}
        for col, status in enumerate(BOARD_STATUSES, start=1):
            label = QLabel(self.statuses.get(status, status))
            label.setObjectName("boardHeading")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(label, 0, col)
            self.grid.setColumnStretch(col, 1)
        for row, tech in enumerate(rows, start=1):
            text = (f"{names[tech]}\n{tech}" if names.get(tech) else tech) if tech else self.tr("Nobody yet")
            label = QLabel(text)
            label.setObjectName("boardHeading")
            label.setWordWrap(True)
            self.grid.addWidget(label, row, 0)
            self.grid.setRowStretch(row, 1)
            for col, status in enumerate(BOARD_STATUSES, start=1):
                cell = CardList(tech, status)
                cell.dropped.connect(self.drop)
                self.grid.addWidget(cell, row, col)
                self.cells[(tech, status)] = cell

    def _item(self, card: Card) -> QListWidgetItem:
        first = card.number.replace("-", "-" + _BREAK) + (f" · {card.job_no}" if card.job_no else "")
        lines = [first, " · ".join(x for x in (card.plate, card.description) if x)]
        if card.clocked:
            lines.append(self.tr("On it: %1").replace("%1", ", ".join(card.clocked)))
        if card.promised_at is not None:
            lines.append(self.tr("Promised %1").replace("%1", local_datetime(card.promised_at)))
        item = QListWidgetItem("\n".join(x for x in lines if x))
        item.setData(CARD_ROLE, card)
        item.setToolTip(card.customer_name)
        if card.late:
            item.setForeground(QBrush(LATE))
            font = QFont()
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(self.tr("Late: promised %1").replace("%1", local_datetime(card.promised_at)) + "\n"
                            + card.customer_name)
        return item

    @staticmethod
    def _key(card: Card) -> str:
        return card.job_id or card.repair_order_id

    # --- the current card -------------------------------------------------------------------------
    def current_cell(self) -> CardList | None:
        focused = self.focusWidget()
        if isinstance(focused, CardList) and focused.currentItem() is not None:
            return focused
        return next((c for c in self.cells.values() if c.currentItem() is not None and c.currentItem().isSelected()),
                    None)

    def current_card(self) -> Card | None:
        cell = self.current_cell()
        return cell.currentItem().data(CARD_ROLE) if cell is not None and cell.currentItem() is not None else None

    def select(self, key: str, *, focus: bool = True) -> bool:
        """Make the card of job (or repair order) ``key`` the current one. GUI thread."""
        for cell in self.cells.values():
            for i in range(cell.count()):
                if self._key(cell.item(i).data(CARD_ROLE)) == key:
                    for other in self.cells.values():
                        if other is not cell:
                            other.clearSelection()
                    cell.setCurrentRow(i)
                    if focus:
                        cell.setFocus()
                    return True
        return False

    # --- moving -----------------------------------------------------------------------------------
    def move_technician(self, step: int) -> Op | None:
        card = self.current_card()
        if card is None:
            return None
        index = self.rows.index(card.technician) if card.technician in self.rows else 0
        target = index + step
        if card.job_id is None or not 0 <= target < len(self.rows):
            return None
        return self.assign(card, self.rows[target])

    def move_status(self, step: int) -> Op | None:
        card = self.current_card()
        if card is None:
            return None
        order = list(BOARD_STATUSES)
        here = order.index(card.status)
        ahead = order[here + 1:] if step > 0 else list(reversed(order[:here]))
        target = next((s for s in ahead if s in TRANSITIONS[card.status]), None)
        if target is None:
            self.message.setText(self.tr("A repair order that is %1 cannot move that way.")
                                 .replace("%1", self.statuses.get(card.status, card.status)))
            return None
        return self.set_status(card, target)

    def assign(self, card: Card, technician: str) -> Op:
        db, actor, job_id = self.ctx.db, self.ctx.actor, card.job_id
        return self._run(self._key(card), lambda: board_service.assign_job(db, actor, job_id, technician))

    def set_status(self, card: Card, status: str) -> Op:
        db, actor, ro_id = self.ctx.db, self.ctx.actor, card.repair_order_id
        return self._run(self._key(card), lambda: orders.set_status(db, actor, ro_id, status))

    def drop(self, card: Card, technician: str, status: str) -> Op | None:
        """A card dragged to the cell of ``technician`` and ``status``: give the job to them and move
        the repair order to that status, whichever of the two changed."""
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> None:
            if technician != card.technician and card.job_id is not None:
                board_service.assign_job(db, actor, card.job_id, technician)
            if status != card.status:
                orders.set_status(db, actor, card.repair_order_id, status)

        return self._run(self._key(card), work)
