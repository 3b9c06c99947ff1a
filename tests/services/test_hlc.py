"""The hybrid logical clock: stamps never go back, merges come after both sides, encodings sort as stamps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import hlc
from core.hlc import Stamp

# Around today, so that clocks standing still, stepping back and running ahead all meet.
NOW = 1_796_000_000_000
walls = st.integers(min_value=NOW - 10_000, max_value=NOW + 10_000)
counters = st.integers(min_value=0, max_value=hlc.COUNTER_MAX)
stamps = st.builds(Stamp, walls, counters)
any_stamps = st.builds(Stamp, st.integers(min_value=0, max_value=hlc.WALL_MAX - 1), counters)


@given(stamps, st.lists(walls, min_size=1, max_size=50))
def test_ticks_always_increase_whatever_the_wall_clock_does(start, wall_readings):
    last = start
    for wall in wall_readings:
        stamp = hlc.tick(last, wall)
        assert stamp > last
        assert stamp.wall_ms >= wall
        last = stamp


@given(walls, st.integers(min_value=0, max_value=1000), st.integers(min_value=hlc.COUNTER_MAX - 100,
                                                                     max_value=hlc.COUNTER_MAX),
       st.integers(min_value=1, max_value=300))
def test_a_clock_standing_still_or_behind_counts_on_and_carries_into_the_next_millisecond(wall, ahead, counter, n):
    last = Stamp(wall + ahead, counter)
    for _ in range(n):
        stamp = hlc.tick(last, wall)
        assert stamp > last
        assert hlc.pack(stamp) == hlc.pack(last) + 1
        last = stamp


def test_a_wall_clock_stepping_back_does_not_take_the_stamps_with_it():
    ahead = hlc.tick(hlc.ZERO, NOW + 3_600_000)
    later = hlc.tick(ahead, NOW)
    assert later == Stamp(NOW + 3_600_000, 1)


def test_a_full_counter_carries_into_the_wall_time():
    assert hlc.tick(Stamp(NOW, hlc.COUNTER_MAX), NOW) == Stamp(NOW + 1, 0)


@given(stamps, stamps, walls)
def test_a_merge_is_after_both_the_local_and_the_remote_stamp(local, remote, wall):
    merged = hlc.merge(local, remote, wall)
    assert merged > local
    assert merged > remote
    assert merged.wall_ms >= wall


@given(stamps, stamps, walls)
def test_a_merge_is_the_smallest_stamp_after_both_sides_and_the_wall_clock(local, remote, wall):
    # On packed stamps the classic HLC receive rule is max(local + 1, remote + 1, wall << 16).
    expected = max(hlc.pack(local) + 1, hlc.pack(remote) + 1, wall << hlc.COUNTER_BITS)
    assert hlc.pack(hlc.merge(local, remote, wall)) == expected


@given(stamps, walls)
def test_a_tick_on_packed_stamps_is_the_rule_the_capture_triggers_compute(last, wall):
    assert hlc.pack(hlc.tick(last, wall)) == max(hlc.pack(last) + 1, wall << hlc.COUNTER_BITS)


@given(any_stamps, any_stamps)
def test_encoding_order_is_stamp_order(a, b):
    assert (hlc.encode(a) < hlc.encode(b)) == (a < b)
    assert (hlc.pack(a) < hlc.pack(b)) == (a < b)
    assert len(hlc.encode(a)) == hlc.ENCODED_LENGTH


@given(any_stamps)
def test_encoding_and_packing_round_trip(stamp):
    assert hlc.decode(hlc.encode(stamp)) == stamp
    assert hlc.unpack(hlc.pack(stamp)) == stamp


def test_a_packed_stamp_fits_sqlite_s_signed_64_bit_integer():
    assert hlc.pack(Stamp(hlc.WALL_MAX, hlc.COUNTER_MAX)) < 2**63


@pytest.mark.parametrize("text", ["", "0x00000000000001", "+000000000000001", "0000_00000000001",
                                  "00000000000000ZZ", "00000000000000AB", " 000000000000001"])
def test_decoding_refuses_anything_encode_does_not_write(text):
    with pytest.raises(ValueError):
        hlc.decode(text)


@pytest.mark.parametrize(("wall", "counter"), [(-1, 0), (hlc.WALL_MAX + 1, 0), (0, -1), (0, hlc.COUNTER_MAX + 1)])
def test_a_stamp_outside_its_ranges_is_refused(wall, counter):
    with pytest.raises(ValueError):
        Stamp(wall, counter)
