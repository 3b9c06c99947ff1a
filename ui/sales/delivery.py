"""The delivery checklist: invoice posted, paid (or finance approved), PDI check, documents received,
registration, keys — each done or saying what is open — and Deliver, which the service refuses while
anything is open. Keys: Ctrl+R ticks the registration, Ctrl+K the keys, Ctrl+J opens the PDI job,
Ctrl+Enter delivers, Esc closes."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.errors import DomainError
from services.sales import delivery
from ui.context import AppContext
from ui.errors import show_error
from ui.messages import service_text
from ui.sales.labels import checklist_labels
from ui.widgets.forms import hint_label
from ui.widgets.keys import enter_presses
from ui.workers import Op, Query


class DeliveryDialog(QDialog):
    """The checklist of one deal. Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, deal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.deal_id = ctx, deal_id
        self.delivered = False
        self.setWindowTitle(self.tr("Delivery checklist"))
        self.setMinimumWidth(620)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        labels = checklist_labels()
        for i, key in enumerate(delivery.CHECKLIST):
            mark, name, detail = QLabel(), QLabel(labels[key]), QLabel()
            mark.setObjectName(f"check_{key}")
            detail.setObjectName(f"detail_{key}")
            detail.setWordWrap(True)
            self.grid.addWidget(mark, i, 0)
            self.grid.addWidget(name, i, 1)
            self.grid.addWidget(detail, i, 2)
            self.rows[key] = (mark, detail)
        self.registration = QPushButton(self.tr("&Registration done"))
        self.registration.setObjectName("tick_registration")
        self.registration.setToolTip("Ctrl+R")
        self.registration.clicked.connect(lambda: self.toggle("registration"))
        self.keys = QPushButton(self.tr("&Keys handed over"))
        self.keys.setObjectName("tick_keys")
        self.keys.setToolTip("Ctrl+K")
        self.keys.clicked.connect(lambda: self.toggle("keys"))
        self.pdi = QPushButton(self.tr("Open &PDI job"))
        self.pdi.setObjectName("open_pdi")
        self.pdi.setToolTip(self.tr("Open a repair order of internal work for the pre-delivery inspection (Ctrl+J)"))
        self.pdi.clicked.connect(self.open_pdi)
        self.pdi.setVisible(ctx.can("workshop.edit"))
        # Who may not open a repair order is told who does, rather than shown nothing.
        self.pdi_hint = hint_label(self.tr("The workshop opens the PDI job: ask a service advisor or the foreman "
                                           "to open it for this car."))
        self.pdi_hint.hide()
        for button in (self.registration, self.keys, self.pdi):
            enter_presses(button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.deliver_button = self.buttons.addButton(self.tr("&Deliver"), QDialogButtonBox.ButtonRole.ActionRole)
        self.deliver_button.setObjectName("deliver")
        self.deliver_button.setToolTip(self.tr("Hand the car over (Ctrl+Enter)"))
        self.deliver_button.clicked.connect(self.deliver)
        self.buttons.rejected.connect(self.reject)
        actions = QWidget()
        row = QGridLayout(actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.registration, 0, 0)
        row.addWidget(self.keys, 0, 1)
        row.addWidget(self.pdi, 0, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("Delivery is refused while anything below is open.")))
        layout.addLayout(self.grid)
        layout.addWidget(actions)
        layout.addWidget(self.pdi_hint)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+R"), self, lambda: self.toggle("registration"))
        QShortcut(QKeySequence("Ctrl+K"), self, lambda: self.toggle("keys"))
        QShortcut(QKeySequence("Ctrl+J"), self, self.open_pdi)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.deliver)
        self.items: dict[str, delivery.CheckItem] = {}
        self.show_items(delivery.checklist(ctx.db, ctx.actor, deal_id))

    def show_items(self, items: list[delivery.CheckItem]) -> None:
        self.items = {item.key: item for item in items}
        for item in items:
            mark, detail = self.rows[item.key]
            mark.setText("✔" if item.done else "✘")
            mark.setStyleSheet("color:#1e7b34" if item.done else "color:#b3261e")
            detail.setText(service_text(item.detail))
        self.registration.setText(self.tr("Undo &registration") if self.items["registration"].done
                                  else self.tr("&Registration done"))
        self.keys.setText(self.tr("Undo &keys") if self.items["keys"].done else self.tr("&Keys handed over"))
        not_opened = self.items["pdi"].detail.template == "PDI job not opened"
        self.pdi.setEnabled(not_opened)
        self.pdi_hint.setVisible(not_opened and not self.ctx.can("workshop.edit"))
        self.deliver_button.setEnabled(all(i.done for i in items))

    def reload(self) -> Query:
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal_id
        self.query = Query(self, lambda: delivery.checklist(db, actor, deal_id)).success(self.show_items).failure(
            lambda exc: show_error(self, exc)).run()
        return self.query

    def _run(self, work) -> Op:
        self.op = Op(self, lambda _p, _c: work()).success(lambda _r: self.reload()).failure(
            lambda exc: show_error(self, exc)).run()
        return self.op

    def toggle(self, item: str) -> Op:
        db, actor, deal_id, done = self.ctx.db, self.ctx.actor, self.deal_id, not self.items[item].done
        return self._run(lambda: delivery.tick(db, actor, deal_id, item, done))

    def open_pdi(self) -> Op | None:
        if not self.pdi.isVisible() or not self.pdi.isEnabled():
            return None
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal_id
        return self._run(lambda: delivery.open_pdi(db, actor, deal_id))

    def deliver(self) -> Op:
        db, actor, deal_id = self.ctx.db, self.ctx.actor, self.deal_id

        def done(_r) -> None:
            self.delivered = True
            self.accept()

        self.op = Op(self, lambda _p, _c: delivery.deliver(db, actor, deal_id)).success(done).failure(
            lambda exc: show_error(self, exc)).run()
        return self.op

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None, deal_id: str) -> bool:
        try:
            dialog = cls(ctx, deal_id, parent)
        except DomainError as exc:
            show_error(parent, exc)
            return False
        dialog.exec()
        delivered = dialog.delivered
        dialog.deleteLater()
        return delivered


