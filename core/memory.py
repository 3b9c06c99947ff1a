"""The cyclic garbage collector: paused for the span of a bulk job, and run by one thread only.

A bulk import holds hundreds of thousands of live objects (parsed rows, planned rows, audit values)
while it makes as many more; each full collection in between walks all of them again and finds
nothing to free, which cost an import of 100k rows about a tenth of its time. Reference counting
still frees everything as usual meanwhile; only cycles wait until the collector runs again.

A process with a GUI hands collection to its GUI thread (:func:`collect_by_hand`, then
:func:`collect_due` from a timer there). Automatic collection runs in whichever thread happens to
allocate when a threshold is crossed; on a worker thread it would finalise Qt objects that belong to
the GUI thread, which crashes the process (a segmentation fault inside an unrelated query).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_by_hand = False


def collect_by_hand() -> None:
    """Switch automatic collection off for good in this process; the caller runs
    :func:`collect_due` from the one thread that may finalise everything (a GUI's own thread)."""
    global _by_hand, _was_enabled
    with _lock:
        _by_hand = True
        _was_enabled = False  # a pause under way ends with the collector still off
        gc.disable()


def collect_due() -> int:
    """Collect the generations whose thresholds have been crossed, as automatic collection would
    have (none while a bulk job has the collector paused). Returns the number of objects found
    unreachable. Call it from the thread that owns the GUI."""
    with _lock:
        if _depth:
            return 0
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= threshold0:
        return 0
    generation = 0
    if count1 > threshold1:
        generation = 2 if count2 > threshold2 else 1
    return gc.collect(generation)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the cyclic garbage collector does not run (it is process-wide: nested and
    concurrent blocks share one pause, which ends with the last of them). Any thread."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled and not _by_hand:
                gc.enable()
