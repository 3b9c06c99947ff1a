import sys
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from ui.widgets.list_view import ListView

def test_probe(qtbot, ctx, show, settle, db, owner, add_customers):
    add_customers(1000)
    view = show(ListView(ctx, "customers", {"name": "N", "kind": "K", "active": "A"}, noun_plural="x", empty_text="e",))
    view.reload(); settle()
    def rc(label, fn):
        b = sys.getrefcount(True)
        for _ in range(100):
            fn()
        print(label, sys.getrefcount(True) - b)
    rc("canFetchMore", lambda: view.model.canFetchMore(QModelIndex()))
    rc("data", lambda: view.model.index(0, 0).data())
    rc("data bool", lambda: view.model.index(0, 2).data())
    rc("process", lambda: QApplication.processEvents())
    rc("repaint", lambda: view.table.viewport().repaint())
    rc("isVisible", lambda: view.isVisible())
    rc("blockSignals", lambda: view.table.horizontalHeader().blockSignals(False))
    rc("reload", lambda: view.reload())
    settle()
    rc("fetch", lambda: view.model.fetchMore(QModelIndex()))
    rc("flags", lambda: view.model.flags(view.model.index(0,0)))
