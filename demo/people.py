"""Plausible people and companies of a dealership near Shanghai: names (with pinyin), mobile and
office numbers, resident ID numbers, unified social credit codes, e-mail and street addresses.

Everything is drawn from the caller's seeded ``random.Random``. Identifiers are made valid with the
libraries that check them (DESIGN §11); the caller keeps them unique.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from stdnum.cn import ric, uscc

from demo.context import cumulative


def _table(spec: str) -> list[tuple[str, str, float]]:
    """Parse ``"王:Wang:71 李:Li:70"`` into (characters, pinyin, weight) triples."""
    out = []
    for item in spec.split():
        chars, pinyin, *weight = item.split(":")
        out.append((chars, pinyin, float(weight[0]) if weight else 1.0))
    return out


# Surnames with their approximate share (per mille) of China's population.
SURNAMES = _table("""
王:Wang:71 李:Li:70 张:Zhang:68 刘:Liu:54 陈:Chen:46 杨:Yang:31 黄:Huang:23 赵:Zhao:22 吴:Wu:20 周:Zhou:19
徐:Xu:15 孙:Sun:15 马:Ma:14 朱:Zhu:13 胡:Hu:12 郭:Guo:11 何:He:10 林:Lin:10 高:Gao:10 罗:Luo:9 郑:Zheng:9
梁:Liang:8 谢:Xie:7 宋:Song:6 唐:Tang:6 许:Xu:6 韩:Han:5 冯:Feng:5 邓:Deng:5 曹:Cao:5 彭:Peng:5 曾:Zeng:5
肖:Xiao:5 田:Tian:4 董:Dong:4 潘:Pan:4 袁:Yuan:4 蔡:Cai:4 蒋:Jiang:4 余:Yu:4 于:Yu:4 杜:Du:4 叶:Ye:4
程:Cheng:3 魏:Wei:3 苏:Su:3 吕:Lyu:3 丁:Ding:3 任:Ren:3 卢:Lu:3 姚:Yao:3 沈:Shen:3 钟:Zhong:3 姜:Jiang:3
崔:Cui:3 谭:Tan:3 陆:Lu:3 范:Fan:2 汪:Wang:2 廖:Liao:2 石:Shi:2 金:Jin:2 韦:Wei:2 贾:Jia:2 夏:Xia:2 付:Fu:2
方:Fang:2 邹:Zou:2 熊:Xiong:2 白:Bai:2 孟:Meng:2 秦:Qin:2 邱:Qiu:2 侯:Hou:2 江:Jiang:2 尹:Yin:2 薛:Xue:2
闫:Yan:2 段:Duan:2 雷:Lei:2 龙:Long:2 黎:Li:2 史:Shi:2 陶:Tao:2 贺:He:2 毛:Mao:2 郝:Hao:2 顾:Gu:2 龚:Gong:2
邵:Shao:2 万:Wan:2 钱:Qian:2 戴:Dai:2 严:Yan:2 欧阳:Ouyang:0.5 上官:Shangguan:0.1
""")

# Characters of given names, weighted by how often they occur.
MALE_GIVEN = _table("""
伟:wei:30 强:qiang:12 磊:lei:12 军:jun:12 勇:yong:10 杰:jie:10 涛:tao:9 明:ming:9 超:chao:8 斌:bin:6
鹏:peng:7 辉:hui:7 刚:gang:6 健:jian:6 峰:feng:6 建:jian:6 国:guo:5 华:hua:6 平:ping:5 文:wen:5 俊:jun:5
波:bo:5 宇:yu:6 浩:hao:6 鑫:xin:4 亮:liang:5 飞:fei:5 博:bo:4 志:zhi:5 龙:long:4 海:hai:5 洋:yang:5
帅:shuai:3 晨:chen:4 凯:kai:4 东:dong:4 林:lin:4 兵:bing:3 宏:hong:3 毅:yi:3 子:zi:3 轩:xuan:3 睿:rui:3
泽:ze:3 昊:hao:3 天:tian:3 嘉:jia:3 成:cheng:3 永:yong:3 春:chun:2 德:de:2 新:xin:2 立:li:2 晓:xiao:3
家:jia:2 振:zhen:2 一:yi:2 铭:ming:2 彬:bin:2 安:an:2
""")
FEMALE_GIVEN = _table("""
芳:fang:20 娜:na:18 敏:min:16 静:jing:16 丽:li:14 艳:yan:10 娟:juan:9 霞:xia:8 秀:xiu:7 英:ying:7 燕:yan:8
玲:ling:8 婷:ting:8 雪:xue:6 慧:hui:6 红:hong:5 梅:mei:5 琳:lin:5 颖:ying:5 倩:qian:5 洁:jie:5 璐:lu:4
萍:ping:4 欣:xin:5 怡:yi:5 悦:yue:4 晶:jing:4 莉:li:4 琴:qin:3 云:yun:3 兰:lan:3 凤:feng:3 佳:jia:4
雯:wen:4 丹:dan:4 蕾:lei:3 薇:wei:3 思:si:3 梦:meng:3 瑶:yao:3 涵:han:3 萱:xuan:3 诗:shi:3 晓:xiao:4
月:yue:3 宁:ning:3 琪:qi:3 馨:xin:3 妍:yan:3 文:wen:2 安:an:2
""")
# Whole given names that are common in their own right.
MALE_NAMES = _table("""
建华:jianhua:3 建国:jianguo:3 志强:zhiqiang:3 建军:jianjun:3 志明:zhiming:2 国强:guoqiang:2 海涛:haitao:2
晓明:xiaoming:2 子轩:zixuan:2 浩然:haoran:2 宇轩:yuxuan:2 俊杰:junjie:2 文博:wenbo:1 一鸣:yiming:1
""")
FEMALE_NAMES = _table("""
秀英:xiuying:4 桂英:guiying:2 秀兰:xiulan:2 玉兰:yulan:2 丽华:lihua:2 海燕:haiyan:2 婷婷:tingting:2
静静:jingjing:1 丹丹:dandan:1 欣怡:xinyi:2 梓涵:zihan:2 一诺:yinuo:2 雨桐:yutong:1 思琪:siqi:1
""")

ENGLISH_MALE = (
    "James", "John", "Michael", "David", "Robert", "William", "Daniel", "Thomas", "Mark", "Peter", "Richard", "Paul",
    "Andrew", "Chris", "Kevin", "Brian", "Steven", "Jason", "Eric", "Ryan", "Tony", "Jack", "Frank", "Leo", "Vincent",
    "Alex", "Martin", "Lukas", "Pierre", "Marco"
)
ENGLISH_FEMALE = (
    "Mary", "Jennifer", "Linda", "Sarah", "Emma", "Olivia", "Sophie", "Emily", "Jessica", "Laura", "Anna", "Lisa",
    "Rachel", "Kate", "Helen", "Amy", "Grace", "Lucy", "Hannah", "Vivian", "Cindy", "Angela", "Claire", "Julia",
    "Nina"
)
ENGLISH_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thomas",
    "Moore", "Martin", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright",
    "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
    "Evans", "Turner", "Schmidt", "Fischer", "Weber", "Dubois", "Rossi", "Bianchi", "Tanaka", "Sato", "Kim", "Park",
    "Nguyen", "Silva"
)


@dataclass(frozen=True)
class District:
    name: str
    code: str  # administrative division code
    postcode: str


@dataclass(frozen=True)
class City:
    name: str  # as stored in customer.city
    full: str  # as written at the start of an address
    english: str
    plate_prefixes: tuple[str, ...]
    office_area: str  # area code for office numbers; "" where only mobiles are used
    districts: tuple[District, ...]
    roads: tuple[str, ...]
    weight: float


def _districts(spec: str) -> tuple[District, ...]:
    return tuple(District(*item.split(":")) for item in spec.split())


SHANGHAI = City(
    "上海", "上海市", "Shanghai", tuple(f"沪{c}" for c in "ABDEFGHJKLMN"), "21",
    _districts("黄浦区:310101:200001 徐汇区:310104:200030 长宁区:310105:200050 静安区:310106:200040 "
               "普陀区:310107:200333 虹口区:310109:200080 杨浦区:310110:200082 闵行区:310112:201100 "
               "宝山区:310113:201900 嘉定区:310114:201800 浦东新区:310115:200120 金山区:310116:201500 "
               "松江区:310117:201600 青浦区:310118:201700 奉贤区:310120:201400"),
    (
        "南京西路", "淮海中路", "世纪大道", "张杨路", "漕溪北路", "虹桥路", "延安西路",
        "四川北路", "控江路", "沪太路", "曹安公路", "莘庄路", "七莘路", "龙华中路",
        "长寿路", "武宁路", "中山北路", "共和新路", "浦东南路", "杨高中路", "金科路",
        "祖冲之路", "虹梅路", "吴中路", "沪闵路", "松卫北路", "人民北路", "城中路",
        "塔城路", "新松江路", "南桥路", "石化大道"
    ),
    78)

CITIES: tuple[City, ...] = (
    SHANGHAI,
    City("苏州", "江苏省苏州市", "Suzhou", ("苏E",), "",
         _districts("姑苏区:320508:215000 吴中区:320506:215100 相城区:320507:215131 昆山市:320583:215300"),
         ("干将路", "人民路", "星湖街", "现代大道", "东环路", "前进西路"), 6),
    City("杭州", "浙江省杭州市", "Hangzhou", ("浙A",), "",
         _districts("上城区:330102:310000 西湖区:330106:310013 拱墅区:330105:310011 滨江区:330108:310051"),
         ("文三路", "延安路", "江南大道", "莫干山路", "天目山路"), 3),
    City("嘉兴", "浙江省嘉兴市", "Jiaxing", ("浙F",), "",
         _districts("南湖区:330402:314000 嘉善县:330421:314100"), ("中山东路", "禾兴南路", "亚太路"), 3),
    City("无锡", "江苏省无锡市", "Wuxi", ("苏B",), "",
         _districts("梁溪区:320213:214000 滨湖区:320211:214000"), ("中山路", "人民中路", "太湖大道"), 2),
    City("南京", "江苏省南京市", "Nanjing", ("苏A",), "",
         _districts("玄武区:320102:210000 鼓楼区:320106:210000"), ("中山路", "北京东路", "汉中路"), 2),
    City("宁波", "浙江省宁波市", "Ningbo", ("浙B",), "",
         _districts("海曙区:330203:315000 鄞州区:330212:315100"), ("中山西路", "天童南路"), 1.5),
    City("南通", "江苏省南通市", "Nantong", ("苏F",), "",
         _districts("崇川区:320613:226000"), ("人民中路", "工农路"), 1.5),
    City("北京", "北京市", "Beijing", tuple(f"京{c}" for c in "ABCEFGHJKLMNPQ"), "10",
         _districts("朝阳区:110105:100020 海淀区:110108:100080 东城区:110101:100010"),
         ("建国路", "中关村大街", "东长安街", "朝阳北路"), 1.5),
    City("合肥", "安徽省合肥市", "Hefei", ("皖A",), "",
         _districts("蜀山区:340104:230031 包河区:340111:230041"), ("长江西路", "徽州大道"), 1.5),
)
CITY_CUM = cumulative([c.weight for c in CITIES])

# Birthplaces for resident ID numbers: (area code, first year the code was in use), weighted.
# Many people who live in Shanghai were born elsewhere, so these go beyond the cities above.
BIRTHPLACES = [
    ("310101", 0, 8), ("310104", 0, 8), ("310105", 0, 6), ("310106", 0, 6), ("310107", 0, 6),
    ("310109", 0, 5), ("310110", 0, 6), ("310112", 1981, 5), ("310113", 1988, 3), ("310114", 1992, 3),
    ("310115", 1992, 6), ("310116", 1997, 1), ("310117", 1998, 2), ("310118", 1999, 1), ("310120", 2001, 1),
    ("320102", 1983, 1), ("320106", 1983, 1), ("320402", 1983, 1), ("320281", 1989, 1), ("320581", 1989, 1),
    ("320582", 1989, 1), ("320583", 1989, 2), ("320682", 1991, 1), ("320981", 1989, 1), ("320506", 2000, 1),
    ("330102", 1983, 1), ("330106", 1983, 1), ("330203", 1983, 1), ("330421", 1983, 1), ("330481", 1989, 1),
    ("330122", 0, 1), ("340121", 0, 2), ("340621", 0, 1), ("340421", 0, 1), ("341222", 1996, 1),
    ("410102", 1983, 1), ("411321", 1994, 1), ("420106", 1983, 1), ("421181", 1995, 1), ("430121", 0, 1),
    ("430524", 1986, 1), ("360121", 0, 1), ("510104", 1990, 1), ("510121", 0, 1), ("370102", 1983, 1),
    ("370202", 1983, 1), ("350203", 1983, 1), ("350121", 0, 1), ("110101", 0, 1), ("110105", 0, 1),
    ("110108", 0, 1), ("440106", 1985, 1), ("440305", 1990, 1), ("500103", 1997, 1),
]

MOBILE_PREFIXES = _table("""
130:130:3 131:131:3 132:132:3 133:133:3 134:134:3 135:135:5 136:136:5 137:137:5 138:138:6 139:139:6
150:150:3 151:151:3 152:152:3 153:153:2 155:155:2 156:156:2 157:157:2 158:158:3 159:159:3 166:166:1
173:173:1 175:175:1 176:176:1 177:177:1 178:178:1 180:180:2 181:181:2 182:182:2 183:183:2 184:184:1
185:185:2 186:186:3 187:187:2 188:188:2 189:189:3 191:191:1 193:193:1 195:195:1 198:198:1 199:199:1
""")
_MOBILE_CODES = [p for p, _, _ in MOBILE_PREFIXES]
_MOBILE_CUM = cumulative([w for _, _, w in MOBILE_PREFIXES])

_SURNAME_CUM = cumulative([w for _, _, w in SURNAMES])
_MALE_CUM = cumulative([w for _, _, w in MALE_GIVEN])
_FEMALE_CUM = cumulative([w for _, _, w in FEMALE_GIVEN])
_MALE_NAMES_CUM = cumulative([w for _, _, w in MALE_NAMES])
_FEMALE_NAMES_CUM = cumulative([w for _, _, w in FEMALE_NAMES])

MAIL_DOMAINS = _table("qq.com:qq:35 163.com:163:30 126.com:126:10 sina.com:sina:5 hotmail.com:hotmail:5 "
                      "gmail.com:gmail:5 foxmail.com:foxmail:5 icloud.com:icloud:5")
_MAIL_CODES = [d for d, _, _ in MAIL_DOMAINS]
_MAIL_CUM = cumulative([w for _, _, w in MAIL_DOMAINS])


@dataclass(frozen=True)
class Name:
    """A person's name as written (``name``) and its second spelling (``alt_name``)."""

    name: str
    alt_name: str
    latin_given: str  # for e-mail addresses
    latin_family: str
    chinese: bool


