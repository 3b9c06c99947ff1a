"""Parts imports and exports on real files made in the tests: xlsx, csv in UTF-8, UTF-8 with BOM and
GBK, and malformed files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select, text

from core.errors import Cancelled, PermissionDenied, ValidationError
from core.progress import CancelToken
from models.parts import Brand, Part, StockCountLine
from services import audit
from services.imports import framework
from services.imports.framework import auto_mapping, import_kind, load_preset, preview, run, save_preset
from services.imports.reader import read_table
from services.parts import catalogue, counts, exports, stock
from tests.services.samples import chinese_vin

HEADERS = ["brand", "part_number", "description", "category", "retail_price", "cost", "superseded_by"]
CATALOGUE = [
    ["Toyota", "04152-YZZA6", "Oil filter", "Filters", "56.50", "30", ""],
    ["Toyota", "90915-YZZE1", "Oil filter (old)", "Filters", "52", "28.40", "04152-YZZA6"],
    ["Bosch", "0 986 452 044", "Oil filter", "Filters", "48.00", "25.00", ""],
]


def write_xlsx(path: Path, headers: list, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, headers: list, rows: list[list], *, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        w.writerows(rows)
    return path


def parts(db) -> dict[str, dict]:
    with db.read() as conn:
        rows = conn.execute(text("SELECT b.name AS brand, p.* FROM part p JOIN brand b ON b.id = p.brand_id"))
        rows = rows.mappings()
        return {f"{r['brand']} {r['part_number']}": dict(r) for r in rows}


def count_rows(db, model) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def audit_entries(db) -> int:
    with db.read() as conn:
        return conn.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()


# --- reading ---------------------------------------------------------------------------------------

def test_numbers_excel_made_of_part_numbers_come_back_as_text(tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", ["part_number", "price"], [[1234567, 12.5], ["A-1", 3]])
    table = read_table(path)
    rows = list(table.rows)
    assert table.headers == ["part_number", "price"]
    assert [r[0] for r in rows] == [2, 3]
    assert framework._parse_value(framework.Field("p", "P", kind="code"), rows[0][1][0], "CNY") == "1234567"
    assert framework._parse_value(framework.Field("p", "P", kind="money"), rows[0][1][1], "CNY") == 1250


@pytest.mark.parametrize("name, content", [
    ("picture.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("notes.pdf", b"%PDF-1.4 not a table"),
    ("binary.csv", b"brand,part\x00\x01\x02\n"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused_in_one_line(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert info.value.field == "file"
    assert name in info.value.message and "not a spreadsheet" in info.value.message
    assert "\n" not in info.value.message


@pytest.mark.parametrize("name, content", [("empty.csv", b""), ("blank.csv", b"\n , \n\n"), ("empty.xlsx", None)])
def test_an_empty_file_is_refused_in_one_line(tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        Workbook().save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert info.value.field == "file"
    assert info.value.message == f"file: {name} is empty: it has no header row"


def test_a_csv_in_no_known_encoding_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(b"brand,part_number\n\xff\xfe\xff,1\n")
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert "odd.csv cannot be read as text" in info.value.message


def test_headers_in_chinese_and_english_are_mapped_automatically():
    kind = import_kind("price-list")
    mapping = auto_mapping(kind, ["品牌", "配件号", "描述", "零售价", "成本", "替代"])
    assert mapping == {"brand": "品牌", "part_number": "配件号", "description": "描述", "retail_price": "零售价",
                       "cost": "成本", "superseded_by": "替代"}
    assert auto_mapping(kind, ["Part No.", "Brand", "Name", "Price"]) == {
        "brand": "Brand", "part_number": "Part No.", "description": "Name", "retail_price": "Price"}


# --- importing -------------------------------------------------------------------------------------

def test_an_xlsx_catalogue_is_imported_and_its_new_brands_named(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, [*CATALOGUE, ["Bosch", 1234567, "Spark plug", "", 9.9, 5, None]])
    summary = run(db, owner, path, "parts")
    assert (summary.rows, summary.inserted, summary.updated, summary.unchanged) == (4, 4, 0, 0)
    assert summary.extra.get("new_brands", []) == ["Toyota", "Bosch"]
    assert summary.extra.get("supersessions", 0) == 1 and summary.errors == [] and summary.written
    got = parts(db)
    assert got["Toyota 04152-YZZA6"]["retail_price"] == 5650 and got["Toyota 04152-YZZA6"]["list_cost"] == 3000
    assert got["Bosch 1234567"]["retail_price"] == 990
    assert got["Toyota 90915-YZZE1"]["superseded_by_id"] == got["Toyota 04152-YZZA6"]["id"]
    with db.read() as conn:
        assert catalogue.find_part(conn, "toyota", "04152 yzza6") == got["Toyota 04152-YZZA6"]["id"]
        assert audit.verify(conn).ok
        entry = conn.execute(text("SELECT action, entity, summary FROM audit_entry ORDER BY seq DESC")).first()
    assert entry.action == "import" and "cat.xlsx" in entry.summary
    view = catalogue.get_part(db, owner, got["Toyota 90915-YZZE1"]["id"])
    assert view.final_part_id == got["Toyota 04152-YZZA6"]["id"] and view.on_hand == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_files_in_utf8_with_or_without_bom_and_gbk_are_read(db, owner, tmp_path, encoding):
    rows = [["丰田", "04152-YZZA6", "机油滤清器", "56.50"], ["丰田", "17801-0H050", "空气滤清器", "88"]]
    path = write_csv(tmp_path / "价格表.csv", ["品牌", "零件号", "名称", "零售价"], rows, encoding=encoding)
    summary = run(db, owner, path, "price-list")
    assert (summary.inserted, summary.extra.get("new_brands", [])) == (2, ["丰田"])
    got = parts(db)
    assert got["丰田 04152-YZZA6"]["description"] == "机油滤清器"
    assert got["丰田 17801-0H050"]["retail_price"] == 8800


def test_a_bad_price_an_empty_part_number_and_a_duplicate_line_write_nothing(db, owner, tmp_path):
    brands_before, audit_before = count_rows(db, Brand), audit_entries(db)
    rows = [
        ["Toyota", "04152-YZZA6", "Oil filter", "56.50"],
        ["Toyota", "17801-0H050", "Air filter", "12,5x"],
        ["Toyota", "", "Wiper", "30"],
        ["Toyota", "04152 yzza6", "Oil filter again", "57"],
        ["NewBrand", "X-1", "Fine part", "1.234"],
    ]
    path = write_xlsx(tmp_path / "prices.xlsx", ["brand", "part_number", "description", "retail_price"], rows)
    summary = run(db, owner, path, "price-list")
    assert not summary.written
    assert count_rows(db, Part) == 0 and count_rows(db, Brand) == brands_before
    assert audit_entries(db) == audit_before
    assert {(e.row, e.field) for e in summary.errors} == {
        (3, "retail_price"), (4, "part_number"), (5, "part_number"), (6, "retail_price")}
    assert summary.error_rows == 4 and summary.inserted == 0 and summary.extra.get("new_brands", []) == []
    assert summary.report == tmp_path / "prices.errors.xlsx"
    sheet = load_workbook(summary.report).active
    report = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert report[0] == ("Row", "Field", "Problem", "Value")
    by_row = {r[0]: r for r in report[1:]}
    assert by_row[3][1] == "Retail price" and "not a number" in by_row[3][2] and by_row[3][3] == "12,5x"
    assert by_row[4][1:3] == ("Part number", "is empty")
    assert "row 2" in by_row[5][2]
    assert "decimal places" in by_row[6][2]


def test_a_part_number_excel_put_in_scientific_notation_is_refused_with_the_reason(db, owner, tmp_path):
    path = write_csv(tmp_path / "sci.csv", ["brand", "part_number", "description", "retail_price"],
                     [["Bosch", "1.23457E+11", "Sensor", "10"]])
    summary = run(db, owner, path, "price-list", report=tmp_path / "report.csv")
    (error,) = summary.errors
    assert error.field == "part_number" and "scientific notation" in error.message and error.value == "1.23457E+11"
    assert count_rows(db, Part) == 0


def test_reimporting_the_same_file_changes_nothing(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE)
    run(db, owner, path, "parts")
    before = parts(db)
    again = run(db, owner, path, "parts")
    assert (again.rows, again.unchanged, again.inserted, again.updated) == (3, 3, 0, 0)
    assert again.extra.get("supersessions", 0) == 0
    assert again.extra.get("new_brands", []) == []
    assert parts(db) == before


def test_a_dry_run_checks_and_counts_but_writes_nothing(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE)
    audit_before = audit_entries(db)
    summary = run(db, owner, path, "parts", dry_run=True)
    assert summary.inserted == 3
    assert (summary.extra["new_brands"], summary.extra["supersessions"]) == (["Toyota", "Bosch"], 1)
    assert not summary.written
    assert count_rows(db, Part) == 0 and audit_entries(db) == audit_before


def test_a_price_list_updates_prices_adds_parts_and_reports_supersessions(db, owner, tmp_path):
    run(db, owner, write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE), "parts")
    rows = [["Toyota", "04152-YZZA6", "OIL FILTER ASSY", "59.00", "04152-YZZA7"],
            ["Toyota", "04152-YZZA7", "OIL FILTER ASSY NEW", "61", ""],
            ["Bosch", "0986452044", "Oil filter", "48", ""]]
    path = write_xlsx(tmp_path / "toyota.xlsx", ["brand", "part_number", "description", "retail_price",
                                                 "superseded_by"], rows)
    summary = run(db, owner, path, "price-list")
    assert (summary.inserted, summary.updated, summary.unchanged, summary.extra["supersessions"]) == (1, 1, 1, 1)
    got = parts(db)
    old = got["Toyota 04152-YZZA6"]
    assert old["retail_price"] == 5900 and old["description"] == "Oil filter"  # a price file sets prices only
    assert old["superseded_by_id"] == got["Toyota 04152-YZZA7"]["id"]
    with db.read() as conn:
        assert catalogue.resolve_supersession(conn, got["Toyota 90915-YZZE1"]["id"]) == got["Toyota 04152-YZZA7"]["id"]


def test_a_supersession_that_would_loop_or_names_an_unknown_part_is_refused(db, owner, tmp_path):
    run(db, owner, write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE), "parts")
    rows = [["Toyota", "04152-YZZA6", "Oil filter", "56.50", "90915-YZZE1"],
            ["Toyota", "17801-0H050", "Air filter", "88", "NO-SUCH"]]
    path = write_xlsx(tmp_path / "loop.xlsx", ["brand", "part_number", "description", "retail_price",
                                               "superseded_by"], rows)
    summary = run(db, owner, path, "price-list")
    assert {(e.row, e.field) for e in summary.errors} == {(2, "superseded_by"), (3, "superseded_by")}
    assert "loop" in summary.errors[0].message or "loop" in summary.errors[1].message
    assert count_rows(db, Part) == 3


def test_a_file_without_a_required_column_is_refused_in_one_line(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", ["brand", "description"], [["Toyota", "Oil filter"]])
    with pytest.raises(ValidationError) as info:
        run(db, owner, path, "price-list")
    assert info.value.field == "mapping" and "part_number" in info.value.message


def test_a_preset_mapping_is_remembered_by_name(db, owner, tmp_path):
    mapping = {"brand": "Make", "part_number": "Ref", "description": "Text", "retail_price": "RRP"}
    save_preset(db, owner, "price-list", "Supplier A", mapping)
    assert load_preset(db, "price-list", "Supplier A") == mapping
    assert framework.list_presets(db, "price-list") == ["Supplier A"]
    path = write_xlsx(tmp_path / "a.xlsx", ["Make", "Ref", "Text", "RRP"], [["Toyota", "A-1", "Thing", "5"]])
    summary = run(db, owner, path, "price-list", load_preset(db, "price-list", "Supplier A"))
    assert summary.inserted == 1


def test_preview_shows_each_rows_action_or_errors_and_writes_nothing(db, owner, tmp_path):
    rows = [*CATALOGUE, ["Toyota", "BAD-1", "Bad", "", "abc", "", ""]]
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, rows)
    shown = preview(db, owner, path, "parts", limit=2)
    assert [r.action for r in shown.rows] == ["insert", "insert"]
    assert shown.summary.rows == 4 and [(e.row, e.field) for e in shown.summary.errors] == [(5, "retail_price")]
    assert shown.mapping["retail_price"] == "retail_price"
    assert count_rows(db, Part) == 0 and shown.summary.report is None


def test_importing_needs_the_import_permission(db, actor_for, tmp_path):
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE)
    with pytest.raises(PermissionDenied):
        run(db, actor_for("technician"), path, "parts")


def test_a_cancelled_import_writes_nothing(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        run(db, owner, path, "parts", cancel=token)
    assert count_rows(db, Part) == 0 and count_rows(db, Brand) == 0


def test_counted_figures_are_entered_into_the_open_stock_count(db, owner, tmp_path):
    run(db, owner, write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE), "parts")
    ids = {k: v["id"] for k, v in parts(db).items()}
    stock.adjust(db, owner, ids["Bosch 0 986 452 044"], 4000, "opening stock", unit_cost=2500)
    count_id = counts.start_count(db, owner)
    path = write_csv(tmp_path / "count.csv", ["品牌", "配件号", "盘点数"],
                     [["Bosch", "0986452044", "3"], ["Toyota", "04152-YZZA6", "1.5"]])
    summary = run(db, owner, path, "stock-count")
    assert (summary.updated, summary.unchanged, summary.errors) == (2, 0, [])
    view = counts.get_count(db, owner, count_id)
    line = next(x for x in view.lines if x.part_id == ids["Bosch 0 986 452 044"])
    assert (line.counted, line.expected) == (3000, 4000)
    assert run(db, owner, path, "stock-count").unchanged == 2
    unknown = write_csv(tmp_path / "unknown.csv", ["brand", "part_number", "counted"], [["Bosch", "NOPE", "1"]])
    assert [(e.row, e.field) for e in run(db, owner, unknown, "stock-count").errors] == [(2, "part_number")]
    assert count_rows(db, StockCountLine) == 2  # the superseded part is not counted


# --- exporting -------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_catalogue_edited_in_excel_imports_again_cleanly(db, owner, tmp_path, suffix):
    rows = [*CATALOGUE, ["Bosch", "1234567", "Plug", "", "9.90", "5", ""]]
    run(db, owner, write_xlsx(tmp_path / "cat.xlsx", HEADERS, rows), "parts")
    before = parts(db)
    out = tmp_path / f"export{suffix}"
    assert exports.export_parts(db, owner, out) == 4
    table = read_table(out)
    assert table.headers[:7] == HEADERS
    unchanged = run(db, owner, out, "parts")
    assert (unchanged.unchanged, unchanged.inserted, unchanged.updated) == (4, 0, 0)
    assert parts(db) == before
    if suffix == ".xlsx":
        wb = load_workbook(out)
        ws = wb.active
        for row in ws.iter_rows(min_row=2):
            if row[1].value == "04152-YZZA6":
                row[4].value = 60.1
        wb.save(out)
        edited = run(db, owner, out, "parts")
        assert (edited.updated, edited.unchanged) == (1, 3)
        assert parts(db)["Toyota 04152-YZZA6"]["retail_price"] == 6010


def test_stock_is_exported_with_the_stock_columns(db, owner, tmp_path):
    run(db, owner, write_xlsx(tmp_path / "cat.xlsx", HEADERS, CATALOGUE), "parts")
    part_id = parts(db)["Bosch 0 986 452 044"]["id"]
    stock.adjust(db, owner, part_id, 2500, "opening stock", unit_cost=2550)
    out = tmp_path / "stock.csv"
    assert exports.export_stock(db, owner, out) == 3
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["brand", "part_number", "bin", "on_hand", "reserved", "available", "average_cost"]
    assert ["Bosch", "0 986 452 044", "", "2.5", "0", "2.5", "25.50"] in rows


def test_a_price_change_leaves_the_search_documents_alone_and_a_new_description_reindexes(db, owner, tmp_path):
    from services import search
    from services.imports import framework
    from services.parts.imports import PARTS

    path = tmp_path / "parts.csv"
    path.write_text("brand,part_number,description,retail_price\nBosch,0 986 452 041,Oil filter,68.00\n",
                    encoding="utf-8")
    framework.run(db, owner, path, PARTS.name, framework.auto_mapping(PARTS, ["brand", "part_number",
                                                                              "description", "retail_price"]))
    with db.read() as conn:
        before = conn.exec_driver_sql("SELECT id, title FROM search_doc WHERE kind = 'part'").fetchall()
    path.write_text("brand,part_number,description,retail_price\nBosch,0 986 452 041,Oil filter,72.00\n",
                    encoding="utf-8")
    framework.run(db, owner, path, PARTS.name, framework.auto_mapping(PARTS, ["brand", "part_number",
                                                                              "description", "retail_price"]))
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT id, title FROM search_doc WHERE kind = 'part'").fetchall() == before
    path.write_text("brand,part_number,description,retail_price\nBosch,0 986 452 041,机油滤清器,72.00\n",
                    encoding="utf-8")
    framework.run(db, owner, path, PARTS.name, framework.auto_mapping(PARTS, ["brand", "part_number",
                                                                              "description", "retail_price"]))
    assert [h.title for h in search.search(db, owner, "机油", kinds=("part",))] == ["Bosch 0 986 452 041 机油滤清器"]


def test_the_error_report_speaks_the_language_it_is_given(db, owner, tmp_path):
    words = {("Service", "Row"): "行", ("Service", "Field"): "字段", ("Service", "Problem"): "问题",
             ("Service", "Value"): "值", ("Field", "Part number"): "零件号", ("Service", "is empty"): "为空"}
    path = write_csv(tmp_path / "prices.csv", ["brand", "part_number", "description", "retail_price"],
                     [["Bosch", "", "Sensor", "10"]])
    summary = run(db, owner, path, "price-list", translate=lambda context, text: words.get((context, text), text))
    sheet = load_workbook(summary.report).active
    report = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert report[0] == ("行", "字段", "问题", "值")
    assert report[1][1:3] == ("零件号", "为空")


@pytest.mark.parametrize("new_parts", [3, 600])  # below and above search.BULK_INDEX_MIN
def test_new_parts_are_indexed_as_a_rebuild_from_the_database_would_index_them(db, owner, tmp_path, new_parts):
    """The import indexes new parts from the values it writes rather than reading them back; the
    documents must be exactly what the search kind's own SQL would make (brand as stored, not as the
    file spells it), and the full-text indexes must find them."""
    from services import search
    from store.uow import UnitOfWork

    write_xlsx(tmp_path / "seed.xlsx", HEADERS, CATALOGUE)
    run(db, owner, tmp_path / "seed.xlsx", "parts")
    rows = [["BOSCH", f"1 987 {i:05d}", f"Brake pad set {i}", "Brakes", "120", "60", ""] for i in range(new_parts)]
    run(db, owner, write_xlsx(tmp_path / "new.xlsx", HEADERS, rows), "price-list")
    query = "SELECT kind, ref_id, title, detail, body, grams FROM search_doc WHERE kind = 'part' ORDER BY ref_id"
    with db.read() as conn:
        imported = conn.exec_driver_sql(query).fetchall()
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM part")]
    with UnitOfWork(db, owner) as uow:
        search.index(uow.connection, "part", ids)
        rebuilt = uow.connection.exec_driver_sql(query).fetchall()
    assert len(imported) == len(CATALOGUE) + new_parts
    assert imported == rebuilt
    assert all(r[2].startswith("Bosch ") for r in imported if "Brake pad" in r[2])
    hits = search.search(db, owner, f"1 987 {new_parts - 1:05d}", kinds=("part",))
    assert [h.title for h in hits] == [f"Bosch 1 987 {new_parts - 1:05d} Brake pad set {new_parts - 1}"]


def test_a_bulk_import_refreshes_the_planners_statistics_of_what_it_grew(db, db_path, owner, tmp_path):
    """Statistics taken when the catalogue was small make SQLite scan where it should seek once the
    catalogue has grown fifty-fold; an import that writes thousands of rows re-samples them."""
    import sqlite3

    write_xlsx(tmp_path / "seed.xlsx", HEADERS, CATALOGUE)
    run(db, owner, tmp_path / "seed.xlsx", "parts")
    raw = sqlite3.connect(db_path)
    raw.execute("ANALYZE part")
    raw.commit()
    rows_in_stats = "SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE tbl = 'part' AND idx = 'ix_part_number_key'"
    assert raw.execute(rows_in_stats).fetchone()[0] == len(CATALOGUE)
    rows = [["Bosch", f"1 987 {i:05d}", f"Brake pad set {i}", "", "120", "60", ""] for i in range(3000)]
    run(db, owner, write_xlsx(tmp_path / "new.xlsx", HEADERS, rows), "price-list")
    # Sampled (analysis_limit), so an estimate: near 3,003 rather than 3.
    assert raw.execute(rows_in_stats).fetchone()[0] > 1000
    raw.close()


# --- defects found by users, as classes across every import kind ---------------------------------

def _parsed(db, owner, path: Path, kind_name: str) -> list[framework.RowResult]:
    """Every row of ``path`` parsed as ``kind_name`` would parse it (before any planning)."""
    table = read_table(path)
    kind = import_kind(kind_name)
    columns = framework.check_mapping(kind, table.headers, auto_mapping(kind, table.headers))
    context = framework.Context(currency="CNY", actor=owner, file=path.name)
    return framework.parse_rows(table, kind, columns, context)


def _errors(rows: list[framework.RowResult]) -> dict[tuple[int, str], framework.RowError]:
    return {(e.row, e.field): e for r in rows for e in r.errors}


VIN = chinese_vin(1)
# (kind, headers, a good row, the number field, the code fields) for every import kind
NUMBER_KINDS = [
    ("labour-ops", ["code", "description", "standard_hours"], ["A-1", "Brakes", "1"], "standard_hours"),
    ("parts", ["brand", "part_number", "description", "retail_price"], ["Toyota", "A-1", "Filter", "1"],
     "retail_price"),
    ("price-list", ["brand", "part_number", "description", "retail_price", "cost"],
     ["Toyota", "A-1", "Filter", "2", "1"], "cost"),
    ("stock-count", ["brand", "part_number", "counted"], ["Toyota", "A-1", "1"], "counted"),
]
CODE_KINDS = [
    ("labour-ops", ["code", "description"], ["A-1", "Brakes"], ["code"]),
    ("parts", ["brand", "part_number", "description", "barcode", "superseded_by"],
     ["Toyota", "A-1", "Filter", "690123", "B-2"], ["part_number", "barcode", "superseded_by"]),
    ("campaigns", ["code", "title", "vin"], ["RC-1", "Airbag", VIN], ["code"]),
    ("surveys", ["repair_order_number", "score"], ["RO-1", "9"], ["repair_order_number"]),
]


@pytest.mark.parametrize("writer", [write_xlsx, write_csv], ids=["xlsx", "csv"])
@pytest.mark.parametrize(("kind", "headers", "good", "number"), NUMBER_KINDS, ids=[k[0] for k in NUMBER_KINDS])
def test_a_decimal_comma_is_refused_in_every_number_field_and_never_read_as_thousands(
        db, owner, tmp_path, writer, kind, headers, good, number):
    at = headers.index(number)
    rows = [[*good[:at], value, *good[at + 1:]] for value in ("1,5", "1,000", "1,000.25", "1.5", "1,50")]
    for i, row in enumerate(rows):
        row[1] = f"{row[1]}{i}"  # each row its own key
    path = writer(tmp_path / f"numbers.{writer.__name__[-4:].lstrip('_')}", headers, rows)
    parsed = _parsed(db, owner, path, kind)
    errors = _errors(parsed)
    for row in (2, 6):
        message = errors[(row, number)].message
        assert "comma" in message and "point" in message, message
    assert errors[(2, number)].value == "1,5" and errors[(6, number)].value == "1,50"
    scale = {"standard_hours": 100, "counted": 1000}.get(number, 100)
    if number == "standard_hours":  # at most 1,000 hours
        assert "more than 1000" in errors[(4, number)].message
        assert [r.values.get(number) for r in parsed[1:4]] == [1000 * scale, None, 3 * scale // 2]
    else:
        assert [r.values.get(number) for r in parsed[1:4]] == [1000 * scale, 1000 * scale + scale // 4, 3 * scale // 2]


def test_labour_hours_of_1_comma_5_never_become_15_hours(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "ops.xlsx", ["code", "description", "standard_hours"], [["FM-030", "Brakes", "1,5"]])
    summary = run(db, owner, path, "labour-ops")
    assert not summary.written
    [error] = summary.errors
    assert (error.row, error.field, error.value) == (2, "standard_hours", "1,5")
    assert "point" in error.message


@pytest.mark.parametrize("writer", [write_xlsx, write_csv], ids=["xlsx", "csv"])
@pytest.mark.parametrize(("kind", "headers", "good", "codes"), CODE_KINDS, ids=[k[0] for k in CODE_KINDS])
def test_a_code_with_no_letter_or_digit_is_refused_in_every_code_field(db, owner, tmp_path, writer, kind, headers,
                                                                       good, codes):
    rows = [list(good)]
    for i, name in enumerate(codes):
        row = list(good)
        row[headers.index(name)] = ("***", "- -", "#")[i % 3]
        if name != headers[1] and headers[1] not in codes:
            row[1] = f"{row[1]}{i}"
        rows.append(row)
    path = writer(tmp_path / f"codes.{'xlsx' if writer is write_xlsx else 'csv'}", headers, rows)
    errors = _errors(_parsed(db, owner, path, kind))
    for i, name in enumerate(codes):
        error = errors[(3 + i, name)]
        assert "has no letters or digits" in error.message and error.value == ("***", "- -", "#")[i % 3]
    assert not any(row == 2 for row, _field in errors)


def test_the_code_stars_is_refused_by_the_import_and_nothing_is_written(db, owner, tmp_path):
    path = write_csv(tmp_path / "ops.csv", ["code", "description", "standard_hours"], [["***", "Brakes", "1"]])
    summary = run(db, owner, path, "labour-ops")
    assert not summary.written and [(e.row, e.field, e.value) for e in summary.errors] == [(2, "code", "***")]


def _formula_workbook(path: Path, headers: list, rows: list[list]) -> Path:
    """An .xlsx as openpyxl writes one: formulas without the values Excel would store beside them."""
    return write_xlsx(path, headers, rows)


@pytest.mark.parametrize(("kind", "headers", "row", "field"), [
    ("labour-ops", ["code", "description", "standard_hours"], ["A-1", "Brakes", "=1+1"], "standard_hours"),
    ("parts", ["brand", "part_number", "description", "retail_price"], ["Toyota", "A-1", "Filter", "=C2*2"],
     "retail_price"),
    ("parts", ["brand", "part_number", "description"], ["Toyota", '="A-"&1', "Filter"], "part_number"),
    ("campaigns", ["code", "title", "vin"], ["RC-1", "=UPPER(\"x\")", VIN], "title"),
])
def test_a_formula_without_its_value_is_refused_naming_row_and_field(db, owner, tmp_path, kind, headers, row, field):
    path = _formula_workbook(tmp_path / "formulas.xlsx", headers, [row])
    # The reader gives such a cell as empty text: the import must not take it for no value.
    assert load_workbook(path).active.cell(2, headers.index(field) + 1).data_type == "f"
    errors = _errors(_parsed(db, owner, path, kind))
    error = errors[(2, field)]
    assert "formula without its value" in error.message and "save it" in error.message
    assert error.value.startswith("=")


def test_labour_hours_given_by_a_formula_without_a_value_are_not_imported_as_0(db, owner, tmp_path):
    path = _formula_workbook(tmp_path / "ops.xlsx", ["code", "description", "standard_hours"],
                             [["A-1", "Brakes", "=0.5*3"], ["A-2", "Clutch", 2]])
    summary = run(db, owner, path, "labour-ops")
    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(2, "standard_hours")]


def test_a_formula_with_its_stored_value_is_read_as_that_value(db, owner, tmp_path):
    """A workbook Excel saved holds each formula's value too; that value is imported."""
    import zipfile

    path = write_xlsx(tmp_path / "ops.xlsx", ["code", "description", "standard_hours"], [["A-1", "Brakes", "=1+0.5"]])
    # Put the value Excel would have stored beside the formula.
    with zipfile.ZipFile(path) as z:
        parts_ = {n: z.read(n) for n in z.namelist()}
    sheet = parts_["xl/worksheets/sheet1.xml"].decode()
    assert "<v />" in sheet or "<v/>" in sheet
    parts_["xl/worksheets/sheet1.xml"] = sheet.replace("<v />", "<v>1.5</v>").replace("<v/>", "<v>1.5</v>").encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts_.items():
            z.writestr(name, data)
    [row] = _parsed(db, owner, path, "labour-ops")
    assert row.ok and row.values["standard_hours"] == 150


