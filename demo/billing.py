"""Demo billing history: the invoices, credit notes, payments, deposits, refunds, cash-desk days,
manufacturer rebates and insurance claims a dealership of the demo's size would have made.

The rows are what the billing services would have written over the years (DESIGN §2–§4):

- Invoices are numbered in posting order from this terminal's series, gap-free per year, and the
  series are left at the next free number, so a real posting continues them.
- Every line, every invoice's totals and every credit note line come from the rules of
  :mod:`services.billing.totals` that the billing services apply (``line_amounts``,
  ``invoice_totals``, ``credit_amounts``). Credit notes take back whole lines or part of a line that
  was not credited before, and never more than the invoice.
- Nothing is allocated beyond what is open on an invoice; a customer's credit (unallocated receipts
  and credit notes, less refunds) is never negative. Old invoices are paid, recent ones partly
  open, and a few are long overdue.
- Invoices and credit notes go in as drafts, their lines after them, and one UPDATE posts them: the
  database refuses lines on a posted invoice.
"""

from __future__ import annotations

import bisect
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, literal_column, select, update

from core import money
from demo.context import INSERT_CHUNK, LOCAL_OFFSET, DemoContext, Size, cumulative, insert_rows
from models.admin import NumberSeries, TaxRate
from models.billing import Allocation, CashDay, InsuranceClaim, Invoice, InvoiceLine, Payment, Rebate, RebateEntry
from models.crm import Customer
from models.vehicles import Vehicle
from services import settings
from services.billing.totals import (
    LineAmounts,
    LineFigures,
    credit_amounts,
    invoice_totals,
    line_amounts,
    line_cost,
)
from store.audit_chain import Change

# --- the catalogue --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """Something that goes on an invoice line, priced for an ordinary make at today's prices."""

    code: str
    description: str
    item_type: str
    price: int  # whole yuan per unit (per hour for labour)
    cost_share: float  # unit cost as a share of the unit price net of tax
    quantities: tuple[int, ...] = (1000,)  # in thousandths
    tax: str = "VAT13"


def _labour(code: str, description: str, hours: tuple[int, ...]) -> Item:
    # The price is the make's hourly rate; technicians' pay is about a third of it.
    return Item(code, description, "labour", 0, 0.32, hours)


SERVICE = _labour("LAB-SVC", "常规保养工时", (500, 800, 1000))
DIAGNOSIS = _labour("LAB-DIAG", "电脑故障诊断", (500, 1000))
BODY = _labour("LAB-BODY", "钣金修复工时", (2000, 3500, 5000, 8000))
TYRE_FITTING = _labour("LAB-TYRE", "轮胎拆装及动平衡", (1000,))
BATTERY_FITTING = _labour("LAB-BAT", "蓄电池检测及更换", (300, 500))
GEARBOX_SERVICE = _labour("LAB-GBX", "变速箱油更换工时", (1000, 1500))
SAFETY_CHECK = _labour("LAB-CHK", "全车安全检查", (300, 500))
ALIGNMENT = Item("LAB-ALN", "四轮定位", "labour", 298, 0.3)
PAINT = Item("LAB-PNT", "喷漆（每幅）", "labour", 780, 0.45, (1000, 2000, 3000, 4000))

OIL = Item("P-OIL", "全合成机油 5W-30（升）", "part", 98, 0.6, (4000, 4500, 5000, 5500, 6000))
OIL_FILTER = Item("P-OF", "机油滤清器", "part", 68, 0.55)
DRAIN_WASHER = Item("P-DPW", "放油螺丝垫片", "part", 8, 0.4)
TYRE_ROTATION = _labour("LAB-ROT", "轮胎换位", (500,))
MAINTENANCE_EXTRAS: tuple[tuple[Item, float, bool], ...] = (
    # (item, chance, also for battery-electric cars)
    (Item("P-AF", "空气滤清器", "part", 158, 0.55), 0.45, False),
    (Item("P-CF", "空调滤清器", "part", 138, 0.55), 0.55, True),
    (Item("P-SP", "火花塞", "part", 88, 0.6, (4000, 6000)), 0.15, False),
    (Item("P-BF", "刹车油 DOT4（升）", "part", 86, 0.6, (1000,)), 0.25, True),
    (Item("P-WB", "雨刮片（对）", "part", 268, 0.55), 0.25, True),
    (Item("P-CL", "防冻冷却液（升）", "part", 45, 0.6, (2000, 4000)), 0.12, True),
    (Item("P-ADD", "燃油系统清洗剂", "part", 168, 0.45), 0.3, False),
)
GEARBOX_OIL = Item("P-GO", "自动变速箱油（升）", "part", 165, 0.6, (4000, 5000, 6000, 7000))
# Repairs: a labour line and the parts it takes.
REPAIRS: tuple[tuple[Item, tuple[Item, ...]], ...] = (
    (_labour("LAB-BRK", "更换刹车片工时", (1000, 1200, 1500)),
     (Item("P-BPF", "前刹车片", "part", 680, 0.6), Item("P-BD", "刹车盘", "part", 860, 0.62, (2000,)))),
    (_labour("LAB-BRR", "更换后刹车片工时", (1000, 1200)), (Item("P-BPR", "后刹车片", "part", 520, 0.6),)),
    (_labour("LAB-AC", "空调系统检测及清洗", (800, 1000)),
     (Item("P-ACR", "空调制冷剂 R134a（瓶）", "part", 120, 0.5, (1000, 2000)),
      Item("P-ACC", "空调管路清洗剂", "part", 188, 0.45))),
    (_labour("LAB-SUSP", "悬挂系统检修", (1500, 2000, 3000)),
     (Item("P-SA", "减震器", "part", 1350, 0.62, (1000, 2000)), Item("P-CTL", "下摆臂总成", "part", 980, 0.6))),
    (_labour("LAB-ENG", "发动机检修", (3000, 4500, 6000, 8000)),
     (Item("P-BLT", "发动机皮带", "part", 420, 0.6), Item("P-WP", "水泵总成", "part", 1280, 0.6),
      Item("P-GSK", "气门室盖垫", "part", 260, 0.55))),
    (_labour("LAB-ELEC", "电路故障检修", (1000, 2000)),
     (Item("P-SEN", "氧传感器", "part", 760, 0.6), Item("P-FUSE", "保险丝及继电器", "part", 85, 0.5))),
    (_labour("LAB-STR", "转向系统检修", (1500, 2500)), (Item("P-TRE", "转向横拉杆球头", "part", 420, 0.6),)),
)
EV_REPAIR = (_labour("LAB-HV", "高压电池系统检测", (1000, 1500)),
             (Item("P-HVC", "高压线束接插件", "part", 1680, 0.62), Item("P-CLT", "电池冷却液（升）", "part", 78, 0.6,
                                                                       (4000, 6000))))
BODY_PARTS = (
    Item("P-BUF", "前保险杠总成", "part", 2800, 0.65), Item("P-BUR", "后保险杠总成", "part", 2500, 0.65),
    Item("P-HL", "大灯总成", "part", 4200, 0.66), Item("P-MR", "后视镜总成", "part", 1250, 0.62),
    Item("P-FD", "前翼子板", "part", 1600, 0.63), Item("P-GRL", "中网格栅", "part", 980, 0.6),
)
PAINT_MATERIAL = Item("P-PM", "油漆辅料", "part", 380, 0.5)
TYRE = Item("P-TY", "轮胎 225/55 R17", "part", 1150, 0.7, (2000, 4000))
BATTERY = Item("P-BAT", "蓄电池 70Ah", "part", 980, 0.65)

