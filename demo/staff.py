"""The demo dealership itself: its settings and its users (one per role, and more salespeople), with
published passwords."""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict

from sqlalchemy import Connection

from demo import people
from demo.context import DemoContext, insert_rows
from models.admin import Setting, User
from services import users
from services.settings import DealershipSettings
from store.uow import UnitOfWork

# (user name, password, role, display name): one user for each built-in role, and a showroom of
# four salespeople (the others share the first one's password) for leads, deals and targets.
DEMO_USERS: list[tuple[str, str, str, str]] = [
    ("owner", "owner123!", "owner", "周建华"),
    ("manager", "manager123!", "sales_manager", "陈静"),
    ("sales", "sales123!", "salesperson", "李娜"),
    ("sales2", "sales123!", "salesperson", "王芳"),
    ("sales3", "sales123!", "salesperson", "张磊"),
    ("sales4", "sales123!", "salesperson", "Daniel Zhou"),
    ("advisor", "advisor123!", "service_advisor", "张伟"),
    ("foreman", "foreman123!", "foreman", "刘强"),
    ("tech", "tech123!", "technician", "王磊"),
    ("parts", "parts123!", "parts_clerk", "赵敏"),
    ("cashier", "cashier123!", "cashier", "孙丽"),
    ("viewer", "viewer123!", "read_only", "Emma Wilson"),
]

DEALERSHIP_NAME = "Forecourt Demo Motors 福克汽车"


def hash_passwords() -> list[Future[str]]:
    """Start hashing the demo passwords (each once) on worker threads. The hash is memory-hard and
    slow by design and releases the GIL, so it runs while the customers are being made."""
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="demo-hash")
    by_password: dict[str, Future[str]] = {}
    for _, password, _, _ in DEMO_USERS:
        if password not in by_password:
            by_password[password] = pool.submit(users.hash_password, password)
    pool.shutdown(wait=False)
    return [by_password[password] for _, password, _, _ in DEMO_USERS]


def write_users(conn: Connection, ctx: DemoContext, hashes: list[Future[str]]) -> int:
    created = sorted(ctx.moment_on(ctx.start) for _ in DEMO_USERS)
    rows = []
    for (username, _password, role, display_name), when, hashed in zip(DEMO_USERS, created, hashes, strict=True):
        creator = ctx.actor.username if role == "owner" else "owner"
        rows.append({
            "id": ctx.ids.at(when), "created_at": when, "created_by": creator, "updated_at": when,
            "updated_by": creator, "username": username, "display_name": display_name, "role_code": role,
            "password_hash": hashed.result(), "active": True, "language": "", "failed_logins": 0,
            "locked_until": None, "last_login_at": None, "must_change_password": False,
        })
    insert_rows(ctx, User.__table__, rows)
    return len(rows)


def dealership(ctx: DemoContext) -> DealershipSettings:
    district = people.SHANGHAI.districts[7]  # 闵行区
    return DealershipSettings(
        name=DEALERSHIP_NAME,
        address=f"上海市{district.name}虹梅路2888号 {district.postcode}\n2888 Hongmei Road, Minhang District, Shanghai",
        phone="+862164881234",
        email="service@forecourt-demo.cn",
        tax_id=people.credit_code(ctx.rng, district, recent=False),
        country="CN",
        currency="CNY",
        prices_include_tax=True,
        language="en",
    )


def write_settings(uow: UnitOfWork, settings: DealershipSettings) -> None:
    value = json.dumps(asdict(settings), ensure_ascii=False, sort_keys=True)
    uow.update(Setting, [{"key": "dealership", "value": value}])


SALESPEOPLE: tuple[str, ...] = tuple(u[0] for u in DEMO_USERS if u[2] == "salesperson")
