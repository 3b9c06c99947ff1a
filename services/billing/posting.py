"""What posting a billing document does besides numbering it, registered per document kind.

Billing numbers, snapshots and freezes a document; anything else that must happen in the same
transaction belongs to the area that owns it and is registered here: the parts area takes catalogue
parts out of stock when a sale is posted and brings them back when it is credited; the workshop will
close repair orders. A hook runs inside the posting unit of work, while the document's lines can
still be written (they become immutable once the document is posted), so a refusal (not enough
stock) rolls the whole posting back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from models.billing import Invoice
from store.uow import UnitOfWork

ANY_KIND = "*"


@dataclass(frozen=True)
class PostingContext:
    """What a hook is told: the document being posted, its posting date and, for a credit note,
    the invoice it credits."""

    uow: UnitOfWork
    document: Invoice
    on: date
    credited: Invoice | None = None


PostingHook = Callable[[PostingContext], None]

_on_post: dict[str, list[PostingHook]] = {}
_on_credit: dict[str, list[PostingHook]] = {}


def on_post(kind: str, hook: PostingHook) -> None:
    """Run ``hook`` when an invoice of ``kind`` (or :data:`ANY_KIND`) is posted. Registering the
    same hook twice has no effect."""
    hooks = _on_post.setdefault(kind, [])
    if hook not in hooks:
        hooks.append(hook)


def on_credit(kind: str, hook: PostingHook) -> None:
    """Run ``hook`` when a credit note of an invoice of ``kind`` (or :data:`ANY_KIND`) is posted."""
    hooks = _on_credit.setdefault(kind, [])
    if hook not in hooks:
        hooks.append(hook)


def hooks_for_post(kind: str) -> list[PostingHook]:
    return [*_on_post.get(ANY_KIND, []), *_on_post.get(kind, [])]


def hooks_for_credit(kind: str) -> list[PostingHook]:
    return [*_on_credit.get(ANY_KIND, []), *_on_credit.get(kind, [])]


def run_post(ctx: PostingContext) -> None:
    for hook in hooks_for_post(ctx.document.kind):
        hook(ctx)


def run_credit(ctx: PostingContext) -> None:
    assert ctx.credited is not None
    for hook in hooks_for_credit(ctx.credited.kind):
        hook(ctx)
