"""``forecourt bench``: time named operations on a large demo database against raw baselines.

Each operation is run repeatedly; we report its median and p95 together with the median of a raw
baseline doing the same job in the same run (the bare SQL behind a search, a bare PySide6 window
for start-up), and their ratio. Targets come from the issues.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from app.paths import data_dir

ROOT = Path(__file__).resolve().parent.parent


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
            unit: str = "ms", use_p95_for_target: bool = False) -> Result:
    median = statistics.median(samples)
    p95 = _p95(samples)
    base = statistics.median(baseline) if baseline else None
    judged = p95 if use_p95_for_target else median
    return Result(name=name, median_ms=round(median, 3), p95_ms=round(p95, 3),
                  baseline_median_ms=round(base, 3) if base is not None else None,
                  ratio=round(median / base, 2) if base else None, target_ms=target,
                  met=(judged <= target) if target is not None else None, unit=unit, runs=len(samples))


# --- database ------------------------------------------------------------------------------------

def bench_db_path(size: str, seed: int) -> Path:
    return data_dir() / "bench" / f"forecourt-{size}-seed{seed}.db"


def ensure_db(size: str, seed: int, *, log: Callable[[str], None]) -> Path:
    from services import demo

    path = bench_db_path(size, seed)
    if path.exists():
        log(f"Reusing {path}")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    log(f"Building the {size} demo database at {path} …")
    started = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    demo.build(tmp, size=size, seed=seed)
    tmp.rename(path)
    log(f"Built in {time.perf_counter() - started:.1f} s")
    return path


# --- operations ----------------------------------------------------------------------------------

SEARCH_QUERIES = {
    "substring": None,  # filled from data: three letters from the middle of a customer name
    "chinese_2char": None,
    "surname_1char": "王",
    "phone_last4": None,
    "plate_fragment": None,
    "vin_fragment": None,
}


def _pick_queries(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        two = conn.execute("SELECT name FROM customer WHERE length(name) = 2 ORDER BY rowid LIMIT 1 OFFSET 500"
                           ).fetchone()
        latin = conn.execute("SELECT name FROM customer WHERE name GLOB '[A-Z]*' AND length(name) > 8 "
                             "ORDER BY rowid LIMIT 1 OFFSET 100").fetchone()
        phone = conn.execute("SELECT phone FROM customer WHERE phone != '' ORDER BY rowid LIMIT 1 OFFSET 777"
                             ).fetchone()
        plate = conn.execute("SELECT plate FROM vehicle WHERE plate != '' ORDER BY rowid LIMIT 1 OFFSET 999"
                             ).fetchone()
        vin = conn.execute("SELECT vin FROM vehicle ORDER BY rowid LIMIT 1 OFFSET 4321").fetchone()
    finally:
        conn.close()
    queries = {"surname_1char": "王"}
    if two:
        queries["chinese_2char"] = two[0]
    if latin:
        queries["substring"] = latin[0][2:6].lower()
    if phone:
        queries["phone_last4"] = phone[0][-4:]
    if plate:
        queries["plate_fragment"] = plate[0][-4:]
    if vin:
        queries["vin_fragment"] = vin[0][-6:]
    return queries


def bench_search(path: Path, actor, runs: int) -> list[Result]:
    from app.bootstrap import open_database
    from services import search

    db = open_database(path)
    raw = sqlite3.connect(path)
    results = []
    all_samples: list[float] = []
    all_base: list[float] = []
    try:
        for label, query in _pick_queries(path).items():
            built = search.match_sql(query)
            assert built is not None
            sql, params = built
            raw_sql = f"SELECT d.kind, d.ref_id, d.title, d.detail FROM search_doc d WHERE d.id IN ({sql}) LIMIT 50"
            hits = len(search.search(db, actor, query, limit=50))
            if not hits:
                raise RuntimeError(f"benchmark query {query!r} ({label}) finds nothing in {path}")
            samples = _time(lambda q=query: search.search(db, actor, q, limit=50), runs)
            base = _time(lambda s=raw_sql, p=params: raw.execute(s, p).fetchall(), runs)
            all_samples += samples
            all_base += base
            results.append(_result(f"global_search[{label}]", samples, base, 50, use_p95_for_target=True))
        results.insert(0, _result("global_search", all_samples, all_base, 50, use_p95_for_target=True))
    finally:
        raw.close()
        db.dispose()
    return results


def bench_lists(path: Path, actor, runs: int) -> list[Result]:
    from app.bootstrap import open_database
    from services import lists

    db = open_database(path)
    raw = sqlite3.connect(path)
    results = []
    cases = [
        ("customers", lists.ListState(), "SELECT id, name, kind, phone, email, city FROM customer "
                                         "ORDER BY name, rowid LIMIT 200"),
        ("customers_by_created_desc", lists.ListState(sort="created_at", descending=True),
         "SELECT id, name, phone FROM customer ORDER BY created_at DESC, rowid DESC LIMIT 200"),
        ("vehicles", lists.ListState(), "SELECT v.id, v.plate, v.vin, v.make, v.model, o.name FROM vehicle v "
                                        "LEFT JOIN customer o ON o.id = v.owner_id "
                                        "ORDER BY v.created_at DESC, v.rowid DESC LIMIT 200"),
        ("audit", lists.ListState(), "SELECT seq, at, actor FROM audit_entry ORDER BY seq DESC LIMIT 200"),
        ("customers_searched", lists.ListState(search="王"),
         "SELECT id, name, phone FROM customer WHERE id IN (SELECT ref_id FROM search_doc WHERE kind = 'customer' "
         "AND id IN (SELECT rowid FROM search_short WHERE search_short MATCH '\"王\"*')) "
         "ORDER BY name, rowid LIMIT 200"),
        ("vehicles_searched", lists.ListState(search="volkswagen"),
         "SELECT v.id, v.plate, v.vin FROM vehicle v WHERE v.id IN (SELECT ref_id FROM search_doc "
         "WHERE kind = 'vehicle' AND id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH '\"volkswagen\"')) "
         "ORDER BY v.created_at DESC, v.rowid DESC LIMIT 200"),
    ]
    try:
        for label, state, raw_sql in cases:
            name = "customers" if label.startswith("customers") else "vehicles" if label.startswith("vehicles") \
                else label
            samples = _time(lambda n=name, s=state: lists.fetch_page(db, actor, n, s, offset=0, limit=200), runs)
            base = _time(lambda s=raw_sql: raw.execute(s).fetchall(), runs)
            results.append(_result(f"list_first_page[{label}]", samples, base, 100))
        for name, raw_sql in (("customers", "SELECT count(*) FROM customer"),
                              ("vehicles", "SELECT count(*) FROM vehicle v LEFT JOIN customer o ON o.id = v.owner_id")):
            samples = _time(lambda n=name: lists.count(db, actor, n, lists.ListState()), runs)
            base = _time(lambda s=raw_sql: raw.execute(s).fetchall(), runs)
            results.append(_result(f"list_count[{name}]", samples, base, 100))
    finally:
        raw.close()
        db.dispose()
    return results


BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableWidget
app = QApplication(sys.argv[:1])
w = QTableWidget(50, 6)
class P(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            w.viewport().removeEventFilter(self)
            print(f"FIRST_PAINT 0 EPOCH {time.time():.4f} RSS_MB 0", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = P(); w.viewport().installEventFilter(p); w.show(); app.exec()
"""


