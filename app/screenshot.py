"""Render the main window offscreen from demo data to a PNG (the README's picture):
``QT_QPA_PLATFORM=offscreen python -m app.screenshot docs/main-window.png [--page vehicles]``."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def render(out: Path, *, page: str = "customers", language: str = "en", size: tuple[int, int] = (1280, 760)) -> Path:
    from PySide6.QtWidgets import QApplication

    import demo
    from services import users
    from services.setup import open_database
    from ui import appearance, i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.workers import wait_for_all

    app = QApplication.instance() or QApplication([])
    appearance.apply(app)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        demo.build(path, size="small", seed=1)
        db = open_database(path)
        name, password = next((u[0], u[1]) for u in demo.DEMO_USERS if u[2] == "owner")
        actor = users.login(db, name, password)
        i18n.install(language)
        window = MainWindow(AppContext(db, actor))
        window.resize(*size)
        window.show()
        screen = window.show_page(page)
        if hasattr(screen, "list"):
            screen.list.table.selectRow(2)
        for _ in range(3):
            wait_for_all()
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        window.close()
        db.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--page", default="customers")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    print(render(args.out, page=args.page, language=args.language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
