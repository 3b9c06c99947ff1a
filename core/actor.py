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
    # The OS user behind a command-line command: every permission there is, including those of
    # areas added later, over a file they can already read and write.
    all_permissions: bool = False

    def can(self, permission: str) -> bool:
        return self.all_permissions or permission in self.permissions