def _launch(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("FIRST_PAINT"):
            parts = line.split()
            return (float(parts[3]) - started) * 1000, float(parts[5])
    raise RuntimeError(f"start-up run failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")


def bench_startup(path: Path, user: str, password: str, runs: int) -> list[Result]:
    env = {**os.environ, "FORECOURT_PASSWORD": password}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    app_cmd = [sys.executable, "-m", "app", "--db", str(path), "gui", "--user", user, "--exit-after-paint"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    samples, base, rss = [], [], []
    _launch(app_cmd, env)  # warm the OS file cache like a second start of the day
    for _ in range(runs):
        ms, mb = _launch(app_cmd, env)
        samples.append(ms)
        rss.append(mb)
        base.append(_launch(bare_cmd, env)[0])
    return [
        _result("cold_start_to_first_list", samples, base, 1500),
        _result("gui_memory_after_first_list", rss, None, 400, unit="MB"),
    ]


def run(*, size: str = "large", runs: int = 20, seed: int = 1, only: set[str] | None = None,
        log: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> list[Result]:
    from app.bootstrap import open_database
    from services import demo, users

    path = ensure_db(size, seed, log=log)
    owner = next(u for u in demo.DEMO_USERS if u[2] == "owner")
    db = open_database(path)
    actor = users.login(db, owner[0], owner[1])
    db.dispose()
    results: list[Result] = []
    if not only or "startup" in only:
        log("Timing start-up …")
        results += bench_startup(path, owner[0], owner[1], max(5, runs // 4))
    if not only or "search" in only:
        log("Timing global search …")
        results += bench_search(path, actor, runs)
    if not only or "lists" in only:
        log("Timing list pages …")
        results += bench_lists(path, actor, runs)
    return results


def main(args) -> int:
    only = set(args.only.split(",")) if getattr(args, "only", None) else None
    results = run(size=args.size, runs=args.runs, seed=getattr(args, "seed", 1), only=only)
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False))
    else:
        print(f"{'operation':42} {'median':>9} {'p95':>9} {'baseline':>9} {'ratio':>6} {'target':>7}  met")
        for r in results:
            base = f"{r.baseline_median_ms:9.2f}" if r.baseline_median_ms is not None else f"{'-':>9}"
            ratio = f"{r.ratio:6.2f}" if r.ratio is not None else f"{'-':>6}"
            target = f"{r.target_ms:7.0f}" if r.target_ms is not None else f"{'-':>7}"
            met = {True: "yes", False: "NO", None: "-"}[r.met]
            print(f"{r.name:42} {r.median_ms:9.2f} {r.p95_ms:9.2f} {base} {ratio} {target}  {met}  ({r.unit})")
    return 0 if all(r.met is not False for r in results) else 1
