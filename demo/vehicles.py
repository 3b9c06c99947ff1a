"""Demo vehicles: the makes and models sold in China over the last decade and more, with VINs whose
maker code (WMI), model-year code and check digit are right, and Chinese number plates."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import Connection

from demo import people
from demo.context import DemoContext, cumulative, insert_rows
from demo.crm import Owner
from models.vehicles import Vehicle
from services.validation import vin_check_digit


@dataclass(frozen=True)
class Powertrain:
    fuel: str
    weight: float
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    make: str
    name: str
    wmi: str
    first_year: int
    last_year: int  # 0: still on sale
    weight: float
    powertrains: tuple[Powertrain, ...]

    def on_sale(self, year: int) -> bool:
        return self.first_year <= year and (not self.last_year or year <= self.last_year)

    @cached_property
    def vds_stem(self) -> str:
        # Positions 4–6 describe the model line; the same model always gets the same stem.
        n = zlib.crc32(f"{self.make}/{self.name}".encode())
        return "".join(VIN_CHARS[(n >> (5 * i)) % len(VIN_CHARS)] for i in range(3))

    @cached_property
    def fuel_cum(self) -> list[float]:
        return cumulative([p.weight for p in self.powertrains])


def _p(fuel: str, weight: float, variants: str) -> Powertrain:
    return Powertrain(fuel, weight, tuple(variants.split("|")))


_PETROL_TRIMS = "1.5L 自动舒适版|1.5L 自动豪华版|1.5T 自动精英版|2.0T 自动旗舰版"

MODELS: tuple[Model, ...] = (
    # SAIC Volkswagen and FAW-Volkswagen: the best sellers of the decade.
    Model("Volkswagen", "Lavida", "LSV", 2008, 0, 10, (
        _p("petrol", 1, "1.5L 自动风尚版|1.5L 自动舒适版|280TSI DSG 豪华版"),)),
    Model("Volkswagen", "Passat", "LSV", 2000, 0, 6, (
        _p("petrol", 9, "330TSI 精英版|330TSI 豪华版|380TSI 旗舰版"), _p("plug_in_hybrid", 1, "430PHEV 混动豪华版"))),
    Model("Volkswagen", "Tiguan L", "LSV", 2017, 0, 6, (
        _p("petrol", 9, "330TSI 两驱智享版|380TSI 四驱R-Line"), _p("plug_in_hybrid", 1, "430PHEV 插电混动版"))),
    Model("Volkswagen", "Teramont", "LSV", 2017, 0, 2, (_p("petrol", 1, "380TSI 四驱豪华版|530 V6 四驱旗舰版"),)),
    Model("Volkswagen", "ID.4 X", "LSV", 2021, 0, 2, (_p("electric", 1, "Pure+ 长续航版|Pro 四驱高性能版"),)),
    Model("Volkswagen", "Santana", "LSV", 1995, 0, 4, (_p("petrol", 1, "1.5L 手动风尚版|1.5L 自动舒适版"),)),
    Model("Volkswagen", "Jetta", "LFV", 1995, 2019, 4, (_p("petrol", 1, "1.6L 手动时尚型|1.4TSI 自动豪华型"),)),
    Model("Volkswagen", "Sagitar", "LFV", 2006, 0, 9, (
        _p("petrol", 1, "200TSI DSG 舒适版|280TSI DSG 豪华版|300TSI DSG 旗舰版"),)),
    Model("Volkswagen", "Magotan", "LFV", 2007, 0, 6, (_p("petrol", 1, "330TSI DSG 领先版|380TSI DSG 旗舰版"),)),
    Model("Volkswagen", "Bora", "LFV", 2008, 0, 6, (_p("petrol", 1, "1.5L 自动舒适版|280TSI DSG 精英版"),)),
    Model("Volkswagen", "Tayron", "LFV", 2018, 0, 3, (_p("petrol", 1, "330TSI 两驱豪华版|380TSI 四驱旗舰版"),)),
    Model("Volkswagen", "ID.4 CROZZ", "LFV", 2021, 0, 2, (_p("electric", 1, "Pure+ 长续航版|Prime 四驱版"),)),
    Model("Volkswagen", "Touareg", "WVG", 2010, 0, 0.6, (
        _p("petrol", 8, "3.0TSI 锐智版|3.0TSI 锐尚版"), _p("diesel", 2, "3.0TDI 越野版"))),
    Model("Volkswagen", "Golf GTI", "WVW", 2012, 0, 0.4, (_p("petrol", 1, "2.0TSI 380TSI"),)),
    # Toyota
    Model("Toyota", "Camry", "LVG", 2006, 0, 6, (
        _p("petrol", 6, "2.0G 豪华版|2.5G 豪华版|2.0S 锋尚版"), _p("hybrid", 4, "2.5HG 双擎豪华版|2.5HQ 双擎旗舰版"))),
    Model("Toyota", "Levin", "LVG", 2014, 0, 4, (
        _p("petrol", 6, "1.2T 进取版|1.5L 豪华版"), _p("hybrid", 3, "1.8H 双擎进取版"),
        _p("plug_in_hybrid", 1, "1.8 双擎E+"))),
    Model("Toyota", "Highlander", "LVG", 2009, 0, 2, (
        _p("petrol", 5, "2.0T 四驱豪华版"), _p("hybrid", 5, "2.5L 双擎四驱尊贵版"))),
    Model("Toyota", "Corolla", "LFM", 2004, 0, 6, (
        _p("petrol", 6, "1.2T 先锋版|1.5L 精英版"), _p("hybrid", 4, "1.8L 双擎精英版|1.8L 双擎旗舰版"))),
    Model("Toyota", "RAV4", "LFM", 2009, 0, 4, (
        _p("petrol", 6, "2.0L 两驱风尚版|2.0L 四驱尊贵版"), _p("hybrid", 4, "2.5L 双擎四驱精英版"))),
    Model("Toyota", "Land Cruiser Prado", "JTE", 2010, 0, 0.5, (_p("petrol", 1, "4.0L 自动VX NAVI"),)),
    Model("Lexus", "ES", "JTH", 2012, 0, 1.5, (
        _p("petrol", 4, "200 卓越版|260 豪华版"), _p("hybrid", 6, "300h 尊享版"))),
    Model("Lexus", "RX", "JTJ", 2012, 0, 0.8, (_p("petrol", 5, "300 舒适版"), _p("hybrid", 5, "450h 四驱典雅版"))),
    # Honda
    Model("Honda", "Accord", "LHG", 1999, 0, 5, (
        _p("petrol", 7, "260TURBO 精英版|260TURBO 豪华版"), _p("hybrid", 3, "2.0L 锐·混动 致享版"))),
    Model("Honda", "Fit", "LHG", 2003, 2023, 2, (_p("petrol", 1, "1.5L CVT 潮跑版|1.5L CVT 舒适版"),)),
    Model("Honda", "Odyssey", "LHG", 2015, 0, 1.5, (
        _p("petrol", 5, "2.4L 至尊版"), _p("hybrid", 5, "2.0L 锐·混动 至尊版"))),
    Model("Honda", "Civic", "LVH", 2012, 0, 4, (_p("petrol", 1, "220TURBO CVT 劲擎版|240TURBO CVT 燃擎版"),)),
    Model("Honda", "CR-V", "LVH", 2004, 0, 5, (
        _p("petrol", 7, "240TURBO CVT 两驱舒适版|240TURBO CVT 四驱尊贵版"),
        _p("hybrid", 3, "2.0L 锐·混动 四驱净驰版"))),
    Model("Honda", "XR-V", "LVH", 2015, 0, 2, (_p("petrol", 1, "1.5L CVT 舒适版|1.5L CVT 豪华版"),)),
    # Nissan
    Model("Nissan", "Sylphy", "LGB", 2006, 0, 8, (
        _p("petrol", 9, "1.6XE CVT 舒适版|1.6XL CVT 豪华版"), _p("hybrid", 1, "e-POWER 超智联Pro"))),
    Model("Nissan", "Teana", "LGB", 2004, 0, 3, (_p("petrol", 1, "2.0L XL 舒适版|2.0T XV 旗舰版"),)),
    Model("Nissan", "X-Trail", "LGB", 2008, 0, 3, (_p("petrol", 1, "2.0L XL CVT 两驱豪华版|2.5L XV CVT 四驱至尊版"),)),
    Model("Nissan", "Qashqai", "LGB", 2008, 0, 2, (_p("petrol", 1, "2.0L CVT 舒适版|2.0L CVT 豪华版"),)),
    # BYD: petrol and early hybrids, then the DM-i and EV boom from 2020.
    Model("BYD", "F3", "LGX", 2005, 2016, 2, (_p("petrol", 1, "1.5L 手动舒适型|1.5L 手动豪华型"),)),
    Model("BYD", "Qin", "LGX", 2014, 2020, 2, (
        _p("plug_in_hybrid", 6, "1.5T DM 双冠旗舰版"), _p("petrol", 4, "1.5L 手动豪华型"))),
    Model("BYD", "Song", "LGX", 2016, 2020, 2, (
        _p("petrol", 6, "1.5TI 自动旗舰型"), _p("plug_in_hybrid", 4, "DM 1.5T 全时四驱"))),
    Model("BYD", "Qin PLUS DM-i", "LGX", 2021, 0, 8, (_p("plug_in_hybrid", 1, "55KM 领先型|120KM 旗舰型"),)),
    Model("BYD", "Qin PLUS EV", "LGX", 2021, 0, 4, (_p("electric", 1, "500KM 豪华型|600KM 旗舰型"),)),
    Model("BYD", "Song PLUS DM-i", "LGX", 2021, 0, 8, (_p("plug_in_hybrid", 1, "51KM 尊贵型|110KM 旗舰型"),)),
    Model("BYD", "Han EV", "LGX", 2020, 0, 4, (_p("electric", 1, "506KM 豪华型|610KM 四驱高性能版"),)),
    Model("BYD", "Han DM", "LGX", 2020, 0, 3, (_p("plug_in_hybrid", 1, "DM-i 121KM 尊贵型|DM-p 四驱旗舰型"),)),
    Model("BYD", "Tang DM", "LGX", 2018, 0, 3, (_p("plug_in_hybrid", 1, "DM-i 112KM 尊享型|DM-p 四驱旗舰型"),)),
    Model("BYD", "Yuan PLUS", "LGX", 2022, 0, 4, (_p("electric", 1, "430KM 豪华型|510KM 旗舰型"),)),
    Model("BYD", "Dolphin", "LGX", 2021, 0, 4, (_p("electric", 1, "301KM 活力版|405KM 骑士版"),)),
    Model("BYD", "Seal", "LGX", 2022, 0, 3, (_p("electric", 1, "550KM 精英型|650KM 四驱性能版"),)),
    # Geely
    Model("Geely", "Emgrand", "L6T", 2009, 0, 5, (_p("petrol", 1, "1.5L CVT 精英型|1.5L CVT 豪华型"),)),
    Model("Geely", "Boyue", "L6T", 2016, 0, 4, (
        _p("petrol", 9, "1.8TD 智尊型|1.5TD 豪华型"), _p("hybrid", 1, "1.5TD 油电混动"))),
    Model("Geely", "Xingyue L", "L6T", 2021, 0, 3, (_p("petrol", 8, "2.0TD 两驱豪华型|2.0TD 四驱旗舰型"),
                                                   _p("plug_in_hybrid", 2, "雷神Hi·P 旗舰型"))),
    Model("Geely", "Geometry A", "LB3", 2019, 0, 1.5, (_p("electric", 1, "Pro 430KM|Pro 600KM"),)),
    Model("Geely", "Galaxy L7", "L6T", 2023, 0, 2, (_p("plug_in_hybrid", 1, "55KM Plus|115KM Max"),)),
    # SAIC-GM
    Model("Buick", "Excelle", "LSG", 2003, 2018, 3, (_p("petrol", 1, "1.5L 自动经典型|1.6L 自动豪华型"),)),
    Model("Buick", "Excelle GT", "LSG", 2010, 2023, 5, (_p("petrol", 1, "1.3T CVT 精英型|1.5L CVT 进取型"),)),
    Model("Buick", "Verano", "LSG", 2015, 2022, 2, (_p("petrol", 1, "18T 自动精英型"),)),
    Model("Buick", "Regal", "LSG", 2000, 2023, 2, (_p("petrol", 1, "28T 豪华型|20T 精英型"),)),
    Model("Buick", "LaCrosse", "LSG", 2006, 0, 3, (
        _p("petrol", 9, "28T 豪华型|28T 旗舰型"), _p("hybrid", 1, "30H 混动旗舰型"))),
    Model("Buick", "Envision", "LSG", 2015, 0, 3, (_p("petrol", 1, "28T 两驱精英型|28T 四驱旗舰型"),)),
    Model("Buick", "GL8", "LSG", 2000, 0, 3, (
        _p("petrol", 8, "ES陆尊 653T 豪华型|653T 舒适型"), _p("hybrid", 2, "艾维亚 混动版"))),
    Model("Chevrolet", "Cruze", "LSG", 2009, 2020, 2, (_p("petrol", 1, "1.5L 自动先锋版|1.4T 双离合豪华版"),)),
    Model("Chevrolet", "Malibu XL", "LSG", 2016, 2023, 1, (_p("petrol", 1, "550T 自动锐联版"),)),
    # German premium, made in China or imported.
    Model("BMW", "3 Series", "LBV", 2012, 0, 4, (
        _p("petrol", 9, "320Li M运动套装|325Li M运动曜夜套装"), _p("plug_in_hybrid", 1, "330Le M运动套装"))),
    Model("BMW", "5 Series", "LBV", 2010, 0, 4, (
        _p("petrol", 9, "525Li 豪华套装|530Li 领先型 M运动套装"), _p("plug_in_hybrid", 1, "530Le 先锋型"))),
    Model("BMW", "X1", "LBV", 2012, 0, 3, (_p("petrol", 1, "sDrive25Li 领先型|xDrive25Li 尊享型"),)),
    Model("BMW", "X3", "LBV", 2018, 0, 3, (_p("petrol", 1, "xDrive25i 豪华套装|xDrive30i 领先型 M运动套装"),)),
    Model("BMW", "iX3", "LBV", 2020, 0, 1, (_p("electric", 1, "领先型|创领型"),)),
    Model("BMW", "X5", "5UX", 2010, 0, 1, (_p("petrol", 1, "xDrive30Li 尊享型 M运动套装|xDrive40Li 尊享型"),)),
    Model("BMW", "7 Series", "WBA", 2010, 0, 0.5, (_p("petrol", 1, "740Li 领先型 豪华套装|740Li 尊享型 M运动套装"),)),
    Model("Mercedes-Benz", "C-Class", "LE4", 2010, 0, 4, (_p("petrol", 1, "C200L 运动版|C260L 豪华运动版"),)),
    Model("Mercedes-Benz", "E-Class", "LE4", 2010, 0, 4, (_p("petrol", 1, "E260L 运动型|E300L 豪华型"),)),
    Model("Mercedes-Benz", "GLC", "LE4", 2016, 0, 3, (
        _p("petrol", 1, "GLC 260 L 4MATIC 豪华型|GLC 300 L 4MATIC 动感型"),)),
    Model("Mercedes-Benz", "A-Class", "LE4", 2019, 0, 1, (_p("petrol", 1, "A 200 L 运动轿车"),)),
    Model("Mercedes-Benz", "EQC", "LE4", 2019, 0, 0.5, (_p("electric", 1, "EQC 400 4MATIC"),)),
    Model("Mercedes-Benz", "S-Class", "WDD", 2010, 0, 0.6, (_p("petrol", 1, "S 400 L 豪华型|S 450 L 4MATIC"),)),
    Model("Mercedes-Benz", "GLE", "4JG", 2015, 0, 0.7, (
        _p("petrol", 1, "GLE 350 4MATIC 时尚型|GLE 450 4MATIC 豪华型"),)),
    Model("Audi", "A4L", "LFV", 2009, 0, 4, (_p("petrol", 1, "40 TFSI 时尚动感型|45 TFSI quattro 臻选动感型"),)),
    Model("Audi", "A6L", "LFV", 2005, 0, 4, (_p("petrol", 1, "45 TFSI 臻选致雅型|55 TFSI quattro 旗舰致雅型"),)),
    Model("Audi", "Q5L", "LFV", 2018, 0, 3, (_p("petrol", 1, "40 TFSI 时尚动感型|45 TFSI 臻选动感型"),)),
    Model("Audi", "Q3", "LFV", 2013, 0, 2, (_p("petrol", 1, "35 TFSI 进取动感型|40 TFSI 时尚动感型"),)),
    Model("Audi", "A3", "LFV", 2014, 0, 1.5, (_p("petrol", 1, "Sportback 35 TFSI 进取运动型"),)),
    Model("Audi", "Q7", "WA1", 2010, 0, 0.5, (_p("petrol", 1, "55 TFSI quattro S line 运动型"),)),
    Model("Audi", "A8L", "WAU", 2010, 0, 0.3, (_p("petrol", 1, "50 TFSI quattro 豪华型"),)),
    Model("Porsche", "Cayenne", "WP1", 2010, 0, 0.6, (
        _p("petrol", 8, "3.0T|Cayenne S 2.9T"), _p("plug_in_hybrid", 2, "E-Hybrid"))),
    Model("Porsche", "Macan", "WP1", 2014, 0, 0.8, (_p("petrol", 1, "2.0T|Macan S 2.9T"),)),
    Model("Porsche", "Panamera", "WP0", 2010, 0, 0.3, (_p("petrol", 1, "2.9T|4 行政加长版 2.9T"),)),
    Model("Porsche", "Taycan", "WP0", 2020, 0, 0.3, (_p("electric", 1, "Taycan 4S|Turbo"),)),
    # Tesla: Shanghai-built from 2020, imported before.
    Model("Tesla", "Model 3", "LRW", 2020, 0, 4, (
        _p("electric", 1, "后轮驱动版|长续航全轮驱动版|Performance 高性能版"),)),
    Model("Tesla", "Model Y", "LRW", 2021, 0, 5, (_p("electric", 1, "后轮驱动版|长续航全轮驱动版"),)),
    Model("Tesla", "Model S", "5YJ", 2014, 2022, 0.5, (_p("electric", 1, "Long Range|Plaid"),)),
    Model("Tesla", "Model X", "5YJ", 2016, 2022, 0.4, (_p("electric", 1, "Long Range|Performance"),)),
    Model("NIO", "ES6", "LJ1", 2019, 0, 1, (_p("electric", 1, "75kWh 运动版|100kWh 性能版"),)),
    # Other Chinese brands and joint ventures.
    Model("Changan", "CS75 PLUS", "LS5", 2020, 0, 3, (_p("petrol", 1, "1.5T 自动豪华型|2.0T 自动旗舰型"),)),
    Model("Changan", "Eado", "LS5", 2012, 0, 2, (
        _p("petrol", 9, "1.6L 自动精英型|1.4T 自动尊贵型"), _p("electric", 1, "EV460"))),
    Model("Changan", "CS55 PLUS", "LS5", 2019, 0, 1.5, (_p("petrol", 1, "1.5T 自动尊贵型"),)),
    Model("Haval", "H6", "LGW", 2011, 0, 5, (
        _p("petrol", 9, "1.5T 自动冠军版|2.0T 自动两驱超豪型"), _p("hybrid", 1, "DHT 混动版"))),
    Model("Haval", "Jolion", "LGW", 2020, 0, 2, (_p("petrol", 1, "1.5T DCT 尊贵版"),)),
    Model("Great Wall", "Poer", "LGW", 2019, 0, 0.8, (
        _p("petrol", 5, "2.0T 自动四驱乘用版"), _p("diesel", 5, "2.0T 柴油 四驱商用版"))),
    Model("Chery", "Tiggo 8", "LVV", 2018, 0, 2, (_p("petrol", 1, "1.6TGDI 自动豪华型|2.0TGDI 自动旗舰型"),)),
    Model("Chery", "Tiggo 7", "LVV", 2016, 0, 1.5, (_p("petrol", 1, "1.5T 自动精英型"),)),
    Model("Chery", "Arrizo 5", "LVV", 2016, 0, 1.5, (_p("petrol", 1, "1.5L CVT 精英型|1.5L CVT 豪华型"),)),
    Model("Hyundai", "Elantra", "LBE", 2004, 0, 3, (_p("petrol", 1, "1.5L CVT GLX 精英版|1.4T 双离合 TOP 旗舰版"),)),
    Model("Hyundai", "Tucson", "LBE", 2015, 0, 1.5, (_p("petrol", 1, "1.5T 两驱智能型|2.0T 四驱尊贵型"),)),
    Model("Kia", "K3", "LJD", 2013, 0, 2, (_p("petrol", 1, "1.5L CVT 舒适版|1.4T DCT 豪华版"),)),
    Model("Kia", "Sportage", "LJD", 2010, 0, 1, (_p("petrol", 1, "2.0L 自动两驱智享版"),)),
    Model("Ford", "Focus", "LVS", 2009, 2022, 3, (_p("petrol", 1, "1.5L 自动锋潮型|EcoBoost 180 自动锋耀型"),)),
    Model("Ford", "Mondeo", "LVS", 2008, 0, 2, (
        _p("petrol", 9, "EcoBoost 245 豪华型"), _p("hybrid", 1, "2.0L HEV 智控豪华型"))),
    Model("Ford", "Escape", "LVS", 2013, 0, 1.5, (_p("petrol", 1, "EcoBoost 180 两驱豪华型"),)),
    Model("Ford", "Explorer", "LVS", 2020, 0, 1, (_p("petrol", 1, "EcoBoost 285 四驱钛金版"),)),
    Model("Mazda", "Mazda3 Axela", "LVR", 2014, 0, 2, (_p("petrol", 1, "1.5L 自动质尚版|2.0L 自动质豪版"),)),
    Model("Mazda", "CX-5", "LVR", 2013, 0, 2, (_p("petrol", 1, "2.0L 自动两驱智尚型|2.5L 自动四驱旗舰型"),)),
    Model("Volvo", "XC60", "LYV", 2015, 0, 1.5, (
        _p("petrol", 9, "B5 四驱智远豪华版"), _p("plug_in_hybrid", 1, "T8 插电混动"))),
    Model("Volvo", "S90", "LYV", 2017, 0, 1, (_p("petrol", 1, "B5 智远豪华版|B5 智逸豪华版"),)),
    Model("Volvo", "XC90", "YV1", 2015, 0, 0.5, (_p("petrol", 1, "B6 智逸豪华版 7座"),)),
    Model("Land Rover", "Range Rover", "SAL", 2013, 0, 0.5, (
        _p("petrol", 8, "3.0 L6 盛世版|4.4 V8 创世版"), _p("diesel", 2, "3.0 SDV6 Vogue"))),
)

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
# Model-year codes (10th character) repeat every 30 years; 1980 and 2010 are both "A".
YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"

COLOURS = (("白色", 30), ("黑色", 24), ("银色", 10), ("灰色", 13), ("蓝色", 7), ("红色", 6), ("棕色", 3),
           ("绿色", 2), ("香槟金", 3), ("橙色", 1), ("珍珠白", 1))
_COLOUR_NAMES = [c for c, _ in COLOURS]
_COLOUR_CUM = cumulative([w for _, w in COLOURS])
# Plate series letters never use I or O.
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
# New-energy plates: D/A/B/C/E for battery-electric, F/G/H/J/K for other new-energy cars.
_NEV_ELECTRIC = "DDDDABCE"
_NEV_HYBRID = "FFFFGHJK"
STOCK_NOTES = ("展厅展车", "在途，预计下周到店", "试驾车", "客户已预订", "")
USED_NOTES = ("二手车置换收购", "置换车，待整备", "")
OWNER_NOTES = ("客户自带保险", "延保至 2027 年", "每年春节前保养", "车辆曾有剐蹭维修记录", "新车交付")

# How old a customer's car is (years) when it first comes to the dealership for service.
_AGE_CUM = cumulative([4, 10, 12, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 2])


def year_code(year: int) -> str:
    return YEAR_CODES[(year - 1980) % 30]


def make_vin(ctx: DemoContext, model: Model, year: int) -> str:
    rng = ctx.rng
    vds = model.vds_stem + rng.choice(VIN_CHARS) + rng.choice(VIN_CHARS)
    plant = _VIN_LETTERS[zlib.crc32(model.wmi.encode()) % len(_VIN_LETTERS)]
    body = f"{model.wmi}{vds}0{year_code(year)}{plant}{rng.randrange(1_000_000):06d}"
    return body[:8] + vin_check_digit(body) + body[9:]


def make_plate(ctx: DemoContext, city: people.City, fuel: str) -> str:
    """A number plate as stored (:func:`services.vehicles.normalize_plate`: no dot or spaces)."""
    rng = ctx.rng
    prefix = rng.choice(city.plate_prefixes)
    if fuel in ("electric", "plug_in_hybrid"):
        series = _NEV_ELECTRIC if fuel == "electric" else _NEV_HYBRID
        return f"{prefix}{rng.choice(series)}{rng.randrange(100_000):05d}"
    digits = f"{rng.randrange(100_000):05d}"
    letters = rng.random()
    if letters < 0.55:
        return prefix + digits
    if letters < 0.9:
        pos = rng.randrange(5)
        return prefix + digits[:pos] + rng.choice(_PLATE_LETTERS) + digits[pos + 1:]
    return prefix + rng.choice(_PLATE_LETTERS) + rng.choice(_PLATE_LETTERS) + digits[2:]


class Catalogue:
    """Models on sale per model year, with cumulative weights for fast drawing."""

    def __init__(self, models: Sequence[Model] = MODELS) -> None:
        self._by_year: dict[int, tuple[list[Model], list[float]]] = {}
        self._models = models

    def draw(self, ctx: DemoContext, year: int) -> Model:
        entry = self._by_year.get(year)
        if entry is None:
            # Older than anything in the list: the oldest models stand in.
            oldest = min(m.first_year for m in self._models)
            on_sale = ([m for m in self._models if m.on_sale(year)]
                       or [m for m in self._models if m.first_year == oldest])
            entry = self._by_year[year] = (on_sale, cumulative([m.weight for m in on_sale]))
        return ctx.rng.choices(entry[0], cum_weights=entry[1])[0]


_STAFF = ("advisor", "sales", "advisor", "sales", "foreman", "manager", "advisor")


def write(conn: Connection, ctx: DemoContext, owners: Sequence[Owner]) -> int:
    """Insert ``ctx.size.vehicles`` vehicles: most belong to ``owners`` (fleets to companies), a few
    are stock. Returns the number inserted."""
    rng = ctx.rng
    total = ctx.size.vehicles
    stock = max(1, round(total * 0.04))
    owned = total - stock

    # Who owns what: most people have one car, companies run fleets; the rest is spread with
    # companies more likely to get another one.
    counts = [1 if (o.company or rng.random() < 0.88) else 0 for o in owners]
    for i, o in enumerate(owners):
        if o.company and rng.random() < 0.5:
            counts[i] += rng.choice((1, 1, 2, 3, 5, 8))
    assigned = sum(counts)
    if assigned > owned:
        holders = [i for i, c in enumerate(counts) for _ in range(c)]
        rng.shuffle(holders)
        counts = [0] * len(owners)
        for i in holders[:owned]:
            counts[i] += 1
    elif assigned < owned:
        weights = cumulative([4.0 if o.company else 1.0 for o in owners])
        for i in rng.choices(range(len(owners)), cum_weights=weights, k=owned - assigned):
            counts[i] += 1

    # When each vehicle was first recorded: a customer's first car on the day they became a
    # customer, later ones at a later visit.
    plan: list[tuple[datetime, int]] = []
    for i, (o, n) in enumerate(zip(owners, counts, strict=True)):
        for k in range(n):
            when = (o.created_at + timedelta(minutes=rng.randrange(5, 90))) if k == 0 else ctx.moment_between(
                o.created_at)
            plan.append((when, i))
    stock_from = max(ctx.start, ctx.today - timedelta(days=120))
    for _ in range(stock):
        day = stock_from + timedelta(days=rng.randrange((ctx.today - stock_from).days))
        plan.append((ctx.moment_on(day), -1))
    plan.sort(key=lambda p: p[0])

    catalogue = Catalogue()
    vins: set[str] = set()
    plates: set[str] = set()
    rows: list[dict] = []
    done_units = 0
    for created, owner_index in plan:
        owner = owners[owner_index] if owner_index >= 0 else None
        created_day = (created + timedelta(hours=8)).date()
        used_stock = owner is None and rng.random() < 0.25
        bought_new = owner is not None and rng.random() < 0.35
        if (owner is None and not used_stock) or bought_new:
            model_year = created_day.year + (1 if created_day.month >= 10 and rng.random() < 0.4 else 0)
        else:
            model_year = created_day.year - 1 - rng.choices(range(len(_AGE_CUM)), cum_weights=_AGE_CUM)[0]
        model = catalogue.draw(ctx, model_year)
        power = rng.choices(model.powertrains, cum_weights=model.fuel_cum)[0]

        vin = make_vin(ctx, model, model_year)
        while vin in vins:
            vin = make_vin(ctx, model, model_year)
        vins.add(vin)

        plate = ""
        registered_on: date | None = None
        odometer = rng.randrange(0, 30)
        notes = ""
        if owner is not None or used_stock:
            city = people.CITIES[owner.city] if owner is not None and rng.random() < 0.9 else people.SHANGHAI
            plate = make_plate(ctx, city, power.fuel)
            while plate in plates:
                plate = make_plate(ctx, city, power.fuel)
            plates.add(plate)
            earliest = date(model_year - 1, 9, 1)
            latest = min(date(model_year, 12, 31), created_day)
            span = (latest - earliest).days
            registered_on = (created_day if bought_new or span <= 0
                             else earliest + timedelta(days=rng.randrange(span)))
            daily_km = rng.uniform(25, 110) if owner is not None and owner.company else rng.uniform(10, 50)
            odometer = int((ctx.today - registered_on).days * daily_km) // 10 * 10
            if rng.random() < 0.04:
                notes = rng.choice(OWNER_NOTES)
        if owner is None:
            notes = rng.choice(USED_NOTES if used_stock else STOCK_NOTES)
        staff = rng.choice(_STAFF)
        updated = ctx.changed_after(created, chance=0.3)
        rows.append({
            "id": ctx.ids.at(created), "created_at": created, "created_by": staff, "updated_at": updated,
            "updated_by": staff if updated == created else rng.choice(_STAFF),
            "vin": vin, "make": model.make, "model": model.name, "variant": rng.choice(power.variants),
            "model_year": model_year, "colour": rng.choices(_COLOUR_NAMES, cum_weights=_COLOUR_CUM)[0],
            "fuel": power.fuel, "plate": plate, "registered_on": registered_on, "odometer_km": odometer,
            "owner_id": owner.id if owner is not None else None, "notes": notes,
        })
        if len(rows) == 5000:
            insert_rows(ctx, Vehicle.__table__, rows)
            done_units += len(rows)
            ctx.advance(len(rows), f"Vehicles: {done_units:,} of {total:,}")
            rows = []
    insert_rows(ctx, Vehicle.__table__, rows)
    ctx.advance(len(rows), f"Vehicles: {total:,} of {total:,}")
    return total
