"""Messages a user reads, written in English where they arise (services, the store) and shown in
the user's language at the edge.

``msg("Customer {name} not found", name=n)`` is the English text (a ``str``: logs, the CLI and
tests read it as before) that also keeps its template and parameters; the UI looks the template up
in its translations and fills in the parameters (:func:`render`). The translation tool finds the
templates by looking for ``msg(...)`` calls with a literal first argument, so a template must be
a literal string with ``{name}`` placeholders (format specs such as ``{amount:,}`` are allowed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


class Message(str):
    """English text that remembers the template and parameters it was made from."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Message:
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self):  # pickles (and copies) as a Message, not as the plain text
        return (Message, (self.template, dict(self.params)))


def msg(template: str, /, **params: Any) -> Message:
    """A user-facing message: ``template`` with ``{name}`` placeholders, filled with ``params``."""
    return Message(template, params)


def joined(items: Iterable[object], *, separator: str = ";") -> Message:
    """Several messages (or names) as one parameter, each rendered in the reader's language and
    joined as that language joins them: ``joined([a, b, c])`` reads "a; b; c" in English. Never join
    messages into plain text (``"; ".join(...)``): the result is English whatever the reader speaks.
    ``separator`` is ";" (items that are sentences) or "," (words)."""
    items = list(items)
    if not items:
        return Message("")
    first = items[0] if isinstance(items[0], Message) else Message("{text}", {"text": items[0]})
    if len(items) == 1:
        return first
    rest = joined(items[1:], separator=separator)
    if separator == ",":
        return msg("{first}, {rest}", first=first, rest=rest)
    return msg("{first}; {rest}", first=first, rest=rest)


def render(text: object, translate: Callable[[str], str]) -> str:
    """``text`` in the language ``translate`` speaks: a :class:`Message`'s template is translated and
    its parameters (messages themselves, possibly) rendered and filled in; other text is translated
    as it stands. A translation whose placeholders do not fit falls back to the English."""
    if isinstance(text, Message):
        params = {k: render(v, translate) if isinstance(v, Message) else v for k, v in text.params.items()}
        translated = translate(text.template) or text.template
        try:
            return translated.format(**params) if params else translated
        except (KeyError, IndexError, ValueError):
            return str(text)
    if text is None:
        return ""
    return translate(str(text)) or str(text)


def field_label(field: str) -> str:
    """The English name of a field key as a person reads it: ``unit_price`` → "Unit price"; a
    line's field (``lines[3].quantity``) is named by its last part, a reference by what it refers to
    (``customer_id`` → "Customer")."""
    key = field.rsplit(".", 1)[-1].split("[", 1)[0]
    if key.endswith("tax_id"):  # a taxpayer number, not a reference to a tax
        words = key.removesuffix("_id").replace("_", " ").strip() + " ID"
        return words[:1].upper() + words[1:]
    key = key.removesuffix("_id") if key != "id" else key
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
