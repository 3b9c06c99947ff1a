"""The audit trail: every change to business data, hash-chained so tampering is detectable.

Entries are written by the unit of work (:mod:`store.uow`, :mod:`store.audit_chain`) in the same
transaction as the change; this module checks the chain and anchors it outside the database.

Keys alone do not catch a chain cut short (delete the newest entries and move the head back: what
is left is still a valid chain). So every backup and every accounting journal export records the
chain's head — sequence and hash — outside the file: in a sidecar beside the backup and in the
database's anchors file (:func:`core.paths.anchors_file_for`). :func:`verify_database` checks the
chain against every anchor it finds there, and a backup's own head counts as an anchor too.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, text

from core import clock, paths
from core.actor import Actor
from services.permissions import require
from store import audit_key
from store.audit_chain import GENESIS, entry_hash
from store.database import Database

log = logging.getLogger(__name__)

ANCHOR_SUFFIX = ".anchor.json"

# --- anchors --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The chain's head as recorded outside the database at some moment."""

    db_id: str
    seq: int
    hash: str
    source: str  # what recorded it: a backup's file name, "journal export <file>", ...
    at: str = ""

    def dumps(self) -> str:
        return json.dumps({"db_id": self.db_id, "seq": self.seq, "hash": self.hash, "source": self.source,
                           "at": self.at}, sort_keys=True, ensure_ascii=False)


def _head_of(conn: Connection) -> tuple[str, int, str] | None:
    row = conn.execute(text("SELECT db_id, seq, hash FROM audit_head WHERE id = 1")).first()
    if row is None or not row.db_id:
        return None
    return row.db_id, row.seq, row.hash


