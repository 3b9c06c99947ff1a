"""The one list widget of the app: search box, filters, sortable columns, lazy paging, export.

The model holds a *window* of consecutive rows of the list, plain rows fetched from
:mod:`services.lists` with each row's key (its place in the sort order); sorting, filtering and
searching happen in SQL (STYLE §7). A page is one indexed query of a few milliseconds at any depth,
so it is read on the GUI thread like Qt's own fetchMore example, while the slower total count runs
on the database worker.

* Scrolling down reads the page after the last loaded row's key (``canFetchMore``/``fetchMore``);
  rows inserted or deleted elsewhere meanwhile neither repeat nor go missing at the boundary.
* :meth:`ListView.select_id` of a row that is not loaded does not load every row before it: the
  service finds the row's key and reads the rows just around it, and the model's window is moved
  there (a reset). The window then grows both ways: down through ``fetchMore``, up when the view is
  scrolled to its top (or Up/Page Up is pressed on its first row), by reading the page before the
  first loaded row's key and inserting it above, keeping the rows on screen where they were. A row
  deep in a million is shown after three small queries, and memory holds only what was looked at.
* :meth:`ListView.apply_changes` re-reads changed rows that are loaded in place; when rows appeared
  in, left or moved within the window, the window is re-read between its first and last keys and
  merged into the model row by row (inserts and removals, not a reset), so the selection and the
  rows on screen stay put.

The vertical scroll bar spans the loaded window, not the whole list; the row count beside the
search box tells the whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from ui.widgets.columns import ColumnFitter, is_free_text
from ui.widgets.exporting import ask_path, file_value, pass_export_keys, run_export
from ui.workers import Op, Query

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LazyListModel(QAbstractTableModel):
    """A window of consecutive rows of one :class:`services.lists.ListSource`, read a page at a time
    by key. GUI thread only."""

    def __init__(self, ctx: AppContext, source: str, headers: dict[str, str], *,
                 value_labels: dict[str, dict[Any, str]] | None = None,
                 derived: dict[str, Callable[[dict[str, Any]], str]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.value_labels = value_labels or {}
        # Columns whose text is made from the whole row when shown (and exported), not stored as shown.
        self.derived = derived or {}
        self.source = lists.source(source)
        # A column the user may not see (a cost) is left out, of the screen and of its exports.
        self.columns = [c for c in self.source.columns if c.key in headers
                        and (not c.permission or c.masked_sql or ctx.can(c.permission))]
        self.headers = headers
        self.state = lists.ListState()
        self.rows: list[tuple] = []
        self.keys: list[lists.RowKey] = []
        # The window's ends: whether its first row is the list's first, and its last the list's last.
        self.at_start = True
        self.exhausted = True
        # Set while rows are being inserted, removed or reset: views (and model testers) may ask for
        # more from inside the change's own signals, which must not start a second change.
        self._changing = False
        self._offsets = [self.source.columns.index(c) + 1 for c in self.columns]

    # --- loading ------------------------------------------------------------------------------
    def reload(self, state: lists.ListState | None = None) -> None:
        """Start again at the top of the list (with ``state``, if given)."""
        if state is not None:
            self.state = state
        self._reset([], [], at_start=True, at_end=False)
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted and not self._changing

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._read(after=self.keys[-1] if self.keys else None)
        self.exhausted = page.at_end
        self._insert(len(self.rows), page.rows, page.keys)

    def can_fetch_before(self) -> bool:
        """Whether rows of the list may precede the window (after :meth:`locate` moved it)."""
        return not self.at_start

    def fetch_before(self) -> int:
        """Insert the page before the first loaded row above it; returns how many rows came."""
        if self.at_start or self._changing:
            return 0
        if not self.keys:
            self.at_start = True
            return 0
        page = self._read(before=self.keys[0])
        self.at_start = page.at_start
        self._insert(0, page.rows, page.keys)
        return len(page.rows)

    def _read(self, *, after: lists.RowKey | None = None, before: lists.RowKey | None = None) -> lists.Page:
        return lists.fetch_page(self.ctx.db, self.ctx.actor, self.source.name, self.state, limit=PAGE_SIZE,
                                after=after, before=before)

    def position(self, row_id: Any) -> int | None:
        """Where the row ``row_id`` is in the window, or None if it is not loaded."""
        return next((i for i, row in enumerate(self.rows) if row[0] == row_id), None)

    def locate(self, row_id: Any) -> int | None:
        """Where the row ``row_id`` is, moving the window to it (half a page before it, a page from
        it on) when it is not loaded; None if it is not in the list as searched and filtered."""
        i = self.position(row_id)
        if i is not None:
            return i
        page = lists.fetch_around(self.ctx.db, self.ctx.actor, self.source.name, self.state, row_id,
                                  before=PAGE_SIZE // 2, limit=PAGE_SIZE)
        if page is None:
            return None
        self._reset(list(page.rows), list(page.keys), at_start=page.at_start, at_end=page.at_end)
        return self.position(row_id)

    def apply_changes(self, ids: frozenset[Any] | None) -> bool:
        """Bring the window up to date after the rows ``ids`` changed (None: unknown or many).

        Changed rows that stay where they were are re-read in place. When a row appeared in the
        window, left it or moved, the window is re-read from its first row's key to its last one's
        (from the list's start or to its end when the window reaches them) and merged in with row
        inserts and removals, so persistent indexes, and with them the selection, survive. Returns
        whether rows appeared, disappeared or moved."""
        first = None if self.at_start or not self.keys else self.keys[0]
        last = None if self.exhausted or not self.keys else self.keys[-1]
        if ids is not None:
            if not ids:
                return False
            fresh = lists.fetch_rows(self.ctx.db, self.ctx.actor, self.source.name, self.state, ids,
                                     first=first, last=last)
            found = {row[0]: (row, key) for row, key in zip(fresh.rows, fresh.keys, strict=True)}
            loaded = {row[0]: i for i, row in enumerate(self.rows) if row[0] in ids}
            moved = any(found.get(row_id, (None, None))[1] != self.keys[i] for row_id, i in loaded.items())
            if not moved and found.keys() <= loaded.keys():
                for row_id, (row, _key) in found.items():
                    self._replace(loaded[row_id], row)
                return False
        page = lists.fetch_window(self.ctx.db, self.ctx.actor, self.source.name, self.state, first=first,
                                  last=last, limit=len(self.rows) + PAGE_SIZE)
        if not page.rows and first is not None:
            # Every loaded row has gone: show what now stands from that place on, else the list's top.
            page = lists.fetch_window(self.ctx.db, self.ctx.actor, self.source.name, self.state, first=first,
                                      last=None, limit=PAGE_SIZE)
            if not page.rows:
                self.reload()
                return True
        self._merge(page.rows, page.keys)
        self.exhausted = page.at_end
        return True

    def _replace(self, i: int, row: tuple) -> None:
        if self.rows[i] != row:
            self.rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def _merge(self, rows: list[tuple], keys: list[lists.RowKey]) -> None:
        """Make the window ``rows`` by removing the loaded rows that are not among them and inserting
        the ones that are new, block by block. A row is the same row if its id and key are: both
        lists are in key order, so the rows they share are in the same order in each."""
        wanted = {(row[0], key) for row, key in zip(rows, keys, strict=True)}
        kept = [(row[0], key) in wanted for row, key in zip(self.rows, self.keys, strict=True)]
        end = len(self.rows)
        while end > 0:
            if kept[end - 1]:
                end -= 1
                continue
            start = end - 1
            while start > 0 and not kept[start - 1]:
                start -= 1
            self._remove(start, end)
            end = start
        have = {(row[0], key) for row, key in zip(self.rows, self.keys, strict=True)}
        i = 0
        while i < len(rows):
            if (rows[i][0], keys[i]) in have:
                self._replace(i, rows[i])
                i += 1
                continue
            stop = i + 1
            while stop < len(rows) and (rows[stop][0], keys[stop]) not in have:
                stop += 1
            self._insert(i, rows[i:stop], keys[i:stop])
            i = stop

    # --- changes --------------------------------------------------------------------------------
    @contextmanager
    def _change(self) -> Iterator[None]:
        self._changing = True
        try:
            yield
        finally:
            self._changing = False

    def _reset(self, rows: list[tuple], keys: list[lists.RowKey], *, at_start: bool, at_end: bool) -> None:
        with self._change():
            self.beginResetModel()
            self.rows, self.keys = rows, keys
            self.at_start, self.exhausted = at_start, at_end
            self.endResetModel()

    def _insert(self, at: int, rows: list[tuple], keys: list[lists.RowKey]) -> None:
        if not rows:
            return
        with self._change():
            self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
            self.rows[at:at] = rows
            self.keys[at:at] = keys
            self.endInsertRows()

    def _remove(self, start: int, end: int) -> None:
        """Remove rows ``start`` up to, not including, ``end``."""
        with self._change():
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            del self.rows[start:end], self.keys[start:end]
            self.endRemoveRows()

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
            if col.key in self.derived:
                return self.derived[col.key](self.row_values(row))
            value = row[self._offsets[index.column()]]
            labels = self.value_labels.get(col.key)
            if labels is not None and value in labels:
                return labels[value]
            return cell_text(value, col.kind, currency=self.ctx.settings.currency, region=self.ctx.settings.country)
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "money", "qty", "hours"):
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

    def row_values(self, row: tuple) -> dict[str, Any]:
        """A loaded row as {column key: stored value}, every column of the source (hidden ones too)."""
        return {c.key: row[i + 1] for i, c in enumerate(self.source.columns)}


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
                 value_labels: dict[str, dict[Any, str]] | None = None,
                 derived: dict[str, Callable[[dict[str, Any]], str]] | None = None,
                 filters_below: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.noun_plural = noun_plural
        self.empty_text = empty_text
        self.export_name = export_name or source
        self.fixed_filters: dict[str, Any] = {}
        self.model = LazyListModel(ctx, source, headers, value_labels=value_labels, derived=derived, parent=self)

        self.search = QLineEdit()
        self.search.setObjectName("listSearch")
        self.search.setMinimumWidth(220)
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)
        pass_export_keys(self.search)

        self.filter_widgets: dict[str, QComboBox] = {}
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        # Many filters go on a row of their own, so the list stays narrow enough for a detail pane.
        filter_row = QHBoxLayout() if filters_below else top
        for spec in filters or []:
            combo = self._make_filter(spec)
            label = QLabel(spec.label)
            label.setBuddy(combo)
            filter_row.addWidget(label)
            filter_row.addWidget(combo, 1)
        if filters_below:
            top.addStretch(1)
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
        # Tab leaves the list for the next control (arrows move within it), never cell by cell.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(self.model.columns):
            self.table.setColumnWidth(i, col.width)
        self.column_fitter = ColumnFitter(
            self.table, text_columns=[i for i, c in enumerate(self.model.columns) if is_free_text(c.key, c.kind)],
            minimum=[c.width if c.kind == "text" else 0 for c in self.model.columns])
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
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.installEventFilter(self)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._restoring = False

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
        if filter_row is not top:
            layout.addLayout(filter_row)
        layout.addWidget(self.stack, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.model.rowsRemoved.connect(self._update_empty)
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
    def clear_search_and_filters(self) -> None:
        """Show the whole list: the search box emptied and every filter shown set back to "All"."""
        for combo in self.filter_widgets.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the list again from the top (a new search, filter or sort). The selection does not
        survive it, and whatever followed the selected row (a detail pane, its actions) is told so."""
        had_selection = self.selected_id() is not None
        self._debounce.stop()
        self.model.reload(self.current_state())
        self._count()
        if had_selection and self.selected_id() is None:
            self.current_changed.emit("")

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
            if self.table.hasFocus():
                # The table is about to be hidden: the focus stays in the list, on its search box.
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
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
            self.apply_changes(None)
            return None
        if changes.touches(*keyed):
            ids = changes.ids(*keyed)
            self.apply_changes(ids)
            return ids
        return False

    def refresh(self, ids: list[str] | None = None) -> None:
        """The screens' change handlers: :meth:`apply_changes`, where no ids means unknown or many."""
        self.apply_changes(frozenset(ids) if ids else None)

    def apply_changes(self, ids: frozenset[str] | None) -> None:
        """The rows ``ids`` changed somewhere (None: unknown or many, e.g. after an import or a sync):
        bring the loaded rows up to date, keeping the selection and the rows on screen where they
        were (or the view at the top of the list, if it was there), and read the count beside the
        search box again. GUI thread."""
        if ids is not None and not ids:
            return
        bar = self.table.verticalScrollBar()
        # A view at the very top of the list stays there, so rows that arrive at its head show.
        top_id = None if self.model.at_start and bar.value() == bar.minimum() else self.model.row_id(
            self.table.rowAt(0))
        selected = self.selected_id()
        selected_row = self.table.currentIndex().row()
        self._restoring = True
        try:
            if not self.model.apply_changes(ids):
                # Rows may still have come or gone outside the window: the count says so.
                self._count()
                return
            now = self.selected_id()
            if selected is not None and now != selected:
                i = self.model.position(selected)
                if i is None:
                    # The selected row left the list (approved, sent back, merged…): the row now in
                    # its place is selected, so the next key acts on it.
                    rows = self.model.rowCount()
                    if rows:
                        self.table.selectRow(min(max(selected_row, 0), rows - 1))
                    else:
                        self.table.selectionModel().clear()
                else:
                    self.table.selectRow(i)
            top = self.model.position(top_id) if top_id is not None else None
            if top is not None:
                self._scroll_to_top_row(top)
        finally:
            self._restoring = False
        if self.selected_id() != selected:
            self.current_changed.emit(str(self.selected_id() or ""))
        self._count()

    def _scroll_to_top_row(self, row: int) -> None:
        # The scroll bar's range follows inserted rows only at the next layout; lay out now so the
        # position asked for is not clipped to the old range.
        self.table.doItemsLayout()
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _scrolled(self, value: int) -> None:
        # Rows above the window load when the view reaches its top; checked once the scrolling that
        # got there (or a move of the window, which passes through the top) has settled.
        if value == self.table.verticalScrollBar().minimum() and self.model.can_fetch_before():
            QTimer.singleShot(0, self._fetch_before_at_top)

    def _fetch_before_at_top(self) -> None:
        bar = self.table.verticalScrollBar()
        if bar.value() == bar.minimum() and self.model.can_fetch_before():
            self.fetch_before()

    def fetch_before(self) -> int:
        """Load the page above the window, keeping the rows on screen where they are. GUI thread."""
        top = max(self.table.rowAt(0), 0)
        added = self.model.fetch_before()
        if added:
            self._scroll_to_top_row(top + added)
        return added

    # --- selection and keys -------------------------------------------------------------------
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.current_changed.emit(str(self.model.row_id(current.row()) or ""))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_id(self, row_id: str) -> bool:
        """Select the row ``row_id`` and scroll to it, moving the window to it if it is not loaded
        (without loading the rows before it). False if the list, as searched and filtered, lacks it."""
        loaded = self.model.position(row_id) is not None
        i = self.model.locate(row_id)
        if i is None:
            return False
        self.table.selectRow(i)
        hint = (QAbstractItemView.ScrollHint.EnsureVisible if loaded
                else QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.scrollTo(self.model.index(i, 0), hint)
        return True

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
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) and self.table.currentIndex().row() <= 0:
                if self.model.can_fetch_before():
                    # Load the rows above, then let the key move into them.
                    self.fetch_before()
                    return False
                if event.key() == Qt.Key.Key_Up:
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
    def export(self) -> Op | None:
        """Ask for a file and export the list to it as shown (Ctrl+E). GUI thread."""
        if not self.ctx.can("data.export"):
            return None
        path = ask_path(self, self.export_name)
        return self.export_to(path) if path else None

    def export_to(self, path: str) -> Op:
        """Write every row of the list, as searched, filtered and sorted, to ``path``: the columns
        shown, under their headers, formatted as shown. Off the GUI thread, with progress and Cancel."""
        state = self.current_state()
        db, actor, name = self.ctx.db, self.ctx.actor, self.model.source.name
        header = self.table.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        shown = [i for i in shown if not self.table.isColumnHidden(i)]
        keys = [self.model.columns[i].key for i in shown]
        titles = [self.model.headers[k] for k in keys]
        kinds = {c.key: c.kind for c in self.model.columns}
        labels = dict(self.model.value_labels)
        derived = dict(self.model.derived)
        currency, region = self.ctx.settings.currency, self.ctx.settings.country

        def cell(key: str, value: Any) -> Any:
            return file_value(value, kinds[key], labels=labels.get(key), currency=currency, region=region)

        def work(progress, cancel) -> int:
            return lists.export(db, actor, name, state, path, columns=keys, headers=titles, cell=cell,
                                derived=derived, progress=progress, cancel=cancel)

        return run_export(self, work, path)
