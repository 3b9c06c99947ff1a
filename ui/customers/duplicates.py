"""Duplicate customers (疑似重复): groups of records that look like one customer across the whole
database, and the merge (合并客户) of a group into the record that stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import Conflict, NotFound
from core.messages import msg
from services import customers
from services.customers import duplicates, merge
from store.changes import Changes
from ui.context import AppContext
from ui.customers.editor import grade_labels, reason_labels
from ui.errors import show_error
from ui.formatting import date_text, local_datetime, phone_text
from ui.widgets.exporting import add_export, ask_path, export_tables
from ui.widgets.forms import FieldErrors, FormDialog
from ui.workers import Op, Query


def member_labels(members: tuple[duplicates.Member, ...], created: str, record: str) -> dict[str, str]:
    """How each record of a group is named where the names alone cannot tell them apart: the name,
    with the day it was created (``created``, "%1" the day) or its place in the group (``record``)."""
    labels: dict[str, str] = {}
    for k, m in enumerate(members, 1):
        same_name = [o for o in members if o.name == m.name]
        label = f"'{m.name}'"
        if len(same_name) > 1:
            same_day = [o for o in same_name if o.created_on == m.created_on]
            label += " (" + (created.replace("%1", m.created_on.isoformat()) if len(same_day) == 1
                             else record.replace("%1", str(k))) + ")"
        labels[m.id] = label
    return labels


class DuplicatesScreen(QWidget):
    """The groups found, largest first; each member with what links to it. Merge… (Ctrl+M) merges the
    selected group; Not duplicates… (Ctrl+D) records, after asking, that its records are different
    customers, so that the page no longer groups them; Enter on a member opens it in the customers
    screen. Show (Alt+S) switches to the records marked as different customers, newest mark first,
    where Withdraw mark… (Ctrl+D) lets the page group them again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clusters: list[duplicates.Cluster] = []
        self.marks: list[duplicates.Mark] = []
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
        self.distinct_button = QPushButton(self.tr("Not &duplicates…"))
        self.distinct_button.setObjectName("distinctButton")
        self.distinct_button.setToolTip(self.tr("The records of the group are different customers: no longer "
                                                "group them (Ctrl+D)"))
        self.distinct_button.setEnabled(False)
        self.distinct_button.clicked.connect(lambda _c=False: self.mark_current_distinct())
        self.view = QComboBox()
        self.view.setObjectName("duplicatesView")
        self.view.addItem(self.tr("Possible duplicates"), "groups")
        self.view.addItem(self.tr("Marked as different customers"), "marks")
        self.view.currentIndexChanged.connect(lambda _i: self._view_changed())
        shown = QLabel(self.tr("&Show"))
        shown.setBuddy(self.view)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(shown)
        bar.addWidget(self.view)
        bar.addWidget(self.refresh_button)
        self.export_button = add_export(self, ctx, self.export)
        bar.addWidget(self.export_button)
        bar.addWidget(self.distinct_button)
        bar.addWidget(self.merge_button)
        self.hint = QLabel(self.tr("Customers with the same ID number, credit code, phone or e-mail, or the same name "
                                   "and birth date. Merge a group to keep one record with everything linked to any of "
                                   "them, or mark it as not duplicates when they are different customers."))
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
        # Where the table is: "looking…" while the groups are found, "none found" when there are none.
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        self.loading = False
        # What to select once the groups are shown again: (customer id, group index), and whether the
        # list takes the focus (after a merge).
        self._want: tuple[str | None, int] | None = None
        self._focus_after = False
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        for key, slot in (("F5", self.reload), ("Ctrl+M", self.merge_current),
                          ("Ctrl+D", self.mark_current_distinct)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    def focus_default(self) -> None:
        self.tree.setFocus()

    def showing_marks(self) -> bool:
        return self.view.currentData() == "marks"

    def _view_changed(self) -> None:
        marks = self.showing_marks()
        self.distinct_button.setText(self.tr("&Withdraw mark…") if marks else self.tr("Not &duplicates…"))
        self.distinct_button.setToolTip(
            self.tr("The two records may be one customer after all: group them again (Ctrl+D)") if marks
            else self.tr("The records of the group are different customers: no longer group them (Ctrl+D)"))
        self.merge_button.setVisible(not marks)
        self.clusters, self.marks = [], []
        self.tree.clear()
        self._want = None
        self.reload()

    def reload(self) -> Query:
        db, actor = self.ctx.db, self.ctx.actor
        if self._want is None:
            self._want = self._current_key()
        self.loading = True
        if self.showing_marks():
            if not self.marks:
                self.empty.setText(self.tr("Reading the marks…"))
                self.stack.setCurrentWidget(self.empty)
            return Query(self, lambda: duplicates.marks(db, actor)).success(self._show_marks) \
                .failure(self._failed).run()
        if not self.clusters:
            self.empty.setText(self.tr("Looking for possible duplicates…"))
            self.stack.setCurrentWidget(self.empty)
        return Query(self, lambda: duplicates.clusters(db, actor)).success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self._want, self._focus_after = None, False
        if not self.clusters and not self.marks:
            self.empty.setText(self.tr("The marks could not be read. Press F5 to try again.") if self.showing_marks()
                               else self.tr("The possible duplicates could not be looked for. Press F5 to try "
                                            "again."))
        show_error(self, exc)

    def _current_key(self) -> tuple[str | None, int] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        kind, ref = item.data(0, Qt.ItemDataRole.UserRole)
        return (ref if kind == "customer" else None, self.tree.indexOfTopLevelItem(top))

    def _show(self, found: list[duplicates.Cluster]) -> None:
        if self.showing_marks():
            return  # the view was switched while the groups were looked for
        reasons = reason_labels()
        self.clusters = found
        self._fill([(self.tr("%1 customers: %2").replace("%1", str(len(cluster.members)))
                     .replace("%2", ", ".join(reasons.get(r, r) for r in cluster.reasons)), cluster.members)
                    for cluster in found], "cluster", self.tr("No possible duplicates found."))

    def _show_marks(self, found: list[duplicates.Mark]) -> None:
        if not self.showing_marks():
            return
        self.marks = found
        self._fill([(self.tr("Marked as different customers by %1 on %2").replace("%1", mark.marked_by)
                     .replace("%2", local_datetime(mark.marked_at)), mark.members) for mark in found], "mark",
                   self.tr("No records are marked as different customers."))

    def _fill(self, groups: list[tuple[str, tuple[duplicates.Member, ...]]], kind: str, empty: str) -> None:
        """Show ``groups`` (a heading and its records each) as the tree's top items of ``kind``."""
        self.loading = False
        want, self._want = self._want, None
        focus, self._focus_after = self._focus_after, False
        had_focus = self.tree.hasFocus()
        self.tree.clear()
        region = self.ctx.settings.country
        for i, (heading, members) in enumerate(groups):
            top = QTreeWidgetItem([heading])
            top.setData(0, Qt.ItemDataRole.UserRole, (kind, i))
            for m in members:
                child = QTreeWidgetItem([m.name, phone_text(m.phone, region), m.email, m.city,
                                         date_text(m.birth_date) if m.birth_date else "", m.created_on.isoformat(),
                                         str(m.links)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("customer", m.id))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            # The heading (why they are grouped, who marked them when) reads across the columns.
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        if groups:
            self.stack.setCurrentWidget(self.tree)
            self.tree.setCurrentItem(self._item_for(want))
            if focus or had_focus:
                self.tree.setFocus()
        else:
            self.empty.setText(empty)
            self.stack.setCurrentWidget(self.empty)
            if focus:
                self.refresh_button.setFocus()
        self._selection_changed()

    def _item_for(self, want: tuple[str | None, int] | None) -> QTreeWidgetItem:
        """The member that was current if it is still listed, else the group at the same place."""
        cid, index = want or (None, 0)
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for k in range(top.childCount()):
                if cid and top.child(k).data(0, Qt.ItemDataRole.UserRole) == ("customer", cid):
                    return top.child(k)
        return self.tree.topLevelItem(max(0, min(index, self.tree.topLevelItemCount() - 1)))

    def _cluster_of(self, item: QTreeWidgetItem | None) -> duplicates.Cluster | None:
        if item is None:
            return None
        top = item.parent() or item
        kind, index = top.data(0, Qt.ItemDataRole.UserRole)
        return self.clusters[index] if kind == "cluster" and index < len(self.clusters) else None

    def _mark_of(self, item: QTreeWidgetItem | None) -> duplicates.Mark | None:
        if item is None:
            return None
        top = item.parent() or item
        kind, index = top.data(0, Qt.ItemDataRole.UserRole)
        return self.marks[index] if kind == "mark" and index < len(self.marks) else None

    def _selection_changed(self) -> None:
        chosen = self._cluster_of(self.tree.currentItem()) is not None
        self.merge_button.setEnabled(chosen)
        self.distinct_button.setEnabled(chosen or self._mark_of(self.tree.currentItem()) is not None)

    def _open(self, item: QTreeWidgetItem) -> None:
        kind, ref = item.data(0, Qt.ItemDataRole.UserRole)
        window = self.window()
        if kind == "customer" and hasattr(window, "open_record"):
            window.open_record("customer", ref)

    def merge_current(self) -> None:
        item = self.tree.currentItem()
        cluster = self._cluster_of(item)
        if cluster is None:
            return
        kind, ref = item.data(0, Qt.ItemDataRole.UserRole)
        # The list may be read again while the dialog is open (the merge is broadcast): note the place now.
        index = self.tree.indexOfTopLevelItem(item.parent() or item)
        try:
            dialog = MergeDialog(self.ctx, cluster, self, current_id=ref if kind == "customer" else None)
        except (Conflict, NotFound) as exc:  # a member went meanwhile: the group is out of date
            show_error(self, exc)
            self.reload()
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            survivor = dialog.survivor_id()
            merged = [dialog.label_of(cid) for cid in dialog.merged_ids()]
            self._status(self.tr("Merged %1 into %2.").replace("%1", ", ".join(merged))
                         .replace("%2", dialog.label_of(survivor)))
            self._want, self._focus_after = (survivor, index), True
            self.reload()
        elif dialog.stale:
            # Merged or removed in another window meanwhile: the group shown is out of date.
            self._want, self._focus_after = (None, index), True
            self.reload()
        dialog.deleteLater()

    def _names(self, members: tuple[duplicates.Member, ...]) -> str:
        labels = member_labels(members, self.tr("created %1"), self.tr("record %1"))
        return ", ".join(labels[m.id] for m in members)

    def _question(self, members: tuple[duplicates.Member, ...], name: str, title: str, text: str, informative: str,
                  go_text: str) -> tuple[QMessageBox, QPushButton]:
        """A question naming ``members`` ("%1" in ``text``), its go button the default."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text.replace("%1", self._names(members)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName(f"{name}Question")
        box.setInformativeText(informative)
        go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
        go.setObjectName(f"{name}Go")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        box.setEscapeButton(cancel)
        return box, go

    def distinct_question(self, cluster: duplicates.Cluster) -> QMessageBox:
        """The question before the records of a group are marked as different customers, naming them."""
        box, self.distinct_go = self._question(
            cluster.members, "distinct", self.tr("Not duplicates"), self.tr("Mark %1 as different customers?"),
            self.tr("This page will no longer group them with one another; each may still be grouped with other "
                    "records. Entering a new customer still warns of them."), self.tr("&Not duplicates"))
        return box

    def withdraw_question(self, mark: duplicates.Mark) -> QMessageBox:
        """The question before a mark is withdrawn, naming the two records."""
        box, self.withdraw_go = self._question(
            mark.members, "withdraw", self.tr("Withdraw mark"),
            self.tr("Withdraw the mark that %1 are different customers?"),
            self.tr("The possible duplicates may group them again."), self.tr("&Withdraw mark"))
        return box

    def mark_current_distinct(self) -> Op | None:
        """Ask, then record that the selected group's records are different customers (or, among the
        marks, withdraw the selected mark)."""
        if self.showing_marks():
            return self.withdraw_current_mark()
        cluster = self._cluster_of(self.tree.currentItem())
        if cluster is None:
            return None
        return self._ask_then(cluster.members, self.distinct_question(cluster), self.distinct_go,
                              duplicates.mark_distinct, self.tr("Marked %1 as different customers."))

    def withdraw_current_mark(self) -> Op | None:
        """Ask, then withdraw the selected mark."""
        mark = self._mark_of(self.tree.currentItem())
        if mark is None:
            return None
        return self._ask_then(mark.members, self.withdraw_question(mark), self.withdraw_go,
                              duplicates.unmark_distinct,
                              self.tr("Withdrew the mark that %1 are different customers."))

    def _ask_then(self, members: tuple[duplicates.Member, ...], box: QMessageBox, go: QPushButton,
                  change: Callable[..., int], done_text: str) -> Op | None:
        """Show ``box`` (``go`` is its button); on ``go`` run ``change(db, actor, ids)`` for ``members``,
        say ``done_text`` ("%1" their names) and read the page again, keeping its place."""
        item = self.tree.currentItem()
        index = self.tree.indexOfTopLevelItem(item.parent() or item)
        box.exec()
        chosen = box.clickedButton() is go
        box.deleteLater()
        if not chosen:
            return None
        names = self._names(members)
        ids = [m.id for m in members]
        db, actor = self.ctx.db, self.ctx.actor

        def again() -> None:
            self._want, self._focus_after = (None, index), True
            self.reload()

        def done(_n: int) -> None:
            self._status(done_text.replace("%1", names))
            again()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            again()

        return Op(self, lambda _p, _c: change(db, actor, ids)).success(done).failure(failed).run()

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

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
            why = (top.text(0) if self.showing_marks()
                   else ", ".join(reason_labels().get(r, r) for r in self.clusters[i].reasons))
            for k in range(top.childCount()):
                child = top.child(k)
                rows.append([i + 1, why, *(child.text(c) for c in range(self.tree.columnCount()))])
        return export_tables(self, self.ctx, path, titles, rows, sheet="duplicates")

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("customer", "contact", "customer_distinct"):
            self.reload()


class MergeDialog(FormDialog):
    """Choose the record that stays, which of the others are merged into it (a box each, all ticked
    but those the dialog knows to be someone else) and, for each field the chosen records differ in,
    the value it keeps. Merge… asks first, naming what moves and how the records differ (Cancel is the
    default: Enter does not merge); then everything linked to the chosen records moves onto the one
    that stays in one step (it cannot be undone); the others are left as they are. Records with
    different ID numbers or credit codes are two customers: such a record starts unticked with the
    reason beside it, and ticking it withdraws the merge."""

    FIELD_ORDER = ("name", "alt_name", "kind", "phone", "email", "id_number", "company_reg", "address", "city",
                   "postcode", "birth_date", "grade", "marketing_ok", "notes")

    def __init__(self, ctx: AppContext, cluster: duplicates.Cluster, parent: QWidget | None = None, *,
                 current_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cluster = cluster
        self.stale = False
        self.setWindowTitle(self.tr("Merge customers"))
        self.setMinimumWidth(660)
        found = {m.id: customers.get(ctx.db, ctx.actor, m.id) for m in cluster.members}
        for m in cluster.members:
            if found[m.id].merged_into_id:
                raise Conflict(msg("'{name}' was already merged into another customer", name=m.name))
        self.details = {cid: d.data for cid, d in found.items()}
        self.created = {m.id: m.created_on.isoformat() for m in cluster.members}
        self.field_labels = {
            "name": self.tr("Name"), "alt_name": self.tr("Other spelling"), "kind": self.tr("Type"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "id_number": self.tr("ID number"),
            "company_reg": self.tr("Credit code"), "address": self.tr("Address"), "city": self.tr("City"),
            "postcode": self.tr("Postcode"), "birth_date": self.tr("Birth date"), "grade": self.tr("Grade"),
            "marketing_ok": self.tr("Marketing"), "notes": self.tr("Remarks")}
        # How each record is named where the names alone cannot tell them apart.
        self.labels = member_labels(cluster.members, self.tr("created %1"), self.tr("record %1"))

        # A row per record: the record that stays (one) and, beside each of the others, whether it is
        # merged into it; the rest stay separate customers.
        records = QGroupBox()
        grid = QGridLayout(records)
        grid.setColumnStretch(2, 1)
        for column, text in enumerate((self.tr("The record that stays"), self.tr("Merge into it"))):
            heading = QLabel(text)
            heading.setStyleSheet("font-weight: 600;")
            grid.addWidget(heading, 0, column)
        self.survivor = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLabel] = {}
        # Records unticked by the user: they stay unticked when another record is chosen to stay.
        self.left_out: set[str] = set()
        # The record selected on the page stays by default; else the one with the most linked to it,
        # the oldest on a tie.
        default = next((m for m in cluster.members if m.id == current_id), None) or max(
            cluster.members, key=lambda m: (m.links, -cluster.members.index(m)))
        for row, m in enumerate(cluster.members, 1):
            radio = QRadioButton(self._describe(m))
            radio.setObjectName(f"survivor_{m.id}")
            self.survivor.addButton(radio)
            self.radios[m.id] = radio
            radio.setChecked(m is default)
            check = QCheckBox(self.tr("Merge"))
            check.setObjectName(f"merged_{m.id}")
            check.setAccessibleName(self.tr("Merge %1").replace("%1", self.labels[m.id]))
            check.clicked.connect(lambda on, cid=m.id: self._ticked(cid, on))
            reason = QLabel()
            reason.setObjectName("hint")
            reason.setWordWrap(True)
            self.checks[m.id], self.reasons[m.id] = check, reason
            grid.addWidget(radio, row, 0)
            grid.addWidget(check, row, 1)
            grid.addWidget(reason, row, 2)

        form = QFormLayout()
        self.form = form
        self.errors = FieldErrors(form)
        self.choices: dict[str, QComboBox] = {}
        self.values = {name: {m.id: getattr(self.details[m.id], name) for m in cluster.members}
                       for name in self.FIELD_ORDER}
        for name in self.FIELD_ORDER:
            if len({str(v) for v in self.values[name].values()}) < 2:
                continue
            combo = QComboBox()
            combo.setObjectName(f"keep_{name}")
            self.choices[name] = combo
            self.errors.add_row(name, self.field_labels[name], combo)
        fields_box = QGroupBox(self.tr("Values to keep"))
        fields_box.setLayout(form)
        self.same_values = QLabel(self.tr("The records hold the same values."))
        form.addRow(self.same_values)
        # The fields the chosen records differ in: the rows shown, and the values the service is told.
        self.shown_fields: list[str] = []

        # Different ID numbers or credit codes: two customers, never merged (the service refuses too).
        self.refusal = QLabel()
        self.refusal.setObjectName("mergeRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020; font-weight: bold;")
        self.warning = QLabel()
        self.warning.setObjectName("mergeWarning")
        self.warning.setWordWrap(True)
        note = QLabel(self.tr("Vehicles, invoices, payments, repair orders, leads, deals, notes and everything else "
                              "linked to the records merged move to the one that stays. The merged records are kept "
                              "as merged and leave the lists; unticked records stay as they are. This cannot be "
                              "undone."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(records)
        layout.addWidget(fields_box)
        layout.addWidget(self.refusal)
        layout.addWidget(self.warning)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        # Enter presses Merge…, which only asks; the question's default is Cancel, so Enter never
        # merges at once. (Made the default once in the dialog, so that the dialog keeps it so.)
        self.merge_button.setDefault(True)
        self._survivor_changed()
        for radio in self.radios.values():
            radio.toggled.connect(lambda on: on and self._survivor_changed())
        self.radios[default.id].setFocus()

    def _describe(self, m: duplicates.Member) -> str:
        """Two lines telling the records apart: name, created, ID number (as the user may see it),
        status; phone, city, what is linked."""
        data = self.details[m.id]
        number = data.id_number or data.company_reg
        first = [m.name, self.tr("created %1").replace("%1", self.created[m.id])]
        if data.id_number:
            first.append(self.tr("ID %1").replace("%1", data.id_number))
        elif number:
            first.append(self.tr("credit code %1").replace("%1", number))
        first.append(self.tr("active") if data.active else self.tr("inactive"))
        second = [x for x in (phone_text(m.phone, self.ctx.settings.country), m.city,
                              self.tr("%1 linked records").replace("%1", str(m.links))) if x]
        return " · ".join(first) + "\n" + " · ".join(second)

    def label_of(self, cid: str) -> str:
        return self.labels[cid]

    UNIQUE = ("id_number", "company_reg")

    def _conflict(self, cid: str, others: list[str]) -> tuple[str, str] | None:
        """The first of ``others`` with another ID number or credit code than ``cid``, as shown to
        this user (the service compares the real ones): (field, other id), or None."""
        for name in self.UNIQUE:
            mine = getattr(self.details[cid], name)
            other = next((o for o in others if o != cid and mine and getattr(self.details[o], name)
                          and getattr(self.details[o], name) != mine), None)
            if other is not None:
                return name, other
        return None

    def _refusal(self, cids: list[str]) -> str:
        """Why ``cids`` cannot be merged into one: two of them with different ID numbers or credit codes."""
        for name, text in (("id_number", self.tr("%1 and %2 have different ID numbers: they are different customers "
                                                 "and cannot be merged.")),
                           ("company_reg", self.tr("%1 and %2 have different credit codes: they are different "
                                                   "companies and cannot be merged."))):
            holders = [cid for cid in cids if getattr(self.details[cid], name)]
            values = {getattr(self.details[cid], name) for cid in holders}
            if len(values) > 1:
                a = holders[0]
                b = next(cid for cid in holders if getattr(self.details[cid], name) != getattr(self.details[a], name))
                return text.replace("%1", self.labels[a]).replace("%2", self.labels[b])
        return ""

    def merged_ids(self) -> list[str]:
        """The records ticked to be merged into the one that stays, in the group's order."""
        survivor = self.survivor_id()
        return [m.id for m in self.cluster.members if m.id != survivor and self.checks[m.id].isChecked()]

    def _chosen(self) -> list[str]:
        return [self.survivor_id(), *self.merged_ids()]

    def _survivor_changed(self) -> None:
        """Another record stays: tick every other record but those left out by the user and those of
        another person than the records ticked before them; each field starts at its default."""
        survivor = self.survivor_id()
        chosen = [survivor]
        for m in self.cluster.members:
            check = self.checks[m.id]
            check.setVisible(m.id != survivor)
            on = m.id != survivor and m.id not in self.left_out and self._conflict(m.id, chosen) is None
            check.setChecked(on)
            if on:
                chosen.append(m.id)
        self._update(reset=True)

    def _ticked(self, cid: str, on: bool) -> None:
        if on:
            self.left_out.discard(cid)
        else:
            self.left_out.add(cid)
        self._update()

    def _update(self, *, reset: bool = False) -> None:
        """Show what the chosen records mean: why a record is someone else, the fields to choose,
        the warnings; Merge… only for at least one record that may be merged."""
        survivor = self.survivor_id()
        chosen = self._chosen()
        others = [m.id for m in self.cluster.members if m.id != survivor]
        texts = {"id_number": self.tr("Another ID number than %1: a different customer."),
                 "company_reg": self.tr("Another credit code than %1: a different company.")}
        for cid in others:
            conflict = self._conflict(cid, chosen)
            self.reasons[cid].setText(texts[conflict[0]].replace("%1", self.labels[conflict[1]]) if conflict else "")
            self.reasons[cid].setVisible(conflict is not None)
        self.reasons[survivor].setVisible(False)
        # Nothing mergeable (every other record is someone else) is said as plainly as a wrong tick.
        refusal = self._refusal(chosen)
        if not refusal and all(self._conflict(cid, [survivor]) for cid in others):
            refusal = self._refusal([survivor, *others])
        self.refusal.setText(refusal)
        self.refusal.setVisible(bool(refusal))
        self._show_choices(chosen, reset=reset)
        self.warning.setText("\n".join(self.differences()))
        self.warning.setVisible(bool(self.warning.text()) and not refusal)
        self.merge_button.setEnabled(len(chosen) > 1 and not refusal)

    def _show_choices(self, chosen: list[str], *, reset: bool) -> None:
        """A row for each field the chosen records differ in, offering their values; a choice made
        stays unless ``reset`` (another record stays), else the staying record's value or the first
        chosen record's that has one."""
        empty = self.tr("(empty)")
        survivor = chosen[0]
        self.shown_fields = []
        for name, combo in self.choices.items():
            values = self.values[name]
            show = len({str(values[cid]) for cid in chosen}) > 1
            self.form.setRowVisible(combo.parentWidget(), show)
            if not show:
                continue
            before = None if reset else combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for cid in chosen:
                combo.addItem(f"{self._text(name, values[cid]) or empty} — {self.labels[cid]}", cid)
            combo.blockSignals(False)
            pick = before if before in chosen else survivor if values[survivor] not in ("", None) else next(
                (cid for cid in chosen if values[cid] not in ("", None)), survivor)
            combo.setCurrentIndex(combo.findData(pick))
            self.shown_fields.append(name)
        self.form.setRowVisible(self.same_values, not self.shown_fields)

    def differences(self) -> list[str]:
        """What speaks against the records being one customer: different names or birth dates."""
        out = []
        details = [self.details[cid] for cid in self._chosen()]
        # Two records are of one name if a spelling of one (name or other spelling) is one of the other's.
        keys = [{k for k in (customers.name_key(d.name), customers.name_key(d.alt_name)) if k} for d in details]
        if any(not (a & b) for i, a in enumerate(keys) for b in keys[i + 1:]):
            out.append(self.tr("The names differ: %1.").replace(
                "%1", " / ".join(dict.fromkeys(d.name for d in details))))
        born = {d.birth_date for d in details if d.birth_date}
        if len(born) > 1:
            out.append(self.tr("The birth dates differ: %1.").replace(
                "%1", " / ".join(date_text(b) for b in sorted(born))))
        if out:
            out.insert(0, self.tr("Check that these records are one customer:"))
        return out

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

    def keep(self) -> dict[str, str]:
        out = {name: self.choices[name].currentData() for name in self.shown_fields}
        if "marketing_ok" in out:
            out["marketing_since"] = out["marketing_ok"]
        return out

    def question(self) -> QMessageBox:
        """The question before the merge: what moves where, and how the records differ. Cancel is
        the default button."""
        survivor = self.survivor_id()
        chosen = self._chosen()
        merged = [m for m in self.cluster.members if m.id in chosen[1:]]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Merge customers"),
                          self.tr("Merge %1 customers into %2? This cannot be undone.")
                          .replace("%1", str(len(chosen))).replace("%2", self.label_of(survivor)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("mergeQuestion")
        lines = [self.tr("%1: %2 linked records move to %3; it is kept as merged.")
                 .replace("%1", self.label_of(m.id)).replace("%2", str(m.links)).replace("%3", self.label_of(survivor))
                 for m in merged]
        if any(self.details[cid].active for cid in chosen) and not self.details[survivor].active:
            lines.append(self.tr("%1 becomes active again.").replace("%1", self.label_of(survivor)))
        changed = [self.field_labels[name] for name in self.shown_fields
                   if self.choices[name].currentData() != survivor]
        if changed:
            lines.append(self.tr("%1 takes from the others: %2.").replace("%1", self.label_of(survivor))
                         .replace("%2", ", ".join(changed)))
        lines += self.differences()
        box.setInformativeText("\n".join(lines))
        self.go_button = box.addButton(self.tr("&Merge"), QMessageBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("mergeGo")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box

    def confirm(self) -> None:
        if not self.merge_button.isEnabled():
            return
        box = self.question()
        box.exec()
        go = box.clickedButton() is self.go_button
        box.deleteLater()
        if go:
            self.save()

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        survivor = self.survivor_id()
        merged = self.merged_ids()
        keep = self.keep()
        self.submit(lambda: merge.merge(db, actor, survivor, merged, keep).survivor_id)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (Conflict, NotFound)):
            # Merged or removed in another window meanwhile: nothing to choose here any more.
            self.buttons.setEnabled(True)
            self.stale = True
            show_error(self, exc)
            self.reject()
            return
        super()._failed(exc)

    @classmethod
    def ask(cls, ctx: AppContext, cluster: duplicates.Cluster, parent: QWidget | None = None) -> str | None:
        return super().ask(ctx, parent, cluster=cluster)
