"""The app's look: its style sheet, and Chinese drawable on a computer without a Chinese font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from ui import appearance


def test_without_a_system_chinese_font_the_bundled_one_stands_behind_the_usual_font(qapp, monkeypatch):
    before = QFont(qapp.font())
    monkeypatch.setattr(appearance, "has_chinese_font", lambda: False)
    try:
        assert appearance.ensure_chinese_font(qapp)
        families = qapp.font().families()
        assert families[0] == (before.families() or [before.family()])[0]  # Latin text keeps its font
        added = families[-1]
        assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(added)
        assert QFontMetrics(QFont(added)).inFontUcs4(ord("车"))
    finally:
        qapp.setFont(before)


def test_apply_sets_the_style_sheet_and_leaves_chinese_drawable(qapp):
    before = QFont(qapp.font())
    try:
        appearance.apply(qapp)
        assert "QLabel#screenTitle" in qapp.styleSheet()
        assert appearance.has_chinese_font()
    finally:
        qapp.setStyleSheet("")
        qapp.setFont(before)