@pytest.mark.parametrize("writer", [write_xlsx, write_csv], ids=["xlsx", "csv"])
def test_the_error_report_always_shows_the_value_as_found(db, owner, tmp_path, writer):
    suffix = "xlsx" if writer is write_xlsx else "csv"
    path = writer(tmp_path / f"badhours.{suffix}", ["code", "description", "standard_hours"],
                  [["A-1", "Brakes", "1.234"], ["A-2", "Clutch", "5000"], ["A-3", "Oil", 5000],
                   ["***", "Wipers", "1"], ["A-1", "Again", "1"]])
    summary = run(db, owner, path, "labour-ops")
    assert not summary.written
    report = [tuple(r) for r in load_workbook(summary.report).active.iter_rows(values_only=True)][1:]
    values = {(r[0], r[3]) for r in report}
    assert values == {(2, "1.234"), (3, "5000"), (4, "5000"), (5, "***"), (6, "A-1")}
    assert all(r[3] not in (None, "") for r in report)


def test_a_repeated_row_names_its_key_without_a_stray_space(db, owner, tmp_path):
    path = write_csv(tmp_path / "ops.csv", ["code", "description"], [["fm-030", "Brakes"], ["FM-030", "Again"]])
    summary = run(db, owner, path, "labour-ops")
    [error] = summary.errors
    assert "repeats row 2 (FM-030)" in error.message or "repeats row 2 (fm-030)" in error.message
    assert "( " not in error.message and " )" not in error.message
    path = write_csv(tmp_path / "ops2.csv", ["code", "description", "model_family"],
                     [["fm-030", "Brakes", "Lavida"], ["FM-030", "Again", "Lavida"]])
    [error] = run(db, owner, path, "labour-ops").errors
    assert "(Lavida FM-030)" in error.message or "(Lavida fm-030)" in error.message


