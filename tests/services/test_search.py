"""Global search: substrings, two-character Chinese names, plates, phones and VINs, with permissions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from services import customers, lists, search, vehicles
from services.customers import CustomerInput
from services.vehicles import VehicleInput
from tests.services.samples import chinese_vin, count, mobile, raw_rows


@dataclass
class World:
    wang_wei: str
    wang_weiwei: str
    li_na: str
    trading: str
    car_wang: str
    car_li: str


@pytest.fixture
def world(db, owner) -> World:
    wang_wei = customers.create(db, owner, CustomerInput(name="王伟", alt_name="Wang Wei", phone=mobile(1001)))
    wang_weiwei = customers.create(db, owner, CustomerInput(name="王伟伟", phone=mobile(2002)))
    li_na = customers.create(db, owner, CustomerInput(name="李娜", alt_name="Li Na", phone=mobile(3003),
                                                      email="lina@example.com"))
    trading = customers.create(db, owner, CustomerInput(name="Zhang San Trading", kind="company",
                                                        phone=mobile(4004)))
    car_wang = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                       plate="京A12345", owner_id=wang_wei))
    car_li = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(2), make="BYD", model="Han",
                                                     plate="沪B88888", owner_id=li_na))
    return World(wang_wei, wang_weiwei, li_na, trading, car_wang, car_li)


def _ids(db, actor, query: str, **kw) -> set[str]:
    return {h.ref_id for h in search.search(db, actor, query, **kw)}


def _integrity_check(path) -> None:
    conn = sqlite3.connect(path)
    try:
        for table in ("search_fts", "search_short"):
            # rank 1: also compare the index with its content table (search_doc).
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


# --- what is found --------------------------------------------------------------------------------

def test_a_substring_of_three_or_more_characters_finds_the_record(db, owner, world):
    assert _ids(db, owner, "Trad") == {world.trading}
    assert _ids(db, owner, "ang San") >= {world.trading}
    assert _ids(db, owner, "TRADING") == {world.trading}


def test_a_two_character_chinese_name_is_found(db, owner, world):
    hits = search.search(db, owner, "王伟", kinds=["customer"])
    # 王伟伟 contains 王伟, so both are right; 李娜 is not.
    assert {h.ref_id for h in hits} == {world.wang_wei, world.wang_weiwei}
    assert {h.title for h in hits} == {"王伟", "王伟伟"}


def test_a_two_character_name_does_not_find_other_names(db, owner, world):
    assert _ids(db, owner, "李娜", kinds=["customer"]) == {world.li_na}
    assert _ids(db, owner, "伟伟") == {world.wang_weiwei}
    assert _ids(db, owner, "王娜") == set()


def test_a_one_character_surname_finds_everyone_with_it(db, owner, world):
    assert _ids(db, owner, "王", kinds=["customer"]) == {world.wang_wei, world.wang_weiwei}
    assert _ids(db, owner, "李", kinds=["customer"]) == {world.li_na}


def test_a_three_character_chinese_name_is_found_exactly(db, owner, world):
    assert _ids(db, owner, "王伟伟", kinds=["customer"]) == {world.wang_weiwei}


def test_the_alternative_spelling_finds_the_customer(db, owner, world):
    assert _ids(db, owner, "wang wei") == {world.wang_wei}
    assert _ids(db, owner, "Li Na") == {world.li_na}


def test_a_plate_fragment_finds_the_vehicle(db, owner, world):
    assert _ids(db, owner, "12345") == {world.car_wang}
    assert _ids(db, owner, "a123") == {world.car_wang}
    assert _ids(db, owner, "京A") == {world.car_wang}
    assert _ids(db, owner, "沪B 888") == {world.car_li}


@pytest.mark.parametrize("typed", ["京A12345", "京A 12345", "京a·12345", "京A-12345"])
def test_a_whole_plate_is_found_however_it_is_written(db, owner, world, typed):
    assert _ids(db, owner, typed) == {world.car_wang}


def test_the_last_four_digits_of_a_phone_find_the_customer(db, owner, world):
    assert _ids(db, owner, "1001") == {world.wang_wei}
    assert _ids(db, owner, "3003") == {world.li_na}


@pytest.mark.parametrize("typed", ["13900001001", "139 0000 1001", "139-0000-1001", "+8613900001001"])
def test_a_whole_phone_number_is_found_however_it_is_written(db, owner, world, typed):
    assert _ids(db, owner, typed) == {world.wang_wei}


def test_an_email_fragment_finds_the_customer(db, owner, world):
    assert _ids(db, owner, "lina@exa") == {world.li_na}


def test_a_vin_fragment_finds_the_vehicle(db, owner, world):
    assert _ids(db, owner, chinese_vin(1)[-8:]) == {world.car_wang}
    assert _ids(db, owner, chinese_vin(2).lower()) == {world.car_li}
    assert _ids(db, owner, "LSVAU") == {world.car_wang, world.car_li}


def test_the_owner_name_finds_their_vehicles(db, owner, world):
    assert _ids(db, owner, "王伟", kinds=["vehicle"]) == {world.car_wang}
    assert _ids(db, owner, "李娜", kinds=["vehicle"]) == {world.car_li}


def test_every_word_of_a_query_must_match(db, owner, world):
    assert _ids(db, owner, "王伟 1001") == {world.wang_wei}
    assert _ids(db, owner, "王伟 2002") == {world.wang_weiwei}
    assert _ids(db, owner, "王伟 3003") == set()
    assert _ids(db, owner, "王伟 京A") == {world.car_wang}
    assert _ids(db, owner, "Lavida 12345") == {world.car_wang}
    assert _ids(db, owner, "Lavida 88888") == set()


def test_a_hit_shows_the_title_and_detail_of_the_record(db, owner, world):
    [car] = search.search(db, owner, "12345")
    assert (car.kind, car.title) == ("vehicle", "京A12345 Volkswagen Lavida")
    assert chinese_vin(1) in car.detail
    assert "王伟" in car.detail
    [person] = search.search(db, owner, "1001")
    assert (person.kind, person.title) == ("customer", "王伟")
    assert "+8613900001001" in person.detail


def test_full_width_characters_are_folded(db, owner, world):
    assert _ids(db, owner, "１２３４５") == {world.car_wang}


@pytest.mark.parametrize("query", ["", "   ", "-", '"', '"a"', "OR", "NOT NEAR", "a*", "(((", "王伟 AND",
                                   "x'y", "%_%"])
def test_odd_queries_never_fail(db, owner, world, query):
    hits = search.search(db, owner, query)
    assert isinstance(hits, list)
    assert all(h.kind in ("customer", "vehicle") for h in hits)


def test_the_limit_caps_the_number_of_hits(db, owner, world):
    assert len(search.search(db, owner, "王", limit=1, kinds=["customer"])) == 1


# --- permissions ----------------------------------------------------------------------------------

def test_results_respect_permissions(db, owner, actor_for, world):
    tech = actor_for("technician")
    hits = search.search(db, tech, "王伟")
    assert {h.kind for h in hits} == {"vehicle"}
    assert {h.ref_id for h in hits} == {world.car_wang}
    assert search.search(db, tech, "1001") == []
    assert {h.ref_id for h in search.search(db, owner, "王伟")} == {world.wang_wei, world.wang_weiwei,
                                                                    world.car_wang}


# --- staying in step ------------------------------------------------------------------------------

def test_renaming_a_customer_updates_the_results_and_their_vehicles(db, db_path, owner, world):
    customers.update(db, owner, world.wang_wei, CustomerInput(name="赵六", phone=mobile(1001)))
    assert _ids(db, owner, "王伟") == {world.wang_weiwei}
    assert _ids(db, owner, "赵六") == {world.wang_wei, world.car_wang}
    [car] = search.search(db, owner, "12345")
    assert "赵六" in car.detail
    assert "王伟" not in car.detail
    _integrity_check(db_path)


def test_changing_a_vehicles_owner_updates_its_document(db, owner, world):
    vehicles.update(db, owner, world.car_wang, VehicleInput(vin=chinese_vin(1), make="Volkswagen", model="Lavida",
                                                           plate="京A12345", owner_id=world.li_na))
    assert _ids(db, owner, "李娜", kinds=["vehicle"]) == {world.car_wang, world.car_li}
    assert _ids(db, owner, "王伟", kinds=["vehicle"]) == set()


def test_deleting_removes_records_from_the_results(db, db_path, owner, world):
    customers.delete_customer(db, owner, world.wang_weiwei)
    vehicles.delete_vehicle(db, owner, world.car_li)
    assert _ids(db, owner, "王伟", kinds=["customer"]) == {world.wang_wei}
    assert _ids(db, owner, "88888") == set()
    assert count(db_path, "search_doc") == 4
    _integrity_check(db_path)


def test_the_indexes_agree_with_their_documents_after_edits(db, db_path, owner, world):
    customers.update(db, owner, world.li_na, CustomerInput(name="李娜娜", phone=mobile(3003)))
    customers.delete_customer(db, owner, world.trading)
    _integrity_check(db_path)
    docs = raw_rows(db_path, "SELECT kind, ref_id FROM search_doc")
    assert sorted(docs) == sorted([("customer", world.wang_wei), ("customer", world.wang_weiwei),
                                   ("customer", world.li_na), ("vehicle", world.car_wang),
                                   ("vehicle", world.car_li)])


def test_a_bulk_rebuild_writes_the_same_documents_as_incremental_indexing(db, db_path, owner, world):
    sql = "SELECT kind, ref_id, title, detail, body, grams FROM search_doc ORDER BY kind, ref_id"
    incremental = raw_rows(db_path, sql)
    with db.engine.begin() as conn:
        written = search.rebuild(conn)
    assert written == 6
    assert raw_rows(db_path, sql) == incremental
    _integrity_check(db_path)
    assert _ids(db, owner, "王伟", kinds=["customer"]) == {world.wang_wei, world.wang_weiwei}


@pytest.mark.parametrize("typed", ["0 092 S28 318", "0092S28318", "0092 s28 318", "A 001 634 08 75"])
def test_a_part_number_typed_in_its_printed_groups_finds_the_part(db, owner, typed):
    from services.parts import catalogue

    bosch = catalogue.create_part(db, owner, catalogue.PartInput(brand="Bosch", part_number="0 092 S28 318",
                                                                description="Battery"))
    benz = catalogue.create_part(db, owner, catalogue.PartInput(brand="Mercedes-Benz", part_number="A 001 634 08 75",
                                                               description="Filter"))
    expected = benz if typed.startswith("A") else bosch
    assert expected in {h.ref_id for h in search.search(db, owner, typed)}
    assert expected in {r[0] for r in lists.fetch_page(db, owner, "parts", lists.ListState(search=typed),
                                                        limit=10).rows}
