"""The GUI thread runs Python's cyclic garbage collector (see :mod:`core.memory`).

Automatic collection is switched off for the whole process and a timer on the GUI thread collects
what is due twice a second, so no worker thread ever finalises a Qt object of the GUI thread's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from core import memory

INTERVAL_MS = 500
TIMER_NAME = "garbage-collector"


def install(owner: QObject) -> QTimer:
    """From now on only the GUI thread collects; the timer lives as long as ``owner``."""
    memory.collect_by_hand()
    timer = QTimer(owner)
    timer.setObjectName(TIMER_NAME)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(memory.collect_due)
    timer.start()
    return timer
