"""The customer record of the showroom: grades, tags, marketing consent, notes, masked ID numbers,
duplicate detection, merges and the timeline."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from core.errors import Conflict, PermissionDenied, ValidationError
from models import Base
from services import customers, lists, search
from services.customers import ContactInput, CustomerInput, duplicates, merge, timeline
from tests.services.crm_rows import make_row, references_to_customer
from tests.services.samples import credit_code, mobile, raw_execute, raw_rows, resident_id

ID = resident_id()


def _new(db, actor, name="王伟", **kw) -> str:
    return customers.create(db, actor, CustomerInput(name=name, **kw))


# --- grade, tags, consent, notes --------------------------------------------------------------------

def test_grade_tags_and_consent_are_kept_with_the_day_consent_was_given_and_withdrawn(db, owner):
    cid = _new(db, owner, grade="b", tags=["VIP", " fleet ", "vip"], marketing_ok=True)
    d = customers.get(db, owner, cid)
    assert (d.data.grade, d.data.tags, d.data.marketing_ok) == ("B", ["VIP", "fleet"], True)
    assert d.data.marketing_since == date.today() and d.marketing_withdrawn_on is None
    data = d.data
    data.marketing_ok, data.tags = False, ["fleet"]
    customers.update(db, owner, cid, data)
    d = customers.get(db, owner, cid)
    # The day it was given stays beside the day it was withdrawn.
    assert (d.data.marketing_ok, d.data.marketing_since, d.marketing_withdrawn_on) == (
        False, date.today(), date.today())
    assert d.data.tags == ["fleet"]


def test_a_grade_outside_the_list_is_refused(db, owner):
    with pytest.raises(ValidationError) as exc:
        _new(db, owner, grade="E")
    assert exc.value.field == "grade"


def test_tags_filter_the_list(db, owner):
    a = _new(db, owner, "张三", tags=["VIP"])
    _new(db, owner, "李四", tags=["fleet"])
    page = lists.fetch_page(db, owner, "customers", lists.ListState(filters={"tag": "VIP"}), limit=50)
    assert [r[0] for r in page.rows] == [a]


def test_notes_record_who_and_when_newest_first(db, owner, actor_for):
    cid = _new(db, owner)
    customers.add_note(db, owner, cid, "首次到店")
    customers.add_note(db, actor_for("salesperson"), cid, "  想试驾  ")
    notes = customers.get(db, owner, cid).notes
    assert [(n.text, n.written_by) for n in notes] == [("想试驾", "u_salesperson"), ("首次到店", "owner")]
    with pytest.raises(ValidationError):
        customers.add_note(db, owner, cid, "   ")
    with pytest.raises(PermissionDenied):
        customers.add_note(db, actor_for("read_only"), cid, "x")


# --- masked ID numbers -------------------------------------------------------------------------------

def test_id_numbers_are_masked_for_roles_without_the_right_in_detail_and_list(db, owner, actor_for):
    cid = _new(db, owner, id_number=ID)
    masked = customers.mask_id(ID)
    assert masked == ID[:3] + "*" * 11 + ID[-4:]
    sales, cashier = actor_for("salesperson"), actor_for("cashier")
    assert customers.get(db, sales, cid).data.id_number == masked
    assert customers.get(db, cashier, cid).data.id_number == ID
    for actor, shown in ((sales, masked), (cashier, ID)):
        src = lists.source("customers")
        col = [c.key for c in src.columns].index("id_number") + 1
        row = lists.row_by_id(db, actor, "customers", cid)
        assert row[col] == shown


def test_saving_the_masked_number_back_keeps_the_full_one(db, owner, actor_for):
    cid = _new(db, owner, id_number=ID)
    sales = actor_for("salesperson")
    data = customers.get(db, sales, cid).data
    data.city = "上海"
    customers.update(db, sales, cid, data)
    assert customers.get(db, owner, cid).data.id_number == ID
    data.id_number = "310***1234"
    with pytest.raises(ValidationError) as exc:
        customers.update(db, sales, cid, data)
    assert exc.value.field == "id_number"


def test_a_salespersons_own_export_with_masked_id_numbers_imports_back(db, db_path, owner, actor_for, tmp_path):
    from services.customers.files import export_customers
    from services.imports import framework

    cid = _new(db, owner, phone="13900000001", id_number=ID)
    sales = actor_for("salesperson")
    path = tmp_path / "customers.csv"
    export_customers(db, sales, path)
    assert customers.mask_id(ID) in path.read_text(encoding="utf-8-sig")
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",person,,", ",person,Wang Wei,"), encoding="utf-8")
    summary = framework.run(db, sales, path, "customers")
    assert summary.written and (summary.inserted, summary.updated) == (0, 1)
    assert (customers.get(db, owner, cid).data.id_number, customers.get(db, owner, cid).data.alt_name) == (
        ID, "Wang Wei")
    # A masked number that is not the customer's own, or names no one, is refused.
    path.write_text(f"name,phone,id_number\n王伟,13900000001,{ID[:3]}***********9999\n"
                    f"李娜,13900000002,{customers.mask_id(ID)}\n", encoding="utf-8")
    summary = framework.run(db, sales, path, "customers")
    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(2, "id_number"), (3, "id_number")]
    assert raw_rows(db_path, "SELECT count(*) FROM customer") == [(1,)]


def test_one_customer_twice_in_a_file_is_refused_naming_the_phone(db, db_path, owner, tmp_path):
    from services.imports import framework

    path = tmp_path / "twice.csv"
    for phones in (("13900000001", "13900000001"), ("+86 139 0000 0001", "13900000001")):
        path.write_text(f"name,phone\n甲,{phones[0]}\n乙,{phones[1]}\n", encoding="utf-8")
        summary = framework.run(db, owner, path, "customers")
        assert [(e.row, e.field) for e in summary.errors] == [(3, "phone")], phones
    assert raw_rows(db_path, "SELECT count(*) FROM customer") == [(0,)]


def test_a_full_id_number_finds_the_customer_without_showing_it(db, owner, actor_for):
    cid = _new(db, owner, id_number=ID)
    hits = search.search(db, actor_for("salesperson"), ID)
    assert [h.ref_id for h in hits] == [cid]
    assert ID not in hits[0].title + hits[0].detail


# --- duplicates on entry -----------------------------------------------------------------------------

def test_possible_duplicates_by_phone_email_contact_and_name(db, owner):
    by_phone = _new(db, owner, "Wang Fang", phone=mobile(1))
    by_email = _new(db, owner, "Li Na", email="li.na@example.com")
    by_contact = customers.create(db, owner, CustomerInput(name="Acme", kind="company", company_reg=credit_code(),
                                                           contacts=[ContactInput(name="Zhou", phone=mobile(3))]))
    by_name = _new(db, owner, "赵 敏", city="上海", birth_date=date(1990, 3, 7))
    found = duplicates.find(db, owner, CustomerInput(name="张三", phone=mobile(1)))
    assert [(c.id, c.reasons) for c in found] == [(by_phone, ("phone",))]
    found = duplicates.find(db, owner, CustomerInput(name="x", email="LI.NA@example.com", phone=mobile(3)))
    assert {c.id: c.reasons for c in found} == {by_email: ("email",), by_contact: ("phone",)}
    found = duplicates.find(db, owner, CustomerInput(name="赵敏", birth_date=date(1990, 3, 7)))
    assert [(c.id, c.reasons) for c in found] == [(by_name, ("name_birth_date",))]
    found = duplicates.find(db, owner, CustomerInput(name="李 四", alt_name="Zhao Min", city="上海"))
    assert found == []
    # The pinyin spelling of one finds the other, in either word order.
    pinyin = _new(db, owner, "赵敏", alt_name="Zhao Min")
    found = duplicates.find(db, owner, CustomerInput(name="Min Zhao"))
    assert [c.id for c in found] == [pinyin]
    # The record being edited is not its own duplicate.
    assert duplicates.find(db, owner, CustomerInput(name="Wang Fang", phone=mobile(1)), exclude_id=by_phone) == []


def test_a_shared_phone_may_be_saved_but_an_id_number_may_not(db, owner):
    _new(db, owner, "王伟", phone=mobile(1), id_number=ID)
    second = _new(db, owner, "王芳", phone=mobile(1))
    assert customers.get(db, owner, second).data.phone == "+8613900000001"
    with pytest.raises(ValidationError) as exc:
        _new(db, owner, "王伟", id_number=ID)
    assert exc.value.field == "id_number"


def test_duplicate_check_uses_indexes_only(db):
    with db.read() as conn:
        for sql in ("SELECT id FROM customer WHERE phone IN ('a')", "SELECT customer_id FROM contact WHERE phone = 'a'",
                    "SELECT id FROM customer WHERE email = 'a'", "SELECT customer_id FROM contact WHERE email = 'a'",
                    "SELECT id FROM customer WHERE id_number = 'a'", "SELECT id FROM customer WHERE company_reg = 'a'",
                    "SELECT id FROM customer WHERE name_key IN ('a')", "SELECT id FROM customer WHERE alt_key = 'a'"):
            plan = " ".join(r[-1] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert "USING" in plan and "SCAN" not in plan, (sql, plan)


# --- the duplicates review -----------------------------------------------------------------------------

def test_clusters_join_overlapping_groups_and_need_the_merge_right(db, owner, actor_for):
    a = _new(db, owner, "王伟", phone=mobile(1))
    b = _new(db, owner, "王伟 ", phone=mobile(1), email="w@example.com")
    c = _new(db, owner, "Wang Wei", email="w@example.com")
    d = _new(db, owner, "李娜", birth_date=date(1985, 1, 2))
    e = _new(db, owner, "李 娜", birth_date=date(1985, 1, 2))
    _new(db, owner, "单独", phone=mobile(9))
    found = duplicates.clusters(db, owner)
    assert [{m.id for m in k.members} for k in found] == [{a, b, c}, {d, e}]
    assert found[0].reasons == ("phone", "email") and found[1].reasons == ("name_birth_date",)
    with pytest.raises(PermissionDenied):
        duplicates.clusters(db, actor_for("salesperson"))
    assert duplicates.clusters(db, actor_for("sales_manager"))


def _groups(db, actor) -> list[set[str]]:
    return [{m.id for m in k.members} for k in duplicates.clusters(db, actor)]


def test_records_marked_as_different_customers_are_no_longer_grouped(db, db_path, owner, actor_for):
    a = _new(db, owner, "张伟", email="family@example.com")
    b = _new(db, owner, "张丽", email="family@example.com")
    assert _groups(db, owner) == [{a, b}]
    with pytest.raises(PermissionDenied):
        duplicates.mark_distinct(db, actor_for("salesperson"), [a, b])
    with pytest.raises(ValidationError):
        duplicates.mark_distinct(db, owner, [a])
    assert duplicates.mark_distinct(db, actor_for("sales_manager"), [b, a]) == 1
    assert _groups(db, owner) == []
    # Kept once, in order, with who marked it; marking again changes nothing.
    assert duplicates.mark_distinct(db, owner, [a, b]) == 0
    assert raw_rows(db_path, "SELECT customer_a_id, customer_b_id, created_by FROM customer_distinct") == [
        (min(a, b), max(a, b), "u_sales_manager")]
    entity = raw_rows(db_path, "SELECT entity FROM audit_entry WHERE entity = 'customer_distinct'")
    assert entity == [("customer_distinct",)]
    # The check on entry still names them: the record being entered is new.
    assert {c.id for c in duplicates.find(db, owner, CustomerInput(name="x", email="family@example.com"))} == {a, b}
    # A third record sharing the e-mail joins both again: it may be either of them.
    c = _new(db, owner, "张伟", email="family@example.com")
    assert _groups(db, owner) == [{a, b, c}]
    assert duplicates.mark_distinct(db, owner, [a, b, c]) == 2
    assert _groups(db, owner) == []
    with pytest.raises(PermissionDenied):
        duplicates.unmark_distinct(db, actor_for("salesperson"), [a, c])
    assert duplicates.unmark_distinct(db, owner, [a, c]) == 1
    assert _groups(db, owner) == [{a, c}]


def test_a_group_of_three_is_split_where_a_pair_is_marked(db, owner):
    # a and b share a phone, b and c an e-mail: a–b marked leaves b with c, a alone.
    a = _new(db, owner, "王伟", phone=mobile(1))
    b = _new(db, owner, "王芳", phone=mobile(1), email="w@example.com")
    c = _new(db, owner, "Wang Fang", email="w@example.com")
    d = _new(db, owner, "李娜", phone=mobile(2))
    e = _new(db, owner, "李四", phone=mobile(2))
    f = _new(db, owner, "李五", phone=mobile(2))
    assert _groups(db, owner) == [{a, b, c}, {d, e, f}]
    duplicates.mark_distinct(db, owner, [a, b])
    # d, e and f share one phone: d–e marked, both may still be f.
    duplicates.mark_distinct(db, owner, [d, e])
    found = duplicates.clusters(db, owner)
    assert [{m.id for m in k.members} for k in found] == [{d, e, f}, {b, c}]
    assert found[1].reasons == ("email",)
    duplicates.mark_distinct(db, owner, [e, f])
    assert sorted(map(sorted, _groups(db, owner))) == sorted([sorted({d, f}), sorted({b, c})])


def test_a_merge_carries_the_marks_over_and_drops_those_that_fall_together(db, db_path, owner):
    a = _new(db, owner, "张伟", email="family@example.com")
    b = _new(db, owner, "张丽", email="family@example.com")
    b2 = _new(db, owner, "张丽", phone=mobile(3))
    x = _new(db, owner, "张三", phone=mobile(3))
    duplicates.mark_distinct(db, owner, [a, b])
    duplicates.mark_distinct(db, owner, [a, b2])  # the same pair after the merge: dropped
    duplicates.mark_distinct(db, owner, [b2, x])  # moves to b–x
    result = merge.merge(db, owner, b, [b2])
    assert result.moved["customer_distinct"] == 1 and result.dropped["customer_distinct"] == 1
    pairs = set(raw_rows(db_path, "SELECT customer_a_id, customer_b_id FROM customer_distinct"))
    assert pairs == {(min(a, b), max(a, b)), (min(b, x), max(b, x))}
    # Marks are not linked records.
    with db.read() as conn:
        assert merge.link_counts(conn, [a, b, x]) == {}
    # A mark between the records merged is dropped: they are one customer now.
    y = _new(db, owner, "赵敏", phone=mobile(4))
    duplicates.mark_distinct(db, owner, [x, y])
    merge.merge(db, owner, x, [y])
    assert set(raw_rows(db_path, "SELECT customer_a_id, customer_b_id FROM customer_distinct")) == pairs
    # Deleting a customer deletes its marks.
    customers.delete_customer(db, owner, a)
    assert raw_rows(db_path, "SELECT customer_a_id, customer_b_id FROM customer_distinct") == [
        (min(b, x), max(b, x))]
    with pytest.raises(Conflict):
        duplicates.mark_distinct(db, owner, [b, y])


# --- merge ---------------------------------------------------------------------------------------------

def test_merge_moves_every_record_that_refers_to_a_customer_and_audits_it(db, db_path, owner):
    survivor = _new(db, owner, "王伟", phone=mobile(1), tags=["VIP"])
    merged = _new(db, owner, "王 伟", email="ww@example.com", id_number=ID, tags=["VIP", "fleet"])
    customers.add_note(db, owner, merged, "老客户")
    refs = references_to_customer()
    made: dict[str, str] = {}
    rows: dict[tuple[str, str], str] = {}
    with db.engine.begin() as conn:
        for table, column in refs:
            if table.name in ("customer_tag", "customer_note", "customer_distinct") or table.name == "customer":
                continue
            rows[(table.name, column)] = make_row(conn, table, {column: merged}, made)
    with db.engine.begin() as conn:
        posted = make_row(conn, Base.metadata.tables["invoice"], {"customer_id": merged, "status": "posted",
                                                                  "number": "INV-P1"}, made)
    # Every table that refers to customers is covered (customer.merged_into_id by an earlier merge).
    assert {t.name for t, _c in refs} - {t for t, _c in rows} == {"customer_tag", "customer_note", "customer",
                                                                  "customer_distinct"}
    earlier = _new(db, owner, "王伟伟")
    merge.merge(db, owner, merged, [earlier])
    result = merge.merge(db, owner, survivor, [merged], {"email": merged, "id_number": merged})
    for (table, column), row_id in rows.items():
        assert raw_rows(db_path, f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)) == [(survivor,)], table
    assert raw_rows(db_path, "SELECT count(*) FROM customer_note WHERE customer_id = ?", (survivor,)) == [(1,)]
    assert raw_rows(db_path, "SELECT tag FROM customer_tag WHERE customer_id = ? ORDER BY tag", (survivor,)) == [
        ("VIP",), ("fleet",)]
    assert raw_rows(db_path, "SELECT count(*) FROM customer_tag WHERE customer_id = ?", (merged,)) == [(0,)]
    assert raw_rows(db_path, "SELECT merged_into_id, active FROM customer WHERE id IN (?, ?) ORDER BY id",
                    (merged, earlier)) == [(survivor, 0), (survivor, 0)]
    # A posted invoice follows the customer record; as a document it stays immutable.
    assert raw_rows(db_path, "SELECT customer_id FROM invoice WHERE id = ?", (posted,)) == [(survivor,)]
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        raw_execute(db_path, "UPDATE invoice SET customer_id = ? WHERE id = ?", (merged, posted))
    d = customers.get(db, owner, survivor)
    assert (d.data.email, d.data.id_number, d.data.phone) == ("ww@example.com", ID, "+8613900000001")
    assert result.dropped == {"customer_tag": 1}
    assert result.moved["customer.merged_into_id"] == 1
    entry = raw_rows(db_path, "SELECT action, entity, entity_id, [after] FROM audit_entry "
                              "WHERE action = 'merge' ORDER BY seq DESC LIMIT 1")[0]
    assert entry[:3] == ("merge", "customer", survivor)
    assert merged in entry[3] and '"invoice": 2' in entry[3]
    # Merged customers are out of the list and of search, and found no more as duplicates.
    assert [h.ref_id for h in search.search(db, owner, "ww@example.com")] == [survivor]
    assert lists.row_by_id(db, owner, "customers", merged) is None
    assert {c.id for c in duplicates.find(db, owner, CustomerInput(name="王伟"))} == {survivor}


def test_a_merge_is_refused_without_the_right_and_for_merged_or_walk_in_customers(db, owner, actor_for):
    a, b = _new(db, owner, "甲"), _new(db, owner, "乙")
    with pytest.raises(PermissionDenied):
        merge.merge(db, actor_for("salesperson"), a, [b])
    with pytest.raises(ValidationError):
        merge.merge(db, owner, a, [a])
    merge.merge(db, owner, a, [b])
    with pytest.raises(Conflict):
        merge.merge(db, owner, a, [b])
    walk_in, _name = customers.walk_in(db, owner)
    with pytest.raises(Conflict):
        merge.merge(db, owner, a, [walk_in])


def test_customers_with_different_id_numbers_or_credit_codes_are_never_merged(db, db_path, owner, actor_for):
    # Two people who share an e-mail (one household) but not their ID numbers.
    a = _new(db, owner, "贾婷", email="home@example.com", id_number=resident_id("31010119591003492"),
             birth_date=date(1959, 10, 3))
    b = _new(db, owner, "陶建华", email="home@example.com", id_number=resident_id("43012119811219075"))
    with db.engine.begin() as conn:
        invoice = make_row(conn, Base.metadata.tables["invoice"], {"customer_id": a}, {})
    before = raw_rows(db_path, "SELECT * FROM customer ORDER BY id")
    audits = raw_rows(db_path, "SELECT count(*) FROM audit_entry")
    with pytest.raises(ValidationError) as exc:
        merge.merge(db, owner, b, [a], {"id_number": b})
    assert exc.value.field == "id_number"
    assert "'贾婷'" in str(exc.value) and "'陶建华'" in str(exc.value) and "different ID numbers" in str(exc.value)
    # Nothing changed: the records, the invoice's customer, the audit trail.
    assert raw_rows(db_path, "SELECT * FROM customer ORDER BY id") == before
    assert raw_rows(db_path, "SELECT customer_id FROM invoice WHERE id = ?", (invoice,)) == [(a,)]
    assert raw_rows(db_path, "SELECT count(*) FROM audit_entry") == audits
    # A reader without the right to see ID numbers is told them masked.
    with pytest.raises(ValidationError) as exc:
        manager = actor_for("sales_manager")
        merge.merge(db, dataclasses.replace(manager, permissions=manager.permissions - {"customer.view_id"}), a, [b])
    assert resident_id("31010119591003492") not in str(exc.value) and "*" in str(exc.value)
    # Different credit codes: two companies.
    x = _new(db, owner, "远航物流", kind="company", phone=mobile(5), company_reg=credit_code())
    y = _new(db, owner, "远航物流", kind="company", phone=mobile(5), company_reg=credit_code("91310000MA1FL0000"))
    with pytest.raises(ValidationError) as exc:
        merge.merge(db, owner, x, [y])
    assert exc.value.field == "company_reg" and "different credit codes" in str(exc.value)
    assert raw_rows(db_path, "SELECT merged_into_id FROM customer WHERE id = ?", (y,)) == [(None,)]
    # One ID number and one blank is no contradiction: that merge goes ahead and keeps the number.
    c = _new(db, owner, "陶建华", email="home@example.com")
    merge.merge(db, owner, c, [b], {"id_number": b})
    assert raw_rows(db_path, "SELECT id_number FROM customer WHERE id = ?", (c,)) == [
        (resident_id("43012119811219075"),)]


def test_the_record_that_stays_is_active_if_any_merged_record_was(db, db_path, owner):
    old = _new(db, owner, "郑子", phone=mobile(3), id_number=ID, active=False)
    new = _new(db, owner, "郑子", phone=mobile(3))
    merge.merge(db, owner, old, [new])
    assert raw_rows(db_path, "SELECT active FROM customer WHERE id = ?", (old,)) == [(1,)]
    summary, after = raw_rows(db_path, "SELECT summary, [after] FROM audit_entry WHERE action = 'merge' "
                                       "ORDER BY seq DESC LIMIT 1")[0]
    assert "active again" in summary and '"active": true' in after
    # Inactive records merged into an inactive one leave it inactive.
    p = _new(db, owner, "钱七", phone=mobile(4), active=False)
    q = _new(db, owner, "钱七", phone=mobile(4), active=False)
    merge.merge(db, owner, p, [q])
    assert raw_rows(db_path, "SELECT active FROM customer WHERE id = ?", (p,)) == [(0,)]
    assert "active again" not in raw_rows(db_path, "SELECT summary FROM audit_entry WHERE action = 'merge' "
                                                   "ORDER BY seq DESC LIMIT 1")[0][0]


# --- timeline ------------------------------------------------------------------------------------------

def test_timeline_shows_what_the_reader_may_see_newest_first_including_merged_records(db, owner, actor_for):
    cid = _new(db, owner, "王伟")
    other = _new(db, owner, "王伟2")
    made: dict[str, str] = {}
    from models import Base
    with db.engine.begin() as conn:
        invoice = make_row(conn, Base.metadata.tables["invoice"], {"customer_id": other, "number": "INV-1",
                                                                   "issued_on": date(2024, 5, 1)}, made)
        ro = make_row(conn, Base.metadata.tables["repair_order"], {"customer_id": cid, "number": "RO-1",
                                                                   "opened_on": date(2024, 6, 1)}, made)
    customers.add_note(db, owner, cid, "想试驾")
    merge.merge(db, owner, cid, [other])
    entries = timeline.timeline(db, owner, cid)
    kinds = [e.kind for e in entries]
    assert kinds[0] == "note" and {"invoice", "repair_order"} <= set(kinds)
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    inv = next(e for e in entries if e.kind == "invoice")
    assert (inv.title, inv.open_kind, inv.ref_id) == ("INV-1", "invoice", invoice)
    assert next(e for e in entries if e.kind == "repair_order").ref_id == ro
    seller = {e.kind for e in timeline.timeline(db, actor_for("salesperson"), cid)}
    foreman = {e.kind for e in timeline.timeline(db, actor_for("foreman"), cid)}
    assert "repair_order" not in seller and {"invoice", "note"} <= seller
    assert "invoice" not in foreman and {"repair_order", "note"} <= foreman


def test_timeline_sources_are_a_registry_other_areas_add_to(db, owner):
    cid = _new(db, owner)
    src = timeline.register(timeline.Source("test_kind", "customer.view", (
        "SELECT '2030-01-01' AS at, 'T' AS title, '' AS detail, '' AS status, NULL AS amount, c.id AS ref_id "
        "FROM customer c WHERE c.id IN :ids")))
    try:
        assert timeline.timeline(db, owner, cid)[0].kind == "test_kind"
    finally:
        timeline.SOURCES.pop(src.kind)


def test_the_customers_export_masks_id_numbers_without_the_right(db, owner, actor_for, tmp_path):
    import csv

    from services.customers import files

    _new(db, owner, "王伟", id_number=ID, phone=mobile(1))
    for role, shown in (("sales_manager", ID), ("salesperson", customers.mask_id(ID))):
        out = tmp_path / f"{role}.csv"
        assert files.export_customers(db, actor_for(role), out) == 1
        with out.open(encoding="utf-8-sig", newline="") as f:
            row = next(csv.DictReader(f))
        assert row["id_number"] == shown, role
    assert ID not in (tmp_path / "salesperson.csv").read_text(encoding="utf-8-sig")


def test_the_timeline_shows_the_sales_area_s_test_drives_tasks_and_policies(db, owner, actor_for):
    cid = _new(db, owner)
    made: dict[str, str] = {}
    with db.engine.begin() as conn:
        lead = make_row(conn, Base.metadata.tables["lead"], {"customer_id": cid}, made)
        make_row(conn, Base.metadata.tables["test_drive"], {"customer_id": cid, "lead_id": lead}, made)
        make_row(conn, Base.metadata.tables["lead_task"], {"lead_id": lead}, made)
        make_row(conn, Base.metadata.tables["insurance_policy"], {"customer_id": cid}, made)
    kinds = [e.kind for e in timeline.timeline(db, owner, cid)]
    assert {"lead", "test_drive", "task", "insurance_policy"} <= set(kinds)
    drive = next(e for e in timeline.timeline(db, owner, cid) if e.kind == "test_drive")
    assert (drive.open_kind, drive.ref_id) == ("lead", lead)
    assert "test_drive" not in {e.kind for e in timeline.timeline(db, actor_for("foreman"), cid)}


def test_the_marks_are_listed_newest_first_with_who_made_them_and_one_withdrawn_lets_the_group_back(
        db, owner, actor_for):
    a = _new(db, owner, "张伟", email="family@example.com")
    b = _new(db, owner, "张丽", email="family@example.com")
    c = _new(db, owner, "王芳", phone=mobile(4))
    d = _new(db, owner, "王五", phone=mobile(4))
    assert duplicates.marks(db, owner) == []
    duplicates.mark_distinct(db, actor_for("sales_manager"), [b, a])
    duplicates.mark_distinct(db, owner, [c, d])
    with pytest.raises(PermissionDenied):
        duplicates.marks(db, actor_for("salesperson"))
    found = duplicates.marks(db, owner)
    assert [[m.id for m in k.members] for k in found] == [[c, d], [a, b]]  # newest first, each pair oldest first
    assert [k.marked_by for k in found] == ["Olivia Owner", "u_sales_manager"]  # a user without a name: the login
    assert found[1].members[0].name == "张伟" and found[1].marked_at[:4].isdigit()
    assert duplicates.unmark_distinct(db, owner, [m.id for m in found[1].members]) == 1
    assert [[m.id for m in k.members] for k in duplicates.marks(db, owner)] == [[c, d]]
    assert _groups(db, owner) == [{a, b}]
