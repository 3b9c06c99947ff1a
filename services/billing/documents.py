"""Printed billing documents: invoice, credit note and customer statement PDFs (DESIGN §9).

An invoice prints the dealership's and customer's details as copied onto it at posting, never the
current ones (only the logo is today's). Every print of a posted invoice is counted; every print after
the first is marked "COPY 副本" on each page, so that only one original exists. A draft prints as a
proof marked "DRAFT 草稿" with today's details; it is not counted and has no number.

Headings are bilingual (English and Chinese), as is usual on a Chinese dealership's documents. A file
is written beside its destination and renamed into place, so a half-written PDF is never seen.
reportlab is imported on first use, not when this module is imported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.actor import Actor
from core.errors import NotFound
from core.messages import msg
from core.money import format_money, format_rate
from core.quantities import quantity_text
from models.billing import Allocation, Invoice
from models.crm import Customer
from models.vehicles import Vehicle
from services import files, settings
from services.billing import invoices, receivables
from services.billing.invoices import InvoiceView
from services.permissions import require
from store.database import Database
from store.uow import UnitOfWork, action

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from services.billing.receivables import StatementData

INVOICE_TITLE = "INVOICE 发票"
CREDIT_NOTE_TITLE = "CREDIT NOTE 红字发票"
STATEMENT_TITLE = "STATEMENT 对账单"
COPY_STAMP = "COPY 副本"
DRAFT_STAMP = "DRAFT 草稿"

KIND_LABELS = {
    "vehicle_sale": "Vehicle sale 整车销售",
    "workshop": "Workshop 维修",
    "counter_sale": "Counter sale 配件销售",
    "other": "Other 其他",
    "credit_note": "Credit note 红字发票",
}
METHOD_LABELS = {
    "cash": "Cash 现金",
    "wechat_pay": "WeChat Pay 微信支付",
    "alipay": "Alipay 支付宝",
    "unionpay_card": "UnionPay card 银联卡",
    "card": "Card 刷卡",
    "bank_transfer": "Bank transfer 银行转账",
    "finance_payout": "Finance payout 金融放款",
    "insurance_payout": "Insurance payout 保险赔付",
    "voucher": "Voucher 代金券",
    "trade_in": "Trade-in 置换车辆",
    "deposit": "Deposit 定金",
}
ENTRY_LABELS = {
    "invoice": "Invoice 发票",
    "credit_note": "Credit note 红字发票",
    "payment": "Payment 收款",
    "refund": "Refund 退款",
}

LINE_HEADER = ("No.\n序号", "Code\n编码", "Description\n品名", "Qty\n数量", "Unit price\n单价", "Discount\n折扣",
               "Rate\n税率", "Net\n金额", "Tax\n税额", "Total\n价税合计")


@dataclass(frozen=True)
class Party:
    name: str
    address: str
    phone: str
    tax_id: str


@dataclass(frozen=True)
class TaxBand:
    """The lines of one tax rate on a document, summed."""

    tax_code: str
    rate_bp: int
    net: int
    tax: int
    total: int


def tax_summary(view: InvoiceView) -> list[TaxBand]:
    """Net, tax and total per tax rate: the sums of the invoice's lines, highest rate first."""
    sums: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in view.lines:
        band = sums[(line.tax_code, line.tax_rate_bp)]
        band[0] += line.net
        band[1] += line.tax
        band[2] += line.total
    return [TaxBand(code, rate, *amounts)
            for (code, rate), amounts in sorted(sums.items(), key=lambda kv: (-kv[0][1], kv[0][0]))]


# --- what an invoice shows besides its InvoiceView ------------------------------------------------

@dataclass(frozen=True)
class _Extras:
    dealer: Party
    customer: Party
    region: str
    vehicle: str
    credit_applied: int  # credit notes: how much of it settled invoices


def shown_tax_id(actor: Actor, tax_id: str, company_reg: str) -> str:
    """A customer's tax number on a document as ``actor`` may see it: a company's credit code as it
    is, a person's ID number masked without ``customer.view_id`` (as on screen and in exports)."""
    from services.customers import shown_id

    return tax_id if not tax_id or tax_id == company_reg else shown_id(actor, tax_id)


