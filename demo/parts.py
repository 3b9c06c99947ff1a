"""Demo parts department: brands, the catalogue, suppliers and ten years (or one) of stock ledger.

The rows are what the parts services would have written (DESIGN §4):

- Part numbers follow each brand's own layout (``5Q0 615 301 F``, ``04465-02220``, ``0 986 494 516``,
  ``W 712/95``), unique per brand after :func:`services.parts.catalogue.normalize_number`.
- Some parts are replaced by newer numbers, in chains of one or two steps that never loop; a
  replaced part is no longer stocked.
- Every stock movement is costed by the rule :func:`services.parts.stock.record_movement` costs it
  with, :func:`services.parts.costing.cost_movement`: receipts and returns re-average, everything
  going out leaves at the average of that moment. Movements are made in time order, one
  millisecond apart at least, so the ledger's order by id is the order they happened in;
  ``part_stock`` holds what the ledger sums to, and on hand never drops below zero (demand that
  finds the shelf empty is lost, and triggers a reorder).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from core import money
from demo.context import CLOSE_SECONDS, LOCAL_OFFSET, OPEN_SECONDS, DemoContext, Size, cumulative, insert_rows
from demo.people import chinese_name, mobile
from demo.vehicles import MODELS
from models.admin import TaxRate
from models.parts import Brand, Part, PartStock, StockMovement, Supplier
from services import settings
from services.parts import purchasing
from services.parts.catalogue import normalize_number
from services.parts.costing import cost_movement
from store.audit_chain import Change

MOVEMENT_CHUNK = 50_000
RETURN_CHANCE = 0.02  # an issue or counter sale that comes back later
ADJUSTMENTS_PER_DAY_SHARE = 0.004  # adjustments as a share of a day's demand
SUPERSEDED_SHARE = 0.03
MANUAL_LEVELS_SHARE = 0.15  # stocked parts whose min/max the parts manager set by hand
ISSUE_SHARE = 0.76  # the rest of the demand is counter sales
YEARLY_COST_RISE = 1.03
_DIGITS = "0123456789"
_ALNUM = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


def units(size: Size) -> int:
    """Progress units :func:`write` reports for a build of ``size``."""
    return size.parts + size.movements // 10


# --- what a part is -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartType:
    zh: str
    en: str
    category: str
    cost: int  # list cost in whole yuan for an ordinary make, today
    unit: str
    quantities: tuple[int, ...]  # what one job or sale takes, thousandths
    pack: int  # receipts come in multiples of this, thousandths
    demand: float  # how often it is used, relative


def _t(zh: str, en: str, category: str, cost: int, demand: float, quantities: tuple[int, ...] = (1000,), *,
       unit: str = "pcs", pack: int = 1000) -> PartType:
    return PartType(zh, en, category, cost, unit, quantities, pack, demand)


FILTERS, BRAKES, ENGINE, IGNITION, CHASSIS, ELECTRICAL, BODY, FLUIDS, TYRES, COOLING, LIGHTING, ACCESSORIES = (
    "滤清器", "制动系统", "发动机", "点火系统", "悬挂转向", "电气系统", "车身覆盖件", "油液", "轮胎", "冷却空调",
    "照明", "精品附件")

OIL_FILTER = _t("机油滤清器", "Oil filter", FILTERS, 38, 30, pack=10_000)
AIR_FILTER = _t("空气滤清器", "Air filter", FILTERS, 85, 12, pack=5000)
CABIN_FILTER = _t("空调滤清器", "Cabin air filter", FILTERS, 70, 14, pack=5000)
FUEL_FILTER = _t("燃油滤清器", "Fuel filter", FILTERS, 120, 3)
FRONT_PADS = _t("前刹车片", "Front brake pads", BRAKES, 380, 6, unit="set")
REAR_PADS = _t("后刹车片", "Rear brake pads", BRAKES, 300, 4, unit="set")
DISC = _t("刹车盘", "Brake disc", BRAKES, 480, 2, (2000,), pack=2000)
CALIPER = _t("制动卡钳", "Brake caliper", BRAKES, 1100, 0.3)
BRAKE_FLUID = _t("刹车油 DOT4", "Brake fluid DOT4", FLUIDS, 52, 5, (1000,), unit="L", pack=12_000)
SPARK_PLUG = _t("火花塞", "Spark plug", IGNITION, 48, 4, (4000, 6000), pack=4000)
COIL = _t("点火线圈", "Ignition coil", IGNITION, 380, 0.8)
O2_SENSOR = _t("氧传感器", "Oxygen sensor", ELECTRICAL, 460, 0.8)
BATTERY = _t("蓄电池", "Battery", ELECTRICAL, 620, 2)
ALTERNATOR = _t("发电机总成", "Alternator", ELECTRICAL, 2100, 0.2)
STARTER = _t("起动机总成", "Starter motor", ELECTRICAL, 1500, 0.2)
WIPER = _t("雨刮片", "Wiper blade", ACCESSORIES, 95, 6, (1000, 2000))
ENGINE_OIL = _t("全合成机油 5W-30", "Fully synthetic engine oil 5W-30", FLUIDS, 58, 30,
                (4000, 4500, 5000, 5500, 6000), unit="L", pack=200_000)
ENGINE_OIL_0W20 = _t("全合成机油 0W-20", "Fully synthetic engine oil 0W-20", FLUIDS, 66, 14,
                     (4000, 4500, 5000), unit="L", pack=200_000)
ATF = _t("自动变速箱油", "Automatic transmission fluid", FLUIDS, 95, 2, (4000, 6000), unit="L", pack=20_000)
COOLANT = _t("防冻冷却液", "Coolant", FLUIDS, 30, 3, (2000, 4000), unit="L", pack=20_000)
DRAIN_WASHER = _t("放油螺丝垫片", "Drain plug washer", ENGINE, 3, 25, pack=100_000)
BELT = _t("发动机皮带", "Drive belt", ENGINE, 260, 1)
TIMING_KIT = _t("正时皮带套装", "Timing belt kit", ENGINE, 1200, 0.3, unit="set")
WATER_PUMP = _t("水泵总成", "Water pump", COOLING, 780, 0.4)
GASKET = _t("气门室盖垫", "Valve cover gasket", ENGINE, 150, 0.6)
THERMOSTAT = _t("节温器", "Thermostat", COOLING, 260, 0.4)
RADIATOR = _t("散热器", "Radiator", COOLING, 1300, 0.1)
AC_COMPRESSOR = _t("空调压缩机", "A/C compressor", COOLING, 3600, 0.08)
SHOCK = _t("减震器", "Shock absorber", CHASSIS, 720, 0.8, (1000, 2000), pack=2000)
CONTROL_ARM = _t("下摆臂总成", "Control arm", CHASSIS, 600, 0.5)
TIE_ROD = _t("转向横拉杆球头", "Tie rod end", CHASSIS, 220, 0.6)
WHEEL_BEARING = _t("轮毂轴承", "Wheel bearing", CHASSIS, 420, 0.4)
CLUTCH_KIT = _t("离合器套装", "Clutch kit", ENGINE, 1600, 0.15, unit="set")
FRONT_BUMPER = _t("前保险杠", "Front bumper", BODY, 1700, 0.3)
REAR_BUMPER = _t("后保险杠", "Rear bumper", BODY, 1500, 0.2)
FENDER = _t("前翼子板", "Front wing", BODY, 900, 0.2)
MIRROR = _t("后视镜总成", "Door mirror", BODY, 800, 0.3)
GRILLE = _t("中网格栅", "Radiator grille", BODY, 600, 0.15)
DOOR_HANDLE = _t("外拉手", "Outer door handle", BODY, 160, 0.2)
HEADLAMP = _t("大灯总成", "Headlamp assembly", LIGHTING, 2600, 0.2)
TAIL_LAMP = _t("尾灯总成", "Tail lamp assembly", LIGHTING, 900, 0.15)
BULB = _t("灯泡 H7", "Bulb H7", LIGHTING, 35, 3, (1000, 2000), pack=10_000)
TYRE = _t("轮胎 225/55 R17", "Tyre 225/55 R17", TYRES, 750, 3, (2000, 4000), pack=4000)
TYRE_SMALL = _t("轮胎 205/55 R16", "Tyre 205/55 R16", TYRES, 560, 3, (2000, 4000), pack=4000)
FLOOR_MATS = _t("全包围脚垫", "Floor mats", ACCESSORIES, 420, 0.8, unit="set")
TRUNK_MAT = _t("后备箱垫", "Boot liner", ACCESSORIES, 160, 0.5)
SENSOR_ABS = _t("ABS轮速传感器", "ABS wheel speed sensor", ELECTRICAL, 360, 0.3)
FUSE_RELAY = _t("保险丝及继电器", "Fuse and relay", ELECTRICAL, 25, 1.5, pack=10_000)

OEM_TYPES = (
    OIL_FILTER, AIR_FILTER, CABIN_FILTER, FUEL_FILTER, FRONT_PADS, REAR_PADS, DISC, CALIPER, SPARK_PLUG, COIL,
    O2_SENSOR, BATTERY, ALTERNATOR, STARTER, WIPER, DRAIN_WASHER, BELT, TIMING_KIT, WATER_PUMP, GASKET, THERMOSTAT,
    RADIATOR, AC_COMPRESSOR, SHOCK, CONTROL_ARM, TIE_ROD, WHEEL_BEARING, CLUTCH_KIT, FRONT_BUMPER, REAR_BUMPER,
    FENDER, MIRROR, GRILLE, DOOR_HANDLE, HEADLAMP, TAIL_LAMP, FLOOR_MATS, TRUNK_MAT, SENSOR_ABS, FUSE_RELAY, ATF,
    COOLANT,
)
# Placement per side: the same part exists as a left and a right hand version.
SIDED = {FRONT_BUMPER.en, FENDER.en, MIRROR.en, HEADLAMP.en, TAIL_LAMP.en, SHOCK.en, CONTROL_ARM.en, TIE_ROD.en,
         DOOR_HANDLE.en, SENSOR_ABS.en}


# --- brands and their part numbers ----------------------------------------------------------------

def _d(rng, n: int) -> str:
    return "".join(rng.choices(_DIGITS, k=n))


def _a(rng, n: int) -> str:
    return "".join(rng.choices(_ALNUM, k=n))


def _vw(rng) -> str:
    prefix = rng.choice(("1K0", "5Q0", "06L", "04E", "3C0", "5K0", "06H", "03C", "6R0", "1J0", "3G0", "2K5", "5G0",
                         "7N0", "561", "18D", "17A", "3Q0", "5N0", "06K"))
    suffix = rng.choice(("", "", "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "AA", "AB", "AC"))
    return f"{prefix} {_d(rng, 3)} {_d(rng, 3)}" + (f" {suffix}" if suffix else "")


def _audi(rng) -> str:
    prefix = rng.choice(("8W0", "4G0", "8K0", "4M0", "80A", "8V0", "4K0", "06E", "079", "8R0"))
    suffix = rng.choice(("", "A", "B", "C", "D", "E", "F", "AA"))
    return f"{prefix} {_d(rng, 3)} {_d(rng, 3)}" + (f" {suffix}" if suffix else "")


def _toyota(rng) -> str:
    return f"{rng.choice(('04465', '04466', '90915', '17801', '87139', '48510', '81150', '52119', '16100', '90919', '43512', '53301'))}-{_a(rng, 5)}"  # noqa: E501


def _honda(rng) -> str:
    return f"{_d(rng, 5)}-{rng.choice(('RTA', 'T2A', 'TVA', 'R1A', 'TG5', 'T7A', 'TLA', 'SNA', 'RB0', '5PA'))}-{_d(rng, 3)}"  # noqa: E501


def _nissan(rng) -> str:
    return f"{_d(rng, 5)}-{_a(rng, 5)}"


def _gm(rng) -> str:
    return rng.choice(("2", "9", "1")) + _d(rng, 7)


def _bmw(rng) -> str:
    return f"{_d(rng, 2)} {_d(rng, 2)} {_d(rng, 1)} {_d(rng, 3)} {_d(rng, 3)}"


def _mercedes(rng) -> str:
    return f"A {_d(rng, 3)} {_d(rng, 3)} {_d(rng, 2)} {_d(rng, 2)}"


def _byd(rng) -> str:
    return f"{rng.choice(('SC2', 'SA2', 'EKEA', 'HA2', 'ST', 'SCA'))}-{_d(rng, 7)}"


def _bosch(rng) -> str:
    return rng.choice((f"0 986 {_d(rng, 3)} {_d(rng, 3)}", f"F 026 {_d(rng, 3)} {_d(rng, 3)}",
                       f"0 242 {_d(rng, 3)} {_d(rng, 3)}", f"3 397 {_d(rng, 3)} {_d(rng, 3)}",
                       f"0 092 S{_d(rng, 2)} {_d(rng, 3)}"))


def _mann(rng) -> str:
    prefix = rng.choice(("W", "HU", "C", "CU", "CUK", "WK", "H", "CF"))
    extra = rng.choice(("", "", f"/{rng.randrange(1, 99)}", " x", " z", f"/{rng.randrange(1, 9)} n"))
    return f"{prefix} {rng.randrange(100, 40_000)}{extra}"


def _ngk(rng) -> str:
    if rng.random() < 0.5:
        return str(rng.randrange(1000, 99_999))  # the stock number printed on the box
    return (rng.choice(("BKR", "BPR", "ILKAR", "LKR", "DILKAR", "ZFR", "IFR", "LZKAR", "PLZKAR", "SILZKR"))
            + str(rng.randrange(5, 9)) + rng.choice(("E", "ES", "EIX", "AP", "B11", "D", "A", "C", "H8", "B8"))
            + rng.choice(("", "", "-11", "-8", "S")))


def _lubricant(prefix: str):
    def make(rng) -> str:
        return f"{prefix}{_d(rng, 6)}"
    return make


def _castrol(rng) -> str:
    return f"{_d(rng, 5)}{rng.choice('ABCDEFGH')}"


def _denso(rng) -> str:
    return f"{_d(rng, 3)}-{_d(rng, 4)}"


def _six(rng) -> str:
    return _d(rng, 6)


def _brembo(rng) -> str:
    return rng.choice((f"P {_d(rng, 2)} {_d(rng, 3)}", f"09.{rng.choice('ABCDE')}{_d(rng, 3)}.{_d(rng, 2)}"))


def _varta(rng) -> str:
    return f"5{_d(rng, 2)} {_d(rng, 3)} {_d(rng, 3)}"


def _gates(rng) -> str:
    return rng.choice((f"{rng.randrange(3, 9)}PK{rng.randrange(700, 2600)}", f"K0{_d(rng, 2)}PK{_d(rng, 4)}",
                       f"K{_d(rng, 6)}XS"))


def _philips(rng) -> str:
    return f"{_d(rng, 5)}{rng.choice(('PRC1', 'B1', 'C1', 'XV', 'WVUB1', 'XVS2'))}"


def _sachs(rng) -> str:
    return f"{_d(rng, 3)} {_d(rng, 3)}"


@dataclass(frozen=True, slots=True)
class BrandSpec:
    name: str
    zh: str
    share: float  # of the catalogue
    number: Any  # rng -> part number
    types: tuple[PartType, ...] = OEM_TYPES
    make: str = ""  # OEM brands: parts fit this make's models
    tier: float = 1.0
    barcodes: bool = False


BRANDS: tuple[BrandSpec, ...] = (
    BrandSpec("Volkswagen", "大众", 24, _vw, make="Volkswagen"),
    BrandSpec("Audi", "奥迪", 6, _audi, make="Audi", tier=1.8),
    BrandSpec("Toyota", "丰田", 12, _toyota, make="Toyota", tier=1.1),
    BrandSpec("Honda", "本田", 9, _honda, make="Honda", tier=1.1),
    BrandSpec("Nissan", "日产", 6, _nissan, make="Nissan"),
    BrandSpec("Buick", "别克", 7, _gm, make="Buick", tier=1.1),
    BrandSpec("BMW", "宝马", 6, _bmw, make="BMW", tier=1.9),
    BrandSpec("Mercedes-Benz", "奔驰", 5, _mercedes, make="Mercedes-Benz", tier=2.0),
    BrandSpec("Hyundai", "现代", 4, _nissan, make="Hyundai"),
    BrandSpec("BYD", "比亚迪", 5, _byd, make="BYD"),
    BrandSpec("Bosch", "博世", 4, _bosch, (FRONT_PADS, REAR_PADS, DISC, WIPER, SPARK_PLUG, OIL_FILTER, AIR_FILTER,
                                           CABIN_FILTER, FUEL_FILTER, O2_SENSOR, BATTERY, COIL, ALTERNATOR, STARTER,
                                           SENSOR_ABS, BRAKE_FLUID), barcodes=True),
    BrandSpec("Mann-Filter", "曼牌", 2, _mann, (OIL_FILTER, AIR_FILTER, CABIN_FILTER, FUEL_FILTER), barcodes=True),
    BrandSpec("NGK", "NGK", 1, _ngk, (SPARK_PLUG, COIL, O2_SENSOR), barcodes=True),
    BrandSpec("Denso", "电装", 1.5, _denso, (SPARK_PLUG, O2_SENSOR, COIL, WIPER, AC_COMPRESSOR, RADIATOR),
              barcodes=True),
    BrandSpec("Valeo", "法雷奥", 1.5, _six, (WIPER, CLUTCH_KIT, HEADLAMP, TAIL_LAMP, ALTERNATOR, STARTER),
              barcodes=True),
    BrandSpec("Brembo", "布雷博", 1, _brembo, (FRONT_PADS, REAR_PADS, DISC, CALIPER), barcodes=True, tier=1.4),
    BrandSpec("Sachs", "萨克斯", 1, _sachs, (SHOCK, CLUTCH_KIT), barcodes=True),
    BrandSpec("Gates", "盖茨", 0.8, _gates, (BELT, TIMING_KIT, WATER_PUMP), barcodes=True),
    BrandSpec("Philips", "飞利浦", 0.4, _philips, (BULB,), barcodes=True),
    BrandSpec("Varta", "瓦尔塔", 0.4, _varta, (BATTERY,), barcodes=True),
    BrandSpec("Michelin", "米其林", 0.6, _six, (TYRE, TYRE_SMALL), barcodes=True),
    BrandSpec("Continental", "马牌", 0.5, _six, (TYRE, TYRE_SMALL), barcodes=True),
    BrandSpec("Castrol", "嘉实多", 0.15, _castrol, (ENGINE_OIL, ENGINE_OIL_0W20, ATF, BRAKE_FLUID, COOLANT),
              barcodes=True),
    BrandSpec("Mobil", "美孚", 0.15, _lubricant("1-"), (ENGINE_OIL, ENGINE_OIL_0W20, ATF), barcodes=True),
    BrandSpec("Shell", "壳牌", 0.1, _lubricant("550"), (ENGINE_OIL, ENGINE_OIL_0W20, ATF, COOLANT), barcodes=True),
)

# (name, brands carried, lead time days, terms): franchise parts centres first, then wholesalers.
SUPPLIERS: tuple[tuple[str, tuple[str, ...], int, str], ...] = (
    ("上汽大众配件供应中心", ("Volkswagen",), 3, "月结30天"),
    ("一汽-大众奥迪配件中心", ("Audi", "Volkswagen"), 4, "月结30天"),
    ("广汽丰田零部件物流中心", ("Toyota",), 3, "月结30天"),
    ("东风本田零部件销售公司", ("Honda",), 4, "月结30天"),
    ("上海博世汽车售后服务有限公司", ("Bosch",), 5, "月结60天"),
    ("曼胡默尔滤清器（上海）有限公司", ("Mann-Filter",), 7, "月结45天"),
    ("上汽通用售后配件中心", ("Buick",), 3, "月结30天"),
    ("华晨宝马售后零件中心", ("BMW",), 5, "预付货款"),
    ("北京奔驰零部件销售中心", ("Mercedes-Benz",), 6, "预付货款"),
    ("东风日产零部件配送中心", ("Nissan",), 4, "月结30天"),
    ("北京现代配件服务中心", ("Hyundai",), 6, "月结30天"),
    ("比亚迪汽车售后零部件中心", ("BYD",), 5, "月结30天"),
    ("嘉实多（上海）管理有限公司", ("Castrol",), 7, "月结45天"),
    ("上海汽配城联合贸易商行", ("Bosch", "NGK", "Denso", "Valeo", "Philips", "Gates"), 2, "货到付款"),
    ("NGK火花塞（上海）有限公司", ("NGK",), 8, "月结45天"),
    ("电装（中国）投资有限公司", ("Denso",), 10, "月结60天"),
    ("法雷奥汽车配件（上海）", ("Valeo",), 12, "月结60天"),
    ("布雷博（南京）制动系统", ("Brembo",), 14, "月结60天"),
    ("采埃孚萨克斯售后（上海）", ("Sachs",), 14, "月结60天"),
    ("盖茨优霓塔传动系统（上海）", ("Gates",), 10, "月结45天"),
    ("米其林（中国）轮胎销售", ("Michelin",), 6, "月结30天"),
    ("大陆马牌轮胎（中国）", ("Continental",), 6, "月结30天"),
    ("瓦尔塔蓄电池华东总代理", ("Varta", "Bosch"), 3, "货到付款"),
    ("美孚润滑油上海经销中心", ("Mobil", "Shell"), 4, "月结30天"),
    ("壳牌润滑油华东分销", ("Shell",), 5, "月结30天"),
    ("苏州汽配快修供应链有限公司", ("Volkswagen", "Toyota", "Honda", "Nissan", "Buick", "Hyundai"), 2, "货到付款"),
    ("宁波进口汽配贸易有限公司", ("BMW", "Mercedes-Benz", "Audi"), 9, "预付货款"),
    ("杭州诚信汽配批发部", ("Bosch", "Mann-Filter", "NGK", "Brembo"), 2, "现金"),
    ("上海安吉汽车零部件物流", ("Volkswagen", "Audi", "Buick"), 2, "月结30天"),
    ("无锡东方汽配贸易有限公司", ("Michelin", "Continental", "Varta"), 3, "货到付款"),
)
# The general wholesalers among SUPPLIERS: for makes, then for aftermarket brands.
WHOLESALERS = (25, 13)
_SUPPLIER_DISTRICTS = ("上海市嘉定区", "上海市闵行区", "上海市宝山区", "苏州市吴中区", "杭州市萧山区")
_SUPPLIER_ROADS = ("汽车城路", "安亭路", "沪宜公路", "工业园路", "商贸大道")
_SUPPLIER_DOMAINS = ("parts-supply.cn", "autoparts.com.cn", "peijian.cn", "qipei.com")

ADJUST_IN = ("盘点找到", "退货入库更正", "错发更正")
ADJUST_OUT = ("破损报废", "盘点短缺", "过期报废", "样品领用")


def _ean13(body: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


# --- the generator --------------------------------------------------------------------------------


@dataclass
class Written:
    counts: dict[str, int]  # rows per table


@dataclass(slots=True)
class _Stocked:
    """A stocked part's running state while the ledger is made."""

    part_id: str
    quantities: tuple[int, ...]
    pack: int
    cost: int  # list cost today, minor units
    lead: int
    weight: float  # share of the demand
    reorder_at: int = 0
    order_up_to: int = 0
    on_hand: int = 0
    average: int = 0
    pending: bool = False
    last_day: date | None = None


