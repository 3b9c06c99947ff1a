"""Row ids: UUIDv7, unique and time-ordered, made locally without coordination."""

from __future__ import annotations

import itertools
import re
import threading
import time
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from core import ids

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def test_an_id_is_a_uuid_version_7_as_32_lowercase_hex_digits():
    value = ids.new_id()
    assert HEX32.match(value)
    parsed = uuid.UUID(hex=value)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122


def test_an_id_carries_the_time_it_was_made():
    before = time.time_ns() // 1_000_000
    value = ids.new_id()
    after = time.time_ns() // 1_000_000
    # A little slack: ids made faster than one per counter step may borrow the next milliseconds.
    assert before <= ids.id_time_ms(value) <= after + 50


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 5000))
def test_ids_made_in_a_row_are_unique_and_strictly_increasing(n):
    made = [ids.new_id() for _ in range(n)]
    assert len(set(made)) == n
    assert all(a < b for a, b in itertools.pairwise(made))


def test_ids_stay_ordered_when_the_clock_stands_still(monkeypatch):
    # More ids than the 12-bit counter holds within one millisecond.
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_counter", 0)
    frozen = 1_900_000_000_000 * 1_000_000
    monkeypatch.setattr(ids.time, "time_ns", lambda: frozen)
    made = [ids.new_id() for _ in range(10_000)]
    assert len(set(made)) == len(made)
    assert made == sorted(made)
    assert all(a < b for a, b in itertools.pairwise(made))
    assert all(uuid.UUID(hex=v).version == 7 for v in made[::997])


@settings(max_examples=50, deadline=None)
@given(steps=st.lists(st.integers(-5_000, 5_000), min_size=1, max_size=300))
def test_ids_stay_ordered_when_the_clock_jumps_back_and_forth(steps):
    clock = [1_900_000_000_000]
    real_time_ns, last_ms, counter = ids.time.time_ns, ids._last_ms, ids._counter
    ids._last_ms, ids._counter = 0, 0
    ids.time.time_ns = lambda: clock[0] * 1_000_000
    try:
        made = []
        for step in steps:
            clock[0] += step
            made.append(ids.new_id())
    finally:
        ids.time.time_ns, ids._last_ms, ids._counter = real_time_ns, last_ms, counter
    assert all(a < b for a, b in itertools.pairwise(made))


def test_ids_made_on_many_threads_at_once_never_collide():
    results: list[list[str]] = [[] for _ in range(8)]
    start = threading.Barrier(len(results))

    def work(out: list[str]) -> None:
        start.wait()
        out.extend(ids.new_id() for _ in range(3000))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [v for out in results for v in out]
    assert len(set(everything)) == len(everything) == 8 * 3000
    for out in results:
        # Each thread sees its own ids in the order it made them.
        assert out == sorted(out)
