"""What autogenerate compares: the FTS5 virtual tables and their shadow tables are managed by hand."""

from __future__ import annotations

FTS_TABLES = ("search_fts", "search_short")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name and name.startswith(FTS_TABLES))
