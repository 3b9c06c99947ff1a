"""``forecourt import vehicles`` and ``forecourt export vehicles`` end to end, in a child process:
the VIN is the natural key (a file imported again updates, never duplicates) and the stock columns
round-trip."""

from __future__ import annotations

import csv

import pytest

from tests.cli.test_cli import _query, run_cli
from tests.services.samples import chinese_vin

pytestmark = pytest.mark.slow

COLUMNS = ["vin", "make", "model", "model_year", "colour", "status", "stock_number", "variant", "fuel", "plate",
           "engine_number", "condition", "location", "arrived_on", "list_price"]


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_vehicles_import_then_export_round_trip_and_a_second_import_updates(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "vehicles.csv"
    source.write_text(
        "VIN,品牌,车型,年款,颜色,车牌,库存编号,状态,库位,指导价\n"
        f"{chinese_vin(1)},Volkswagen,Lavida,2026,白色,,S100,in_stock,展厅,129900\n"
        f"{chinese_vin(2)},Toyota,Camry,2024,黑色,沪AD12345,,,,\n", encoding="utf-8")
    result = run_cli("import", "vehicles", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _query(db_path, "SELECT count(*) FROM vehicle") == [(2,)]
    assert _query(db_path, "SELECT stock_number, status, location, list_price FROM stock_vehicle") == [
        ("S100", "in_stock", "展厅", 12_990_000)]
    assert _query(db_path, "SELECT to_status FROM stock_event") == [("in_stock",)]

    out = tmp_path / "out.csv"
    result = run_cli("export", "vehicles", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    rows = _rows(out)
    assert list(rows[0]) == COLUMNS
    by_vin = {r["vin"]: r for r in rows}
    assert (by_vin[chinese_vin(1)]["status"], by_vin[chinese_vin(1)]["stock_number"]) == ("in_stock", "S100")
    assert (by_vin[chinese_vin(2)]["status"], by_vin[chinese_vin(2)]["plate"]) == ("", "沪AD12345")
    assert by_vin[chinese_vin(1)]["list_price"] == "129900.00"

    # The exported file, edited, imports again: updates by VIN, never a second car.
    by_vin[chinese_vin(1)]["location"] = "B-12"
    by_vin[chinese_vin(2)]["colour"] = "灰色"
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(by_vin.values())
    result = run_cli("import", "vehicles", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert _query(db_path, "SELECT count(*) FROM vehicle") == [(2,)]
    assert _query(db_path, "SELECT count(*) FROM stock_vehicle") == [(1,)]
    assert _query(db_path, "SELECT location FROM stock_vehicle") == [("B-12",)]
    assert _query(db_path, f"SELECT colour FROM vehicle WHERE vin = '{chinese_vin(2)}'") == [("灰色",)]


def test_an_export_naming_reserved_and_sold_cars_reads_back_unchanged(tmp_path, db_path):
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "vehicles.csv"
    source.write_text(
        "vin,make,model,stock_number,status\n"
        f"{chinese_vin(1)},Volkswagen,Lavida,S100,in_stock\n"
        f"{chinese_vin(2)},Volkswagen,Lavida,S101,in_stock\n", encoding="utf-8")
    assert run_cli("import", "vehicles", str(source), home=home, db=db_path).returncode == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE stock_vehicle SET status = 'reserved' WHERE stock_number = 'S100'")
        conn.execute("UPDATE stock_vehicle SET status = 'sold' WHERE stock_number = 'S101'")
    out = tmp_path / "out.csv"
    assert run_cli("export", "vehicles", str(out), home=home, db=db_path).returncode == 0
    assert sorted(r["status"] for r in _rows(out)) == ["reserved", "sold"]
    result = run_cli("import", "vehicles", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _query(db_path, "SELECT stock_number, status FROM stock_vehicle ORDER BY stock_number") == [
        ("S100", "reserved"), ("S101", "sold")]
    # A car new to stock still arrives on order, in transit or in stock.
    source.write_text(f"vin,make,model,status\n{chinese_vin(3)},Volkswagen,Lavida,sold\n", encoding="utf-8")
    result = run_cli("import", "vehicles", str(source), home=home, db=db_path)
    assert result.returncode == 1
    assert "row 2, Status" in result.stdout
    assert _query(db_path, "SELECT count(*) FROM vehicle") == [(2,)]


def test_a_vehicles_file_with_a_wrong_plate_or_vin_writes_nothing(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "bad.csv"
    source.write_text(
        "vin,make,model,plate\n"
        f"{chinese_vin(1)},Volkswagen,Lavida,沪AO1234\n"
        "LSVAU2180N2OOOOO1,Volkswagen,Lavida,\n", encoding="utf-8")
    result = run_cli("import", "vehicles", str(source), home=home, db=db_path)
    assert result.returncode != 0
    assert "plate" in result.stdout + result.stderr
    assert _query(db_path, "SELECT count(*) FROM vehicle") == [(0,)]


def test_bench_times_the_stock_list_by_model_and_status_against_raw_sql(tmp_path):
    import json

    import demo

    path = tmp_path / "demo.db"
    demo.build(path, size="small", seed=5)
    home = tmp_path / "home"
    home.mkdir()
    result = run_cli("bench", "--only", "stock", "--runs", "3", "--json", home=home, db=path, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    [timing] = json.loads(result.stdout)
    assert timing["name"] == "stock_list[model+status]"
    assert timing["target_ms"] == 50 and timing["runs"] == 3 and timing["baseline_median_ms"] is not None
