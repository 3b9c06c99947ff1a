"""Desktop entry point: open the database, log in, show the main window.

Heavy modules (reportlab, openpyxl) are not imported here: screens load them when first needed.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

START = time.perf_counter()
log = logging.getLogger("forecourt.gui")


def _paint_probe(widget, on_paint):
    """Call ``on_paint`` once, after ``widget`` has painted for the first time."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, on_paint)
            return False

    probe = Probe(widget)
    widget.installEventFilter(probe)
    return probe


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:
        return 0.0


def main(db_path: Path | str | None = None, *, user: str | None = None, exit_after_paint: bool = False,
         demo_if_missing: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.logging_setup import configure_logging
    from core.errors import DatabaseProblem, DomainError
    from core.paths import default_db_path, private_files
    from services.setup import open_database
    from ui import appearance, i18n
    from ui.errors import install_excepthook, show_error

    private_files()
    log_file = configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Forecourt")
    app.setOrganizationName("Forecourt")
    appearance.apply(app)
    install_excepthook()
    log.info("Starting; log file %s", log_file)

    path = Path(db_path) if db_path else default_db_path()
    if not path.exists():
        if not _first_start(path, demo=demo_if_missing or exit_after_paint):
            return 1

    try:
        db = open_database(path)
    except DatabaseProblem as exc:
        QMessageBox.critical(None, "Forecourt", str(exc))
        return 1

    from services import settings

    dealership = settings.get(db)
    i18n.install(dealership.language)
    if not exit_after_paint:
        _daily_backup(db)
        _background_check(db)

    from ui.context import AppContext
    from ui.login import LoginDialog

    while True:
        if user:
            from services import users

            try:
                actor = users.login(db, user, os.environ.get("FORECOURT_PASSWORD", ""))
            except DomainError as exc:
                show_error(None, exc)
                return 1
        else:
            actor = LoginDialog.ask(db, dealership=dealership.name)
            if actor is None:
                break
        i18n.install(actor.language or dealership.language)
        ended = _run_session(app, AppContext(db, actor), exit_after_paint=exit_after_paint)
        if exit_after_paint or ended is None:
            break
        if ended == "restored":
            # The file under the engine was replaced: open it afresh (an older schema is upgraded).
            db.dispose()
            try:
                db = open_database(path)
            except DatabaseProblem as exc:
                QMessageBox.critical(None, "Forecourt", str(exc))
                return 1
            dealership = settings.get(db)
            i18n.install(dealership.language)
        user = None
    if not exit_after_paint:
        _backup_on_close(db)
    db.dispose()
    return 0


def _backup_on_close(db) -> None:
    """The closing backup, with a progress dialog: on a large database it takes a few seconds, and a
    program that lingers without a word looks hung. Cancel skips it (the daily backup remains)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from services import backups
    from ui.workers import Op

    loop = QEventLoop()
    done: list[bool] = []

    def finish(_result=None) -> None:
        done.append(True)
        loop.quit()

    def failed(exc: BaseException) -> None:
        log.warning("Backup on close failed or was cancelled: %s", exc)
        finish()

    Op(None, lambda progress, cancel: backups.backup_on_close(db, progress=progress, cancel=cancel),
       title=QCoreApplication.translate("Forecourt", "Backing up before closing")).success(finish).failure(
        failed).run()
    if not done:
        loop.exec()


def _run_session(app, ctx, *, exit_after_paint: bool) -> str | None:
    """Show the main window until it closes: "logout" if the user logged out, "restored" if a backup
    replaced the database (both show the login again), else None."""
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if exit_after_paint:
        screen = window.stack.currentWidget()
        target = getattr(getattr(screen, "list", None), "table", screen)

        def painted() -> None:
            elapsed = time.perf_counter() - START
            print(f"FIRST_PAINT {elapsed:.4f} EPOCH {time.time():.4f} RSS_MB {_rss_mb():.1f}", flush=True)
            window.close()
            app.quit()

        window._probe = _paint_probe(target.viewport() if hasattr(target, "viewport") else target, painted)
    ended: list[str] = []
    window.logout_requested.connect(lambda: ended.append("logout"))
    window.restore_done.connect(lambda: ended.append("restored"))
    window.show()
    app.exec()
    window.deleteLater()
    return ended[-1] if ended else None


def _background_check(db) -> None:
    """A large database was only lightly checked at open: run the full check off the GUI thread and
    say so if the file is damaged."""
    from core.errors import DatabaseProblem
    from store.bootstrap import FULL_CHECK_MAX_BYTES, quick_check
    from ui.errors import show_error
    from ui.workers import Query

    if db.path.stat().st_size <= FULL_CHECK_MAX_BYTES:
        return

    def report(problem: str | None) -> None:
        if problem is not None:
            log.error("Integrity check failed: %s", problem)
            show_error(None, DatabaseProblem(
                f"The database {db.path} is damaged ({problem}). Stop working in it and restore the newest "
                "backup (File → or 'forecourt backup restore').", kind="corrupt"))

    Query(None, lambda: quick_check(db.path)).success(report).run()


def _daily_backup(db) -> None:
    """Start today's backup in the background if none was made yet."""
    from services import backups
    from ui.workers import Op

    def work(progress, cancel):
        return backups.daily_backup_if_due(db)

    Op(None, work).failure(lambda exc: log.warning("Daily backup failed: %s", exc)).run()


def _first_start(path: Path, *, demo: bool) -> bool:
    from PySide6.QtWidgets import QDialog

    from core.errors import DomainError
    from ui.errors import show_error
    from ui.first_run import FirstOwnerDialog, ask_how_to_start

    choice = "demo" if demo else ask_how_to_start(str(path))
    if not choice:
        return False
    try:
        if choice == "demo":
            return _build_demo(path)
        from services.setup import open_database

        db = open_database(path, create=True)
        ok = FirstOwnerDialog(db).exec() == QDialog.DialogCode.Accepted
        db.dispose()
        if not ok:
            path.unlink(missing_ok=True)
        return ok
    except DomainError as exc:
        show_error(None, exc)
        return False


def _build_demo(path: Path) -> bool:
    from PySide6.QtCore import QEventLoop

    import demo
    from ui.workers import Op

    loop = QEventLoop()
    outcome: list[bool] = []

    def work(progress, cancel):
        return demo.build(path, size="small", progress=progress, cancel=cancel)

    def finished(ok: bool) -> None:
        outcome.append(ok)
        loop.quit()

    def failed(exc: BaseException) -> None:
        from core.errors import Cancelled
        from ui.errors import show_error

        if not isinstance(exc, Cancelled):
            show_error(None, exc)
        finished(False)

    Op(None, work, title="Creating demo data").success(lambda _counts: finished(True)).failure(failed).run()
    if not outcome:
        loop.exec()
    return bool(outcome and outcome[0])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
