"""Printed cash-desk documents: the receipt of a payment or refund, and a terminal's day-end report.

They look like the invoice (letterhead, bilingual headings, the embedded CJK font of
services/reports/pdf.py). Both only read; any thread. reportlab is imported on first use.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core import clock
from core.actor import Actor
from core.money import format_money
from models.billing import Allocation, Invoice, Payment
from models.crm import Customer
from services import settings
from services.billing import cashdesk, methods, payments
from services.billing.documents import METHOD_LABELS, Party, _Extras, _parties_box, _party_details, shown_tax_id
from services.permissions import require
from store.database import Database

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

RECEIPT_TITLE = "RECEIPT 收款收据"
REFUND_TITLE = "REFUND 退款单"
DAY_TITLE = "CASH DESK DAY 收银日结"


def _method(code: str, own: dict[str, str]) -> str:
    return METHOD_LABELS.get(code) or own.get(code, code)


def receipt_number(row: payments.PaymentRow) -> str:
    """The number a receipt shows: terminal, date and the end of the payment's id."""
    return f"R{row.terminal_code}-{row.paid_on:%Y%m%d}-{row.id[-6:].upper()}"


def receipt_pdf(db: Database, actor: Actor, payment_id: str, out: Path) -> Path:
    """Write the receipt of a payment (or the slip of a refund) as an A4 PDF to ``out``: who paid,
    how, how much, and which invoices it settled or that it is held as credit. Any thread."""
    require(actor, "invoice.view")
    row = payments.payment(db, actor, payment_id)
    logo = settings.get_logo(db)
    with db.read() as conn:
        dealership = settings.load(conn)
        own = methods.own_names(conn)
        c = conn.execute(select(Customer.name, Customer.address, Customer.city, Customer.postcode, Customer.phone,
                                Customer.company_reg, Customer.id_number).where(Customer.id == row.customer_id)).first()
        settled = conn.execute(select(Invoice.number, Allocation.amount, Allocation.allocated_on)
                               .join(Invoice, Invoice.id == Allocation.invoice_id)
                               .where(Allocation.payment_id == payment_id).order_by(Allocation.created_at)).all()
        original = None
        if row.refund_of_id:
            original = conn.execute(select(Payment.paid_on, Payment.method, Payment.amount)
                                    .where(Payment.id == row.refund_of_id)).first()
    customer = Party(c.name, " ".join(x for x in (c.address, c.city, c.postcode) if x), c.phone,
                     shown_tax_id(actor, c.company_reg or c.id_number, c.company_reg))
    dealer = Party(dealership.name, dealership.address, dealership.phone, dealership.tax_id)
    money = dealership.currency
    from services.reports import pdf

    def render(path: Path) -> None:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        refund = row.amount < 0
        title = REFUND_TITLE if refund else RECEIPT_TITLE
        number = receipt_number(row)
        width = pdf.CONTENT_WIDTH
        head = [("No. 编号", number), ("Date 日期", row.paid_on.isoformat()),
                ("Method 方式", _method(row.method, own)), ("Reference 参考", row.reference),
                ("Terminal 终端", row.terminal_code)]
        right: list[Flowable] = [pdf.para(title, "title"), Spacer(1, 3 * mm),
                                 pdf.key_values(head, width=width * 0.45, label_width=30 * mm, align="right")]
        extras = _Extras(dealer=dealer, customer=customer, region=dealership.country, vehicle="", credit_applied=0)
        story: list[Flowable] = [
            pdf.letterhead(name=dealer.name, logo_data=logo, right=right,
                           details=_party_details(dealer, dealership.country, tax_label="Tax ID 税号")),
            Spacer(1, 6 * mm), _parties_box(customer, extras), Spacer(1, 5 * mm),
            pdf.para(("Amount refunded 退款金额 " if refund else "Amount received 收款金额 ")
                     + format_money(abs(row.amount), money), "title"),
            Spacer(1, 4 * mm),
        ]
        if refund:
            rows = [["Refund of credit held 退还预收款", format_money(-row.amount, money, symbol=False)]]
            if original is not None:
                rows[0][0] = (f"Refund of the payment of {original.paid_on.isoformat()} · "
                              f"{_method(original.method, own)} 退还原收款")
            story.append(pdf.data_table(("Item\n项目", "Amount\n金额"), rows, widths=[width - 40 * mm, 40 * mm],
                                        align="LR", wrap=(0,)))
        else:
            rows = [[f"Invoice {n} 发票", d.isoformat(), format_money(a, money, symbol=False)] for n, a, d in settled]
            held = row.amount - sum(a for _n, a, _d in settled)
            if held:
                what = (f"Deposit held for {row.held_for} 订金 ({row.held_for})" if row.held_for
                        else "Held as customer credit 转客户预收款")
                rows.append([what, "", format_money(held, money, symbol=False)])
            story.append(pdf.data_table(("Applied to\n用于", "Date\n日期", "Amount\n金额"), rows,
                                        widths=[width - 70 * mm, 30 * mm, 40 * mm], align="LLR", wrap=(0,),
                                        totals=[["Total 合计", "", format_money(row.amount, money, symbol=False)]]))
        story += [Spacer(1, 1.5 * mm), pdf.para(f"Amounts in {money} 金额单位 {money}", "muted")]
        if row.notes:
            story += [Spacer(1, 5 * mm), pdf.para("Reason 原因" if refund else "Notes 备注", "bold"),
                      pdf.para(row.notes, "body")]
        story += [Spacer(1, 14 * mm),
                  pdf.para("Received by 收款人 ____________________      Customer 客户 ____________________", "body")]
        frame = pdf.PageFrame(footer=f"{dealer.name} · {title} {number}",
                              running_header=f"{title} {number} · {customer.name}")
        pdf.build(path, story, frame=frame, title=f"{title} {number}", author=dealer.name, subject=customer.name)

    return pdf.write(Path(out), render)


