"""What every ``forecourt bench`` measurement shares: a result judged against its target, and the
timing of an operation run repeatedly. Used by :mod:`app.bench` and the bench modules of the areas."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    name: str
    median_ms: float
    p95_ms: float
    baseline_median_ms: float | None
    ratio: float | None
    target_ms: float | None
    met: bool | None
    unit: str = "ms"
    runs: int = 0
    target_ratio: float | None = None


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def _time(fn: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _result(name: str, samples: list[float], baseline: list[float] | None, target: float | None, *,
            unit: str = "ms", use_p95_for_target: bool = False, target_ratio: float | None = None) -> Result:
    """A measurement judged against ``target`` (ms, the median or the p95) or, when given, against
    ``target_ratio`` (its median over the baseline's median)."""
    median = statistics.median(samples)
    p95 = _p95(samples)
    base = statistics.median(baseline) if baseline else None
    judged = p95 if use_p95_for_target else median
    ratio = median / base if base else None
    if target_ratio is not None:
        met = ratio <= target_ratio if ratio is not None else None
    else:
        met = (judged <= target) if target is not None else None
    return Result(name=name, median_ms=round(median, 3), p95_ms=round(p95, 3),
                  baseline_median_ms=round(base, 3) if base is not None else None,
                  ratio=round(ratio, 2) if ratio is not None else None, target_ms=target,
                  met=met, unit=unit, runs=len(samples), target_ratio=target_ratio)


def _scratch_copy(path: Path, directory: Path) -> Path:
    """A copy of the bench database in ``directory`` for operations that write."""
    raw = sqlite3.connect(path)
    try:
        # Everything committed must be in the main file before it is copied.
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    target = directory / path.name
    shutil.copyfile(path, target)
    # On disk before any timing starts: otherwise the timed operation's first sync (a commit's
    # checkpoint) writes out the whole copy too, and the cost falls on whichever side syncs first.
    with open(target, "rb+") as copy:
        os.fsync(copy.fileno())
    return target
