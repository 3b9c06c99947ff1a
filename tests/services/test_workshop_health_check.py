"""Health checks from templates, photos, estimates from amber and red points and from extra work, the
customer's answer with who and when, declined work offered at the next visit; the check-in sheet and
health-check PDFs read back as text."""

from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest
from sqlalchemy import select

from core.errors import PermissionDenied, ValidationError
from models.admin import AuditEntry
from services.workshop import estimates, health_check, orders, reception
from services.workshop.estimates import EstimateLineInput
from services.workshop.reception import CheckInInput, DamageInput
from tests.services.workshop_samples import ON, RATE, job_with_lines, shop

ITEMS = [("Brakes", "Front pads"), ("Brakes", "Brake fluid"), ("Tyres", "Tread depth"), ("Lights", "Headlamps")]


def _ro(db, actor, s, *, on: date = ON, mileage: int = 12_000) -> str:
    ro_id, _ = reception.check_in(db, actor, CheckInInput(customer_id=s.customer_id, vehicle_id=s.vehicle_id,
                                                          mileage_in=mileage, concerns="Noise"), on=on)
    return ro_id


def _checked(db, owner, s, ro_id: str) -> tuple[str, list[str]]:
    template = health_check.save_template(db, owner, "30-point check", ITEMS)
    check_id = health_check.start_check(db, owner, ro_id, template)
    ids = [i.id for i in health_check.get_check(db, owner, check_id).items]
    for item_id, (rating, note) in zip(ids, [("red", "2 mm left"), ("amber", "Dark, due soon"), ("green", ""),
                                             ("green", "")], strict=True):
        health_check.rate_item(db, owner, item_id, rating, note)
    return check_id, ids


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_a_check_copies_its_template_and_later_template_edits_leave_it_alone(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    template = health_check.save_template(db, owner, "Basic", ITEMS)
    check_id = health_check.start_check(db, owner, ro_id, template)
    health_check.save_template(db, owner, "Basic", [("Body", "Paint")], template_id=template)

    view = health_check.get_check(db, owner, check_id)
    assert [(i.position, i.system, i.name, i.rating) for i in view.items] == [
        (1, "Brakes", "Front pads", ""), (2, "Brakes", "Brake fluid", ""), (3, "Tyres", "Tread depth", ""),
        (4, "Lights", "Headlamps", "")]
    assert [i.name for i in health_check.template_items(db, owner, template)] == ["Paint"]
    assert health_check.checks_of(db, owner, ro_id) == [check_id]


def test_a_template_needs_points_each_with_a_system(db, owner):
    with pytest.raises(ValidationError) as refused:
        health_check.save_template(db, owner, "Empty", [])
    assert refused.value.field == "items"
    with pytest.raises(ValidationError) as refused:
        health_check.save_template(db, owner, "Half", [("Brakes", "Pads"), ("", "Wipers")])
    assert refused.value.field == "items[1].system"


def test_a_point_may_not_appear_twice_in_one_system_but_may_in_another(db, owner):
    with pytest.raises(ValidationError) as refused:
        health_check.save_template(db, owner, "Twice", [("Brakes", "Front pads"), ("Tyres", "Pressure"),
                                                        ("brakes", " front  PADS ")])
    assert refused.value.field == "items[2].name" and "front PADS" in str(refused.value)
    assert health_check.templates(db, owner, include_inactive=True) == []
    template = health_check.save_template(db, owner, "Both sides", [("Tyres", "Pressure"), ("Spare wheel", "Pressure")])
    assert [(i.system, i.name) for i in health_check.template_items(db, owner, template)] == [
        ("Tyres", "Pressure"), ("Spare wheel", "Pressure")]
    with pytest.raises(ValidationError) as refused:
        health_check.save_template(db, owner, "  BOTH sides ", ITEMS)
    assert refused.value.field == "name"


def test_renaming_reordering_and_deactivating_a_template_leaves_checks_made_from_it_alone(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    template = health_check.save_template(db, owner, "Basic", ITEMS)
    check_id = health_check.start_check(db, owner, ro_id, template)
    first = health_check.get_check(db, owner, check_id)
    health_check.rate_item(db, owner, first.items[0].id, "amber", "3 mm")

    reordered = [ITEMS[2], ITEMS[0], ("Body", "Wipers")]
    health_check.save_template(db, owner, "Basic 2027", reordered, template_id=template, active=False)

    after = health_check.get_check(db, owner, check_id)
    assert after.template_name == "Basic"
    assert [(i.id, i.position, i.system, i.name) for i in after.items] == [
        (i.id, i.position, i.system, i.name) for i in first.items]
    assert (after.items[0].rating, after.items[0].note) == ("amber", "3 mm")
    assert [(i.position, i.system, i.name) for i in health_check.template_items(db, owner, template)] == [
        (1, "Tyres", "Tread depth"), (2, "Brakes", "Front pads"), (3, "Body", "Wipers")]
    # Deactivated: no longer offered, still in the catalogue, and no new check starts from it.
    assert health_check.templates(db, owner) == []
    assert [(t.name, t.items, t.active) for t in health_check.templates(db, owner, include_inactive=True)] == [
        ("Basic 2027", 3, False)]
    with pytest.raises(ValidationError) as refused:
        health_check.start_check(db, owner, ro_id, template)
    assert refused.value.field == "template"
    health_check.save_template(db, owner, "Basic 2027", reordered, template_id=template, active=True)
    assert [t.name for t in health_check.templates(db, owner)] == ["Basic 2027"]


def test_template_changes_are_audited_point_by_point(db, owner):
    template = health_check.save_template(db, owner, "Basic", ITEMS)
    health_check.save_template(db, owner, "Basic", [ITEMS[0], ("Brakes", "Discs"), ITEMS[2]], template_id=template,
                               active=False)
    with db.read() as conn:
        entries = conn.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.before, AuditEntry.after,
                                      AuditEntry.actor).order_by(AuditEntry.seq)).all()
    mine = [e for e in entries if e.entity.startswith("health_check_template")]
    assert [(e.action, e.entity) for e in mine] == (
        [("insert", "health_check_template")] + [("insert", "health_check_template_item")] * 4
        + [("update", "health_check_template"), ("update", "health_check_template_item"),
           ("delete", "health_check_template_item")])
    assert {e.actor for e in mine} == {"owner"}
    renamed = mine[6]
    assert "Brake fluid" in renamed.before and "Discs" in renamed.after and "Front pads" not in renamed.after
    assert "Headlamps" in mine[7].before


