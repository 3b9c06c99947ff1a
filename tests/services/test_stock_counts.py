"""Stock counts: selection, counting against the ledger of the moment, variances, posting."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from core.actor import Actor
from core.errors import PermissionDenied, ValidationError
from services import audit
from services.parts import catalogue, counts, stock
from services.parts.catalogue import PartInput
from tests.services.samples import raw_execute

U = 1000


def part(db, actor, number: str, *, bin: str = "", category: str = "") -> str:
    return catalogue.create_part(db, actor, PartInput(brand="Bosch", part_number=number, description=f"Part {number}",
                                                      bin=bin, category=category))


def on_hand(db, part_id: str) -> tuple[int, int]:
    """(ledger on hand, cached on hand)."""
    with db.read() as conn:
        return stock.ledger_on_hand(conn, part_id), stock.stock_level(conn, part_id).on_hand


def test_a_count_takes_the_parts_in_the_bin_range_and_category(db, owner):
    a1 = part(db, owner, "A1", bin="A-01", category="filters")
    a2 = part(db, owner, "A2", bin="A-02", category="brakes")
    a3 = part(db, owner, "A3", bin="A-03", category="filters")
    part(db, owner, "B1", bin="B-01", category="filters")
    by_bins = counts.get_count(db, owner, counts.start_count(db, owner, bin_from="A-01", bin_to="A-03"))
    assert [line.part_id for line in by_bins.lines] == [a1, a2, a3]
    assert by_bins.number.startswith("SC") and by_bins.status == "open"
    counts.cancel_count(db, owner, by_bins.id)  # an open count holds its parts
    filters = counts.start_count(db, owner, bin_to="A-03", category="filters")
    assert [line.part_id for line in counts.get_count(db, owner, filters).lines] == [a1, a3]


def test_a_selection_without_parts_is_refused(db, owner):
    part(db, owner, "A1", bin="A-01")
    with pytest.raises(ValidationError) as err:
        counts.start_count(db, owner, bin_from="Z-01")
    assert err.value.field == "bin_from"


def test_movements_during_the_count_do_not_become_variances(db, owner):
    before = part(db, owner, "R1", bin="A-01")
    after = part(db, owner, "R2", bin="A-02")
    short = part(db, owner, "R3", bin="A-03")
    for pid in (before, after, short):
        stock.adjust(db, owner, pid, 10 * U, "opening stock", on=date(2026, 4, 1), unit_cost=1250)
    count_id = counts.start_count(db, owner, bin_from="A-01", bin_to="A-03", on=date(2026, 4, 2))

    # R1: 3 arrive before its shelf is counted, so the shelf holds 13 and the ledger expects 13.
    stock.adjust(db, owner, before, 3 * U, "delivery", on=date(2026, 4, 2), unit_cost=1250)
    counts.enter_count(db, owner, count_id, before, 13 * U)
    # R2: counted at 10, then 5 arrive: the receipt is neither in the count nor in what was expected.
    counts.enter_count(db, owner, count_id, after, 10 * U)
    stock.adjust(db, owner, after, 5 * U, "delivery", on=date(2026, 4, 2), unit_cost=1250)
    # R3: one missing on the shelf, and one sold after counting.
    counts.enter_count(db, owner, count_id, short, 9 * U)
    stock.issue(db, owner, short, U, reference="RO-9", on=date(2026, 4, 2))

    view = counts.get_count(db, owner, count_id)
    assert view.status == "counting"
    assert [(line.expected, line.counted, line.variance) for line in view.lines] == [
        (13 * U, 13 * U, 0), (10 * U, 10 * U, 0), (10 * U, 9 * U, -U)]
    report = counts.variance_report(db, owner, count_id)
    assert [(line.part_id, line.variance, line.variance_value) for line in report] == [(short, -U, -1250)]

    result = counts.post_count(db, owner, count_id, on=date(2026, 4, 3))
    assert (result.movements, result.variance_value) == (1, -1250)
    assert on_hand(db, before) == (13 * U, 13 * U)
    assert on_hand(db, after) == (15 * U, 15 * U)
    # Counted 9, one sold after counting: 8.
    assert on_hand(db, short) == (8 * U, 8 * U)
    number = view.number
    with db.read() as conn:
        rows = conn.execute(text("SELECT part_id, quantity, unit_cost, reference, moved_on FROM stock_movement "
                                 "WHERE kind = 'count_variance'")).all()
    assert [tuple(r) for r in rows] == [(short, -U, 1250, number, "2026-04-03")]
    with db.read() as conn:
        assert audit.verify(conn).ok


def test_counting_a_part_again_replaces_the_figure(db, owner):
    pid = part(db, owner, "R1", bin="A-01")
    stock.adjust(db, owner, pid, 4 * U, "opening stock", unit_cost=500)
    count_id = counts.start_count(db, owner, bin_from="A-01")
    counts.enter_count(db, owner, count_id, pid, 7 * U)
    counts.enter_count(db, owner, count_id, pid, 5 * U)
    line = counts.get_count(db, owner, count_id).lines[0]
    assert (line.expected, line.counted, line.variance, line.variance_value) == (4 * U, 5 * U, U, 500)
    counts.post_count(db, owner, count_id)
    assert on_hand(db, pid) == (5 * U, 5 * U)


def test_uncounted_lines_post_nothing(db, owner):
    pid = part(db, owner, "R1", bin="A-01")
    stock.adjust(db, owner, pid, 4 * U, "opening stock", unit_cost=500)
    count_id = counts.start_count(db, owner, bin_from="A-01")
    assert counts.get_count(db, owner, count_id).uncounted == 1
    assert counts.post_count(db, owner, count_id).movements == 0
    assert on_hand(db, pid) == (4 * U, 4 * U)


def test_a_posted_count_is_final(db, owner):
    pid = part(db, owner, "R1", bin="A-01")
    count_id = counts.start_count(db, owner, bin_from="A-01")
    counts.enter_count(db, owner, count_id, pid, 2 * U)
    counts.post_count(db, owner, count_id)
    with pytest.raises(ValidationError) as err:
        counts.enter_count(db, owner, count_id, pid, 3 * U)
    assert err.value.field == "status"
    with pytest.raises(ValidationError):
        counts.post_count(db, owner, count_id)
    assert on_hand(db, pid) == (2 * U, 2 * U)
    assert counts.get_count(db, owner, count_id).status == "posted"


def test_a_part_not_on_the_count_and_a_negative_figure_are_refused(db, owner):
    pid = part(db, owner, "R1", bin="A-01")
    elsewhere = part(db, owner, "R9", bin="Z-01")
    count_id = counts.start_count(db, owner, bin_to="A-99")
    with pytest.raises(ValidationError) as err:
        counts.enter_count(db, owner, count_id, elsewhere, U)
    assert err.value.field == "part_id"
    with pytest.raises(ValidationError) as err:
        counts.enter_count(db, owner, count_id, pid, -U)
    assert err.value.field == "counted"


def test_counting_needs_stock_count_and_posting_needs_stock_adjust(db, owner, actor_for):
    pid = part(db, owner, "R1", bin="A-01")
    with pytest.raises(PermissionDenied):
        counts.start_count(db, actor_for("technician"), bin_from="A-01")
    counter = Actor(username="counter", role="counter", permissions=frozenset({"stock.count", "part.view"}))
    count_id = counts.start_count(db, counter, bin_from="A-01")
    counts.enter_count(db, counter, count_id, pid, U)
    with pytest.raises(PermissionDenied):
        counts.post_count(db, counter, count_id)
    assert on_hand(db, pid) == (0, 0)
    assert counts.post_count(db, actor_for("parts_clerk"), count_id).movements == 1


def test_count_sheet_rows_are_in_bin_order_without_expected_figures(db, owner, tmp_path):
    part(db, owner, "Z9", bin="A-02")
    part(db, owner, "A1", bin="A-01")
    count_id = counts.start_count(db, owner, bin_from="A-01", bin_to="A-02")
    rows = counts.count_sheet(db, owner, count_id)
    assert [(r.bin, r.part_number, r.unit) for r in rows] == [("A-01", "A1", "pcs"), ("A-02", "Z9", "pcs")]
    out = counts.count_sheet_pdf(db, owner, count_id, tmp_path / "sheet.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_the_count_sheet_file_filled_in_imports_back_as_the_counted_figures(db, owner, tmp_path):
    from openpyxl import load_workbook

    from services.imports.framework import run

    first = part(db, owner, "SHEET-1", bin="B01")
    second = part(db, owner, "SHEET-2", bin="B02")
    stock.adjust(db, owner, first, 5 * U, "opening stock", unit_cost=1000)
    count_id = counts.start_count(db, owner, bin_from="B01", bin_to="B02")
    sheet = counts.count_sheet_file(db, owner, count_id, tmp_path / "sheet.xlsx")
    book = load_workbook(sheet)
    ws = book.active
    assert [c.value for c in ws[1]] == list(counts.SHEET_COLUMNS)
    assert [ws.cell(row=r, column=3).value for r in (2, 3)] == ["SHEET-1", "SHEET-2"]
    ws.cell(row=2, column=6).value = 4
    ws.cell(row=3, column=6).value = 2
    book.save(sheet)
    summary = run(db, owner, sheet, "stock-count")
    assert summary.errors == [] and summary.updated == 2
    lines = {line.part_id: line for line in counts.get_count(db, owner, count_id).lines}
    assert (lines[first].counted, lines[first].expected) == (4 * U, 5 * U)
    assert (lines[second].counted, lines[second].expected) == (2 * U, 0)


def test_a_count_overlapping_an_open_one_is_refused_naming_it(db, owner):
    a1 = part(db, owner, "O1", bin="A-01", category="filters")
    part(db, owner, "O2", bin="B-01", category="brakes")
    first = counts.start_count(db, owner, bin_from="A-01", bin_to="A-09")
    number = counts.get_count(db, owner, first).number
    with pytest.raises(ValidationError) as refused:
        counts.start_count(db, owner, category="filters")
    assert refused.value.field == "category" and number in str(refused.value)
    counts.enter_count(db, owner, first, a1, 0)
    with pytest.raises(ValidationError):
        counts.start_count(db, owner, bin_from="A-01")
    counts.start_count(db, owner, category="brakes")  # no part in common
    counts.post_count(db, owner, first)
    counts.start_count(db, owner, category="filters")


def test_a_second_count_of_the_same_part_does_not_post_the_variance_again(db, db_path, owner):
    shelf = part(db, owner, "D1", bin="A-01")
    other = part(db, owner, "D2", bin="B-01")
    for pid in (shelf, other):
        stock.adjust(db, owner, pid, 10 * U, "opening stock", on=date(2026, 4, 1), unit_cost=1000)
    first = counts.start_count(db, owner, bin_from="A-01", bin_to="A-09", on=date(2026, 4, 2))
    second = counts.start_count(db, owner, bin_from="B-01", on=date(2026, 4, 2))
    # Open counts of one part can still meet when another terminal's count arrives by sync.
    raw_execute(db_path, "INSERT INTO stock_count_line (id, count_id, part_id, counted, expected, counted_at, "
                         "ledger_mark, created_at, created_by, updated_at, updated_by) "
                         "VALUES ('0000-dup-line', ?, ?, NULL, NULL, NULL, '', "
                         "'2026-04-02 00:00:00', 'sync', '2026-04-02 00:00:00', 'sync')", (second, shelf))
    counts.enter_count(db, owner, first, shelf, 8 * U)
    counts.enter_count(db, owner, second, shelf, 8 * U)
    counts.enter_count(db, owner, second, other, 10 * U)
    assert counts.post_count(db, owner, first).movements == 1
    assert on_hand(db, shelf) == (8 * U, 8 * U)
    result = counts.post_count(db, owner, second)
    assert result.movements == 0 and result.variance_value == 0
    assert on_hand(db, shelf) == (8 * U, 8 * U)
    # A delivery after the second count was taken still stands.
    third = counts.start_count(db, owner, bin_from="A-01", bin_to="A-09", on=date(2026, 4, 3))
    counts.enter_count(db, owner, third, shelf, 7 * U)
    stock.adjust(db, owner, shelf, 2 * U, "delivery", on=date(2026, 4, 3), unit_cost=1000)
    assert counts.post_count(db, owner, third).movements == 1
    assert on_hand(db, shelf) == (9 * U, 9 * U)