@pytest.mark.parametrize("writer", [write_xlsx, write_csv], ids=["xlsx", "csv"])
@pytest.mark.parametrize("kind", ["labour-ops", "parts", "campaigns", "surveys"])
def test_a_file_with_only_a_header_row_is_refused_naming_the_file(db, owner, tmp_path, writer, kind):
    headers = {"labour-ops": ["code", "description"], "parts": ["brand", "part_number", "description"],
               "campaigns": ["code", "title", "vin"], "surveys": ["repair_order_number", "score"]}[kind]
    path = writer(tmp_path / f"headers-only.{'xlsx' if writer is write_xlsx else 'csv'}", headers, [])
    before = audit_entries(db)
    for check in (lambda: run(db, owner, path, kind), lambda: preview(db, owner, path, kind)):
        with pytest.raises(ValidationError) as refused:
            check()
        assert refused.value.field == "file"
        assert path.name in refused.value.detail and "no data rows" in refused.value.detail
    assert audit_entries(db) == before


def test_one_report_lists_every_bad_field_and_row_in_one_pass(db, owner, tmp_path):
    # Row 2: bad hours and a code with no letters; row 3: a decimal comma; row 4: a repeat of row 5's
    # key with bad hours as well; row 6: fine; row 7: a description too long.
    path = write_xlsx(tmp_path / "ops.xlsx", ["code", "description", "standard_hours"],
                      [["***", "Brakes", "1.234"], ["A-2", "Clutch", "1,5"], ["A-3", "Oil", "x"],
                       ["A-3", "Oil again", "abc"], ["A-6", "Fine", "1"], ["A-7", "x" * 301, "1"]])
    summary = run(db, owner, path, "labour-ops")
    assert not summary.written
    assert {(e.row, e.field) for e in summary.errors} == {
        (2, "code"), (2, "standard_hours"), (3, "standard_hours"), (4, "standard_hours"), (5, "standard_hours"),
        (5, "code"), (7, "description")}


def test_campaign_vins_and_survey_scores_are_checked_with_the_other_fields(db, owner, tmp_path):
    path = write_csv(tmp_path / "recall.csv", ["code", "title", "vin"], [["***", "Airbag", "LSVAU2180N21234"]])
    errors = {(e.row, e.field) for e in run(db, owner, path, "campaigns").errors}
    assert errors == {(2, "code"), (2, "vin")}
    path = write_csv(tmp_path / "answers.csv", ["repair_order_number", "score"], [["***", "11"], ["RO-1", "7,5"]])
    errors = {(e.row, e.field) for e in run(db, owner, path, "surveys").errors}
    assert errors == {(2, "repair_order_number"), (2, "score"), (3, "score")}
