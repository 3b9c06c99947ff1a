"""Whether text drawn on screen can be read: the contrast between a picture's background and what is
drawn on it, measured on a widget's real rendering (style sheet and all), and the room wrapped item
text takes when a list paints it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QTextLayout, QTextOption


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def text_contrast(image: QImage, rect: QRect) -> float:
    """The strongest contrast (WCAG ratio) between the commonest colour of ``rect`` in ``image`` (the
    background) and any other pixel of it (the text drawn on it). Below 3, nobody reads the text."""
    counts: dict[int, int] = {}
    rect = rect.intersected(image.rect())
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    background = QColor.fromRgb(max(counts, key=counts.get))
    lb = _luminance(background)
    best = 1.0
    for rgb in counts:
        lt = _luminance(QColor.fromRgb(rgb))
        best = max(best, (max(lb, lt) + 0.05) / (min(lb, lt) + 0.05))
    return best


def painted_size(text: str, font: QFont, width: int) -> tuple[float, float]:
    """The width and height ``text`` takes when a list paints it wrapped at ``width``: every line as
    tall as its tallest (a plate's Chinese character comes from a taller fallback font)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrap)
    lines = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(line)
    layout.endLayout()
    return max(line.naturalTextWidth() for line in lines), max(line.height() for line in lines) * len(lines)
