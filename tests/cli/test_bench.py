"""The benchmark's own logic, on a tiny database: ratio targets, the price list it generates, and the
import it times with change capture on and off."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app import bench
from services.imports import framework as imports
from services.parts import catalogue
from services.parts.catalogue import PartInput
from services.parts.imports import PRICE_LIST
from tests.services.samples import raw_rows

ROWS = 40


@pytest.fixture
def small_list(monkeypatch) -> None:
    monkeypatch.setattr(bench, "PRICE_LIST_ROWS", ROWS)


@pytest.fixture
def with_parts(db, owner, db_path) -> Path:
    for n in range(6):
        catalogue.create_part(db, owner, PartInput(brand="Bosch" if n % 2 else "Mann", part_number=f"F-{n}",
                                                   description=f"Filter {n}", retail_price=1000 + n,
                                                   trade_price=800, list_cost=500))
    return db_path


def test_a_ratio_target_judges_the_median_over_the_baseline_and_travels_in_the_json():
    within = bench._result("x", [110, 120, 130], [100, 100, 100], None, target_ratio=1.3)
    beyond = bench._result("x", [140, 150, 160], [100, 100, 100], None, target_ratio=1.3)
    assert (within.ratio, within.met) == (1.2, True)
    assert (beyond.ratio, beyond.met) == (1.5, False)
    assert asdict(within)["target_ratio"] == 1.3
    assert bench._result("y", [10.0], [5.0], 20).met is True


def test_the_price_list_has_its_rows_even_from_a_smaller_catalogue_and_no_part_twice(with_parts, small_list):
    xlsx = bench._price_list(with_parts, log=lambda _m: None)
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()[1:]
    assert len(rows) == ROWS
    keys = [(brand, catalogue.normalize_number(str(number))) for brand, number, *_ in rows]
    assert len(set(keys)) == ROWS
    existing = {(b, k) for b, k in raw_rows(with_parts, "SELECT b.name, p.number_key FROM part p "
                                                         "JOIN brand b ON b.id = p.brand_id")}
    assert len(existing & set(keys)) == len(existing) == 6


def test_the_timed_import_captures_changes_on_the_copy_only_when_capture_is_on(with_parts, owner, small_list,
                                                                              tmp_path):
    imports.import_kind(PRICE_LIST.name)
    xlsx = bench._price_list(with_parts, log=lambda _m: None)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    before = raw_rows(with_parts, "SELECT count(*) FROM sync_outbox")
    assert bench._import_price_list(with_parts, scratch, owner, imports, xlsx, capture_on=True) > 0
    assert bench._import_price_list(with_parts, scratch, owner, imports, xlsx, capture_on=False) > 0
    # Both ran on copies, which are gone; the bench database itself is as it was.
    assert list(scratch.iterdir()) == []
    assert raw_rows(with_parts, "SELECT count(*) FROM sync_outbox") == before
    assert raw_rows(with_parts, "SELECT count(*) FROM part") == [(6,)]


def test_the_export_memory_is_measured_on_exactly_the_rows_asked_for(with_parts, owner, tmp_path):
    source = bench._export_db(with_parts, tmp_path, 4)
    assert raw_rows(source, "SELECT count(*) FROM part") == [(4,)]
    peak = bench._export_peak_mb(source, tmp_path, owner)
    assert 0 < peak < 200
    assert (tmp_path / "memory.xlsx").stat().st_size > 0


def test_a_scratch_copy_is_on_disk_before_the_clock_starts(with_parts, tmp_path, monkeypatch):
    """Otherwise the first timed commit also writes out the copy, and the side that syncs first pays."""
    import os

    from app import bench_timing

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(bench_timing.os, "fsync", lambda fd: (synced.append(os.fstat(fd).st_size), real(fd)))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    copy = bench_timing._scratch_copy(with_parts, scratch)
    assert copy.read_bytes() == with_parts.read_bytes()
    assert synced == [copy.stat().st_size]
