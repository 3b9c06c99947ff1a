import sys, gc
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication
from services import lists
from ui.widgets.list_view import ListView, FilterSpec
from ui.workers import Op, Query

def test_probe(qtbot, ctx, show, settle, db, owner, add_customers, tmp_path):
    add_customers(5000)
    view = show(ListView(ctx, "customers", {"name": "N", "kind": "K", "active": "A"}, noun_plural="x", empty_text="e",
        filters=[FilterSpec("active", "Active")]))
    view.reload(); settle()
    def rc(label, fn):
        gc.collect()
        b = sys.getrefcount(True)
        fn()
        gc.collect()
        print(label, sys.getrefcount(True) - b)
    rc("export_to", lambda: (view.export_to(str(tmp_path / "a.csv")), settle()))
    rc("export direct", lambda: lists.export(db, owner, "customers", lists.ListState(), str(tmp_path / "b.csv")))
    rc("Op export", lambda: (Op(None, lambda p, c: lists.export(db, owner, "customers", lists.ListState(), str(tmp_path / "c.csv"), progress=p, cancel=c)).run(), settle()))
    rc("Op export noprogress", lambda: (Op(None, lambda p, c: lists.export(db, owner, "customers", lists.ListState(), str(tmp_path / "c.csv"))).run(), settle()))
    rc("Query fetch", lambda: (Query(None, lambda: lists.fetch_page(db, owner, "customers", lists.ListState(), offset=0, limit=5000)).run(), settle()))
    rc("Query fetch len", lambda: (Query(None, lambda: len(lists.fetch_page(db, owner, "customers", lists.ListState(), offset=0, limit=5000))).run(), settle()))
