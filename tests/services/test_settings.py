"""Dealership settings, logo, terminal code, tax rates and gap-free numbering series."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date

import pytest

from core.errors import NotFound, PermissionDenied, ValidationError
from services import settings
from services.permissions import system_actor
from services.settings import DealershipSettings
from services.setup import open_database
from store.uow import UnitOfWork
from tests.services.samples import count, raw_rows

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _take(db, actor, doc_type: str = "invoice", *, on: date | None = None, commit: bool = True) -> str:
    with UnitOfWork(db, actor) as uow:
        session = uow.session
        number = settings.next_number(session, doc_type, on=on)
        if commit:
            uow.commit()
        return number


# --- dealership settings --------------------------------------------------------------------------

def test_a_fresh_database_has_default_settings(db):
    assert settings.get(db) == DealershipSettings()


def test_saved_settings_load_back_unchanged(db, owner):
    new = DealershipSettings(name="  Harbour Motors  ", address="8 Pier Road", phone="+852 2123 4567",
                             email="sales@harbour.example", tax_id="HK-1234", country="HK", currency="HKD",
                             prices_include_tax=False, language="zh_CN",
                             number_prefixes={"invoice": "HI", "deal": "HD"})
    settings.save(db, owner, new)
    loaded = settings.get(db)
    assert loaded.name == "Harbour Motors"
    assert (loaded.country, loaded.currency, loaded.prices_include_tax, loaded.language) == (
        "HK", "HKD", False, "zh_CN")
    assert (loaded.address, loaded.phone, loaded.email, loaded.tax_id) == (
        "8 Pier Road", "+852 2123 4567", "sales@harbour.example", "HK-1234")
    # Document types not mentioned keep their default prefixes.
    assert loaded.number_prefixes == {**settings.DOC_TYPES, "invoice": "HI", "deal": "HD"}


def test_chinese_text_survives_a_round_trip(db, owner):
    settings.save(db, owner, replace(DealershipSettings(), name="上海浦东汽车销售服务有限公司", address="浦东新区"))
    assert settings.get(db).name == "上海浦东汽车销售服务有限公司"


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": "   "}, "name"),
    ({"currency": "XYZ"}, "currency"),
    ({"currency": "cny"}, "currency"),
    ({"country": "ZZ"}, "country"),
    ({"language": "fr"}, "language"),
    ({"number_prefixes": {"invoice": ""}}, "prefix_invoice"),
    ({"number_prefixes": {"deal": "D-L"}}, "prefix_deal"),
    ({"number_prefixes": {"repair_order": "ABCDEFGHI"}}, "prefix_repair_order"),
    ({"number_prefixes": {"invoice": "ＩＮＶ"}}, "prefix_invoice"),
    ({"number_prefixes": {"receipt": "RC"}}, "number_prefixes"),
])
def test_invalid_settings_name_the_field_and_change_nothing(db, db_path, owner, changes, field):
    before = raw_rows(db_path, "SELECT value FROM setting WHERE key = 'dealership'")
    with pytest.raises(ValidationError) as exc:
        settings.save(db, owner, replace(DealershipSettings(), **changes))
    assert exc.value.field == field
    assert raw_rows(db_path, "SELECT value FROM setting WHERE key = 'dealership'") == before


def test_changing_settings_needs_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        settings.save(db, actor_for("sales_manager"), replace(DealershipSettings(), name="Hijacked"))
    assert settings.get(db).name == DealershipSettings().name


def test_a_settings_change_is_audited(db, db_path, owner):
    settings.save(db, owner, replace(DealershipSettings(), currency="EUR"))
    row = raw_rows(db_path, "SELECT actor, action, entity, entity_id, after FROM audit_entry ORDER BY seq DESC")[0]
    assert row[:4] == ("owner", "update", "setting", "dealership")
    assert '\\"currency\\": \\"EUR\\"' in row[4]


# --- logo -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("image", [PNG, JPEG])
def test_a_png_or_jpeg_logo_is_stored_and_read_back(db, owner, image):
    settings.set_logo(db, owner, image)
    assert settings.get_logo(db) == image


def test_the_logo_can_be_removed(db, owner):
    settings.set_logo(db, owner, PNG)
    settings.set_logo(db, owner, None)
    assert settings.get_logo(db) is None


@pytest.mark.parametrize("data", [b"GIF89a" + b"\x00" * 10, b"", b"%PDF-1.7",
                                  b"\x89PNG" + b"\x00" * settings.MAX_LOGO_BYTES])
def test_a_logo_that_is_not_a_small_png_or_jpeg_is_refused(db, owner, data):
    settings.set_logo(db, owner, PNG)
    with pytest.raises(ValidationError) as exc:
        settings.set_logo(db, owner, data)
    assert exc.value.field == "logo"
    assert settings.get_logo(db) == PNG


def test_setting_the_logo_needs_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        settings.set_logo(db, actor_for("cashier"), PNG)
    assert settings.get_logo(db) is None


# --- terminal code --------------------------------------------------------------------------------

def test_terminal_code_is_stored_upper_case_and_audited(db, db_path, owner):
    settings.set_terminal_code(db, owner, " t2 ")
    assert raw_rows(db_path, "SELECT code FROM terminal") == [("T2",)]
    row = raw_rows(db_path, "SELECT entity, before, after FROM audit_entry ORDER BY seq DESC LIMIT 1")[0]
    assert row == ("terminal", '{"code": "T1"}', '{"code": "T2"}')


@pytest.mark.parametrize("code", ["", "   ", "T-1", "T 1", "TERMINAL", "柜台", "Ｔ２"])
def test_an_invalid_terminal_code_is_refused(db, db_path, owner, code):
    with pytest.raises(ValidationError) as exc:
        settings.set_terminal_code(db, owner, code)
    assert exc.value.field == "terminal_code"
    assert raw_rows(db_path, "SELECT code FROM terminal") == [("T1",)]


# --- numbering series -----------------------------------------------------------------------------

def test_numbers_are_sequential_and_formatted_with_prefix_terminal_and_year(db, owner):
    on = date(2031, 6, 1)
    assert [_take(db, owner, on=on) for _ in range(3)] == [
        "INVT1-2031-000001", "INVT1-2031-000002", "INVT1-2031-000003"]
    assert _take(db, owner, "repair_order", on=on) == "ROT1-2031-000001"


def test_each_year_starts_its_own_series(db, owner):
    assert _take(db, owner, on=date(2031, 12, 31)) == "INVT1-2031-000001"
    assert _take(db, owner, on=date(2032, 1, 1)) == "INVT1-2032-000001"
    assert _take(db, owner, on=date(2031, 12, 31)) == "INVT1-2031-000002"


def test_a_rolled_back_transaction_gives_its_number_back(db, owner):
    on = date(2031, 6, 1)
    assert _take(db, owner, on=on) == "INVT1-2031-000001"
    assert _take(db, owner, on=on, commit=False) == "INVT1-2031-000002"
    assert _take(db, owner, on=on) == "INVT1-2031-000002"
    with pytest.raises(RuntimeError), UnitOfWork(db, owner) as uow:
        session = uow.session
        settings.next_number(session, "invoice", on=on)
        raise RuntimeError("posting failed")
    assert _take(db, owner, on=on) == "INVT1-2031-000003"


def test_many_numbers_have_no_gaps_or_repeats(db, owner):
    on = date(2031, 6, 1)
    taken = []
    for i in range(40):
        number = _take(db, owner, on=on, commit=i % 3 != 0)
        if i % 3 != 0:
            taken.append(number)
    assert taken == [f"INVT1-2031-{n:06d}" for n in range(1, len(taken) + 1)]


def test_the_configured_prefix_is_used(db, owner):
    settings.save(db, owner, replace(DealershipSettings(), number_prefixes={"invoice": "FP"}))
    assert _take(db, owner, on=date(2031, 6, 1)) == "FPT1-2031-000001"


def test_an_unknown_document_type_is_refused(db, owner):
    with pytest.raises(ValidationError) as exc:
        _take(db, owner, "receipt")
    assert exc.value.field == "doc_type"


def test_two_terminals_never_issue_the_same_number(template_db, tmp_path):
    numbers: dict[str, list[str]] = {}
    for code in ("T1", "T2"):
        path = tmp_path / f"{code}.db"
        shutil.copyfile(template_db, path)
        db = open_database(path)
        try:
            admin = system_actor("clerk")
            settings.set_terminal_code(db, admin, code)
            numbers[code] = [_take(db, admin, on=date(2031, 6, 1)) for _ in range(25)]
        finally:
            db.dispose()
    assert numbers["T2"][0] == "INVT2-2031-000001"
    assert len(set(numbers["T1"]) | set(numbers["T2"])) == 50


def test_changing_the_terminal_code_starts_a_separate_series(db, owner):
    on = date(2031, 6, 1)
    first = [_take(db, owner, on=on) for _ in range(2)]
    settings.set_terminal_code(db, owner, "T7")
    assert _take(db, owner, on=on) == "INVT7-2031-000001"
    assert first == ["INVT1-2031-000001", "INVT1-2031-000002"]
    assert [(s.terminal_code, s.next_seq) for s in settings.series(db)] == [("T1", 3), ("T7", 2)]


# --- tax rates ------------------------------------------------------------------------------------

def _rates(db) -> dict[str, tuple[str, int, bool, bool]]:
    return {r.code: (r.name, r.rate_bp, r.is_default, r.active) for r in settings.tax_rates(db)}


def test_a_fresh_database_has_the_seeded_tax_rates_with_one_default(db):
    assert _rates(db) == {"VAT13": ("VAT 13%", 1300, True, True), "VAT6": ("VAT 6%", 600, False, True),
                          "ZERO": ("Zero-rated", 0, False, True)}


def test_a_new_tax_rate_is_stored_from_a_percentage(db, owner):
    rid = settings.save_tax_rate(db, owner, code=" vat9 ", name=" VAT 9% ", rate="9%")
    assert _rates(db)["VAT9"] == ("VAT 9%", 900, False, True)
    assert rid in {r.id for r in settings.tax_rates(db)}


def test_a_tax_rate_is_edited_in_place(db, owner):
    rid = settings.save_tax_rate(db, owner, code="VAT9", name="VAT 9%", rate="9")
    same = settings.save_tax_rate(db, owner, code="VAT9", name="Reduced VAT", rate="6.5", active=False, id=rid)
    assert same == rid
    assert _rates(db)["VAT9"] == ("Reduced VAT", 650, False, False)
    assert len(settings.tax_rates(db)) == 4


def test_only_one_tax_rate_is_the_default(db, owner):
    settings.save_tax_rate(db, owner, code="VAT9", name="VAT 9%", rate="9", is_default=True)
    assert [code for code, r in _rates(db).items() if r[2]] == ["VAT9"]
    vat6 = next(r.id for r in settings.tax_rates(db) if r.code == "VAT6")
    settings.save_tax_rate(db, owner, code="VAT6", name="VAT 6%", rate="6", is_default=True, id=vat6)
    assert [code for code, r in _rates(db).items() if r[2]] == ["VAT6"]


def test_a_duplicate_tax_code_is_refused(db, db_path, owner):
    before = raw_rows(db_path, "SELECT * FROM tax_rate ORDER BY code")
    with pytest.raises(ValidationError) as exc:
        settings.save_tax_rate(db, owner, code="vat13", name="Another 13", rate="13")
    assert exc.value.field == "code"
    rid = next(r.id for r in settings.tax_rates(db) if r.code == "VAT6")
    with pytest.raises(ValidationError) as exc:
        settings.save_tax_rate(db, owner, code="VAT13", name="Renamed", rate="6", id=rid)
    assert exc.value.field == "code"
    assert raw_rows(db_path, "SELECT * FROM tax_rate ORDER BY code") == before


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"code": " "}, "code"),
    ({"name": ""}, "name"),
    ({"rate": "abc"}, "rate"),
    ({"rate": "101"}, "rate"),
    ({"rate": "-1"}, "rate"),
    ({"rate": "6.555"}, "rate"),
    ({"rate": -100}, "rate"),
    ({"rate": 10001}, "rate"),
])
def test_an_invalid_tax_rate_is_refused_by_field(db, db_path, owner, kwargs, field):
    before = count(db_path, "tax_rate")
    with pytest.raises(ValidationError) as exc:
        settings.save_tax_rate(db, owner, **({"code": "NEW", "name": "New rate", "rate": "5"} | kwargs))
    assert exc.value.field == field
    assert count(db_path, "tax_rate") == before


def test_editing_an_unknown_tax_rate_is_not_found(db, owner):
    with pytest.raises(NotFound):
        settings.save_tax_rate(db, owner, code="NEW", name="New", rate="5", id="0" * 32)


def test_tax_rates_record_who_created_them(db, db_path, owner):
    settings.save_tax_rate(db, owner, code="VAT9", name="VAT 9%", rate="9")
    assert raw_rows(db_path, "SELECT created_by, updated_by FROM tax_rate WHERE code = 'VAT9'") == [
        ("owner", "owner")]


def test_changing_tax_rates_needs_permission(db, actor_for):
    with pytest.raises(PermissionDenied):
        settings.save_tax_rate(db, actor_for("cashier"), code="VAT9", name="VAT 9%", rate="9")
    assert "VAT9" not in _rates(db)


def test_a_bad_terminal_code_saved_with_the_settings_changes_neither(db, owner):
    from services import settings as dealership

    before = dealership.get(db)
    changed = dealership.get(db)
    changed.name = "Renamed Motors"
    with pytest.raises(ValidationError) as refused:
        dealership.save(db, owner, changed, terminal_code="柜台1")
    assert refused.value.field == "terminal_code"
    assert dealership.get(db).name == before.name
    dealership.save(db, owner, changed, terminal_code="t2")
    with db.read() as conn:
        assert dealership.terminal_code(conn) == "T2"
    assert dealership.get(db).name == "Renamed Motors"
