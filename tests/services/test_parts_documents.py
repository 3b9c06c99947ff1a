"""The purchase order sent to the supplier, as a PDF (read back through its extracted text) and as an
Excel workbook (read back with openpyxl)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest

from core.errors import Conflict, PermissionDenied
from services.parts import catalogue, documents, purchasing
from services.parts.catalogue import PartInput
from services.parts.purchasing import SupplierInput

SENT_ON = date(2026, 3, 2)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _order(db, owner, *, send: bool = True) -> tuple[str, str | None]:
    supplier_id = purchasing.create_supplier(db, owner, SupplierInput(
        name="华东配件有限公司", contact_name="李明", phone="021-5555-1234", email="orders@huadong.example",
        lead_time_days=5, terms="30 days net"))
    oil = catalogue.create_part(db, owner, PartInput(brand="Toyota", part_number="04152-YZZA1",
                                                     description="机油滤清器 Oil filter"))
    pads = catalogue.create_part(db, owner, PartInput(brand="Bosch", part_number="0986494123",
                                                      description="Brake pads front"))
    order_id = purchasing.create_order(db, owner, supplier_id, [(oil, 3000, 4550), (pads, 1500, 21000)],
                                       notes="Deliver before noon")
    number = purchasing.send_order(db, owner, order_id, on=SENT_ON) if send else None
    return order_id, number


def test_the_pdf_shows_number_dates_supplier_lines_and_total(db, owner, tmp_path):
    order_id, number = _order(db, owner)

    out = documents.purchase_order_pdf(db, owner, order_id, tmp_path / "po.pdf")
    text = _text(out)

    assert out == tmp_path / "po.pdf"
    assert number and number in text
    assert "PURCHASE ORDER" in text
    assert "2026-03-02" in text and "2026-03-07" in text
    assert "华东配件有限公司" in text and "李明" in text
    assert "04152-YZZA1" in text and "0986494123" in text
    assert "机油滤清器" in text
    # 3 × 45.50 = 136.50; 1.5 × 210.00 = 315.00; together 451.50
    assert "136.50" in text and "315.00" in text and "451.50" in text
    assert "DRAFT" not in text


def test_a_draft_prints_as_a_draft_without_a_number(db, owner, tmp_path):
    order_id, _number = _order(db, owner, send=False)

    text = _text(documents.purchase_order_pdf(db, owner, order_id, tmp_path / "draft.pdf"))

    assert "DRAFT" in text
    assert "04152-YZZA1" in text


def test_a_cancelled_order_is_not_printed(db, owner, tmp_path):
    order_id, _number = _order(db, owner)
    purchasing.cancel_order(db, owner, order_id)

    with pytest.raises(Conflict):
        documents.purchase_order_pdf(db, owner, order_id, tmp_path / "po.pdf")
    with pytest.raises(Conflict):
        documents.purchase_order_xlsx(db, owner, order_id, tmp_path / "po.xlsx")
    assert not list(tmp_path.glob("po*"))


def test_printing_needs_part_view(db, owner, actor_for, tmp_path):
    order_id, _number = _order(db, owner)

    with pytest.raises(PermissionDenied):
        documents.purchase_order_pdf(db, actor_for("cashier"), order_id, tmp_path / "po.pdf")


def test_the_workbook_holds_the_heading_and_numeric_lines(db, owner, tmp_path):
    order_id, number = _order(db, owner)

    out = documents.purchase_order_xlsx(db, owner, order_id, tmp_path / "po.xlsx")
    ws = openpyxl.load_workbook(out).active
    rows = [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]
    cells = [c for row in rows for c in row if c is not None]
    header_at = next(i for i, row in enumerate(rows) if row[0] == "No. 序号")
    lines = rows[header_at + 1:header_at + 3]

    assert ws.title == number
    assert number in cells and "2026-03-02" in cells
    assert any(isinstance(c, str) and "华东配件有限公司" in c for c in cells)
    assert lines[0][1:5] == ("Toyota", "04152-YZZA1", "机油滤清器 Oil filter", 3)
    assert lines[0][5:] == (45.5, 136.5)
    assert lines[1][2] == "0986494123" and lines[1][4] == 1.5 and lines[1][6] == 315
    assert rows[header_at + 3][3] == "Total 合计" and rows[header_at + 3][6] == 451.5
