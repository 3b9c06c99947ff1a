"""What Enter does in a dialog, besides saving it.

The rule of the edit dialogs is "Enter saves", wherever the focus is, with two exceptions made here:

* Enter on a focused button presses that button (the convention of every desktop). A dialog's side
  buttons (Choose…, Find, Add line) are not *auto-default* buttons, because Qt makes the last one of
  those that had the focus the dialog's default: Enter typed later in a field would press it instead
  of saving. :func:`enter_presses` gives such a button Enter while it has the focus, and only then.
* Enter in a field that looks something up (a stock number, a deal number) only looks it up:
  :class:`LookupEdit` keeps the key from the dialog, so the dialog is not also saved half-filled.

GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_plain_enter(event: QEvent) -> bool:
    """Whether ``event`` is a key press of Enter or Return without Ctrl, Alt or Shift."""
    return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


class _EnterPresses(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QAbstractButton) and is_plain_enter(event):
            if watched.isEnabled() and watched.isVisible():
                watched.click()
            return True
        return False


_filter: _EnterPresses | None = None


def enter_presses(*buttons: QPushButton) -> None:
    """Enter on any of ``buttons``, while it has the focus, presses it; they never become the
    dialog's default button, so Enter elsewhere still does what the dialog says (saves)."""
    global _filter
    if _filter is None:
        _filter = _EnterPresses()
    for button in buttons:
        button.setAutoDefault(False)
        button.setProperty("enterPresses", True)
        button.installEventFilter(_filter)


def presses_on_enter(button: QPushButton) -> bool:
    """Whether Enter on ``button`` while it has the focus presses it."""
    return button.autoDefault() or bool(button.property("enterPresses"))


class LookupEdit(QLineEdit):
    """A field whose Enter looks up what was typed (a handler of ``returnPressed`` or
    ``editingFinished``) and does nothing else: the dialog around it is not also saved."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in ENTER_KEYS:
            event.accept()
