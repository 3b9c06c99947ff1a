"""Detail panes are read on the database worker, never on the GUI thread, and show only the row that
is selected when the answer comes: a late answer for a row left behind is dropped, a pane still
showing the previous row is cleared while the new one is read, and a record gone meanwhile is said
so in the pane with its actions withdrawn."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from services import customers
from services.billing import invoices
from tests.services.billing_samples import customer, draft, line, posted
from tests.write_lock import write_lock_held
from ui.billing.invoices import InvoicesScreen
from ui.context import AppContext
from ui.customers.screen import CustomersScreen
from ui.main_window import MainWindow


class Gate:
    """Holds back the worker's read of chosen records until opened (never longer than the test)."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.waiting = threading.Event()

    def wrap(self, read: Callable, held: set[str]) -> Callable:
        def gated(db, actor, record_id, *args, **kwargs):
            if record_id in held:
                self.waiting.set()
                assert self.opened.wait(10), "the gate was never opened"
            return read(db, actor, record_id, *args, **kwargs)

        return gated


@pytest.fixture
def gate() -> Iterator[Gate]:
    made = Gate()
    yield made
    made.opened.set()


@pytest.fixture
def customers_screen(window) -> CustomersScreen:
    page = window.show_page("customers")
    assert isinstance(page, CustomersScreen)
    return page


@pytest.fixture
def invoices_screen(window) -> InvoicesScreen:
    page = window.show_page("invoices")
    assert isinstance(page, InvoicesScreen)
    return page


def test_the_pane_is_read_on_the_database_worker(monkeypatch, db, owner, customers_screen, settle, select_row):
    wang = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    customers_screen.list.reload()
    settle()
    threads: list[threading.Thread] = []
    read = customers.get

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return read(*args, **kwargs)

    monkeypatch.setattr(customers, "get", recorded)

    select_row(customers_screen, wang)

    assert threads and all(t is not threading.main_thread() for t in threads)
    assert "王伟" in customers_screen.detail.toPlainText()


def test_a_late_answer_for_a_row_no_longer_selected_is_dropped(
        monkeypatch, qtbot, db, owner, invoices_screen, settle, gate):
    wang = customer(db, owner)
    paid_later = posted(db, owner, wang, line("Brake pads", price=45000))
    proof = draft(db, owner, wang, line("Wiper blades", price=8000))
    invoices_screen.list.reload()
    settle()
    monkeypatch.setattr(invoices, "get", gate.wrap(invoices.get, {paid_later}))
    shown: list[str] = []
    invoices_screen.detail_shown.connect(shown.append)

    assert invoices_screen.list.select_id(paid_later)
    assert gate.waiting.wait(10)
    with qtbot.waitSignal(invoices_screen.detail_shown):
        assert invoices_screen.list.select_id(proof)
        gate.opened.set()
    settle()

    assert shown == [proof]
    text = invoices_screen.detail.toPlainText()
    assert "Draft invoice" in text and "Wiper blades" in text and "Brake pads" not in text
    assert invoices_screen.current_view is not None and invoices_screen.current_view.id == proof
    assert invoices_screen.post_button.isEnabled()
    assert not invoices_screen.pay_button.isEnabled() and not invoices_screen.credit_button.isEnabled()


def test_the_previous_rows_details_are_withdrawn_while_the_new_row_is_read(
        monkeypatch, qtbot, db, owner, invoices_screen, settle, gate, select_row):
    wang = customer(db, owner)
    first = posted(db, owner, wang, line("Brake pads", price=45000))
    second = posted(db, owner, wang, line("Oil change", price=30000))
    invoices_screen.list.reload()
    settle()
    select_row(invoices_screen, first)
    assert invoices_screen.pay_button.isEnabled()
    monkeypatch.setattr(invoices, "get", gate.wrap(invoices.get, {second}))

    assert invoices_screen.list.select_id(second)
    # Nothing of the first invoice is offered for the second: not its actions, and soon not its pane.
    assert invoices_screen.current_view is None
    assert not invoices_screen.pay_button.isEnabled() and not invoices_screen.print_button.isEnabled()
    qtbot.waitUntil(lambda: invoices_screen.detail.toPlainText() == "")
    with qtbot.waitSignal(invoices_screen.detail_shown):
        gate.opened.set()

    assert "Oil change" in invoices_screen.detail.toPlainText()
    assert invoices_screen.pay_button.isEnabled()


def test_a_record_gone_before_its_details_arrive_is_said_so_in_the_pane(
        db, owner, invoices_screen, settle, select_row):
    wang = customer(db, owner)
    gone = draft(db, owner, wang, line("Wiper blades", price=8000))
    invoices_screen.list.reload()
    settle()
    invoices.delete_draft(db, owner, gone)

    select_row(invoices_screen, gone)

    assert invoices_screen.detail.toPlainText() == "The invoice no longer exists"
    assert invoices_screen.current_view is None
    assert not invoices_screen.post_button.isEnabled() and not invoices_screen.print_button.isEnabled()


def test_the_main_window_opens_and_shows_details_while_another_program_writes(
        db, db_path, owner, show, settle, select_row):
    wang = customers.create(db, owner, customers.CustomerInput(name="王伟"))
    with write_lock_held(db_path):
        window = show(MainWindow(AppContext(db, owner)))
        settle()
        screen = window.stack.currentWidget()
        assert isinstance(screen, CustomersScreen)
        select_row(screen, wang)
        assert "王伟" in screen.detail.toPlainText()
        invoices_page = window.show_page("invoices")
        settle()
        assert invoices_page is not None and invoices_page.list.model.rowCount() == 0