def _pick(rng: random.Random, table: list[tuple[str, str, float]], cum: list[float]) -> tuple[str, str, float]:
    return rng.choices(table, cum_weights=cum)[0]


def _join_syllables(first: str, second: str) -> str:
    # Pinyin marks a syllable boundary before a, o or e with an apostrophe (Xi'an, not Xian).
    return first + ("'" if second[0] in "aoe" else "") + second


def chinese_given(rng: random.Random, *, male: bool, single: bool) -> tuple[str, str]:
    """A given name and its pinyin (lower case, no spaces)."""
    pool, cum = (MALE_GIVEN, _MALE_CUM) if male else (FEMALE_GIVEN, _FEMALE_CUM)
    if single:
        chars, pinyin, _ = _pick(rng, pool, cum)
        return chars, pinyin
    if rng.random() < 0.3:
        chars, pinyin, _ = _pick(rng, *((MALE_NAMES, _MALE_NAMES_CUM) if male else (FEMALE_NAMES, _FEMALE_NAMES_CUM)))
        return chars, pinyin
    first = _pick(rng, pool, cum)
    second = _pick(rng, pool, cum)
    while second[0] == first[0]:
        second = _pick(rng, pool, cum)
    return first[0] + second[0], _join_syllables(first[1], second[1])


