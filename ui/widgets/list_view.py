"""The one list widget of the app: search box, filters, sortable columns, lazy paging, export.

The model holds pages of plain rows fetched from :mod:`services.lists`; sorting, filtering and
searching happen in SQL (STYLE §7). Pages are read on demand through ``fetchMore``: a page is one
indexed query of a few milliseconds, so it is read on the GUI thread like Qt's own fetchMore
example, while the slower total count runs on the database worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services import lists
from store.changes import Changes
from ui.context import AppContext
from ui.formatting import cell_text
from ui.workers import Op, Query

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LazyListModel(QAbstractTableModel):
    """Rows of one :class:`services.lists.ListSource`, fetched a page at a time."""

    def __init__(self, ctx: AppContext, source: str, headers: dict[str, str], *,
                 value_labels: dict[str, dict[Any, str]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.value_labels = value_labels or {}
        self.source = lists.source(source)
        self.columns = [c for c in self.source.columns if c.key in headers]
        self.headers = headers
        self.state = lists.ListState()
        self.rows: list[tuple] = []
        self.exhausted = True
        self._offsets = [self.source.columns.index(c) + 1 for c in self.columns]

    # --- loading ------------------------------------------------------------------------------
    def reload(self, state: lists.ListState | None = None) -> None:
        if state is not None:
            self.state = state
        self.beginResetModel()
        self.rows = []
        self.exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.exhausted:
            return
        page = lists.fetch_page(self.ctx.db, self.ctx.actor, self.source.name, self.state,
                                offset=len(self.rows), limit=PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self.exhausted = True
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def refresh_ids(self, ids: list[str]) -> bool:
        """Re-read the given rows in place (keeps selection and scroll). False if any is not loaded."""
        positions = {row[0]: i for i, row in enumerate(self.rows)}
        all_found = True
        for row_id in ids:
            i = positions.get(row_id)
            if i is None:
                all_found = False
                continue
            fresh = lists.row_by_id(self.ctx.db, self.ctx.actor, self.source.name, row_id)
            if fresh is None:
                all_found = False
                continue
            self.rows[i] = fresh
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
        return all_found

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[self._offsets[index.column()]]
            labels = self.value_labels.get(col.key)
            if labels is not None and value in labels:
                return labels[value]
            return cell_text(value, col.kind, currency=self.ctx.settings.currency, region=self.ctx.settings.country)
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "money", "qty"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "text":
            value = row[self._offsets[index.column()]]
            return str(value) if value and len(str(value)) > 30 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.columns):
                return self.headers[self.columns[section].key]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        self.state.sort = self.columns[column].key
        self.state.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def row_id(self, row: int) -> str | None:
        return self.rows[row][0] if 0 <= row < len(self.rows) else None


@dataclass(frozen=True)
class FilterSpec:
    """How a screen shows one of its source's filters: a label and, for choices, translated labels."""

    key: str
    label: str
    choices: tuple[tuple[Any, str], ...] = ()


