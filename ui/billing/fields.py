"""Input widgets and small helpers shared by the billing dialogs and screens (GUI thread)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from core import money
from core.errors import ValidationError


class MoneyEdit(QLineEdit):
    """An amount typed in the dealership's currency, read back exactly in minor units."""

    def __init__(self, currency: str, *, field: str = "amount", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0." + "0" * money.digits(currency) if money.digits(currency) else "0")

    def set_minor(self, minor: int | None) -> None:
        self.setText("" if minor is None else money.format_money(minor, self.currency, symbol=False))

    def minor(self) -> int:
        """The amount typed (empty is zero); a ValidationError naming this field if it is no amount."""
        return parse_money(self.text(), self.currency, field=self.field)

    def minor_or_none(self) -> int | None:
        try:
            return self.minor()
        except ValidationError:
            return None


def parse_money(text: str, currency: str, *, field: str) -> int:
    """Typed text → minor units; empty is zero. A ValidationError names ``field``."""
    cleaned = text.strip().replace("，", ",").replace("。", ".")
    for symbol in {money.CURRENCIES.get(currency, (2, ""))[1].strip(), "¥", "￥"}:
        if symbol:
            cleaned = cleaned.replace(symbol, "")
    if not cleaned.strip():
        return 0
    try:
        return money.to_minor(cleaned, currency)
    except ValidationError as exc:
        raise ValidationError(field, exc.detail) from None


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = value or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def error_label() -> QLabel:
    """A field-error label (styled like the ones FieldErrors makes), hidden until it has a message."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def enter_edits_cell(grid: QWidget, event) -> bool:
    """True when Enter is finishing a cell typed in ``grid`` (a cell's text editor has focus): such an
    Enter belongs to the cell, not to the dialog's default button."""
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QLineEdit)
            and grid.isAncestorOf(focus))