def _extras(conn_or_session, view: InvoiceView, actor: Actor) -> _Extras:
    dealership = settings.load(conn_or_session)
    if view.status == "posted":
        snap = view.snapshot
        dealer = Party(snap["dealer_name"], snap["dealer_address"], snap["dealer_phone"], snap["dealer_tax_id"])
        customer = Party(snap["customer_name"], snap["customer_address"], snap["customer_phone"],
                         snap["customer_tax_id"])
    else:
        # A draft has no snapshot yet: its proof shows what posting it now would copy.
        dealer = Party(dealership.name, dealership.address, dealership.phone, dealership.tax_id)
        c = conn_or_session.execute(select(Customer.name, Customer.address, Customer.city, Customer.postcode,
                                           Customer.phone, Customer.company_reg, Customer.id_number)
                                    .where(Customer.id == view.customer_id)).first()
        customer = Party(c.name, " ".join(x for x in (c.address, c.city, c.postcode) if x), c.phone,
                         c.company_reg or c.id_number) if c else Party(view.customer_name, "", "", "")
    vehicle = ""
    if view.vehicle is not None and view.kind == "vehicle_sale":
        # What a Chinese vehicle-sale invoice (整车销售发票) must carry.
        v = view.vehicle
        vehicle = "\n".join(x for x in (f"Make 品牌 {v.make}", f"Model 车型 {v.model}", f"VIN 车架号 {v.vin}",
                                        f"Engine no. 发动机号 {v.engine_number}",
                                        f"Certificate no. 车辆合格证号 {v.certificate_number}") if x)
    elif view.vehicle_id:
        v = conn_or_session.execute(select(Vehicle.make, Vehicle.model, Vehicle.variant, Vehicle.vin, Vehicle.plate)
                                    .where(Vehicle.id == view.vehicle_id)).first()
        if v is not None:
            vehicle = "\n".join(x for x in (" ".join(y for y in (v.make, v.model, v.variant) if y),
                                            f"VIN 车架号 {v.vin}", f"Plate 车牌 {v.plate}" if v.plate else "",
                                            f"Mileage 里程 {view.mileage_km:,} km" if view.mileage_km is not None
                                            else "") if x)
    company_reg = conn_or_session.execute(select(Customer.company_reg)
                                          .where(Customer.id == view.customer_id)).scalar() or ""
    customer = Party(customer.name, customer.address, customer.phone,
                     shown_tax_id(actor, customer.tax_id, company_reg))
    applied = 0
    if view.kind == "credit_note":
        applied = conn_or_session.execute(select(func.coalesce(func.sum(Allocation.amount), 0))
                                          .where(Allocation.credit_note_id == view.id)).scalar_one()
    return _Extras(dealer=dealer, customer=customer, region=dealership.country, vehicle=vehicle,
                   credit_applied=applied)


def _phone(phone: str, region: str) -> str:
    from services.validation import format_phone

    return format_phone(phone, region)


# --- invoice and credit note ----------------------------------------------------------------------

def invoice_pdf(db: Database, actor: Actor, invoice_id: str, out: Path, *, count: bool = True) -> Path:
    """Write the invoice or credit note as an A4 PDF to ``out`` and return ``out``.

    A posted document's print count goes up by one with each call, in the same write transaction
    that reads it, so two prints at once cannot both be the original; the count is committed before
    the file is moved into place (if that move fails, the next print is a COPY: a second original
    is the worse mistake). Everything else the document shows is read before that transaction, so
    the write lock is held only while the page is drawn. A draft prints as an uncounted DRAFT proof
    and writes nothing. Needs ``invoice.view``. Runs on the database worker thread (it writes).

    Without ``count`` the file is what the next print will be (the original, or a COPY) and nothing
    is counted: for a print that counts only once it was sent (:func:`record_print`).
    """
    require(actor, "invoice.view")
    view = invoices.get(db, actor, invoice_id)
    logo = settings.get_logo(db)
    with db.read() as conn:
        extras = _extras(conn, view, actor)

    with files.atomic_output(Path(out)) as tmp:
        if view.status == "posted" and not count:
            _render_invoice(tmp, view, extras, logo=logo, stamp=COPY_STAMP if view.print_count > 0 else "")
        elif view.status != "posted":
            _render_invoice(tmp, view, extras, logo=logo, stamp=DRAFT_STAMP)
        else:
            with UnitOfWork(db, actor) as uow:
                session = uow.session
                row = session.get(Invoice, invoice_id)
                if row is None:
                    raise NotFound(msg("The invoice no longer exists"))
                _render_invoice(tmp, view, extras, logo=logo, stamp=COPY_STAMP if row.print_count > 0 else "")
                row.print_count += 1
                uow.commit()
    return Path(out)


