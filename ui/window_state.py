"""Where each user's windows and splitters were left: kept per user in ``layout.ini`` in the data
folder (not in the database: it is this computer's screen, not the dealership's data)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QWidget

from core.paths import data_dir

# The window's first size on a screen that can hold it; smaller screens get their working area.
PREFERRED = QSize(1280, 800)
# A title bar: the window's frame is not part of its size.
FRAME_HEIGHT = 32


def _store() -> QSettings:
    path = data_dir() / "layout.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _key(username: str, name: str) -> str:
    return f"{username or '_'}/{name}"


def load(username: str, name: str) -> QByteArray | None:
    """What was saved for ``username`` under ``name`` (a geometry, a state), or None. GUI thread."""
    value = _store().value(_key(username, name))
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save(username: str, values: dict[str, QByteArray]) -> None:
    store = _store()
    for name, value in values.items():
        store.setValue(_key(username, name), value)
    store.sync()


def first_size(window: QWidget) -> QSize:
    """The size a window opens at when nothing was saved: :data:`PREFERRED`, no larger than the
    working area of its screen (the taskbar and the title bar left out)."""
    screen = QWidget.screen(window)  # MainWindow.screen(key) means one of its screens
    if screen is None:
        return PREFERRED
    area = screen.availableGeometry().size()
    return PREFERRED.boundedTo(QSize(area.width(), area.height() - FRAME_HEIGHT))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog to ``width``×``height``, no larger than its screen's working area."""
    screen = QWidget.screen(window)  # MainWindow.screen(key) means one of its screens
    size = QSize(width, height)
    if screen is not None:
        area = screen.availableGeometry().size()
        size = size.boundedTo(QSize(area.width(), area.height() - FRAME_HEIGHT))
    window.resize(size.expandedTo(window.minimumSizeHint()))
