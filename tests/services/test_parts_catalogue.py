"""The parts catalogue: number folding, brands, validation, supersession chains and lookups."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from models.parts import Brand, Part
from services import search
from services.parts import catalogue
from services.parts.catalogue import PartInput


def _part(number: str = "04152-YZZA6", brand: str = "Toyota", **kw) -> PartInput:
    return PartInput(brand=brand, part_number=number, description=kw.pop("description", "Oil filter"), **kw)


@pytest.mark.parametrize("typed", ["04152-YZZA6", "04152 yzza6", "04152.YZZA6", "04152/yzza6", "０４１５２－ＹＺＺＡ６",
                                   " 04152\u2013YZZA6 "])
def test_part_numbers_fold_case_width_and_separators(typed):
    assert catalogue.normalize_number(typed) == "04152yzza6"


def test_creating_a_part_with_a_new_brand_creates_the_brand(db, owner):
    part_id = catalogue.create_part(db, owner, _part(brand="  Bosch  ", retail_price=4500, list_cost=2500))
    view = catalogue.get_part(db, owner, part_id)
    assert (view.brand, view.part_number, view.number_key) == ("Bosch", "04152-YZZA6", "04152yzza6")
    assert (view.retail_price, view.list_cost, view.on_hand, view.available) == (4500, 2500, 0, 0)
    assert view.final_part_id == part_id
    catalogue.create_part(db, owner, _part("0 986 452 041", brand="BOSCH"))
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(Brand)).scalar() == 1


def test_the_same_number_of_one_brand_is_refused_however_it_is_typed(db, owner):
    catalogue.create_part(db, owner, _part("04152-YZZA6"))
    with pytest.raises(ValidationError) as exc:
        catalogue.create_part(db, owner, _part("04152 yzza6", brand="toyota"))
    assert exc.value.field == "part_number"
    catalogue.create_part(db, owner, _part("04152-YZZA6", brand="Lexus"))


@pytest.mark.parametrize(("change", "field"), [
    ({"part_number": "  "}, "part_number"),
    ({"part_number": "--"}, "part_number"),
    ({"brand": ""}, "brand"),
    ({"description": " "}, "description"),
    ({"retail_price": -1}, "retail_price"),
    ({"trade_price": -1}, "trade_price"),
    ({"list_cost": -5}, "list_cost"),
    ({"min_qty": -1000}, "min_qty"),
    ({"min_qty": 5000, "max_qty": 2000}, "max_qty"),
    ({"preferred_supplier_id": "nope"}, "preferred_supplier_id"),
])
def test_bad_part_input_is_refused_naming_the_field(db, owner, change, field):
    with pytest.raises(ValidationError) as exc:
        catalogue.create_part(db, owner, replace(_part(), **change))
    assert exc.value.field == field
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(Part)).scalar() == 0


def test_updating_a_part_changes_its_fields_and_search_document(db, owner):
    part_id = catalogue.create_part(db, owner, _part())
    catalogue.update_part(db, owner, part_id, _part("04152-YZZA7", description="Oil filter element",
                                                    description_alt="机油滤清器", bin="a-01"))
    view = catalogue.get_part(db, owner, part_id)
    assert (view.part_number, view.number_key, view.bin, view.description_alt) == (
        "04152-YZZA7", "04152yzza7", "A-01", "机油滤清器")
    assert [h.ref_id for h in search.search(db, owner, "04152yzza7", kinds=["part"])] == [part_id]
    assert [h.ref_id for h in search.search(db, owner, "机油", kinds=["part"])] == [part_id]
    assert search.search(db, owner, "04152yzza6", kinds=["part"]) == []


def test_updating_onto_another_parts_number_is_refused(db, owner):
    catalogue.create_part(db, owner, _part("A-1"))
    other = catalogue.create_part(db, owner, _part("A-2"))
    with pytest.raises(ValidationError) as exc:
        catalogue.update_part(db, owner, other, _part("a1"))
    assert exc.value.field == "part_number"


def test_a_missing_part_is_not_found(db, owner):
    with pytest.raises(NotFound):
        catalogue.get_part(db, owner, "missing")
    with pytest.raises(NotFound):
        catalogue.update_part(db, owner, "missing", _part())


def test_only_part_editors_change_the_catalogue(db, owner, actor_for):
    technician = actor_for("technician")
    with pytest.raises(PermissionDenied):
        catalogue.create_part(db, technician, _part())
    part_id = catalogue.create_part(db, owner, _part())
    assert catalogue.get_part(db, technician, part_id).part_number == "04152-YZZA6"
    with pytest.raises(PermissionDenied):
        catalogue.set_superseded_by(db, technician, part_id, None)
    clerk = actor_for("parts_clerk")
    catalogue.update_part(db, clerk, part_id, _part(retail_price=100))


def test_supersession_chains_are_followed_to_the_final_part(db, owner):
    a, b, c = (catalogue.create_part(db, owner, _part(n)) for n in ("P-1", "P-2", "P-3"))
    assert catalogue.set_superseded_by(db, owner, a, b) == b
    assert catalogue.set_superseded_by(db, owner, b, c) == c
    with db.read() as conn:
        assert catalogue.resolve_supersession(conn, a) == c
        assert catalogue.resolve_supersession(conn, c) == c
        assert catalogue.lookup_number(conn, "p1") == [c]
    view = catalogue.get_part(db, owner, a)
    assert (view.superseded_by_id, view.superseded_by_number, view.final_part_id) == (b, "P-2", c)


def test_a_supersession_loop_is_refused(db, owner):
    a, b, c = (catalogue.create_part(db, owner, _part(n)) for n in ("P-1", "P-2", "P-3"))
    catalogue.set_superseded_by(db, owner, a, b)
    catalogue.set_superseded_by(db, owner, b, c)
    for old, new in ((c, a), (a, a), (c, c)):
        with pytest.raises(ValidationError) as exc:
            catalogue.set_superseded_by(db, owner, old, new)
        assert exc.value.field == "superseded_by"
    assert catalogue.get_part(db, owner, c).superseded_by_id is None
    assert catalogue.set_superseded_by(db, owner, a, None) == a


def test_a_loop_arriving_in_the_data_is_reported_not_followed_forever(db, owner):
    a, b = (catalogue.create_part(db, owner, _part(n)) for n in ("P-1", "P-2"))
    with db.engine.begin() as conn:
        conn.execute(update(Part).where(Part.id == a).values(superseded_by_id=b))
        conn.execute(update(Part).where(Part.id == b).values(superseded_by_id=a))
    with db.read() as conn, pytest.raises(Conflict):
        catalogue.resolve_supersession(conn, a)


def test_find_part_matches_brand_and_folded_number(db, owner):
    toyota = catalogue.create_part(db, owner, _part("90915-YZZE1"))
    lexus = catalogue.create_part(db, owner, _part("90915-YZZE1", brand="Lexus"))
    with db.read() as conn:
        assert catalogue.find_part(conn, "toyota", "90915 yzze1") == toyota
        assert catalogue.find_part(conn, "LEXUS", "90915yzze1") == lexus
        assert catalogue.find_part(conn, "Honda", "90915yzze1") is None
        assert catalogue.find_part(conn, "Toyota", " - ") is None
        assert sorted(catalogue.lookup_number(conn, "90915.YZZE1")) == sorted([toyota, lexus])
        assert catalogue.lookup_number(conn, "") == []


def test_a_typed_number_names_the_part_to_use_now_when_it_is_unambiguous(db, owner, actor_for):
    old, new = (catalogue.create_part(db, owner, _part(n)) for n in ("04152-31090", "04152-YZZA1"))
    catalogue.set_superseded_by(db, owner, old, new)
    catalogue.create_part(db, owner, _part("90915-YZZE1"))
    catalogue.create_part(db, owner, _part("90915-YZZE1", brand="Lexus"))

    found = catalogue.part_by_number(db, owner, "0415231090")
    assert found is not None and (found.id, found.part_number) == (new, "04152-YZZA1")
    assert catalogue.part_by_number(db, owner, "90915 yzze1") is None, "two brands have it"
    assert catalogue.part_by_number(db, owner, "NOPE-1") is None
    with pytest.raises(PermissionDenied):
        catalogue.part_by_number(db, actor_for("salesperson"), "04152-YZZA1")


def test_parts_are_found_by_global_search_only_by_users_who_may_view_them(db, owner, actor_for):
    part_id = catalogue.create_part(db, owner, _part("17801-0H050", description="Air filter"))
    assert [h.ref_id for h in search.search(db, owner, "17801 0h050")] == [part_id]
    assert [h.ref_id for h in search.search(db, owner, "air filter")] == [part_id]
    hits = search.search(db, actor_for("technician"), "air filter")
    assert [h.kind for h in hits] == ["part"]
    assert search.search(db, actor_for("salesperson"), "air filter") == []


def test_a_brand_is_created_once_and_reused(db, owner):
    from store.uow import UnitOfWork

    with UnitOfWork(db, owner) as uow:

        session = uow.session
        first = catalogue.get_or_create_brand(session, "Denso")
        assert catalogue.get_or_create_brand(session, " denso ") == first
        with pytest.raises(ValidationError) as exc:
            catalogue.get_or_create_brand(session, "  ")
        assert exc.value.field == "brand"
        uow.commit()
    with db.read() as conn:
        assert catalogue.find_brand(conn, "DENSO") == first


def test_a_brand_matches_across_case_width_and_invisible_characters(db, owner):
    from store.uow import UnitOfWork

    with UnitOfWork(db, owner) as uow:
        first = catalogue.get_or_create_brand(uow.session, "Bosch")
        # Full-width letters, a zero-width space, a soft hyphen, non-ASCII case: all the same brand.
        assert catalogue.get_or_create_brand(uow.session, "ＢＯＳＣＨ") == first
        assert catalogue.get_or_create_brand(uow.session, "Bo\u200bsch") == first
        assert catalogue.get_or_create_brand(uow.session, "Bos\u00adch") == first
        umlaut = catalogue.get_or_create_brand(uow.session, "Mäxx\u00ad")
        assert catalogue.get_or_create_brand(uow.session, "MÄXX") == umlaut
        uow.commit()
    with db.read() as conn:
        assert catalogue.find_brand(conn, " bosch\ufeff ") == first
        assert catalogue.find_brand(conn, "ｍäｘｘ") == umlaut
        assert catalogue.find_brand(conn, "Boschs") is None
        names = sorted(conn.execute(select(Brand.name)).scalars())
    assert names == ["Bosch", "Mäxx"]
