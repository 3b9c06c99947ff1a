"""Customers in and out of files: ``forecourt import customers FILE`` and ``forecourt export customers FILE``.

A row is matched to a customer by its natural keys in turn: the ID number, the company's credit
code, then the phone. Importing a file again updates the customers it names and never duplicates
them; an empty cell leaves the customer's value as it is. A row with none of the three cannot be
matched again and is refused, unless it names by its name (and, where several share it, its e-mail,
other spelling or birth date) one customer recorded without any of them: so an export reads back.
A masked ID number (as exported to a reader without ``customer.view_id``) stands for the ID number of
the customer the row's other keys find, when it masks to the same; otherwise it is refused.
Exports write the customers list (its ID numbers masked for a reader
without ``customer.view_id``); ``company`` is a company customer's own name — people are not linked
to a company in the record — so a file read back keeps each row's kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from core.actor import Actor
from core.errors import ValidationError
from core.ids import new_id
from core.messages import msg
from core.progress import CancelToken, Progress, no_progress
from models.crm import GRADES, Customer, CustomerTag
from services import lists, search, settings, validation
from services.customers import clean_tags, mask_id, name_key, split_tags
from services.imports.framework import Context, Field, ImportKind, ImportSummary, RowResult
from store.audit_chain import Change
from store.database import Database
from store.uow import UnitOfWork

# The columns of an export, in order: those the issue names first, then the rest of the record.
EXPORT_COLUMNS = ("name", "phone", "email", "id_number", "company", "address", "kind", "alt_name", "company_reg",
                  "city", "postcode", "birth_date", "grade", "tags", "marketing_ok", "marketing_since",
                  "marketing_withdrawn_on")


def export_customers(db: Database, actor: Actor, path: Path | str, *, progress: Progress = no_progress,
                     cancel: CancelToken | None = None) -> int:
    """Write every customer (merged ones left out) by name. Returns the rows written. Worker thread."""
    return lists.export(db, actor, "customers", lists.ListState(), path, columns=EXPORT_COLUMNS,
                        progress=progress, cancel=cancel)


_YES = {"1", "y", "yes", "true", "x", "是", "同意", "有"}
_NO = {"0", "n", "no", "false", "否", "不同意", "无", "-"}


def _flag(value: str) -> bool:
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValidationError("marketing_ok", msg("'{value}' is not yes or no", value=value))


def _grade(value: str) -> str:
    grade = value.strip().upper()
    if grade not in GRADES:
        raise ValidationError("grade", msg("Grade must be one of {items}", items=", ".join(GRADES)))
    return grade


def _kind(value: str) -> str:
    folded = value.strip().casefold()
    kinds = {"person": "person", "private": "person", "个人": "person", "company": "company", "公司": "company",
             "企业": "company", "单位": "company"}
    if folded not in kinds:
        raise ValidationError("kind", msg("Kind must be person or company"))
    return kinds[folded]


NAME = Field("name", "Name", required=True, max_length=200, synonyms=("customer", "customer name", "客户", "客户名称",
                                                                        "姓名", "名称"))
KIND = Field("kind", "Kind", max_length=20, synonyms=("type", "客户类型", "类型"), check=_kind)
ALT_NAME = Field("alt_name", "Other spelling", max_length=200, synonyms=("pinyin", "english name", "拼音", "英文名"))
PHONE = Field("phone", "Phone", kind="code", max_length=40, synonyms=("mobile", "telephone", "电话", "手机", "手机号"))
EMAIL = Field("email", "E-mail", max_length=200, synonyms=("mail", "e-mail address", "邮箱", "电子邮件"))
ID_NUMBER = Field("id_number", "ID number", kind="code", max_length=40,
                  synonyms=("id", "id card", "passport", "身份证", "身份证号", "证件号码"))
COMPANY = Field("company", "Company", max_length=200, synonyms=("company name", "公司", "单位", "企业名称"))
COMPANY_REG = Field("company_reg", "Credit code", kind="code", max_length=40,
                    synonyms=("tax number", "uscc", "unified social credit code", "统一社会信用代码", "税号"))
ADDRESS = Field("address", "Address", max_length=300, synonyms=("street", "地址", "住址"))
CITY = Field("city", "City", max_length=100, synonyms=("城市", "市"))
POSTCODE = Field("postcode", "Postcode", kind="code", max_length=16, synonyms=("zip", "邮编", "邮政编码"))
BIRTH_DATE = Field("birth_date", "Birth date", kind="date", synonyms=("born", "date of birth", "出生日期", "生日"))
GRADE = Field("grade", "Grade", max_length=2, synonyms=("customer grade", "客户等级", "等级"), check=_grade)
TAGS = Field("tags", "Tags", max_length=400, synonyms=("tag", "标签"))
MARKETING = Field("marketing_ok", "Marketing consent", max_length=10,
                  synonyms=("marketing", "consent", "营销许可", "营销同意"), check=_flag)
MARKETING_SINCE = Field("marketing_since", "Marketing consent since", kind="date",
                        synonyms=("consent date", "许可日期", "营销许可日期"))

_FIELDS = (NAME, KIND, ALT_NAME, PHONE, EMAIL, ID_NUMBER, COMPANY, COMPANY_REG, ADDRESS, CITY, POSTCODE, BIRTH_DATE,
           GRADE, TAGS, MARKETING, MARKETING_SINCE)
_UPDATABLE = ("kind", "name", "alt_name", "phone", "email", "id_number", "company_reg", "address", "city", "postcode",
              "birth_date", "grade", "marketing_ok", "marketing_since")


def _key(values: dict[str, Any]) -> tuple:
    for name in ("id_number", "company_reg", "phone"):
        value = "".join(str(values.get(name, "")).split()).upper()
        if value:
            return name, value
    return "row", id(values)  # matched to nothing: refused when planned


@dataclass
class _Plan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    before: dict[str, dict[str, Any]] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)  # customer id → its tags after the import
    replaced_tags: set[str] = field(default_factory=set)  # customers whose tags the file sets


def _fingerprint(conn: Connection) -> tuple:
    return tuple(conn.execute(text("SELECT count(*), max(rowid), max(updated_at) FROM customer")).one())


def _clean_row(r: RowResult, region: str) -> dict[str, Any] | None:
    v = dict(r.values)
    try:
        if "phone" in v:
            v["phone"] = validation.phone(str(v["phone"]), region)
        if "email" in v:
            v["email"] = validation.email(v["email"])
        if "id_number" in v:
            if "*" in str(v["id_number"]):
                # As exported to a reader who does not see ID numbers: it stands for the customer's own.
                v["masked_id"] = str(v.pop("id_number")).strip()
            else:
                v["id_number"] = validation.id_number(str(v["id_number"]))
        if "company_reg" in v:
            v["company_reg"] = validation.company_reg(str(v["company_reg"]))
        if v.get("birth_date") and v["birth_date"] > date.today():
            raise ValidationError("birth_date", msg("The birth date is in the future"))
        if "tags" in v:
            v["tags"] = clean_tags(split_tags(v["tags"]))
    except ValidationError as exc:
        r.error(exc.field, exc.detail)
        return None
    company = v.pop("company", "")
    if "kind" not in v and (company or v.get("company_reg")):
        v["kind"] = "company"
    if company and v.get("kind") == "company" and company != v["name"]:
        r.error("company", msg("A company customer's company is its own name"))
        return None
    return v


def _keyless(conn: Connection, cleaned: list[tuple[RowResult, dict[str, Any] | None]]) -> dict[int, dict[str, Any]]:
    """The customers recorded without an ID number, credit code or phone that rows without them name:
    by name, narrowed by the row's e-mail, other spelling and birth date when several share it. A row
    that names none, or cannot tell several apart, is refused."""
    rows = [(r, v) for r, v in cleaned if v is not None and not any(v.get(k) for k in ("id_number", "company_reg",
                                                                                          "phone", "masked_id"))]
    if not rows:
        return {}
    c = Customer.__table__
    keys = sorted({name_key(v["name"]) for _r, v in rows})
    candidates: dict[str, list[dict[str, Any]]] = {}
    cols = [c.c[k] for k in ("id", *_UPDATABLE, "marketing_withdrawn_on", "name_key")]
    for start in range(0, len(keys), 500):
        stmt = select(*cols).where(c.c.name_key.in_(keys[start:start + 500]), c.c.merged_into_id.is_(None),
                                   c.c.id_number == "", c.c.company_reg == "", c.c.phone == ""
                                   ).order_by(c.c.created_at)
        for row in conn.execute(stmt).mappings():
            candidates.setdefault(row["name_key"], []).append({k: row[k] for k in row if k != "name_key"})
    matched: dict[int, dict[str, Any]] = {}
    for r, v in rows:
        found = candidates.get(name_key(v["name"]), [])
        for k in ("email", "alt_name", "birth_date"):
            if len(found) > 1 and v.get(k):
                found = [f for f in found if f[k] == v[k]]
        if len(found) == 1:
            matched[r.row] = found[0]
        else:
            r.error("phone", msg("A row needs an ID number, a credit code or a phone, so that importing the file "
                                 "again finds the customer"))
    return matched


def _plan(conn: Connection, rows: list[RowResult], context: Context, summary: ImportSummary) -> _Plan:
    region = settings.load(conn).country
    cleaned = [(r, _clean_row(r, region)) for r in rows]
    wanted: dict[str, set[str]] = {"id_number": set(), "company_reg": set(), "phone": set()}
    for _r, v in cleaned:
        for k in wanted:
            if v and v.get(k):
                wanted[k].add(v[k])
    c = Customer.__table__
    cols = [c.c[k] for k in ("id", *_UPDATABLE, "marketing_withdrawn_on")]
    found: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in wanted}
    for k, values in wanted.items():
        values_list = sorted(values)
        for start in range(0, len(values_list), 500):
            stmt = select(*cols).where(c.c[k].in_(values_list[start:start + 500]), c.c.merged_into_id.is_(None)
                                       ).order_by(c.c.created_at)
            for row in conn.execute(stmt).mappings():
                found[k].setdefault(row[k], dict(row))
    keyless = _keyless(conn, cleaned)
    plan = _Plan()
    claimed: dict[str, int] = {}
    tags_only: list[tuple[RowResult, str]] = []
    for r, v in cleaned:
        if v is None or not r.ok:
            continue
        old, by = keyless.get(r.row), "name"
        for k in ("id_number", "company_reg", "phone"):
            if old is None and v.get(k) and v[k] in found[k]:
                old, by = found[k][v[k]], k
                break
        masked = v.pop("masked_id", None)
        if masked is not None and (old is None or mask_id(old["id_number"]) != masked):
            r.error("id_number", msg("The ID number is masked: type the full number"))
            continue
        tags = v.pop("tags", None)
        if old is None:
            cid = new_id()
            row = {"id": cid, "kind": "person", "alt_name": "", "phone": "", "email": "", "id_number": "",
                   "company_reg": "", "address": "", "city": "", "postcode": "", "birth_date": None, "grade": "",
                   "marketing_ok": False, "marketing_since": None, "language": "", "notes": "", "active": True,
                   **v}
            if row["marketing_ok"] and row["marketing_since"] is None:
                row["marketing_since"] = date.today()
            if not row["marketing_ok"]:
                row["marketing_since"] = None
            row["name_key"], row["alt_key"] = name_key(row["name"]), name_key(row["alt_name"])
            plan.inserts.append(row)
            claimed[cid] = r.row
            r.action = "insert"
            if tags:
                plan.tags[cid] = tags
                plan.replaced_tags.add(cid)
            # A later row with the same key in another column finds this one, not a second new customer.
            for k in found:
                if row.get(k):
                    found[k].setdefault(row[k], row)
            continue
        if old["id"] in claimed:
            r.error(by, msg("names the same customer as row {first}", first=claimed[old["id"]]))
            continue
        claimed[old["id"]] = r.row
        if "id_number" in v and old["id_number"] and v["id_number"] != old["id_number"]:
            r.error("id_number", msg("differs from the ID number recorded for '{name}'", name=old["name"]))
            continue
        merged = {k: v.get(k, old[k]) for k in _UPDATABLE}
        if merged["marketing_ok"] and not old["marketing_ok"] and not merged["marketing_since"]:
            merged["marketing_since"] = date.today()
        changed = [k for k in _UPDATABLE if merged[k] != old[k]]
        if tags is not None:
            plan.tags[old["id"]] = tags
            plan.replaced_tags.add(old["id"])
        if changed:
            update = {"id": old["id"], **{k: merged[k] for k in _UPDATABLE}}
            update["name_key"], update["alt_key"] = name_key(merged["name"]), name_key(merged["alt_name"])
            if merged["marketing_ok"]:
                update["marketing_withdrawn_on"] = None
            elif old["marketing_ok"]:
                update["marketing_withdrawn_on"] = date.today()
            else:
                update["marketing_withdrawn_on"] = old["marketing_withdrawn_on"]
            plan.updates.append(update)
            plan.before[old["id"]] = {k: old[k] for k in (*_UPDATABLE, "marketing_withdrawn_on")}
            r.action = "update"
        else:
            r.action = "unchanged"
            if tags is not None:
                tags_only.append((r, old["id"]))
    # A row whose only change would be its tags is unchanged when they are the customer's tags already.
    ids = sorted({cid for _r, cid in tags_only})
    have: dict[str, set[str]] = {}
    for start in range(0, len(ids), 500):
        stmt = text("SELECT customer_id, tag FROM customer_tag WHERE customer_id IN :ids").bindparams(
            bindparam("ids", expanding=True))
        for cid, tag in conn.execute(stmt, {"ids": ids[start:start + 500]}):
            have.setdefault(cid, set()).add(tag)
    for r, cid in tags_only:
        if set(plan.tags[cid]) != have.get(cid, set()):
            r.action = "update"
    summary.inserted = len(plan.inserts)
    summary.updated = sum(r.action == "update" for r in rows)
    summary.unchanged = sum(r.action == "unchanged" for r in rows)
    return plan


def _commit(uow: UnitOfWork, plan: _Plan, summary: ImportSummary, progress: Progress,
            cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    uow.insert(Customer, plan.inserts)
    if plan.updates:
        # Keep each update's columns alike (executemany): withdrawn_on is set on every updated row.
        uow.update(Customer, plan.updates, before=plan.before)
    conn = uow.connection
    if plan.replaced_tags:
        ids = sorted(plan.replaced_tags)
        for start in range(0, len(ids), 500):
            stmt = text("SELECT id, customer_id, tag FROM customer_tag WHERE customer_id IN :ids").bindparams(
                bindparam("ids", expanding=True))
            existing = conn.execute(stmt, {"ids": ids[start:start + 500]}).all()
            gone = [r.id for r in existing if r.tag not in plan.tags.get(r.customer_id, [])]
            uow.delete(CustomerTag, gone)
            have = {(r.customer_id, r.tag) for r in existing}
            uow.insert(CustomerTag, [{"id": new_id(), "customer_id": cid, "tag": tag}
                                     for cid in ids[start:start + 500] for tag in plan.tags.get(cid, [])
                                     if (cid, tag) not in have])
    touched = [r["id"] for r in plan.inserts] + [r["id"] for r in plan.updates]
    search.index(conn, "customer", touched)
    total = len(touched)
    progress(total, total, f"Imported {total:,} customers")
    name = Path(summary.file).name
    uow.audit([Change("import", "customer", new_id(), None,
                      {"file": name, "kind": summary.kind, "rows": summary.rows, "inserted": summary.inserted,
                       "updated": summary.updated, "unchanged": summary.unchanged},
                      summary=msg("{kind} import of {name}: {rows} rows, {inserted} new, {updated} updated, "
                                  "{unchanged} unchanged", kind=summary.kind, name=name, rows=summary.rows,
                                  inserted=summary.inserted, updated=summary.updated,
                                  unchanged=summary.unchanged))])


CUSTOMERS_IMPORT = ImportKind(
    name="customers", title="Customers", about="customers (people and companies) with their contact details",
    fields=_FIELDS, key=("phone", "company_reg", "id_number"), key_of=_key, plan=_plan, commit=_commit,
    permissions=("customer.edit",), fingerprint=_fingerprint)
