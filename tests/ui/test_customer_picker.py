"""The one customer row of the edit dialogs: F4 (or its button) finds a customer with the global
search, the choice is announced, a locked or disabled picker chooses nothing, and every dialog that
asks for a customer uses it (a hand-built row is caught here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from services import customers, search
from ui.search_dialog import GlobalSearchDialog
from ui.widgets.customer_picker import CustomerPicker
from ui.widgets.forms import FieldErrors

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def wang(db, owner) -> str:
    return customers.create(db, owner, customers.CustomerInput(name="王伟", phone="13812345678"))


@pytest.fixture
def searches(monkeypatch, wang) -> list[dict]:
    """Every global search asked for (its kinds and title); each one chooses 王伟."""
    asked: list[dict] = []

    def ask(cls, ctx, parent=None, *, kinds=None, title=None):
        asked.append({"kinds": kinds, "title": title, "parent": parent})
        return search.Hit("customer", wang, "王伟", "")

    monkeypatch.setattr(GlobalSearchDialog, "ask", classmethod(ask))
    return asked


class _Form(QDialog):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.before = QLineEdit()
        self.picker = CustomerPicker(ctx)
        self.after = QLineEdit()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("before", "&Before", self.before)
        self.errors.add_row("customer_id", "&Customer", self.picker)
        self.errors.add_row("after", "&After", self.after)
        QVBoxLayout(self).addLayout(form)


def test_f4_finds_a_customer_shows_it_and_says_so(qtbot, ctx, show, searches, wang):
    dialog = show(_Form(ctx))
    assert dialog.picker.customer_id is None
    assert dialog.picker.name.placeholderText() == "No customer chosen — press F4 to find one"
    assert "(F4)" in dialog.picker.button.toolTip()
    with qtbot.waitSignal(dialog.picker.chosen) as chosen:
        qtbot.keyClick(dialog.after, Qt.Key.Key_F4)
    assert chosen.args == [wang, "王伟"]
    assert searches == [{"kinds": ("customer",), "title": "Choose the customer", "parent": dialog}]
    assert (dialog.picker.customer_id, dialog.picker.name.text()) == (wang, "王伟")

    dialog.picker.clear()
    assert (dialog.picker.customer_id, dialog.picker.name.text()) == (None, "")


def test_tab_reaches_the_button_and_its_mnemonic_and_click_open_the_search(qtbot, ctx, show, searches):
    dialog = show(_Form(ctx))
    dialog.before.setFocus()
    qtbot.keyClick(dialog.before, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.picker.button  # the read-only name is no stop on the way
    qtbot.keyClick(dialog.picker.button, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(searches) == 2)
    # The label's mnemonic goes to the button too.
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.picker.button


def test_a_locked_or_disabled_picker_keeps_its_customer(qtbot, ctx, show, searches):
    dialog = show(_Form(ctx))
    dialog.picker.set_customer("someone", "李娜")
    dialog.picker.set_locked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    qtbot.mouseClick(dialog.picker.button, Qt.MouseButton.LeftButton)
    assert dialog.picker.locked and not dialog.picker.button.isEnabled()
    dialog.picker.set_locked(False)
    dialog.picker.setEnabled(False)
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    assert searches == []
    assert (dialog.picker.customer_id, dialog.picker.name.text()) == ("someone", "李娜")


def test_an_error_on_the_customer_marks_the_name_and_focuses_the_button(qtbot, ctx, show):
    from core.errors import ValidationError

    dialog = show(_Form(ctx))
    dialog.after.setFocus()
    assert dialog.errors.show(ValidationError("customer_id", "Choose the customer"))
    assert dialog.picker.name.property("invalid") and dialog.focusWidget() is dialog.picker.button
    dialog.errors.clear()
    assert not dialog.picker.name.property("invalid")


def test_an_editable_picker_forgets_the_customer_when_a_new_name_is_typed(qtbot, ctx, show):
    dialog = show(QDialog())
    picker = CustomerPicker(ctx, editable=True, parent=dialog)
    picker.set_customer("someone", "李娜")
    qtbot.keyClicks(picker.name, "x")
    assert picker.customer_id is None and picker.name.text() == "李娜x"


# --- every dialog that asks for a customer -----------------------------------------------------------

def _dialogs() -> dict[str, tuple[Callable, str]]:
    from ui.billing.editor import InvoiceDialog
    from ui.billing.payment import PaymentDialog
    from ui.billing.thirdparty import ClaimDialog
    from ui.sales.deals import DealDialog
    from ui.sales.finance import PolicyDialog
    from ui.sales.leads import LeadDialog
    from ui.sales.trade_ins import AppraisalDialog
    from ui.vehicles.editor import VehicleDialog
    from ui.workshop.calendar import BookingDialog
    from ui.workshop.editor import RepairOrderEditor

    return {
        "invoice": (lambda ctx: InvoiceDialog(ctx), "customer_id"),
        "payment": (lambda ctx: PaymentDialog(ctx), "customer_id"),
        "claim": (lambda ctx: ClaimDialog(ctx), "customer_id"),
        "deal": (lambda ctx: DealDialog(ctx), "customer_id"),
        "policy": (lambda ctx: PolicyDialog(ctx), "customer_id"),
        "lead": (lambda ctx: LeadDialog(ctx, None), "customer"),
        "appraisal": (lambda ctx: AppraisalDialog(ctx), "customer_id"),
        "vehicle": (lambda ctx: VehicleDialog(ctx), "owner_id"),
        "booking": (lambda ctx: BookingDialog(ctx, []), "customer_id"),
        "repair order": (lambda ctx: RepairOrderEditor(ctx), "customer_id"),
    }


def _mnemonics(dialog: QWidget) -> list[str]:
    """The Alt+letter of every label (with a buddy) and button the dialog shows."""
    found = []
    widgets = [w for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    widgets += dialog.findChildren(QAbstractButton)
    for widget in widgets:
        if widget.isVisibleTo(dialog):
            match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
            if match:
                found.append(match.group(1).lower())
    return found


@pytest.mark.parametrize("name", list(_dialogs()))
def test_each_dialog_chooses_its_customer_with_the_one_picker(qtbot, ctx, show, searches, wang, settle, name):
    make, field = _dialogs()[name]
    dialog = show(make(ctx))
    pickers = dialog.findChildren(CustomerPicker)
    assert len(pickers) == 1, "one customer row, the shared one"
    picker = pickers[0]
    assert dialog.errors.widgets[field] is picker
    letter = re.search(r"&(\w)", picker.button.text()).group(1).lower()
    assert _mnemonics(dialog).count(letter) == 1, f"Alt+{letter} is the picker's alone: {sorted(_mnemonics(dialog))}"
    assert not picker.button.autoDefault()  # Enter saves the dialog, wherever the focus is

    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    settle()
    assert [a["kinds"] for a in searches] == [("customer",)]
    assert searches[0]["title"] == "Choose the customer"
    assert picker.customer_id == wang and picker.name.text() == "王伟"
    assert getattr(dialog, "owner_id" if field == "owner_id" else "customer_id") == wang


def test_no_dialog_hand_builds_a_customer_search():
    """A customer is chosen through CustomerPicker; the only other customer searches are the
    insurer of a repair order and the labour rates' "invoiced to" rows (several in one dialog)."""
    allowed = {("ui/workshop/editor.py", 1), ("ui/workshop/operations.py", 1)}
    found = set()
    for path in sorted((ROOT / "ui").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "ui/widgets/customer_picker.py":
            continue
        count = len(re.findall(r"kinds=\(\s*\"customer\",\s*\)", path.read_text(encoding="utf-8")))
        if count:
            found.add((rel, count))
    assert found == allowed
