"""Exports from every list and report screen: what the user sees, under the headers they see."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import text

from ui.main_window import _pages

# Screens that are not a list or a report: the settings form, the journal (itself an export), the
# technician clock and reception (forms for one person or one car).
NOT_LISTS = {"settings", "journal", "technician_clock", "reception"}


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _visible_headers(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    model = view.model()
    return [model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
            for v in range(header.count()) if not view.isColumnHidden(header.logicalIndex(v))]


def test_every_list_and_report_screen_exports_with_the_headers_on_screen(ctx, qtbot, settle, tmp_path):
    pages = [p for p in _pages() if p.key not in NOT_LISTS]
    assert {"receivables", "thirdparty", "margins", "stock_alerts", "customers", "invoices"} <= {p.key for p in pages}
    for page in pages:
        screen = page.factory(ctx)
        qtbot.addWidget(screen)
        settle()
        assert hasattr(screen, "export_to"), f"{page.key} cannot export"
        out = tmp_path / f"{page.key}.csv"
        screen.export_to(str(out))
        settle()
        assert out.exists(), page.key
        header = _read_csv(out)[0]
        assert header and all(header), page.key
        # Headers are what the screen shows, never the internal column keys.
        assert not any(re.fullmatch(r"[a-z0-9_]+", h) for h in header), (page.key, header)
        screen.close()


def test_a_customer_list_export_holds_what_the_screen_shows_and_nothing_it_hides(
        ctx, ctx_for, db, qtbot, settle, tmp_path, add_customers):
    from ui.customers.screen import CustomersScreen

    rows = add_customers(3)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET id_number = '11010519491231002X' WHERE id = :id"),
                     {"id": rows[1]["id"]})
    screen = CustomersScreen(ctx)
    qtbot.addWidget(screen)
    settle()
    out = tmp_path / "customers.csv"
    screen.export_to(str(out))
    settle()
    content = _read_csv(out)
    assert content[0] == _visible_headers(screen.list.table)
    # The owner sees ID numbers in full; a salesperson's export holds them masked.
    assert "11010519491231002X" in out.read_text(encoding="utf-8-sig")
    seller = CustomersScreen(ctx_for("salesperson"))
    qtbot.addWidget(seller)
    settle()
    masked = tmp_path / "masked.csv"
    seller.export_to(str(masked))
    settle()
    assert "110***********002X" in masked.read_text(encoding="utf-8-sig")
    assert "11010519491231002X" not in masked.read_text(encoding="utf-8-sig")
    kinds = {r[content[0].index("Type")] for r in content[1:]}
    assert kinds <= {"Person", "Company"} and kinds
    created = content[1][content[0].index("Created")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", created), created
    phone = content[1][content[0].index("Phone")]
    assert not phone.startswith("+86"), phone


def test_a_hidden_column_is_not_exported(ctx, qtbot, settle, tmp_path, add_customers):
    from ui.customers.screen import CustomersScreen

    add_customers(2)
    screen = CustomersScreen(ctx)
    qtbot.addWidget(screen)
    settle()
    screen.list.table.setColumnHidden(2, True)  # Phone
    out = tmp_path / "customers.csv"
    screen.export_to(str(out))
    settle()
    assert "Phone" not in _read_csv(out)[0]


def test_ctrl_e_exports_while_the_cursor_is_in_the_search_box(ctx, show, settle, qtbot, save_as, add_customers):
    from ui.customers.screen import CustomersScreen

    add_customers(2)
    screen = show(CustomersScreen(ctx))
    settle()
    path = Path(save_as("from-search.xlsx"))
    screen.list.search.setFocus()
    qtbot.waitUntil(lambda: screen.list.search.hasFocus())
    qtbot.keyClick(screen.list.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert path.exists()


def test_ctrl_e_exports_the_receivables_aging_from_its_find_box(ctx, show, settle, qtbot, save_as):
    from ui.billing.receivables import ReceivablesScreen

    screen = show(ReceivablesScreen(ctx))
    settle()
    path = Path(save_as("aging.csv"))
    screen.find.setFocus()
    qtbot.waitUntil(lambda: screen.find.hasFocus())
    qtbot.keyClick(screen.find, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert _read_csv(path)[0] == _visible_headers(screen.aging)


CTRL_E_ON_X11 = r'''
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from services import users
from services.permissions import system_actor
from services.setup import open_database
from ui.context import AppContext
from ui.customers.screen import CustomersScreen
from ui.workers import wait_for_all

app = QApplication([])
tmp = Path(tempfile.mkdtemp())
db = open_database(tmp / "f.db", create=True)
users.create_user(db, system_actor("test"), username="owner", password="owner-pass-1", role="owner")
ctx = AppContext(db, users.login(db, "owner", "owner-pass-1"))
out = tmp / "out.csv"
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(out), ""))
screen = CustomersScreen(ctx)
screen.show()
screen.activateWindow()
for _ in range(50):
    app.processEvents()
    QTest.qWait(20)
    if QApplication.activeWindow() is screen:
        break
screen.list.search.setFocus()
app.processEvents()
QTest.keyClick(screen.list.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
for _ in range(50):
    wait_for_all()
    app.processEvents()
    if out.exists():
        break
    QTest.qWait(20)
print("exported" if out.exists() else "not exported")
wait_for_all()
db.dispose()
'''


def test_ctrl_e_exports_from_a_search_box_on_x11(tmp_path):
    # On X11 a line edit takes Ctrl+E for "end of line"; the offscreen platform has no such binding.
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "FORECOURT_HOME": str(tmp_path)}
    script = tmp_path / "ctrl_e.py"
    script.write_text(CTRL_E_ON_X11, encoding="utf-8")
    done = subprocess.run(["xvfb-run", "-a", sys.executable, str(script)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert "exported" in done.stdout and "not exported" not in done.stdout, done.stdout + done.stderr
