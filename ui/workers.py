"""Run service calls off the GUI thread (STYLE §5).

``Op`` is for changes (optional progress dialog with Cancel); ``Query`` is for reads. Both collect
what the units of work they ran committed (:mod:`store.changes`) and broadcast it to the screens
before their success callbacks run, so no screen has to say what it changed. Both are chainable::

    Op(self, lambda progress, cancel: lists.export(...), title=self.tr("Exporting")).success(done).run()

Database work goes through one single-worker pool (SQLite has one writer); network work through
another. Before the first pool starts, Python's garbage collection is handed to the GUI thread
(:mod:`ui.collector`): a collection run on a worker would finalise the GUI thread's Qt objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.errors import Cancelled
from core.progress import CancelToken
from store.changes import Changes, collecting
from ui.context import broadcast

log = logging.getLogger(__name__)

_db_pool: QThreadPool | None = None
_net_pool: QThreadPool | None = None
_running: set[Any] = set()


def _collect_on_gui_thread() -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import collector

    app = QCoreApplication.instance()
    if app is not None and app.findChild(QTimer, collector.TIMER_NAME) is None:
        collector.install(app)


def db_pool() -> QThreadPool:
    global _db_pool
    if _db_pool is None:
        _collect_on_gui_thread()
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
    return _db_pool


def net_pool() -> QThreadPool:
    global _net_pool
    if _net_pool is None:
        _collect_on_gui_thread()
        _net_pool = QThreadPool()
        _net_pool.setMaxThreadCount(2)
    return _net_pool


def wait_for_all(msecs: int = 30000) -> bool:
    """Block until background work has finished (used at shutdown and by tests)."""
    ok = True
    for pool in (_db_pool, _net_pool):
        if pool is not None:
            ok = pool.waitForDone(msecs) and ok
    return ok


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, object, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        with collecting() as log:
            try:
                result = self.fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never swallowed
                self.signals.failed.emit((exc, log.changes))
                return
        self.signals.done.emit((result, log.changes))


class _Base:
    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent
        self._success: list[Callable[[Any], None]] = []
        self._failure: Callable[[BaseException], None] | None = None
        self.signals = _Signals()
        self.signals.done.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)

    def success(self, callback: Callable[[Any], None]):
        self._success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]):
        self._failure = callback
        return self

    def _finish(self) -> None:
        _running.discard(self)

    def _on_done(self, payload: tuple[Any, Changes]) -> None:
        result, changes = payload
        self._finish()
        broadcast(changes)
        for cb in self._success:
            cb(result)

    def _on_failed(self, payload: tuple[BaseException, Changes]) -> None:
        exc, changes = payload
        self._finish()
        # A job that failed after committing part of its work (a refused attempt is recorded) still
        # tells the screens what it changed.
        broadcast(changes)
        if self._failure is not None:
            self._failure(exc)
            return
        if isinstance(exc, Cancelled):
            return
        from ui.errors import show_error

        show_error(self.parent, exc)


class Query(_Base):
    """A read run on the database worker; ``fn()`` takes no arguments."""

    def __init__(self, parent: QWidget | None, fn: Callable[[], Any], *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.pool = pool

    def run(self) -> Query:
        _running.add(self)
        (self.pool or db_pool()).start(_Runnable(self.fn, self.signals))
        return self


class Op(_Base):
    """A change run on the database worker. ``fn(progress, cancel)``; with a ``title`` a progress
    dialog with Cancel appears if the work takes longer than a moment."""

    def __init__(self, parent: QWidget | None, fn: Callable[[Callable, CancelToken], Any], *,
                 title: str | None = None, cancellable: bool = True, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.title = title
        self.cancellable = cancellable
        self.pool = pool
        self.cancel = CancelToken()
        self.dialog = None
        self.signals.progress.connect(self._on_progress)

    def _report(self, done: int, total: int | None, message: str) -> None:  # worker thread
        self.signals.progress.emit(done, total, message)

    def run(self) -> Op:
        _running.add(self)
        if self.title is not None:
            from ui.progress import ProgressDialog

            self.dialog = ProgressDialog(self.parent, self.title, cancellable=self.cancellable)
            self.dialog.cancelled.connect(self.cancel.cancel)
            # Show only if the work is not over almost at once, so quick jobs do not flash a dialog.
            QTimer.singleShot(400, self._show_dialog)
        (self.pool or db_pool()).start(_Runnable(lambda: self.fn(self._report, self.cancel), self.signals))
        return self

    def _show_dialog(self) -> None:
        if self.dialog is not None and self in _running:
            self.dialog.show()

    def _on_progress(self, done: int, total: object, message: str) -> None:
        if self.dialog is not None:
            self.dialog.report(done, total if isinstance(total, int) else None, message)

    def _finish(self) -> None:
        super()._finish()
        if self.dialog is not None:
            self.dialog.close_quietly()
            self.dialog = None
