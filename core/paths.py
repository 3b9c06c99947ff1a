"""Where Forecourt keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Forecourt"
APP_AUTHOR = "Forecourt"
ENV_DB = "FORECOURT_DB"
ENV_HOME = "FORECOURT_HOME"
ENV_CONFIG = "FORECOURT_CONFIG"


def _dirs():
    import platformdirs

    return platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)


def data_dir() -> Path:
    """The per-user data directory (or ``$FORECOURT_HOME`` when set)."""
    home = os.environ.get(ENV_HOME)
    path = Path(home) if home else Path(_dirs().user_data_dir)
    return path


def log_dir() -> Path:
    home = os.environ.get(ENV_HOME)
    return Path(home) / "logs" if home else Path(_dirs().user_log_dir)


def config_dir() -> Path:
    """The per-user configuration folder: ``$FORECOURT_CONFIG``, else ``config`` in
    ``$FORECOURT_HOME``, else the platform's. Secrets kept outside the database live here."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    home = os.environ.get(ENV_HOME)
    return Path(home) / "config" if home else Path(_dirs().user_config_dir)


def default_db_path() -> Path:
    """``$FORECOURT_DB`` if set, otherwise ``forecourt.db`` in the data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "forecourt.db"


def backup_dir_for(db_path: Path) -> Path:
    """Backups live beside the database so a USB copy of the folder carries them."""
    return db_path.parent / "backups"


def anchors_file_for(db_path: Path) -> Path:
    """The file of audit-chain anchors of the database at ``db_path``, beside its backup folder."""
    return backup_dir_for(db_path).parent / f"{db_path.name}.audit-anchors.jsonl"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"


# Files holding dealership data (the database, backups, logs, exports, keys) are for their owner
# only: on a shared PC another account must not read customers' phone and ID numbers.
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as a folder only its owner may enter; return it. A
    folder that already exists keeps its mode: it may be shared on purpose. POSIX only."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    return path


def make_private(path: Path) -> None:
    """Make the file at ``path`` readable and writable by its owner only (a no-op on Windows,
    where the profile's folders already are)."""
    if os.name == "posix":
        os.chmod(path, PRIVATE_FILE_MODE)


def private_files() -> None:
    """From now on, every file and folder this process creates — the database and its -wal/-shm,
    backups, logs, exports, reports — is readable by its owner only (0600 files, 0700 folders) on
    POSIX systems. Called first thing by every entry point."""
    if os.name == "posix":
        os.umask(0o077)
