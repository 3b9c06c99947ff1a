"""Plain-Python progress reporting and cancellation for long jobs (DESIGN §7). Any thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from core.errors import Cancelled

# progress(done, total or None, message)
Progress = Callable[[int, int | None, str], None]


def no_progress(_done: int, _total: int | None, _message: str) -> None:
    return None


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was asked for; call between units of work."""
        if self._event.is_set():
            raise Cancelled()
