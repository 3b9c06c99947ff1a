"""The purchase order as the supplier receives it: an A4 PDF or an Excel workbook.

Both show the dealership's letterhead, the order number and dates, the supplier, one row per line
(brand, part number, description, quantity, unit cost, line total) and the total. Only an order that
has been sent (or received, or closed) is a purchase order; a draft prints as a proof marked
"DRAFT 草稿" without a number, and a cancelled order does not print. Headings are bilingual, as on the
dealership's other documents. Files are written beside their destination and renamed into place.
reportlab and openpyxl are imported on first use, not when this module is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.actor import Actor
from core.errors import Conflict, NotFound
from core.messages import msg
from core.money import format_money
from core.quantities import quantity_text
from models.parts import Supplier
from services import files, settings
from services.billing.totals import line_cost
from services.parts import purchasing
from services.parts.purchasing import OrderView
from services.permissions import require
from services.validation import format_phone
from store.database import Database

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

PO_TITLE = "PURCHASE ORDER 采购订单"
DRAFT_STAMP = "DRAFT 草稿"
PRINTABLE_STATUSES = ("draft", "sent", "partly_received", "received", "closed")
LINE_HEADER = ("No.\n序号", "Brand\n品牌", "Part number\n零件号", "Description\n品名", "Qty\n数量",
               "Unit cost\n单价", "Total\n金额")
XLSX_HEADER = ("No. 序号", "Brand 品牌", "Part number 零件号", "Description 品名", "Qty 数量", "Unit cost 单价",
               "Total 金额")


@dataclass(frozen=True)
class _Sheet:
    """Everything a purchase order document shows."""

    order: OrderView
    dealer_name: str
    dealer_lines: list[str]
    supplier_lines: list[str]
    currency: str
    logo: bytes | None

    @property
    def draft(self) -> bool:
        return self.order.status == "draft"

    @property
    def number(self) -> str:
        return self.order.number or "—"

    def line_totals(self) -> list[int]:
        return [line_cost(quantity_milli=line.quantity, unit_cost=line.unit_cost) for line in self.order.lines]


def _load(db: Database, actor: Actor, order_id: str) -> _Sheet:
    require(actor, "part.view")
    order = purchasing.get_order(db, actor, order_id)
    if order.status not in PRINTABLE_STATUSES:
        raise Conflict(msg("{value0} is cancelled and is not sent to the supplier",
                           value0=order.number or 'The draft order'))
    logo = settings.get_logo(db)
    with db.read() as conn:
        dealer = settings.load(conn)
        supplier = conn.execute(select(Supplier.__table__).where(Supplier.id == order.supplier_id)).first()
        if supplier is None:
            raise NotFound(msg("The supplier no longer exists"))
        supplier_lines = [x for x in (
            supplier.contact_name and f"Attn. 联系人 {supplier.contact_name}", supplier.address,
            supplier.phone and f"Tel 电话 {format_phone(supplier.phone, dealer.country)}", supplier.email,
            supplier.terms and f"Terms 条款 {supplier.terms}") if x]
        supplier_lines.insert(0, supplier.name)
    dealer_phone = dealer.phone and f"Tel 电话 {format_phone(dealer.phone, dealer.country)}"
    dealer_lines = [x for x in (dealer.address, dealer_phone, dealer.email,
                                dealer.tax_id and f"Tax ID 税号 {dealer.tax_id}") if x]
    return _Sheet(order=order, dealer_name=dealer.name, dealer_lines=dealer_lines, supplier_lines=supplier_lines,
                  currency=dealer.currency, logo=logo)


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _plain(minor: int, currency: str) -> str:
    return format_money(minor, currency, symbol=False)


# --- PDF ------------------------------------------------------------------------------------------

def purchase_order_pdf(db: Database, actor: Actor, order_id: str, out: Path) -> Path:
    """Write the purchase order as an A4 PDF to ``out`` and return ``out``. Needs ``part.view``; a
    draft prints as a DRAFT proof, a cancelled order is refused (Conflict). Read-only; any thread."""
    sheet = _load(db, actor, order_id)
    from services.reports import pdf

    return pdf.write(Path(out), lambda tmp: _render_pdf(tmp, sheet))


def _render_pdf(path: Path, sheet: _Sheet) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from services.reports import pdf

    order, money = sheet.order, sheet.currency
    width = pdf.CONTENT_WIDTH
    head = [("No. 编号", sheet.number), ("Order date 订货日期", _date(order.ordered_on)),
            ("Expected 预计到货", _date(order.expected_on))]
    right: list[Flowable] = [pdf.para(PO_TITLE, "title"), Spacer(1, 3 * mm),
                             pdf.key_values(head, width=width * 0.45, label_width=34 * mm, align="right")]
    supplier_cell: list[Flowable] = [pdf.para("Supplier 供应商", "label"), pdf.para(sheet.supplier_lines[0], "bold")]
    supplier_cell += [pdf.para(x, "small") for x in sheet.supplier_lines[1:]]
    deliver_cell: list[Flowable] = [pdf.para("Deliver to 收货方", "label"), pdf.para(sheet.dealer_name, "bold")]
    deliver_cell += [pdf.para(x, "small") for x in sheet.dealer_lines[:2]]
    box = Table([[supplier_cell, deliver_cell]], colWidths=[width * 0.55, width * 0.45])
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.6, pdf.RULE),
                             ("LINEAFTER", (0, 0), (0, 0), 0.4, pdf.RULE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm), ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story: list[Flowable] = [
        pdf.letterhead(name=sheet.dealer_name, details=sheet.dealer_lines, logo_data=sheet.logo, right=right),
        Spacer(1, 6 * mm), box, Spacer(1, 5 * mm),
    ]
    totals = sheet.line_totals()
    rows = [[str(line.line_no), line.brand, line.part_number, line.description, quantity_text(line.quantity),
             _plain(line.unit_cost, money), _plain(total, money)]
            for line, total in zip(order.lines, totals, strict=True)]
    fixed = [9, 22, 32, 0, 15, 22, 24]
    widths = [w * mm for w in fixed]
    widths[3] = width - sum(widths)
    total_row = [["", "", "", "Total 合计", "", "", _plain(sum(totals), money)]]
    story.append(pdf.data_table(LINE_HEADER, rows, widths=widths, align="RLLLRRR", wrap=(1, 2, 3),
                                totals=total_row))
    story += [Spacer(1, 1.5 * mm), pdf.para(f"Amounts in {money} 金额单位 {money}", "muted")]
    if order.notes:
        story += [Spacer(1, 5 * mm), KeepTogether([pdf.para("Notes 备注", "bold"), pdf.para(order.notes, "body")])]
    if sheet.draft:
        story += [Spacer(1, 5 * mm),
                  pdf.para("This is a draft for checking, not an order. 此为草稿，仅供核对，不作为订单。", "bold")]
    frame = pdf.PageFrame(footer=f"{sheet.dealer_name} · {PO_TITLE} {sheet.number}",
                          running_header=f"{PO_TITLE} {sheet.number} · {sheet.supplier_lines[0]}",
                          stamp=DRAFT_STAMP if sheet.draft else "")
    pdf.build(path, story, frame=frame, title=f"{PO_TITLE} {sheet.number}", author=sheet.dealer_name,
              subject=sheet.supplier_lines[0])


# --- Excel ----------------------------------------------------------------------------------------

def purchase_order_xlsx(db: Database, actor: Actor, order_id: str, out: Path) -> Path:
    """Write the purchase order as an .xlsx workbook to ``out`` and return ``out``: a heading block
    (dealership, number, dates, supplier) above a table of the lines with numeric quantity, unit cost
    and total cells, and the total under it. Needs ``part.view``; a draft is titled DRAFT, a cancelled
    order is refused (Conflict). Read-only; any thread."""
    sheet = _load(db, actor, order_id)

    with files.atomic_output(Path(out)) as tmp:
        _render_xlsx(tmp, sheet)
    return Path(out)


def _render_xlsx(path: Path, sheet: _Sheet) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from core.money import digits as currency_digits

    order = sheet.order
    digits = currency_digits(sheet.currency)
    scale = 10 ** digits
    money_format = "#,##0" if digits == 0 else "#,##0." + "0" * digits
    wb = Workbook()
    ws = wb.active
    ws.title = (order.number or "DRAFT")[:31]
    bold = Font(bold=True)
    ws.append([f"{PO_TITLE} ({DRAFT_STAMP})" if sheet.draft else PO_TITLE])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([sheet.dealer_name])
    for line in sheet.dealer_lines:
        ws.append([line])
    ws.append([])
    for label, value in (("No. 编号", sheet.number), ("Order date 订货日期", _date(order.ordered_on)),
                         ("Expected 预计到货", _date(order.expected_on)),
                         ("Supplier 供应商", "\n".join(sheet.supplier_lines)),
                         ("Currency 币种", sheet.currency), ("Notes 备注", order.notes)):
        ws.append([label, value])
        ws.cell(ws.max_row, 1).font = bold
        ws.cell(ws.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([])
    ws.append(list(XLSX_HEADER))
    header_row = ws.max_row
    fill = PatternFill("solid", fgColor="E5E7EB")
    for cell in ws[header_row]:
        cell.font, cell.fill = bold, fill
    totals = sheet.line_totals()
    for line, total in zip(order.lines, totals, strict=True):
        ws.append([line.line_no, line.brand, line.part_number, line.description, line.quantity / 1000,
                   line.unit_cost / scale, total / scale])
        ws.cell(ws.max_row, 5).number_format = "0.###"
        ws.cell(ws.max_row, 6).number_format = money_format
        ws.cell(ws.max_row, 7).number_format = money_format
    ws.append(["", "", "", "Total 合计", "", "", sum(totals) / scale])
    for cell in ws[ws.max_row]:
        cell.font = bold
    ws.cell(ws.max_row, 7).number_format = money_format
    for letter, width in zip("ABCDEFG", (18, 14, 20, 42, 10, 14, 16), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    files.keep_text(ws)
    wb.save(path)
