"""File → Restore…: put a backup in place of the database, with the checks of `forecourt backup restore`.

The backup is verified before anything is asked; a damaged, foreign or newer file is refused with
the reason. The restore runs on the database worker with progress; the service keeps a copy of the
current database first and checks the permission. Afterwards the session ends and the program opens
the restored database and asks for a login again. GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import DatabaseProblem
from core.paths import backup_dir_for
from services import backups
from ui.context import AppContext
from ui.formatting import DATETIME_FORMAT
from ui.widgets.forms import hint_label
from ui.workers import Op, Query

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_labels() -> dict[str, str]:
    """Why a backup was made → its name on screen."""
    return {
        "manual": QCoreApplication.translate("RestoreDialog", "Backed up by hand"),
        "daily": QCoreApplication.translate("RestoreDialog", "Daily"),
        "close": QCoreApplication.translate("RestoreDialog", "On closing"),
        "pre-migrate": QCoreApplication.translate("RestoreDialog", "Before an upgrade"),
        backups.SAFETY_REASON: QCoreApplication.translate("RestoreDialog", "Before a restore"),
        "": QCoreApplication.translate("RestoreDialog", "Chosen file"),
    }


def _made_text(made) -> str:
    # Backup times come from file names, in local time already.
    return made.strftime(DATETIME_FORMAT)


def _size_text(size: int) -> str:
    return QCoreApplication.translate("RestoreDialog", "%1 MB").replace("%1", f"{size / 1_000_000:.1f}")


class RestoreDialog(QDialog):
    """The backups of the database's backup folder, another file on request, and Restore.
    Use :meth:`ask`; it returns the safety copy's path (or "" when there was none) once restored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.restored: str | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(640, 420)
        self.folder = backup_dir_for(ctx.db.path)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore())

        warning = QLabel(self.tr(
            "Restoring replaces all the data of this database with the backup's: whatever was entered "
            "after the backup was made is no longer there. A safety backup of the current data is made "
            "first (kind \"Before a restore\"). Afterwards you log in again."))
        warning.setObjectName("warning")
        warning.setWordWrap(True)
        self.status = hint_label(self.tr("Backups in %1").replace("%1", str(self.folder)))
        self.status.setWordWrap(True)

        self.other_button = QPushButton(self.tr("&Other file…"))
        self.other_button.setToolTip(self.tr("Restore a backup kept somewhere else (a USB stick, another folder)"))
        self.other_button.clicked.connect(self.choose_file)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        folder = self.folder
        self.query = Query(self, lambda: backups.list_backups(folder)).success(self._fill).run()

    # --- the list -------------------------------------------------------------------------------
    def _add(self, info: backups.BackupInfo, *, row: int | None = None) -> int:
        labels = reason_labels()
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        made = QTableWidgetItem(_made_text(info.created))
        made.setData(PATH_ROLE, str(info.path))
        made.setToolTip(str(info.path))
        self.table.setItem(row, 0, made)
        self.table.setItem(row, 1, QTableWidgetItem(labels.get(info.reason, info.reason)))
        size = QTableWidgetItem(_size_text(info.size))
        size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, size)
        return row

    def _fill(self, found: list[backups.BackupInfo]) -> None:
        for info in sorted(found, key=lambda b: b.created, reverse=True):
            self._add(info)
        if not found:
            self.status.setText(self.tr("No backups in %1 yet. Choose another file.").replace("%1", str(self.folder)))
        elif self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def selected_path(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 and self.table.selectionModel().hasSelection() else None
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(self.folder if self.folder.is_dir() else Path.home()),
            self.tr("Forecourt backups (*.db);;All files (*)"))
        if not name:
            return
        path = Path(name)
        stat = path.stat() if path.is_file() else None
        from datetime import datetime

        info = backups.BackupInfo(path=path, created=datetime.fromtimestamp(stat.st_mtime) if stat else datetime.now(),
                                  size=stat.st_size if stat else 0, reason="")
        row = self._add(info, row=0)
        self.table.selectRow(row)

    # --- restoring ------------------------------------------------------------------------------
    def restore(self) -> None:
        """Verify the chosen file, ask, then restore on the database worker."""
        path = self.selected_path()
        if path is None:
            return
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Checking %1…").replace("%1", path.name))
        self.check = Query(self, lambda: backups.verify_backup(path)).success(self._confirm).failure(
            self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)
        self.status.setText(self.tr("Nothing was restored."))
        if isinstance(exc, DatabaseProblem):
            QMessageBox.warning(self, self.tr("Restore a backup"),
                                self.tr("This file cannot be restored, and nothing was changed:") + "\n\n"
                                + exc.message)
            return
        from ui.errors import show_error

        show_error(self, exc)

    def _confirm(self, info: backups.BackupInfo) -> None:
        question = self.tr(
            "Replace all the data of %1 with the backup made %2?\n\n"
            "Whatever was entered after that is no longer there. The current data is first kept as a safety "
            "backup in %3. Afterwards you log in again.").replace("%1", self.ctx.db.path.name).replace(
            "%2", _made_text(info.created)).replace("%3", str(self.folder))
        answer = QMessageBox.question(self, self.tr("Restore a backup"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.restore_button.setEnabled(True)
            self.status.setText(self.tr("Nothing was restored."))
            return
        db, actor, source = self.ctx.db, self.ctx.actor, info.path
        labels = {0: self.tr("Keeping a safety backup of the current data…"),
                  1: self.tr("Restoring the backup…"), 2: self.tr("Recording the restore…"),
                  3: self.tr("Restored")}

        def work(progress, _cancel) -> str:
            # The program's own connections let go of the file first; the service checks the permission.
            db.dispose()
            safety = backups.restore_backup(
                db.path, source, actor=actor,
                progress=lambda done, total, _message: progress(done, total, labels.get(done, "")))
            return str(safety) if safety is not None else ""

        self.status.setText(self.tr("Restoring…"))
        self.op = Op(self, work, title=self.tr("Restoring a backup"), cancellable=False).success(
            self._done).failure(self._refused).run()

    def _done(self, safety: str) -> None:
        self.restored = safety
        self.accept()

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None) -> str | None:
        dialog = cls(ctx, parent)
        dialog.exec()
        restored = dialog.restored
        dialog.deleteLater()
        return restored
