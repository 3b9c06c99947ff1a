"""What an area of the dealership system declares (DESIGN §1); the list of areas is :mod:`services.areas`.

An area — customers, vehicles, billing, parts, admin, and next the workshop and the showroom —
declares in one place, ``services/<area>/area.py``, its permissions and the built-in roles' grants
of them, its lists, its kinds of searchable record, its import kinds and its export kinds. Its screens
are declared by ``ui/<area>/area.py`` and its commands by ``app/commands/<area>.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from services.imports.framework import ImportKind
from services.lists import ListSource
from services.search import SearchKind


@dataclass(frozen=True)
class ExportKind:
    """A file export offered as ``forecourt export NAME FILE``: ``write(db, actor, path, *, progress)``
    returns the rows written; with a ``period`` it takes ``start`` and ``end`` dates too."""

    name: str
    about: str  # what FILE will hold, e.g. "posted invoices and credit notes"
    write: Callable[..., int]
    period: str = ""  # "" (no dates) | "optional" | "required" | "day" (one day, ``on``: default today)
    unit: str = "row"  # what one written line is called in the summary ("journal line")


@dataclass(frozen=True)
class Area:
    name: str
    permissions: dict[str, str]  # code → English label (the Roles screen translates it)
    grants: dict[str, frozenset[str]]  # built-in role → what it may do here by default (owner: all)
    lists: tuple[ListSource, ...] = ()
    search_kinds: tuple[SearchKind, ...] = ()
    import_kinds: tuple[ImportKind, ...] = ()
    export_kinds: tuple[ExportKind, ...] = ()