def record_print_in(uow: UnitOfWork, invoice_id: str) -> int:
    """Count one print of a posted invoice that was sent to a printer; returns the new count (a draft
    is not counted: 0)."""
    require(uow.actor, "invoice.view")
    row = uow.session.get(Invoice, invoice_id)
    if row is None:
        raise NotFound("The invoice no longer exists")
    if row.status != "posted":
        return 0
    row.print_count += 1
    return row.print_count


record_print = action(record_print_in)


def _render_invoice(path: Path, view: InvoiceView, extras: _Extras, *, logo: bytes | None, stamp: str) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from services.reports import pdf

    money = view.currency
    is_credit = view.kind == "credit_note"
    title = CREDIT_NOTE_TITLE if is_credit else INVOICE_TITLE
    number = view.number or "—"
    dealer, customer = extras.dealer, extras.customer
    width = pdf.CONTENT_WIDTH

    head: list[tuple[str, str]] = [("No. 编号", number), ("Type 类型", KIND_LABELS.get(view.kind, view.kind)),
                                   ("Issue date 开票日期", _date(view.issued_on))]
    if is_credit:
        head.append(("Credits invoice 原发票", view.credited_number or ""))
    else:
        head += [("Due date 到期日", _date(view.due_on)), ("Reference 参考", view.reference)]
    right_w = width * 0.45
    right: list[Flowable] = [pdf.para(title, "title"), Spacer(1, 3 * mm),
                             pdf.key_values(head, width=right_w, label_width=34 * mm, align="right")]
    story: list[Flowable] = [
        pdf.letterhead(name=dealer.name, details=_party_details(dealer, extras.region, tax_label="Tax ID 税号"),
                       logo_data=logo, right=right),
        Spacer(1, 6 * mm),
        _parties_box(customer, extras),
        Spacer(1, 5 * mm),
    ]

    rows = [[str(line.line_no), line.item_code, line.description, quantity_text(line.quantity_milli),
             _plain(line.unit_price, money), _plain(line.discount, money) if line.discount else "",
             format_rate(line.tax_rate_bp), _plain(line.net, money), _plain(line.tax, money),
             _plain(line.total, money)] for line in view.lines]
    fixed = [9, 19, 0, 12, 19, 16, 11, 19, 16, 20]
    widths = [w * mm for w in fixed]
    widths[2] = width - sum(widths)
    story.append(pdf.data_table(LINE_HEADER, rows, widths=widths, align="RLLRRRRRRR", wrap=(1, 2)))
    basis = "include tax 单价含税" if view.prices_include_tax else "exclude tax 单价不含税"
    story += [Spacer(1, 1.5 * mm), pdf.para(f"Amounts in {money} 金额单位 {money} · Unit prices {basis}", "muted"),
              Spacer(1, 5 * mm)]

    bands = tax_summary(view)
    summary = pdf.data_table(
        ("Tax rate\n税率", "Net\n金额", "Tax\n税额", "Total\n合计"),
        [[f"{b.tax_code} {format_rate(b.rate_bp)}".strip(), _plain(b.net, money), _plain(b.tax, money),
          _plain(b.total, money)] for b in bands],
        widths=[30 * mm, 24 * mm, 22 * mm, 24 * mm], align="LRRR", zebra=False)
    totals = _totals_block(view, extras, width=80 * mm)
    bottom = Table([[[pdf.para("Tax summary 税额汇总", "bold"), Spacer(1, 1.5 * mm), summary], totals]],
                   colWidths=[width - 80 * mm, 80 * mm])
    bottom.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([bottom]))
    if view.notes:
        story += [Spacer(1, 5 * mm), pdf.para("Reason 原因" if is_credit else "Notes 备注", "bold"),
                  pdf.para(view.notes, "body")]
    if view.status != "posted":
        story += [Spacer(1, 5 * mm),
                  pdf.para("This is a draft for checking, not an invoice. 此为草稿，仅供核对，不作为发票。", "bold")]

    frame = pdf.PageFrame(footer=f"{dealer.name} · {title} {number}",
                          running_header=f"{title} {number} · {customer.name}", stamp=stamp)
    pdf.build(path, story, frame=frame, title=f"{title} {number}", author=dealer.name, subject=customer.name)


