"""The demo data generator: sizes, determinism, valid identifiers, users, search, audit, safety."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import text
from stdnum.cn import ric, uscc

import demo
import models
from core.errors import Cancelled, ValidationError
from core.ids import id_time_ms
from core.progress import CancelToken
from demo import staff
from demo import workshop as demo_workshop
from demo.vehicles import MODELS, year_code
from models.sync import synced_tables
from services import audit, search, settings, users, validation
from services.permissions import ROLES
from services.setup import open_database
from services.vehicles import FUELS, normalize_plate
from services.vehicles.plates import is_chinese_plate
from store import capture
from store.database import Database

TODAY = date(2025, 6, 1)
SEED = 3
# What demo/billing.py writes (tested in test_demo_billing.py).
BILLING_TABLES = ("invoice", "invoice_line", "payment", "allocation", "cash_day", "rebate", "insurance_claim",
                  "number_series")
# What demo/parts.py writes (tested in test_demo_parts.py).
PARTS_TABLES = ("brand", "supplier", "part", "part_stock", "stock_movement")
# What demo/workshop.py writes through the workshop services.
WORKSHOP_TABLES = ("labour_rate", "labour_operation", "labour_operation_part", "repair_order", "repair_job",
                   "repair_labour_line", "repair_part_line", "clocking", "repair_order_invoice", "workshop_resource",
                   "workshop_shift", "appointment", "appointment_operation", "service_menu", "survey",
                   "follow_up_task", "attendance")
RECEPTION_TABLES = ("health_check_template", "health_check", "health_check_item", "work_estimate", "damage_note",
                    "campaign", "campaign_vehicle")
# What demo/stock.py writes: the vehicle catalogue and the showroom's stock now.
STOCK_TABLES = ("catalogue_model", "catalogue_trim", "catalogue_option", "stock_vehicle", "stock_vehicle_option",
                "stock_vehicle_cost", "stock_event", "vehicle_document")
# What demo/finance.py writes whatever the deals: targets, the commission rule, trade-ins and the used stock
# they became; loans and policies follow the deals present (none without them).
FINANCE_TABLES = ("sales_target", "commission_rule", "trade_in", "trade_in_condition", "trade_in_reconditioning",
                  "stock_vehicle", "stock_vehicle_cost", "stock_event")
DEAL_FINANCE_TABLES = ("loan_application", "insurance_policy", "insurance_commission_entry")
# What demo/leads.py writes.
LEAD_TABLES = ("lead", "lead_task", "test_drive")
# What demo/deals.py writes (tested in test_demo_deals.py).
DEALS_TABLES = ("stock_vehicle", "vehicle_document", "stock_event", "deal", "deal_line", "deal_approval",
                "deal_delivery_item")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    started = time.perf_counter()
    counts = demo.build(path, size="small", seed=SEED, today=TODAY)
    # Reported, never asserted: build speed is the benchmark's business.
    print(f"small demo build: {time.perf_counter() - started:.2f} s, {counts}")
    return path, counts


@pytest.fixture(scope="module")
def demo_path(demo_build) -> Path:
    return demo_build[0]


@pytest.fixture(scope="module")
def demo_db(demo_path) -> Iterator[Database]:
    database = open_database(demo_path)
    yield database
    database.dispose()


def _rows(db: Database, sql: str) -> list:
    with db.read() as conn:
        return conn.execute(text(sql)).all()


def _dump(path: Path) -> dict[str, list]:
    database = open_database(path)
    try:
        with database.read() as conn:
            return {table: conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
                    for table in ("customer", "contact", "vehicle")}
    finally:
        database.dispose()


def test_small_build_has_the_advertised_size(demo_db):
    size = demo.SIZES["small"]
    count = {t: _rows(demo_db, f"SELECT count(*) FROM {t}")[0][0]
             for t in ("customer", "contact", "vehicle", "user_account", "search_doc", "part")}
    # The customers, and the accounts warranty and internal work is invoiced to (the maker, the dealership).
    assert count["customer"] == size.customers + len(demo_workshop.PAYERS) == 2_002
    assert count["vehicle"] == size.vehicles == 2_600
    assert count["user_account"] == len(demo.DEMO_USERS)
    posted = _rows(demo_db, "SELECT count(*) FROM invoice WHERE status = 'posted'")[0][0]
    assert count["search_doc"] == count["customer"] + count["vehicle"] + posted + count["part"]
    companies = _rows(demo_db, "SELECT count(*) FROM customer WHERE kind = 'company'")[0][0]
    assert companies == size.companies + len(demo_workshop.PAYERS) == 302
    per_company = _rows(demo_db, "SELECT c.id, count(k.id) FROM customer c LEFT JOIN contact k "
                                 "ON k.customer_id = c.id WHERE c.kind = 'company' AND c.id NOT IN "
                                 "(SELECT bill_to_customer_id FROM labour_rate WHERE bill_to_customer_id IS NOT NULL) "
                                 "GROUP BY c.id")
    assert {n for _, n in per_company} == {1, 2, 3}
    unowned = _rows(demo_db, "SELECT count(*) FROM vehicle WHERE owner_id IS NULL")[0][0]
    assert 0 < unowned < count["vehicle"] * 0.1


def test_build_returns_the_rows_it_wrote(demo_build, demo_db):
    _path, counts = demo_build
    deals = _rows(demo_db, "SELECT count(*) FROM deal")[0][0]
    assert set(counts) == {"customer", "contact", "customer_tag", "customer_note", "vehicle", "user_account",
                           "search_doc", *BILLING_TABLES, *PARTS_TABLES, *WORKSHOP_TABLES, *RECEPTION_TABLES,
                           *STOCK_TABLES, *LEAD_TABLES, *DEALS_TABLES, *FINANCE_TABLES,
                           *(DEAL_FINANCE_TABLES if deals else ())}
    for table, n in counts.items():
        assert _rows(demo_db, f"SELECT count(*) FROM {table}")[0][0] == n


def test_same_seed_and_day_give_identical_data_and_another_seed_differs(demo_path, tmp_path):
    demo.build(tmp_path / "again.db", size="small", seed=SEED, today=TODAY)
    demo.build(tmp_path / "other.db", size="small", seed=SEED + 1, today=TODAY)
    first, again, other = _dump(demo_path), _dump(tmp_path / "again.db"), _dump(tmp_path / "other.db")
    assert first == again
    for table in first:
        assert first[table] != other[table]


def test_timestamps_lie_in_the_year_before_today_and_ids_carry_them(demo_db):
    start = datetime(TODAY.year - 1, TODAY.month, TODAY.day) - timedelta(hours=8)
    end = datetime(TODAY.year, TODAY.month, TODAY.day) - timedelta(hours=8)
    for table in ("customer", "vehicle"):
        rows = _rows(demo_db, f"SELECT id, created_at, updated_at FROM {table} ORDER BY rowid")
        created = [datetime.fromisoformat(r.created_at) for r in rows]
        assert start <= min(created) and max(created) < end
        assert created == sorted(created)
        assert all(datetime.fromisoformat(r.updated_at) >= c for r, c in zip(rows, created, strict=True))
        for r, c in zip(rows, created, strict=True):
            assert id_time_ms(r.id) == (c - datetime(1970, 1, 1)) // timedelta(milliseconds=1)
    months = {c[:7] for (c,) in _rows(demo_db, "SELECT created_at FROM customer")}
    assert len(months) >= 12


def test_every_vin_is_valid_unique_and_encodes_its_model_year(demo_db):
    rows = _rows(demo_db, "SELECT vin, make, model_year FROM vehicle")
    assert len({r.vin for r in rows}) == len(rows)
    wmis = {(m.make, m.wmi) for m in MODELS}
    for r in rows:
        info = validation.vin(r.vin)
        assert not [w for w in info.warnings if "check digit" in w], r.vin
        assert r.vin[9] == year_code(r.model_year)
        assert (r.make, r.vin[:3]) in wmis
    imported = [r for r in rows if r.vin[0] in "WJ5S"]
    assert imported, "some imported cars"


def test_every_vehicle_model_was_on_sale_in_its_model_year(demo_db):
    catalogue = {(m.make, m.name): m for m in MODELS}
    for r in _rows(demo_db, "SELECT make, model, model_year FROM vehicle"):
        assert catalogue[(r.make, r.model)].on_sale(r.model_year), r


def test_vehicles_mix_makes_years_and_fuels(demo_db):
    makes = Counter(r.make for r in _rows(demo_db, "SELECT make FROM vehicle"))
    assert {"Volkswagen", "Toyota", "Honda", "BYD", "Geely", "BMW", "Mercedes-Benz", "Audi"} <= set(makes)
    assert max(makes.values()) < 0.35 * sum(makes.values())
    years = [r.model_year for r in _rows(demo_db, "SELECT model_year FROM vehicle")]
    assert max(years) - min(years) >= 10
    fuels = {r.fuel for r in _rows(demo_db, "SELECT DISTINCT fuel FROM vehicle")}
    assert {"petrol", "electric", "plug_in_hybrid", "hybrid"} <= fuels <= set(FUELS)
    assert {p.fuel for m in MODELS for p in m.powertrains} <= set(FUELS)


def test_plates_are_chinese_unique_and_stored_normalized(demo_db):
    plates = [r.plate for r in _rows(demo_db, "SELECT plate FROM vehicle WHERE plate <> ''")]
    assert len(plates) == len(set(plates))
    assert all(normalize_plate(p) == p for p in plates)
    assert all(re.fullmatch(r"[沪苏浙京皖][A-Z][0-9A-HJ-NP-Z]{5,6}", p) for p in plates)
    assert all(is_chinese_plate(p) for p in plates), "every demo plate passes the plate check"
    assert sum(p.startswith("沪") for p in plates) > len(plates) / 2


def test_phones_are_valid_chinese_numbers_in_e164_and_unique(demo_db):
    phones = [r.phone for r in _rows(demo_db, "SELECT phone FROM customer WHERE phone <> '' "
                                              "UNION ALL SELECT phone FROM contact WHERE phone <> ''")]
    assert len(phones) == len(set(phones)) > 2_000
    for phone in phones:
        number = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.region_code_for_number(number) == "CN"
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone


def test_resident_ids_match_birth_dates_and_are_valid(demo_db):
    rows = _rows(demo_db, "SELECT id_number, birth_date FROM customer WHERE length(id_number) = 18")
    assert len(rows) > 500
    assert len({r.id_number for r in rows}) == len(rows)
    for r in rows:
        assert ric.is_valid(r.id_number), r.id_number
        assert r.id_number[6:14] == r.birth_date.replace("-", "")


def test_companies_have_chinese_names_and_valid_unique_credit_codes(demo_db):
    rows = _rows(demo_db, "SELECT name, alt_name, company_reg FROM customer WHERE kind = 'company'")
    assert len({r.company_reg for r in rows}) == len(rows)
    assert len({r.name for r in rows}) == len(rows)
    for r in rows:
        assert uscc.is_valid(r.company_reg), r.company_reg
        assert r.name.endswith("公司") and r.alt_name.endswith("Co., Ltd.")


def test_names_are_mostly_chinese_with_pinyin_as_second_spelling(demo_db):
    rows = _rows(demo_db, "SELECT name, alt_name FROM customer WHERE kind = 'person'")
    chinese = [r for r in rows if _CJK.match(r.name)]
    assert 0.7 < len(chinese) / len(rows) < 0.9
    assert sum(len(r.name) == 2 for r in chinese) > 100
    assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z']+", r.alt_name) for r in chinese)
    surnames = Counter(r.name[0] for r in chinese)
    assert surnames.most_common(1)[0][0] in "王李张" and surnames["王"] > surnames["钱"]


def test_every_demo_user_logs_in_with_the_listed_password_and_role(demo_db):
    assert {role for _, _, role, _ in demo.DEMO_USERS} == set(ROLES)
    assert len(staff.SALESPEOPLE) == 4
    for username, password, role, display_name in demo.DEMO_USERS:
        assert len(password) >= users.MIN_PASSWORD_LENGTH
        actor = users.login(demo_db, username, password)
        assert (actor.username, actor.role, actor.display_name) == (username, role, display_name)


def test_search_finds_a_two_character_name_and_a_phone_by_its_last_four_digits(demo_db):
    viewer = users.login(demo_db, "viewer", "viewer123!")
    name, = _rows(demo_db, "SELECT name FROM customer WHERE kind = 'person' AND length(name) = 2 "
                           "GROUP BY name ORDER BY count(*) DESC, name LIMIT 1")[0]
    assert _CJK.match(name)
    expected = {r.id for r in _rows(demo_db, f"SELECT id FROM customer WHERE name = '{name}'")}
    hits = {h.ref_id for h in search.search(demo_db, viewer, name, limit=500, kinds=["customer"])}
    assert expected <= hits

    customer_id, phone = _rows(demo_db, "SELECT id, phone FROM customer WHERE phone LIKE '+861%' "
                                        "ORDER BY id LIMIT 1")[0]
    hits = {h.ref_id for h in search.search(demo_db, viewer, phone[-4:], limit=2_000, kinds=["customer"])}
    assert customer_id in hits


def test_audit_chain_verifies_with_one_demo_entry_per_table(demo_db):
    with demo_db.read() as conn:
        assert audit.verify(conn).ok
        entities = [r.entity for r in conn.execute(text("SELECT entity FROM audit_entry WHERE action = 'demo'"))]
    deals = _rows(demo_db, "SELECT count(*) FROM deal")[0][0]
    assert sorted(entities) == sorted(["setting", "user_account", "customer", "contact", "vehicle", *BILLING_TABLES,
                                        *PARTS_TABLES, *WORKSHOP_TABLES, *RECEPTION_TABLES, *LEAD_TABLES,
                                        *DEALS_TABLES, *FINANCE_TABLES, *(DEAL_FINANCE_TABLES if deals else ())])


def test_demo_rows_are_the_starting_state_not_changes_waiting_to_sync(demo_db):
    with demo_db.engine.connect() as conn:
        assert capture.captured_tables(conn) == synced_tables(models.Base.metadata)
        assert capture.outdated(conn) == []
    assert _rows(demo_db, "SELECT count(*) FROM customer")[0][0] > 0
    # Other tests of this module log in to the demo database, and a login is a change like any other.
    pending = _rows(demo_db, "SELECT table_name, op, data FROM sync_outbox")
    logins = {"last_login_at", "failed_logins", "locked_until", "updated_at", "updated_by"}
    assert [(t, op) for t, op, data in pending if not (t == "user_account" and op == "update"
                                                         and set(json.loads(data)) <= logins)] == []
    assert _rows(demo_db, "SELECT next_seq FROM sync_state") == [(len(pending) + 1,)]


def test_dealership_is_a_shanghai_business_in_yuan(demo_db):
    s = settings.get(demo_db)
    assert (s.country, s.currency) == ("CN", "CNY")
    assert "上海" in s.address and s.name == "Forecourt Demo Motors 福克汽车"
    assert uscc.is_valid(s.tax_id)


def test_built_database_has_planner_statistics(demo_db):
    assert _rows(demo_db, "SELECT count(*) FROM sqlite_stat1 WHERE tbl IN ('customer', 'vehicle')")[0][0] > 0


def test_building_over_a_database_with_data_is_refused(db_path):
    before = db_path.read_bytes()
    with pytest.raises(ValidationError) as caught:
        demo.build(db_path, size="small", today=TODAY)
    assert caught.value.field == "file"
    database = open_database(db_path)
    try:
        assert _rows(database, "SELECT count(*) FROM customer")[0][0] == 0
    finally:
        database.dispose()
    assert db_path.read_bytes() == before


def test_cancelled_build_leaves_no_database(tmp_path):
    path = tmp_path / "cancelled.db"
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int | None, message: str) -> None:
        seen.append(message)
        token.cancel()

    with pytest.raises(Cancelled):
        demo.build(path, size="small", progress=progress, cancel=token, today=TODAY)
    assert seen
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("cancelled.db")]


def test_unknown_size_is_refused_before_anything_is_created(tmp_path):
    with pytest.raises(ValidationError) as caught:
        demo.build(tmp_path / "x.db", size="huge")
    assert caught.value.field == "size"
    assert not (tmp_path / "x.db").exists()


def test_the_demo_workshop_has_repair_orders_in_every_state_before_invoicing(demo_db):
    states = dict(_rows(demo_db, "SELECT status, count(*) FROM repair_order WHERE status != 'closed' "
                                 "GROUP BY status"))
    assert set(states) == {"open", "in_progress", "waiting_parts", "quality_check", "completed"}
    assert sum(states.values()) >= 30
    numbers = [n for (n,) in _rows(demo_db, "SELECT number FROM repair_order ORDER BY number")]
    assert numbers[0].startswith("ROT1-") and len(set(numbers)) == len(numbers)
    assert _rows(demo_db, "SELECT count(*) FROM repair_job WHERE pay_type = ''") == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM clocking WHERE ended_at IS NULL") == [(0,)]


def test_every_posted_workshop_invoice_of_the_demo_history_is_a_settled_repair_order_that_adds_up(demo_db):
    """The workshop's past: one closed repair order per posted workshop invoice, linked to it, whose
    labour and parts lines carry exactly the invoice's amounts, clocked before it was posted, with a
    mileage that never goes down for a car, numbered in the series the services go on with."""
    posted = _rows(demo_db, "SELECT count(*) FROM invoice WHERE kind = 'workshop' AND status = 'posted'")[0][0]
    closed = _rows(demo_db, "SELECT count(*) FROM repair_order WHERE status = 'closed'")[0][0]
    linked = _rows(demo_db, "SELECT count(DISTINCT l.invoice_id) FROM repair_order_invoice l "
                            "JOIN invoice i ON i.id = l.invoice_id WHERE i.kind = 'workshop' AND i.status = 'posted'")
    assert posted > 1000 and closed == posted and linked == [(posted,)]
    mismatched = _rows(demo_db, """
        SELECT count(*) FROM repair_order_invoice l JOIN invoice i ON i.id = l.invoice_id
        WHERE (SELECT coalesce(sum(net), 0) FROM invoice_line WHERE invoice_id = i.id AND item_type = 'labour')
              != (SELECT coalesce(sum(ll.amount), 0) FROM repair_labour_line ll JOIN repair_job j ON j.id = ll.job_id
                  WHERE j.repair_order_id = l.repair_order_id)
           OR (SELECT coalesce(sum(quantity_milli), 0) FROM invoice_line WHERE invoice_id = i.id AND item_type = 'part')
              != (SELECT coalesce(sum(pl.issued - pl.returned), 0) FROM repair_part_line pl
                  JOIN repair_job j ON j.id = pl.job_id WHERE j.repair_order_id = l.repair_order_id)""")
    assert mismatched == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM clocking c JOIN repair_order_invoice l "
                          "ON l.repair_order_id = c.repair_order_id JOIN invoice i ON i.id = l.invoice_id "
                          "WHERE c.ended_at > i.posted_at OR c.ended_at <= c.started_at") == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM repair_order a JOIN repair_order b ON b.vehicle_id = a.vehicle_id "
                          "AND b.opened_on > a.opened_on AND b.mileage_in < a.mileage_in") == [(0,)]
    for year, next_seq in _rows(demo_db, "SELECT year, next_seq FROM number_series WHERE doc_type = 'repair_order'"):
        last = _rows(demo_db, f"SELECT max(number) FROM repair_order WHERE number LIKE 'ROT1-{year}-%'")[0][0]
        assert int(last.rsplit("-", 1)[1]) == next_seq - 1


def test_the_demo_calendar_holds_bookings_around_today_that_the_services_would_accept(demo_db):
    from services.workshop import appointments

    rows = _rows(demo_db, "SELECT id, status, bay_id, starts_at, ends_at, booked_hours, technician, repair_order_id "
                          "FROM appointment ORDER BY starts_at")
    days = {datetime.fromisoformat(r.starts_at).date() for r in rows}
    assert min(days) < TODAY < max(days)
    assert {r.status for r in rows if datetime.fromisoformat(r.starts_at).date() >= TODAY} <= {"booked", "cancelled"}
    assert {"arrived", "no_show", "cancelled"} <= {r.status for r in rows}
    assert all(r.repair_order_id for r in rows if r.status == "arrived")
    active = [r for r in rows if r.status in appointments.ACTIVE]
    for a in active:
        assert not [b for b in active if b.id != a.id and b.bay_id == a.bay_id and b.starts_at < a.ends_at
                    and b.ends_at > a.starts_at]
    owner = users.login(demo_db, "owner", "owner123!")
    cal = appointments.calendar(demo_db, owner, TODAY - timedelta(days=14), 29)
    technicians = {r.id for r in cal.resources if r.kind == "technician"} | {None}
    assert not [load for load in cal.loads if load.resource_id in technicians and load.over]
    foreman = next(r for r in cal.resources if r.name == "foreman")
    assert foreman.availability == 50


def test_the_demo_history_is_handed_over_with_its_next_service_and_surveyed(demo_db):
    closed = _rows(demo_db, "SELECT count(*), count(DISTINCT vehicle_id), min(mileage_out >= mileage_in), "
                            "min(next_service_km > mileage_out), min(next_service_on > handed_over_on), "
                            "count(handed_over_on) FROM repair_order WHERE status = 'closed'")[0]
    assert closed[0] >= 1000 and closed[1] >= 500 and closed[2:5] == (1, 1, 1) and closed[5] == closed[0]
    surveys = dict(_rows(demo_db, "SELECT status, count(*) FROM survey GROUP BY status"))
    assert surveys["answered"] >= closed[0] // 2 and surveys["due"] >= 1
    assert sum(surveys.values()) == closed[0]
    low = _rows(demo_db, "SELECT count(*) FROM survey WHERE score <= 6")[0][0]
    assert low >= 1 and _rows(demo_db, "SELECT count(*) FROM follow_up_task")[0][0] == low
    # The next visit of a car comes in at or beyond the mileage it left with.
    assert _rows(demo_db, "SELECT count(*) FROM repair_order a JOIN repair_order b ON b.vehicle_id = a.vehicle_id "
                          "AND b.opened_on > a.closed_on AND b.mileage_in < a.mileage_out") == [(0,)]


def test_the_demo_has_a_health_check_template_checks_an_estimate_declined_and_campaigns(demo_db):
    assert _rows(demo_db, "SELECT count(*) FROM health_check_template")[0][0] == 1
    assert _rows(demo_db, "SELECT count(*) FROM health_check")[0][0] >= 3
    assert _rows(demo_db, "SELECT count(*) FROM work_estimate WHERE status = 'declined'")[0][0] == 1
    # A quarter of the settled past was inspected: every point rated, done before the car was invoiced.
    closed = _rows(demo_db, "SELECT count(*) FROM repair_order WHERE status = 'closed'")[0][0]
    past = _rows(demo_db, "SELECT count(*), min(h.completed_at > h.created_at), "
                          "min((SELECT count(*) FROM health_check_item i WHERE i.check_id = h.id AND i.rating != '')) "
                          "FROM health_check h JOIN repair_order r ON r.id = h.repair_order_id "
                          "WHERE r.status = 'closed'")[0]
    assert past[0] >= closed // 4 - 1 and past[1:] == (1, 12)
    ratings = dict(_rows(demo_db, "SELECT rating, count(*) FROM health_check_item GROUP BY rating"))
    assert ratings["green"] > ratings["amber"] > ratings["red"] > 0
    # Each campaign names cars the dealership knows: a customer's and one in stock.
    for (known_customer, known_stock) in _rows(demo_db, """
            SELECT count(v.owner_id), count(v.id) - count(v.owner_id) FROM campaign_vehicle cv
            LEFT JOIN vehicle v ON v.vin = cv.vin GROUP BY cv.campaign_id"""):
        assert known_customer >= 1 and known_stock == 1


def test_customers_have_grades_tags_consent_notes_and_a_few_look_like_another(demo_db):
    from services.customers import duplicates

    grades = dict(_rows(demo_db, "SELECT grade, count(*) FROM customer GROUP BY grade"))
    assert set(grades) >= {"A", "B", "C", "D", ""}
    assert _rows(demo_db, "SELECT count(DISTINCT customer_id) FROM customer_tag")[0][0] > 100
    assert _rows(demo_db, "SELECT count(*) FROM customer_note")[0][0] > 100
    consent = _rows(demo_db, "SELECT count(*), sum(marketing_since IS NULL) FROM customer WHERE marketing_ok")[0]
    assert consent[0] > 500 and consent[1] == 0
    withdrawn = _rows(demo_db, "SELECT count(*) FROM customer WHERE NOT marketing_ok AND marketing_withdrawn_on "
                               "IS NOT NULL AND marketing_since <= marketing_withdrawn_on")[0][0]
    assert withdrawn > 20
    from services.permissions import system_actor

    found = duplicates.clusters(demo_db, system_actor("tester", terminal="T1"))
    assert 2 <= len(found) <= 30
    assert {r for c in found for r in c.reasons} <= {"name_birth_date", "email"}


def test_the_demo_stock_is_tens_of_cars_on_order_in_transit_or_in_stock_with_their_moves(demo_db):
    # The showroom's own stock (S numbers); trade-ins taken in (U) and the deals' cars (H) are checked with them.
    statuses = dict(_rows(demo_db, "SELECT status, count(*) FROM stock_vehicle WHERE stock_number LIKE 'S%' "
                                   "GROUP BY status"))
    assert set(statuses) <= {"on_order", "in_transit", "in_stock"} and 20 <= sum(statuses.values()) < 100
    assert statuses["in_stock"] > 0
    assert _rows(demo_db, "SELECT count(*) FROM stock_vehicle WHERE stock_number NOT LIKE 'S%' "
                          "AND stock_number NOT LIKE 'U%' AND stock_number NOT LIKE 'H%'")[0][0] == 0
    # Every car's moves in end where the car is, and a car in stock arrived on a day before today.
    last = _rows(demo_db, "SELECT s.status, (SELECT e.to_status FROM stock_event e WHERE e.stock_vehicle_id = s.id "
                          "ORDER BY e.at DESC, e.rowid DESC LIMIT 1) FROM stock_vehicle s "
                          "WHERE s.stock_number LIKE 'S%'")
    assert all(status == moved for status, moved in last)
    arrived = [r[0] for r in _rows(demo_db, "SELECT arrived_on FROM stock_vehicle WHERE status = 'in_stock' "
                                            "AND stock_number LIKE 'S%'")]
    assert all(a is not None and date.fromisoformat(a) < TODAY for a in arrived)
    models = {(m, n) for m, n in _rows(demo_db, "SELECT make, name FROM catalogue_model")}
    assert {(m.make, m.name) for m in MODELS if not m.last_year} == models
    # (The deals and the trade-ins write stock vehicles, their costs, moves and documents too.)
    for table in set(STOCK_TABLES) - {"stock_vehicle", "stock_vehicle_cost", "stock_event", "vehicle_document"}:
        created = [r[0] for r in _rows(demo_db, f"SELECT created_at FROM {table} ORDER BY rowid")]
        assert created == sorted(created), table


def test_the_demo_has_targets_for_every_salesperson_month_and_trade_ins_in_every_state(demo_db):
    sellers = [u[0] for u in demo.DEMO_USERS if u[2] == "salesperson"]
    months = _rows(demo_db, "SELECT count(DISTINCT month) FROM sales_target")[0][0]
    assert months in (12, 13)  # a year back from today, both ends' months
    assert _rows(demo_db, "SELECT count(*) FROM sales_target")[0][0] == months * len(sellers)
    assert {r[0] for r in _rows(demo_db, "SELECT DISTINCT salesperson FROM sales_target")} == set(sellers)
    statuses = {r[0] for r in _rows(demo_db, "SELECT DISTINCT status FROM trade_in")}
    assert statuses == {"appraised", "accepted", "declined", "taken_in"}
    # A car taken in stands in stock at its actual cash value plus its reconditioning, under a U number.
    wrong = _rows(demo_db, """
        SELECT count(*) FROM trade_in t JOIN stock_vehicle s ON s.id = t.stock_vehicle_id
        WHERE s.condition != 'used' OR s.status != 'in_stock' OR s.purchase_cost != t.actual_cash_value
           OR s.stock_number NOT LIKE 'U%'
           OR (SELECT coalesce(sum(amount), 0) FROM stock_vehicle_cost c WHERE c.stock_vehicle_id = s.id)
              != (SELECT coalesce(sum(amount), 0) FROM trade_in_reconditioning r WHERE r.trade_in_id = t.id)""")
    assert wrong == [(0,)]
    taken = _rows(demo_db, "SELECT count(*) FROM trade_in WHERE status = 'taken_in'")[0][0]
    assert taken > 0
    assert _rows(demo_db, "SELECT count(*) FROM stock_event WHERE reason = 'trade-in'")[0][0] == taken
    assert _rows(demo_db, "SELECT count(*) FROM trade_in_condition")[0][0] == 7 * _rows(
        demo_db, "SELECT count(*) FROM trade_in")[0][0]


def test_the_demo_showroom_has_leads_old_ones_closed_recent_ones_open_with_follow_ups_and_test_drives(demo_db):
    from demo import leads as demo_leads

    total = _rows(demo_db, "SELECT count(*) FROM lead")[0][0]
    assert total == round(demo.SIZES["small"].customers * demo_leads.LEADS_PER_CUSTOMER)
    old = dict(_rows(demo_db, f"SELECT status, count(*) FROM lead WHERE created_at < '{TODAY - timedelta(days=90)}' "
                              "GROUP BY status"))
    assert set(old) == {"won", "lost"} and old["lost"] > old["won"] > 0
    month_ago = TODAY - timedelta(days=30)
    recent = dict(_rows(demo_db, f"SELECT status, count(*) FROM lead WHERE created_at >= '{month_ago}' "
                                 "GROUP BY status"))
    assert {"new", "contacted", "test_drive"} <= set(recent)
    pending = "SELECT count(*) FROM lead WHERE lost_requested_at IS NOT NULL AND status <> 'lost'"
    assert _rows(demo_db, pending)[0][0] > 0
    assert _rows(demo_db, "SELECT count(*) FROM lead WHERE status = 'lost' AND lost_code = ''")[0][0] == 0
    assert set(r[0] for r in _rows(demo_db, "SELECT DISTINCT salesperson FROM lead")) == set(staff.SALESPEOPLE)
    overdue = _rows(demo_db, f"SELECT count(*) FROM lead_task WHERE done_at IS NULL AND due_on < '{TODAY}'")[0][0]
    assert overdue > 0
    assert _rows(demo_db, "SELECT count(*) FROM test_drive WHERE NOT licence_checked "
                          "OR licence_expires_on < date(started_at)")[0][0] == 0
    assert _rows(demo_db, "SELECT count(*) FROM test_drive d JOIN lead l ON l.id = d.lead_id "
                          "WHERE d.customer_id <> l.customer_id")[0][0] == 0


def test_the_demo_books_reconcile_stock_with_parts_and_vehicles_and_every_sold_car_is_named(demo_db):
    """The demo history reaches the journal like a user's: every deal's invoice names the car it
    sold, and on any day the stock account is the parts valuation plus the vehicle valuation and the
    receivable and advance accounts are the receivables report's total."""
    from services.billing import accounting, receivables
    from services.parts import stock as parts_stock
    from services.permissions import system_actor
    from services.vehicles import ledger

    unnamed = _rows(demo_db, "SELECT count(*) FROM deal d JOIN invoice_line l ON l.invoice_id = d.invoice_id "
                             "WHERE l.item_type = 'vehicle' AND (l.stock_vehicle_id IS NOT d.stock_vehicle_id)")
    assert unnamed == [(0,)]
    assert _rows(demo_db, "SELECT count(*) FROM invoice_line WHERE stock_vehicle_id IS NOT NULL")[0][0] > 0
    actor = system_actor("test")
    mapping = {m.key: m.account for m in accounting.get_mapping(demo_db, actor)}

    def on_accounts(lines, *keys: str) -> int:
        # By account, as the trial balance reads them: whatever else is mapped there counts too.
        accounts = {mapping[k] for k in keys}
        return sum(x.debit - x.credit for x in lines if x.account in accounts)

    for day in (TODAY - timedelta(days=200), TODAY - timedelta(days=40), TODAY):
        lines = accounting.journal_entries(demo_db, actor, start=date(2000, 1, 1), end=day)
        stock_account = on_accounts(lines, "inventory", "vehicle_inventory")
        with demo_db.read() as conn:
            assert stock_account == parts_stock.valuation(conn, on=day) + ledger.stock_value(conn, day), day
        # The demo's customers pay with vouchers too: those stay off the receivable and advance accounts.
        aged = receivables.aging(demo_db, actor, as_of=day)
        assert on_accounts(lines, "receivables", "customer_credit") == sum(r.total for r in aged), day
        assert sum(x.debit for x in lines) == sum(x.credit for x in lines)
    assert _rows(demo_db, "SELECT count(*) FROM payment WHERE method = 'voucher'")[0][0] > 0
    # The insurance commission of the demo's policies is booked, as the service books it.
    assert _rows(demo_db, "SELECT count(*) FROM insurance_policy p WHERE commission IS NOT (SELECT sum(amount) "
                          "FROM insurance_commission_entry e WHERE e.policy_id = p.id)") == [(0,)]
    earned = sum(x.credit - x.debit for x in lines if x.key == "insurance_commission")
    assert earned == _rows(demo_db, f"SELECT sum(amount) FROM insurance_commission_entry "
                                    f"WHERE booked_on <= '{TODAY}'")[0][0] > 0
    # The cars that are in stock today are what the vehicle valuation holds.
    with demo_db.read() as conn:
        held = conn.execute(text(
            "SELECT coalesce(sum(s.purchase_cost + coalesce((SELECT sum(c.amount) FROM stock_vehicle_cost c "
            "WHERE c.stock_vehicle_id = s.id AND c.incurred_on <= :d), 0)), 0) FROM stock_vehicle s "
            "WHERE s.arrived_on <= :d AND s.status IN ('in_stock', 'reserved')"), {"d": TODAY}).scalar_one()
        assert ledger.stock_value(conn, TODAY) == held
