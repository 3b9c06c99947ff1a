"""Time-ordered, globally unique ids (UUIDv7, RFC 9562) generated locally, offline."""

from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> str:
    """A UUIDv7 as 32 lowercase hex digits; ids made later in this process sort after earlier ones."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same (or earlier, clock stepped back) millisecond: keep order with a 12-bit counter
            # in rand_a and borrow the next millisecond when it overflows (RFC 9562 method 1).
            _counter += 1
            if _counter > 0xFFF:
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & 0x3FFF_FFFF_FFFF_FFFF
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    return f"{value:032x}"


def id_time_ms(value: str) -> int:
    """The millisecond timestamp embedded in an id made by :func:`new_id`."""
    return int(value[:12], 16)


def new_ids(count: int) -> list[str]:
    """``count`` ids as as many calls of :func:`new_id` in a row would make them (each later one
    sorting after the one before), made in one go: a bulk write's."""
    global _last_ms, _counter
    if count <= 0:
        return []
    rand = os.urandom(8 * count)
    stamps = []
    with _lock:
        ms = time.time_ns() // 1_000_000
        last, counter = _last_ms, _counter
        for _ in range(count):
            if ms > last:
                last, counter = ms, int.from_bytes(os.urandom(2), "big") & 0x3FF
            else:
                counter += 1
                if counter > 0xFFF:
                    last, counter = last + 1, 0
            stamps.append((last & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62)
        _last_ms, _counter = last, counter
    from_bytes = int.from_bytes
    return [f"{stamp | from_bytes(rand[i:i + 8], 'big') & 0x3FFF_FFFF_FFFF_FFFF:032x}"
            for i, stamp in zip(range(0, 8 * count, 8), stamps, strict=True)]
