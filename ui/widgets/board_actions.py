"""What a board screen (the foreman's board, the leads pipeline) does with a move of a card: run it
on the database worker, redraw with the moved card selected, and say a refusal on the board's own
message line, never in a box that interrupts the next key."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import QLabel

from core.errors import DomainError, ValidationError
from ui.messages import detail_text, service_text
from ui.workers import Op


class BoardActions:
    """Mixed into a board screen with ``message`` (a QLabel), ``_wanted`` (the card to select after
    the next redraw) and ``refresh()``."""

    message: QLabel
    _wanted: str | None

    def _run(self, key: str, work: Callable[[], object]) -> Op:
        """Run ``work`` (worker thread) for the card ``key``, which stays selected after the redraw."""
        self.message.clear()
        self._wanted = key
        return Op(self, lambda _progress, _cancel: work()).success(lambda _r: self._moved()).failure(
            self._failed).run()

    def _moved(self) -> None:
        if shiboken6.isValid(self):
            self.refresh()  # type: ignore[attr-defined]

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._wanted = None
        if isinstance(exc, ValidationError):
            self.message.setText(detail_text(exc))
        elif isinstance(exc, DomainError):
            self.message.setText(service_text(exc.message))
        else:
            from ui.errors import show_error

            show_error(self, exc)  # type: ignore[arg-type]
