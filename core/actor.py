"""Who is acting. Every service call names its actor; the unit of work stamps and audits with it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the OS user behind a CLI command."""

    username: str
    role: str
    permissions: frozenset[str] = field(default_factory=frozenset)
    user_id: str | None = None
    display_name: str = ""
    terminal: str = ""
    language: str = ""

    def can(self, permission: str) -> bool:
        return permission in self.permissions
