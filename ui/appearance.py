"""The application's look, set once on the QApplication: its style sheet, and a font for Chinese
where the computer has none.

Windows and macOS always have Chinese fonts; a Linux desktop may not, and then every Chinese word
on screen is a row of empty boxes. The font bundled for printing (resources/fonts, Droid Sans
Fallback: Chinese glyphs only) is then added behind the usual font, which keeps drawing Latin text.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.paths import resources_dir

log = logging.getLogger(__name__)

CHINESE_FONT_FILE = "DroidSansFallbackFull.ttf"


def apply(app: QApplication) -> None:
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    ensure_chinese_font(app)


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_chinese_font(app: QApplication) -> bool:
    """Make Chinese text drawable: with no system font for it, load the bundled one behind the
    application's font. Returns whether a Chinese font is now at hand."""
    if has_chinese_font():
        return True
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / CHINESE_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("No font for Chinese on this computer, and the bundled one could not be loaded")
        return False
    font = QFont(app.font())
    font.setFamilies([*(font.families() or [font.family()]), *families])
    app.setFont(font)
    return True
