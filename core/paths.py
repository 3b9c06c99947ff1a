"""Where Forecourt keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Forecourt"
APP_AUTHOR = "Forecourt"
ENV_DB = "FORECOURT_DB"
ENV_HOME = "FORECOURT_HOME"


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


def default_db_path() -> Path:
    """``$FORECOURT_DB`` if set, otherwise ``forecourt.db`` in the data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "forecourt.db"


def backup_dir_for(db_path: Path) -> Path:
    """Backups live beside the database so a USB copy of the folder carries them."""
    return db_path.parent / "backups"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