def chinese_name(rng: random.Random, *, male: bool, born: int) -> Name:
    """A Chinese name; one-character given names (王伟, 李娜) are commoner among older people."""
    surname, family, _ = _pick(rng, SURNAMES, _SURNAME_CUM)
    single_share = 0.5 if born < 1975 else 0.3 if born < 1990 else 0.15
    given, pinyin = chinese_given(rng, male=male, single=rng.random() < single_share)
    latin_given = pinyin.replace("'", "").capitalize()
    return Name(surname + given, f"{family} {pinyin.capitalize()}", latin_given, family, True)


def english_name(rng: random.Random, *, male: bool, born: int) -> Name:
    """An English name: a foreign customer, or a Chinese customer who goes by an English given name
    (then the Chinese name is the second spelling)."""
    given = rng.choice(ENGLISH_MALE if male else ENGLISH_FEMALE)
    if rng.random() < 0.4:
        chinese = chinese_name(rng, male=male, born=born)
        return Name(f"{given} {chinese.latin_family}", chinese.name, given, chinese.latin_family, False)
    family = rng.choice(ENGLISH_SURNAMES)
    return Name(f"{given} {family}", "", given, family, False)


def mobile(rng: random.Random) -> str:
    """A mainland mobile number in E.164 form."""
    prefix = rng.choices(_MOBILE_CODES, cum_weights=_MOBILE_CUM)[0]
    return f"+86{prefix}{rng.randrange(100_000_000):08d}"


def office_phone(rng: random.Random, area: str) -> str:
    """A fixed-line number in E.164 form for a city with an eight-digit local plan (Shanghai, Beijing)."""
    return f"+86{area}{rng.randrange(2, 8)}{rng.randrange(10_000_000):07d}"


def birth_date(rng: random.Random, today: date, *, youngest: int = 20, oldest: int = 72) -> date:
    span = (oldest - youngest) * 365
    return today - timedelta(days=youngest * 365 + rng.randrange(span))


@cache
def _birthplaces_for(year: int) -> tuple[list[str], list[float]]:
    usable = [(code, w) for code, since, w in BIRTHPLACES if since <= year]
    return [c for c, _ in usable], cumulative([w for _, w in usable])


def resident_id(rng: random.Random, born: date, *, male: bool) -> str:
    """An 18-digit resident ID (GB 11643): birthplace, birth date, sequence with the sex digit
    (odd for men), check digit."""
    codes, cum = _birthplaces_for(born.year)
    area = rng.choices(codes, cum_weights=cum)[0]
    sex_digit = rng.randrange(1, 10, 2) if male else rng.randrange(0, 10, 2)
    body = f"{area}{born:%Y%m%d}{rng.randrange(100):02d}{sex_digit}"
    return body + ric.calc_check_digit(body + "0")


def passport_number(rng: random.Random) -> str:
    return f"{rng.randrange(100_000_000, 1_000_000_000)}"


def email(rng: random.Random, name: Name) -> str:
    domain = rng.choices(_MAIL_CODES, cum_weights=_MAIL_CUM)[0]
    if domain == "qq.com":
        return f"{rng.randrange(10_000, 4_000_000_000)}@qq.com"
    local = f"{name.latin_given}.{name.latin_family}" if not name.chinese else f"{name.latin_family}{name.latin_given}"
    local = local.lower().replace(" ", "").replace("'", "")
    if rng.random() < 0.7:
        local += str(rng.randrange(1, 1000))
    return f"{local}@{domain}"


def address(rng: random.Random, city: City, district: District) -> str:
    road = rng.choice(city.roads)
    number = rng.randrange(1, 3000)
    if rng.random() < 0.7:
        return (f"{city.full}{district.name}{road}{number}弄{rng.randrange(1, 40)}号"
                f"{rng.randrange(1, 30)}{rng.randrange(1, 5):02d}室")
    return f"{city.full}{district.name}{road}{number}号"


def pick_city(rng: random.Random) -> int:
    """Index into :data:`CITIES`, weighted: most customers live in or near Shanghai."""
    return rng.choices(range(len(CITIES)), cum_weights=CITY_CUM)[0]


# --- companies ------------------------------------------------------------------------------------

TRADE_CHARS = _table("""
华:Hua 信:Xin 宏:Hong 达:Da 恒:Heng 通:Tong 鼎:Ding 盛:Sheng 金:Jin 桥:Qiao 瑞:Rui 丰:Feng 东:Dong 方:Fang
新:Xin 世:Shi 纪:Ji 泰:Tai 永:Yong 辉:Hui 中:Zhong 天:Tian 浩:Hao 博:Bo 远:Yuan 嘉:Jia 禾:He 启:Qi 明:Ming
德:De 润:Run 源:Yuan 康:Kang 佳:Jia 锦:Jin 程:Cheng 联:Lian 创:Chuang 汇:Hui 海:Hai 腾:Teng 宇:Yu 正:Zheng
隆:Long 昌:Chang 兴:Xing 峰:Feng 立:Li 骏:Jun 凯:Kai 力:Li 美:Mei 合:He 百:Bai 舜:Shun 晟:Sheng 诚:Cheng
祥:Xiang 卓:Zhuo 睿:Rui
""")
# (Chinese, English, weight): businesses that buy and service cars.
INDUSTRIES = (
    ("物流", "Logistics", 8), ("贸易", "Trading", 8), ("科技", "Technology", 8), ("建设工程", "Construction", 5),
    ("汽车租赁", "Car Rental", 6), ("出租汽车", "Taxi", 3), ("餐饮管理", "Catering Management", 3),
    ("房地产开发", "Real Estate Development", 3), ("电子", "Electronics", 4), ("医疗器械", "Medical Devices", 3),
    ("食品", "Food", 3), ("网络科技", "Internet Technology", 5), ("文化传媒", "Media", 3),
    ("建材", "Building Materials", 3),
    ("机械设备", "Machinery", 4), ("物业管理", "Property Management", 3), ("旅游", "Travel", 2),
    ("投资管理", "Investment Management", 3), ("环保科技", "Environmental Technology", 2),
    ("商务咨询", "Business Consulting", 4),
)
_INDUSTRY_CUM = cumulative([w for _, _, w in INDUSTRIES])
COMPANY_FORMS = (("有限公司", "Co., Ltd.", 85), ("股份有限公司", "Co., Ltd.", 10), ("有限责任公司", "Co., Ltd.", 5))
_FORM_CUM = cumulative([w for _, _, w in COMPANY_FORMS])
POSITIONS = ("总经理", "行政主管", "车队经理", "采购经理", "财务经理", "办公室主任", "副总经理", "行政专员")

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_VALUES = {c: (int(c) if c.isdigit() else ord(c) - 55) for c in _USCC_ALPHABET}
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class CompanyName:
    name: str
    alt_name: str
    domain: str


def company_name(rng: random.Random, city: City) -> CompanyName:
    first, second = rng.sample(TRADE_CHARS, 2)
    industry, english, _ = rng.choices(INDUSTRIES, cum_weights=_INDUSTRY_CUM)[0]
    form, form_en, _ = rng.choices(COMPANY_FORMS, cum_weights=_FORM_CUM)[0]
    trade = first[0] + second[0]
    trade_latin = first[1] + second[1].lower()
    domain = f"{trade_latin.lower()}{rng.choice(('', '-sh', 'group', 'tech', 'cn'))}.com.cn"
    return CompanyName(f"{city.name}{trade}{industry}{form}", f"{city.english} {trade_latin} {english} {form_en}",
                       domain)


def _org_check(code: str) -> str:
    # National organisation code (GB 11714), the 9th to 17th characters of a credit code.
    rest = 11 - sum(_ORG_VALUES[c] * w for c, w in zip(code, _ORG_WEIGHTS, strict=True)) % 11
    return "X" if rest == 10 else "0" if rest == 11 else str(rest)


def credit_code(rng: random.Random, district: District, *, recent: bool) -> str:
    """A unified social credit code (GB 32100) of an enterprise ("91") registered in ``district``.
    Companies founded since 2015 carry the newer "MA" organisation codes."""
    if recent:
        org = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
    else:
        org = f"{rng.randrange(10_000_000, 100_000_000)}"
    body = f"91{district.code}{org}{_org_check(org)}"
    return body + uscc.calc_check_digit(body)
