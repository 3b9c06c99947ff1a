"""Maintain the translations: ``python -m app.i18n_tools update|release|check``.

``update`` extracts every ``tr()``/``translate()`` string of the UI into the .ts files (keeping
existing translations); ``release`` compiles them to the .qm files the app loads; ``check`` lists
strings that have no translation yet (exit 1 if any).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def source_files() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    files.append("app/gui.py")
    return files


def ts_path(language: str) -> Path:
    return TS_DIR / f"forecourt_{language}.ts"


def update(ts_file: Path | None = None, language: str = "zh_CN") -> Path:
    target = ts_file or ts_path(language)
    if ts_file is not None and not target.exists():
        shutil.copyfile(ts_path(language), target)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *source_files(),
                    "-ts", str(target)], cwd=ROOT, check=True)
    return target


def release(language: str = "zh_CN", out: Path | None = None) -> Path:
    target = out or ts_path(language).with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(target)],
                   cwd=ROOT, check=True)
    return target


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [] if tr is None else [f.text for f in tr.iter("numerusform")] or [tr.text]
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    command = args[0] if args else "check"
    for language in LANGUAGES:
        if command == "update":
            update(language=language)
            release(language)
        elif command == "release":
            release(language)
        missing = untranslated(ts_path(language))
        for context, source in missing:
            print(f"{language}: untranslated [{context}] {source!r}")
        if command == "check" and missing:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
