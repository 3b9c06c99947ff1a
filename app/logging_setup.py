"""The program's log: one rotating file per user, shared by the desktop program and the CLI."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
from pathlib import Path

from core import paths

LOG_NAME = "forecourt.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _LogFile(logging.handlers.RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        # A log line that cannot be written (disk full; another process rotating the same file on
        # Windows) must neither stop the program nor print a traceback on the user's console.
        return None


def _open_handler(folder: Path) -> _LogFile:
    folder.mkdir(parents=True, exist_ok=True)
    return _LogFile(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)


def configure_logging(*, verbose: bool = False) -> Path:
    """Send log records to ``forecourt.log`` in :func:`core.paths.log_dir` (1 MB, five old files kept)
    and return that file's path. ``verbose`` also echoes debug records to stderr. Calling it again
    keeps the one file handler. Main thread, at start-up."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if isinstance(h, _LogFile)), None)
    if handler is None:
        try:
            handler = _open_handler(paths.log_dir())
        except OSError:
            # A read-only profile must not stop the program; the temp folder always takes a file.
            handler = _open_handler(Path(tempfile.gettempdir()))
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(logging.DEBUG)
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # Alembic announces its plugins and context on every open; only worth a line when debugging.
    logging.getLogger("alembic").setLevel(logging.DEBUG if verbose else logging.WARNING)
    if verbose and not any(getattr(h, "_forecourt_console", False) for h in root.handlers):
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console._forecourt_console = True  # type: ignore[attr-defined]
        root.addHandler(console)
    return Path(handler.baseFilename)
