"""Python's cyclic garbage collector runs on the GUI thread only: a collection started on a worker
thread finalises Qt objects that belong to the GUI thread and crashes the app (it was seen as a
segmentation fault inside a list's count query)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QTimer

from ui import collector, workers


def test_no_collection_runs_on_a_worker_thread_and_the_gui_thread_collects_the_garbage(qtbot, settle):
    gui_thread = threading.get_ident()
    collecting_threads: list[int] = []
    worker_threads: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            collecting_threads.append(threading.get_ident())

    def make_cycles() -> int:
        # Far past the first generation's threshold: automatic collection would start here.
        for _ in range(gc.get_threshold()[0] * 20):
            box: list = []
            box.append(box)
        return threading.get_ident()

    gc.callbacks.append(record)
    try:
        for _ in range(3):
            workers.Query(None, make_cycles).success(worker_threads.append).run()
        settle()
        # The GUI thread's timer collects what the workers left.
        qtbot.waitUntil(lambda: gui_thread in collecting_threads, timeout=5000)
    finally:
        gc.callbacks.remove(record)
    assert len(worker_threads) == 3 and gui_thread not in worker_threads
    assert set(collecting_threads) == {gui_thread}
    assert not gc.isenabled()


def test_one_collector_timer_however_many_pools():
    workers.db_pool()
    workers.net_pool()
    app = QCoreApplication.instance()
    timers = [t for t in app.findChildren(QTimer) if t.objectName() == collector.TIMER_NAME]
    assert len(timers) == 1 and timers[0].isActive()
    assert timers[0].interval() == collector.INTERVAL_MS
