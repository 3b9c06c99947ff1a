"""The one edit of each kind of value typed into a form or a grid cell: money (integer minor units
in the dealership's currency), quantities (thousandths), percentages (basis points) and dates.

Typed text is read with the services' own rules (:mod:`core.money`, :mod:`core.quantities`), so a
form refuses exactly what the service would. Everything here runs on the GUI thread; the ``parse_*``
functions are plain and may run anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QLineEdit, QTimeEdit, QWidget

from core import money
from core.errors import ValidationError
from core.quantities import quantity_from_text, quantity_text

DATE_DISPLAY = "yyyy-MM-dd"
DATE_TIME_DISPLAY = "yyyy-MM-dd HH:mm"
# An optional date at this minimum shows "not known" and reads back as None.
UNKNOWN_DATE = QDate(1900, 1, 1)


def _required(field: str, kind: str) -> ValidationError:
    messages = {
        "money": QCoreApplication.translate("Fields", "Enter an amount"),
        "quantity": QCoreApplication.translate("Fields", "Enter a quantity"),
        "percentage": QCoreApplication.translate("Fields", "Enter a percentage"),
    }
    return ValidationError(field, messages[kind])


def parse_money(text: str, currency: str, *, field: str, required: bool = False) -> int:
    """Typed amount → minor units of ``currency``; empty is zero unless ``required``. The currency
    symbol and full-width punctuation are allowed. A ValidationError names ``field``."""
    cleaned = text.strip().replace("，", ",").replace("。", ".")
    for symbol in {money.CURRENCIES.get(currency, (2, ""))[1].strip(), "¥", "￥"}:
        if symbol:
            cleaned = cleaned.replace(symbol, "")
    if not cleaned.strip():
        if required:
            raise _required(field, "money")
        return 0
    try:
        return money.to_minor(cleaned, currency)
    except ValidationError as exc:
        raise ValidationError(field, exc.detail) from None


def money_input_text(minor: int | None, currency: str) -> str:
    """An amount as it is typed (grouped digits, no symbol); empty for None."""
    return "" if minor is None else money.format_money(minor, currency, symbol=False)


def parse_quantity(text: str, *, field: str, required: bool = False) -> int:
    """Typed quantity → thousandths; empty is zero unless ``required``. A ValidationError names
    ``field``."""
    if not text.strip():
        if required:
            raise _required(field, "quantity")
        return 0
    try:
        return quantity_from_text(text.strip().replace("。", "."))
    except ValidationError as exc:
        raise ValidationError(field, exc.detail) from None


def parse_percent(text: str, *, field: str, required: bool = True) -> int:
    """Typed percentage ("13", "6.5 %") → basis points; empty is refused when ``required``, else
    zero. A ValidationError names ``field``."""
    cleaned = text.strip().replace("％", "%").replace("。", ".")
    if not cleaned.rstrip("%").strip():
        if required:
            raise _required(field, "percentage")
        return 0
    try:
        return money.parse_rate_percent(cleaned)
    except ValidationError as exc:
        raise ValidationError(field, exc.detail) from None


def percent_input_text(rate_bp: int | None) -> str:
    """Basis points as a percentage is typed ("13", "6.5"); empty for None."""
    return "" if rate_bp is None else money.format_rate(rate_bp).rstrip("%")


@dataclass(frozen=True)
class Discount:
    """A discount as typed: an amount in minor units, or a percentage (``rate_bp``, basis points)
    that the billing service turns into an amount by its rounding rule."""

    amount: int = 0
    rate_bp: int | None = None


def parse_discount(text: str, currency: str, *, field: str) -> Discount | None:
    """Typed discount ("50", "¥50.00", "10%", "7.5 ％") → :class:`Discount`; None when empty. A
    ValidationError names ``field``."""
    cleaned = text.strip().replace("％", "%")
    if not cleaned:
        return None
    if cleaned.endswith("%"):
        return Discount(rate_bp=parse_percent(cleaned, field=field))
    return Discount(amount=parse_money(cleaned, currency, field=field))


def discount_input_text(value: Discount | None, currency: str) -> str:
    """A discount as it is typed ("10%" or an amount); empty for None."""
    if value is None:
        return ""
    if value.rate_bp is not None:
        return money.format_rate(value.rate_bp).replace(" ", "")
    return money_input_text(value.amount, currency)


class _ParsedEdit(QLineEdit):
    """A line edit whose text is read as one value. A text that cannot be read is marked (red border
    and the reason as tooltip) when editing finishes; :meth:`value` raises the ValidationError."""

    def __init__(self, field: str, *, required: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.field = field
        self.required = required
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._mark)

    def _parse(self, text: str) -> int:
        raise NotImplementedError

    def _format(self, value: int) -> str:
        raise NotImplementedError

    def value(self) -> int:
        """The value typed; a ValidationError naming this field if the text is none."""
        return self._parse(self.text())

    def value_or_none(self) -> int | None:
        try:
            return self.value()
        except ValidationError:
            return None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else self._format(value))
        self._mark()

    def problem(self) -> str | None:
        """Why the text cannot be read, or None when it can."""
        try:
            self.value()
        except ValidationError as exc:
            return exc.detail
        return None

    @Slot()
    def _mark(self) -> None:
        # An empty required field is only refused on save: marking it while the user moves through
        # the form would shout before anything was wrong.
        message = self.problem() if self.text().strip() else None
        if bool(self.property("invalid")) != (message is not None):
            self.setProperty("invalid", message is not None)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setToolTip(message or "")


class MoneyEdit(_ParsedEdit):
    """An amount in the dealership's currency, read back exactly in minor units (the currency's
    digits: 2 for CNY, 0 for JPY); more decimals than the currency has are refused."""

    def __init__(self, currency: str, *, field: str = "amount", required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(field, required=required, parent=parent)
        self.currency = currency
        d = money.digits(currency)
        self.setPlaceholderText("0." + "0" * d if d else "0")

    def _parse(self, text: str) -> int:
        return parse_money(text, self.currency, field=self.field, required=self.required)

    def _format(self, value: int) -> str:
        return money_input_text(value, self.currency)


class QuantityEdit(_ParsedEdit):
    """A quantity read back in thousandths of a unit (at most three decimals; a sign is allowed,
    the service decides whether a negative quantity makes sense)."""

    def __init__(self, *, field: str = "quantity", required: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(field, required=required, parent=parent)

    def _parse(self, text: str) -> int:
        return parse_quantity(text, field=self.field, required=self.required)

    def _format(self, value: int) -> str:
        return quantity_text(value)


class PercentEdit(_ParsedEdit):
    """A percentage between 0 and 100 with at most two decimals, read back in basis points."""

    def __init__(self, *, field: str = "rate", required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(field, required=required, parent=parent)
        self.setPlaceholderText(QCoreApplication.translate("Fields", "e.g. 13 or 6.5"))

    def _parse(self, text: str) -> int:
        return parse_percent(text, field=self.field, required=self.required)

    def _format(self, value: int) -> str:
        return percent_input_text(value)


class _TabLeaves:
    """Tab and Shift+Tab leave a date or time field, as they leave every other field. Qt's own edit
    moves between its sections (year, month, day, hour…) on Tab, and while it shows its special value
    ("not known", "not set") it swallows Tab altogether: a keyboard trap. Arrows, typing and the
    calendar popup still move within the field."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            event.accept()
            forward = event.key() == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)  # type: ignore[arg-type]
            return
        super().keyPressEvent(event)  # type: ignore[misc]