ACCESSORIES = (
    Item("ACC-FILM", "全车太阳膜", "accessory", 4800, 0.45), Item("ACC-MAT", "全包围脚垫", "accessory", 980, 0.4),
    Item("ACC-DVR", "行车记录仪", "accessory", 1280, 0.5), Item("ACC-COAT", "漆面镀晶", "accessory", 2680, 0.35),
    Item("ACC-TRK", "后备箱垫", "accessory", 380, 0.4), Item("ACC-RACK", "车顶行李架", "accessory", 1880, 0.5),
)
CHARGER = Item("ACC-CHG", "家用充电桩 7kW（含安装）", "accessory", 3999, 0.55)
REGISTRATION = Item("FEE-REG", "上牌服务费", "fee", 1500, 0.2, tax="VAT6")
FINANCE_FEE = Item("FEE-FIN", "金融服务费", "fee", 2500, 0.1, tax="VAT6")
DELIVERY = Item("FEE-PDI", "新车交付检测（PDI）", "fee", 600, 0.3)
COUNTER_ITEMS = (
    OIL, OIL_FILTER, MAINTENANCE_EXTRAS[0][0], MAINTENANCE_EXTRAS[1][0], MAINTENANCE_EXTRAS[4][0], TYRE, BATTERY,
    Item("P-BULB", "大灯灯泡 H7", "part", 95, 0.5, (1000, 2000)),
    Item("P-WASH", "玻璃清洗液（瓶）", "part", 28, 0.45, (1000, 2000, 4000)),
    Item("ACC-AROMA", "车载香氛", "accessory", 128, 0.4), ACCESSORIES[1], ACCESSORIES[2], ACCESSORIES[4],
    Item("ACC-SEAT", "儿童安全座椅", "accessory", 1980, 0.55),
)
OTHER_ITEMS = (
    Item("OTH-EVAL", "二手车评估服务费", "other", 500, 0.2, tax="VAT6"),
    Item("OTH-INSP", "代办车辆年检服务费", "other", 300, 0.3, tax="VAT6"),
    Item("OTH-STOR", "车辆寄存费（天）", "other", 50, 0.2, (3000, 7000, 14000, 30000), tax="VAT6"),
    Item("OTH-RESC", "道路救援拖车费", "other", 600, 0.5, tax="VAT6"),
    Item("OTH-TRN", "驾驶培训课程", "other", 800, 0.3, tax="VAT6"),
)

# Makes whose parts and labour cost more than an ordinary car's.
PRICE_TIER = {"BMW": 1.9, "Mercedes-Benz": 2.0, "Audi": 1.8, "Porsche": 3.0, "Lexus": 1.8, "Land Rover": 2.6,
              "Volvo": 1.6, "Tesla": 1.5, "NIO": 1.5, "Buick": 1.1, "Toyota": 1.1, "Honda": 1.1}
LABOUR_RATE = 220  # yuan per hour for an ordinary make
# A typical new-car price per make, in yuan.
CAR_PRICE = {"Volkswagen": 150_000, "Toyota": 170_000, "Lexus": 400_000, "Honda": 160_000, "Nissan": 140_000,
             "BYD": 170_000, "Geely": 110_000, "Buick": 180_000, "Chevrolet": 130_000, "BMW": 420_000,
             "Mercedes-Benz": 450_000, "Audi": 380_000, "Porsche": 1_000_000, "Tesla": 280_000, "NIO": 350_000,
             "Changan": 110_000, "Haval": 130_000, "Great Wall": 160_000, "Chery": 110_000, "Hyundai": 120_000,
             "Kia": 110_000, "Ford": 160_000, "Mazda": 150_000, "Volvo": 380_000, "Land Rover": 1_100_000}
MAKE_CODES = {"Volkswagen": "VW", "Toyota": "TY", "Lexus": "LX", "Honda": "HD", "Nissan": "NS", "BYD": "BYD",
              "Geely": "GL", "Buick": "BK", "Chevrolet": "CV", "BMW": "BMW", "Mercedes-Benz": "MB", "Audi": "AD",
              "Porsche": "PC", "Tesla": "TS", "NIO": "NIO", "Changan": "CA", "Haval": "HV", "Great Wall": "GW",
              "Chery": "CR", "Hyundai": "HY", "Kia": "KIA", "Ford": "FD", "Mazda": "MZ", "Volvo": "VV",
              "Land Rover": "LR"}
FINANCE_COMPANIES = {
    "Volkswagen": "大众汽车金融（中国）", "Audi": "大众汽车金融（中国）", "Porsche": "大众汽车金融（中国）",
    "Toyota": "丰田汽车金融（中国）", "Lexus": "丰田汽车金融（中国）", "BMW": "宝马汽车金融（中国）",
    "Mercedes-Benz": "梅赛德斯-奔驰汽车金融", "Buick": "上汽通用汽车金融", "Chevrolet": "上汽通用汽车金融",
    "Honda": "东风本田汽车金融", "BYD": "比亚迪汽车金融",
}
BANK_FINANCE = ("平安银行汽车金融", "招商银行信用卡分期", "中国工商银行信用卡分期")
INSURERS = (("中国人民财产保险", "PICC"), ("中国平安财产保险", "PAIC"), ("中国太平洋财产保险", "CPIC"),
            ("中华联合财产保险", "CUIC"), ("中国大地财产保险", "CCIC"), ("阳光财产保险", "SUNS"))
_INSURER_CUM = cumulative([34, 28, 18, 8, 6, 6])

CREDIT_REASONS = {
    "vehicle_sale": ("精品价格调整", "客户取消加装精品"),
    "workshop": ("工时多计，调整", "配件未使用，退回", "客户投诉，给予补偿"),
    "counter_sale": ("配件退货", "型号不符，退货"),
    "other": ("服务取消", "收费调整"),
}
FULL_CREDIT_REASON = "开票错误，全额冲红"

# Invoices credited per kind (share), and how often a second credit note follows the first.
CREDIT_CHANCE = {"vehicle_sale": 0.02, "workshop": 0.012, "counter_sale": 0.03, "other": 0.02}
SECOND_CREDIT_CHANCE = 0.15
# Workshop visits per car and year, and how long (mean, years) a customer keeps coming back.
VISITS_PER_YEAR = {False: 0.92, True: 1.5}
LOYAL_YEARS = 2.6
COUNTER_PER_WORKSHOP = 0.22
OTHER_PER_WORKSHOP = 0.015
DRAFT_DAYS = 2  # workshop jobs of the last days may still be drafts
OPENING_FLOAT = 1_000  # yuan in the drawer when the desk opens
_MINUTE = timedelta(minutes=1)

_VEHICLE_SALE, _WORKSHOP, _COUNTER, _OTHER = "vehicle_sale", "workshop", "counter_sale", "other"
_STAFF = {_VEHICLE_SALE: ("sales", "sales", "manager"), _WORKSHOP: ("advisor",), _COUNTER: ("parts",),
          _OTHER: ("advisor", "sales")}
_POSTERS = ("cashier", "cashier", "cashier", "cashier", "manager", "owner")


def units(size: Size) -> int:
    """Progress units :func:`write` reports for a build of ``size``."""
    return 3 * size.vehicles


# --- what the generator reads and keeps ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Customer:
    id: str
    created_at: datetime
    company: bool
    name: str
    address: str
    phone: str
    tax_id: str


@dataclass(frozen=True, slots=True)
class _Vehicle:
    id: str
    owner: int  # index into the customers; -1 for a car in stock
    created_at: datetime
    bought_new: bool
    make: str
    model: str
    variant: str
    model_year: int
    fuel: str
    vin: str


@dataclass(slots=True)
class _Sale:
    """A posted invoice, as much as paying it needs."""

    id: str
    number: str
    kind: str
    customer: int
    vehicle: int
    moment: datetime
    day: date
    total: int
    car_price: int = 0
    financed: bool = False
    claim: bool = False
    order_ref: str = ""


@dataclass
class Written:
    counts: dict[str, int]  # rows per table
    posted: int  # invoices and credit notes posted (what global search indexes)


def _local_day(moment: datetime) -> date:
    return (moment + LOCAL_OFFSET).date()


def _at_local(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute)) - LOCAL_OFFSET


class _Progress:
    """Reports the share of the billing work done in the build's units."""

    def __init__(self, ctx: DemoContext) -> None:
        self._ctx = ctx
        self._units = units(ctx.size)
        self._reported = 0

    def to(self, share: float, message: str) -> None:
        target = min(self._units, int(self._units * share))
        self._ctx.advance(target - self._reported, message)
        self._reported = target


# --- pricing --------------------------------------------------------------------------------------


