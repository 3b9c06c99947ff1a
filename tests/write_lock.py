"""Another program in the middle of a long write: a child process that holds the database's write
lock (``BEGIN IMMEDIATE`` and an uncommitted change) until the test lets it go."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from store.database import BUSY_TIMEOUT_MS

T = TypeVar("T")

# A read that waited for the lock would wait the whole busy timeout and then fail; an answer within
# half of it did not wait. Generous, for a loaded test machine.
PROMPT_SECONDS = BUSY_TIMEOUT_MS / 1000 / 2

_HOLDER = """
import sqlite3, sys, threading, os
threading.Timer(300, lambda: os._exit(3)).start()  # never outlive a test that forgot to let go
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE setting SET value = value WHERE key = 'dealership'")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
conn.close()
os._exit(0)
"""


def lock_is_held(path: Path) -> bool:
    """True while someone holds the write lock of the database at ``path``."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            return True
        raise
    finally:
        conn.close()
    return False


@contextmanager
def write_lock_held(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Hold the write lock of ``path`` in another process for the duration of the block."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert lock_is_held(path)
        yield holder
        assert holder.poll() is None and lock_is_held(path), "the other process let go of the lock too early"
    finally:
        if holder.stdin is not None:
            holder.stdin.close()
        try:
            holder.wait(timeout=10)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def promptly(call: Callable[[], T], *, what: str = "") -> T:
    """``call()``'s answer, asserting it came well within the busy timeout."""
    started = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - started
    assert elapsed < PROMPT_SECONDS, f"{what or call} took {elapsed:.1f} s: it waited for the write lock"
    return result
