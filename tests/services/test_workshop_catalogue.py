"""The labour operations catalogue, the rates, and the ``labour-ops`` import."""

from __future__ import annotations

import csv

import pytest

from core.errors import PermissionDenied, ValidationError
from services.imports import framework
from services.workshop import catalogue
from services.workshop.catalogue import OperationInput


def test_operations_are_created_changed_listed_and_removed(db, owner, actor_for):
    general = catalogue.create_operation(db, owner, OperationInput(" oil 01 ", "Oil and filter change", "Engine", 50))
    catalogue.create_operation(db, owner, OperationInput("OIL01", "Oil change (Lavida)", "Engine", 40,
                                                         model_family="Lavida"))
    with pytest.raises(ValidationError) as refused:
        catalogue.create_operation(db, owner, OperationInput("oil01", "Again", "Engine", 50))
    assert refused.value.field == "code"
    with pytest.raises(ValidationError) as refused:
        catalogue.create_operation(db, owner, OperationInput("X1", "Bad hours", standard_hours=1.5))
    assert refused.value.field == "standard_hours"
    catalogue.update_operation(db, owner, general, OperationInput("OIL01", "Oil and filter change", "Engine", 60))
    rows = catalogue.operations(db, actor_for("technician"))
    assert [(r.code, r.model_family, r.standard_hours) for r in rows] == [("OIL01", "", 60), ("OIL01", "Lavida", 40)]
    assert [r.model_family for r in catalogue.operations(db, owner, model_family="Golf")] == [""]
    with pytest.raises(PermissionDenied):
        catalogue.create_operation(db, actor_for("service_advisor"), OperationInput("A1", "Anything"))
    catalogue.delete_operation(db, owner, general)
    assert len(catalogue.operations(db, owner)) == 1


def test_rates_are_set_per_pay_type_and_hidden_from_technicians(db, owner, actor_for):
    catalogue.set_rate(db, owner, "customer", 30000)
    catalogue.set_rate(db, owner, "customer", 32000)
    assert {r.pay_type: r.hourly_rate for r in catalogue.rates(db, owner)} == {
        "customer": 32000, "warranty": 0, "internal": 0, "insurance": 0}
    with pytest.raises(ValidationError) as refused:
        catalogue.set_rate(db, owner, "goodwill", 1)
    assert refused.value.field == "pay_type"
    with pytest.raises(PermissionDenied):
        catalogue.rates(db, actor_for("technician"))


def _write(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["工时代码", "项目名称", "系统", "标准工时", "车型"])
        writer.writerows(rows)
    return path


def test_importing_labour_ops_twice_updates_and_never_duplicates(db, owner, tmp_path):
    path = _write(tmp_path / "ops.csv", [["BRK-01", "前刹车片更换", "Brakes", "1.2", ""],
                                         ["BRK-01", "前刹车片更换（朗逸）", "Brakes", "0.9", "Lavida"],
                                         ["ENG-10", "正时皮带更换", "Engine", "3.5", ""]])
    first = framework.run(db, owner, path, "labour-ops")
    assert (first.inserted, first.updated, first.errors, first.written) == (3, 0, [], True)
    _write(path, [["BRK-01", "前刹车片更换", "Brakes", "1.25", ""], ["ENG-10", "正时皮带更换", "Engine", "3.5", ""]])
    again = framework.run(db, owner, path, "labour-ops")
    assert (again.inserted, again.updated, again.unchanged) == (0, 1, 1)
    rows = {(r.code, r.model_family): r.standard_hours for r in catalogue.operations(db, owner)}
    assert rows == {("BRK-01", ""): 125, ("BRK-01", "Lavida"): 90, ("ENG-10", ""): 350}


def test_a_bad_labour_ops_row_writes_nothing_and_names_the_field(db, owner, tmp_path):
    path = _write(tmp_path / "ops.csv", [["A-1", "Fine", "", "1", ""], ["A-2", "Too precise", "", "1.234", ""],
                                         ["A-1", "Twice", "", "1", ""]])
    summary = framework.run(db, owner, path, "labour-ops")
    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(3, "standard_hours"), (4, "code")]
    assert catalogue.operations(db, owner) == []


