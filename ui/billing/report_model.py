"""A table model over the rows of a report a service computed as a whole (the aging, the overdue
list). Browsable lists of records use :class:`ui.widgets.list_view.ListView`, which pages in SQL;
a report is one result the service already aggregated, so it is held and sorted here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.formatting import cell_text
from ui.widgets.exporting import EXPORT_ROLE, file_value

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ReportColumn:
    key: str  # attribute of the row
    header: str
    kind: str = "text"  # as ui.formatting.cell_text: text | int | date | money
    labels: dict[Any, str] | None = None  # code → what to show


class ReportModel(QAbstractTableModel):
    """Rows are plain objects (dataclasses); ``id_attr`` names the attribute that identifies one."""

    def __init__(self, columns: Sequence[ReportColumn], *, id_attr: str, currency: str, region: str = "CN",
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.id_attr = id_attr
        self.currency = currency
        self.region = region
        self.all_rows: list[Any] = []
        self.rows: list[Any] = []
        self._keep: Callable[[Any], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.rows = self._arranged()
        self.endResetModel()

    def set_filter(self, keep: Callable[[Any], bool] | None) -> None:
        self.beginResetModel()
        self._keep = keep
        self.rows = self._arranged()
        self.endResetModel()

    def _arranged(self) -> list[Any]:
        rows = [r for r in self.all_rows if self._keep is None or self._keep(r)]
        if self._sort is not None:
            column, order = self._sort
            key = self.columns[column].key
            rows.sort(key=lambda r: _sort_key(getattr(r, key)), reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        value = getattr(row, col.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if col.labels is not None and value in col.labels:
                return col.labels[value]
            if col.kind == "money" and not value:
                return ""
            return cell_text(value, col.kind, currency=self.currency, region=self.region)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("int", "money"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return getattr(row, self.id_attr)
        if role == VALUE_ROLE:
            return value
        if role == EXPORT_ROLE:
            return file_value(value, col.kind, labels=col.labels, currency=self.currency, region=self.region)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self.rows[i.row()], i.column()) for i in old]
        self._sort = (column, order)
        self.rows = self._arranged()
        position = {id(r): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(position[id(r)], c) for r, c in held])
        self.layoutChanged.emit()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def _sort_key(value: Any) -> tuple:
    # None sorts first whatever the type, and text compares case-insensitively.
    if value is None:
        return (0, "")
    if isinstance(value, str):
        return (1, value.casefold())
    return (1, value)
