"""The edit dialogs open through FormDialog.ask: the id saved, None when closed, and a record that
can no longer be opened is said in one message, never a traceback."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtWidgets import QDialog

import ui
from ui.parts.parts import PartDialog
from ui.widgets.forms import FormDialog


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_edit_dialog_opens_through_the_one_ask():
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(info.name)
    copies = [c.__qualname__ for c in _subclasses(FormDialog) if "ask" in vars(c)
              and "dialog.saved_id" in inspect.getsource(vars(c)["ask"].__func__)]
    assert copies == [], "open an edit dialog with FormDialog.ask rather than a copy of it"


def test_a_record_gone_before_its_dialog_opens_is_said_and_nothing_opens(qtbot, ctx, messages, monkeypatch):
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected)
    assert PartDialog.ask(ctx, None, part_id="0" * 32) is None
    assert opened == [] and len(messages.shown) == 1 and messages.shown[0].text
