"""The hybrid logical clock (HLC) that orders changes across terminals (DESIGN §6).

A stamp is a wall-clock time in milliseconds since the Unix epoch plus a logical counter. A terminal
stamps each local event with :func:`tick` and folds every stamp it receives into its clock with
:func:`merge`; stamps never go backwards, even when the computer's clock does, and a merged stamp is
after both the local and the remote one, so "last writer wins by HLC" picks the same winner on
every terminal.

A stamp packs into one integer, ``wall_ms << 16 | counter``, which SQLite stores and compares
natively; :func:`encode` gives the same order as fixed-width text. When the counter runs out within
one millisecond it carries into the wall time, so on packed stamps a tick is simply
``max(last + 1, wall_ms << 16)`` — the rule the capture triggers compute in SQL (``store/capture.py``).

Pure functions: safe on any thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
# 47 bits of milliseconds last until the year 6429 and keep a packed stamp a positive signed 64-bit
# integer, which is what SQLite's INTEGER holds.
WALL_BITS = 47
WALL_MAX = (1 << WALL_BITS) - 1
ENCODED_LENGTH = 16
_HEX_DIGITS = frozenset("0123456789abcdef")


@dataclass(frozen=True, order=True)
class Stamp:
    """One HLC stamp. Stamps order by wall time, then counter (the dataclass order)."""

    wall_ms: int
    counter: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms <= WALL_MAX:
            raise ValueError(f"HLC wall time {self.wall_ms} is outside 0..{WALL_MAX}")
        if not 0 <= self.counter <= COUNTER_MAX:
            raise ValueError(f"HLC counter {self.counter} is outside 0..{COUNTER_MAX}")


ZERO = Stamp(0, 0)


def wall_clock_ms() -> int:
    """This computer's clock in milliseconds since the Unix epoch (it may jump either way)."""
    return time.time_ns() // 1_000_000


def _after(wall_ms: int, counter: int) -> Stamp:
    """The stamp ``(wall_ms, counter)``, carrying a counter past its maximum into the wall time."""
    if counter > COUNTER_MAX:
        return Stamp(wall_ms + 1, 0)
    return Stamp(wall_ms, counter)


def tick(last: Stamp, wall_ms: int) -> Stamp:
    """The stamp of a local event, given the clock's last stamp and the wall clock now: later than
    ``last`` whatever the wall clock says."""
    if wall_ms > last.wall_ms:
        return Stamp(wall_ms, 0)
    return _after(last.wall_ms, last.counter + 1)


def merge(last: Stamp, remote: Stamp, wall_ms: int) -> Stamp:
    """The clock's new stamp on receiving ``remote``: later than both ``last`` and ``remote``."""
    top = max(last.wall_ms, remote.wall_ms, wall_ms)
    if top == last.wall_ms == remote.wall_ms:
        counter = max(last.counter, remote.counter) + 1
    elif top == last.wall_ms:
        counter = last.counter + 1
    elif top == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    return _after(top, counter)


def pack(stamp: Stamp) -> int:
    """The stamp as one non-negative integer; integer order is stamp order."""
    return stamp.wall_ms << COUNTER_BITS | stamp.counter


def unpack(value: int) -> Stamp:
    """The stamp :func:`pack` made ``value`` from. Raises ValueError for a value no stamp packs to."""
    if value < 0:
        raise ValueError(f"HLC value {value} is negative")
    return Stamp(value >> COUNTER_BITS, value & COUNTER_MAX)


def encode(stamp: Stamp) -> str:
    """The stamp as 16 lowercase hex digits; text order is stamp order."""
    return f"{pack(stamp):0{ENCODED_LENGTH}x}"


def decode(text: str) -> Stamp:
    """The stamp :func:`encode` wrote. Raises ValueError for anything else."""
    # int(text, 16) alone would also take a sign, a "0x" prefix, underscores and spaces.
    if len(text) != ENCODED_LENGTH or not set(text) <= _HEX_DIGITS:
        raise ValueError(f"{text!r} is not an encoded HLC stamp")
    return unpack(int(text, 16))
