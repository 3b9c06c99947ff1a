"""Qt translations: English source strings, Simplified Chinese from resources/translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.paths import resources_dir

_installed: list[QTranslator] = []
_language = "en"


def current() -> str:
    """The language installed last ('en' or 'zh_CN')."""
    return _language


def translations_dir():
    return resources_dir() / "translations"


def install(language: str) -> bool:
    """Switch the application's language ('en' or 'zh_CN'). GUI thread; affects widgets made after."""
    global _language
    app = QCoreApplication.instance()
    _language = language or "en"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if not language or language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    ours = QTranslator(app)
    ok = ours.load(f"forecourt_{language}", str(translations_dir()))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return ok
