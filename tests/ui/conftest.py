"""Fixtures for tests that drive the real widgets: a session context, waiting for background work,
recorded message boxes, typing (Chinese too), acting inside a modal dialog opened with ``exec()``,
and many customers inserted at once; the app's own style sheet."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from core.actor import Actor
from core.ids import new_id
from core.paths import resources_dir
from models.crm import Customer
from services import search
from store import audit_chain
from store.database import Database
from ui import workers
from ui.context import AppContext


@pytest.fixture
def ctx(db, owner) -> AppContext:
    return AppContext(db, owner)


@pytest.fixture(autouse=True)
def _plain_style(qapp) -> Iterator[None]:
    """Each test starts with the plain style: one that runs the program's own start-up (which sets its
    style sheet on the application) must not change how the tests after it lay out."""
    yield
    if qapp.styleSheet():
        qapp.setStyleSheet("")


@pytest.fixture
def app_style(qapp) -> Iterator[None]:
    """The application's real style sheet (resources/style.qss), as the app sets it."""
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def ctx_for(db, actor_for) -> Callable[[str], AppContext]:
    """An AppContext for a user logged in with ``role``."""
    return lambda role: AppContext(db, actor_for(role))


@pytest.fixture
def settle(qtbot, db) -> Iterator[Callable[..., None]]:
    """Wait until every background query and operation has finished and its result has been
    delivered to the GUI thread (callbacks may start further work; that is waited for too).
    Depends on ``db`` so that the database is closed only after the last wait."""

    def wait(timeout: int = 10000) -> None:
        workers.wait_for_all(timeout)
        qtbot.waitUntil(lambda: not workers._running, timeout=timeout)
        QApplication.processEvents()

    yield wait
    # No test may leave work running into the next one's database.
    wait()


@dataclass
class Shown:
    kind: str  # warning | critical | information | question | box
    title: str
    text: str


class MessageRecorder:
    """Replaces the blocking QMessageBox calls; every message shown is kept in ``shown``."""

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self.answer = QMessageBox.StandardButton.Yes

    def kinds(self) -> list[str]:
        return [m.kind for m in self.shown]

    def _static(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append(Shown(kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    def _exec(self, box: QMessageBox) -> int:
        self.shown.append(Shown("box", box.windowTitle(), f"{box.text()}\n{box.informativeText()}"))
        return int(QMessageBox.StandardButton.Ok.value)


@pytest.fixture
def messages(monkeypatch) -> MessageRecorder:
    recorder = MessageRecorder()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder._static(kind)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box, *args: recorder._exec(box))
    return recorder


@pytest.fixture
def save_as(monkeypatch, tmp_path) -> Callable[[str], str]:
    """Make the save-file dialog answer with ``tmp_path / name``; returns that path."""

    def answer(name: str) -> str:
        path = str(tmp_path / name)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (path, "")))
        return path

    return answer


@pytest.fixture
def when_modal(qtbot) -> Iterator[Callable[..., list[QWidget]]]:
    """``when_modal(DialogClass, action)`` arranges for ``action(dialog)`` to run as soon as a modal
    dialog of that class is open and active (e.g. one shown by ``ask()`` with ``exec()``). The dialog
    is rejected afterwards if the action left it open, so a failing action cannot hang the test.
    Returns a list that receives the dialog once the action has run."""
    pending: list[QTimer] = []

    def arrange(cls: type, action: Callable[[QWidget], None], *, timeout: int = 10000) -> list[QWidget]:
        handled: list[QWidget] = []
        timer = QTimer()
        timer.setInterval(10)
        waited = [0]

        def poll() -> None:
            waited[0] += timer.interval()
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, cls):
                if waited[0] > timeout:
                    timer.stop()
                return
            # Focus and key presses need the dialog to be the active window, which the platform
            # grants a moment after the dialog is shown.
            if QApplication.activeWindow() is not dialog and waited[0] <= timeout:
                return
            timer.stop()
            try:
                action(dialog)
            finally:
                handled.append(dialog)
                if dialog.isVisible():
                    dialog.reject()

        timer.timeout.connect(poll)
        timer.start()
        pending.append(timer)
        return handled

    yield arrange
    for timer in pending:
        timer.stop()


@pytest.fixture
def type_text(qtbot) -> Callable[[QWidget, str], None]:
    """Type ``text`` into ``widget``: ASCII key by key, anything else (Chinese) as an input-method
    commit, which is how an IME delivers it (QTest can only simulate keys of the ASCII range)."""

    def typing(widget: QWidget, text: str) -> None:
        if text.isascii():
            qtbot.keyClicks(widget, text)
            return
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    return typing


@pytest.fixture
def show(qtbot) -> Callable[[QWidget], QWidget]:
    """Show a top-level widget, make it the active window and wait until it is exposed."""

    def shown(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        # The platform activates windows asynchronously; focus and shortcuts need an active window.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        return widget

    return shown


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "娜", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
         "华", "平", "刚", "桂英", "建华", "文"]
CITIES = ["上海", "苏州", "杭州", "南京", "嘉兴", "无锡"]


def bulk_customers(db: Database, actor: Actor, n: int, *, seed: int = 7) -> list[dict]:
    """Insert ``n`` customers in one Core executemany (STYLE §11), index them for search and write one
    audit summary entry. Returns the inserted rows."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        surname = "欧阳" if i % 50 == 0 else rnd.choice(SURNAMES)
        rows.append({
            "id": new_id(),
            "kind": "company" if i % 5 == 0 else "person",
            "name": surname + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if i % 3 else ""),
            "phone": f"+86139{i:08d}",
            "email": f"c{i}@example.cn" if i % 4 == 0 else "",
            "city": rnd.choice(CITIES),
            "active": i % 7 != 0,
            "created_by": actor.username,
            "updated_by": actor.username,
        })
    with db.engine.begin() as conn:
        conn.execute(Customer.__table__.insert(), rows)
        search.rebuild(conn, ("customer",))
        audit_chain.append(conn, actor, [audit_chain.Change("import", "customer", "*", summary=f"{n} test customers")])
    return rows


@pytest.fixture
def add_customers(db, owner) -> Callable[[int], list[dict]]:
    """``add_customers(n)`` inserts ``n`` varied customers at once (see :func:`bulk_customers`)."""
    return lambda n: bulk_customers(db, owner, n)


@pytest.fixture
def select_row(qtbot) -> Callable[[QWidget, str], None]:
    """``select_row(screen, row_id)`` selects the row of a list screen and waits until its detail
    pane shows it (details are read on the database worker)."""

    def select(screen: QWidget, row_id: str) -> None:
        with qtbot.waitSignal(screen.detail_shown, check_params_cb=lambda shown: shown == row_id):
            assert screen.list.select_id(row_id)

    return select


@pytest.fixture
def window(ctx, show, settle):
    """The main window of the ``ctx`` user, shown and settled."""
    from ui.main_window import MainWindow

    win = show(MainWindow(ctx))
    settle()
    return win