def _append_anchor_line(db_path: Path, anchor: Anchor) -> None:
    target = paths.anchors_file_for(db_path)
    new = not target.exists()
    with target.open("a", encoding="utf-8") as fh:
        fh.write(anchor.dumps() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    if new:
        paths.make_private(target)


def record_anchor(db: Database, *, source: str) -> Anchor | None:
    """Append the chain's current head to the database's anchors file. Returns what was recorded
    (None for a database without a chain head yet). Any thread."""
    with db.read() as conn:
        head = _head_of(conn)
    if head is None:
        return None
    anchor = Anchor(*head, source=source, at=clock.iso_stamp())
    _append_anchor_line(db.path, anchor)
    return anchor


def anchor_backup(db_path: Path, backup: Path) -> Anchor | None:
    """Record the head of the chain inside the finished ``backup`` of the database at ``db_path``:
    in a sidecar beside the backup and in the database's anchors file. Any thread."""
    head = _head_of_file(backup)
    if head is None:
        return None
    anchor = Anchor(*head, source=backup.name, at=clock.iso_stamp())
    sidecar = backup.with_name(backup.name + ANCHOR_SUFFIX)
    sidecar.write_text(anchor.dumps() + "\n", encoding="utf-8")
    paths.make_private(sidecar)
    _append_anchor_line(db_path, anchor)
    return anchor


def _head_of_file(path: Path) -> tuple[str, int, str] | None:
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT db_id, seq, hash FROM audit_head WHERE id = 1").fetchone()
    except sqlite3.Error:
        # A backup from before the chain had an id, or not a Forecourt file: it anchors nothing.
        return None
    finally:
        conn.close()
    return (row[0], row[1], row[2]) if row and row[0] else None


def _parse(line: str, *, default_source: str) -> Anchor | None:
    try:
        data = json.loads(line)
        return Anchor(db_id=str(data["db_id"]), seq=int(data["seq"]), hash=str(data["hash"]),
                      source=str(data.get("source") or default_source), at=str(data.get("at") or ""))
    except (ValueError, KeyError, TypeError):
        return None


def find_anchors(db_path: Path) -> list[Anchor]:
    """Every anchor recorded for the database at ``db_path``: its anchors file, the sidecars of
    the backups in its backup folder and the heads inside those backups. Any thread."""
    found: list[Anchor] = []
    anchors_file = paths.anchors_file_for(db_path)
    if anchors_file.is_file():
        for line in anchors_file.read_text(encoding="utf-8", errors="replace").splitlines():
            anchor = _parse(line, default_source=anchors_file.name) if line.strip() else None
            if anchor is not None:
                found.append(anchor)
    folder = paths.backup_dir_for(db_path)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.endswith(ANCHOR_SUFFIX):
                anchor = _parse(path.read_text(encoding="utf-8", errors="replace"), default_source=path.name)
                if anchor is not None:
                    found.append(anchor)
            elif path.suffix == ".db" and path.is_file():
                head = _head_of_file(path)
                if head is not None:
                    # The copy was finished when its file was last written: that is when it anchored.
                    made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                    found.append(Anchor(*head, source=path.name, at=clock.iso_stamp(made)))
    return found


# --- verification ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""
    keyed_from: int | None = None  # the first keyed entry; those before it carry plain hashes
    anchors: list[Anchor] = field(default_factory=list)  # the anchors the chain was checked against
    secret_missing: bool = False

    def describe(self) -> str:
        """What was checked, in a line or two, for people."""
        keyed = ""
        if self.keyed_from is not None and self.checked:
            plain = min(self.checked, self.keyed_from - 1)
            keyed = f" ({plain} with plain hashes, {self.checked - plain} keyed)"
        text_ = f"{self.checked} entries checked{keyed}"
        if self.anchors:
            newest = max(self.anchors, key=lambda a: a.seq)
            text_ += f"; {len(self.anchors)} anchors checked, newest {newest.source} at entry {newest.seq}"
        else:
            text_ += "; no anchors found (none recorded by a backup or a journal export yet)"
        return text_


def verify(conn: Connection, *, anchors: Iterable[Anchor] = ()) -> VerifyResult:
    """Walk the chain in order; report the first entry that was altered, removed or inserted, or
    that disagrees with one of ``anchors`` (heads recorded outside the database). Keyed entries
    need the database's key on this computer; without it the result says it cannot verify."""
    head = conn.execute(text("SELECT seq, hash, db_id, keyed_from FROM audit_head WHERE id = 1")).first()
    keyed_from = head.keyed_from if head is not None and head.db_id else None
    db_id = head.db_id if head is not None else None
    mine = [a for a in anchors if db_id and a.db_id == db_id]
    foreign = [a for a in anchors if a not in mine]
    base = {"keyed_from": keyed_from, "anchors": mine}
    if head is None:
        return VerifyResult(False, 0, 1, "the chain's head record is missing (deleted)", **base)
    if foreign and not mine:
        a = foreign[0]
        return VerifyResult(False, 0, None, f"the database's id changed: anchor {a.source} names database "
                                            f"{a.db_id}, this database says {db_id}", **base)
    key = None
    secret = audit_key.load(db_id) if db_id else None
    if secret is not None and secret.keyed_from != keyed_from:
        return VerifyResult(False, 0, min(secret.keyed_from, keyed_from or secret.keyed_from),
                            f"the chain says it is keyed from entry {keyed_from}, but its key was made for "
                            f"entry {secret.keyed_from}: the start of the keyed chain was moved", **base)
    if keyed_from is not None and head.seq >= keyed_from:
        if secret is None:
            return VerifyResult(False, 0, None, f"cannot verify: secret missing (the audit key of database "
                                                f"{db_id} is neither in the keyring nor in "
                                                f"{audit_key.key_file(db_id)})", secret_missing=True, **base)
        key = secret.key
    anchored_seqs = {a.seq for a in mine}
    anchored_hashes: dict[int, str] = {}
    restores: list[tuple[int, str]] = []
    prev = GENESIS
    # The chain starts at seq 1, so a missing first entry is named like any other missing entry.
    expected_seq = 1
    checked = 0
    result = conn.execute(text(
        "SELECT seq, id, at, actor, terminal, action, entity, entity_id, summary, before, after, "
        "prev_hash, hash FROM audit_entry ORDER BY seq"))
    for r in result:
        if r.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq,
                                f"entry {expected_seq} is missing (deleted); next entry is {r.seq}", **base)
        if r.prev_hash != prev:
            return VerifyResult(False, checked, r.seq,
                                f"entry {r.seq} does not follow the entry before it (an entry was removed)", **base)
        keyed = keyed_from is not None and r.seq >= keyed_from
        if keyed and key is None:
            return VerifyResult(False, checked, None, f"cannot verify: secret missing (the audit key of "
                                                      f"database {db_id} is not on this computer)",
                                secret_missing=True, **base)
        computed = entry_hash(prev, id=r.id, at=r.at, actor=r.actor, terminal=r.terminal, action=r.action,
                              entity=r.entity, entity_id=r.entity_id, summary=r.summary, before=r.before,
                              after=r.after, key=key if keyed else None)
        if computed != r.hash:
            return VerifyResult(False, checked, r.seq, f"entry {r.seq} was altered", **base)
        if r.seq in anchored_seqs:
            anchored_hashes[r.seq] = r.hash
        if r.action == "restore" and r.entity == "database":
            restores.append((r.seq, r.at))
        prev = r.hash
        expected_seq = r.seq + 1
        checked += 1
    last_seq = expected_seq - 1
    for anchor in sorted(mine, key=lambda a: a.seq):
        if _superseded(anchor, restores):
            continue
        if anchor.seq > last_seq:
            return VerifyResult(False, checked, last_seq + 1,
                                f"entries {last_seq + 1} to {anchor.seq} are missing (deleted): the chain ends at "
                                f"{last_seq} but {anchor.source} anchored entry {anchor.seq}", **base)
        if anchored_hashes.get(anchor.seq) != anchor.hash:
            return VerifyResult(False, checked, anchor.seq,
                                f"entry {anchor.seq} differs from the one anchored by {anchor.source}", **base)
    if head.seq != last_seq or (checked and head.hash != prev):
        return VerifyResult(False, checked, last_seq + 1,
                            f"entries after {last_seq} up to {head.seq} are missing (deleted)", **base)
    return VerifyResult(True, checked, **base)


def _superseded(anchor: Anchor, restores: list[tuple[int, str]]) -> bool:
    """Whether a (keyed, so genuine) restore recorded after ``anchor`` took the chain back below it:
    the anchor then belongs to the history the restore replaced."""
    return bool(anchor.at) and any(seq <= anchor.seq and anchor.at < at for seq, at in restores)


def verify_database(db: Database) -> VerifyResult:
    """:func:`verify` of ``db``'s chain against every anchor found beside it. Any thread."""
    anchors = find_anchors(db.path)
    with db.read() as conn:
        return verify(conn, anchors=anchors)


def verify_trail(db: Database, actor: Actor) -> VerifyResult:
    """:func:`verify_database` for a user allowed to browse the trail, on a read connection. Any thread."""
    require(actor, "audit.view")
    return verify_database(db)
