"""The audit trail: every recorded change, a before/after view of one entry, and a chain check."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QSplitter, QWidget

from core.messages import Message
from services import audit, lists
from store.audit_chain import SUMMARY_KEY
from store.changes import Changes
from ui.admin.labels import audit_action_labels, audit_entity_labels
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import local_datetime
from ui.messages import field_name, service_text
from ui.widgets.detail import Col, fields, heading, paragraph, table
from ui.widgets.list_view import FilterSpec, ListView
from ui.widgets.screen import ListScreen
from ui.workers import Query


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _parse(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"": raw}
    return _flatten(data) if isinstance(data, dict) else {"": data}


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text  # looked like JSON but is not: shown as written


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Settings are stored as one JSON text; spread it out so a change to one setting stands out."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, str) and value.startswith("{"):
            value = _json_or_text(value)
        if isinstance(value, dict) and value:
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def _stored_message(after: str | None) -> Message | None:
    """The summary an entry was written with as a message (template and parameters), if it keeps one."""
    try:
        data = json.loads(after) if after else None
    except ValueError:
        return None
    kept = data.get(SUMMARY_KEY) if isinstance(data, dict) else None
    if not isinstance(kept, dict) or not isinstance(kept.get("template"), str):
        return None
    try:
        return Message(kept["template"], kept.get("params") or {})
    except (KeyError, IndexError, ValueError):
        return None


def diff_rows(before: str | None, after: str | None) -> list[tuple[str, str, str, bool]]:
    """(field, before, after, changed) for every field of either side, fields in name order (not the
    stored summary's template, which is how the summary line is made)."""
    old, new = _parse(before), _parse(after)
    new = {k: v for k, v in new.items() if not k.startswith(SUMMARY_KEY)}
    rows = []
    for key in sorted(old.keys() | new.keys()):
        a, b = _value_text(old.get(key)), _value_text(new.get(key))
        rows.append((key, a, b, (key in old) != (key in new) or old.get(key) != new.get(key)))
    return rows


def _in_sentence(name: str) -> str:
    """A capitalised name as it reads inside a sentence ("Customer" → "customer"); a name that starts
    with an acronym ("VIN") or in a script without case stays as it is."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def entry_summary(entry: dict[str, Any], *, action_labels: dict[str, str] | None = None,
                  entity_labels: dict[str, str] | None = None) -> str:
    """One line saying what an entry records, in the user's language, made when it is shown (the
    stored entry is signed and stays as written): "Changed customer 王伟: phone, city" from the
    action, the record type, the record and the names of the fields that changed. Entries that are
    not a record's insert, update or delete show the summary they were written with. Any thread that
    only reads the installed translators."""
    action, entity = entry.get("action") or "", entry.get("entity") or ""
    stored = entry.get("summary") or ""
    if action == "demo":
        # Written in English when the demo was built ("2600 demo vehicles (seed 1)"): named again here
        # by what it holds, with the number of rows where the entry gives one.
        entities = entity_labels if entity_labels is not None else audit_entity_labels()
        count = re.match(r"\s*(\d[\d,]*)\s", stored)
        text = QCoreApplication.translate("AuditSummary", "Demo data: %1").replace(
            "%1", entities.get(entity, entity))
        return text + (f" × {count.group(1)}" if count else "")
    if action not in ("insert", "update", "delete"):
        message = _stored_message(entry.get("after"))
        if message is not None:
            return service_text(message)
        if stored:
            return service_text(stored)
        return (action_labels if action_labels is not None else audit_action_labels()).get(action, action)
    entities = entity_labels if entity_labels is not None else audit_entity_labels()
    kind = _in_sentence(entities.get(entity, entity))
    record = str(entry.get("record") or entry.get("entity_id") or "")
    if action == "insert":
        return QCoreApplication.translate("AuditSummary", "Created %1 %2").replace("%1", kind).replace("%2", record)
    if action == "delete":
        return QCoreApplication.translate("AuditSummary", "Deleted %1 %2").replace("%1", kind).replace("%2", record)
    changed = [key for key, _old, _new, differs in diff_rows(entry.get("before"), entry.get("after")) if differs]
    # A setting's value is one JSON text spread into its parts: name the part, not "value".
    names = [field_name(key.rsplit(".", 1)[-1]) if key else "" for key in changed]
    names = list(dict.fromkeys(_in_sentence(n) for n in names if n))
    separator = QCoreApplication.translate("AuditSummary", ", ", "between the names of changed fields")
    return (QCoreApplication.translate("AuditSummary", "Changed %1 %2: %3")
            .replace("%1", kind).replace("%2", record).replace("%3", separator.join(names)))


class AuditScreen(ListScreen):
    """Read-only: entries are never edited, only browsed and verified."""


    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.action_labels = audit_action_labels()
        self.entity_labels = audit_entity_labels()
        headers = {
            "seq": self.tr("#"), "at": self.tr("Time"), "actor": self.tr("User"), "action": self.tr("Action"),
            "entity": self.tr("Record type"), "record": self.tr("Record"), "entity_id": self.tr("Record id"),
            "summary": self.tr("Summary"),
        }
        view = ListView(
            ctx, "audit", headers, noun_plural=self.tr("entries"),
            empty_text=self.tr("No changes recorded yet. Every change to the data will be listed here."),
            filters=[
                FilterSpec("action", self.tr("Action"), tuple(self.action_labels.items())),
                FilterSpec("entity", self.tr("Record type"), tuple(self.entity_labels.items())),
                FilterSpec("at", self.tr("Date")),
            ],
            export_name="audit",
            value_labels={"action": self.action_labels, "entity": self.entity_labels},
            derived={"summary": self.summary_of},
        )
        super().__init__(ctx, self.tr("Audit trail"), view, can_edit=False, parent=parent)
        for i, width in enumerate((60, 130, 100, 100, 130, 200)):
            self.list.table.setColumnWidth(i, width)
        for combo in self.list.filter_widgets.values():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        # A before/after table needs width more than height: the entry goes below the list.
        splitter = self.list.parentWidget()
        if isinstance(splitter, QSplitter):
            splitter.setOrientation(Qt.Orientation.Vertical)
            splitter.setSizes([420, 280])
        self._stale = False
        self.verify_result = QLabel()
        self.verify_result.setObjectName("hint")
        self.verify_button = QPushButton(self.tr("&Verify chain"))
        self.verify_button.setToolTip(self.tr("Check that no entry was altered or removed since it was written"))
        self.verify_button.clicked.connect(self.verify)
        self.extra_buttons.addWidget(self.verify_result)
        self.extra_buttons.addWidget(self.verify_button)
        self.last_verify: audit.VerifyResult | None = None

    def summary_of(self, entry: dict[str, Any]) -> str:
        """The entry's one-line summary as the list and its exports show it."""
        return entry_summary(entry, action_labels=self.action_labels, entity_labels=self.entity_labels)

    # --- detail -------------------------------------------------------------------------------
    def read_detail(self, row_id: str) -> Callable[[], dict[str, Any] | None]:
        keys = ["_id"] + [c.key for c in self.list.model.source.columns]
        # The list's rows already hold the whole entry, before/after included.
        row = next((r for r in self.list.model.rows if str(r[0]) == row_id), None)
        if row is not None:
            return lambda: dict(zip(keys, row, strict=True))
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> dict[str, Any] | None:
            found = lists.row_by_id(db, actor, "audit", row_id)
            return dict(zip(keys, found, strict=True)) if found is not None else None

        return read

    def render_detail(self, row_id: str, entry: dict[str, Any] | None) -> str:
        if entry is None:
            return paragraph(self.tr("This entry is not in the trail."))
        action = self.action_labels.get(entry["action"], entry["action"])
        entity = self.entity_labels.get(entry["entity"], entry["entity"])
        title = heading(f"{action} · {entity}")
        meta = fields([
            (self.tr("Entry"), f"#{entry['seq']}"),
            (self.tr("Time"), local_datetime(entry["at"])),
            (self.tr("User"), entry["actor"]),
            (self.tr("Terminal"), entry["terminal"]),
            (self.tr("Record"), entry["record"]),
            (self.tr("Record id"), entry["entity_id"]),
            (self.tr("Summary"), self.summary_of(entry)),
        ])
        values = self._values_table(entry["before"], entry["after"])
        # The entry's facts on the left, its values beside them: the pane is wide and short.
        return (f"{title}<table width='100%' cellspacing='0'><tr><td valign='top' width='30%'>{meta}</td>"
                f"<td valign='top'>{values}</td></tr></table>")

    def _values_table(self, before: str | None, after: str | None) -> str:
        rows = diff_rows(before, after)
        if not rows:
            return paragraph(self.tr("No values were recorded for this entry."), hint=True)
        if before is None or after is None:
            # A record created or deleted: one side only, nothing to compare.
            value = self.tr("Value") if before is None else self.tr("Value when deleted")
            return table([Col(self.tr("Field")), Col(value)],
                         [(field, new if before is None else old) for field, old, new, _changed in rows])
        # What changed comes first; the unchanged rest is there for context.
        rows = sorted(rows, key=lambda r: not r[3])
        values = table([Col(self.tr("Field")), Col(self.tr("Before")), Col(self.tr("After"))],
                       [(field, old, new) for field, old, new, _changed in rows], shade=[r[3] for r in rows])
        hint = "" if all(r[3] for r in rows) else paragraph(self.tr("Changed values are shaded."), hint=True)
        return values + hint

    # --- verification -------------------------------------------------------------------------
    def verify(self) -> Query:
        """Check the whole chain on the database worker; the answer comes as a message box."""
        db, actor = self.ctx.db, self.ctx.actor
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking…"))
        return Query(self, lambda: audit.verify_trail(db, actor)).success(self._verified).failure(
            self._verify_failed).run()

    def _verified(self, result: audit.VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        self.last_verify = result
        if result.ok:
            self.verify_result.setText(self.tr("Intact: %n entries checked", "", result.checked))
            QMessageBox.information(self, self.tr("Audit trail intact"),
                                    self.tr("All %n entries are intact: none was altered or removed.", "",
                                            result.checked))
            return
        seq = str(result.first_bad_seq or "?")
        self.verify_result.setText(self.tr("Damaged at entry #%1").replace("%1", seq))
        QMessageBox.warning(self, self.tr("Audit trail damaged"),
                            self.tr("The audit trail was changed after it was written. The first bad entry is "
                                    "#%1.").replace("%1", seq) + "\n\n" + result.problem)
        if result.first_bad_seq is not None:
            # The audit list's row ids are the entries' seq numbers.
            self.list.select_id(result.first_bad_seq)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setText("")
        show_error(self, exc)

    # --- refresh ------------------------------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        # Any change to the data writes entries; reload now if shown, else when next shown.
        if self.isVisible():
            self.list.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.list.refresh()
        super().showEvent(event)
