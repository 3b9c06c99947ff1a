"""Duplicate customers (疑似重复): groups of records that look like one customer across the whole
database, and the merge (合并客户) of a group into the record that stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import customers
from services.customers import duplicates, merge
from store.changes import Changes
from ui.context import AppContext
from ui.customers.editor import grade_labels, reason_labels
from ui.formatting import date_text, phone_text
from ui.widgets.exporting import add_export, ask_path, export_tables
from ui.widgets.forms import FieldErrors, FormDialog
from ui.workers import Op, Query


class DuplicatesScreen(QWidget):
    """The groups found, largest first; each member with what links to it. Merge… (Ctrl+M) merges the
    selected group; Enter on a member opens it in the customers screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clusters: list[duplicates.Cluster] = []
        title = QLabel(self.tr("Duplicate customers"))
        title.setObjectName("screenTitle")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(lambda _c=False: self.reload())
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip("Ctrl+M")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(lambda _c=False: self.merge_current())
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)
        bar.addWidget(self.merge_button)
        self.hint = QLabel(self.tr("Customers with the same ID number, credit code, phone or e-mail, or the same name "
                                   "and birth date. Merge a group to keep one record with everything linked to any of "
                                   "them."))
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setHeaderLabels([self.tr("Customer"), self.tr("Phone"), self.tr("E-mail"), self.tr("City"),
                                   self.tr("Birth date"), self.tr("Created"), self.tr("Linked records")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_a: self._selection_changed())
        self.tree.itemActivated.connect(lambda item, _c: self._open(item))
        self.empty = QLabel(self.tr("No possible duplicates found."))
        self.empty.setObjectName("emptyState")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        for key, slot in (("F5", self.reload), ("Ctrl+M", self.merge_current)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    def focus_default(self) -> None:
        self.tree.setFocus()

    def reload(self) -> Query:
        db, actor = self.ctx.db, self.ctx.actor
        return Query(self, lambda: duplicates.clusters(db, actor)).success(self._show).run()

    def _show(self, found: list[duplicates.Cluster]) -> None:
        self.clusters = found
        self.tree.clear()
        reasons = reason_labels()
        region = self.ctx.settings.country
        for i, cluster in enumerate(found):
            why = ", ".join(reasons.get(r, r) for r in cluster.reasons)
            top = QTreeWidgetItem([self.tr("%1 customers: %2").replace("%1", str(len(cluster.members)))
                                   .replace("%2", why)])
            top.setData(0, Qt.ItemDataRole.UserRole, ("cluster", i))
            top.setFirstColumnSpanned(False)
            for m in cluster.members:
                child = QTreeWidgetItem([m.name, phone_text(m.phone, region), m.email, m.city,
                                         date_text(m.birth_date) if m.birth_date else "", m.created_at[:10],
                                         str(m.links)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("customer", m.id))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.empty.setVisible(not found)
        self.tree.setVisible(bool(found))
        if found:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._selection_changed()

    def _cluster_of(self, item: QTreeWidgetItem | None) -> duplicates.Cluster | None:
        if item is None:
            return None
        top = item.parent() or item
        kind, index = top.data(0, Qt.ItemDataRole.UserRole)
        return self.clusters[index] if kind == "cluster" and index < len(self.clusters) else None

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(self._cluster_of(self.tree.currentItem()) is not None)

    def _open(self, item: QTreeWidgetItem) -> None:
        kind, ref = item.data(0, Qt.ItemDataRole.UserRole)
        window = self.window()
        if kind == "customer" and hasattr(window, "open_record"):
            window.open_record("customer", ref)

    def merge_current(self) -> None:
        cluster = self._cluster_of(self.tree.currentItem())
        if cluster is None:
            return
        if MergeDialog.ask(self.ctx, cluster, self):
            self.reload()

    def export(self) -> Op | None:
        path = ask_path(self, "duplicate-customers")
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write the groups as shown, one row per customer with its group's number and reasons."""
        titles = [self.tr("Group"), self.tr("Why"), *(self.tree.headerItem().text(c)
                                                        for c in range(self.tree.columnCount()))]
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            why = ", ".join(reason_labels().get(r, r) for r in self.clusters[i].reasons)
            for k in range(top.childCount()):
                child = top.child(k)
                rows.append([i + 1, why, *(child.text(c) for c in range(self.tree.columnCount()))])
        return export_tables(self, self.ctx, path, titles, rows, sheet="duplicates")

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("customer", "contact"):
            self.reload()


class MergeDialog(FormDialog):
    """Choose the record that stays and, for each field the records differ in, the value it keeps;
    Merge moves everything linked to the others onto it in one step (it cannot be undone)."""

    FIELD_ORDER = ("name", "alt_name", "kind", "phone", "email", "id_number", "company_reg", "address", "city",
                   "postcode", "birth_date", "grade", "marketing_ok", "notes")

    def __init__(self, ctx: AppContext, cluster: duplicates.Cluster, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cluster = cluster
        self.setWindowTitle(self.tr("Merge customers"))
        self.setMinimumWidth(620)
        self.details = {m.id: customers.get(ctx.db, ctx.actor, m.id).data for m in cluster.members}
        self.field_labels = {
            "name": self.tr("Name"), "alt_name": self.tr("Other spelling"), "kind": self.tr("Type"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "id_number": self.tr("ID number"),
            "company_reg": self.tr("Credit code"), "address": self.tr("Address"), "city": self.tr("City"),
            "postcode": self.tr("Postcode"), "birth_date": self.tr("Birth date"), "grade": self.tr("Grade"),
            "marketing_ok": self.tr("Marketing"), "notes": self.tr("Remarks")}

        keeps = QGroupBox(self.tr("The record that stays"))
        keeps_layout = QVBoxLayout(keeps)
        self.survivor = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        # The record with the most linked to it stays by default; the oldest on a tie.
        default = max(cluster.members, key=lambda m: (m.links, -cluster.members.index(m)))
        for m in cluster.members:
            text = " · ".join(x for x in (m.name, phone_text(m.phone, ctx.settings.country), m.city,
                                          self.tr("%1 linked").replace("%1", str(m.links))) if x)
            radio = QRadioButton(text)
            radio.setObjectName(f"survivor_{m.id}")
            self.survivor.addButton(radio)
            self.radios[m.id] = radio
            keeps_layout.addWidget(radio)
            radio.setChecked(m is default)
            radio.toggled.connect(lambda _on: self._default_choices())

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.choices: dict[str, QComboBox] = {}
        empty = self.tr("(empty)")
        for name in self.FIELD_ORDER:
            values = {m.id: getattr(self.details[m.id], name) for m in cluster.members}
            if len({str(v) for v in values.values()}) < 2:
                continue
            combo = QComboBox()
            combo.setObjectName(f"keep_{name}")
            for m in cluster.members:
                combo.addItem(f"{self._text(name, values[m.id]) or empty} — {m.name}", m.id)
            self.choices[name] = combo
            self.errors.add_row(name, self.field_labels[name], combo)
        fields_box = QGroupBox(self.tr("Values to keep"))
        fields_box.setLayout(form)
        if not self.choices:
            form.addRow(QLabel(self.tr("The records hold the same values.")))

        note = QLabel(self.tr("Vehicles, invoices, payments, repair orders, leads, deals, notes and everything else "
                              "linked to the other records move to the one that stays. The others are kept as "
                              "merged and leave the lists. This cannot be undone."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge")
        self.merge_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(keeps)
        layout.addWidget(fields_box)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._default_choices()
        self.radios[default.id].setFocus()

    def _text(self, name: str, value) -> str:
        if name == "kind":
            return {"person": self.tr("Person"), "company": self.tr("Company")}.get(value, value)
        if name == "grade":
            return grade_labels().get(value, value) if value else ""
        if name == "marketing_ok":
            return self.tr("Yes") if value else self.tr("No")
        if name == "phone":
            return phone_text(value, self.ctx.settings.country)
        if name == "birth_date":
            return date_text(value) if value else ""
        return str(value or "")

    def survivor_id(self) -> str:
        return next(cid for cid, radio in self.radios.items() if radio.isChecked())

    def _default_choices(self) -> None:
        # Each field starts at the staying record's value, or the first record's that has one.
        survivor = self.survivor_id()
        for name, combo in self.choices.items():
            value = getattr(self.details[survivor], name)
            pick = survivor if value not in ("", None) else next(
                (m.id for m in self.cluster.members if getattr(self.details[m.id], name) not in ("", None)), survivor)
            combo.setCurrentIndex(combo.findData(pick))

    def keep(self) -> dict[str, str]:
        out = {name: combo.currentData() for name, combo in self.choices.items()}
        if "marketing_ok" in out:
            out["marketing_since"] = out["marketing_ok"]
        return out

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        survivor = self.survivor_id()
        merged = [m.id for m in self.cluster.members if m.id != survivor]
        keep = self.keep()
        self.submit(lambda: merge.merge(db, actor, survivor, merged, keep).survivor_id)

    @classmethod
    def ask(cls, ctx: AppContext, cluster: duplicates.Cluster, parent: QWidget | None = None) -> str | None:
        dialog = cls(ctx, cluster, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
