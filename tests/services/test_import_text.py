"""Imported text is what the file says: one encoding per file, no dates in text columns, look-alike
part numbers and brands matched as the same, and numbers too large to be meant refused by row and field."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import ValidationError
from models.parts import Brand, Part
from services.imports.framework import run
from services.imports.reader import read_table
from services.parts.catalogue import normalize_number
from tests.services.test_imports import CATALOGUE, HEADERS, count_rows, parts, write_xlsx

ROW_UTF8 = "丰田,04152-YZZA6,机油滤清器,,56.50,30,\n"
ROW_TWO = "丰田,90915-YZZE1,机油滤清器（旧）,,52,28.40,\n"


def test_a_utf8_csv_that_turns_gbk_part_way_is_refused_naming_that_line(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes((",".join(HEADERS) + "\n" + ROW_UTF8).encode("utf-8") + ROW_TWO.encode("gbk"))

    with pytest.raises(ValidationError) as err:
        read_table(path)

    assert err.value.field == "file"
    assert "mixed.csv: line 3 is not in UTF-8" in err.value.message


def test_a_gbk_csv_that_turns_utf8_part_way_is_refused_naming_that_line(tmp_path):
    path = tmp_path / "mixed.csv"
    lines = ",".join(HEADERS) + "\n"
    path.write_bytes(lines.encode("gbk") + ROW_UTF8.encode("gbk") + ROW_TWO.encode("utf-8"))

    with pytest.raises(ValidationError) as err:
        read_table(path)

    assert "mixed.csv: line 3 is not in GBK" in err.value.message


def test_a_bom_csv_that_turns_gbk_on_the_header_line_names_line_1(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "品牌,零件号\n".encode("gbk"))

    with pytest.raises(ValidationError, match="line 1 is not in UTF-8"):
        read_table(path)


def test_a_whole_gbk_file_with_an_ascii_header_still_reads(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((",".join(HEADERS) + "\n" + ROW_UTF8 + ROW_TWO).encode("gbk"))

    rows = [cells for _n, cells in read_table(path).rows]

    assert [r[2] for r in rows] == ["机油滤清器", "机油滤清器（旧）"]


def test_a_date_in_the_part_number_column_is_refused_naming_row_and_field(db, owner, tmp_path):
    path = write_xlsx(tmp_path / "dates.xlsx", HEADERS,
                      [CATALOGUE[0], ["Toyota", datetime(2024, 3, 10), "Clip", "", "1", "", ""]])

    summary = run(db, owner, path, "parts")

    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(3, "part_number")]
    assert "is a date (2024-03-10)" in summary.errors[0].message
    assert count_rows(db, Part) == 0


def test_look_alike_part_numbers_and_brands_update_rather_than_duplicate(db, owner, tmp_path):
    run(db, owner, write_xlsx(tmp_path / "a.xlsx", HEADERS, CATALOGUE), "parts")
    look_alikes = [
        ["Ｔｏｙｏｔａ\u200b", "０４１５２-ＹＺＺ\u00adA6", "Oil filter", "", "60", "", ""],
        ["\ufeffBosch", "0 986 452\u200d 044", "Oil filter", "", "50", "", ""],
    ]

    summary = run(db, owner, write_xlsx(tmp_path / "b.xlsx", HEADERS, look_alikes), "parts")

    assert summary.errors == [] and (summary.inserted, summary.updated) == (0, 2)
    assert count_rows(db, Part) == 3 and count_rows(db, Brand) == 2
    prices = {(r["brand"], r["number_key"]): r["retail_price"] for r in parts(db).values()}
    assert prices == {("Toyota", "04152yzza6"): 6000, ("Toyota", "90915yzze1"): 5200, ("Bosch", "0986452044"): 5000}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcXYZ019-", min_size=1, max_size=12),
       st.lists(st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]), max_size=3))
def test_invisible_characters_and_full_width_forms_never_change_the_key(number, invisible):
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in number)
    spoiled = "".join(invisible) + wide[:1] + "".join(invisible) + wide[1:]
    assert normalize_number(spoiled) == normalize_number(number)


@pytest.mark.parametrize("price", ["99999999999999999999", "1e300", 1e300])
def test_numbers_too_large_to_mean_anything_are_refused_naming_row_and_field(db, owner, tmp_path, price):
    path = write_xlsx(tmp_path / "big.xlsx", HEADERS, [CATALOGUE[0], ["Toyota", "X-1", "Clip", "", price, "", ""]])

    summary = run(db, owner, path, "parts")

    assert not summary.written
    assert [(e.row, e.field) for e in summary.errors] == [(3, "retail_price")]
    assert "too large" in summary.errors[0].message
    assert count_rows(db, Part) == 0


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.floats(min_value=0, max_value=1e12, allow_nan=False), st.integers(0, 10**12),
                 st.decimals(min_value=0, max_value=10**10, places=2).map(float)))
def test_a_number_cell_is_read_as_its_text_would_be(value):
    from services.imports import framework

    money = framework.Field("price", "Price", kind="money")
    quantity = framework.Field("qty", "Qty", kind="quantity")
    for f in (money, quantity):
        try:
            expected = framework._parse_value(f, framework.cell_text(value), "CNY")
        except ValidationError as exc:
            with pytest.raises(ValidationError) as err:
                framework._parse_value(f, value, "CNY")
            assert err.value.field == exc.field
        else:
            assert framework._parse_value(f, value, "CNY") == expected