class _Prices:
    """Unit prices, costs and line amounts; memoised, because the same few thousand combinations
    occur millions of times in a large build."""

    def __init__(self, ctx: DemoContext, rates: dict[str, int], *, minor: int, prices_include_tax: bool) -> None:
        self._today = ctx.today
        self.rates = rates
        self.minor = minor
        self._include = prices_include_tax
        self._unit: dict[tuple[str, float, int], int] = {}
        self._amounts: dict[tuple[int, int, int, int], LineAmounts] = {}

    def unit(self, item: Item, tier: float, year: int) -> int:
        """The unit price in minor units: whole yuan, about 3 % dearer each year."""
        key = (item.code, tier, year)
        price = self._unit.get(key)
        if price is None:
            base = LABOUR_RATE * min(tier, 2.2) if item.item_type == "labour" and not item.price else item.price * tier
            price = self._unit[key] = max(1, round(base * 1.03 ** (year - self._today.year))) * self.minor
        return price

    def amounts(self, quantity: int, price: int, discount: int, rate: int) -> LineAmounts:
        key = (quantity, price, discount, rate)
        found = self._amounts.get(key)
        if found is None:
            found = self._amounts[key] = line_amounts(quantity_milli=quantity, unit_price=price, discount=discount,
                                                      rate_bp=rate, prices_include_tax=self._include)
        return found

    def net_unit(self, price: int, rate: int) -> int:
        return price * 10000 // (10000 + rate) if self._include else price

    def car(self, vehicle: _Vehicle) -> int:
        base = CAR_PRICE.get(vehicle.make, 150_000)
        model = 0.75 + (zlib.crc32(f"{vehicle.make}/{vehicle.model}".encode()) % 1000) / 1000 * 0.7
        variant = 1 + (zlib.crc32(vehicle.variant.encode()) % 1000) / 1000 * 0.25
        yuan = max(1, round(base * model * variant / 1000)) * 1000 - 100
        return yuan * self.minor


# A line before its amounts: (item type, code, description, quantity, unit price, discount, tax code, unit cost).
_Line = tuple[str, str, str, int, int, int, str, int]


