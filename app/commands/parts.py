"""The parts area's commands: ``forecourt parts refresh-levels``."""

from __future__ import annotations

import argparse

from app.commands import Add, Tools


def register(add: Add, tools: Tools) -> None:
    def refresh_levels(args: argparse.Namespace) -> int:
        from services.parts import purchasing

        db = tools.open(args)
        try:
            changed = purchasing.apply_reorder_rule(db, tools.actor(db))
        finally:
            db.dispose()
        tools.out(f"Reorder levels refreshed: {changed:,} part{'' if changed == 1 else 's'} changed.")
        return tools.exit_ok

    p = add("parts", tools.needs_action("parts"), "parts upkeep")
    parts = p.add_subparsers(dest="parts_command", metavar="ACTION")
    add("refresh-levels", refresh_levels,
        "store the reorder rule's minimum and maximum on every automatic part (sales and issues do it for "
        "their parts; run this daily so demand older than twelve months drops out)", parts)
