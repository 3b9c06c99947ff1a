"""Health-check templates (检查模板): the templates on the left, the chosen one's name, whether a check
may start from it, and its points (system and point) in the order they are inspected. Saving
replaces the template's points (services/workshop/health_check.py); checks already made keep the
points they were made with.

Keys: Enter saves, Esc closes (a template changed and not saved is asked about first), Ctrl+N starts
a new template; in the points, Ctrl+Insert adds a point, Delete removes the selected one and
Ctrl+Up / Ctrl+Down move it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services.workshop import health_check
from services.workshop.health_check import TemplateItemView, TemplateRow
from ui.context import AppContext
from ui.errors import show_error
from ui.messages import detail_text
from ui.widgets.forms import FieldErrors, error_label, hint_label
from ui.widgets.keys import enter_presses
from ui.widgets.line_grid import GridColumn, LineGrid
from ui.workers import Op, Query

_ITEM_FIELD = re.compile(r"^items\[(\d+)\](?:\.(\w+))?$")
INACTIVE = QColor("#7a7f87")

Value = tuple[str, bool, list[tuple[str, str]]]


class CheckTemplatesDialog(QDialog):
    """Keep the health-check templates. ``saved`` counts the saves made while it was open."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.template_id: str | None = None
        self.rows: list[TemplateRow] = []
        self.items: dict[str, list[TemplateItemView]] = {}
        self.saved = 0
        self.op: Op | None = None
        self.query: Query | None = None
        self._shown: Value = ("", True, [])
        self.may_edit = ctx.can("workshop.catalogue")
        self.setWindowTitle(self.tr("Health-check templates"))
        self.setMinimumSize(760, 480)
        self.resize(960, 600)

        self.list = QListWidget()
        self.list.setObjectName("templates")
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("&New template"))
        self.new_button.setObjectName("newTemplate")
        enter_presses(self.new_button)
        self.new_button.setToolTip(self.tr("Start a new template (Ctrl+N)"))
        self.new_button.clicked.connect(self.new)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(120)
        self.active = QCheckBox(self.tr("&Offered when a health check starts"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("Na&me"), self.name)
        form.addRow("", self.active)

        self.points = LineGrid([
            GridColumn("system", self.tr("System"), width=200, max_length=80),
            GridColumn("name", self.tr("Point"), width=0, max_length=200),
        ], name="templatePoints", movable=True)
        self.points_error = error_label()
        self.errors.labels["items"] = self.points_error
        self.errors.widgets["items"] = self.points
        points_box = QGroupBox(self.tr("Points, in the order they are inspected"))
        pb = QVBoxLayout(points_box)
        pb.addWidget(self.points, 1)
        pb.addWidget(self.points_error)
        pb.addWidget(hint_label(self.tr("Ctrl+Insert adds a point, Delete removes the selected one, Ctrl+Up and "
                                        "Ctrl+Down move it. Checks already made keep the points they were made "
                                        "with.")))

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(points_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)

        self.status = hint_label()
        self.status.setObjectName("status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        for widget in (self.new_button, self.name, self.active, self.points,
                       self.buttons.button(QDialogButtonBox.StandardButton.Save)):
            widget.setEnabled(self.may_edit)
        self.reload()

    # --- the list ---------------------------------------------------------------------------------
    def reload(self, *, select: str | None = None) -> Query:
        """Read the templates (every one, offered or not) with their points on the database worker."""
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[list[TemplateRow], dict[str, list[TemplateItemView]]]:
            rows = health_check.templates(db, actor, include_inactive=True)
            return rows, {r.id: health_check.template_items(db, actor, r.id) for r in rows}

        self.query = Query(self, read).success(lambda result: self._loaded(result, select)).run()
        return self.query

    def _loaded(self, result: tuple[list[TemplateRow], dict[str, list[TemplateItemView]]],
                select: str | None) -> None:
        self.rows, self.items = result
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            text = self.tr("%1 · %2 points").replace("%1", row.name).replace("%2", str(row.items))
            if not row.active:
                text += " · " + self.tr("not offered")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if not row.active:
                item.setForeground(QBrush(INACTIVE))
            self.list.addItem(item)
        self.list.blockSignals(False)
        wanted = select or self.template_id
        index = next((i for i, r in enumerate(self.rows) if r.id == wanted), 0 if self.rows else -1)
        if index < 0:
            self.new()
            return
        self.list.setCurrentRow(index)
        self._show(index)
        if self.focusWidget() is None:
            self.list.setFocus()

    def _chosen(self, index: int) -> None:
        if not 0 <= index < len(self.rows) or self.rows[index].id == self.template_id:
            return
        if not self._may_drop_changes():
            self.list.blockSignals(True)
            self.list.setCurrentRow(next((i for i, r in enumerate(self.rows) if r.id == self.template_id), -1))
            self.list.blockSignals(False)
            return
        self._show(index)

    def _show(self, index: int) -> None:
        row = self.rows[index]
        self.template_id = row.id
        self._fill(row.name, row.active, [(i.system, i.name) for i in self.items.get(row.id, [])])

    def _fill(self, name: str, active: bool, points: list[tuple[str, str]]) -> None:
        self.errors.clear()
        self.points.clear_marks()
        self.status.clear()
        self.name.setText(name)
        self.active.setChecked(active)
        self.points.set_rows([({"system": system, "name": point}, {}) for system, point in points])
        self._shown = self.value()

    def new(self) -> None:
        """Start a new template (its first point open for typing once the name is in)."""
        if not self.may_edit or not self._may_drop_changes():
            return
        self.template_id = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._fill("", True, [])
        self.points.add_row()
        self._shown = self.value()
        self.name.setFocus()

    # --- saving -----------------------------------------------------------------------------------
    def value(self) -> Value:
        """The template as typed: name, offered or not, and its ``(system, point)`` pairs in order
        (blank lines left out)."""
        self.points.commit()
        pairs = [((self.points.value(r, "system") or "").strip(), (self.points.value(r, "name") or "").strip())
                 for r in range(self.points.row_count()) if not self.points.is_blank(r)]
        return self.name.text().strip(), self.active.isChecked(), pairs

    def changed(self) -> bool:
        """True when what is shown differs from what was last loaded or saved."""
        return self.may_edit and self.value() != self._shown

    def _may_drop_changes(self) -> bool:
        if not self.changed():
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("The template '%1' has changes that are not saved. Drop them?")
            .replace("%1", self._shown[0] or self.name.text().strip() or self.tr("new template")))
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> Op | None:
        if not self.may_edit or not self.buttons.isEnabled():
            return None  # not allowed, or a save is under way
        self.errors.clear()
        self.points.clear_marks()
        name, active, pairs = value = self.value()
        db, actor, known = self.ctx.db, self.ctx.actor, self.template_id
        self.buttons.setEnabled(False)
        self.op = Op(self, lambda _progress, _cancel: health_check.save_template(
            db, actor, name, pairs, template_id=known, active=active)).success(
            lambda template_id: self._saved(template_id, value)).failure(self._failed).run()
        return self.op

    def _saved(self, template_id: str, value: Value) -> None:
        self.buttons.setEnabled(True)
        self.saved += 1
        self.template_id = template_id
        self._shown = value
        self.reload(select=template_id).success(lambda _r: self.status.setText(
            self.tr("Template '%1' saved.").replace("%1", value[0])))

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        match = _ITEM_FIELD.match(exc.field)
        if match:
            # items[i] is the i-th point sent: the i-th line of the grid that is not blank.
            lines = [r for r in range(self.points.row_count()) if not self.points.is_blank(r)]
            number = int(match.group(1))
            self.points_error.setText(self.tr("Point %1: %2").replace("%1", str(number + 1))
                                      .replace("%2", detail_text(exc)))
            self.points_error.show()
            if number < len(lines):
                key = match.group(2) if match.group(2) in ("system", "name") else "name"
                self.points.mark(lines[number], key, detail_text(exc))
                self.points.focus_cell(lines[number], key)
            return
        if not self.errors.show(exc):
            show_error(self, exc)

    # --- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.save()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self._may_drop_changes():
            super().reject()

    @classmethod
    def ask(cls, ctx: AppContext, *, parent: QWidget | None = None) -> int:
        """Open the templates modally; returns how many saves were made."""
        dialog = cls(ctx, parent=parent)
        dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        return saved