def _totals_block(view: InvoiceView, extras: _Extras, *, width: float) -> Flowable:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from services.reports import pdf

    money = view.currency
    if view.kind == "credit_note":
        rows = [("Net 不含税金额", view.net_total), ("Tax 税额", view.tax_total), ("Credit total 红字合计", view.total),
                ("Applied to invoices 已冲抵", extras.credit_applied),
                ("Customer credit 转客户余额", view.total - extras.credit_applied)]
    else:
        rows = [("Net 不含税金额", view.net_total), ("Tax 税额", view.tax_total), ("Total 价税合计", view.total),
                ("Paid 已付", view.paid), ("Balance due 应付余额", view.balance)]
    data = []
    for i, (label, amount) in enumerate(rows):
        strong = i in (2, 4)
        data.append([pdf.para(label, "bold" if strong else "body"),
                     pdf.para(format_money(amount, money), "big_right" if i == 2 else
                              "bold_right" if strong else "right")])
    table = Table(data, colWidths=[width - 34 * mm, 34 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEABOVE", (0, 2), (-1, 2), 0.8, pdf.INK),
        ("BACKGROUND", (0, 2), (-1, 2), pdf.HEAD_FILL),
        ("LINEABOVE", (0, 3), (-1, 3), 0.4, pdf.RULE),
        ("LINEABOVE", (0, 4), (-1, 4), 0.4, pdf.RULE),
        ("LINEBELOW", (0, 4), (-1, 4), 0.8, pdf.INK),
    ]))
    return table


def _parties_box(customer: Party, extras: _Extras) -> Flowable:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from services.reports import pdf

    width = pdf.CONTENT_WIDTH
    left: list[Flowable] = [pdf.para("Customer 购买方", "label"), pdf.para(customer.name, "bold")]
    details = _party_details(customer, extras.region, tax_label="Tax / ID No. 税号/证件号")
    left += [pdf.para(x, "small") for x in details]
    right: list[Flowable] = []
    if extras.vehicle:
        right = [pdf.para("Vehicle 车辆", "label"), pdf.para(extras.vehicle, "small")]
    table = Table([[left, right]], colWidths=[width * 0.55, width * 0.45])
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, pdf.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if extras.vehicle:
        commands.append(("LINEAFTER", (0, 0), (0, 0), 0.4, pdf.RULE))
    table.setStyle(TableStyle(commands))
    return table


def _party_details(party: Party, region: str, *, tax_label: str) -> list[str]:
    return [x for x in (party.address, f"Tel 电话 {_phone(party.phone, region)}" if party.phone else "",
                        f"{tax_label} {party.tax_id}" if party.tax_id else "") if x]


def _plain(minor: int, currency: str) -> str:
    return format_money(minor, currency, symbol=False)


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


# --- statement ------------------------------------------------------------------------------------

def statement_pdf(db: Database, actor: Actor, customer_id: str, out: Path, *, start: date, end: date) -> Path:
    """Write the customer's statement for ``start``–``end`` (opening balance, movements with a running
    balance, closing balance, aging at ``end``) as an A4 PDF to ``out`` and return ``out``. Needs
    ``receivables.view``. Read-only; any thread."""
    require(actor, "receivables.view")
    data = receivables.statement(db, actor, customer_id, start=start, end=end)
    logo = settings.get_logo(db)
    with db.read() as conn:
        region = settings.load(conn).country
    from services.reports import pdf

    return pdf.write(Path(out), lambda tmp: _render_statement(tmp, data, region=region, logo=logo))


