"""Commands that belong to one area: ``app/commands/<area>.py`` has ``register(add, tools)``, which
adds the area's sub-commands with ``add(name, func, help)`` (like :mod:`app.cli`'s own) and gives
its command functions ``tools`` — opening the database, the acting OS user, output, file names —
so an area adds commands without editing the command line's core."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.actor import Actor
from store.database import Database


@dataclass(frozen=True)
class Tools:
    """What :mod:`app.cli` lends an area's commands."""

    open: Callable[[argparse.Namespace], Database]  # for a command that may write
    open_for_reading: Callable[[argparse.Namespace], Database]  # read-only, no write lock
    actor: Callable[[Database], Actor]  # the OS user running the command
    out: Callable[[str], None]  # one line to stdout
    output_file: Callable[..., Path]  # output_file(text, field=...): a writable path, or a usage error
    progress: Callable[[], Any]  # a terminal progress display, or None
    needs_action: Callable[[str], Callable[[argparse.Namespace], int]]  # for a command with sub-commands
    exit_ok: int = 0


Add = Callable[..., argparse.ArgumentParser]  # add(name, func, help, into=subparsers)
