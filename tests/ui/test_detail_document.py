"""Detail panes read like a document: in a narrow pane no word, date or number is broken over two
lines, numbers in the pane's tables are right-aligned, and a value wider than the pane makes it
scroll sideways rather than being cut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from services.parts import catalogue, stock
from services.parts.catalogue import PartInput
from ui.parts.parts import PartsScreen
from ui.widgets import detail
from ui.widgets.detail import Col, DetailPane


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def broken_words(doc: QTextDocument) -> list[str]:
    """Every place where the laid-out document breaks a line inside a word (letters or digits on
    both sides of the break), as 'before/after'."""
    broken = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            at = line.textStart() + line.textLength()
            if 0 < at < len(text):
                before, after = text[at - 1], text[at]
                if not (before.isspace() or after.isspace() or _is_cjk(before) or _is_cjk(after)):
                    broken.append(f"{text[max(0, at - 8):at]}/{text[at:at + 8]}")
        block = block.next()
    return broken


def _alignment_of(doc: QTextDocument, text: str) -> Qt.AlignmentFlag:
    """The alignment of the last paragraph (table cell) that holds just ``text``."""
    found = None
    block = doc.begin()
    while block.isValid():
        if block.text() == text:
            found = block.blockFormat().alignment()
        block = block.next()
    assert found is not None, f"{text!r} is not in the pane"
    return found


def test_a_narrow_pane_breaks_lines_only_between_words(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(170, 400)
    pane.show()
    pane.setHtml(detail.heading("CNT1-2026-000065") + detail.fields([("Started", "2026-12-02")]) + detail.table(
        [Col.atom("Date"), Col("Type"), Col.number("Quantity"), Col.number("Unit cost")],
        [("2026-12-02", "Receipt from supplier", "1,234.5", "¥12,345,678.00")]))
    qtbot.waitUntil(lambda: pane.document().pageCount() >= 1)

    assert broken_words(pane.document()) == []
    # Too wide to fit: it scrolls sideways instead of being cut or split.
    assert pane.horizontalScrollBar().maximum() > 0
    assert _alignment_of(pane.document(), "1,234.5") & Qt.AlignmentFlag.AlignRight
    assert _alignment_of(pane.document(), "¥12,345,678.00") & Qt.AlignmentFlag.AlignRight


def test_the_parts_pane_keeps_its_numbers_whole_and_right_aligned(db, owner, window, settle, select_row):
    part_id = catalogue.create_part(db, owner, PartInput(
        brand="Toyota", part_number="04152-YZZA6-LONG-NUMBER", description="Oil filter element",
        category="Filters", bin="A-01", retail_price=12000, list_cost=6000))
    stock.adjust(db, owner, part_id, 1234500, "Opening stock", unit_cost=1234567)
    page = window.show_page("parts")
    assert isinstance(page, PartsScreen)
    settle()
    page.list.reload()
    settle()
    select_row(page, part_id)
    page.detail.resize(220, page.detail.height())
    page.detail.setFixedWidth(220)
    text = page.detail.toPlainText()
    assert "Quantity" in text

    assert isinstance(page.detail, DetailPane)
    assert broken_words(page.detail.document()) == []
    assert _alignment_of(page.detail.document(), "1234.5") & Qt.AlignmentFlag.AlignRight
