"""Demo deals: the showroom's history, made to agree with the billing history already written.

- Every posted vehicle-sale invoice of the billing demo is a delivered deal: its number is the order
  reference the invoice and its deposit carry, its lines are the invoice's, its figures the
  invoice's; its car (the invoice's vehicle) gets a stay in stock of its own (stock number ``H…``,
  with its arrival, reservation, sale and delivery as stock events), its certificate of conformity,
  and the checklist ticks of its delivery. Approvals beyond the salesperson's limits were given.
- Every deposit the billing demo holds for an order not invoiced is an ordered deal, its car
  reserved; every such deposit refunded is a cancelled deal, its car back in stock. These cars are
  new vehicle rows of the dealership's own.
- A few recent quotations, some within the salesperson's limits, some waiting for approval at one
  level or another, one sent back — the approvals inbox has work.

Leads: each delivered deal quotes the lead its sale won (the leads demo made one per sale, see
:func:`sold_invoices`), and is delivered the day that lead was won; the recent quotations quote open
leads at the quotation stage where there are any, for the lead's customer.

Nothing here writes to billing: the journal reconciles as the billing demo left it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, text

from core.money import round_half_up
from demo.context import LOCAL_OFFSET, DemoContext, insert_rows
from demo.staff import SALESPEOPLE
from models.billing import Invoice, InvoiceLine, Payment
from models.crm import Customer
from models.sales import Deal, DealApproval, DealDeliveryItem, DealLine, Lead
from models.vehicles import StockEvent, StockVehicle, Vehicle, VehicleDocument
from services.billing.totals import shares
from services.sales import approvals
from services.sales.deals import fingerprint
from store.audit_chain import Change

KIND_OF = {"vehicle": "vehicle", "accessory": "accessory", "fee": "fee"}
QUOTATIONS = {1: 8, 3: 16, 10: 40}  # recent quotations by the demo's years of history
LOCATIONS = ("展厅", "一号库", "二号库", "交车区")
SEND_BACK_NOTES = ("优惠超出权限，请控制在 5% 以内", "请先确认客户贷款方案再报价", "精品赠送过多，请调整")
_MINUTE = timedelta(minutes=1)


def _day(moment: datetime) -> date:
    return (moment + LOCAL_OFFSET).date()


def sold_invoices(conn: Connection) -> list:
    """The posted vehicle-sale invoices that become delivered deals, in the order they are made: a
    row of the invoice (``known``: its customer's ``created_at``; ``deposit_at``: when the deposit
    held for it was paid, or None), its lines and its vehicle. Read by the leads demo too, which
    makes the lead each of them won."""
    invoices = conn.execute(
        select(Invoice.id, Invoice.customer_id, Invoice.vehicle_id, Invoice.reference, Invoice.issued_on,
               Invoice.created_at, Invoice.posted_at, Invoice.discount, Customer.created_at.label("known"))
        .join(Customer, Customer.id == Invoice.customer_id)
        .where(Invoice.kind == "vehicle_sale", Invoice.status == "posted", Invoice.vehicle_id.is_not(None))
        .order_by(Invoice.issued_on, Invoice.created_at)).all()
    lines: dict[str, list] = defaultdict(list)
    for r in conn.execute(
            select(InvoiceLine.invoice_id, InvoiceLine.item_type, InvoiceLine.description,
                   InvoiceLine.quantity_milli, InvoiceLine.unit_price, InvoiceLine.discount,
                   InvoiceLine.invoice_discount, InvoiceLine.tax_code, InvoiceLine.unit_cost,
                   InvoiceLine.tax_rate_bp)
            .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
            .where(Invoice.kind == "vehicle_sale", Invoice.status == "posted")
            .order_by(InvoiceLine.invoice_id, InvoiceLine.line_no)):
        lines[r.invoice_id].append(r)
    vehicles = {r.id: r for r in conn.execute(select(Vehicle.id, Vehicle.make, Vehicle.model))}
    numbers: set[str] = set()
    out = []
    for inv in invoices:
        invoice_lines = lines.get(inv.id)
        vehicle = vehicles.get(inv.vehicle_id)
        if not invoice_lines or vehicle is None or invoice_lines[0].item_type != "vehicle":
            continue
        number = inv.reference or f"SO-{inv.id[-8:].upper()}"
        if number in numbers:
            continue
        numbers.add(number)
        out.append((inv, number, invoice_lines, vehicle))
    return out


def delivery_day(rng, issued_on: date, today: date) -> date:
    """The day a car invoiced on ``issued_on`` was delivered: that day or a few after, before today."""
    delivered_on = min(issued_on + timedelta(days=rng.choice((0, 0, 1, 2, 3))), today - timedelta(days=1))
    return max(delivered_on, issued_on)


class _Writer:
    def __init__(self, conn: Connection, ctx: DemoContext) -> None:
        self.conn, self.ctx, self.rng = conn, ctx, ctx.rng
        self.levels = list(approvals.DEFAULT_LEVELS)
        self.tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.stock_no = 0
        # The new cars on the lot (the vehicles demo records them without owner or plate).
        self.lot = list(conn.execute(select(Vehicle.id, Vehicle.make, Vehicle.model, Vehicle.created_at)
                                     .where(Vehicle.owner_id.is_(None), Vehicle.plate == "")
                                     .order_by(Vehicle.created_at)))
        self.lot_created = {car.id: car.created_at for car in self.lot}
        self.cancelled: list = []  # deposits refunded, waiting for the car they had reserved to be sold
        self.sold: list[dict[str, str]] = []  # each sold car with the invoice that sold it
        self.owner_user = "owner"
        self.manager = "manager"

    # --- rows -------------------------------------------------------------------------------------

    def row(self, table: str, when: datetime, by: str, values: dict[str, Any], *,
            updated: datetime | None = None) -> dict[str, Any]:
        row = {"id": self.ctx.ids.at(when), "created_at": when, "created_by": by, "updated_at": updated or when,
               "updated_by": by, **values}
        self.tables[table].append(row)
        return row

    def lot_car(self, before: datetime) -> tuple[str, str, str] | None:
        """A new car of the dealership's own (no owner, no plate) recorded before ``before`` and not
        yet on a deal, taken off the pool; None when there is none."""
        found = [i for i, car in enumerate(self.lot) if car.created_at < before]
        if not found:
            return None
        car = self.lot.pop(self.rng.choice(found))
        return car.id, car.make, car.model

    def stock(self, vehicle_id: str, make: str, model: str, *, arrived: datetime, status: str, deal_id: str | None,
              cost: int, price: int, sold_on: date | None = None, delivered_on: date | None = None,
              updated: datetime | None = None) -> str:
        self.stock_no += 1
        ordered = arrived - timedelta(days=self.rng.randint(20, 60))
        row = self.row("stock_vehicle", ordered, "manager", {
            "vehicle_id": vehicle_id, "stock_number": f"H{self.stock_no:06d}", "condition": "new", "status": status,
            "make": make, "model": model, "location": self.rng.choice(LOCATIONS), "ordered_on": _day(ordered),
            "produced_on": _day(ordered) + timedelta(days=self.rng.randint(3, 15)), "arrived_on": _day(arrived),
            "sold_on": sold_on, "delivered_on": delivered_on, "purchase_cost": cost, "list_price": price,
            "deal_id": deal_id, "notes": ""}, updated=updated)
        self.event(row["id"], arrived, "on_order", "in_stock", None)
        self.row("vehicle_document", arrived, "manager", {
            "vehicle_id": vehicle_id, "kind": "certificate_of_conformity",
            "number": f"{self.rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{self.rng.randrange(10 ** 13):013d}",
            "received_on": _day(arrived), "kept_at": "保险柜",
            "handed_over_on": delivered_on, "handed_to": "", "notes": ""})
        return row["id"]

    def event(self, stock_id: str, at: datetime, from_status: str, to_status: str, deal_id: str | None,
              by: str = "manager", reason: str = "") -> None:
        self.row("stock_event", at, by, {"stock_vehicle_id": stock_id, "at": at, "by": by, "from_status": from_status,
                                         "to_status": to_status, "deal_id": deal_id, "reason": reason})

    def deal(self, *, number: str, status: str, customer_id: str, salesperson: str, stock_id: str, quote_at: datetime,
             lines: list[tuple], cost: int, deal_discount: int = 0, lead_id: str | None = None,
             ordered_at: datetime | None = None,
             delivered_on: date | None = None, cancelled: tuple[date, str] | None = None, invoice_id: str | None = None,
             deposit: tuple[str, int] | None = None, updated: datetime | None = None, decisions: int = 0,
             send_back: bool = False) -> dict[str, Any]:
        """A deal with ``lines`` ``(kind, description, quantity, unit price, own discount, tax code,
        unit cost, tax rate)``, priced by billing's rule with tax included; ``decisions`` approvals
        given (the levels the deal needs, up to that many)."""
        price = discount = net = tax = total = other_cost = 0
        line_rows = []
        worth = [round_half_up(Decimal(line[2]) * line[3] / 1000) - line[4] for line in lines]
        split = shares(deal_discount, worth)
        for no, ((kind, description, qty, unit, own, code, unit_cost, rate), share) in enumerate(
                zip(lines, split, strict=True), start=1):
            gross = round_half_up(Decimal(qty) * unit / 1000)
            line_total = gross - own - share
            line_net = round_half_up(Decimal(line_total) * 10000 / (10000 + rate))
            price, discount, total = price + gross, discount + own + share, total + line_total
            net, tax = net + line_net, tax + line_total - line_net
            if kind != "vehicle":
                other_cost += round_half_up(Decimal(qty) * unit_cost / 1000)
            line_rows.append({"line_no": no, "kind": kind, "description": description, "quantity_milli": qty,
                              "unit_price": unit, "discount": own, "discount_bp": None, "deal_discount": share,
                              "unit_cost": unit_cost, "tax_code": code, "net": line_net,
                              "tax": line_total - line_net, "total": line_total})
        gross_profit = net - cost - other_cost
        discount_bp = round_half_up(Decimal(discount) * 10000 / price) if price else 0
        margin_bp = round_half_up(Decimal(gross_profit) * 10000 / net) if net else 0
        needed = approvals.required_level(self.levels, discount_bp, margin_bp)
        print_ = fingerprint(stock_id, deal_discount, None,
                             [(r["kind"], r["description"], r["quantity_milli"], r["unit_price"], r["discount"], None,
                               r["unit_cost"], r["tax_code"]) for r in line_rows], (), cost)
        state, waiting = "not_needed", 0
        row = self.row("deal", quote_at, salesperson, {
            "number": number, "status": status, "customer_id": customer_id, "lead_id": lead_id,
            "salesperson": salesperson, "stock_vehicle_id": stock_id, "quoted_on": _day(quote_at),
            "ordered_on": _day(ordered_at) if ordered_at else None, "delivered_on": delivered_on,
            "cancelled_on": cancelled[0] if cancelled else None, "cancel_reason": cancelled[1] if cancelled else "",
            "notes": "", "price": price, "discount": discount, "total": total, "gross_profit": gross_profit,
            "deal_discount": deal_discount, "deal_discount_bp": None, "net_total": net, "tax_total": tax,
            "approval_state": state, "approval_level": waiting, "required_level": needed, "fingerprint": print_,
            "deposit": deposit[1] if deposit else 0, "deposit_payment_id": deposit[0] if deposit else None,
            "invoice_id": invoice_id, "pdi_repair_order_id": None}, updated=updated)
        for values in line_rows:
            self.row("deal_line", quote_at, salesperson, {"deal_id": row["id"], **values})
        if needed > 1:
            at = quote_at + timedelta(minutes=self.rng.randrange(20, 240))
            given = 0
            for level in range(2, needed + 1):
                if given >= decisions:
                    break
                by = self.manager if level == 2 else self.owner_user
                self.row("deal_approval", at, by, {"deal_id": row["id"], "level": level, "decision": "approved",
                                                   "by": by, "at": at, "note": "", "fingerprint": print_,
                                                   "discount_bp": discount_bp, "margin_bp": margin_bp})
                given += 1
                at += timedelta(minutes=self.rng.randrange(5, 120))
            if send_back:
                note = self.rng.choice(SEND_BACK_NOTES)
                self.row("deal_approval", at, self.manager, {
                    "deal_id": row["id"], "level": given + 2, "decision": "sent_back", "by": self.manager, "at": at,
                    "note": note, "fingerprint": print_, "discount_bp": discount_bp, "margin_bp": margin_bp})
                row["approval_state"] = "sent_back"
            elif given >= needed - 1:
                row["approval_state"] = "approved"
            else:
                row["approval_state"], row["approval_level"] = "pending", given + 2
        return row

    # --- the history ----------------------------------------------------------------------------

    def sales(self) -> None:
        """A delivered deal for every posted vehicle-sale invoice."""
        conn, rng, ctx = self.conn, self.rng, self.ctx
        deposits = {r.held_for: r for r in conn.execute(
            select(Payment.id, Payment.held_for, Payment.amount, Payment.created_at)
            .where(Payment.amount > 0, Payment.held_for != ""))}
        for inv, number, invoice_lines, vehicle in sold_invoices(conn):
            paid = deposits.get(inv.reference) if inv.reference else None
            sold_at = inv.posted_at or inv.created_at
            won = ctx.won_leads.get(inv.id)
            # Quoted after its lead came in (the lead is made before the sale, see demo/leads.py).
            known = max(inv.known, won[1]) if won else inv.known
            ordered_at = paid.created_at if paid is not None else max(
                known + _MINUTE, sold_at - timedelta(days=rng.randint(1, 10), minutes=rng.randrange(600)))
            ordered_at = min(ordered_at, sold_at - _MINUTE)
            quote_at = max(known + _MINUTE, ordered_at - timedelta(days=rng.randint(0, 7),
                                                                    minutes=rng.randrange(1, 300)))
            quote_at = min(quote_at, ordered_at)
            arrived = quote_at - timedelta(days=rng.randint(5, 60), minutes=rng.randrange(600))
            # Delivering won the lead: on the day the leads demo closed it.
            delivered_on = won[2] if won else delivery_day(rng, inv.issued_on, ctx.today)
            delivered_at = max(ctx.moment_on(delivered_on), sold_at + _MINUTE)
            car = invoice_lines[0]
            cost = car.unit_cost
            salesperson = rng.choice(SALESPEOPLE)
            given_up = self.cancellations_before(quote_at)
            if given_up:
                # The car was reserved by orders cancelled before: it arrived before the first of them.
                first = min(c[0].created_at for c in given_up) - timedelta(days=rng.randint(3, 30))
                arrived = min(arrived, first)
            stock_id = self.stock(inv.vehicle_id, vehicle.make, vehicle.model, arrived=arrived, status="delivered",
                                  deal_id=None, cost=cost, price=car.unit_price, sold_on=inv.issued_on,
                                  delivered_on=delivered_on, updated=delivered_at)
            stock_row = self.tables["stock_vehicle"][-1]
            document = self.tables["vehicle_document"][-1]
            self.sold.append({"invoice": inv.id, "car": stock_id})
            for entry in given_up:
                self.cancel_on(stock_id, stock_row, entry, vehicle.make, vehicle.model)
            deal_lines = [(KIND_OF.get(r.item_type, "fee"), r.description, r.quantity_milli, r.unit_price,
                           r.discount - r.invoice_discount, r.tax_code, 0 if r.item_type == "vehicle" else r.unit_cost,
                           r.tax_rate_bp) for r in invoice_lines]
            deal = self.deal(number=number, status="delivered", customer_id=inv.customer_id, salesperson=salesperson,
                             stock_id=stock_id, quote_at=quote_at, lines=deal_lines, cost=cost,
                             deal_discount=inv.discount, lead_id=won[0] if won else None,
                             ordered_at=ordered_at, delivered_on=delivered_on,
                             invoice_id=inv.id, deposit=(paid.id, paid.amount) if paid is not None else None,
                             updated=delivered_at, decisions=9)
            stock_row["deal_id"] = deal["id"]
            self._moves(stock_id, deal["id"], ordered_at, sold_at, delivered_at, salesperson)
            for item in ("registration", "keys"):
                self.row("deal_delivery_item", delivered_at - _MINUTE, salesperson, {
                    "deal_id": deal["id"], "item": item, "done_on": delivered_on, "done_by": salesperson,
                    "note": ""})
            document["handed_to"] = "客户本人"

    def _moves(self, stock_id: str, deal_id: str, ordered_at: datetime, sold_at: datetime | None,
               delivered_at: datetime | None, by: str) -> None:
        self.event(stock_id, ordered_at, "in_stock", "reserved", deal_id, by)
        if sold_at is not None:
            self.event(stock_id, sold_at, "reserved", "sold", deal_id, "cashier")
        if delivered_at is not None:
            self.event(stock_id, delivered_at, "sold", "delivered", deal_id, by)

    def deposits(self) -> list:
        """Deposits held for an order that was never invoiced, oldest first, each with its refund
        (None while it is held). Refunded ones wait in ``self.cancelled`` for the car they reserved."""
        conn = self.conn
        invoiced = set(conn.execute(select(Invoice.reference).where(Invoice.kind == "vehicle_sale")).scalars())
        refunds = {r.refund_of_id: r for r in conn.execute(
            select(Payment.refund_of_id, Payment.paid_on, Payment.created_at).where(Payment.refund_of_id.is_not(None)))}
        known = dict(conn.execute(select(Customer.id, Customer.created_at)).all())
        held = []
        for dep in conn.execute(select(Payment.id, Payment.held_for, Payment.amount, Payment.created_at,
                                       Payment.customer_id)
                                .where(Payment.amount > 0, Payment.held_for.like("SO-%"))
                                .order_by(Payment.created_at)).all():
            if dep.held_for in invoiced:
                continue
            entry = (dep, refunds.get(dep.id), known[dep.customer_id])
            (self.cancelled if entry[1] is not None else held).append(entry)
        return held

    def _quote_before(self, moment: datetime, known: datetime) -> datetime:
        quote_at = max(known + _MINUTE, moment - timedelta(days=self.rng.randint(0, 5),
                                                          minutes=self.rng.randrange(1, 300)))
        return min(quote_at, moment)

    def cancellations_before(self, quote_at: datetime) -> list:
        """The refunded orders whose refund came at least a day before ``quote_at``: their car, given
        up, is the one sold next."""
        ready = [c for c in self.cancelled if c[1].created_at < quote_at - timedelta(days=1)]
        self.cancelled = [c for c in self.cancelled if c[1].created_at >= quote_at - timedelta(days=1)]
        return ready

    def cancel_on(self, stock_id: str, stock_row: dict, entry: tuple, make: str, model: str) -> None:
        """A cancelled deal that had reserved ``stock_id`` before it was sold to someone else."""
        dep, refund, known = entry
        rng = self.rng
        quote_at = self._quote_before(dep.created_at, known)
        price = stock_row["list_price"]
        salesperson = rng.choice(SALESPEOPLE)
        lines = [("vehicle", f"{make} {model}", 1000, price, rng.choice((0, 0, 2_000_00, 3_000_00)), "VAT13", 0,
                  1300)]
        deal = self.deal(number=dep.held_for, status="cancelled", customer_id=dep.customer_id,
                         salesperson=salesperson, stock_id=stock_id, quote_at=quote_at, lines=lines,
                         cost=stock_row["purchase_cost"], ordered_at=dep.created_at,
                         cancelled=(refund.paid_on, "客户取消订单"), deposit=(dep.id, dep.amount),
                         updated=refund.created_at, decisions=9)
        self.event(stock_id, dep.created_at, "in_stock", "reserved", deal["id"], salesperson)
        self.event(stock_id, refund.created_at, "reserved", "in_stock", deal["id"], "manager", "客户取消订单")

    def orders(self, held: list) -> None:
        """An ordered deal, its car reserved, for each deposit still held for an order."""
        rng = self.rng
        for dep, _refund, known in held:
            quote_at = self._quote_before(dep.created_at, known)
            car = self.lot_car(quote_at - timedelta(days=1))
            if car is None:
                continue
            vehicle_id, make, model = car
            arrived = min(quote_at - timedelta(days=1), max(
                self.lot_created[vehicle_id] + _MINUTE, quote_at - timedelta(days=rng.randint(5, 60))))
            price = rng.randrange(90, 320) * 1_000_00
            cost = price * 100 // 113 * rng.randrange(88, 94) // 100
            salesperson = rng.choice(SALESPEOPLE)
            stock_id = self.stock(vehicle_id, make, model, arrived=arrived, status="reserved", deal_id=None, cost=cost,
                                  price=price, updated=dep.created_at)
            stock_row = self.tables["stock_vehicle"][-1]
            lines = [("vehicle", f"{make} {model}", 1000, price, rng.choice((0, 0, 2_000_00, 3_000_00, 5_000_00)),
                      "VAT13", 0, 1300)]
            deal = self.deal(number=dep.held_for, status="ordered", customer_id=dep.customer_id,
                             salesperson=salesperson, stock_id=stock_id, quote_at=quote_at, lines=lines, cost=cost,
                             ordered_at=dep.created_at, deposit=(dep.id, dep.amount), updated=dep.created_at,
                             decisions=9)
            stock_row["deal_id"] = deal["id"]
            self.event(stock_id, dep.created_at, "in_stock", "reserved", deal["id"], salesperson)

    def quotations(self) -> None:
        """Recent quotations: within limits, waiting at level 2 or 3, approved, one sent back."""
        ctx, rng = self.ctx, self.rng
        n = QUOTATIONS.get(ctx.size.years, 8)
        customers = self.conn.execute(select(Customer.id, Customer.created_at).order_by(Customer.created_at)).all()
        # Open leads at the quotation stage: each quoted at most once, for its own customer.
        at_quotation = self.conn.execute(select(Lead.id, Lead.customer_id, Lead.created_at, Lead.salesperson)
                                         .where(Lead.status == "quotation", Lead.lost_requested_at.is_(None))
                                         .order_by(Lead.created_at)).all()
        for k in range(n):
            day = ctx.today - timedelta(days=rng.randint(1, 20))
            quote_at = ctx.moment_on(day)
            eligible = [c for c in customers if c.created_at < quote_at - _MINUTE]
            car = self.lot_car(quote_at - timedelta(days=1))
            if not eligible or car is None:
                continue
            ready = [i for i, lead in enumerate(at_quotation) if lead.created_at < quote_at - _MINUTE]
            lead = at_quotation.pop(rng.choice(ready)) if ready else None
            customer_id = lead.customer_id if lead is not None else rng.choice(eligible[-2000:]).id
            vehicle_id, make, model = car
            arrived = min(quote_at - timedelta(days=1), max(
                self.lot_created[vehicle_id] + _MINUTE, quote_at - timedelta(days=rng.randint(5, 60))))
            price = rng.randrange(90, 320) * 1_000_00
            cost = price * 100 // 113 * rng.randrange(86, 92) // 100
            off_bp = (200, 500, 700, 1000, 1200, 400, 250, 900)[k % 8]
            off = price * off_bp // 10000 // 100 * 100
            salesperson = lead.salesperson if lead is not None else SALESPEOPLE[k % len(SALESPEOPLE)]
            stock_id = self.stock(vehicle_id, make, model, arrived=arrived, status="in_stock", deal_id=None,
                                  cost=cost, price=price)
            lines = [("vehicle", f"{make} {model}", 1000, price, off, "VAT13", 0, 1300)]
            if k % 3 == 0:
                lines.append(("accessory", "脚垫 + 行车记录仪", 1000, 2_800_00, 0, "VAT13", 1_200_00, 1300))
            if k % 4 == 1:
                lines.append(("insurance", "首年商业险", 1000, 6_500_00, 0, "VAT13", 0, 1300))
            self.deal(number=f"SO-Q{day:%y%m%d}{k:03d}", status="quotation", customer_id=customer_id,
                      lead_id=lead.id if lead is not None else None, salesperson=salesperson, stock_id=stock_id,
                      quote_at=quote_at, lines=lines, cost=cost,
                      decisions=1 if k % 5 == 4 else 0, send_back=k == 2)

    def write(self) -> dict[str, int]:
        tables = {"stock_vehicle": StockVehicle.__table__,
                  "vehicle_document": VehicleDocument.__table__, "deal": Deal.__table__,
                  "deal_line": DealLine.__table__, "deal_approval": DealApproval.__table__,
                  "deal_delivery_item": DealDeliveryItem.__table__, "stock_event": StockEvent.__table__}
        counts = {}
        for name, table in tables.items():
            rows = sorted(self.tables[name], key=lambda r: r["created_at"])
            for start in range(0, len(rows), 5000):
                insert_rows(self.ctx, table, rows[start:start + 5000])
            counts[name] = len(rows)
        self._name_sold_cars()
        self.ctx.uow.audit([Change("demo", name, "*", summary=f"{n} demo {name.replace('_', ' ')} rows")
                            for name, n in counts.items() if n])
        return counts

    def _name_sold_cars(self) -> None:
        """Name each sold car on its invoice's vehicle line, as a deal's invoice does (the journal's
        vehicle ledger reads it). The billing demo wrote the invoices before these cars existed, and
        posted lines are guarded, so the guard is lifted for this one statement and put back."""
        if not self.sold:
            return
        conn = self.conn
        guard = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name = 'invoice_line_posted_update'").scalar()
        if guard:
            conn.exec_driver_sql("DROP TRIGGER invoice_line_posted_update")
        conn.execute(text("UPDATE invoice_line SET stock_vehicle_id = :car WHERE invoice_id = :invoice "
                          "AND item_type = 'vehicle' AND quantity_milli > 0"), self.sold)
        if guard:
            conn.exec_driver_sql(guard)


def write(conn: Connection, ctx: DemoContext) -> dict[str, int]:
    """Write the showroom's deals for the billing history already in ``conn``; returns rows per table."""
    writer = _Writer(conn, ctx)
    held = writer.deposits()
    writer.sales()
    writer.orders(held)
    writer.quotations()
    return writer.write()
