"""The one detail-pane building block: a pane that reads like a document, and the pieces its HTML is
made of.

The pane breaks lines only between words (never inside a word, a date or a number, as Qt's default
"anywhere" wrapping does in a narrow pane), so a value too wide for the pane makes it scroll
sideways instead of being cut or split. In tables, numbers are right-aligned and never wrap; dates,
codes and document numbers never wrap either; only text columns may break, between words.

Every screen's pane is a :class:`DetailPane` filled with :func:`heading`, :func:`paragraph`,
:func:`fields` and :func:`table`; the screens say *what* a value is (``Col.number``), never how it
is laid out."""

from __future__ import annotations

import html as _html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

HINT_COLOUR = "#6b7280"
HEAD_BACKGROUND = "#f3f5f8"
SHADE_BACKGROUND = "#fff4d6"


def esc(value: object) -> str:
    """Text for the pane's HTML: None is empty, everything else is its ``str`` escaped."""
    return _html.escape("" if value is None else str(value))


class DetailPane(QTextBrowser):
    """The detail pane of a screen: rich text that wraps only at word boundaries and scrolls
    sideways when a value is wider than the pane. Links are reported (``anchorClicked``), not
    followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenLinks(False)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)


def heading(text: str, *, level: int = 2) -> str:
    """A title; it stays on one line (a part or document number in it is never split)."""
    return f"<h{level} style='white-space:nowrap'>{esc(text)}</h{level}>"


def paragraph(text: str = "", *, hint: bool = False, bold: bool = False, markup: str = "") -> str:
    """A paragraph of ``text`` (escaped) followed by ``markup`` (already HTML, e.g. a link)."""
    body = esc(text) + markup
    if bold:
        body = f"<b>{body}</b>"
    style = f" style='color:{HINT_COLOUR}'" if hint else ""
    return f"<p{style}>{body}</p>"


def link(href: str, text: str) -> str:
    return f"<a href='{esc(href)}'>{esc(text)}</a>"


def bullets(items: Iterable[str]) -> str:
    """A bulleted list; each item is HTML (escape text with :func:`esc`)."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def fields(rows: Sequence[tuple[str, object]], *, markup: bool = False) -> str:
    """Label–value pairs, one a line; empty values are left out. Labels never wrap; a value wraps
    between words only when it is longer than the pane, and a value of one word (a number, a date,
    a code) never. With ``markup`` the values are HTML."""
    cells = "".join(
        f"<tr><td valign='top' nowrap style='color:{HINT_COLOUR}; padding-right:12px'>{esc(label)}</td>"
        f"<td valign='top'{'' if markup or ' ' in str(value) else ' nowrap'}>"
        f"{value if markup else esc(value)}</td></tr>"
        for label, value in rows if value not in (None, ""))
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


@dataclass(frozen=True)
class Col:
    """A column of a pane table: ``text`` may wrap between words; ``atom`` (a date, a code, a
    document number) never wraps; ``number`` never wraps and is right-aligned; ``markup`` cells are
    HTML the screen made (a link), left-aligned and wrapping like text."""

    title: str
    kind: str = "text"

    @classmethod
    def number(cls, title: str) -> Col:
        return cls(title, "number")

    @classmethod
    def atom(cls, title: str) -> Col:
        return cls(title, "atom")


def _cell(tag: str, col: Col, value: object) -> str:
    align = "right" if col.kind == "number" else "left"
    nowrap = " nowrap" if col.kind in ("number", "atom") else ""
    body = str(value) if col.kind == "markup" and tag == "td" else esc(value)
    return f"<{tag} align='{align}' valign='top'{nowrap}>{body}</{tag}>"


def table(columns: Sequence[Col], rows: Iterable[Sequence[object]], *, shade: Sequence[bool] = ()) -> str:
    """A table with a header row; ``shade`` marks rows to highlight (e.g. changed values)."""
    head = (f"<tr style='background:{HEAD_BACKGROUND}'>"
            + "".join(_cell("th", Col(c.title, "atom" if c.kind != "number" else "number"), c.title)
                      for c in columns) + "</tr>")
    body = []
    for i, row in enumerate(rows):
        background = f" style='background:{SHADE_BACKGROUND}'" if i < len(shade) and shade[i] else ""
        body.append(f"<tr{background}>" + "".join(_cell("td", c, v) for c, v in zip(columns, row, strict=True))
                    + "</tr>")
    return ("<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse:collapse'>"
            + head + "".join(body) + "</table>")


def totals(rows: Sequence[tuple[str, str, bool]]) -> str:
    """Right-aligned label–amount lines (``bold`` for the grand total), as at the foot of a bill."""
    cells = "".join(
        f"<tr><td align='right' width='100%'>{esc(label)}</td><td align='right' nowrap>"
        + (f"<b>{esc(amount)}</b>" if bold else esc(amount)) + "</td></tr>"
        for label, amount, bold in rows)
    return f"<table width='100%' cellspacing='0' cellpadding='2'>{cells}</table>"
