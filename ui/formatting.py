"""The one place that turns stored values into display text (dates, times, money, booleans)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from core import money

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def _parse_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def local_datetime(value: Any) -> str:
    """A stored UTC timestamp shown in the computer's local time."""
    dt = _parse_datetime(value)
    if dt is None:
        return "" if value is None else str(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone().strftime(DATETIME_FORMAT)


def local_time(value: Any) -> str:
    """A stored UTC timestamp as the local time of day (``14:05``), for times within a day."""
    dt = _parse_datetime(value)
    if dt is None:
        return "" if value is None else str(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone().strftime("%H:%M")


def date_text(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    return "" if value is None else str(value)[:10]


def phone_text(value: str | None, region: str) -> str:
    """A stored phone number as people there write it: national format for numbers of the
    dealership's country (``region``), international otherwise; what cannot be read, as stored."""
    from services.validation import format_phone

    return format_phone(value or "", region)


_STORED_PHONE = re.compile(r"\+\d{7,15}\b")


def phones_in_text(text: str, region: str) -> str:
    """``text`` with every stored (E.164, ``+86…``) phone number in it shown by :func:`phone_text`."""
    return _STORED_PHONE.sub(lambda m: phone_text(m.group(), region), text)


def margin_text(profit: int, net: int) -> str:
    """A margin as the one kind of figure it is shown as everywhere (percent of net sales, one
    decimal: "25.5%"); empty without net sales."""
    from services.billing.margin import margin_percent

    percent = margin_percent(profit, net)
    return "" if percent is None else f"{percent}%"


def money_text(minor: int | None, currency: str) -> str:
    return "" if minor is None else money.format_money(int(minor), currency)


def cell_text(value: Any, kind: str, *, currency: str = "CNY", region: str = "CN") -> str:
    if value is None:
        return ""
    if kind == "phone":
        return phone_text(str(value), region)
    if kind == "datetime":
        return local_datetime(value)
    if kind == "date":
        return date_text(value)
    if kind == "bool":
        return "✓" if value else ""
    if kind == "money":
        return money_text(value, currency)
    if kind == "qty":
        from core.quantities import quantity_text

        return quantity_text(int(value))
    if kind == "int":
        return f"{int(value):,}" if abs(int(value)) >= 10000 else str(value)
    if kind == "hours":  # hundredths of an hour
        return f"{int(value) / 100:,.2f}"
    return str(value)


def key_text(text: str, key: str) -> str:
    """A button's text with the function key that does the same in front ("F5 · Clock in"), for
    buttons pressed from across the room or with gloves on."""
    return f"{key} · {text}"
