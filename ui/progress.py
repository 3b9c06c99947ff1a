"""Progress dialog with Cancel for long work (DESIGN §7)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget


class ProgressDialog(QDialog):
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, *, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.label = QLabel(self.tr("Working…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel)
        self.buttons.setVisible(cancellable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._closing = False

    def report(self, done: int, total: int | None, message: str) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
        else:
            self.bar.setRange(0, 0)
        if message:
            self.label.setText(message)

    def _cancel(self) -> None:
        self.label.setText(self.tr("Cancelling…"))
        self.buttons.setEnabled(False)
        self.cancelled.emit()

    def reject(self) -> None:  # Esc and the window's close button cancel too
        if self._closing:
            super().reject()
        elif self.buttons.isVisible() and self.buttons.isEnabled():
            self._cancel()

    def close_quietly(self) -> None:
        self._closing = True
        self.done(0)
        self.deleteLater()
