"""The ``labour-ops`` import: the labour operations catalogue from a file (a manufacturer's labour
time guide). Code + model family is the natural key: importing a file again updates the operations
it names and never duplicates them; an empty cell leaves the operation's current value as it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text

from core.ids import new_id
from core.messages import msg
from core.progress import CancelToken, Progress
from models.workshop import LabourOperation
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from services.workshop.catalogue import normalize_code
from store.audit_chain import Change
from store.uow import UnitOfWork

CODE = Field("code", "Operation code", required=True, kind="code", max_length=40,
             synonyms=("operation", "op code", "labour code", "工时代码", "项目代码", "作业代码", "代码"))
DESCRIPTION = Field("description", "Description", required=True, max_length=300,
                    synonyms=("name", "operation name", "项目名称", "作业名称", "工时名称", "名称", "描述"))
SYSTEM = Field("system", "System", max_length=80, synonyms=("category", "group", "系统", "类别", "分类"))
HOURS = Field("standard_hours", "Standard hours", kind="hours", maximum=1000,
              synonyms=("hours", "standard time", "labour hours", "标准工时", "工时", "工时数"))
FAMILY = Field("model_family", "Model family", max_length=80, synonyms=("model", "车型", "车系", "适用车型"))

_UPDATABLE = ("description", "system", "standard_hours")


def _key(values: dict[str, Any]) -> tuple:
    return normalize_code(values.get("code", "")), " ".join(str(values.get("model_family", "")).split())


@dataclass
class _Plan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    before: dict[str, dict[str, Any]] = field(default_factory=dict)


def _fingerprint(conn: Connection) -> tuple:
    return tuple(conn.execute(text("SELECT count(*), max(rowid), max(updated_at) FROM labour_operation")).one())


def _plan(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary) -> _Plan:
    o = LabourOperation.__table__
    existing = {(r.code, r.model_family): dict(r._mapping) for r in conn.execute(
        select(o.c.id, o.c.code, o.c.model_family, *(o.c[c] for c in _UPDATABLE)))}
    plan = _Plan()
    for r in rows:
        code, family = _key(r.values)
        values = {c: r.values[c] for c in _UPDATABLE if c in r.values}  # hours: hundredths, as stored
        old = existing.get((code, family))
        if old is None:
            plan.inserts.append({"id": new_id(), "code": code, "model_family": family, "system": "",
                                 "standard_hours": 0, "active": True, **values})
            r.action = "insert"
        else:
            merged = {c: values.get(c, old[c]) for c in _UPDATABLE}
            if any(merged[c] != old[c] for c in _UPDATABLE):
                plan.updates.append({"id": old["id"], **merged})
                plan.before[old["id"]] = {c: old[c] for c in _UPDATABLE}
                r.action = "update"
            else:
                r.action = "unchanged"
    summary.inserted = len(plan.inserts)
    summary.updated = len(plan.updates)
    summary.unchanged = sum(r.action == "unchanged" for r in rows)
    return plan


def _commit(uow: UnitOfWork, plan: _Plan, summary: ImportSummary, progress: Progress,
            cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    uow.insert(LabourOperation, plan.inserts)
    uow.update(LabourOperation, plan.updates, before=plan.before)
    total = len(plan.inserts) + len(plan.updates)
    progress(total, total, f"Imported {total:,} labour operations")
    name = Path(summary.file).name
    uow.audit([Change("import", "labour_operation", new_id(), None,
                      {"file": name, "kind": summary.kind, "rows": summary.rows, "inserted": summary.inserted,
                       "updated": summary.updated, "unchanged": summary.unchanged},
                      summary=msg("{kind} import of {name}: {rows} rows, {inserted} new, {updated} updated, "
                                  "{unchanged} unchanged", kind=summary.kind, name=name, rows=summary.rows,
                                  inserted=summary.inserted, updated=summary.updated,
                                  unchanged=summary.unchanged))])


LABOUR_OPS = ImportKind(
    name="labour-ops", title="Labour operations", about="the labour operations catalogue",
    fields=(CODE, DESCRIPTION, SYSTEM, HOURS, FAMILY), key=("model_family", "code"), key_of=_key, plan=_plan,
    commit=_commit, permissions=("workshop.catalogue",), fingerprint=_fingerprint)
