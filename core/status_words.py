"""The words a message uses for a record's status ("Repair order RO-1 is *waiting for parts*"): a
:func:`~core.messages.msg` each, so a refusal reads in the user's language as a whole, never with an
English status code inside a Chinese sentence."""

from __future__ import annotations

from collections.abc import Iterable

from core.messages import Message, msg

STATUS_WORDS: dict[str, Message] = {
    # repair orders, claims and counts
    "open": msg("open"),
    "in_progress": msg("in progress"),
    "waiting_parts": msg("waiting for parts"),
    "quality_check": msg("in quality check"),
    "completed": msg("completed"),
    "invoiced": msg("invoiced"),
    "closed": msg("closed"),
    "paid": msg("paid"),
    "rejected": msg("rejected"),
    # purchase orders, invoices and counts
    "draft": msg("a draft"),
    "sent": msg("sent"),
    "partly_received": msg("partly received"),
    "received": msg("received"),
    "cancelled": msg("cancelled"),
    "counting": msg("being counted"),
    "posted": msg("posted"),
    # estimates
    "pending": msg("pending"),
    "approved": msg("approved"),
    "declined": msg("declined"),
    # stock vehicles
    "on_order": msg("on order"),
    "in_transit": msg("in transit"),
    "in_stock": msg("in stock"),
    "reserved": msg("reserved"),
    "sold": msg("sold"),
    "delivered": msg("delivered"),
    # leads and deals
    "new": msg("new"),
    "contacted": msg("contacted"),
    "test_drive": msg("at the test drive"),
    "quotation": msg("a quotation"),
    "won": msg("won"),
    "lost": msg("lost"),
    "lost_pending": msg("lost, awaiting confirmation"),
    "ordered": msg("ordered"),
    # appointments and surveys (a customer's timeline)
    "booked": msg("booked"),
    "arrived": msg("arrived"),
    "no_show": msg("a no-show"),
    "due": msg("due"),
    "answered": msg("answered"),
    # loan applications and trade-ins
    "submitted": msg("submitted"),
    "paid_out": msg("paid out"),
    "appraised": msg("appraised"),
    "accepted": msg("accepted"),
    "taken_in": msg("taken into stock"),
}


def status_word(status: str) -> Message:
    """The word for ``status`` in a message (an unknown code as it reads, underscores as spaces)."""
    return STATUS_WORDS.get(status) or Message(status.replace("_", " "))


def word_list(words: Iterable[str], *, empty: Message | None = None) -> Message:
    """Several status words as one parameter: "open, in progress" in the reader's language."""
    words = [status_word(w) for w in words]
    if not words:
        return empty or msg("nowhere")
    template = ", ".join(f"{{w{i}}}" for i in range(len(words)))
    return Message(template, {f"w{i}": w for i, w in enumerate(words)})