class ListView(QWidget):
    """Search box + filters + lazy table + count + export. Emits ``activated(id)`` on Enter or
    double-click, ``current_changed(id or "")`` when the selection moves and ``counted(n)`` when the
    number of rows matching the search and filters is known."""

    activated = Signal(str)
    current_changed = Signal(str)
    counted = Signal(int)

    def __init__(self, ctx: AppContext, source: str, headers: dict[str, str], *, noun_plural: str,
                 empty_text: str, filters: list[FilterSpec] | None = None, export_name: str = "",
                 value_labels: dict[str, dict[Any, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.noun_plural = noun_plural
        self.empty_text = empty_text
        self.export_name = export_name or source
        self.fixed_filters: dict[str, Any] = {}
        self.model = LazyListModel(ctx, source, headers, value_labels=value_labels, parent=self)

        self.search = QLineEdit()
        self.search.setObjectName("listSearch")
        self.search.setMinimumWidth(220)
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)

        self.filter_widgets: dict[str, QComboBox] = {}
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for spec in filters or []:
            combo = self._make_filter(spec)
            label = QLabel(spec.label)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        top.addWidget(self.count_label)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Export the rows shown to Excel or CSV (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(ctx.can("data.export"))
        top.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(self.model.columns):
            self.table.setColumnWidth(i, col.width)
        src = self.model.source
        sort_key = src.default_sort or src.columns[0].key
        sort_col = next((i for i, c in enumerate(self.model.columns) if c.key == sort_key), 0)
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(
            sort_col, Qt.SortOrder.DescendingOrder if src.default_descending else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().blockSignals(False)
        # Only now: enabling sorting sorts by the header's current indicator, which must be the default.
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.doubleClicked.connect(lambda idx: self._activate(idx.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.current_changed.emit(str(self.model.row_id(cur.row()) or "")))
        self.table.installEventFilter(self)

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self._count_generation = 0

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        # A click on a column the list cannot be sorted by changes nothing, so the header must not
        # claim otherwise: put the indicator back on the column the rows are sorted by.
        if not 0 <= column < len(self.model.columns) or self.model.columns[column].sortable:
            return
        src, state = self.model.source, self.model.state
        key = state.sort or src.default_sort or src.columns[0].key
        descending = state.descending if state.sort else src.default_descending
        sorted_col = next((i for i, c in enumerate(self.model.columns) if c.key == key), -1)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(sorted_col, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    # --- filters ------------------------------------------------------------------------------
    def _make_filter(self, spec: FilterSpec) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter_{spec.key}")
        combo.addItem(self.tr("All"), None)
        src_filter = next(f for f in self.model.source.filters if f.key == spec.key)
        if src_filter.kind == "bool":
            choices = spec.choices or ((True, self.tr("Yes")), (False, self.tr("No")))
        elif src_filter.kind == "date_range":
            today = date.today()
            choices = spec.choices or (
                ((today, today), self.tr("Today")),
                ((today - timedelta(days=6), today), self.tr("Last 7 days")),
                ((today - timedelta(days=29), today), self.tr("Last 30 days")),
                ((today.replace(day=1), today), self.tr("This month")),
                ((today.replace(month=1, day=1), today), self.tr("This year")),
            )
        else:
            choices = spec.choices
        for value, label in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_widgets[spec.key] = combo
        return combo

    def set_fixed_filter(self, key: str, value: Any) -> None:
        """A filter the screen sets in code (e.g. vehicles of one owner), not shown as a widget."""
        if value is None:
            self.fixed_filters.pop(key, None)
        else:
            self.fixed_filters[key] = value
        self.reload()

    def current_state(self) -> lists.ListState:
        filters = dict(self.fixed_filters)
        for key, combo in self.filter_widgets.items():
            value = combo.currentData()
            if value is not None:
                filters[key] = value
        return lists.ListState(search=self.search.text(), filters=filters, sort=self.model.state.sort,
                               descending=self.model.state.descending)

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._debounce.stop()
        self.model.reload(self.current_state())
        self._count()

    def _count(self) -> None:
        self._count_generation += 1
        generation = self._count_generation
        state = self.current_state()
        db, actor, name = self.ctx.db, self.ctx.actor, self.model.source.name
        self.count_label.setText("")

        def done(n: int) -> None:
            if generation == self._count_generation:
                self.count_label.setText(self.tr("%n row(s)", "", n))
                self.total = n
                self.counted.emit(n)

        Query(self, lambda: lists.count(db, actor, name, state)).success(done).run()

    def _update_empty(self, *_args) -> None:
        if self.model.rowCount() == 0:
            if self.search.text().strip() or any(c.currentData() is not None for c in self.filter_widgets.values()):
                self.empty.setText(self.tr("Nothing matches your search and filters."))
            else:
                self.empty.setText(self.empty_text)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)

    def apply(self, changes: Changes) -> frozenset[str] | bool | None:
        """Refresh what ``changes`` alter in this list. Returns False when nothing shown changed,
        else the changed row ids (None: rows that cannot be named, all were re-read)."""
        keyed, other = lists.tables_shown(self.model.source.name)
        if changes.touches(*other):
            self.refresh(None)
            return None
        if changes.touches(*keyed):
            ids = changes.ids(*keyed)
            self.refresh(sorted(ids) if ids is not None else None)
            return ids
        return False

    def refresh(self, ids: list[str] | None = None) -> None:
        """Refresh changed rows in place when possible, otherwise reload the list."""
        if ids and self.model.refresh_ids(ids):
            return
        selected = self.selected_id()
        self.reload()
        if selected:
            self.select_id(selected)

    # --- selection and keys -------------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_id(self, row_id: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row[0] == row_id:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                return True
        return False

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_enter(self) -> None:
        self.reload()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _activate(self, row: int) -> None:
        row_id = self.model.row_id(row)
        if row_id:
            self.activated.emit(str(row_id))

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.table.currentIndex().row())
                return True
            if event.key() == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:
        if self.search.hasFocus() and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)
            return
        super().keyPressEvent(event)

    # --- export -------------------------------------------------------------------------------
    def export(self) -> None:
        if not self.ctx.can("data.export"):
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export list"), f"{self.export_name}-{date.today():%Y%m%d}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not path:
            return
        self.export_to(path)

    def export_to(self, path: str) -> Op:
        state = self.current_state()
        db, actor, name = self.ctx.db, self.ctx.actor, self.model.source.name

        def work(progress, cancel) -> int:
            return lists.export(db, actor, name, state, path, progress=progress, cancel=cancel)

        def done(n: int) -> None:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr("Exported %n row(s) to %1", "", n).replace("%1", path), 8000)
            self.exported = (path, n)

        return Op(self, work, title=self.tr("Exporting")).success(done).run()