def test_an_operations_kit_is_kept_by_part_number_replaced_on_save_and_checked(db, owner, actor_for):
    from tests.services.workshop_samples import shop

    s = shop(db, owner)
    op = catalogue.create_operation(db, owner, OperationInput(
        "SVC-10", "Oil service", "Maintenance", 80,
        parts=[catalogue.KitPartInput("0986-of-1", 1000), catalogue.KitPartInput(part_id=s.parts[1], quantity=4500)]))
    view = catalogue.get_operation(db, actor_for("technician"), op)
    assert [(p.part_number, p.quantity) for p in view.parts] == [("0986-OF-1", 1000), ("0986-BP-1", 4500)]
    assert not view.used
    # Saving without ``parts`` keeps the kit (the catalogue import does so); with them, replaces it.
    catalogue.update_operation(db, owner, op, OperationInput("SVC-10", "Oil service", "Maintenance", 90))
    assert len(catalogue.get_operation(db, owner, op).parts) == 2
    catalogue.update_operation(db, owner, op, OperationInput("SVC-10", "Oil service", "Maintenance", 90,
                                                             parts=[catalogue.KitPartInput("0986-BP-1", 2000)]))
    assert [(p.part_number, p.quantity) for p in catalogue.get_operation(db, owner, op).parts] == [("0986-BP-1", 2000)]
    for parts, field in (([catalogue.KitPartInput("NO-SUCH", 1000)], "parts[1].part_number"),
                         ([catalogue.KitPartInput("0986-OF-1", 0)], "parts[1].quantity"),
                         ([catalogue.KitPartInput("0986-OF-1", 1.5)], "parts[1].quantity"),
                         ([catalogue.KitPartInput("0986-OF-1", 1000), catalogue.KitPartInput("0986-of-1", 1000)],
                          "parts[2].part_number")):
        with pytest.raises(ValidationError) as refused:
            catalogue.update_operation(db, owner, op, OperationInput("SVC-10", "Changed", parts=parts))
        assert refused.value.field == field
    view = catalogue.get_operation(db, owner, op)  # nothing changed by a refused save
    assert (view.operation.description, [p.part_number for p in view.parts]) == ("Oil service", ["0986-BP-1"])
    catalogue.delete_operation(db, owner, op)
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM labour_operation_part").scalar() == 0


def test_the_labour_operations_list_searches_and_shows_hours_and_kit_size(db, owner):
    from services import lists
    from tests.services.workshop_samples import shop

    s = shop(db, owner)
    catalogue.create_operation(db, owner, OperationInput("SVC-10", "Oil service", "Maintenance", 80,
                                                         parts=[catalogue.KitPartInput(part_id=s.parts[0])]))
    catalogue.create_operation(db, owner, OperationInput("BRK-01", "Front brake pads", "Brakes", 120, active=False))
    columns = [c.key for c in lists.REGISTRY["labour_operations"].columns]
    page = lists.fetch_page(db, owner, "labour_operations", lists.ListState(search="oil"), limit=50)
    assert [(r[1 + columns.index("code")], r[1 + columns.index("standard_hours")], r[1 + columns.index("kit_parts")])
            for r in page.rows] == [("SVC-10", 80, 1)]
    inactive = lists.fetch_page(db, owner, "labour_operations", lists.ListState(filters={"active": False}), limit=50)
    assert [r[1 + columns.index("code")] for r in inactive.rows] == ["BRK-01"]
    # Found by a part number of its kit, and sorted by the size of its kit.
    by_part = lists.fetch_page(db, owner, "labour_operations", lists.ListState(search="0986-OF"), limit=50)
    assert [r[1 + columns.index("code")] for r in by_part.rows] == ["SVC-10"]
    by_kit = lists.fetch_page(db, owner, "labour_operations", lists.ListState(sort="kit_parts", descending=True),
                              limit=50)
    assert [r[1 + columns.index("code")] for r in by_kit.rows] == ["SVC-10", "BRK-01"]
