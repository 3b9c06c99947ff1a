"""The import wizard: choose a file, map its columns to fields (or load a preset), preview every row
with its action or errors, then import all or nothing with progress and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import areas
from services.imports import framework
from services.imports.reader import read_table
from ui.context import AppContext
from ui.messages import detail_text, field_name, service_text
from ui.widgets.forms import error_label, hint_label
from ui.widgets.keys import enter_presses
from ui.window_state import fit_to_screen
from ui.workers import Op, Query

NOT_MAPPED = ""


def available_kinds(ctx: AppContext) -> list[framework.ImportKind]:
    """Every area's import kinds that the user may run (each needs all of its permissions), in the
    order of the areas."""
    areas.load()
    return [kind for kind in framework.KINDS.values() if all(ctx.can(p) for p in kind.permissions)]


class ImportDialog(QDialog):
    """Import from an Excel or CSV file into any area the user may import into: the parts catalogue,
    a price list, stock count figures, labour operations, campaigns and recalls, survey answers. Use
    :meth:`ask`; it returns the summary of a written import, else None. ``kind`` chooses the kind
    shown first (the screen's own)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, kind: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.headers: list[str] = []
        self.summary: framework.ImportSummary | None = None
        self.previewed: framework.Preview | None = None
        self.setWindowTitle(self.tr("Import from a file"))
        fit_to_screen(self, 860, 760)

        labels = {"parts": self.tr("Parts catalogue"), "price-list": self.tr("Manufacturer price list"),
                  "stock-count": self.tr("Stock count figures"), "labour-ops": self.tr("Labour operations"),
                  "campaigns": self.tr("Campaigns and recalls"), "surveys": self.tr("Satisfaction survey answers"),
                  "customers": self.tr("Customers"), "vehicles": self.tr("Vehicles")}
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for k in available_kinds(ctx):
            self.kind.addItem(labels.get(k.name) or k.title, k.name)
        if kind and self.kind.findData(kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.file = QLineEdit()
        self.file.setObjectName("importFile")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        browse = QPushButton(self.tr("&Choose file…"))
        enter_presses(browse)
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Import")))
        top.addWidget(self.kind)
        top.addWidget(self.file, 1)
        top.addWidget(browse)

        mapping_box = QGroupBox(self.tr("Columns"))
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        self.preset.activated.connect(self._preset_chosen)
        save_preset = QPushButton(self.tr("Save as &preset…"))
        enter_presses(save_preset)
        save_preset.clicked.connect(self.save_preset)
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Preset")))
        presets.addWidget(self.preset, 1)
        presets.addWidget(save_preset)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setObjectName("mapping")
        self.mapping.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box = QVBoxLayout(mapping_box)
        box.addLayout(presets)
        box.addWidget(self.mapping)

        preview_box = QGroupBox(self.tr("Preview"))
        self.rows = QTableWidget(0, 3)
        self.rows.setObjectName("previewRows")
        self.rows.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Action"), self.tr("Problems")])
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setColumnWidth(0, 60)
        self.rows.setColumnWidth(1, 110)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("importOutcome")
        box = QVBoxLayout(preview_box)
        box.addWidget(self.rows)
        box.addWidget(self.outcome)

        self.error = error_label()
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.clicked.connect(self.preview)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.clicked.connect(self.run_import)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(mapping_box, 3)
        layout.addWidget(preview_box, 2)
        layout.addWidget(hint_label(self.tr("Nothing is written unless every row is right; otherwise an error "
                                            "report naming each row and field is written beside the file.")))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._kind_changed()

    # --- file and mapping ---------------------------------------------------------------------
    def kind_name(self) -> str:
        return str(self.kind.currentData() or "")

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), "",
                                                    self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        """Read the headers of ``path`` (database worker) and map its columns automatically."""
        self.file.setText(path)
        self._clear_preview()
        self.op = Query(self, lambda: list(read_table(path).headers)).success(self._headers_read).failure(
            self._failed).run()

    def _headers_read(self, headers: list[str]) -> None:
        self.headers = headers
        self.error.hide()
        self._fill_mapping(framework.auto_mapping(framework.import_kind(self.kind_name()), headers))

    def _kind_changed(self, *_args) -> None:
        self._clear_preview()
        self.preset.clear()
        self.preset.addItem(self.tr("(choose a preset)"), "")
        if not self.kind_name():  # nothing this user may import
            self.mapping.setRowCount(0)
            self.combos = {}
            self.preview_button.setEnabled(False)
            return
        for name in framework.list_presets(self.ctx.db, self.kind_name()):
            self.preset.addItem(name, name)
        kind = framework.import_kind(self.kind_name())
        self._fill_mapping(framework.auto_mapping(kind, self.headers) if self.headers else {})

    def _fill_mapping(self, mapping: dict[str, str]) -> None:
        kind = framework.import_kind(self.kind_name())
        self.mapping.setRowCount(0)
        self.combos: dict[str, QComboBox] = {}
        for f in kind.fields:
            row = self.mapping.rowCount()
            self.mapping.insertRow(row)
            label = QCoreApplication.translate("Field", f.label)
            self.mapping.setItem(row, 0, QTableWidgetItem(label + (" *" if f.required else "")))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), NOT_MAPPED)
            for header in self.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(mapping.get(f.name, NOT_MAPPED)), 0))
            combo.currentIndexChanged.connect(self._clear_preview)
            self.mapping.setCellWidget(row, 1, combo)
            self.combos[f.name] = combo

    def current_mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}

    def _preset_chosen(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name:
            self._fill_mapping(framework.load_preset(self.ctx.db, self.kind_name(), name))
            self._clear_preview()

    def save_preset(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save preset"), self.tr("Name of the preset:"))
        if not ok or not name.strip():
            return
        db, actor, kind, mapping = self.ctx.db, self.ctx.actor, self.kind_name(), self.current_mapping()
        self.op = Op(self, lambda _p, _c: framework.save_preset(db, actor, kind, name.strip(), mapping)).success(
            lambda _id: self._preset_saved(name.strip())).failure(self._failed).run()

    def _preset_saved(self, name: str) -> None:
        if self.preset.findData(name) < 0:
            self.preset.addItem(name, name)
        self.preset.setCurrentIndex(self.preset.findData(name))

    # --- preview and import -------------------------------------------------------------------
    def _clear_preview(self, *_args) -> None:
        self.previewed = None
        self.rows.setRowCount(0)
        self.outcome.clear()
        self.import_button.setEnabled(False)

    def preview(self) -> None:
        path = self.file.text()
        if not path:
            self.error.setText(self.tr("Choose the file to import first."))
            self.error.show()
            return
        self.error.hide()
        db, actor, kind, mapping = self.ctx.db, self.ctx.actor, self.kind_name(), self.current_mapping()
        self.op = Op(self, lambda progress, cancel: framework.preview(
            db, actor, path, kind, mapping=mapping, progress=progress, cancel=cancel),
            title=self.tr("Checking the file")).success(self._previewed).failure(self._failed).run()

    def _previewed(self, result: framework.Preview) -> None:
        self.previewed = result
        labels = {f.name: QCoreApplication.translate("Field", f.label)
                  for f in framework.import_kind(self.kind_name()).fields}
        actions = {"insert": self.tr("New"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged")}
        self.rows.setRowCount(0)
        for r in result.rows:
            row = self.rows.rowCount()
            self.rows.insertRow(row)
            self.rows.setItem(row, 0, QTableWidgetItem(str(r.row)))
            action = self.tr("Error") if r.errors else actions.get(r.action, r.action)
            self.rows.setItem(row, 1, QTableWidgetItem(action))
            problems = "; ".join(
                self.tr("%1: %2").replace("%1", labels.get(e.field) or field_name(e.field))
                .replace("%2", service_text(e.message)) if e.field else service_text(e.message) for e in r.errors)
            self.rows.setItem(row, 2, QTableWidgetItem(problems))
        s = result.summary
        if s.errors:
            self.outcome.setText(self.tr("%1 rows, %2 with errors: fix the file before importing.")
                                 .replace("%1", str(s.rows)).replace("%2", str(s.error_rows)))
        else:
            self.outcome.setText(self.tr("%1 rows: %2 new, %3 updated, %4 unchanged.").replace("%1", str(s.rows))
                                 .replace("%2", str(s.inserted)).replace("%3", str(s.updated))
                                 .replace("%4", str(s.unchanged)))
        self.import_button.setEnabled(not s.errors)

    def run_import(self) -> None:
        path = self.file.text()
        db, actor, kind, mapping = self.ctx.db, self.ctx.actor, self.kind_name(), self.current_mapping()
        self.import_button.setEnabled(False)
        self.op = Op(self, lambda progress, cancel: framework.run(
            db, actor, path, kind, mapping, progress=progress, cancel=cancel, translate=QCoreApplication.translate),
            title=self.tr("Importing")).success(self._imported).failure(self._failed).run()

    def _imported(self, summary: framework.ImportSummary) -> None:
        if not summary.written:
            report = str(summary.report or "")
            QMessageBox.warning(self, self.tr("Nothing imported"),
                                self.tr("%1 rows have errors; nothing was written. The error report is %2.")
                                .replace("%1", str(summary.error_rows)).replace("%2", report))
            self._clear_preview()
            return
        self.summary = summary
        QMessageBox.information(self, self.tr("Import finished"),
                                self.tr("%1 new, %2 updated, %3 unchanged.").replace("%1", str(summary.inserted))
                                .replace("%2", str(summary.updated)).replace("%3", str(summary.unchanged)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from core.errors import Cancelled, DomainError, ValidationError

        if isinstance(exc, Cancelled):
            self._clear_preview()
            return
        if isinstance(exc, DomainError):
            self.error.setText(detail_text(exc) if isinstance(exc, ValidationError) else service_text(exc.message))
            self.error.show()
            return
        from ui.errors import show_error

        show_error(self, exc)

    @classmethod
    def ask(cls, ctx: AppContext, parent: QWidget | None = None, *, kind: str = ""
            ) -> framework.ImportSummary | None:
        dialog = cls(ctx, parent, kind=kind)
        dialog.exec()
        summary = dialog.summary
        dialog.deleteLater()
        return summary
