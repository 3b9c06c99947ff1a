"""Item text that wraps and is shown whole, in the lists and tables of the workshop's big screens."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView


class WrappedTextDelegate(QStyledItemDelegate):
    """For a list or table whose items wrap (``setWordWrap(True)``): items as tall as the painter needs. The
    style measures each wrapped line at its own height but paints every line at the tallest one's (a
    Chinese character, or an invisible break, comes from a taller fallback font) and shortens the last
    line to "…" when they do not fit; an item is measured here at its tallest line times its lines.
    The delegate's parent is the view."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        room = view.columnWidth(index.column()) if isinstance(view, QTableView) else view.viewport().width()
        width = max(20, room - margin)
        layout = QTextLayout(opt.text.replace("\n", "\u2028"), opt.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        heights = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            heights.append(line.height())
        layout.endLayout()
        if not heights:
            return size
        box = max(0, size.height() - math.ceil(sum(heights)))  # the item's padding and border
        return QSize(size.width(), max(size.height(), math.ceil(max(heights) * len(heights)) + box + 2))
