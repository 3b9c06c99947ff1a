"""Building blocks of every PDF Forecourt prints: fonts, mixed Latin/Chinese text, the letterhead with
the logo, tables, and the page frame (running header, "n / N" footer, COPY/DRAFT stamp).

Latin text is set in Helvetica (a standard PDF font, present in every viewer); Chinese in a subset of
the CJK TrueType font shipped in ``resources/fonts``, embedded in the file so that it prints on a PC
without Chinese fonts (DESIGN §9). That font has no Latin glyphs, so every string is cut into runs by
which font has the glyph: :func:`markup` does it for Paragraphs, :func:`draw_text` for the canvas.

This module imports reportlab, which is slow to import: import it inside the function that prints,
never at module level of anything loaded at application start. Fonts register once per process.
Rendering functions are pure (no database) and may run on any thread.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.paths import resources_dir

log = logging.getLogger(__name__)

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
CJK = "Forecourt-CJK"
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"

PAGE_SIZE = A4
MARGIN_X = 14 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

INK = colors.HexColor("#1F2937")
MUTED = colors.HexColor("#6B7280")
RULE = colors.HexColor("#9CA3AF")
HEAD_FILL = colors.HexColor("#E5E7EB")
ZEBRA_FILL = colors.HexColor("#F5F6F8")
STAMP_RED = colors.HexColor("#C62828")

_font_lock = threading.Lock()

# Helvetica is drawn with WinAnsiEncoding (cp1252): what it encodes, it can show.
_LATIN_CHARS = frozenset(bytes(range(32, 256)).decode("cp1252", errors="ignore")) | {"\n", "\t"}


# --- fonts and mixed-script text ------------------------------------------------------------------

@dataclass(frozen=True)
class _Fonts:
    cjk_chars: frozenset[int]


_loaded: _Fonts | None = None


def _fonts() -> _Fonts:
    """Register the CJK font with reportlab (once per process) and return what it covers."""
    global _loaded
    if _loaded is None:
        with _font_lock:
            if _loaded is None:
                font = TTFont(CJK, str(resources_dir() / "fonts" / CJK_FONT_FILE))
                pdfmetrics.registerFont(font)
                # Markup such as <b> inside a CJK run asks for the family's bold face; there is none,
                # so every face of the family is the one font.
                pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
                _loaded = _Fonts(cjk_chars=frozenset(font.face.charToGlyph))
    return _loaded


def script_runs(text: str) -> list[tuple[bool, str]]:
    """Cut ``text`` into runs of ``(is_cjk, chunk)``: a character goes to the Latin font if Helvetica
    can show it, else to the CJK font if that has it (Chinese, Japanese kana, Hangul, full-width forms
    and CJK punctuation), else to Latin (drawn as a box). Spaces join the run they are in."""
    cjk_chars = _fonts().cjk_chars
    out: list[tuple[bool, str]] = []
    current: bool | None = None
    chunk: list[str] = []
    for ch in text:
        if ch == " ":
            chunk.append(ch)
            continue
        is_cjk = ch not in _LATIN_CHARS and ord(ch) in cjk_chars
        if current is not None and is_cjk != current:
            out.append((current, "".join(chunk)))
            chunk = []
        current = is_cjk
        chunk.append(ch)
    if chunk:
        out.append((bool(current), "".join(chunk)))
    return out


def needs_cjk(text: str) -> bool:
    """True when ``text`` has a character Helvetica cannot show, so it must be set in runs."""
    return any(ch not in _LATIN_CHARS for ch in text)


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: XML-escaped, CJK runs wrapped in the CJK font, line
    breaks kept. Latin runs take the paragraph style's font (so bold styles stay bold)."""
    parts = []
    for is_cjk, chunk in script_runs(text):
        escaped = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font name="{CJK}">{escaped}</font>' if is_cjk else escaped)
    return "".join(parts)


def para(text: str, style: ParagraphStyle | str = "body") -> Paragraph:
    """A Paragraph of plain ``text`` (never markup) in one of :func:`styles`, or a given style."""
    return Paragraph(markup(text), styles()[style] if isinstance(style, str) else style)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    latin = LATIN_BOLD if bold else LATIN
    return sum(pdfmetrics.stringWidth(chunk, CJK if is_cjk else latin, size) for is_cjk, chunk in script_runs(text))