def _render_statement(path: Path, data: StatementData, *, region: str, logo: bytes | None) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    from services.reports import pdf

    money = data.currency
    width = pdf.CONTENT_WIDTH
    dealer = Party(data.dealer_name, data.dealer_address, data.dealer_phone, data.dealer_tax_id)
    customer = Party(data.customer_name, data.customer_address, data.customer_phone, data.customer_tax_id)
    head = [("Period 期间", f"{_date(data.start)} – {_date(data.end)}"),
            ("Closing balance 期末余额", format_money(data.closing_balance, money))]
    right: list[Flowable] = [pdf.para(STATEMENT_TITLE, "title"), Spacer(1, 3 * mm),
                             pdf.key_values(head, width=width * 0.45, label_width=40 * mm, align="right")]
    dealer_details = _party_details(dealer, region, tax_label="Tax ID 税号")
    if data.dealer_email:
        dealer_details.append(data.dealer_email)
    extras = _Extras(dealer=dealer, customer=customer, region=region, vehicle="", credit_applied=0)
    story: list[Flowable] = [
        pdf.letterhead(name=dealer.name, details=dealer_details, logo_data=logo, right=right),
        Spacer(1, 6 * mm),
        _parties_box(customer, extras),
        Spacer(1, 5 * mm),
    ]
    rows = [[_date(data.start), "Opening balance 期初余额", "", "", "", "", _plain(data.opening_balance, money)]]
    for e in data.entries:
        label = ENTRY_LABELS.get(e.kind, e.kind)
        if e.method:
            label = f"{label} · {METHOD_LABELS.get(e.method, e.method)}"
        rows.append([_date(e.on), label, e.number, e.reference, _plain(e.debit, money) if e.debit else "",
                     _plain(e.credit, money) if e.credit else "", _plain(e.balance, money)])
    debit = sum(e.debit for e in data.entries)
    credit = sum(e.credit for e in data.entries)
    totals = [["", "Closing balance 期末余额", "", "", _plain(debit, money), _plain(credit, money),
               _plain(data.closing_balance, money)]]
    fixed = [19, 0, 31, 31, 21, 21, 22]
    widths = [w * mm for w in fixed]
    widths[1] = width - sum(widths)
    story.append(pdf.data_table(
        ("Date\n日期", "Entry\n摘要", "Document\n单据号", "Reference\n参考", "Debit\n借方", "Credit\n贷方",
         "Balance\n余额"), rows, widths=widths, align="LLLLRRR", wrap=(1, 3), totals=totals))
    story += [Spacer(1, 1.5 * mm), pdf.para(f"Amounts in {money} 金额单位 {money}", "muted"), Spacer(1, 6 * mm)]
    a = data.aging
    aging = pdf.data_table(
        ("Current\n未到期", "1–30 days\n1–30天", "31–60 days\n31–60天", "61–90 days\n61–90天",
         "Over 90 days\n90天以上", "Credit\n预收/贷项", "Total\n合计"),
        [[_plain(x, money) for x in (a.current, a.d1_30, a.d31_60, a.d61_90, a.over_90, a.credit, a.total)]],
        widths=[width / 7] * 7, align="RRRRRRR", zebra=False)
    story.append(KeepTogether([pdf.para(f"Aging at {_date(data.end)} 账龄", "bold"), Spacer(1, 1.5 * mm), aging]))
    frame = pdf.PageFrame(footer=f"{dealer.name} · {STATEMENT_TITLE} · {customer.name}",
                          running_header=f"{STATEMENT_TITLE} {_date(data.start)} – {_date(data.end)} · "
                                         f"{customer.name}")
    pdf.build(path, story, frame=frame, title=f"{STATEMENT_TITLE} {customer.name}", author=dealer.name,
              subject=customer.name)

