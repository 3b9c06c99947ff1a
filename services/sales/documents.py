"""The quotation PDF (报价单): the deal's vehicle, options, accessories, fees and insurance with their
discounts, the totals, the trade-in allowance and what is left to pay, in English and Chinese, with
the CJK font embedded (services/reports/pdf.py). reportlab is imported on first use."""

from __future__ import annotations

from pathlib import Path

from core.actor import Actor
from core.money import format_money
from core.quantities import quantity_text
from services import files, settings
from services.permissions import require
from services.sales import deals
from services.sales.deals import DealView
from store.database import Database

QUOTATION_TITLE = "QUOTATION 报价单"
KIND_LABELS = {"vehicle": "Vehicle 车辆", "option": "Option 选装", "accessory": "Accessory 精品附件",
               "fee": "Fee 费用", "insurance": "Insurance 保险"}
# The lines the deal keeps itself, named in both languages whatever was stored.
AUTOMATIC_LABELS = deals.ON_INVOICE
LINE_HEADER = ("#", "Item\n项目", "Description\n说明", "Qty\n数量", "Unit price\n单价", "Discount\n优惠", "Total\n金额")


def quotation_pdf(db: Database, actor: Actor, deal_id: str, out: Path) -> Path:
    """Write the deal's quotation as an A4 PDF to ``out`` and return ``out``. Any thread but the GUI's."""
    require(actor, "deal.view")
    view = deals.get(db, actor, deal_id)
    dealer = settings.get(db)
    logo = settings.get_logo(db)
    with files.atomic_output(Path(out)) as tmp:
        _render(tmp, view, dealer, logo)
    return Path(out)


def _plain(minor: int, currency: str) -> str:
    return format_money(minor, currency, symbol=False)


def _description(line, view: DealView, money: str) -> str:
    if line.automatic != deals.NEGATIVE_EQUITY:
        return line.description
    return (f"{AUTOMATIC_LABELS[line.automatic]}: finance settled 贷款结清 {_plain(view.trade_in_outstanding, money)}"
            f" − allowance 置换补贴 {_plain(view.trade_in_allowance, money)}")


def _render(path: Path, view: DealView, dealer, logo: bytes | None) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from services.reports import pdf

    money = view.currency
    width = pdf.CONTENT_WIDTH
    head = [("No. 编号", view.number), ("Date 日期", view.quoted_on.isoformat()),
            ("Salesperson 销售顾问", view.salesperson)]
    right = [pdf.para(QUOTATION_TITLE, "title"), Spacer(1, 3 * mm),
             pdf.key_values(head, width=width * 0.45, label_width=38 * mm, align="right")]
    details = [x for x in (dealer.address, dealer.phone, f"Tax ID 税号 {dealer.tax_id}" if dealer.tax_id else "") if x]
    story = [pdf.letterhead(name=dealer.name, details=details, logo_data=logo, right=right), Spacer(1, 6 * mm),
             pdf.key_values([("Customer 客户", view.customer_name),
                             ("Vehicle 车辆", f"{view.vehicle_name} · {view.stock_number}".strip(" ·")),
                             ("VIN 车架号", view.vin)], width=width, label_width=32 * mm),
             Spacer(1, 5 * mm)]
    rows = [[str(line.line_no), KIND_LABELS.get(line.kind, line.kind), _description(line, view, money),
             quantity_text(line.quantity_milli), _plain(line.unit_price, money),
             _plain(line.discount + line.deal_discount, money) if line.discount + line.deal_discount else "",
             _plain(line.total, money)] for line in view.lines]
    fixed = [9, 26, 0, 12, 24, 22, 26]
    widths = [w * mm for w in fixed]
    widths[2] = width - sum(widths)
    story.append(pdf.data_table(LINE_HEADER, rows, widths=widths, align="RLLRRRR", wrap=(2,)))
    story.append(Spacer(1, 5 * mm))
    totals = [("Price 车价及附加", _plain(view.price, money)), ("Discount 优惠", _plain(view.discount, money)),
              ("Total 合计（含税）", _plain(view.total, money)),
              ("of which tax 其中税额", _plain(view.tax_total, money))]
    # Negative equity is a line of the total (its description shows the allowance and the finance).
    if view.trade_in_allowance >= view.trade_in_outstanding:
        if view.trade_in_allowance:
            totals.append(("Trade-in allowance 置换补贴", _plain(view.trade_in_allowance, money)))
        if view.trade_in_outstanding:
            totals.append(("Trade-in finance settled 置换车贷款结清", _plain(view.trade_in_outstanding, money)))
    if view.deposit:
        totals.append(("Deposit paid 已付定金", _plain(view.deposit, money)))
    totals.append(("To pay 应付", _plain(view.to_pay - view.deposit, money)))
    story.append(pdf.key_values(totals, width=width * 0.55, label_width=width * 0.33, align="right"))
    story += [Spacer(1, 2 * mm), pdf.para(f"Amounts in {money} 金额单位 {money}", "muted")]
    if view.notes:
        story += [Spacer(1, 5 * mm), pdf.para("Notes 备注", "bold"), pdf.para(view.notes, "body")]
    story += [Spacer(1, 6 * mm),
              pdf.para("This quotation is not an invoice. 本报价单不作为发票。", "muted")]
    frame = pdf.PageFrame(footer=f"{dealer.name} · {QUOTATION_TITLE} {view.number}",
                          running_header=f"{QUOTATION_TITLE} {view.number} · {view.customer_name}")
    pdf.build(path, story, frame=frame, title=f"{QUOTATION_TITLE} {view.number}", author=dealer.name,
              subject=view.customer_name)