class TimeEdit(_TabLeaves, QTimeEdit):
    """A time of day (hours and minutes); Tab leaves it."""


class DateTimeEdit(_TabLeaves, QDateTimeEdit):
    """A day and a time shown as yyyy-MM-dd HH:mm with a calendar popup; Tab leaves it (also while
    it shows a special value such as "not set")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_TIME_DISPLAY)


class DateEdit(_TabLeaves, QDateEdit):
    """A calendar day shown as yyyy-MM-dd with a calendar popup. An ``optional`` date can also be
    "not known" (the minimum of the edit), read back as None."""

    def __init__(self, value: date | None = None, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_DISPLAY)
        if optional:
            self.setMinimumDate(UNKNOWN_DATE)
            self.setSpecialValueText(QCoreApplication.translate("Fields", "not known"))
            self.set_value(value)
        else:
            self.set_value(value or date.today())

    def value(self) -> date | None:
        """The day chosen; None when an optional date is left "not known"."""
        if self.optional and self.date() == self.minimumDate():
            return None
        return self.date().toPython()

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(self.minimumDate() if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    # Qt stops the day at the ends of its month and the month at the ends of its year, so on the 1st
    # the arrow down could not reach yesterday. Here the arrows (and Page Up/Down) on the day move by
    # days and on the month by months, across months and years, as far as the edit's range allows.
    def _stepped(self, steps: int) -> QDate | None:
        section, current = self.currentSection(), self.date()
        if self.optional and current == self.minimumDate():
            return None  # "not known": Qt's own stepping
        if section == QDateTimeEdit.Section.DaySection:
            return current.addDays(steps)
        if section == QDateTimeEdit.Section.MonthSection:
            return current.addMonths(steps)
        return None

    def stepBy(self, steps: int) -> None:
        target = self._stepped(steps)
        if target is None:
            super().stepBy(steps)
            return
        self.setDate(max(self.minimumDate(), min(self.maximumDate(), target)))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self._stepped(1) is None or self.isReadOnly():
            return super().stepEnabled()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags
