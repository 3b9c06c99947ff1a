"""Demo customers: private customers (mostly Chinese, some foreign) and company customers with
their contacts, with unique phones, resident ID numbers and credit codes; their grades, tags,
marketing consent and notes; and a few records that look like another customer's (the same name and
birth date, or the same e-mail) for the duplicates review to find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection

from demo import people
from demo.context import INSERT_CHUNK, DemoContext, insert_rows
from models.crm import Contact, Customer, CustomerNote, CustomerTag
from services.customers import name_key

_STAFF = ("sales", "sales", "advisor", "advisor", "advisor", "cashier", "manager", "owner")
PERSON_NOTES = ("老客户介绍", "偏好微信联系", "周末到店", "VIP客户", "对价格敏感，关注优惠活动", "希望工作日上午保养")
FOREIGN_NOTES = ("Prefers an English-speaking advisor", "Contact by WeChat or e-mail", "Company car allowance")
COMPANY_NOTES = ("月结客户，账期 30 天", "需开增值税专用发票", "车队保养协议客户", "对公转账付款", "年度用车采购")
GRADES = ("A", "B", "C", "D", "")
GRADE_WEIGHTS = (5, 20, 35, 10, 30)
PERSON_TAGS = ("贵宾", "老客户推荐", "微信群", "新能源意向", "置换意向", "车主俱乐部")
COMPANY_TAGS = ("车队客户", "月结", "政府采购", "贵宾")
DATED_NOTES = ("电话回访，客户满意", "询问新车型到店时间", "预约周末试驾", "已加微信，发送了报价单", "对置换补贴感兴趣",
               "客户反映保养等待时间长", "推荐了朋友来店看车", "希望有优惠活动时通知")
# Chances that a private customer's record repeats an earlier one's name and birth date, or e-mail.
SAME_NAME_CHANCE = 0.004
SAME_EMAIL_CHANCE = 0.002


@dataclass(frozen=True)
class Owner:
    """What the vehicle generator needs to know about a customer."""

    id: str
    created_at: datetime
    city: int  # index into people.CITIES
    company: bool


@dataclass
class Written:
    customers: int
    contacts: int
    owners: list[Owner]
    tags: int = 0
    notes: int = 0


class _Unique:
    """Draws values until one has not been handed out before."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def take(self, draw: Callable[[], str]) -> str:
        value = draw()
        while value in self._seen:
            value = draw()
        self._seen.add(value)
        return value


def write(conn: Connection, ctx: DemoContext) -> Written:
    """Insert ``ctx.size.customers`` customers (``ctx.size.companies`` of them companies) created
    over the demo period, and the companies' contacts."""
    rng = ctx.rng
    size = ctx.size
    moments = ctx.moments(size.customers)
    companies = set(rng.sample(range(size.customers), size.companies))
    phones, id_numbers, credit_codes, company_names = _Unique(), _Unique(), _Unique(), _Unique()

    owners: list[Owner] = []
    customers: list[dict] = []
    contacts: list[dict] = []
    extras: dict[str, list[dict]] = {"tags": [], "notes": []}
    contact_count = tag_count = note_count = 0
    earlier: list[dict] = []  # recent private customers, whose record a later one may repeat
    for i, created in enumerate(moments):
        city_index = people.pick_city(rng)
        city = people.CITIES[city_index]
        district = rng.choice(city.districts)
        cid = ctx.ids.at(created)
        staff = rng.choice(_STAFF)
        updated = ctx.changed_after(created, chance=0.25)
        row = {
            "id": cid, "created_at": created, "created_by": staff, "updated_at": updated,
            "updated_by": staff if updated == created else rng.choice(_STAFF), "city": city.name,
            "postcode": "", "address": "", "birth_date": None, "id_number": "", "company_reg": "",
            "email": "", "notes": "", "active": rng.random() < 0.97, "marketing_ok": rng.random() < 0.45,
        }
        company = i in companies
        if company:
            row.update(_company(ctx, city, district, created, phones, credit_codes, company_names))
            for k, person in enumerate(_company_contacts(ctx, row.pop("_domain"), phones)):
                contacts.append({"id": ctx.ids.at(created), "created_at": created, "created_by": staff,
                                 "updated_at": created, "updated_by": staff, "customer_id": cid,
                                 "is_primary": k == 0, **person})
        else:
            row.update(_person(ctx, city, district, phones, id_numbers))
            _maybe_repeat(ctx, row, earlier)
            if rng.random() < 0.03:
                relative = people.chinese_name(rng, male=rng.random() < 0.5, born=1980)
                contacts.append({"id": ctx.ids.at(created), "created_at": created, "created_by": staff,
                                 "updated_at": created, "updated_by": staff, "customer_id": cid,
                                 "name": relative.name, "position": "家属", "email": "", "is_primary": False,
                                 "phone": phones.take(lambda: people.mobile(rng))})
        row["name_key"], row["alt_key"] = name_key(row["name"]), name_key(row["alt_name"])
        _record(ctx, row, created, staff, company, extras)
        customers.append(row)
        owners.append(Owner(cid, created, city_index, company))
        if len(customers) == INSERT_CHUNK:
            contact_count += _flush(ctx, customers, contacts)
            tag_count, note_count = tag_count + len(extras["tags"]), note_count + len(extras["notes"])
            _flush_extras(ctx, extras)
            ctx.advance(INSERT_CHUNK, f"Customers: {i + 1:,} of {size.customers:,}")
            customers, contacts = [], []
    contact_count += _flush(ctx, customers, contacts)
    tag_count, note_count = tag_count + len(extras["tags"]), note_count + len(extras["notes"])
    _flush_extras(ctx, extras)
    ctx.advance(len(customers), f"Customers: {size.customers:,} of {size.customers:,}")
    return Written(size.customers, contact_count, owners, tag_count, note_count)


def _flush(ctx: DemoContext, customers: list[dict], contacts: list[dict]) -> int:
    insert_rows(ctx, Customer.__table__, customers)
    insert_rows(ctx, Contact.__table__, contacts)
    return len(contacts)


def _flush_extras(ctx: DemoContext, extras: dict[str, list[dict]]) -> None:
    insert_rows(ctx, CustomerTag.__table__, extras["tags"])
    insert_rows(ctx, CustomerNote.__table__, extras["notes"])
    extras["tags"], extras["notes"] = [], []


def _record(ctx: DemoContext, row: dict, created: datetime, staff: str, company: bool,
            extras: dict[str, list[dict]]) -> None:
    """The customer's grade and marketing consent (given on a day after the record was made, some
    withdrawn since), its tags and its dated notes."""
    rng = ctx.rng
    row["grade"] = rng.choices(GRADES, weights=GRADE_WEIGHTS)[0]
    row["marketing_since"] = row["marketing_withdrawn_on"] = None
    given = (created + timedelta(days=rng.randrange(0, 30))).date()
    if row["marketing_ok"]:
        row["marketing_since"] = min(given, ctx.today)
    elif rng.random() < 0.1:
        withdrawn = ctx.moment_between(created).date()
        row["marketing_since"], row["marketing_withdrawn_on"] = min(given, withdrawn), withdrawn
    if rng.random() < 0.15:
        pool = COMPANY_TAGS if company else PERSON_TAGS
        for tag in rng.sample(pool, rng.choice((1, 1, 2))):
            extras["tags"].append({"id": ctx.ids.at(created), "created_at": created, "created_by": staff,
                                   "updated_at": created, "updated_by": staff, "customer_id": row["id"],
                                   "tag": tag})
    if rng.random() < 0.08:
        for _ in range(rng.choice((1, 1, 2, 3))):
            extras["notes"].append({"id": ctx.ids.at(created), "created_at": created, "created_by": staff,
                                    "updated_at": created, "updated_by": staff, "customer_id": row["id"],
                                    "text": rng.choice(DATED_NOTES)})


def _maybe_repeat(ctx: DemoContext, row: dict, earlier: list[dict]) -> None:
    """Now and then a record repeats an earlier customer's name and birth date (entered twice at
    different desks), or an e-mail (a couple sharing one); phones and ID numbers stay unique."""
    rng = ctx.rng
    draw = rng.random()
    if earlier and not row["id_number"] and draw < SAME_NAME_CHANCE:
        first = rng.choice(earlier)
        if first["birth_date"] is not None:
            row.update(name=first["name"], alt_name=first["alt_name"], birth_date=first["birth_date"])
    elif earlier and draw < SAME_NAME_CHANCE + SAME_EMAIL_CHANCE:
        first = rng.choice(earlier)
        if first["email"]:
            row["email"] = first["email"]
    earlier.append(row)
    if len(earlier) > 200:
        del earlier[0]


def _person(ctx: DemoContext, city: people.City, district: people.District, phones: _Unique,
            id_numbers: _Unique) -> dict:
    rng = ctx.rng
    male = rng.random() < 0.58
    born = people.birth_date(rng, ctx.today)
    english = rng.random() < 0.2
    name = (people.english_name if english else people.chinese_name)(rng, male=male, born=born.year)
    foreigner = english and not name.alt_name
    out: dict = {"kind": "person", "name": name.name, "alt_name": name.alt_name,
                 "language": "en" if foreigner else "zh_CN"}
    out["phone"] = phones.take(lambda: people.mobile(rng)) if rng.random() < 0.96 else ""
    if not foreigner and rng.random() < 0.6:
        out["id_number"] = id_numbers.take(lambda: people.resident_id(rng, born, male=male))
        out["birth_date"] = born
    elif foreigner and rng.random() < 0.4:
        out["id_number"] = id_numbers.take(lambda: people.passport_number(rng))
    elif rng.random() < 0.1:
        out["birth_date"] = born
    if rng.random() < (0.8 if foreigner else 0.35):
        out["email"] = people.email(rng, name)
    if rng.random() < 0.7:
        out["address"] = people.address(rng, city, district)
        out["postcode"] = district.postcode
    if rng.random() < 0.06:
        out["notes"] = rng.choice(FOREIGN_NOTES if foreigner else PERSON_NOTES)
    return out


def _company(ctx: DemoContext, city: people.City, district: people.District, created: datetime, phones: _Unique,
             credit_codes: _Unique, names: _Unique) -> dict:
    rng = ctx.rng
    drawn: list[people.CompanyName] = []

    def draw_name() -> str:
        drawn.append(people.company_name(rng, city))
        return drawn[-1].name

    name = names.take(draw_name)
    found = drawn[-1]
    recent = created.year >= 2016 and rng.random() < 0.6
    office = bool(city.office_area) and rng.random() < 0.8
    return {
        "kind": "company", "name": name, "alt_name": found.alt_name, "language": "zh_CN",
        "company_reg": credit_codes.take(lambda: people.credit_code(rng, district, recent=recent)),
        "phone": phones.take(lambda: people.office_phone(rng, city.office_area) if office else people.mobile(rng)),
        "email": f"{rng.choice(('info', 'service', 'admin', 'fleet', 'office'))}@{found.domain}"
        if rng.random() < 0.8 else "",
        "address": people.address(rng, city, district), "postcode": district.postcode,
        "notes": rng.choice(COMPANY_NOTES) if rng.random() < 0.2 else "", "_domain": found.domain,
    }


def _company_contacts(ctx: DemoContext, domain: str, phones: _Unique) -> list[dict]:
    rng = ctx.rng
    n = rng.choices((1, 2, 3), cum_weights=(50, 85, 100))[0]
    positions = rng.sample(people.POSITIONS, n)
    out = []
    for position in positions:
        male = rng.random() < 0.55
        name = people.chinese_name(rng, male=male, born=1970 + rng.randrange(35))
        email = f"{name.latin_given}.{name.latin_family}@{domain}".lower() if rng.random() < 0.6 else ""
        out.append({"name": name.name, "position": position, "email": email,
                    "phone": phones.take(lambda: people.mobile(rng))})
    return out