def test_finishing_needs_every_point_rated_and_a_bad_rating_is_refused(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    check_id = health_check.start_check(db, owner, ro_id, health_check.save_template(db, owner, "T", ITEMS))
    items = health_check.get_check(db, owner, check_id).items
    with pytest.raises(ValidationError) as refused:
        health_check.rate_item(db, owner, items[0].id, "blue")
    assert refused.value.field == "rating"
    health_check.rate_item(db, owner, items[0].id, "GREEN")
    with pytest.raises(ValidationError) as refused:
        health_check.complete_check(db, owner, check_id)
    assert "Brake fluid" in str(refused.value) and "2 more" in str(refused.value)
    for item in items[1:]:
        health_check.rate_item(db, owner, item.id, "green")
    health_check.complete_check(db, owner, check_id)
    view = health_check.get_check(db, owner, check_id)
    assert view.completed_at is not None and view.inspected_by == "owner"
    assert view.counts() == {"green": 4, "amber": 0, "red": 0, "": 0}


def test_a_technician_does_the_check_but_may_not_price_it(db, owner, actor_for):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    template = health_check.save_template(db, owner, "T", ITEMS)
    technician = actor_for("technician")
    check_id = health_check.start_check(db, technician, ro_id, template)
    item = health_check.get_check(db, technician, check_id).items[0]
    health_check.rate_item(db, technician, item.id, "red", "Worn")
    with pytest.raises(PermissionDenied):
        estimates.estimate_check_item(db, technician, item.id, [EstimateLineInput("labour", "Pads", hours=100)])
    with pytest.raises(PermissionDenied):
        health_check.save_template(db, technician, "Mine", ITEMS)


def test_photos_are_copied_into_the_attachments_folder_beside_the_database(db, owner, tmp_path):
    s = shop(db, owner)
    check_id, ids = _checked(db, owner, s, _ro(db, owner, s))
    camera = tmp_path / "DCIM"
    camera.mkdir()
    (camera / "IMG_0001.JPG").write_bytes(b"\xff\xd8\xffphoto")
    health_check.add_photo(db, owner, ids[0], camera / "IMG_0001.JPG")
    (camera / "notes.txt").write_text("x")
    with pytest.raises(ValidationError):
        health_check.add_photo(db, owner, ids[0], camera / "notes.txt")
    # Named like a picture, but its contents are text: refused, nothing recorded or copied.
    (camera / "notaphoto.png").write_text("not a picture")
    with pytest.raises(ValidationError) as refused:
        health_check.add_photo(db, owner, ids[0], camera / "notaphoto.png")
    assert "notaphoto.png" in refused.value.detail
    assert len(health_check.get_check(db, owner, check_id).items[0].photos) == 1

    photo = health_check.get_check(db, owner, check_id).items[0].photos[0]
    assert photo.original_name == "IMG_0001.JPG" and photo.path.read_bytes() == b"\xff\xd8\xffphoto"
    assert photo.path.is_relative_to(db.path.resolve().parent / "attachments" / "health-checks" / check_id)
    assert (camera / "IMG_0001.JPG").exists()


def test_amber_and_red_points_become_estimates_approved_into_a_new_job(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    check_id, ids = _checked(db, owner, s, ro_id)
    with pytest.raises(ValidationError) as refused:
        estimates.estimate_check_item(db, owner, ids[2], [EstimateLineInput("labour", "Tyres", hours=50)])
    assert refused.value.field == "rating"

    red = estimates.estimate_check_item(db, owner, ids[0], [
        EstimateLineInput("labour", "Front pads R&R", hours=120),
        EstimateLineInput("part", part_id=s.parts[1], quantity=1000)])
    with pytest.raises(ValidationError):
        estimates.estimate_check_item(db, owner, ids[0], [EstimateLineInput("labour", "Again", hours=10)])
    view = estimates.get_estimate(db, owner, red)
    assert view.description == "Brakes: Front pads — 2 mm left"
    assert [(x.kind, x.amount) for x in view.lines] == [("labour", 36_000), ("part", 45_000)]
    assert view.total == 81_000 and view.status == "pending"
    with pytest.raises(ValidationError):
        health_check.rate_item(db, owner, ids[0], "green")

    job_id = estimates.approve(db, owner, red, note="Approved by phone")
    view = estimates.get_estimate(db, owner, red)
    assert (view.status, view.decided_by, view.decision_note, view.approved_job_id) == (
        "approved", "owner", "Approved by phone", job_id)
    assert view.decided_at is not None
    job = next(j for j in orders.get(db, owner, ro_id).jobs if j.id == job_id)
    assert (job.description, job.pay_type) == ("Brakes: Front pads — 2 mm left", "customer")
    assert [(line.description, line.hours, line.amount) for line in job.labour] == [("Front pads R&R", 120, 36_000)]
    assert [(p.part_id, p.quantity, p.unit_price) for p in job.parts] == [(s.parts[1], 1000, 45_000)]
    with pytest.raises(ValidationError):
        estimates.decline(db, owner, red)
    assert health_check.get_check(db, owner, check_id).items[0].estimate_status == "approved"


def test_declined_work_is_remembered_and_offered_again_at_the_next_visit(db, owner):
    s = shop(db, owner)
    first = _ro(db, owner, s, on=date.today() - timedelta(days=90))
    _check_id, ids = _checked(db, owner, s, first)
    amber = estimates.estimate_check_item(db, owner, ids[1], [EstimateLineInput("labour", "Brake fluid change",
                                                                                hours=50)])
    estimates.decline(db, owner, amber, note="Next time")
    assert estimates.get_estimate(db, owner, amber).decided_by == "owner"

    second = _ro(db, owner, s, mileage=18_000, on=date.today())
    declined = reception.reception_info(db, owner, s.vehicle_id).declined
    assert [(d.estimate_id, d.description) for d in declined] == [(amber, "Brakes: Brake fluid — Dark, due soon")]
    again = estimates.offer_again(db, owner, amber, second)
    view = estimates.get_estimate(db, owner, again)
    assert (view.source, view.offered_from_id, view.repair_order_id, view.total) == (
        "declined_before", amber, second, RATE // 2)
    assert reception.reception_info(db, owner, s.vehicle_id).declined == []
    with pytest.raises(ValidationError):
        estimates.offer_again(db, owner, amber, second)


def test_extra_work_found_during_a_job_joins_that_job_when_approved(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    job_id, _labour, _part = job_with_lines(db, owner, ro_id, s)
    extra = estimates.estimate_extra_work(db, owner, job_id, "Brake discs scored", [
        EstimateLineInput("labour", "Discs R&R", hours=80), EstimateLineInput("part", part_id=s.parts[0],
                                                                              quantity=2000, unit_price=5000)])
    declined = estimates.estimate_extra_work(db, owner, job_id, "Caliper slides", [
        EstimateLineInput("labour", "Clean slides", hours=30)])
    assert estimates.approve(db, owner, extra) == job_id
    estimates.decline(db, owner, declined)

    job = orders.get(db, owner, ro_id).jobs[0]
    assert [line.description for line in job.labour] == ["Brake pads R&R", "Discs R&R"]
    assert [(p.quantity, p.unit_price) for p in job.parts][-1] == (2000, 5000)
    answers = {e.description: (e.status, e.decided_by) for e in estimates.estimates_of(db, owner, ro_id)}
    assert answers == {"Brake discs scored": ("approved", "owner"), "Caliper slides": ("declined", "owner")}


def test_an_estimate_needs_lines_and_a_completed_repair_order_takes_none(db, owner):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Check", pay_type="customer"))
    with pytest.raises(ValidationError) as refused:
        estimates.estimate_extra_work(db, owner, job_id, "Nothing", [])
    assert refused.value.field == "lines"
    with pytest.raises(ValidationError) as refused:
        estimates.estimate_extra_work(db, owner, job_id, "Part", [EstimateLineInput("part", part_id="nope")])
    assert refused.value.field == "lines[0].part_id"
    for status in ("in_progress", "quality_check", "completed"):
        orders.set_status(db, owner, ro_id, status)
    with pytest.raises(ValidationError) as refused:
        estimates.estimate_extra_work(db, owner, job_id, "Late", [EstimateLineInput("labour", "x", hours=10)])
    assert refused.value.field == "status"


def test_amounts_of_estimates_are_hidden_from_a_technician(db, owner, actor_for):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    job_id = orders.add_job(db, owner, ro_id, orders.JobInput("Check", pay_type="customer"))
    estimates.estimate_extra_work(db, owner, job_id, "Wipers", [EstimateLineInput("labour", "Wipers", hours=10)])
    seen = estimates.estimates_of(db, actor_for("technician"), ro_id)[0]
    assert seen.total is None and seen.lines[0].amount is None


# --- documents ------------------------------------------------------------------------------------

def test_the_check_in_sheet_shows_the_car_the_concerns_the_damage_and_a_signature_line(db, owner, tmp_path):
    s = shop(db, owner)
    ro_id, number = reception.check_in(db, owner, CheckInInput(
        customer_id=s.customer_id, vehicle_id=s.vehicle_id, mileage_in=12_345, concerns="刹车时有异响 squeal",
        fuel_level=2, price_estimate=88_800, damage=[DamageInput("后保险杠", "凹陷")]), on=ON)
    out = reception.check_in_pdf(db, owner, ro_id, tmp_path / "check-in.pdf")
    text = _text(out)
    view = reception.get_check_in(db, owner, ro_id)
    for expected in ("CHECK-IN 接车单", number, view.vin, "沪A00001", "刹车时有异响 squeal", "12,345 km", "2/8",
                     "后保险杠", "凹陷", "¥888.00", "Customer signature", "客户签名", owner.display_name):
        assert expected in text, expected


def test_the_health_check_pdf_lists_each_point_with_its_rating_and_estimate(db, owner, tmp_path):
    s = shop(db, owner)
    ro_id = _ro(db, owner, s)
    check_id, ids = _checked(db, owner, s, ro_id)
    estimate = estimates.estimate_check_item(db, owner, ids[0], [EstimateLineInput("labour", "Pads", hours=100)])
    estimates.decline(db, owner, estimate)
    out = health_check.health_check_pdf(db, owner, check_id, tmp_path / "vhc.pdf")
    text = _text(out)
    view = health_check.get_check(db, owner, check_id)
    for expected in ("VEHICLE HEALTH CHECK", view.vin, view.repair_order_number, "Front pads", "2 mm left",
                     "Red · now", "Amber · soon", "Green · OK", "¥300.00", "declined", owner.display_name):
        assert expected in text, expected
