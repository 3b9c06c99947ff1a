"""The main window says when a write is waiting for another program's write to finish."""

from __future__ import annotations

import threading

from services.customers import CustomerInput, create
from tests.services.test_write_wait import hold_write_lock
from ui.main_window import MainWindow


def test_the_status_bar_shows_a_write_waiting_for_another_program(ctx, db_path, owner, show, qtbot):
    window = show(MainWindow(ctx))
    holder = hold_write_lock(db_path, 3)
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(create(ctx.db, owner, CustomerInput(name="王伟"))))
    worker.start()
    try:
        qtbot.waitUntil(lambda: "Waiting for another program to finish writing" in
                        window.statusBar().currentMessage(), timeout=3000)
        qtbot.waitUntil(lambda: bool(done) and window.statusBar().currentMessage() == "", timeout=15000)
    finally:
        worker.join(timeout=30)
        holder.wait(timeout=30)
    assert done and done[0]