def write(conn: Connection, ctx: DemoContext) -> Written:
    """Write the parts department of the demo period inside the caller's transaction (after the
    staff settings it reads). Returns the rows written per table."""
    rng = ctx.rng
    dealer = settings.load(conn)
    minor = 10 ** money.digits(dealer.currency)
    taxes = set(conn.execute(select(TaxRate.code).where(TaxRate.active)).scalars())
    tax_code = "VAT13" if "VAT13" in taxes else (sorted(taxes)[0] if taxes else "")
    start_moment = datetime.combine(ctx.start, datetime.min.time()) - LOCAL_OFFSET
    who = "parts"

    # Brands and suppliers exist from the start of the period.
    brand_ids = {}
    brand_rows = []
    for spec in BRANDS:
        when = start_moment + timedelta(hours=7, milliseconds=len(brand_rows))
        brand_ids[spec.name] = ctx.ids.at(when)
        brand_rows.append({"id": brand_ids[spec.name], "created_at": when, "created_by": who, "updated_at": when,
                           "updated_by": who, "name": spec.name})
    insert_rows(ctx, Brand.__table__, brand_rows)

    n_suppliers = max(5, min(len(SUPPLIERS), 5 + ctx.size.parts // 8000))
    suppliers = list(SUPPLIERS[:n_suppliers])
    if n_suppliers < len(SUPPLIERS):
        # A small dealership buys what no franchise centre it deals with supplies from wholesalers.
        suppliers = suppliers[:n_suppliers - len(WHOLESALERS)] + [SUPPLIERS[i] for i in WHOLESALERS]
        covered = {b for _, carried, _, _ in suppliers for b in carried}
        for k, i in enumerate(WHOLESALERS):
            name, carried, lead, terms = SUPPLIERS[i]
            extra = tuple(spec.name for spec in BRANDS if spec.name not in covered and bool(spec.make) == (k == 0))
            suppliers[n_suppliers - len(WHOLESALERS) + k] = (name, carried + extra, lead, terms)
    supplier_rows = []
    carriers: dict[str, list[tuple[str, int]]] = {}
    for i, (name, carried, lead, terms) in enumerate(suppliers):
        when = start_moment + timedelta(hours=7, minutes=1, milliseconds=i)
        person = chinese_name(rng, male=rng.random() < 0.6, born=1975 + rng.randrange(20))
        sid = ctx.ids.at(when)
        supplier_rows.append({
            "id": sid, "created_at": when, "created_by": who, "updated_at": when, "updated_by": who, "name": name,
            "contact_name": person.name, "phone": mobile(rng),
            "email": f"sales{rng.randrange(1, 99):02d}@{rng.choice(_SUPPLIER_DOMAINS)}",
            "address": f"{rng.choice(_SUPPLIER_DISTRICTS)}{rng.choice(_SUPPLIER_ROADS)}{rng.randrange(1, 999)}号",
            "lead_time_days": lead, "terms": terms, "active": True})
        for brand in carried:
            carriers.setdefault(brand, []).append((sid, lead))
    insert_rows(ctx, Supplier.__table__, supplier_rows)
    ctx.advance(0, "Parts: catalogue")

    catalogue = _catalogue(ctx, brand_ids, carriers, minor, tax_code, start_moment, who)
    part_rows, stocked, replaced = catalogue
    insert_rows(ctx, Part.__table__, part_rows)
    if replaced:
        p = Part.__table__
        # The old number was changed when its replacement came into the catalogue.
        created = {r["id"]: r["created_at"] for r in part_rows}
        ctx.uow.execute(update(p).where(p.c.id == bindparam("old"))
                        .values(superseded_by_id=bindparam("new"), updated_at=bindparam("at")),
                        [{"old": old, "new": new, "at": created[new]} for old, new in replaced],
                        touches={"part": None})
    ctx.advance(ctx.size.parts, "Parts: stock ledger")

    movements = _Ledger(conn, ctx, stocked, minor, who).run()
    stock_rows = [{"part_id": s.part_id, "on_hand": s.on_hand, "reserved": 0, "average_cost": s.average,
                   "last_movement_on": s.last_day} for s in stocked if s.last_day is not None]
    insert_rows(ctx, PartStock.__table__, stock_rows)
    # The parts not set to manual get the levels the reorder rule stores, from the demand just written;
    # like every demo row they keep their own stamps, so the same seed gives the same file.
    levels = purchasing.reorder_rule_changes(conn, today=ctx.today)
    if levels:
        p = Part.__table__
        ctx.uow.execute(update(p).where(p.c.id == bindparam("part_id"))
                        .values(min_qty=bindparam("min"), max_qty=bindparam("max"),
                                updated_at=p.c.updated_at, updated_by=p.c.updated_by),
                        [{"part_id": r["id"], "min": r["min_qty"], "max": r["max_qty"]} for r in levels],
                        touches={"part": None})
    counts = {"brand": len(brand_rows), "supplier": len(supplier_rows), "part": len(part_rows),
              "part_stock": len(stock_rows), "stock_movement": movements}
    ctx.uow.audit([
        Change("demo", "brand", "*", summary=f"{counts['brand']} demo part brands"),
        Change("demo", "supplier", "*", summary=f"{counts['supplier']} demo parts suppliers"),
        Change("demo", "part", "*", summary=f"{counts['part']} demo catalogue parts, {len(replaced)} superseded, "
               f"{len(levels)} with levels from the reorder rule"),
        Change("demo", "part_stock", "*", summary=f"stock of {counts['part_stock']} demo parts, as the ledger sums"),
        Change("demo", "stock_movement", "*", summary=f"{counts['stock_movement']} demo stock movements"),
    ])
    return Written(counts)


def _catalogue(ctx: DemoContext, brand_ids: dict[str, str], carriers: dict[str, list[tuple[str, int]]], minor: int,
               tax_code: str, start_moment: datetime, who: str
               ) -> tuple[list[dict[str, Any]], list[_Stocked], list[tuple[str, str]]]:
    rng = ctx.rng
    total = ctx.size.parts
    shares = [b.share for b in BRANDS]
    per_brand = [max(len(b.types), int(total * s / sum(shares))) for b, s in zip(BRANDS, shares, strict=True)]
    per_brand[0] += total - sum(per_brand)
    models = {}
    for m in MODELS:
        models.setdefault(m.make, []).append(m.name)
    makes = [m for m in ("Volkswagen", "Toyota", "Honda", "Buick", "Nissan", "BYD", "BMW", "Audi") if m in models]

    # (brand spec, number, type, fitment in Chinese, fitment in English)
    drafts: list[tuple[BrandSpec, str, str, PartType, str, str]] = []
    for spec, count in zip(BRANDS, per_brand, strict=True):
        keys: set[str] = set()
        fits = models.get(spec.make) or [""]
        type_cum = cumulative([math.sqrt(t.demand) for t in spec.types])
        for k in range(count):
            # Every type exists at least once per brand; then the commoner types have more numbers.
            kind = spec.types[k] if k < len(spec.types) else rng.choices(spec.types, cum_weights=type_cum)[0]
            for attempt in itertools.count():
                number = spec.number(rng)
                if attempt > 20:  # a crowded numbering scheme: the maker adds a variant suffix
                    number = f"{number}-{attempt}"
                key = normalize_number(number)
                if key not in keys:
                    keys.add(key)
                    break
            if spec.make:
                model = rng.choice(fits)
                years = rng.randrange(ctx.today.year - 14, ctx.today.year)
                side = rng.choice(("左", "右")) if kind.en in SIDED else ""
                side_en = {"左": " left", "右": " right"}.get(side, "")
                zh = f"{kind.zh}{side} {model} {years}款"
                en = f"{kind.en}{side_en}, {spec.make} {model} {years}-"
            elif kind.category in (FLUIDS, TYRES) or kind is BULB:
                # Sold by specification, not by the car it goes into.
                zh = f"{spec.zh} {kind.zh} {number}"
                en = f"{spec.name} {kind.en} {number}"
            else:
                make = rng.choice(makes)
                model = rng.choice(models[make])
                zh = f"{spec.zh} {kind.zh} 适用{make} {model}"
                en = f"{spec.name} {kind.en}, fits {make} {model}"
            drafts.append((spec, number, key, kind, zh, en))

    n = len(drafts)
    # Stocked: the parts the dealership keeps on the shelf, a small share of a big catalogue.
    n_stocked = min(n, 300 + n // 9)
    stocked_set = set(rng.sample(range(n), n_stocked))
    # Supersession among parts not on the shelf, within one brand: old -> new (-> newer).
    by_brand: dict[str, list[int]] = {}
    for i, d in enumerate(drafts):
        if i not in stocked_set:
            by_brand.setdefault(d[0].name, []).append(i)
    successor: dict[int, int] = {}
    for idx in by_brand.values():
        rng.shuffle(idx)
        chains = int(len(idx) * SUPERSEDED_SHARE)
        pos = 0
        for _ in range(chains):
            length = 2 if rng.random() < 0.8 else 3
            if pos + length > len(idx):
                break
            chain = idx[pos:pos + length]
            pos += length
            for a, b in itertools.pairwise(chain):
                successor[a] = b
    depth = {}
    for i in successor:
        d, j = 0, i
        while j in successor:
            j = successor[j]
            d += 1
        depth[i] = d

    span_days = max(1, (ctx.today - ctx.start).days)
    rows: list[dict[str, Any]] = []
    ids: list[str] = [""] * n
    stocked: list[_Stocked] = []
    bin_slots = _bins(n_stocked)
    bin_iter = iter(bin_slots)
    stocked_order = sorted(stocked_set, key=lambda i: (drafts[i][3].category, drafts[i][0].name, drafts[i][2]))
    bins = {i: next(bin_iter) for i in stocked_order}
    popularity = _popularity(rng, [drafts[i][3].demand for i in stocked_order])
    pop = dict(zip(stocked_order, popularity, strict=True))
    for i, (spec, number, key, kind, zh, en) in enumerate(drafts):
        if i in stocked_set:
            # On the shelf from before the first day of the period (the opening stock arrives on it).
            when = start_moment + timedelta(hours=8, milliseconds=rng.randrange(1_800_000))
        elif i in depth:
            # Replaced parts are old numbers; the chain's newest appears last.
            base = (span_days * (3 - depth[i])) // 4
            offset = min(span_days - 1, base + rng.randrange(span_days // 5 + 1))
            when = ctx.moment_on(ctx.start + timedelta(days=offset))
        else:
            when = ctx.moment_on(ctx.start + timedelta(days=rng.randrange(span_days)))
        ids[i] = ctx.ids.at(when)
        cost_yuan = kind.cost * spec.tier * rng.uniform(0.75, 1.35)
        cost = max(1, round(cost_yuan * 100) * minor // 100)
        retail = max(cost + minor, round(cost_yuan * rng.uniform(1.45, 1.8)) * minor)
        trade = max(cost, min(retail, round(cost * rng.uniform(1.15, 1.3))))
        suppliers = carriers.get(spec.name, [])
        supplier = rng.choice(suppliers) if suppliers and (i in stocked_set or rng.random() < 0.6) else None
        barcode = ""
        if spec.barcodes or rng.random() < 0.1:
            barcode = _ean13(rng.choice(("690", "692", "693", "400", "401", "301", "490")) + _d(rng, 9))
        row = {"id": ids[i], "created_at": when, "created_by": who, "updated_at": when, "updated_by": who,
               "brand_id": brand_ids[spec.name], "part_number": number, "number_key": key, "description": zh,
               "description_alt": en, "category": kind.category, "unit": kind.unit, "barcode": barcode,
               "bin": bins.get(i, ""), "tax_code": tax_code, "retail_price": retail, "trade_price": trade,
               "list_cost": cost, "min_qty": 0, "max_qty": 0, "reorder_manual": False,
               "preferred_supplier_id": supplier[0] if supplier else None, "superseded_by_id": None, "active": True}
        rows.append(row)
        if i in stocked_set:
            lead = supplier[1] if supplier else 7
            stocked.append(_Stocked(ids[i], kind.quantities, kind.pack, cost, lead, pop[i]))
    replaced = [(ids[a], ids[b]) for a, b in sorted(successor.items())]
    # Levels follow from each part's demand; the manual ones are what the parts manager set.
    _Ledger.plan_levels(ctx, stocked)
    by_id = {r["id"]: r for r in rows}
    for s in stocked:
        if rng.random() < MANUAL_LEVELS_SHARE:
            row = by_id[s.part_id]
            row["min_qty"], row["max_qty"], row["reorder_manual"] = s.reorder_at, s.order_up_to, True
    rows.sort(key=lambda r: r["id"])
    return rows, stocked, replaced


def _bins(n: int) -> list[str]:
    """``n`` bin locations A01-01, A01-02 … in walking order, a few parts to a bin."""
    out = []
    aisle, rack, shelf = 0, 1, 1
    while len(out) < n:
        out.extend([f"{chr(65 + aisle % 26)}{rack:02d}-{shelf:02d}"] * 3)
        shelf += 1
        if shelf > 6:
            shelf, rack = 1, rack + 1
            if rack > 40:
                rack, aisle = 1, aisle + 1
    return out[:n]


def _popularity(rng, demand: list[float]) -> list[float]:
    """A long-tailed share of demand per stocked part: a few parts (engine oil, oil filters) take
    a large share, most parts move a few times a year."""
    order = list(range(len(demand)))
    rng.shuffle(order)
    out = [0.0] * len(demand)
    for rank, i in enumerate(sorted(order, key=lambda i: -demand[i] * rng.random())):
        out[i] = demand[i] / (rank + 1) ** 0.85
    return out


class _Ledger:
    """Makes the stock movements day by day and writes them in chunks."""

    def __init__(self, conn: Connection, ctx: DemoContext, stocked: list[_Stocked], minor: int, who: str) -> None:
        self._conn = conn
        self._ctx = ctx
        self._stocked = stocked
        self._minor = minor
        self._who = who
        self._rows: list[dict[str, Any]] = []
        self._written = 0
        self._reported = 0

    @staticmethod
    def _outgoing(size: Size) -> int:
        # Receipts, returns and adjustments make up the rest of the ledger.
        return int(size.movements * 0.9)

    @classmethod
    def plan_levels(cls, ctx: DemoContext, stocked: list[_Stocked]) -> None:
        """Set each part's reorder level and order-up-to level from its demand at the end of the
        period, the busiest time."""
        total_pop = sum(s.weight for s in stocked) or 1.0
        days = max(1, (ctx.today - ctx.start).days)
        per_day_end = cls._outgoing(ctx.size) / days * 2 / 1.5  # the density 1 + t ends at twice its mean / 1.5
        for s in stocked:
            mean_q = sum(s.quantities) / len(s.quantities)
            rate = per_day_end * s.weight / total_pop * mean_q
            reorder_at = math.ceil(rate * (s.lead + 5)) + max(s.quantities)
            up_to = reorder_at + max(math.ceil(rate * 30), max(s.quantities))
            s.reorder_at = -(-reorder_at // s.pack) * s.pack
            s.order_up_to = max(s.reorder_at + s.pack, -(-up_to // s.pack) * s.pack)

    def run(self) -> int:
        ctx, rng, stocked = self._ctx, self._ctx.rng, self._stocked
        days = max(1, (ctx.today - ctx.start).days)
        cum = cumulative([s.weight for s in stocked])
        outgoing = self._outgoing(ctx.size)
        weights = [1 + d / days for d in range(days)]
        scale = outgoing / sum(weights)
        scheduled: dict[int, list[tuple]] = {0: [("receipt", j, s.order_up_to, "期初库存") for j, s in
                                                 enumerate(stocked) if s.order_up_to > 0]}
        for j in range(len(stocked)):
            stocked[j].pending = True
        carry = 0.0
        seq = {"GR": 0, "RO": 0, "CS": 0}
        year = None
        last_ro = ""
        n_stocked = len(stocked)
        for d in range(days):
            day = ctx.start + timedelta(days=d)
            if day.year != year:
                year = day.year
                seq = dict.fromkeys(seq, 0)
                cost_factor = YEARLY_COST_RISE ** (year - ctx.today.year)
            carry += weights[d] * scale
            n = int(carry)
            carry -= n
            events: list[tuple] = scheduled.pop(d, [])
            if n:
                events.extend(("out", j) for j in rng.choices(range(n_stocked), cum_weights=cum, k=n))
            for _ in range(int(n * ADJUSTMENTS_PER_DAY_SHARE + rng.random())):
                events.append(("adjust", rng.randrange(n_stocked)))
            if not events:
                continue
            rng.shuffle(events)
            base_ms = (datetime.combine(day, datetime.min.time()) - LOCAL_OFFSET - datetime(1970, 1, 1)) \
                // timedelta(milliseconds=1)
            stamps = sorted(rng.randrange(OPEN_SECONDS * 1000, CLOSE_SECONDS * 1000) for _ in events)
            previous = -1
            for event, offset in zip(events, stamps, strict=True):
                offset = max(offset, previous + 1)
                previous = offset
                when = datetime(1970, 1, 1) + timedelta(milliseconds=base_ms + offset)
                kind = event[0]
                s = stocked[event[1]]
                if kind == "out":
                    qty = s.quantities[0] if len(s.quantities) == 1 else rng.choice(s.quantities)
                    if s.on_hand < qty:
                        self._reorder(scheduled, d, event[1], s)
                        continue
                    if rng.random() < ISSUE_SHARE:
                        kind = "issue"
                        if not last_ro or rng.random() < 0.55:
                            seq["RO"] += 1
                            last_ro = f"RO{year}-{seq['RO']:06d}"
                        reference = last_ro
                    else:
                        kind = "counter_sale"
                        seq["CS"] += 1
                        reference = f"CS{year}-{seq['CS']:06d}"
                    cost, s.average = cost_movement(on_hand=s.on_hand, average=s.average, quantity=-qty)
                    s.on_hand -= qty
                    self._add(when, day, s, kind, -qty, cost, reference, "")
                    if rng.random() < RETURN_CHANCE:
                        back = "return_from_job" if kind == "issue" else "customer_return"
                        later = d + rng.randrange(1, 15)
                        if later < days:
                            scheduled.setdefault(later, []).append((back, event[1], qty, reference, cost))
                    self._reorder(scheduled, d, event[1], s)
                elif kind == "receipt":
                    qty, note = event[2], event[3]
                    seq["GR"] += 1
                    price = max(1, round(s.cost * cost_factor * rng.uniform(0.97, 1.03)))
                    cost, s.average = cost_movement(on_hand=s.on_hand, average=s.average, quantity=qty,
                                                    unit_cost=price)
                    s.on_hand += qty
                    s.pending = False
                    self._add(when, day, s, "receipt", qty, cost, f"GR{year}-{seq['GR']:06d}", note)
                    self._reorder(scheduled, d, event[1], s)
                elif kind == "adjust":
                    unit = s.pack if s.pack < 10_000 else 1000
                    if s.on_hand >= unit and rng.random() < 0.65:
                        cost, s.average = cost_movement(on_hand=s.on_hand, average=s.average, quantity=-unit)
                        s.on_hand -= unit
                        self._add(when, day, s, "adjustment", -unit, cost, "", rng.choice(ADJUST_OUT))
                    elif s.last_day is not None:
                        # Stock found comes in at the average (no cost given), as an adjustment does.
                        cost, s.average = cost_movement(on_hand=s.on_hand, average=s.average, quantity=unit)
                        s.on_hand += unit
                        self._add(when, day, s, "adjustment", unit, cost, "", rng.choice(ADJUST_IN))
                else:  # a return, at the cost it went out at
                    qty, reference, out_cost = event[2], event[3], event[4]
                    cost, s.average = cost_movement(on_hand=s.on_hand, average=s.average, quantity=qty,
                                                    unit_cost=out_cost)
                    s.on_hand += qty
                    self._add(when, day, s, kind, qty, cost, reference, "")
            if len(self._rows) >= 50_000:
                self._flush()
        self._flush()
        return self._written

    def _reorder(self, scheduled: dict[int, list[tuple]], d: int, j: int, s: _Stocked) -> None:
        if s.pending or s.on_hand > s.reorder_at:
            return
        need = s.order_up_to - s.on_hand
        qty = max(s.pack, -(-need // s.pack) * s.pack)
        s.pending = True
        scheduled.setdefault(d + s.lead + self._ctx.rng.randrange(3), []).append(("receipt", j, qty, ""))

    def _add(self, when: datetime, day: date, s: _Stocked, kind: str, quantity: int, cost: int, reference: str,
             notes: str) -> None:
        s.last_day = day
        self._rows.append({"id": self._ctx.ids.at(when), "created_at": when, "created_by": self._who,
                           "updated_at": when, "updated_by": self._who, "part_id": s.part_id, "kind": kind,
                           "quantity": quantity, "unit_cost": cost, "moved_on": day, "reference": reference,
                           "source_id": None, "notes": notes})

    def _flush(self) -> None:
        if not self._rows:
            return
        insert_rows(self._ctx, StockMovement.__table__, self._rows)
        self._written += len(self._rows)
        self._rows = []
        target = min(self._ctx.size.movements, self._written) // 10
        self._ctx.advance(target - self._reported, "Parts: stock ledger")
        self._reported = target
