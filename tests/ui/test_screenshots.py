"""Every main screen and dialog rendered at 1366×768 in English and Chinese from a demo database
(``python -m app.screenshots``, run as the user would, on an offscreen screen of that size): each
picture is made and nothing is cut off. The pictures go to ``$FORECOURT_SCREENSHOTS`` if set, else to
a temporary folder; they are never committed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import demo
from app import screenshots

SCREENS = ("customers", "vehicles", "invoices", "cash_desk", "receivables", "thirdparty", "margins", "journal",
           "parts", "purchase_orders", "suppliers", "stock_alerts", "stock_counts", "users", "roles", "audit",
           "settings", "vehicle_history", "surveys", "reception", "labour_operations", "customer_duplicates",
           "stock_vehicles", "vehicle_catalogue", "finance", "trade_ins", "sales_targets", "leads", "lead_follow_ups")
DIALOGS = ("login", "global_search", "customer_new", "vehicle_new", "invoice_new", "payment", "credit_note",
           "part_new", "order_new", "suggestions", "import", "role_new", "user_new", "repair_order_new",
           "repair_order_edit", "repair_order_labour", "repair_order_part", "repair_order_package",
           "repair_order_warranty", "service_packages", "check_templates", "handover", "survey",
           "follow_up_done", "health_check", "estimate", "estimates",
           "reception_car", "operation_new", "operation_edit", "labour_rates", "parts_to_prepare", "customer_note",
           "customer_merge", "stock_new", "stock_edit", "stock_arrive", "stock_cost", "stock_documents",
           "catalogue_model_new", "catalogue_model_edit", "loan_new", "policy_new", "appraisal_new",
           "appraisal_edit", "appraisal_accept", "take_in", "sales_targets_edit", "commission",
           "lead_new", "lead_edit", "lead_lost", "lead_task", "lead_task_done", "test_drive")


def test_every_screen_and_dialog_fits_1366x768_in_both_languages(tmp_path):
    out = Path(os.environ.get("FORECOURT_SCREENSHOTS") or tmp_path / "shots")
    db_path = tmp_path / "demo.db"
    demo.build(db_path, size="small", seed=1)
    env = dict(os.environ, QT_QPA_PLATFORM=screenshots.front_desk_platform(tmp_path))
    run = subprocess.run([sys.executable, "-m", "app.screenshots", str(out), "--db", str(db_path)],
                         capture_output=True, text=True, env=env, timeout=600, check=False)

    problems = [line for line in run.stdout.splitlines() if "✗" in line]
    assert problems == [], "\n".join(problems)
    assert run.returncode == 0, run.stderr[-3000:]
    for language in screenshots.LANGUAGES:
        for name in [f"screen_{s}" for s in SCREENS] + [f"dialog_{d}" for d in DIALOGS]:
            picture = out / f"{name}_{language}.png"
            assert picture.exists() and picture.stat().st_size > 5000, picture


def test_english_words_on_a_chinese_screen_are_found_but_data_codes_and_abbreviations_are_not(qapp):
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in (QLabel("保存 Save changes"), QPushButton("导出 PDF / Excel (Ctrl+E)"),
                   QLabel("列：<code>date, account</code>"), QLabel("客户：Olivia Roberts")):
        layout.addWidget(widget)
    search = QLineEdit()
    search.setPlaceholderText("搜索 VIN 或 plate")
    layout.addWidget(search)
    page.show()
    assert screenshots.english_words(page, {"olivia", "roberts"}) == ["Save", "changes", "plate"]


def test_the_screenshot_check_finds_a_heading_narrower_than_its_text(qtbot, show):
    from PySide6.QtWidgets import QTableWidget

    table = QTableWidget(1, 2)
    table.setObjectName("narrow")
    table.setHorizontalHeaderLabels(["Clocked on sold work", "Hours"])
    table.horizontalHeader().resizeSection(0, 40)
    table.resize(400, 200)
    show(table)
    problems = screenshots.elided_headers(table)
    assert len(problems) == 1 and "Clocked on sold work" in problems[0]
    table.resizeColumnsToContents()
    assert screenshots.elided_headers(table) == []
