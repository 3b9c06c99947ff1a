"""``forecourt import customers`` and ``forecourt export customers`` end to end, in a child process."""

from __future__ import annotations

import csv

import pytest

from tests.cli.test_cli import _query, run_cli
from tests.services.samples import credit_code, resident_id

pytestmark = pytest.mark.slow

ID = resident_id()


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_customers_round_trip_through_export_and_import_without_duplicates(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "in.csv"
    _write(source, [
        ["姓名", "手机", "邮箱", "身份证号", "公司", "地址", "城市", "客户等级", "标签", "营销许可"],
        ["王伟", "139 0000 0001", "ww@example.com", ID, "", "人民路 1 号", "上海", "a", "VIP，车队", "是"],
        ["=HYPERLINK(1)", "139 0000 0002", "", "", "", "", "", "", "", "否"],
        ["星河贸易有限公司", "021 6000 0000", "", "", "星河贸易有限公司", "", "上海", "B", "", ""],
    ])
    result = run_cli("import", "customers", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _query(db_path, "SELECT count(*) FROM customer") == [(3,)]
    assert _query(db_path, "SELECT grade, marketing_ok, marketing_since IS NOT NULL FROM customer WHERE name = '王伟'"
                  ) == [("A", 1, 1)]
    assert _query(db_path, "SELECT tag FROM customer_tag ORDER BY tag") == [("VIP",), ("车队",)]
    assert _query(db_path, "SELECT kind FROM customer WHERE name = '星河贸易有限公司'") == [("company",)]

    out = tmp_path / "out.csv"
    result = run_cli("export", "customers", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote 3 rows" in result.stdout
    rows = _rows(out)
    assert list(rows[0])[:6] == ["name", "phone", "email", "id_number", "company", "address"]
    assert {"grade", "tags", "city", "marketing_ok"} <= set(rows[0])
    by_name = {r["name"]: r for r in rows}
    assert by_name["王伟"]["id_number"] == ID  # the command line runs with every right
    assert by_name["星河贸易有限公司"]["company"] == "星河贸易有限公司"
    # A cell a spreadsheet would run as a formula is written as text.
    assert "'=HYPERLINK(1)" in by_name

    # The exported file read back changes nothing and adds no one.
    result = run_cli("import", "customers", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _query(db_path, "SELECT count(*) FROM customer") == [(3,)]
    # Edited and read again: updated in place.
    _write(source, [["name", "phone", "city", "tags"], ["王伟", "+86 139 0000 0001", "北京", "VIP"]])
    result = run_cli("import", "customers", str(source), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _query(db_path, "SELECT count(*), max(city) FROM customer WHERE name = '王伟'") == [(1, "北京")]
    assert _query(db_path, "SELECT tag FROM customer_tag ORDER BY tag") == [("VIP",)]


def test_an_export_with_customers_recorded_without_phone_or_id_reads_back_unchanged(tmp_path, db_path):
    import sqlite3

    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "in.csv"
    _write(source, [["name", "phone", "email", "tags"], ["王伟", "139 0000 0001", "", "VIP"],
                    ["李娜", "139 0000 0002", "a@example.com", ""], ["李娜", "139 0000 0003", "b@example.com", ""]])
    assert run_cli("import", "customers", str(source), home=home, db=db_path).returncode == 0
    with sqlite3.connect(db_path) as conn:  # typed on the customer screen without a phone
        conn.execute("UPDATE customer SET phone = ''")
    out = tmp_path / "out.csv"
    assert run_cli("export", "customers", str(out), home=home, db=db_path).returncode == 0
    result = run_cli("import", "customers", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "unchanged     3" in result.stdout and "updated       0" in result.stdout
    assert _query(db_path, "SELECT count(*) FROM customer") == [(3,)]
    # Changed in the file: the one of the two 李娜 with that e-mail is updated.
    rows = _rows(out)
    for r in rows:
        if r["email"] == "b@example.com":
            r["city"] = "杭州"
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("import", "customers", str(out), home=home, db=db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _query(db_path, "SELECT email FROM customer WHERE city = '杭州'") == [("b@example.com",)]
    assert _query(db_path, "SELECT count(*) FROM customer") == [(3,)]


def test_a_file_with_a_bad_row_imports_nothing_and_names_row_and_field(tmp_path, db_path):
    home = tmp_path / "home"
    home.mkdir()
    source = tmp_path / "bad.csv"
    _write(source, [
        ["name", "phone", "id_number", "company_reg", "grade"],
        ["甲", "139 0000 0001", "", "", ""],
        ["乙", "12345", "", "", ""],
        ["丙", "", "", credit_code()[:-1] + "0", ""],
        ["丁", "139 0000 0004", "", "", "Z"],
        ["戊", "", "", "", ""],
    ])
    result = run_cli("import", "customers", str(source), home=home, db=db_path)
    assert result.returncode != 0
    assert "row 3, Phone" in result.stdout
    assert "row 4, Credit code" in result.stdout
    assert "row 5, Grade" in result.stdout
    assert "row 6, Phone" in result.stdout
    assert _query(db_path, "SELECT count(*) FROM customer") == [(0,)]