def draw_text(canvas: Canvas, x: float, y: float, text: str, *, size: float, bold: bool = False,
              align: str = "left", color: colors.Color = INK) -> float:
    """Draw one line of mixed-script text with its baseline at ``y``; ``x`` is the left edge, the
    centre or the right edge for ``align`` left/centre/right. Returns the width drawn."""
    latin = LATIN_BOLD if bold else LATIN
    runs = script_runs(text)
    width = sum(pdfmetrics.stringWidth(chunk, CJK if is_cjk else latin, size) for is_cjk, chunk in runs)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    obj = canvas.beginText(x, y)
    obj.setFillColor(color)
    for is_cjk, chunk in runs:
        obj.setFont(CJK if is_cjk else latin, size)
        obj.textOut(chunk)
    canvas.drawText(obj)
    return width


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles every document shares, by name."""
    _fonts()
    base = ParagraphStyle("body", fontName=LATIN, fontSize=9, leading=11.5, textColor=INK)

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "bold": derive("bold", fontName=LATIN_BOLD),
        "small": derive("small", fontSize=7.5, leading=9.5),
        "muted": derive("muted", fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": derive("label", fontName=LATIN_BOLD, fontSize=7.5, leading=9.5, textColor=MUTED),
        "name": derive("name", fontName=LATIN_BOLD, fontSize=13, leading=16),
        "title": derive("title", fontName=LATIN_BOLD, fontSize=17, leading=21, alignment=TA_RIGHT),
        "right": derive("right", alignment=TA_RIGHT),
        "bold_right": derive("bold_right", fontName=LATIN_BOLD, alignment=TA_RIGHT),
        "big_right": derive("big_right", fontName=LATIN_BOLD, fontSize=11, leading=14, alignment=TA_RIGHT),
        "cell": derive("cell", fontSize=8, leading=10),
        "cell_right": derive("cell_right", fontSize=8, leading=10, alignment=TA_RIGHT),
        "cell_centre": derive("cell_centre", fontSize=8, leading=10, alignment=TA_CENTER),
        "head": derive("head", fontName=LATIN_BOLD, fontSize=7.5, leading=9, alignment=TA_LEFT),
        "head_right": derive("head_right", fontName=LATIN_BOLD, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "head_centre": derive("head_centre", fontName=LATIN_BOLD, fontSize=7.5, leading=9, alignment=TA_CENTER),
        "heading": derive("heading", fontName=LATIN_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3),
    }


# --- letterhead and logo --------------------------------------------------------------------------

LOGO_MAX_PIXELS = (900, 450)


@functools.lru_cache(maxsize=4)
def _logo_png(data: bytes) -> tuple[bytes, int, int] | None:
    # A phone photo as a logo would make every PDF megabytes big and slow to write: keep a small copy.
    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as img:
            img.load()
            if img.mode not in ("RGB", "RGBA", "L"):
                img = img.convert("RGBA" if "transparency" in img.info or img.mode in ("P", "LA") else "RGB")
            img.thumbnail(LOGO_MAX_PIXELS)
            buf = io.BytesIO()
            img.save(buf, format="PNG", optimize=False)
            width, height = img.size
    except (OSError, ValueError, SyntaxError) as exc:
        log.warning("The dealership logo cannot be read and is left off the document: %s", exc)
        return None
    return buf.getvalue(), width, height


def logo(data: bytes | None, *, max_width: float = 45 * mm, max_height: float = 18 * mm) -> Flowable | None:
    """The logo scaled to fit the box, keeping its proportions; None without a (readable) logo."""
    if not data:
        return None
    loaded = _logo_png(data)
    if loaded is None:
        return None
    png, width, height = loaded
    scale = min(max_width / width, max_height / height)
    image = Image(io.BytesIO(png), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


def letterhead(*, name: str, details: Sequence[str], logo_data: bytes | None,
               right: Sequence[Flowable] = (), width: float = CONTENT_WIDTH) -> Table:
    """The top of a document's first page: logo, the dealership's name and its details (one per line,
    empty ones skipped) on the left; ``right`` (a title block) on the right."""
    left: list[Flowable] = []
    image = logo(logo_data)
    if image is not None:
        left += [image, Spacer(1, 2 * mm)]
    left.append(para(name, "name"))
    left += [para(line, "small") for line in details if line]
    table = Table([[left, list(right)]], colWidths=[width * 0.55, width * 0.45])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def key_values(pairs: Sequence[tuple[str, str]], *, width: float, label_width: float,
               align: str = "left") -> Table:
    """A borderless two-column block of labels and values (document number, dates…)."""
    value_style = "right" if align == "right" else "body"
    rows = [[para(label, "label"), para(value, value_style)] for label, value in pairs if value]
    table = Table(rows or [["", ""]], colWidths=[label_width, width - label_width], hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


# --- tables ---------------------------------------------------------------------------------------

CELL_PADDING = 3
_ALIGN = {"L": "LEFT", "R": "RIGHT", "C": "CENTRE"}
_CELL_STYLE = {"L": "cell", "R": "cell_right", "C": "cell_centre"}
_HEAD_STYLE = {"L": "head", "R": "head_right", "C": "head_centre"}


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float], align: str,
               wrap: Sequence[int] = (), totals: Sequence[Sequence[str]] = (), repeat_header: bool = True,
               zebra: bool = True) -> Table:
    """A table of plain strings: a bold header row (repeated on every page the table spans when
    ``repeat_header``), body rows, and optional bold ``totals`` rows under a rule. ``align`` holds one
    of L/R/C per column. Cells with Chinese text, and cells of the ``wrap`` columns too wide for one
    line, become paragraphs; the rest are drawn as single lines, which is much faster."""
    if len(align) != len(widths) or len(header) != len(widths):
        raise ValueError("header, widths and align must have one entry per column")
    st = styles()
    wrapping = set(wrap)

    def cell(text: str, col: int, *, bold: bool = False) -> object:
        fits = col not in wrapping or pdfmetrics.stringWidth(text, LATIN_BOLD if bold else LATIN, 8) <= (
            widths[col] - 2 * CELL_PADDING)
        if not fits or needs_cjk(text):
            style = st[_CELL_STYLE[align[col]]]
            if bold:
                style = ParagraphStyle(style.name + "_bold", parent=style, fontName=LATIN_BOLD)
            return Paragraph(markup(text), style)
        return text

    data: list[list[object]] = [[Paragraph(markup(h), st[_HEAD_STYLE[align[i]]]) for i, h in enumerate(header)]]
    data += [[cell(str(v), i) for i, v in enumerate(row)] for row in rows]
    first_total = len(data)
    data += [[cell(str(v), i, bold=True) for i, v in enumerate(row)] for row in totals]
    commands: list[tuple] = [
        ("FONT", (0, 1), (-1, -1), LATIN, 8, 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), _ALIGN[a]) for i, a in enumerate(align)]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, first_total - 1), [colors.white, ZEBRA_FILL]))
    if totals:
        commands += [("FONT", (0, first_total), (-1, -1), LATIN_BOLD, 8, 10),
                     ("LINEABOVE", (0, first_total), (-1, first_total), 0.6, RULE)]
    table = Table(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


# --- pages ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageFrame:
    """What is drawn around the content of every page."""

    footer: str  # left of the footer, e.g. the dealership and the document number
    running_header: str = ""  # top of pages 2, 3, …, where the letterhead is not repeated
    stamp: str = ""  # e.g. "COPY 副本": a box at the top right and a watermark across every page


def _draw_stamp(canvas: Canvas, stamp: str) -> None:
    width, height = PAGE_SIZE
    canvas.saveState()
    # Drawn over the content (table shading would hide it underneath), so it must stay translucent.
    watermark = colors.Color(STAMP_RED.red, STAMP_RED.green, STAMP_RED.blue, alpha=0.16)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    size = 96 if text_width(stamp, 96, bold=True) < height * 0.8 else 64
    draw_text(canvas, 0, -size / 3, stamp, size=size, bold=True, align="centre", color=watermark)
    canvas.restoreState()
    canvas.saveState()
    size = 13
    pad = 2.2 * mm
    text_w = text_width(stamp, size, bold=True)
    right = width - MARGIN_X
    top = height - 6 * mm
    box_h = size + 2 * pad
    canvas.setStrokeColor(STAMP_RED)
    canvas.setLineWidth(1.6)
    canvas.roundRect(right - text_w - 2 * pad, top - box_h, text_w + 2 * pad, box_h, 2, stroke=1, fill=0)
    draw_text(canvas, right - pad, top - box_h + pad + 2, stamp, size=size, bold=True, align="right",
              color=STAMP_RED)
    canvas.restoreState()


def _draw_running_header(canvas: Canvas, frame: PageFrame) -> None:
    if canvas.getPageNumber() > 1 and frame.running_header:
        canvas.saveState()
        y = PAGE_SIZE[1] - MARGIN_TOP + 4 * mm
        draw_text(canvas, MARGIN_X, y, frame.running_header, size=8, color=MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 2 * mm, PAGE_SIZE[0] - MARGIN_X, y - 2 * mm)
        canvas.restoreState()


def _draw_overlay(canvas: Canvas, frame: PageFrame, page: int, pages: int) -> None:
    """What goes on top of a finished page, once the page count is known: footer and stamp."""
    canvas.saveState()
    y = MARGIN_BOTTOM - 8 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 3.5 * mm, PAGE_SIZE[0] - MARGIN_X, y + 3.5 * mm)
    draw_text(canvas, MARGIN_X, y, frame.footer, size=7.5, color=MUTED)
    draw_text(canvas, PAGE_SIZE[0] - MARGIN_X, y, f"{page} / {pages}", size=7.5, color=MUTED, align="right")
    canvas.restoreState()
    if frame.stamp:
        _draw_stamp(canvas, frame.stamp)


def _canvas_class(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds finished pages back until the end, when the page count ("n / N") is known."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                _draw_overlay(self, frame, self._pageNumber, pages)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(path: Path, story: list[Flowable], *, frame: PageFrame, title: str, author: str = "",
          subject: str = "") -> None:
    """Lay ``story`` out on A4 pages framed by ``frame`` and write the PDF to ``path``."""
    _fonts()
    doc = BaseDocTemplate(
        str(path), pagesize=PAGE_SIZE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=author, subject=subject, creator="Forecourt")
    # No frame padding: a table as wide as CONTENT_WIDTH lines up with the letterhead and the footer rule.
    body = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, _doc) -> None:
        _draw_running_header(canvas, frame)

    doc.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=on_page)])
    doc.build(story, canvasmaker=_canvas_class(frame))


def write(out: Path, render: Callable[[Path], None]) -> Path:
    """``render(tmp)`` then move the result to ``out`` (see :func:`services.files.atomic_output`);
    returns ``out``."""
    from services.files import atomic_output

    with atomic_output(out) as tmp:
        render(tmp)
    return Path(out)