def day_report_pdf(db: Database, actor: Actor, day: date, out: Path, *, terminal: str | None = None) -> Path:
    """Write a terminal's day-end report for ``day`` as an A4 PDF to ``out``: receipts and refunds by
    method, the drawer (float, cash in and out, expected, counted, the difference and its reason) and
    every payment whose money counts in the day. An open day prints as provisional. Any thread."""
    report = cashdesk.day_report(db, actor, day=day, terminal=terminal)
    logo = settings.get_logo(db)
    with db.read() as conn:
        dealership = settings.load(conn)
        own = methods.own_names(conn)
        listed = conn.execute(
            select(Payment.paid_on, Payment.method, Payment.amount, Payment.reference, Customer.name)
            .join(Customer, Customer.id == Payment.customer_id)
            .where(cashdesk.day_payments(conn, report.terminal, day))
            .order_by(Payment.paid_on, Payment.created_at)).all()
    money = dealership.currency
    from services.reports import pdf

    def plain(minor: int) -> str:
        return format_money(minor, money, symbol=False)

    def render(path: Path) -> None:
        from reportlab.lib.units import mm
        from reportlab.platypus import KeepTogether, Spacer

        width = pdf.CONTENT_WIDTH
        state = (f"Closed 已结 {clock.local_time(report.closed_at):%Y-%m-%d %H:%M}" if report.closed
                 else "Open, provisional 未结（临时）")
        head = [("Day 日期", day.isoformat()), ("Terminal 终端", report.terminal), ("State 状态", state),
                ("Closed by 结账人", report.closed_by)]
        right: list[Flowable] = [pdf.para(DAY_TITLE, "title"), Spacer(1, 3 * mm),
                                 pdf.key_values(head, width=width * 0.45, label_width=26 * mm, align="right")]
        dealer = Party(dealership.name, dealership.address, dealership.phone, dealership.tax_id)
        story: list[Flowable] = [
            pdf.letterhead(name=dealer.name, logo_data=logo, right=right,
                           details=_party_details(dealer, dealership.country, tax_label="Tax ID 税号")),
            Spacer(1, 6 * mm), pdf.para("Receipts by method 按方式汇总", "bold"), Spacer(1, 1.5 * mm)]
        codes = list(dict.fromkeys([*report.receipts_by_method, *report.refunds_by_method]))
        rows = [[_method(m, own), plain(report.receipts_by_method.get(m, 0)), plain(report.refunds_by_method.get(m, 0)),
                 plain(report.receipts_by_method.get(m, 0) - report.refunds_by_method.get(m, 0))] for m in codes]
        story.append(pdf.data_table(
            ("Method\n方式", "Received\n收款", "Refunded\n退款", "Net\n净额"), rows or [["—", "", "", ""]],
            widths=[width - 105 * mm, 35 * mm, 35 * mm, 35 * mm], align="LRRR",
            totals=[["Total 合计", plain(report.receipts_total), plain(report.refunds_total),
                     plain(report.receipts_total - report.refunds_total)]]))
        drawer = [("Opening float 备用金", plain(report.opening_float)),
                  ("Cash received 现金收款", plain(report.cash_receipts)),
                  ("Cash refunded 现金退款", plain(report.cash_refunds)),
                  ("Expected in the drawer 应有现金", plain(report.expected_cash)),
                  ("Counted 实点现金", plain(report.counted_cash) if report.counted_cash is not None else "—"),
                  ("Difference 差额", plain(report.difference) if report.difference is not None else "—"),
                  ("Reason 差额原因", report.notes or "—")]
        story += [Spacer(1, 6 * mm), KeepTogether([
            pdf.para("Cash drawer 钱箱", "bold"), Spacer(1, 1.5 * mm),
            pdf.data_table(("Item\n项目", "Amount\n金额"), [list(d) for d in drawer],
                           widths=[width - 60 * mm, 60 * mm], align="LR", wrap=(1,), zebra=False)])]
        if report.carried_in:
            story += [Spacer(1, 2 * mm), pdf.para(
                f"{report.carried_in} payment(s) of the day before, taken after it was closed, count here. "
                f"前一日结账后收取的 {report.carried_in} 笔款项计入本日。", "muted")]
        story += [Spacer(1, 6 * mm), pdf.para("Payments 收付款明细", "bold"), Spacer(1, 1.5 * mm),
                  pdf.data_table(("Date\n日期", "Customer\n客户", "Method\n方式", "Reference\n参考", "Amount\n金额"),
                                 [[p.paid_on.isoformat(), p.name, _method(p.method, own), p.reference,
                                   plain(p.amount)] for p in listed] or [["—", "", "", "", ""]],
                                 widths=[22 * mm, width - 124 * mm, 38 * mm, 34 * mm, 30 * mm], align="LLLLR",
                                 wrap=(1, 3)),
                  Spacer(1, 1.5 * mm), pdf.para(f"Amounts in {money} 金额单位 {money}", "muted"),
                  Spacer(1, 14 * mm),
                  pdf.para("Cashier 收银员 ____________________      Checked by 复核 ____________________", "body")]
        frame = pdf.PageFrame(footer=f"{dealer.name} · {DAY_TITLE} {day.isoformat()} · {report.terminal}",
                              running_header=f"{DAY_TITLE} {day.isoformat()} · {report.terminal}")
        pdf.build(path, story, frame=frame, title=f"{DAY_TITLE} {day.isoformat()}", author=dealer.name)

    return pdf.write(Path(out), render)