class _Lines:
    """Draws the lines of each kind of invoice."""

    def __init__(self, ctx: DemoContext, prices: _Prices) -> None:
        self._rng = ctx.rng
        self._p = prices
        self._default_tax = "VAT13" if "VAT13" in prices.rates else next(iter(prices.rates))

    def _tax(self, item: Item) -> str:
        return item.tax if item.tax in self._p.rates else self._default_tax

    def line(self, item: Item, tier: float, year: int, make_code: str, *, discount_share: float = 0.0) -> _Line:
        qty = item.quantities[0] if len(item.quantities) == 1 else self._rng.choice(item.quantities)
        price = self._p.unit(item, tier, year)
        tax = self._tax(item)
        discount = 0
        if discount_share:
            discount = int(qty * price // 1000 * discount_share)
        cost = int(self._p.net_unit(price, self._p.rates[tax]) * item.cost_share)
        code = f"{item.code}-{make_code}" if item.item_type in ("part", "accessory") and make_code else item.code
        return (item.item_type, code, item.description, qty, price, discount, tax, cost)

    def vehicle_sale(self, vehicle: _Vehicle, day: date, *, financed: bool) -> list[_Line]:
        rng = self._rng
        minor = self._p.minor
        price = self._p.car(vehicle)
        discount = 0
        if rng.random() < 0.65:
            discount = min(rng.choice((3_000, 5_000, 8_000, 10_000, 15_000, 20_000)) * minor, price * 12 // 100)
        tax = self._default_tax
        net = self._p.amounts(1000, price, discount, self._p.rates[tax]).net
        car = ("vehicle", vehicle.vin, f"{vehicle.make} {vehicle.model} {vehicle.variant} {vehicle.model_year}款",
               1000, price, discount, tax, int(net * rng.uniform(0.9, 0.97)))
        lines: list[_Line] = [car]
        code = MAKE_CODES.get(vehicle.make, "GEN")
        extras = list(ACCESSORIES)
        if vehicle.fuel in ("electric", "plug_in_hybrid"):
            extras.append(CHARGER)
        for item in rng.sample(extras, rng.choices((0, 1, 2), cum_weights=(4, 8, 10))[0]):
            lines.append(self.line(item, 1.0, day.year, code))
        if financed and rng.random() < 0.5:
            lines.append(self.line(FINANCE_FEE, 1.0, day.year, ""))
        elif rng.random() < 0.5:
            lines.append(self.line(REGISTRATION if rng.random() < 0.7 else DELIVERY, 1.0, day.year, ""))
        return lines[:4]

    def workshop(self, vehicle: _Vehicle, day: date, *, member: bool) -> tuple[list[_Line], bool]:
        """The lines of a workshop job, and whether it is an accident repair."""
        rng = self._rng
        tier = PRICE_TIER.get(vehicle.make, 1.0)
        code = MAKE_CODES.get(vehicle.make, "GEN")
        year = day.year
        electric = vehicle.fuel == "electric"
        labour_off = 0.1 if member else 0.0
        lines: list[_Line] = []
        accident = False
        job = rng.random()
        if job < 0.55:
            lines.append(self.line(SERVICE, tier, year, code, discount_share=labour_off))
            if electric:
                lines.append(self.line(TYRE_ROTATION, tier, year, code, discount_share=labour_off))
            else:
                lines.append(self.line(OIL, tier, year, code))
                lines.append(self.line(OIL_FILTER, tier, year, code))
                lines.append(self.line(DRAIN_WASHER, tier, year, code))
            for item, chance, for_electric in MAINTENANCE_EXTRAS:
                if (for_electric or not electric) and rng.random() < chance:
                    lines.append(self.line(item, tier, year, code))
            if not electric and rng.random() < 0.08:
                lines.append(self.line(GEARBOX_SERVICE, tier, year, code, discount_share=labour_off))
                lines.append(self.line(GEARBOX_OIL, tier, year, code))
        elif job < 0.83:
            if rng.random() < 0.7:
                lines.append(self.line(DIAGNOSIS, tier, year, code, discount_share=labour_off))
            jobs = [EV_REPAIR] if electric and rng.random() < 0.3 else []
            jobs += rng.sample(REPAIRS, rng.choice((1, 1, 2)))
            for labour, parts in jobs:
                lines.append(self.line(labour, tier, year, code, discount_share=labour_off))
                for part in rng.sample(parts, rng.randint(1, len(parts))):
                    lines.append(self.line(part, tier, year, code))
        elif job < 0.93:
            accident = True
            lines.append(self.line(BODY, tier, year, code))
            lines.append(self.line(PAINT, tier, year, code))
            for part in rng.sample(BODY_PARTS, rng.randint(1, 3)):
                lines.append(self.line(part, tier, year, code))
            lines.append(self.line(PAINT_MATERIAL, tier, year, code))
        elif rng.random() < 0.7:
            lines.append(self.line(TYRE, tier, year, code))
            lines.append(self.line(TYRE_FITTING, tier, year, code, discount_share=labour_off))
            if rng.random() < 0.5:
                lines.append(self.line(ALIGNMENT, tier, year, code))
        else:
            lines.append(self.line(BATTERY, tier, year, code))
            lines.append(self.line(BATTERY_FITTING, tier, year, code, discount_share=labour_off))
        if len(lines) < 2:
            lines.append(self.line(SAFETY_CHECK, tier, year, code))
        return lines[:9], accident

    def counter(self, vehicle: _Vehicle | None, day: date) -> list[_Line]:
        rng = self._rng
        tier = PRICE_TIER.get(vehicle.make, 1.0) if vehicle is not None else 1.0
        code = MAKE_CODES.get(vehicle.make, "GEN") if vehicle is not None else "GEN"
        count = rng.choices((1, 2, 3, 4), cum_weights=(45, 75, 92, 100))[0]
        return [self.line(item, tier, day.year, code) for item in rng.sample(COUNTER_ITEMS, count)]

    def other(self, day: date) -> list[_Line]:
        rng = self._rng
        return [self.line(item, 1.0, day.year, "") for item in rng.sample(OTHER_ITEMS, rng.choice((1, 1, 1, 2)))]


# --- the generator --------------------------------------------------------------------------------


def write(conn: Connection, ctx: DemoContext) -> Written:
    """Write the billing history of the demo period inside the caller's transaction, after the
    customers and vehicles it bills. Returns the rows written per table."""
    progress = _Progress(ctx)
    dealer = settings.load(conn)
    terminal = settings.terminal_code(conn)
    rates = {r.code: r.rate_bp for r in conn.execute(
        select(TaxRate.code, TaxRate.rate_bp).where(TaxRate.active).order_by(TaxRate.code))}
    prices = _Prices(ctx, rates, minor=10 ** money.digits(dealer.currency),
                     prices_include_tax=dealer.prices_include_tax)
    customers, vehicles = _read(conn)
    progress.to(0.02, "Billing: planning the invoices")
    plan = _plan(ctx, customers, vehicles)
    progress.to(0.05, "Billing: planning the invoices")

    book = _Book(conn, ctx, dealer, terminal, prices, customers, vehicles, progress)
    sales = book.write_invoices(plan)
    book.write_credit_notes()
    book.post_all()
    progress.to(0.78, "Billing: payments")
    money_book = _Money(ctx, prices.minor, customers)
    money_book.settle(sales, book.credit_notes_by_invoice, vehicles)
    money_book.open_orders(len([s for s in sales if s.kind == _VEHICLE_SALE]))
    counts = {"invoice": book.invoice_count, "invoice_line": book.line_count}
    counts["payment"], counts["allocation"] = money_book.write(conn, terminal)
    progress.to(0.95, "Billing: cash desk, rebates and insurance claims")
    counts["cash_day"] = _write_cash_days(conn, ctx, terminal, money_book.payments, prices.minor)
    counts["rebate"] = _write_rebates(conn, ctx, sales, vehicles, prices.minor)
    counts["insurance_claim"] = _write_claims(ctx, money_book.claims)
    counts["number_series"] = book.write_series()
    ctx.uow.audit([
        Change("demo", "invoice", "*", summary=f"{book.posted_count} demo invoices, {book.note_count} credit notes, "
                                               f"{book.invoice_count - book.posted_count - book.note_count} drafts"),
        Change("demo", "invoice_line", "*", summary=f"{counts['invoice_line']} demo invoice lines"),
        Change("demo", "payment", "*", summary=f"{counts['payment']} demo payments, deposits and refunds"),
        Change("demo", "allocation", "*", summary=f"{counts['allocation']} demo allocations"),
        Change("demo", "cash_day", "*", summary=f"{counts['cash_day']} closed demo cash-desk days"),
        Change("demo", "rebate", "*", summary=f"{counts['rebate']} demo manufacturer rebates"),
        Change("demo", "insurance_claim", "*", summary=f"{counts['insurance_claim']} demo insurance claims"),
        Change("demo", "number_series", "*", summary="invoice and credit note series continued after the demo "
                                                     + ", ".join(book.series_summary())),
    ])
    progress.to(1.0, "Billing: done")
    return Written(counts, book.posted_count + book.note_count)


def _read(conn: Connection) -> tuple[list[_Customer], list[_Vehicle]]:
    c = Customer.__table__.c
    customers = []
    for r in conn.execute(select(c.id, c.created_at, c.kind, c.name, c.address, c.city, c.postcode, c.phone,
                                 c.company_reg, c.id_number).order_by(c.created_at, literal_column("rowid"))):
        address = " ".join(x for x in (r.address, r.city, r.postcode) if x)
        customers.append(_Customer(r.id, r.created_at, r.kind == "company", r.name, address, r.phone,
                                   r.company_reg or r.id_number))
    index = {cust.id: i for i, cust in enumerate(customers)}
    v = Vehicle.__table__.c
    vehicles = []
    for r in conn.execute(select(v.id, v.owner_id, v.created_at, v.registered_on, v.make, v.model, v.variant,
                                 v.model_year, v.fuel, v.vin).order_by(literal_column("rowid"))):
        owner = index[r.owner_id] if r.owner_id is not None else -1
        vehicles.append(_Vehicle(r.id, owner, r.created_at, r.registered_on == _local_day(r.created_at), r.make,
                                 r.model, r.variant, r.model_year, r.fuel, r.vin))
    return customers, vehicles


# A planned invoice: (posting moment, kind, customer index, vehicle index or -1, draft).
_Plan = tuple[datetime, str, int, int, bool]


def _plan(ctx: DemoContext, customers: Sequence[_Customer], vehicles: Sequence[_Vehicle]) -> list[_Plan]:
    """When each invoice is posted, of what kind and for whom, in posting order."""
    rng = ctx.rng
    end = ctx.end
    today = ctx.today
    plan: list[_Plan] = []

    # New cars delivered: about one for every eight vehicles on file.
    delivered = [i for i, v in enumerate(vehicles) if v.owner >= 0 and v.bought_new]
    for i in sorted(rng.sample(delivered, min(len(delivered), round(len(vehicles) / 8)))):
        v = vehicles[i]
        moment = v.created_at + timedelta(minutes=rng.randrange(20, 120))
        plan.append((moment if moment < end else v.created_at, _VEHICLE_SALE, v.owner, i, False))

    # Workshop visits: a car that came in for service is recorded on its first visit; then it comes
    # back about once a year (fleet cars more often) for as long as its owner stays loyal.
    draft_from = today - timedelta(days=DRAFT_DAYS)
    workshop = 0
    for i, v in enumerate(vehicles):
        if v.owner < 0:
            continue
        if not v.bought_new:
            moment = v.created_at + timedelta(minutes=rng.randrange(20, 180))
            if moment < end:
                plan.append((moment, _WORKSHOP, v.owner, i, False))
                workshop += 1
        rate = VISITS_PER_YEAR[customers[v.owner].company]
        last = min(today, _local_day(v.created_at) + timedelta(days=int(rng.expovariate(1 / LOYAL_YEARS) * 365)))
        day = _local_day(v.created_at)
        while True:
            day += timedelta(days=max(21, int(rng.expovariate(rate) * 365)))
            if day >= last:
                break
            plan.append((ctx.moment_on(day), _WORKSHOP, v.owner, i, day >= draft_from and rng.random() < 0.25))
            workshop += 1

    # Parts over the counter and other services, for customers on file at the time.
    created = [c.created_at for c in customers]
    for kind, share in ((_COUNTER, COUNTER_PER_WORKSHOP), (_OTHER, OTHER_PER_WORKSHOP)):
        for moment in ctx.moments(max(3, round(workshop * share))):
            known = bisect.bisect_left(created, moment)
            if known:
                plan.append((moment, kind, rng.randrange(known), -1, False))
    plan.sort(key=lambda p: p[0])
    return plan


# The columns of a line row that crediting reads.
_LINE_FIGURES = tuple(f.name for f in fields(LineFigures))


class _Book:
    """Writes invoices, their lines and credit notes, numbering them as posting would."""

    def __init__(self, conn: Connection, ctx: DemoContext, dealer: settings.DealershipSettings, terminal: str,
                 prices: _Prices, customers: Sequence[_Customer], vehicles: Sequence[_Vehicle],
                 progress: _Progress) -> None:
        self._conn = conn
        self._ctx = ctx
        self._dealer = dealer
        self._terminal = terminal
        self._prices = prices
        self._lines = _Lines(ctx, prices)
        self._customers = customers
        self._vehicles = vehicles
        self._progress = progress
        self._invoice_rows: list[dict[str, Any]] = []
        self._line_rows: list[dict[str, Any]] = []
        self.invoice_count = self.line_count = self.posted_count = self.note_count = 0
        self.credit_notes_by_invoice: dict[str, list[tuple[datetime, str, int]]] = {}
        self._note_plans: list[tuple[datetime, _Sale, list[tuple[dict[str, Any], int]], str]] = []
        prefixes = dealer.number_prefixes
        self._prefix = {"invoice": prefixes.get("invoice", settings.DOC_TYPES["invoice"]),
                        "credit_note": prefixes.get("credit_note", settings.DOC_TYPES["credit_note"])}
        ns = NumberSeries.__table__.c
        self._series: dict[tuple[str, int], list[int]] = {}  # (doc type, year) -> [next seq, width]
        self._existing: set[tuple[str, int]] = set()
        for doc, year, next_seq, width in conn.execute(select(ns.doc_type, ns.year, ns.next_seq, ns.width).where(
                ns.terminal_code == terminal, ns.doc_type.in_(tuple(self._prefix)))):
            self._series[(doc, year)] = [next_seq, width]
            self._existing.add((doc, year))
        # The lines of a first ``owner_vehicle`` give counter sales a make to price parts for.
        self._owner_vehicle: dict[int, int] = {}
        for i, v in enumerate(vehicles):
            if v.owner >= 0:
                self._owner_vehicle.setdefault(v.owner, i)

    # --- numbering ---

    def _number(self, doc: str, day: date) -> str:
        entry = self._series.setdefault((doc, day.year), [1, 6])
        seq, width = entry
        entry[0] = seq + 1
        return f"{self._prefix[doc]}{self._terminal}-{day.year}-{seq:0{width}d}"

    def write_series(self) -> int:
        """Leave every series this build used at its next free number."""
        table = NumberSeries.__table__
        rows = []
        for (doc, year), (next_seq, width) in sorted(self._series.items()):
            if (doc, year) in self._existing:
                self._ctx.uow.execute(update(table).where(
                    table.c.doc_type == doc, table.c.terminal_code == self._terminal, table.c.year == year,
                ).values(next_seq=next_seq), touches={"number_series": None})
            else:
                rows.append({"doc_type": doc, "prefix": self._prefix[doc], "terminal_code": self._terminal,
                             "year": year, "next_seq": next_seq, "width": width})
        insert_rows(self._ctx, table, rows)
        return len(rows)

    def series_summary(self) -> list[str]:
        return [f"{self._prefix[doc]}{self._terminal}-{year} at {next_seq}"
                for (doc, year), (next_seq, _w) in sorted(self._series.items())]

    # --- rows ---

    def _invoice_row(self, *, invoice_id: str, created: datetime, created_by: str, kind: str, customer: int,
                     vehicle: int, lines: list[dict[str, Any]], moment: datetime | None, terms: int,
                     number: str | None, credited: str | None = None, reference: str = "",
                     notes: str = "") -> dict[str, Any]:
        totals = invoice_totals((r["net"], r["tax"], r["total"],
                                 line_cost(quantity_milli=r["quantity_milli"], unit_cost=r["unit_cost"]))
                                for r in lines)
        row = {
            "id": invoice_id, "created_at": created, "created_by": created_by, "updated_at": created,
            "updated_by": created_by, "number": None, "kind": kind, "status": "draft",
            "customer_id": self._customers[customer].id,
            "vehicle_id": self._vehicles[vehicle].id if vehicle >= 0 else None, "credited_invoice_id": credited,
            "reference": reference, "notes": notes, "currency": self._dealer.currency,
            "prices_include_tax": self._dealer.prices_include_tax, "issued_on": None, "due_on": None,
            "payment_terms_days": terms, "net_total": totals.net, "tax_total": totals.tax, "total": totals.total,
            "cost_total": totals.cost,
            "terminal_code": self._terminal, "posted_at": None, "posted_by": "", "customer_name": "",
            "customer_address": "", "customer_phone": "", "customer_tax_id": "", "dealer_name": "",
            "dealer_address": "", "dealer_phone": "", "dealer_tax_id": "", "print_count": 0,
        }
        if number is not None and moment is not None:
            # Posting: the number, the dates and the copies of both parties' details.
            day = _local_day(moment)
            cust = self._customers[customer]
            poster = self._ctx.rng.choice(_POSTERS)
            row.update(number=number, issued_on=day, due_on=day + timedelta(days=terms), posted_at=moment,
                       posted_by=poster, updated_at=moment, updated_by=poster, customer_name=cust.name,
                       customer_address=cust.address, customer_phone=cust.phone, customer_tax_id=cust.tax_id,
                       dealer_name=self._dealer.name, dealer_address=self._dealer.address,
                       dealer_phone=self._dealer.phone, dealer_tax_id=self._dealer.tax_id)
        return row

    def _line_rows_for(self, invoice_id: str, created: datetime, created_by: str, lines: list[_Line],
                       credited: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
        rates = self._prices.rates
        at = self._ctx.ids.at
        rows = []
        for no, (item_type, code, description, qty, price, discount, tax_code, cost) in enumerate(lines, start=1):
            rate = rates[tax_code]
            a = self._prices.amounts(qty, price, discount, rate)
            rows.append({
                "id": at(created), "created_at": created, "created_by": created_by, "updated_at": created,
                "updated_by": created_by, "invoice_id": invoice_id, "line_no": no, "item_type": item_type,
                "item_code": code, "description": description, "quantity_milli": qty, "unit_price": price,
                "discount": discount, "tax_code": tax_code, "tax_rate_bp": rate, "unit_cost": cost, "net": a.net,
                "tax": a.tax, "total": a.total,
                "credited_line_id": credited[no - 1] if credited is not None else None,
            })
        return rows

    def _flush(self) -> None:
        insert_rows(self._ctx, Invoice.__table__, self._invoice_rows)
        insert_rows(self._ctx, InvoiceLine.__table__, self._line_rows)
        self.invoice_count += len(self._invoice_rows)
        self.line_count += len(self._line_rows)
        self._invoice_rows, self._line_rows = [], []

    # --- invoices ---

    def write_invoices(self, plan: Sequence[_Plan]) -> list[_Sale]:
        """Insert the planned invoices (as drafts, numbered if they are to be posted) with their lines;
        plan their credit notes. Returns the invoices to be posted, in posting order."""
        ctx = self._ctx
        rng = ctx.rng
        today = ctx.today
        sales: list[_Sale] = []
        total = len(plan)
        for n, (moment, kind, customer, vehicle, draft) in enumerate(plan, start=1):
            cust = self._customers[customer]
            day = _local_day(moment)
            veh = self._vehicles[vehicle] if vehicle >= 0 else None
            financed = claim = False
            order_ref = ""
            if kind == _VEHICLE_SALE:
                assert veh is not None
                financed = rng.random() < 0.35
                lines = self._lines.vehicle_sale(veh, day, financed=financed)
                terms = 15 if financed else 0
                order_ref = f"SO-{veh.vin[-8:]}"
            elif kind == _WORKSHOP:
                assert veh is not None
                lines, claim = self._lines.workshop(veh, day, member=cust.company or rng.random() < 0.1)
                claim = claim and rng.random() < 0.6
                terms = 30 if cust.company else 7
            elif kind == _COUNTER:
                owned = self._owner_vehicle.get(customer)
                lines = self._lines.counter(self._vehicles[owned] if owned is not None else None, day)
                terms = 30 if cust.company else 0
            else:
                lines = self._lines.other(day)
                terms = 30 if cust.company else 7
            created = moment - timedelta(minutes=rng.randrange(5, 240 if kind == _WORKSHOP else 60))
            created_by = rng.choice(_STAFF[kind])
            invoice_id = ctx.ids.at(created)
            line_rows = self._line_rows_for(invoice_id, created, created_by, lines)
            number = None if draft else self._number("invoice", day)
            row = self._invoice_row(invoice_id=invoice_id, created=created, created_by=created_by, kind=kind,
                                    customer=customer, vehicle=vehicle, lines=line_rows,
                                    moment=None if draft else moment, terms=terms, number=number,
                                    reference=order_ref)
            self._invoice_rows.append(row)
            self._line_rows.extend(line_rows)
            if not draft:
                assert number is not None
                self.posted_count += 1
                sale = _Sale(invoice_id, number, kind, customer, vehicle, moment, day, row["total"],
                             car_price=lines[0][4] if kind == _VEHICLE_SALE else 0, financed=financed, claim=claim,
                             order_ref=order_ref)
                sales.append(sale)
                # Claims are settled with the insurer as invoiced, so they are never credited here.
                if not claim and rng.random() < CREDIT_CHANCE[kind]:
                    self._plan_credit(sale, line_rows, today)
            if len(self._invoice_rows) >= INSERT_CHUNK:
                self._flush()
                self._progress.to(0.05 + 0.65 * n / total, f"Invoices: {n:,} of {total:,}")
        self._flush()
        self._progress.to(0.70, f"Invoices: {total:,} of {total:,}")
        return sales

    def _plan_credit(self, sale: _Sale, lines: list[dict[str, Any]], today: date) -> None:
        """One credit note, sometimes two, for ``sale``: the whole invoice, or some of its lines (all of
        a line, or part of a line's quantity); a line is credited by one note only."""
        rng = self._ctx.rng
        day = sale.day + timedelta(days=rng.randint(1, 25))
        if day >= today:
            return
        # A delivered car is never taken back by a credit note (it would come back as a trade-in):
        # a vehicle sale is credited its accessories and fees only.
        if rng.random() < 0.3 and sale.kind != _VEHICLE_SALE:
            self._note_plans.append((self._ctx.moment_on(day), sale, [(r, r["quantity_milli"]) for r in lines],
                                     FULL_CREDIT_REASON))
            return
        untouched = [r for r in lines if r["item_type"] != "vehicle"]
        while untouched:
            chosen = rng.sample(untouched, min(len(untouched), rng.choice((1, 1, 2))))
            taken = []
            for r in sorted(chosen, key=lambda r: r["line_no"]):
                qty = r["quantity_milli"]
                if qty >= 2000 and qty % 1000 == 0 and rng.random() < 0.6:
                    qty = rng.randrange(1, qty // 1000) * 1000
                taken.append((r, qty))
                untouched.remove(r)
            self._note_plans.append((self._ctx.moment_on(day), sale, taken, rng.choice(CREDIT_REASONS[sale.kind])))
            day += timedelta(days=rng.randint(1, 20))
            if not untouched or day >= today or rng.random() >= SECOND_CREDIT_CHANCE:
                return

    def write_credit_notes(self) -> None:
        """Insert the planned credit notes (numbered in their posting order) and their lines."""
        ctx = self._ctx
        rng = ctx.rng
        at = ctx.ids.at
        include = self._dealer.prices_include_tax
        self._note_plans.sort(key=lambda p: p[0])
        for moment, sale, taken, reason in self._note_plans:
            created = moment - timedelta(minutes=rng.randrange(2, 30))
            by = rng.choice(("cashier", "manager"))
            note_id = at(created)
            rows = []
            for no, (src, qty) in enumerate(taken, start=1):
                # A line is credited by one note only: nothing of it was credited before.
                c = credit_amounts(LineFigures(**{k: src[k] for k in _LINE_FIGURES}), credited_before=0,
                                   quantity_milli=qty, prices_include_tax=include)
                rows.append({
                    "id": at(created), "created_at": created, "created_by": by, "updated_at": created, "updated_by": by,
                    "invoice_id": note_id, "line_no": no, "item_type": src["item_type"], "item_code": src["item_code"],
                    "description": src["description"], "quantity_milli": qty, "unit_price": src["unit_price"],
                    "discount": c.discount, "tax_code": src["tax_code"], "tax_rate_bp": src["tax_rate_bp"],
                    "unit_cost": src["unit_cost"], "net": c.net, "tax": c.tax, "total": c.total,
                    "credited_line_id": src["id"],
                })
            day = _local_day(moment)
            row = self._invoice_row(invoice_id=note_id, created=created, created_by=by, kind="credit_note",
                                    customer=sale.customer, vehicle=sale.vehicle, lines=rows, moment=moment, terms=0,
                                    number=self._number("credit_note", day), credited=sale.id,
                                    reference=sale.number, notes=reason)
            self._invoice_rows.append(row)
            self._line_rows.extend(rows)
            self.note_count += 1
            self.credit_notes_by_invoice.setdefault(sale.id, []).append((moment, note_id, row["total"]))
        self._flush()

    def post_all(self) -> None:
        """Post every numbered draft at once, now that all lines are in. Their ``updated_at`` stays the
        posting moment they carry rather than the clock's time now."""
        table = Invoice.__table__
        self._ctx.uow.execute(update(table).where(table.c.status == "draft", table.c.number.is_not(None))
                              .values(status="posted", updated_at=table.c.updated_at), touches={"invoice": None})


# --- payments -------------------------------------------------------------------------------------

# A payment while it is being made: [created_at, id, paid_on, method, amount, customer id, reference,
# held_for, refund_of_id, notes, created_by].
_Pay = list[Any]
_PERSON_METHODS = ("card", "cash", "bank_transfer")
_PERSON_CUM = cumulative((74, 14, 12))


class _Money:
    """Payments, deposits, refunds and allocations as they happened, written in time order."""

    def __init__(self, ctx: DemoContext, minor: int, customers: Sequence[_Customer]) -> None:
        self._ctx = ctx
        self._rng = ctx.rng
        self._minor = minor
        self._customers = customers
        self.payments: list[_Pay] = []
        self._allocations: list[tuple[datetime, str, str, str | None, str | None, int, date]] = []
        self._transfers: dict[tuple[int, date], _Pay] = {}
        self._month_pay_day: dict[tuple[int, int, int], date] = {}
        self._late_payers: dict[int, bool] = {}
        self._vouchers = 0
        self._refs = 0
        self._vehicles: Sequence[_Vehicle] = ()
        self.claims: list[dict[str, Any]] = []
        self._claim_numbers: set[tuple[str, str]] = set()

    # --- primitives ---

    def _receive(self, when: datetime, method: str, amount: int, customer: int, *, reference: str = "",
                 held_for: str = "", notes: str = "", refund_of: str | None = None, by: str = "cashier") -> _Pay:
        row = [when, self._ctx.ids.at(when), _local_day(when), method, amount, self._customers[customer].id,
               reference, held_for, refund_of, notes, by]
        self.payments.append(row)
        return row

    def _allocate(self, when: datetime, invoice_id: str, amount: int, *, payment: _Pay | None = None,
                  note_id: str | None = None) -> None:
        self._allocations.append((when, self._ctx.ids.at(when), invoice_id, payment[1] if payment else None,
                                  note_id, amount, _local_day(when)))

    def _yuan(self, amount: float, step: int = 1) -> int:
        """``amount`` (minor units) rounded to ``step`` whole yuan, at least one step."""
        unit = step * self._minor
        return max(1, round(amount / unit)) * unit

    def _soon(self, moment: datetime, low: int, high: int) -> datetime:
        """``low``–``high`` minutes after ``moment``, but within the demo period."""
        later = moment + timedelta(minutes=self._rng.randrange(low, high))
        return min(later, max(moment, self._ctx.end - _MINUTE))

    def _reference(self, method: str, day: date) -> str:
        self._refs += 1
        if method == "card":
            return f"POS {self._rng.randrange(1_000_000):06d}"
        if method == "bank_transfer":
            return f"TRF{day:%Y%m%d}{self._refs % 10_000:04d}"
        return ""

    def _later(self, day: date, low: int, high: int) -> datetime | None:
        """A moment ``low``–``high`` days after ``day``, or None if that is not in the past yet."""
        later = day + timedelta(days=self._rng.randint(low, high))
        return self._ctx.moment_on(later) if later < self._ctx.today else None

    # --- invoices ---

    def settle(self, sales: Sequence[_Sale], notes: dict[str, list[tuple[datetime, str, int]]],
               vehicles: Sequence[_Vehicle]) -> None:
        """Pay (or leave open) every invoice, allocate its credit notes, refund what they leave over."""
        self._vehicles = vehicles
        for sale in sales:
            # (moment, method, amount or None for what is still open, reference, monthly transfer day)
            plan: list[tuple[datetime, str, int | None, str, date | None]] = []
            if sale.kind == _VEHICLE_SALE:
                deposit = self._vehicle_sale(sale, vehicles[sale.vehicle], plan)
            else:
                deposit = None
                self._plan_payment(sale, plan)
            open_amount = sale.total
            if deposit is not None:
                take = min(deposit[4], open_amount)
                self._allocate(sale.moment, sale.id, take, payment=deposit)
                open_amount -= take
            events: list[tuple[datetime, int, tuple[Any, ...]]] = [(p[0], 0, p) for p in plan]
            events += [(n[0], 1, n) for n in notes.get(sale.id, ())]
            events.sort(key=lambda e: (e[0], e[1]))
            paid_with: _Pay | None = None
            for when, is_note, event in events:
                if is_note:
                    _moment, note_id, note_total = event
                    take = min(open_amount, note_total)
                    if take > 0:
                        self._allocate(when, sale.id, take, note_id=note_id)
                        open_amount -= take
                    self._refund_credit(sale, when, note_total - take, paid_with)
                    continue
                _when, method, amount, reference, transfer_day = event
                take = open_amount if amount is None else min(amount, open_amount)
                if take <= 0:
                    continue
                if transfer_day is not None:
                    payment = self._transfer(sale.customer, transfer_day)
                    payment[4] += take
                    when = payment[0]
                else:
                    payment = self._receive(when, method, take, sale.customer, reference=reference)
                self._allocate(when, sale.id, take, payment=payment)
                open_amount -= take
                if paid_with is None or payment[4] > paid_with[4]:
                    paid_with = payment

    def _refund_credit(self, sale: _Sale, when: datetime, credit: int, paid_with: _Pay | None) -> None:
        """Most customers take the money a credit note leaves over back; some keep a small amount as
        credit for their next visit."""
        if credit <= 0 or (credit <= 2_000 * self._minor and self._rng.random() >= 0.85):
            return
        later = self._later(_local_day(when), 0, 5)
        if later is None:
            return
        later = max(later, when + _MINUTE)
        method = paid_with[3] if paid_with is not None and paid_with[3] in ("card", "cash") else "bank_transfer"
        if method == "cash" and credit > 1_000 * self._minor:
            method = "bank_transfer"
        self._receive(later, method, -credit, sale.customer, notes=f"退还贷项余额 {sale.number}")

    def _pickup(self, sale: _Sale, plan: list, *, methods: tuple[str, ...] = _PERSON_METHODS,
                cum: Sequence[float] = _PERSON_CUM) -> None:
        """Paid in full when the customer collects: one method, or split over two."""
        rng = self._rng
        when = self._soon(sale.moment, 2, 20)
        if rng.random() < 0.08 and sale.total > 300 * self._minor:
            if rng.random() < 0.5:
                self._vouchers += 1
                amount = rng.choice((100, 200, 300)) * self._minor
                plan.append((when, "voucher", amount, f"保养券 V{self._vouchers:06d}", None))
            else:
                plan.append((when, "cash", self._yuan(sale.total * rng.uniform(0.2, 0.5)), "", None))
            plan.append((when + _MINUTE, "card", None, self._reference("card", sale.day), None))
            return
        method = rng.choices(methods, cum_weights=cum)[0]
        plan.append((when, method, None, self._reference(method, sale.day), None))

    def _plan_payment(self, sale: _Sale, plan: list) -> None:
        rng = self._rng
        cust = self._customers[sale.customer]
        if sale.claim:
            self._insurance(sale, plan)
            return
        if cust.company:
            late = self._late_payers.get(sale.customer)
            if late is None:
                late = self._late_payers[sale.customer] = rng.random() < 0.03
            if late:
                # A customer who pays months late, or never.
                if rng.random() < 0.65:
                    when = self._later(sale.day, 60, 150)
                    if when is not None:
                        plan.append((when, "bank_transfer", None, self._reference("bank_transfer", sale.day), None))
                return
            if rng.random() < 0.2:
                self._pickup(sale, plan)
                return
            # Account customers pay their month's invoices with one transfer in the next month; now
            # and then only part of one, and the rest a month later.
            pay_day = self._pay_day(sale.customer, sale.day)
            if pay_day is not None and rng.random() < 0.05:
                part = self._yuan(sale.total * rng.uniform(0.5, 0.9))
                plan.append((_at_local(pay_day, 12, 0), "bank_transfer", part, "", pay_day))
                pay_day = self._pay_day(sale.customer, pay_day)
            if pay_day is not None:
                plan.append((_at_local(pay_day, 12, 0), "bank_transfer", None, "", pay_day))
            return
        recent = (self._ctx.today - sale.day).days < 14
        r = rng.random()
        if r < 0.0015:
            return  # never paid: it will show as long overdue
        if r < 0.0115 or (recent and r < 0.12):
            when = self._later(sale.day, 1, 30)
            if when is not None:
                method = rng.choice(("card", "bank_transfer"))
                plan.append((when, method, None, self._reference(method, sale.day), None))
            return
        if r < 0.0215:
            when = self._soon(sale.moment, 2, 20)
            plan.append((when, "card", self._yuan(sale.total * rng.uniform(0.3, 0.7)), self._reference("card",
                                                                                                       sale.day), None))
            later = self._later(sale.day, 5, 40)
            if later is not None:
                plan.append((later, "card", None, self._reference("card", sale.day), None))
            return
        if sale.kind == _COUNTER:
            self._pickup(sale, plan, methods=("card", "cash"), cum=(70, 100))
        else:
            self._pickup(sale, plan)

    def _pay_day(self, customer: int, day: date) -> date | None:
        """The day in the month after ``day`` that an account customer pays that month's invoices;
        None while it lies in the future."""
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        key = (customer, year, month)
        pay_day = self._month_pay_day.get(key)
        if pay_day is None:
            pay_day = self._month_pay_day[key] = date(year, month, self._rng.randint(5, 25))
        return pay_day if pay_day < self._ctx.today else None

    def _transfer(self, customer: int, day: date) -> _Pay:
        key = (customer, day)
        row = self._transfers.get(key)
        if row is None:
            row = self._transfers[key] = self._receive(self._ctx.moment_on(day), "bank_transfer", 0, customer,
                                                       reference=self._reference("bank_transfer", day))
        return row

    def _insurance(self, sale: _Sale, plan: list) -> None:
        """An accident repair (services.billing.thirdparty): the insurer approved the repair as
        invoiced and pays it less the customer's excess, which the customer pays on collection.
        Now and then the insurer turns the claim down and the customer pays it all."""
        rng = self._rng
        insurer, code = rng.choices(INSURERS, cum_weights=_INSURER_CUM)[0]
        number = f"R{code}{sale.day:%Y}{rng.randrange(10 ** 10):010d}"
        while (insurer, number) in self._claim_numbers:
            number = f"R{code}{sale.day:%Y}{rng.randrange(10 ** 10):010d}"
        self._claim_numbers.add((insurer, number))
        payout = self._later(sale.day, 10, 45)
        notes = ""
        if rng.random() < 0.03:
            status, approved, excess, paid = "rejected", 0, 0, 0
            notes = "保险公司拒赔，客户自付"
            if payout is not None:
                plan.append((payout, "card", None, self._reference("card", sale.day), None))
        else:
            approved = sale.total
            excess = min(sale.total // 2, rng.choice((0, 0, 0, 500, 1000, 2000)) * self._minor)
            if excess:
                plan.append((self._soon(sale.moment, 2, 20), "card", excess, self._reference("card", sale.day),
                             None))
            if payout is not None:
                status, paid = "paid", approved - excess
                plan.append((payout, "insurance_payout", paid, f"{insurer} {number}", None))
            else:
                status, paid = "invoiced", 0
        vehicle = self._vehicles[sale.vehicle]
        created = max(sale.moment - timedelta(hours=rng.randint(2, 72)), vehicle.created_at)
        updated = payout or sale.moment
        self.claims.append({
            "id": self._ctx.ids.at(created), "created_at": created, "created_by": "advisor", "updated_at": updated,
            "updated_by": "cashier" if payout else "advisor", "insurer": insurer, "claim_number": number,
            "customer_id": self._customers[sale.customer].id, "vehicle_id": vehicle.id, "invoice_id": sale.id,
            "approved_amount": approved, "excess_amount": excess, "status": status, "paid_amount": paid,
            "notes": notes,
        })

    def _vehicle_sale(self, sale: _Sale, vehicle: _Vehicle, plan: list) -> _Pay | None:
        """A new car: mostly a deposit when ordered, then the rest (or a down payment and the finance
        company's payout) at delivery. Returns the deposit."""
        rng = self._rng
        cust = self._customers[sale.customer]
        deposit = None
        if rng.random() < 0.6:
            ordered = sale.moment - timedelta(days=rng.randint(3, 30), minutes=rng.randrange(0, 600))
            ordered = max(ordered, cust.created_at + timedelta(minutes=rng.randrange(1, 10)))
            ordered = min(ordered, sale.moment - _MINUTE)
            amount = min(rng.choice((5_000, 10_000, 10_000, 20_000, 30_000)) * self._minor, sale.total // 2)
            method = rng.choices(("card", "bank_transfer", "cash"), cum_weights=(50, 85, 100))[0]
            if method == "cash" and amount > 10_000 * self._minor:
                method = "card"
            deposit = self._receive(ordered, method, amount, sale.customer, held_for=sale.order_ref,
                                    reference=self._reference(method, _local_day(ordered)),
                                    notes=f"定金 {vehicle.make} {vehicle.model}", by=rng.choice(("cashier", "manager")))
        when = self._soon(sale.moment, 5, 30)
        if sale.financed:
            down = self._yuan(sale.total * rng.uniform(0.3, 0.5), 100) - (deposit[4] if deposit else 0)
            if down > 0:
                plan.append((when, "bank_transfer", down, self._reference("bank_transfer", sale.day), None))
            lender = FINANCE_COMPANIES.get(vehicle.make) if rng.random() < 0.7 else None
            lender = lender or rng.choice(BANK_FINANCE)
            payout = self._later(sale.day, 3, 15)
            if payout is not None:
                plan.append((payout, "finance_payout", None, f"{lender} 合同 {rng.randrange(10 ** 8):08d}", None))
            return deposit
        if rng.random() < 0.15:
            card = min(50_000 * self._minor, sale.total // 3)
            plan.append((when, "card", card, self._reference("card", sale.day), None))
            plan.append((when + _MINUTE, "bank_transfer", None, self._reference("bank_transfer", sale.day), None))
        else:
            method = "bank_transfer" if cust.company or rng.random() < 0.55 else "card"
            plan.append((when, method, None, self._reference(method, sale.day), None))
        return deposit

    def open_orders(self, delivered: int) -> None:
        """Deposits for cars not delivered yet (held for their order), and orders that were cancelled
        and their deposits refunded."""
        ctx = self._ctx
        rng = self._rng
        created = [c.created_at for c in self._customers]
        months = max(1, round((ctx.today - ctx.start).days / 30))
        held = max(3, round(delivered / months * 0.8))
        cancelled = max(2, round(delivered * 0.04))
        for k in range(held + cancelled):
            if k < held:
                day = ctx.today - timedelta(days=rng.randint(1, 30))
            else:
                day = ctx.start + timedelta(days=rng.randrange(max(1, (ctx.today - ctx.start).days - 30)))
            moment = ctx.moment_on(day)
            known = bisect.bisect_left(created, moment)
            if not known:
                continue
            customer = rng.randrange(known)
            method = rng.choices(("card", "bank_transfer", "cash"), cum_weights=(50, 85, 100))[0]
            amount = rng.choice((5_000, 10_000, 20_000)) * self._minor
            if method == "cash" and amount > 10_000 * self._minor:
                method = "card"
            order = f"SO-{day:%y%m%d}{k:03d}"
            deposit = self._receive(moment, method, amount, customer, held_for=order,
                                    reference=self._reference(method, day), notes="定金", by="manager")
            if k >= held:
                refund_day = day + timedelta(days=rng.randint(2, 20))
                if refund_day < ctx.today:
                    self._receive(max(ctx.moment_on(refund_day), moment + _MINUTE),
                                  "bank_transfer" if method == "cash" else method, -amount, customer,
                                  refund_of=deposit[1], notes="订单取消，退还定金")

    # --- writing ---

    def write(self, conn: Connection, terminal: str) -> tuple[int, int]:
        """Insert the payments and allocations in time order; returns how many of each."""
        self.payments.sort(key=lambda p: p[0])
        # A payment keeps its customer's name, as the build has it.
        names = {c.id: c.name for c in self._customers}
        rows = []
        for when, pid, day, method, amount, customer_id, reference, held_for, refund_of, notes, by in self.payments:
            rows.append({"id": pid, "created_at": when, "created_by": by, "updated_at": when, "updated_by": by,
                         "paid_on": day, "method": method, "amount": amount, "customer_id": customer_id,
                         "customer_name": names[customer_id], "reference": reference, "held_for": held_for,
                         "refund_of_id": refund_of, "terminal_code": terminal, "notes": notes})
            if len(rows) == INSERT_CHUNK:
                insert_rows(self._ctx, Payment.__table__, rows)
                rows = []
                self._ctx.advance(0, "Billing: payments")
        insert_rows(self._ctx, Payment.__table__, rows)
        self._allocations.sort(key=lambda a: a[0])
        rows = []
        for when, aid, invoice_id, payment_id, note_id, amount, day in self._allocations:
            rows.append({"id": aid, "created_at": when, "created_by": "cashier", "updated_at": when,
                         "updated_by": "cashier", "invoice_id": invoice_id, "payment_id": payment_id,
                         "credit_note_id": note_id, "amount": amount, "allocated_on": day})
            if len(rows) == INSERT_CHUNK:
                insert_rows(self._ctx, Allocation.__table__, rows)
                rows = []
                self._ctx.advance(0, "Billing: allocations")
        insert_rows(self._ctx, Allocation.__table__, rows)
        return len(self.payments), len(self._allocations)


# --- the cash desk, rebates and claims ------------------------------------------------------------


def _write_cash_days(conn: Connection, ctx: DemoContext, terminal: str, payments: Sequence[_Pay], minor: int) -> int:
    """A closed cash-desk day for every past day the desk took or paid money: the float, the cash
    expected in the drawer, and what was counted (now and then a little off)."""
    rng = ctx.rng
    cash: dict[date, int] = {}
    for p in payments:
        day = p[2]
        cash[day] = cash.get(day, 0) + (p[4] if p[3] == "cash" else 0)
    rows = []
    opening = OPENING_FLOAT * minor
    for day in sorted(cash):
        expected = opening + cash[day]
        counted, notes = expected, ""
        if rng.random() < 0.03:
            off = rng.choice((-100, -50, -20, -10, 10, 20)) * minor
            if expected + off >= 0:
                counted = expected + off
                notes = f"{'短款' if off < 0 else '长款'} {abs(off) // minor} 元，已登记"
        opened = _at_local(day, 8, rng.randrange(15, 30))
        closed = _at_local(day, 20, rng.randrange(10, 50))
        rows.append({"id": ctx.ids.at(opened), "created_at": opened, "created_by": "cashier", "updated_at": closed,
                     "updated_by": "cashier", "terminal_code": terminal, "day": day, "opening_float": opening,
                     "expected_cash": expected, "counted_cash": counted, "closed_at": closed, "closed_by": "cashier",
                     "notes": notes})
    insert_rows(ctx, CashDay.__table__, rows)
    return len(rows)


def _write_rebates(conn: Connection, ctx: DemoContext, sales: Sequence[_Sale], vehicles: Sequence[_Vehicle],
                   minor: int) -> int:
    """Manufacturer money: a retail incentive for some cars, and a volume bonus per make and quarter;
    received some weeks after it was due, now and then short."""
    rng = ctx.rng
    today = ctx.today
    rows: list[dict[str, Any]] = []

    def add(created: datetime, make: str, campaign: str, vehicle_id: str | None, expected: int, due: date,
            notes: str = "") -> None:
        received, received_on = 0, None
        if due < today and rng.random() < 0.92:
            received_on = due + timedelta(days=rng.randint(-20, 25))
            if received_on >= today or received_on <= _local_day(created):
                received_on = due
            received = expected if rng.random() < 0.85 else expected * rng.randint(70, 99) // 100
            if received < expected:
                notes = notes or "厂家核减部分奖励"
        updated = _at_local(received_on, 10, rng.randrange(60)) if received_on else created
        rows.append({"id": ctx.ids.at(created), "created_at": created, "created_by": "manager",
                     "updated_at": max(updated, created), "updated_by": "manager",
                     "manufacturer": make, "campaign": campaign, "vehicle_id": vehicle_id,
                     "expected_amount": expected, "expected_on": due, "received_amount": received,
                     "received_on": received_on, "notes": notes})

    quarters: dict[tuple[str, int, int], int] = {}
    for sale in sales:
        if sale.kind != _VEHICLE_SALE:
            continue
        v = vehicles[sale.vehicle]
        quarter = (sale.day.month - 1) // 3 + 1
        quarters[(v.make, sale.day.year, quarter)] = quarters.get((v.make, sale.day.year, quarter), 0) + 1
        if rng.random() < 0.45:
            share = rng.choice((0.01, 0.015, 0.02, 0.03))
            expected = max(1, round(sale.car_price * share / (100 * minor))) * 100 * minor
            add(sale.moment + timedelta(hours=1), v.make, f"{sale.day.year}年第{quarter}季度零售奖励", v.id, expected,
                sale.day + timedelta(days=rng.randint(60, 120)))
    for (make, year, quarter), sold in sorted(quarters.items()):
        if sold < 5:
            continue
        end_month = quarter * 3
        last_day = (date(year + (end_month == 12), end_month % 12 + 1, 1) - timedelta(days=1))
        if last_day >= today:
            continue
        add(_at_local(last_day, 17, rng.randrange(60)), make, f"{year}年第{quarter}季度销量目标奖励", None,
            sold * rng.choice((300, 500, 800)) * minor, last_day + timedelta(days=90), notes=f"达成销量 {sold} 台")
    rows.sort(key=lambda r: r["created_at"])
    insert_rows(ctx, Rebate.__table__, rows)
    # Each rebate's dated entries, as the service keeps them: earned when recorded, then what arrived.
    entries = []
    for r in rows:
        entries.append({"id": ctx.ids.at(r["created_at"]), "created_at": r["created_at"], "created_by": "manager",
                        "updated_at": r["created_at"], "updated_by": "manager", "rebate_id": r["id"],
                        "kind": "expected", "amount": r["expected_amount"],
                        "booked_on": _local_day(r["created_at"])})
        if r["received_amount"]:
            entries.append({"id": ctx.ids.at(r["updated_at"]), "created_at": r["updated_at"],
                            "created_by": "manager", "updated_at": r["updated_at"], "updated_by": "manager",
                            "rebate_id": r["id"], "kind": "received", "amount": r["received_amount"],
                            "booked_on": r["received_on"]})
    entries.sort(key=lambda e: e["created_at"])
    insert_rows(ctx, RebateEntry.__table__, entries)
    return len(rows)


def _write_claims(ctx: DemoContext, claims: list[dict[str, Any]]) -> int:
    claims.sort(key=lambda r: r["created_at"])
    insert_rows(ctx, InsuranceClaim.__table__, claims)
    return len(claims)

