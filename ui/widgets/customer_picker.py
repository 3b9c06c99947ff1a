"""The one "customer" row of the edit dialogs: the chosen customer's name and a Choose… button that
finds one with the global search (F4 anywhere in the dialog does the same). GUI thread only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui.widgets.keys import enter_presses

if TYPE_CHECKING:
    from ui.context import AppContext

SHORTCUT = "F4"


class CustomerPicker(QWidget):
    """A read-only name and a Choose… button in one row; F4 in the window it lives in chooses too.

    ``chosen(customer_id, name)`` is emitted when the user picks a customer in the search (not when
    a dialog sets one with :meth:`set_customer`). A locked picker (:meth:`set_locked`, or disabled)
    shows its customer and cannot choose another. With ``editable`` the name may also be typed (a new
    customer's): typing drops the customer chosen before. Given to :class:`FieldErrors`, the picker
    takes the focus on the button and shows the red border on the name."""

    chosen = Signal(str, str)

    def __init__(self, ctx: AppContext, *, button_text: str | None = None, editable: bool = False,
                 placeholder: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPicker")
        self.ctx = ctx
        self._customer_id: str | None = None
        self.editable = editable
        self.name = QLineEdit()
        self.name.setObjectName("customer")
        self.name.setReadOnly(not editable)
        self.name.setPlaceholderText(placeholder or self.tr("No customer chosen — press F4 to find one"))
        if not editable:
            # Tab goes straight to the button: there is nothing to type in the name.
            self.name.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        else:
            self.name.textEdited.connect(self._typed)
        self.button = QPushButton(button_text or self.tr("C&hoose…"))
        self.button.setObjectName("chooseCustomer")
        self.button.setToolTip(self.tr("Find the customer by name, phone or ID (F4)"))
        enter_presses(self.button)  # Enter on it chooses; elsewhere Enter saves the dialog
        self.button.clicked.connect(lambda _checked=False: self.choose())
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.name, 1)
        self.row.addWidget(self.button)
        self.setFocusProxy(self.name if editable else self.button)
        # A window shortcut on the picker itself: it works in whatever dialog the picker is put in,
        # and not while the picker is hidden or disabled.
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), self, self.choose)

    # --- the customer -------------------------------------------------------------------------
    @property
    def customer_id(self) -> str | None:
        """The customer chosen, or None."""
        return self._customer_id

    @customer_id.setter
    def customer_id(self, value: str | None) -> None:
        self._customer_id = value or None

    def set_customer(self, customer_id: str | None, name: str) -> None:
        """Show ``customer_id`` as ``name`` (does not emit :attr:`chosen`)."""
        self._customer_id = customer_id or None
        self.name.setText(name)

    def clear(self) -> None:
        """No customer chosen."""
        self.set_customer(None, "")

    def _typed(self, _text: str) -> None:
        self._customer_id = None

    # --- choosing -----------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return not self.button.isEnabled()

    def set_locked(self, locked: bool) -> None:
        """A locked picker keeps its customer: the button and F4 do nothing, the name cannot be typed."""
        self.button.setEnabled(not locked)
        if self.editable:
            self.name.setReadOnly(locked)

    def choose(self) -> bool:
        """Find a customer with the global search; True (and :attr:`chosen` emitted) if one was taken."""
        if not self.isEnabled() or not self.button.isEnabled() or self.button.isHidden():
            return False
        from ui.search_dialog import GlobalSearchDialog

        hit = GlobalSearchDialog.ask(self.ctx, self.window(), kinds=("customer",),
                                     title=self.tr("Choose the customer"))
        if hit is None:
            return False
        self.set_customer(hit.ref_id, hit.title)
        self.chosen.emit(hit.ref_id, hit.title)
        return True

    # --- a field of a form ----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # FieldErrors marks the widget it was given; the border belongs on the name.
        if event.type() == QEvent.Type.DynamicPropertyChange and bytes(event.propertyName()) == b"invalid":
            self.name.setProperty("invalid", self.property("invalid"))
            self.name.style().unpolish(self.name)
            self.name.style().polish(self.name)
        return super().event(event)


class PickedCustomerId:
    """A dialog's ``customer_id`` that is its picker's: ``customer_id = PickedCustomerId()`` on the
    class reads and sets ``self.customer_picker.customer_id``, so there is one customer per dialog."""

    def __init__(self, picker: str = "customer_picker") -> None:
        self.picker = picker

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return getattr(obj, self.picker).customer_id

    def __set__(self, obj: Any, value: str | None) -> None:
        getattr(obj, self.picker).customer_id = value
