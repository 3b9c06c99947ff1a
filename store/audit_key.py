"""The secret that keys the audit chain, kept outside the database file (DESIGN §5).

Whoever can write the database file could recompute a plain hash chain after editing it; an HMAC
chain can only be recomputed by someone who also holds this secret. Each database (by the id in its
``audit_head`` row) has its own secret, kept in the operating system's keyring when a usable one
exists and otherwise in a file only its owner may read in :func:`core.paths.config_dir`. The secret
also records the entry from which the chain is keyed, so moving that mark inside the database
(to pass keyed entries off as plain ones) is detected.

A secret is never silently absent: :func:`load` returns None only when none was ever made for the
database, and the callers decide whether that is an error. Any thread.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.errors import DatabaseProblem
from core.messages import msg

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Forecourt audit"
_KEY_BYTES = 32

_cache: dict[tuple[str, str], AuditSecret] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class AuditSecret:
    key: bytes
    keyed_from: int  # the first entry of the chain that is keyed with it

    def dumps(self) -> str:
        return json.dumps({"key": self.key.hex(), "keyed_from": self.keyed_from}, sort_keys=True)

    @classmethod
    def loads(cls, text: str) -> AuditSecret:
        data = json.loads(text)
        return cls(key=bytes.fromhex(data["key"]), keyed_from=int(data["keyed_from"]))


def key_file(db_id: str) -> Path:
    return paths.config_dir() / "audit-keys" / f"{db_id}.key"


def _keyring():
    """The OS keyring backend, or None when there is no usable one (headless Linux, CI)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring install means "no keyring", never a crash
        log.debug("no keyring: %s", exc)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def _from_keyring(db_id: str) -> AuditSecret | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        text = backend.get_password(KEYRING_SERVICE, db_id)
    except Exception as exc:  # noqa: BLE001 - a locked or failing keyring: the file may still hold it
        log.warning("keyring lookup of the audit key failed: %s", exc)
        return None
    return AuditSecret.loads(text) if text else None


def _from_file(db_id: str) -> AuditSecret | None:
    path = key_file(db_id)
    try:
        return AuditSecret.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        raise DatabaseProblem(msg("The audit key file {path} cannot be read ({exc}).",
                                  path=path, exc=exc), kind="audit-key") from exc


def _store(db_id: str, secret: AuditSecret) -> str:
    """Keep ``secret`` in the keyring, else in a private file; return where it went."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, db_id, secret.dumps())
            return f"the keyring ({KEYRING_SERVICE})"
        except Exception as exc:  # noqa: BLE001 - fall back to the file rather than write unkeyed
            log.warning("keyring refused the audit key, keeping it in a file: %s", exc)
    path = key_file(db_id)
    paths.private_dir(path.parent)
    # O_EXCL: two programs making the first keyed entry at once must not each keep their own key.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.PRIVATE_FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secret.dumps())
        fh.flush()
        os.fsync(fh.fileno())
    return str(path)


def _cache_key(db_id: str) -> tuple[str, str]:
    return db_id, str(key_file(db_id))


def load(db_id: str) -> AuditSecret | None:
    """The secret of database ``db_id``, or None when none is kept on this computer."""
    with _lock:
        cached = _cache.get(_cache_key(db_id))
        if cached is not None:
            return cached
        secret = _from_keyring(db_id) or _from_file(db_id)
        if secret is not None:
            _cache[_cache_key(db_id)] = secret
        return secret


def load_or_create(db_id: str, *, keyed_from: int) -> AuditSecret:
    """The secret of database ``db_id``, made now when none exists yet (the chain's first keyed
    entry, ``keyed_from``, is being written)."""
    secret = load(db_id)
    if secret is not None:
        return secret
    with _lock:
        secret = AuditSecret(key=secrets.token_bytes(_KEY_BYTES), keyed_from=keyed_from)
        try:
            where = _store(db_id, secret)
        except FileExistsError:
            secret = _from_file(db_id)
            assert secret is not None
            where = str(key_file(db_id))
        _cache[_cache_key(db_id)] = secret
    log.info("audit key of database %s kept in %s", db_id, where)
    return secret


def missing(db_id: str) -> DatabaseProblem:
    """The error for a keyed chain whose secret is not on this computer."""
    return DatabaseProblem(
        msg("The audit key of this database (id {db_id}) is missing: it is neither in the keyring "
            "({KEYRING_SERVICE}) nor in {db_id2}. Copy the key file from the computer the database came from; "
            "nothing was written.",
            db_id=db_id, KEYRING_SERVICE=KEYRING_SERVICE, db_id2=key_file(db_id)), kind="audit-key")


def forget_cached() -> None:
    """Drop keys remembered by this process (after a restore, or in tests that move keys away)."""
    with _lock:
        _cache.clear()
